//! The reading page of an article (`NAME.read-ARTICLE.html`, `catalogue::pages::reading_page_file`):
//! the report's page opening on the reading view of that article, where the report's page sends a
//! link to it (`?read=ARTICLE`, index.html's first script). Its boot shell is the masthead and the
//! article's text as the reading view draws it (`views::reader::reader_panel`, made inert like the
//! rest of the shell), so the first paint is the text; the rest of the page is the app's, below it.
//!
//! The reading view is drawn by the on-demand module, which holds the report's text: the app's
//! own first view has only a placeholder where the article goes. So the page carries a script of
//! its own (`reading_hand_over.js`) that puts a copy of the shell's article in the app's desk, so
//! the app, laid out under the shell, is the shell's whenever it takes over, and removes the shell
//! as soon as the module has drawn the article, whose numbers then answer.
//!
//! Made from the report's page as written, in one pass ([`reading_page`]), as table pages are:
//! a site of many reports has many articles.

use lol_html::element;
use lol_html::html_content::ContentType;

use facts::i18n::Lang;
use facts::Catalogue;
use views::html;
use views::markup;

use crate::first_view::inert;
use crate::page::{elements, rewrite};
use crate::{PageView, PublishError, ReportPage};

/// The reading view's styles (the reading page's shell draws it before the module brings them).
const READER_CSS: &str = include_str!("../../../style/reader.css");

/// The reading page's own script: see the module.
const HAND_OVER_JS: &str = include_str!("reading_hand_over.js");

/// [`HAND_OVER_JS`] minified, once for every reading page.
fn hand_over_script() -> Result<String, PublishError> {
    static MINIFIED: std::sync::OnceLock<Result<String, PublishError>> = std::sync::OnceLock::new();
    MINIFIED.get_or_init(|| crate::minify_js::minify(HAND_OVER_JS)).clone()
}

/// The shell's view of a reading page in `lang`: the reading view of `article` (the app's desk,
/// `src/components/report_desk.rs`, where the module draws it) as the first view, inert and
/// without the numbers' tooltips, which the module brings with the numbers' answers; its
/// `.reader` carries where its facts' sentences lie (`reading_quotes`). `None` for an article the
/// catalogue does not have, or whose text is not in `text`.
pub fn reading_view(
    catalogue: &Catalogue,
    text: &str,
    lang: Lang,
    article: &str,
) -> Result<Option<String>, PublishError> {
    let Some(panel) = views::reader::reader_panel(catalogue, text, article, None, lang) else {
        return Ok(None);
    };
    // Where each of its facts' sentences lies, for the page's script to mark the one a link names.
    let quotes = crate::reading_quotes::quote_places(catalogue, text, lang, article, without_tips)?;
    let panel = rewrite(
        &without_tips(panel.as_str())?,
        vec![element!("section.reader", |el| {
            if !quotes.is_empty() {
                el.set_attribute("data-quotes", &quotes)?;
            }
            Ok(())
        })],
    )?;
    // The desk's place in the app's first view: first in <main>, above the headline figures.
    let view = html!(
        "<div class=\"boot__view\" aria-hidden=\"true\"><div class=\"boot__desk\">{}</div></div>",
        html::Html::trusted(panel)
    );
    // The first screen is the masthead's: the article below it reads as it arrives, each line
    // after the last.
    let view = format!("{}{}", crate::page::FIRST_SCREEN_END, inert(view.as_str())?);
    Ok(Some(crate::compact_markup::compact_attributes(&view)))
}

/// The reading view's markup without the numbers' tooltips, as the shell shows it.
fn without_tips(markup: &str) -> Result<String, PublishError> {
    rewrite(
        markup,
        vec![element!(".read__tip", |el| {
            el.remove();
            Ok(())
        })],
    )
}

/// The masthead's links into the report as the app writes them with `article` open (its link
/// marked current), inert.
pub fn reading_tools(catalogue: &Catalogue, lang: Lang, article: &str) -> Result<String, PublishError> {
    let tools = markup::report_tools(catalogue, Some(article), false, lang);
    Ok(crate::compact_markup::compact_attributes(&inert(tools.as_str())?))
}

