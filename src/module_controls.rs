//! The controls inside the on-demand module's markup, answered by the module itself (see
//! `src/bin/extras.rs`, `ready`): the share panel's "Copy link" copies its link (or, where the
//! clipboard is refused, selects it to copy by hand), its fields select their text as they get
//! focus, "Copy" beside a reference copies the text its `data-copy` names, "Share via…" hands the
//! share panel's link to the system share sheet. Keys: Enter in the checker's field checks, and
//! arrows move through an open download menu (the menu loads this module as it opens).

use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;

/// Whether the browser has the Web Share API (the system share sheet).
pub fn can_share() -> bool {
    web_sys::window()
        .is_some_and(|w| js_sys::Reflect::has(&w.navigator(), &JsValue::from_str("share")).unwrap_or(false))
}

pub fn on_click(ev: web_sys::MouseEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    if let Ok(Some(button)) = target.closest(".share__copy") {
        copy_link(&button);
    } else if let Ok(Some(button)) = target.closest("[data-copy]") {
        copy_reference(button);
    } else if let Ok(Some(button)) = target.closest(".share__native") {
        share_link(&button);
    } else if let Ok(Some(_)) = target.closest(".indicator-card__close") {
        crate::module_indicators::close_card();
    } else if let Ok(Some(_)) = target.closest(".indicator-view__close") {
        crate::module_indicators::close_view();
    } else if let Ok(Some(button)) = target.closest("[data-indicator-csv]") {
        if let Some(id) = button.get_attribute("data-indicator-csv") {
            crate::module_indicators::download(button, id);
        }
    } else if let Ok(Some(link)) = target.closest("a[data-indicator-link]") {
        // With a modifier key or another button, the browser opens the link as the link it is.
        let plain = ev.button() == 0 && !(ev.ctrl_key() || ev.meta_key() || ev.shift_key() || ev.alt_key());
        if let (true, Some(id)) = (plain, link.get_attribute("data-indicator-link")) {
            ev.prevent_default();
            crate::module_indicators::open_view(&id);
        }
    }
}

/// The page's language, as the app last set it on `<html lang>`.
fn page_lang() -> facts::i18n::Lang {
    let en = web_sys::window()
        .and_then(|w| w.document()?.document_element()?.get_attribute("lang"))
        .is_some_and(|l| l.starts_with("en"));
    if en {
        facts::i18n::Lang::En
    } else {
        facts::i18n::Lang::Zh
    }
}

pub fn on_keydown(ev: web_sys::KeyboardEvent) {
    let Some(target) = ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok()) else { return };
    let key = ev.key();
    if key == "Escape" && crate::module_indicators::card_open() {
        // Esc closes the card (the dialog's own behaviour) and nothing under it: the page's own
        // Esc (closing the source panel or a tooltip) listens on the window, after the document.
        ev.stop_propagation();
        return;
    }
    if target.id() == "check-text" {
        enter_checks(&ev, &target);
    } else if matches!(key.as_str(), "ArrowDown" | "ArrowUp" | "Home" | "End") {
        if let Ok(Some(menu)) = target.closest(".downloads") {
            if let Ok(Some(_open)) = menu.query_selector(".downloads__panel") {
                ev.prevent_default();
                move_among_formats(&menu, &key);
            }
        }
    }
}

/// Enter in the checker's field checks the sentence (the form's submit, which the dashboard
/// answers); Shift+Enter starts a new line, and Enter that ends an input method's composition
/// (Chinese typed by pinyin) only ends it.
fn enter_checks(ev: &web_sys::KeyboardEvent, field: &web_sys::Element) {
    if ev.key() != "Enter" || ev.shift_key() || ev.is_composing() || ev.key_code() == 229 {
        return;
    }
    ev.prevent_default();
    let form = field.closest("form").ok().flatten().and_then(|f| f.dyn_into::<web_sys::HtmlFormElement>().ok());
    if let Some(form) = form {
        let _ = form.request_submit();
    }
}

