//! The dashboard in the browser: thin Leptos components (`components`) that read the view state,
//! ask `charts` and `views` for specs and markup, and draw on canvases; saving files (`save`), the
//! on-demand module's drawing and controls (`module_parts`, `module_controls`) and the in-page error box (`panic_screen`). Everything they call is plain Rust in the crates above,
//! tested natively; this crate is wasm only.
#![cfg(target_arch = "wasm32")]

pub mod components;
pub mod module_controls;
pub mod module_indicators;
pub mod module_parts;
pub mod module_reports;
pub mod panic_screen;
pub mod report_data;
pub mod save;
