//! The reports the site holds, at the top of the page: the open one (title and issuing body), and
//! the others behind one disclosure ("3 other reports"), each a link to its first section, so a
//! site of a hundred reports does not push the dashboard off the first screen. Written into the
//! page by the publish step (it is the same for every view), in both languages: the page's `lang`
//! shows one. A `<details>`, so it opens without scripts too.

use crate::html;
use crate::html::Html;
use facts::Report;

/// The nav of `reports` (the open one first), or nothing for a site of one report.
pub fn site_reports(reports: &[Report]) -> Html {
    if reports.len() < 2 {
        return Html::default();
    }
    let item = |i: usize, r: &Report| {
        let c = &r.catalogue;
        let first = c.articles.first();
        let title = |zh: bool| {
            let t = first.map_or(r.name.as_str(), |a| if zh { &a.title_zh } else { &a.title_en });
            match (c.articles.len(), zh) {
                (0 | 1, _) => t.to_string(),
                (n, true) => format!("{t} 等{n}篇"),
                (n, false) => format!("{t} and {} more", n - 1),
            }
        };
        let source = |zh: bool| first.map_or("", |a| if zh { a.source_zh.as_str() } else { a.source_en.as_str() });
        // The open report is the page itself; another report opens at its first section (or,
        // without sections, at its first fact), which the page follows into that report.
        let (href, current) = if i == 0 {
            ("./".to_string(), html!(" aria-current=\"page\""))
        } else if let Some(s) = c.sections.first() {
            (format!("?section={}", s.id), Html::default())
        } else {
            (c.facts.first().map_or_else(|| "./".to_string(), |f| format!("?fact={}", f.id)), Html::default())
        };
        html!(
            "<li><a href=\"{}\" data-report-link=\"{}\"{}><span class=\"site-reports__title\"><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></span> <span class=\"site-reports__source\"><span lang=\"zh-CN\">{}</span><span lang=\"en\">{}</span></span></a></li>",
            href,
            r.name,
            current,
            title(true),
            title(false),
            source(true),
            source(false)
        )
    };
    let others: Html = reports.iter().enumerate().skip(1).map(|(i, r)| item(i, r)).collect();
    let n = reports.len() - 1;
    html!(
        "<nav class=\"site-reports\" aria-labelledby=\"site-reports-label\"><span id=\"site-reports-label\" class=\"site-reports__label\"><span lang=\"zh-CN\">本站的报告：</span><span lang=\"en\">Reports on this site:</span></span><ul class=\"site-reports__open\">{}</ul><details class=\"site-reports__others\"><summary><span lang=\"zh-CN\">另有{}份报告</span><span lang=\"en\">{} other report{}</span></summary><ul class=\"site-reports__list\">{}</ul></details></nav>",
        item(0, &reports[0]),
        n,
        n,
        if n == 1 { "" } else { "s" },
        others
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
    fn one_report_has_no_list_and_several_are_listed_the_open_one_first_and_current() {
        assert_eq!(site_reports(&[report("a", 1, Some("s"))]).as_str(), "");
        let html = site_reports(&[report("a", 3, Some("s")), report("b", 1, Some("b-first")), report("c", 1, None)]);
        let html = html.as_str();
        assert!(html.contains("<a href=\"./\" data-report-link=\"a\" aria-current=\"page\">"), "{html}");
        assert!(html.contains("标题0&lt; 等3篇") && html.contains("Title 0 and 2 more"), "{html}");
        assert!(html.contains("<a href=\"?section=b-first\" data-report-link=\"b\">"), "{html}");
        assert!(html.contains("<a href=\"./\" data-report-link=\"c\">"), "{html}");
        assert_eq!(html.matches("aria-current").count(), 1);
        // The open one first, the others behind one disclosure that says how many.
        let open = html.find("aria-current").unwrap_or(usize::MAX);
        let details = html.find("<details class=\"site-reports__others\">").unwrap_or(0);
        assert!(open < details && details < html.find("data-report-link=\"b\"").unwrap_or(0), "{html}");
        assert!(html.contains("另有2份报告") && html.contains("2 other reports"), "{html}");
        let two = site_reports(&[report("a", 1, Some("s")), report("b", 1, Some("t"))]);
        assert!(two.as_str().contains("1 other report</span>"), "{}", two.as_str());
        assert!(html.contains("<span lang=\"en\">A bureau</span>"));
    }
}
