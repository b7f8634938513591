//! Post-build publishing of the built page (native only; run by `publish_facts` from Trunk's
//! `post_build` hook on `$TRUNK_STAGING_DIR`). Every report gets a page of its own from the one
//! page Trunk built ([`publish_pages`], [`report_page`]): the same app and wasm, that report's data;
//! that page's twin drawn in English, where a link in English is sent; for each chart a table
//! page in each language ([`table_page`]), where a link to that chart shown as a table is sent;
//! and for each article a reading page in each language ([`reading_page`]), where a link to it is.
//!
//! - [`with_first_view`]: the boot shell (`<div id="boot">`) gets the masthead and the first view,
//!   drawn now by `first_view` from the same markup functions the app uses; [`with_reports_nav`]
//!   puts the list of the site's reports above it and [`with_site`] says where the page's data is.
//! - [`with_csp`]: each page gets a strict Content-Security-Policy `<meta>` as the first element
//!   of `<head>` (after `<meta charset>`), whose `script-src` allows the site's own files,
//!   WebAssembly compilation and exactly the inline scripts and styles present, by SHA-256 hash,
//!   and requires Trusted Types for every markup sink (one policy, [`TRUSTED_TYPES_POLICY`]). Trunk's
//!   inline loader names the hashed file names, so the hash changes with every build and is
//!   computed here from the text Trunk wrote. Pages built by `trunk serve` are left without a
//!   policy (see [`has_trunk_autoreload`]).
//! - [`plain_report`]: each report's plain page in each language, the whole report readable
//!   without scripts; the dashboard's pages send a browser without scripts there.
//! - [`offline_html`]: `offline.html`, the default report's page as one self-contained file (CSS,
//!   favicon, JS loader, the wasm and the report's data, all inlined) that works from `file://`
//!   with no network, under its own policy.
//!
//! Trunk minifies the page and its CSS (`minify = "on_release"`: minify-html, lightningcss) before
//! this step runs; this step minifies the scripts, inline (`page::with_minified_scripts`) and
//! beside the page (the JS glue), with oxc (`minify_js`). SHA-256 and base64 come from the
//! `sha2` and `base64` crates; pages are read and rewritten with `lol_html` (`page`).

pub mod compact_markup;
pub mod fact_panels;
pub mod feed;
pub mod first_view;
pub mod leb128;
pub mod minify_js;
pub mod offline;
pub mod page;
pub mod plain_report;
pub mod reading_page;
pub mod reading_quotes;
pub mod reports;
pub mod short_names;
pub mod unused_exports;

pub use offline::offline_html;
pub use page::{elements, inline_hashes, insert_csp_meta, is_inline_executable, remove_csp_meta, Element};

use facts::i18n::Lang;
use sha2::Digest as _;
use std::fmt;
use std::path::Path;

use page::with_boot_shell;

/// Why a page could not be published.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct PublishError(pub String);

impl fmt::Display for PublishError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl std::error::Error for PublishError {}

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

/// True for a page built by `trunk serve`: it carries Trunk's live-reload script, which the dev
/// server rewrites on every response (it writes the request's `Host` into it), so no hash made
/// at build time can match it. Such a page gets no policy; `trunk build` pages always do.
pub fn has_trunk_autoreload(html: &str) -> Result<bool, PublishError> {
    Ok(elements(html, "script")?.iter().any(page::is_trunk_autoreload))
}

/// `html` with the site policy ([`site_policy`]) for the inline scripts and styles it holds.
pub fn with_csp(html: &str) -> Result<String, PublishError> {
    let html = remove_csp_meta(html)?;
    insert_csp_meta(&html, &site_policy(&inline_hashes(&html)?))
}

/// `html` with its boot shell filled in, in `lang`: the masthead and the first view (with the
/// chart `table` shown as a table), and the first view's chart colours and sizes at the end of
/// `<head>` (unchanged without a boot shell).
pub fn with_first_view(html: &str, lang: Lang, table: Option<&str>) -> Result<String, PublishError> {
    with_boot_shell(
        html,
        &compact_markup::compact_attributes(&first_view::boot_shell(&catalogue::CATALOGUE, lang, table)?),
        &first_view::head_style(&catalogue::CATALOGUE, lang),
    )
}

