//! The words around a number: its sentence (the quote), its clause (the label, a distant
//! qualifying word), the period the sentence gives, and the text's heading lines.

use crate::DraftArticle;

/// Ends a quote: sentence punctuation and line breaks. ； counts, so quotes stay short enough
/// to read in a tooltip.
const SENTENCE_END: &[char] = &['。', '！', '？', '；', '!', '?', ';', '\n'];

/// Ends the stretch searched for a period: a ； does not, since "2019年…；…2300亿元" dates both.
const PERIOD_END: &[char] = &['。', '！', '？', '!', '?', '\n'];

/// Ends a clause, for labels.
const CLAUSE_END: &[char] = &['，', '。', '；', '！', '？', '：', '、', ',', ';', ':', '!', '?', '\n'];

/// Clause punctuation: a line with none of it may be a heading.
const PROSE: &[char] = &['，', '。', '；', '！', '？'];

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

fn tail(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or("")
}

fn four_digit_year(s: &str) -> Option<u16> {
    let d = s.get(..4)?;
    if !d.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    d.parse().ok().filter(|y| (1900..=2199).contains(y))
}

fn month_at(s: &str) -> Option<(u8, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 2 {
        return None;
    }
    let m: u8 = s.get(..len)?.parse().ok()?;
    ((1..=12).contains(&m) && s[len..].starts_with('月')).then_some((m, len + '月'.len_utf8()))
}

/// "1—6月" at the start of `s`: (1, 6), when the span runs forwards.
fn month_span(s: &str) -> Option<(u8, u8)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 2 {
        return None;
    }
    let m: u8 = s.get(..len)?.parse().ok()?;
    let (m2, _) = s[len..].strip_prefix(['—', '–', '-', '~', '～', '至']).and_then(month_at)?;
    ((1..m2).contains(&m)).then_some((m, m2))
}

/// The period the words before a number (in its sentence) give it, in the catalogue spelling:
/// the last year written there that is not a title's, a baseline (较2018年) or a start
/// (2020年以来), read with what follows it (截至…年底 → asof, 1—6月 → a span of months, 上半年).
/// "今年" and other undated words give "unstated".
pub fn period(before: &str) -> String {
    let mut best: Option<(usize, String)> = None;
    for (i, _) in before.match_indices('年') {
        let Some(y_start) = i.checked_sub(4) else { continue };
        let Some(year) = before.get(y_start..i).and_then(four_digit_year) else { continue };
        let prefix = &before[..y_start];
        if prefix.bytes().last().is_some_and(|b| b.is_ascii_digit()) {
            continue;
        }
        let in_title = prefix.matches('《').count() > prefix.matches('》').count()
            || prefix.matches('（').count() > prefix.matches('）').count();
        let baseline = ["较", "比", "与", "同"].iter().any(|w| prefix.ends_with(w));
        // The second year of 2019—2022年 (but not 截至2019年).
        let span_end = prefix
            .strip_suffix(['—', '–', '-', '~', '～', '至'])
            .is_some_and(|p| p.bytes().last().is_some_and(|b| b.is_ascii_digit()) || p.ends_with('年'));
        let after = &before[i + '年'.len_utf8()..];
        let span_start = after.starts_with(['—', '–', '-', '~', '～', '至']);
        if in_title || baseline || span_end || span_start || after.starts_with("以来") {
            continue;
        }
        let as_of = ["截至", "截止", "截止到", "到"].iter().any(|w| prefix.trim_end().ends_with(w));
        let dash = ['—', '–', '-', '~', '～', '至'];
        let p = if let Some((m, m2)) = month_span(after) {
            format!("{year:04}-{m:02}..{year:04}-{m2:02}")
        } else if let Some((m, len)) = month_at(after) {
            let to = after[len..].strip_prefix(dash).and_then(month_at).map(|(m2, _)| m2).filter(|m2| *m2 > m);
            match to {
                Some(m2) => format!("{year:04}-{m:02}..{year:04}-{m2:02}"),
                None if as_of => format!("asof {year:04}-{m:02}"),
                None => format!("{year:04}-{m:02}"),
            }
        } else if after.starts_with("上半年") {
            format!("{year:04}-01..{year:04}-06")
        } else if as_of {
            format!("asof {year:04}-12")
        } else if ["年底", "年末", "底", "末"].iter().any(|w| after.starts_with(w)) {
            format!("{year:04}-12")
        } else {
            format!("{year:04}")
        };
        best = Some((i, p));
    }
    // A later 今年 or 截至 without a year dates the number anew, and the text does not say when.
    match best {
        Some((i, p)) if !["今年", "截至今", "本年"].iter().any(|w| tail(before, i).contains(w)) => p,
        _ => "unstated".to_string(),
    }
}

/// The first heading-like line starts the one drafted article; the other heading-like lines are
/// listed for a person to decide which start articles: (line, text). A heading-like line is
/// short, has no clause punctuation and does not open with a bracket.
pub fn headings(text: &str) -> (Vec<DraftArticle>, Vec<(usize, String)>) {
    let mut candidates = Vec::new();
    for (n, line) in text.lines().enumerate() {
        let t = line.trim();
        let heading_like = !t.is_empty()
            && t.chars().count() <= 30
            && !t.contains(PROSE)
            && !t.starts_with(['（', '(', '—', '《', '“'])
            && text.lines().filter(|l| l.trim() == t).count() == 1;
        if heading_like {
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
