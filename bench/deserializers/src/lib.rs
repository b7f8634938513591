//! One exported function that reads a catalogue in the format the enabled feature names (none: it
//! reads nothing, the baseline). `run` subtracts the baseline from each build's size.
use wasm_bindgen::prelude::*;

/// How many facts and charts the catalogue holds (0 when it does not read), so the reader is kept.
#[wasm_bindgen]
pub fn read(bytes: &[u8], text: &str, value: JsValue) -> usize {
    let _ = (&bytes, &text, &value);
    let size = |c: facts::Catalogue| c.facts.len() + c.charts.len();
    #[cfg(feature = "postcard")]
    return postcard::from_bytes(bytes).map_or(0, size);
    #[cfg(feature = "serde_json")]
    return serde_json::from_str(text).map_or(0, size);
    #[cfg(feature = "serde-wasm-bindgen")]
    return serde_wasm_bindgen::from_value(value).map_or(0, size);
    #[allow(unreachable_code)]
    {
        let _ = size;
        0
    }
}
