//! The dashboard's on-demand module: the code and text a reader needs only when they ask for it
//! (saving a chart or the catalogue as a file, the paragraph a quoted sentence sits in, the
//! reading view of an article, the claim checker, the share panel's QR code and references, link
//! notices; what it draws is `app::module_parts`). It is a second wasm, built by Trunk (`data-bin="extras"` in index.html) and loaded by
//! `components::extras` the first time it is needed, so the first load carries none of it.
//!
//! The exports are defined here, in the binary, not in the library: an exported function in the
//! library would be exported (and kept) by the dashboard's wasm too.

#[cfg(target_arch = "wasm32")]
mod exports {
    use facts::i18n::Lang;
    use views::downloads::Format;
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;

    /// Saves `format` (a `Format::id`) of `chart` in `lang` ("zh" or "en"); rejects with a message
    /// a reader can act on.
    #[wasm_bindgen]
    pub async fn save(chart: String, lang: String, format: String) -> Result<(), JsValue> {
        let lang = Lang::from_code(&lang);
        let format = Format::from_id(&format).ok_or_else(|| JsValue::from_str("unknown format"))?;
        app::save::save(&chart, lang, format).await.map_err(|e| JsValue::from_str(&e))
    }

    use app::module_parts;
    use views::module_call::ModuleCall;

    /// What the dashboard asks the module to draw: one typed message (`views::module_call`),
    /// passed on by the page's script as a name and six strings. A message this module does not
    /// know (a page and module of different builds) draws nothing.
    #[wasm_bindgen]
    pub fn call(name: &str, a: &str, b: &str, c: &str, d: &str, e: &str, f: &str) {
        let Some(call) = ModuleCall::from_args(name, [a, b, c, d, e, f]) else { return };
        match call {
            ModuleCall::Desk { article, fact, check, indicator, lang, checker, chart_in_focus } => module_parts::desk(
                article,
                fact,
                check,
                indicator,
                lang,
                module_parts::DeskFlags { checker, chart_in_focus },
            ),
            ModuleCall::Indicator { indicator, lang } => module_parts::indicator_card(indicator, lang),
            ModuleCall::Share { input_id, link, chart, lang } => module_parts::share(input_id, link, chart, lang),
            ModuleCall::Source { fact, link, lang } => module_parts::source(fact, link, lang),
            ModuleCall::Notices { query, lang } => module_parts::notices(query, lang),
            ModuleCall::Reports { search, lang } => {
                wasm_bindgen_futures::spawn_local(app::module_reports::run(search.to_string(), lang))
            }
        }
    }

    /// Called by the page's script once the module has loaded: adopts the styles of what this
    /// module draws (style/reader.css and style/report.css, as a constructed stylesheet, which the page's policy
    /// allows), says whether the browser has a system share sheet, and answers the controls of
    /// this module's markup ("Copy" beside a reference, "Share via…") and its keys (Enter in the
    /// checker, arrows in a download menu). The first load carries none of it.
    #[wasm_bindgen]
    pub async fn ready(report_file: String) -> Result<(), JsValue> {
        app::report_data::install_report_file(&report_file).await.map_err(|e| JsValue::from_str(&e))?;
        let Some(document) = web_sys::window().and_then(|w| w.document()) else { return Ok(()) };
        if let Ok(sheet) = web_sys::CssStyleSheet::new() {
            // The series across reports take their colours from the theme's variables.
            let css = format!(
                "{}{}{}",
                include_str!("../../style/reader.css"),
                include_str!("../../style/report.css"),
                views::inline_svg::theme_vars(".chart--static svg")
            );
            if sheet.replace_sync(&css).is_ok() {
                let sheets = document.adopted_style_sheets();
                sheets.push(&sheet);
                document.set_adopted_style_sheets(&sheets);
            }
        }
        let on_click = Closure::<dyn FnMut(web_sys::MouseEvent)>::new(app::module_controls::on_click);
        let _ = document.add_event_listener_with_callback("click", on_click.as_ref().unchecked_ref());
        let on_focusin = Closure::<dyn FnMut(web_sys::FocusEvent)>::new(app::module_controls::on_focusin);
        let _ = document.add_event_listener_with_callback("focusin", on_focusin.as_ref().unchecked_ref());
        let on_keydown = Closure::<dyn FnMut(web_sys::KeyboardEvent)>::new(app::module_controls::on_keydown);
        let _ = document.add_event_listener_with_callback("keydown", on_keydown.as_ref().unchecked_ref());
        // The page lives as long as the module: the listeners are never removed.
        on_click.forget();
        on_focusin.forget();
        on_keydown.forget();
        Ok(())
    }
}

fn main() {}
