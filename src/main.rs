//! Mount only: everything else lives in the library so tests can reach it.

#[cfg(target_arch = "wasm32")]
fn main() {
    app::panic_screen::install();
    // The report's data is on its way with the wasm (the page started fetching it); the app mounts
    // once it is in. Should it not arrive, the page says so instead of showing nothing.
    app::report_data::when_ready(start_in_a_task_of_its_own);
}

/// The wasm's instantiation and the data's decoding make one task, the app's mount the next: two
/// short tasks rather than one long one (a reader's input can be answered between them).
#[cfg(target_arch = "wasm32")]
fn start_in_a_task_of_its_own() {
    // As `fn()`, like the hand-over's timer below: one copy of the timer code for both.
    leptos::prelude::set_timeout(start as fn(), std::time::Duration::ZERO);
}

#[cfg(target_arch = "wasm32")]
fn start() {
    use app::components::boot;
    let wait_for_chart = boot::shows_first_view();
    leptos::mount::mount_to_body(app::components::app::App);
    // The shell makes way when the app's first chart is drawn (`ChartCanvas`); when it shows only
    // the masthead (another view was asked for), at once.
    if !wait_for_chart {
        boot::hand_over();
    } else {
        // Should the first chart never draw (it cannot be shown, or the canvas fails), the app
        // still takes over: its figure then says why.
        leptos::prelude::set_timeout(boot::hand_over as fn(), std::time::Duration::from_secs(3));
    }
}

#[cfg(not(target_arch = "wasm32"))]
fn main() {
    eprintln!("The dashboard runs in the browser: build it with trunk (see README.md).");
}
