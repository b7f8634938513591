//! Loader and verifier for `seeds/NAME.facts.toml` (schema: `seeds/CATALOGUE.md`).
//!
//! Native only: used by `seed_reports`' build script and by the tests and tools. [`load`] checks
//! everything one entry can get wrong (the entries' types are in `schema`; sections, charts and
//! cross-checks are checked by `presentation`) and reports every problem at once, each naming the
//! file, the entry and the field (`problems`); [`uncovered`] (`coverage`) checks that every number
//! the scanner finds in the text is accounted for.

use crate::problems::*;
use facts::numbers::{self, Form};
use facts::{Qualifier, UnitKind};
use std::collections::{HashMap, HashSet};

pub use crate::coverage::{coverage_errors, covered_ranges, idle_not_indicators, uncovered};
pub use crate::problems::{line_of, occurrences, span_context, valid_id, CatalogueError};
pub use crate::schema::{
    ArticleEntry, CatalogueFile, ChartEntry, CrossCheckEntry, FactEntry, NamedEntry, NotIndicatorEntry, PanelEntry,
    SectionEntry, StockFlowEntry, UnitEntry,
};

/// Where a column banner over the next article's heading starts (做好“六稳”落实“六保” over the
/// Guangdong article), when the article at `start..end` ends in one; `end` is the next heading.
///
/// The article's last non-blank line is taken for a banner when it is not the article's heading
/// and has no clause punctuation (，。；！？), the mark of a heading in `catalogue::provenance`:
/// a heading with nothing under it in its own article can only head what follows.
fn trailing_banner(text: &str, start: usize, end: usize) -> Option<usize> {
    let body = text.get(start..end)?.trim_end();
    // No line break left: the article is its heading alone.
    let line_start = body.rfind('\n')? + 1;
    let line = body[line_start..].trim();
    let prose = line.chars().any(|c| matches!(c, '，' | '。' | '；' | '！' | '？'));
    (!line.is_empty() && !prose).then_some(start + line_start)
}

