//! The site's Atom feed (RFC 4287), `feed.xml` beside `index.html`, for readers who follow the
//! reports with a feed reader: an entry per report, and an entry per revision, where a later
//! report states an indicator's figure for a period otherwise than an earlier one
//! (`catalogue::revisions`). [`atom`] writes it from the reports alone, so equal reports give the
//! same bytes: no build time, no randomness.
//!
//! Every link in it is relative (`./`, `NAME.html`, `feed.xml`): the site is served from any host
//! under any sub-path, and a feed reader resolves them against the feed's own address. The ids are
//! `urn:uuid:` names derived from the site's name and each entry's content ([`name_uuid`]), so they
//! stay the same wherever the site is hosted.
//!
//! Dates: reports carry no publication date. An entry is dated the last day of the latest month its
//! report's figures cover (`catalogue::revisions::latest_month`), at 00:00:00Z; a revision like the
//! later report that states it. The feed's subtitle says so to its readers.

use std::fmt::Write as _;
use std::ptr;

use sha2::Digest as _;

use catalogue::revisions::{self, Revision, Statement};
use catalogue::{export, fact_text, pages};
use facts::i18n::Lang;
use facts::{Report, Site};
use views::markup::report_title;

/// The feed's file name, at the site's root beside `index.html`.
pub const FEED_FILE: &str = "feed.xml";

/// What the subtitle tells a reader about the entries' dates (see the module's comment).
const DATES_NOTE: &str = "报告未载发布日期：每条的日期是其报告中数字所涉最近月份的最后一天。 · \
    Reports carry no publication date: each entry is dated the last day of the latest month its report's figures cover.";

/// The date of an entry whose report states no period at all: the Unix epoch, before any report's
/// figures, as `publication_order` puts such a report first.
const NO_DATE: &str = "1970-01-01T00:00:00Z";

/// The namespace of this project's feed ids, a random UUID chosen once. Changing it changes every
/// id, and a feed reader then shows every entry again as new.
const ID_NAMESPACE: [u8; 16] =
    [0x03, 0xf2, 0xff, 0x34, 0x2c, 0x61, 0x43, 0xf9, 0x96, 0xfb, 0x9c, 0x0c, 0x74, 0x8e, 0x41, 0xec];

/// One entry, its text still unescaped.
struct Entry {
    id: String,
    title: String,
    /// Relative to the site.
    link: String,
    updated: String,
    /// Plain text.
    summary: Option<String>,
    /// HTML, as `<content type="html">` carries it.
    content_html: Option<String>,
}

/// The Atom document of `reports` (the site's default report first, as `catalogue::REPORTS` gives
/// them) for the site named by `site`: its reports and their revisions, newest first.
pub fn atom(reports: &[Report], site: &Site) -> String {
    let feed_id = name_uuid(&ID_NAMESPACE, &format!("site\n{}\n{}", site.title_zh, site.title_en));
    let entries = entries(reports, &feed_id);
    // Entries are newest first, so the first one's date is the feed's.
    let updated = entries.first().map_or(NO_DATE, |e| e.updated.as_str());

    let mut out = String::new();
    out.push_str("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    out.push_str("<feed xmlns=\"http://www.w3.org/2005/Atom\">\n");
    let site_name = format!("{} · {}", site.title_zh, site.title_en);
    text_element(&mut out, "  ", "title", &site_name);
    text_element(&mut out, "  ", "subtitle", DATES_NOTE);
    text_element(&mut out, "  ", "id", &uuid_urn(&feed_id));
    text_element(&mut out, "  ", "updated", updated);
    // A feed must name an author unless every entry does (RFC 4287 §4.1.1): the site publishes
    // these pages, whoever issued the reports.
    out.push_str("  <author>\n");
    text_element(&mut out, "    ", "name", &site_name);
    out.push_str("  </author>\n");
    link_element(&mut out, "  ", "alternate", "text/html", "./");
    link_element(&mut out, "  ", "self", "application/atom+xml", FEED_FILE);
    for entry in &entries {
        out.push_str("  <entry>\n");
        text_element(&mut out, "    ", "title", &entry.title);
        link_element(&mut out, "    ", "alternate", "text/html", &entry.link);
        text_element(&mut out, "    ", "id", &entry.id);
        text_element(&mut out, "    ", "updated", &entry.updated);
        if let Some(summary) = &entry.summary {
            text_element(&mut out, "    ", "summary", summary);
        }
        if let Some(html) = &entry.content_html {
            let _ = writeln!(out, "    <content type=\"html\">{}</content>", escape(html));
        }
        out.push_str("  </entry>\n");
    }
    out.push_str("</feed>\n");
    out
}

