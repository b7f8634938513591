//! A report written to its file and read back is the same report, and a damaged file, or one of
//! another schema version, is refused with a message that says what is wrong.

use catalogue::report_file::{parse, to_json, SCHEMA};
use catalogue::{CATALOGUE, REPORTS};

#[test]
fn every_report_reads_back_as_written() {
    assert!(!REPORTS.is_empty());
    for r in REPORTS.iter() {
        let back = parse(&to_json(r)).unwrap_or_else(|e| panic!("{}: {e}", r.name));
        assert_eq!(*r, back, "{}", r.name);
    }
    // The real report holds sections, charts and checks, so they are read back too.
    let first = &REPORTS[0].catalogue;
    assert!(!first.sections.is_empty() && !first.charts.is_empty() && !first.checks.is_empty());
}

#[test]
fn the_open_report_is_the_first_verified_one() {
    assert_eq!(*CATALOGUE, REPORTS[0].catalogue);
    assert_eq!(catalogue::seed_text(), REPORTS[0].text);
}

#[test]
fn a_damaged_file_says_what_is_wrong() {
    let good = to_json(&REPORTS[0]);
    let schema = format!("\"schema\":{SCHEMA}");
    assert!(good.starts_with(&format!("{{{schema},")), "{}", &good[..40]);
    let cases = [
        (String::from("{"), "not a report file"),
        (good[..good.len() / 2].to_string(), "damaged report file"),
        (good.replace(&schema, "\"schema\":1"), &format!("schema version 1, but this page reads version {SCHEMA}")),
        (good.replace(&schema, "\"schema\":\"two\""), "not a report file"),
        (good.replacen(&schema, "\"version\":3", 1), "names no schema version"),
        (good.replacen("\"exact\"", "\"roughly\"", 1), "\"roughly\" is not one of exact, at_least"),
        (good.replacen("\"asof ", "\"since ", 1), "\"asof 2020-06\" or \"unstated\""),
        (good.replacen("\"facts\":[", "\"facts\":[7,", 1), "damaged report file"),
    ];
    for (text, needle) in cases {
        match parse(&text) {
            Ok(_) => panic!("accepted a file damaged for {needle:?}"),
            Err(e) => assert!(e.contains(needle), "{e} (wanted {needle:?})"),
        }
    }
}

/// A value survives writing and reading to the last digit (the report-file fuzzer found one that
/// did not, with serde_json's default float parsing).
#[test]
fn every_number_survives_a_report_file() {
    let mut report = catalogue::REPORTS[0].clone();
    for (fact, value) in
        report.catalogue.facts.iter_mut().zip([15.011111111111113, 0.1 + 0.2, 1e-7, 123456789.12345679, 2.5e15])
    {
        fact.value = value;
    }
    let again = catalogue::report_file::parse(&catalogue::report_file::to_json(&report));
    assert_eq!(again, Ok(report));
}
