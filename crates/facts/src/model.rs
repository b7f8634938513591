//! The fact model: a report as plain owned data. The same values whether a report was read from
//! its catalogue file at build time (`verify`), from its published data file in the browser, or
//! inline in `offline.html`; serde gives them their published form, and `publish` writes a JSON
//! Schema of that form from these types.

use serde::{Deserialize, Serialize};

use crate::period::Period;
use crate::presentation::{ChartDef, CheckDef, SectionDef};

crate::spelled_enum! {
    /// How the report qualifies a number. "50%以上" is not "50%".
    pub enum Qualifier {
        Exact = "exact",
        /// 以上, 不少于: the value or more.
        AtLeast = "at_least",
        /// 超过, 超, 多: strictly more than the value.
        MoreThan = "more_than",
        /// 约, 近, 左右.
        About = "about",
        /// 不到, 不足, 以下.
        LessThan = "less_than",
    }
}

crate::spelled_enum! {
    /// What kind of quantity a unit measures; units of different ids never share an axis.
    pub enum UnitKind {
        Percent = "percent",
        Currency = "currency",
        /// Things counted, and physical units (座, 户, 千瓦时, GB).
        Count = "count",
        /// The difference between two percentages (个百分点): not a percent of anything.
        PercentagePoints = "percentage_points",
        /// So many times a base (倍).
        Times = "times",
        /// Points of an index, read against the index's own baseline (100, 50).
        Index = "index",
    }
}

crate::spelled_enum! {
    /// What a number measures. Releases state changes more often than levels, and a reader must
    /// never see a decline drawn as a gain or a growth rate on the same axis as a share.
    #[derive(Default)]
    pub enum Measure {
        /// A stock or a flow: 累计建成7.8万座, 收入285亿元, 加权平均利率2.30%.
        #[default]
        Level = "level",
        /// A part of a whole, in percent: 占全国的15.1%, 约占七成.
        Share = "share",
        /// A change in percent against a base: 同比增长3.6%, 较2018年年底下降34.4%.
        Growth = "growth",
        /// A change of a level against a base, in the level's unit: 比上年末净减少120万户.
        Change = "change",
        /// A change of a percentage, in percentage points: 增速提高0.4个百分点.
        PointChange = "point_change",
        /// So many times a base: 是去年同期的1.3倍.
        Multiple = "multiple",
        /// A value of an index: 指数为86.3.
        Index = "index",
        /// A change of an index, in its points: 上升0.2点.
        IndexChange = "index_change",
    }
}

impl Measure {
    /// A change against a base: its value is signed (negative for a decline, zero for 持平).
    pub fn is_change(self) -> bool {
        matches!(self, Measure::Growth | Measure::Change | Measure::PointChange | Measure::IndexChange)
    }

    /// A change or a multiple: a number that means nothing without its base.
    pub fn has_base(self) -> bool {
        self.is_change() || self == Measure::Multiple
    }
}

crate::spelled_enum! {
    /// What a change or a multiple is measured against.
    #[derive(Default)]
    pub enum Base {
        /// Not a change: a level, a share or an index value.
        #[default]
        None = "none",
        /// The same period a year before: 同比, 比上年同期, 比上年 (for a whole year).
        YearOnYear = "year_on_year",
        /// The period just before: 环比, 比上月, 比上季度.
        PeriodOnPeriod = "period_on_period",
        /// The end of the year before: 比上年末, 比年初.
        SinceYearEnd = "since_year_end",
        /// A base the quote names itself: 较2018年年底, 较1—9月.
        Stated = "stated",
    }
}

