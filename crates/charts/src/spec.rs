//! Chart specs: everything a chart shows, as plain data, built from the fact catalogue.
//! Drawing code reads only this, never the catalogue, so each mark traces to a fact id.
//!
//! A chart is one or more panels; each panel has one unit and its own axis, because different
//! units never share an axis.

use catalogue::format;
use facts::i18n::Lang;
use facts::{Catalogue, Fact, Qualifier, Unit, UnitKind};

/// What a bar stands for.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BarKind {
    /// A number the report states.
    Stated,
    /// A number computed from stated ones (drawn hollow, labelled as derived).
    Derived,
}

/// One bar. It spans `start..start + value` (start is 0 except for additions in a stock-and-flow).
#[derive(Clone, Debug, PartialEq)]
pub struct BarSpec<'a> {
    /// The fact this bar shows; `None` for a derived bar.
    pub fact_id: Option<&'a str>,
    pub label: String,
    pub start: f64,
    pub value: f64,
    pub qualifier: Qualifier,
    pub kind: BarKind,
    /// The number as the reader sees it, qualifier included ("50%以上").
    pub value_text: String,
}

impl BarSpec<'_> {
    /// A lower bound ("50%以上", "超过1400亿元") must not look like an exact value.
    pub fn is_lower_bound(&self) -> bool {
        matches!(self.qualifier, Qualifier::AtLeast | Qualifier::MoreThan)
    }

    pub fn end(&self) -> f64 {
        self.start + self.value
    }
}

/// A labelled reference line: a requirement or target.
#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceSpec<'a> {
    pub fact_id: &'a str,
    pub value: f64,
    pub label: String,
}

/// Bars that share one unit and one axis.
#[derive(Clone, Debug, PartialEq)]
pub struct PanelSpec<'a> {
    /// What the axis measures, e.g. "基站数（座）"; empty when the chart title says it.
    pub caption: String,
    pub unit: Unit,
    /// The value axis: from zero to `axis.max` in steps of `axis.step`.
    pub axis: Axis,
    pub bars: Vec<BarSpec<'a>>,
    pub references: Vec<ReferenceSpec<'a>>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ChartSpec<'a> {
    pub id: &'a str,
    pub lang: Lang,
    pub title: String,
    pub subtitle: String,
    pub panels: Vec<PanelSpec<'a>>,
    /// Source line: article and publisher.
    pub source: String,
    /// Explains the marks that need it (open-ended bars, derived bars), in the reader's language.
    pub notes: Vec<String>,
}

impl<'a> ChartSpec<'a> {
    pub fn bars(&self) -> impl Iterator<Item = &BarSpec<'a>> {
        self.panels.iter().flat_map(|p| p.bars.iter())
    }

    /// Every fact the chart shows, bars and reference lines.
    pub fn fact_ids(&self) -> Vec<&'a str> {
        let mut ids: Vec<&'a str> = Vec::new();
        for p in &self.panels {
            ids.extend(p.bars.iter().filter_map(|b| b.fact_id));
            ids.extend(p.references.iter().map(|r| r.fact_id));
        }
        ids
    }
}

#[derive(Clone, Debug, PartialEq, Eq)]
pub enum SpecError<'a> {
    UnknownFact { chart: &'a str, fact: &'a str },
    EmptyPanel { chart: &'a str },
    MixedUnits { chart: &'a str, units: Vec<&'a str> },
    UnknownUnit { chart: &'a str, unit: &'a str },
}

impl std::fmt::Display for SpecError<'_> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        match self {
            SpecError::UnknownFact { chart, fact } => write!(f, "chart {chart}: no fact with id {fact}"),
            SpecError::EmptyPanel { chart } => write!(f, "chart {chart}: a panel has no facts"),
            SpecError::MixedUnits { chart, units } => {
                write!(f, "chart {chart}: facts in different units cannot share an axis: {}", units.join(", "))
            }
            SpecError::UnknownUnit { chart, unit } => write!(f, "chart {chart}: unknown unit {unit}"),
        }
    }
}

/// Resolves fact ids, failing on the first unknown one.
pub fn resolve<'a>(
    catalogue: &'a Catalogue,
    chart: &'a str,
    ids: &[&'a String],
) -> Result<Vec<&'a Fact>, SpecError<'a>> {
    ids.iter().copied().map(|id| catalogue.fact(id).ok_or(SpecError::UnknownFact { chart, fact: id })).collect()
}

