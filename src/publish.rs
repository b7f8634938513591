//! Post-build publishing of the built page (native only; run by `publish_facts` from Trunk's
//! `post_build` hook on `$TRUNK_STAGING_DIR`):
//!
//! - [`with_csp`]: `index.html` gets a strict Content-Security-Policy `<meta>` as the first
//!   element of `<head>` (after `<meta charset>`), whose `script-src` allows the site's own files,
//!   WebAssembly compilation and exactly the inline scripts and styles present, by SHA-256 hash,
//!   and requires Trusted Types for every markup sink (one policy, [`TRUSTED_TYPES_POLICY`]). Trunk's
//!   inline loader names the hashed file names, so the hash changes with every build and is
//!   computed here from the text Trunk wrote. Pages built by `trunk serve` are left without a
//!   policy (see [`has_trunk_autoreload`]).
//! - [`offline_html`]: `offline.html`, the same page as one self-contained file (CSS, favicon,
//!   JS loader and the wasm, which holds the catalogue, all inlined) that works from `file://`
//!   with no network, under its own policy.
//!
//! SHA-256 and base64 come from the `sha2` and `base64` crates. The HTML handling is a small scanner for the
//! markup Trunk writes (tags, quoted attributes, comments, raw-text `<script>`/`<style>`), not a
//! general HTML parser; anything unexpected is an error naming what was found, never a guess.

use sha2::Digest as _;
use std::fmt;
use std::path::Path;

/// Why a page could not be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishError(pub String);

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PublishError {}

fn error<T>(message: impl Into<String>) -> Result<T, PublishError> {
    Err(PublishError(message.into()))
}

/// Standard padded base64 (RFC 4648 §4), as CSP hash sources, `data:` URLs and `atob` use.
pub fn base64(data: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::STANDARD.encode(data)
}

// ---- Content-Security-Policy ----

/// The CSP source for an inline script or style with this text: `'sha256-<base64>'`. Line ends
/// are normalised to LF first, as the HTML parser does before the browser hashes the text.
pub fn csp_hash(text: &str) -> String {
    let normalised = text.replace("\r\n", "\n").replace('\r', "\n");
    format!("'sha256-{}'", base64(&sha2::Sha256::digest(normalised.as_bytes())))
}

/// The one Trusted Types policy the pages allow. `index.html`'s boot script creates it and hands
/// it to the app as `window.dashboardSetHtml` (see `components::write_html`).
pub const TRUSTED_TYPES_POLICY: &str = "dashboard";

/// The CSP hash sources of a page's inline scripts and `<style>` elements, each list in page
/// order without repeats.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct InlineHashes {
    pub scripts: Vec<String>,
    pub styles: Vec<String>,
}

/// What both pages' policies end with: markup reaches `innerHTML` (and a script its `src`) only
/// through [`TRUSTED_TYPES_POLICY`], and nothing can be sent anywhere by a form or a `<base>`.
fn policy_tail() -> String {
    format!("object-src 'none'; base-uri 'none'; form-action 'none'; require-trusted-types-for 'script'; trusted-types {TRUSTED_TYPES_POLICY}")
}

/// The policy of the hosted site. Its own files only; `'wasm-unsafe-eval'` lets it compile its
/// WebAssembly (not `'unsafe-eval'`: no `eval` or `new Function`); inline scripts and styles only
/// by hash ([`csp_hash`]), so no `style` attribute applies either (the views place tooltips and hit
/// targets through the CSSOM). `frame-ancestors`, `report-uri` and `sandbox` are ignored in a
/// `<meta>` policy, so they are not written; send them as a header if the host allows.
pub fn site_policy(hashes: &InlineHashes) -> String {
    format!(
        "default-src 'self'; script-src 'self' 'wasm-unsafe-eval'{}; style-src 'self'{}; img-src 'self' data: blob:; \
         connect-src 'self'; {}",
        sources(&hashes.scripts),
        sources(&hashes.styles),
        policy_tail()
    )
}

/// The policy of `offline.html`: nothing is loaded at all (everything is inline, and `'self'` has
/// no useful meaning for `file://`), scripts and styles by hash only, WebAssembly compilation,
/// `data:`/`blob:` images (the favicon).
pub fn offline_policy(hashes: &InlineHashes) -> String {
    format!(
        "default-src 'none'; script-src 'wasm-unsafe-eval'{}; style-src{}; img-src data: blob:; connect-src 'none'; {}",
        sources(&hashes.scripts),
        sources(&hashes.styles),
        policy_tail()
    )
}

