//! Where a fact's quote sits in its seed: the paragraph around it, split into the text before the
//! quote, the quote and the text after, so the source panel can show the sentence highlighted in
//! its context and the reader can judge the number against the report's own words.
//!
//! Paragraphs are bounded by line breaks, but the seeds are extracted from newspaper pages and
//! some paragraphs are broken mid-sentence by a blank line ("坚持公平\n\n竞争制度"). A line of prose
//! that does not end with sentence-final punctuation therefore continues into the next non-empty
//! line, and the pieces are joined without the break for display. Headings ("出台的背景和意义")
//! also lack final punctuation; they are told apart from broken prose by having no clause
//! punctuation (，。；！？) at all, so a heading is never glued onto the paragraph under it.
//! [`paragraphs`] cuts a whole range of the text (an article, for the reading view) by the same
//! rules, keeping each piece's place in the text so that facts' offsets can be found in it.

use std::ops::Range;

use facts::{Catalogue, Fact};

/// A quote with the paragraph around it. `before + quote + after` is the paragraph as displayed:
/// line breaks inside a broken paragraph are removed, and surrounding whitespace is trimmed.
///
/// The pieces are owned because a broken paragraph has no contiguous slice in the seed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct QuoteContext<'a> {
    pub before: String,
    pub quote: String,
    pub after: String,
    /// Title of the article the quote belongs to; [`context`] cannot know it from the text alone
    /// and leaves it `None`, [`for_fact`] fills it from the catalogue.
    pub article_heading: Option<&'a str>,
}

impl QuoteContext<'_> {
    /// The whole paragraph as displayed, for callers that do not highlight.
    pub fn paragraph(&self) -> String {
        let mut out = String::with_capacity(self.before.len() + self.quote.len() + self.after.len());
        out.push_str(&self.before);
        out.push_str(&self.quote);
        out.push_str(&self.after);
        out
    }
}

/// The paragraph around `quote`, which must start at byte `quote_offset` of `seed_text`.
///
/// Returns `None` when the offset is past the end or not on a char boundary, when the text there
/// is not `quote`, or when `quote` is blank (there would be nothing to highlight). Checking the
/// text rather than trusting the offset keeps a stale catalogue from highlighting the wrong words.
pub fn context<'a>(seed_text: &'a str, quote_offset: usize, quote: &str) -> Option<QuoteContext<'a>> {
    let quote_end = verified_quote_end(seed_text, quote_offset, quote)?;
    // Anchor the last line on the quote's last visible character, so a quote that happens to end
    // with a line break does not pull in the following line.
    let last_visible = quote_offset + quote.trim_end().len();
    let first_line = line_at(seed_text, quote_offset)?;
    let last_line = line_at(seed_text, last_visible)?;
    let start = paragraph_start(seed_text, first_line)?;
    let end = paragraph_end(seed_text, last_line)?;
    let lines = trimmed_lines(seed_text, start..end);
    Some(QuoteContext {
        before: joined(seed_text, &lines, start..quote_offset),
        quote: joined(seed_text, &lines, quote_offset..quote_end),
        after: joined(seed_text, &lines, quote_end..end),
        article_heading: None,
    })
}

/// One paragraph as displayed: its lines' visible text, in order, to be shown joined.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Paragraph {
    /// Byte ranges of `seed_text`, one per line, each without its line break and the whitespace
    /// around it; more than one when a broken paragraph runs on across lines.
    pub pieces: Vec<Range<usize>>,
    /// A line with no clause punctuation: a heading, byline or banner, never run on.
    pub heading: bool,
}

impl Paragraph {
    /// The paragraph's text as displayed (the pieces joined).
    pub fn text(&self, seed_text: &str) -> String {
        self.pieces.iter().filter_map(|p| seed_text.get(p.clone())).collect()
    }

    /// From the start of the first piece to the end of the last.
    pub fn extent(&self) -> Range<usize> {
        match (self.pieces.first(), self.pieces.last()) {
            (Some(first), Some(last)) => first.start..last.end,
            _ => 0..0,
        }
    }
}

