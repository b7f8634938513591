use leptos::prelude::*;

use super::filter_bar::FilterBar;
use super::overview::Overview;
use super::section::Section;
use super::source_panel::SourcePanel;
use super::state::UiState;
use crate::charts::registry::SECTIONS;
use crate::i18n::Lang;

#[component]
pub fn App() -> impl IntoView {
    let ui = UiState::new();
    provide_context(ui);
    let lang = ui.lang;
    // <html lang> follows the interface language.
    Effect::new(move |_| {
        if let Some(html) = document().document_element() {
            let _ = html.set_attribute("lang", lang.get().tag());
        }
    });
    let toggle = move |_| lang.update(|l| *l = if *l == Lang::Zh { Lang::En } else { Lang::Zh });

    view! {
        <header class="masthead">
            <div class="masthead__row">
                <h1>{move || lang.get().pick("中小企业与产业数据看板", "SME and industry indicator dashboard")}</h1>
                <button class="lang-toggle" on:click=toggle lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                    {move || lang.get().pick("English", "中文")}
                </button>
            </div>
            <p class="lede">
                {move || lang.get().pick(
                    "报告中的每一个数字，连同说出它的原句。点击任一数字查看出处。",
                    "Every number in the report, with the sentence that states it. Choose any number to see its source.",
                )}
            </p>
        </header>
        <main id="main">
            <Overview/>
            <FilterBar/>
            {SECTIONS.iter().map(|def| view! { <Section def=def/> }).collect_view()}
        </main>
        <SourcePanel/>
    }
}
