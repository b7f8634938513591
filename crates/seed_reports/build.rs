//! Verifies every report in `seeds/` (or in `DASHBOARD_SEEDS`, a fixture or benchmark set) against
//! its text and the number parser, and against each other (the `verify` crate), maps each into
//! the model (`verify::to_model`) and writes it as data to `$OUT_DIR`, which `src/lib.rs` reads
//! back with serde: `reports.bin`, every report with its text; `open.bin`, the first report's
//! catalogue as the page's data file holds it; `reports_index.txt`, the published index's path
//! ("" for one report).
//!
//! Any problem fails the build with every message, each naming the file, the entry and the
//! field. Numbers in the text that no fact or not_indicator accounts for fail it too, unless
//! `FACTS_COVERAGE=warn` is set (then they are printed as warnings; the tests still fail).

use std::env;
use std::fs;
use std::path::PathBuf;
use std::process::exit;
use verify::{catalogue_file, reports, site, to_model};

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
    // The report the page opens with first (site.toml's `open`), the others in file-name order.
    let (settings, settings_path) = site::load(&seeds).unwrap_or_else(|e| fail(&[e]));
    let paths = site::open_first(paths, &settings, settings_path.as_deref()).unwrap_or_else(|e| fail(&[e]));
    let site_settings = settings.settings(settings_path.as_deref()).unwrap_or_else(|e| fail(&[e]));
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

    let models: Vec<facts::Report> = to_model::reports(&all);
    let Some(open) = models.first() else { fail(&["no report to build".to_string()]) };
    let index =
        if all.len() > 1 { format!("reports/index.{}.json", reports::content_key(&all)) } else { String::new() };
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".to_string()])));
    let encode = |what: &str, bytes: Result<Vec<u8>, postcard::Error>| {
        bytes.unwrap_or_else(|e| fail(&[format!("cannot encode {what}: {e}")]))
    };
    let files: [(&str, Vec<u8>); 4] = [
        ("open.bin", encode("the first report", postcard::to_allocvec(&open.catalogue))),
        ("reports.bin", encode("the reports", postcard::to_allocvec(&models))),
        ("reports_index.txt", index.into_bytes()),
        ("site.bin", encode("the site's settings", postcard::to_allocvec(&site_settings))),
    ];
    for (name, bytes) in files {
        if let Err(e) = fs::write(out.join(name), bytes) {
            fail(&[format!("cannot write {}: {e}", out.join(name).display())]);
        }
    }
}
