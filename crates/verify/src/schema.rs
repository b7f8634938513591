//! What a catalogue file holds, as its TOML spells it (`seeds/CATALOGUE.md`): one type per entry
//! kind, unknown fields rejected. `catalogue_file::load` and `presentation::check` verify them;
//! `to_model` maps them into the model.

use facts::counters::Counters;
use serde::Deserialize;

/// A whole catalogue file. Field names are the TOML's; unknown fields are rejected.
#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CatalogueFile {
    /// File name of the text in `seeds/`: NAME.txt for NAME.facts.toml.
    pub seed: String,
    /// Fact ids the overview shows as headline figures, in order.
    #[serde(default)]
    pub headlines: Vec<String>,
    #[serde(default, rename = "article")]
    pub articles: Vec<ArticleEntry>,
    #[serde(default, rename = "unit")]
    pub units: Vec<UnitEntry>,
    #[serde(default, rename = "region")]
    pub regions: Vec<NamedEntry>,
    #[serde(default, rename = "topic")]
    pub topics: Vec<NamedEntry>,
    #[serde(default, rename = "fact")]
    pub facts: Vec<FactEntry>,
    #[serde(default, rename = "not_indicator")]
    pub not_indicators: Vec<NotIndicatorEntry>,
    /// Indicators this file declares for the whole site: the model's own type, as the entry has
    /// its fields and no others.
    #[serde(default, rename = "indicator")]
    pub indicators: Vec<facts::Indicator>,
    #[serde(default, rename = "section")]
    pub sections: Vec<SectionEntry>,
    #[serde(default, rename = "chart")]
    pub charts: Vec<ChartEntry>,
    #[serde(default, rename = "cross_check")]
    pub cross_checks: Vec<CrossCheckEntry>,
    /// The file name given to [`load`].
    #[serde(skip)]
    pub file_name: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ArticleEntry {
    pub id: String,
    /// A whole line of the text (surrounding whitespace aside) where the article starts.
    pub heading: String,
    pub title_zh: String,
    pub title_en: String,
    pub source_zh: String,
    pub source_en: String,
    /// Byte range of the article in the text: from its heading to the next article's heading.
    /// Set by [`load`].
    #[serde(skip)]
    pub start: usize,
    #[serde(skip)]
    pub end: usize,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct UnitEntry {
    pub id: String,
    /// percent | currency | count | percentage_points | times | index.
    pub kind: String,
    /// The measure words right after the number ("座", "元", "个", "人次"), "" for none; "%" for
    /// percent units; "第" for a rank unit (matches any ordinal, 第一 or 第2家). One word, or several
    /// for one thing counted in several ways (5G base stations: 42698个, 98613座).
    pub counter: Counters,
    pub zh: String,
    pub en: String,
    /// An index unit's baseline (100 for 上年=100, 50 for a diffusion index, 0 when the index is
    /// read from zero); index units only.
    #[serde(default)]
    pub baseline: Option<f64>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NamedEntry {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct FactEntry {
    pub id: String,
    pub article: String,
    pub topic: String,
    pub region: String,
    pub label_zh: String,
    pub label_en: String,
    /// Short bar labels for charts; default to the labels.
    #[serde(default)]
    pub short_zh: Option<String>,
    #[serde(default)]
    pub short_en: Option<String>,
    /// Base units: 41000 for 4.1万, 230000000000 for 2300亿元, 25 for 1/4 of a percent unit.
    pub value: f64,
    pub unit: String,
    /// exact | at_least | more_than | about | less_than.
    pub qualifier: String,
    /// What the number measures (level, share, growth, change, point_change, multiple, index,
    /// index_change); required: `load` names a fact that leaves it out.
    #[serde(default)]
    pub measure: Option<String>,
    /// What a change or a multiple is measured against (year_on_year, period_on_period,
    /// since_year_end, stated); only for those.
    #[serde(default)]
    pub base: Option<String>,
    /// See [`facts::Period`].
    pub period: String,
    pub quote: String,
    pub expr: String,
    #[serde(default)]
    pub qualifier_word: Option<String>,
    #[serde(default)]
    pub gloss_en: Option<String>,
    /// "draft" (written by the draft tool, not yet reviewed by a person) or "reviewed" (the
    /// default).
    #[serde(default)]
    pub status: Option<String>,
    /// The indicator this fact measures: facts of one indicator, across periods and reports, form
    /// a series.
    #[serde(default)]
    pub indicator: Option<String>,
    /// Byte offset of `quote` in the text. Set by [`load`].
    #[serde(skip)]
    pub quote_offset: usize,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct NotIndicatorEntry {
    pub expr: String,
    /// Where; `None` means every occurrence of `expr`.
    #[serde(default)]
    pub quote: Option<String>,
    pub reason: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct SectionEntry {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    /// The topics whose facts the section gathers (for the finder and the reading order).
    pub topics: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct ChartEntry {
    pub id: String,
    pub section: String,
    pub title_zh: String,
    pub title_en: String,
    #[serde(default)]
    pub subtitle_zh: String,
    #[serde(default)]
    pub subtitle_en: String,
    /// Panels of bars; or, instead, `stock_flow`.
    #[serde(default, rename = "panel")]
    pub panels: Vec<PanelEntry>,
    #[serde(default)]
    pub stock_flow: Option<StockFlowEntry>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PanelEntry {
    #[serde(default)]
    pub caption_zh: String,
    #[serde(default)]
    pub caption_en: String,
    pub facts: Vec<String>,
    /// Facts drawn as labelled reference lines across the panel.
    #[serde(default)]
    pub references: Vec<String>,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StockFlowEntry {
    pub stock: String,
    pub added: String,
    pub reported: String,
    /// The `stock_flow` cross-check the chart shows.
    pub check: String,
}

#[derive(Clone, Debug, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct CrossCheckEntry {
    pub id: String,
    /// stock_flow | implied_total | share_bound | margin | per_unit | sum.
    pub kind: String,
    pub label_zh: String,
    pub label_en: String,
    pub inputs: Vec<String>,
    /// stock_flow, margin: how far the derived and the reported figures may differ.
    #[serde(default)]
    pub tolerance: Option<f64>,
    /// implied_total: the simple fractions either side of the stated share ("1/5", "1/3").
    #[serde(default)]
    pub between: Option<Vec<String>>,
    /// per_unit: how far the total may be from the true figure (half its last written digit).
    #[serde(default)]
    pub rounding: Option<f64>,
    /// share_bound: the whole the share is of, as the report names it ("全国").
    #[serde(default)]
    pub whole: Option<String>,
}
