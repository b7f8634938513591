//! The reports the site holds, at the top of the page: each one's title and issuing body, the
//! open one marked, the others a link to their first section. Written into the page by the
//! publish step (it is the same for every view), in both languages: the page's `lang` shows one.

use crate::html;
use crate::html::Html;
use facts::Report;

/// The nav of `reports` (the open one first), or nothing for a site of one report.
pub fn site_reports(reports: &[Report]) -> Html {
    if reports.len() < 2 {
        return Html::default();
    }
    let items: Html = reports
        .iter()
        .enumerate()
        .map(|(i, r)| {
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
        })
        .collect();
    html!(
        "<nav class=\"site-reports\" aria-labelledby=\"site-reports-label\"><ul class=\"site-reports__list\"><li id=\"site-reports-label\" class=\"site-reports__label\"><span lang=\"zh-CN\">本站的报告：</span><span lang=\"en\">Reports on this site:</span></li>{}</ul></nav>",
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
    fn one_report_has_no_list_and_several_are_listed_the_open_one_first_and_current() {
        assert_eq!(site_reports(&[report("a", 1, Some("s"))]).as_str(), "");
        let html = site_reports(&[report("a", 3, Some("s")), report("b", 1, Some("b-first")), report("c", 1, None)]);
        let html = html.as_str();
        assert!(html.contains("<a href=\"./\" data-report-link=\"a\" aria-current=\"page\">"), "{html}");
        assert!(html.contains("标题0&lt; 等3篇") && html.contains("Title 0 and 2 more"), "{html}");
        assert!(html.contains("<a href=\"?section=b-first\" data-report-link=\"b\">"), "{html}");
        assert!(html.contains("<a href=\"./\" data-report-link=\"c\">"), "{html}");
        assert_eq!(html.matches("aria-current").count(), 1);
        assert!(html.contains("<span lang=\"en\">A bureau</span>"));
    }
}