/// The one unit shared by `facts`, or why there is none.
pub fn shared_unit<'a>(catalogue: &Catalogue, chart: &'a str, facts: &[&'a Fact]) -> Result<Unit, SpecError<'a>> {
    let first = facts.first().ok_or(SpecError::EmptyPanel { chart })?;
    let mut units: Vec<&'a str> = Vec::new();
    for f in facts {
        facts::insert_sorted(&mut units, &f.unit);
    }
    if units.len() > 1 {
        return Err(SpecError::MixedUnits { chart, units });
    }
    catalogue.unit(&first.unit).cloned().ok_or(SpecError::UnknownUnit { chart, unit: &first.unit })
}

/// The label a bar shows: the fact's short label.
pub fn bar_label(f: &Fact, lang: Lang) -> String {
    lang.pick(&f.short_zh, &f.short_en).to_string()
}

/// A bar for a stated fact, drawn from the unit's baseline (zero; one for a multiple, the index's
/// own for an index). A change is signed on the chart ("+3.6%", "-120万户"): its axis says it is
/// a change, the tooltip and the table say it in words.
pub fn stated_bar<'a>(f: &'a Fact, unit: &Unit, lang: Lang) -> BarSpec<'a> {
    let mut value_text = format::value_with_unit(f.value, unit, f.qualifier, lang);
    if f.measure.is_change() && f.value > 0.0 {
        value_text.insert(0, '+');
    }
    BarSpec {
        fact_id: Some(&f.id),
        label: bar_label(f, lang),
        start: unit.baseline,
        value: f.value - unit.baseline,
        qualifier: f.qualifier,
        kind: BarKind::Stated,
        value_text,
    }
}

