use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::state::{scoped_memo, tr, use_ui};
use crate::charts::registry::{charts_in_section, SectionDef};
use crate::facts::CATALOGUE;
use crate::search;

/// A topic section: its heading and the charts that show at least one fact the filter keeps.
#[component]
pub fn Section(def: &'static SectionDef, index: usize) -> impl IntoView {
    let ui = use_ui();
    let mounted = Memo::new(move |_| ui.sections_shown.get() > index);
    let visible = Memo::new(move |_| {
        ui.filter.with(|f| {
            charts_in_section(def.id)
                .filter(|c| {
                    f.is_empty()
                        || c.fact_ids()
                            .iter()
                            .any(|id| CATALOGUE.fact(id).is_some_and(|fact| search::matches(&CATALOGUE, fact, f)))
                })
                .map(|c| c.id)
                .collect::<Vec<_>>()
        })
    });
    view! {
        <Show when=move || !visible.with(Vec::is_empty)>
            // Dropped and built again whenever a search empties this section and then does not:
            // its readers go through scoped memos (see `state::scoped_memo`).
            {
            let ui = ui.scoped();
            let (mounted, visible) = (scoped_memo(move || mounted.get()), scoped_memo(move || visible.get()));
            view! {
            <section class="topic" id=def.id aria-labelledby=format!("{}-title", def.id) aria-busy=move || (!mounted.get()).then_some("true")>
                <h2 class="topic__title" id=format!("{}-title", def.id)>{tr(ui.lang, def.title.0, def.title.1)}</h2>
                <Show when=move || mounted.get() fallback=|| view! { <div class="topic__pending"></div> }>
                <div class="topic__charts">
                    {charts_in_section(def.id)
                        .map(|c| view! {
                            <Show when=move || visible.with(|v| v.contains(&c.id))>
                                <ChartFigure def=c/>
                            </Show>
                        })
                        .collect_view()}
                </div>
                </Show>
            </section>
            }
            }
        </Show>
    }
}
