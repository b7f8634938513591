//! Post-build publishing: CSP hashes and base64 against published examples, the CSP meta Trunk's
//! page gets, and offline.html assembled from a Trunk-like page.
#![cfg(not(target_arch = "wasm32"))]

use facts::i18n::Lang;
use publish::offline::esm_to_script;
use publish::page::with_preloads_after_first_script;
use publish::*;
use std::collections::HashMap;

// ---- base64: RFC 4648 §10 ----

#[test]
fn base64_matches_rfc_4648() {
    for (plain, encoded) in [
        ("", ""),
        ("f", "Zg=="),
        ("fo", "Zm8="),
        ("foo", "Zm9v"),
        ("foob", "Zm9vYg=="),
        ("fooba", "Zm9vYmE="),
        ("foobar", "Zm9vYmFy"),
    ] {
        assert_eq!(base64(plain.as_bytes()), encoded, "{plain:?}");
    }
    assert_eq!(base64(&[0xfb, 0xff, 0xbf]), "+/+/");
}

#[test]
fn csp_hash_matches_the_csp_spec_example() {
    // CSP Level 3, "hash-source" example.
    assert_eq!(csp_hash("alert('Hello, world.');"), "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='");
    // The parser turns CR LF and CR into LF before the browser hashes the text.
    assert_eq!(csp_hash("a();\r\nb();\rc();"), csp_hash("a();\nb();\nc();"));
}

// ---- a page as Trunk writes it ----

const LOADER: &str = "\nimport init, * as bindings from './dashboard-abc.js';\nconst wasm = await init({ module_or_path: './dashboard-abc_bg.wasm' });\n\n\nwindow.wasmBindings = bindings;\n\n\ndispatchEvent(new CustomEvent(\"TrunkApplicationStarted\", {detail: {wasm}}));\n\n";

fn trunk_page() -> String {
    format!(
        r#"<!doctype html>
<html lang="zh-CN">
<head>
  <meta charset="utf-8">
  <meta name="viewport" content="width=device-width, initial-scale=1">
  <title>看板 · <script> in a title is text</title>
  <!-- a comment with <script>alert(1)</script> is not a script -->
  <meta property="og:image" content="og-image.png">
<script type="module">{LOADER}</script>
  <link rel="stylesheet" href="./main-123.css" integrity="sha384-xyz"/>
  <link rel="icon" href="./favicon-456.svg" integrity="sha384-abc"/>
  <link rel="alternate" type="application/atom+xml" href="feed.xml" title="Feed">
<link rel="modulepreload" href="./dashboard-abc.js" crossorigin="anonymous" integrity="sha384-1"><link rel="preload" href="./dashboard-abc_bg.wasm" crossorigin="anonymous" integrity="sha384-2" as="fetch" type="application/wasm"></head>
<body>
  <div id="fatal" hidden><p><a href="./">重新打开默认视图</a></p></div>
  <script type="application/json" id="data">{{"not": "run"}}</script>
</body>
</html>
"#
    )
}

const JS: &str = "let wasm;\nexport class Thing {\n    free() { return '</script>'; }\n}\nexport function start(a) {\n    return a;\n}\nasync function __wbg_init(module_or_path) {\n    return module_or_path;\n}\nexport { initSync, __wbg_init as default };\n";

fn files() -> HashMap<&'static str, Vec<u8>> {
    HashMap::from([
        ("dashboard-abc.js", JS.as_bytes().to_vec()),
        ("dashboard-abc_bg.wasm", vec![0, 0x61, 0x73, 0x6d, 1, 0, 0, 0, 0xff, 0xfe]),
        ("main-123.css", b"body { color: #222; }\n".to_vec()),
        ("favicon-456.svg", b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>".to_vec()),
    ])
}

fn reader(files: HashMap<&'static str, Vec<u8>>) -> impl Fn(&str) -> Result<Vec<u8>, String> {
    move |name: &str| files.get(name).cloned().ok_or_else(|| "no such file".to_string())
}

fn meta_policy(html: &str) -> String {
    let els = elements(html, "*").unwrap();
    let metas: Vec<_> =
        els.iter().filter(|e| e.name == "meta" && e.attr("http-equiv") == Some("Content-Security-Policy")).collect();
    assert_eq!(metas.len(), 1, "one CSP meta");
    metas[0].attr("content").unwrap().replace("&#39;", "'")
}

fn directive<'a>(policy: &'a str, name: &str) -> Vec<&'a str> {
    policy
        .split(';')
        .map(str::trim)
        .find_map(|d| d.strip_prefix(name).filter(|rest| rest.starts_with(' ')))
        .map(|rest| rest.split_whitespace().collect())
        .unwrap_or_default()
}

#[test]
fn the_reader_finds_scripts_and_skips_comments_and_titles() {
    let page = trunk_page();
    let els = elements(&page, "*").unwrap();
    let scripts: Vec<_> = els.iter().filter(|e| e.name == "script").collect();
    assert_eq!(scripts.len(), 2, "{scripts:?}");
    assert_eq!(scripts[0].text, LOADER);
    assert!(is_inline_executable(scripts[0]));
    assert!(!is_inline_executable(scripts[1]), "a JSON data block does not run");
    assert_eq!(inline_hashes(&page).unwrap(), InlineHashes { scripts: vec![csp_hash(LOADER)], styles: vec![] });
    let link = els.iter().find(|e| e.name == "link" && e.attr("rel") == Some("preload")).unwrap();
    assert_eq!(link.attr("as"), Some("fetch"));
    assert_eq!(link.attr("href"), Some("./dashboard-abc_bg.wasm"));
}