/// A panel of one bar per fact, plus reference lines; all must share one unit.
pub fn bar_panel<'a>(
    catalogue: &Catalogue,
    chart: &'a str,
    facts: &[&'a Fact],
    references: &[&'a Fact],
    caption: String,
    lang: Lang,
) -> Result<PanelSpec<'a>, SpecError<'a>> {
    let all: Vec<&'a Fact> = facts.iter().chain(references.iter()).copied().collect();
    let unit = shared_unit(catalogue, chart, &all)?;
    let bars: Vec<BarSpec> = facts.iter().map(|f| stated_bar(f, &unit, lang)).collect();
    let references = references
        .iter()
        .map(|f| ReferenceSpec {
            fact_id: &f.id,
            value: f.value,
            label: format!("{}{}", bar_label(f, lang), lang.pick("：", ": "))
                + &format::value_with_unit(f.value, &unit, f.qualifier, lang),
        })
        .collect::<Vec<_>>();
    let change = facts.iter().any(|f| f.measure.is_change());
    let axis = axis_for(&unit, change, bars.iter().map(BarSpec::end).chain(references.iter().map(|r| r.value)));
    Ok(PanelSpec { caption, unit, axis, bars, references })
}

/// A value axis: its ends and the step between ticks. It starts at zero unless a value lies below
/// it (a decline) or the unit's baseline is not zero (an index read against 100).
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Axis {
    pub min: f64,
    pub max: f64,
    pub step: f64,
}

impl Axis {
    /// Tick values from `min` to `max` inclusive.
    pub fn ticks(&self) -> Vec<f64> {
        let n = ((self.max - self.min) / self.step).round().clamp(1.0, 20.0) as usize;
        (0..=n).map(|i| self.min + self.step * i as f64).collect()
    }

    /// Where `v` falls between the ends, 0 to 1 (clamped).
    pub fn fraction(&self, v: f64) -> f64 {
        let span = self.max - self.min;
        if span > 0.0 {
            ((v - self.min) / span).clamp(0.0, 1.0)
        } else {
            0.0
        }
    }
}

/// Shares and percent levels run 0 to 100 in steps of 20; anything else (a change, an index, a
/// count) to at most five readable steps past the values on either side of the unit's baseline,
/// with room for lower-bound arrows, and the baseline on a tick. Counts never get fractional
/// ticks.
pub fn axis_for(unit: &Unit, change: bool, values: impl Iterator<Item = f64>) -> Axis {
    let base = unit.baseline;
    let (low, high) = values.fold((base, base), |(lo, hi), v| (lo.min(v), hi.max(v)));
    if unit.kind == UnitKind::Percent && !change && low >= 0.0 && high <= 100.0 {
        return Axis { min: 0.0, max: 100.0, step: 20.0 };
    }
    let (low, high) = (base - (base - low) * 1.15, base + (high - base) * 1.15);
    let span = (high - low).max(f64::MIN_POSITIVE);
    let mut step = nice_step(span / 5.0);
    if unit.kind == UnitKind::Count && step < 1.0 {
        step = 1.0;
    }
    if unit.kind == UnitKind::Count && step.fract() != 0.0 {
        step = nice_step(step * 1.01).max(step.ceil());
    }
    Axis { min: step * (low / step).floor(), max: step * (high / step).ceil(), step }
}

impl Axis {
    /// The next coarser axis over at least the same range: the next 1, 2, 2.5 or 5 × 10^k step
    /// (whole steps only on a count axis), its ends rounded out to a whole number of steps.
    pub fn coarser(&self, unit: &Unit) -> Axis {
        let mut step = nice_step(self.step * (1.0 + 1e-9));
        if unit.kind == UnitKind::Count && step.fract() != 0.0 {
            step = nice_step(step * (1.0 + 1e-9));
        }
        Axis { min: step * (self.min / step + 1e-9).floor(), max: step * (self.max / step - 1e-9).ceil(), step }
    }
}

/// The smallest 1, 2, 2.5 or 5 × 10^k not below `x`.
pub fn nice_step(x: f64) -> f64 {
    if !x.is_finite() || x <= 0.0 {
        return 1.0;
    }
    // 10^floor(log10 x), found by stepping the exponent: `powi` of an integer exponent is exact
    // for the magnitudes charts use, and `powf`/`log10` would add 3 KB of libm to the wasm.
    let mut k: i32 = 0;
    while 10f64.powi(k + 1) <= x {
        k += 1;
    }
    while 10f64.powi(k) > x {
        k -= 1;
    }
    let magnitude = 10f64.powi(k);
    for m in [1.0, 2.0, 2.5, 5.0, 10.0] {
        if m * magnitude >= x * (1.0 - 1e-12) {
            return m * magnitude;
        }
    }
    10.0 * magnitude
}

/// Notes that explain special marks, added only when the chart has such marks.
pub fn notes_for(panels: &[PanelSpec<'_>], lang: Lang) -> Vec<String> {
    let bars = || panels.iter().flat_map(|p| p.bars.iter());
    let mut notes = Vec::new();
    if bars().any(BarSpec::is_lower_bound) {
        notes.push(
            lang.pick(
                "虚线箭头表示下限：报告只说“以上”或“超过”，实际值可能更高。",
                "A dashed arrow marks a lower bound: the report says \"at least\" or \"more than\", so the true value may be higher.",
            )
            .to_string(),
        );
    }
    if bars().any(|b| b.qualifier == Qualifier::About) {
        notes.push(
            lang.pick("“约”表示报告给出的是近似值。", "\"About\" marks an approximate figure in the report.")
                .to_string(),
        );
    }
    if bars().any(|b| b.kind == BarKind::Derived) {
        notes.push(
            lang.pick(
                "空心条为根据报告数字推算的值，并非报告原文。",
                "Hollow bars are computed from the report's figures, not stated in it.",
            )
            .to_string(),
        );
    }
    notes
}

/// "来源：publisher《title》" for the article the chart's first fact comes from.
pub fn source_line(catalogue: &Catalogue, article_id: &str, lang: Lang) -> String {
    match catalogue.article(article_id) {
        Some(a) => match lang {
            Lang::Zh => format!("来源：{}《{}》", a.source_zh, a.title_zh),
            Lang::En => format!("Source: {}, \"{}\"", a.source_en, a.title_en),
        },
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::{axis_for, nice_step, Axis};
    use facts::{Unit, UnitKind};

    fn unit(id: &str, kind: UnitKind, zh: &str, en: &str) -> Unit {
        Unit { id: id.to_string(), kind, zh: zh.to_string(), en: en.to_string(), baseline: 0.0 }
    }

    fn count() -> Unit {
        unit("park", UnitKind::Count, "个", "parks")
    }

    fn yuan() -> Unit {
        unit("yuan", UnitKind::Currency, "元", "yuan")
    }

    fn pct() -> Unit {
        unit("percent", UnitKind::Percent, "%", "%")
    }

    #[test]
    fn nice_steps_are_one_two_two_and_a_half_or_five() {
        assert_eq!(nice_step(0.69), 1.0);
        assert_eq!(nice_step(472.0), 500.0);
        assert_eq!(nice_step(2.3), 2.5);
        assert_eq!(nice_step(f64::NAN), 1.0);
    }

    #[test]
    fn nice_step_finds_the_magnitude_the_logarithm_gives() {
        for e in -6..=12 {
            for m in [1.0, 1.5, 2.0, 2.4, 2.5, 3.0, 4.99, 5.0, 7.5, 9.99] {
                let x = m * 10f64.powi(e);
                let magnitude = 10f64.powf(x.log10().floor());
                let expected =
                    [1.0, 2.0, 2.5, 5.0, 10.0].map(|k| k * magnitude).into_iter().find(|v| *v >= x * (1.0 - 1e-12));
                assert_eq!(Some(nice_step(x)), expected, "{x}");
            }
        }
    }

    #[test]
    fn a_coarser_axis_takes_the_next_round_step_and_still_covers_the_range() {
        let pct = pct();
        let a = Axis { min: 0.0, max: 100.0, step: 20.0 }.coarser(&pct);
        assert_eq!(a, Axis { min: 0.0, max: 100.0, step: 25.0 });
        assert_eq!(a.coarser(&pct), Axis { min: 0.0, max: 100.0, step: 50.0 });
        assert_eq!(
            Axis { min: 0.0, max: 120_000.0, step: 20_000.0 }.coarser(&pct),
            Axis { min: 0.0, max: 125_000.0, step: 25_000.0 }
        );
        // Counts skip 2.5.
        assert_eq!(Axis { min: 0.0, max: 10.0, step: 2.0 }.coarser(&count()), Axis { min: 0.0, max: 10.0, step: 5.0 });
    }

    #[test]
    fn count_axes_have_whole_ticks_and_hold_the_largest_value() {
        // 3 and 8 parks: ticks 0, 2, 4 … 10.
        assert_eq!(axis_for(&count(), false, [3.0, 8.0].into_iter()), Axis { min: 0.0, max: 10.0, step: 2.0 });
        // 10 clusters: a 2.5 step would give fractional ticks.
        let a = axis_for(&count(), false, [10.0].into_iter());
        assert_eq!(a.step.fract(), 0.0);
        assert!(a.max >= 11.5);
        assert_eq!(axis_for(&count(), false, [3.0].into_iter()), Axis { min: 0.0, max: 4.0, step: 1.0 });
    }

    #[test]
    fn money_axes_end_on_a_round_step_above_the_value() {
        let a = axis_for(&yuan(), false, [1.4e11, 3.15e10].into_iter());
        assert!(a.max >= 1.4e11 * 1.15 && a.ticks().len() <= 6, "{a:?}");
        assert_eq!(a.ticks().first(), Some(&0.0));
    }

    #[test]
    fn a_decline_puts_zero_inside_the_axis_on_a_tick() {
        // 同比增长3.8%, 34.9%, 下降1.8%: the axis runs below zero, and zero is a tick.
        let a = axis_for(&pct(), true, [3.8, 34.9, -1.8].into_iter());
        assert!(a.min < -1.8 && a.max >= 34.9 * 1.15, "{a:?}");
        assert!(a.ticks().iter().any(|t| t.abs() < 1e-9), "{:?}", a.ticks());
        // A growth rate never runs to 100 as a share does.
        assert!(axis_for(&pct(), true, [3.6, 35.7].into_iter()).max < 100.0);
        // Declines alone: the axis ends at zero.
        let a = axis_for(&count(), true, [-1_200_000.0].into_iter());
        assert_eq!(a.max, 0.0);
        assert!(a.min <= -1_200_000.0 && a.step.fract() == 0.0, "{a:?}");
    }

    #[test]
    fn an_index_is_read_from_its_baseline() {
        let index = Unit { baseline: 100.0, ..unit("pmi", UnitKind::Index, "", "") };
        let a = axis_for(&index, false, [98.5, 101.2].into_iter());
        assert!(a.min > 90.0 && a.min <= 98.5 && a.max >= 101.2 && a.max < 110.0, "{a:?}");
        assert!(a.ticks().iter().any(|t| (t - 100.0).abs() < 1e-9), "{:?}", a.ticks());
        assert!((a.fraction(100.0) - (100.0 - a.min) / (a.max - a.min)).abs() < 1e-12);
    }

    #[test]
    fn percentages_run_to_one_hundred() {
        assert_eq!(axis_for(&pct(), false, [93.6, 50.0].into_iter()), Axis { min: 0.0, max: 100.0, step: 20.0 });
        assert_eq!(axis_for(&pct(), false, [].into_iter()).ticks(), vec![0.0, 20.0, 40.0, 60.0, 80.0, 100.0]);
    }
}
