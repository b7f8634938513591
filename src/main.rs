//! Mount only: everything else lives in the library so tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    indicator_dashboard::panic_screen::install();
    leptos::mount::mount_to_body(indicator_dashboard::components::app::App);
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The dashboard runs in the browser: build it with trunk (see README.md).");
}
