use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::chart_table::ChartTable;
use super::share::Share;
use super::state::use_ui;
use crate::charts::registry::{build, ChartDef};
use crate::facts::CATALOGUE;

/// One chart with its title, a chart/table switch, notes, source line and a text alternative.
/// A chart whose spec cannot be built (a catalogue problem) says why instead of showing a blank box.
#[component]
pub fn ChartFigure(def: &'static ChartDef) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let spec = Memo::new(move |_| build(def, &CATALOGUE, lang.get()));
    let as_table = Memo::new(move |_| ui.is_table(def.id));

    let body = move || {
        match spec.get() {
        Err(e) => view! {
            <p class="chart__error" role="alert">{format!("{}: {e}", lang.get().pick("无法显示此图表", "This chart cannot be shown"))}</p>
        }
        .into_any(),
        Ok(s) => {
            let alt = s.bars().map(|b| format!("{}：{}", b.label, b.value_text)).collect::<Vec<_>>().join(lang.get().pick("；", "; "));
            let notes = s.notes.clone();
            let source = s.source.clone();
            let spec_signal = Signal::derive(move || spec.get().ok());
            view! {
                <Show
                    when=move || as_table.get()
                    fallback=move || view! {
                        <ChartCanvas chart=def.id spec=spec_signal/>
                        <p class="visually-hidden">{alt.clone()}</p>
                    }
                >
                    <ChartTable chart=def.id spec=spec_signal/>
                </Show>
                {notes.into_iter().map(|n| view! { <p class="chart__note">{n}</p> }).collect_view()}
                <p class="chart__source">{source}</p>
            }
            .into_any()
        }
    }
    };

    let title = move || spec.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let subtitle = move || spec.with(|s| s.as_ref().map(|s| s.subtitle.clone()).unwrap_or_default());
    view! {
        <figure class="chart" data-chart=def.id>
            <div class="chart__head">
                <div>
                    <h3 class="chart__title">{title}</h3>
                    <p class="chart__subtitle">{subtitle}</p>
                </div>
                <div class="chart__tools">
                <Share chart=Some(def.id)/>
                <div class="chart__switch" role="group" aria-label=move || lang.get().pick("显示方式", "View as")>
                    <button aria-pressed=move || (!as_table.get()).to_string() data-view="chart" on:click=move |_| ui.set_table(def.id, false)>
                        {move || lang.get().pick("图表", "Chart")}
                    </button>
                    <button aria-pressed=move || as_table.get().to_string() data-view="table" on:click=move |_| ui.set_table(def.id, true)>
                        {move || lang.get().pick("表格", "Table")}
                    </button>
                </div>
                </div>
            </div>
            {body}
        </figure>
    }
}