/// Minifies the `.js` files in `dir` ([`minify_js::minify`]). Their `<link>`s carry no
/// `integrity` (`data-integrity="none"` in index.html): a same-origin file gains nothing from it,
/// and its hash would no longer match.
fn minify_scripts(dir: &Path) -> Result<(), PublishError> {
    let entries = std::fs::read_dir(dir).map_err(|e| PublishError(format!("cannot list {}: {e}", dir.display())))?;
    for path in entries.filter_map(|e| e.ok().map(|e| e.path())).filter(|p| p.extension().is_some_and(|x| x == "js")) {
        let fail = |e: String| PublishError(format!("{}: {e}", path.display()));
        let js = std::fs::read_to_string(&path).map_err(|e| fail(e.to_string()))?;
        let minified = minify_js::minify(&js).map_err(|e| fail(e.0))?;
        std::fs::write(&path, minified).map_err(|e| fail(e.to_string()))?;
    }
    Ok(())
}

/// `html` with its site block for the page `page` of `reports[open]`: where that report's data
/// and its report file are, the reports' index, the views drawn as pages of their own and the
/// pages in the other language ([`reports::site_json`]). Call it with the report open
/// (`catalogue::with_open_report`): the views are the open report's.
pub fn with_site(
    html: &str,
    reports: &[facts::Report],
    open: usize,
    page: &ReportPage,
) -> Result<String, PublishError> {
    let views = drawn_views(page.lang);
    let sections: Vec<&str> = charts::registry::sections().iter().map(|s| s.id.as_str()).collect();
    page::with_site_block(
        html,
        &reports::site_json(reports, open, catalogue::reports_index(), &sections, &views, page)?,
        "",
    )
}

/// The views of the open report (`catalogue::with_open_report`) that have pages of their own in
/// `lang`: each chart the shell draws, as its table, then each article's reading view.
pub fn drawn_views(lang: Lang) -> Vec<PageView<'static>> {
    let catalogue = &*catalogue::CATALOGUE;
    let tables = first_view::drawn_charts(catalogue, lang).into_iter().map(PageView::Table);
    tables.chain(catalogue.articles.iter().map(|a| PageView::Reading(a.id.as_str()))).collect()
}

/// `html` with the list of the site's reports at its top, `reports[open]` marked as the page's own
/// (`views::markup::site_reports`; none for a site of one report).
pub fn with_reports_nav(html: &str, reports: &[facts::Report], open: usize) -> Result<String, PublishError> {
    page::with_reports_nav(
        html,
        &compact_markup::compact_attributes(views::markup::site_reports(reports, open).as_str()),
    )
}

/// Which of a report's pages: every report has its page in Chinese (its address) and its twin
/// in English, and for each chart a table page and each article a reading page in each language.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ReportPage<'a> {
    /// The language its first view is drawn in.
    pub lang: Lang,
    /// The page is the site's address (`index.html` and its twin), the default report's page
    /// under the site's name; for a table or reading page, its links lead there.
    pub address: bool,
    /// What its first view shows.
    pub view: PageView<'a>,
}

/// What a report's page shows first.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum PageView<'a> {
    /// The report from the top: the report's page and its English twin.
    Report,
    /// The report from the top with this chart shown as its table: a table page.
    Table(&'a str),
    /// The reading view of this article: a reading page (`reading_page`).
    Reading(&'a str),
}

impl<'a> PageView<'a> {
    /// The chart a table page shows as its table.
    pub fn table(self) -> Option<&'a str> {
        match self {
            PageView::Table(chart) => Some(chart),
            _ => None,
        }
    }

    /// The article a reading page opens on.
    pub fn article(self) -> Option<&'a str> {
        match self {
            PageView::Reading(article) => Some(article),
            _ => None,
        }
    }

    /// How the site block names the view, and the pages' file names spell it (`NAME.KEY.html`,
    /// `NAME.KEY.en.html`: index.html's first script builds them so): `table-CHART`,
    /// `read-ARTICLE`; none for the report's own page.
    pub fn key(&self) -> Option<String> {
        match self {
            PageView::Report => None,
            PageView::Table(chart) => Some(format!("table-{chart}")),
            PageView::Reading(article) => Some(format!("read-{article}")),
        }
    }
}

impl<'a> ReportPage<'a> {
    /// The chart a table page shows as its table.
    pub fn table(&self) -> Option<&'a str> {
        self.view.table()
    }

    /// The page's file name for the report `name`.
    pub fn file(&self, name: &str) -> String {
        let en = self.lang == Lang::En;
        match self.view {
            PageView::Table(chart) => catalogue::pages::table_page_file(name, chart, en),
            PageView::Reading(article) => catalogue::pages::reading_page_file(name, article, en),
            PageView::Report if en => catalogue::pages::english_page_file(name, self.address),
            PageView::Report => catalogue::pages::page_file(name, self.address),
        }
    }
}

