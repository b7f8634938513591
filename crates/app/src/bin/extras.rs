//! The dashboard's on-demand module: the code and text a reader needs only when they ask for it
//! (saving a chart or the catalogue as a file, and the paragraph a quoted sentence sits in). It is
//! a second wasm, built by Trunk (`data-bin="extras"` in index.html) and loaded by
//! `components::extras` the first time it is needed, so the first load carries none of it.
//!
//! The exports are defined here, in the binary, not in the library: an exported function in the
//! library would be exported (and kept) by the dashboard's wasm too.

#[cfg(target_arch = "wasm32")]
mod exports {
    use catalogue::provenance;
    use catalogue::{CATALOGUE, SEED_TEXT};
    use facts::i18n::Lang;
    use views::downloads::Format;
    use wasm_bindgen::prelude::*;

    /// Saves `format` (a `Format::id`) of `chart` in `lang` ("zh" or "en"); rejects with a message
    /// a reader can act on.
    #[wasm_bindgen]
    pub async fn save(chart: String, lang: String, format: String) -> Result<(), JsValue> {
        let lang = if lang == "en" { Lang::En } else { Lang::Zh };
        let format = Format::from_id(&format).ok_or_else(|| JsValue::from_str("unknown format"))?;
        app::save::save(&chart, lang, format).await.map_err(|e| JsValue::from_str(&e))
    }

    /// The paragraph of the report around `fact`'s quote, the quote highlighted, as HTML
    /// (`markup::source_paragraph`); nothing for an unknown fact.
    #[wasm_bindgen]
    pub fn source_paragraph_html(fact: &str) -> Option<String> {
        let f = CATALOGUE.fact(fact)?;
        let c = provenance::for_fact(&CATALOGUE, SEED_TEXT, f)?;
        Some(views::markup::source_paragraph(&c.before, &c.quote, &c.after).into_string())
    }
}

fn main() {}
