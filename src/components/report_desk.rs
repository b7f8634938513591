//! The report itself beside the charts: the masthead's links into each article, the reading view
//! (`?read=`) and the claim checker (`?check=`). Their markup comes from the on-demand module
//! (`views::reader`, `views::checker`), which holds the report's text and the checker; this wires
//! the view state to it and answers the controls in it.
//!
//! Not a component: two hosts in the dashboard's markup (`tools` in the masthead, `desk` above
//! the overview), one effect and one listener, since each component and each callback costs the
//! first load its own code. The module writes the desk itself (`desk` in `src/bin/extras.rs`).

use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{effect, event_in, listen, UiState};
use super::url_sync::scroll_to_focus;
use super::write_html::{set_html_keeping_focus, write_html};
use catalogue::CATALOGUE;
use views::module_call::ModuleCall;
use views::{checker, markup};

/// Keeps `tools` (the masthead's row) and `desk` (the reading view and the checker) in step with
/// the view, and answers their controls.
pub fn install(ui: UiState, tools: NodeRef<Div>, desk: NodeRef<Div>) {
    effect(move |_| {
        let lang = ui.lang.get();
        let (read, fact, chart, check, indicator) =
            ui.view.with(|v| (v.read, v.fact, v.chart, v.check.clone(), v.indicator));
        let checking = ui.checking.get() || !check.is_empty();
        if let Some(t) = tools.get() {
            set_html_keeping_focus(&t, &markup::report_tools(&CATALOGUE, read, checking, lang));
        }
        let Some(el) = desk.get() else { return };
        if read.is_none() && !checking && indicator.is_none() {
            // Closed: empty, and the module (which drew what was open) forgets what it brought
            // into view; nothing to load when nothing was open.
            if el.first_element_child().is_some() {
                write_html(&el, &Default::default());
                extras::run(ModuleCall::closed_desk(lang));
            }
            return;
        }
        // Not while the page's shell shows its view, under which the app is laid out hidden: the
        // shell has no such line there, and what it shows must lie where the app's does when the
        // app takes over (a link to an article and a chart shows the chart). A reading page puts
        // the shell's article in the desk instead (crates/publish/src/reading_hand_over.js).
        if el.first_element_child().is_none() && !super::boot::shows_first_view() {
            write_html(&el, &checker::loading(lang));
        }
        let highlight = fact.filter(|f| CATALOGUE.fact(f).is_some_and(|f| Some(f.article.as_str()) == read));
        // The module writes the desk itself, and brings the sentence (or the checker's field) into
        // view; with a chart in focus, the chart is where the reader is looking.
        extras::run(ModuleCall::Desk {
            article: read.unwrap_or(""),
            fact: highlight.unwrap_or(""),
            check: &check,
            indicator: indicator.unwrap_or(""),
            lang,
            checker: checking,
            chart_in_focus: chart.is_some(),
        });
    });
    // One listener for the whole page: links into the report (the masthead, chart source lines,
    // tooltips, the source panel, the checker), the masthead's checker button, the desk's
    // controls and the checker's form.
    listen(&document(), &["click", "submit"], move |ev| answer(ui, ev));
}

fn answer(ui: UiState, ev: web_sys::Event) {
    if ev.type_() == "submit" {
        if event_in(&ev, ".checker__form").is_none() {
            return;
        }
        let field = document().get_element_by_id("check-text");
        if let Some(area) = field.and_then(|e| e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
            ev.prevent_default();
            ui.check(&area.value());
        }
    } else if event_in(&ev, ".report-tools__check").is_some() {
        if ui.checking.get_untracked() || ui.view.with_untracked(|v| !v.check.is_empty()) {
            close_checker(ui);
        } else {
            ui.checking.set(true);
        }
    } else if event_in(&ev, ".reader__close").is_some() {
        ui.close_reader();
    } else if event_in(&ev, ".checker__close").is_some() {
        close_checker(ui);
    } else if let Some(el) = event_in(&ev, ".desk button[data-fact]") {
        if let Some(f) = el.get_attribute("data-fact").and_then(|id| CATALOGUE.fact(&id)) {
            ui.focus_fact(&f.id);
            scroll_to_focus(ui);
        }
    } else if let Some(a) = event_in(&ev, "a[data-read-article], a[data-read-fact]") {
        // With a modifier key or another button, the browser opens the link as the link it is.
        let plain = ev
            .dyn_ref::<web_sys::MouseEvent>()
            .is_some_and(|m| m.button() == 0 && !(m.ctrl_key() || m.meta_key() || m.shift_key() || m.alt_key()));
        if !plain {
            return;
        }
        if let Some(article) = a.get_attribute("data-read-article").and_then(|id| CATALOGUE.article(&id)) {
            ev.prevent_default();
            ui.read(&article.id, None);
        } else if let Some(f) = a.get_attribute("data-read-fact").and_then(|id| CATALOGUE.fact(&id)) {
            ev.prevent_default();
            ui.read(&f.article, Some(&f.id));
        }
    }
}

fn close_checker(ui: UiState) {
    ui.checking.set(false);
    ui.view.update(|v| v.check.clear());
}
