//! The one way markup gets into the page: through the page's Trusted Types policy.
//!
//! The page's Content-Security-Policy has `require-trusted-types-for 'script'`, so the browser
//! refuses a plain string assigned to `innerHTML`. The boot script in `index.html` creates the
//! one policy the page allows (`trusted-types dashboard`) and offers it as
//! `window.dashboardSetHtml(element, html)`. What it is given is [`Html`], whose text is escaped
//! by construction (`views::html`). Without that function (a browser test page has no boot
//! script) the markup is assigned as is.

use leptos::html::ElementType;
use leptos::prelude::*;
use views::html::Html;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_name = dashboardSetHtml, catch)]
    fn set_html_through_policy(el: &web_sys::Element, html: &str) -> Result<(), JsValue>;
}

/// Replaces `el`'s content with `html`.
pub fn write_html(el: &web_sys::Element, html: &Html) {
    if set_html_through_policy(el, html.as_str()).is_err() {
        el.set_inner_html(html.as_str());
    }
}

/// Replaces `el`'s content with `html`, keeping keyboard focus: when the focused element was
/// inside and had a `data-focus` key, its replacement (same key) gets the focus back. For
/// widgets written as markup (`views::markup`) that rebuild as their state changes.
pub fn set_html_keeping_focus(el: &web_sys::Element, html: &Html) {
    let focused = document().active_element().filter(|a| el.contains(Some(a)));
    let key = focused.and_then(|a| a.get_attribute("data-focus"));
    write_html(el, html);
    let again = key.and_then(|k| el.query_selector(&format!("[data-focus=\"{k}\"]")).ok().flatten());
    if let Some(e) = again.and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Keeps the content of the element behind `node` equal to `html()`, rewritten when what it read
/// changes (the markup counterpart of Leptos' `inner_html` attribute, which assigns a string).
pub fn bind_html<E>(node: NodeRef<E>, html: impl Fn() -> Html + 'static)
where
    E: ElementType,
    E::Output: JsCast + Clone + 'static,
{
    super::state::effect(move |_| {
        let text = html();
        if let Some(el) = node.get() {
            write_html(el.unchecked_ref(), &text);
        }
    });
}

/// Sets CSS properties through the CSSOM, which the page's policy allows where a `style="..."`
/// attribute in markup would be refused (no `'unsafe-inline'` for styles).
pub fn set_style(el: &web_sys::Element, properties: &[(&str, String)]) {
    if let Some(el) = el.dyn_ref::<web_sys::HtmlElement>() {
        let style = el.style();
        for (name, value) in properties {
            let _ = style.set_property(name, value);
        }
    }
}
