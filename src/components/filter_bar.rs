use leptos::prelude::*;

use super::fact_list::FactList;
use super::state::{tr, use_ui};
use crate::facts::CATALOGUE;
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

    // Built once, with reactive text: rebuilt on a language switch, each dropped `selected`
    // closure would stay subscribed to `filter` (see `state::scoped_memo`).
    let topic_options = CATALOGUE
        .topics
        .iter()
        .map(|t| view! { <option value=t.id selected=move || filter.with(|f| f.topic.as_deref() == Some(t.id))>{tr(lang, t.zh, t.en)}</option> })
        .collect_view();
    let region_options = CATALOGUE
        .regions
        .iter()
        .map(|r| view! { <option value=r.id selected=move || filter.with(|f| f.region.as_deref() == Some(r.id))>{tr(lang, r.zh, r.en)}</option> })
        .collect_view();

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
                    <select name="topic" on:change=on_topic>
                        <option value="" selected=move || filter.with(|f| f.topic.is_none())>{tr(lang, "全部主题", "All topics")}</option>
                        {topic_options}
                    </select>
                </label>
                <label class="finder__field">
                    <span>{tr(lang, "地区", "Region")}</span>
                    <select name="region" on:change=on_region>
                        <option value="" selected=move || filter.with(|f| f.region.is_none())>{tr(lang, "全部地区", "All regions")}</option>
                        {region_options}
                    </select>
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