/// Hash sources as they follow a directive's name or its other sources: each after a space.
fn sources(hashes: &[String]) -> String {
    hashes.iter().map(|h| format!(" {h}")).collect()
}

// ---- a small scanner for the HTML Trunk writes ----

/// One element found by [`elements`]: `html[start..end]` is the start tag, or, for `script`,
/// `style` and the other raw-text elements, the whole element up to and including its end tag;
/// `content` is the raw text between.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Element {
    pub name: String,
    pub start: usize,
    pub end: usize,
    /// Attribute names lower-cased; values with quotes removed (no entity decoding: Trunk writes
    /// none in the attributes read here).
    pub attrs: Attrs,
    pub content: Option<(usize, usize)>,
}

impl Element {
    /// The value of attribute `name` (lower case); `Some("")` for an attribute without a value.
    pub fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(n, _)| n == name).map(|(_, v)| v.as_deref().unwrap_or(""))
    }

    /// The raw text of a `script` or `style` element.
    pub fn text<'a>(&self, html: &'a str) -> &'a str {
        self.content.map_or("", |(s, e)| &html[s..e])
    }
}

fn find_ci(haystack: &str, needle: &str, from: usize) -> Option<usize> {
    let hay = haystack.as_bytes();
    let needle = needle.as_bytes();
    if hay.len() < needle.len() {
        return None;
    }
    (from..=hay.len() - needle.len()).find(|&i| hay[i..i + needle.len()].eq_ignore_ascii_case(needle))
}

/// Parses the attributes of a start tag from just after its name; returns them and the offset
/// one past the closing `>`.
/// Attributes of a tag: lower-cased names and unquoted values (`None` without `=`).
pub type Attrs = Vec<(String, Option<String>)>;

fn parse_attrs(html: &str, mut i: usize) -> Result<(Attrs, usize), PublishError> {
    let b = html.as_bytes();
    let mut attrs = Vec::new();
    loop {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        if i >= b.len() {
            return error("unterminated tag");
        }
        if b[i] == b'>' {
            return Ok((attrs, i + 1));
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && !matches!(b[i], b'=' | b'>' | b'/') {
            i += 1;
        }
        let name = html[name_start..i].to_ascii_lowercase();
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let value = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let close = html[i + 1..]
                        .find(q as char)
                        .ok_or_else(|| PublishError("unterminated attribute value".into()))?;
                    let v = html[i + 1..i + 1 + close].to_string();
                    i += close + 2;
                    v
                }
                _ => {
                    let s = i;
                    while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'>' {
                        i += 1;
                    }
                    html[s..i].to_string()
                }
            };
            attrs.push((name, Some(value)));
        } else {
            attrs.push((name, None));
        }
    }
}

/// Elements whose text is not markup (raw text and RCDATA; `noscript` as a browser with scripting
/// reads it): a `<script>` inside `<title>` is text.
const RAW_TEXT: &[&str] = &["script", "style", "title", "textarea", "noscript", "xmp", "iframe", "noembed", "noframes"];

