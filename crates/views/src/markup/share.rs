//! The share button and panel: the link to this view, embed code, and the way back from an embed.

use crate::html;
use crate::html::Html;
use facts::i18n::Lang;

/// The share button for a chart.
pub fn share_chart_toggle(open: bool, lang: Lang) -> Html {
    share_toggle(open, lang.pick("分享图表", "Share chart"))
}

/// The share button for the page.
pub fn share_page_toggle(open: bool, lang: Lang) -> Html {
    share_toggle(open, lang.pick("分享此页", "Share page"))
}

pub(super) fn share_toggle(open: bool, label: &str) -> Html {
    html!("<button class=\"share__toggle\" aria-expanded=\"{}\" data-focus=\"toggle\">{}</button>", open, label)
}

/// The share panel of the hosted page: the link (selected on focus, to copy by hand), a copy
/// button, a status line, and a place for what the on-demand module adds ([`embed_field`] for a
/// chart, the system share sheet's button where the browser has one, the QR code, references).
pub fn share_panel(input_id: &str, link: &str, more: &Html, lang: Lang) -> Html {
    html!(
        "<div class=\"share__panel\"><label class=\"share__field\" for=\"{}\">{}</label><div class=\"share__row\"><input id=\"{}\" class=\"share__link\" type=\"text\" readonly value=\"{}\" data-focus=\"link\"><button class=\"share__copy\" data-focus=\"copy\">{}</button></div><p class=\"share__status\" role=\"status\"></p><div class=\"share__more\">{}</div></div>",
        input_id,
        lang.pick("链接", "Link"),
        input_id,
        link,
        lang.pick("复制链接", "Copy link"),
        more
    )
}

/// Where an open share panel goes, beside its button: the on-demand module draws the panel into
/// it (`share_panel`, or `share_panel_offline`). Its id is the panel's link field's plus `-panel`.
pub fn share_panel_host(input_id: &str) -> Html {
    html!("<div class=\"share__panel-host\" id=\"{}-panel\"></div>", input_id)
}

/// The code that embeds a chart in another page: an iframe of `embed_url`, as text to copy.
pub fn embed_field(embed_url: &str, lang: Lang) -> Html {
    // Markup for the reader to paste into their own page, escaped like any other.
    let code = html!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>",
        embed_url,
        lang.pick("图表", "Chart")
    );
    html!(
        "<label class=\"share__field\">{}<textarea class=\"share__embed\" readonly rows=\"3\">{}</textarea></label>",
        lang.pick("嵌入代码", "Embed code"),
        code.as_str()
    )
}

/// The share panel of the offline copy, opened from a file: there is no address to share, and it
/// says so.
pub fn share_panel_offline(lang: Lang) -> Html {
    html!(
        "<div class=\"share__panel\" role=\"note\"><p class=\"share__offline\">{}</p></div>",
        lang.pick(
            "这是离线单文件版本：链接只能在托管的网页上打开。请在发布的看板网址上分享。",
            "This is the offline single-file copy: links only open on the hosted page. Share from the published dashboard's address."
        )
    )
}

/// What the share panel's status line says after a copy.
pub fn share_status(copied: bool, lang: Lang) -> &'static str {
    if copied {
        lang.pick("已复制链接。", "Link copied.")
    } else {
        lang.pick(
            "无法自动复制：链接已选中，请按 Ctrl+C 复制。",
            "Could not copy automatically: the link is selected, press Ctrl+C to copy it.",
        )
    }
}

/// The embedded chart's link back to the full dashboard (opens in a new tab).
pub fn embed_back(href: &str, lang: Lang) -> Html {
    html!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
        href,
        lang.pick("在完整看板中打开 ↗", "Open in the full dashboard ↗")
    )
}
