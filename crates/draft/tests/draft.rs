//! The drafter on small made-up texts (tests/fixtures/draft/), on the fixture releases
//! (tests/fixtures/reports/) and on the real report (read only): what it drafts, that its values
//! are what its expressions parse to (signed as their direction words say), that the verifier
//! accepts a draft as it is, that the binary never overwrites, and how the drafts compare with
//! their finished catalogues.

use std::path::{Path, PathBuf};
use std::process::Command;

use serde::Deserialize;

use facts::change_words::{self, MultipleReading};
use facts::numbers::{self, Form};

const SEED: &str = "000_51d79537997213ea";

fn root() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../..")
}

fn read(rel: &str) -> String {
    std::fs::read_to_string(root().join(rel)).expect(rel)
}

/// The finished catalogue's units, as the binary reuses them for a report beside it.
fn known_units() -> Vec<draft::UnitDef> {
    let mut units = draft::units_of_catalogue(&read(&format!("seeds/{SEED}.facts.toml"))).expect("units");
    units.extend(draft::builtin_units());
    units
}

fn fixture(name: &str) -> (String, draft::Draft) {
    let text = read(&format!("tests/fixtures/draft/{name}"));
    let d = draft::draft(name, &text, &known_units());
    (text, d)
}

fn fact<'a>(d: &'a draft::Draft, expr: &str) -> &'a draft::DraftFact {
    d.facts.iter().find(|f| f.expr == expr).unwrap_or_else(|| panic!("no fact {expr:?} in {:#?}", d.facts))
}

#[test]
fn drafts_values_units_qualifiers_and_periods() {
    let (_, d) = fixture("two_numbers.txt");
    let squares = fact(&d, "48座");
    assert_eq!((squares.value, squares.unit.as_str(), squares.qualifier.spelling()), (48.0, "station", "exact"));
    assert_eq!(squares.period, "asof 2021-12");
    assert_eq!(squares.quote, "截至2021年年底，示例县累计建成文化广场48座，约占全市1/3，居全市第一");
    assert_eq!(squares.id, "two-numbers-1");

    // A qualifying word before the number, outside expr.
    let share = fact(&d, "1/3");
    assert_eq!((share.unit.as_str(), share.qualifier.spelling()), ("percent", "about"));
    assert_eq!(share.qualifier_word.as_deref(), Some("约"));
    assert!((share.value - 100.0 / 3.0).abs() < 1e-9);

    let rank = fact(&d, "第一");
    assert_eq!((rank.value, rank.unit.as_str()), (1.0, "rank"));

    let jobs = fact(&d, "超过1200个");
    assert_eq!((jobs.value, jobs.qualifier.spelling(), jobs.period.as_str()), (1200.0, "more_than", "unstated"));
    assert_eq!(jobs.label_zh, "全县新增就业岗位");

    let income = fact(&d, "2.5万元");
    assert_eq!((income.value, income.unit.as_str()), (25_000.0, "yuan"));
    assert_eq!(income.label_zh, "人均收入");

    assert!(d.not_indicators.iter().any(|n| n.expr == "2021年年底" && n.reason.starts_with("date")));
}

#[test]
fn dates_plan_spans_names_and_articles_are_not_indicators() {
    let (_, d) = fixture("dates_and_names.txt");
    let reason = |expr: &str| {
        d.not_indicators
            .iter()
            .find(|n| n.expr == expr)
            .map(|n| n.reason.clone())
            .unwrap_or_else(|| panic!("no not_indicator {expr:?} in {:#?}", d.not_indicators))
    };
    assert!(reason("3月15日").starts_with("date"));
    assert!(reason("2021—2023年").contains("plan"));
    assert!(reason("5G").contains("name"));
    assert!(reason("4K").contains("name"));
    assert!(reason("1+2+3").contains("+"));
    assert!(reason("1—9月").contains("months"));
    assert!(reason("一方面").contains("discourse"));
    assert!(reason("一个").contains("article"));
    assert!(reason("三个一").contains("slogan"));
    // Names hold everywhere: no quote.
    assert_eq!(d.not_indicators.iter().find(|n| n.expr == "5G").and_then(|n| n.quote.clone()), None);

    let sales = fact(&d, "86.5亿元");
    assert_eq!((sales.value, sales.period.as_str()), (8_650_000_000.0, "2022-01..2022-09"));
    let growth = fact(&d, "12.4%左右");
    assert_eq!((growth.value, growth.qualifier.spelling()), (12.4, "about"));
    let firms = fact(&d, "300余家");
    assert_eq!((firms.value, firms.qualifier.spelling(), firms.unit.as_str()), (300.0, "more_than", "firm"));
    assert_eq!(d.facts.len(), 3, "{:#?}", d.facts);
    assert_eq!(d.articles.first().map(|a| a.heading.as_str()), Some("示例市工作通报"));
}

