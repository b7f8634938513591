//! Sections, charts, headlines, cross-checks, status and indicators in a catalogue file: each kind
//! of mistake fails with a message naming the file, the entry and the field; and mistakes across
//! files (an id in two reports, an indicator in two units) name both.

#![cfg(not(target_arch = "wasm32"))]

use std::path::PathBuf;

use verify::catalogue_file::{self, CatalogueError};
use verify::reports;

const REAL: &str = "000_51d79537997213ea.facts.toml";

fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(path: &str) -> String {
    let full = root().join(path);
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {}: {e}", full.display()))
}

fn real() -> (String, String) {
    (read(&format!("seeds/{REAL}")), read("seeds/000_51d79537997213ea.txt"))
}

fn list(errs: &[CatalogueError]) -> String {
    errs.iter().map(|e| format!("  {e}\n")).collect()
}

/// Loads the real catalogue with `from` replaced by `to` (which must occur), expecting an error
/// for `entry` and `field` that says `needle`.
fn rejects(from: &str, to: &str, entry: &str, field: &str, needle: &str) {
    let (toml, text) = real();
    assert!(toml.contains(from), "{from:?} is not in the catalogue");
    let changed = toml.replacen(from, to, 1);
    let errs = match catalogue_file::load(&changed, REAL, &text) {
        Ok(_) => panic!("accepted: {from:?} -> {to:?}"),
        Err(e) => e,
    };
    let hit = errs.iter().any(|e| e.file == REAL && e.entry == entry && e.field == field && e.message.contains(needle));
    assert!(hit, "no error {entry}: {field} ({needle:?}) for {from:?} -> {to:?}; got:\n{}", list(&errs));
}

#[test]
fn the_real_catalogue_declares_its_page() {
    let (toml, text) = real();
    let file = catalogue_file::load(&toml, REAL, &text).unwrap_or_else(|e| panic!("{}", list(&e)));
    assert_eq!(file.sections.len(), 6);
    assert_eq!(file.charts.len(), 10);
    assert_eq!(file.cross_checks.len(), 8);
    assert_eq!(file.headlines.len(), 6);
}

#[test]
fn section_mistakes() {
    rejects(
        "id = \"gd-industry\"\ntitle_zh",
        "id = \"GD industry\"\ntitle_zh",
        "section \"GD industry\"",
        "id",
        "lowercase",
    );
    rejects("id = \"gd-finance\"\ntitle_zh", "id = \"gd-5g\"\ntitle_zh", "section \"gd-5g\"", "id", "used twice");
    rejects(
        "topics = [\"gd-clearance\"]",
        "topics = [\"gd-clear\"]",
        "section \"gd-clearance\"",
        "topics",
        "no topic has id \"gd-clear\"",
    );
    rejects("topics = [\"gd-clearance\"]", "topics = []", "section \"gd-clearance\"", "topics", "at least one topic");
    rejects("title_zh = \"拖欠账款清偿\"", "title_zh = \" \"", "section \"gd-clearance\"", "title_zh", "is empty");
}

#[test]
fn chart_mistakes() {
    rejects(
        "section = \"national\"\ntitle_zh",
        "section = \"nation\"\ntitle_zh",
        "chart \"sme-shares\"",
        "section",
        "no section has id \"nation\"",
    );
    rejects(
        "facts = [\"gd-pillar-clusters\"",
        "facts = [\"gd-pillar-cluster\"",
        "chart \"gd-clusters\" panel #1",
        "facts",
        "no fact has id \"gd-pillar-cluster\"",
    );
    rejects(
        "references = [\"national-clearance-requirement-2019\"]",
        "references = [\"gd-tax-fee-cuts\"]",
        "chart \"gd-clearance\" panel #1",
        "facts",
        "share a unit",
    );
    rejects(
        "facts = [\"luoning-broadband-ports\"]",
        "facts = []",
        "chart \"luoning-telecom\" panel #2",
        "facts",
        "is empty",
    );
    rejects(
        "stock = \"gd-5g-stations-2019\"",
        "stock = \"gd-5g-stations\"",
        "chart \"gd-5g-stations\"",
        "stock_flow.stock",
        "no fact has id",
    );
    rejects(
        "check = \"gd-5g-stations-stock-flow\"",
        "check = \"luoning-4g-villages-total\"",
        "chart \"gd-5g-stations\"",
        "stock_flow.check",
        "no cross_check of kind stock_flow",
    );
    rejects(
        "check = \"gd-5g-stations-stock-flow\" }\n",
        "check = \"gd-5g-stations-stock-flow\" }\n[[chart.panel]]\nfacts = [\"gd-5g-stations-2019\"]\n",
        "chart \"gd-5g-stations\"",
        "stock_flow",
        "not both",
    );
    rejects(
        "id = \"luoning-ecommerce\"\nsection",
        "id = \"sme-shares\"\nsection",
        "chart \"sme-shares\"",
        "id",
        "used twice",
    );
    rejects(
        "\"luoning-livestream-views\"]\n[[chart.panel]]",
        "\"luoning-livestream-views\"]\nfunny = 1\n[[chart.panel]]",
        "chart #9 (\"luoning-ecommerce\") panel #1",
        "funny",
        "unknown field",
    );
}

