//! `use_css_size`: an element's CSS width and the device pixel ratio, as a signal.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{ResizeObserver, ResizeObserverEntry};

use super::state::effect;

/// (CSS width in whole pixels, device pixel ratio clamped to 1..4) of the element behind `node`;
/// `(0.0, 1.0)` until it is first laid out. The width comes from a `ResizeObserver` as soon as the
/// element is laid out and on every change (reading `clientWidth` instead would force a layout of
/// the whole page while it is being built); a window resize re-reads it too, since zooming
/// changes the ratio without always changing the width. Changes only when a value does.
pub fn use_css_size(node: NodeRef<Div>) -> RwSignal<(f64, f64)> {
    let size = RwSignal::new((0.0_f64, 1.0_f64));
    let set_width = move |w: f64| {
        let dpr = window().device_pixel_ratio().clamp(1.0, 4.0);
        if w > 0.0 && size.get_untracked() != (w, dpr) {
            size.set((w, dpr));
        }
    };
    effect(move |_| {
        let Some(div) = node.get() else { return };
        let on_resize = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            if let Some(entry) = entries.get(0).dyn_ref::<ResizeObserverEntry>() {
                set_width(entry.content_rect().width().floor());
            }
        });
        if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&div);
            let keep = SendWrapper::new((observer, on_resize));
            on_cleanup(move || keep.0.disconnect());
        }
    });
    let handle = window_event_listener(leptos::ev::resize, move |_| {
        if let Some(div) = node.get_untracked() {
            set_width(f64::from(div.client_width()));
        }
    });
    on_cleanup(move || handle.remove());
    size
}
