//! The other reports, as the on-demand module shows them (see `src/bin/extras.rs`, `reports`):
//! it reads the index of reports (`catalogue::reports_index()`) and each report's file when it is
//! needed, from the site or, in `offline.html`, from the page itself; then draws, with
//! `views::other_reports`, the list of reports into `#reports`, an opened report's body, and what
//! a search finds in them under the finder's results. A link's section, chart or fact in another
//! report (`ViewState::away`) opens that report and brings it into view; an id no report has gets
//! the link notice the built-in report's ids get.

use std::cell::RefCell;
use std::rc::Rc;

use serde_json::Value;
use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::write_html::write_html;
use catalogue::{report_file, seed_text, CATALOGUE};
use facts::i18n::Lang;
use facts::Report;
use views::html::Html;
use views::other_reports::{self, Listed};
use views::view_state::{self, Notice};
use views::{html, markup};

/// An entry of the index: where its file is and which ids it holds.
struct Entry {
    listed: Listed,
    file: String,
    sections: Vec<String>,
    charts: Vec<String>,
    facts: Vec<String>,
}

struct Index {
    first: String,
    entries: Vec<Entry>,
    /// indicator -> report names with points of it.
    series: Vec<(String, Vec<String>)>,
}

#[derive(Default)]
struct State {
    index: Option<Rc<Index>>,
    /// Reports read so far, the built-in one first.
    reports: Vec<Report>,
    /// What the list was last drawn for (language), and the last link and search acted on.
    drawn: Option<(Lang, String, String)>,
}

thread_local! {
    static STATE: RefCell<State> = RefCell::new(State::default());
}

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

/// The text of a file of the site: inline in `offline.html` (`<script id="file:PATH">`), else
/// fetched from the same origin.
pub async fn read_file(path: &str) -> Result<String, String> {
    if let Some(el) = document().and_then(|d| d.get_element_by_id(&format!("file:{path}"))) {
        return Ok(el.text_content().unwrap_or_default());
    }
    let window = web_sys::window().ok_or("no window")?;
    let response = JsFuture::from(window.fetch_with_str(path)).await.map_err(|_| format!("{path}: not reachable"))?;
    let response: web_sys::Response = response.dyn_into().map_err(|_| "not a response".to_string())?;
    if !response.ok() {
        return Err(format!("{path}: HTTP {}", response.status()));
    }
    let text = response.text().map_err(|_| "no body".to_string())?;
    JsFuture::from(text).await.ok().and_then(|t| t.as_string()).ok_or_else(|| format!("{path}: unreadable"))
}

fn strings(v: Option<&Value>) -> Vec<String> {
    v.and_then(Value::as_array)
        .map_or_else(Vec::new, |a| a.iter().filter_map(|s| s.as_str().map(String::from)).collect())
}

fn parse_index(text: &str) -> Result<Index, String> {
    let doc: Value = serde_json::from_str(text).map_err(|e| format!("index: {e}"))?;
    let entries = doc
        .get("reports")
        .and_then(Value::as_array)
        .ok_or("index: no reports")?
        .iter()
        .map(|r| {
            let pairs = |key: &str| -> Vec<Vec<String>> {
                r.get(key)
                    .and_then(Value::as_array)
                    .map_or_else(Vec::new, |a| a.iter().map(|p| strings(Some(p))).collect())
            };
            let titles =
                pairs("articles").into_iter().filter_map(|a| Some((a.get(1)?.clone(), a.get(2)?.clone()))).collect();
            let facts = strings(r.get("facts"));
            Entry {
                listed: Listed {
                    name: r.get("name").and_then(Value::as_str).unwrap_or("").to_string(),
                    titles,
                    facts: facts.len(),
                    drafts: r.get("drafts").and_then(Value::as_u64).unwrap_or(0) as usize,
                },
                file: r.get("file").and_then(Value::as_str).unwrap_or("").to_string(),
                sections: pairs("sections").into_iter().filter_map(|s| s.first().cloned()).collect(),
                charts: strings(r.get("charts")),
                facts,
            }
        })
        .collect();
    let series = doc.get("series").and_then(Value::as_array).map_or_else(Vec::new, |a| {
        a.iter()
            .map(|s| {
                let id = s.get("indicator").and_then(Value::as_str).unwrap_or("").to_string();
                let names = s.get("points").and_then(Value::as_array).map_or_else(Vec::new, |p| {
                    p.iter().filter_map(|pt| pt.get(0).and_then(Value::as_str).map(String::from)).collect()
                });
                (id, names)
            })
            .collect()
    });
    Ok(Index { first: doc.get("first").and_then(Value::as_str).unwrap_or("").to_string(), entries, series })
}

