//! "Cite this": each style names the articles, their issuing bodies, the exact link and the access
//! date in its own form; BibTeX is well formed and escaped; the block is labelled markup.
#![cfg(not(target_arch = "wasm32"))]

use catalogue::CATALOGUE;
use charts::registry::chart_def;
use facts::i18n::Lang;
use facts::{Article, Catalogue, Fact};
use views::cite::{bib_text, bib_url, citations, cite_block, AccessDate, Citations, Target};

/// A link as the app writes them: `&` between parameters, percent-encoded Chinese.
const LINK: &str = "https://example.org/a/b/?lang=en&chart=gd-5g-stations&q=5G%20%E5%9F%BA%E7%AB%99&cv=a1b2c3";
const DAY: AccessDate = AccessDate { year: 2026, month: 12, day: 3 };

/// The site's name, as `seeds/site.toml` gives it.
fn site() -> (&'static str, &'static str) {
    (catalogue::SITE.title_zh.as_str(), catalogue::SITE.title_en.as_str())
}

fn cite(target: Target) -> Citations {
    citations(&CATALOGUE, target, LINK, DAY, site()).unwrap_or_else(|| panic!("{target:?} is citable"))
}

fn article(id: &str) -> &'static Article {
    CATALOGUE.article(id).unwrap_or_else(|| panic!("article {id}"))
}

/// BibTeX counts every brace, escaped or not: they must nest and close.
fn braces_balance(entry: &str) -> bool {
    let mut depth: i64 = 0;
    for c in entry.chars() {
        match c {
            '{' => depth += 1,
            '}' => depth -= 1,
            _ => {}
        }
        if depth < 0 {
            return false;
        }
    }
    depth == 0
}

/// The value of `name = {…}` in a BibTeX entry (up to the brace that closes it).
fn field<'a>(entry: &'a str, name: &str) -> &'a str {
    let key = format!("  {name} = {{");
    let start = entry.find(&key).unwrap_or_else(|| panic!("no {name} in {entry}")) + key.len();
    let mut depth = 1;
    for (i, c) in entry[start..].char_indices() {
        match c {
            '{' => depth += 1,
            '}' => {
                depth -= 1;
                if depth == 0 {
                    return &entry[start..start + i];
                }
            }
            _ => {}
        }
    }
    panic!("{name} is not closed in {entry}")
}

fn bib_key(entry: &str) -> &str {
    let rest = entry.strip_prefix("@online{").unwrap_or_else(|| panic!("an @online entry: {entry}"));
    &rest[..rest.find(',').unwrap_or_else(|| panic!("no key in {entry}"))]
}

/// What every reference must hold, for the articles it is about.
fn check_styles(c: &Citations, articles: &[&Article]) {
    for a in articles {
        for (style, text) in [("GB/T", &c.gbt7714), ("APA", &c.apa), ("BibTeX", &c.bibtex)] {
            assert!(text.contains(&a.title_zh), "{style} names {}: {text}", a.title_zh);
            assert!(text.contains(&a.source_zh), "{style} names {}: {text}", a.source_zh);
        }
        assert!(c.apa.contains(&format!("{} [{}]", a.title_zh, a.title_en)), "APA translates the title: {}", c.apa);
        assert!(c.apa.contains(&format!("{} [{}]", a.source_zh, a.source_en)), "{}", c.apa);
        assert!(field(&c.bibtex, "note").contains(&bib_text(&a.title_en)), "{}", c.bibtex);
    }

    // GB/T 7714-2015: 主要责任者. 题名[EB/OL]. [引用日期]. 获取和访问路径.
    assert!(c.gbt7714.contains("[EB/OL]. [2026-12-03]. "), "{}", c.gbt7714);
    assert!(c.gbt7714.ends_with(&format!(" {LINK}.")), "the exact link, then a full stop: {}", c.gbt7714);
    let authors = c.gbt7714.split(". ").next().unwrap_or_default();
    assert!(articles.iter().all(|a| authors.contains(&a.source_zh)), "authors first: {}", c.gbt7714);

    // APA 7: no date known, retrieval date, the URL last with no full stop after it.
    assert!(c.apa.contains(". (n.d.). "), "{}", c.apa);
    assert!(c.apa.ends_with(&format!(". Retrieved December 3, 2026, from {LINK}")), "{}", c.apa);

    // BibTeX.
    assert!(braces_balance(&c.bibtex), "braces balance: {}", c.bibtex);
    assert!(c.bibtex.ends_with("\n}"), "{}", c.bibtex);
    let key = bib_key(&c.bibtex);
    assert!(!key.is_empty() && key.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b':'), "{key}");
    assert_eq!(field(&c.bibtex, "url"), LINK, "the link verbatim");
    assert_eq!(field(&c.bibtex, "urldate"), "2026-12-03");
    let author = field(&c.bibtex, "author");
    assert!(author.starts_with('{') && author.ends_with('}'), "a corporate author is braced whole: {author}");
    assert!(!c.bibtex.contains("date = {n.d.}") && !c.bibtex.contains("\n  date ="), "no invented date");
}

