//! Reading and rewriting the built pages with `lol_html`, a streaming HTML rewriter that
//! tokenises as browsers do (comments, raw-text `<script>` and `<style>`, `<title>` text, unquoted
//! attributes as minifiers write them). Every change to a page goes through [`rewrite`].

use std::borrow::Cow;
use std::cell::RefCell;

use lol_html::html_content::ContentType;
use lol_html::{element, rewrite_str, text, ElementContentHandlers, RewriteStrSettings, Selector};

use crate::{csp_hash, InlineHashes, PublishError};

/// Selector and handlers, as `lol_html`'s `element!` and `text!` make them.
pub type Handler<'h> = (Cow<'static, Selector>, ElementContentHandlers<'h>);

/// `html` with `handlers` applied; a handler's error names what it refused.
pub fn rewrite(html: &str, handlers: Vec<Handler<'_>>) -> Result<String, PublishError> {
    rewrite_str(html, RewriteStrSettings { element_content_handlers: handlers, ..RewriteStrSettings::new() })
        .map_err(|e| PublishError(e.to_string()))
}

/// Where a page's first screen ends. index.html's `<link rel="expect" href="#first-screen-end"
/// blocking="render">` holds Chromium's first paint until the parser has passed this mark, so that
/// paint shows the masthead, the headline figures, the finder and the first section whole. Painted
/// between two packets, a half-parsed row moved when the rest of it arrived: a select with half
/// its options, a toolbar with half its buttons, a lone chart whose section's end had not come
/// (streamed-page.test.mjs). The mark is hidden, so it takes no place in any layout; a page
/// without it paints once parsed (the standard's fallback), and a browser without `rel=expect`
/// paints as before.
pub(crate) const FIRST_SCREEN_END: &str = "<div id=\"first-screen-end\" hidden></div>";

/// `markup` with [`FIRST_SCREEN_END`] right after the first element `selector` matches (unchanged
/// without one).
pub(crate) fn with_first_screen_end_after(markup: &str, selector: &str) -> Result<String, PublishError> {
    let placed = std::cell::Cell::new(false);
    rewrite(
        markup,
        vec![element!(selector, |el| {
            if !placed.replace(true) {
                el.after(FIRST_SCREEN_END, ContentType::Html);
            }
            Ok(())
        })],
    )
}

/// One element as [`elements`] found it.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Element {
    /// Lower case.
    pub name: String,
    /// Names lower case, values as the parser reads them.
    pub attrs: Vec<(String, String)>,
    /// The text of a raw-text element (`script`, `style`); empty for others.
    pub text: String,
}

impl Element {
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_str())
    }
}

/// The elements matching `selector` (a CSS selector, written in this program), in page order,
/// with the text of those that are `script` or `style`.
pub fn elements(html: &str, selector: &'static str) -> Result<Vec<Element>, PublishError> {
    let found = RefCell::new(Vec::<Element>::new());
    // The raw-text element whose text is being read, if `selector` matched it.
    let reading = RefCell::new(None::<usize>);
    rewrite(
        html,
        vec![
            element!("script, style", |_| {
                *reading.borrow_mut() = None;
                Ok(())
            }),
            element!(selector, |el| {
                let attrs = el.attributes().iter().map(|a| (a.name(), a.value())).collect();
                let name = el.tag_name();
                let mut found = found.borrow_mut();
                if name == "script" || name == "style" {
                    *reading.borrow_mut() = Some(found.len());
                }
                found.push(Element { name, attrs, text: String::new() });
                Ok(())
            }),
            text!("script, style", |t| {
                if let Some(e) = *reading.borrow() {
                    if let Some(e) = found.borrow_mut().get_mut(e) {
                        e.text.push_str(t.as_str());
                    }
                }
                Ok(())
            }),
        ],
    )?;
    Ok(found.into_inner())
}

/// True for a `<script>` whose text the browser runs (no `src`; classic or module), as opposed
/// to a data block (`type="application/json"` and the like), which CSP does not govern.
pub fn is_inline_executable(e: &Element) -> bool {
    e.name == "script"
        && e.attr("src").is_none()
        && match e.attr("type").map(|t| t.trim().to_ascii_lowercase()) {
            None => true,
            Some(t) => t.is_empty() || t == "module" || t == "text/javascript" || t == "application/javascript",
        }
}

