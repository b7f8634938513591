//! The reading view of each article, read back: the markup is parsed into a tree (which also
//! checks that every tag closes in order), and the checks are made on the tree: the controls, the
//! text, the marks and the glosses. A tiny catalogue covers what the report does not have:
//! markup characters in the text and facts on the same or overlapping numbers.
#![cfg(not(target_arch = "wasm32"))]

use std::collections::HashMap;
use std::sync::OnceLock;

use catalogue::provenance;
use catalogue::{seed_text, CATALOGUE};
use facts::i18n::Lang;
use facts::{Article, Catalogue, Fact, Named, Period, Qualifier, Status, Unit, UnitKind};
use views::html::Html;
use views::reader::{article_text, reader_panel};

// ----------------------------------------------------------------------------------------------
// Reading the markup back
// ----------------------------------------------------------------------------------------------

#[derive(Debug)]
enum Node {
    Element(Element),
    Text(String),
}

#[derive(Debug)]
struct Element {
    name: String,
    attrs: Vec<(String, String)>,
    children: Vec<Node>,
}

impl Element {
    fn attr(&self, name: &str) -> Option<&str> {
        self.attrs.iter().find(|(k, _)| k == name).map(|(_, v)| v.as_str())
    }

    fn has_class(&self, class: &str) -> bool {
        self.attr("class").is_some_and(|c| c.split(' ').any(|x| x == class))
    }

    /// Text content, leaving out the subtrees `skip` says.
    fn text(&self, skip: &dyn Fn(&Element) -> bool) -> String {
        let mut out = String::new();
        for child in &self.children {
            match child {
                Node::Text(t) => out.push_str(t),
                Node::Element(e) if !skip(e) => out.push_str(&e.text(skip)),
                Node::Element(_) => {}
            }
        }
        out
    }

    /// Every element below this one that `pred` accepts, in document order.
    fn find_all<'a>(&'a self, pred: &dyn Fn(&Element) -> bool, out: &mut Vec<&'a Element>) {
        for child in &self.children {
            if let Node::Element(e) = child {
                if pred(e) {
                    out.push(e);
                }
                e.find_all(pred, out);
            }
        }
    }

    fn all(&self, pred: &dyn Fn(&Element) -> bool) -> Vec<&Element> {
        let mut out = Vec::new();
        self.find_all(pred, &mut out);
        out
    }

    fn child_elements(&self) -> impl Iterator<Item = &Element> {
        self.children.iter().filter_map(|n| match n {
            Node::Element(e) => Some(e),
            Node::Text(_) => None,
        })
    }
}

fn unescape(s: &str) -> String {
    s.replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&#39;", "'").replace("&amp;", "&")
}

