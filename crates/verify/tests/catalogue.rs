//! The fact catalogue: the real one verifies and matches the built-in `CATALOGUE` (and every
//! built-in report is its file mapped into the model by `verify::to_model`); every kind of
//! mistake in a catalogue is caught and named (file, entry, field).

#![cfg(not(target_arch = "wasm32"))]

use catalogue::{seed_text, CATALOGUE, REPORTS};
use facts::period::parse as parse_period;
use facts::Period;
use verify::catalogue_file::{self, CatalogueError, CatalogueFile};

const REAL: &str = "000_51d79537997213ea.facts.toml";
const REAL_SEED: &str = "000_51d79537997213ea.txt";
const REAL_SEED_SHA256: &str = "7eec195ad24dee3eb41f31da34d73839740a817110ca3f5b66ec8064fe25d33d";
const MINI: &str = "mini.facts.toml";

fn read(path: &str) -> String {
    // Paths from the repository root (seeds/, tests/fixtures/).
    let full = format!("{}/../../{path}", env!("CARGO_MANIFEST_DIR"));
    std::fs::read_to_string(&full).unwrap_or_else(|e| panic!("cannot read {full}: {e}"))
}

fn real() -> (String, String) {
    (read(&format!("seeds/{REAL}")), read(&format!("seeds/{REAL_SEED}")))
}

fn mini() -> (String, String) {
    (read("tests/fixtures/mini.facts.toml"), read("tests/fixtures/mini.txt"))
}

fn list(errs: &[CatalogueError]) -> String {
    errs.iter().map(|e| format!("  {e}\n")).collect()
}

fn load_ok(toml: &str, name: &str, seed: &str) -> CatalogueFile {
    match catalogue_file::load(toml, name, seed) {
        Ok(f) => f,
        Err(errs) => panic!("{name} does not load:\n{}", list(&errs)),
    }
}

fn load_err(toml: &str, name: &str, seed: &str) -> Vec<CatalogueError> {
    match catalogue_file::load(toml, name, seed) {
        Ok(_) => panic!("{name}: the mutated catalogue was accepted"),
        Err(errs) => errs,
    }
}

/// Asserts that some error names this entry and field (and, if given, says `needle`).
fn assert_named(errs: &[CatalogueError], file: &str, entry: &str, field: &str, needle: &str) {
    let hit =
        errs.iter().any(|e| e.file == file && e.entry == entry && e.field == field && e.to_string().contains(needle));
    assert!(hit, "no error for {file}: {entry}: field {field} ({needle:?}); got:\n{}", list(errs));
}

/// The `[[kind]]` block whose `id` is `id`, as a byte range of `toml`.
fn block(toml: &str, kind: &str, id: &str) -> (usize, usize) {
    let header = format!("[[{kind}]]");
    let id_line = format!("id = {id:?}");
    let mut starts: Vec<usize> = Vec::new();
    let mut pos = 0;
    for line in toml.split_inclusive('\n') {
        if line.trim_start().starts_with("[[") {
            starts.push(pos);
        }
        pos += line.len();
    }
    starts.push(toml.len());
    for w in starts.windows(2) {
        let text = &toml[w[0]..w[1]];
        if text.trim_start().starts_with(&header) && text.lines().any(|l| l.trim() == id_line) {
            return (w[0], w[1]);
        }
    }
    panic!("no [[{kind}]] with {id_line} in the catalogue");
}

/// Sets `field = value` (value is TOML source) in the `[[kind]]` block with this id, replacing
/// the existing line or adding one after the header.
fn set(toml: &str, kind: &str, id: &str, field: &str, value: &str) -> String {
    let (a, b) = block(toml, kind, id);
    let text = &toml[a..b];
    let is_field = |l: &str| {
        let t = l.trim_start();
        t.strip_prefix(field).is_some_and(|r| r.trim_start().starts_with('='))
    };
    let exists = text.lines().any(is_field);
    let mut out = String::new();
    for line in text.split_inclusive('\n') {
        if exists && is_field(line) {
            out.push_str(&format!("{field} = {value}\n"));
        } else {
            out.push_str(line);
            if !exists && line.trim_start().starts_with("[[") {
                out.push_str(&format!("{field} = {value}\n"));
            }
        }
    }
    format!("{}{out}{}", &toml[..a], &toml[b..])
}

/// Removes the `field = ...` line from the `[[kind]]` block with this id.
fn remove(toml: &str, kind: &str, id: &str, field: &str) -> String {
    let (a, b) = block(toml, kind, id);
    let kept: String = toml[a..b]
        .split_inclusive('\n')
        .filter(|l| !l.trim_start().strip_prefix(field).is_some_and(|r| r.trim_start().starts_with('=')))
        .collect();
    format!("{}{kept}{}", &toml[..a], &toml[b..])
}

fn fact_entry(id: &str) -> String {
    format!("fact {id:?}")
}