/// The drafted file as TOML, read back.
#[derive(Deserialize)]
struct Drafted {
    seed: String,
    #[serde(rename = "unit")]
    units: Vec<draft::UnitDef>,
    #[serde(default, rename = "fact")]
    facts: Vec<DraftedFact>,
}

#[derive(Deserialize)]
struct DraftedFact {
    id: String,
    status: String,
    value: f64,
    unit: String,
    qualifier: String,
    qualifier_word: Option<String>,
    measure: String,
    base: Option<String>,
    quote: String,
    expr: String,
}

/// The made-up texts of tests/fixtures/draft/.
const FIXTURES: &[&str] =
    &["two_numbers.txt", "dates_and_names.txt", "named_groups.txt", "periods.txt", "measures.txt"];

fn every_draft() -> Vec<(String, String, draft::Draft)> {
    let mut out = Vec::new();
    for name in FIXTURES {
        let (text, d) = fixture(name);
        out.push((name.to_string(), text, d));
    }
    // The fixture reports, each drafted from its text alone.
    for name in RELEASES.iter().chain(&["fixture-east-2021q1", "fixture-east-2021q3", "fixture-west-2021h1"]) {
        let text = read(&format!("tests/fixtures/reports/{name}.txt"));
        let d = draft::draft(&format!("{name}.txt"), &text, &draft::builtin_units());
        out.push((format!("{name}.txt"), text, d));
    }
    let text = read(&format!("seeds/{SEED}.txt"));
    let d = draft::draft(&format!("{SEED}.txt"), &text, &known_units());
    out.push((format!("{SEED}.txt"), text, d));
    out
}

#[test]
fn every_drafted_value_is_what_its_expr_parses_to() {
    for (name, text, d) in every_draft() {
        let file: Drafted = toml::from_str(&draft::to_toml(&d)).expect("the draft is TOML");
        assert_eq!(file.seed, name);
        let prefix = draft::id_prefix(name.trim_end_matches(".txt"));
        assert!(!file.facts.is_empty(), "{name}");
        for f in &file.facts {
            assert_eq!(f.status, "draft", "{}", f.id);
            assert!(f.id.starts_with(&format!("{prefix}-")), "{}", f.id);
            assert!(text.contains(&f.quote), "{}: quote not in {name}", f.id);
            assert!(f.quote.contains(&f.expr), "{}: expr not in quote", f.id);
            let parsed = numbers::parse_expr(&f.expr).unwrap_or_else(|e| panic!("{}: {e}", f.id));
            let unit =
                file.units.iter().find(|u| u.id == f.unit).unwrap_or_else(|| panic!("{}: unit undeclared", f.id));
            let magnitude = match (unit.kind.as_str(), parsed.form) {
                ("percent", Form::Fraction) => parsed.value * 100.0,
                ("percent", Form::Percent) => parsed.value,
                ("percent", _) => panic!("{}: percent unit for a plain number", f.id),
                (_, Form::Percent | Form::Fraction) => panic!("{}: count unit for a share", f.id),
                _ => parsed.value,
            };
            // Signed by the direction word right before expr, as the build reads the quote; a
            // growth by N times is N + 1 times the base.
            let measure = facts::Measure::from_spelling(&f.measure).unwrap_or_else(|| panic!("{}: measure", f.id));
            let at = f.quote.find(f.expr.as_str()).unwrap_or_default();
            let lead = change_words::clause_lead(&f.quote[..at]);
            let expected = if measure.is_change() {
                let (direction, _) =
                    change_words::direction_before(lead).unwrap_or_else(|| panic!("{}: no direction", f.id));
                direction.sign() * magnitude
            } else if measure == facts::Measure::Multiple
                && change_words::multiple_reading(lead) == MultipleReading::GrowthBy
            {
                magnitude + 1.0
            } else {
                magnitude
            };
            assert_eq!(f.base.is_some(), measure.has_base(), "{}: base {:?} for a {}", f.id, f.base, f.measure);
            assert!(
                (expected - f.value).abs() <= 1e-9 * expected.abs().max(1.0),
                "{}: {} vs {}",
                f.id,
                expected,
                f.value
            );
            let qualifier = f.qualifier_word.as_deref().and_then(numbers::qualifier_word).unwrap_or(parsed.qualifier);
            assert_eq!(qualifier.spelling(), f.qualifier, "{}", f.id);
        }
        let mut ids: Vec<&str> = file.facts.iter().map(|f| f.id.as_str()).collect();
        ids.sort_unstable();
        ids.dedup();
        assert_eq!(ids.len(), file.facts.len(), "{name}: ids clash");
    }
}

