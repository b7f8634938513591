//! What the on-demand module draws into the page itself (see `src/bin/extras.rs`): the desk (the
//! claim checker and the reading view), the share panel's additions (embed code, the system share
//! sheet's button, the QR code, references), the source panel's paragraph and references, and
//! the link notices. The dashboard only says what to draw; each part finds its place in the page
//! and checks that it is still wanted (the reader may have moved on while the module loaded).

use std::cell::RefCell;

use wasm_bindgen::closure::Closure;
use wasm_bindgen::JsCast;

use crate::components::write_html::{set_html_keeping_focus, write_html};
use catalogue::{seed_text, CATALOGUE};
use facts::i18n::Lang;
use views::cite::{AccessDate, Target};
use views::html::Html;
use views::{checker, cite, html, markup, qr, reader, view_state};

fn document() -> Option<web_sys::Document> {
    web_sys::window()?.document()
}

thread_local! {
    /// What the reading view last brought into view (article, sentence): once per article and
    /// sentence, not on every language switch.
    static SHOWN: RefCell<Option<(String, String)>> = const { RefCell::new(None) };
}

/// What the desk shows beside the reading view, and where the reader is looking.
#[derive(Clone, Copy)]
pub struct DeskFlags {
    /// The claim checker is open (with `check`, or empty).
    pub checker: bool,
    /// A chart is in focus: the page stays where it is.
    pub chart_in_focus: bool,
}

/// Draws the desk (`.desk`): the claim checker, if open, with its verdicts on `check`, then the
/// view of `indicator` (none for ""), then the reading view of `article` (none for ""), `fact`'s
/// sentence highlighted; then brings into view what the reader asked for.
pub fn desk(article: &str, fact: &str, check: &str, indicator: &str, lang: Lang, flags: DeskFlags) {
    let Some(document) = document() else { return };
    let Ok(Some(el)) = document.query_selector(".desk") else { return };
    let highlight = Some(fact).filter(|f| !f.is_empty());
    let mut reader = crate::module_indicators::view_or_host(indicator, highlight, lang);
    let panel = reader::reader_panel(&CATALOGUE, seed_text(), article, highlight, lang).unwrap_or_default();
    // Whether it marks a sentence (a fact of another article, or an unknown one, marks none).
    let marks = panel.as_str().contains("read__quote");
    reader.push(&panel);
    if !indicator.is_empty() {
        crate::module_indicators::draw_view(indicator.to_string(), fact.to_string(), lang, flags.chart_in_focus);
    }
    // Drawn with the page: a reading page's shell (or the app's copy of it, see
    // crates/publish/src/reading_hand_over.js) already shows this article, without the ids of
    // the module's own markup, with the link's sentence marked if this drawing marks one, where
    // the reader has been reading since; the first drawing here keeps the page where it is.
    let drawn_with_page = SHOWN.with(|s| s.borrow().is_none())
        && document.get_element_by_id("reader-title").is_none()
        && document.query_selector(".reader").ok().flatten().is_some_and(|r| {
            r.get_attribute("data-read").as_deref() == Some(article)
                && r.query_selector("mark.read__quote").ok().flatten().is_some() == marks
        });
    let existing = document.get_element_by_id("checker");
    let opening_checker = flags.checker && check.is_empty() && existing.is_none();
    // With a chart in focus the page stays where it is, what the reader sees too, as the desk
    // above it changes height.
    let below = if flags.chart_in_focus { below_unread_desk(&document, &el) } else { None };
    if flags.checker {
        let again = (article.to_string(), fact.to_string(), check.to_string(), flags);
        let (result, status) = weighed_verdicts(check, lang, move || {
            let (article, fact, check, flags) = again;
            // Unless the reader has moved on to another sentence meanwhile.
            let now = web_sys::window().and_then(|w| w.location().search().ok()).unwrap_or_default();
            let view = view_state::parse(&now).0;
            if view.check == check {
                desk(&article, &fact, &check, view.indicator.unwrap_or(""), lang, flags);
            }
        });
        let same_language =
            existing.as_ref().and_then(|c| c.get_attribute("data-lang")).as_deref() == Some(lang.pick("zh", "en"));
        match existing.filter(|_| same_language) {
            // The panel stays: its status line is announced as it changes, and the reader's
            // field keeps what they are typing.
            Some(panel) => {
                update_checker(&document, &panel, check, &result, &status);
                replace_after(&el, &panel, &reader);
            }
            None => {
                let mut html = checker::panel(check, &result, &status, lang);
                html.push(&reader);
                set_html_keeping_focus(&el, &html);
            }
        }
    } else {
        set_html_keeping_focus(&el, &reader);
    }
    if let (Some((next, before)), Some(window)) = (below, web_sys::window()) {
        let moved = next.get_bounding_client_rect().top() - before;
        if moved != 0.0 {
            window.scroll_by_with_x_and_y(0.0, moved);
        }
    }
    if opening_checker {
        focus(&document, "check-text");
    }
    if article.is_empty() {
        SHOWN.with(|s| *s.borrow_mut() = None);
        return;
    }
    let key = (article.to_string(), fact.to_string());
    if drawn_with_page {
        SHOWN.with(|s| *s.borrow_mut() = Some(key));
        focus_heading_in_place();
        return;
    }
    if flags.chart_in_focus || SHOWN.with(|s| s.borrow().as_ref() == Some(&key)) {
        return;
    }
    // Focus first (it scrolls to the title), then bring the sentence into view, or the whole
    // head of the reading view (its kicker and close button sit above the title).
    focus(&document, "reader-title");
    let target = match highlight {
        Some(_) => document.get_element_by_id("read-quote"),
        None => document.query_selector(".desk .reader").ok().flatten(),
    };
    if let Some(t) = target {
        t.scroll_into_view();
    }
    SHOWN.with(|s| *s.borrow_mut() = Some(key));
}