/// A module script (`type="module"`): it runs once the page is parsed, not where it stands.
fn is_module(e: &Element) -> bool {
    e.attr("type").is_some_and(|t| t.trim().eq_ignore_ascii_case("module"))
}

/// Trunk's loader: the inline module script that imports the wasm-bindgen module (a `.js` file)
/// and starts the wasm. The page's other inline scripts are classic ones.
pub fn is_trunk_loader(e: &Element) -> bool {
    is_inline_executable(e) && is_module(e) && e.text.contains("import") && e.text.contains(".js")
}

/// Trunk's loader without `window.wasmBindings`, the app's exports as a global for scripts to
/// call: nothing calls them (the page's scripts and the app talk through `window.dashboard*`),
/// and the first load is 15 B gzipped lighter without. A loader written otherwise is left as it is.
pub fn without_bindings_global(loader: &str) -> String {
    let (import, global) = (", * as bindings from", "window.wasmBindings = bindings;");
    if loader.matches(import).count() != 1 || loader.matches(global).count() != 1 {
        return loader.to_string();
    }
    loader.replacen(import, " from", 1).replacen(global, "", 1)
}

/// The links that preload the app's code, which Trunk writes at the end of the head.
const PRELOADS: &str = "link[rel~='preload'], link[rel~='modulepreload']";

/// Trunk's live-reload script (`trunk serve` builds only).
pub fn is_trunk_autoreload(e: &Element) -> bool {
    is_inline_executable(e) && e.text.contains(".well-known/trunk/ws")
}

/// The CSP hash sources of every inline script `html` runs and of every `<style>` element.
pub fn inline_hashes(html: &str) -> Result<InlineHashes, PublishError> {
    let mut hashes = InlineHashes::default();
    let add = |list: &mut Vec<String>, h: String| {
        if !list.contains(&h) {
            list.push(h);
        }
    };
    for e in elements(html, "script, style")? {
        if is_inline_executable(&e) {
            add(&mut hashes.scripts, csp_hash(&e.text));
        } else if e.name == "style" {
            add(&mut hashes.styles, csp_hash(&e.text));
        }
    }
    Ok(hashes)
}

