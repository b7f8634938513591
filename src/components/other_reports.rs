//! The reports besides the built-in one (when there are any: `catalogue::reports_index()`), which
//! the on-demand module reads and draws (`crate::module_reports`). The dashboard only keeps a host
//! for their list at the end of the page and tells the module what to show: the list once the
//! host nears the screen, another report's section, chart or fact a link names (`away`), and the
//! finder's search text. With one report, all of this compiles away.

use leptos::html::Div;
use leptos::prelude::*;

use super::extras;
use super::state::{effect, UiState};
use super::use_visibility::use_visibility;
use catalogue::reports_index;

pub fn install(ui: UiState, host: NodeRef<Div>) {
    if reports_index().is_empty() {
        return;
    }
    let near = use_visibility(host, "600px 0px");
    effect(move |_| {
        let lang = ui.lang.get();
        let q = ui.filter.with(|f| f.text.clone());
        let away = ui.view.with(|v| v.away.clone());
        if !near.visible.get() && q.trim().is_empty() && away.is_empty() {
            return;
        }
        let link = format!("?section={}&chart={}&fact={}", away.section, away.chart, away.fact);
        extras::run("reports", [reports_index(), &link, &q, lang.pick("zh", "en"), ""]);
    });
}
