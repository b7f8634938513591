//! How a report is shown, declared in its catalogue file next to its facts (`[[section]]`,
//! `[[chart]]`, `[[cross_check]]`, `headlines`; see `seeds/CATALOGUE.md`): which sections the page
//! has, which facts each chart draws, and which checks of the report against itself it makes.
//! Plain data; `charts::registry` builds chart specs from it, `catalogue::cross_checks` computes
//! the checks.

use serde::{Deserialize, Serialize};

/// A section of the page: a heading (zh, en) and the catalogue topics it gathers.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct SectionDef {
    pub id: String,
    pub title: (String, String),
    pub topics: Vec<String>,
}

/// A panel: facts sharing one unit, and facts drawn as labelled reference lines. The caption is
/// (zh, en).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct PanelDef {
    pub caption: (String, String),
    pub facts: Vec<String>,
    pub references: Vec<String>,
}

#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum ChartKind {
    /// Panels of bars, each with its own axis.
    Panels(Vec<PanelDef>),
    /// A stock, an addition, and the reported cumulative total, with the derived sum between
    /// them so the cross-check (`check`, a `stock_flow` check's id) is visible.
    StockFlow { stock: String, added: String, reported: String, check: String },
}

/// A chart; its title and subtitle are (zh, en).
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct ChartDef {
    pub id: String,
    pub section: String,
    pub title: (String, String),
    pub subtitle: (String, String),
    pub kind: ChartKind,
}

impl ChartDef {
    /// Every fact id the chart shows, without building it.
    pub fn fact_ids(&self) -> Vec<&str> {
        match &self.kind {
            ChartKind::Panels(panels) => {
                panels.iter().flat_map(|p| p.facts.iter().chain(p.references.iter())).map(String::as_str).collect()
            }
            ChartKind::StockFlow { stock, added, reported, .. } => vec![stock, added, reported],
        }
    }

    /// Whether the chart shows the fact.
    pub fn shows(&self, fact: &str) -> bool {
        self.fact_ids().contains(&fact)
    }
}

/// What a cross-check computes from its inputs (fact ids, in the order each kind names). Written
/// in catalogue files as `kind = "stock_flow"` with the kind's one parameter beside it.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "snake_case")]
pub enum CheckKind {
    /// [stock, added, reported]: stock + added against the reported total, which may differ by
    /// `tolerance` (the report's rounding) and still agree.
    StockFlow { tolerance: f64 },
    /// [part, share]: the whole implied by a part and its approximate share ("约占全国1/4"); the
    /// share lies between the midpoints to the neighbouring simple fractions `between` (shares,
    /// 0..1: 1/5 and 1/3 for 1/4).
    ImpliedTotal { between: (f64, f64) },
    /// [part, share]: the bound on the whole set by a qualified share ("一半以上": at most twice);
    /// `whole` names it as the report does ("全国").
    ShareBound { whole: String },
    /// [rate, requirement]: by how much a rate exceeds a requirement; agrees when it does.
    Margin { tolerance: f64 },
    /// [total, count]: the average per unit; `rounding` is how far the total may be from the true
    /// figure (half its last written digit), carried through to one unit.
    PerUnit { rounding: f64 },
    /// [a, b]: the sum of two counts.
    Sum,
}

/// A check of the report against itself, declared in the catalogue file.
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
pub struct CheckDef {
    pub id: String,
    pub label_zh: String,
    pub label_en: String,
    pub kind: CheckKind,
    pub inputs: Vec<String>,
}
