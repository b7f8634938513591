//! Components in a real browser (wasm-bindgen-test + ChromeDriver + Chromium).
#![cfg(target_arch = "wasm32")]

use app::components::app::App;
use app::panic_screen;
use wasm_bindgen::JsCast;
use wasm_bindgen_test::*;
use web_sys::{HtmlCanvasElement, HtmlElement};

wasm_bindgen_test_configure!(run_in_browser);

fn document() -> web_sys::Document {
    web_sys::window().and_then(|w| w.document()).expect("a document")
}

/// Lets effects and a frame run.
async fn next_frame() {
    let promise = js_sys::Promise::new(&mut |resolve, _| {
        let _ = web_sys::window().expect("window").request_animation_frame(&resolve);
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

/// Lets the app settle: sections below the first view mount one per frame and charts off screen
/// draw when the browser is idle, so wait (up to about 5 s) until every section is rendered and
/// every canvas drawn.
async fn settle(root: &HtmlElement) {
    for _ in 0..300 {
        next_frame().await;
        let busy = root.query_selector("[aria-busy=\"true\"]").ok().flatten().is_some();
        let canvases = root.query_selector_all("figure[data-chart] canvas").expect("query");
        let drawn = (0..canvases.length()).filter_map(|i| canvases.item(i)).all(|c| {
            c.dyn_ref::<web_sys::Element>().and_then(|e| e.get_attribute("data-drawn")).as_deref() == Some("1")
        });
        if !busy && canvases.length() > 0 && drawn {
            return;
        }
    }
    panic!("the app did not settle: sections still mounting or charts not drawn");
}

/// Each test starts from the default view: apps mounted by earlier tests wrote their state to the URL.
fn reset_url() {
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&path))
        .expect("replace");
}

/// A host element for an app, with the open report installed as the page installs it (from the
/// same binary data the publish step writes).
fn host(width_px: u32) -> HtmlElement {
    catalogue::install_data(seed_reports::OPEN_DATA).expect("the seeds' data installs");
    reset_url();
    let el: HtmlElement = document().create_element("div").expect("div").dyn_into().expect("html element");
    let _ = el.style().set_property("width", &format!("{width_px}px"));
    document().body().expect("body").append_child(&el).expect("append");
    el
}

#[wasm_bindgen_test]
async fn app_draws_the_sme_chart_into_its_canvas() {
    let el = host(800);
    let handle = leptos::mount::mount_to(el.clone(), App);
    settle(&el).await;
    let canvas: HtmlCanvasElement = el
        .query_selector("[data-chart=\"sme-shares\"] canvas")
        .expect("query")
        .expect("the SME chart has a canvas")
        .dyn_into()
        .expect("a canvas");
    assert_eq!(canvas.get_attribute("data-drawn").as_deref(), Some("1"));
    let dpr = web_sys::window().expect("window").device_pixel_ratio();
    let css_w = canvas.get_bounding_client_rect().width();
    assert_eq!(f64::from(canvas.width()), (css_w * dpr).round());
    assert!(css_w > 700.0 && css_w <= 800.0, "canvas follows its container: {css_w}");
    // The bars are painted: read pixels back from the middle of the first bar row.
    let ctx: web_sys::CanvasRenderingContext2d =
        canvas.get_context("2d").expect("ctx").expect("2d").dyn_into().expect("2d context");
    let data =
        ctx.get_image_data(0.0, 0.0, f64::from(canvas.width()), f64::from(canvas.height())).expect("pixels").data();
    let inked = data.chunks(4).filter(|p| p[0] < 200 || p[1] < 200).count();
    assert!(inked > 1000, "drawn pixels: {inked}");
    drop(handle);
}

#[wasm_bindgen_test]
fn panic_screen_reveals_the_message_in_the_page() {
    let doc = document();
    let fatal = doc.create_element("div").expect("div");
    fatal.set_id("fatal");
    fatal.set_attribute("hidden", "").expect("hidden");
    let detail = doc.create_element("pre").expect("pre");
    detail.set_id("fatal-detail");
    fatal.append_child(&detail).expect("append");
    doc.body().expect("body").append_child(&fatal).expect("append");

    panic_screen::show("panicked at src/x.rs: boom");

    assert!(!fatal.has_attribute("hidden"));
    assert_eq!(detail.text_content().as_deref(), Some("panicked at src/x.rs: boom"));
    fatal.remove();
}

async fn mounted_app(width_px: u32) -> HtmlElement {
    let el = host(width_px);
    let handle = leptos::mount::mount_to(el.clone(), App);
    // Keep the app mounted for the rest of the test.
    std::mem::forget(handle);
    settle(&el).await;
    el
}

fn query(root: &HtmlElement, selector: &str) -> HtmlElement {
    root.query_selector(selector)
        .expect("valid selector")
        .unwrap_or_else(|| panic!("{selector} is in the page"))
        .dyn_into()
        .expect("an html element")
}

#[wasm_bindgen_test]
async fn focusing_a_bar_shows_its_tooltip_with_the_exact_number() {
    let el = mounted_app(900).await;
    let hit = query(&el, "[data-chart=\"gd-clearance\"] .chart__hit[data-fact=\"gd-clearance-2019\"]");
    hit.focus().expect("focusable");
    next_frame().await;
    let tip = query(&el, "[data-chart=\"gd-clearance\"] .tooltip");
    let text = tip.text_content().unwrap_or_default();
    assert!(text.contains("93.6%"), "{text}");
    assert!(text.contains("2019年"), "{text}");
    assert_eq!(hit.get_attribute("aria-describedby").as_deref(), Some("tooltip"));
    el.remove();
}

#[wasm_bindgen_test]
async fn the_table_switch_shows_one_row_per_bar() {
    let el = mounted_app(900).await;
    query(&el, "[data-chart=\"sme-shares\"] button[data-view=\"table\"]").click();
    next_frame().await;
    let rows = el.query_selector_all("[data-chart=\"sme-shares\"] tbody tr").expect("rows");
    assert_eq!(rows.length(), 5);
    let first = query(&el, "[data-chart=\"sme-shares\"] tbody tr td.num");
    assert_eq!(first.text_content().as_deref(), Some("50%以上"));
    assert!(
        el.query_selector("[data-chart=\"sme-shares\"] canvas").expect("query").is_none(),
        "the canvas gives way to the table"
    );
    el.remove();
}

#[wasm_bindgen_test]
async fn the_app_opens_the_view_its_url_describes_and_writes_changes_back() {
    let el = host(900);
    let window = web_sys::window().expect("window");
    let path = window.location().pathname().expect("path");
    let link = format!("{path}?lang=en&chart=gd-clearance&table=gd-clearance&fact=gd-clearance-2019");
    window
        .history()
        .expect("history")
        .replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&link))
        .expect("replace");
    std::mem::forget(leptos::mount::mount_to(el.clone(), App));
    settle(&el).await;
    let html = document().document_element().expect("html");
    assert_eq!(html.get_attribute("lang").as_deref(), Some("en"));
    assert!(el.query_selector("[data-chart=\"gd-clearance\"] table").expect("query").is_some(), "shown as a table");
    let panel = query(&el, "aside.source");
    assert_eq!(panel.get_attribute("data-fact").as_deref(), Some("gd-clearance-2019"));
    // Back to the chart: the URL follows.
    query(&el, "[data-chart=\"gd-clearance\"] button[data-view=\"chart\"]").click();
    next_frame().await;
    let search = window.location().search().expect("search");
    assert!(!search.contains("table="), "{search}");
    assert!(search.contains("lang=en") && search.contains("fact=gd-clearance-2019"), "{search}");
    el.remove();
    let _ = html.set_attribute("lang", "zh-CN");
}