/// Every element in `html`, in order: start tags, with [`RAW_TEXT`] elements (`script`, `style`,
/// `title` …) taken whole, their text not scanned for tags. Comments, doctypes and end tags are
/// skipped.
pub fn elements(html: &str) -> Result<Vec<Element>, PublishError> {
    let b = html.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while let Some(lt) = html[i..].find('<').map(|p| p + i) {
        if html[lt..].starts_with("<!--") {
            i = html[lt..]
                .find("-->")
                .map(|p| lt + p + 3)
                .ok_or_else(|| PublishError("unterminated comment".into()))?;
            continue;
        }
        if !b.get(lt + 1).is_some_and(u8::is_ascii_alphabetic) {
            // End tags, doctypes, a stray "<" in text.
            i = lt + 1;
            continue;
        }
        let mut name_end = lt + 1;
        while name_end < b.len() && (b[name_end].is_ascii_alphanumeric() || b[name_end] == b'-') {
            name_end += 1;
        }
        let name = html[lt + 1..name_end].to_ascii_lowercase();
        let (attrs, tag_end) =
            parse_attrs(html, name_end).map_err(|e| PublishError(format!("<{name}> at byte {lt}: {e}")))?;
        let (end, content) = if RAW_TEXT.contains(&name.as_str()) {
            let close = find_ci(html, &format!("</{name}"), tag_end)
                .ok_or_else(|| PublishError(format!("<{name}> at byte {lt} has no end tag")))?;
            let close_end = html[close..].find('>').map(|p| close + p + 1).unwrap_or(html.len());
            (close_end, Some((tag_end, close)))
        } else {
            (tag_end, None)
        };
        out.push(Element { name, start: lt, end, attrs, content });
        i = end;
    }
    Ok(out)
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

/// The CSP hash sources of every inline script `html` runs and of every `<style>` element.
pub fn inline_hashes(html: &str) -> Result<InlineHashes, PublishError> {
    let mut hashes = InlineHashes::default();
    let add = |list: &mut Vec<String>, h: String| {
        if !list.contains(&h) {
            list.push(h);
        }
    };
    for e in elements(html)? {
        if is_inline_executable(&e) {
            add(&mut hashes.scripts, csp_hash(e.text(html)));
        } else if e.name == "style" {
            add(&mut hashes.styles, csp_hash(e.text(html)));
        }
    }
    Ok(hashes)
}

fn is_csp_meta(e: &Element) -> bool {
    e.name == "meta" && e.attr("http-equiv").is_some_and(|v| v.eq_ignore_ascii_case("content-security-policy"))
}

/// Removes every CSP `<meta>` (and the whitespace before it), so publishing twice gives one.
pub fn remove_csp_meta(html: &str) -> Result<String, PublishError> {
    let mut out = html.to_string();
    for e in elements(html)?.iter().rev().filter(|e| is_csp_meta(e)) {
        let start = html[..e.start].trim_end_matches([' ', '\t', '\n', '\r']).len();
        out.replace_range(start..e.end, "");
    }
    Ok(out)
}

/// Escapes `"`, `&`, `<` and `>` for an attribute value.
fn attr_escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('"', "&quot;").replace('<', "&lt;").replace('>', "&gt;")
}

/// Inserts `<meta http-equiv="Content-Security-Policy" content=policy>` as the first element of
/// `<head>`, or right after `<meta charset>` when that comes first (a policy applies only to what
/// follows it, and nothing before it loads anything). Any earlier CSP meta is replaced.
pub fn insert_csp_meta(html: &str, policy: &str) -> Result<String, PublishError> {
    let html = remove_csp_meta(html)?;
    let els = elements(&html)?;
    let head = els.iter().position(|e| e.name == "head").ok_or_else(|| PublishError("no <head>".into()))?;
    let at = match els.get(head + 1) {
        Some(next) if next.name == "meta" && next.attr("charset").is_some() => next.end,
        _ => els[head].end,
    };
    let meta = format!("\n  <meta http-equiv=\"Content-Security-Policy\" content=\"{}\">", attr_escape(policy));
    let mut out = html.clone();
    out.insert_str(at, &meta);
    Ok(out)
}

/// `html` with the site policy ([`site_policy`]) for the inline scripts it holds.
pub fn with_csp(html: &str) -> Result<String, PublishError> {
    let html = remove_csp_meta(html)?;
    insert_csp_meta(&html, &site_policy(&inline_hashes(&html)?))
}

// ---- offline.html ----