/// A draft builds as it is: the verifier accepts it, status and all, it covers every number in
/// its text, and it declares a section and a chart for every fact.
#[test]
fn the_verifier_accepts_a_draft_as_it_is() {
    for (name, text, d) in every_draft() {
        let catalogue = name.replace(".txt", ".facts.toml");
        match verify::catalogue_file::load(&draft::to_toml(&d), &catalogue, &text) {
            Ok(file) => {
                let uncovered = verify::catalogue_file::coverage_errors(&file, &text);
                let lines: Vec<String> = uncovered.iter().map(ToString::to_string).collect();
                assert!(lines.is_empty(), "{name}:\n{}", lines.join("\n"));
                assert_eq!(file.sections.len(), 1, "{name}");
                for f in &file.facts {
                    let charted = file.charts.iter().any(|c| c.panels.iter().any(|p| p.facts.contains(&f.id)));
                    assert!(charted, "{name}: {} is in no chart", f.id);
                }
                // One chart per unit.
                let mut units: Vec<&str> = file.facts.iter().map(|f| f.unit.as_str()).collect();
                units.sort_unstable();
                units.dedup();
                assert_eq!(file.charts.len(), units.len(), "{name}");
            }
            Err(errors) => {
                let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
                panic!("{name}:\n{}", lines.join("\n"));
            }
        }
    }
}

/// A draft beside the finished reports builds with them: its ids (facts, articles, sections,
/// charts) start with its file name, so they clash with no other report's.
#[test]
fn a_draft_builds_beside_the_real_report() {
    let dir = temp_dir("beside");
    for f in [format!("{SEED}.facts.toml"), format!("{SEED}.txt")] {
        std::fs::copy(root().join("seeds").join(&f), dir.join(&f)).expect("copy");
    }
    // The real text again, under another name, drafted beside its finished catalogue.
    let text = read(&format!("seeds/{SEED}.txt"));
    let d = draft::draft("zz-redraft.txt", &text, &known_units());
    std::fs::write(dir.join("zz-redraft.txt"), &text).expect("write");
    std::fs::write(dir.join("zz-redraft.facts.toml"), draft::to_toml(&d)).expect("write");
    let paths = verify::reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths");
    if let Err(errors) = verify::reports::load_all(&paths) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }
    let _ = std::fs::remove_dir_all(dir);
}

