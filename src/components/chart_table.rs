use leptos::prelude::*;

use leptos::html::Div;

use super::state::{event_in, handler, scoped_fresh, SharedSpec, UiState};
use super::write_html::bind_html;
use catalogue::CATALOGUE;
use views::markup;

/// The same numbers the chart draws, as a table (`views::markup::chart_table`). A row's "Source"
/// button opens its fact.
#[component]
pub fn ChartTable(chart: &'static str, spec: Memo<SharedSpec>, ui: UiState) -> impl IntoView {
    // Replaced by the chart and back again, as often as the reader switches.
    let ui = ui.scoped();
    let spec = scoped_fresh(move || spec.get());
    let html = move || {
        let lang = ui.lang.get();
        spec.with(|s| Result::as_ref(s).map(|s| markup::chart_table(&CATALOGUE, s, lang)).unwrap_or_default())
    };
    let open = move |ev: web_sys::MouseEvent| {
        let row = event_in(&ev, ".link").and_then(|link| link.closest("tr").ok().flatten());
        let fact = row.and_then(|r| r.get_attribute("data-fact"));
        if let Some(id) = fact.and_then(|f| CATALOGUE.fact(&f)).map(|f| f.id.as_str()) {
            ui.select_fact_in_chart(id, chart);
        }
    };
    let node = NodeRef::<Div>::new();
    bind_html(node, html);
    view! { <div class="chart__table-wrap" node_ref=node on:click={handler(open)}></div> }
}
