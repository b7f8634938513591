//! Verifies every report in `seeds/` (or in `DASHBOARD_SEEDS`, a fixture or benchmark set) against
//! its text and the number parser, and against each other, then writes `$OUT_DIR/catalogue.rs`
//! (see `src/lib.rs` for what it defines). The loading and verifying is the `verify` crate's.
//!
//! Any problem fails the build with every message, each naming the file, the entry and the
//! field. Numbers in the text that no fact or not_indicator accounts for fail it too, unless
//! `FACTS_COVERAGE=warn` is set (then they are printed as warnings; the tests still fail).

use std::env;
use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use verify::{catalogue_file, codegen, reports};

fn fail(messages: &[String]) -> ! {
    fail_with_hint(messages, None)
}

fn fail_with_hint(messages: &[String], hint: Option<&str>) -> ! {
    eprintln!();
    eprintln!("error: the fact catalogue does not verify ({} problem(s)):", messages.len());
    for m in messages {
        eprintln!("  {m}");
    }
    if let Some(h) = hint {
        eprintln!("  ({h})");
    }
    eprintln!();
    exit(1);
}

fn main() {
    let manifest = PathBuf::from(env::var("CARGO_MANIFEST_DIR").unwrap_or_else(|_| ".".into()));
    let seeds = reports::seeds_dirs(&manifest.join("../.."));
    println!("cargo:rerun-if-changed=build.rs");
    for dir in &seeds {
        println!("cargo:rerun-if-changed={}", dir.display());
    }
    println!("cargo:rerun-if-env-changed=FACTS_COVERAGE");
    println!("cargo:rerun-if-env-changed=DASHBOARD_SEEDS");

    let paths = reports::catalogue_paths(&seeds).unwrap_or_else(|e| fail(&[e]));
    for p in &paths {
        println!("cargo:rerun-if-changed={}", p.display());
        println!("cargo:rerun-if-changed={}", p.with_extension("").with_extension("txt").display());
    }
    let all = reports::load_all(&paths)
        .unwrap_or_else(|errors| fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()));

    let coverage: Vec<String> =
        all.iter().flat_map(|r| catalogue_file::coverage_errors(&r.file, &r.text)).map(|e| e.to_string()).collect();
    if !coverage.is_empty() {
        if env::var("FACTS_COVERAGE").is_ok_and(|v| v == "warn") {
            for m in &coverage {
                println!("cargo:warning={m}");
            }
        } else {
            fail_with_hint(
                &coverage,
                Some("set FACTS_COVERAGE=warn to build anyway while the catalogue is being written"),
            );
        }
    }

    let mut source = String::new();
    for (i, r) in all.iter().enumerate() {
        let (catalogue, text) = if i == 0 {
            ("CATALOGUE".to_string(), "SEED_TEXT".to_string())
        } else {
            (format!("REPORT_{i}"), format!("TEXT_{i}"))
        };
        source.push_str(&codegen::rust_source_named(&r.file, &absolute(&r.text_path), &catalogue, &text));
    }
    let _ = writeln!(source, "pub static REPORTS: &[Report] = &[");
    for (i, r) in all.iter().enumerate() {
        let (catalogue, text) = if i == 0 {
            ("CATALOGUE".to_string(), "SEED_TEXT".to_string())
        } else {
            (format!("REPORT_{i}"), format!("TEXT_{i}"))
        };
        let _ = writeln!(source, "    Report {{ name: {:?}, catalogue: &{catalogue}, text: {text} }},", r.name);
    }
    let _ = writeln!(source, "];");
    let index =
        if all.len() > 1 { format!("reports/index.{}.json", reports::content_key(&all)) } else { String::new() };
    let _ = writeln!(source, "pub const REPORTS_INDEX: &str = {index:?};");

    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".to_string()])));
    if let Err(e) = fs::write(out.join("catalogue.rs"), source) {
        fail(&[format!("cannot write {}: {e}", out.join("catalogue.rs").display())]);
    }
}

fn absolute(p: &Path) -> String {
    fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string()
}
