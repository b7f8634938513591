//! The fact catalogue as the app sees it: plain `'static` data generated at
//! build time (see `build.rs` and `codegen.rs`) so the wasm carries no parser.

use crate::period::Period;
use crate::presentation::{ChartDef, CheckDef, SectionDef};

/// How the report qualifies a number. "50%以上" is not "50%".
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Qualifier {
    Exact,
    /// 以上, 不少于: the value or more.
    AtLeast,
    /// 超过, 超, 多: strictly more than the value.
    MoreThan,
    /// 约, 近, 左右.
    About,
    /// 不到, 不足, 以下.
    LessThan,
}

/// What kind of quantity a unit measures; units of different ids never share an axis.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum UnitKind {
    Percent,
    Currency,
    Count,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Unit {
    pub id: &'static str,
    pub kind: UnitKind,
    /// Display suffix in Chinese, e.g. "座", "元", "个端口".
    pub zh: &'static str,
    /// Display noun in English, e.g. "stations", "yuan", "ports".
    pub en: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Named {
    pub id: &'static str,
    pub zh: &'static str,
    pub en: &'static str,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Article {
    pub id: &'static str,
    pub title_zh: &'static str,
    pub title_en: &'static str,
    pub source_zh: &'static str,
    pub source_en: &'static str,
    /// Byte range of the article in the seed text: from its heading line to the next article's
    /// heading (less a column banner printed over that heading), or to the end of the text.
    pub text_start: usize,
    pub text_end: usize,
}

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Fact {
    pub id: &'static str,
    pub article: &'static str,
    pub topic: &'static str,
    pub region: &'static str,
    pub label_zh: &'static str,
    pub label_en: &'static str,
    /// Short labels for chart bars, where the chart title gives the context (defaults to the label).
    pub short_zh: &'static str,
    pub short_en: &'static str,
    /// In base units: yuan not 亿元, 41000 not 4.1万, 25 (percent) for 1/4.
    pub value: f64,
    pub unit: &'static str,
    pub qualifier: Qualifier,
    pub period: Period,
    pub seed: &'static str,
    /// Verbatim sentence fragment from the seed that states the number.
    pub quote: &'static str,
    /// The numeric expression inside `quote`, e.g. "4.1万座".
    pub expr: &'static str,
    /// Byte offset of `quote` in the seed text (verified at build time).
    pub quote_offset: usize,
    /// Optional English gloss of the quote.
    pub gloss_en: &'static str,
}

#[derive(Clone, Copy, Debug)]
pub struct Catalogue {
    pub seed: &'static str,
    pub articles: &'static [Article],
    pub units: &'static [Unit],
    pub regions: &'static [Named],
    pub topics: &'static [Named],
    pub facts: &'static [Fact],
    /// Ids of facts drafted by a tool (`status = "draft"`) that no person has reviewed yet.
    pub drafts: &'static [&'static str],
    /// (fact id, indicator id) for facts that name the indicator they measure: facts of one
    /// indicator, across periods and reports, form a series.
    pub indicators: &'static [(&'static str, &'static str)],
    pub sections: &'static [SectionDef],
    pub charts: &'static [ChartDef],
    pub checks: &'static [CheckDef],
    /// Facts the overview shows as headline figures, in order.
    pub headlines: &'static [&'static str],
}

impl Catalogue {
    /// A catalogue with nothing in it: a base for the tests' own catalogues (`..Catalogue::EMPTY`).
    pub const EMPTY: Catalogue = Catalogue {
        seed: "",
        articles: &[],
        units: &[],
        regions: &[],
        topics: &[],
        facts: &[],
        drafts: &[],
        indicators: &[],
        sections: &[],
        charts: &[],
        checks: &[],
        headlines: &[],
    };
}

/// One report: its file name in `seeds/` (NAME of NAME.txt), its catalogue and its text.
#[derive(Clone, Copy, Debug)]
pub struct Report {
    pub name: &'static str,
    pub catalogue: &'static Catalogue,
    pub text: &'static str,
}
