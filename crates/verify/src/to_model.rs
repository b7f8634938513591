//! A verified catalogue file as the model: the one place where the TOML's entries become
//! [`facts::Report`] values. Everything here was checked by [`crate::catalogue_file::load`], so
//! the spellings it maps are known to be good; the defaults below are never reached for a file
//! `load` accepted.

use crate::catalogue_file::{CatalogueFile, NamedEntry};
use crate::indicators::Declarations;
use crate::presentation::check_kind;
use crate::reports::LoadedReport;
use facts::presentation::{ChartDef, ChartKind, CheckDef, CheckKind, PanelDef, SectionDef};
use facts::{Article, Base, Catalogue, Fact, Measure, Named, Period, Qualifier, Report, Status, Unit, UnitKind};

fn named(list: &[NamedEntry]) -> Vec<Named> {
    list.iter().map(|n| Named { id: n.id.clone(), zh: n.zh.clone(), en: n.en.clone() }).collect()
}

/// The catalogue of a file that [`crate::catalogue_file::load`] accepted.
pub fn catalogue(file: &CatalogueFile) -> Catalogue {
    Catalogue {
        seed: file.seed.clone(),
        articles: file
            .articles
            .iter()
            .map(|a| Article {
                id: a.id.clone(),
                title_zh: a.title_zh.clone(),
                title_en: a.title_en.clone(),
                source_zh: a.source_zh.clone(),
                source_en: a.source_en.clone(),
                text_start: a.start,
                text_end: a.end,
            })
            .collect(),
        units: file
            .units
            .iter()
            .map(|u| {
                let kind = UnitKind::from_spelling(&u.kind).unwrap_or(UnitKind::Count);
                Unit {
                    id: u.id.clone(),
                    kind,
                    zh: u.zh.clone(),
                    en: u.en.clone(),
                    // A multiple is drawn against its base, once the base.
                    baseline: if kind == UnitKind::Times { 1.0 } else { u.baseline.unwrap_or(0.0) },
                }
            })
            .collect(),
        regions: named(&file.regions),
        topics: named(&file.topics),
        facts: file
            .facts
            .iter()
            .map(|f| Fact {
                id: f.id.clone(),
                article: f.article.clone(),
                topic: f.topic.clone(),
                region: f.region.clone(),
                label_zh: f.label_zh.clone(),
                label_en: f.label_en.clone(),
                short_zh: f.short_zh.clone().unwrap_or_else(|| f.label_zh.clone()),
                short_en: f.short_en.clone().unwrap_or_else(|| f.label_en.clone()),
                value: f.value,
                unit: f.unit.clone(),
                qualifier: Qualifier::from_spelling(&f.qualifier).unwrap_or(Qualifier::Exact),
                measure: f.measure.as_deref().and_then(Measure::from_spelling).unwrap_or_default(),
                base: f.base.as_deref().and_then(Base::from_spelling).unwrap_or_default(),
                period: facts::period::parse(&f.period).unwrap_or(Period::Unstated),
                quote: f.quote.clone(),
                expr: f.expr.clone(),
                quote_offset: f.quote_offset,
                gloss_en: f.gloss_en.clone().unwrap_or_default(),
                status: f.status.as_deref().and_then(Status::from_spelling).unwrap_or_default(),
                indicator: f.indicator.clone(),
            })
            .collect(),
        sections: file
            .sections
            .iter()
            .map(|s| SectionDef {
                id: s.id.clone(),
                title: (s.title_zh.clone(), s.title_en.clone()),
                topics: s.topics.clone(),
            })
            .collect(),
        charts: file
            .charts
            .iter()
            .map(|c| ChartDef {
                id: c.id.clone(),
                section: c.section.clone(),
                title: (c.title_zh.clone(), c.title_en.clone()),
                subtitle: (c.subtitle_zh.clone(), c.subtitle_en.clone()),
                kind: match &c.stock_flow {
                    Some(sf) => ChartKind::StockFlow {
                        stock: sf.stock.clone(),
                        added: sf.added.clone(),
                        reported: sf.reported.clone(),
                        check: sf.check.clone(),
                    },
                    None => ChartKind::Panels(
                        c.panels
                            .iter()
                            .map(|p| PanelDef {
                                caption: (p.caption_zh.clone(), p.caption_en.clone()),
                                facts: p.facts.clone(),
                                references: p.references.clone(),
                            })
                            .collect(),
                    ),
                },
            })
            .collect(),
        checks: file
            .cross_checks
            .iter()
            .map(|c| CheckDef {
                id: c.id.clone(),
                label_zh: c.label_zh.clone(),
                label_en: c.label_en.clone(),
                kind: check_kind(&c.kind).map_or(CheckKind::Sum, |k| (k.model)(c)),
                inputs: c.inputs.clone(),
            })
            .collect(),
        headlines: file.headlines.clone(),
        // Written when the site is published (`catalogue::changes`): they take every report.
        since_previous: Vec::new(),
    }
}

/// The report: its name, catalogue and text, and the declarations of the indicators its facts
/// name, from whichever of the site's reports (`declared`, `indicators::declarations`) declares them.
pub fn report(r: &LoadedReport, declared: &Declarations) -> Report {
    Report {
        name: r.name.clone(),
        catalogue: catalogue(&r.file),
        text: r.text.clone(),
        indicators: crate::indicators::of_report(r, declared),
    }
}

/// Every report of the site, in its order.
pub fn reports(all: &[LoadedReport]) -> Vec<Report> {
    let declared = crate::indicators::declarations(all);
    all.iter().map(|r| report(r, &declared)).collect()
}
