//! The hand-over from the boot shell (`#boot` in index.html: the masthead and the first view drawn
//! at build time) to the app. The app mounts underneath the shell, laid out but hidden (see
//! `#boot ~ *` in style/main.css), and builds its first view over a few short tasks; the shell goes
//! when the app has drawn its first chart, so the reader never sees the page half-built or moving.

/// Removes the shell (once; later calls do nothing).
pub fn hand_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    if let Some(boot) = document.get_element_by_id("boot") {
        boot.remove();
    }
}

/// Whether the shell shows the prerendered first view (index.html's script hides it for any other
/// view): only then is it worth waiting for the app's first chart before handing over.
pub fn shows_first_view() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    document.get_element_by_id("boot").is_some()
        && document.document_element().is_some_and(|html| !html.class_name().contains("boot-plain"))
}
