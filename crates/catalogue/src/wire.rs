//! A report as one JSON file, for the reports the dashboard's first load does not carry: `publish`
//! writes [`report_json`] for each of them, the on-demand module reads it back with
//! [`parse_report`] when a reader opens one. The file holds the whole report (its catalogue, how it
//! is shown, and its text), so a report opened this way is shown like the built-in one.
//!
//! Reading leaks the strings into `'static` data, the model's own kind: a page reads each report
//! at most once (`crate::REPORTS` is never read this way).

use serde_json::{json, Value};

use crate::export::{period_str, qualifier_str, unit_kind_str};
use facts::presentation::{ChartDef, ChartKind, CheckDef, CheckKind, PanelDef, SectionDef};
use facts::{Article, Catalogue, Fact, Named, Qualifier, Report, Unit, UnitKind};

/// Version of the file's shape; [`parse_report`] rejects any other.
pub const WIRE_SCHEMA: u64 = 1;

fn pair(p: (&str, &str)) -> Value {
    json!([p.0, p.1])
}

fn check_kind(k: &CheckKind) -> Value {
    match *k {
        CheckKind::StockFlow { tolerance } => json!({"kind": "stock_flow", "tolerance": tolerance}),
        CheckKind::ImpliedTotal { between } => json!({"kind": "implied_total", "between": [between.0, between.1]}),
        CheckKind::ShareBound { whole } => json!({"kind": "share_bound", "whole": whole}),
        CheckKind::Margin { tolerance } => json!({"kind": "margin", "tolerance": tolerance}),
        CheckKind::PerUnit { rounding } => json!({"kind": "per_unit", "rounding": rounding}),
        CheckKind::Sum => json!({"kind": "sum"}),
    }
}

/// The report as one line of JSON.
pub fn report_json(r: &Report) -> String {
    let c = r.catalogue;
    let articles: Vec<Value> = c
        .articles
        .iter()
        .map(|a| json!([a.id, a.title_zh, a.title_en, a.source_zh, a.source_en, a.text_start, a.text_end]))
        .collect();
    let units: Vec<Value> = c.units.iter().map(|u| json!([u.id, unit_kind_str(u.kind), u.zh, u.en])).collect();
    let named = |l: &[Named]| -> Vec<Value> { l.iter().map(|n| json!([n.id, n.zh, n.en])).collect() };
    let facts: Vec<Value> = c
        .facts
        .iter()
        .map(|f| {
            json!([
                f.id,
                f.article,
                f.topic,
                f.region,
                f.label_zh,
                f.label_en,
                f.short_zh,
                f.short_en,
                f.value,
                f.unit,
                qualifier_str(f.qualifier),
                period_str(&f.period),
                f.quote,
                f.expr,
                f.quote_offset,
                f.gloss_en
            ])
        })
        .collect();
    let sections: Vec<Value> = c.sections.iter().map(|s| json!([s.id, pair(s.title), s.topics])).collect();
    let charts: Vec<Value> = c
        .charts
        .iter()
        .map(|ch| {
            let kind = match ch.kind {
                ChartKind::Panels(panels) => json!({"panels": panels
                    .iter()
                    .map(|p| json!([pair(p.caption), p.facts, p.references]))
                    .collect::<Vec<_>>()}),
                ChartKind::StockFlow { stock, added, reported, check } => {
                    json!({"stock_flow": [stock, added, reported, check]})
                }
            };
            json!([ch.id, ch.section, pair(ch.title), pair(ch.subtitle), kind])
        })
        .collect();
    let checks: Vec<Value> =
        c.checks.iter().map(|k| json!([k.id, k.label_zh, k.label_en, check_kind(&k.kind), k.inputs])).collect();
    json!({
        "schema": WIRE_SCHEMA,
        "name": r.name,
        "seed": c.seed,
        "text": r.text,
        "articles": articles,
        "units": units,
        "regions": named(c.regions),
        "topics": named(c.topics),
        "facts": facts,
        "drafts": c.drafts,
        "indicators": c.indicators,
        "sections": sections,
        "charts": charts,
        "checks": checks,
        "headlines": c.headlines,
    })
    .to_string()
}

/// What went wrong reading a report file: where, in the file's terms.
type Wrong = String;

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn leak_slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

/// Reads positional fields of one JSON array, naming the entry in errors.
struct Fields<'a> {
    items: &'a [Value],
    at: &'a str,
}