fn temp_dir(tag: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("draft-test-{tag}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).expect("temp dir");
    dir
}

#[test]
fn the_binary_writes_a_draft_and_never_overwrites() {
    let dir = temp_dir("write");
    let txt = dir.join("two_numbers.txt");
    std::fs::copy(root().join("tests/fixtures/draft/two_numbers.txt"), &txt).expect("copy");
    let out = dir.join("two_numbers.facts.toml");

    let first = Command::new(env!("CARGO_BIN_EXE_draft")).arg(&txt).output().expect("run draft");
    assert!(first.status.success(), "{}", String::from_utf8_lossy(&first.stderr));
    let stdout = String::from_utf8_lossy(&first.stdout);
    assert!(
        stdout.contains("5 facts") && stdout.contains("facts by unit") && stdout.contains("not-indicators by reason"),
        "{stdout}"
    );
    let written = std::fs::read_to_string(&out).expect("draft written");
    assert!(written.contains("status = \"draft\""));

    std::fs::write(&out, "# a person's work\n").expect("edit");
    let second = Command::new(env!("CARGO_BIN_EXE_draft")).arg(&txt).output().expect("run draft");
    assert!(!second.status.success());
    assert!(String::from_utf8_lossy(&second.stderr).contains("not overwriting"));
    assert_eq!(std::fs::read_to_string(&out).expect("still there"), "# a person's work\n");
    let _ = std::fs::remove_dir_all(&dir);
}

/// The measure of the drafter: its draft of the real report against the finished catalogue.
/// The floors are today's numbers, so a change that makes the drafter worse fails here.
#[test]
fn draft_of_the_real_report_against_its_catalogue() {
    let text = read(&format!("seeds/{SEED}.txt"));
    let finished = read(&format!("seeds/{SEED}.facts.toml"));
    let d = draft::draft(&format!("{SEED}.txt"), &text, &known_units());
    let c = draft::compare::compare(&d, &finished, &text).expect("compare");
    println!("{c}");
    assert_eq!(c.finished, 47);
    assert!(c.found >= 45, "{c}");
    assert!(c.right_value >= 45, "{c}");
    assert!(c.right_unit >= 43, "{c}");
    assert!(c.right_qualifier >= 45, "{c}");
    assert!(c.all_three >= 43, "{c}");
    // Two clearance rates the catalogue calls shares are drafted as levels (no share word).
    assert!(c.right_kind >= 43, "{c}");
    assert!(c.right_direction >= 45 && c.right_base >= 45, "{c}");
    assert!(c.right_period >= 38, "{c}");
    // 三个原则 is a group named by its size, as the catalogue says.
    assert_eq!(c.not_as_fact, 0, "{c}");

    // Without the finished unit table, only percent, yuan and rank are known.
    let bare = draft::draft(&format!("{SEED}.txt"), &text, &draft::builtin_units());
    let c = draft::compare::compare(&bare, &finished, &text).expect("compare");
    println!("without the unit table: {c}");
    assert!(c.right_value >= 45 && c.right_qualifier >= 45, "{c}");
}

#[test]
fn the_script_runs_the_binary() {
    let script = read(".ci/draft");
    assert!(script.contains("cargo run --quiet -p draft --"));
}

/// Monthly releases drafted one beside the other build together: the second knows the first
/// draft's units (draft-unit-1, …) and numbers its own new ones after them, so no id is
/// declared twice (tests/fixtures/reports/, written in the style of a provincial release).
#[test]
fn drafts_of_releases_side_by_side_build() {
    let dir = temp_dir("releases");
    let mut known = known_units();
    for name in ["fixture-release-2020m10", "fixture-release-2020m11"] {
        let text = read(&format!("tests/fixtures/reports/{name}.txt"));
        let d = draft::draft(&format!("{name}.txt"), &text, &known);
        let toml = draft::to_toml(&d);
        std::fs::write(dir.join(format!("{name}.txt")), &text).expect("write");
        std::fs::write(dir.join(format!("{name}.facts.toml")), &toml).expect("write");
        let mut ids: Vec<&str> = d.units.iter().map(|u| u.id.as_str()).collect();
        ids.sort_unstable();
        let before = ids.len();
        ids.dedup();
        assert_eq!(ids.len(), before, "{name}: a unit id declared twice");
        known.extend(draft::units_of_catalogue(&toml).expect("the draft reads back"));
    }
    let paths = verify::reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths");
    if let Err(errors) = verify::reports::load_all(&paths) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }
    let _ = std::fs::remove_dir_all(dir);
}

const RELEASES: &[&str] = &["fixture-release-2020m10", "fixture-release-2020m11"];

