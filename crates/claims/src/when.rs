//! The period a sentence names ("2019年", "截至6月末", "上半年", "by mid-2020", "in the first half
//! of 2021", "since 2020") and whether a fact's period covers it. Years and dates are when, never
//! how much: the spans found here are left out of the words the sentence compares.

use facts::Period;

/// A year the sentence leaves out ("截至6月末", "上半年"): the report's own year fills it in.
pub type Year = Option<u16>;

/// What a sentence says of when.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum When {
    /// A whole year: 2019年, "in 2019".
    Year(u16),
    /// A point in time, at the end of a month: 截至6月末, 2020年末, "by mid-2020", "as of June 2020".
    AsOf(Year, u8),
    /// A span of months of one year: 上半年, 一季度, 1—6月, "in the first half of 2020".
    Months(Year, u8, u8),
    /// From a year on: 2020年以来, "since 2020".
    Since(u16),
}

/// How a fact's period stands to what the sentence names.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Fit {
    /// The sentence names no period.
    Unnamed,
    /// The fact's period is the one the sentence names.
    Same,
    /// The fact is for another period: it can neither establish nor rule out the sentence.
    Other,
    /// The sentence names a month without a year, and the report gives no year to read it in.
    NoYear,
}

/// The period `sentence` names, if any, and the byte spans that name it.
pub fn named(sentence: &str) -> (Option<When>, Vec<(usize, usize)>) {
    let mut spans = Vec::new();
    let mut found = None;
    for (when, span) in chinese(sentence).into_iter().chain(english(sentence)) {
        if spans.iter().any(|&(s, e)| s < span.1 && span.0 < e) {
            continue;
        }
        spans.push(span);
        // The most precise wins: a month or a span of months over the year it is in.
        found = match (found, when) {
            (None, w) => Some(w),
            (Some(When::Year(_)), w) => Some(w),
            (Some(f), _) => Some(f),
        };
    }
    (found, spans)
}

/// The year of a report's context: the last year any of its facts is dated in ("今年" is that
/// year in its text). `None` for a report with no dated fact.
pub fn context_year(periods: impl Iterator<Item = Period>) -> Option<u16> {
    periods
        .filter_map(|p| match p {
            Period::Year(y) | Period::MonthEnd(y, _) | Period::AsOf(y, _) => Some(y),
            Period::MonthRange { to, .. } => Some(to.0),
            Period::YearRange(_, b) => Some(b),
            Period::Unstated => None,
        })
        .max()
}

/// How `fact`'s period stands to `when`; `context` fills a year the sentence leaves out, and
/// `dated_text` (the fact's label and quote) says when a fact without a stated period is.
pub fn fit(when: Option<When>, fact: Period, context: Option<u16>, dated_text: &str) -> Fit {
    let Some(when) = when else { return Fit::Unnamed };
    let year = |y: Year| y.or(context);
    let same = match (when, fact) {
        (When::Since(y), Period::Unstated) => dated_text.contains(&format!("{y}年以来")),
        (When::Since(y), Period::MonthRange { from, .. }) => from == (y, 1),
        (_, Period::Unstated) => false,
        (When::Year(y), Period::Year(f)) => y == f,
        (When::Year(y), Period::AsOf(f, 12) | Period::MonthEnd(f, 12)) => y == f,
        (When::Year(y), Period::MonthRange { from, to }) => from == (y, 1) && to == (y, 12),
        (When::AsOf(y, m), p) => {
            let Some(y) = year(y) else { return Fit::NoYear };
            match p {
                Period::AsOf(f, n) | Period::MonthEnd(f, n) => (f, n) == (y, m),
                Period::Year(f) => f == y && m == 12,
                Period::MonthRange { to, .. } => to == (y, m),
                _ => false,
            }
        }
        (When::Months(y, a, b), p) => {
            let Some(y) = year(y) else { return Fit::NoYear };
            match p {
                Period::MonthRange { from, to } => from == (y, a) && to == (y, b),
                Period::Year(f) => f == y && (a, b) == (1, 12),
                _ => false,
            }
        }
        _ => false,
    };
    if same {
        Fit::Same
    } else {
        Fit::Other
    }
}

fn four_digits(s: &str) -> Option<u16> {
    let d = s.get(..4)?;
    let alone = !s[4..].starts_with(|c: char| c.is_ascii_digit());
    let y: u16 = d.parse().ok().filter(|_| d.bytes().all(|b| b.is_ascii_digit()) && alone)?;
    (1900..2100).contains(&y).then_some(y)
}

/// A month number written before 月 ("6月", "12月"), and its byte length with 月.
fn month_before_yue(s: &str) -> Option<(u8, usize)> {
    let digits: usize = s.bytes().take_while(u8::is_ascii_digit).count();
    let m: u8 = s[..digits].parse().ok().filter(|m| (1..=12).contains(m))?;
    s[digits..].starts_with('月').then_some((m, digits + '月'.len_utf8()))
}