/// The entries, newest first: the reports from the last published, each followed by the revisions
/// it makes (which are dated like it).
fn entries(reports: &[Report], feed_id: &[u8; 16]) -> Vec<Entry> {
    let revisions = revisions::revisions(reports);
    let mut out = Vec::new();
    for &index in revisions::publication_order(reports).iter().rev() {
        let report = &reports[index];
        let updated = last_day_of(revisions::latest_month(report));
        // The site's default report is the first (its page is the site's address).
        let is_default = index == 0;
        out.push(report_entry(report, is_default, feed_id, &updated));
        for revision in revisions.iter().filter(|r| ptr::eq(r.later.report, report)) {
            out.push(revision_entry(revision, is_default, feed_id, &updated));
        }
    }
    out
}

/// A report's entry: its title, its page and what it holds.
fn report_entry(report: &Report, is_default: bool, feed_id: &[u8; 16], updated: &str) -> Entry {
    let articles = &report.catalogue.articles;
    let figures = report.catalogue.facts.len();
    let listed = |zh: bool| {
        articles
            .iter()
            .map(|a| {
                let (title, source) = if zh { (&a.title_zh, &a.source_zh) } else { (&a.title_en, &a.source_en) };
                match (zh, source.is_empty()) {
                    (true, true) => format!("《{title}》"),
                    (true, false) => format!("《{title}》（{source}）"),
                    (false, true) => title.to_string(),
                    (false, false) => format!("{title} ({source})"),
                }
            })
            .collect::<Vec<_>>()
    };
    let plural = |n: usize, word: &str| if n == 1 { format!("1 {word}") } else { format!("{n} {word}s") };
    let summary = format!(
        "{}篇文章，{figures}个数字：{}。 · {}, {}: {}.",
        articles.len(),
        listed(true).join("；"),
        plural(articles.len(), "article"),
        plural(figures, "figure"),
        listed(false).join("; ")
    );
    Entry {
        id: uuid_urn(&name_uuid(feed_id, &format!("report\n{}", report.name))),
        title: crate::head_title(report),
        link: pages::page_link(&report.name, is_default),
        updated: updated.to_string(),
        summary: Some(summary),
        content_html: None,
    }
}

/// A revision's entry: the figure before and after, both reports and both sentences; its link is
/// the indicator's view on the later report's page.
fn revision_entry(revision: &Revision, later_is_default: bool, feed_id: &[u8; 16], updated: &str) -> Entry {
    let Revision { indicator, earlier, later, month } = *revision;
    // Either report carries the declaration of an indicator its facts name; the id if neither does.
    let declared = later.report.indicator(indicator).or_else(|| earlier.report.indicator(indicator));
    let name = |lang: Lang| declared.map_or(indicator, |d| lang.pick(&d.name_zh, &d.name_en)).to_string();
    let period = |lang: Lang| fact_text::period(&later.fact.period, lang);
    let value = |s: Statement, lang: Lang| fact_text::describe(&s.report.catalogue, s.fact, lang).value;
    let title = format!(
        "修订：{}（{}）由{}改为{} · Revised: {} ({}) from {} to {}",
        name(Lang::Zh),
        period(Lang::Zh),
        value(earlier, Lang::Zh),
        value(later, Lang::Zh),
        name(Lang::En),
        period(Lang::En),
        value(earlier, Lang::En),
        value(later, Lang::En),
    );
    let mut html = format!(
        "<p lang=\"zh-CN\">{}</p><p lang=\"en\">{}</p>",
        escape(&format!(
            "《{}》所记{}（{}）为{}，此前《{}》记为{}。",
            report_title(later.report, true),
            name(Lang::Zh),
            period(Lang::Zh),
            value(later, Lang::Zh),
            report_title(earlier.report, true),
            value(earlier, Lang::Zh),
        )),
        escape(&format!(
            "{} states {} ({}) as {}; {} had stated {}.",
            report_title(later.report, false),
            name(Lang::En),
            period(Lang::En),
            value(later, Lang::En),
            report_title(earlier.report, false),
            value(earlier, Lang::En),
        )),
    );
    for (heading_zh, heading_en, statement) in [("此前", "Earlier", earlier), ("修订", "Revised", later)] {
        let _ = write!(
            html,
            "<p><strong>{}</strong></p><blockquote lang=\"zh-CN\"><p>{}</p></blockquote>",
            escape(&format!(
                "{heading_zh}：《{}》 · {heading_en}: {}",
                report_title(statement.report, true),
                report_title(statement.report, false)
            )),
            escape(&statement.fact.quote),
        );
        if !statement.fact.gloss_en.is_empty() {
            let _ = write!(html, "<p lang=\"en\">{}</p>", escape(&statement.fact.gloss_en));
        }
        let link = export::fact_link(&statement.report.catalogue, &statement.fact.id, "");
        let _ = write!(html, "<p><a href=\"{}\">原句在报告中 · The sentence in its report</a></p>", escape(&link));
    }
    let key = format!(
        "revision\n{indicator}\n{month}\n{}\n{}\n{}\n{}",
        earlier.report.name, earlier.fact.id, later.report.name, later.fact.id
    );
    Entry {
        id: uuid_urn(&name_uuid(feed_id, &key)),
        title,
        // Indicator ids are lowercase letters, digits and '-' (verified), so the query needs no
        // encoding.
        link: format!("{}?indicator={indicator}", pages::page_link(&later.report.name, later_is_default)),
        updated: updated.to_string(),
        summary: None,
        content_html: Some(html),
    }
}