/// The wasm-bindgen `--target web` module made into a plain module script body: `export` keywords
/// removed from declarations and the export list dropped. Returns the body and the exported names
/// with their local names (`("default", "__wbg_init")`).
pub fn esm_to_script(js: &str) -> Result<(String, Vec<(String, String)>), PublishError> {
    let mut body = String::with_capacity(js.len());
    let mut exports = Vec::new();
    for line in js.split_inclusive('\n') {
        let trimmed = line.trim_start();
        if let Some(rest) = trimmed.strip_prefix("export ") {
            let rest = rest.trim_start();
            if let Some(list) = rest.strip_prefix('{') {
                let list = list.trim_end().trim_end_matches(';').trim_end();
                let list = list
                    .strip_suffix('}')
                    .ok_or_else(|| PublishError(format!("JS: unsupported export list: {}", line.trim())))?;
                for item in list.split(',').map(str::trim).filter(|s| !s.is_empty()) {
                    let (local, exported) = match item.split_once(" as ") {
                        Some((l, e)) => (l.trim(), e.trim()),
                        None => (item, item),
                    };
                    exports.push((exported.to_string(), local.to_string()));
                }
                continue;
            }
            let decl = ["class ", "function ", "async function ", "const ", "let ", "var "]
                .iter()
                .find(|k| rest.starts_with(**k))
                .ok_or_else(|| PublishError(format!("JS: unsupported export: {}", line.trim())))?;
            let name: String = rest[decl.len()..]
                .trim_start_matches('*')
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            if name.is_empty() {
                return error(format!("JS: export without a name: {}", line.trim()));
            }
            exports.push((name.clone(), name));
            body.push_str(&line[..line.len() - trimmed.len()]);
            body.push_str(rest);
        } else if trimmed.starts_with("import ") || trimmed.starts_with("import{") || trimmed.starts_with("import*") {
            return error(format!("JS: the loader imports another module, which file:// cannot load: {}", line.trim()));
        } else {
            body.push_str(line);
        }
    }
    if !exports.iter().any(|(e, _)| e == "default") {
        return error("JS: no default export (wasm-bindgen's init function)");
    }
    Ok((body, exports))
}

/// Makes text safe inside `<script>`: `</script` cannot end the element early (`<\/` is `</` in
/// every JS string, template and regex). `<!--` is refused: it changes how the HTML parser
/// finds the end tag.
fn script_safe(js: &str) -> Result<String, PublishError> {
    if js.contains("<!--") {
        return error("JS contains \"<!--\", which cannot be inlined safely");
    }
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    while let Some(p) = find_ci(js, "</script", i) {
        out.push_str(&js[i..p]);
        out.push_str("<\\/");
        i = p + 2;
    }
    out.push_str(&js[i..]);
    Ok(out)
}

/// A relative file name from the page (`./main-1a2b.css`), checked to stay inside the site.
fn local_file(href: &str) -> Result<String, PublishError> {
    let path = href.split(['?', '#']).next().unwrap_or("");
    let path = path.strip_prefix("./").unwrap_or(path);
    if path.is_empty() || path.starts_with('/') || path.contains("..") || path.contains(':') || path.contains('\\') {
        return error(format!("not a file of the site: {href:?}"));
    }
    Ok(path.to_string())
}

/// The first quoted string in `text` ending in `suffix` (Trunk's loader names the JS and wasm
/// files this way: `from './dashboard-1a2b.js'`, `module_or_path: './dashboard-1a2b_bg.wasm'`).
fn quoted_ending(text: &str, suffix: &str) -> Option<String> {
    let mut rest = text;
    while let Some(q) = rest.find(['\'', '"']) {
        let quote = rest[q..].chars().next()?;
        let close = rest[q + 1..].find(quote)?;
        let s = &rest[q + 1..q + 1 + close];
        if s.ends_with(suffix) {
            return Some(s.to_string());
        }
        rest = &rest[q + 1 + close + 1..];
    }
    None
}

