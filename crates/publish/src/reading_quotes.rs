//! Where each fact's sentence lies in a reading page's article, so that the page's own script
//! (`reading_hand_over.js`) can mark the one a link names (`?read=ARTICLE&fact=ID`, what "Read in
//! the report" writes) before the first paint, as the reading view marks it once the module has
//! drawn it. One page per article serves every fact of it: a page per fact would be dozens per
//! report and language.
//!
//! The places are found in the reading view's own markup with the fact marked
//! (`views::reader::article_text`), less what the shell leaves out, so they are the module's marks
//! by construction: for each run of a mark, which child of the article holds it and where it
//! starts and ends in that child's text, counted as the browser counts (UTF-16 code units).

use facts::i18n::Lang;
use facts::Catalogue;

use crate::PublishError;

/// One run of a marked sentence: the article's child that holds it (its index among the
/// `<article class="reader__text">`'s element children) and where it lies in that child's text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuotePlace {
    pub block: usize,
    pub start: usize,
    pub end: usize,
}

/// The places of the sentences of `article`'s facts, as the page carries them (`data-quotes` on
/// the shell's `.reader`): `IDS/BLOCK/START/END` for each run, separated by spaces, where IDS are
/// the facts with that sentence, separated by commas (fact ids are lowercase letters, digits and
/// '-', checked by `verify`; several facts often share one sentence); then, as IDS alone, the
/// article's facts whose sentence the reading view does not mark (its text no longer holds it), so
/// that the page knows every fact of the article: a link naming another one is answered by the app
/// (with a notice for an unknown fact), not by the page. `shell_markup` is what the shell makes of
/// the reading view's markup (its tooltips removed).
pub fn quote_places(
    catalogue: &Catalogue,
    text: &str,
    lang: Lang,
    article: &str,
    shell_markup: impl Fn(&str) -> Result<String, PublishError>,
) -> Result<String, PublishError> {
    // Each distinct sentence's runs, with the facts that have it, in the catalogue's order.
    let mut sentences: Vec<(Vec<QuotePlace>, Vec<&str>)> = Vec::new();
    let mut unmarked: Vec<&str> = Vec::new();
    for fact in catalogue.facts_in_article(article) {
        let Some(marked) = views::reader::article_text(catalogue, text, article, Some(&fact.id), lang) else {
            continue;
        };
        let runs = marks_in(&shell_markup(marked.as_str())?)?;
        if runs.is_empty() {
            unmarked.push(&fact.id);
            continue;
        }
        match sentences.iter_mut().find(|(r, _)| *r == runs) {
            Some((_, ids)) => ids.push(&fact.id),
            None => sentences.push((runs, vec![&fact.id])),
        }
    }
    let mut out = Vec::new();
    for (runs, ids) in &sentences {
        let ids = ids.join(",");
        out.extend(runs.iter().map(|r| format!("{ids}/{}/{}/{}", r.block, r.start, r.end)));
    }
    if !unmarked.is_empty() {
        out.push(unmarked.join(","));
    }
    Ok(out.join(" "))
}

