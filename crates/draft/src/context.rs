//! The words around a number: its sentence (the quote), its clause (the label, a distant
//! qualifying word, whether it is a stock), and the text's heading lines. Its period is read by
//! `facts::dates`, which the build checks periods with too.

use crate::DraftArticle;

/// Ends a quote: sentence punctuation and line breaks. ； counts, so quotes stay short enough
/// to read in a tooltip.
const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

/// Ends the stretch searched for a period: a ； does not, since "2019年…；…2300亿元" dates both.
const PERIOD_END: &[char] = &['。', '！', '？', '!', '?', '\n'];

/// Ends a clause, for labels.
const CLAUSE_END: &[char] = &['，', '。', '；', '！', '？', '：', '、', ',', ';', ':', '!', '?', '\n'];

fn start_after(text: &str, i: usize, stops: &[char]) -> usize {
    text.get(..i).and_then(|h| h.rfind(stops)).map_or(0, |p| p + text[p..].chars().next().map_or(1, char::len_utf8))
}

fn end_before(text: &str, i: usize, stops: &[char]) -> usize {
    text.get(i..).and_then(|t| t.find(stops)).map_or(text.len(), |p| i + p)
}

/// The sentence holding `start..end`, trimmed: (byte offset, text).
pub fn sentence(text: &str, start: usize, end: usize) -> (usize, &str) {
    let a = start_after(text, start, SENTENCE_END);
    let b = end_before(text, end, SENTENCE_END).max(end);
    let raw = text.get(a..b).unwrap_or("");
    let lead = raw.len() - raw.trim_start().len();
    (a + lead, raw.trim())
}

pub fn clause_start(text: &str, i: usize) -> usize {
    start_after(text, i, CLAUSE_END)
}

pub fn clause_end(text: &str, i: usize) -> usize {
    end_before(text, i, CLAUSE_END)
}

pub fn period_start(text: &str, i: usize) -> usize {
    start_after(text, i, PERIOD_END)
}

pub fn line_of(text: &str, offset: usize) -> usize {
    text.get(..offset).map_or(0, |h| h.matches('\n').count()) + 1
}

/// Words that lead a number without saying what it measures.
const NEUTRAL_TAIL: &[&str] =
    &["达到", "共计", "合计", "总计", "累计", "高达", "多达", "将", "达", "为", "共", "了", "等"];

/// A label from the clause: the words before the number (less a trailing 达, 为, 累计 …), or the
/// words after it when nothing stands before it (60%以上的GDP → GDP), at most 24 characters.
pub fn label(before: &str, after: &str, expr: &str) -> String {
    let mut b = before.trim();
    while let Some(w) = NEUTRAL_TAIL.iter().find(|w| b.ends_with(**w)) {
        b = b[..b.len() - w.len()].trim_end();
    }
    let a = after.trim().trim_start_matches('的').trim();
    let chosen: String = if b.chars().count() >= 2 {
        let chars: Vec<char> = b.chars().collect();
        chars[chars.len().saturating_sub(24)..].iter().collect()
    } else if !a.is_empty() {
        a.chars().take(24).collect()
    } else {
        expr.to_string()
    };
    if chosen.trim().is_empty() {
        expr.to_string()
    } else {
        chosen
    }
}

/// Words that make a number a stock, counted at a moment (the end of its period), rather than a
/// flow over its period: 用户总数, 累计建成, 余额.
const STOCK_WORDS: &[&str] =
    &["用户", "总数", "连接数", "累计建成", "累计建设", "保有量", "余额", "存量", "在校生", "常住人口", "户籍人口"];

/// Whether the number in `clause` is a stock (用户总数, 累计建成 …, or a change since the end of
/// last year), which a date gives at its end: 1—10月 → asof 2020-10.
pub fn is_stock(clause: &str, base: facts::Base) -> bool {
    base == facts::Base::SinceYearEnd || STOCK_WORDS.iter().any(|w| clause.contains(w))
}

/// The first heading-like line starts the one drafted article; the other heading-like lines are
/// listed for a person to decide which start articles: (line, text). A heading-like line is
/// short, has no clause punctuation and does not open with a bracket.
pub fn headings(text: &str) -> (Vec<DraftArticle>, Vec<(usize, String)>) {
    let mut candidates = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        if facts::dates::heading_like(text, t) {
            candidates.push((n + 1, t.to_string()));
        }
    }
    // Without a heading-like line the first line heads the text, so every fact has an article.
    let first = if candidates.is_empty() {
        text.lines().map(str::trim).find(|l| !l.is_empty()).map(str::to_string)
    } else {
        Some(candidates.remove(0).1)
    };
    let articles = first.map(|heading| DraftArticle { id: "article-1".to_string(), heading }).into_iter().collect();
    (articles, candidates)
}
