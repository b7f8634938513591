//! A "下载 / Download" menu for one chart: the figure as PNG (2x) or SVG, the chart's facts as CSV
//! or JSON, and the whole catalogue as CSV or JSON. Everything is made in the page (see
//! `crate::downloads`) and saved through a Blob URL that is revoked once the download has started.

use std::time::Duration;

use leptos::html::{Button, Div};
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{Blob, BlobPropertyBag, HtmlAnchorElement, HtmlCanvasElement, Url};

use super::state::{tr, use_ui};
use crate::charts::draw::LIGHT;
use crate::charts::spec::ChartSpec;
use crate::downloads::{self, Format, DOWNLOAD_CSS_WIDTH, PNG_SCALE};
use crate::facts::{export, CATALOGUE};
use crate::i18n::Lang;

/// How long a Blob URL lives after its link was clicked: long enough for every browser to have
/// started reading it, short enough not to hold the file for the page's lifetime.
const REVOKE_AFTER: Duration = Duration::from_millis(1500);

fn label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Png => lang.pick("图片 PNG（2倍）", "Image, PNG (2x)"),
        Format::Svg => lang.pick("矢量图 SVG", "Vector image, SVG"),
        Format::Csv => lang.pick("本图数据 CSV", "This chart's data (CSV)"),
        Format::Json => lang.pick("本图数据 JSON", "This chart's data (JSON)"),
        Format::AllCsv => lang.pick("全部数据 CSV", "All data (CSV)"),
        Format::AllJson => lang.pick("全部数据 JSON", "All data (JSON)"),
    }
}

#[component]
pub fn Downloads(chart: &'static str, spec: Signal<Option<ChartSpec>>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let wrapper = NodeRef::<Div>::new();
    let toggle = NodeRef::<Button>::new();
    let panel_id = format!("downloads-{chart}");

    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let choose = move |format: Format| {
        let result = if format.is_catalogue() {
            save_catalogue(format)
        } else {
            match spec.get_untracked() {
                Some(s) => save_chart(&s, format, error),
                None => {
                    Err(lang.get_untracked().pick("此图表无法导出。", "This chart cannot be exported.").to_string())
                }
            }
        };
        match result {
            Ok(()) => {
                error.set(None);
                close(true);
            }
            Err(e) => error.set(Some(e)),
        }
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            ev.prevent_default();
            close(true);
        }
    };
    // Focus moving outside (Tab away, a click elsewhere) closes the menu.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let inside =
            match (ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()), wrapper.get_untracked()) {
                (Some(node), Some(w)) => w.contains(Some(&node)),
                _ => false,
            };
        if !inside {
            open.set(false);
        }
    };

    let item = move |format: Format| {
        let disabled = move || !format.is_catalogue() && spec.with(Option::is_none);
        view! {
            <li>
                <button type="button" class="downloads__item" data-format=format.id() disabled=disabled on:click=move |_| choose(format)>
                    {move || label(format, lang.get())}
                </button>
            </li>
        }
    };

    view! {
        <div class="downloads" node_ref=wrapper on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="downloads__toggle"
                node_ref=toggle
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| open.update(|o| *o = !*o)
            >
                {tr(lang, "下载", "Download")}
            </button>
            <Show when=move || open.get()>
                <div class="downloads__panel" id=panel_id.clone() role="group" aria-label=tr(lang, "下载格式", "Download formats")>
                    <ul class="downloads__list">
                        {item(Format::Png)}
                        {item(Format::Svg)}
                        {item(Format::Csv)}
                        {item(Format::Json)}
                    </ul>
                    <ul class="downloads__list downloads__list--all">
                        {item(Format::AllCsv)}
                        {item(Format::AllJson)}
                    </ul>
                </div>
            </Show>
            {move || error.get().map(|e| view! { <p class="downloads__error" role="alert">{e}</p> })}
        </div>
    }
}

fn js_err(e: JsValue) -> String {
    e.as_string().unwrap_or_else(|| format!("{e:?}"))
}

fn save_catalogue(format: Format) -> Result<(), String> {
    let text = match format {
        Format::AllJson => export::to_json(&CATALOGUE),
        _ => export::to_csv(&CATALOGUE),
    };
    save_blob(&text_blob(&text, format.mime())?, &downloads::file_name("", Lang::Zh, format))
}

fn save_chart(spec: &ChartSpec, format: Format, error: RwSignal<Option<String>>) -> Result<(), String> {
    let name = downloads::file_name(spec.id, spec.lang, format);
    let text = match format {
        Format::Png => return save_png(spec, name, error),
        Format::Svg => downloads::chart_svg(spec, DOWNLOAD_CSS_WIDTH),
        Format::Csv => downloads::chart_csv(&CATALOGUE, spec),
        Format::Json => downloads::chart_json(&CATALOGUE, spec),
        Format::AllCsv | Format::AllJson => return save_catalogue(format),
    };
    save_blob(&text_blob(&text, format.mime())?, &name)
}

fn text_blob(text: &str, mime: &str) -> Result<Blob, String> {
    let parts = js_sys::Array::of1(&JsValue::from_str(text));
    let options = BlobPropertyBag::new();
    options.set_type(mime);
    Blob::new_with_str_sequence_and_options(&parts, &options).map_err(js_err)
}

/// Draws the figure on a canvas that is never attached to the page, at [`PNG_SCALE`] device
/// pixels per CSS pixel, and saves it when the browser has encoded it.
fn save_png(spec: &ChartSpec, name: String, error: RwSignal<Option<String>>) -> Result<(), String> {
    let figure = downloads::figure_layout(spec, DOWNLOAD_CSS_WIDTH * PNG_SCALE, PNG_SCALE);
    let canvas: HtmlCanvasElement = document()
        .create_element("canvas")
        .map_err(js_err)?
        .dyn_into()
        .map_err(|_| "canvas unavailable".to_string())?;
    canvas.set_width(figure.width as u32);
    canvas.set_height(figure.height as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("canvas 2D context unavailable")?;
    let root = backend.into_drawing_area();
    downloads::draw_figure(&root, spec, &figure, &LIGHT).map_err(|e| format!("PNG could not be drawn: {e}"))?;
    let on_blob = Closure::once_into_js(move |blob: JsValue| {
        let saved = match blob.dyn_into::<Blob>() {
            Ok(b) => save_blob(&b, &name),
            Err(_) => Err("PNG could not be encoded".to_string()),
        };
        if let Err(e) = saved {
            // The menu may be gone by now; then there is nobody left to tell.
            let _ = error.try_set(Some(e));
        }
    });
    canvas.to_blob(on_blob.unchecked_ref()).map_err(js_err)
}

/// Saves `blob` as `name`: a temporary `<a download>` is clicked and removed, and the Blob URL
/// revoked shortly after.
fn save_blob(blob: &Blob, name: &str) -> Result<(), String> {
    let url = Url::create_object_url_with_blob(blob).map_err(js_err)?;
    let clicked = click_link(&url, name);
    set_timeout(
        move || {
            let _ = Url::revoke_object_url(&url);
        },
        REVOKE_AFTER,
    );
    clicked
}

fn click_link(url: &str, name: &str) -> Result<(), String> {
    let doc = document();
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
