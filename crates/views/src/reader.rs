//! The reading view: one article of the report as printed, with every number a fact states made a
//! control that opens the fact, and the sentence of the fact in focus marked.
//!
//! The text is the report's own, verbatim, cut into paragraphs by the rules the source panel uses
//! (`catalogue::provenance::paragraphs`): only the line breaks inside a broken paragraph go. Numbers
//! that are not facts (dates, names like 5G) stay plain text: a control exists only where a
//! catalogue fact puts its `expr`. Everything is written with `html!`, so the report's text is
//! escaped like any other.

use std::cmp::Reverse;
use std::ops::Range;

use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use catalogue::provenance::{self, Paragraph};
use facts::i18n::Lang;
use facts::{Article, Catalogue, Fact};

/// One fact's number in the text.
struct Control<'a> {
    at: Range<usize>,
    fact: &'a Fact,
}

/// The article `article` as a `<article class="reader__text">`: its heading (`<h3>`), then its
/// paragraphs (`<p>`, or `<h4>` for the headings inside it). It is meant to sit under an `<h2>`,
/// as in [`reader_panel`].
///
/// `highlight` names the fact whose quote is marked (`<mark class="read__quote">`, the first one
/// with `id="read-quote"` to scroll to); a fact of another article, or an unknown one, marks
/// nothing. In English each paragraph that holds facts is followed by the English glosses of
/// their quotes; the text stays Chinese.
///
/// `None` when there is no such article, or when its span is not a range of `seed_text` (a
/// catalogue built from another text).
pub fn article_text(
    catalogue: &Catalogue,
    seed_text: &str,
    article: &str,
    highlight: Option<&str>,
    lang: Lang,
) -> Option<Html> {
    let a = catalogue.article(article)?;
    let blocks = blocks(seed_text, a)?;
    let facts: Vec<(Range<usize>, &Fact)> =
        catalogue.facts_in_article(&a.id).filter_map(|f| Some((expr_range(seed_text, f)?, f))).collect();
    let controls = controls(&facts, &blocks);
    let mut marks = Marks {
        quote: highlight
            .and_then(|id| catalogue.fact(id))
            .filter(|f| f.article == a.id)
            .and_then(|f| quote_range(seed_text, f)),
        marked: false,
    };

    let mut body = Html::default();
    for (kind, block) in &blocks {
        let inner = block_markup(catalogue, seed_text, block, &controls, &mut marks, lang);
        body.push(&match kind {
            Kind::Title => html!("<h3 class=\"reader__heading\">{}</h3>", inner),
            Kind::Heading => html!("<h4>{}</h4>", inner),
            Kind::Prose => html!("<p>{}</p>", inner),
        });
        if lang == Lang::En {
            body.push(&glosses(&facts, block));
        }
        body.push(&indicators(&facts, block, lang));
    }
    Some(html!("<article class=\"reader__text\" lang=\"zh-CN\" data-read=\"{}\">{}</article>", a.id, body))
}

/// The reading panel: a line saying what it is, the article's title in the reader's language
/// (`<h2 id="reader-title">`), its source, a close button, links to the report's other articles
/// (`?read=ID`, which the app opens in place) and [`article_text`].
///
/// `None` for an unknown article, as [`article_text`].
pub fn reader_panel(
    catalogue: &Catalogue,
    seed_text: &str,
    article: &str,
    highlight: Option<&str>,
    lang: Lang,
) -> Option<Html> {
    let a = catalogue.article(article)?;
    let text = article_text(catalogue, seed_text, article, highlight, lang)?;
    let others: Html = catalogue
        .articles
        .iter()
        .filter(|o| o.id != a.id)
        .map(|o| {
            html!(
                "<a class=\"reader__article\" href=\"?read={}\" data-read-article=\"{}\">{}</a>",
                o.id,
                o.id,
                lang.pick(&o.title_zh, &o.title_en)
            )
        })
        .collect();
    let nav = if others.is_empty() {
        Html::default()
    } else {
        html!(
            "<nav class=\"reader__articles\" aria-label=\"{}\">{}</nav>",
            lang.pick("报告中的其他文章", "Other articles in the report"),
            others
        )
    };
    Some(html!(
        "<section class=\"reader\" data-read=\"{}\" aria-labelledby=\"reader-title\"><header class=\"reader__head\"><p class=\"reader__kicker\">{}</p><h2 id=\"reader-title\" tabindex=\"-1\">{}</h2><p class=\"reader__byline\">{}{}</p><button type=\"button\" class=\"reader__close\" aria-label=\"{}\">×</button></header>{}{}</section>",
        a.id,
        lang.pick("阅读原文", "Read the report"),
        lang.pick(&a.title_zh, &a.title_en),
        lang.pick("来源：", "Source: "),
        lang.pick(&a.source_zh, &a.source_en),
        lang.pick("关闭原文", "Close the report"),
        nav,
        text
    ))
}