/// Writes the verdicts into the checker's panel that is already there: the result, the status
/// line (which screen readers announce), and the field when it holds another sentence and the
/// reader is not typing in it.
fn update_checker(document: &web_sys::Document, panel: &web_sys::Element, check: &str, result: &Html, status: &str) {
    if let Ok(Some(r)) = panel.query_selector(".checker__result") {
        write_html(&r, result);
    }
    if let Ok(Some(line)) = panel.query_selector(".checker__status") {
        line.set_text_content(Some(status));
    }
    let field =
        document.get_element_by_id("check-text").and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok());
    if let Some(area) = field {
        let typing = document.active_element().is_some_and(|a| a.id() == "check-text");
        if !typing && area.value().trim() != check.trim() {
            area.set_value(check);
        }
    }
}

/// Replaces what follows `keep` in `host` (the reading view after the checker) with `html`.
fn replace_after(host: &web_sys::Element, keep: &web_sys::Element, html: &Html) {
    while let Some(next) = keep.next_element_sibling() {
        next.remove();
    }
    let rest = document().and_then(|d| d.create_element("div").ok());
    if let Some(rest) = rest {
        write_html(&rest, html);
        while let Some(child) = rest.first_element_child() {
            let _ = host.append_child(&child);
        }
    }
}

/// The verdicts on `check`, weighed against every report of the site, and the status line's
/// sentence: on a site of several reports, once all of them have been read (until then it says
/// it is reading them, and `redraw` draws the desk again when they are in). Should one not be
/// read, the sentence is weighed against the open report alone, and the checker says why.
fn weighed_verdicts(check: &str, lang: Lang, redraw: impl FnOnce() + 'static) -> (Html, String) {
    let open_only = || checker::verdicts(&checker::Weighed::open(&CATALOGUE), check, lang);
    if catalogue::reports_index().is_empty() || check.trim().is_empty() {
        return open_only();
    }
    match crate::module_reports::all_read() {
        Some(Ok(mut all)) => {
            // The open report first: it wins a tie between reports.
            all.sort_by_key(|(_, page)| !page.is_empty());
            // Each figure as it stands: one a later report revised is judged by the later figure,
            // and the verdict says what the earlier report said.
            let standing = checker::standing(&all, lang);
            let weighed: Vec<checker::Weighed> = all
                .iter()
                .zip(&standing)
                .map(|((r, page), (catalogue, earlier))| checker::Weighed {
                    catalogue,
                    title: markup::report_title(r, lang == Lang::Zh),
                    page: page.clone(),
                    earlier: earlier.clone(),
                })
                .collect();
            checker::verdicts(&weighed, check, lang)
        }
        Some(Err(why)) => {
            let mut out = html!(
                "<p class=\"checker__partial\" role=\"alert\">{}{}</p>",
                lang.pick(
                    "未能读取本站的其他报告，以下仅与本报告核对：",
                    "The site's other reports could not be read, so this is weighed against this report alone: "
                ),
                why
            );
            let (result, status) = open_only();
            out.push(&result);
            (out, status)
        }
        None => {
            wasm_bindgen_futures::spawn_local(async move {
                crate::module_reports::read_all().await;
                redraw();
            });
            (checker::weighing(lang), String::new())
        }
    }
}