impl<'a> Fields<'a> {
    fn of(v: &'a Value, at: &'a str) -> Result<Self, Wrong> {
        v.as_array().map(|items| Fields { items, at }).ok_or_else(|| format!("{at}: not a list"))
    }
    fn get(&self, i: usize) -> Result<&'a Value, Wrong> {
        self.items.get(i).ok_or_else(|| format!("{}: field {} is missing", self.at, i + 1))
    }
    fn str(&self, i: usize) -> Result<&'static str, Wrong> {
        self.get(i)?.as_str().map(leak).ok_or_else(|| format!("{}: field {} is not text", self.at, i + 1))
    }
    fn num(&self, i: usize) -> Result<f64, Wrong> {
        self.get(i)?.as_f64().ok_or_else(|| format!("{}: field {} is not a number", self.at, i + 1))
    }
    fn int(&self, i: usize) -> Result<usize, Wrong> {
        let n = self.get(i)?.as_u64().ok_or_else(|| format!("{}: field {} is not a whole number", self.at, i + 1))?;
        usize::try_from(n).map_err(|_| format!("{}: field {} is too large", self.at, i + 1))
    }
    fn pair(&self, i: usize) -> Result<(&'static str, &'static str), Wrong> {
        let p = Fields::of(self.get(i)?, self.at)?;
        Ok((p.str(0)?, p.str(1)?))
    }
    fn strs(&self, i: usize) -> Result<&'static [&'static str], Wrong> {
        strs(self.get(i)?, self.at)
    }
}

fn strs(v: &Value, at: &str) -> Result<&'static [&'static str], Wrong> {
    let list = v.as_array().ok_or_else(|| format!("{at}: not a list"))?;
    let out: Result<Vec<&'static str>, Wrong> =
        list.iter().map(|s| s.as_str().map(leak).ok_or_else(|| format!("{at}: an item is not text"))).collect();
    Ok(leak_slice(out?))
}

fn list<T>(doc: &Value, key: &str, mut one: impl FnMut(Fields<'_>) -> Result<T, Wrong>) -> Result<Vec<T>, Wrong> {
    let items = doc.get(key).and_then(Value::as_array).ok_or_else(|| format!("{key}: missing"))?;
    items
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let at = format!("{key} #{}", i + 1);
            one(Fields::of(v, &at)?)
        })
        .collect()
}

fn qualifier(s: &str, at: &str) -> Result<Qualifier, Wrong> {
    Ok(match s {
        "exact" => Qualifier::Exact,
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "about" => Qualifier::About,
        "less_than" => Qualifier::LessThan,
        other => return Err(format!("{at}: unknown qualifier {other:?}")),
    })
}

fn unit_kind(s: &str, at: &str) -> Result<UnitKind, Wrong> {
    Ok(match s {
        "percent" => UnitKind::Percent,
        "currency" => UnitKind::Currency,
        "count" => UnitKind::Count,
        other => return Err(format!("{at}: unknown unit kind {other:?}")),
    })
}

fn read_check_kind(v: &Value, at: &str) -> Result<CheckKind, Wrong> {
    let num = |k: &str| v.get(k).and_then(Value::as_f64).ok_or_else(|| format!("{at}: {k} is missing"));
    Ok(match v.get("kind").and_then(Value::as_str).unwrap_or("") {
        "stock_flow" => CheckKind::StockFlow { tolerance: num("tolerance")? },
        "implied_total" => {
            let b = v.get("between").map(|b| Fields::of(b, at)).transpose()?.ok_or_else(|| format!("{at}: between"))?;
            CheckKind::ImpliedTotal { between: (b.num(0)?, b.num(1)?) }
        }
        "share_bound" => CheckKind::ShareBound {
            whole: leak(v.get("whole").and_then(Value::as_str).ok_or_else(|| format!("{at}: whole is missing"))?),
        },
        "margin" => CheckKind::Margin { tolerance: num("tolerance")? },
        "per_unit" => CheckKind::PerUnit { rounding: num("rounding")? },
        "sum" => CheckKind::Sum,
        other => return Err(format!("{at}: unknown cross-check kind {other:?}")),
    })
}

