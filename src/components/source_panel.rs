use leptos::html::Button;
use leptos::prelude::*;

use super::extras;
use super::state::{scoped_memo, use_ui};
use crate::fact_text;
use crate::facts::CATALOGUE;

/// The selected fact's sentence, highlighted inside its paragraph of the report, with the article
/// it comes from. Esc or the close button dismisses it.
#[component]
pub fn SourcePanel() -> impl IntoView {
    let ui = use_ui();
    let close_ref = NodeRef::<Button>::new();
    let close = move || ui.select(None, None);
    let handle = window_event_listener(leptos::ev::keydown, move |ev| {
        if ev.key() == "Escape" && ui.selected.get_untracked().is_some() {
            close();
        }
    });
    on_cleanup(move || handle.remove());
    // Move focus into the panel when it opens, so keyboard readers land on it.
    Effect::new(move |_| {
        if ui.selected.get().is_some() {
            if let Some(b) = close_ref.get() {
                let _ = b.focus();
            }
        }
    });

    // The paragraph around the quote comes from the on-demand module (it holds the report's text);
    // until it arrives, or if it cannot load, the quote is shown on its own.
    let around = RwSignal::new(None::<(&'static str, (String, String, String))>);
    Effect::new(move |_| {
        if let Some(id) = ui.selected.get() {
            leptos::task::spawn_local(async move {
                if let Ok(Some(parts)) = extras::source_paragraph(id).await {
                    let _ = around.try_set(Some((id, parts)));
                }
            });
        }
    });

    let content = move || {
        let lang = ui.lang.get();
        let f = ui.selected.get().and_then(|id| CATALOGUE.fact(id))?;
        let t = fact_text::describe(&CATALOGUE, f, lang);
        let id = f.id;
        // This view is rebuilt for every fact opened: read `around` through a scoped memo (see
        // `state::scoped_memo`), or each rebuild would leave a reader subscribed to it.
        let around = scoped_memo(move || around.get());
        let paragraph = move || {
            let (before, quote, after) = around
                .with(|a| a.as_ref().filter(|(fact, _)| *fact == id).map(|(_, parts)| parts.clone()))
                .unwrap_or_else(|| (String::new(), f.quote.to_string(), String::new()));
            view! {
                <p class="source__paragraph" lang="zh-CN">
                    {before}<mark class="source__quote">{quote}</mark>{after}
                </p>
            }
        };
        let gloss = (!t.gloss.is_empty()).then(|| view! { <p class="source__gloss">{t.gloss.clone()}</p> });
        Some(view! {
            <aside class="source" role="dialog" aria-modal="false" aria-labelledby="source-title" data-fact=f.id>
                <div class="source__head">
                    <h2 id="source-title">{lang.pick("出处", "Source")}</h2>
                    <button class="source__close" node_ref=close_ref on:click=move |_| close()
                        aria-label=lang.pick("关闭出处", "Close source")>"×"</button>
                </div>
                <p class="source__fact"><strong>{t.label}</strong>{lang.pick("：", ": ")}{t.value}</p>
                <p class="source__meta">{format!("{} · {} · {}", t.qualifier, t.period, t.region)}</p>
                <p class="source__article">{t.article}</p>
                {paragraph}
                {gloss}
            </aside>
        })
    };
    view! { {content} }
}