async fn index(path: &str) -> Result<Rc<Index>, String> {
    if let Some(i) = STATE.with(|s| s.borrow().index.clone()) {
        return Ok(i);
    }
    let index = Rc::new(parse_index(&read_file(path).await?)?);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.reports.is_empty() {
            s.reports.push(Report {
                name: index.first.clone(),
                catalogue: CATALOGUE.clone(),
                text: seed_text().to_string(),
            });
        }
        s.index = Some(index.clone());
    });
    Ok(index)
}

fn loaded(name: &str) -> Option<Report> {
    STATE.with(|s| s.borrow().reports.iter().find(|r| r.name == name).cloned())
}

/// The report `name`, read once.
async fn report(index: &Index, name: &str) -> Result<Report, String> {
    if let Some(r) = loaded(name) {
        return Ok(r);
    }
    let entry = index.entries.iter().find(|e| e.listed.name == name).ok_or_else(|| format!("no report {name}"))?;
    let r = report_file::parse(&read_file(&entry.file).await?).map_err(|e| format!("{}: {e}", entry.file))?;
    if let Some(r) = loaded(name) {
        return Ok(r);
    }
    STATE.with(|s| s.borrow_mut().reports.push(r.clone()));
    Ok(r)
}

/// Everything the report's series need besides itself: the other reports with points of its
/// indicators.
async fn with_series(index: &Index, r: &Report) -> Vec<Report> {
    for (indicator, names) in &index.series {
        if r.catalogue.facts.iter().any(|f| f.indicator.as_ref() == Some(indicator)) {
            for n in names {
                let _ = report(index, n).await;
            }
        }
    }
    STATE.with(|s| s.borrow().reports.clone())
}

fn body_host(name: &str) -> Option<web_sys::Element> {
    // Report names are the index's own, letters, digits, '-', '_' and '.'.
    document()?.query_selector(&format!("[data-report-body=\"{name}\"]")).ok().flatten()
}

/// Reads the report and draws its body into its `<details>`, `focus` marked; `expand` opens the
/// `<details>` (a click on its summary opens it by itself).
async fn open(index: &Index, name: &str, focus: Option<&str>, expand: bool, lang: Lang) -> Result<(), String> {
    let Some(host) = body_host(name) else { return Ok(()) };
    if expand {
        if let Ok(Some(details)) = host.closest("details") {
            let _ = details.set_attribute("open", "");
        }
    }
    if host.first_element_child().is_none() {
        write_html(&host, &html!("<p class=\"reports__loading\">{}</p>", lang.pick("正在加载…", "Loading…")));
    }
    let r = report(index, name).await?;
    let all = with_series(index, &r).await;
    // Two columns of charts on a wide screen, one on a narrow one (see .topic__charts).
    let width = f64::from(host.client_width());
    let column = if width > 900.0 { width / 2.0 - 48.0 } else { width - 34.0 };
    write_html(&host, &other_reports::report_body(&r, &all, focus, column, lang));
    Ok(())
}

fn problem(host: &web_sys::Element, message: &str, lang: Lang) {
    let note = html!(
        "<p class=\"reports__error\" role=\"alert\">{}{}</p>",
        lang.pick("无法加载报告：", "The report cannot be loaded: "),
        message
    );
    write_html(host, &note);
}

/// Draws the list into `#reports` (for a new language, again, with open reports redrawn), opens
/// what the link `away` names (`?section=…&chart=…&fact=…`), and shows what a search for `q` finds
/// in the other reports.
pub async fn run(index_path: String, away: String, q: String, lang: Lang) {
    let Some(document) = document() else { return };
    let Ok(Some(list_host)) = document.query_selector("#reports") else { return };
    let index = match index(&index_path).await {
        Ok(i) => i,
        Err(e) => return problem(&list_host, &e, lang),
    };
    let previous = STATE.with(|s| s.borrow_mut().drawn.replace((lang, away.clone(), q.clone())));
    let (relist, new_away, new_q) = match &previous {
        Some((l, a, old_q)) => (*l != lang, *a != away, *old_q != q),
        None => (true, true, true),
    };
    if relist {
        let read: Vec<String> = STATE.with(|s| s.borrow().reports.iter().skip(1).map(|r| r.name.to_string()).collect());
        let shown: Vec<String> =
            read.into_iter().filter(|n| body_host(n).is_some_and(|h| h.first_element_child().is_some())).collect();
        let listed: Vec<Listed> = index.entries.iter().map(|e| e.listed.clone()).collect();
        write_html(&list_host, &other_reports::list(&listed, lang));
        for n in shown {
            if let Err(e) = open(&index, &n, None, false, lang).await {
                problem(&list_host, &e, lang);
            }
        }
    }
    if new_away || relist {
        follow(&index, &away, lang, &list_host).await;
    }
    if new_q || relist {
        search(&index, &q, lang).await;
    }
}

