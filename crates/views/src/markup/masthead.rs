//! The masthead: the site's title and lede, its toggles' labels, and the way into the report.

use crate::html;
use crate::html::Html;
use facts::i18n::Lang;
use facts::Catalogue;

/// The masthead's lede and its buttons' labels (Chinese, English): the app's masthead and the boot
/// shell's (drawn at build time) say the same. The site's name above them is a site setting
/// (`seeds/site.toml`, `facts::Site`), which the page's site block carries.
pub const LEDE: (&str, &str) = (
    "报告中的每一个数字，连同说出它的原句。点击任一数字查看出处。",
    "Every number in the report, with the sentence that states it. Choose any number to see its source.",
);

pub const THEME_LABEL: (&str, &str) = ("深色", "Dark");

/// The language button names the other language.
pub const LANG_LABEL: (&str, &str) = ("English", "中文");

/// The masthead's way into the report: a link to each article's full text (`?read=ID`) and the
/// claim checker's button. `read` is the article open, `checking` whether the checker is.
pub fn report_tools(catalogue: &Catalogue, read: Option<&str>, checking: bool, lang: Lang) -> Html {
    let articles: Html = catalogue
        .articles
        .iter()
        .map(|a| {
            let current = if read == Some(&a.id) { html!(" aria-current=\"true\"") } else { Html::default() };
            html!(
                "<a class=\"report-tools__read\" href=\"?read={}\" data-read-article=\"{}\"{}>{}</a>",
                a.id,
                a.id,
                current,
                lang.pick(&a.title_zh, &a.title_en)
            )
        })
        .collect();
    html!(
        "<nav class=\"report-tools\" aria-label=\"{}\"><span class=\"report-tools__label\">{}</span>{}<button type=\"button\" class=\"report-tools__check\" aria-expanded=\"{}\" aria-controls=\"checker\" data-focus=\"check\">{}</button></nav>",
        lang.pick("报告原文与核对", "The report and its claims"),
        lang.pick("阅读原文：", "Read the report:"),
        articles,
        checking,
        lang.pick("核对一句话", "Check a claim")
    )
}