#[test]
fn the_page_cites_every_article() {
    let c = cite(Target::Page);
    let all: Vec<&Article> = CATALOGUE.articles.iter().collect();
    assert_eq!(all.len(), 3);
    check_styles(&c, &all);
    assert!(c.gbt7714.contains("中小企业与产业数据看板[EB/OL]"), "{}", c.gbt7714);
    assert!(c.apa.contains("SME and industry indicator dashboard"), "{}", c.apa);
    assert_eq!(bib_key(&c.bibtex), "sme-dashboard");
    // Three bodies: GB/T separates them with commas, APA puts "&" before the last, BibTeX "and".
    assert!(c.gbt7714.starts_with("工业和信息化部中小企业局, 广东省工业和信息化厅, "), "{}", c.gbt7714);
    assert!(c.apa.contains("], & "), "{}", c.apa);
    assert_eq!(field(&c.bibtex, "author").matches(" and ").count(), 2);
    insta::assert_snapshot!(format!("{}\n\n{}\n\n{}", c.gbt7714, c.apa, c.bibtex));
}

#[test]
fn a_chart_cites_the_articles_of_its_facts_and_its_own_title() {
    let def = chart_def("gd-5g-stations").unwrap_or_else(|| panic!("chart"));
    let c = cite(Target::Chart("gd-5g-stations"));
    check_styles(&c, &[article("guangdong")]);
    assert!(!c.gbt7714.contains(&article("sme-policy").title_zh), "only the chart's own articles");
    assert!(c.gbt7714.contains(&format!("：图表“{}”[EB/OL]", def.title.0)), "{}", c.gbt7714);
    assert!(c.apa.contains(&format!("[Chart “{}”]", def.title.1)), "{}", c.apa);
    assert!(field(&c.bibtex, "title").ends_with(&format!("图表“{}”", def.title.0)), "{}", c.bibtex);
    assert_eq!(bib_key(&c.bibtex), "sme-dashboard:chart:gd-5g-stations");
    insta::assert_snapshot!(format!("{}\n\n{}\n\n{}", c.gbt7714, c.apa, c.bibtex));
}

#[test]
fn every_chart_and_fact_is_citable() {
    for def in charts::registry::charts() {
        let c =
            citations(&CATALOGUE, Target::Chart(&def.id), LINK, DAY, site()).unwrap_or_else(|| panic!("{}", def.id));
        let mut articles: Vec<&Article> = Vec::new();
        for id in def.fact_ids() {
            let a = article(&CATALOGUE.fact(id).unwrap_or_else(|| panic!("fact {id}")).article);
            if !articles.contains(&a) {
                articles.push(a);
            }
        }
        check_styles(&c, &articles);
    }
    for f in &CATALOGUE.facts {
        let c = citations(&CATALOGUE, Target::Fact(&f.id), LINK, DAY, site()).unwrap_or_else(|| panic!("{}", f.id));
        check_styles(&c, &[article(&f.article)]);
        assert!(c.gbt7714.contains(&format!("指标“{}”", f.label_zh)), "{}", c.gbt7714);
        assert!(field(&c.bibtex, "note").contains(&bib_text(&f.label_en)), "{}", c.bibtex);
    }
}

