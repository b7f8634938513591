//! A chart's download menu: its formats, and what it says while saving.

use crate::downloads::Format;
use crate::html;
use crate::html::Html;
use facts::i18n::Lang;

pub(super) fn format_label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Png => lang.pick("图片 PNG（2倍）", "Image, PNG (2x)"),
        Format::CopyPng => lang.pick("复制图片（PNG，2倍）", "Copy image (PNG, 2x)"),
        Format::Svg => lang.pick("矢量图 SVG", "Vector image, SVG"),
        Format::Csv => lang.pick("本图数据 CSV", "This chart's data (CSV)"),
        Format::Json => lang.pick("本图数据 JSON", "This chart's data (JSON)"),
        Format::AllCsv => lang.pick("全部数据 CSV", "All data (CSV)"),
        Format::AllJson => lang.pick("全部数据 JSON", "All data (JSON)"),
    }
}

/// The download menu's button.
pub fn downloads_toggle(panel_id: &str, open: bool, lang: Lang) -> Html {
    html!(
        "<button type=\"button\" class=\"downloads__toggle\" aria-expanded=\"{}\" aria-controls=\"{}\" data-focus=\"toggle\">{}</button>",
        open,
        panel_id,
        lang.pick("下载", "Download")
    )
}

/// The download menu's formats: this chart's (disabled when the chart has no spec) and the whole
/// catalogue's. `data-format` says which was chosen.
pub fn downloads_panel(panel_id: &str, lang: Lang, chart_missing: bool) -> Html {
    let item = |f: Format| {
        let disabled = if chart_missing && !f.is_catalogue() { html!(" disabled") } else { Html::default() };
        html!(
            "<li><button type=\"button\" class=\"downloads__item\" data-format=\"{}\" data-focus=\"{}\"{}>{}</button></li>",
            f.id(),
            f.id(),
            disabled,
            format_label(f, lang)
        )
    };
    html!(
        "<div class=\"downloads__panel\" id=\"{}\" role=\"group\" aria-label=\"{}\"><ul class=\"downloads__list\">{}{}{}{}{}</ul><ul class=\"downloads__list downloads__list--all\">{}{}</ul></div>",
        panel_id,
        lang.pick("下载格式", "Download formats"),
        item(Format::Png),
        item(Format::CopyPng),
        item(Format::Svg),
        item(Format::Csv),
        item(Format::Json),
        item(Format::AllCsv),
        item(Format::AllJson)
    )
}

/// Under the download menu: "preparing the file" while it is made, and what went wrong if it failed.
pub fn downloads_messages(busy: bool, error: Option<&str>, lang: Lang) -> Html {
    let mut out = Html::default();
    if busy {
        out.push(&html!(
            "<p class=\"downloads__status\" role=\"status\">{}</p>",
            lang.pick("正在准备文件…", "Preparing the file…")
        ));
    }
    if let Some(e) = error {
        out.push(&html!("<p class=\"downloads__error\" role=\"alert\">{}</p>", e));
    }
    out
}
