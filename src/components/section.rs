use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::state::{scoped_memo, tr, use_ui};
use catalogue::CATALOGUE;
use charts::registry::{charts_in_section, SectionDef};
use views::search;

/// A topic section: its heading and the charts that show at least one fact the filter keeps.
///
/// Parts come and go through plain `move || cond.then(..)` blocks rather than `<Show>`: with
/// `--cfg erase_components` (see `.ci/build`) such blocks share one copy of the render code,
/// where each `<Show>` compiled its own and its children's machinery.
#[component]
pub fn Section(def: &'static SectionDef, index: usize) -> impl IntoView {
    let ui = use_ui();
    let mounted = Memo::new(move |_| ui.sections_shown.get() > index);
    let visible = Memo::new(move |_| {
        ui.filter.with(|f| {
            charts_in_section(&def.id)
                .filter(|c| {
                    f.is_empty()
                        || c.fact_ids()
                            .iter()
                            .any(|id| CATALOGUE.fact(id).is_some_and(|fact| search::matches(&CATALOGUE, fact, f)))
                })
                .map(|c| c.id.as_str())
                .collect::<Vec<_>>()
        })
    });
    let any = Memo::new(move |_| !visible.with(Vec::is_empty));
    move || {
        any.get().then(|| {
            // Dropped and built again whenever a search empties this section and then does not:
            // its readers go through scoped memos (see `state::scoped_memo`).
            let ui = ui.scoped();
            let (mounted, visible) = (scoped_memo(move || mounted.get()), scoped_memo(move || visible.get()));
            let figures = move || {
                if !mounted.get() {
                    return view! { <div class="topic__pending"></div> }.into_any();
                }
                let figures = charts_in_section(&def.id)
                    .map(|c| {
                        let shown = scoped_memo(move || visible.with(|v| v.contains(&c.id.as_str())));
                        move || shown.get().then(|| view! { <ChartFigure def=c/> }.into_any())
                    })
                    .collect_view();
                view! { <div class="topic__charts">{figures}</div> }.into_any()
            };
            view! {
                <section class="topic" id=def.id.as_str() aria-labelledby=format!("{}-title", def.id) aria-busy=move || (!mounted.get()).then_some("true")>
                    <h2 class="topic__title" id=format!("{}-title", def.id)>{tr(ui.lang, &def.title.0, &def.title.1)}</h2>
                    {figures}
                </section>
            }
            .into_any()
        })
    }
}
