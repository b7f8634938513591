use leptos::html::Button;
use leptos::prelude::*;

use super::state::use_ui;
use crate::fact_text;
use crate::facts::CATALOGUE;
use crate::provenance;

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

    let content = move || {
        let lang = ui.lang.get();
        let f = ui.selected.get().and_then(|id| CATALOGUE.fact(id))?;
        let t = fact_text::describe(&CATALOGUE, f, lang);
        let ctx = provenance::context(CATALOGUE.seed_text, f.quote_offset, f.quote);
        let paragraph = match ctx {
            Some(c) => view! {
                <p class="source__paragraph" lang="zh-CN">
                    {c.before.to_string()}<mark class="source__quote">{c.quote.to_string()}</mark>{c.after.to_string()}
                </p>
            }
            .into_any(),
            None => {
                view! { <p class="source__paragraph" lang="zh-CN"><mark class="source__quote">{f.quote}</mark></p> }
                    .into_any()
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