/// Each fixture release drafted from its text alone (no catalogue beside it) against its reviewed
/// catalogue: every fact found, with its value, kind (measure), direction, base, qualifier and
/// period right, and its unit's kind and counter (the ids are the draft's own); drafted beside
/// the other release's catalogue, the unit ids too. Each draft builds (`every_draft`).
#[test]
fn drafts_of_the_fixture_releases_match_their_catalogues() {
    for (name, other) in [(RELEASES[0], RELEASES[1]), (RELEASES[1], RELEASES[0])] {
        let text = read(&format!("tests/fixtures/reports/{name}.txt"));
        let finished = read(&format!("tests/fixtures/reports/{name}.facts.toml"));
        let d = draft::draft(&format!("{name}.txt"), &text, &draft::builtin_units());
        let c = draft::compare::compare(&d, &finished, &text).expect("compare");
        println!("{name}, from its text alone: {c}");
        let n = c.finished;
        assert!(n >= 11, "{c}");
        assert_eq!((c.found, c.right_value, c.right_qualifier), (n, n, n), "{c}");
        assert_eq!((c.right_kind, c.right_direction, c.right_base), (n, n, n), "{c}");
        assert_eq!((c.right_period, c.right_unit_shape), (n, n), "{c}");
        // The standard ids (percentage-point, times, household, gb, kwh …) are the reviewed ones.
        assert_eq!(c.right_unit, n, "{c}");
        assert_eq!((c.fact_as_not, c.not_as_fact), (0, 0), "{c}");

        let mut known =
            draft::units_of_catalogue(&read(&format!("tests/fixtures/reports/{other}.facts.toml"))).expect("units");
        known.extend(draft::builtin_units());
        let d = draft::draft(&format!("{name}.txt"), &text, &known);
        let c = draft::compare::compare(&d, &finished, &text).expect("compare");
        println!("{name}, beside {other}: {c}");
        assert_eq!((c.right_unit, c.all_three, c.right_kind, c.right_period), (n, n, n, n), "{c}");
    }
}

/// The binary on a release copied alone into a directory: the summary line says kind, direction
/// and base.
#[test]
fn the_binary_compares_a_release_drafted_from_its_text_alone() {
    let dir = temp_dir("compare");
    let name = RELEASES[0];
    let txt = dir.join(format!("{name}.txt"));
    std::fs::copy(root().join(format!("tests/fixtures/reports/{name}.txt")), &txt).expect("copy");
    let finished = root().join(format!("tests/fixtures/reports/{name}.facts.toml"));
    let out =
        Command::new(env!("CARGO_BIN_EXE_draft")).arg("--compare").arg(&finished).arg(&txt).output().expect("run");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(
        stdout.contains("12 finished facts: found 12 / right value 12 /")
            && stdout.contains("right kind 12 / right direction 12 / right base 12 (right period 12;"),
        "{stdout}"
    );
    assert!(!dir.join(format!("{name}.facts.toml")).exists(), "--compare writes nothing");
    let _ = std::fs::remove_dir_all(&dir);
}

/// Declines are negative, multiples read as their quote reads them, and the draft builds as it
/// is (tests/fixtures/draft/measures.txt).
#[test]
fn a_drafted_decline_is_negative_and_builds() {
    use facts::{Base, Measure};
    let (text, d) = fixture("measures.txt");
    let says = |expr: &str| {
        let f = fact(&d, expr);
        (f.value, f.measure, f.base)
    };
    assert_eq!(says("3.2%"), (-3.2, Measure::Growth, Base::YearOnYear));
    assert_eq!(says("1.5个百分点"), (-1.5, Measure::PointChange, Base::Stated));
    assert_eq!(says("1.2万户"), (-12_000.0, Measure::Change, Base::SinceYearEnd));
    assert_eq!(says("0.4点"), (-0.4, Measure::IndexChange, Base::PeriodOnPeriod));
    assert_eq!(says("2.1个百分点"), (2.1, Measure::PointChange, Base::SinceYearEnd));
    let (grown, measure, base) = says("1.3倍");
    assert!((grown - 2.3).abs() < 1e-12 && measure == Measure::Multiple && base == Base::YearOnYear);
    assert_eq!(says("2.5倍"), (2.5, Measure::Multiple, Base::YearOnYear));
    assert_eq!(says("48.6"), (48.6, Measure::Index, Base::None));
    assert_eq!(says("三成"), (30.0, Measure::Share, Base::None));
    assert_eq!(says("4.85%"), (4.85, Measure::Level, Base::None));
    assert_eq!(says("38万户"), (380_000.0, Measure::Level, Base::None));
    let index = d.units.iter().find(|u| u.id == fact(&d, "48.6").unit).expect("index unit");
    assert_eq!((index.kind.as_str(), index.baseline), ("index", Some(100.0)));

    let toml = draft::to_toml(&d);
    assert!(toml.contains("baseline = 100  # proposed: check it"), "{toml}");
    assert!(toml.contains("value = -12000\nunit = \"household\""), "{toml}");
    if let Err(errors) = verify::catalogue_file::load(&toml, "measures.facts.toml", &text) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }

    // A release's decline.
    let text = read(&format!("tests/fixtures/reports/{}.txt", RELEASES[1]));
    let d = draft::draft(&format!("{}.txt", RELEASES[1]), &text, &draft::builtin_units());
    assert_eq!(says_in(&d, "1.8%"), (-1.8, Measure::Growth, Base::YearOnYear));
    assert_eq!(says_in(&d, "134万户"), (-1_340_000.0, Measure::Change, Base::SinceYearEnd));
}