/// The app and the page's drawings made at build time write numbers with the same Rust digits
/// (`catalogue::format::digits`), which must read as the browser's own `Intl.NumberFormat` writes
/// them in each language: for every value of the open report and of the fixture reports at every
/// scale a label divides it by, and where rounding and compact forms are easy to get wrong.
#[wasm_bindgen_test]
fn numbers_read_as_the_browsers_intl_writes_them() {
    use catalogue::format::digits;
    use facts::i18n::Lang;
    catalogue::install_data(seed_reports::OPEN_DATA).expect("the seeds' data installs");
    let mut values = vec![
        0.0, 2.3, 25.0, 93.6, 36988.0, 41000.0, 78000.0, 500000.0, 8.5e6, 1e6, 8e8, 1.41e10, 3.15e10, 1.4e11, 2.3e11,
    ];
    // Ties and carries, where rounding modes differ; negative changes.
    values.extend([
        0.5, 2.5, 12.25, 0.15, 9.96, 999_999.5, 999_000.0, 9_999.995, 999.996, 1234.5678, -2.5, -0.04, -0.0, -2300.0,
        -41000.0,
    ]);
    // The largest steps (万亿, trillion) and past them, and the smallest values.
    values.extend([9.999995e11, 1.5e12, 2.35e13, 1e15, 1e16, 1e21, 1e-7, -1e-7]);
    // The fixture reports' values too (monthly releases: changes, declines, percentage points),
    // read from their catalogues' `value = ` lines.
    let fixtures = [
        include_str!("fixtures/reports/fixture-east-2021q1.facts.toml"),
        include_str!("fixtures/reports/fixture-east-2021q3.facts.toml"),
        include_str!("fixtures/reports/fixture-release-2020m10.facts.toml"),
        include_str!("fixtures/reports/fixture-release-2020m11.facts.toml"),
        include_str!("fixtures/reports/fixture-west-2021h1.facts.toml"),
    ];
    let mut fixture_values = Vec::new();
    for file in fixtures {
        let values: Vec<f64> = file.lines().filter_map(|line| line.strip_prefix("value = ")?.parse().ok()).collect();
        // Every fact's value read: as many values as facts.
        assert_eq!(values.len(), file.matches("[[fact]]").count(), "{values:?}");
        fixture_values.extend(values);
    }
    assert!(fixture_values.len() >= 40 && fixture_values.iter().any(|v| *v < 0.0), "{fixture_values:?}");
    let report_values = catalogue::CATALOGUE.facts.iter().map(|fact| fact.value);
    for value in report_values.chain(fixture_values) {
        values.extend([1.0, 1e3, 1e4, 1e6, 1e8, 1e9, 1e12].map(|scale| value / scale));
    }
    assert!(values.len() > 300, "{}", values.len());
    // The browser's formatter for a language, with these options.
    let intl = |lang: Lang, options: &[(&str, wasm_bindgen::JsValue)]| {
        let object = js_sys::Object::new();
        for (key, value) in options {
            js_sys::Reflect::set(&object, &(*key).into(), value).expect("an option");
        }
        let format = js_sys::Intl::NumberFormat::new(&js_sys::Array::of1(&lang.tag().into()), &object).format();
        move |v: f64| format.call1(&wasm_bindgen::JsValue::UNDEFINED, &v.into()).expect("formats").as_string()
    };
    for lang in [Lang::Zh, Lang::En] {
        let display = if lang == Lang::En { "long" } else { "short" };
        let compact = intl(
            lang,
            &[("notation", "compact".into()), ("compactDisplay", display.into()), ("maximumFractionDigits", 2.into())],
        );
        for decimals in 0..=2u8 {
            let grouped = intl(lang, &[("maximumFractionDigits", decimals.into())]);
            for &v in &values {
                assert_eq!(Some(digits::grouped(v, decimals)), grouped(v), "grouped {v} {decimals} {lang:?}");
            }
        }
        for &v in &values {
            assert_eq!(Some(digits::compact(v, lang)), compact(v), "compact {v} {lang:?}");
        }
    }
    assert_eq!(digits::compact(41000.0, Lang::Zh), "4.1万");
    assert_eq!(digits::compact(2.3e11, Lang::En), "230 billion");
}

