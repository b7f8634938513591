use leptos::prelude::*;

use leptos::html::Section;

use super::state::{fact_clicked, handler, use_ui};
use super::write_html::bind_html;
use catalogue::CATALOGUE;
use charts::registry::headlines;
use views::markup;

/// Headline figures (`views::markup::overview`); each opens its source sentence.
#[component]
pub fn Overview() -> impl IntoView {
    let ui = use_ui();
    let html = move || markup::overview(&CATALOGUE, headlines(), ui.lang.get());
    let open = move |ev: web_sys::MouseEvent| {
        if let Some(id) = fact_clicked(&ev) {
            ui.select_fact(id);
        }
    };
    let node = NodeRef::<Section>::new();
    bind_html(node, html);
    view! { <section class="overview" aria-labelledby="overview-title" node_ref=node on:click={handler(open)}></section> }
}
