//! The tooltip of a bar: its number, what it measures and the sentence it comes from.

use super::*;
use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use charts::layout::Rect;
use charts::spec::BarSpec;
use facts::i18n::Lang;
use facts::Catalogue;

pub const TOOLTIP_WIDTH_PX: f64 = 300.0;

/// The exact value with unit, qualifier, period, region and the source sentence of one bar; placed
/// by [`tooltip_style`].
pub fn tooltip(catalogue: &Catalogue, bar: &BarSpec, lang: Lang) -> Html {
    let body = match bar.fact_id.and_then(|id| catalogue.fact(id)) {
        Some(f) => {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<p class=\"tooltip__label\">{}{}{}</p><p class=\"tooltip__value\">{}</p><p class=\"tooltip__meta\">{}</p><blockquote class=\"tooltip__quote\" lang=\"zh-CN\">“{}”</blockquote>{}{}<p class=\"tooltip__more\">{}</p>",
                t.label,
                draft_mark(catalogue, f, lang),
                indicator_button(f, lang),
                t.value,
                meta(&t),
                t.quote,
                gloss(&t, "tooltip__gloss"),
                since_previous(catalogue, f, "tooltip__since", lang),
                read_link(f, "tooltip__read", lang)
            )
        }
        None => html!(
            "<p class=\"tooltip__label\">{}</p><p class=\"tooltip__value\">{}</p><p class=\"tooltip__meta\">{}</p>",
            bar.label,
            bar.value_text,
            lang.pick("根据报告数字推算，非报告原文", "Computed from the report's figures, not stated in it")
        ),
    };
    html!("<div id=\"tooltip\" class=\"tooltip\" role=\"tooltip\">{}</div>", body)
}

/// The English rendering of a quote, as a paragraph of class `class`; nothing without one.
pub(super) fn gloss(t: &fact_text::FactText, class: &str) -> Html {
    if t.gloss.is_empty() {
        Html::default()
    } else {
        html!("<p class=\"{}\">{}</p>", class, t.gloss)
    }
}

/// Where the tooltip goes: under its bar's hit target `anchor`, kept inside a container
/// `container_width` wide (the tooltip is at most [`TOOLTIP_WIDTH_PX`] wide, in the CSS).
pub fn tooltip_style(anchor: Rect, container_width: f64) -> [(&'static str, String); 2] {
    let left = anchor.x.min(container_width - TOOLTIP_WIDTH_PX.min(container_width)).max(0.0);
    [("left", format!("{}px", left.round() as i64)), ("top", format!("{}px", (anchor.bottom() + 6.0).round() as i64))]
}

pub(super) fn meta(t: &fact_text::FactText) -> String {
    format!("{} · {} · {}", t.qualifier, t.period, t.region)
}
