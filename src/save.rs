//! Saving files in the browser: a chart as PNG (2x) or SVG, its facts as CSV or JSON, or the whole
//! catalogue, made in the page (contents from `views::downloads`) and handed to the browser through
//! a Blob URL that is revoked once the download has started.
//!
//! Only the on-demand module (`src/bin/extras.rs`) calls this, so none of it (nor plotters' SVG
//! backend) is in the wasm the dashboard loads first.

use std::time::Duration;

use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

use catalogue::{export, CATALOGUE};
use charts::draw::LIGHT;
use charts::registry::{build, chart_def};
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use views::downloads::{self, Format, DOWNLOAD_CSS_WIDTH, PNG_SCALE};

/// How long a Blob URL lives after its link was clicked: long enough for every browser to have
/// started reading it, short enough not to hold the file for the page's lifetime.
const REVOKE_AFTER: Duration = Duration::from_millis(1500);

/// What a browser error says: its message, or the thrown string.
pub fn js_err(e: JsValue) -> String {
    e.as_string()
        .or_else(|| e.dyn_ref::<js_sys::Error>().map(|e| String::from(e.message())))
        .unwrap_or_else(|| "the browser refused".to_string())
}

/// Saves `format` of `chart` in `lang` (chart formats), or of the whole catalogue.
pub async fn save(chart: &str, lang: Lang, format: Format) -> Result<(), String> {
    let base = site_base();
    if format.is_catalogue() {
        let reports = every_report().await?;
        let text = match format {
            Format::AllJson => export::to_json_all(&reports, &base),
            _ => export::to_csv_all(&reports, &base),
        };
        return save_blob(&text_blob(&text, format.mime())?, &downloads::file_name("", Lang::Zh, format));
    }
    let no_export = || lang.pick("此图表无法导出。", "This chart cannot be exported.").to_string();
    let def = chart_def(chart).ok_or_else(no_export)?;
    let spec = build(def, &CATALOGUE, lang).map_err(|_| no_export())?;
    let name = downloads::file_name(spec.id, spec.lang, format);
    let text = match format {
        Format::Png => return save_blob(&png(&spec).await?, &name),
        Format::CopyPng => return copy_blob(&png(&spec).await?).await,
        Format::Svg => downloads::chart_svg(&spec, DOWNLOAD_CSS_WIDTH),
        Format::Json => downloads::chart_json(&CATALOGUE, &spec, &base),
        _ => downloads::chart_csv(&CATALOGUE, &spec, &base),
    };
    save_blob(&text_blob(&text, format.mime())?, &name)
}

/// The site's address (the page's, up to its last `/`): the facts' links in a download are full
/// addresses, which work wherever the file goes.
pub fn site_base() -> String {
    let href = web_sys::window().and_then(|w| w.location().href().ok()).unwrap_or_default();
    let page = href.split(['?', '#']).next().unwrap_or("");
    // From a file (offline.html) there is no address to link to: links stay relative to the site.
    if page.starts_with("file:") {
        return String::new();
    }
    page.rfind('/').map_or_else(String::new, |at| page[..=at].to_string())
}

/// Every report of the site, in the site's order, for "all facts": read by the on-demand module
/// on a site of several reports; the open report alone on a site of one.
async fn every_report() -> Result<Vec<facts::Report>, String> {
    if catalogue::reports_index().is_empty() {
        let name = crate::report_data::site("name");
        let indicators = catalogue::indicators().to_vec();
        return Ok(vec![facts::Report { name, catalogue: CATALOGUE.clone(), text: String::new(), indicators }]);
    }
    crate::module_reports::read_all().await;
    match crate::module_reports::all_read() {
        Some(Ok(all)) => Ok(all.into_iter().map(|(r, _)| r).collect()),
        Some(Err(why)) => Err(why),
        None => Err("the site's reports could not be read".to_string()),
    }
}

pub fn text_blob(text: &str, mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_err)
}