/// The on-demand module's entry points, recorded instead of loaded: `window.extrasCalls` gets the
/// arguments of every `dashboardExtras.run`.
fn stub_extras() {
    let install = js_sys::Function::new_no_args(
        "window.extrasCalls = []; window.dashboardExtras = { run: function () { window.extrasCalls.push([].slice.call(arguments, 1)); }, load: function () {}, save: function () {} };",
    );
    install.call0(&wasm_bindgen::JsValue::NULL).expect("stub installed");
}

fn extras_calls() -> Vec<Vec<String>> {
    let calls = js_sys::Reflect::get(&web_sys::window().expect("window"), &"extrasCalls".into()).expect("calls");
    js_sys::Array::from(&calls)
        .iter()
        .map(|c| js_sys::Array::from(&c).iter().map(|a| a.as_string().unwrap_or_default()).collect())
        .collect()
}

#[wasm_bindgen_test]
async fn the_masthead_opens_the_report_and_the_checker_and_asks_the_module_to_draw_them() {
    stub_extras();
    reset_url();
    let el = mounted_app(900).await;
    let links = el.query_selector_all(".report-tools__read").expect("links");
    assert_eq!(links.length(), 3, "one link per article");

    // An article's link opens its reading view in place: the link gains read=, the row marks it,
    // the desk waits for the module, and the module is asked for that article.
    query(&el, ".report-tools__read[data-read-article=\"luoning\"]").click();
    next_frame().await;
    let search = web_sys::window().expect("window").location().search().expect("search");
    assert!(search.contains("read=luoning"), "{search}");
    let current = query(&el, ".report-tools__read[aria-current]");
    assert_eq!(current.get_attribute("data-read-article").as_deref(), Some("luoning"));
    assert!(el.query_selector(".desk .desk__loading").expect("query").is_some(), "the desk says it is loading");
    let last = extras_calls().pop().expect("the module was asked");
    assert_eq!(last, ["desk", "luoning", "", "", "zh", "", ""]);

    // The checker's button opens the checker beside it.
    query(&el, ".report-tools__check").click();
    next_frame().await;
    assert_eq!(query(&el, ".report-tools__check").get_attribute("aria-expanded").as_deref(), Some("true"));
    let last = extras_calls().pop().expect("asked again");
    assert_eq!(last, ["desk", "luoning", "", "", "zh", "checker", ""]);
    el.remove();
    reset_url();
}
