//! Mount only: everything else lives in the library so tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    indicator_dashboard::panic_screen::install();
    leptos::mount::mount_to_body(indicator_dashboard::components::app::App);
    // The static placeholder in index.html has done its job.
    if let Some(boot) = web_sys::window().and_then(|w| w.document()).and_then(|d| d.get_element_by_id("boot")) {
        boot.remove();
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The dashboard runs in the browser: build it with trunk (see README.md).");
}