/// Draws the figure on a canvas that is never attached to the page, at [`PNG_SCALE`] device
/// pixels per CSS pixel, and has the browser encode it.
async fn png(spec: &ChartSpec<'_>) -> Result<Blob, String> {
    let figure = downloads::figure_layout(spec, DOWNLOAD_CSS_WIDTH * PNG_SCALE, PNG_SCALE);
    let document = web_sys::window().and_then(|w| w.document()).ok_or("page has no document")?;
    let canvas: HtmlCanvasElement =
        document.create_element("canvas").map_err(js_err)?.dyn_into().map_err(|_| "canvas unavailable".to_string())?;
    canvas.set_width(figure.width as u32);
    canvas.set_height(figure.height as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("canvas 2D context unavailable")?;
    let root = backend.into_drawing_area();
    downloads::draw_figure(&root, spec, &figure, &LIGHT).map_err(|e| format!("PNG could not be drawn: {e}"))?;
    let encoded = js_sys::Promise::new(&mut |resolve, _reject| {
        let _ = canvas.to_blob(&resolve);
    });
    let blob = JsFuture::from(encoded).await.map_err(js_err)?;
    blob.dyn_into::<Blob>().map_err(|_| "PNG could not be encoded".to_string())
}

/// Puts an image on the clipboard (the asynchronous Clipboard API's `ClipboardItem`).
async fn copy_blob(blob: &Blob) -> Result<(), String> {
    let refused = || "The browser does not allow copying images here; use the PNG download instead.".to_string();
    let window = web_sys::window().ok_or("no window")?;
    let record = js_sys::Object::new();
    js_sys::Reflect::set(&record, &JsValue::from_str(blob.type_().as_str()), blob).map_err(js_err)?;
    let item_type = js_sys::Reflect::get(&window, &JsValue::from_str("ClipboardItem")).map_err(js_err)?;
    let item_type = item_type.dyn_into::<js_sys::Function>().map_err(|_| refused())?;
    let item = js_sys::Reflect::construct(&item_type, &js_sys::Array::of1(&record)).map_err(|_| refused())?;
    let written = window.navigator().clipboard().write(&js_sys::Array::of1(&item));
    JsFuture::from(written).await.map(|_| ()).map_err(|_| refused())
}

/// Saves `blob` as `name`: a temporary `<a download>` is clicked and removed, and the Blob URL
/// revoked shortly after.
pub fn save_blob(blob: &Blob, name: &str) -> Result<(), String> {
    let window = web_sys::window().ok_or("no window")?;
    let url = Url::create_object_url_with_blob(blob).map_err(js_err)?;
    let clicked = click_link(&window, &url, name);
    let revoke = Closure::once_into_js(move || {
        let _ = Url::revoke_object_url(&url);
    });
    let _ = window
        .set_timeout_with_callback_and_timeout_and_arguments_0(revoke.unchecked_ref(), REVOKE_AFTER.as_millis() as i32);
    clicked
}

fn click_link(window: &web_sys::Window, url: &str, name: &str) -> Result<(), String> {
    let doc = window.document().ok_or("page has no document")?;
    let a: HtmlAnchorElement =
        doc.create_element("a").map_err(js_err)?.dyn_into().map_err(|_| "link unavailable".to_string())?;
    a.set_href(url);
    a.set_download(name);
    let _ = a.set_attribute("hidden", "");
    let body = doc.body().ok_or("page has no body")?;
    body.append_child(&a).map_err(js_err)?;
    a.click();
    a.remove();
    Ok(())
}

/// Saves every statement of indicator `id` across the site's reports as CSV
/// (`views::indicator_view::csv`), as `indicator-ID.csv`.
pub async fn save_indicator(id: &str) -> Result<(), String> {
    let read = crate::module_reports::reports_of(&[id.to_string()]).await?;
    let all: Vec<views::across_reports::OnPage> =
        read.iter().map(|(report, page)| views::across_reports::OnPage { report, page }).collect();
    let text = views::indicator_view::csv(&all, id, &site_base());
    // `id` is a catalogue id (letters, digits, '-'), safe in a file name.
    let safe: String = id.chars().filter(|c| c.is_ascii_alphanumeric() || *c == '-').collect();
    save_blob(&text_blob(&text, "text/csv;charset=utf-8")?, &format!("indicator-{safe}.csv"))
}
