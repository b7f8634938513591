//! Indicator dashboard: seed text -> verified fact catalogue -> chart specs -> plotters drawing.
//! Everything but `components` and `panic_screen` is plain Rust, tested natively.

pub mod charts;
#[cfg(not(target_arch = "wasm32"))]
pub mod compact;
pub mod downloads;
pub mod fact_text;
pub mod facts;
pub mod format;
pub mod html;
pub mod i18n;
pub mod markup;
pub mod numbers;
#[cfg(not(target_arch = "wasm32"))]
pub mod prerender;
pub mod print_sheet;
pub mod provenance;
#[cfg(not(target_arch = "wasm32"))]
pub mod publish;
pub mod search;
pub mod view_state;

#[cfg(target_arch = "wasm32")]
pub mod components;
#[cfg(target_arch = "wasm32")]
pub mod panic_screen;
#[cfg(target_arch = "wasm32")]
pub mod save;
