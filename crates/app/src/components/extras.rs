//! Calls into the on-demand module (`src/bin/extras.rs`: file downloads and source paragraphs).
//!
//! Loading it is the page's own small script (`window.dashboardExtras` in index.html), not Rust:
//! inserting a script, decoding the offline copy's base64 and awaiting promises cost the
//! first-load wasm 4 KB gzipped as Rust futures, and a few hundred bytes as JavaScript.
//!
//! That script loads the module the first time a reader needs it; every caller shares the one
//! load, and a failed load is forgotten so the next call tries again. Trunk builds the module as
//! a classic script (`extras.js`, defining the global `wasm_bindgen`) plus `extras_bg.wasm`;
//! `offline.html` carries both inline, the wasm as base64 in `#extras-wasm` (see
//! `crate::publish`). Each call answers through its `done` callback exactly once, so the
//! `Closure::once_into_js` handed over is always freed.

use wasm_bindgen::prelude::*;

use facts::i18n::Lang;
use views::downloads::Format;
use views::html::Html;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = save)]
    fn js_save(version: &str, chart: &str, lang: &str, format: &str, done: JsValue);
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = paragraph)]
    fn js_paragraph(version: &str, fact: &str, done: JsValue);
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = load)]
    fn js_load(version: &str);
}

/// Cache-busting for the module's two files, whose names Trunk does not hash: the build's
/// catalogue and package version.
fn version() -> String {
    format!("{}-{}", env!("CARGO_PKG_VERSION"), views::view_state::catalogue_version(&catalogue::CATALOGUE))
}

/// Starts loading the module, so it is ready by the time the reader picks a format.
pub fn load() {
    js_load(&version());
}

/// Saves a file (see `crate::save`); `done` gets what went wrong, if anything.
pub fn save(chart: &str, lang: Lang, format: Format, done: impl FnOnce(Option<String>) + 'static) {
    let code = if lang == Lang::En { "en" } else { "zh" };
    js_save(&version(), chart, code, format.id(), Closure::once_into_js(done));
}

/// The paragraph around `fact`'s quote as HTML (`views::markup::source_paragraph`); `done` gets
/// nothing for an unknown fact or when the module cannot load.
pub fn paragraph(fact: &str, done: impl FnOnce(Option<Html>) + 'static) {
    // The module built this markup with the same `Html` templates as this one (its text escaped);
    // it crosses the module boundary as a string.
    let done = move |markup: Option<String>| done(markup.map(Html::trusted));
    js_paragraph(&version(), fact, Closure::once_into_js(done));
}