/// The page `page` of `reports[open]` from the page Trunk built: its first view (drawn with that
/// report open, `catalogue::with_open_report`), the list of reports at its top and its site block.
/// The Chinese page is the report's address; the English one
/// (`catalogue::pages::english_page_file`) is where the Chinese page sends a link or a preference
/// in English, and a table page (`catalogue::pages::table_page_file`) where it sends a link to a
/// chart shown as a table, so that the first paint is that view.
pub fn report_page(
    built: &str,
    reports: &[facts::Report],
    open: usize,
    page: &ReportPage,
) -> Result<String, PublishError> {
    let lang = page.lang;
    let report = report_at(reports, open)?;
    // The site's address is named by the site (`seeds/site.toml`), every other page by its report.
    let built = if open == 0 {
        page::with_report_head(built, &site_title(), &site_description(reports), true)?
    } else {
        page::with_report_head(built, &head_title(report), &head_description(report), false)?
    };
    let built = page::with_html_lang(&built, lang)?;
    with_catalogue_of(report, || {
        let html = with_site(
            &with_reports_nav(&with_first_view(&built, lang, page.table())?, reports, open)?,
            reports,
            open,
            page,
        )?;
        page::with_preloads_after_first_script(&page::with_one_style(&html)?)
    })
}

/// `reports[open]`, or the error that says there is none.
pub(crate) fn report_at(reports: &[facts::Report], open: usize) -> Result<&facts::Report, PublishError> {
    reports.get(open).ok_or_else(|| PublishError(format!("no report #{open} to publish")))
}

/// `f`'s result with `report`'s catalogue open (`catalogue::with_open_report`), or the error that
/// says the site has no such report.
fn with_catalogue_of<T>(
    report: &facts::Report,
    f: impl FnOnce() -> Result<T, PublishError>,
) -> Result<T, PublishError> {
    catalogue::with_open_report(&report.name, f)
        .unwrap_or_else(|| Err(PublishError(format!("no report named {:?}", report.name))))
}

/// The table page `page` (`page.table` names its chart) of `reports[open]`, from `main`, the
/// report's page in the same language as the publish step writes it ([`report_page`], then its
/// `<noscript>` and policy): the chart's figure replaced by its table's
/// (`first_view::table_figure`) and the site block by the table page's
/// (`reports::site_json_from`). The same page as drawing it whole (tested), in one pass over the
/// page: a site of a hundred reports has hundreds of table pages. Its scripts and style are
/// the report's page's, and so is its policy.
pub fn table_page(
    main: &str,
    reports: &[facts::Report],
    open: usize,
    page: &ReportPage,
) -> Result<String, PublishError> {
    let report = report_at(reports, open)?;
    let chart = page.table().ok_or_else(|| PublishError("a table page names its chart".into()))?;
    let site = elements(main, "script#site")?.into_iter().next().map(|e| e.text).unwrap_or_default();
    let site = reports::site_json_from(&site, &report.name, page)?;
    let figure = with_catalogue_of(report, || first_view::table_figure(&catalogue::CATALOGUE, page.lang, chart))?;
    let figure =
        figure.ok_or_else(|| PublishError(format!("{}: no chart {chart:?} to show as a table", report.name)))?;
    // Chart ids are lowercase letters, digits and '-' (checked by `verify`).
    let selector = format!("#boot figure[data-chart=\"{chart}\"]");
    let (mut shells, mut replaced) = (0, 0);
    let html = page::rewrite(
        main,
        vec![
            lol_html::element!(selector, |el| {
                el.replace(&figure, lol_html::html_content::ContentType::Html);
                replaced += 1;
                Ok(())
            }),
            lol_html::element!("#boot", |_| {
                shells += 1;
                Ok(())
            }),
            lol_html::element!("script#site", |el| {
                el.set_inner_content(&site, lol_html::html_content::ContentType::Html);
                Ok(())
            }),
        ],
    )?;
    // A page without a boot shell (a test's) is left without one, as `report_page` leaves it.
    if replaced != shells {
        return Err(PublishError(format!("{}: the page has {replaced} figures of {chart:?}", report.name)));
    }
    Ok(html)
}

/// The reading page `page` of `reports[open]` from `main`, the report's page in the same language
/// as written (`reading_page::reading_page`), without its policy.
pub fn reading_page_of(
    main: &str,
    reports: &[facts::Report],
    open: usize,
    page: &ReportPage,
) -> Result<String, PublishError> {
    let report = report_at(reports, open)?;
    with_catalogue_of(report, || reading_page::reading_page(main, &catalogue::CATALOGUE, report, page))
}

/// The site's address's `<title>`: the site's name in both languages (`seeds/site.toml`).
pub fn site_title() -> String {
    format!("{} · {}", catalogue::SITE.title_zh, catalogue::SITE.title_en)
}

