//! The reader's language and theme, remembered in localStorage. They apply only to a bare visit
//! (no query string): a shared link always opens exactly the view it describes. Stored values are
//! read with the link parser, so anything missing, stale or corrupted is simply ignored.

use leptos::prelude::*;
use wasm_bindgen::prelude::*;

use super::state::{effect, UiState};
use views::view_state::{parse, to_query, ViewState};

const KEY: &str = "indicator-dashboard.prefs";

fn storage() -> Option<web_sys::Storage> {
    // Access can throw (storage disabled, file://, sandboxed iframes): treat as "no storage".
    window().local_storage().ok().flatten()
}

/// Applies stored preferences to `view` when the page was opened without a query.
pub fn apply(view: &mut ViewState, query: &str) {
    if !query.trim_start_matches('?').is_empty() {
        return;
    }
    let Some(stored) = storage().and_then(|s| s.get_item(KEY).ok().flatten()) else { return };
    let (prefs, _ignored) = parse(&stored);
    view.lang = prefs.lang;
    view.theme = prefs.theme;
}

/// Follows the system colour scheme, and stores language and theme whenever they change.
pub fn install(ui: UiState) {
    if let Ok(Some(mq)) = window().match_media("(prefers-color-scheme: dark)") {
        ui.system_dark.set(mq.matches());
        let on_change =
            Closure::<dyn FnMut(web_sys::MediaQueryListEvent)>::new(move |e: web_sys::MediaQueryListEvent| {
                ui.system_dark.set(e.matches());
            });
        let _ = mq.add_event_listener_with_callback("change", on_change.as_ref().unchecked_ref());
        // The page lives as long as the listener: the app is never unmounted.
        on_change.forget();
    }
    effect(move |_| {
        let (lang, theme) = ui.view.with(|v| (v.lang, v.theme));
        let prefs = ViewState { lang, theme, ..ViewState::default() };
        if let Some(s) = storage() {
            let _ = s.set_item(KEY, &to_query(&prefs));
        }
    });
}
