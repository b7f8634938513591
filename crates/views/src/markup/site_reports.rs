//! The reports the site holds, at the top of every report's page: the open one (title and issuing
//! body), and the others behind one disclosure ("3 other reports"), each a link to its own page
//! (`catalogue::pages`), so a site of a hundred reports does not push the dashboard off the first
//! screen; past [`NAV_OTHERS`] of them, a link to the page of every report ([`all_reports`]), so
//! a page's first load does not grow with the site. Written into each page by the publish step (it is the same for every view of it), in
//! both languages: the page's `lang` shows one. A `<details>`, so it opens without scripts too.

use crate::html;
use crate::html::Html;
use catalogue::pages::page_link;
use facts::{Catalogue, Report};

/// A report's title, in Chinese (`zh`) or English: its first article's, with how many more it
/// has ("… 等3篇", "… and 2 more"), or its name when it has no article.
pub fn report_title(r: &Report, zh: bool) -> String {
    catalogue_title(&r.catalogue, &r.name, zh)
}

/// [`report_title`] of a catalogue, `name` when it has no article.
pub fn catalogue_title(c: &Catalogue, name: &str, zh: bool) -> String {
    let articles = &c.articles;
    let t = articles.first().map_or(name, |a| if zh { &a.title_zh } else { &a.title_en });
    match (articles.len(), zh) {
        (0 | 1, _) => t.to_string(),
        (n, true) => format!("{t} 等{n}篇"),
        (n, false) => format!("{t} and {} more", n - 1),
    }
}

/// The body that issued a report (its first article's), in Chinese or English.
pub fn report_source(r: &Report, zh: bool) -> &str {
    r.catalogue.articles.first().map_or("", |a| if zh { a.source_zh.as_str() } else { a.source_en.as_str() })
}

/// The nav of `reports` (the site's default first) on the page of `reports[open]`, or nothing for
/// a site of one report.
pub fn site_reports(reports: &[Report], open: usize) -> Html {
    let Some(open_report) = reports.get(open).filter(|_| reports.len() > 1) else {
        return Html::default();
    };
    // The open report with its issuing body; the others by title (the page of every report gives
    // each one's body), which keeps the list's bytes on every page's first load down.
    let item = |i: usize, r: &Report| {
        let title = |zh: bool| report_title(r, zh);
        let (current, source) = if i == open {
            (
                html!(" aria-current=\"page\""),
                html!(
                    " <span class=\"site-reports__source\"><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></span>",
                    report_source(r, true),
                    report_source(r, false)
                ),
            )
        } else {
            (Html::default(), Html::default())
        };
        html!(
            "<li><a href=\"{}\" data-report-link=\"{}\"{}><span class=\"site-reports__title\"><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></span>{}</a></li>",
            page_link(&r.name, i == 0),
            r.name,
            current,
            title(true),
            title(false),
            source
        )
    };
    // The reports nearest the open one in the site's order (the next ones first): a page lists at
    // most NAV_OTHERS, so its first load does not grow with the site; the page of every report
    // (`reports.html`) lists the rest.
    let others: Vec<usize> = (open + 1..reports.len()).chain(0..open).take(NAV_OTHERS).collect();
    let mut listed: Html = others.iter().map(|&i| item(i, &reports[i])).collect();
    let n = reports.len() - 1;
    if n > others.len() {
        listed.push(&html!(
            "<li class=\"site-reports__all\"><a href=\"{}\"><span lang=\"zh-CN\">全部{}份报告</span><span lang=\"en\">All {} reports</span></a></li>",
            ALL_REPORTS_PAGE,
            reports.len(),
            reports.len()
        ));
    }
    html!(
        "<nav class=\"site-reports\" aria-labelledby=\"site-reports-label\"><span id=\"site-reports-label\" class=\"site-reports__label\"><span lang=\"zh-CN\">本站的报告：</span><span lang=\"en\">Reports on this site:</span></span><ul class=\"site-reports__open\">{}</ul><details class=\"site-reports__others\"><summary><span lang=\"zh-CN\">另有{}份报告</span><span lang=\"en\">{} other report{}</span></summary><ul class=\"site-reports__list\">{}</ul></details></nav>",
        item(open, open_report),
        n,
        n,
        if n == 1 { "" } else { "s" },
        listed
    )
}

/// How many other reports a page's list at its top names; the rest are on [`ALL_REPORTS_PAGE`].
pub const NAV_OTHERS: usize = 6;

/// The page that lists every report of the site (written by the publish step with more than
/// [`NAV_OTHERS`] + 1 reports).
pub const ALL_REPORTS_PAGE: &str = "reports.html";