/// `offline.html` from the built `index.html`: the stylesheet becomes a `<style>`, the favicon a
/// `data:` URL, Trunk's loader and the wasm-bindgen module one inline module script that
/// instantiates the wasm from a base64 data block, and preload links are dropped. `read` returns
/// the bytes of a file of the site by its relative name. The page gets [`offline_policy`] for
/// its inline scripts and styles. Links to the default view (`href="./"`) become `?`, since `./` from a
/// file is a directory listing. Trunk's live-reload script (`trunk serve`) is left out.
pub fn offline_html(index_html: &str, read: &dyn Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, PublishError> {
    let html = remove_csp_meta(index_html)?;
    let read = |name: &str| read(name).map_err(|e| PublishError(format!("cannot read {name}: {e}")));
    let text = |name: &str| String::from_utf8(read(name)?).map_err(|_| PublishError(format!("{name} is not UTF-8")));
    let mut out = String::with_capacity(html.len() + (1 << 20));
    let mut last = 0;
    let mut loaders = 0;
    for e in elements(&html)? {
        let replacement = match e.name.as_str() {
            "script" if is_inline_executable(&e) && quoted_ending(e.text(&html), ".js").is_some() => {
                let loader = e.text(&html);
                let js_name = local_file(&quoted_ending(loader, ".js").unwrap_or_default())?;
                let wasm_name = local_file(
                    &quoted_ending(loader, ".wasm")
                        .ok_or_else(|| PublishError("Trunk's loader names no .wasm file".into()))?,
                )?;
                let (body, exports) = esm_to_script(&text(&js_name)?)?;
                let init = &exports.iter().find(|(e, _)| e == "default").expect("checked by esm_to_script").1;
                let bindings: Vec<String> = exports
                    .iter()
                    .map(
                        |(exported, local)| {
                            if exported == local {
                                local.clone()
                            } else {
                                format!("{exported}: {local}")
                            }
                        },
                    )
                    .collect();
                let wasm = base64(&read(&wasm_name)?);
                loaders += 1;
                let script = format!(
                    "\n// {js_name}, inlined (wasm-bindgen --target web; exports removed)\n{body}\n\
                     // Loader (as Trunk's), with the wasm from the base64 block #offline-wasm.\n\
                     {{\n\
                     const b64 = document.getElementById('offline-wasm').textContent.replace(/\\s+/g, '');\n\
                     const bin = atob(b64);\n\
                     const bytes = new Uint8Array(bin.length);\n\
                     for (let i = 0; i < bin.length; i++) bytes[i] = bin.charCodeAt(i);\n\
                     const wasm = await {init}({{ module_or_path: bytes }});\n\
                     window.wasmBindings = {{ {bindings} }};\n\
                     dispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {{detail: {{wasm}}}}));\n\
                     }}\n",
                    bindings = bindings.join(", ")
                );
                let script = script_safe(&script)?;
                Some(format!(
                    "{extras}<script type=\"application/octet-stream\" id=\"offline-wasm\">{wasm}</script>\n\
                     <script type=\"module\">{script}</script>",
                    extras = offline_extras(&read)?
                ))
            }
            // Trunk's live reload (trunk serve builds): no use in a file.
            "script" if is_trunk_autoreload(&e, &html) => Some(String::new()),
            "script" if e.attr("src").is_some() => {
                return error(format!("offline.html: external script {:?} is not supported", e.attr("src")));
            }
            "link" => {
                let rel = e.attr("rel").unwrap_or("").to_ascii_lowercase();
                let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
                let href = e.attr("href").unwrap_or("");
                if rels.contains(&"modulepreload") || rels.contains(&"preload") {
                    Some(String::new())
                } else if rels.contains(&"stylesheet") {
                    let css = text(&local_file(href)?)?;
                    if find_ci(&css, "</style", 0).is_some() {
                        return error("CSS contains \"</style\"");
                    }
                    if css.contains("url(") || css.contains("@import") {
                        return error("CSS refers to other files (url()/@import), which offline.html does not inline");
                    }
                    Some(format!("<style>\n{css}</style>"))
                } else if rels.contains(&"icon") {
                    let name = local_file(href)?;
                    let mime = match name.rsplit('.').next() {
                        Some("svg") => "image/svg+xml",
                        Some("png") => "image/png",
                        Some("ico") => "image/x-icon",
                        _ => return error(format!("favicon of unknown type: {name}")),
                    };
                    Some(format!("<link rel=\"icon\" href=\"data:{mime};base64,{}\">", base64(&read(&name)?)))
                } else {
                    None
                }
            }
            "a" if e.attr("href") == Some("./") => Some(html[e.start..e.end].replacen("href=\"./\"", "href=\"?\"", 1)),
            _ => None,
        };
        if let Some(r) = replacement {
            out.push_str(&html[last..e.start]);
            out.push_str(&r);
            last = e.end;
        }
    }
    out.push_str(&html[last..]);
    if loaders != 1 {
        return error(format!("expected one Trunk loader script in index.html, found {loaders}"));
    }
    insert_csp_meta(&out, &offline_policy(&inline_hashes(&out)?))
}

/// The on-demand module (`extras.js`, `extras_bg.wasm`; see `components::extras`) for
/// `offline.html`: its script inline (it only defines `wasm_bindgen`) and its wasm as a base64
/// block `#extras-wasm`, which the app instantiates when first needed. Empty when the site has no
/// such module.
fn offline_extras(read: &dyn Fn(&str) -> Result<Vec<u8>, PublishError>) -> Result<String, PublishError> {
    let (Ok(js), Ok(wasm)) = (read("extras.js"), read("extras_bg.wasm")) else { return Ok(String::new()) };
    let js = String::from_utf8(js).map_err(|_| PublishError("extras.js is not UTF-8".into()))?;
    Ok(format!(
        "<script type=\"application/octet-stream\" id=\"extras-wasm\">{}</script>\n<script>\n{}\n</script>\n",
        base64(&wasm),
        script_safe(&js)?
    ))
}

/// Where `index.html`'s boot shell takes the prerendered first view (`crate::prerender`).
pub const FIRST_VIEW_MARKER: &str = "<!-- first-view -->";

/// `index_html` with the prerendered first view in place of [`FIRST_VIEW_MARKER`] and its
/// drawing's colours at the end of `<head>` (unchanged without a marker).
pub fn with_first_view(index_html: &str) -> String {
    if !index_html.contains(FIRST_VIEW_MARKER) {
        return index_html.to_string();
    }
    index_html.replacen(FIRST_VIEW_MARKER, &crate::prerender::first_view(&crate::facts::CATALOGUE), 1).replacen(
        "</head>",
        &format!("{}</head>", crate::prerender::head_style()),
        1,
    )
}

/// What [`publish_pages`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The policy written into `index.html`; `None` for a `trunk serve` build (see
    /// [`has_trunk_autoreload`]).
    pub index_policy: Option<String>,
    pub offline_bytes: usize,
}