/// What follows the desk, and where its top is, when the reader is not reading the desk (all of
/// it is above the viewport, or it is empty): the desk's changing height, margins included, would
/// move what they see, and the browser's scroll anchoring does not hold it (measured: a link to an
/// article and a chart had the chart pushed down by the whole article once the module drew it).
/// `None` when the reader sees something in the desk (it then grows below what they read), or
/// while the app is still hidden under the page's shell (which the app's height does not move).
fn below_unread_desk(document: &web_sys::Document, desk: &web_sys::Element) -> Option<(web_sys::Element, f64)> {
    if document.get_element_by_id("boot").is_some() {
        return None;
    }
    let unread = desk.get_bounding_client_rect().bottom() <= 0.0 || desk.first_element_child().is_none();
    let next = desk.next_element_sibling().filter(|_| unread)?;
    let top = next.get_bounding_client_rect().top();
    Some((next, top))
}

/// As when the reading view opens, its heading takes focus (for screen readers), unless the
/// reader has focused something already; but the page stays where the reader has scrolled. In the
/// next task: this drawing is what sends the reading page's shell away
/// (crates/publish/src/reading_hand_over.js), and markup still hidden under it takes no focus.
fn focus_heading_in_place() {
    let later = Closure::once_into_js(|| {
        let Some(document) = document() else { return };
        if document.active_element().is_some_and(|a| a.tag_name() != "BODY") {
            return;
        }
        let heading =
            document.get_element_by_id("reader-title").and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok());
        if let Some(heading) = heading {
            let options = web_sys::FocusOptions::new();
            options.set_prevent_scroll(true);
            let _ = heading.focus_with_options(&options);
        }
    });
    if let Some(window) = web_sys::window() {
        let _ = window.set_timeout_with_callback_and_timeout_and_arguments_0(later.unchecked_ref(), 0);
    }
}

fn focus(document: &web_sys::Document, id: &str) {
    if let Some(e) = document.get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlElement>().ok()) {
        let _ = e.focus();
    }
}

/// Draws the share panel into its host beside the share button (`#INPUT_ID-panel`, if the panel
/// is still open): the link `link` with its Copy button, for a chart (`chart`, its id) the code
/// that embeds it, "Share via…" where the browser has a share sheet, the QR code and the
/// references. Opened from a file (`offline.html`) there is no address to share, and it says so.
/// Drawn again as the view changes, keeping keyboard focus.
pub fn share(input_id: &str, link: &str, chart: Option<&str>, lang: Lang) {
    let target = chart.map_or_else(|| "page".to_string(), |c| format!("chart:{c}"));
    let target = target.as_str();
    let Some(document) = document() else { return };
    let Some(host) = document.get_element_by_id(&format!("{input_id}-panel")) else { return };
    let offline = web_sys::window().and_then(|w| w.location().protocol().ok()).is_some_and(|p| p == "file:");
    if offline {
        set_html_keeping_focus(&host, &markup::share_panel_offline(lang));
        return;
    }
    // A chart's view, or an indicator's, can be embedded.
    let indicator_view = view_state::parse(link.split_once('?').map_or("", |(_, q)| q)).0.indicator.is_some();
    let mut more = match target.strip_prefix("chart:") {
        Some(_) => markup::embed_field(&embed_url(link), lang),
        None if indicator_view => markup::embed_field(&embed_url(link), lang),
        None => Html::default(),
    };
    if crate::module_controls::can_share() {
        more.push(&html!(
            "<button type=\"button\" class=\"share__native\">{}</button>",
            lang.pick("通过其他应用分享…", "Share via…")
        ));
    }
    let label =
        lang.pick("此链接的二维码：用手机扫描即可打开", "QR code of this link: scan it with a phone to open it");
    if let Some(svg) = qr::qr_svg(link, label) {
        more.push(&html!(
            "<div class=\"share__qr\">{}<p class=\"share__qr-note\">{}</p></div>",
            svg,
            lang.pick("扫码在手机上打开此视图", "Scan to open this view on a phone")
        ));
    }
    more.push(&references(link, target, lang).unwrap_or_default());
    set_html_keeping_focus(&host, &markup::share_panel(input_id, link, &more, lang));
}