/// "1—6月" at the start of `s`: (first month, last month, byte length), when the span runs forwards.
fn dash_span(s: &str) -> Option<(u8, u8, usize)> {
    let digits = s.bytes().take_while(u8::is_ascii_digit).count();
    let a: u8 = s[..digits].parse().ok().filter(|m| (1..=12).contains(m))?;
    let dash = ['—', '-', '–', '~', '至'].into_iter().find(|d| s[digits..].starts_with(*d))?;
    let (b, len) = month_before_yue(&s[digits + dash.len_utf8()..])?;
    (b >= a).then_some((a, b, digits + dash.len_utf8() + len))
}

/// Words after a year or month that make it a point at the month's (the year's) end.
const ZH_ENDS: &[&str] = &["年底", "年末", "底", "末"];

fn chinese(s: &str) -> Vec<(When, (usize, usize))> {
    let mut out = Vec::new();
    let mut i = 0;
    while i < s.len() {
        if !s.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let rest = &s[i..];
        let prev_digit = s[..i].chars().last().is_some_and(|c| c.is_ascii_digit());
        // 2019年…
        if let Some(y) = four_digits(rest).filter(|_| !prev_digit && rest[4..].starts_with('年')) {
            let mut end = i + 4 + '年'.len_utf8();
            let after = &s[end..];
            let when =
                if let Some((w, a, b)) = facts::period::PARTS_OF_YEAR.iter().find(|(w, _, _)| after.starts_with(w)) {
                    end += w.len();
                    When::Months(Some(y), *a, *b)
                } else if let Some(w) = ["底", "末"].iter().find(|w| after.starts_with(**w)) {
                    end += w.len();
                    When::AsOf(Some(y), 12)
                } else if after.starts_with("以来") {
                    end += "以来".len();
                    When::Since(y)
                } else if let Some((a, b, len)) = dash_span(after) {
                    end += len;
                    When::Months(Some(y), a, b)
                } else if let Some((m, len)) = month_before_yue(after) {
                    end += len;
                    month_point(s, &mut end, Some(y), m)
                } else if s[..i].ends_with('自') {
                    When::Since(y)
                } else {
                    When::Year(y)
                };
            out.push((when, (i, end)));
            i = end;
            continue;
        }
        // 今年 / 本年 before a span or a month: the report's year.
        let this_year = ["今年", "本年"].iter().find(|w| rest.starts_with(**w)).map(|w| w.len()).unwrap_or(0);
        let after = &rest[this_year..];
        if let Some((w, a, b)) = facts::period::PARTS_OF_YEAR.iter().find(|(w, _, _)| after.starts_with(w)) {
            let len = this_year + w.len();
            out.push((When::Months(None, *a, *b), (i, i + len)));
            i += len;
            continue;
        }
        if !prev_digit {
            if let Some((a, b, len)) = dash_span(after) {
                out.push((When::Months(None, a, b), (i, i + this_year + len)));
                i += this_year + len;
                continue;
            }
            if let Some((m, len)) = month_before_yue(after) {
                let mut end = i + this_year + len;
                let when = month_point(s, &mut end, None, m);
                // A lone "6月" is read as the month's end, as reports date their stocks.
                out.push((when, (i, end)));
                i = end;
                continue;
            }
        }
        i += rest.chars().next().map_or(1, char::len_utf8);
    }
    out
}

/// After "M月" at `*end`: "底/末" (or nothing) makes it the month's end.
fn month_point(s: &str, end: &mut usize, year: Year, m: u8) -> When {
    let after = &s[*end..];
    if let Some(w) = ZH_ENDS.iter().find(|w| after.starts_with(**w)) {
        *end += w.len();
    } else if after.starts_with('份') {
        *end += '份'.len_utf8();
    }
    When::AsOf(year, m)
}