/// True for a page built by `trunk serve`: it carries Trunk's live-reload script, which the dev
/// server rewrites on every response (it writes the request's `Host` into it), so no hash made
/// at build time can match it. Such a page gets no policy; `trunk build` pages always do.
pub fn has_trunk_autoreload(html: &str) -> Result<bool, PublishError> {
    Ok(elements(html)?.iter().any(|e| is_trunk_autoreload(e, html)))
}

fn is_trunk_autoreload(e: &Element, html: &str) -> bool {
    is_inline_executable(e) && e.text(html).contains(".well-known/trunk/ws")
}

/// Compacts the `.js` files in `dir` (see `crate::compact::script`). Their `<link>`s carry no
/// `integrity` (`data-integrity="none"` in index.html): a same-origin file gains nothing from it,
/// and its hash would no longer match.
fn compact_scripts(dir: &Path) -> Result<(), PublishError> {
    let entries = std::fs::read_dir(dir).map_err(|e| PublishError(format!("cannot list {}: {e}", dir.display())))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "js")) {
        let fail = |e: std::io::Error| PublishError(format!("{}: {e}", path.display()));
        let js = std::fs::read_to_string(&path).map_err(fail)?;
        std::fs::write(&path, crate::compact::script(&js)).map_err(fail)?;
    }
    Ok(())
}

/// Rewrites `<dir>/index.html` with its policy (unless built by `trunk serve`) and writes
/// `<dir>/offline.html`.
pub fn publish_pages(dir: &Path) -> Result<Published, PublishError> {
    let index_path = dir.join("index.html");
    let index = std::fs::read_to_string(&index_path)
        .map_err(|e| PublishError(format!("cannot read {}: {e}", index_path.display())))?;
    let index = crate::compact::page(&with_first_view(&index))?;
    compact_scripts(dir)?;
    let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| e.to_string());
    let offline = offline_html(&index, &read)?;
    let offline_path = dir.join("offline.html");
    std::fs::write(&offline_path, &offline)
        .map_err(|e| PublishError(format!("cannot write {}: {e}", offline_path.display())))?;
    if has_trunk_autoreload(&index)? {
        return Ok(Published { index_policy: None, offline_bytes: offline.len() });
    }
    let with_policy = with_csp(&index)?;
    let index_policy = site_policy(&inline_hashes(&with_policy)?);
    std::fs::write(&index_path, &with_policy)
        .map_err(|e| PublishError(format!("cannot write {}: {e}", index_path.display())))?;
    Ok(Published { index_policy: Some(index_policy), offline_bytes: offline.len() })
}