/// The last day of `month` (counted as year × 12 + month, as `Period::end_month` counts) at
/// 00:00:00Z, as an RFC 3339 date-time; [`NO_DATE`] for 0, a report that states no period. Years
/// past 9999, which RFC 3339 cannot write, are its last day.
fn last_day_of(month: u32) -> String {
    let Some(from_zero) = month.checked_sub(1) else {
        return NO_DATE.to_string();
    };
    let (year, month) = match (from_zero / 12, from_zero % 12 + 1) {
        (year, _) if year > 9999 => (9999, 12),
        ym => ym,
    };
    let leap = year % 4 == 0 && (year % 100 != 0 || year % 400 == 0);
    let day = match month {
        2 if leap => 29,
        2 => 28,
        4 | 6 | 9 | 11 => 30,
        _ => 31,
    };
    format!("{year:04}-{month:02}-{day:02}T00:00:00Z")
}

/// A name-based UUID of `name` in `namespace` (RFC 9562 §5.8, version 8, from SHA-256 as its
/// Appendix B.2 does): the same name always gives the same id, whatever the host.
fn name_uuid(namespace: &[u8; 16], name: &str) -> [u8; 16] {
    let hash = sha2::Sha256::new().chain_update(namespace).chain_update(name.as_bytes()).finalize();
    let mut uuid = [0u8; 16];
    uuid.copy_from_slice(&hash[..16]);
    uuid[6] = (uuid[6] & 0x0f) | 0x80; // version 8
    uuid[8] = (uuid[8] & 0x3f) | 0x80; // the RFC 9562 variant
    uuid
}

/// `urn:uuid:xxxxxxxx-xxxx-xxxx-xxxx-xxxxxxxxxxxx`.
fn uuid_urn(uuid: &[u8; 16]) -> String {
    let mut out = String::from("urn:uuid:");
    for (i, byte) in uuid.iter().enumerate() {
        if matches!(i, 4 | 6 | 8 | 10) {
            out.push('-');
        }
        let _ = write!(out, "{byte:02x}");
    }
    out
}

/// `<name>text</name>` on a line of its own.
fn text_element(out: &mut String, indent: &str, name: &str, text: &str) {
    let _ = writeln!(out, "{indent}<{name}>{}</{name}>", escape(text));
}

/// `<link rel=… type=… href=…/>` on a line of its own.
fn link_element(out: &mut String, indent: &str, rel: &str, media_type: &str, href: &str) {
    let _ = writeln!(out, "{indent}<link rel=\"{rel}\" type=\"{media_type}\" href=\"{}\"/>", escape(href));
}

/// `text` as XML character data or a quoted attribute value (and as HTML text, which the `html`
/// content is): the five markup characters as references, and the characters XML 1.0 does not
/// allow at all (C0 controls other than tab and line ends, U+FFFE, U+FFFF) left out, as no
/// reference can carry them either.
pub fn escape(text: &str) -> String {
    let allowed: String = text
        .chars()
        .filter(|c| !matches!(c, '\u{0}'..='\u{8}' | '\u{b}' | '\u{c}' | '\u{e}'..='\u{1f}' | '\u{fffe}' | '\u{ffff}'))
        .collect();
    // The markup characters as the page escapes them.
    views::html::escape(&allowed)
}