/// The body of [`ALL_REPORTS_PAGE`]: every report, in the site's order, with its issuing body,
/// in both languages, each a link to its page. A plain page: no script runs on it.
pub fn all_reports(reports: &[Report]) -> Html {
    let items: Html = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
            html!(
                "<li><a href=\"{}\" data-report-link=\"{}\"><span lang=\"zh-CN\">{}</span></a> <span class=\"site-reports__source\" lang=\"zh-CN\">{}</span><br><span lang=\"en\">{}</span> <span class=\"site-reports__source\" lang=\"en\">{}</span></li>",
                page_link(&r.name, i == 0),
                r.name,
                report_title(r, true),
                report_source(r, true),
                report_title(r, false),
                report_source(r, false)
            )
        })
        .collect();
    html!(
        "<main class=\"all-reports\"><h1><span lang=\"zh-CN\">本站的{}份报告</span> · <span lang=\"en\">The {} reports on this site</span></h1><ol class=\"all-reports__list\">{}</ol></main>",
        reports.len(),
        reports.len(),
        items
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn report(name: &str, articles: usize, section: Option<&str>) -> Report {
        let mut r = Report { name: name.to_string(), ..Report::default() };
        for i in 0..articles {
            r.catalogue.articles.push(facts::Article {
                id: format!("a{i}"),
                title_zh: format!("标题{i}<"),
                title_en: format!("Title {i}"),
                source_zh: "某局".into(),
                source_en: "A bureau".into(),
                text_start: 0,
                text_end: 0,
            });
        }
        if let Some(s) = section {
            r.catalogue.sections.push(facts::presentation::SectionDef {
                id: s.to_string(),
                title: (String::new(), String::new()),
                topics: Vec::new(),
            });
        }
        r
    }

    #[test]
    fn one_report_has_no_list_and_several_are_listed_the_open_one_first_and_current_each_a_link_to_its_page() {
        assert_eq!(site_reports(&[report("a", 1, Some("s"))], 0).as_str(), "");
        let reports = [report("a", 3, Some("s")), report("b", 1, Some("b-first")), report("c", 1, None)];
        let html = site_reports(&reports, 0);
        let html = html.as_str();
        assert!(html.contains("<a href=\"./\" data-report-link=\"a\" aria-current=\"page\">"), "{html}");
        assert!(html.contains("标题0&lt; 等3篇") && html.contains("Title 0 and 2 more"), "{html}");
        assert!(html.contains("<a href=\"b.html\" data-report-link=\"b\">"), "{html}");
        assert!(html.contains("<a href=\"c.html\" data-report-link=\"c\">"), "{html}");
        assert_eq!(html.matches("aria-current").count(), 1);
        // The open one first, the others behind one disclosure that says how many.
        let open = html.find("aria-current").unwrap_or(usize::MAX);
        let details = html.find("<details class=\"site-reports__others\">").unwrap_or(0);
        assert!(open < details && details < html.find("data-report-link=\"b\"").unwrap_or(0), "{html}");
        assert!(html.contains("另有2份报告") && html.contains("2 other reports"), "{html}");
        let two = site_reports(&[report("a", 1, Some("s")), report("b", 1, Some("t"))], 0);
        assert!(two.as_str().contains("1 other report</span>"), "{}", two.as_str());
        assert!(html.contains("<span lang=\"en\">A bureau</span>"));
        // Only the open report names its issuing body; the page of every report names each one's.
        assert_eq!(html.matches("site-reports__source").count(), 1, "{html}");
        // On b's page, b is open and current; the default report is the site's address.
        let on_b = site_reports(&reports, 1);
        let on_b = on_b.as_str();
        assert!(
            on_b.contains(
                "<ul class=\"site-reports__open\"><li><a href=\"b.html\" data-report-link=\"b\" aria-current=\"page\">"
            ),
            "{on_b}"
        );
        assert!(
            on_b.contains("<a href=\"./\" data-report-link=\"a\">") && on_b.contains("data-report-link=\"c\""),
            "{on_b}"
        );
        assert_eq!(on_b.matches("data-report-link").count(), 3);
        assert_eq!(site_reports(&reports, 9).as_str(), "");
        assert!(!html.contains(ALL_REPORTS_PAGE), "three reports are all listed");
    }

    #[test]
    fn a_page_lists_at_most_a_few_other_reports_the_next_ones_first_and_links_to_every_report() {
        let reports: Vec<Report> = (0..30).map(|i| report(&format!("r{i}"), 1, None)).collect();
        let nav = site_reports(&reports, 27);
        let nav = nav.as_str();
        // r27 is open; then r28, r29, r0, r1, ... up to NAV_OTHERS of them.
        let links: Vec<&str> = nav.split("data-report-link=\"").skip(1).filter_map(|s| s.split('"').next()).collect();
        assert_eq!(links, ["r27", "r28", "r29", "r0", "r1", "r2", "r3"]);
        assert!(
            nav.contains("另有29份报告")
                && nav.contains("<a href=\"reports.html\"><span lang=\"zh-CN\">全部30份报告</span>"),
            "{nav}"
        );
        // As long for 30 reports as for 300, but for the two counts it writes.
        let named = |n: usize| -> Vec<Report> { (0..n).map(|i| report(&format!("x{}", i % 10), 1, None)).collect() };
        let (thirty, three_hundred) = (named(30), named(300));
        assert_eq!(site_reports(&three_hundred, 3).as_str().len(), site_reports(&thirty, 3).as_str().len() + 4);
        let page = all_reports(&reports);
        assert_eq!(page.as_str().matches("<li>").count(), 30);
        assert!(
            page.as_str().contains("<a href=\"./\" data-report-link=\"r0\">")
                && page.as_str().contains("href=\"r29.html\"")
        );
    }
}
