//! What the open report shares with the site's other reports (when there are any:
//! `catalogue::reports_index()`), which the on-demand module reads and draws
//! (`crate::module_reports`). The dashboard only keeps a host at the end of the page for the
//! series of its indicators across reports and tells the module what to show: the series once the
//! host nears the screen, and what the finder's search text finds in the other reports. With one
//! report, none of this runs.

use leptos::html::Div;
use leptos::prelude::*;

use super::extras;
use super::state::{effect, UiState};
use super::use_visibility::use_visibility;
use catalogue::reports_index;
use views::module_call::ModuleCall;

pub fn install(ui: UiState, host: NodeRef<Div>) {
    if reports_index().is_empty() {
        return;
    }
    let near = use_visibility(host, "600px 0px");
    effect(move |_| {
        let lang = ui.lang.get();
        let q = ui.filter.with(|f| f.text.clone());
        if !near.visible.get() && q.trim().is_empty() {
            return;
        }
        extras::run(ModuleCall::Reports { search: &q, lang });
    });
}
