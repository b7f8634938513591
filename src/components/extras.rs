//! Loads the on-demand module (`src/bin/extras.rs`: file downloads and source paragraphs) the first
//! time a reader needs it, and calls into it.
//!
//! Trunk builds it as a classic script (`extras.js`) that defines the global `wasm_bindgen`, plus
//! `extras_bg.wasm`. In `offline.html` both are already in the page: the script inline, the wasm as
//! base64 in `<script type="application/octet-stream" id="extras-wasm">` (see `crate::publish`).

use std::cell::RefCell;

use js_sys::{Array, Promise, Uint8Array};
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::downloads::Format;
use crate::i18n::Lang;
use crate::save::js_err;

#[wasm_bindgen]
extern "C" {
    /// The module's initialiser, defined by `extras.js`.
    #[wasm_bindgen(catch, js_name = wasm_bindgen)]
    fn extras_init(options: &JsValue) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = save)]
    fn extras_save(chart: &str, lang: &str, format: &str) -> Result<Promise, JsValue>;
    #[wasm_bindgen(catch, js_namespace = wasm_bindgen, js_name = source_paragraph)]
    fn extras_source_paragraph(fact: &str) -> Result<JsValue, JsValue>;
}

/// Cache-busting for the module's two files, whose names Trunk does not hash: the build's
/// catalogue and package version.
fn version() -> String {
    format!("{}-{}", env!("CARGO_PKG_VERSION"), crate::view_state::catalogue_version(&crate::facts::CATALOGUE))
}

thread_local! {
    /// The one load in progress or done; every caller awaits the same promise.
    static LOADING: RefCell<Option<Promise>> = const { RefCell::new(None) };
}

/// Resolves once the module is ready. A failed load is forgotten, so the next call tries again.
pub async fn load() -> Result<(), String> {
    let promise = LOADING.with(|l| l.borrow().clone()).unwrap_or_else(|| {
        let p = wasm_bindgen_futures::future_to_promise(async {
            start().await.map(|()| JsValue::UNDEFINED).map_err(|e| JsValue::from_str(&e))
        });
        LOADING.with(|l| *l.borrow_mut() = Some(p.clone()));
        p
    });
    match JsFuture::from(promise).await {
        Ok(_) => Ok(()),
        Err(e) => {
            LOADING.with(|l| *l.borrow_mut() = None);
            Err(js_err(e))
        }
    }
}

async fn start() -> Result<(), String> {
    let document = web_sys::window().and_then(|w| w.document()).ok_or("no document")?;
    let inlined = document.get_element_by_id("extras-wasm");
    // offline.html defines `wasm_bindgen` inline; the hosted page adds the script now.
    if inlined.is_none() {
        let script: web_sys::HtmlScriptElement =
            document.create_element("script").map_err(js_err)?.dyn_into().map_err(|_| "no script element")?;
        let loaded = Promise::new(&mut |resolve, reject| {
            script.set_onload(Some(&resolve));
            script.set_onerror(Some(&reject));
        });
        script.set_src(&format!("extras.js?v={}", version()));
        document.head().ok_or("page has no head")?.append_child(&script).map_err(js_err)?;
        JsFuture::from(loaded).await.map_err(|_| "the download module could not be loaded".to_string())?;
    }
    let module: JsValue = match inlined {
        Some(el) => base64_bytes(&el.text_content().unwrap_or_default())?.into(),
        None => format!("extras_bg.wasm?v={}", version()).into(),
    };
    let options = js_sys::Object::new();
    js_sys::Reflect::set(&options, &"module_or_path".into(), &module).map_err(js_err)?;
    JsFuture::from(extras_init(&options).map_err(js_err)?).await.map_err(js_err)?;
    Ok(())
}

/// The bytes of base64 `text` (whitespace ignored), through the browser's `atob`.
fn base64_bytes(text: &str) -> Result<Uint8Array, String> {
    let compact: String = text.split_ascii_whitespace().collect();
    let binary = web_sys::window().ok_or("no window")?.atob(&compact).map_err(js_err)?;
    let bytes: Vec<u8> = binary.chars().map(|c| c as u32 as u8).collect();
    Ok(Uint8Array::from(bytes.as_slice()))
}

/// Saves a file (see `crate::save`).
pub async fn save(chart: &str, lang: Lang, format: Format) -> Result<(), String> {
    load().await?;
    let code = if lang == Lang::En { "en" } else { "zh" };
    JsFuture::from(extras_save(chart, code, format.id()).map_err(js_err)?).await.map_err(js_err)?;
    Ok(())
}

/// The paragraph around `fact`'s quote as `(before, quote, after)`.
pub async fn source_paragraph(fact: &str) -> Result<Option<(String, String, String)>, String> {
    load().await?;
    let parts = extras_source_paragraph(fact).map_err(js_err)?;
    if parts.is_undefined() || parts.is_null() {
        return Ok(None);
    }
    let parts: Vec<String> = Array::from(&parts).iter().filter_map(|p| p.as_string()).collect();
    match <[String; 3]>::try_from(parts) {
        Ok([before, quote, after]) => Ok(Some((before, quote, after))),
        Err(_) => Ok(None),
    }
}