/// Opens the report holding the link's chart, section or fact and brings it into view; says so
/// when no report has it.
async fn follow(index: &Index, away: &str, lang: Lang, list_host: &web_sys::Element) {
    let (view, _) = view_state::parse_with_others(away, &CATALOGUE, true);
    let a = view.away;
    if a.is_empty() {
        return;
    }
    let holds = |e: &Entry| {
        (a.chart.is_empty() || e.charts.contains(&a.chart))
            && (a.section.is_empty() || e.sections.contains(&a.section))
            && (a.fact.is_empty() || e.facts.contains(&a.fact))
    };
    let Some(entry) = index.entries.iter().find(|e| holds(e)) else {
        let mut notices = Vec::new();
        if !a.section.is_empty() && !index.entries.iter().any(|e| e.sections.contains(&a.section)) {
            notices.push(Notice::UnknownSection { id: a.section.clone() });
        }
        if !a.chart.is_empty() && !index.entries.iter().any(|e| e.charts.contains(&a.chart)) {
            notices.push(Notice::UnknownChart { id: a.chart.clone() });
        }
        if !a.fact.is_empty() && !index.entries.iter().any(|e| e.facts.contains(&a.fact)) {
            notices.push(Notice::UnknownFact { id: a.fact.clone() });
        }
        if notices.is_empty() {
            // Each id exists, but not together in one report: the narrowest one is what cannot
            // be shown where the link says.
            notices.push(if !a.fact.is_empty() {
                Notice::UnknownFact { id: a.fact.clone() }
            } else {
                Notice::UnknownChart { id: a.chart.clone() }
            });
        }
        if let Some(Ok(Some(host))) = document().map(|d| d.query_selector(".notices-host")) {
            let mut out = Html::default();
            out.push(&markup::notices(&notices, lang));
            write_html(&host, &out);
        }
        return;
    };
    let focus = Some(a.fact.as_str()).filter(|f| !f.is_empty());
    if let Err(e) = open(index, &entry.listed.name, focus, true, lang).await {
        return problem(list_host, &e, lang);
    }
    let target = if let Some(f) = focus {
        format!("[data-report-body=\"{}\"] [data-away-fact=\"{f}\"]", entry.listed.name)
    } else if !a.chart.is_empty() {
        format!("figure[data-chart=\"{}\"]", a.chart)
    } else {
        format!("section[data-section=\"{}\"]", a.section)
    };
    // Ids passed `parse` (letters, digits, '-'), so they are safe in a selector.
    if let Some(Ok(Some(el))) = document().map(|d| d.query_selector(&target)) {
        el.scroll_into_view();
    }
}

/// What a search finds in the other reports (all of them read), under the finder's results.
async fn search(index: &Index, q: &str, lang: Lang) {
    let Some(document) = document() else { return };
    let host = match document.query_selector(".finder__elsewhere") {
        Ok(Some(h)) => h,
        _ => {
            let Ok(Some(results)) = document.query_selector(".finder__results") else { return };
            let Ok(h) = document.create_element("div") else { return };
            h.set_class_name("finder__elsewhere");
            let _ = h.set_attribute("aria-live", "polite");
            let _ = results.after_with_node_1(&h);
            h
        }
    };
    if q.trim().is_empty() {
        write_html(&host, &Html::default());
        return;
    }
    for e in &index.entries {
        if let Err(err) = report(index, &e.listed.name).await {
            return problem(&host, &err, lang);
        }
    }
    let others: Vec<Report> = STATE.with(|s| s.borrow().reports.iter().skip(1).cloned().collect());
    write_html(&host, &other_reports::search_hits(&others, q, lang));
}

/// A click on a report's summary that opens it: its body is read and drawn.
pub fn on_summary(summary: &web_sys::Element, lang: Lang) {
    let Ok(Some(details)) = summary.closest("details[data-report]") else { return };
    if details.has_attribute("open") {
        return;
    }
    let Some(name) = details.get_attribute("data-report") else { return };
    let Some(index) = STATE.with(|s| s.borrow().index.clone()) else { return };
    wasm_bindgen_futures::spawn_local(async move {
        if let Err(e) = open(&index, &name, None, false, lang).await {
            if let Some(host) = body_host(&name) {
                problem(&host, &e, lang);
            }
        }
    });
}
