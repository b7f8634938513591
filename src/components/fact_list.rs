use leptos::prelude::*;

use super::state::{scoped_memo, use_ui};
use crate::fact_text;
use crate::facts::{Fact, CATALOGUE};

/// Facts as a list: label, value, period and region; each opens its source sentence.
#[component]
pub fn FactList(facts: Memo<Vec<&'static Fact>>) -> impl IntoView {
    // Shown and dropped again as the search box fills and empties.
    let ui = use_ui().scoped();
    let facts = scoped_memo(move || facts.get());
    view! {
        <ul class="fact-list">
            {move || {
                let lang = ui.lang.get();
                facts
                    .get()
                    .into_iter()
                    .map(|f| {
                        let t = fact_text::describe(&CATALOGUE, f, lang);
                        let id = f.id;
                        view! {
                            <li class="fact-list__item" data-fact=id>
                                <button class="fact-list__button" on:click=move |_| ui.select(Some(id), None)>
                                    <span class="fact-list__label">{t.label}</span>
                                    <span class="fact-list__value">{t.value}</span>
                                    <span class="fact-list__meta">{format!("{} · {} · {}", t.period, t.region, t.qualifier)}</span>
                                </button>
                            </li>
                        }
                    })
                    .collect_view()
            }}
        </ul>
    }
}