/// The reading page `page` of report `report` (its text `text`, its catalogue open), from `main`,
/// its page in the same language as the publish step writes it (with its `<noscript>`, without
/// policy: the caller adds it, the reading page's style and scripts being its own). In one pass:
/// the first view becomes the article's ([`reading_view`]) and the masthead's links say it is
/// open; the site block is the page's (`reports::site_json_from`); the preloads of the on-demand
/// module and of the report's file, then the page's own script, follow Trunk's loader; the style
/// loses the drawings' rules (`first_view::head_style`: the page draws no chart) and gains the
/// reading view's; the `<noscript>` goes to the article in the plain page; the link preview's
/// tags go.
pub fn reading_page(
    main: &str,
    catalogue: &'static Catalogue,
    report: &facts::Report,
    page: &ReportPage,
) -> Result<String, PublishError> {
    let PageView::Reading(article) = page.view else {
        return Err(PublishError("a reading page names its article".into()));
    };
    let lang = page.lang;
    let missing = || PublishError(format!("{}: no article {article:?} to open", report.name));
    let view = reading_view(catalogue, &report.text, lang, article)?.ok_or_else(missing)?;
    let tools = reading_tools(catalogue, lang, article)?;
    let site = elements(main, "script#site")?.into_iter().next().map(|e| e.text).unwrap_or_default();
    let site = crate::reports::site_json_from(&site, &report.name, page)?;
    // A page without a boot shell (a test's) is left without one, and its style as it is.
    let shell = !elements(main, "#boot")?.is_empty();
    let style = if shell { Some(reading_style(main)?) } else { None };
    let script = format!("{}<script>{}</script>", module_preloads(catalogue, &site)?, hand_over_script()?);
    let plain = catalogue::pages::plain_page_file(&report.name, lang == Lang::En);
    let noscript = main.matches(&format!("url={plain}\"")).count();
    if noscript != 1 {
        return Err(PublishError(format!("{}: {noscript} redirects to {plain} in the page", report.name)));
    }
    // Article ids are lowercase letters, digits and '-' (checked by `verify`), as the plain page's
    // anchors are (`plain_report`).
    let main = main.replacen(&format!("url={plain}\""), &format!("url={plain}#article-{article}\""), 1);
    let (mut views, mut shells, mut loaders) = (0, 0, 0);
    let html = rewrite(
        &main,
        vec![
            element!("#boot", |_| {
                shells += 1;
                Ok(())
            }),
            element!("#boot .boot__view", |el| {
                el.replace(&view, ContentType::Html);
                views += 1;
                Ok(())
            }),
            element!("#boot .report-tools-host", |el| {
                el.set_inner_content(&tools, ContentType::Html);
                Ok(())
            }),
            element!("script#site", |el| {
                el.set_inner_content(&site, ContentType::Html);
                Ok(())
            }),
            // Last of the head's scripts: the first decides whether this page draws the view (it
            // may send the reader on) and the app's code is asked for right after it
            // (`page::with_preloads_after_first_script`); this one must only run before the app
            // mounts.
            element!("script[type=module]", |el| {
                el.after(&script, ContentType::Html);
                loaders += 1;
                Ok(())
            }),
            // A link preview is drawn from the address a reader shares, which is the report's
            // page's (this page shows that address, and a preview's fetch runs no script to come
            // here): the preview's tags here would never be read.
            element!("meta[property^='og:'], meta[name^='twitter:']", |el| {
                el.remove();
                Ok(())
            }),
            element!("style", |el| {
                if let Some(style) = &style {
                    el.set_inner_content(style, ContentType::Html);
                }
                Ok(())
            }),
        ],
    )?;
    if shells != views || shells != usize::from(shell) || loaders != 1 {
        return Err(PublishError(format!(
            "{}: the page has {shells} boot shells, {views} first views and {loaders} loaders",
            report.name
        )));
    }
    Ok(html)
}

/// The links that ask for the on-demand module's two files and the report's file (with the text)
/// as the page is parsed: the reading view is the module's, and the app would ask for them only
/// once it has started. At the addresses the app uses (`views::module_call::module_version`, the
/// site block's `report`), fetched as the app fetches them (a script; `fetch()` for the others), so
/// each is fetched once (`budget.test.mjs`).
fn module_preloads(catalogue: &Catalogue, site: &str) -> Result<String, PublishError> {
    let site: serde_json::Value =
        serde_json::from_str(site).map_err(|e| PublishError(format!("the reading page's site block: {e}")))?;
    let report = site["report"].as_str().unwrap_or_default();
    let version = views::module_call::module_version(catalogue);
    // Paths and versions are letters, digits, '-', '_', '.' and '/' (the site block's, `reports`).
    let mut links = format!(
        "<link rel=preload href=\"extras.js?v={version}\" as=script><link rel=preload href=\"extras_bg.wasm?v={version}\" as=fetch crossorigin>"
    );
    if !report.is_empty() {
        links.push_str(&format!("<link rel=preload href=\"{report}\" as=fetch crossorigin>"));
    }
    Ok(links)
}

/// The text of the reading page's `<style>`: the page's one style (`page::with_one_style`) without
/// the drawings' rules (`first_view::head_style`), with the reading view's.
fn reading_style(main: &str) -> Result<String, PublishError> {
    let styles = elements(main, "style")?;
    let [style] = styles.as_slice() else {
        return Err(PublishError(format!("the page has {} styles, not one", styles.len())));
    };
    let drawings = crate::first_view::drawings_style_in(&style.text)
        .ok_or_else(|| PublishError("the page's style does not hold the drawings' rules".into()))?;
    let mut text = style.text.clone();
    text.replace_range(drawings, "");
    Ok(format!("{text}{}", compact_css(READER_CSS)))
}

/// `css` without its comments and the spaces nothing needs: the project's own style sheets, with
/// no strings or escapes in them, where a space only matters between two words of a selector or
/// a value.
pub fn compact_css(css: &str) -> String {
    let mut text = String::with_capacity(css.len());
    let mut rest = css;
    while let Some(start) = rest.find("/*") {
        text.push_str(&rest[..start]);
        rest = rest[start..].find("*/").map_or("", |end| &rest[start + end + 2..]);
    }
    text.push_str(rest);
    let words: Vec<&str> = text.split_whitespace().collect();
    let mut out = String::with_capacity(text.len());
    for word in words {
        let joins = out.ends_with(['{', '}', ';', ',', ':', '(']) || word.starts_with(['{', '}', ';', ',', ')']);
        if !out.is_empty() && !joins {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.replace(";}", "}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn compact_css_keeps_what_the_rules_mean() {
        let css = "/* a */\n.a .b:hover, .c {\n  color: red; margin: 0 0 4px;\n}\n@media (prefers-color-scheme: dark) { :root .x { top: 0; } }\n";
        assert_eq!(
            compact_css(css),
            ".a .b:hover,.c{color:red;margin:0 0 4px}@media (prefers-color-scheme:dark){:root .x{top:0}}"
        );
        // The reading view's own sheet loses only comments and spaces.
        let compact = compact_css(READER_CSS);
        assert!(
            !compact.contains("/*")
                && compact.contains(".read__num:hover .read__tip,.read__num:focus-within .read__tip{display:block}")
        );
        assert_eq!(compact.matches('{').count(), READER_CSS.matches('{').count());
    }
}
