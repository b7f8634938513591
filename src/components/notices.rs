use leptos::prelude::*;

use leptos::html::Div;

use super::extras;
use super::state::{effect, event_in, handler, use_ui};
use super::write_html::write_html;
use views::module_call::ModuleCall;

/// What a link asked for that could not be shown, and what was shown instead
/// (`views::markup::notices`, made by the on-demand module from the same link), until dismissed.
#[component]
pub fn Notices() -> impl IntoView {
    let ui = use_ui();
    let host = NodeRef::<Div>::new();
    effect(move |_| {
        let (lang, query) = (ui.lang.get(), ui.notices.get());
        let Some(el) = host.get() else { return };
        write_html(&el, &Default::default());
        // The module writes the notices into the host if it still waits for this link's.
        if query.is_empty() {
            let _ = el.remove_attribute("data-notices");
            return;
        }
        let _ = el.set_attribute("data-notices", &query);
        extras::run(ModuleCall::Notices { query: &query, lang });
    });
    // The only button inside is "Dismiss".
    let dismiss = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".notices__close").is_some() {
            ui.notices.set(String::new());
        }
    };
    view! { <div class="notices-host" node_ref=host on:click={handler(dismiss)}></div> }
}