#[test]
fn index_gets_a_strict_policy_with_the_loader_hash_first_in_head() {
    let page = trunk_page();
    let out = with_csp(&page).unwrap();
    let policy = meta_policy(&out);
    assert_eq!(policy, site_policy(&InlineHashes { scripts: vec![csp_hash(LOADER)], styles: vec![] }));
    let script_src = directive(&policy, "script-src");
    assert_eq!(script_src, vec!["'self'", "'wasm-unsafe-eval'", csp_hash(LOADER).as_str()]);
    assert!(!policy.contains("'unsafe-eval'") && !policy.contains("'unsafe-inline'"), "{policy}");
    assert_eq!(directive(&policy, "style-src"), vec!["'self'"]);
    for (d, want) in [
        ("require-trusted-types-for", vec!["'script'"]),
        ("trusted-types", vec![TRUSTED_TYPES_POLICY]),
        ("default-src", vec!["'self'"]),
        ("img-src", vec!["'self'", "data:", "blob:"]),
        ("connect-src", vec!["'self'"]),
        ("object-src", vec!["'none'"]),
        ("base-uri", vec!["'none'"]),
        ("form-action", vec!["'none'"]),
    ] {
        assert_eq!(directive(&policy, d), want, "{d}");
    }
    // Right after <meta charset>, before anything that loads.
    let els = elements(&out, "*").unwrap();
    let head = els.iter().position(|e| e.name == "head").unwrap();
    assert_eq!(els[head + 1].attr("charset"), Some("utf-8"));
    assert_eq!(els[head + 2].attr("http-equiv"), Some("Content-Security-Policy"));
    // Nothing else changed, and publishing twice gives the same page.
    assert_eq!(remove_csp_meta(&out).unwrap(), page);
    assert_eq!(with_csp(&out).unwrap(), out);
}

#[test]
fn the_hash_follows_the_loader_text() {
    let page = trunk_page();
    let other = page.replace("dashboard-abc", "dashboard-def");
    let (a, b) = (meta_policy(&with_csp(&page).unwrap()), meta_policy(&with_csp(&other).unwrap()));
    assert_ne!(a, b);
    assert!(b.contains(&csp_hash(&LOADER.replace("dashboard-abc", "dashboard-def"))));
}

#[test]
fn every_inline_script_is_hashed_once_and_a_page_without_charset_gets_the_meta_first() {
    let page = "<html><head><script>a()</script><script>b()</script><script>a()</script></head><body></body></html>";
    let out = with_csp(page).unwrap();
    assert!(out.starts_with("<html><head><meta http-equiv=\"Content-Security-Policy\""), "{out}");
    let src = directive(&meta_policy(&out), "script-src").into_iter().map(String::from).collect::<Vec<_>>();
    assert_eq!(src[2..], [csp_hash("a()"), csp_hash("b()")]);
    assert!(with_csp("<p>no head</p>").is_err());
    // A minified page, whose <head> is implied: after <meta charset>.
    let minified = "<!doctype html><meta charset=utf-8><title>t</title><script>a()</script>";
    assert!(with_csp(minified)
        .unwrap()
        .starts_with("<!doctype html><meta charset=utf-8><meta http-equiv=\"Content-Security-Policy\""));
    // Styles likewise: each <style> by its hash, and no 'unsafe-inline' for the attributes.
    let styled = "<html><head><style>p{}</style><style>b{}</style></head><body><style>p{}</style></body></html>";
    let style_src = directive(&meta_policy(&with_csp(styled).unwrap()), "style-src").join(" ");
    assert_eq!(style_src, format!("'self' {} {}", csp_hash("p{}"), csp_hash("b{}")));
}

#[test]
fn esm_exports_become_plain_declarations() {
    let (body, exports) = esm_to_script(JS).unwrap();
    assert!(!body.contains("export"), "{body}");
    assert!(body.contains("class Thing {") && body.contains("function start(a) {"));
    assert_eq!(
        exports,
        [("Thing", "Thing"), ("start", "start"), ("initSync", "initSync"), ("default", "__wbg_init")]
            .map(|(a, b)| (a.to_string(), b.to_string()))
    );
    assert!(esm_to_script("import x from './y.js';\nexport { x as default };").is_err());
    assert!(esm_to_script("export function f() {}").is_err(), "no default export");
    assert!(esm_to_script("export default 1;").is_err());
}

#[test]
fn offline_page_inlines_everything_and_has_its_own_policy() {
    let out = offline_html(&trunk_page(), &reader(files())).unwrap();
    let els = elements(&out, "*").unwrap();
    // Nothing refers to another file: no src, no relative href.
    for e in &els {
        assert_eq!(e.attr("src"), None, "{e:?}");
        if let Some(href) = e.attr("href") {
            assert!(href.starts_with("data:") || href == "?", "{e:?}");
        }
        assert_eq!(e.attr("integrity"), None, "{e:?}");
    }
    assert!(!els.iter().any(|e| e.name == "link" && e.attr("rel") != Some("icon")));
    assert!(out.contains("<style>\nbody { color: #222; }\n</style>"));
    assert!(out.contains(&format!("href=\"data:image/svg+xml;base64,{}\"", base64(&files()["favicon-456.svg"]))));
    // The wasm, as a base64 data block.
    let block = els.iter().find(|e| e.attr("id") == Some("offline-wasm")).unwrap();
    assert_eq!(block.text, base64(&files()["dashboard-abc_bg.wasm"]));
    assert!(!is_inline_executable(block));
    // One module script: the bindings without exports, then the loader; "</script" escaped.
    let modules: Vec<_> = els.iter().filter(|e| is_inline_executable(e)).collect();
    assert_eq!(modules.len(), 1);
    assert_eq!(modules[0].attr("type"), Some("module"));
    let js = modules[0].text.as_str();
    assert!(js.contains("class Thing {") && js.contains("'<\\/script>'") && !js.contains("export "));
    assert!(js.contains("await __wbg_init({ module_or_path: bytes })"));
    assert!(js.contains("window.wasmBindings = { Thing, start, initSync, default: __wbg_init }"));
    assert!(!js.contains("import "));
    // Its policy: that script's hash, nothing loaded from anywhere.
    let policy = meta_policy(&out);
    let style = "\nbody { color: #222; }\n";
    assert_eq!(policy, offline_policy(&InlineHashes { scripts: vec![csp_hash(js)], styles: vec![csp_hash(style)] }));
    assert_eq!(directive(&policy, "style-src"), vec![csp_hash(style).as_str()]);
    assert_eq!(directive(&policy, "trusted-types"), vec![TRUSTED_TYPES_POLICY]);
    assert_eq!(directive(&policy, "default-src"), vec!["'none'"]);
    assert_eq!(directive(&policy, "connect-src"), vec!["'none'"]);
    assert!(!directive(&policy, "script-src").contains(&"'unsafe-inline'"));
    assert!(!policy.contains("'unsafe-eval'"));
    // The page's text and other markup survive.
    assert!(out.contains("<a href=\"?\">重新打开默认视图</a>"));
    assert!(out.contains("<script type=\"application/json\" id=\"data\">{\"not\": \"run\"}</script>"));
}

