//! A chart's figure: the hit targets over its bars, the canvas's parts, its heading and foot, and
//! its data table.

use super::*;
use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use charts::layout::{Hit, Rect};
use charts::spec::{BarKind, ChartSpec};
use facts::i18n::Lang;
use facts::Catalogue;

/// Transparent buttons laid over the bars, in reading order: they carry keyboard focus and the
/// accessible name of each bar; `data-bar` and `data-fact` say which one an event came from.
/// Each is placed by [`box_style`] of its hit's rectangle, set through the CSSOM: the page's
/// policy allows no `style` attribute in markup.
pub fn hit_buttons(hits: &[Hit]) -> Html {
    hits.iter()
        .map(|h| {
            html!(
                "<button class=\"chart__hit\" data-bar=\"{}\" data-fact=\"{}\" aria-label=\"{}\"></button>",
                h.index,
                h.fact_id.unwrap_or(""),
                h.aria
            )
        })
        .collect()
}

/// The CSS properties that place an absolutely positioned box on `rect` (CSS px).
pub fn box_style(rect: Rect) -> [(&'static str, String); 4] {
    let px = |v: f64| format!("{}px", tenths(v));
    [("left", px(rect.x)), ("top", px(rect.y)), ("width", px(rect.w)), ("height", px(rect.h))]
}

/// A CSS length to a tenth of a pixel, without the float formatting machinery.
pub(super) fn tenths(px: f64) -> String {
    let t = (px * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

/// What a chart's canvas holds besides the drawing: the hit targets and the tooltip, filled in
/// as the chart is drawn and hovered.
pub fn canvas_parts() -> Html {
    html!("<canvas aria-hidden=\"true\"></canvas><div class=\"chart__hits\"></div><div class=\"chart__tip\"></div>")
}

/// Why a chart's canvas could not be drawn.
pub fn canvas_error(message: &str) -> Html {
    html!("<p class=\"chart__error\" role=\"alert\">{}</p>", message)
}

/// A figure's switch between its chart and its table.
pub const SWITCH_LABEL: (&str, &str) = ("显示方式", "View as");

pub const CHART_LABEL: (&str, &str) = ("图表", "Chart");

pub const TABLE_LABEL: (&str, &str) = ("表格", "Table");

/// A figure's title and subtitle.
pub fn figure_heading(spec: Option<&ChartSpec>) -> Html {
    let (title, subtitle) = spec.map(|s| (s.title.as_str(), s.subtitle.as_str())).unwrap_or_default();
    html!("<h3 class=\"chart__title\">{}</h3><p class=\"chart__subtitle\">{}</p>", title, subtitle)
}

/// Under a figure's chart or table: the text alternative of the chart (one sentence per bar, from
/// the same data; only while the chart is shown: the table says it all), the notes and the
/// source line. A chart whose spec cannot be built (a catalogue problem) says why instead.
pub fn figure_foot(catalogue: &Catalogue, spec: Result<&ChartSpec, String>, table: bool, lang: Lang) -> Html {
    let spec = match spec {
        Ok(s) => s,
        Err(e) => {
            return html!(
                "<p class=\"chart__error\" role=\"alert\">{}: {}</p>",
                lang.pick("无法显示此图表", "This chart cannot be shown"),
                e
            )
        }
    };
    let mut out = Html::default();
    if !table {
        let alt: Vec<String> = spec
            .bars()
            .map(|b| match b.fact_id.and_then(|id| catalogue.fact(id)) {
                Some(f) => fact_text::sentence(catalogue, f, lang),
                None => match lang {
                    Lang::Zh => format!("{}（推算）：{}。", b.label, b.value_text),
                    Lang::En => format!("{} (computed): {}.", b.label, b.value_text),
                },
            })
            .collect();
        out.push(&html!("<p class=\"chart__alt visually-hidden\">{}</p>", alt.join(" ")));
    }
    for n in &spec.notes {
        out.push(&html!("<p class=\"chart__note\">{}</p>", n));
    }
    // The chart's first stated figure leads into the report at its sentence.
    let first = spec.bars().find_map(|b| b.fact_id.and_then(|id| catalogue.fact(id)));
    let read = first.map(|f| read_link(f, "chart__read", lang)).unwrap_or_default();
    out.push(&html!("<p class=\"chart__source\">{} {}</p>", spec.source, read));
    out
}

/// The same numbers the chart draws, as a `<table>`: one row per bar, in the same order. A row's
/// "Source" button opens the fact named by the row's `data-fact`.
pub fn chart_table(catalogue: &Catalogue, spec: &ChartSpec, lang: Lang) -> Html {
    let head: Html = [
        ("指标", "Indicator"),
        ("数值", "Value"),
        ("性质", "Kind"),
        ("时间", "Period"),
        ("地区", "Region"),
        ("出处", "Source"),
    ]
    .iter()
    .map(|(zh, en)| html!("<th scope=\"col\">{}</th>", lang.pick(zh, en)))
    .collect();
    let mut rows = Html::default();
    for p in &spec.panels {
        for b in &p.bars {
            // A change's row says it in words (同比增长3.6%, not the bar's signed +3.6%); other rows
            // show the bar's text (an addition keeps its +).
            // The period's cell also says what changed since the report before, where a report
            // before gave the indicator (`catalogue::changes`).
            let (value, text, qualifier, period, region) = match b.fact_id.and_then(|id| catalogue.fact(id)) {
                Some(f) => {
                    let t = fact_text::describe(catalogue, f, lang);
                    let text = if f.measure.has_base() { t.value } else { b.value_text.clone() };
                    let mut period = Html::text(&t.period);
                    period.push(&since_previous(catalogue, f, "chart__since", lang));
                    (f.value, text, t.qualifier.to_string(), period, t.region)
                }
                None => (
                    b.value,
                    b.value_text.clone(),
                    lang.pick("推算值", "computed").to_string(),
                    Html::default(),
                    String::new(),
                ),
            };
            let label = if p.caption.is_empty() { b.label.clone() } else { format!("{} · {}", p.caption, b.label) };
            let mark = b
                .fact_id
                .and_then(|id| catalogue.fact(id))
                .map(|f| {
                    let mut m = draft_mark(catalogue, f, lang);
                    m.push(&indicator_button(f, lang));
                    m
                })
                .unwrap_or_default();
            let source = match b.fact_id {
                Some(_) => html!("<button class=\"link\">{}</button>", lang.pick("原文", "Source")),
                None => Html::default(),
            };
            let derived = if b.kind == BarKind::Derived { html!(" class=\"derived\"") } else { Html::default() };
            rows.push(&html!(
                "<tr data-fact=\"{}\"{}><th scope=\"row\">{}{}</th><td class=\"num\" data-value=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                b.fact_id.unwrap_or(""),
                derived,
                label,
                mark,
                value,
                text,
                qualifier,
                period,
                region,
                source
            ));
        }
    }
    html!("<table class=\"chart__table\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, rows)
}
