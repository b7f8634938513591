use leptos::context::Provider;
use leptos::prelude::*;

use super::chart_canvas::ChartCanvas;
use super::chart_table::ChartTable;
use super::downloads::Downloads;
use super::share::Share;
use super::state::{scoped_memo, tr, use_ui};
use crate::charts::registry::{build, ChartDef};
use crate::fact_text;
use crate::facts::CATALOGUE;

/// One chart with its title, a chart/table switch, notes, source line and a text alternative.
/// A chart whose spec cannot be built (a catalogue problem) says why instead of showing a blank box.
#[component]
pub fn ChartFigure(def: &'static ChartDef) -> impl IntoView {
    // Figures are dropped and mounted again as a search hides and shows them: outer state is
    // read through scoped memos (see `state::scoped_memo`).
    let ui = use_ui().scoped();
    let lang = ui.lang;
    let spec = Memo::new(move |_| build(def, &CATALOGUE, lang.get()));
    let as_table = scoped_memo(move || ui.is_table(def.id));

    // The canvas is created once and redraws from `spec`; only a change between "can be shown"
    // and "cannot" rebuilds the body. Rebuilding canvases on every language switch cost a frame.
    let error = Memo::new(move |_| spec.with(|s| s.as_ref().err().map(ToString::to_string)));
    let spec_signal = Signal::derive(move || spec.get().ok());
    // The text alternative: one sentence per fact, generated from the same data as the chart.
    let alt = move || {
        let l = lang.get();
        spec.with(|s| {
            let Ok(s) = s else { return String::new() };
            s.bars()
                .map(|b| match b.fact_id.and_then(|id| CATALOGUE.fact(id)) {
                    Some(f) => fact_text::sentence(&CATALOGUE, f, l),
                    None => match l {
                        crate::i18n::Lang::Zh => format!("{}（推算）：{}。", b.label, b.value_text),
                        crate::i18n::Lang::En => format!("{} (computed): {}.", b.label, b.value_text),
                    },
                })
                .collect::<Vec<_>>()
                .join(" ")
        })
    };
    let notes = move || {
        spec.with(|s| s.as_ref().map(|s| s.notes.clone()).unwrap_or_default())
            .into_iter()
            .map(|n| view! { <p class="chart__note">{n}</p> })
            .collect_view()
    };
    let source = move || spec.with(|s| s.as_ref().map(|s| s.source.clone()).unwrap_or_default());
    let body = move || {
        match error.get() {
        Some(e) => view! {
            <p class="chart__error" role="alert">{format!("{}: {e}", lang.get_untracked().pick("无法显示此图表", "This chart cannot be shown"))}</p>
        }
        .into_any(),
        None => view! {
            <Show
                when=move || as_table.get()
                fallback=move || {
                    let alt = scoped_memo(alt);
                    view! {
                        <ChartCanvas chart=def.id spec=spec_signal/>
                        <p class="chart__alt visually-hidden">{alt}</p>
                    }
                }
            >
                <ChartTable chart=def.id spec=spec_signal/>
            </Show>
            {notes}
            <p class="chart__source">{source}</p>
        }
        .into_any(),
    }
    };

    let title = move || spec.with(|s| s.as_ref().map(|s| s.title.clone()).unwrap_or_default());
    let subtitle = move || spec.with(|s| s.as_ref().map(|s| s.subtitle.clone()).unwrap_or_default());
    // Its parts read the scoped state too. `Provider`, not `provide_context`: the owner here is the
    // `Show`'s, reused by the next mount, which would then get this figure's disposed memos.
    view! {
        <Provider value=ui>
        <figure class="chart" data-chart=def.id>
            <div class="chart__head">
                <div>
                    <h3 class="chart__title">{title}</h3>
                    <p class="chart__subtitle">{subtitle}</p>
                </div>
                <div class="chart__tools">
                <Share chart=Some(def.id)/>
                <Downloads chart=def.id spec=spec_signal/>
                <div class="chart__switch" role="group" aria-label=tr(lang, "显示方式", "View as")>
                    <button aria-pressed=move || (!as_table.get()).to_string() data-view="chart" on:click=move |_| ui.set_table(def.id, false)>
                        {tr(lang, "图表", "Chart")}
                    </button>
                    <button aria-pressed=move || as_table.get().to_string() data-view="table" on:click=move |_| ui.set_table(def.id, true)>
                        {tr(lang, "表格", "Table")}
                    </button>
                </div>
                </div>
            </div>
            {body}
        </figure>
        </Provider>
    }
}
