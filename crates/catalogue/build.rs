//! Verifies `seeds/*.facts.toml` (at the repository's root) against their texts and the number
//! parser, then writes `$OUT_DIR/catalogue.rs` (`pub static CATALOGUE: Catalogue`), included by
//! `src/lib.rs`. The loading and verifying is the `verify` crate's.
//!
//! Any problem fails the build with every message, each naming the file, the entry and the
//! field. Numbers in the text that no fact or not_indicator accounts for fail it too, unless
//! `FACTS_COVERAGE=warn` is set (then they are printed as warnings; the tests still fail).
//!
//! For now exactly one catalogue is supported: the model has one `CATALOGUE`.

use std::env;
use std::fs;
use std::path::{Path, PathBuf};
use std::process::exit;
use verify::{catalogue_file, codegen};

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
    let seeds = manifest.join("../../seeds");
    println!("cargo:rerun-if-changed=build.rs");
    println!("cargo:rerun-if-changed={}", seeds.display());
    println!("cargo:rerun-if-env-changed=FACTS_COVERAGE");

    let mut catalogues: Vec<PathBuf> = match fs::read_dir(&seeds) {
        Ok(dir) => dir
            .filter_map(|e| e.ok().map(|e| e.path()))
            .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".facts.toml")))
            .collect(),
        Err(e) => fail(&[format!("cannot read {}: {e}", seeds.display())]),
    };
    catalogues.sort();
    for p in &catalogues {
        println!("cargo:rerun-if-changed={}", p.display());
    }
    let path = match catalogues.as_slice() {
        [one] => one.clone(),
        [] => fail(&[format!("no *.facts.toml in {}", seeds.display())]),
        many => fail(&[format!(
            "{} catalogues in seeds/ ({}), but the model holds exactly one CATALOGUE for now",
            many.len(),
            many.iter().map(|p| p.display().to_string()).collect::<Vec<_>>().join(", ")
        )]),
    };
    let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?.facts.toml").to_string();
    let toml_text = fs::read_to_string(&path).unwrap_or_else(|e| fail(&[format!("{file_name}: cannot read: {e}")]));
    let seed_name = format!("{}.txt", file_name.trim_end_matches(".facts.toml"));
    let seed_path = seeds.join(&seed_name);
    println!("cargo:rerun-if-changed={}", seed_path.display());
    let seed_text = fs::read_to_string(&seed_path)
        .unwrap_or_else(|e| fail(&[format!("{file_name}: cannot read its text {}: {e}", seed_path.display())]));

    let file = catalogue_file::load(&toml_text, &file_name, &seed_text)
        .unwrap_or_else(|errors| fail(&errors.iter().map(ToString::to_string).collect::<Vec<_>>()));
    let coverage: Vec<String> =
        catalogue_file::coverage_errors(&file, &seed_text).iter().map(ToString::to_string).collect();
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

    let source = codegen::rust_source(&file, &absolute(&seed_path));
    let out = PathBuf::from(env::var("OUT_DIR").unwrap_or_else(|_| fail(&["OUT_DIR is not set".to_string()])));
    if let Err(e) = fs::write(out.join("catalogue.rs"), source) {
        fail(&[format!("cannot write {}: {e}", out.join("catalogue.rs").display())]);
    }
}

fn absolute(p: &Path) -> String {
    fs::canonicalize(p).unwrap_or_else(|_| p.to_path_buf()).display().to_string()
}
