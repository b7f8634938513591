//! The site's other reports, as the on-demand module uses them (see `src/bin/extras.rs`). Each
//! report is a page of its own, so the module never draws another report: it reads the index of
//! reports (`catalogue::reports_index()`, `catalogue::site_index`) and their files when a reader
//! needs them, to
//! - send a link with another report's ids to that report's page ([`notices_or_home`]), so every
//!   link opens the report its ids belong to;
//! - show, under the finder's results, what a search finds in the other reports ([`run`]);
//! - draw the series of the open report's indicators across every report that has a point of
//!   them, at the end of the page ([`run`]);
//! - weigh a sentence in the claim checker against every report ([`all_read`], [`read_all`]).
//!
//! Files are read from the site or, in `offline.html`, from the page itself ([`read_file`]).

use std::cell::RefCell;
use std::rc::Rc;

use wasm_bindgen::JsCast;
use wasm_bindgen_futures::JsFuture;

use crate::components::write_html::write_html;
use crate::report_data::site;
use catalogue::site_index::{self, SiteIndex};
use catalogue::{report_file, reports_index, seed_text, CATALOGUE};
use facts::i18n::Lang;
use facts::Report;
use views::across_reports::{self, OnPage};
use views::html;
use views::html::Html;
use views::view_state;

#[derive(Default)]
struct State {
    index: Option<Rc<SiteIndex>>,
    /// Reports read so far, the open one first.
    reports: Vec<Report>,
    /// What was last drawn: the language and the search text.
    drawn: Option<(Lang, String)>,
    /// Why the other reports could not all be read, once that failed.
    unreadable: Option<String>,
    /// A [`run`] is under way; the latest request made meanwhile waits here, so two runs never
    /// read the same files at once.
    running: bool,
    pending: Option<(String, Lang)>,
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

/// The index of reports, read once.
async fn index() -> Result<Rc<SiteIndex>, String> {
    if let Some(i) = STATE.with(|s| s.borrow().index.clone()) {
        return Ok(i);
    }
    let path = reports_index();
    let index = Rc::new(site_index::parse(&read_file(path).await?).map_err(|e| format!("{path}: {e}"))?);
    STATE.with(|s| {
        let mut s = s.borrow_mut();
        if s.reports.is_empty() {
            s.reports.push(open_report());
        }
        s.index = Some(index.clone());
    });
    Ok(index)
}

fn loaded(name: &str) -> Option<Report> {
    STATE.with(|s| s.borrow().reports.iter().find(|r| r.name == name).cloned())
}

/// The report `name`, read once.
async fn report(index: &SiteIndex, name: &str) -> Result<Report, String> {
    if let Some(r) = loaded(name) {
        return Ok(r);
    }
    let entry = index.reports.iter().find(|e| e.name == name).ok_or_else(|| format!("no report {name}"))?;
    let r = report_file::parse(&read_file(&entry.file).await?).map_err(|e| format!("{}: {e}", entry.file))?;
    if let Some(r) = loaded(name) {
        return Ok(r);
    }
    STATE.with(|s| s.borrow_mut().reports.push(r.clone()));
    Ok(r)
}

/// Each report read so far with the link to its page.
fn on_pages<'a>(index: &'a SiteIndex, reports: &'a [Report]) -> Vec<OnPage<'a>> {
    reports
        .iter()
        .filter_map(|report| Some(OnPage { report, page: &index.reports.iter().find(|e| e.name == report.name)?.page }))
        .collect()
}

/// Every report of the site in the site's order, with the link to its page ("" for the open one,
/// whose facts are shown in place), once every report has been read ([`read_all`]);
/// `None` before, `Some(Err)` when one could not be read.
pub fn all_read() -> Option<Result<Vec<(Report, String)>, String>> {
    STATE.with(|s| {
        let s = s.borrow();
        if let Some(why) = &s.unreadable {
            return Some(Err(why.clone()));
        }
        let index = s.index.as_ref()?;
        let open = site("name");
        let mut all = Vec::new();
        for entry in &index.reports {
            let r = s.reports.iter().find(|r| r.name == entry.name)?;
            all.push((r.clone(), if r.name == open { String::new() } else { entry.page.clone() }));
        }
        Some(Ok(all))
    })
}

/// The open report as the module holds it (its catalogue, text and indicator declarations).
fn open_report() -> Report {
    Report {
        name: site("name"),
        catalogue: CATALOGUE.clone(),
        text: seed_text().to_string(),
        indicators: catalogue::indicators().to_vec(),
    }
}

/// The reports with a point of any of `indicators`, the open one among them, each read once, in
/// the site's order, with the link to its page ("" for the open report).
pub async fn reports_of(indicators: &[String]) -> Result<Vec<(Report, String)>, String> {
    if reports_index().is_empty() {
        return Ok(vec![(open_report(), String::new())]);
    }
    let index = index().await?;
    let open = site("name");
    let mut wanted = vec![open.clone()];
    for s in index.series.iter().filter(|s| indicators.contains(&s.indicator)) {
        wanted.extend(s.points.iter().map(|(name, _)| name.clone()));
    }
    let mut out = Vec::new();
    for e in index.reports.iter().filter(|e| wanted.contains(&e.name)) {
        let r = report(&index, &e.name).await?;
        let page = if e.name == open { String::new() } else { e.page.clone() };
        out.push((r, page));
    }
    Ok(out)
}

/// The reports of indicator `id` and of the indicators close to it (`compare_with`, either way),
/// as [`reports_of`] reads them.
pub async fn reports_of_indicator(id: &str) -> Result<Vec<(Report, String)>, String> {
    let first = reports_of(&[id.to_string()]).await?;
    let mut ids = vec![id.to_string()];
    for (r, _) in &first {
        for d in &r.indicators {
            let close = d.id == id && !d.compare_with.is_empty() || d.compare_with.iter().any(|c| c == id);
            if close {
                ids.push(d.id.clone());
                ids.extend(d.compare_with.iter().cloned());
            }
        }
    }
    ids.sort();
    ids.dedup();
    if ids.len() == 1 {
        return Ok(first);
    }
    reports_of(&ids).await
}

/// Reads the index and every report (once); a failure is kept for [`all_read`] to report.
pub async fn read_all() {
    let result = async {
        let index = index().await?;
        for e in &index.reports {
            report(&index, &e.name).await?;
        }
        Ok::<(), String>(())
    }
    .await;
    if let Err(why) = result {
        STATE.with(|s| s.borrow_mut().unreadable = Some(why));
    }
}

/// For the link `query` (as the page was opened with it), whose ids the open report does not
/// all have: when another report has every one of them, opens the link on that report's page
/// (replacing this page in the history, so Back does not return to a page that only forwarded);
/// else writes what could not be used into the notices' host (`write`).
pub async fn notices_or_home(query: String, lang: Lang, write: fn(&str, Lang)) {
    // Every id the link names, this report's included: a link whose ids no one report holds all
    // of stays here with its notices (and two pages can never send a link back and forth).
    if let (Some(wanted), false) = (view_state::ids_elsewhere(&query), reports_index().is_empty()) {
        if let Ok(index) = index().await {
            if let Some(home) = index.home_of(&wanted, &site("name")) {
                let Some(location) = web_sys::window().map(|w| w.location()) else { return };
                let hash = location.hash().unwrap_or_default();
                let query = query.trim_start_matches('?');
                if location.replace(&format!("{}?{query}{hash}", home.page)).is_ok() {
                    return;
                }
            }
        }
    }
    write(&query, lang);
}

fn problem(host: &web_sys::Element, message: &str, lang: Lang) {
    let note = html!(
        "<p class=\"reports__error\" role=\"alert\">{}{}</p>",
        lang.pick("无法加载其他报告：", "The other reports cannot be loaded: "),
        message
    );
    write_html(host, &note);
}

/// Draws, at the end of the page (`#across`), the series of the open report's indicators across
/// the reports with points of them, and, under the finder's results, what a search for `q` finds
/// in the other reports. Each only when it changed (language, search text). One run at a time:
/// a request made during a run (a reader typing) is done after it, the latest only.
pub async fn run(q: String, lang: Lang) {
    if STATE.with(|s| std::mem::replace(&mut s.borrow_mut().running, true)) {
        STATE.with(|s| s.borrow_mut().pending = Some((q, lang)));
        return;
    }
    let mut next = Some((q, lang));
    while let Some((q, lang)) = next {
        run_once(q, lang).await;
        next = STATE.with(|s| s.borrow_mut().pending.take());
    }
    STATE.with(|s| s.borrow_mut().running = false);
}

async fn run_once(q: String, lang: Lang) {
    let Some(document) = document() else { return };
    let Ok(Some(across)) = document.query_selector("#across") else { return };
    let index = match index().await {
        Ok(i) => i,
        Err(e) => return problem(&across, &e, lang),
    };
    let previous = STATE.with(|s| s.borrow_mut().drawn.replace((lang, q.clone())));
    let (relang, new_q) = match &previous {
        Some((l, old_q)) => (*l != lang, *old_q != q),
        None => (true, true),
    };
    if relang {
        if let Err(e) = series(&index, &across, lang).await {
            problem(&across, &e, lang);
        }
    }
    if new_q || relang {
        search(&index, &q, lang).await;
    }
}

/// The series of the open report's indicators, with every report that has a point of them read.
async fn series(index: &SiteIndex, host: &web_sys::Element, lang: Lang) -> Result<(), String> {
    let open = site("name");
    for s in &index.series {
        if s.points.iter().any(|(r, _)| *r == open) {
            for (name, _) in &s.points {
                report(index, name).await?;
            }
        }
    }
    let reports = STATE.with(|s| s.borrow().reports.clone());
    let Some(open_report) = reports.iter().find(|r| r.name == open) else { return Ok(()) };
    // Two columns of charts on a wide screen, one on a narrow one (see .topic__charts).
    let width = f64::from(host.client_width());
    let column = if width > 900.0 { width / 2.0 - 48.0 } else { width - 34.0 };
    let focus =
        view_state::parse(&web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default()).0.fact;
    write_html(host, &across_reports::series_section(open_report, &on_pages(index, &reports), focus, column, lang));
    place_points(host);
    Ok(())
}

/// Puts each point's hit target where its point is drawn (`data-x`, `data-y`: percent of the
/// drawing), through the CSSOM: the page's policy lets no markup carry a style.
pub fn place_points(host: &web_sys::Element) {
    let Ok(hits) = host.query_selector_all(".series__hit[data-x][data-y]") else { return };
    for i in 0..hits.length() {
        let Some(hit) = hits.item(i).and_then(|n| n.dyn_into::<web_sys::HtmlElement>().ok()) else { continue };
        let at = |name: &str| {
            hit.get_attribute(name).and_then(|v| v.parse::<f64>().ok()).filter(|v| (0.0..=100.0).contains(v))
        };
        if let (Some(x), Some(y)) = (at("data-x"), at("data-y")) {
            let style = hit.style();
            let _ = style.set_property("left", &format!("{x}%"));
            let _ = style.set_property("top", &format!("{y}%"));
        }
    }
}

/// What a search finds in the other reports (all of them read), under the finder's results.
async fn search(index: &SiteIndex, q: &str, lang: Lang) {
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
    for e in &index.reports {
        if let Err(err) = report(index, &e.name).await {
            return problem(&host, &err, lang);
        }
    }
    let open = site("name");
    let reports = STATE.with(|s| s.borrow().reports.clone());
    let others: Vec<OnPage> = on_pages(index, &reports).into_iter().filter(|r| r.report.name != open).collect();
    write_html(&host, &across_reports::search_hits(&others, q, lang));
}