/// Reads a file [`report_json`] wrote; says what is wrong with any other.
pub fn parse_report(text: &str) -> Result<Report, Wrong> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("not JSON: {e}"))?;
    if doc.get("schema").and_then(Value::as_u64) != Some(WIRE_SCHEMA) {
        return Err(format!("schema: not {WIRE_SCHEMA}"));
    }
    let top = |k: &str| doc.get(k).and_then(Value::as_str).map(leak).ok_or_else(|| format!("{k}: missing"));
    let (name, seed, text) = (top("name")?, top("seed")?, top("text")?);
    let articles = list(&doc, "articles", |f| {
        Ok(Article {
            id: f.str(0)?,
            title_zh: f.str(1)?,
            title_en: f.str(2)?,
            source_zh: f.str(3)?,
            source_en: f.str(4)?,
            text_start: f.int(5)?,
            text_end: f.int(6)?,
        })
    })?;
    let units = list(&doc, "units", |f| {
        Ok(Unit { id: f.str(0)?, kind: unit_kind(f.str(1)?, f.at)?, zh: f.str(2)?, en: f.str(3)? })
    })?;
    let named = |key: &str| list(&doc, key, |f| Ok(Named { id: f.str(0)?, zh: f.str(1)?, en: f.str(2)? }));
    let (regions, topics) = (named("regions")?, named("topics")?);
    let facts = list(&doc, "facts", |f| {
        let period = facts::period::parse(f.str(11)?).map_err(|e| format!("{}: period: {e}", f.at))?;
        Ok(Fact {
            id: f.str(0)?,
            article: f.str(1)?,
            topic: f.str(2)?,
            region: f.str(3)?,
            label_zh: f.str(4)?,
            label_en: f.str(5)?,
            short_zh: f.str(6)?,
            short_en: f.str(7)?,
            value: f.num(8)?,
            unit: f.str(9)?,
            qualifier: qualifier(f.str(10)?, f.at)?,
            period,
            seed,
            quote: f.str(12)?,
            expr: f.str(13)?,
            quote_offset: f.int(14)?,
            gloss_en: f.str(15)?,
        })
    })?;
    let indicators = list(&doc, "indicators", |f| Ok((f.str(0)?, f.str(1)?)))?;
    let sections = list(&doc, "sections", |f| Ok(SectionDef { id: f.str(0)?, title: f.pair(1)?, topics: f.strs(2)? }))?;
    let charts = list(&doc, "charts", |f| {
        let kind_v = f.get(4)?;
        let kind = if let Some(sf) = kind_v.get("stock_flow") {
            let s = Fields::of(sf, f.at)?;
            ChartKind::StockFlow { stock: s.str(0)?, added: s.str(1)?, reported: s.str(2)?, check: s.str(3)? }
        } else {
            let panels =
                kind_v.get("panels").and_then(Value::as_array).ok_or_else(|| format!("{}: no panels", f.at))?;
            let panels: Result<Vec<PanelDef>, Wrong> = panels
                .iter()
                .map(|p| {
                    let p = Fields::of(p, f.at)?;
                    Ok(PanelDef { caption: p.pair(0)?, facts: p.strs(1)?, references: p.strs(2)? })
                })
                .collect();
            ChartKind::Panels(leak_slice(panels?))
        };
        Ok(ChartDef { id: f.str(0)?, section: f.str(1)?, title: f.pair(2)?, subtitle: f.pair(3)?, kind })
    })?;
    let checks = list(&doc, "checks", |f| {
        Ok(CheckDef {
            id: f.str(0)?,
            label_zh: f.str(1)?,
            label_en: f.str(2)?,
            kind: read_check_kind(f.get(3)?, f.at)?,
            inputs: f.strs(4)?,
        })
    })?;
    let drafts = strs(doc.get("drafts").unwrap_or(&Value::Null), "drafts")?;
    let headlines = strs(doc.get("headlines").unwrap_or(&Value::Null), "headlines")?;
    let catalogue: &'static Catalogue = Box::leak(Box::new(Catalogue {
        seed,
        articles: leak_slice(articles),
        units: leak_slice(units),
        regions: leak_slice(regions),
        topics: leak_slice(topics),
        facts: leak_slice(facts),
        drafts,
        indicators: leak_slice(indicators),
        sections: leak_slice(sections),
        charts: leak_slice(charts),
        checks: leak_slice(checks),
        headlines,
    }));
    Ok(Report { name, catalogue, text })
}