/// Opens the card of `indicator` (a `data-indicator` control was pressed).
pub fn indicator_card(indicator: &str, lang: Lang) {
    crate::module_indicators::card(indicator.to_string(), lang);
}

/// Fills the source panel of `fact` (if it is still open): the paragraph around the quote, the
/// quote highlighted, and "Cite this" for the fact at `link`.
pub fn source(fact: &str, link: &str, lang: Lang) {
    let (Some(document), Some(f)) = (document(), CATALOGUE.fact(fact)) else { return };
    // `f.id` is the catalogue's own id, safe in a selector.
    let Ok(Some(panel)) = document.query_selector(&format!("aside.source[data-fact=\"{}\"]", f.id)) else { return };
    if let Ok(Some(p)) = panel.query_selector(".source__paragraph") {
        write_html(&p, &markup::paragraph_in_text(&CATALOGUE, seed_text(), f));
    }
    if let (Some(r), Ok(Some(slot))) =
        (references(link, &format!("fact:{}", f.id), lang), panel.query_selector(".source__cite"))
    {
        write_html(&slot, &r);
    }
}

/// What reading the link `query` could not use: on a site of several reports, a link with another
/// report's ids first opens that report's page (`module_reports::notices_or_home`); otherwise the
/// notices are written ([`write_notices`]).
pub fn notices(query: &str, lang: Lang) {
    wasm_bindgen_futures::spawn_local(crate::module_reports::notices_or_home(query.to_string(), lang, write_notices));
}

/// Writes what reading the link `query` could not use (`views::markup::notices`) into the
/// notices' host, if that host is still waiting for this link's notices (`data-notices`).
fn write_notices(query: &str, lang: Lang) {
    let Some(document) = document() else { return };
    let Ok(Some(host)) = document.query_selector(".notices-host") else { return };
    if host.get_attribute("data-notices").as_deref() != Some(query) {
        return;
    }
    let (_, list) = view_state::parse(query);
    write_html(&host, &markup::notices(&list, lang));
}

/// What `target` names ("page", "chart:ID", "fact:ID"), as a citation target; ids are only ever
/// compared with the static lists.
fn cite_target(target: &str) -> Option<Target> {
    match target.split_once(':') {
        None if target == "page" => Some(Target::Page),
        Some(("chart", id)) => charts::registry::chart_def(id).map(|d| Target::Chart(&d.id)),
        Some(("fact", id)) => CATALOGUE.fact(id).map(|f| Target::Fact(&f.id)),
        _ => None,
    }
}

/// Today on the reader's clock: the access date of a reference.
fn today() -> AccessDate {
    let d = js_sys::Date::new_0();
    AccessDate { year: d.get_full_year() as u16, month: d.get_month() as u8 + 1, day: d.get_date() as u8 }
}

/// "Cite this" for `target` at `link` (`views::cite`), ids prefixed with the target's.
fn references(link: &str, target: &str, lang: Lang) -> Option<Html> {
    let (zh, en) = crate::report_data::site_name();
    let c = cite::citations(&CATALOGUE, cite_target(target)?, link, today(), (&zh, &en))?;
    let prefix: String = target.chars().map(|c| if c.is_ascii_alphanumeric() { c } else { '-' }).collect();
    Some(cite::cite_block(&c, &prefix, lang))
}

/// The link of a chart's view (`link`) as the embedded chart: `embed=1`, no source panel.
fn embed_url(link: &str) -> String {
    let (base, query) = link.split_once('?').unwrap_or((link, ""));
    let (mut v, _) = view_state::parse(query);
    v.embed = true;
    v.fact = None;
    format!("{base}{}", view_state::to_query(&v))
}