/// The id of the real catalogue's fact with this expr.
fn real_fact_with_expr(expr: &str) -> String {
    let (toml, seed) = real();
    let file = load_ok(&toml, REAL, &seed);
    file.facts
        .iter()
        .find(|f| f.expr == expr)
        .map(|f| f.id.clone())
        .unwrap_or_else(|| panic!("the real catalogue has no fact with expr {expr:?}"))
}

// ----------------------------------------------------------------------------------------------
// The real catalogue
// ----------------------------------------------------------------------------------------------

#[test]
fn real_catalogue_loads_with_no_errors_and_covers_every_number() {
    let (toml, seed) = real();
    let file = load_ok(&toml, REAL, &seed);
    let uncovered = catalogue_file::coverage_errors(&file, &seed);
    assert!(uncovered.is_empty(), "numbers in the text that the catalogue misses:\n{}", list(&uncovered));
    let spans = facts::numbers::scan(&seed).len();
    let idle = catalogue_file::idle_not_indicators(&file, &seed);
    println!(
        "{REAL}: {} facts, {} not_indicators ({} covering no scanned number), {spans} numeric expressions in the text",
        file.facts.len(),
        file.not_indicators.len(),
        idle.len()
    );
    for n in idle {
        println!("  idle not_indicator: {:?} ({})", n.expr, n.reason);
    }
    assert!(!file.facts.is_empty());
}

/// SHA-256 as hex.
fn sha256(data: &[u8]) -> String {
    use sha2::Digest as _;
    sha2::Sha256::digest(data).iter().map(|b| format!("{b:02x}")).collect()
}

#[test]
fn seed_text_is_the_pinned_report() {
    let (_, seed) = real();
    assert_eq!(sha256(seed.as_bytes()), REAL_SEED_SHA256, "seeds/{REAL_SEED} changed");
    assert_eq!(sha256(seed_text().as_bytes()), REAL_SEED_SHA256, "the built-in seed text differs");
}

#[test]
fn generated_catalogue_matches_the_toml() {
    let (toml, seed) = real();
    let file = load_ok(&toml, REAL, &seed);
    assert_eq!(CATALOGUE.seed, file.seed);
    assert_eq!(CATALOGUE.seed, REAL_SEED);
    assert_eq!(seed_text(), seed);
    assert_eq!(CATALOGUE.facts.len(), file.facts.len());
    assert_eq!(CATALOGUE.units.len(), file.units.len());
    assert_eq!(CATALOGUE.regions.len(), file.regions.len());
    assert_eq!(CATALOGUE.topics.len(), file.topics.len());
    assert_eq!(CATALOGUE.articles.len(), file.articles.len());
    for (g, f) in CATALOGUE.facts.iter().zip(&file.facts) {
        assert_eq!(g.id, f.id);
        assert_eq!(
            (g.article.as_str(), g.topic.as_str(), g.region.as_str(), g.unit.as_str()),
            (f.article.as_str(), f.topic.as_str(), f.region.as_str(), f.unit.as_str())
        );
        assert_eq!((g.label_zh.as_str(), g.label_en.as_str()), (f.label_zh.as_str(), f.label_en.as_str()));
        assert_eq!(g.value, f.value, "{}", g.id);
        assert_eq!(g.qualifier.spelling(), f.qualifier, "{}", g.id);
        assert_eq!(Ok(g.period.to_string()), parse_period(&f.period).map(|p| p.to_string()), "{}", g.id);
        assert_eq!(
            (g.quote.as_str(), g.expr.as_str(), g.quote_offset),
            (f.quote.as_str(), f.expr.as_str(), f.quote_offset),
            "{}",
            g.id
        );
        assert_eq!(g.gloss_en, f.gloss_en.as_deref().unwrap_or(""));
        assert_eq!(g.status.spelling(), f.status.as_deref().unwrap_or("reviewed"), "{}", g.id);
        assert_eq!(g.indicator, f.indicator, "{}", g.id);
        assert_eq!(&seed_text()[g.quote_offset..g.quote_offset + g.quote.len()], g.quote, "{}", g.id);
    }
    // Field by field above; as a whole, the built-in catalogue is the file mapped into the model.
    assert_eq!(*CATALOGUE, verify::to_model::catalogue(&file));
}

/// The build verifies every report and maps it into the model (`verify::to_model`), then encodes
/// it; what the crate decodes is that mapping of the files, in file-name order, texts included.
#[test]
fn every_built_in_report_is_its_file_mapped_into_the_model() {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let paths = verify::reports::catalogue_paths(&verify::reports::seeds_dirs(&root)).expect("seeds");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{}", list(&e)));
    assert_eq!(loaded.len(), REPORTS.len());
    let declared = verify::indicators::declarations(&loaded);
    for (l, built) in loaded.iter().zip(REPORTS.iter()) {
        assert_eq!(*built, verify::to_model::report(l, &declared), "{}", l.name);
    }
}

