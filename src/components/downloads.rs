//! A "下载 / Download" menu for one chart: the figure as PNG (2x) or SVG, the chart's facts as CSV
//! or JSON, and the whole catalogue as CSV or JSON. The files are made by the on-demand module
//! (`super::extras`, `crate::save`), which starts loading when the menu opens. The menu itself is
//! `views::markup::downloads_panel`.

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{effect, event_in, handler, SharedSpec, UiState};
use super::write_html::set_html_keeping_focus;
use views::downloads::Format;
use views::markup;

#[component]
pub fn Downloads(chart: &'static str, spec: Memo<SharedSpec>, ui: UiState) -> impl IntoView {
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let busy = RwSignal::new(false);
    let wrapper = NodeRef::<Div>::new();
    let panel_id = format!("downloads-{chart}");
    // Set while the widget rewrites itself (see below).
    let rendering = StoredValue::new(false);

    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            let b = wrapper
                .get_untracked()
                .and_then(|w| w.first_element_child())
                .and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok());
            if let Some(b) = b {
                let _ = b.focus();
            }
        }
    };
    let choose = move |format: Format| {
        let l = lang.get_untracked();
        if !format.is_catalogue() && spec.with_untracked(|s| s.is_err()) {
            error.set(Some(l.pick("此图表无法导出。", "This chart cannot be exported.").to_string()));
            return;
        }
        busy.set(true);
        extras::save(
            chart,
            l,
            format,
            Box::new(move |failed| {
                // The menu may be gone by now (a search hid its chart); then nobody is left to tell.
                let _ = busy.try_set(false);
                let ok = failed.is_none();
                let _ = error.try_set(failed);
                if ok && open.try_get_untracked() == Some(true) {
                    close(true);
                }
            }),
        );
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        let key = ev.key();
        if key == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            ev.prevent_default();
            close(true);
        } else if open.get_untracked() && matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
            // The on-demand module (which the menu loads as it opens) moves through the formats;
            // until it is in, the keys do nothing rather than scroll the page.
            ev.prevent_default();
        }
    };
    // Focus moving outside (Tab away, a click elsewhere) closes the menu.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let inside =
            match (ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()), wrapper.get_untracked()) {
                (Some(node), Some(w)) => w.contains(Some(&node)),
                _ => false,
            };
        if !inside && !rendering.get_value() {
            open.set(false);
        }
    };
    // One listener for the button and the six formats (`data-format` says which).
    let on_click = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".downloads__toggle").is_some() {
            open.update(|o| *o = !*o);
            // Fetch the module while the reader picks a format.
            extras::load();
        } else if let Some(format) = event_in(&ev, ".downloads__item")
            .and_then(|i| i.get_attribute("data-format"))
            .and_then(|f| Format::from_id(&f))
        {
            choose(format);
        }
    };
    // The button, the menu while open and the messages, as markup. Rewriting them moves focus
    // (see `set_html_keeping_focus`), which must not count as focus leaving the menu.
    effect(move |_| {
        let is_open = open.get();
        let l = lang.get();
        let mut html = markup::downloads_toggle(&panel_id, is_open, l);
        if is_open {
            html.push(&markup::downloads_panel(&panel_id, l, spec.with(|s| s.is_err())));
        }
        error.with(|e| html.push(&markup::downloads_messages(busy.get(), e.as_deref(), l)));
        if let Some(w) = wrapper.get() {
            rendering.set_value(true);
            set_html_keeping_focus(&w, &html);
            rendering.set_value(false);
        }
    });

    view! {
        <div class="downloads" node_ref=wrapper on:click={handler(on_click)} on:keydown={handler(on_keydown)} on:focusout={handler(on_focusout)}></div>
    }
}
