use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{effect, event_in, handler, UiState};
use super::url_sync::share_url;
use super::write_html::set_html_keeping_focus;
use views::markup;
use views::module_call::ModuleCall;

/// The share button of a chart or of the page, and, while it is open, the host of its panel: the
/// on-demand module draws the panel (the link to this view with its Copy button, embed code for a
/// chart, a QR code and references; `crate::module_parts::share`) and answers its controls, and
/// draws it again as the view or the language changes. The first load carries only the button.
#[component]
pub fn Share(chart: Option<&'static str>, ui: UiState) -> impl IntoView {
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let host = NodeRef::<Div>::new();
    let input_id = format!("share-link-{}", chart.unwrap_or("page"));
    // The button, and an empty host for the panel while open.
    {
        let input_id = input_id.clone();
        effect(move |_| {
            let is_open = open.get();
            let l = lang.get();
            let mut html = match chart {
                Some(_) => markup::share_chart_toggle(is_open, l),
                None => markup::share_page_toggle(is_open, l),
            };
            if is_open {
                html.push(&markup::share_panel_host(&input_id));
            }
            if let Some(h) = host.get() {
                set_html_keeping_focus(&h, &html);
            }
        });
    }
    // The panel, for the link of the view as it is now.
    effect(move |_| {
        if !open.get() {
            return;
        }
        let l = lang.get();
        let mut v = ui.view.get();
        v.embed = false;
        if chart.is_some() {
            v.chart = chart;
        }
        extras::run(ModuleCall::Share { input_id: &input_id, link: &share_url(&v), chart, lang: l });
    });

    let on_click = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".share__toggle").is_some() {
            open.update(|o| *o = !*o);
        }
    };
    // Esc closes the panel and puts focus back on its button.
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            open.set(false);
            let toggle = host.get_untracked().and_then(|h| h.first_element_child());
            if let Some(b) = toggle.and_then(|b| b.dyn_into::<web_sys::HtmlElement>().ok()) {
                let _ = b.focus();
            }
        }
    };

    view! { <div class="share" node_ref=host on:click={handler(on_click)} on:keydown={handler(on_keydown)}></div> }
}
