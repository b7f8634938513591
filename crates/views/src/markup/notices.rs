//! The notices about a link: what it asked for that cannot be shown, and why.

use crate::html;
use crate::html::Html;
use crate::view_state::Notice;
use facts::i18n::Lang;

/// At most this many notices are listed: a crafted link can produce hundreds.
pub(super) const MAX_NOTICES: usize = 8;

/// What a link asked for that could not be shown; empty when all of it could.
pub fn notices(list: &[Notice], lang: Lang) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    let mut items: Html = list.iter().take(MAX_NOTICES).map(|n| html!("<li>{}</li>", n.message(lang))).collect();
    let more = list.len().saturating_sub(MAX_NOTICES);
    if more > 0 {
        items.push(&match lang {
            Lang::Zh => html!("<li>另有 {} 项未列出。</li>", more),
            Lang::En => html!("<li>{} more not listed.</li>", more),
        });
    }
    html!(
        "<div class=\"notices\" role=\"status\"><p class=\"notices__title\">{}</p><ul>{}</ul><button class=\"notices__close\">{}</button></div>",
        lang.pick(
            "链接中的部分内容无法显示，已打开最接近的视图：",
            "Parts of this link could not be shown; the closest view is open instead:"
        ),
        items,
        lang.pick("知道了", "Dismiss")
    )
}