fn says_in(d: &draft::Draft, expr: &str) -> (f64, facts::Measure, facts::Base) {
    let f = fact(d, expr);
    (f.value, f.measure, f.base)
}

/// A small Chinese numeral with 家, 大 or 个 that names a group (三家基础电信企业, 三大门类, 四大,
/// 两个市场) is a not-indicator; counts the text measures (228家企业, 推动20家…, 新认定三家…) stay
/// facts (tests/fixtures/draft/named_groups.txt).
#[test]
fn groups_named_by_their_size_are_not_facts() {
    let (text, d) = fixture("named_groups.txt");
    for expr in ["三家基础电信企业", "三大门类", "四大", "两个市场"] {
        let n = d
            .not_indicators
            .iter()
            .find(|n| n.expr == expr)
            .unwrap_or_else(|| panic!("{expr}: {:#?}", d.not_indicators));
        assert!(n.reason.contains("named by its size"), "{expr}: {}", n.reason);
        let at = text.find(expr).expect("in the text");
        assert!(
            !d.facts.iter().any(|f| f.expr_offset < at + expr.len() && at < f.expr_offset + f.expr.len()),
            "{expr} is drafted as a fact"
        );
    }
    assert!(d.not_indicators.iter().any(|n| n.expr == "十大先进制造业集群"), "{:#?}", d.not_indicators);
    for (expr, value) in [("228家", 228.0), ("20家", 20.0), ("三家", 3.0)] {
        assert_eq!(fact(&d, expr).value, value, "{expr}");
    }
    assert!(fact(&d, "三家").quote.contains("新认定三家"));
}

/// Periods: the year from the release's title, the months from the paragraph (1—10月, 10月份,
/// 前三季度, 一季度, 上半年, 截至10月末, 10月末), a clause without a date the nearest date before it
/// in its paragraph, and a paragraph without one the title's span (a flow) or its end (a stock)
/// (tests/fixtures/draft/periods.txt, titled 2020年1—10月).
#[test]
fn periods_come_from_the_paragraph_and_the_title() {
    let (_, d) = fixture("periods.txt");
    for (expr, period) in [
        ("4.6%", "2020-01..2020-10"),
        ("215亿元", "2020-10"),
        // After ；其中, still 10月份.
        ("46亿元", "2020-10"),
        ("3250亿元", "2020-01..2020-09"),
        ("3.1%", "2020-01..2020-09"),
        ("12.5%", "2020-01..2020-03"),
        ("2.1万元", "2020-01..2020-06"),
        ("1.2万亿元", "asof 2020-10"),
        ("860亿元", "asof 2020-10"),
        ("1050万户", "asof 2020-10"),
        // No date in the paragraph: the title's span for a flow, its end for a stock (用户).
        ("480亿元", "2020-01..2020-10"),
        ("2.3%", "2020-01..2020-10"),
        ("320万户", "asof 2020-10"),
    ] {
        assert_eq!(fact(&d, expr).period, period, "{expr}");
        assert!(facts::period::parse(period).is_ok());
    }
    // Without a dated title, an undated paragraph stays unstated.
    let (_, d) = fixture("two_numbers.txt");
    assert_eq!(fact(&d, "2.5万元").period, "unstated");
}

