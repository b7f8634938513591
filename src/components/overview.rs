use leptos::prelude::*;

use super::state::{fact_clicked, handler, tr, use_ui};
use crate::charts::registry::HEADLINES;
use crate::facts::CATALOGUE;
use crate::markup;

/// Headline figures (`crate::markup::headline_cards`); each opens its source sentence.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    let cards = move || markup::headline_cards(&CATALOGUE, HEADLINES, ui.lang.get());
    let open = move |ev: web_sys::MouseEvent| {
        if let Some(id) = fact_clicked(&ev) {
            ui.select(Some(id), None);
        }
    };
    view! {
        <section class="overview" aria-labelledby="overview-title">
            <h2 id="overview-title" class="visually-hidden">{tr(ui.lang, "要点", "Headlines")}</h2>
            <ul class="headlines" on:click={handler(open)} inner_html=cards></ul>
        </section>
    }
}
