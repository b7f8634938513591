use leptos::prelude::*;

use super::state::use_ui;
use crate::charts::layout::Rect;
use crate::charts::spec::BarSpec;
use crate::fact_text;
use crate::facts::CATALOGUE;

const WIDTH_PX: f64 = 300.0;

/// The exact value with unit, qualifier, period, region and the source sentence of one bar,
/// placed under it and kept inside the chart.
#[component]
pub fn Tooltip(bar: BarSpec, anchor: Rect, container_width: f64) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang.get_untracked();
    let left = anchor.x.min(container_width - WIDTH_PX.min(container_width)).max(0.0);
    let style = format!("left:{left:.0}px;top:{:.0}px;max-width:{WIDTH_PX}px", anchor.bottom() + 6.0);
    let body = match bar.fact_id.and_then(|id| CATALOGUE.fact(id)) {
        Some(f) => {
            let t = fact_text::describe(&CATALOGUE, f, lang);
            view! {
                <p class="tooltip__label">{t.label}</p>
                <p class="tooltip__value">{t.value}</p>
                <p class="tooltip__meta">{format!("{} · {} · {}", t.qualifier, t.period, t.region)}</p>
                <blockquote class="tooltip__quote" lang="zh-CN">{format!("“{}”", t.quote)}</blockquote>
                {(!t.gloss.is_empty()).then(|| view! { <p class="tooltip__gloss">{t.gloss.clone()}</p> })}
            }
            .into_any()
        }
        None => view! {
            <p class="tooltip__label">{bar.label.clone()}</p>
            <p class="tooltip__value">{bar.value_text.clone()}</p>
            <p class="tooltip__meta">{lang.pick("根据报告数字推算，非报告原文", "Computed from the report's figures, not stated in it")}</p>
        }
        .into_any(),
    };
    view! {
        <div id="tooltip" class="tooltip" role="tooltip" style=style>{body}</div>
    }
}
