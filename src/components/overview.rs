use leptos::prelude::*;

use super::state::{tr, use_ui};
use crate::charts::registry::HEADLINES;
use crate::fact_text;
use crate::facts::CATALOGUE;

/// Headline figures; each opens its source sentence.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    let cards = move || {
        let lang = ui.lang.get();
        HEADLINES
            .iter()
            .filter_map(|id| CATALOGUE.fact(id))
            .map(|f| {
                let t = fact_text::describe(&CATALOGUE, f, lang);
                let id = f.id;
                view! {
                    <li class="headline">
                        <button class="headline__button" data-fact=id on:click=move |_| ui.select(Some(id), None)>
                            <span class="headline__value">{t.value}</span>
                            <span class="headline__label">{t.label}</span>
                            <span class="headline__meta">{format!("{} · {}", t.period, t.region)}</span>
                        </button>
                    </li>
                }
            })
            .collect_view()
    };
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title" class="visually-hidden">{tr(ui.lang, "要点", "Headlines")}</h2>
            <ul class="headlines">{cards}</ul>
        </section>
    }
}
