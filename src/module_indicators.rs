//! Indicators, as the on-demand module shows them (see `src/bin/extras.rs`): an indicator's own
//! view in the desk (`?indicator=ID`, [`view_or_host`], [`draw_view`]), the card a
//! `data-indicator` control opens ([`card`]), and the view's controls ([`open_view`],
//! [`close_view`], the CSV download). Each reads the reports with points of the indicator
//! (`module_reports::reports_of_indicator`) and draws `views::indicator_view`.

use std::cell::RefCell;

use wasm_bindgen::JsCast;

use crate::components::write_html::write_html;
use facts::i18n::Lang;
use views::across_reports::OnPage;
use views::html::Html;
use views::{html, indicator_view, view_state};

thread_local! {
    /// The view last drawn: (indicator, language, fact in focus), and its markup, so the desk
    /// draws it again at once as the rest of the view changes.
    static DRAWN: RefCell<Option<((String, Lang, String), Html)>> = const { RefCell::new(None) };
    /// The indicator whose view was last brought into view: once per indicator.
    static SHOWN: RefCell<String> = const { RefCell::new(String::new()) };
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The desk's place for the view of `indicator` (nothing for ""): the view as last drawn when it
/// is the same, else a line saying the reports are being read ([`draw_view`] fills it).
pub fn view_or_host(indicator: &str, focus: Option<&str>, lang: Lang) -> Html {
    if indicator.is_empty() {
        SHOWN.with(|s| s.borrow_mut().clear());
        return Html::default();
    }
    let key = (indicator.to_string(), lang, focus.unwrap_or("").to_string());
    let drawn = DRAWN.with(|d| d.borrow().as_ref().filter(|(k, _)| *k == key).map(|(_, h)| h.clone()));
    let inner = drawn.unwrap_or_else(|| {
        html!(
            "<p class=\"checker__weighing\" role=\"status\">{}</p>",
            lang.pick("正在读取该指标的各报告……", "Reading the reports of this indicator…")
        )
    });
    html!("<div class=\"indicator-host\" data-indicator-host=\"{}\">{}</div>", indicator, inner)
}

/// Draws the view of `id` into the desk's place for it once the reports with points of it have
/// been read, and, the first time it opens, brings it into view (unless a chart is in focus).
pub fn draw_view(id: String, fact: String, lang: Lang, chart_in_focus: bool) {
    wasm_bindgen_futures::spawn_local(async move {
        let key = (id.clone(), lang, fact.clone());
        let cached = DRAWN.with(|d| d.borrow().as_ref().is_some_and(|(k, _)| *k == key));
        if !cached {
            let html = match crate::module_reports::reports_of_indicator(&id).await {
                Ok(read) => {
                    let all: Vec<OnPage> = read.iter().map(|(report, page)| OnPage { report, page }).collect();
                    let width = document()
                        .and_then(|d| d.query_selector(".desk").ok().flatten())
                        .map_or(640.0, |d| f64::from(d.client_width()));
                    let focus = Some(fact.as_str()).filter(|f| !f.is_empty());
                    indicator_view::view(&all, &id, focus, width, lang)
                }
                Err(why) => html!(
                    "<p class=\"reports__error\" role=\"alert\">{}{}</p>",
                    lang.pick("无法读取该指标的报告：", "The reports of this indicator cannot be read: "),
                    why
                ),
            };
            // Unless the reader has moved on meanwhile.
            let now = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
            if view_state::parse(&now).0.indicator != Some(id.as_str()) {
                return;
            }
            DRAWN.with(|d| *d.borrow_mut() = Some((key, html.clone())));
            let Some(host) = document().and_then(|d| d.query_selector(".desk .indicator-host").ok().flatten()) else {
                return;
            };
            write_html(&host, &html);
            crate::module_reports::place_points(&host);
        } else if let Some(host) = document().and_then(|d| d.query_selector(".desk .indicator-host").ok().flatten()) {
            crate::module_reports::place_points(&host);
        }
        if chart_in_focus || SHOWN.with(|s| *s.borrow() == id) {
            return;
        }
        SHOWN.with(|s| *s.borrow_mut() = id);
        if let Some(title) = document()
            .and_then(|d| d.get_element_by_id("indicator-title"))
            .and_then(|t| t.dyn_into::<web_sys::HtmlElement>().ok())
        {
            let _ = title.focus();
            title.scroll_into_view();
        }
    });
}

/// Opens the card of indicator `id` (a modal `<dialog>`, so Esc closes it and the focus returns
/// to the control that opened it): its name, definition, unit, the indicators close to it and a
/// link to its view.
pub fn card(id: String, lang: Lang) {
    wasm_bindgen_futures::spawn_local(async move {
        let body = match crate::module_reports::reports_of_indicator(&id).await {
            Ok(read) => {
                let all: Vec<OnPage> = read.iter().map(|(report, page)| OnPage { report, page }).collect();
                match indicator_view::declaration(&all, &id) {
                    Some(d) => indicator_view::card(&all, d, lang),
                    None => html!(
                        "<p role=\"alert\">{}</p><button type=\"button\" class=\"indicator-card__close\">{}</button>",
                        match lang {
                            Lang::Zh => format!("本站的报告没有声明指标“{id}”。"),
                            Lang::En => format!("No report of the site declares the indicator “{id}”."),
                        },
                        lang.pick("关闭", "Close")
                    ),
                }
            }
            Err(why) => html!(
                "<p role=\"alert\">{}{}</p><button type=\"button\" class=\"indicator-card__close\">{}</button>",
                lang.pick("无法读取该指标的报告：", "The reports of this indicator cannot be read: "),
                why,
                lang.pick("关闭", "Close")
            ),
        };
        let Some(document) = document() else { return };
        let dialog = match document.get_element_by_id("indicator-card") {
            Some(d) => d,
            None => {
                let Ok(d) = document.create_element("dialog") else { return };
                d.set_id("indicator-card");
                d.set_class_name("indicator-card");
                let _ = d.set_attribute("aria-labelledby", "indicator-card-title");
                let Some(body) = document.body() else { return };
                let _ = body.append_child(&d);
                d
            }
        };
        write_html(&dialog, &body);
        let Ok(dialog) = dialog.dyn_into::<web_sys::HtmlDialogElement>() else { return };
        if !dialog.open() {
            let _ = dialog.show_modal();
        }
    });
}

/// Whether the card is open.
pub fn card_open() -> bool {
    document()
        .and_then(|d| d.get_element_by_id("indicator-card"))
        .and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok())
        .is_some_and(|d| d.open())
}

