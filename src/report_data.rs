//! The open report's data, which the page brings (the wasm holds no report): the boot script in
//! index.html starts fetching it as soon as the page is parsed (`window.dashboardData`) and says
//! where the site's files are (`window.dashboardSite`, from the publish step's site block). The
//! app installs the data before it mounts ([`when_ready`]); the on-demand module reads the
//! report's file, text included, before it takes calls ([`install_report_file`]). When the data
//! cannot be read, the page says so, naming the report (`dashboardFail`).

use wasm_bindgen::prelude::*;

#[wasm_bindgen]
extern "C" {
    /// Calls `ready` with the data's bytes once they are in (index.html); never, if they cannot
    /// be read, which the page then says itself.
    #[wasm_bindgen(js_name = dashboardWithData)]
    fn with_data(ready: JsValue);
    /// Shows in the page that the open report's data cannot be read, and why.
    #[wasm_bindgen(js_name = dashboardFail)]
    fn fail(why: &str);
}

/// A field of the page's site block: `name` (the open report), `data`, `report` (its files),
/// `index` (the reports' index, "" for one report). "" when the page has no such field.
pub fn site(field: &str) -> String {
    let Some(window) = web_sys::window() else { return String::new() };
    js_sys::Reflect::get(&window, &"dashboardSite".into())
        .and_then(|site| js_sys::Reflect::get(&site, &field.into()))
        .ok()
        .and_then(|v| v.as_string())
        .unwrap_or_default()
}

/// The site's name (Chinese, English) as the page's site block gives it (`seeds/site.toml`, or
/// its default: the publish step always writes one; a page it did not write has no data either,
/// so the app never mounts there).
pub fn site_name() -> (String, String) {
    (site("title_zh"), site("title_en"))
}

/// Installs the open report from the page's data, with the site's index of reports, then calls
/// `start`. A callback rather than a future: the first load has no other use for a future's
/// machinery.
pub fn when_ready(start: fn()) {
    with_data(Closure::once_into_js(move |bytes: js_sys::Uint8Array| match catalogue::install_data(&bytes.to_vec()) {
        Ok(()) => {
            catalogue::install_reports_index(&site("index"));
            start();
        }
        Err(why) => fail(&why),
    }));
}

/// Reads the open report's file (its catalogue and text) and installs it: for the on-demand
/// module, which shows the report's text (reading view, source paragraphs).
pub async fn install_report_file(path: &str) -> Result<(), String> {
    if path.is_empty() {
        return Err("the page names no report file".into());
    }
    let text = crate::module_reports::read_file(path).await?;
    let report = catalogue::report_file::parse(&text).map_err(|e| format!("{path}: {e}"))?;
    catalogue::install_report(report);
    catalogue::install_reports_index(&site("index"));
    Ok(())
}
