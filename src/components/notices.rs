use leptos::prelude::*;

use super::state::{tr, use_ui};

const MAX_SHOWN: usize = 8;

/// What a link asked for that could not be shown, and what was shown instead. Values from the
/// URL are rendered as text, never as markup.
#[component]
pub fn Notices() -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    view! {
        <Show when=move || !ui.notices.with(Vec::is_empty)>
            <div class="notices" role="status">
                <p class="notices__title">
                    {tr(lang, "链接中的部分内容无法显示，已打开最接近的视图：", "Parts of this link could not be shown; the closest view is open instead:")}
                </p>
                <ul>
                    {move || {
                        // A crafted link can produce hundreds of notices; the first few say enough.
                        let all = ui.notices.get();
                        let more = all.len().saturating_sub(MAX_SHOWN);
                        let extra = (more > 0).then(|| {
                            let text = match lang.get() {
                                crate::i18n::Lang::Zh => format!("另有 {more} 项未列出。"),
                                crate::i18n::Lang::En => format!("{more} more not listed."),
                            };
                            view! { <li>{text}</li> }
                        });
                        (all.iter().take(MAX_SHOWN).map(|n| view! { <li>{n.message(lang.get())}</li> }).collect_view(), extra)
                    }}
                </ul>
                <button class="notices__close" on:click=move |_| ui.notices.set(Vec::new())>
                    {tr(lang, "知道了", "Dismiss")}
                </button>
            </div>
        </Show>
    }
}
