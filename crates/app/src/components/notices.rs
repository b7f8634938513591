use leptos::prelude::*;

use leptos::html::Div;

use super::state::{event_in, handler, use_ui};
use super::write_html::bind_html;
use views::markup;

/// What a link asked for that could not be shown, and what was shown instead
/// (`views::markup::notices`), until dismissed.
#[component]
pub fn Notices() -> impl IntoView {
    let ui = use_ui();
    let html = move || {
        let lang = ui.lang.get();
        ui.notices.with(|n| markup::notices(n, lang))
    };
    // The only button inside is "Dismiss".
    let dismiss = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".notices__close").is_some() {
            ui.notices.set(Vec::new());
        }
    };
    let host = NodeRef::<Div>::new();
    bind_html(host, html);
    view! { <div class="notices-host" node_ref=host on:click={handler(dismiss)}></div> }
}