/// Parses and verifies a catalogue against its text.
///
/// `file_name` names the catalogue in messages (and, when it ends in `.facts.toml`, fixes the
/// `seed` it must describe); `seed_text` is the text. On success, article spans and quote offsets
/// are filled in. Coverage is checked separately by [`uncovered`].
pub fn load(toml_text: &str, file_name: &str, seed_text: &str) -> Result<CatalogueFile, Vec<CatalogueError>> {
    let mut file: CatalogueFile = toml::from_str(toml_text).map_err(|e| vec![toml_error(file_name, toml_text, &e)])?;
    file.file_name = file_name.to_string();
    let mut errs = Errors { file: file_name, list: Vec::new() };

    if let Some(stem) = file_name.rsplit(['/', '\\']).next().and_then(|n| n.strip_suffix(".facts.toml")) {
        let expected = format!("{stem}.txt");
        if file.seed != expected {
            errs.push("", "seed", format!("{:?} but this catalogue describes {expected:?}", file.seed));
        }
    }
    if seed_text.is_empty() {
        errs.push("", "seed", "the text is empty");
    }

    // Ids: well-formed and unique per kind.
    let article_ids = check_ids(&mut errs, "article", file.articles.iter().map(|a| a.id.as_str()));
    let unit_ids = check_ids(&mut errs, "unit", file.units.iter().map(|u| u.id.as_str()));
    let region_ids = check_ids(&mut errs, "region", file.regions.iter().map(|r| r.id.as_str()));
    let topic_ids = check_ids(&mut errs, "topic", file.topics.iter().map(|t| t.id.as_str()));
    check_ids(&mut errs, "fact", file.facts.iter().map(|f| f.id.as_str()));
    let (article_ids, unit_ids, region_ids, topic_ids): (
        HashSet<String>,
        HashSet<String>,
        HashSet<String>,
        HashSet<String>,
    ) = (
        article_ids.into_iter().map(str::to_string).collect(),
        unit_ids.into_iter().map(str::to_string).collect(),
        region_ids.into_iter().map(str::to_string).collect(),
        topic_ids.into_iter().map(str::to_string).collect(),
    );

    // Articles: headings are unique whole lines, in text order; spans run to the next heading.
    let mut line_starts: Vec<(usize, &str)> = Vec::new();
    {
        let mut pos = 0;
        for line in seed_text.split_inclusive('\n') {
            let content = line.trim_end_matches(['\n', '\r']);
            let lead = content.len() - content.trim_start().len();
            line_starts.push((pos + lead, content.trim()));
            pos += line.len();
        }
    }
    let mut previous: Option<(usize, String)> = None;
    let mut starts: Vec<Option<usize>> = Vec::new();
    for (i, a) in file.articles.iter().enumerate() {
        let name = entry_name("article", i, &a.id);
        non_empty(
            &mut errs,
            &name,
            &[
                ("heading", &a.heading),
                ("title_zh", &a.title_zh),
                ("title_en", &a.title_en),
                ("source_zh", &a.source_zh),
                ("source_en", &a.source_en),
            ],
        );
        let heading = a.heading.trim();
        let at: Vec<usize> =
            line_starts.iter().filter(|(_, l)| !heading.is_empty() && *l == heading).map(|(p, _)| *p).collect();
        let start = match at.as_slice() {
            [one] => Some(*one),
            [] if !heading.is_empty() && seed_text.contains(heading) => {
                errs.push(&name, "heading", format!("{heading:?} occurs in the text but not as a whole line"));
                None
            }
            [] => {
                if !heading.is_empty() {
                    errs.push(&name, "heading", format!("{heading:?} is not a line of the text"));
                }
                None
            }
            many => {
                let lines: Vec<String> = many.iter().map(|p| line_of(seed_text, *p).to_string()).collect();
                errs.push(&name, "heading", format!("{heading:?} is ambiguous: it is lines {}", lines.join(", ")));
                None
            }
        };
        if let (Some(s), Some((p, prev))) = (start, &previous) {
            if s <= *p {
                errs.push(
                    &name,
                    "heading",
                    format!(
                        "articles must be listed in text order, but this heading (line {}) comes before article {prev:?}'s (line {})",
                        line_of(seed_text, s),
                        line_of(seed_text, *p)
                    ),
                );
            }
        }
        if let Some(s) = start {
            previous = Some((s, a.id.clone()));
        }
        starts.push(start);
    }
    let mut next_start: Option<usize> = None;
    for (a, start) in file.articles.iter_mut().zip(starts.iter()).rev() {
        if let Some(s) = *start {
            a.start = s;
            a.end = match next_start {
                Some(n) => trailing_banner(seed_text, s, n.max(s)).unwrap_or(n.max(s)),
                None => seed_text.len().max(s),
            };
            next_start = Some(s);
        }
    }
    let article_span: HashMap<String, Option<(usize, usize)>> =
        file.articles.iter().zip(starts.iter()).map(|(a, s)| (a.id.clone(), s.map(|_| (a.start, a.end)))).collect();

    // Units.
    for (i, u) in file.units.iter().enumerate() {
        let name = entry_name("unit", i, &u.id);
        non_empty(&mut errs, &name, &[("zh", &u.zh), ("en", &u.en)]);
        let words = u.counter.words();
        if words.is_empty() {
            errs.push(&name, "counter", "an empty list: write \"\" for a unit with no counter word".to_string());
        }
        for (i, w) in words.iter().enumerate() {
            if words[..i].contains(w) {
                errs.push(&name, "counter", format!("{w:?} is listed twice"));
            }
        }
        match UnitKind::from_spelling(&u.kind) {
            Some(UnitKind::Percent) => {
                if words != ["%"] {
                    errs.push(
                        &name,
                        "counter",
                        format!("{}, but a percent unit's counter is \"%\" alone", u.counter.describe()),
                    );
                }
            }
            Some(UnitKind::Times) if words != ["倍"] => {
                errs.push(&name, "counter", format!("{}, but a times unit's counter is \"倍\"", u.counter.describe()))
            }
            Some(UnitKind::PercentagePoints) if !words.iter().all(|w| w.ends_with("百分点")) => errs.push(
                &name,
                "counter",
                format!("{}, but a percentage-point unit's counter is \"个百分点\" or \"百分点\"", u.counter.describe()),
            ),
            Some(UnitKind::Index) => match u.baseline {
                None => errs.push(
                    &name,
                    "baseline",
                    "missing: an index is read against its baseline (100 for 上年=100, 50 for a diffusion index, 0 to read it from zero)",
                ),
                Some(b) if !b.is_finite() => errs.push(&name, "baseline", format!("{b} is not a finite number")),
                Some(_) => {}
            },
            Some(_) => {}
            None => errs.push(&name, "kind", format!("{:?} is not one of {}", u.kind, UnitKind::spellings())),
        }
        if u.baseline.is_some() && UnitKind::from_spelling(&u.kind) != Some(UnitKind::Index) {
            errs.push(&name, "baseline", "only an index unit has a baseline");
        }
    }
    let units: HashMap<&str, &UnitEntry> = file.units.iter().map(|u| (u.id.as_str(), u)).collect();

    for (kind, list) in [("region", &file.regions), ("topic", &file.topics)] {
        for (i, n) in list.iter().enumerate() {
            non_empty(&mut errs, &entry_name(kind, i, &n.id), &[("zh", &n.zh), ("en", &n.en)]);
        }
    }

    // Facts.
    let dates = facts::dates::Dates::of(seed_text);
    let mut offsets = Vec::with_capacity(file.facts.len());
    for (i, f) in file.facts.iter().enumerate() {
        let name = entry_name("fact", i, &f.id);
        let mut offset = 0;
        // Where the quote is, when it is found exactly once (the checks that need its place).
        let mut placed = false;
        non_empty(
            &mut errs,
            &name,
            &[("label_zh", &f.label_zh), ("label_en", &f.label_en), ("quote", &f.quote), ("expr", &f.expr)],
        );
        if let Some(g) = &f.gloss_en {
            if g.trim().is_empty() {
                errs.push(&name, "gloss_en", "is empty (leave it out instead)");
            }
        }
        for (field, value, ids, kind) in [
            ("article", &f.article, &article_ids, "article"),
            ("topic", &f.topic, &topic_ids, "topic"),
            ("region", &f.region, &region_ids, "region"),
            ("unit", &f.unit, &unit_ids, "unit"),
        ] {
            if !ids.contains(value.as_str()) {
                errs.push(&name, field, format!("no {kind} has id {value:?}"));
            }
        }
        if let Err(m) = facts::period::parse(&f.period) {
            errs.push(&name, "period", m);
        }
        let stored = Qualifier::from_spelling(&f.qualifier);
        if stored.is_none() {
            errs.push(&name, "qualifier", format!("{:?} is not one of {}", f.qualifier, Qualifier::spellings()));
        }
        if !f.value.is_finite() {
            errs.push(&name, "value", format!("{} is not a finite number", f.value));
        }

        // The quote: verbatim, once, inside its article.
        if !f.quote.is_empty() {
            let at = occurrences(seed_text, &f.quote);
            match at.as_slice() {
                [one] => {
                    offset = *one;
                    placed = true;
                    if let Some(Some((s, e))) = article_span.get(&f.article) {
                        if offset < *s || offset + f.quote.len() > *e {
                            errs.push(
                                &name,
                                "quote",
                                format!(
                                    "is at line {}, outside article {:?} (lines {}–{})",
                                    line_of(seed_text, offset),
                                    f.article,
                                    line_of(seed_text, *s),
                                    line_of(seed_text, e.saturating_sub(1).max(*s))
                                ),
                            );
                        }
                    }
                }
                [] => errs.push(&name, "quote", "does not occur verbatim in the text"),
                many => {
                    let lines: Vec<String> = many.iter().map(|p| line_of(seed_text, *p).to_string()).collect();
                    errs.push(
                        &name,
                        "quote",
                        format!(
                            "occurs {} times (lines {}); lengthen it until it is unique",
                            many.len(),
                            lines.join(", ")
                        ),
                    );
                }
            }
        }
        offsets.push(offset);

        // The expression: inside the quote, parses, agrees with qualifier, unit and value.
        if f.expr.is_empty() {
            continue;
        }
        let expr_at = occurrences(&f.quote, &f.expr);
        if !f.quote.is_empty() && expr_at.is_empty() {
            errs.push(&name, "expr", format!("{:?} does not occur in the quote", f.expr));
        }
        // The period, against the text's dates (the quote found once, so its place is known).
        if let (Ok(period), Some(at), true) = (facts::period::parse(&f.period), expr_at.first(), placed) {
            let text = (&dates, seed_text);
            crate::period_check::check(&mut errs, &name, period, &f.period, text, offset + at, &f.expr);
        }
        let parsed = match numbers::parse_expr(&f.expr) {
            Ok(p) => p,
            Err(e) => {
                errs.push(&name, "expr", e.to_string());
                continue;
            }
        };

        // Qualifier: the expression's own words, plus qualifier_word when given.
        let mut qualifier = parsed.qualifier;
        if let Some(w) = &f.qualifier_word {
            match numbers::qualifier_word(w) {
                None => errs.push(
                    &name,
                    "qualifier_word",
                    format!("{w:?} is not a qualifying word (约, 近, 超过, 以上, 不到 ...)"),
                ),
                Some(q) => {
                    if !f.quote.contains(w.as_str()) {
                        errs.push(&name, "qualifier_word", format!("{w:?} does not occur in the quote"));
                    }
                    if parsed.qualifier != Qualifier::Exact {
                        errs.push(
                            &name,
                            "qualifier_word",
                            format!(
                                "expr {:?} already says {}; qualifier_word is only for a word outside expr",
                                f.expr,
                                parsed.qualifier.spelling()
                            ),
                        );
                    }
                    qualifier = q;
                }
            }
        } else {
            // A qualifying word written right next to expr but left out of it.
            for &p in &expr_at {
                let before = &f.quote[..p];
                let after = &f.quote[p + f.expr.len()..];
                const NEAR_BEFORE: &[&str] =
                    &["不少于", "不低于", "至少", "超过", "多于", "大约", "将近", "接近", "不到", "不足", "少于"];
                const NEAR_AFTER: &[&str] = &["以上", "以下", "左右"];
                let ends_in_number =
                    f.expr.chars().last().is_some_and(|c| c.is_ascii_digit() || "万亿千百十".contains(c));
                let word = NEAR_BEFORE
                    .iter()
                    .find(|w| before.ends_with(**w))
                    .or_else(|| NEAR_AFTER.iter().find(|w| after.starts_with(**w)))
                    .or_else(|| ["多", "余"].iter().find(|w| ends_in_number && after.starts_with(**w)));
                if let Some(w) = word {
                    errs.push(
                        &name,
                        "expr",
                        format!(
                            "the quote has {w:?} right next to {:?}; include it in expr (it qualifies the number)",
                            f.expr
                        ),
                    );
                }
            }
        }
        if let Some(stored) = stored {
            if stored != qualifier {
                let from = match &f.qualifier_word {
                    Some(w) if parsed.qualifier == Qualifier::Exact => {
                        format!("qualifier_word {w:?}")
                    }
                    _ => format!("expr {:?}", f.expr),
                };
                errs.push(
                    &name,
                    "qualifier",
                    format!("{from} says {} but qualifier is {:?}", qualifier.spelling(), f.qualifier),
                );
            }
        }

        // Measure, base and direction; then unit and value.
        let unit = units.get(f.unit.as_str());
        let unit_kind = unit.and_then(|u| Some((u.id.as_str(), UnitKind::from_spelling(&u.kind)?)));
        let rule = crate::measure::check(&mut errs, &name, f, unit_kind, expr_at.first().copied());
        let Some(unit) = unit else {
            continue;
        };
        let percent = UnitKind::from_spelling(&unit.kind) == Some(UnitKind::Percent);
        let expected = match (percent, parsed.form) {
            (true, Form::Percent) => Some(parsed.value),
            (true, Form::Fraction) => Some(parsed.value * 100.0),
            (true, _) => {
                errs.push(
                    &name,
                    "unit",
                    format!("{:?} is a percent unit but expr {:?} is not a percentage or fraction", unit.id, f.expr),
                );
                None
            }
            (_, Form::Percent | Form::Fraction) => {
                errs.push(
                    &name,
                    "unit",
                    format!(
                        "expr {:?} is a percentage or fraction but unit {:?} is a {} unit",
                        f.expr, unit.id, unit.kind
                    ),
                );
                None
            }
            (_, form) => {
                let counter_ok =
                    unit.counter.accepts(&parsed.counter) || (form == Form::Ordinal && unit.counter.accepts("第"));
                if !counter_ok {
                    errs.push(
                        &name,
                        "unit",
                        format!(
                            "unit {:?} has counter {} but expr {:?} has counter {:?}",
                            unit.id,
                            unit.counter.describe(),
                            f.expr,
                            parsed.counter
                        ),
                    );
                }
                Some(parsed.value)
            }
        };
        if let Some(expected) = expected {
            let magnitude = expected;
            let expected = rule.expected(magnitude);
            let tolerance = 1e-9 * expected.abs().max(f.value.abs()).max(1.0);
            if (expected - f.value).abs() > tolerance {
                let scale = if percent && parsed.form == Form::Fraction {
                    " (a fraction, ×100 for a percent unit)"
                } else {
                    ""
                };
                errs.push(&name, "value", crate::measure::value_message(&f.expr, magnitude, scale, &rule, f.value));
            }
        }
    }
    for (f, o) in file.facts.iter_mut().zip(offsets) {
        f.quote_offset = o;
    }

    // Indicators declared here (checked against the other files' by `verify::indicators`).
    check_ids(&mut errs, "indicator", file.indicators.iter().map(|i| i.id.as_str()));
    for (i, d) in file.indicators.iter().enumerate() {
        let name = entry_name("indicator", i, &d.id);
        non_empty(
            &mut errs,
            &name,
            &[
                ("name_zh", &d.name_zh),
                ("name_en", &d.name_en),
                ("definition_zh", &d.definition_zh),
                ("definition_en", &d.definition_en),
            ],
        );
        if !unit_ids.contains(d.unit.as_str()) {
            errs.push(&name, "unit", format!("no unit has id {:?}", d.unit));
        }
    }

    // Not-indicators.
    for (i, n) in file.not_indicators.iter().enumerate() {
        let name = format!("not_indicator #{} ({:?})", i + 1, n.expr);
        non_empty(&mut errs, &name, &[("expr", &n.expr), ("reason", &n.reason)]);
        if n.expr.is_empty() {
            continue;
        }
        match &n.quote {
            Some(q) if q.is_empty() => errs.push(&name, "quote", "is empty (leave it out to mean every occurrence)"),
            Some(q) => {
                if occurrences(seed_text, q).is_empty() {
                    errs.push(&name, "quote", "does not occur verbatim in the text");
                }
                if !q.contains(n.expr.as_str()) {
                    errs.push(&name, "expr", format!("{:?} does not occur in the quote", n.expr));
                }
            }
            None => {
                if !seed_text.contains(n.expr.as_str()) {
                    errs.push(&name, "expr", format!("{:?} does not occur in the text", n.expr));
                }
            }
        }
    }

    crate::presentation::check(&file, &mut errs);

    if errs.list.is_empty() {
        Ok(file)
    } else {
        Err(errs.list)
    }
}