#[test]
fn lookups_find_every_entry() {
    for f in &CATALOGUE.facts {
        assert_eq!(catalogue::fact(&f.id).map(|x| x.id.as_str()), Some(f.id.as_str()));
        assert!(catalogue::unit(&f.unit).is_some(), "{}", f.unit);
        assert!(catalogue::region(&f.region).is_some(), "{}", f.region);
        assert!(catalogue::topic(&f.topic).is_some(), "{}", f.topic);
        assert!(catalogue::article(&f.article).is_some(), "{}", f.article);
        assert!(CATALOGUE.facts_in_topic(&f.topic).any(|x| x.id == f.id));
        assert!(CATALOGUE.facts_in_article(&f.article).any(|x| x.id == f.id));
    }
    assert!(catalogue::fact("no-such-fact").is_none());
}

#[test]
fn real_mutation_value_is_caught() {
    let (toml, seed) = real();
    for (expr, wrong) in [("4.1万座", "4100"), ("2300亿元", "2300"), ("2.30%", "0.023"), ("1/4", "0.25")] {
        let id = real_fact_with_expr(expr);
        let errs = load_err(&set(&toml, "fact", &id, "value", wrong), REAL, &seed);
        assert_named(&errs, REAL, &fact_entry(&id), "value", &format!("{expr} parses to"));
    }
}