/// Arrows, Home and End move through the download menu's formats as in a menu, instead of
/// scrolling the page: the next (ArrowDown), previous (ArrowUp), first or last that can be chosen,
/// round the ends; from the menu's button, ArrowDown goes to the first.
fn move_among_formats(menu: &web_sys::Element, key: &str) {
    let Ok(list) = menu.query_selector_all(".downloads__item:not([disabled])") else { return };
    let items: Vec<web_sys::HtmlElement> =
        (0..list.length()).filter_map(|i| list.item(i)?.dyn_into::<web_sys::HtmlElement>().ok()).collect();
    let Some(last) = items.len().checked_sub(1) else { return };
    let active = web_sys::window().and_then(|w| w.document()?.active_element());
    let at = items.iter().position(|i| active.as_ref().is_some_and(|a| a.is_same_node(Some(i))));
    let next = match (key, at) {
        ("Home", _) | ("ArrowDown", None) => 0,
        ("End", _) | ("ArrowUp", None) => last,
        ("ArrowDown", Some(i)) if i < last => i + 1,
        ("ArrowDown", Some(_)) => 0,
        (_, Some(0)) => last,
        (_, Some(i)) => i - 1,
        _ => 0,
    };
    let _ = items[next].focus();
}

/// The share panel's link and embed code are selected as they get focus, ready to copy.
pub fn on_focusin(ev: web_sys::FocusEvent) {
    let Some(target) = ev.target() else { return };
    if let Some(input) = target.dyn_ref::<web_sys::HtmlInputElement>().filter(|i| i.class_name() == "share__link") {
        input.select();
    } else if let Some(area) =
        target.dyn_ref::<web_sys::HtmlTextAreaElement>().filter(|a| a.class_name() == "share__embed")
    {
        area.select();
    }
}

#[wasm_bindgen]
extern "C" {
    /// The Clipboard API through the page's script (index.html): `done(copied)`.
    #[wasm_bindgen(js_name = dashboardCopy)]
    fn copy_text(text: &str, done: JsValue);
}

/// Copies the link of the share panel `button` is in, and says so in the panel's status line;
/// where the clipboard is refused, selects the link for the reader to copy.
fn copy_link(button: &web_sys::Element) {
    let Some(panel) = button.closest(".share__panel").ok().flatten() else { return };
    let input = panel
        .query_selector(".share__link")
        .ok()
        .flatten()
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok());
    let Some(input) = input else { return };
    let link = input.value();
    let done = Closure::once_into_js(move |copied: bool| {
        if let Ok(Some(status)) = panel.query_selector(".share__status") {
            status.set_text_content(Some(views::markup::share_status(copied, page_lang())));
        }
        if !copied {
            let _ = input.focus();
            input.select();
        }
    });
    copy_text(&link, done);
}

/// Copies the text of the element the button's `data-copy` names, and says so on the button.
fn copy_reference(button: web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let text = button
        .get_attribute("data-copy")
        .and_then(|id| window.document()?.get_element_by_id(&id))
        .and_then(|e| e.text_content());
    let Some(text) = text else { return };
    let written = window.navigator().clipboard().write_text(&text);
    wasm_bindgen_futures::spawn_local(async move {
        if wasm_bindgen_futures::JsFuture::from(written).await.is_ok() {
            let label = button.text_content().unwrap_or_default();
            if !label.ends_with('✓') {
                button.set_text_content(Some(&format!("{label} ✓")));
            }
        }
    });
}

/// Opens the system share sheet with the link of the share panel the button is in.
fn share_link(button: &web_sys::Element) {
    let Some(window) = web_sys::window() else { return };
    let link = button
        .closest(".share__panel")
        .ok()
        .flatten()
        .and_then(|p| p.query_selector(".share__link").ok().flatten())
        .and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok())
        .map(|i| i.value());
    let Some(link) = link else { return };
    let data = js_sys::Object::new();
    let title = window.document().map(|d| d.title()).unwrap_or_default();
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("url"), &JsValue::from_str(&link));
    let _ = js_sys::Reflect::set(&data, &JsValue::from_str("title"), &JsValue::from_str(&title));
    let navigator = window.navigator();
    let share = js_sys::Reflect::get(&navigator, &JsValue::from_str("share"))
        .ok()
        .and_then(|f| f.dyn_into::<js_sys::Function>().ok());
    if let Some(share) = share {
        // The reader may cancel the sheet: a rejected promise is no error to report.
        if let Ok(p) = share.call1(&navigator, &data).and_then(|p| p.dyn_into::<js_sys::Promise>()) {
            wasm_bindgen_futures::spawn_local(async move {
                let _ = wasm_bindgen_futures::JsFuture::from(p).await;
            });
        }
    }
}
