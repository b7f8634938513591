use leptos::prelude::*;

use super::state::{event_in, handler, use_ui};
use crate::markup;

/// What a link asked for that could not be shown, and what was shown instead
/// (`crate::markup::notices`), until dismissed.
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
    view! { <div class="notices-host" on:click={handler(dismiss)} inner_html=html></div> }
}
