//! A report written to its file and read back is the same report, and a damaged file is refused
//! with a message that says where.

use catalogue::wire::{parse_report, report_json};
use catalogue::REPORTS;
use facts::Report;

fn same(a: &Report, b: &Report) {
    assert_eq!(a.name, b.name);
    assert_eq!(a.text, b.text);
    let (x, y) = (a.catalogue, b.catalogue);
    assert_eq!(x.seed, y.seed);
    assert_eq!(x.articles, y.articles);
    assert_eq!(x.units, y.units);
    assert_eq!(x.regions, y.regions);
    assert_eq!(x.topics, y.topics);
    assert_eq!(x.facts, y.facts);
    assert_eq!(x.drafts, y.drafts);
    assert_eq!(x.indicators, y.indicators);
    assert_eq!(x.sections, y.sections);
    assert_eq!(x.charts, y.charts);
    assert_eq!(x.checks, y.checks);
    assert_eq!(x.headlines, y.headlines);
}

#[test]
fn every_report_reads_back_as_written() {
    assert!(!REPORTS.is_empty());
    for r in REPORTS {
        let back = parse_report(&report_json(r)).unwrap_or_else(|e| panic!("{}: {e}", r.name));
        same(r, &back);
    }
    // The real report holds sections, charts and checks, so they are read back too.
    let first = REPORTS[0].catalogue;
    assert!(!first.sections.is_empty() && !first.charts.is_empty() && !first.checks.is_empty());
}

#[test]
fn a_damaged_file_says_where() {
    let good = report_json(&REPORTS[0]);
    let cases = [
        (String::from("{"), "not JSON"),
        (good.replace("\"schema\":1", "\"schema\":9"), "schema"),
        (good.replacen("\"exact\"", "\"roughly\"", 1), "unknown qualifier \"roughly\""),
        (good.replacen("\"asof ", "\"since ", 1), "period"),
        (good.replace("\"facts\":[", "\"facts\":[7,"), "facts #1: not a list"),
    ];
    for (text, needle) in cases {
        match parse_report(&text) {
            Ok(_) => panic!("accepted a file damaged for {needle:?}"),
            Err(e) => assert!(e.contains(needle), "{e} (wanted {needle:?})"),
        }
    }
}

/// The build writes the catalogue as Rust (`verify::codegen`); native tools read reports at run
/// time (`verify::runtime`). Both give the same report.
#[test]
fn the_run_time_mapping_agrees_with_the_build() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let paths = verify::reports::catalogue_paths(&verify::reports::seeds_dirs(&root)).expect("seeds");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    assert_eq!(loaded.len(), REPORTS.len());
    for (l, built) in loaded.iter().zip(REPORTS) {
        same(built, &verify::runtime::to_report(l));
    }
}