#[cfg(test)]
mod tests {
    use super::*;
    use facts::{Article, Catalogue, Fact, Indicator, Period, Qualifier, Unit, UnitKind};

    fn site() -> Site {
        Site { title_zh: "看板".into(), title_en: "Dashboard".into(), ..Site::default() }
    }

    fn fact(report: &str, n: u32, indicator: &str, period: Period, value: f64, quote: &str) -> Fact {
        Fact {
            id: format!("{report}-{n}"),
            article: format!("{report}-article"),
            topic: "t".into(),
            region: "r".into(),
            label_zh: "基站".into(),
            label_en: "Stations".into(),
            short_zh: String::new(),
            short_en: String::new(),
            value,
            unit: "station".into(),
            qualifier: Qualifier::Exact,
            measure: facts::Measure::Level,
            base: facts::Base::None,
            period,
            quote: quote.into(),
            expr: String::new(),
            quote_offset: 0,
            gloss_en: String::new(),
            status: facts::Status::Reviewed,
            indicator: Some(indicator.into()),
        }
    }

    fn report(name: &str, title_zh: &str, title_en: &str, facts: Vec<Fact>) -> Report {
        let article = Article {
            id: format!("{name}-article"),
            title_zh: title_zh.into(),
            title_en: title_en.into(),
            source_zh: "东海省通信管理局".into(),
            source_en: "East Sea Communications Administration".into(),
            text_start: 0,
            text_end: 0,
        };
        let station =
            Unit {
                id: "station".into(), kind: UnitKind::Count, zh: "座".into(), en: "stations".into(), baseline: 0.0
            };
        let stations = Indicator {
            id: "east-5g-stations".into(),
            name_zh: "5G基站累计数".into(),
            name_en: "5G base stations in total".into(),
            unit: "station".into(),
            ..Indicator::default()
        };
        Report {
            name: name.into(),
            catalogue: Catalogue {
                seed: format!("{name}.txt"),
                articles: vec![article],
                units: vec![station],
                facts,
                ..Catalogue::default()
            },
            text: String::new(),
            indicators: vec![stations],
        }
    }

    /// Three reports in the site's order (default first): the Q3 brief restates the Q1 brief's
    /// 2020 figure with another value; the annual one, listed first, covers the latest month.
    fn three_reports() -> Vec<Report> {
        vec![
            report(
                "annual",
                "全年 <&> 概况",
                "The year <&> \"all\"",
                vec![fact("annual", 1, "east-5g-stations", Period::AsOf(2021, 12), 80000.0, "年底建成基站8万座")],
            ),
            report(
                "q1",
                "一季度简报",
                "Q1 brief",
                vec![
                    fact("q1", 1, "east-5g-stations", Period::AsOf(2020, 12), 52000.0, "去年底基站5.2万座"),
                    fact("q1", 2, "east-5g-stations", Period::AsOf(2021, 3), 60000.0, "3月末基站6万座"),
                ],
            ),
            report(
                "q3",
                "前三季度简报",
                "Q3 brief",
                vec![
                    fact("q3", 1, "east-5g-stations", Period::AsOf(2020, 12), 53000.0, "经核实，去年底基站5.3万座"),
                    fact("q3", 2, "east-5g-stations", Period::AsOf(2021, 9), 74000.0, "9月末基站7.4万座"),
                ],
            ),
        ]
    }

