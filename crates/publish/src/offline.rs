//! `offline.html`: the built page as one self-contained file that works from `file://` with no
//! network (CSS, favicon, the JS loader and both wasm modules inlined), under its own policy.

use lol_html::element;
use lol_html::html_content::ContentType;

use crate::page::{
    elements, inline_hashes, insert_csp_meta, is_trunk_autoreload, is_trunk_loader, remove_csp_meta, rewrite,
    with_site_block,
};
use crate::{base64, offline_policy, PublishError};

fn error<T>(message: impl Into<String>) -> Result<T, PublishError> {
    Err(PublishError(message.into()))
}

/// The wasm-bindgen `--target web` module made into a plain module script body: `export` keywords
/// removed from declarations and the export list dropped. Returns the body and the exported names
/// with their local names (`("default", "__wbg_init")`).
pub fn esm_to_script(js: &str) -> Result<(String, Vec<(String, String)>), PublishError> {
    let mut body = String::with_capacity(js.len());
    let mut exports = Vec::new();
    let mut at = 0;
    for (start, end) in crate::minify_js::top_level_statements(js)? {
        // What lies between statements (space, comments) stays.
        body.push_str(&js[at..start]);
        at = end;
        let statement = &js[start..end];
        if let Some(rest) = statement.strip_prefix("export") {
            let rest = rest.trim_start();
            if let Some(list) = rest.strip_prefix('{') {
                let list = list.trim_end().trim_end_matches(';').trim_end();
                let list = list
                    .strip_suffix('}')
                    .ok_or_else(|| PublishError(format!("JS: unsupported export list: {statement}")))?;
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
                .ok_or_else(|| PublishError(format!("JS: unsupported export: {}", short(statement))))?;
            let name: String = rest[decl.len()..]
                .trim_start_matches('*')
                .trim_start()
                .chars()
                .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == '$')
                .collect();
            if name.is_empty() {
                return error(format!("JS: export without a name: {}", short(statement)));
            }
            exports.push((name.clone(), name));
            body.push_str(rest);
        } else if ["import ", "import{", "import*", "import\""].iter().any(|p| statement.starts_with(p)) {
            return error(format!(
                "JS: the loader imports another module, which file:// cannot load: {}",
                short(statement)
            ));
        } else {
            body.push_str(statement);
        }
    }
    body.push_str(&js[at..]);
    if !exports.iter().any(|(e, _)| e == "default") {
        return error("JS: no default export (wasm-bindgen's init function)");
    }
    Ok((body, exports))
}

/// The start of a statement, for a message.
fn short(statement: &str) -> String {
    statement.chars().take(60).collect()
}