/// The site's address's description: `seeds/site.toml`'s, else what its reports are, in both
/// languages.
pub fn site_description(reports: &[facts::Report]) -> String {
    use views::markup::report_title;
    let site = &*catalogue::SITE;
    if !site.description_zh.is_empty() {
        return format!("{} {}", site.description_zh, site.description_en);
    }
    // The first three reports' titles, and how many more: a description stays short whatever the
    // site holds (and the site's address's first load with it).
    let titles = |zh: bool| reports.iter().take(3).map(|r| report_title(r, zh)).collect::<Vec<_>>();
    let more = reports.len().saturating_sub(3);
    let (more_zh, more_en) = if more == 0 {
        (String::new(), String::new())
    } else {
        (format!("等{}份报告", reports.len()), format!(" and {more} more"))
    };
    format!(
        "{}{more_zh}：报告中的每个数字及其原句。{}{more_en}: every number in the reports, with the sentence that states it.",
        titles(true).join("；"),
        titles(false).join("; ")
    )
}

/// A report page's `<title>`: the report's title in both languages, as index.html's names the site.
pub fn head_title(report: &facts::Report) -> String {
    use views::markup::report_title;
    format!("{} · {}", report_title(report, true), report_title(report, false))
}

/// A report page's description: who issued it, its title, and what the page holds, in both
/// languages.
pub fn head_description(report: &facts::Report) -> String {
    use views::markup::{report_source, report_title};
    let (zh, en) = (report_source(report, true), report_source(report, false));
    format!(
        "{}{}：报告中的每个数字及其原句。{}{}: every number in the report, with the sentence that states it.",
        if zh.is_empty() { String::new() } else { format!("{zh}《") },
        if zh.is_empty() { report_title(report, true) } else { format!("{}》", report_title(report, true)) },
        report_title(report, false),
        if en.is_empty() { String::new() } else { format!(" ({en})") }
    )
}

/// The pages of `report` (`default`: the site's default report), its address first. The default
/// report's page is the site's address, `index.html`, and also `NAME.html`, as every report's is: a
/// fact's link in the data (`catalogue::export::fact_link`) stays good should the site open with
/// another report. Each has its English twin, which sends a reader back to it. Then a table page
/// per chart and language; the default report's lead to the site's address.
pub fn report_pages(report: &facts::Report, default: bool) -> Result<Vec<ReportPage<'static>>, PublishError> {
    let addresses: &[bool] = if default { &[true, false] } else { &[false] };
    let mut pages: Vec<ReportPage> = addresses
        .iter()
        .flat_map(|&address| [Lang::Zh, Lang::En].map(|lang| ReportPage { lang, address, view: PageView::Report }))
        .collect();
    for lang in [Lang::Zh, Lang::En] {
        let views = with_catalogue_of(report, || Ok(drawn_views(lang)))?;
        pages.extend(views.into_iter().map(|view| ReportPage { lang, address: default, view }));
    }
    Ok(pages)
}

/// What [`publish_pages`] wrote.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Published {
    /// The policy written into `index.html`; `None` for a `trunk serve` build (see
    /// [`has_trunk_autoreload`]).
    pub index_policy: Option<String>,
    pub offline_bytes: usize,
    /// The report pages written, `index.html` (the default report's) first.
    pub pages: Vec<String>,
    /// How many facts' source panels were written (`fact_panels`), in both languages.
    pub panels: usize,
}