/// The markup as a tree under a root element named "#root". Panics on a tag that does not close
/// in order, on a `<` that is not a tag and on an `&` that is not an entity this project writes.
fn parse(html: &Html) -> Element {
    let src = html.as_str();
    let mut stack = vec![Element { name: "#root".into(), attrs: Vec::new(), children: Vec::new() }];
    let mut rest = src;
    while !rest.is_empty() {
        if let Some(tag) = rest.strip_prefix('<') {
            let end = tag.find('>').unwrap_or_else(|| panic!("unclosed tag in {rest:?}"));
            let inside = &tag[..end];
            rest = &tag[end + 1..];
            if let Some(name) = inside.strip_prefix('/') {
                let open = stack.pop().unwrap_or_else(|| panic!("stray </{name}>"));
                assert_eq!(open.name, name, "</{name}> closes <{}>", open.name);
                let parent = stack.last_mut().unwrap_or_else(|| panic!("</{name}> closes the root"));
                parent.children.push(Node::Element(open));
            } else {
                let (name, mut attrs_src) = inside.split_once(' ').unwrap_or((inside, ""));
                assert!(!name.is_empty() && name.bytes().all(|b| b.is_ascii_alphanumeric()), "tag {inside:?}");
                let mut attrs = Vec::new();
                while let Some((key, after)) = attrs_src.trim_start().split_once("=\"") {
                    let (value, more) = after.split_once('"').unwrap_or_else(|| panic!("attribute in {inside:?}"));
                    attrs.push((key.to_string(), unescape(value)));
                    attrs_src = more;
                }
                assert!(attrs_src.trim().is_empty(), "attributes of {inside:?}");
                stack.push(Element { name: name.to_string(), attrs, children: Vec::new() });
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            let raw = &rest[..end];
            for (i, _) in raw.match_indices('&') {
                let entity = ["&amp;", "&lt;", "&gt;", "&quot;", "&#39;"].iter().any(|e| raw[i..].starts_with(e));
                assert!(entity, "bare & in text {raw:?}");
            }
            assert!(!raw.contains('>'), "bare > in text {raw:?}");
            if let Some(open) = stack.last_mut() {
                open.children.push(Node::Text(unescape(raw)));
            }
            rest = &rest[end..];
        }
    }
    assert_eq!(stack.len(), 1, "unclosed <{}>", stack.last().map_or("", |e| e.name.as_str()));
    stack.pop().unwrap_or_else(|| unreachable!())
}

fn is_tip(e: &Element) -> bool {
    e.has_class("read__tip")
}

fn is_gloss(e: &Element) -> bool {
    e.has_class("reader__gloss")
}

/// What the view adds under a paragraph (its English, its indicators' controls), not the
/// report's text.
fn is_annotation(e: &Element) -> bool {
    is_gloss(e) || e.has_class("reader__indicators")
}

fn is_block(e: &Element) -> bool {
    matches!(e.name.as_str(), "h3" | "h4" | "p") && !is_annotation(e)
}

/// The `<article>` of a rendered view.
fn article_element(root: &Element) -> &Element {
    let found = root.all(&|e| e.name == "article");
    assert_eq!(found.len(), 1, "one <article>");
    found[0]
}

/// A block's visible text with, per byte, whether it is a control's button text.
fn text_with_buttons(block: &Element) -> (String, Vec<bool>) {
    fn walk(e: &Element, in_button: bool, text: &mut String, mask: &mut Vec<bool>) {
        for child in &e.children {
            match child {
                Node::Text(t) => {
                    text.push_str(t);
                    mask.extend(std::iter::repeat_n(in_button, t.len()));
                }
                Node::Element(c) if !is_tip(c) => walk(c, in_button || c.name == "button", text, mask),
                Node::Element(_) => {}
            }
        }
    }
    let (mut text, mut mask) = (String::new(), Vec::new());
    walk(block, false, &mut text, &mut mask);
    (text, mask)
}

fn lines(html: &Html) -> String {
    html.as_str().replace("><", ">\n<")
}

fn render(c: &Catalogue, text: &str, article: &str, highlight: Option<&str>, lang: Lang) -> Html {
    article_text(c, text, article, highlight, lang).unwrap_or_else(|| panic!("article {article} renders"))
}

const LANGS: [Lang; 2] = [Lang::Zh, Lang::En];

// ----------------------------------------------------------------------------------------------
// The report
// ----------------------------------------------------------------------------------------------

#[test]
fn every_fact_of_the_article_is_one_control_showing_its_expr() {
    for a in &CATALOGUE.articles {
        for lang in LANGS {
            let root = parse(&render(&CATALOGUE, seed_text(), &a.id, None, lang));
            // The indicators' controls under a paragraph are the view's, not the text's.
            let buttons = root.all(&|e| e.name == "button" && !e.has_class("indicator-ref"));
            let mut seen: HashMap<&str, usize> = HashMap::new();
            for b in &buttons {
                assert!(b.has_class("read__fact") && b.attr("type") == Some("button"), "{b:?}");
                let id = b.attr("data-fact").unwrap_or_else(|| panic!("button without data-fact: {b:?}"));
                let fact = CATALOGUE.fact(id).unwrap_or_else(|| panic!("{id} is not a fact"));
                assert_eq!(fact.article, a.id, "{id} belongs to another article");
                assert_eq!(b.text(&|_| false), fact.expr, "{id}");
                assert_eq!(b.attr("aria-describedby"), Some(format!("tip-{id}").as_str()));
                *seen.entry(&fact.id).or_default() += 1;
            }
            for f in CATALOGUE.facts_in_article(&a.id) {
                assert_eq!(seen.get(f.id.as_str()), Some(&1), "{} ({lang:?}): one control", f.id);
                let tips = root.all(&|e| e.attr("id") == Some(format!("tip-{}", f.id).as_str()));
                assert_eq!(tips.len(), 1, "{}", f.id);
                assert!(is_tip(tips[0]) && tips[0].attr("role") == Some("tooltip"));
                let t = catalogue::fact_text::describe(&CATALOGUE, f, lang);
                let tip = tips[0].text(&|_| false);
                for said in [&t.label, &t.value, &t.period, &t.region, &t.qualifier.to_string()] {
                    assert!(tip.contains(said.as_str()), "{}: {tip:?} lacks {said:?}", f.id);
                }
                assert_eq!(tip.contains(&f.gloss_en), lang == Lang::En || f.gloss_en.is_empty(), "{}", f.id);
                // The control wraps its button and tooltip, nothing else.
                let nums = root.all(&|e| {
                    e.has_class("read__num")
                        && e.child_elements().any(|c| c.attr("data-fact") == Some(f.id.as_str()))
                        && e.child_elements().count() == 2
                });
                assert_eq!(nums.len(), 1, "{}", f.id);
            }
            assert_eq!(buttons.len(), CATALOGUE.facts_in_article(&a.id).count(), "{}", a.id);
        }
    }
}

#[test]
fn the_text_is_the_article_verbatim_in_its_paragraphs() {
    for a in &CATALOGUE.articles {
        let expected = provenance::paragraphs(seed_text(), a.text_start..a.text_end).expect("span in the text");
        for lang in LANGS {
            let html = render(&CATALOGUE, seed_text(), &a.id, Some("no-such-fact"), lang);
            assert!(!html.contains("style="), "no inline styles");
            let root = parse(&html);
            let art = article_element(&root);
            assert_eq!((art.attr("lang"), art.attr("data-read")), (Some("zh-CN"), Some(a.id.as_str())));
            assert!(art.has_class("reader__text"));
            let blocks: Vec<&Element> = art.child_elements().filter(|e| !is_annotation(e)).collect();
            assert!(blocks.iter().all(|e| is_block(e)), "{}: only headings and paragraphs", a.id);
            let shown: Vec<String> = blocks.iter().map(|b| b.text(&is_tip)).collect();
            let wanted: Vec<String> = expected.iter().map(|p| p.text(seed_text())).collect();
            assert_eq!(shown, wanted, "{} ({lang:?})", a.id);
            let tags: Vec<&str> = blocks.iter().map(|b| b.name.as_str()).collect();
            let kinds: Vec<&str> = expected
                .iter()
                .enumerate()
                .map(|(i, p)| match (i, p.heading) {
                    (0, _) => "h3",
                    (_, true) => "h4",
                    (_, false) => "p",
                })
                .collect();
            assert_eq!(tags, kinds, "{}", a.id);
            // Independently of the paragraph rules: every visible character once, in order.
            let visible = |s: &str| s.chars().filter(|c| !c.is_whitespace()).collect::<String>();
            assert_eq!(visible(&shown.concat()), visible(&seed_text()[a.text_start..a.text_end]), "{}", a.id);
            assert!(html.contains(&format!("<h3 class=\"reader__heading\">{}</h3>", a.title_zh)));
            assert!(!html.contains("<mark"), "an unknown fact marks nothing");
        }
    }
    // The column banner over the Guangdong heading is in neither article.
    for a in ["sme-policy", "guangdong"] {
        assert!(!render(&CATALOGUE, seed_text(), a, None, Lang::Zh).contains("做好“六稳”落实“六保”"), "{a}");
    }
}

#[test]
fn a_highlighted_fact_marks_its_whole_quote_and_only_it() {
    for f in &CATALOGUE.facts {
        for lang in LANGS {
            let root = parse(&render(&CATALOGUE, seed_text(), &f.article, Some(&f.id), lang));
            let marks = root.all(&|e| e.name == "mark");
            let marked: String = marks.iter().map(|m| m.text(&|_| false)).collect();
            assert_eq!(marked, f.quote.replace('\n', ""), "{}", f.id);
            assert!(marks.iter().all(|m| m.has_class("read__quote")));
            let ids: Vec<Option<&str>> = marks.iter().map(|m| m.attr("id")).collect();
            assert_eq!(ids.first(), Some(&Some("read-quote")), "{}", f.id);
            assert!(ids[1..].iter().all(Option::is_none), "{}: one id", f.id);
            for m in &marks {
                assert!(m.all(&|e| e.name == "p" || e.name == "button" || e.name == "mark").is_empty(), "{}", f.id);
            }
        }
        // Another article's view marks nothing for it.
        for other in CATALOGUE.articles.iter().filter(|a| a.id != f.article) {
            assert!(!render(&CATALOGUE, seed_text(), &other.id, Some(&f.id), Lang::Zh).contains("<mark"), "{}", f.id);
        }
    }
}

#[test]
fn numbers_that_are_not_facts_are_plain_text() {
    // Not indicators in the catalogue file: a date, a technology's name, a meeting's name.
    for (article, needle) in
        [("guangdong", "4月28日"), ("guangdong", "5G"), ("luoning", "4G"), ("sme-policy", "十九届四中全会")]
    {
        let root = parse(&render(&CATALOGUE, seed_text(), article, None, Lang::En));
        let mut found = 0;
        for block in article_element(&root).child_elements().filter(|e| is_block(e)) {
            let (text, in_button) = text_with_buttons(block);
            for (at, _) in text.match_indices(needle) {
                found += 1;
                assert!(!in_button[at..at + needle.len()].contains(&true), "{needle} in a button: {text}");
            }
        }
        assert!(found > 0, "{needle} is in {article}");
    }
}

#[test]
fn english_glosses_follow_the_paragraphs_of_their_facts() {
    for a in &CATALOGUE.articles {
        assert!(!render(&CATALOGUE, seed_text(), &a.id, None, Lang::Zh).contains("<details"));
        let root = parse(&render(&CATALOGUE, seed_text(), &a.id, None, Lang::En));
        let children: Vec<&Element> = article_element(&root).child_elements().collect();
        let mut all_glosses: Vec<String> = Vec::new();
        for (i, d) in children.iter().enumerate().filter(|(_, e)| is_gloss(e)) {
            assert_eq!(d.name, "details");
            let summary = d.child_elements().next().map(|s| (s.name.as_str(), s.text(&|_| false)));
            assert_eq!(summary, Some(("summary", "English".to_string())));
            let block = children[i.checked_sub(1).unwrap_or_else(|| panic!("a gloss first"))];
            assert!(is_block(block), "a gloss follows a paragraph");
            let facts_here: Vec<&Fact> = block
                .all(&|e| e.name == "button")
                .iter()
                .filter_map(|b| b.attr("data-fact").and_then(|id| CATALOGUE.fact(id)))
                .collect();
            let glosses: Vec<String> = d.all(&|e| e.name == "p").iter().map(|p| p.text(&|_| false)).collect();
            assert!(d.all(&|e| e.name == "p").iter().all(|p| p.attr("lang") == Some("en")));
            let mut wanted: Vec<String> = Vec::new();
            for f in facts_here.iter().filter(|f| !f.gloss_en.is_empty()) {
                if !wanted.iter().any(|g| *g == f.gloss_en) {
                    wanted.push(f.gloss_en.to_string());
                }
            }
            assert_eq!(glosses, wanted, "{}", a.id);
            all_glosses.extend(glosses);
        }
        let mut every: Vec<&str> =
            CATALOGUE.facts_in_article(&a.id).map(|f| f.gloss_en.as_str()).filter(|g| !g.is_empty()).collect();
        every.sort_unstable();
        every.dedup();
        all_glosses.sort_unstable();
        assert_eq!(all_glosses, every, "{}: each gloss once, none left out", a.id);
    }
}

#[test]
fn an_unknown_article_has_no_view() {
    for lang in LANGS {
        assert_eq!(article_text(&CATALOGUE, seed_text(), "nowhere", None, lang), None);
        assert_eq!(reader_panel(&CATALOGUE, seed_text(), "nowhere", Some("sme-share-tax"), lang), None);
        assert_eq!(article_text(&CATALOGUE, seed_text(), "", None, lang), None);
    }
    // A span that is not in the text (a catalogue of another report) is no view either.
    assert_eq!(article_text(&CATALOGUE, "短", "guangdong", None, Lang::Zh), None);
}

#[test]
fn the_panel_names_the_article_and_links_the_others() {
    for a in &CATALOGUE.articles {
        for lang in LANGS {
            let html = reader_panel(&CATALOGUE, seed_text(), &a.id, None, lang).expect("known article");
            assert!(!html.contains("style="));
            let root = parse(&html);
            let section = root.child_elements().next().expect("a section");
            assert_eq!(section.name, "section");
            assert!(section.has_class("reader"));
            assert_eq!(section.attr("data-read"), Some(a.id.as_str()));
            assert_eq!(section.attr("aria-labelledby"), Some("reader-title"));
            let title = root.all(&|e| e.attr("id") == Some("reader-title"));
            assert_eq!(title.len(), 1);
            assert_eq!(
                (title[0].name.as_str(), title[0].text(&|_| false)),
                ("h2", lang.pick(&a.title_zh, &a.title_en).into())
            );
            assert!(html.contains(lang.pick(&a.source_zh, &a.source_en)));
            let close = root.all(&|e| e.has_class("reader__close"));
            assert_eq!(close.len(), 1);
            assert_eq!(close[0].attr("type"), Some("button"));
            assert_eq!(close[0].attr("aria-label"), Some(lang.pick("关闭原文", "Close the report")));
            let links: Vec<(Option<&str>, String)> =
                root.all(&|e| e.name == "a").iter().map(|l| (l.attr("href"), l.text(&|_| false))).collect();
            assert_eq!(links.len(), CATALOGUE.articles.len() - 1);
            for ((href, text), o) in links.iter().zip(CATALOGUE.articles.iter().filter(|o| o.id != a.id)) {
                assert_eq!(*href, Some(format!("?read={}", o.id).as_str()));
                assert_eq!(text, lang.pick(&o.title_zh, &o.title_en));
            }
            assert!(root.all(&|e| e.name == "a").iter().all(|l| l.has_class("reader__article")));
            // Headings nest: h2, then h3, then h4, and nothing else.
            let levels: Vec<&str> =
                root.all(&|e| e.name.len() == 2 && e.name.starts_with('h')).iter().map(|e| e.name.as_str()).collect();
            assert_eq!(levels.first(), Some(&"h2"));
            assert_eq!(levels.get(1), Some(&"h3"));
            assert!(levels[2..].iter().all(|l| *l == "h4"), "{levels:?}");
        }
    }
}

// ----------------------------------------------------------------------------------------------
// A tiny catalogue: markup characters, colliding facts, a quote across a broken line
// ----------------------------------------------------------------------------------------------

const TEXT: &str = "标题<一>&二\n\n第一段共有3个<b>站点</b>&amp;，其中A&B占1/4，还没\n\n完成5项任务。\n\n小标题\n\n末段，无数字。\n\n另一篇\n\n内容，有7个。\n";

fn fixture_fact(id: &str, article: &str, quote: &str, expr: &str) -> Fact {
    Fact {
        id: id.to_string(),
        article: article.to_string(),
        topic: "t".to_string(),
        region: "r".to_string(),
        label_zh: "标签<".to_string(),
        label_en: "Label <".to_string(),
        short_zh: String::new(),
        short_en: String::new(),
        value: 1.0,
        unit: "u".to_string(),
        qualifier: Qualifier::Exact,
        measure: facts::Measure::Level,
        base: facts::Base::None,
        period: Period::Unstated,
        quote: quote.to_string(),
        expr: expr.to_string(),
        quote_offset: TEXT.find(quote).unwrap_or(usize::MAX),
        gloss_en: String::new(),
        status: Status::Reviewed,
        indicator: None,
    }
}

fn fixture() -> &'static Catalogue {
    static CELL: OnceLock<Catalogue> = OnceLock::new();
    CELL.get_or_init(|| {
        let other = TEXT.find("另一篇").unwrap_or(TEXT.len());
        let facts = vec![
            Fact {
                gloss_en: "three <sites> & more".to_string(), ..fixture_fact("f-a", "x", "共有3个<b>站点", "3个")
            },
            // Same number as f-a: f-a, first in the catalogue, gets the control.
            Fact {
                gloss_en: "three <sites> & more".to_string(), ..fixture_fact("f-b", "x", "共有3个<b>站点", "3个")
            },
            // Overlaps f-d's 占1/4, which starts first and wins.
            fixture_fact("f-c", "x", "其中A&B占1/4", "1/4"),
            fixture_fact("f-d", "x", "其中A&B占1/4", "占1/4"),
            Fact { gloss_en: "five items".to_string(), ..fixture_fact("f-e", "x", "还没\n\n完成5项", "5项") },
            // Its offset does not point at its quote: no control, no mark.
            Fact { quote_offset: 1, ..fixture_fact("f-stale", "x", "末段", "末段") },
            fixture_fact("f-y", "y", "有7个", "7个"),
        ];
        let article = |id: &str, title_zh: &str, title_en: &str, text_start, text_end| Article {
            id: id.to_string(),
            title_zh: title_zh.to_string(),
            title_en: title_en.to_string(),
            source_zh: "来源<".to_string(),
            source_en: "Source &".to_string(),
            text_start,
            text_end,
        };
        let named = |id: &str, zh: &str, en: &str| Named { id: id.to_string(), zh: zh.to_string(), en: en.to_string() };
        Catalogue {
            seed: "fixture.txt".to_string(),
            articles: vec![
                article("x", "标题<一>&二", "Title <one> & two", 0, other),
                article("y", "另一篇", "Another", other, TEXT.len()),
            ],
            units: vec![Unit {
                id: "u".to_string(),
                kind: UnitKind::Count,
                zh: "个".to_string(),
                en: "items".to_string(),
                baseline: 0.0,
            }],
            regions: vec![named("r", "某地", "Somewhere")],
            topics: vec![named("t", "主题", "Topic")],
            facts,
            ..Default::default()
        }
    })
}