/// Closes the card, if open.
pub fn close_card() {
    let dialog = document().and_then(|d| d.get_element_by_id("indicator-card"));
    if let Some(d) = dialog.and_then(|d| d.dyn_into::<web_sys::HtmlDialogElement>().ok()) {
        d.close();
    }
}

/// Opens the view `change` makes of the current one, as the dashboard's own links do: a new
/// history entry, which the dashboard reads as it reads Back and Forward (`popstate`).
fn go(change: impl FnOnce(&mut view_state::ViewState)) {
    let Some(window) = web_sys::window() else { return };
    let search = window.location().search().unwrap_or_default();
    let (mut view, _) = view_state::parse(&search);
    change(&mut view);
    let query = view_state::to_query(&view);
    let path = window.location().pathname().unwrap_or_default();
    let url = if query.is_empty() { path } else { query };
    let Ok(history) = window.history() else { return };
    if history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url)).is_ok() {
        if let Ok(ev) = web_sys::PopStateEvent::new("popstate") {
            let _ = window.dispatch_event(&ev);
        }
    }
}

/// Opens the view of indicator `id` (a link of the card or of a figure).
pub fn open_view(id: &str) {
    close_card();
    let Some(known) = catalogue::CATALOGUE.facts.iter().find_map(|f| f.indicator.as_deref().filter(|i| *i == id))
    else {
        return;
    };
    go(|v| {
        v.indicator = Some(known);
        v.read = None;
    });
}

/// Closes the indicator's view.
pub fn close_view() {
    go(|v| v.indicator = None);
}

/// Saves indicator `id`'s points as CSV; a failure is said beside the button.
pub fn download(button: web_sys::Element, id: String) {
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(why) = crate::save::save_indicator(&id).await {
            let _ = button.set_attribute("aria-describedby", "indicator-download-error");
            if let Some(document) = document() {
                if let Ok(p) = document.create_element("p") {
                    p.set_id("indicator-download-error");
                    p.set_class_name("reports__error");
                    let _ = p.set_attribute("role", "alert");
                    p.set_text_content(Some(&why));
                    let _ = button.after_with_node_1(&p);
                }
            }
        }
    });
}