/// Units with a standard English name are drafted in English; a counter without one keeps its
/// Chinese for a person to translate.
#[test]
fn standard_units_are_named_in_english() {
    let en = |d: &draft::Draft, counter: &str| {
        d.units
            .iter()
            .find(|u| u.counter.accepts(counter))
            .map(|u| (u.id.clone(), u.kind.clone(), u.en.clone()))
            .unwrap_or_else(|| panic!("no unit for {counter:?}: {:#?}", d.units))
    };
    let drafted = |name: &str| {
        let text = read(&format!("tests/fixtures/reports/{name}.txt"));
        draft::draft(&format!("{name}.txt"), &text, &draft::builtin_units())
    };
    let (m10, m11) = (drafted(RELEASES[0]), drafted(RELEASES[1]));
    let s = |a: &str, b: &str, c: &str| (a.to_string(), b.to_string(), c.to_string());
    assert_eq!(en(&m10, "个百分点"), s("percentage-point", "percentage_points", "percentage points"));
    assert_eq!(en(&m10, "倍"), s("times", "times", "times"));
    assert_eq!(en(&m10, "户"), s("household", "count", "subscribers"));
    assert_eq!(en(&m10, "GB"), s("gb", "count", "GB"));
    assert_eq!(en(&m10, "GB/户·月"), s("gb-per-subscriber-month", "count", "GB per subscriber per month"));
    assert_eq!(en(&m10, "元"), s("yuan", "currency", "yuan"));
    assert_eq!(en(&m11, "千瓦时"), s("kwh", "count", "kWh"));

    let (_, groups) = fixture_alone("named_groups.txt");
    assert_eq!(en(&groups, "户").2, "households");
    assert_eq!(en(&groups, "家").2, "家", "no English for 家 here: a person translates it");
    let (_, measures) = fixture_alone("measures.txt");
    assert_eq!(en(&measures, "公里"), s("km", "count", "km"));
    assert_eq!(en(&measures, "千克"), s("kg", "count", "kg"));
}

/// A fixture drafted with the built-in units only.
fn fixture_alone(name: &str) -> (String, draft::Draft) {
    let text = read(&format!("tests/fixtures/draft/{name}"));
    let d = draft::draft(name, &text, &draft::builtin_units());
    (text, d)
}

/// Drafted beside the October release's reviewed catalogue, the November release's facts are
/// proposed the October indicators that say the same in the same unit (revenue, subscribers, 5G
/// connections, traffic, data per subscriber), never one of two that fit alike (同比增长 is the
/// growth of revenue and of traffic), and the draft builds beside it.
#[test]
fn a_draft_beside_a_reviewed_release_is_proposed_its_indicators_and_builds() {
    let dir = temp_dir("indicators");
    for ext in ["txt", "facts.toml"] {
        let name = format!("fixture-release-2020m10.{ext}");
        std::fs::copy(root().join("tests/fixtures/reports").join(&name), dir.join(&name)).expect("copy");
    }
    let txt = dir.join("fixture-release-2020m11.txt");
    std::fs::copy(root().join("tests/fixtures/reports/fixture-release-2020m11.txt"), &txt).expect("copy");
    let run = Command::new(env!("CARGO_BIN_EXE_draft")).arg(&txt).output().expect("run draft");
    assert!(run.status.success(), "{}", String::from_utf8_lossy(&run.stderr));
    let toml = std::fs::read_to_string(dir.join("fixture-release-2020m11.facts.toml")).expect("draft written");
    let proposed = |expr: &str| -> Option<String> {
        let block = toml.split("[[fact]]").find(|b| b.contains(&format!("expr = \"{expr}\"")))?;
        let line = block.lines().find(|l| l.starts_with("indicator = "))?;
        Some(line.split('"').nth(1)?.to_string())
    };
    assert_eq!(proposed("314亿元").as_deref(), Some("beiling-telecom-revenue"));
    assert_eq!(proposed("5466万户").as_deref(), Some("beiling-mobile-subscribers"));
    assert_eq!(proposed("1050万户").as_deref(), Some("beiling-5g-connections"));
    assert_eq!(proposed("47.5亿GB").as_deref(), Some("beiling-mobile-data"));
    assert_eq!(proposed("10.9GB/户·月").as_deref(), Some("beiling-data-per-subscriber"));
    assert_eq!(proposed("3.8%"), None, "two indicators fit 同比增长 alike");
    assert_eq!(proposed("1620亿千瓦时"), None, "no indicator beside it counts power");
    let paths = verify::reports::catalogue_paths(std::slice::from_ref(&dir)).expect("paths");
    if let Err(errors) = verify::reports::load_all(&paths) {
        let lines: Vec<String> = errors.iter().map(ToString::to_string).collect();
        panic!("{}", lines.join("\n"));
    }
    let _ = std::fs::remove_dir_all(dir);
}
