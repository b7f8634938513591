//! Calls into the on-demand module (`src/bin/extras.rs`: file downloads, and what it draws into
//! the page itself, `crate::module_parts`).
//!
//! Loading it is the page's own small script (`window.dashboardExtras` in index.html), not Rust:
//! inserting a script, decoding the offline copy's base64 and awaiting promises cost the
//! first-load wasm 4 KB gzipped as Rust futures, and a few hundred bytes as JavaScript.
//!
//! That script loads the module the first time a reader needs it; every caller shares the one
//! load, and a failed load is forgotten so the next call tries again. Trunk builds the module as
//! a classic script (`extras.js`, defining the global `wasm_bindgen`) plus `extras_bg.wasm`;
//! `offline.html` carries both inline, the wasm as base64 in `#extras-wasm` (see
//! `crate::publish`). A save answers through its `done` callback exactly once, so the
//! `Closure::once_into_js` handed over is always freed.

use wasm_bindgen::prelude::*;

use facts::i18n::Lang;
use views::downloads::Format;
use views::module_call::ModuleCall;

#[wasm_bindgen]
extern "C" {
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = save)]
    fn js_save(version: &str, chart: &str, lang: &str, format: &str, done: JsValue);
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = run)]
    fn js_run(version: &str, name: &str, a: &str, b: &str, c: &str, d: &str, e: &str, f: &str);
    #[wasm_bindgen(js_namespace = dashboardExtras, js_name = load)]
    fn js_load(version: &str);
}

/// Cache-busting for the module's two files (`views::module_call::module_version`).
fn version() -> String {
    views::module_call::module_version(&catalogue::CATALOGUE)
}

/// Starts loading the module, so it is ready by the time the reader picks a format.
pub fn load() {
    js_load(&version());
}

/// Saves a file (see `crate::save`); `done` gets what went wrong, if anything.
pub fn save(chart: &str, lang: Lang, format: Format, done: Box<dyn FnOnce(Option<String>)>) {
    let code = if lang == Lang::En { "en" } else { "zh" };
    js_save(&version(), chart, code, format.id(), answer(done));
}

/// The one JavaScript callback type every answer from the module comes through: each distinct
/// closure handed to `Closure::once_into_js` would compile its own glue.
fn answer(done: Box<dyn FnOnce(Option<String>)>) -> JsValue {
    Closure::once_into_js(move |v: Option<String>| done(v))
}

/// Sends `call` to the module once it has loaded: the module draws its parts into the page itself
/// (`crate::module_parts`). Calls run in the order they were made; a module that cannot load
/// draws nothing.
pub fn run(call: ModuleCall) {
    let (name, [a, b, c, d, e, f]) = call.args();
    js_run(&version(), name, a, b, c, d, e, f);
}
