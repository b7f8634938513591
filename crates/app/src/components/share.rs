use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{effect, event_in, handler, UiState};
use super::url_sync::share_url;
use super::write_html::set_html_keeping_focus;
use views::markup;

/// Copies a link to this view (of one chart, or of the whole page); the on-demand module adds
/// embed code for a chart, a QR code and references. Where the Clipboard API is refused, the link
/// is shown selected, to copy by hand. The panel is `views::markup::share_panel`.
#[component]
pub fn Share(chart: Option<&'static str>, ui: UiState) -> impl IntoView {
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let host = NodeRef::<Div>::new();
    let link = move || {
        let mut v = ui.view.get();
        v.embed = false;
        if chart.is_some() {
            v.chart = chart;
        }
        share_url(&v)
    };
    let input_id = format!("share-link-{}", chart.unwrap_or("page"));
    // The button, and the panel while open (following the view and the language), as markup.
    {
        let input_id = input_id.clone();
        effect(move |_| {
            let is_open = open.get();
            let l = lang.get();
            let mut html = match chart {
                Some(_) => markup::share_chart_toggle(is_open, l),
                None => markup::share_page_toggle(is_open, l),
            };
            let online = is_open && !offline();
            let url = link();
            if is_open && !online {
                html.push(&markup::share_panel_offline(l));
            } else if online {
                html.push(&markup::share_panel(&input_id, &url, l));
            }
            let Some(h) = host.get() else { return };
            set_html_keeping_focus(&h, &html);
            if !online {
                return;
            }
            // The QR code and the references come from the on-demand module.
            let target = chart.map_or_else(|| "page".to_string(), |c| format!("chart:{c}"));
            extras::run("share", [&input_id, &url, &target, l.pick("zh", "en"), ""]);
        });
    }

    let status = move |copied: bool| {
        let p = host.get_untracked().and_then(|h| h.query_selector(".share__status").ok().flatten());
        if let Some(p) = p {
            p.set_text_content(Some(markup::share_status(copied, lang.get_untracked())));
        }
    };
    let copy = move || {
        let input_id = input_id.clone();
        copy_text(
            &untrack(link),
            Closure::once_into_js(move |copied: bool| {
                status(copied);
                if !copied {
                    select_field(&input_id);
                }
            }),
        );
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".share__toggle").is_some() {
            open.update(|o| *o = !*o);
        } else if event_in(&ev, ".share__copy").is_some() {
            copy();
        }
    };
    // The link and the embed code are selected as they get focus, ready to copy.
    let on_focusin = move |ev: web_sys::FocusEvent| {
        if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            input.select();
        } else if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            area.select();
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

    view! { <div class="share" node_ref=host on:click={handler(on_click)} on:focusin={handler(on_focusin)} on:keydown={handler(on_keydown)}></div> }
}

#[wasm_bindgen]
extern "C" {
    /// The Clipboard API through the page's script (index.html): `done(copied)`.
    #[wasm_bindgen(js_name = dashboardCopy)]
    fn copy_text(text: &str, done: JsValue);
}

/// Opened from a file (`offline.html`): there is no address another reader could open.
fn offline() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

fn select_field(id: &str) {
    if let Some(input) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    }
}