#[test]
fn real_mutation_unit_is_caught() {
    let (toml, seed) = real();
    let id = real_fact_with_expr("36988座");
    let errs = load_err(&set(&toml, "fact", &id, "unit", "\"yuan\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "unit", "counter");
    let errs = load_err(&set(&toml, "fact", &id, "unit", "\"percent\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "unit", "percent unit");
    let errs = load_err(&set(&toml, "fact", &id, "unit", "\"no-such-unit\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "unit", "no unit has id");
}

#[test]
fn real_mutation_qualifier_is_caught() {
    let (toml, seed) = real();
    let id = real_fact_with_expr("超315亿元");
    let errs = load_err(&set(&toml, "fact", &id, "qualifier", "\"exact\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "qualifier", "says more_than");
    let errs = load_err(&set(&toml, "fact", &id, "qualifier", "\"roughly\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "qualifier", "is not one of");

    // 约 lives outside expr: dropping qualifier_word leaves "about" unexplained.
    let id = real_fact_with_expr("1/4");
    let errs = load_err(&remove(&toml, "fact", &id, "qualifier_word"), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "qualifier", "says exact");

    // 以上 cut off the expression.
    let id = real_fact_with_expr("50%以上");
    let errs = load_err(&set(&toml, "fact", &id, "expr", "\"50%\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "expr", "以上");
}

#[test]
fn real_mutation_quote_is_caught() {
    let (toml, seed) = real();
    let id = real_fact_with_expr("36988座");
    let errs = load_err(&set(&toml, "fact", &id, "quote", "\"2019年全省建成5G基站36989座\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "quote", "does not occur verbatim");
    let errs = load_err(&set(&toml, "fact", &id, "quote", "\"建成5G基站\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "quote", "occurs 2 times");
    assert_named(&errs, REAL, &fact_entry(&id), "expr", "does not occur in the quote");
    // A Guangdong quote filed under another article.
    let errs = load_err(&set(&toml, "fact", &id, "article", "\"luoning\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "quote", "outside article \"luoning\"");
    let errs = load_err(&set(&toml, "fact", &id, "expr", "\"36988个\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "expr", "does not occur in the quote");
}

#[test]
fn real_mutation_period_and_ids_are_caught() {
    let (toml, seed) = real();
    let id = real_fact_with_expr("36988座");
    let errs = load_err(&set(&toml, "fact", &id, "period", "\"2020-13\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "period", "month 13");
    let other = real_fact_with_expr("4.1万座");
    let errs = load_err(&set(&toml, "fact", &other, "id", &format!("{id:?}")), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry(&id), "id", "used twice");
    let errs = load_err(&set(&toml, "fact", &id, "id", "\"Bad_Id\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry("Bad_Id"), "id", "lowercase");
}

#[test]
fn real_mutation_unknown_field_is_rejected() {
    let (toml, seed) = real();
    let id = real_fact_with_expr("36988座");
    let errs = load_err(&set(&toml, "fact", &id, "valeu", "36988"), REAL, &seed);
    assert_eq!(errs.len(), 1, "{}", list(&errs));
    let e = &errs[0];
    assert_eq!(e.file, REAL);
    assert_eq!(e.field, "valeu");
    assert!(e.entry.starts_with("fact #") && e.entry.contains(&format!("{id:?}")), "{e}");
    assert!(e.message.contains("unknown field"), "{e}");
}

#[test]
fn real_malformed_toml_names_the_file() {
    let (toml, seed) = real();
    let errs = load_err(&format!("{toml}\n[[fact]\nid = \"x\"\n"), REAL, &seed);
    assert_eq!(errs.len(), 1);
    assert!(errs[0].to_string().starts_with(&format!("{REAL}: ")), "{}", errs[0]);
    assert!(errs[0].message.contains("invalid TOML") && errs[0].message.contains("line"), "{}", errs[0]);
}

#[test]
fn real_coverage_notices_a_dropped_not_indicator() {
    let (toml, seed) = real();
    // Drop every not_indicator whose expr is "4K" (the only 4 in "4K电视").
    let mut out = String::new();
    let mut skip = false;
    for line in toml.split_inclusive('\n') {
        if line.trim_start().starts_with("[[") {
            skip = false;
        }
        if line.trim() == "expr = \"4K\"" {
            skip = true;
            // Remove the header we already copied.
            if let Some(at) = out.rfind("[[not_indicator]]") {
                out.truncate(at);
            }
        }
        if !skip {
            out.push_str(line);
        }
    }
    let file = load_ok(&out, REAL, &seed);
    let missing = catalogue_file::uncovered(&file, &seed);
    assert_eq!(missing.iter().map(|s| s.text.as_str()).collect::<Vec<_>>(), ["4"]);
    let errs = catalogue_file::coverage_errors(&file, &seed);
    assert!(errs[0].to_string().contains("【4】K电视"), "{}", errs[0]);
}

// ----------------------------------------------------------------------------------------------
// The fixture
// ----------------------------------------------------------------------------------------------

#[test]
fn fixture_loads_and_is_covered() {
    let (toml, seed) = mini();
    let file = load_ok(&toml, MINI, &seed);
    assert_eq!(file.facts.len(), 9);
    assert_eq!(file.file_name, MINI);
    assert!(catalogue_file::uncovered(&file, &seed).is_empty());
    for f in &file.facts {
        assert_eq!(&seed[f.quote_offset..f.quote_offset + f.quote.len()], f.quote);
    }
    let two = &file.articles[1];
    assert_eq!(&seed[two.start..two.start + "示例文章二".len()], "示例文章二");
    assert_eq!(two.end, seed.len());
    assert_eq!(file.articles[0].end, two.start);
}

#[test]
fn fixture_every_field_mistake_is_named() {
    let (toml, seed) = mini();
    let f = |id: &str| fact_entry(id);
    let cases: Vec<(String, String, &str, &str)> = vec![
        (
            set(&toml, "fact", "stations-2020h1", "value", "4100"),
            f("stations-2020h1"),
            "value",
            "4.1万座 parses to 41000 but value is 4100",
        ),
        (
            set(&toml, "fact", "output-2019", "value", "2300"),
            f("output-2019"),
            "value",
            "2300亿元 parses to 230000000000 but value is 2300",
        ),
        (set(&toml, "fact", "stations-2019-share", "value", "0.25"), f("stations-2019-share"), "value", "×100"),
        (set(&toml, "fact", "ports", "expr", "\"3600个端口\""), f("ports"), "unit", "has counter \"个端口\""),
        (set(&toml, "fact", "views", "qualifier", "\"at_least\""), f("views"), "qualifier", "says more_than"),
        (
            set(&toml, "fact", "views", "qualifier_word", "\"超过\""),
            f("views"),
            "qualifier_word",
            "already says more_than",
        ),
        (
            set(&toml, "fact", "stations-2019-share", "qualifier_word", "\"占\""),
            f("stations-2019-share"),
            "qualifier_word",
            "not a qualifying word",
        ),
        (
            set(&toml, "fact", "stations-2019-share", "qualifier_word", "\"近\""),
            f("stations-2019-share"),
            "qualifier_word",
            "does not occur in the quote",
        ),
        (set(&toml, "fact", "views", "expr", "\"850万人次\""), f("views"), "expr", "\"超过\" right next to"),
        (set(&toml, "fact", "views", "expr", "\"超过850万人\""), f("views"), "unit", "counter"),
        (set(&toml, "fact", "views", "expr", "\"观看\""), f("views"), "expr", "expected a number"),
        (set(&toml, "fact", "views", "period", "\"2020..2019\""), f("views"), "period", "does not run forwards"),
        (set(&toml, "fact", "views", "period", "\"mid 2020\""), f("views"), "period", "expected"),
        (set(&toml, "fact", "views", "topic", "\"nope\""), f("views"), "topic", "no topic has id \"nope\""),
        (set(&toml, "fact", "views", "region", "\"nope\""), f("views"), "region", "no region has id"),
        (set(&toml, "fact", "views", "article", "\"nope\""), f("views"), "article", "no article has id"),
        (set(&toml, "fact", "views", "article", "\"one\""), f("views"), "quote", "outside article \"one\""),
        (set(&toml, "fact", "views", "label_en", "\"\""), f("views"), "label_en", "is empty"),
        (set(&toml, "fact", "views", "gloss_en", "\" \""), f("views"), "gloss_en", "is empty"),
        (set(&toml, "fact", "views", "quote", "\"超过\""), f("views"), "quote", "occurs 2 times"),
        (set(&toml, "fact", "stations-2019-rank", "unit", "\"station\""), f("stations-2019-rank"), "unit", "counter"),
        (set(&toml, "fact", "stations-2019", "value", "nan"), f("stations-2019"), "value", "not a finite number"),
        (set(&toml, "unit", "station", "kind", "\"amount\""), "unit \"station\"".into(), "kind", "not one of"),
        (set(&toml, "unit", "percent", "counter", "\"percent\""), "unit \"percent\"".into(), "counter", "\"%\""),
        (
            set(&toml, "unit", "percent", "counter", "[\"%\", \"个\"]"),
            "unit \"percent\"".into(),
            "counter",
            "\"%\" alone",
        ),
        (set(&toml, "unit", "station", "counter", "[]"), "unit \"station\"".into(), "counter", "an empty list"),
        (
            set(&toml, "unit", "station", "counter", "[\"座\", \"座\"]"),
            "unit \"station\"".into(),
            "counter",
            "listed twice",
        ),
        (
            set(&toml, "unit", "station", "counter", "[\"个\", \"台\"]"),
            f("stations-2019"),
            "unit",
            "has counter \"个\" or \"台\" but expr",
        ),
        (set(&toml, "unit", "view", "id", "\"station\""), "unit \"station\"".into(), "id", "used twice"),
        (
            set(&toml, "article", "two", "heading", "\"示例文章\""),
            "article \"two\"".into(),
            "heading",
            "not as a whole line",
        ),
        (
            set(&toml, "article", "two", "heading", "\"没有这一行\""),
            "article \"two\"".into(),
            "heading",
            "not a line of the text",
        ),
        (set(&toml, "article", "one", "heading", "\"示例文章二\""), "article \"two\"".into(), "heading", "text order"),
        (set(&toml, "region", "luoning", "en", "\"\""), "region \"luoning\"".into(), "en", "is empty"),
        (toml.replace("seed = \"mini.txt\"", "seed = \"other.txt\""), String::new(), "seed", "describes \"mini.txt\""),
    ];
    for (text, entry, field, needle) in cases {
        let errs = load_err(&text, MINI, &seed);
        assert_named(&errs, MINI, &entry, field, needle);
    }
}

#[test]
fn fixture_not_indicator_mistakes_are_named() {
    let (toml, seed) = mini();
    let bad = format!("{toml}\n[[not_indicator]]\nexpr = \"9G\"\nreason = \"x\"\n\n[[not_indicator]]\nexpr = \"5G\"\nquote = \"没有\"\nreason = \"\"\n");
    let errs = load_err(&bad, MINI, &seed);
    assert_named(&errs, MINI, "not_indicator #4 (\"9G\")", "expr", "does not occur in the text");
    assert_named(&errs, MINI, "not_indicator #5 (\"5G\")", "quote", "does not occur verbatim");
    assert_named(&errs, MINI, "not_indicator #5 (\"5G\")", "expr", "does not occur in the quote");
    assert_named(&errs, MINI, "not_indicator #5 (\"5G\")", "reason", "is empty");
}

#[test]
fn fixture_reports_every_error_at_once() {
    let (toml, seed) = mini();
    let text = set(&set(&toml, "fact", "views", "value", "1"), "fact", "sales", "value", "2");
    let errs = load_err(&text, MINI, &seed);
    assert_eq!(errs.len(), 2, "{}", list(&errs));
}

#[test]
fn fixture_toml_errors_name_file_entry_and_field() {
    let (toml, seed) = mini();
    let errs = load_err(&toml.replace("value = 3600", "value = \"3600\""), MINI, &seed);
    assert_eq!(errs[0].file, MINI);
    assert_eq!(errs[0].entry, "fact #9 (\"ports\")", "{}", errs[0]);

    let errs = load_err(&remove(&toml, "fact", "ports", "quote"), MINI, &seed);
    assert_eq!((errs[0].entry.as_str(), errs[0].field.as_str()), ("fact #9 (\"ports\")", "quote"), "{}", errs[0]);

    let errs = load_err(&toml.replace("seed = \"mini.txt\"", "seed = \"mini.txt\"\nsede = 1"), MINI, &seed);
    assert_eq!((errs[0].entry.as_str(), errs[0].field.as_str()), ("", "sede"), "{}", errs[0]);

    let errs = load_err("seed = ", MINI, &seed);
    assert!(errs[0].to_string().starts_with("mini.facts.toml: line 1: invalid TOML"), "{}", errs[0]);
}

#[test]
fn fixture_coverage_requires_whole_numbers_inside_an_expr() {
    let (toml, seed) = mini();
    // Without the 5G not_indicator both 5s are uncovered.
    let no_5g = toml.replace("[[not_indicator]]\nexpr = \"5G\"\nreason = \"technology name\"\n", "");
    let file = load_ok(&no_5g, MINI, &seed);
    let missing: Vec<String> = catalogue_file::uncovered(&file, &seed).into_iter().map(|s| s.text).collect();
    assert_eq!(missing, ["5", "5", "5"]);

    // An expression that cuts a number ("1万座" inside "4.1万座") covers nothing.
    let cut = format!("{no_5g}\n[[not_indicator]]\nexpr = \"5G\"\nreason = \"x\"\n");
    let cut = set(&cut, "fact", "stations-2020h1", "expr", "\"1万座\"");
    let cut = set(&cut, "fact", "stations-2020h1", "value", "10000");
    let file = load_ok(&cut, MINI, &seed);
    let missing: Vec<String> = catalogue_file::uncovered(&file, &seed).into_iter().map(|s| s.text).collect();
    assert_eq!(missing, ["4.1万"]);
    let errs = catalogue_file::coverage_errors(&file, &seed);
    assert_eq!(
        errs[0].to_string(),
        "mini.facts.toml: coverage: number \"4.1万\" at line 3: …—6月，全省新建5G基站【4.1万】座。… is in no fact's expr and no not_indicator's expr"
    );
}

#[test]
fn periods_round_trip() {
    for s in ["2019", "2019..2022", "2020-06", "2020-01..2020-06", "asof 2020-06", "unstated"] {
        let p = parse_period(s).unwrap_or_else(|e| panic!("{s}: {e}"));
        assert_eq!(p.to_string(), s);
    }
    assert_eq!(parse_period("2020-01..2020-06"), Ok(Period::MonthRange { from: (2020, 1), to: (2020, 6) }));
    for bad in ["", "19", "2019-6", "2019..", "2019-00", "asof 2019", "2020-06..2020-01", "2019..2019", "Unstated"] {
        assert!(parse_period(bad).is_err(), "{bad:?} parsed");
    }
}

#[test]
fn ids_are_checked_for_shape() {
    for ok in ["a", "gd-5g", "gd-5g-stations-2019", "x1"] {
        assert!(catalogue_file::valid_id(ok), "{ok}");
    }
    for bad in ["", "-a", "a-", "a--b", "A", "a_b", "a b", "中"] {
        assert!(!catalogue_file::valid_id(bad), "{bad}");
    }
}

/// `cargo test --test catalogue -- --ignored --nocapture list_scanned_numbers` lists every number
/// the scanner finds in the real text, with context: handy when writing a catalogue.
#[test]
#[ignore]
fn list_scanned_numbers() {
    let (_, seed) = real();
    for s in facts::numbers::scan(&seed) {
        println!("{}", catalogue_file::span_context(&seed, s.start, s.end));
    }
}

/// A unit is what is counted: one unit may take several counter words, and each fact's `expr` may
/// end in any of them.
#[test]
fn a_unit_with_several_counter_words_takes_each_of_them() {
    let (toml, seed) = mini();
    let two = set(&toml, "unit", "station", "counter", "[\"个\", \"座\"]");
    let file = load_ok(&two, MINI, &seed);
    let station = file.units.iter().find(|u| u.id == "station").map(|u| u.counter.words().to_vec());
    assert_eq!(station, Some(vec!["个".to_string(), "座".to_string()]));
    assert!(file.facts.iter().any(|f| f.unit == "station" && f.expr.ends_with('座')));
}

/// The third fixture report was written by hand from seeds/CATALOGUE.md: it loads, covers every
/// number of its text, and its one unit of base stations takes both 座 and 个.
#[test]
fn the_hand_written_fixture_report_loads_with_two_counter_words_for_one_unit() {
    let name = "fixture-west-2021h1.facts.toml";
    let toml = read(&format!("tests/fixtures/reports/{name}"));
    let seed = read("tests/fixtures/reports/fixture-west-2021h1.txt");
    let file = load_ok(&toml, name, &seed);
    assert!(catalogue_file::uncovered(&file, &seed).is_empty());
    let exprs: Vec<&str> = file.facts.iter().filter(|f| f.unit == "base-station").map(|f| f.expr.as_str()).collect();
    assert_eq!(exprs, ["12680座", "9560座", "3120个"]);
}

// ----------------------------------------------------------------------------------------------
// What a number measures: kinds, bases and signs (tests/fixtures/reports/fixture-release-*)
// ----------------------------------------------------------------------------------------------

const RELEASE: &str = "fixture-release-2020m10.facts.toml";

fn release() -> (String, String) {
    (read(&format!("tests/fixtures/reports/{RELEASE}")), read("tests/fixtures/reports/fixture-release-2020m10.txt"))
}

#[test]
fn the_fixture_releases_load_with_signed_changes_and_every_kind() {
    use facts::{Base, Measure};
    for name in ["fixture-release-2020m10", "fixture-release-2020m11"] {
        let toml = read(&format!("tests/fixtures/reports/{name}.facts.toml"));
        let seed = read(&format!("tests/fixtures/reports/{name}.txt"));
        let file = load_ok(&toml, &format!("{name}.facts.toml"), &seed);
        assert!(catalogue_file::uncovered(&file, &seed).is_empty(), "{name}");
        let model = verify::to_model::catalogue(&file);
        // 比上年末净减少 is a negative change, 同比增长 a positive growth against last year.
        let net = model.facts.iter().find(|f| f.measure == Measure::Change).expect("a net change");
        assert!(net.value < 0.0 && net.base == Base::SinceYearEnd, "{name}: {net:?}");
        let growth = model.facts.iter().find(|f| f.measure == Measure::Growth).expect("a growth rate");
        assert!(growth.value > 0.0 && growth.base == Base::YearOnYear, "{name}");
        assert!(model.facts.iter().any(|f| f.measure == Measure::PointChange), "{name}");
    }
    let m11 = read("tests/fixtures/reports/fixture-release-2020m11.facts.toml");
    let seed = read("tests/fixtures/reports/fixture-release-2020m11.txt");
    let file = load_ok(&m11, "fixture-release-2020m11.facts.toml", &seed);
    let power = file.facts.iter().find(|f| f.expr == "1.8%").map(|f| f.value);
    assert_eq!(power, Some(-1.8), "同比下降1.8% is stored as -1.8");
    let (toml, seed) = release();
    let file = verify::to_model::catalogue(&load_ok(&toml, RELEASE, &seed));
    let share = file.facts.iter().find(|f| f.expr == "七成以上").expect("七成以上");
    assert_eq!((share.measure, share.value, share.qualifier), (Measure::Share, 70.0, facts::Qualifier::AtLeast));
    let times = file.facts.iter().find(|f| f.measure == Measure::Multiple).expect("a multiple");
    assert_eq!((times.value, times.base), (1.3, Base::YearOnYear));
    assert_eq!(file.unit(&times.unit).map(|u| u.baseline), Some(1.0), "a multiple is drawn from its base");
}

#[test]
fn a_decline_stored_as_a_gain_fails_naming_the_value() {
    // The real report: 较2018年年底平均下降34.4%.
    let (toml, seed) = real();
    let errs = load_err(&set(&toml, "fact", "luoning-data-tariff-cut", "value", "34.4"), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry("luoning-data-tariff-cut"), "value", "must be -34.4");
    assert_named(&errs, REAL, &fact_entry("luoning-data-tariff-cut"), "value", "下降");
    // A fixture release: 比上年末净减少120万户.
    let (toml, seed) = release();
    let id = "beiling-2020m10-mobile-subscribers-change";
    let errs = load_err(&set(&toml, "fact", id, "value", "1200000"), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "value", "净减少");
    // And a gain stored as a decline.
    let id = "beiling-2020m10-revenue-growth";
    let errs = load_err(&set(&toml, "fact", id, "value", "-3.6"), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "value", "must be 3.6");
}

#[test]
fn a_growth_rate_declared_as_a_share_or_a_level_fails_naming_the_measure() {
    let (toml, seed) = release();
    let id = "beiling-2020m10-revenue-growth";
    for measure in ["\"share\"", "\"level\""] {
        let wrong = remove(&set(&toml, "fact", id, "measure", measure), "fact", id, "base");
        let errs = load_err(&wrong, RELEASE, &seed);
        assert_named(&errs, RELEASE, &fact_entry(id), "measure", "增长");
        assert_named(&errs, RELEASE, &fact_entry(id), "measure", "growth");
    }
    // The real report's tariff cut as a share.
    let (toml, seed) = real();
    let wrong = remove(
        &set(&toml, "fact", "luoning-data-tariff-cut", "measure", "\"share\""),
        "fact",
        "luoning-data-tariff-cut",
        "base",
    );
    let errs = load_err(&wrong, REAL, &seed);
    assert_named(&errs, REAL, &fact_entry("luoning-data-tariff-cut"), "measure", "下降");
}

#[test]
fn seven_tenths_declared_as_a_count_fails_naming_the_unit() {
    // 约占七成以上 is a share of about 70%, not the count 7.
    let (toml, seed) = release();
    let id = "beiling-2020m10-gigabit-share";
    let wrong = set(
        &set(&set(&toml, "fact", id, "unit", "\"household\""), "fact", id, "value", "7"),
        "fact",
        id,
        "measure",
        "\"level\"",
    );
    let errs = load_err(&wrong, RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "unit", "is a percentage");
    // As a share in a count unit the measure says so too.
    let wrong = set(&toml, "fact", id, "unit", "\"household\"");
    let errs = load_err(&wrong, RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "measure", "count unit");
}

#[test]
fn bases_are_required_of_changes_and_must_be_the_quotes() {
    let (toml, seed) = release();
    let id = "beiling-2020m10-revenue-growth";
    let errs = load_err(&remove(&toml, "fact", id, "base"), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "base", "the quote says year_on_year");
    let errs = load_err(&set(&toml, "fact", id, "base", "\"since_year_end\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "base", "say year_on_year");
    let errs = load_err(&set(&toml, "fact", id, "base", "\"yoy\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "base", "is not one of");
    // A level has no base.
    let level = "beiling-2020m10-revenue";
    let errs = load_err(&set(&toml, "fact", level, "base", "\"year_on_year\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(level), "base", "has no base");
    // Every fact says what it measures.
    let errs = load_err(&remove(&toml, "fact", level, "measure"), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(level), "measure", "missing");
    let errs = load_err(&set(&toml, "fact", level, "measure", "\"stock\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(level), "measure", "is not one of");
}

#[test]
fn a_multiple_is_read_as_the_quote_reads_it() {
    // 是去年同期的1.3倍 is 1.3 times; stored as a growth by 1.3 times (2.3) it fails, saying why.
    let (toml, seed) = release();
    let id = "beiling-2020m10-data-per-subscriber-multiple";
    let errs = load_err(&set(&toml, "fact", id, "value", "2.3"), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "value", "so many times the base");
    // 增长1.3倍 is 2.3 times the base.
    let text = seed.replace("是去年同期的1.3倍", "比去年同期增长1.3倍");
    let grown = toml.replace("是去年同期的1.3倍", "比去年同期增长1.3倍");
    let errs = load_err(&grown, RELEASE, &text);
    assert_named(&errs, RELEASE, &fact_entry(id), "value", "must be 2.3");
    assert_named(&errs, RELEASE, &fact_entry(id), "value", "growth by");
    load_ok(&set(&grown, "fact", id, "value", "2.3"), RELEASE, &text);
}

#[test]
fn units_of_points_times_and_indexes_are_checked() {
    let (toml, seed) = release();
    let errs = load_err(&set(&toml, "unit", "times", "counter", "\"个\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, "unit \"times\"", "counter", "倍");
    let errs = load_err(&set(&toml, "unit", "percentage-point", "counter", "\"点\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, "unit \"percentage-point\"", "counter", "百分点");
    let errs = load_err(&set(&toml, "unit", "percentage-point", "kind", "\"index\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, "unit \"percentage-point\"", "baseline", "missing");
    let errs = load_err(&set(&toml, "unit", "yuan", "baseline", "100"), RELEASE, &seed);
    assert_named(&errs, RELEASE, "unit \"yuan\"", "baseline", "only an index");
    // A percentage-point change in a percent unit.
    let id = "beiling-2020m10-gigabit-share-change";
    let errs = load_err(&set(&toml, "fact", id, "unit", "\"percent\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "unit", "not a percentage");
}

#[test]
fn a_change_never_shares_an_axis_with_a_share() {
    let (toml, seed) = release();
    let wrong = toml.replace(
        "facts = [\"beiling-2020m10-gigabit-share\"]",
        "facts = [\"beiling-2020m10-gigabit-share\", \"beiling-2020m10-revenue-growth\"]",
    );
    assert_ne!(wrong, toml);
    let errs = load_err(&wrong, RELEASE, &seed);
    assert_named(&errs, RELEASE, "chart \"beiling-2020m10-gigabit\" panel #1", "facts", "never shares an axis");
}

#[test]
fn a_period_the_text_contradicts_fails_naming_what_the_text_says() {
    // 1—10月 in the release: revenue over January to October, subscribers at the end of October.
    let (toml, seed) = release();
    let id = "beiling-2020m10-revenue";
    let errs = load_err(&set(&toml, "fact", id, "period", "\"2020-01..2020-09\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "period", "the text dates \"285亿元\" 2020-01..2020-10");
    let errs = load_err(&set(&toml, "fact", id, "period", "\"2019-01..2019-10\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "period", "2020-01..2020-10");
    let id = "beiling-2020m10-mobile-subscribers";
    let errs = load_err(&set(&toml, "fact", id, "period", "\"asof 2020-09\""), RELEASE, &seed);
    assert_named(&errs, RELEASE, &fact_entry(id), "period", "asof 2020-10");
    // A stock or a flow of the same months agrees (the end is what a date fixes), and a period the
    // catalogue leaves unstated is its own call.
    load_ok(&set(&toml, "fact", id, "period", "\"2020-01..2020-10\""), RELEASE, &seed);
    load_ok(&set(&toml, "fact", id, "period", "\"unstated\""), RELEASE, &seed);
    // The real report: 截至今年6月末 with no year above it is not checked; 2019年 is.
    let (toml, seed) = real();
    let errs = load_err(&set(&toml, "fact", "gd-5g-stations-2019", "period", "\"2020\""), REAL, &seed);
    assert_named(&errs, REAL, &fact_entry("gd-5g-stations-2019"), "period", "2019");
}