/// The months' English names, in lower case: when, never what.
pub const MONTHS: &[&str] = &[
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// English periods, read in lower case: (words, first month, last month) for spans.
const EN_SPANS: &[(&str, u8, u8)] = &[
    ("the first half of", 1, 6),
    ("first half of", 1, 6),
    ("the second half of", 7, 12),
    ("second half of", 7, 12),
    ("the first three quarters of", 1, 9),
    ("first three quarters of", 1, 9),
    ("the first quarter of", 1, 3),
    ("first quarter of", 1, 3),
    ("the second quarter of", 4, 6),
    ("second quarter of", 4, 6),
    ("the third quarter of", 7, 9),
    ("third quarter of", 7, 9),
    ("the fourth quarter of", 10, 12),
    ("fourth quarter of", 10, 12),
    ("h1", 1, 6),
    ("h2", 7, 12),
    ("q1", 1, 3),
    ("q2", 4, 6),
    ("q3", 7, 9),
    ("q4", 10, 12),
];

fn english(s: &str) -> Vec<(When, (usize, usize))> {
    let lower = s.to_ascii_lowercase();
    let b = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i + 4 <= b.len() {
        let alone_before = i == 0 || !b[i - 1].is_ascii_alphanumeric();
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let Some(y) = four_digits(&lower[i..]).filter(|_| alone_before) else {
            i += 1;
            continue;
        };
        // A year followed by a measure ("2000 billion", "2019%") is an amount, not a year.
        let after_year = lower[i + 4..].trim_start();
        if after_year.starts_with('%')
            || ["percent", "billion", "million", "thousand", "yuan", "stations", "firms", "enterprises"]
                .iter()
                .any(|w| after_year.starts_with(w))
            || lower[i + 4..].starts_with(|c: char| !c.is_ascii())
        {
            i += 4;
            continue;
        }
        let before = lower[..i].trim_end_matches([' ', '-', ',']);
        let mut start = i;
        let mut when = When::Year(y);
        if let Some((w, a, c)) = EN_SPANS.iter().find(|(w, _, _)| before.ends_with(w)) {
            start = before.len() - w.len();
            when = When::Months(Some(y), *a, *c);
        } else if before.ends_with("mid") {
            start = before.len() - 3;
            when = When::AsOf(Some(y), 6);
        } else if let Some((m, name)) = MONTHS.iter().enumerate().find(|(_, m)| before.ends_with(**m)) {
            start = before.len() - name.len();
            when = When::AsOf(Some(y), m as u8 + 1);
        } else if before.ends_with("end of") || before.ends_with("end-") || before.ends_with("end") {
            start = before.rfind("end").unwrap_or(start);
            when = When::AsOf(Some(y), 12);
        } else if before.ends_with("since") {
            start = before.len() - 5;
            when = When::Since(y);
        }
        // "the end of June 2020", "end-June 2020": the month's end, as "June 2020" already says.
        let lead = lower[..start].trim_end_matches([' ', '-']);
        for w in ["by the end of", "at the end of", "the end of", "end of", "by", "as of", "as at", "at", "in", "end"] {
            if lead.ends_with(w)
                && lead[..lead.len() - w.len()].chars().last().is_none_or(|c| !c.is_ascii_alphanumeric())
            {
                start = lead.len() - w.len();
                break;
            }
        }
        out.push((when, (start, i + 4)));
        i += 4;
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn when(s: &str) -> Option<When> {
        named(s).0
    }

    #[test]
    fn chinese_periods() {
        assert_eq!(when("2019年全省建成5G基站36988座"), Some(When::Year(2019)));
        assert_eq!(when("截至2020年8月底，广东累计建成"), Some(When::AsOf(Some(2020), 8)));
        assert_eq!(when("截至8月底，广东累计建成"), Some(When::AsOf(None, 8)));
        assert_eq!(when("截至6月末，清偿进度"), Some(When::AsOf(None, 6)));
        assert_eq!(when("2020年上半年新建"), Some(When::Months(Some(2020), 1, 6)));
        assert_eq!(when("上半年新建"), Some(When::Months(None, 1, 6)));
        assert_eq!(when("今年1—6月，全省新建"), Some(When::Months(None, 1, 6)));
        assert_eq!(when("2021年一季度新建"), Some(When::Months(Some(2021), 1, 3)));
        assert_eq!(when("截至2019年底"), Some(When::AsOf(Some(2019), 12)));
        assert_eq!(when("西山市2020年末已有"), Some(When::AsOf(Some(2020), 12)));
        assert_eq!(when("自2020年以来"), Some(When::Since(2020)));
        assert_eq!(when("广东减税降费超过2000亿元"), None);
        assert_eq!(when("连续4年获得"), None);
    }

    #[test]
    fn english_periods() {
        assert_eq!(when("Guangdong had built 78,000 5G base stations by mid-2020"), Some(When::AsOf(Some(2020), 6)));
        assert_eq!(when("as of June 2020, it had"), Some(When::AsOf(Some(2020), 6)));
        assert_eq!(when("by the end of August 2020"), Some(When::AsOf(Some(2020), 8)));
        assert_eq!(when("By the end of 2019 Guangdong"), Some(When::AsOf(Some(2019), 12)));
        assert_eq!(when("In the first half of 2021 West Hill"), Some(When::Months(Some(2021), 1, 6)));
        assert_eq!(when("in 2019"), Some(When::Year(2019)));
        assert_eq!(when("2000 billion yuan"), None);
        let (_, spans) = named("by mid-2020");
        assert_eq!(spans, vec![(0, 11)]);
    }

    #[test]
    fn a_fact_fits_the_period_named() {
        let june = Period::AsOf(2020, 6);
        assert_eq!(fit(Some(When::AsOf(None, 6)), june, Some(2020), ""), Fit::Same);
        assert_eq!(fit(Some(When::AsOf(None, 8)), june, Some(2020), ""), Fit::Other);
        assert_eq!(fit(Some(When::AsOf(None, 8)), june, None, ""), Fit::NoYear);
        assert_eq!(fit(Some(When::Year(2019)), Period::AsOf(2019, 12), None, ""), Fit::Same);
        assert_eq!(fit(Some(When::Year(2020)), june, None, ""), Fit::Other);
        assert_eq!(fit(None, june, None, ""), Fit::Unnamed);
        assert_eq!(fit(Some(When::Since(2020)), Period::Unstated, None, "直播带货（2020年以来）"), Fit::Same);
        assert_eq!(fit(Some(When::Year(2020)), Period::Unstated, None, ""), Fit::Other);
    }
}