#[test]
fn cross_check_mistakes() {
    rejects("kind = \"sum\"", "kind = \"total\"", "cross_check \"luoning-4g-villages-total\"", "kind", "not one of");
    rejects(
        "inputs = [\"luoning-4g-new-villages\", \"luoning-4g-optimised-villages\"]",
        "inputs = [\"luoning-4g-new-villages\"]",
        "cross_check \"luoning-4g-villages-total\"",
        "inputs",
        "takes 2 inputs",
    );
    rejects(
        "inputs = [\"luoning-4g-new-villages\", \"luoning-4g-optimised-villages\"]",
        "inputs = [\"luoning-4g-new-villages\", \"luoning-4g\"]",
        "cross_check \"luoning-4g-villages-total\"",
        "inputs",
        "no fact has id \"luoning-4g\"",
    );
    rejects("tolerance = 1000", "", "cross_check \"gd-5g-stations-stock-flow\"", "tolerance", "is required");
    rejects(
        "whole = \"全国\"",
        "whole = \"全国\"\ntolerance = 3",
        "cross_check \"national-5g-output-2019-upper-bound\"",
        "tolerance",
        "is not used",
    );
    rejects(
        "between = [\"1/5\", \"1/3\"]",
        "between = [\"1/5\", \"4/3\"]",
        "cross_check \"national-5g-stations-2019-implied\"",
        "between",
        "two fractions",
    );
    rejects(
        "rounding = 50000000\n\n[[cross_check]]\nid = \"gd-specialised",
        "rounding = -1\n\n[[cross_check]]\nid = \"gd-specialised",
        "cross_check \"gd-preferential-loan-per-firm\"",
        "rounding",
        "zero or more",
    );
}

#[test]
fn headline_status_and_indicator_mistakes() {
    rejects(
        "  \"gd-tax-fee-cuts\",",
        "  \"gd-tax-cuts\",",
        "headlines #3",
        "headlines",
        "no fact has id \"gd-tax-cuts\"",
    );
    rejects("  \"gd-tax-fee-cuts\",", "  \"gd-5g-output-2019\",", "headlines #3", "headlines", "listed twice");
    rejects(
        "id = \"gd-5g-stations-2019\"\n",
        "id = \"gd-5g-stations-2019\"\nstatus = \"checked\"\n",
        "fact \"gd-5g-stations-2019\"",
        "status",
        "not one of reviewed, draft",
    );
    rejects(
        "id = \"gd-5g-stations-2019\"\n",
        "id = \"gd-5g-stations-2019\"\nindicator = \"5G Stations\"\n",
        "fact \"gd-5g-stations-2019\"",
        "indicator",
        "lowercase",
    );
}

/// A scratch seeds directory holding the real report and `extra` (name, toml, text) files.
fn scratch(tag: &str, extra: &[(&str, String, String)]) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("verify-presentation-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let (toml, text) = real();
    std::fs::write(dir.join(REAL), toml).expect("write");
    std::fs::write(dir.join("000_51d79537997213ea.txt"), text).expect("write");
    for (name, toml, text) in extra {
        std::fs::write(dir.join(format!("{name}.facts.toml")), toml).expect("write");
        std::fs::write(dir.join(format!("{name}.txt")), text).expect("write");
    }
    dir
}

fn fixture(name: &str) -> (String, String) {
    (read(&format!("tests/fixtures/reports/{name}.facts.toml")), read(&format!("tests/fixtures/reports/{name}.txt")))
}