#[test]
fn markup_characters_in_the_text_are_escaped() {
    let html = render(fixture(), TEXT, "x", None, Lang::En);
    assert!(html.contains("<h3 class=\"reader__heading\">标题&lt;一&gt;&amp;二</h3>"), "{html}");
    assert!(html.contains("&lt;b&gt;站点&lt;/b&gt;&amp;amp;"), "{html}");
    assert!(!html.contains("<b>") && !html.contains("<一>"));
    assert!(html.contains("<p lang=\"en\">three &lt;sites&gt; &amp; more</p>"));
    let root = parse(&html);
    let shown: Vec<String> =
        article_element(&root).child_elements().filter(|e| is_block(e)).map(|b| b.text(&is_tip)).collect();
    assert_eq!(
        shown,
        ["标题<一>&二", "第一段共有3个<b>站点</b>&amp;，其中A&B占1/4，还没完成5项任务。", "小标题", "末段，无数字。"]
    );
    let panel = reader_panel(fixture(), TEXT, "x", None, Lang::En).expect("panel");
    assert!(panel.contains("<h2 id=\"reader-title\" tabindex=\"-1\">Title &lt;one&gt; &amp; two</h2>"), "{panel}");
    assert!(panel.contains("Source: Source &amp;"));
}

#[test]
fn of_facts_on_the_same_or_overlapping_numbers_one_is_the_control() {
    let root = parse(&render(fixture(), TEXT, "x", None, Lang::En));
    let controls: Vec<(String, String)> = root
        .all(&|e| e.name == "button")
        .iter()
        .map(|b| (b.attr("data-fact").unwrap_or("").to_string(), b.text(&|_| false)))
        .collect();
    let want = [("f-a", "3个"), ("f-d", "占1/4"), ("f-e", "5项")];
    assert_eq!(controls, want.map(|(a, b)| (a.to_string(), b.to_string())));
    // f-a and f-b share a gloss: it is given once.
    let glosses: Vec<String> =
        root.all(&|e| e.name == "p" && e.attr("lang") == Some("en")).iter().map(|p| p.text(&|_| false)).collect();
    assert_eq!(glosses, ["three <sites> & more", "five items"]);
}