#[test]
fn offline_page_fails_clearly_on_what_it_cannot_inline() {
    let mut missing = files();
    missing.remove("dashboard-abc_bg.wasm");
    let e = offline_html(&trunk_page(), &reader(missing)).unwrap_err();
    assert!(e.0.contains("dashboard-abc_bg.wasm"), "{e}");

    let mut css = files();
    css.insert("main-123.css", b"body { background: url(x.png) }".to_vec());
    assert!(offline_html(&trunk_page(), &reader(css)).is_err());

    let escaping = trunk_page().replace("./main-123.css", "../secret.css");
    assert!(offline_html(&escaping, &reader(files())).unwrap_err().0.contains("not a file of the site"));

    let no_loader = trunk_page().replace(LOADER, "console.log(1)");
    assert!(offline_html(&no_loader, &reader(files())).is_err());
}

#[test]
fn offline_page_takes_only_the_module_script_for_trunks_loader() {
    // The page's own classic script may name a script file (a worker's, say): it stays as it is,
    // and the loader is still the module script.
    let classic = "new Worker('worker.js')";
    let page = trunk_page()
        .replace("<script type=\"module\">", &format!("<script>{classic}</script><script type=\"module\">"));
    let out = offline_html(&page, &reader(files())).unwrap();
    assert!(out.contains(&format!("<script>{classic}</script>")), "{out}");
    assert!(out.contains("await __wbg_init({ module_or_path: bytes })"));
}

