use leptos::prelude::*;

use super::fact_list::FactList;
use super::state::{tr, use_ui};
use crate::facts::CATALOGUE;
use crate::markup;
use crate::search;

/// Free-text search plus topic and region filters; the matching facts list updates as you type.
#[component]
pub fn FilterBar() -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let filter = ui.filter;
    let matches = Memo::new(move |_| filter.with(|f| search::filter(&CATALOGUE, f)));

    let on_text = move |ev| {
        let text = event_target_value(&ev);
        ui.set_filter(|f| f.text = text);
    };
    let on_topic = move |ev| {
        let v = event_target_value(&ev);
        ui.set_filter(|f| f.topic = (!v.is_empty()).then_some(v));
    };
    let on_region = move |ev| {
        let v = event_target_value(&ev);
        ui.set_filter(|f| f.region = (!v.is_empty()).then_some(v));
    };
    let clear = move |_| ui.set_filter(|f| *f = search::Filter::default());

    let topics = move || {
        let l = lang.get();
        filter.with(|f| markup::options(CATALOGUE.topics, f.topic.as_deref(), l.pick("全部主题", "All topics"), l))
    };
    let regions = move || {
        let l = lang.get();
        filter.with(|f| markup::options(CATALOGUE.regions, f.region.as_deref(), l.pick("全部地区", "All regions"), l))
    };

    view! {
        <section class="finder" aria-labelledby="finder-title">
            <h2 id="finder-title">{tr(lang, "查找数字", "Find a number")}</h2>
            <div class="finder__controls" role="search">
                <label class="finder__field finder__field--text">
                    <span>{tr(lang, "关键词（中文或英文）", "Search (Chinese or English)")}</span>
                    <input
                        type="search"
                        name="q"
                        autocomplete="off"
                        maxlength="100"
                        placeholder=tr(lang, "如：5G 基站、贷款、94.3%", "e.g. 5G stations, loans, 94.3%")
                        prop:value=move || filter.with(|f| f.text.clone())
                        on:input=on_text
                    />
                </label>
                <label class="finder__field">
                    <span>{tr(lang, "主题", "Topic")}</span>
                    <select name="topic" on:change=on_topic inner_html=topics></select>
                </label>
                <label class="finder__field">
                    <span>{tr(lang, "地区", "Region")}</span>
                    <select name="region" on:change=on_region inner_html=regions></select>
                </label>
                <button class="finder__clear" on:click=clear disabled=move || filter.with(|f| f.is_empty())>
                    {tr(lang, "清除", "Clear")}
                </button>
            </div>
            <p class="finder__count" aria-live="polite">
                {move || {
                    let (n, total) = (matches.with(Vec::len), CATALOGUE.facts.len());
                    match lang.get() {
                        crate::i18n::Lang::Zh => format!("显示 {n} / {total} 个数字"),
                        crate::i18n::Lang::En => format!("Showing {n} of {total} numbers"),
                    }
                }}
            </p>
            <Show when=move || !filter.with(|f| f.is_empty())>
                <FactList facts=matches/>
            </Show>
        </section>
    }
}