fn is_csp(http_equiv: Option<String>) -> bool {
    http_equiv.is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// Removes every CSP `<meta>`, so publishing twice gives one.
pub fn remove_csp_meta(html: &str) -> Result<String, PublishError> {
    rewrite(
        html,
        vec![element!("meta[http-equiv]", |el| {
            if is_csp(el.get_attribute("http-equiv")) {
                el.remove();
            }
            Ok(())
        })],
    )
}

/// Escapes `"`, `&`, `<` and `>` for an attribute value.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Inserts `markup` at the start of the head: right after `<meta charset>`, or first in `<head>`
/// without one. (A minified page may have no `<head>` tag at all: HTML lets it be implied.)
pub(crate) fn insert_in_head(html: &str, markup: &str) -> Result<String, PublishError> {
    let has_charset = !elements(html, "meta[charset]")?.is_empty();
    let handler = if has_charset {
        element!("meta[charset]", |el| {
            el.after(markup, ContentType::Html);
            Ok(())
        })
    } else {
        element!("head", |el| {
            el.prepend(markup, ContentType::Html);
            Ok(())
        })
    };
    let out = rewrite(html, vec![handler])?;
    if out == html {
        return Err(PublishError("no <head> or <meta charset> to insert into".into()));
    }
    Ok(out)
}

/// Inserts `<meta http-equiv="Content-Security-Policy" content=policy>` right after `<meta
/// charset>`, or first in `<head>` without one (a policy applies only to what follows it, and a
/// charset declaration loads nothing). Any earlier CSP meta is replaced.
pub fn insert_csp_meta(html: &str, policy: &str) -> Result<String, PublishError> {
    let html = remove_csp_meta(html)?;
    insert_in_head(&html, &format!("<meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", attr_escape(policy)))
}

/// `html` without the elements `selector` matches: what the publish step inserts is removed first,
/// so publishing a page again gives the same page.
pub(crate) fn remove_all(html: &str, selector: &str) -> Result<String, PublishError> {
    rewrite(
        html,
        vec![element!(selector, |el| {
            el.remove();
            Ok(())
        })],
    )
}

/// `html` with the site block `<script type="application/json" id="site">json</script>` right
/// before the first script that runs (which reads it as the page is parsed), else early in the
/// head; a site block already there is replaced. `extra` follows it (offline.html puts the open
/// report's data there). Late rather than first in the head: its names (charts, the site's
/// title) are then written once before it, in the head's style and title, and gzip sends them
/// there as references.
pub fn with_site_block(html: &str, json: &str, extra: &str) -> Result<String, PublishError> {
    if json.contains("</") {
        return Err(PublishError("the site block cannot hold \"</\"".into()));
    }
    let without = remove_all(html, "script#site")?;
    at_first_classic_script(
        &without,
        &format!("<script type=\"application/json\" id=\"site\">{json}</script>{extra}"),
        false,
    )
}

/// `html` with `nav` right before the boot shell (`<div id="boot">`), at the top of the page and
/// outside what the app mounts or removes; a `nav.site-reports` already there is replaced.
/// Unchanged when the page has no boot shell.
pub fn with_reports_nav(html: &str, nav: &str) -> Result<String, PublishError> {
    let without = remove_all(html, "nav.site-reports")?;
    if nav.is_empty() {
        return Ok(without);
    }
    rewrite(
        &without,
        vec![element!("#boot", |el| {
            el.before(nav, ContentType::Html);
            Ok(())
        })],
    )
}

/// `html` with `shell` as the content of the boot shell (`<div id="boot">`) and `style` in the
/// head; unchanged when the page has no boot shell.
pub fn with_boot_shell(html: &str, shell: &str, style: &str) -> Result<String, PublishError> {
    if elements(html, "#boot")?.is_empty() {
        return Ok(html.to_string());
    }
    let filled = rewrite(
        html,
        vec![element!("#boot", |el| {
            el.set_inner_content(shell, ContentType::Html);
            Ok(())
        })],
    )?;
    insert_in_head(&filled, style)
}

/// `html` with its `<html lang>` saying `lang` (the page Trunk built says Chinese).
pub fn with_html_lang(html: &str, lang: facts::i18n::Lang) -> Result<String, PublishError> {
    rewrite(
        html,
        vec![element!("html", |el| {
            el.set_attribute("lang", lang.tag())?;
            Ok(())
        })],
    )
}

/// `html` with its head naming what the page shows: `<title>`, the description and the
/// link-preview titles and descriptions become `title` and `description`. Unless `keep_image`
/// (the site's address), the preview image, which shows the default report's figures, is dropped
/// (a card without an image rather than one with another report's numbers).
pub fn with_report_head(html: &str, title: &str, description: &str, keep_image: bool) -> Result<String, PublishError> {
    // lol_html writes an attribute's value as given but for `"`: a text's `&` is written `&amp;`
    // here, so "R&D;" stays text rather than a character reference.
    let (title_attr, description_attr) = (title.replace('&', "&amp;"), description.replace('&', "&amp;"));
    let (title_attr, description_attr) = (title_attr.as_str(), description_attr.as_str());
    rewrite(
        html,
        vec![
            element!("title", |el| {
                el.set_inner_content(title, ContentType::Text);
                Ok(())
            }),
            // The card's title, description and image are the og: tags' (index.html).
            element!("meta[property^='og:'], meta[name='twitter:card'], meta[name='description']", |el| {
                let key = el.get_attribute("property").or_else(|| el.get_attribute("name")).unwrap_or_default();
                match key.as_str() {
                    "og:title" => el.set_attribute("content", title_attr)?,
                    "og:description" | "description" => el.set_attribute("content", description_attr)?,
                    "twitter:card" if !keep_image => el.set_attribute("content", "summary")?,
                    k if !keep_image && k.starts_with("og:image") => el.remove(),
                    _ => {}
                }
                Ok(())
            }),
        ],
    )
}

/// `html` with its preload links (`rel=preload`, `rel=modulepreload`: the app's code, which Trunk
/// puts at the end of the head) moved, in their order, to right after its first classic inline
/// script, or to the start of the head when it has none. That script (index.html's first) decides
/// whether this page draws the view or sends the reader to its twin, so a page that sends the
/// reader on never asks for the code; what runs after it (the data's fetch, the page's helpers
/// for the app) no longer delays the request. Measured on the slow profile (a
/// phone's CPU, 1.6 Mbit/s): the wasm arrived about 70 ms sooner than with the links at the end.
pub fn with_preloads_after_first_script(html: &str) -> Result<String, PublishError> {
    let links = elements(html, PRELOADS)?;
    if links.is_empty() {
        return Ok(html.to_string());
    }
    let markup: String = links
        .iter()
        .map(|link| {
            let attrs: String = link
                .attrs
                .iter()
                .map(|(name, value)| match value.is_empty() {
                    true => format!(" {name}"),
                    // The parser gives a value as written, character references and all: only
                    // a `"` (from a value in single quotes) needs writing another way.
                    false => format!(" {name}=\"{}\"", value.replace('"', "&quot;")),
                })
                .collect();
            format!("<link{attrs}>")
        })
        .collect();
    let markup = crate::compact_markup::compact_attributes(&markup);
    let without = remove_all(html, PRELOADS)?;
    at_first_classic_script(&without, &markup, true)
}

/// `html` with `markup` right before (or `after`) its first classic inline script, or early in
/// the head when it has none.
fn at_first_classic_script(html: &str, markup: &str, after: bool) -> Result<String, PublishError> {
    let scripts = elements(html, "script")?;
    let Some(first) = scripts.iter().position(|e| is_inline_executable(e) && !is_module(e)) else {
        return insert_in_head(html, markup);
    };
    let mut seen = 0;
    rewrite(
        html,
        vec![element!("script", |el| {
            if seen == first {
                match after {
                    true => el.after(markup, ContentType::Html),
                    false => el.before(markup, ContentType::Html),
                }
            }
            seen += 1;
            Ok(())
        })],
    )
}

/// A plain page from the built page: its head (styles, icon) without any script or preload, and
/// `body` as the whole of its body. The publish step writes the list of every report this way.
pub fn plain_page(html: &str, body: &str) -> Result<String, PublishError> {
    rewrite(
        html,
        vec![
            element!(&format!("script, {PRELOADS}"), |el| {
                el.remove();
                Ok(())
            }),
            element!("body", |el| {
                el.set_inner_content(body, ContentType::Html);
                Ok(())
            }),
        ],
    )
}

/// The type index.html gives a script for the publish step to minify ([`with_minified_scripts`]):
/// not a script type, so Trunk leaves it as written.
pub const MINIFIED_HERE: &str = "text/x-minify";

/// `html` with its inline scripts minified by oxc (`minify_js::minify_as`), each the same from one
/// build to the next: a script of type [`MINIFIED_HERE`] becomes a classic script, and Trunk's
/// loader (a module) is minified as one, without its global of the app's exports
/// ([`without_bindings_global`]). Trunk's live-reload script and data blocks are left as they are.
pub fn with_minified_scripts(html: &str) -> Result<String, PublishError> {
    let scripts = elements(html, "script")?;
    let mut next = scripts.iter();
    rewrite(
        html,
        vec![element!("script", |el| {
            let Some(e) = next.next() else { return Ok(()) };
            let module = is_trunk_loader(e);
            if !module && e.attr("type") != Some(MINIFIED_HERE) {
                return Ok(());
            }
            let text = if module { without_bindings_global(&e.text) } else { e.text.clone() };
            let js = crate::minify_js::minify_as(&text, module)?;
            // Raw text ends at the first `</script`, whatever the script meant by it.
            if js.to_ascii_lowercase().contains("</script") {
                return Err(PublishError("a minified inline script holds \"</script\"".into()).into());
            }
            if !module {
                el.remove_attribute("type");
            }
            el.set_inner_content(&js, ContentType::Html);
            Ok(())
        })],
    )
}

/// `html` with its `<style>` elements as one, the first, holding all their rules in page order
/// (the cascade is the same): each inline style costs the page's policy a hash that does not
/// compress, and the first load every byte. Unchanged with one or none, or when a style has any
/// attribute (a `media` would not hold for the others' rules).
pub fn with_one_style(html: &str) -> Result<String, PublishError> {
    let styles = elements(html, "style")?;
    if styles.len() < 2 || styles.iter().any(|s| !s.attrs.is_empty()) {
        return Ok(html.to_string());
    }
    let all: String = styles.iter().map(|s| s.text.as_str()).collect();
    let mut first = true;
    rewrite(
        html,
        vec![element!("style", move |el| {
            if std::mem::take(&mut first) {
                el.set_inner_content(&all, ContentType::Html);
            } else {
                el.remove();
            }
            Ok(())
        })],
    )
}
