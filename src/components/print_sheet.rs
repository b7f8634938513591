use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{effect, use_ui};
use super::write_html::write_html;
use catalogue::CATALOGUE;

/// Shown only in print: see `views::print_sheet`. Filled once the page is idle (and again after a
/// language switch), and synchronously just before printing, so start-up never waits for it.
#[component]
pub fn PrintSheet() -> impl IntoView {
    let ui = use_ui();
    let node = NodeRef::<Div>::new();
    let fill = move || {
        if let Some(el) = node.try_get_untracked().flatten() {
            write_html(&el, &views::print_sheet::html(&CATALOGUE, ui.lang.get_untracked()));
        }
    };
    effect(move |_| {
        ui.lang.track();
        if node.get().is_some() {
            request_idle_callback(fill);
        }
    });
    // `beforeprint` covers Ctrl+P and window.print(); the media query also covers print emulation.
    let before = window_event_listener(leptos::ev::beforeprint, move |_| fill());
    on_cleanup(move || before.remove());
    if let Ok(Some(mq)) = window().match_media("print") {
        let on_change = Closure::<dyn Fn()>::new(fill);
        if mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref()).is_ok() {
            let keep = send_wrapper::SendWrapper::new((mq, on_change));
            on_cleanup(move || {
                let _ = keep.0.remove_event_listener_with_callback("change", keep.1.as_ref().unchecked_ref());
            });
        }
    }
    view! { <div class="print-sheet" aria-hidden="true" node_ref=node></div> }
}