#[test]
fn publish_pages_rewrites_index_and_writes_offline_html() {
    let dir = std::env::temp_dir().join(format!("publish-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), trunk_page()).unwrap();
    for (name, bytes) in files() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    reports::write(&dir, &catalogue::REPORTS, catalogue::reports_index()).unwrap();
    let published = publish_pages(&dir).unwrap();
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert_eq!(Some(meta_policy(&index)), published.index_policy);
    let offline = std::fs::read_to_string(dir.join("offline.html")).unwrap();
    assert_eq!(offline.len(), published.offline_bytes);
    // The app's code is asked for first (the page has no classic script to run before it): its
    // preload links follow the policy, ahead of every style and script, in Trunk's order and with
    // Trunk's attributes.
    let head = elements(&index, "meta, link, script, style").unwrap();
    let order: Vec<&str> = head
        .iter()
        .map(|e| e.attr("rel").or(e.attr("http-equiv")).or(e.attr("type")).unwrap_or(e.name.as_str()))
        .take(4)
        .collect();
    assert_eq!(order, ["meta", "Content-Security-Policy", "modulepreload", "preload"], "{head:?}");
    assert_eq!(
        head[2].attrs,
        [
            ("rel", "modulepreload"),
            ("href", "./dashboard-abc.js"),
            ("crossorigin", "anonymous"),
            ("integrity", "sha384-1")
        ]
        .map(|(n, v)| (n.to_string(), v.to_string()))
    );
    assert_eq!(head[3].attr("as"), Some("fetch"));
    assert_eq!(head[3].attr("type"), Some("application/wasm"));
    assert_eq!(
        head.iter().filter(|e| e.name == "link" && e.attr("rel").is_some_and(|r| r.ends_with("preload"))).count(),
        2
    );
    // Again, on its own output: the same files.
    publish_pages(&dir).unwrap();
    assert_eq!(std::fs::read_to_string(dir.join("index.html")).unwrap(), index);
    assert_eq!(std::fs::read_to_string(dir.join("offline.html")).unwrap(), offline);
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn preloads_move_after_the_first_classic_script_with_their_attributes() {
    // After the first script that runs (it may send the reader to another page), before the next.
    let page = "<html><head><meta charset=utf-8><script type=application/json id=site>{}</script><style>a{}</style><script>decide()</script><script>x()</script><script type=module>import a from './m.js'</script><link rel=icon href=i.svg><link as=fetch crossorigin href='a\"b.wasm' rel=preload><link rel=modulepreload href=./m.js></head><body></body></html>";
    let out = with_preloads_after_first_script(page).unwrap();
    assert_eq!(
        out,
        "<html><head><meta charset=utf-8><script type=application/json id=site>{}</script><style>a{}</style><script>decide()</script><link as=fetch crossorigin href=a&quot;b.wasm rel=preload><link rel=modulepreload href=./m.js><script>x()</script><script type=module>import a from './m.js'</script><link rel=icon href=i.svg></head><body></body></html>"
    );
    assert_eq!(with_preloads_after_first_script(&out).unwrap(), out, "moved once");
    // No classic script (a module is not one: it runs after the page is parsed): the head's start.
    let module_only = "<html><head><meta charset=utf-8><script type=module>import a from './m.js'</script><link rel=modulepreload href=./m.js></head><body></body></html>";
    assert_eq!(
        with_preloads_after_first_script(module_only).unwrap(),
        "<html><head><meta charset=utf-8><link rel=modulepreload href=./m.js><script type=module>import a from './m.js'</script></head><body></body></html>"
    );
    let none =
        "<html><head><meta charset=utf-8><script>x()</script><link rel=icon href=i.svg></head><body></body></html>";
    assert_eq!(with_preloads_after_first_script(none).unwrap(), none);
}

#[test]
fn a_trunk_serve_page_gets_no_policy_and_offline_html_drops_live_reload() {
    // trunk serve appends its live-reload script and rewrites it on every response.
    let reload = "<script>\"use strict\";\n(function () {\n    const address = '{{__TRUNK_ADDRESS__}}';\n    const url = 'ws://' + address + '/.well-known/trunk/ws';\n})()\n</script>";
    let served = trunk_page().replace("</body>", &format!("{reload}</body>"));
    assert!(has_trunk_autoreload(&served).unwrap());
    assert!(!has_trunk_autoreload(&trunk_page()).unwrap());
    let offline = offline_html(&served, &reader(files())).unwrap();
    assert_eq!(offline, offline_html(&trunk_page(), &reader(files())).unwrap());

    let dir = std::env::temp_dir().join(format!("publish-serve-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), &served).unwrap();
    for (name, bytes) in files() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    reports::write(&dir, &catalogue::REPORTS, catalogue::reports_index()).unwrap();
    assert_eq!(publish_pages(&dir).unwrap().index_policy, None);
    // The served page names its data like any page (the app mounts once it has read it), and
    // gets no policy.
    let page = std::fs::read_to_string(dir.join("index.html")).unwrap();
    assert!(page.contains("<script type=\"application/json\" id=\"site\">"), "{page}");
    assert!(!page.contains("Content-Security-Policy") && page.contains(".well-known/trunk/ws"));
    assert!(dir.join("offline.html").is_file());
    std::fs::remove_dir_all(&dir).unwrap();
}

#[test]
fn the_boot_shell_goes_into_the_body_and_its_colours_into_the_head() {
    let page = "<html><head><meta charset=\"utf-8\"><title>t</title></head><body><div id=\"boot\" class=\"boot\"></div></body></html>";
    let out = with_first_view(page, Lang::Zh, None).unwrap();
    let head_end = out.find("</head>").expect("a head");
    let body = &out[head_end..];
    // HTML allows <style> only in <head>: the drawings' sizes and colour variables go there, the
    // view in the body.
    assert_eq!(out.matches("<style>").count(), 1);
    assert!(
        out[..head_end].contains("<style>.chart__canvas--prerendered{container-type:inline-size}"),
        "{}",
        &out[..head_end]
    );
    assert!(out[..head_end].contains(".prerendered{--chart-"), "{}", &out[..head_end]);
    assert!(!body.contains("<style"));
    // The shell's attributes are written as short as they read the same (`compact_markup`).
    assert!(body.contains("<div id=\"boot\" class=\"boot\"><header class=masthead>"), "{body}");
    assert!(body.contains("<div class=boot__view aria-hidden=true>"), "{body}");
    assert!(body.contains(" disabled tabindex=-1>") && !body.contains("=\"\""), "{body}");
    // Inert: no id in the whole shell but its own and the end of its first screen (after the first
    // section, which the page's first paint waits for), every control disabled and out of the tab
    // order.
    let shell = elements(&out, "#boot *").unwrap();
    let ids: Vec<_> = shell.iter().filter_map(|e| e.attr("id")).collect();
    assert_eq!(ids, ["first-screen-end"]);
    assert!(shell.iter().all(|e| e.attr("data-fact").is_none()));
    assert!(body.contains("</section><div id=first-screen-end hidden></div><section class=topic "), "{body}");
    let controls: Vec<_> = shell.iter().filter(|e| ["button", "input", "select"].contains(&e.name.as_str())).collect();
    assert!(controls.len() >= 10, "{}", controls.len());
    assert!(controls.iter().all(|e| e.attr("disabled").is_some() && e.attr("tabindex") == Some("-1")));
    // A page without a boot shell is left alone.
    let plain = "<html><head></head><body></body></html>";
    assert_eq!(with_first_view(plain, Lang::Zh, None).unwrap(), plain);
}

/// The page names the open report's data in its site block, before any script (the boot script
/// reads it as the page is parsed); offline.html carries the data itself there, as base64.
#[test]
fn the_page_names_the_open_reports_data_and_offline_html_carries_it_before_any_script() {
    let dir = std::env::temp_dir().join(format!("publish-site-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("index.html"), trunk_page()).unwrap();
    for (name, bytes) in files() {
        std::fs::write(dir.join(name), bytes).unwrap();
    }
    reports::write(&dir, &catalogue::REPORTS, catalogue::reports_index()).unwrap();
    publish_pages(&dir).unwrap();
    let (data_path, data) = reports::report_data(&catalogue::REPORTS[0]).unwrap();
    let first_script = |html: &str| {
        let scripts = elements(html, "script").unwrap();
        let site = scripts.iter().position(|e| e.attr("id") == Some("site")).expect("a site block");
        let executable = scripts.iter().position(is_inline_executable).expect("a script");
        assert!(site < executable, "the site block comes before the scripts");
        let json: serde_json::Value = serde_json::from_str(&scripts[site].text).unwrap();
        (scripts, json)
    };
    let index = std::fs::read_to_string(dir.join("index.html")).unwrap();
    let (_, site) = first_script(&index);
    assert_eq!(site["data"], data_path.as_str());
    assert_eq!(site["name"], catalogue::REPORTS[0].name.as_str());
    assert_eq!(site["report"], reports::report_files(&catalogue::REPORTS)[0].path.as_str());
    assert_eq!(site["index"], catalogue::reports_index());
    // Each report's page has its English twin, and each names the other: the Chinese page where a
    // link in English goes, the English page the address it shows. The site's address and the
    // default report's own page each have theirs. Both say the same of the report; the English
    // one says its language.
    use catalogue::pages::{english_page_file, page_file, page_link};
    for (i, report) in catalogue::REPORTS.iter().enumerate() {
        for address in if i == 0 { vec![true, false] } else { vec![false] } {
            let zh = std::fs::read_to_string(dir.join(page_file(&report.name, address))).unwrap();
            let en = std::fs::read_to_string(dir.join(english_page_file(&report.name, address))).unwrap();
            let ((_, zh_site), (_, en_site)) = (first_script(&zh), first_script(&en));
            assert_eq!(zh_site["en"], english_page_file(&report.name, address));
            assert_eq!(en_site["zh"], page_link(&report.name, address));
            assert_eq!(
                (&zh_site["lang"], &en_site["lang"]),
                (&serde_json::Value::Null, &serde_json::Value::from("en"))
            );
            for field in ["name", "data", "report", "index", "views"] {
                assert_eq!(zh_site[field], en_site[field], "{field}");
            }
            assert!(zh.contains("<html lang=\"zh-CN\"") && en.contains("<html lang=\"en\""));
            assert!(en.contains(&format!("url={}.plain.en.html", report.name)), "no scripts: the English plain page");
        }
    }
    assert_eq!(first_script(&index).1["en"], "index.en.html");
    // Every chart a report's page draws has a table page in each language, where that page sends a
    // link to the chart as a table (see `a_table_page_shows_its_chart_as_its_table`), and every
    // article a reading page (`a_reading_page_opens_on_its_article`); each names the report's
    // pages in both languages (the Chinese one is the address it shows). The site block lists
    // them as index.html's first script builds their names.
    use catalogue::pages::{reading_page_file, table_page_file};
    for (i, report) in catalogue::REPORTS.iter().enumerate() {
        let zh = std::fs::read_to_string(dir.join(page_file(&report.name, false))).unwrap();
        let pages = first_script(&zh).1["views"].clone();
        let listed = |kind: &str| -> Vec<String> {
            pages[kind].as_str().unwrap_or_default().split(' ').map(str::to_string).collect()
        };
        let drawn =
            catalogue::with_open_report(&report.name, || first_view::drawn_charts(&catalogue::CATALOGUE, Lang::Zh))
                .unwrap();
        let articles: Vec<&str> = report.catalogue.articles.iter().map(|a| a.id.as_str()).collect();
        assert_eq!(listed("table"), drawn, "{}: site.pages.table", report.name);
        assert_eq!(listed("read"), articles, "{}: site.pages.read", report.name);
        // The charts and sections to bring into view are those the page draws.
        assert_eq!(listed("chart"), drawn, "{}: site.views.chart", report.name);
        let sections = catalogue::with_open_report(&report.name, || {
            charts::registry::sections().iter().map(|s| s.id.clone()).collect::<Vec<_>>()
        });
        assert_eq!(Some(listed("section")), sections, "{}: site.views.section", report.name);
        // Each value of the other keys is one the app reads without a notice; cv is the report's.
        for key in ["embed", "lang", "theme"] {
            for value in listed(key) {
                // An embed is of a chart.
                let chart = if key == "embed" { format!("chart={}&", drawn[0]) } else { String::new() };
                let query = format!("?{chart}{key}={value}");
                let notices = catalogue::with_open_report(&report.name, || views::view_state::parse(&query).1)
                    .unwrap_or_default();
                assert!(notices.is_empty(), "{key}={value}: {notices:?}");
            }
        }
        assert_eq!(listed("cv"), [views::view_state::catalogue_version(&report.catalogue)]);
        let keys: Vec<String> =
            drawn.iter().map(|c| format!("table-{c}")).chain(articles.iter().map(|a| format!("read-{a}"))).collect();
        for key in keys.iter().map(String::as_str) {
            for en in [false, true] {
                let file = match key.split_once('-') {
                    Some(("table", chart)) => table_page_file(&report.name, chart, en),
                    Some(("read", article)) => reading_page_file(&report.name, article, en),
                    _ => panic!("{key}"),
                };
                // index.html's first script: NAME + '.' + view + ('.en' in English) + '.html'.
                assert_eq!(file, format!("{}.{key}{}.html", report.name, if en { ".en" } else { "" }));
                let page =
                    std::fs::read_to_string(dir.join(&file)).unwrap_or_else(|e| panic!("{}: {key}: {e}", report.name));
                let site = first_script(&page).1;
                assert_eq!(site["view"], key);
                assert_eq!(site["zh"], page_link(&report.name, i == 0));
                assert_eq!(site["en"], english_page_file(&report.name, i == 0));
                assert_eq!(site["lang"], if en { serde_json::Value::from("en") } else { serde_json::Value::Null });
                assert_eq!(site["views"], pages);
                let lang = if en { "en" } else { "zh-CN" };
                assert!(page.contains(&format!("<html lang=\"{lang}\"")), "{key}");
                let plain = catalogue::pages::plain_page_file(&report.name, en);
                let plain = match key.strip_prefix("read-") {
                    Some(article) => format!("{plain}#article-{article}"),
                    None => plain,
                };
                assert!(page.contains(&format!("url={plain}\"")), "no scripts: the plain page, {plain}");
            }
        }
    }

    let offline = std::fs::read_to_string(dir.join("offline.html")).unwrap();
    let (scripts, _) = first_script(&offline);
    let id = format!("file:{data_path}");
    let block = scripts.iter().position(|e| e.attr("id") == Some(id.as_str())).expect("the data, inline");
    assert_eq!(scripts[block].text, base64(&data));
    assert!(block < scripts.iter().position(is_inline_executable).unwrap());
    // The offline copy is its report alone: its file inline for the module, no index, no list.
    let report_path = reports::report_files(&catalogue::REPORTS)[0].path.clone();
    let file = scripts
        .iter()
        .find(|e| e.attr("id") == Some(format!("file:{report_path}").as_str()))
        .expect("the report file, inline");
    assert_eq!(file.text.replace("<\\/", "</"), std::fs::read_to_string(dir.join(&report_path)).unwrap());
    assert_eq!(first_script(&offline).1["index"], "");
    assert_eq!(first_script(&offline).1["en"], serde_json::Value::Null, "no English page beside it");
    let views = &first_script(&offline).1["views"];
    assert_eq!(
        (&views["table"], &views["read"]),
        (&serde_json::Value::Null, &serde_json::Value::Null),
        "no table or reading page beside it"
    );
    assert!(views["chart"].as_str().is_some_and(|c| c.contains(' ')), "a chart to bring into view: {views}");
    assert!(!offline.contains("site-reports"));
    std::fs::remove_dir_all(&dir).unwrap();
}

/// A table page's first view is the report's page's, its chart shown as its table where the
/// drawings were (the app's markup for it, `views::markup::chart_table`), in the page's language.
#[test]
fn a_table_page_shows_its_chart_as_its_table() {
    let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><div id=\"boot\" class=\"boot\"></div></body></html>";
    let reports = &*catalogue::REPORTS;
    let figure = |html: &str, chart: &str| -> String {
        // The shell's markup is written short (`compact_markup`): `data-chart=ID>`.
        let at = html.find(&format!("data-chart={chart}>")).unwrap_or_else(|| panic!("{chart}: its figure"));
        html[at..at + html[at..].find("</figure>").unwrap_or(0)].to_string()
    };
    for lang in [Lang::Zh, Lang::En] {
        let main = report_page(page, reports, 0, &ReportPage { lang, address: true, view: PageView::Report }).unwrap();
        let charts =
            catalogue::with_open_report(&reports[0].name, || first_view::drawn_charts(&catalogue::CATALOGUE, lang))
                .unwrap();
        assert!(charts.len() >= 2, "{charts:?}");
        for chart in [charts[0], charts[charts.len() - 1]] {
            let table_page_of = ReportPage { lang, address: true, view: PageView::Table(chart) };
            let html = report_page(page, reports, 0, &table_page_of).unwrap();
            // What the publish step writes, from the report's page as written (its `<noscript>` and
            // policy), is that page as written.
            let written = |html: &str| {
                with_csp(&plain_report::with_noscript_redirect(html, &reports[0].name, lang).unwrap()).unwrap()
            };
            assert_eq!(table_page(&written(&main), reports, 0, &table_page_of).unwrap(), written(&html), "{chart}");
            let table = figure(&html, chart);
            assert!(
                table.contains("<div class=chart__table-wrap><table class=chart__table>") && !table.contains("<svg"),
                "{table}"
            );
            // Its switch says so; its rows are the chart's numbers, in the page's language.
            assert!(table.contains("<button aria-pressed=false disabled tabindex=-1>"), "{table}");
            assert!(table.contains("<button aria-pressed=true disabled tabindex=-1>"), "{table}");
            let header = if lang == Lang::Zh { "<th scope=col>数值</th>" } else { "<th scope=col>Value</th>" };
            assert!(table.contains(header) && table.contains("data-value="), "{lang:?}: {table}");
            // Every other chart as the report's page draws it.
            assert_eq!(elements(&html, "#boot table").unwrap().len(), 1);
            for other in charts.iter().filter(|c| **c != chart) {
                assert_eq!(figure(&html, other), figure(&main, other), "{other}");
            }
        }
        // A chart the report does not have is said, not written.
        let nope = ReportPage { lang, address: true, view: PageView::Table("no-such-chart") };
        assert!(table_page(&main, reports, 0, &nope).is_err());
    }
}

/// A reading page's first view is the article as the reading view draws it, in the page's
/// language, with the masthead saying it is open; its style is the reading view's, without the
/// drawings' (it draws no chart); its own script hands the article over to the app; a browser
/// without scripts goes to the article in the plain page.
#[test]
fn a_reading_page_opens_on_its_article() {
    let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title><meta property=\"og:title\" content=\"t\"><meta name=\"twitter:card\" content=\"summary\"><script type=\"module\">start()</script></head><body><div id=\"boot\" class=\"boot\"></div></body></html>";
    let reports = &*catalogue::REPORTS;
    let report = &reports[0];
    // Text without tags, as a reader sees it.
    let text = |html: &str| {
        let mut out = String::new();
        let mut in_tag = false;
        for c in html.chars() {
            match c {
                '<' => in_tag = true,
                '>' => in_tag = false,
                c if !in_tag => out.push(c),
                _ => {}
            }
        }
        out
    };
    for lang in [Lang::Zh, Lang::En] {
        let written =
            |html: &str| with_csp(&plain_report::with_noscript_redirect(html, &report.name, lang).unwrap()).unwrap();
        let main = written(
            &report_page(page, reports, 0, &ReportPage { lang, address: true, view: PageView::Report }).unwrap(),
        );
        assert!(main.contains("@container"), "the report's page draws its charts");
        assert!(main.contains("og:title") && main.contains("twitter:card"), "the report's page has a preview");
        for article in &report.catalogue.articles {
            let id = article.id.as_str();
            let reading = ReportPage { lang, address: true, view: PageView::Reading(id) };
            let html = reading_page_of(&main, reports, 0, &reading).unwrap();
            let view = elements(&html, "#boot .boot__view").unwrap();
            assert_eq!(view.len(), 1);
            let shell = &html[html.find("<div class=boot__view").unwrap()..html.find("</body>").unwrap()];
            // The article and nothing else: no chart, no headline, no tooltip, no id, nothing to press.
            assert!(shell.contains(&format!("<section class=reader data-read={id}")), "{lang:?} {id}");
            for absent in ["<figure", "<svg", "headline", "read__tip", " id=", "data-fact", "href="] {
                assert!(!shell.contains(absent), "{lang:?} {id}: {absent}");
            }
            let panel = catalogue::with_open_report(&report.name, || {
                views::reader::reader_panel(&catalogue::CATALOGUE, &report.text, id, None, lang).unwrap()
            })
            .unwrap();
            let numbers = panel.as_str().matches("class=\"read__fact\"").count();
            assert!(numbers > 0, "{id}");
            assert_eq!(shell.matches("class=read__fact").count(), numbers, "{lang:?} {id}: every number");
            assert!(shell.matches("disabled").count() >= numbers, "{lang:?} {id}: inert");
            // What the module draws, word for word, less the tooltips.
            let tips = page::rewrite(
                panel.as_str(),
                vec![lol_html::element!(".read__tip", |el| {
                    el.remove();
                    Ok(())
                })],
            )
            .unwrap();
            assert_eq!(text(shell), text(&tips), "{lang:?} {id}");
            let title = if lang == Lang::Zh { &article.title_zh } else { &article.title_en };
            assert!(shell.contains(title.as_str()), "{lang:?} {id}");
            // The masthead's link to it is current, as the app marks it.
            let tools = &html[html.find("<nav class=report-tools").unwrap()..];
            let current = tools.find("aria-current").expect("a current article");
            assert!(tools[current..].find(title.as_str()) < tools[current..].find("</a>"), "{lang:?} {id}");
            // The reading view's style, not the drawings'.
            let style = &elements(&html, "style").unwrap()[0].text;
            assert!(style.contains(".read__fact{") && !style.contains("@container"), "{lang:?} {id}");
            assert_eq!(elements(&html, "style").unwrap().len(), 1);
            // The page's own script, last (after Trunk's loader), in the policy with its style.
            let scripts = elements(&html, "script").unwrap();
            let site = scripts.iter().position(|e| e.attr("id") == Some("site")).unwrap();
            let own = scripts.last().unwrap();
            assert!(own.text.contains("boot__desk") && scripts[scripts.len() - 2].attr("type") == Some("module"));
            let policy = meta_policy(&with_csp(&html).unwrap());
            assert!(policy.contains(&csp_hash(&own.text)) && policy.contains(&csp_hash(style)), "{policy}");
            let site: serde_json::Value = serde_json::from_str(&scripts[site].text).unwrap();
            assert_eq!(site["view"], format!("read-{id}"));
            let plain = catalogue::pages::plain_page_file(&report.name, lang == Lang::En);
            assert!(html.contains(&format!("url={plain}#article-{id}\"")), "{lang:?} {id}");
            // Previews are drawn from the report's page's address, which this page shows.
            assert!(!html.contains("og:") && !html.contains("twitter:"), "{lang:?} {id}");
            // The on-demand module, asked for at the address the app uses, before the page's script.
            let version = views::module_call::module_version(&report.catalogue);
            let preload = html.find(&format!("href=\"extras_bg.wasm?v={version}\" as=fetch crossorigin>"));
            assert!(preload.is_some() && html.contains(&format!("href=\"extras.js?v={version}\" as=script>")), "{id}");
            assert!(preload < html.find("boot__desk"), "{id}");
            // Where each of its facts' sentences lies, for the page's script to mark the one a link
            // names: as long as the reading view's mark of it, in the article's paragraphs.
            let reader = elements(&html, "#boot section.reader").unwrap();
            let quotes = reader[0].attr("data-quotes").unwrap_or_default().to_string();
            // The article's children's text as the browser holds it (UTF-16), read from the shell.
            let children = article_children_text(shell);
            let unescaped = |t: &str| {
                t.replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&#39;", "'")
                    .replace("&amp;", "&")
            };
            let mut marked = 0;
            let mut listed = 0;
            for fact in report.catalogue.facts_in_article(id) {
                let with_mark = catalogue::with_open_report(&report.name, || {
                    views::reader::article_text(&catalogue::CATALOGUE, &report.text, id, Some(&fact.id), lang).unwrap()
                })
                .unwrap();
                // The words the reading view marks for it (a mark holds text only).
                let words: String = with_mark
                    .as_str()
                    .split("<mark class=\"read__quote\"")
                    .skip(1)
                    .map(|m| unescaped(&m[m.find('>').unwrap() + 1..m.find("</mark>").unwrap()]))
                    .collect();
                let tokens: Vec<&str> = quotes
                    .split(' ')
                    .filter(|t| t.split('/').next().unwrap().split(',').any(|i| i == fact.id))
                    .collect();
                assert!(!tokens.is_empty(), "{lang:?} {id}: {} is listed", fact.id);
                listed += 1;
                let places: Vec<Vec<usize>> = tokens
                    .iter()
                    .filter_map(|t| t.split_once('/'))
                    .map(|(_, q)| q.split('/').map(|n| n.parse().unwrap()).collect())
                    .collect();
                // Where the page would mark, the same words.
                let at_places: String =
                    places.iter().map(|p| String::from_utf16(&children[p[0]][p[1]..p[2]]).unwrap()).collect();
                assert_eq!(at_places, words, "{lang:?} {id} {}: {tokens:?}", fact.id);
                marked += usize::from(!places.is_empty());
            }
            assert_eq!(listed, report.catalogue.facts_in_article(id).count());
            assert!(marked > 0, "{lang:?} {id}: some sentence to mark");
        }
        // An article the report does not have is said, not written.
        let nope = ReportPage { lang, address: true, view: PageView::Reading("no-such-article") };
        assert!(reading_page_of(&main, reports, 0, &nope).is_err());
    }
}

/// The text of each element child of the first `<article class=reader__text>` in `shell` (the
/// shell's compact markup, well formed, without void elements in it), as the browser's DOM holds
/// it: character references read, in UTF-16.
fn article_children_text(shell: &str) -> Vec<Vec<u16>> {
    let from = shell.find("<article class=reader__text").expect("the article");
    let rest = &shell[from..];
    let body = &rest[rest.find('>').unwrap() + 1..];
    let (mut depth, mut out, mut i) = (0usize, Vec::<String>::new(), 0);
    let bytes = body.as_bytes();
    while i < body.len() {
        if bytes[i] == b'<' {
            let end = i + body[i..].find('>').unwrap();
            if bytes[i + 1] == b'/' {
                if depth == 0 {
                    break;
                }
                depth -= 1;
            } else {
                if depth == 0 {
                    out.push(String::new());
                }
                depth += 1;
            }
            i = end + 1;
        } else {
            let end = body[i..].find('<').map_or(body.len(), |e| i + e);
            out.last_mut().expect("text inside a child").push_str(&body[i..end]);
            i = end;
        }
    }
    out.iter()
        .map(|t| {
            let t = t.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'");
            t.replace("&amp;", "&").encode_utf16().collect()
        })
        .collect()
}

/// The list of reports goes right before the boot shell, once: publishing a page again replaces
/// it, and a site of one report gets none.
#[test]
fn the_list_of_reports_sits_before_the_boot_shell_once() {
    let page = "<!doctype html><html><head><meta charset=\"utf-8\"><title>t</title></head><body><div id=\"fatal\"></div><div id=\"boot\"></div></body></html>";
    let nav = "<nav class=\"site-reports\"><ul><li>a</li></ul></nav>";
    let once = page::with_reports_nav(page, nav).unwrap();
    assert!(once.contains(&format!("<div id=\"fatal\"></div>{nav}<div id=\"boot\">")), "{once}");
    assert_eq!(page::with_reports_nav(&once, nav).unwrap(), once);
    assert_eq!(page::with_reports_nav(&once, "").unwrap(), page);
}

/// Another report's page names that report in its head, and drops the preview image, which shows
/// the default report's figures.
#[test]
fn another_reports_page_names_it_in_its_head() {
    let head = "<!doctype html><html><head><meta charset=\"utf-8\"><title>Site · Site</title><meta name=\"description\" content=\"site\"><meta property=\"og:title\" content=\"site\"><meta property=\"og:description\" content=\"site\"><meta property=\"og:image\" content=\"og-image.png\"><meta property=\"og:image:width\" content=\"1200\"><meta name=\"twitter:card\" content=\"summary_large_image\"><meta name=\"color-scheme\" content=\"light dark\"></head><body></body></html>";
    let out = page::with_report_head(head, "西山 & <简报> · West Hill", "描述", false).unwrap();
    assert!(out.contains("<title>西山 &amp; &lt;简报&gt; · West Hill</title>"), "{out}");
    assert_eq!(out.matches("content=\"西山 &amp; <简报> · West Hill\"").count(), 1, "{out}");
    assert_eq!(out.matches("content=\"描述\"").count(), 2, "{out}");
    assert!(!out.contains("og-image.png") && !out.contains("og:image"), "{out}");
    assert!(out.contains("content=\"summary\"") && out.contains("color-scheme"), "{out}");
    let r = &catalogue::REPORTS[0];
    assert!(head_title(r).contains(&r.catalogue.articles[0].title_zh));
    assert!(head_description(r).contains(&r.catalogue.articles[0].source_zh), "{}", head_description(r));
}

/// With many reports, the page of every report: the built page's styles, no script, every report
/// a link to its page, and a policy that allows nothing to run.
#[test]
fn the_page_of_every_report_lists_them_all_and_runs_nothing() {
    let reports: Vec<facts::Report> = (0..12)
        .map(|i| {
            let mut r = catalogue::REPORTS[0].clone();
            r.name = format!("r{i}");
            r
        })
        .collect();
    let page = all_reports_page(&trunk_page(), &reports).unwrap();
    assert!(elements(&page, "script").unwrap().is_empty(), "{page}");
    assert!(page.contains("<title>本站的12份报告 · The 12 reports on this site</title>"), "{page}");
    assert_eq!(page.matches("data-report-link=").count(), 12);
    assert!(page.contains("<a href=\"./\" data-report-link=\"r0\">") && page.contains("href=\"r11.html\""));
    assert!(page.contains("rel=\"stylesheet\""), "keeps the site's styles: {page}");
    let with_policy = with_csp(&page).unwrap();
    let policy = meta_policy(&with_policy);
    assert_eq!(directive(&policy, "script-src"), ["'self'", "'wasm-unsafe-eval'"], "{policy}");
}

/// Without a description in `site.toml`, the site's address is described by its first reports'
/// titles and how many more there are: as long for a hundred reports as for four.
#[test]
fn the_sites_description_stays_short_whatever_the_site_holds() {
    let many: Vec<facts::Report> = (0..100).map(|_| catalogue::REPORTS[0].clone()).collect();
    let four = &many[..4];
    let title = views::markup::report_title(&many[0], true);
    let (d4, d100) = (site_description(four), site_description(&many));
    if catalogue::SITE.description_zh.is_empty() {
        assert!(d100.contains(&title) && d100.contains("等100份报告") && d100.contains(" and 97 more"), "{d100}");
        assert_eq!(d100.len(), d4.len() + 2, "{d4}\n{d100}");
        assert_eq!(site_description(&many[..1]).matches(&title).count(), 1);
    } else {
        // seeds/site.toml describes the site itself.
        assert_eq!(d4, d100);
        assert!(d4.starts_with(&catalogue::SITE.description_zh));
    }
}

#[test]
fn the_page_has_one_style_with_every_rule_in_page_order() {
    let page = "<html><head><meta charset=\"utf-8\"><style>.a>b{x:1}</style><link rel=\"icon\" href=\"i.svg\"><style>.c{y:2}</style></head><body><svg><style>.d{z:3}</style></svg></body></html>";
    let out = page::with_one_style(page).unwrap();
    let styles = elements(&out, "style").unwrap();
    assert_eq!(styles.len(), 1, "{out}");
    assert_eq!(styles[0].text, ".a>b{x:1}.c{y:2}.d{z:3}");
    assert!(out.contains("<link rel=\"icon\""));
    assert_eq!(page::with_one_style(&out).unwrap(), out);
    assert_eq!(inline_hashes(&out).unwrap().styles.len(), 1);
    // A style for some media only is left apart, and the page with it.
    let media = page.replace("<style>.c", "<style media=\"print\">.c");
    assert_eq!(page::with_one_style(&media).unwrap(), media);
}

/// The page's own boot script and Trunk's loader are minified here, the same way on every build
/// (Trunk's minifier was not: see Trunk.toml); the boot script becomes a plain script, and data
/// blocks and the live-reload script are left alone.
#[test]
fn inline_scripts_are_minified_the_same_way_every_time() {
    let boot = "<script type=\"text/x-minify\">\n  // why\n  (function () {\n    var longName = document.getElementById('site');\n    window.dashboardSite = longName;\n  })();\n</script>";
    let page = format!("{}{boot}", trunk_page())
        .replace("<body>", "<body><script>/* .well-known/trunk/ws */ var keep = 1;</script>");
    let out = page::with_minified_scripts(&page).unwrap();
    assert_eq!(out, page::with_minified_scripts(&page).unwrap());
    let scripts = elements(&out, "script").unwrap();
    let minified: Vec<_> = scripts.iter().filter(|e| e.text.contains("dashboardSite")).collect();
    assert_eq!(minified.len(), 1);
    assert_eq!(minified[0].attr("type"), None, "a plain script now");
    assert!(!minified[0].text.contains("longName") && !minified[0].text.contains("// why"), "{}", minified[0].text);
    let loader = scripts.iter().find(|e| page::is_trunk_loader(e)).expect("the loader");
    assert!(loader.text.len() < LOADER.len() && loader.text.contains("dashboard-abc.js"), "{}", loader.text);
    // Trunk's loader keeps what the page uses (the app's start, its event) and loses the global
    // of the app's exports, which nothing reads.
    assert!(
        loader.text.contains("TrunkApplicationStarted") && loader.text.contains("dashboard-abc_bg.wasm"),
        "{}",
        loader.text
    );
    assert!(!loader.text.contains("wasmBindings") && !loader.text.contains("*"), "{}", loader.text);
    let other = "import init from './a.js';\nawait init({ module_or_path: './a_bg.wasm' });\n";
    assert_eq!(page::without_bindings_global(other), other, "a loader written otherwise is left as it is");
    assert!(scripts.iter().any(|e| e.text == "/* .well-known/trunk/ws */ var keep = 1;"));
    assert!(scripts.iter().any(|e| e.text == "{\"not\": \"run\"}"));
    // offline.html still finds the files the minified loader names.
    let offline = offline_html(&out, &reader(files())).unwrap();
    assert!(offline.contains("dashboardSite") && !offline.contains("dashboard-abc_bg.wasm"));
    // A script that does not parse is refused, not shipped as written.
    let broken = page.replace("var longName =", "var = ;");
    assert!(page::with_minified_scripts(&broken).is_err());
}