#[test]
fn the_fixture_reports_load_with_the_real_one() {
    let (q1, q1_text) = fixture("fixture-east-2021q1");
    let (q3, q3_text) = fixture("fixture-east-2021q3");
    let dir = scratch("ok", &[("fixture-east-2021q1", q1, q1_text), ("fixture-east-2021q3", q3, q3_text)]);
    let paths = reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths");
    let all = reports::load_all(&paths).unwrap_or_else(|e| panic!("{}", list(&e)));
    assert_eq!(
        all.iter().map(|r| r.name.as_str()).collect::<Vec<_>>(),
        ["000_51d79537997213ea", "fixture-east-2021q1", "fixture-east-2021q3"]
    );
    // The second brief is a draft, as the tool wrote it: every fact unreviewed.
    assert!(all[2].file.facts.iter().all(|f| f.status.as_deref() == Some("draft")));
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_id_in_two_reports_names_both_files() {
    let (q1, q1_text) = fixture("fixture-east-2021q1");
    // A fact, a chart and an article id the real report already uses.
    let clash = q1
        .replace("\"fixture-east-2021q1-6\"", "\"gd-clearance-2019\"")
        .replace("id = \"east-2021q1-shares\"", "id = \"gd-finance\"")
        .replace("id = \"fixture-east-2021q1-article-1\"", "id = \"luoning\"")
        .replace("article = \"fixture-east-2021q1-article-1\"", "article = \"luoning\"");
    let dir = scratch("clash", &[("fixture-east-2021q1", clash, q1_text)]);
    let paths = reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths");
    let errs = match reports::load_all(&paths) {
        Ok(_) => panic!("two reports with one id were accepted"),
        Err(e) => e,
    };
    for (entry, kind) in
        [("fact \"gd-clearance-2019\"", "fact"), ("chart \"gd-finance\"", "chart"), ("article \"luoning\"", "article")]
    {
        let hit = errs.iter().any(|e| {
            e.file == "fixture-east-2021q1.facts.toml"
                && e.entry == entry
                && e.field == "id"
                && e.message.contains(REAL)
                && e.message.contains(kind)
        });
        assert!(hit, "no clash for {entry}; got:\n{}", list(&errs));
    }
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn an_indicator_in_two_units_is_refused() {
    let (q1, q1_text) = fixture("fixture-east-2021q1");
    let (q3, q3_text) = fixture("fixture-east-2021q3");
    // The Q3 brief's clearance rate given the indicator of station counts.
    let wrong = q3.replace("indicator = \"east-clearance\"", "indicator = \"east-5g-stations\"");
    let dir = scratch("units", &[("fixture-east-2021q1", q1, q1_text), ("fixture-east-2021q3", wrong, q3_text)]);
    let errs = match reports::load_all(&reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths")) {
        Ok(_) => panic!("an indicator in two units was accepted"),
        Err(e) => e,
    };
    let hit = errs.iter().any(|e| {
        e.file == "fixture-east-2021q3.facts.toml"
            && e.entry == "fact \"fixture-east-2021q3-4\""
            && e.field == "indicator"
            && e.message.contains("fixture-east-2021q1.facts.toml")
    });
    assert!(hit, "got:\n{}", list(&errs));
    let _ = std::fs::remove_dir_all(dir);
}

/// Which report the page opens with is the site's setting, not file-name order; a setting that
/// names no report says so, naming the file and the reports there are.
#[test]
fn the_site_setting_chooses_the_report_the_page_opens_with() {
    let (q3, q3_text) = fixture("fixture-east-2021q3");
    let dir = scratch("site", &[("fixture-east-2021q3", q3, q3_text)]);
    let dirs = std::slice::from_ref(&dir);
    let names = |paths: &[PathBuf]| -> Vec<String> {
        paths.iter().map(|p| p.file_name().and_then(|n| n.to_str()).unwrap_or("").to_string()).collect()
    };
    let paths = reports::catalogue_paths(dirs).expect("paths");
    assert_eq!(verify::site::load(dirs).expect("no file"), (verify::site::SiteFile::default(), None));

    std::fs::write(dir.join("site.toml"), "open = \"fixture-east-2021q3\"\n").expect("write");
    let (site, path) = verify::site::load(dirs).expect("reads");
    let ordered = verify::site::open_first(paths.clone(), &site, path.as_deref()).expect("orders");
    assert_eq!(names(&ordered), ["fixture-east-2021q3.facts.toml", "000_51d79537997213ea.facts.toml"]);

    std::fs::write(dir.join("site.toml"), "open = \"no-such-report\"\n").expect("write");
    let (site, path) = verify::site::load(dirs).expect("reads");
    let e = verify::site::open_first(paths, &site, path.as_deref()).unwrap_err();
    assert!(e.contains("site.toml: field open: no report is named \"no-such-report\""), "{e}");
    assert!(e.contains("000_51d79537997213ea, fixture-east-2021q3"), "{e}");

    std::fs::write(dir.join("site.toml"), "opne = \"x\"\n").expect("write");
    let e = verify::site::load(dirs).unwrap_err();
    assert!(e.contains("site.toml") && e.contains("opne"), "{e}");
    let _ = std::fs::remove_dir_all(dir);
}

/// Runs the site checks over these reports (name, catalogue, text) and returns the problems.
fn site_problems(tag: &str, reports: &[(&str, String, String)]) -> Vec<CatalogueError> {
    let dir = scratch(tag, reports);
    let result = reports::load_all(&reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths"));
    let _ = std::fs::remove_dir_all(dir);
    match result {
        Ok(_) => panic!("{tag}: the broken declaration was accepted"),
        Err(e) => e,
    }
}

fn has(errs: &[CatalogueError], file: &str, entry: &str, field: &str, needle: &str) -> bool {
    errs.iter().any(|e| e.file == file && e.entry == entry && e.field == field && e.message.contains(needle))
}

/// An indicator is declared once for the site: a fact naming an undeclared one, a declaration
/// in a unit the file lacks, and two declarations that disagree each fail, naming the file, the
/// entry and the field (and, for a disagreement, both files).
#[test]
fn broken_indicator_declarations_are_named() {
    let (q1, q1_text) = fixture("fixture-east-2021q1");
    let (q3, q3_text) = fixture("fixture-east-2021q3");
    // The Q3 brief names an indicator no file declares.
    let undeclared = q3.replace("indicator = \"east-clearance\"", "indicator = \"east-clearance-rate\"");
    let errs = site_problems(
        "undeclared",
        &[("fixture-east-2021q1", q1.clone(), q1_text.clone()), ("fixture-east-2021q3", undeclared, q3_text.clone())],
    );
    assert!(
        has(
            &errs,
            "fixture-east-2021q3.facts.toml",
            "fact \"fixture-east-2021q3-4\"",
            "indicator",
            "declares indicator \"east-clearance-rate\""
        ),
        "got:\n{}",
        list(&errs)
    );
    // A declaration in a unit its file does not have.
    let unknown_unit = q1.replacen("unit = \"station\"\n\n[[indicator]]", "unit = \"tower\"\n\n[[indicator]]", 1);
    assert_ne!(unknown_unit, q1, "the fixture declares east-5g-stations in stations");
    let errs = site_problems("unit", &[("fixture-east-2021q1", unknown_unit, q1_text.clone())]);
    assert!(
        has(
            &errs,
            "fixture-east-2021q1.facts.toml",
            "indicator \"east-5g-stations\"",
            "unit",
            "no unit has id \"tower\""
        ),
        "got:\n{}",
        list(&errs)
    );
    // The Q3 brief declares the Q1 brief's indicator again, with another definition.
    let again = format!(
        "{q3}\n[[indicator]]\nid = \"east-clearance\"\nname_zh = \"东海省拖欠中小企业账款清偿进度\"\nname_en = \"East Sea's clearance of overdue payments to SMEs\"\ndefinition_zh = \"已清偿金额占比（%），当年新增拖欠不计。\"\ndefinition_en = \"Share cleared, leaving out new arrears of the year.\"\nunit = \"percent\"\n"
    );
    let errs = site_problems(
        "twice",
        &[("fixture-east-2021q1", q1.clone(), q1_text.clone()), ("fixture-east-2021q3", again, q3_text.clone())],
    );
    assert!(
        has(
            &errs,
            "fixture-east-2021q3.facts.toml",
            "indicator \"east-clearance\"",
            "definition_zh",
            "fixture-east-2021q1.facts.toml declares this indicator"
        ),
        "got:\n{}",
        list(&errs)
    );
    // An indicator shown side by side with one no file declares.
    let compared = q3.replace("compare_with = [\"east-5g-stations\"]", "compare_with = [\"east-5g-built\"]");
    assert_ne!(compared, q3, "the Q3 brief compares stations in service with stations built");
    let errs = site_problems(
        "compared",
        &[("fixture-east-2021q1", q1.clone(), q1_text.clone()), ("fixture-east-2021q3", compared, q3_text.clone())],
    );
    assert!(
        has(
            &errs,
            "fixture-east-2021q3.facts.toml",
            "indicator \"east-5g-in-service\"",
            "compare_with",
            "\"east-5g-built\": no catalogue of the site declares"
        ),
        "got:\n{}",
        list(&errs)
    );
    // Word for word, a second declaration is the same declaration.
    let block =
        q1.find("[[indicator]]\nid = \"east-clearance\"").map(|at| q1[at..].to_string()).expect("the Q1 declaration");
    let same = format!("{q3}\n{block}");
    let dir = scratch("same", &[("fixture-east-2021q1", q1, q1_text), ("fixture-east-2021q3", same, q3_text)]);
    let ok = reports::load_all(&reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths"));
    let _ = std::fs::remove_dir_all(dir);
    assert!(ok.is_ok(), "{:?}", ok.err().map(|e| list(&e)));
}
