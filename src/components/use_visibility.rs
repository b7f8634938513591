//! `use_visibility`: whether an element is on the screen, or near it, as a signal.

use leptos::html::Div;
use leptos::prelude::*;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{IntersectionObserver, IntersectionObserverEntry, IntersectionObserverInit};

use super::state::effect;

/// What [`use_visibility`] returns.
#[derive(Clone, Copy)]
pub struct UseVisibilityReturn {
    /// Within the margin of the viewport, as last reported (`false` before the first report).
    pub visible: RwSignal<bool>,
    /// Whether the observer has reported yet: until then, `visible` says nothing.
    pub reported: StoredValue<bool>,
}

/// Whether the element behind `node` is within `margin` (a CSS root margin, e.g. `"200px 0px"`)
/// of the viewport, from an `IntersectionObserver`.
pub fn use_visibility(node: NodeRef<Div>, margin: &'static str) -> UseVisibilityReturn {
    let out = UseVisibilityReturn { visible: RwSignal::new(false), reported: StoredValue::new(false) };
    effect(move |_| {
        let Some(div) = node.get() else { return };
        let on_change = Closure::<dyn FnMut(js_sys::Array)>::new(move |entries: js_sys::Array| {
            let last = entries.get(entries.length().saturating_sub(1));
            if let Ok(entry) = last.dyn_into::<IntersectionObserverEntry>() {
                out.reported.set_value(true);
                out.visible.set(entry.is_intersecting());
            }
        });
        let options = IntersectionObserverInit::new();
        options.set_root_margin(margin);
        if let Ok(observer) = IntersectionObserver::new_with_options(on_change.as_ref().unchecked_ref(), &options) {
            observer.observe(&div);
            let keep = SendWrapper::new((observer, on_change));
            on_cleanup(move || keep.0.disconnect());
        }
    });
    out
}