/// Makes text safe inside `<script>`: `</script` cannot end the element early (`<\/` is `</` in
/// every JS string, template and regex). `<!--` is refused: it changes how the HTML parser
/// finds the end tag.
fn script_safe(js: &str) -> Result<String, PublishError> {
    if js.contains("<!--") {
        return error("JS contains \"<!--\", which cannot be inlined safely");
    }
    let lower = js.to_ascii_lowercase();
    let mut out = String::with_capacity(js.len());
    let mut i = 0;
    while let Some(p) = lower[i..].find("</script").map(|p| p + i) {
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
/// files this way: `from './dashboard-1a2b.js'`, `module_or_path: './dashboard-1a2b_bg.wasm'`;
/// minified, the second is a template literal).
fn quoted_ending(text: &str, suffix: &str) -> Option<String> {
    let mut rest = text;
    while let Some(q) = rest.find(['\'', '"', '`']) {
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
/// its inline scripts and styles. Links to the default view (`href="./"`) become `?`, since `./`
/// from a file is a directory listing. Trunk's live-reload script (`trunk serve`) is left out.
pub fn offline_html(index_html: &str, read: &dyn Fn(&str) -> Result<Vec<u8>, String>) -> Result<String, PublishError> {
    let html = remove_csp_meta(index_html)?;
    let read = |name: &str| read(name).map_err(|e| PublishError(format!("cannot read {name}: {e}")));
    let text = |name: &str| String::from_utf8(read(name)?).map_err(|_| PublishError(format!("{name} is not UTF-8")));
    // A script's text comes after its start tag, where it is replaced: read them all first.
    let scripts = elements(&html, "script")?;
    let mut next = scripts.iter();
    let mut loaders = 0;
    let out = rewrite(
        &html,
        vec![
            element!("script", |el| {
                let Some(e) = next.next() else { return Ok(()) };
                if is_trunk_loader(e) {
                    loaders += 1;
                    el.replace(&offline_loader(&e.text, &read, &text)?, ContentType::Html);
                } else if is_trunk_autoreload(e) {
                    // No use in a file.
                    el.remove();
                } else if let Some(src) = e.attr("src") {
                    return Err(PublishError(format!("offline.html: external script {src:?} is not supported")).into());
                }
                Ok(())
            }),
            element!("link[rel]", |el| {
                let rel = el.get_attribute("rel").unwrap_or_default().to_ascii_lowercase();
                let rels: Vec<&str> = rel.split_ascii_whitespace().collect();
                let href = el.get_attribute("href").unwrap_or_default();
                // A file has no site around it: no feed (`rel="alternate"`) to follow.
                if rels.contains(&"modulepreload") || rels.contains(&"preload") || rels.contains(&"alternate") {
                    el.remove();
                } else if rels.contains(&"stylesheet") {
                    let css = text(&local_file(&href)?)?;
                    if css.to_ascii_lowercase().contains("</style") {
                        return Err(PublishError("CSS contains \"</style\"".into()).into());
                    }
                    if css.contains("url(") || css.contains("@import") {
                        return Err(PublishError(
                            "CSS refers to other files (url()/@import), which offline.html does not inline".into(),
                        )
                        .into());
                    }
                    el.replace(&format!("<style>\n{css}</style>"), ContentType::Html);
                } else if rels.contains(&"icon") {
                    let name = local_file(&href)?;
                    let mime = match name.rsplit('.').next() {
                        Some("svg") => "image/svg+xml",
                        Some("png") => "image/png",
                        Some("ico") => "image/x-icon",
                        _ => return Err(PublishError(format!("favicon of unknown type: {name}")).into()),
                    };
                    el.set_attribute("href", &format!("data:{mime};base64,{}", base64(&read(&name)?)))?;
                    el.remove_attribute("integrity");
                }
                Ok(())
            }),
            element!("a[href='./']", |el| {
                el.set_attribute("href", "?")?;
                Ok(())
            }),
        ],
    )?;
    if loaders != 1 {
        return Err(PublishError(format!("expected one Trunk loader script in index.html, found {loaders}")));
    }
    let out = match elements(&out, "script#site")?.first() {
        Some(block) => with_report_inline(&out, &block.text, &read)?,
        None => out,
    };
    insert_csp_meta(&out, &offline_policy(&inline_hashes(&out)?))
}

/// The offline copy is its report alone (a file can open no other page): its site block names no
/// index, no English page and no table page, the list of the site's reports is left out, and the report's data
/// (base64, before the boot script that reads it) and its report file (for the on-demand module)
/// are inline, as `<script id="file:PATH">` blocks the page reads instead of fetching. `</` is
/// written `<\/` in the JSON, the same JSON, so no block can end early.
fn with_report_inline(
    html: &str,
    site_json: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, PublishError>,
) -> Result<String, PublishError> {
    let mut site: serde_json::Value =
        serde_json::from_str(site_json).map_err(|e| PublishError(format!("the page's site block: {e}")))?;
    let path = |field: &str| site.get(field).and_then(|v| v.as_str()).unwrap_or("").to_string();
    let (data, report) = (path("data"), path("report"));
    let mut blocks =
        format!("<script type=\"application/octet-stream\" id=\"file:{data}\">{}</script>", base64(&read(&data)?));
    if !report.is_empty() {
        let json = String::from_utf8(read(&report)?).map_err(|_| PublishError(format!("{report} is not UTF-8")))?;
        blocks.push_str(&format!(
            "<script type=\"application/json\" id=\"file:{report}\">{}</script>",
            json.replace("</", "<\\/")
        ));
    }
    site["index"] = serde_json::Value::from("");
    // Nor has it an English, table or reading page beside it: the app draws those views.
    if let Some(fields) = site.as_object_mut() {
        fields.remove("en");
    }
    // ... and its views are drawn by the app, except a section or chart brought into view: no
    // table, article or fact has a file beside it (an empty list of facts: none is asked for, where
    // the report's page checks a fact's id by its form and asks for its panel, `fact_panels`).
    if let Some(views) = site["views"].as_object_mut() {
        views.remove("table");
        views.remove("read");
        views.insert("fact".into(), "".into());
    }
    let without_nav = crate::page::remove_all(html, "nav.site-reports")?;
    with_site_block(&without_nav, &site.to_string(), &blocks)
}

/// Trunk's loader `loader` as inline scripts: the wasm-bindgen module without its exports, the
/// wasm as a base64 block, and the on-demand module ([`offline_extras`]).
fn offline_loader(
    loader: &str,
    read: &dyn Fn(&str) -> Result<Vec<u8>, PublishError>,
    text: &dyn Fn(&str) -> Result<String, PublishError>,
) -> Result<String, PublishError> {
    let js_name = local_file(&quoted_ending(loader, ".js").unwrap_or_default())?;
    let wasm_name = local_file(
        &quoted_ending(loader, ".wasm").ok_or_else(|| PublishError("Trunk's loader names no .wasm file".into()))?,
    )?;
    let (body, exports) = esm_to_script(&text(&js_name)?)?;
    let init = exports
        .iter()
        .find(|(e, _)| e == "default")
        .map(|(_, local)| local.clone())
        .ok_or_else(|| PublishError("JS: no default export".into()))?;
    let bindings: Vec<String> = exports
        .iter()
        .map(|(exported, local)| if exported == local { local.clone() } else { format!("{exported}: {local}") })
        .collect();
    let wasm = base64(&read(&wasm_name)?);
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
    Ok(format!(
        "{extras}<script type=\"application/octet-stream\" id=\"offline-wasm\">{wasm}</script>\n\
         <script type=\"module\">{script}</script>",
        extras = offline_extras(read)?
    ))
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
