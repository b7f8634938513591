//! Which sections and charts the dashboard has, and which facts each chart shows (declared in the
//! report's catalogue file, see `seeds/CATALOGUE.md`), and the spec each chart is built into.

use super::spec::{self, BarKind, BarSpec, ChartSpec, PanelSpec, SpecError};
use catalogue::cross_checks::{self, CrossCheck};
use catalogue::{format, CATALOGUE};
use facts::i18n::Lang;
use facts::Catalogue;

pub use facts::presentation::{ChartDef, ChartKind, PanelDef, SectionDef};

/// The open report's sections, charts and headline figures, as its catalogue file declares
/// them.
pub fn sections() -> &'static [SectionDef] {
    &CATALOGUE.sections
}

pub fn charts() -> &'static [ChartDef] {
    &CATALOGUE.charts
}

pub fn headlines() -> &'static [String] {
    &CATALOGUE.headlines
}

pub fn chart_def(id: &str) -> Option<&'static ChartDef> {
    charts().iter().find(|c| c.id == id)
}

/// How many sections (from the top) the page renders at start, before the rest follow one per
/// frame: enough to include the chart or section a link points at, so it can be scrolled to and
/// nothing above it moves afterwards; otherwise just the first.
pub fn sections_at_start(chart: Option<&str>, section: Option<&str>) -> usize {
    let focus = chart.and_then(chart_def).map(|c| c.section.as_str()).or(section);
    focus.and_then(|id| sections().iter().position(|s| s.id == id)).map_or(1, |i| i + 1)
}

pub fn charts_in_section(section: &str) -> impl Iterator<Item = &'static ChartDef> + '_ {
    charts().iter().filter(move |c| c.section == section)
}

/// The spec of one chart in one language, from the catalogue.
pub fn build<'a>(def: &'a ChartDef, catalogue: &'a Catalogue, lang: Lang) -> Result<ChartSpec<'a>, SpecError<'a>> {
    // The stock-and-flow chart shows its cross-check twice: as the derived bar and as a note.
    let mut stock_flow_check = None;
    let (panels, first_fact) = match &def.kind {
        ChartKind::Panels(defs) => {
            let mut panels = Vec::new();
            for p in defs.iter() {
                let ids: Vec<&String> = p.facts.iter().collect();
                let facts = spec::resolve(catalogue, &def.id, &ids)?;
                let ids: Vec<&String> = p.references.iter().collect();
                let refs = spec::resolve(catalogue, &def.id, &ids)?;
                let caption = lang.pick(&p.caption.0, &p.caption.1).to_string();
                panels.push(spec::bar_panel(catalogue, &def.id, &facts, &refs, caption, lang)?);
            }
            let first = defs.first().and_then(|p| p.facts.first()).and_then(|id| catalogue.fact(id));
            (panels, first)
        }
        ChartKind::StockFlow { stock, added, reported, check } => {
            let facts = spec::resolve(catalogue, &def.id, &[stock, added, reported])?;
            stock_flow_check = cross_checks::stock_flow_check(catalogue, check);
            (
                vec![stock_flow_panel(catalogue, &def.id, &facts, stock_flow_check.as_ref(), lang)?],
                facts.first().copied(),
            )
        }
    };
    let source = first_fact.map(|f| spec::source_line(catalogue, &f.article, lang)).unwrap_or_default();
    let mut notes = spec::notes_for(&panels, lang);
    if let Some(c) = &stock_flow_check {
        notes.push(check_note(c, lang));
    }
    Ok(ChartSpec {
        id: &def.id,
        lang,
        title: lang.pick(&def.title.0, &def.title.1).to_string(),
        subtitle: lang.pick(&def.subtitle.0, &def.subtitle.1).to_string(),
        panels,
        source,
        notes,
    })
}

/// Stock from zero, the addition stacked on it, the derived sum (hollow) and the reported total.
fn stock_flow_panel<'a>(
    catalogue: &Catalogue,
    chart: &'a str,
    facts: &[&'a facts::Fact],
    check: Option<&CrossCheck>,
    lang: Lang,
) -> Result<PanelSpec<'a>, SpecError<'a>> {
    let unit = spec::shared_unit(catalogue, chart, facts)?;
    let [stock, added, reported] = [facts[0], facts[1], facts[2]];
    let mut add_bar = spec::stated_bar(added, &unit, lang);
    add_bar.start = stock.value;
    add_bar.value_text = format!("+{}", add_bar.value_text);
    let sum = check.map_or(stock.value + added.value, |c| c.derived);
    let derived = BarSpec {
        fact_id: None,
        label: lang.pick("推算合计", "Computed sum").to_string(),
        start: 0.0,
        value: sum,
        qualifier: facts::Qualifier::Exact,
        kind: BarKind::Derived,
        value_text: format::value_with_unit(sum, &unit, facts::Qualifier::Exact, lang),
    };
    let bars = vec![spec::stated_bar(stock, &unit, lang), add_bar, derived, spec::stated_bar(reported, &unit, lang)];
    let axis = spec::axis_for(&unit, false, bars.iter().map(BarSpec::end));
    Ok(PanelSpec { caption: String::new(), unit, axis, bars, references: Vec::new() })
}

/// One sentence saying whether the report agrees with itself.
pub fn check_note(c: &CrossCheck, lang: Lang) -> String {
    let verdict = match (c.agrees, lang) {
        (Some(true), Lang::Zh) => "在报告的四舍五入范围内一致",
        (Some(true), Lang::En) => "consistent within the report's rounding",
        (Some(false), Lang::Zh) => "超出报告的四舍五入范围，不一致",
        (Some(false), Lang::En) => "inconsistent beyond the report's rounding",
        (None, Lang::Zh) => "无可比对的报告数字",
        (None, Lang::En) => "nothing in the report to compare with",
    };
    match lang {
        Lang::Zh => format!("核对：{}（{}）。", verdict, c.formula),
        Lang::En => format!("Cross-check: {} ({}).", verdict, c.formula),
    }
}
