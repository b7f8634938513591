//! The hand-over from the boot shell (`#boot` in index.html: the masthead and every chart of the
//! first view, drawn at build time by crates/publish/src/first_view.rs) to the app. The app mounts
//! underneath the shell, laid out but hidden (see `#boot ~ *` in style/main.css), and builds its
//! first view over a few short tasks; the shell goes when the app has drawn its first chart.
//! Nothing the reader saw goes blank then: a section the app has not built yet shows the shell's
//! charts in its placeholder, and a chart the app has not drawn yet shows the shell's drawing
//! ([`stand_in`]) until its canvas is painted, so each chart is taken over in place.

use std::cell::RefCell;

use facts::i18n::Lang;
use wasm_bindgen::JsCast;
use web_sys::Element;

thread_local! {
    /// The shell's drawings (a chart's canvas box), by chart id, of the charts of sections the app
    /// had not built at the hand-over: building such a section replaces the placeholder that
    /// shows them before its charts are created, so they cannot be found on the page then. Each is
    /// taken once: a chart built again later (after a search hid it) is drawn, not stood in for.
    static HANDED_OVER: RefCell<Vec<(String, Element)>> = const { RefCell::new(Vec::new()) };
}

/// Removes the shell (once; later calls do nothing), first moving the charts of each section the
/// app has not built yet into that section's placeholder.
pub fn hand_over() {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return };
    let Some(boot) = document.get_element_by_id("boot") else { return };
    let shown = shows_first_view();
    if let Some(sections) = shown.then(|| boot.query_selector_all("section[data-section]").ok()).flatten() {
        for i in 0..sections.length() {
            let Some(section) = sections.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
            let (Some(id), Ok(Some(charts))) =
                (section.get_attribute("data-section"), section.query_selector(".topic__charts"))
            else {
                continue;
            };
            // Section ids are lowercase letters, digits and '-' (checked by `verify`).
            let Ok(Some(pending)) = document.query_selector(&format!("main section[id=\"{id}\"] > .topic__pending"))
            else {
                continue;
            };
            if let Ok(boxes) = charts.query_selector_all("[data-chart] > .chart__canvas--prerendered") {
                HANDED_OVER.with_borrow_mut(|kept| {
                    for i in 0..boxes.length() {
                        let Some(b) = boxes.item(i).and_then(|n| n.dyn_into::<Element>().ok()) else { continue };
                        if let Some(chart) = b.parent_element().and_then(|f| f.get_attribute("data-chart")) {
                            kept.push((chart, b));
                        }
                    }
                });
            }
            let _ = pending.append_child(&charts);
        }
    }
    boot.remove();
    // A source panel the app opened under the shell (a link's fact) could not take the focus then,
    // hidden as it was: it takes it now, as when it opens, unless the reader has focused something.
    // (The panel's close button is a button the app wrote.)
    if let Ok(Some(close)) = document.query_selector("body:not(:focus-within) .source__close") {
        let _ = close.unchecked_ref::<web_sys::HtmlElement>().focus();
    }
}

/// Whether the shell shows the prerendered view (index.html's first script hides it for a view it does
/// not show: a table, a search...): only then is it worth waiting for the app's first chart before handing over.
pub fn shows_first_view() -> bool {
    let Some(document) = web_sys::window().and_then(|w| w.document()) else { return false };
    document.get_element_by_id("boot").is_some()
        && document.document_element().is_some_and(|html| !html.class_name().contains("boot-plain"))
}

/// The language the shell is drawn in: the page's site block says English on a report's English
/// page (`site.lang`), and nothing on its Chinese one.
pub fn shell_lang() -> Lang {
    Lang::from_code(&crate::report_data::site("lang"))
}

/// A copy of the shell's drawings of `chart` (its canvas box with its drawings), from the shell
/// or, after the hand-over, from what it kept. None when the shell was hidden (another view than
/// the one it drew) or the chart was built before. Which drawing shows, and how high the copy is, the shell's own style says by the
/// copy's width (container queries, `views::prerender`): the height the app's canvas has there.
pub fn stand_in(chart: &str) -> Option<Element> {
    let document = web_sys::window()?.document()?;
    if document.document_element()?.class_name().contains("boot-plain") {
        return None;
    }
    let kept = HANDED_OVER.with_borrow_mut(|kept| {
        let at = kept.iter().position(|(id, _)| id == chart)?;
        Some(kept.swap_remove(at).1)
    });
    // Chart ids are lowercase letters, digits and '-' (checked by `verify`).
    let on_page = document.query_selector(&format!("[data-chart=\"{chart}\"] > .chart__canvas--prerendered")).ok()?;
    let shell = on_page.or(kept)?;
    let copy: Element = shell.clone_node_with_deep(true).ok()?.dyn_into().ok()?;
    copy.set_class_name("chart__canvas--prerendered chart__standin");
    Some(copy)
}