crate::spelled_enum! {
    /// Whether a person has reviewed a fact. Drafted facts (written by the draft tool) are shown
    /// marked "未审核 / not yet reviewed" until someone has.
    #[derive(Default)]
    pub enum Status {
        #[default]
        Reviewed = "reviewed",
        Draft = "draft",
    }
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Unit {
    pub id: String,
    pub kind: UnitKind,
    /// Display suffix in Chinese, e.g. "座", "元", "个端口".
    pub zh: String,
    /// Display noun in English, e.g. "stations", "yuan", "ports".
    pub en: String,
    /// Where the unit's bars start: 0, except 1 for a multiple (the base itself) and an index's
    /// own baseline (100 for 上年=100, 50 for a diffusion index).
    #[serde(default)]
    pub baseline: f64,
}

/// A region or a topic: an id and its name in both languages.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Named {
    pub id: String,
    pub zh: String,
    pub en: String,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Article {
    pub id: String,
    pub title_zh: String,
    pub title_en: String,
    pub source_zh: String,
    pub source_en: String,
    /// Byte range of the article in the report's text: from its heading line to the next
    /// article's heading (less a column banner printed over that heading), or to the end.
    pub text_start: usize,
    pub text_end: usize,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Fact {
    pub id: String,
    pub article: String,
    pub topic: String,
    pub region: String,
    pub label_zh: String,
    pub label_en: String,
    /// Short labels for chart bars, where the chart title gives the context (the label when the
    /// catalogue gives none).
    pub short_zh: String,
    pub short_en: String,
    /// In base units: yuan not 亿元, 41000 not 4.1万, 25 (percent) for 1/4. Signed for a change:
    /// 下降3.2% is -3.2.
    pub value: f64,
    pub unit: String,
    pub qualifier: Qualifier,
    /// What the number measures: a level, a share, a change against `base` ...
    #[serde(default)]
    pub measure: Measure,
    /// What a change or a multiple is measured against; `None` for the rest.
    #[serde(default)]
    pub base: Base,
    pub period: Period,
    /// Verbatim sentence fragment from the report's text that states the number.
    pub quote: String,
    /// The numeric expression inside `quote`, e.g. "4.1万座".
    pub expr: String,
    /// Byte offset of `quote` in the report's text (verified at build time).
    pub quote_offset: usize,
    /// English gloss of the quote ("" for none).
    #[serde(default)]
    pub gloss_en: String,
    #[serde(default)]
    pub status: Status,
    /// The indicator the fact measures: facts of one indicator, across periods and reports,
    /// form a series.
    #[serde(default)]
    pub indicator: Option<String>,
}

// Every field is always written (no `skip_serializing_if`): the build embeds the open report in a
// format without field names (postcard), where a skipped field would shift the ones after it.

/// Everything a report's catalogue file declares: its facts and how the report is shown.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Catalogue {
    /// File name of the report's text (NAME.txt).
    pub seed: String,
    pub articles: Vec<Article>,
    pub units: Vec<Unit>,
    pub regions: Vec<Named>,
    pub topics: Vec<Named>,
    pub facts: Vec<Fact>,
    pub sections: Vec<SectionDef>,
    pub charts: Vec<ChartDef>,
    pub checks: Vec<CheckDef>,
    /// Facts the overview shows as headline figures, in order.
    pub headlines: Vec<String>,
    /// For each fact whose indicator has an earlier point in another report (or whose figure
    /// revises an earlier report's), what changed, in words: written when the site is published,
    /// since it takes the other reports, which the page does not load (`catalogue::changes`).
    #[serde(default)]
    pub since_previous: Vec<SincePrevious>,
}

/// What changed since another report stated a fact's indicator: the change from its earlier point
/// (`change`: exact, at_most, at_least or unknown; `by` in the unit, signed), or a revision of the
/// same period's figure (`change` = revised), with both periods, figures and sentences in `zh`
/// and `en`.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SincePrevious {
    /// The fact of this report.
    pub fact: String,
    pub change: String,
    pub by: f64,
    pub zh: String,
    pub en: String,
}

/// An indicator: what the facts of one series count, declared once for the whole site (any
/// report's catalogue may declare it, `[[indicator]]`) and named by each fact that measures it.
/// Its name titles its series; its definition (口径) says what is counted: cumulative or new, by
/// whom, from when.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct Indicator {
    pub id: String,
    pub name_zh: String,
    pub name_en: String,
    pub definition_zh: String,
    pub definition_en: String,
    /// The unit its facts are counted in: a unit id of every report that gives one of its points.
    pub unit: String,
    /// Indicators that measure nearly the same thing (built and in service): never joined in one
    /// line, but shown side by side, each with its definition, in this indicator's view and in
    /// theirs.
    /// (Always written: reports travel in postcard too, whose fields have no names.)
    #[serde(default)]
    pub compare_with: Vec<String>,
}

/// One report: its name (NAME of NAME.txt and NAME.facts.toml), its catalogue and its text.
#[derive(Clone, Debug, Default, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct Report {
    pub name: String,
    pub catalogue: Catalogue,
    pub text: String,
    /// The declarations of the indicators its facts name, wherever in the site they are declared.
    /// Here, not in the catalogue: the page's first download carries the catalogue, and only what
    /// the reader opens needs the definitions.
    #[serde(default)]
    pub indicators: Vec<Indicator>,
}

impl Report {
    /// The declaration of the indicator with this id, among those the report carries.
    pub fn indicator(&self, id: &str) -> Option<&Indicator> {
        self.indicators.iter().find(|i| i.id == id)
    }
}

/// What belongs to the site rather than to one report (`seeds/site.toml`): its name, and what a
/// link to its address says of it, in both languages. Each report's page names the report first.
#[derive(Clone, Debug, PartialEq, Eq, Serialize, Deserialize)]
pub struct Site {
    pub title_zh: String,
    pub title_en: String,
    /// The site's address described, for search engines and link previews; "" to let the publish
    /// step describe it from its reports.
    pub description_zh: String,
    pub description_en: String,
}

impl Default for Site {
    /// A site that names itself by what it is.
    fn default() -> Site {
        Site {
            title_zh: "指标数据看板".to_string(),
            title_en: "Indicator dashboard".to_string(),
            description_zh: String::new(),
            description_en: String::new(),
        }
    }
}