#[test]
fn a_quote_across_controls_and_a_line_break_is_marked_in_nested_runs() {
    let html = render(fixture(), TEXT, "x", Some("f-e"), Lang::Zh);
    let root = parse(&html);
    let marks = root.all(&|e| e.name == "mark");
    let runs: Vec<String> = marks.iter().map(|m| m.text(&|_| false)).collect();
    // The break between the lines is dropped; the control's text is a run of its own, inside it.
    assert_eq!(runs, ["还没完成", "5项"]);
    assert!(html.contains("aria-describedby=\"tip-f-e\"><mark class=\"read__quote\">5项</mark></button>"), "{html}");
    let html = render(fixture(), TEXT, "x", Some("f-a"), Lang::Zh);
    let runs: Vec<String> = parse(&html).all(&|e| e.name == "mark").iter().map(|m| m.text(&|_| false)).collect();
    assert_eq!(runs, ["共有", "3个", "<b>站点"]);
    assert_eq!(html.matches("id=\"read-quote\"").count(), 1);
    assert!(html.contains("第一段<mark class=\"read__quote\" id=\"read-quote\">共有</mark>"), "{html}");
    // A fact whose offset is stale marks nothing.
    assert!(!render(fixture(), TEXT, "x", Some("f-stale"), Lang::Zh).contains("<mark"));
}

#[test]
fn snapshot_of_a_short_panel() {
    let panel = reader_panel(fixture(), TEXT, "x", Some("f-d"), Lang::En).expect("panel");
    insta::assert_snapshot!(lines(&panel));
}

/// Under a paragraph whose figures measure declared indicators, their controls, named; once each.
#[test]
fn a_paragraphs_indicators_are_named_under_it() {
    for lang in LANGS {
        let html = render(&CATALOGUE, seed_text(), "guangdong", None, lang).into_string();
        let line = html.split("<p class=\"reader__indicators\">").nth(1).map(|l| l.split("</p>").next().unwrap_or(""));
        let line = line.unwrap_or_else(|| panic!("{lang:?}: no line of indicators in {html}"));
        assert!(
            line.contains("data-indicator=\"gd-5g-stations-new\"")
                && line.contains("data-indicator=\"gd-5g-stations\""),
            "{line}"
        );
        assert!(
            line.contains(if lang == Lang::Zh {
                "广东省新建5G基站"
            } else {
                "Guangdong&#39;s new 5G base stations"
            }),
            "{line}"
        );
        assert_eq!(html.matches("data-indicator=\"gd-clearance\"").count(), 1, "once per paragraph");
    }
}
