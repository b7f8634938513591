//! Keeps the address bar and the view state in step: the URL is read once at start, written on
//! every change (pushState for a change of chart, section or selected fact so Back walks through
//! them; replaceState for small adjustments), and read again on Back/Forward.

use leptos::prelude::*;

use super::state::{effect, UiState};
use views::view_state::{parse, to_query, ViewState};

/// The query string of the page, with its leading '?', or "".
pub fn current_query() -> String {
    window().location().search().unwrap_or_default()
}

/// The link that reopens `view` on this page.
pub fn share_url(view: &ViewState) -> String {
    let loc = window().location();
    let origin = loc.origin().unwrap_or_default();
    let path = loc.pathname().unwrap_or_default();
    format!("{origin}{path}{}", to_query(view))
}

/// What makes a history entry: a reader expects Back to undo these.
fn nav_key(v: &ViewState) -> [Option<&'static str>; 4] {
    [v.section, v.chart, v.fact, v.read]
}

pub fn install(ui: UiState) {
    let last = StoredValue::new(ui.view.with_untracked(nav_key));
    effect(move |_| {
        let view = ui.view.get();
        let query = to_query(&view);
        if query == current_query() {
            return;
        }
        let url = if query.is_empty() { window().location().pathname().unwrap_or_default() } else { query };
        let key = nav_key(&view);
        let Ok(history) = window().history() else { return };
        let _ = if key != last.get_value() {
            history.push_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        } else {
            history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url))
        };
        last.set_value(key);
    });
    let handle = window_event_listener(leptos::ev::popstate, move |_| {
        let query = current_query();
        let (view, notices) = parse(&query);
        last.set_value(nav_key(&view));
        ui.view.set(view);
        ui.notices.set(super::state::notices_of(&query, &notices));
        scroll_to_focus(ui);
    });
    on_cleanup(move || handle.remove());
}

/// Brings the chart (or section) in focus into view, once it has been rendered.
pub fn scroll_to_focus(ui: UiState) {
    let target = ui.view.with_untracked(|v| {
        // In the app's main: the boot shell, while it is up, holds a figure and section of each id too.
        v.chart
            .map(|c| format!("main figure[data-chart=\"{c}\"]"))
            .or_else(|| v.section.map(|s| format!("main section#{s}")))
    });
    let Some(selector) = target else { return };
    // The target's section may not be rendered yet (they follow one per frame after start-up).
    let needed = ui.view.with_untracked(|v| charts::registry::sections_at_start(v.chart, v.section));
    if ui.sections_shown.get_untracked() < needed {
        ui.sections_shown.set(needed);
    }
    request_animation_frame(move || {
        if let Ok(Some(el)) = document().query_selector(&selector) {
            // While the boot shell shows this view, index.html has scrolled it there, and the app,
            // laid out underneath out of the flow, would scroll it elsewhere. The app takes the
            // shell's place exactly, so the page stays where it is (or where the reader has
            // scrolled since) when the shell goes.
            if !super::boot::shows_first_view() {
                el.scroll_into_view();
            }
            // Which chart the link meant: it flashes once (style/main.css, `.linked`); its
            // section's heading stays in view above it (sticky).
            let _ = el.class_list().add_1("linked");
        }
    });
}