/// What a block of the article is shown as.
#[derive(Clone, Copy, PartialEq, Eq)]
enum Kind {
    /// The article's heading line.
    Title,
    /// A line without clause punctuation inside the article.
    Heading,
    Prose,
}

/// The article's blocks: its heading line (the span starts there, by the catalogue's check), then
/// the display paragraphs of the rest.
fn blocks(seed_text: &str, a: &Article) -> Option<Vec<(Kind, Paragraph)>> {
    let span = seed_text.get(a.text_start..a.text_end)?;
    let title_end = a.text_start + span.find('\n').unwrap_or(span.len());
    // One line is one paragraph at most; it is the title whatever its punctuation.
    let title = provenance::paragraphs(seed_text, a.text_start..title_end)?.into_iter().map(|p| (Kind::Title, p));
    let rest = provenance::paragraphs(seed_text, title_end..a.text_end)?
        .into_iter()
        .map(|p| (if p.heading { Kind::Heading } else { Kind::Prose }, p));
    Some(title.chain(rest).collect())
}

/// Where `fact`'s quote is, when the text at its offset really is the quote (a stale catalogue
/// marks nothing rather than the wrong words).
fn quote_range(seed_text: &str, fact: &Fact) -> Option<Range<usize>> {
    let rest = seed_text.get(fact.quote_offset..)?;
    (!fact.quote.trim().is_empty() && rest.starts_with(&fact.quote))
        .then(|| fact.quote_offset..fact.quote_offset + fact.quote.len())
}

/// Where `fact`'s `expr` is: its first occurrence in the quote (the catalogue's convention is
/// that there is only one).
fn expr_range(seed_text: &str, fact: &Fact) -> Option<Range<usize>> {
    let quote = quote_range(seed_text, fact)?;
    if fact.expr.trim().is_empty() {
        return None;
    }
    let at = quote.start + fact.quote.find(&fact.expr)?;
    Some(at..at + fact.expr.len())
}

/// The controls to draw, in text order and never overlapping, each inside one block. The
/// catalogue's check does not forbid two facts on the same or overlapping numbers, so one is
/// chosen: the one that starts first, then the longer, then the first in the catalogue. The other
/// fact's number is then the chosen one's button text, and its gloss still follows the paragraph.
fn controls<'a>(facts: &[(Range<usize>, &'a Fact)], blocks: &[(Kind, Paragraph)]) -> Vec<Control<'a>> {
    let mut candidates: Vec<Control<'a>> = facts
        .iter()
        .filter(|(at, _)| blocks.iter().any(|(_, b)| b.extent().start <= at.start && at.end <= b.extent().end))
        .map(|(at, fact)| Control { at: at.clone(), fact })
        .collect();
    // Stable: equal keys keep catalogue order.
    candidates.sort_by_key(|c| (c.at.start, Reverse(c.at.len())));
    let mut out: Vec<Control<'a>> = Vec::with_capacity(candidates.len());
    for c in candidates {
        if out.last().is_none_or(|last| last.at.end <= c.at.start) {
            out.push(c);
        }
    }
    out
}

/// The highlighted quote and whether a run of it has been marked yet (only the first gets the id).
struct Marks {
    quote: Option<Range<usize>>,
    marked: bool,
}

