use leptos::prelude::*;
use views::markup::{CHART_LABEL, SWITCH_LABEL, TABLE_LABEL};

use super::chart_canvas::ChartCanvas;
use super::chart_table::ChartTable;
use super::downloads::Downloads;
use super::share::Share;
use super::state::{changed_always, event_in, handler, scoped_memo, tr, use_ui, SharedSpec};
use super::write_html::bind_html;
use catalogue::CATALOGUE;
use charts::registry::{build, ChartDef};
use views::markup;

/// One chart with its title, a chart/table switch, notes, source line and a text alternative
/// (the text parts are `views::markup::figure_heading` and `figure_foot`). A chart whose spec
/// cannot be built (a catalogue problem) says why instead of showing a blank box.
#[component]
pub fn ChartFigure(def: &'static ChartDef) -> impl IntoView {
    // Figures are dropped and mounted again as a search hides and shows them: outer state is
    // read through scoped memos (see `state::scoped_memo`).
    let ui = use_ui().scoped();
    let lang = ui.lang;
    let spec = Memo::new_with_compare(move |_| SharedSpec::new(build(def, &CATALOGUE, lang.get())), changed_always);
    let as_table = scoped_memo(move || ui.is_table(&def.id));
    // The canvas is created once and redraws from `spec`; only a change between "can be shown"
    // and "cannot" rebuilds the body. Rebuilding canvases on every language switch cost a frame.
    let broken = Memo::new(move |_| spec.with(|s| s.is_err()));

    let heading = move || spec.with(|s| markup::figure_heading(Result::as_ref(s).ok()));
    let foot = move || {
        let table = as_table.get();
        spec.with(|s| {
            markup::figure_foot(&CATALOGUE, Result::as_ref(s).map_err(ToString::to_string), table, lang.get())
        })
    };
    let (head_node, foot_node) = (NodeRef::<leptos::html::Div>::new(), NodeRef::<leptos::html::Div>::new());
    bind_html(head_node, heading);
    bind_html(foot_node, foot);
    // Chart or table; nothing while the spec cannot be built (the foot says why).
    let view_as = move || match as_table.get() {
        true => view! { <ChartTable chart=&def.id spec=spec ui=ui/> }.into_any(),
        false => view! { <ChartCanvas chart=&def.id spec=spec ui=ui/> }.into_any(),
    };
    let body = move || (!broken.get()).then_some(view_as);
    // One listener for both switch buttons: `data-view` says which.
    let switch = move |ev: web_sys::MouseEvent| {
        if let Some(view) = event_in(&ev, "[data-view]").and_then(|b| b.get_attribute("data-view")) {
            ui.set_table(&def.id, view == "table");
        }
    };
    // Its parts get the scoped state as a prop: a `Provider` would do too, at 1 KB of wasm.
    view! {
        <figure class="chart" data-chart=def.id.as_str()>
            <div class="chart__head">
                <div node_ref=head_node></div>
                <div class="chart__tools">
                <Share chart=Some(&def.id) ui=ui/>
                <Downloads chart=&def.id spec=spec ui=ui/>
                <div class="chart__switch" role="group" aria-label=tr(lang, SWITCH_LABEL.0, SWITCH_LABEL.1) on:click={handler(switch)}>
                    <button aria-pressed=move || (!as_table.get()).to_string() data-view="chart">
                        {tr(lang, CHART_LABEL.0, CHART_LABEL.1)}
                    </button>
                    <button aria-pressed=move || as_table.get().to_string() data-view="table">
                        {tr(lang, TABLE_LABEL.0, TABLE_LABEL.1)}
                    </button>
                </div>
                </div>
            </div>
            {body}
            <div class="chart__foot" node_ref=foot_node></div>
        </figure>
    }
}