    /// The text of every `<tag>…</tag>` in `xml`, in document order.
    fn all_of<'a>(xml: &'a str, tag: &str) -> Vec<&'a str> {
        let (open, close) = (format!("<{tag}>"), format!("</{tag}>"));
        xml.split(&open).skip(1).filter_map(|rest| rest.split_once(&close).map(|(text, _)| text)).collect()
    }

    /// The entries of `xml`, each as its own text.
    fn entries_of(xml: &str) -> Vec<&str> {
        all_of(xml, "entry")
    }

    /// Checks that `xml` is well-formed as far as this feed can go wrong: elements nest and close,
    /// there is one root, and every `&` starts a reference. A small check rather than an XML
    /// crate: the end-to-end suite parses the built feed with a real feed parser.
    fn assert_well_formed(xml: &str) {
        let body = xml.strip_prefix("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n").expect("an XML declaration first");
        let mut open: Vec<&str> = Vec::new();
        let mut roots = 0;
        let mut rest = body;
        while let Some(at) = rest.find('<') {
            assert_text(&rest[..at]);
            let end = rest[at..].find('>').expect("a tag closes") + at;
            let tag = &rest[at + 1..end];
            assert!(!tag.contains('<'), "a '<' inside tag {tag:?}");
            if let Some(name) = tag.strip_prefix('/') {
                assert_eq!(open.pop(), Some(name), "closing {name}");
            } else {
                let name = tag.split_whitespace().next().unwrap_or("").trim_end_matches('/');
                assert!(!name.is_empty(), "a tag without a name");
                assert_text(tag);
                if open.is_empty() {
                    roots += 1;
                }
                if !tag.ends_with('/') {
                    open.push(name);
                }
            }
            rest = &rest[end + 1..];
        }
        assert!(open.is_empty(), "left open: {open:?}");
        assert_eq!((roots, rest.trim()), (1, ""), "one root element, nothing after it");
    }

    /// Every `&` of `text` starts one of the references `escape` writes.
    fn assert_text(text: &str) {
        for (at, _) in text.match_indices('&') {
            let after = &text[at..];
            assert!(
                ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|r| after.starts_with(r)),
                "a bare '&' at {after:?}"
            );
        }
    }

    #[test]
    fn the_feed_names_the_site_links_relatively_and_has_an_entry_per_report_and_revision() {
        let reports = three_reports();
        let xml = atom(&reports, &site());
        assert_well_formed(&xml);
        assert!(xml.contains("<feed xmlns=\"http://www.w3.org/2005/Atom\">"), "{xml}");
        assert_eq!(all_of(&xml, "title")[0], "看板 · Dashboard");
        assert!(all_of(&xml, "subtitle")[0].contains("the last day of the latest month"));
        assert!(xml.contains("<link rel=\"alternate\" type=\"text/html\" href=\"./\"/>"));
        assert!(xml.contains("<link rel=\"self\" type=\"application/atom+xml\" href=\"feed.xml\"/>"));
        let ids = all_of(&xml, "id");
        assert!(ids.iter().all(|id| id.starts_with("urn:uuid:") && id.len() == "urn:uuid:".len() + 36), "{ids:?}");
        let mut unique = ids.clone();
        unique.sort();
        unique.dedup();
        assert_eq!(unique.len(), ids.len(), "every id differs: {ids:?}");
        assert_eq!(entries_of(&xml).len(), 3 + 1, "three reports, one revision");
        assert_eq!(xml, atom(&reports, &site()), "the same reports give the same bytes");
    }

    #[test]
    fn entries_are_newest_first_each_dated_by_the_last_day_its_report_covers() {
        let xml = atom(&three_reports(), &site());
        let entries = entries_of(&xml);
        let updated: Vec<&str> = entries.iter().map(|e| all_of(e, "updated")[0]).collect();
        let links: Vec<&str> =
            entries.iter().map(|e| e.split("href=\"").nth(1).and_then(|l| l.split('"').next()).unwrap()).collect();
        // The annual report (the default, at ./) covers December 2021; Q3 (and its revision of
        // Q1's figure) September; Q1 March.
        assert_eq!(
            updated,
            ["2021-12-31T00:00:00Z", "2021-09-30T00:00:00Z", "2021-09-30T00:00:00Z", "2021-03-31T00:00:00Z"]
        );
        assert_eq!(links, ["./", "q3.html", "q3.html?indicator=east-5g-stations", "q1.html"]);
        assert_eq!(all_of(&xml, "updated")[0], "2021-12-31T00:00:00Z", "the feed is as new as its newest entry");
    }

    #[test]
    fn titles_and_text_are_escaped() {
        let xml = atom(&three_reports(), &site());
        let first = entries_of(&xml)[0];
        assert_eq!(all_of(first, "title")[0], "全年 &lt;&amp;&gt; 概况 · The year &lt;&amp;&gt; &quot;all&quot;");
        assert!(all_of(first, "summary")[0]
            .starts_with("1篇文章，1个数字：《全年 &lt;&amp;&gt; 概况》（东海省通信管理局）"));
        assert_eq!(escape("a\u{0}b\u{1b}c\td\u{fffe}"), "abc\td", "characters XML cannot carry are left out");
        let odd = Site { title_zh: "<看板&>".into(), title_en: "'Board'".into(), ..Site::default() };
        let xml = atom(&three_reports(), &odd);
        assert_well_formed(&xml);
        assert_eq!(all_of(&xml, "title")[0], "&lt;看板&amp;&gt; · &#39;Board&#39;");
    }

    #[test]
    fn a_revision_gives_both_values_with_units_both_reports_and_both_sentences() {
        let xml = atom(&three_reports(), &site());
        let revision = entries_of(&xml).into_iter().find(|e| e.contains("?indicator=")).expect("a revision entry");
        assert_eq!(
            all_of(revision, "title")[0],
            "修订：5G基站累计数（截至2020年底）由5.2万座改为5.3万座 · \
             Revised: 5G base stations in total (as of end-2020) from 52,000 stations to 53,000 stations"
        );
        let content = revision.split_once("<content type=\"html\">").map(|(_, c)| c).unwrap();
        // The HTML is escaped once more as the element's text.
        for text in [
            "去年底基站5.2万座",
            "经核实，去年底基站5.3万座",
            "此前：《一季度简报》 · Earlier: Q1 brief",
            "修订：《前三季度简报》 · Revised: Q3 brief",
            "&lt;blockquote lang=&quot;zh-CN&quot;&gt;",
            "href=&quot;q1.html?fact=q1-1&quot;",
            "href=&quot;q3.html?fact=q3-1&quot;",
        ] {
            assert!(content.contains(text), "{text} in {content}");
        }
        assert!(!revision.contains("<summary>"));
    }

    #[test]
    fn every_link_is_relative() {
        let xml = atom(&three_reports(), &site());
        // Links of the feed's elements, and those inside the escaped HTML content.
        let hrefs: Vec<&str> = xml
            .split("href=\"")
            .skip(1)
            .chain(xml.split("href=&quot;").skip(1))
            .filter_map(|rest| rest.split(['"', '&']).next())
            .collect();
        assert_eq!(hrefs.len(), 2 + 4 + 2, "the feed's two, an entry's each, two in the revision");
        for href in hrefs {
            assert!(!href.contains(':') && !href.starts_with('/') && !href.is_empty(), "{href} is not relative");
        }
        assert!(!xml.contains("xml:base"));
    }

    #[test]
    fn dates_are_the_last_day_of_the_month() {
        let month = |y: u32, m: u32| y * 12 + m;
        assert_eq!(last_day_of(month(2020, 2)), "2020-02-29T00:00:00Z");
        assert_eq!(last_day_of(month(2021, 2)), "2021-02-28T00:00:00Z");
        assert_eq!(last_day_of(month(1900, 2)), "1900-02-28T00:00:00Z");
        assert_eq!(last_day_of(month(2000, 2)), "2000-02-29T00:00:00Z");
        assert_eq!(last_day_of(month(2021, 4)), "2021-04-30T00:00:00Z");
        assert_eq!(last_day_of(month(2019, 12)), "2019-12-31T00:00:00Z");
        assert_eq!(last_day_of(0), NO_DATE);
        assert_eq!(last_day_of(month(20000, 1)), "9999-12-31T00:00:00Z");
    }

    #[test]
    fn ids_are_name_based_uuids_of_version_8() {
        let id = uuid_urn(&name_uuid(&ID_NAMESPACE, "site\n看板\nDashboard"));
        assert_eq!(&id[23..24], "8", "{id}");
        assert!(matches!(&id[28..29], "8" | "9" | "a" | "b"), "{id}");
        assert_ne!(id, uuid_urn(&name_uuid(&ID_NAMESPACE, "site\n看板\nDashboard 2")));
    }

    /// The site as built: one entry per report, the default report's at `./`.
    #[test]
    fn the_sites_own_feed_has_an_entry_per_report() {
        let reports = &*catalogue::REPORTS;
        let xml = atom(reports, &catalogue::SITE);
        assert_well_formed(&xml);
        let links: Vec<String> = entries_of(&xml)
            .iter()
            .filter_map(|e| e.split("href=\"").nth(1).and_then(|l| l.split('"').next()))
            .map(|l| l.to_string())
            .collect();
        let revisions = catalogue::revisions::revisions(reports).len();
        assert_eq!(links.len(), reports.len() + revisions);
        assert!(links.iter().any(|l| l == "./"));
        for r in reports.iter().skip(1) {
            assert!(links.contains(&format!("{}.html", r.name)), "{}", r.name);
        }
    }
}
