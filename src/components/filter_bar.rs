use leptos::html::Div;
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{effect, event_in, fact_clicked, handler, use_ui};
use super::write_html::write_html;
use catalogue::CATALOGUE;
use views::markup;
use views::search;

/// Free-text search plus topic and region filters; the matching facts list updates as you type.
///
/// The frame (`views::markup::finder`) is written once per language; the filter's values, the
/// options, the count and the results are then set in place, so the box being typed in, or the
/// select being stepped through with the keyboard, is never replaced and keeps its focus.
#[component]
pub fn FilterBar() -> impl IntoView {
    let ui = use_ui();
    let (lang, filter) = (ui.lang, ui.filter);
    let root = NodeRef::<Div>::new();

    let fill = move |el: &web_sys::Element| {
        let l = lang.get_untracked();
        let find = |selector: &str| el.query_selector(selector).ok().flatten();
        filter.with_untracked(|f| {
            if let Some(input) = find("input").and_then(|i| i.dyn_into::<web_sys::HtmlInputElement>().ok()) {
                // Only when it differs (Back, "clear", a link): rewriting it would move the caret.
                if input.value() != f.text {
                    input.set_value(&f.text);
                }
            }
            let pick = |zh, en| l.pick(zh, en);
            if let Some(s) = find("select[name=topic]") {
                write_html(
                    &s,
                    &markup::options(&CATALOGUE.topics, f.topic.as_deref(), pick("全部主题", "All topics"), l),
                );
            }
            if let Some(s) = find("select[name=region]") {
                write_html(
                    &s,
                    &markup::options(&CATALOGUE.regions, f.region.as_deref(), pick("全部地区", "All regions"), l),
                );
            }
            if let Some(b) = find(".finder__clear") {
                b.toggle_attribute_with_force("disabled", f.is_empty()).ok();
            }
            let m = search::filter(&CATALOGUE, f);
            if let Some(p) = find(".finder__count") {
                p.set_text_content(Some(&markup::finder_count(m.len(), CATALOGUE.facts.len(), l)));
            }
            if let Some(r) = find(".finder__results") {
                let list = if f.is_empty() { Default::default() } else { markup::fact_list(&CATALOGUE, &m, l) };
                write_html(&r, &list);
            }
        });
    };
    // A new language writes the frame again; any change of filter fills it in.
    effect(move |_| {
        let l = lang.get();
        if let Some(el) = root.get() {
            write_html(&el, &markup::finder(l));
            fill(&el);
        }
    });
    effect(move |first: Option<()>| {
        filter.track();
        if first.is_some() {
            if let Some(el) = root.get_untracked() {
                fill(&el);
            }
        }
    });

    let target = |ev: &web_sys::Event| ev.target().and_then(|t| t.dyn_into::<web_sys::Element>().ok());
    let on_input = move |ev: web_sys::Event| {
        if let Some(input) = target(&ev).and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
            let text = input.value();
            ui.set_filter(|f| f.text = text);
        }
    };
    let on_change = move |ev: web_sys::Event| {
        let Some(select) = target(&ev).and_then(|t| t.dyn_into::<web_sys::HtmlSelectElement>().ok()) else { return };
        let v = select.value();
        let v = (!v.is_empty()).then_some(v);
        match select.name().as_str() {
            "topic" => ui.set_filter(|f| f.topic = v),
            "region" => ui.set_filter(|f| f.region = v),
            _ => {}
        }
    };
    let on_click = move |ev: web_sys::MouseEvent| {
        if event_in(&ev, ".finder__clear").is_some() {
            ui.set_filter(|f| *f = search::Filter::default());
        } else if let Some(id) = fact_clicked(&ev) {
            ui.select_fact(id);
        }
    };

    view! {
        <section class="finder" aria-labelledby="finder-title" on:input={handler(on_input)} on:change={handler(on_change)} on:click={handler(on_click)}>
            // The frame goes in here (`display: contents`: laid out as the section's own children).
            <div class="finder__frame" node_ref=root></div>
        </section>
    }
}