/// Writes every report's page from the `<dir>/index.html` Trunk built (see [`report_page`]): the
/// site's default report as `index.html` (and `NAME.html`), each other one as `NAME.html`, each
/// with its twin drawn in English (`index.en.html`, `NAME.en.html`; `catalogue::pages`), its
/// table pages (`NAME.table-ID.html`, `NAME.table-ID.en.html`, made from those: [`table_page`]) and
/// its reading pages (`NAME.read-ID.html`, `NAME.read-ID.en.html`: [`reading_page`]),
/// each with its policy (unless built by `trunk serve`); and `<dir>/offline.html`, the default report's
/// page as one self-contained file. The reports' data and files must already be in `dir`
/// ([`reports::write`]): the offline copy carries them inline.
pub fn publish_pages(dir: &Path) -> Result<Published, PublishError> {
    let index_path = dir.join("index.html");
    let built = std::fs::read_to_string(&index_path)
        .map_err(|e| PublishError(format!("cannot read {}: {e}", index_path.display())))?;
    // `trunk serve` builds are left as Trunk wrote them (see `has_trunk_autoreload`).
    let served = has_trunk_autoreload(&built)?;
    let built = plain_report::without_noscript_redirect(&built)?;
    let built = page::with_minified_scripts(&built)?;
    if !served {
        minify_scripts(dir)?;
    }
    let reports = &*catalogue::REPORTS;
    let mut published = Published { index_policy: None, offline_bytes: 0, pages: Vec::new(), panels: 0 };
    for (open, report) in reports.iter().enumerate() {
        // The report's pages as written, from which its views' pages are made.
        let mut written: Vec<(ReportPage, String)> = Vec::new();
        for page in report_pages(report, open == 0)? {
            let html = match page.view {
                PageView::Report => {
                    let html = report_page(&built, reports, open, &page)?;
                    let first = page.address && page.lang == Lang::Zh;
                    if first {
                        let read = |name: &str| std::fs::read(dir.join(name)).map_err(|e| e.to_string());
                        let offline = offline_html(&html, &read)?;
                        write_file(&dir.join("offline.html"), &offline)?;
                        published.offline_bytes = offline.len();
                    }
                    // Hosted, a browser without scripts goes on to the report's plain page in the
                    // page's language (offline.html is one file: the plain page is not beside it).
                    let html = plain_report::with_noscript_redirect(&html, &report.name, page.lang)?;
                    let html = if served { html } else { with_csp(&html)? };
                    if first && !served {
                        published.index_policy = Some(site_policy(&inline_hashes(&html)?));
                    }
                    written.push((page, html.clone()));
                    html
                }
                // A view's page is made from the report's page in its language, as written.
                PageView::Table(_) => table_page(written_page(&written, &page, &report.name)?, reports, open, &page)?,
                PageView::Reading(_) => {
                    // Its style and scripts are its own: so is its policy.
                    let html = reading_page_of(written_page(&written, &page, &report.name)?, reports, open, &page)?;
                    if served {
                        html
                    } else {
                        with_csp(&html)?
                    }
                }
            };
            let file = page.file(&report.name);
            write_file(&dir.join(&file), &html)?;
            published.pages.push(file);
        }
    }
    // Every fact's source panel, in both languages (`fact_panels`).
    for report in reports {
        published.panels += fact_panels::write(dir, report)?;
    }
    // Every report's plain page, in both languages (`plain_report`).
    for open in 0..reports.len() {
        for lang in [facts::i18n::Lang::Zh, facts::i18n::Lang::En] {
            let page = plain_report::plain_report_page(&built, reports, open, lang)?;
            let page = if served { page } else { with_csp(&page)? };
            let file = catalogue::pages::plain_page_file(&reports[open].name, lang == facts::i18n::Lang::En);
            write_file(&dir.join(&file), &page)?;
            published.pages.push(file);
        }
    }
    if reports.len() > views::markup::NAV_OTHERS + 1 {
        let page = all_reports_page(&built, reports)?;
        let page = if served { page } else { with_csp(&page)? };
        write_file(&dir.join(views::markup::ALL_REPORTS_PAGE), &page)?;
        published.pages.push(views::markup::ALL_REPORTS_PAGE.to_string());
    }
    Ok(published)
}

/// Writes `bytes` to `path`, creating its folder first (a report's data under `reports/`, the
/// facts' panels under `facts/`).
pub fn write_file(path: &Path, bytes: impl AsRef<[u8]>) -> Result<(), PublishError> {
    if let Some(parent) = path.parent() {
        std::fs::create_dir_all(parent)
            .map_err(|e| PublishError(format!("cannot create {}: {e}", parent.display())))?;
    }
    std::fs::write(path, bytes).map_err(|e| PublishError(format!("cannot write {}: {e}", path.display())))
}

/// The report's page `page`'s views are made from: its page in the same language, as written.
fn written_page<'w>(
    written: &'w [(ReportPage, String)],
    page: &ReportPage,
    name: &str,
) -> Result<&'w str, PublishError> {
    let main = written.iter().find(|(p, _)| p.lang == page.lang && p.address == page.address);
    main.map(|(_, html)| html.as_str())
        .ok_or_else(|| PublishError(format!("{name}: no page to make a view's page from")))
}

/// The page that lists every report (`views::markup::all_reports`), from the page Trunk built: its
/// styles and icon, no script.
pub fn all_reports_page(built: &str, reports: &[facts::Report]) -> Result<String, PublishError> {
    let n = reports.len();
    let head = page::with_report_head(
        built,
        &format!("本站的{n}份报告 · The {n} reports on this site"),
        &format!("本站的{n}份报告，各附发布机构与链接。The {n} reports on this site, each with who issued it and a link to it."),
        false,
    )?;
    page::plain_page(&head, views::markup::all_reports(reports).as_str())
}