#[test]
fn a_fact_cites_its_article_and_its_label() {
    let f = CATALOGUE.fact("gd-clearance-2020-06").unwrap_or_else(|| panic!("fact"));
    let c = cite(Target::Fact(&f.id));
    check_styles(&c, &[article("guangdong")]);
    assert!(c.gbt7714.starts_with("广东省工业和信息化厅. "), "{}", c.gbt7714);
    assert!(c.gbt7714.contains(&format!("：指标“{}”[EB/OL]", f.label_zh)), "{}", c.gbt7714);
    assert!(c.apa.contains(&format!("[Indicator “{}”]", f.label_en)), "{}", c.apa);
    assert_eq!(bib_key(&c.bibtex), "sme-dashboard:fact:gd-clearance-2020-06");
    insta::assert_snapshot!(format!("{}\n\n{}\n\n{}", c.gbt7714, c.apa, c.bibtex));
}

#[test]
fn unknown_ids_are_none() {
    assert!(citations(&CATALOGUE, Target::Chart("nope"), LINK, DAY, site()).is_none());
    assert!(citations(&CATALOGUE, Target::Fact("nope"), LINK, DAY, site()).is_none());
    assert!(citations(&CATALOGUE, Target::Chart(""), LINK, DAY, site()).is_none());
}

#[test]
fn access_dates_are_padded_and_named() {
    let d = AccessDate { year: 2027, month: 1, day: 9 };
    assert_eq!(d.iso(), "2027-01-09");
    assert_eq!(d.apa(), "January 9, 2027");
    // A month that cannot be named is written as a number, never as a wrong month.
    assert_eq!(AccessDate { year: 2027, month: 13, day: 1 }.apa(), "2027-13-01");
    assert_eq!(AccessDate { year: 2027, month: 0, day: 1 }.apa(), "2027-00-01");
    let c = citations(&CATALOGUE, Target::Page, LINK, d, site()).unwrap_or_else(|| panic!("page"));
    assert!(c.gbt7714.contains("[2027-01-09]") && c.apa.contains("Retrieved January 9, 2027,"));
    assert_eq!(field(&c.bibtex, "urldate"), "2027-01-09");
}

/// A catalogue whose text holds every character BibTeX or LaTeX treats specially; the fields a
/// reference does not read are copied from the real catalogue.
fn odd() -> Catalogue {
    let article = Article {
        id: "odd".to_string(),
        title_zh: ODD_TITLE_ZH.to_string(),
        title_en: ODD_TITLE_EN.to_string(),
        source_zh: "某局 and {办公室}".to_string(),
        source_en: "Bureau & Office".to_string(),
        ..CATALOGUE.articles[0].clone()
    };
    let fact = Fact {
        id: "odd-fact".to_string(),
        article: "odd".to_string(),
        label_zh: "占比{%}".to_string(),
        label_en: "share {%} & more_than".to_string(),
        ..CATALOGUE.facts[0].clone()
    };
    Catalogue { articles: vec![article], facts: vec![fact], ..CATALOGUE.clone() }
}

const ODD_TITLE_ZH: &str = "报告{草稿} 100% & #1_a\\b $5 ^~";
const ODD_TITLE_EN: &str = "Draft {1} & 50% of #2_x";

/// Outside the url field, every `%&#_$` is escaped by a backslash.
fn specials_escaped(value: &str) -> bool {
    let b = value.as_bytes();
    (0..b.len()).all(|i| !matches!(b[i], b'%' | b'&' | b'#' | b'_' | b'$') || (i > 0 && b[i - 1] == b'\\'))
}

