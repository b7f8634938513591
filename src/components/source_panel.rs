use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{effect, event_in, handler, use_ui};
use super::write_html::write_html;
use catalogue::CATALOGUE;
use views::markup;
use views::module_call::ModuleCall;

/// The selected fact's sentence, highlighted inside its paragraph of the report, with the article
/// it comes from (`views::markup::source_panel`). Esc or the close button dismisses it.
#[component]
pub fn SourcePanel() -> impl IntoView {
    let ui = use_ui();
    let host = NodeRef::<Div>::new();
    let close = move || ui.clear_selection();
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ui.selected.get_untracked().is_some() {
            close();
        }
    });
    on_cleanup(move || handle.remove());

    let opened = StoredValue::new(None::<&'static str>);
    effect(move |_| {
        let (lang, selected) = (ui.lang.get(), ui.selected.get());
        let Some(el) = host.get() else { return };
        let fact = selected.and_then(|id| CATALOGUE.fact(id));
        let had_focus = document().active_element();
        write_html(&el, &fact.map(|f| markup::source_panel(&CATALOGUE, f, lang)).unwrap_or_default());
        let Some(id) = selected else {
            if opened.get_value().is_some() {
                return_focus();
            }
            opened.set_value(None);
            return;
        };
        // Move focus into the panel when it opens, so keyboard readers land on it.
        if opened.get_value() != selected {
            // What had the focus (a bar, a table's "Source") is marked, to get it back when the
            // panel closes: the next Tab goes on from there and the page stays where it is.
            if let Some(a) = had_focus.filter(|a| opened.get_value().is_none() && !el.contains(Some(a))) {
                let _ = a.set_attribute("data-opener", "");
            }
            let close = el.query_selector(".source__close").ok().flatten();
            if let Some(b) = close.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = b.focus();
            }
        }
        opened.set_value(selected);
        // The paragraph around the quote, and "Cite this" for the fact at the link of this view,
        // come from the on-demand module (it holds the report's text); until they arrive, or if
        // it cannot load, the quote is shown on its own.
        // The reference points at the fact's view, without the reading view or a sentence being
        // checked around it.
        let mut cited = ui.view.get_untracked();
        cited.read = None;
        cited.check.clear();
        let link = super::url_sync::share_url(&cited);
        extras::run(ModuleCall::Source { fact: id, link: &link, lang });
    });
    let on_click = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".source__close").is_some() {
            close();
        }
    };
    view! { <div class="source-host" node_ref=host on:click={handler(on_click)}></div> }
}

/// Gives the focus back to what opened the panel (marked `data-opener`), if it is still there.
fn return_focus() {
    if let Ok(Some(e)) = document().query_selector("[data-opener]") {
        let _ = e.remove_attribute("data-opener");
        if let Some(e) = e.dyn_ref::<web_sys::HtmlElement>() {
            let _ = e.focus();
        }
    }
}