/// The display paragraphs of `range` of `seed_text`, by the rules [`context`] uses for a quote's
/// paragraph: a line of prose that does not end a sentence runs on into the next non-empty line,
/// and a line without clause punctuation stands alone. Lines are cut at the ends of `range`, and
/// a paragraph is not followed across them.
///
/// `None` when `range` is not a range of the text on char boundaries.
pub fn paragraphs(seed_text: &str, range: Range<usize>) -> Option<Vec<Paragraph>> {
    seed_text.get(range.clone())?;
    let mut out: Vec<Paragraph> = Vec::new();
    let mut runs_on_from_above = false;
    for line in trimmed_lines(seed_text, range) {
        // Trimmed line edges are char boundaries of a text that `get` accepted.
        let visible = seed_text.get(line.clone()).unwrap_or("");
        match out.last_mut() {
            Some(open) if runs_on_from_above => open.pieces.push(line),
            _ => out.push(Paragraph { heading: !is_prose(visible), pieces: vec![line] }),
        }
        runs_on_from_above = runs_on(visible);
    }
    Some(out)
}

/// [`context`] for a catalogue fact, with the heading of the fact's article filled in.
/// `seed_text` is the catalogue's report ([`crate::seed_text()`] for the open one).
pub fn for_fact<'a>(catalogue: &'a Catalogue, seed_text: &'a str, fact: &Fact) -> Option<QuoteContext<'a>> {
    let mut ctx = context(seed_text, fact.quote_offset, &fact.quote)?;
    ctx.article_heading = article_heading(catalogue, fact);
    Some(ctx)
}

/// The Chinese title of the fact's article, as printed above it in the report.
pub fn article_heading<'a>(catalogue: &'a Catalogue, fact: &Fact) -> Option<&'a str> {
    catalogue.article(&fact.article).map(|a| a.title_zh.as_str())
}

/// End byte of `quote` when it really starts at `offset` in `text`.
fn verified_quote_end(text: &str, offset: usize, quote: &str) -> Option<usize> {
    if quote.trim().is_empty() {
        return None;
    }
    // `get` is `None` past the end or off a char boundary.
    let rest = text.get(offset..)?;
    rest.starts_with(quote).then_some(offset + quote.len())
}

/// The line (without its '\n') that contains byte `pos`; a '\n' at `pos` belongs to the line it ends.
fn line_at(text: &str, pos: usize) -> Option<Range<usize>> {
    let bytes = text.as_bytes();
    let start = bytes.get(..pos)?.iter().rposition(|&b| b == b'\n').map_or(0, |i| i + 1);
    let end = bytes.get(pos..)?.iter().position(|&b| b == b'\n').map_or(text.len(), |i| pos + i);
    Some(start..end)
}

/// The nearest line above the line starting at `line_start` that has visible text.
fn previous_nonblank_line(text: &str, line_start: usize) -> Option<Range<usize>> {
    let mut start = line_start;
    while start > 0 {
        // `start - 1` is the '\n' that ends the previous line.
        let line = line_at(text, start - 1)?;
        if !text.get(line.clone())?.trim().is_empty() {
            return Some(line);
        }
        start = line.start;
    }
    None
}

/// The nearest line below the line ending at `line_end` that has visible text.
fn next_nonblank_line(text: &str, line_end: usize) -> Option<Range<usize>> {
    let mut end = line_end;
    while end < text.len() {
        // `end` is the '\n' that ends the current line.
        let line = line_at(text, end + 1)?;
        if !text.get(line.clone())?.trim().is_empty() {
            return Some(line);
        }
        end = line.end;
    }
    None
}

/// Start byte of the paragraph containing `line`: walks up while the line above runs on into it.
fn paragraph_start(text: &str, line: Range<usize>) -> Option<usize> {
    let mut start = line.start;
    while let Some(prev) = previous_nonblank_line(text, start) {
        if !runs_on(text.get(prev.clone())?) {
            break;
        }
        start = prev.start;
    }
    Some(start)
}

/// End byte of the paragraph containing `line`: walks down while the current line runs on.
fn paragraph_end(text: &str, line: Range<usize>) -> Option<usize> {
    let mut end = line.end;
    let mut current = line;
    while runs_on(text.get(current.clone())?) {
        match next_nonblank_line(text, end) {
            Some(next) => {
                end = next.end;
                current = next;
            }
            None => break,
        }
    }
    Some(end)
}

/// Whether a line is prose cut off mid-sentence, so the paragraph goes on below it.
fn runs_on(line: &str) -> bool {
    let line = line.trim();
    is_prose(line) && !ends_sentence(line)
}

/// Prose has clause punctuation somewhere; headings, bylines and banners do not.
fn is_prose(line: &str) -> bool {
    line.chars().any(|c| matches!(c, '，' | '。' | '；' | '！' | '？'))
}

