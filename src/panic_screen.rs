//! A panic must never leave a blank page: show what happened, in both languages, in the page.

use std::panic::PanicHookInfo;

/// Installs a hook that logs the panic to the console and shows it in `#fatal` (in index.html,
/// outside the app's mount point, so it works whatever state the app was in).
pub fn install() {
    std::panic::set_hook(Box::new(|info: &PanicHookInfo<'_>| {
        console_error_panic_hook::hook(info);
        show(&info.to_string());
    }));
}

/// Reveals `#fatal` with `message`; does nothing when the page has no such element.
pub fn show(message: &str) {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(fatal) = document.get_element_by_id("fatal") else { return };
    if let Some(detail) = document.get_element_by_id("fatal-detail") {
        detail.set_text_content(Some(message));
    }
    let _ = fatal.remove_attribute("hidden");
}
