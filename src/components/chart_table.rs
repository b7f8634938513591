use leptos::prelude::*;

use super::state::{scoped_memo, tr, use_ui};
use crate::charts::spec::{BarKind, ChartSpec};
use crate::fact_text;
use crate::facts::CATALOGUE;

/// The same numbers the chart draws, as a table: one row per bar, in the same order.
#[component]
pub fn ChartTable(chart: &'static str, spec: Signal<Option<ChartSpec>>) -> impl IntoView {
    // Replaced by the chart and back again, as often as the reader switches.
    let ui = use_ui().scoped();
    let spec = scoped_memo(move || spec.get());
    let rows = move || {
        let lang = ui.lang.get();
        let Some(s) = spec.get() else { return Vec::new() };
        s.panels
            .iter()
            .flat_map(|p| p.bars.iter().map(move |b| (p.caption.clone(), b.clone())))
            .map(|(caption, b)| {
                let fact = b.fact_id.and_then(|id| CATALOGUE.fact(id));
                let (qualifier, period, region) = match fact {
                    Some(f) => {
                        let t = fact_text::describe(&CATALOGUE, f, lang);
                        (t.qualifier.to_string(), t.period, t.region)
                    }
                    None => (lang.pick("推算值", "computed").to_string(), String::new(), String::new()),
                };
                let label = if caption.is_empty() { b.label.clone() } else { format!("{} · {}", caption, b.label) };
                let source = b.fact_id.map(|id| {
                    view! { <button class="link" on:click=move |_| ui.select(Some(id), Some(chart))>{lang.pick("原文", "Source")}</button> }
                });
                view! {
                    <tr data-fact=b.fact_id.unwrap_or("") class:derived=b.kind == BarKind::Derived>
                        <th scope="row">{label}</th>
                        <td class="num" data-value=b.value.to_string()>{b.value_text.clone()}</td>
                        <td>{qualifier}</td>
                        <td>{period}</td>
                        <td>{region}</td>
                        <td>{source}</td>
                    </tr>
                }
            })
            .collect::<Vec<_>>()
    };
    let lang = ui.lang;
    view! {
        <div class="chart__table-wrap">
            <table class="chart__table">
                <thead>
                    <tr>
                        <th scope="col">{tr(lang, "指标", "Indicator")}</th>
                        <th scope="col">{tr(lang, "数值", "Value")}</th>
                        <th scope="col">{tr(lang, "性质", "Kind")}</th>
                        <th scope="col">{tr(lang, "时间", "Period")}</th>
                        <th scope="col">{tr(lang, "地区", "Region")}</th>
                        <th scope="col">{tr(lang, "出处", "Source")}</th>
                    </tr>
                </thead>
                <tbody>{rows}</tbody>
            </table>
        </div>
    }
}
