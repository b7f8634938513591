//! Every report's plain page (the whole report without scripts), for the real report and the
//! fixture reports, in both languages.

use catalogue::pages::plain_page_file;
use facts::i18n::Lang;
use publish::plain_report::{noscript_redirect, plain_report_page};

/// Every report of the site, the real one and the fixture reports of tests/fixtures/reports/,
/// verified and mapped as the build does.
fn reports() -> Vec<facts::Report> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("seeds"), root.join("tests/fixtures/reports")];
    let paths = verify::reports::catalogue_paths(&dirs).expect("catalogues");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    verify::to_model::reports(&loaded)
}

const BUILT: &str = "<!doctype html><html lang=\"zh-CN\"><head><meta charset=\"utf-8\"><title>x</title><script>1</script><link rel=\"modulepreload\" href=\"a.js\"></head><body><div id=\"boot\"></div></body></html>";

#[test]
fn every_chart_is_drawn_with_its_table_and_every_number_reaches_its_sentence() {
    let reports = reports();
    assert!(reports.len() > 2, "the real report and the fixtures");
    for (i, report) in reports.iter().enumerate() {
        let c = &report.catalogue;
        for lang in [Lang::Zh, Lang::En] {
            let html = plain_report_page(BUILT, &reports, i, lang).expect("plain page");
            let name = &report.name;
            assert!(
                !html.contains("<script") && !html.contains("<button") && !html.contains("modulepreload"),
                "{name}"
            );
            assert!(html.contains(&format!("<html lang=\"{}\"", lang.tag())), "{name}");
            // Every chart, drawn once per class of window width, with its table behind a
            // disclosure.
            for chart in &c.charts {
                let at =
                    html.find(&format!("id=\"chart-{}\"", chart.id)).unwrap_or_else(|| panic!("{name}: {}", chart.id));
                let figure = &html[at..at + html[at..].find("</figure>").expect("a figure's end")];
                assert_eq!(figure.matches("<svg").count(), 4, "{name} {}", chart.id);
                assert!(figure.contains("<details class=\"plain__table\"><summary>"), "{name} {}", chart.id);
                assert!(figure.contains("fill=\"var(--chart-bar)\"") || figure.contains("stroke=\"var(--chart-bar)\""));
            }
            // Every link to a number reaches an anchor of the page, and every row quotes its
            // sentence.
            let mut links = 0;
            for link in html.split("href=\"#fact-").skip(1) {
                let id = &link[..link.find('"').expect("a closing quote")];
                assert!(html.contains(&format!("id=\"fact-{id}\"")), "{name}: #fact-{id} has no anchor");
                links += 1;
            }
            assert!(links >= c.facts.len().min(1), "{name}");
            for row in html.split("<tr data-fact=\"").skip(1) {
                let id = &row[..row.find('"').expect("a closing quote")];
                if let Some(f) = c.fact(id) {
                    let row = &row[..row.find("</tr>").expect("a row's end")];
                    assert!(row.contains(&views::html::escape(&f.quote)), "{name}: {id}'s row quotes its sentence");
                    assert!(row.contains(&format!("href=\"#fact-{id}\"")), "{name}: {id}'s row links to it");
                }
            }
            // Every article's text, each with an anchor.
            for a in &c.articles {
                assert!(html.contains(&format!("id=\"article-{}\"", a.id)), "{name} {}", a.id);
            }
            // The other language, the dashboard and the downloads are links; the scripts' ids
            // are gone, the page's own are unique.
            assert!(html.contains(&format!("href=\"{}\"", plain_page_file(name, lang == Lang::Zh))), "{name}");
            assert!(html.contains("href=\"facts.csv\"") && html.contains("href=\"facts.json\""));
            let mut ids: Vec<&str> = html.split(" id=\"").skip(1).map(|s| &s[..s.find('"').unwrap_or(0)]).collect();
            let n = ids.len();
            ids.sort_unstable();
            ids.dedup();
            assert_eq!(ids.len(), n, "{name}: ids are unique");
        }
    }
}

#[test]
fn the_dashboard_sends_a_browser_without_scripts_to_the_plain_page_in_its_language() {
    assert_eq!(
        noscript_redirect("r-1", Lang::Zh),
        "<noscript><meta http-equiv=\"refresh\" content=\"0; url=r-1.plain.html\"></noscript>"
    );
    assert_eq!(
        noscript_redirect("r-1", Lang::En),
        "<noscript><meta http-equiv=\"refresh\" content=\"0; url=r-1.plain.en.html\"></noscript>"
    );
}