/// Elements that have no end tag.
const VOID: [&str; 14] =
    ["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];

/// The runs of `<mark>` in `markup`'s first `<article class="reader__text">`, in order. The
/// markup is the project's own (`views::html`), so tags are well formed and text holds only the
/// character references `views::html::escape` writes.
pub fn marks_in(markup: &str) -> Result<Vec<QuotePlace>, PublishError> {
    let bad = |why: &str| PublishError(format!("the reading view's markup: {why}"));
    let start = markup.find("<article class=\"reader__text\"").ok_or_else(|| bad("no article"))?;
    // From just after the article's own tag.
    let open_tag = tag_end(&markup[start + 1..]).ok_or_else(|| bad("a tag is not closed"))?;
    let mut rest = &markup[start + open_tag + 2..];
    let mut places: Vec<QuotePlace> = Vec::new();
    // Depth below the article (0 = the article itself), the current child's index and how much of
    // its text has been counted, and where an open mark started.
    let (mut depth, mut block, mut at, mut open) = (0usize, None::<usize>, 0usize, None::<usize>);
    let mut blocks = 0;
    let mut closed = false;
    while !rest.is_empty() {
        if let Some(tag_text) = rest.strip_prefix('<') {
            let end = tag_end(tag_text).ok_or_else(|| bad("a tag is not closed"))?;
            let tag = &tag_text[..end];
            rest = &tag_text[end + 1..];
            // A comment or a declaration: the project's markup has none, and counting one as a
            // tag would be wrong.
            if tag.starts_with('!') || tag.starts_with('?') {
                return Err(bad("a comment"));
            }
            let closing = tag.starts_with('/');
            let name: String = tag
                .trim_start_matches('/')
                .chars()
                .take_while(|c| c.is_ascii_alphanumeric())
                .collect::<String>()
                .to_ascii_lowercase();
            if name == "mark" {
                match (closing, open.take(), block) {
                    (false, None, Some(_)) if depth > 0 => open = Some(at),
                    // A run that goes on where the last one ended (a number's control cuts the
                    // mark, not the text) is the same range: the script marks each piece of text
                    // in it, as the reading view does.
                    (true, Some(start), Some(block)) => match places.last_mut() {
                        Some(last) if last.block == block && last.end == start => last.end = at,
                        _ => places.push(QuotePlace { block, start, end: at }),
                    },
                    _ => return Err(bad("a mark outside a paragraph, or nested")),
                }
            }
            let void = VOID.contains(&name.as_str()) || tag.ends_with('/');
            if closing {
                if depth == 0 {
                    closed = true;
                    break;
                }
                depth -= 1;
            } else if depth == 0 {
                // A child of the article, as the browser's `children` counts it, void or not.
                block = Some(blocks);
                blocks += 1;
                at = 0;
                depth += usize::from(!void);
            } else if !void {
                depth += 1;
            }
        } else {
            let end = rest.find('<').unwrap_or(rest.len());
            if depth > 0 {
                at += utf16_len(&unescape(&rest[..end]).ok_or_else(|| bad("an unknown character reference"))?);
            }
            rest = &rest[end..];
        }
    }
    if open.is_some() || !closed {
        return Err(bad("a mark or the article is not closed"));
    }
    Ok(places)
}

/// Where a tag's `>` is in `tag_text` (after its `<`), past any quoted attribute value.
fn tag_end(tag_text: &str) -> Option<usize> {
    let mut quote = None;
    for (i, c) in tag_text.char_indices() {
        match (quote, c) {
            (None, '>') => return Some(i),
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            _ => {}
        }
    }
    None
}

/// Text with the character references `views::html::escape` writes read back; `None` for any
/// other, which the count would get wrong.
fn unescape(text: &str) -> Option<String> {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(amp) = rest.find('&') {
        out.push_str(&rest[..amp]);
        let semi = rest[amp..].find(';')?;
        out.push(match &rest[amp..amp + semi + 1] {
            "&amp;" => '&',
            "&lt;" => '<',
            "&gt;" => '>',
            "&quot;" => '"',
            "&#39;" => '\'',
            _ => return None,
        });
        rest = &rest[amp + semi + 1..];
    }
    out.push_str(rest);
    Some(out)
}

/// The length of `text` in the DOM, in UTF-16 code units: the HTML parser makes each line break
/// (`\r\n`, `\r`) one `\n`.
fn utf16_len(text: &str) -> usize {
    text.chars().map(char::len_utf16).sum::<usize>() - text.matches("\r\n").count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_are_placed_in_their_paragraphs_text() {
        let markup = "<section><h2>x</h2><article class=\"reader__text\" data-read=\"a\"><h3>T</h3>\
            <p>一二<span class=\"n\"><button title=\"a>b\">3<mark class=\"read__quote\">4</mark></button></span>\
            <mark class=\"read__quote\">五&amp;六</mark>七</p><details><summary>s</summary>gloss</details>\
            <p>a<br>b<mark>c</mark></p></article><p><mark>outside</mark></p></section>";
        assert_eq!(
            marks_in(markup).unwrap(),
            vec![QuotePlace { block: 1, start: 3, end: 7 }, QuotePlace { block: 3, start: 2, end: 3 }]
        );
        // A void child is a child all the same; one inside a paragraph holds no text.
        let voids = "<article class=\"reader__text\"><hr><p>a<img src=\"x\"><col>b<mark>c</mark></p></article>";
        assert_eq!(marks_in(voids).unwrap(), vec![QuotePlace { block: 1, start: 2, end: 3 }]);
        // Characters beyond the first plane count twice, as in the browser; a line break once.
        let wide = "<article class=\"reader__text\"><p>𠀀\r\n\r<mark>x</mark></p></article>";
        assert_eq!(marks_in(wide).unwrap(), vec![QuotePlace { block: 0, start: 4, end: 5 }]);
    }

    #[test]
    fn markup_it_cannot_count_is_an_error() {
        for bad in [
            "<p>no article</p>",
            "<article class=\"reader__text\"><p>&nbsp;<mark>x</mark></p></article>",
            "<article class=\"reader__text\"><p><mark>x</p></article>",
            "<article class=\"reader__text\"><mark>x</mark></article>",
            "<article class=\"reader__text\"><p><mark>x<mark>y</mark></mark></p></article>",
            "<article class=\"reader__text\"><p>x</p><mark>y</mark></article>",
            "<article class=\"reader__text\"><p>x<!-- y --><mark>z</mark></p></article>",
            "<article class=\"reader__text\"><p><mark>x</mark></p>",
        ] {
            assert!(marks_in(bad).is_err(), "{bad}");
        }
    }
}