/// Whether the line ends where a sentence (or a quoted or introduced passage) may end.
fn ends_sentence(line: &str) -> bool {
    line.chars().next_back().is_some_and(|c| {
        matches!(c, '。' | '！' | '？' | '；' | '：' | '…' | '”' | '’' | '」' | '』' | '.' | '!' | '?' | ';' | ':')
    })
}

/// The whitespace-trimmed, non-empty lines of `range`, as byte ranges of `text`.
fn trimmed_lines(text: &str, range: Range<usize>) -> Vec<Range<usize>> {
    let Some(block) = text.get(range.clone()) else {
        return Vec::new();
    };
    let mut lines = Vec::new();
    let mut line_start = range.start;
    for raw in block.split('\n') {
        let lead = raw.len() - raw.trim_start().len();
        let visible = raw.trim().len();
        if visible > 0 {
            lines.push(line_start + lead..line_start + lead + visible);
        }
        line_start += raw.len() + 1;
    }
    lines
}

/// The parts of `lines` that fall inside `span`, concatenated: the span with line breaks and
/// the whitespace around them removed. Chinese needs no space where a line was broken.
fn joined(text: &str, lines: &[Range<usize>], span: Range<usize>) -> String {
    let mut out = String::new();
    for line in lines {
        let from = line.start.max(span.start);
        let to = line.end.min(span.end);
        if from < to {
            // Both ends are line edges or quote edges, all on char boundaries.
            if let Some(piece) = text.get(from..to) {
                out.push_str(piece);
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{seed_text, CATALOGUE};

    fn seed() -> &'static str {
        seed_text()
    }

    /// Context of the first occurrence of `needle` in the seed.
    fn around(needle: &str) -> QuoteContext<'static> {
        let offset = seed().find(needle).expect("needle is in the seed");
        context(seed(), offset, needle).expect("context of a verbatim needle")
    }

    fn fact_context(id: &str) -> QuoteContext<'static> {
        let fact = CATALOGUE.fact(id).expect("fact in catalogue");
        for_fact(&CATALOGUE, seed_text(), fact).expect("catalogue quotes are verified")
    }

    #[test]
    fn sme_share_quote_sits_at_the_start_of_its_paragraph() {
        let ctx = fact_context("sme-share-tax");
        assert_eq!(ctx.before, "");
        assert_eq!(
            ctx.quote,
            "中小企业贡献了50%以上的税收，60%以上的GDP，70%以上的技术创新，80%以上的城镇劳动就业，90%以上的企业数量"
        );
        assert!(ctx.after.starts_with("，是国民经济和社会发展的主力军"));
        assert!(ctx.after.ends_with("一些基础性、制度性问题凸显。"));
        let paragraph = ctx.paragraph();
        assert!(paragraph.starts_with("中小企业贡献了"));
        // The heading above is not glued on, and the next paragraph is not pulled in.
        assert!(!paragraph.contains("出台的背景和意义"));
        assert!(!paragraph.contains("对此"));
        assert_eq!(ctx.article_heading, Some("突出制度安排 支持中小企业发展"));
    }

    #[test]
    fn pieces_rejoin_to_the_paragraph_of_a_mid_paragraph_quote() {
        let ctx = fact_context("gd-clearance-2020-06");
        assert_eq!(ctx.quote, "截至今年6月末，清偿进度为94.3%");
        assert!(ctx.before.starts_with("修订《关于促进民营经济高质量发展的若干政策措施》"));
        assert!(ctx.before.ends_with("提前一年实现无分歧账款全部清偿；"));
        assert_eq!(ctx.after, "，剩余欠款均为已进入司法程序账款。");
        assert_eq!(ctx.article_heading, Some("广东：推进补链强链控链 提升产业链现代化水平"));
    }

    #[test]
    fn broken_paragraph_after_the_quote_is_joined() {
        // "…试点方案\n\n（2020—2022年）》，加快推进制造业数字化转型。" is one sentence.
        let ctx = fact_context("gd-iiot-firms");
        assert!(ctx.before.starts_with("率先培育发展工业互联网"));
        assert!(ctx
            .after
            .ends_with("“5G+工业互联网”应用示范园区试点方案（2020—2022年）》，加快推进制造业数字化转型。"));
        assert!(!ctx.paragraph().contains('\n'));
    }

    #[test]
    fn broken_paragraph_before_the_quote_is_joined() {
        let ctx = around("竞争制度");
        assert!(ctx.before.starts_with("（一）更加突出了完善支持中小企业发展的基础性制度。"));
        assert!(ctx.before.ends_with("坚持公平"));
        assert!(ctx.after.starts_with("，完善中小企业统计监测和发布制度"));
        assert!(ctx.after.ends_with("为实施好各项政策奠定基础。"));

        let ctx = around("路产业补短板");
        assert!(ctx.before.ends_with("推动广东省半导体及集成电路"));
        assert!(ctx.before.starts_with("围绕重点产业重点企业稳产业链供应链"));
        assert!(ctx.after.ends_with("构建核心技术全产业链生态。"));

        // The last line of the paragraph is the quote itself.
        let ctx = around("结语。");
        assert!(ctx.before.starts_with("“好的产品要想销量高"));
        assert!(ctx.before.ends_with("杨梅通过实践总"));
        assert_eq!(ctx.after, "");
    }

    #[test]
    fn quote_spanning_the_break_is_joined_too() {
        let offset = seed().find("坚持公平\n\n竞争制度").expect("broken sentence in seed");
        let ctx = context(seed(), offset, "坚持公平\n\n竞争制度").expect("context");
        assert_eq!(ctx.quote, "坚持公平竞争制度");
        assert!(ctx.before.ends_with("通过健全中小企业法律法规体系，"));
    }

    #[test]
    fn headings_and_bylines_stand_alone() {
        let ctx = around("出台的背景和意义");
        assert_eq!((ctx.before.as_str(), ctx.after.as_str()), ("", ""));
        let ctx = around("广东省工业和信息化厅");
        assert_eq!(ctx.paragraph(), "广东省工业和信息化厅");
    }

    #[test]
    fn bad_offsets_and_mismatched_quotes_give_none() {
        let text = seed();
        let quote = "2019年全省建成5G基站36988座";
        let offset = text.find(quote).expect("quote in seed");
        assert!(context(text, offset, quote).is_some());
        assert_eq!(context(text, offset + 1, quote), None, "inside a char / wrong text");
        assert_eq!(context(text, offset + 4, quote), None, "wrong text at a boundary");
        assert_eq!(context(text, text.len() + 1, quote), None);
        assert_eq!(context(text, usize::MAX, quote), None);
        assert_eq!(context(text, offset, "2019年全省建成5G基站36989座"), None);
        assert_eq!(context(text, offset, ""), None);
        // The seed opens with two blank lines, then 突 (3 bytes) at byte 2.
        assert_eq!(context(text, 3, "出"), None);
    }

    #[test]
    fn every_catalogue_quote_has_a_context_without_line_breaks() {
        for fact in &CATALOGUE.facts {
            let ctx = for_fact(&CATALOGUE, seed_text(), fact).unwrap_or_else(|| panic!("{} has no context", fact.id));
            assert_eq!(ctx.quote, fact.quote, "{}", fact.id);
            assert!(!ctx.paragraph().contains('\n'), "{}", fact.id);
            assert!(ctx.article_heading.is_some(), "{}", fact.id);
        }
    }

    /// The display paragraph of the whole seed that holds byte `at`.
    fn paragraph_at(all: &[Paragraph], at: usize) -> &Paragraph {
        all.iter().find(|p| p.extent().contains(&at)).unwrap_or_else(|| panic!("no paragraph at {at}"))
    }

    fn whole_seed() -> Vec<Paragraph> {
        paragraphs(seed(), 0..seed().len()).expect("the whole text is a range of itself")
    }

    #[test]
    fn a_broken_paragraph_is_one_paragraph() {
        let all = whole_seed();
        let at = seed().find("坚持公平\n\n竞争制度").expect("broken sentence in seed");
        let p = paragraph_at(&all, at);
        assert_eq!(p.pieces.len(), 2);
        assert!(!p.heading);
        let text = p.text(seed());
        assert!(text.starts_with("（一）更加突出了完善支持中小企业发展的基础性制度。"), "{text}");
        assert!(text.contains("坚持公平竞争制度，完善中小企业统计监测和发布制度"), "{text}");
        assert!(text.ends_with("为实施好各项政策奠定基础。"), "{text}");
    }

    #[test]
    fn a_heading_is_never_glued() {
        let all = whole_seed();
        let i = all.iter().position(|p| p.text(seed()) == "出台的背景和意义").expect("heading alone");
        assert!(all[i].heading && all[i].pieces.len() == 1);
        assert!(all[i + 1].text(seed()).starts_with("中小企业贡献了"));
        assert!(!all[i + 1].heading);
        let byline = all.iter().find(|p| p.text(seed()) == "广东省工业和信息化厅").expect("byline alone");
        assert!(byline.heading);
    }

    #[test]
    fn pieces_cover_exactly_the_visible_text() {
        let text = seed();
        let pieces: Vec<Range<usize>> = whole_seed().into_iter().flat_map(|p| p.pieces).collect();
        let mut at = 0;
        for piece in &pieces {
            let gap = &text[at..piece.start];
            assert!(gap.trim().is_empty(), "visible text {gap:?} is in no piece");
            let visible = &text[piece.clone()];
            assert!(!visible.is_empty() && visible.trim() == visible && !visible.contains('\n'), "{visible:?}");
            at = piece.end;
        }
        assert!(text[at..].trim().is_empty());
    }

    #[test]
    fn quote_paragraphs_are_the_ones_context_shows() {
        let all = whole_seed();
        for fact in &CATALOGUE.facts {
            let ctx = for_fact(&CATALOGUE, seed_text(), fact).unwrap_or_else(|| panic!("{} has no context", fact.id));
            assert_eq!(paragraph_at(&all, fact.quote_offset).text(seed()), ctx.paragraph(), "{}", fact.id);
        }
    }

    #[test]
    fn article_spans_split_at_their_headings() {
        let mut previous_end = 0;
        for article in &CATALOGUE.articles {
            let span = article.text_start..article.text_end;
            assert!(span.start >= previous_end && span.start < span.end, "{}: {span:?}", article.id);
            previous_end = span.end;
            let list = paragraphs(seed(), span).unwrap_or_else(|| panic!("{}: span is not in the text", article.id));
            let first = list.first().map(|p| p.text(seed()));
            assert_eq!(first.as_deref(), Some(article.title_zh.as_str()), "{}", article.id);
            for fact in CATALOGUE.facts_in_article(&article.id) {
                assert!(list.iter().any(|p| p.extent().contains(&fact.quote_offset)), "{}", fact.id);
            }
        }
        // The column banner over the Guangdong heading belongs to neither article.
        let banner = seed().find("做好“六稳”落实“六保”").expect("banner in seed");
        assert!(CATALOGUE.articles.iter().all(|a| !(a.text_start..a.text_end).contains(&banner)));
        assert_eq!(CATALOGUE.articles.last().map(|a| a.text_end), Some(seed().len()));
    }

    #[test]
    fn paragraphs_stop_at_the_ends_of_the_range() {
        let text = "标题\n\n第一句，还没完\n\n接着说完。\n";
        let cut = text.find("接着").expect("in text");
        let list = paragraphs(text, 0..cut).expect("range");
        let texts: Vec<String> = list.iter().map(|p| p.text(text)).collect();
        assert_eq!(texts, ["标题", "第一句，还没完"]);
        assert_eq!(list.iter().map(|p| p.heading).collect::<Vec<_>>(), [true, false]);
        let second = text.find("第一句").expect("in text");
        assert_eq!(paragraphs(text, second..text.len()).map(|l| l.len()), Some(1), "runs on to the end");
        assert_eq!(paragraphs(text, 1..4), None, "not on a char boundary");
        assert_eq!(paragraphs(text, 0..text.len() + 1), None);
        let (end, start) = (2, 4);
        assert_eq!(paragraphs(text, start..end), None, "backwards");
        assert_eq!(paragraphs("", 0..0), Some(Vec::new()));
    }

    #[test]
    fn crlf_and_indentation_are_trimmed() {
        let text = "标题\r\n\r\n　　第一句，还没完\r\n\r\n　　接着说完。\r\n下一段。";
        let offset = text.find("接着").expect("in text");
        let ctx = context(text, offset, "接着").expect("context");
        assert_eq!(ctx.before, "第一句，还没完");
        assert_eq!(ctx.after, "说完。");
        let list = paragraphs(text, 0..text.len()).expect("range");
        let texts: Vec<String> = list.iter().map(|p| p.text(text)).collect();
        assert_eq!(texts, ["标题", "第一句，还没完接着说完。", "下一段。"]);
    }
}
