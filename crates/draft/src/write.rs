//! The draft as a `NAME.facts.toml` in the format of `seeds/CATALOGUE.md`, plus `status`.

use std::fmt::Write;

use crate::Draft;

/// A TOML string, written by the `toml` crate (which also reads the file back).
fn q(s: &str) -> String {
    toml::Value::String(s.to_string()).to_string()
}

/// A TOML number: an integer when the value is whole and fits, as the finished catalogue writes
/// 36988 and 230000000000; otherwise Rust's shortest round-trip float.
fn number(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 9.0e15 {
        format!("{}", v as i64)
    } else if v.is_finite() && v.abs() < 1e15 && v.abs() >= 1e-6 {
        format!("{v}")
    } else {
        format!("{v:e}")
    }
}

const PLACEHOLDER_ID: &str = "todo";

pub fn to_toml(d: &Draft) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "# Drafted from {} by `bash .ci/draft` (crates/draft); schema: seeds/CATALOGUE.md.\n\
         # Every entry needs review: facts carry status = \"draft\" until a person has checked the\n\
         # value, unit, qualifier, measure, base, period and label against the text, translated the\n\
         # English fields (until then they hold the Chinese, so the English page shows the original\n\
         # words rather than a placeholder; units with a standard English name have it), and\n\
         # replaced the placeholder topic and region \"{PLACEHOLDER_ID}\".\n",
        d.seed
    );
    let _ = writeln!(s, "seed = {}\n", q(&d.seed));
    for a in &d.articles {
        let _ = writeln!(
            s,
            "[[article]]\nid = {}\nheading = {}\ntitle_zh = {}\ntitle_en = {}\nsource_zh = \"（待定）\"\nsource_en = \"(to be decided)\"\n",
            q(&a.id),
            q(&a.heading),
            q(&a.heading),
            q(&a.heading)
        );
    }
    if !d.heading_candidates.is_empty() {
        s.push_str("# Other lines that look like headings; any of them may start an article:\n");
        for (line, text) in &d.heading_candidates {
            let _ = writeln!(s, "#   line {line}: {text}");
        }
        s.push('\n');
    }
    for u in &d.units {
        let _ = writeln!(
            s,
            "[[unit]]\nid = {}\nkind = {}\ncounter = {}\nzh = {}\nen = {}",
            q(&u.id),
            q(&u.kind),
            counter_toml(&u.counter),
            q(&u.zh),
            q(&u.en)
        );
        if let Some(b) = u.baseline {
            let _ = writeln!(
                s,
                "baseline = {}  # proposed: check it (100 for 上年=100 or 同期=100, 50 for a diffusion index such as PMI)",
                number(b)
            );
        }
        s.push('\n');
    }
    let _ = writeln!(s, "[[region]]\nid = \"{PLACEHOLDER_ID}\"\nzh = \"（待定）\"\nen = \"(to be decided)\"\n");
    let _ = writeln!(s, "[[topic]]\nid = \"{PLACEHOLDER_ID}\"\nzh = \"（待定）\"\nen = \"(to be decided)\"\n");
    let article = d.articles.first().map_or("article-1", |a| a.id.as_str());
    for f in &d.facts {
        let _ = writeln!(s, "# line {}, quote at byte {}", f.line, f.quote_offset);
        let _ = writeln!(s, "[[fact]]\nid = {}\nstatus = \"draft\"", q(&f.id));
        let _ = writeln!(
            s,
            "article = {}\ntopic = \"{PLACEHOLDER_ID}\"\nregion = \"{PLACEHOLDER_ID}\"\nlabel_zh = {}\nlabel_en = {}",
            q(article),
            q(&f.label_zh),
            q(&f.label_zh)
        );
        let _ = writeln!(
            s,
            "value = {}\nunit = {}\nqualifier = {}",
            number(f.value),
            q(&f.unit),
            q(f.qualifier.spelling())
        );
        if let Some(w) = &f.qualifier_word {
            let _ = writeln!(s, "qualifier_word = {}", q(w));
        }
        if let Some(i) = &f.indicator {
            let _ = writeln!(s, "indicator = {}  # proposed: its points beside say the same in the same unit", q(i));
        }
        let _ = writeln!(s, "measure = {}", q(f.measure.spelling()));
        if f.measure.has_base() {
            let _ = writeln!(s, "base = {}", q(f.base.spelling()));
        }
        let _ = writeln!(s, "period = {}\nquote = {}\nexpr = {}\n", q(&f.period), q(&f.quote), q(&f.expr));
    }
    charts(&mut s, d);
    for n in &d.not_indicators {
        let _ = writeln!(s, "[[not_indicator]]\nexpr = {}", q(&n.expr));
        if let Some(quote) = &n.quote {
            let _ = writeln!(s, "quote = {}", q(quote));
        }
        let _ = writeln!(s, "reason = {}\n", q(&n.reason));
    }
    s
}

/// One section for the report and one chart per unit its facts use (facts sharing a unit share an
/// axis), so a draft builds and shows as it is. A unit's changes (a growth, a net change) are a
/// panel of their own: a change never shares an axis with a level or a share.
fn charts(s: &mut String, d: &Draft) {
    let stem = d.seed.strip_suffix(".txt").unwrap_or(&d.seed);
    let prefix = crate::id_prefix(stem);
    let title = d.articles.first().map_or(stem, |a| a.heading.as_str());
    let _ = writeln!(
        s,
        "[[section]]\nid = {}\ntitle_zh = {}\ntitle_en = {}\ntopics = [\"{PLACEHOLDER_ID}\"]\n",
        q(&prefix),
        q(title),
        q(title)
    );
    let mut units: Vec<&str> = Vec::new();
    for f in &d.facts {
        if !units.contains(&f.unit.as_str()) {
            units.push(&f.unit);
        }
    }
    for unit in units {
        let zh = d.units.iter().find(|u| u.id == unit).map_or(unit, |u| u.zh.as_str());
        let _ = writeln!(
            s,
            "[[chart]]\nid = {}\nsection = {}\ntitle_zh = {}\ntitle_en = {}",
            q(&format!("{prefix}-{unit}")),
            q(&prefix),
            q(&format!("{title}（{zh}）")),
            q(&format!("{title}（{zh}）")),
        );
        for change in [false, true] {
            let facts: Vec<String> = d
                .facts
                .iter()
                .filter(|f| f.unit == unit && f.measure.is_change() == change)
                .map(|f| q(&f.id))
                .collect();
            if facts.is_empty() {
                continue;
            }
            s.push_str("[[chart.panel]]\n");
            if change {
                s.push_str("caption_zh = \"变化\"\ncaption_en = \"Change\"\n");
            }
            let _ = writeln!(s, "facts = [{}]", facts.join(", "));
        }
        s.push('\n');
    }
}

/// A unit's counter as the catalogue writes it: a string, or a list of strings.
fn counter_toml(counter: &facts::counters::Counters) -> String {
    match counter {
        facts::counters::Counters::One(word) => q(word),
        facts::counters::Counters::Several(words) => {
            format!("[{}]", words.iter().map(|w| q(w)).collect::<Vec<_>>().join(", "))
        }
    }
}