#[test]
fn special_characters_are_escaped_for_bibtex() {
    for target in [Target::Page, Target::Fact("odd-fact")] {
        let c = citations(&odd(), target, LINK, DAY, site()).unwrap_or_else(|| panic!("{target:?}"));
        assert!(braces_balance(&c.bibtex), "{}", c.bibtex);
        for name in ["author", "title", "note"] {
            assert!(specials_escaped(field(&c.bibtex, name)), "{name}: {}", c.bibtex);
        }
        let title = field(&c.bibtex, "title");
        assert!(
            title.starts_with(
                "报告\\textbraceleft{}草稿\\textbraceright{} 100\\% \\& \\#1\\_a\\textbackslash{}b \\$5 \\textasciicircum{}\\textasciitilde{}"
            ),
            "{title}"
        );
        assert_eq!(
            field(&c.bibtex, "author"),
            "{某局 and \\textbraceleft{}办公室\\textbraceright{}}",
            "one braced name"
        );
        // GB/T and APA are plain text: the characters stay as they are.
        assert!(c.gbt7714.contains(ODD_TITLE_ZH) && c.apa.contains(ODD_TITLE_EN));
        assert_eq!(field(&c.bibtex, "url"), LINK);
    }
    assert_eq!(bib_text("a\nb\tc"), "a b c", "no line break inside a field");
}

#[test]
fn the_url_field_holds_only_what_bibtex_reads_verbatim() {
    let odd_link = "https://example.org/?q=5G基站&x={a}\\b c#top";
    let c = citations(&CATALOGUE, Target::Page, odd_link, DAY, site()).unwrap_or_else(|| panic!("page"));
    assert!(braces_balance(&c.bibtex), "{}", c.bibtex);
    assert_eq!(field(&c.bibtex, "url"), "https://example.org/?q=5G%E5%9F%BA%E7%AB%99&x=%7Ba%7D%5Cb%20c#top");
    assert!(bib_url(odd_link).is_ascii());
    assert!(c.gbt7714.ends_with(&format!(" {odd_link}.")) && c.apa.ends_with(odd_link), "text keeps the link");
}

#[test]
fn the_block_labels_each_style_and_points_each_button_at_its_text() {
    let c = cite(Target::Chart("gd-5g-stations"));
    for (lang, heading, copy) in [(Lang::Zh, "引用", "复制"), (Lang::En, "Cite this", "Copy")] {
        let html = cite_block(&c, "gd-5g-stations", lang).into_string();
        assert!(!html.contains("style="), "no style attribute (CSP)");
        assert!(html.starts_with(
            "<section class=\"cite\" aria-labelledby=\"gd-5g-stations-cite-title\"><h3 id=\"gd-5g-stations-cite-title\">"
        ));
        assert!(html.contains(&format!(">{heading}</h3>")), "{html}");
        assert!(html.ends_with("</section>"));
        for (key, label) in [("gbt7714", "GB/T 7714-2015"), ("apa", "APA 7"), ("bibtex", "BibTeX")] {
            let id = format!("gd-5g-stations-cite-{key}");
            assert!(
                html.contains(&format!(
                    "<div class=\"cite__item\"><h4>{label}</h4><pre class=\"cite__text\" data-cite=\"{key}\" id=\"{id}\">"
                )),
                "{html}"
            );
            assert!(
                html.contains(&format!(
                    "<button type=\"button\" class=\"cite__copy\" data-copy=\"{id}\" aria-label=\"{copy} {label}\">{copy}</button></div>"
                )),
                "{html}"
            );
            assert_eq!(html.matches(&format!("id=\"{id}\"")).count(), 1, "ids are unique");
        }
        // The texts are escaped: the link's "&" and the BibTeX braces come through as text.
        assert!(html.contains("?lang=en&amp;chart=gd-5g-stations&amp;q="), "{html}");
        assert!(!html.contains("&chart="), "no raw ampersand");
        let pre_text = |key: &str| -> String {
            let open = format!("data-cite=\"{key}\" id=\"gd-5g-stations-cite-{key}\">");
            let start = html.find(&open).unwrap_or_else(|| panic!("{key}")) + open.len();
            let len = html[start..].find("</pre>").unwrap_or_else(|| panic!("{key} closes"));
            html[start..start + len]
                .replace("&quot;", "\"")
                .replace("&#39;", "'")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&amp;", "&")
        };
        assert_eq!(pre_text("gbt7714"), c.gbt7714);
        assert_eq!(pre_text("apa"), c.apa);
        assert_eq!(pre_text("bibtex"), c.bibtex);
    }
}