/// A block's text with its controls and marks. Runs are cut at every piece, control and quote
/// edge; a mark is closed before a control opens or closes, so tags nest: a mark sits inside a
/// button, never around one.
fn block_markup(
    catalogue: &Catalogue,
    seed_text: &str,
    block: &Paragraph,
    controls: &[Control<'_>],
    marks: &mut Marks,
    lang: Lang,
) -> Html {
    let extent = block.extent();
    let inside: Vec<&Control<'_>> =
        controls.iter().filter(|c| extent.start <= c.at.start && c.at.end <= extent.end).collect();
    let mut out = Html::default();
    let mut open_control: Option<&Control<'_>> = None;
    let mut mark_open = false;
    for piece in &block.pieces {
        let mut cuts = vec![piece.start, piece.end];
        let edges =
            inside.iter().flat_map(|c| [c.at.start, c.at.end]).chain(marks.quote.iter().flat_map(|q| [q.start, q.end]));
        cuts.extend(edges.filter(|x| piece.start < *x && *x < piece.end));
        cuts.sort_unstable();
        cuts.dedup();
        for w in cuts.windows(2) {
            let run = w[0]..w[1];
            // Cuts are piece edges and edges of verified quotes and exprs: char boundaries.
            let Some(text) = seed_text.get(run.clone()) else {
                continue;
            };
            let control = inside.iter().copied().find(|c| c.at.start <= run.start && run.end <= c.at.end);
            if control.map(|c| c.at.start) != open_control.map(|c| c.at.start) {
                if mark_open {
                    out.push(&html!("</mark>"));
                    mark_open = false;
                }
                if let Some(c) = open_control {
                    out.push(&close_control(catalogue, c.fact, lang));
                }
                if let Some(c) = control {
                    out.push(&html!(
                        "<span class=\"read__num\"><button type=\"button\" class=\"read__fact\" data-fact=\"{}\" aria-describedby=\"tip-{}\">",
                        c.fact.id,
                        c.fact.id
                    ));
                }
                open_control = control;
            }
            let marked = marks.quote.as_ref().is_some_and(|q| q.start <= run.start && run.end <= q.end);
            if marked && !mark_open {
                out.push(&if marks.marked {
                    html!("<mark class=\"read__quote\">")
                } else {
                    html!("<mark class=\"read__quote\" id=\"read-quote\">")
                });
                marks.marked = true;
                mark_open = true;
            } else if !marked && mark_open {
                out.push(&html!("</mark>"));
                mark_open = false;
            }
            out.push(&Html::text(text));
        }
    }
    if mark_open {
        out.push(&html!("</mark>"));
    }
    if let Some(c) = open_control {
        out.push(&close_control(catalogue, c.fact, lang));
    }
    out
}

/// Ends a control: the button, then its tooltip (label, value, qualifier · period · region, and
/// in English the quote's gloss), which the button names as its description.
fn close_control(catalogue: &Catalogue, fact: &Fact, lang: Lang) -> Html {
    let t = fact_text::describe(catalogue, fact, lang);
    let gloss =
        if t.gloss.is_empty() { Html::default() } else { html!(" <span class=\"read__tip-gloss\">{}</span>", t.gloss) };
    html!(
        "</button><span class=\"read__tip\" role=\"tooltip\" id=\"tip-{}\" lang=\"{}\"><span class=\"read__tip-label\">{}</span> <span class=\"read__tip-value\">{}</span> <span class=\"read__tip-meta\">{}</span>{}</span></span>",
        fact.id,
        lang.tag(),
        t.label,
        t.value,
        format!("{} · {} · {}", t.qualifier, t.period, t.region),
        gloss
    )
}

/// The English glosses of the quotes of the facts whose numbers are in `block`, each once, in
/// text order; nothing when there are none.
fn glosses<'a>(facts: &[(Range<usize>, &'a Fact)], block: &Paragraph) -> Html {
    let extent = block.extent();
    let mut here: Vec<&(Range<usize>, &'a Fact)> =
        facts.iter().filter(|(at, f)| extent.contains(&at.start) && !f.gloss_en.trim().is_empty()).collect();
    here.sort_by_key(|(at, _)| at.start);
    let mut seen: Vec<&str> = Vec::new();
    for (_, f) in here {
        if !seen.contains(&f.gloss_en.as_str()) {
            seen.push(&f.gloss_en);
        }
    }
    if seen.is_empty() {
        return Html::default();
    }
    let paragraphs: Html = seen.iter().map(|g| html!("<p lang=\"en\">{}</p>", g)).collect();
    html!("<details class=\"reader__gloss\"><summary lang=\"en\">English</summary>{}</details>", paragraphs)
}

/// Under a paragraph whose figures measure declared indicators: each indicator's control
/// (`markup::indicator_button`'s `data-indicator`), named, so what a figure counts is one press
/// away without a word added to the report's own text. Named by the open report's declarations
/// (`catalogue::indicators`), else by the figure's label.
fn indicators(facts: &[(Range<usize>, &Fact)], block: &Paragraph, lang: Lang) -> Html {
    let extent = block.extent();
    let mut here: Vec<&(Range<usize>, &Fact)> =
        facts.iter().filter(|(at, f)| extent.contains(&at.start) && f.indicator.is_some()).collect();
    here.sort_by_key(|(at, _)| at.start);
    let mut seen: Vec<&str> = Vec::new();
    let mut buttons = Html::default();
    for (_, f) in here {
        let Some(id) = f.indicator.as_deref() else { continue };
        if seen.contains(&id) {
            continue;
        }
        seen.push(id);
        let declared = catalogue::indicators().iter().find(|d| d.id == id);
        let name = declared.map_or_else(
            || lang.pick(&f.label_zh, &f.label_en).to_string(),
            |d| lang.pick(&d.name_zh, &d.name_en).to_string(),
        );
        buttons.push(&html!(
            "<button type=\"button\" class=\"indicator-ref\" data-indicator=\"{}\" aria-haspopup=\"dialog\">{}</button>",
            id,
            name
        ));
    }
    if seen.is_empty() {
        return Html::default();
    }
    html!(
        "<p class=\"reader__indicators\"><span>{}</span>{}</p>",
        lang.pick("本段指标的口径：", "What this paragraph's figures count: "),
        buttons
    )
}
