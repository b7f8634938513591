//! A verified report as the model's own `'static` data, made at run time (strings leaked): for
//! native tools and tests that read reports from files instead of the built-in ones (the tests of
//! several reports, the scale benchmark). `codegen` writes the same mapping as Rust for the build;
//! a test checks the two agree on the real report.

use crate::catalogue_file::{CatalogueFile, NamedEntry};
use crate::presentation::{fraction, CrossCheckEntry};
use crate::reports::LoadedReport;
use facts::presentation::{ChartDef, ChartKind, CheckDef, CheckKind, PanelDef, SectionDef};
use facts::{Article, Catalogue, Fact, Named, Period, Qualifier, Report, Unit, UnitKind};

fn leak(s: &str) -> &'static str {
    Box::leak(s.to_owned().into_boxed_str())
}

fn slice<T>(v: Vec<T>) -> &'static [T] {
    Box::leak(v.into_boxed_slice())
}

fn strs(v: &[String]) -> &'static [&'static str] {
    slice(v.iter().map(|s| leak(s)).collect())
}

fn pair(zh: &str, en: &str) -> (&'static str, &'static str) {
    (leak(zh), leak(en))
}

fn qualifier(q: &str) -> Qualifier {
    match q {
        "at_least" => Qualifier::AtLeast,
        "more_than" => Qualifier::MoreThan,
        "about" => Qualifier::About,
        "less_than" => Qualifier::LessThan,
        _ => Qualifier::Exact,
    }
}

fn unit_kind(k: &str) -> UnitKind {
    match k {
        "percent" => UnitKind::Percent,
        "currency" => UnitKind::Currency,
        _ => UnitKind::Count,
    }
}

fn check_kind(c: &CrossCheckEntry) -> CheckKind {
    let between: Vec<f64> = c.between.iter().flatten().filter_map(|s| fraction(s)).collect();
    match c.kind.as_str() {
        "stock_flow" => CheckKind::StockFlow { tolerance: c.tolerance.unwrap_or(0.0) },
        "implied_total" => CheckKind::ImpliedTotal {
            between: (between.first().copied().unwrap_or(f64::NAN), between.get(1).copied().unwrap_or(f64::NAN)),
        },
        "share_bound" => CheckKind::ShareBound { whole: leak(c.whole.as_deref().unwrap_or("")) },
        "margin" => CheckKind::Margin { tolerance: c.tolerance.unwrap_or(0.0) },
        "per_unit" => CheckKind::PerUnit { rounding: c.rounding.unwrap_or(0.0) },
        _ => CheckKind::Sum,
    }
}

fn named(list: &[NamedEntry]) -> &'static [Named] {
    slice(list.iter().map(|n| Named { id: leak(&n.id), zh: leak(&n.zh), en: leak(&n.en) }).collect())
}

/// The catalogue of a file [`crate::catalogue_file::load`] accepted.
pub fn to_catalogue(file: &CatalogueFile) -> Catalogue {
    let seed = leak(&file.seed);
    Catalogue {
        seed,
        articles: slice(
            file.articles
                .iter()
                .map(|a| Article {
                    id: leak(&a.id),
                    title_zh: leak(&a.title_zh),
                    title_en: leak(&a.title_en),
                    source_zh: leak(&a.source_zh),
                    source_en: leak(&a.source_en),
                    text_start: a.start,
                    text_end: a.end,
                })
                .collect(),
        ),
        units: slice(
            file.units
                .iter()
                .map(|u| Unit { id: leak(&u.id), kind: unit_kind(&u.kind), zh: leak(&u.zh), en: leak(&u.en) })
                .collect(),
        ),
        regions: named(&file.regions),
        topics: named(&file.topics),
        facts: slice(
            file.facts
                .iter()
                .map(|f| Fact {
                    id: leak(&f.id),
                    article: leak(&f.article),
                    topic: leak(&f.topic),
                    region: leak(&f.region),
                    label_zh: leak(&f.label_zh),
                    label_en: leak(&f.label_en),
                    short_zh: leak(f.short_zh.as_deref().unwrap_or(&f.label_zh)),
                    short_en: leak(f.short_en.as_deref().unwrap_or(&f.label_en)),
                    value: f.value,
                    unit: leak(&f.unit),
                    qualifier: qualifier(&f.qualifier),
                    period: facts::period::parse(&f.period).unwrap_or(Period::Unstated),
                    seed,
                    quote: leak(&f.quote),
                    expr: leak(&f.expr),
                    quote_offset: f.quote_offset,
                    gloss_en: leak(f.gloss_en.as_deref().unwrap_or("")),
                })
                .collect(),
        ),
        drafts: slice(
            file.facts.iter().filter(|f| f.status.as_deref() == Some("draft")).map(|f| leak(&f.id)).collect(),
        ),
        indicators: slice(
            file.facts.iter().filter_map(|f| Some((leak(&f.id), leak(f.indicator.as_deref()?)))).collect(),
        ),
        sections: slice(
            file.sections
                .iter()
                .map(|s| SectionDef { id: leak(&s.id), title: pair(&s.title_zh, &s.title_en), topics: strs(&s.topics) })
                .collect(),
        ),
        charts: slice(
            file.charts
                .iter()
                .map(|c| ChartDef {
                    id: leak(&c.id),
                    section: leak(&c.section),
                    title: pair(&c.title_zh, &c.title_en),
                    subtitle: pair(&c.subtitle_zh, &c.subtitle_en),
                    kind: match &c.stock_flow {
                        Some(sf) => ChartKind::StockFlow {
                            stock: leak(&sf.stock),
                            added: leak(&sf.added),
                            reported: leak(&sf.reported),
                            check: leak(&sf.check),
                        },
                        None => ChartKind::Panels(slice(
                            c.panels
                                .iter()
                                .map(|p| PanelDef {
                                    caption: pair(&p.caption_zh, &p.caption_en),
                                    facts: strs(&p.facts),
                                    references: strs(&p.references),
                                })
                                .collect(),
                        )),
                    },
                })
                .collect(),
        ),
        checks: slice(
            file.cross_checks
                .iter()
                .map(|c| CheckDef {
                    id: leak(&c.id),
                    label_zh: leak(&c.label_zh),
                    label_en: leak(&c.label_en),
                    kind: check_kind(c),
                    inputs: strs(&c.inputs),
                })
                .collect(),
        ),
        headlines: strs(&file.headlines),
    }
}

/// The report, its catalogue and text leaked to `'static`.
pub fn to_report(r: &LoadedReport) -> Report {
    Report { name: leak(&r.name), catalogue: Box::leak(Box::new(to_catalogue(&r.file))), text: leak(&r.text) }
}
