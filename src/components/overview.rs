use leptos::prelude::*;

use super::state::{fact_clicked, handler, use_ui};
use crate::charts::registry::HEADLINES;
use crate::facts::CATALOGUE;
use crate::markup;

/// Headline figures (`crate::markup::overview`); each opens its source sentence.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    let html = move || markup::overview(&CATALOGUE, HEADLINES, ui.lang.get());
    let open = move |ev: web_sys::MouseEvent| {
        if let Some(id) = fact_clicked(&ev) {
            ui.select(Some(id), None);
        }
    };
    view! { <section class="overview" aria-labelledby="overview-title" on:click={handler(open)} inner_html=html></section> }
}
