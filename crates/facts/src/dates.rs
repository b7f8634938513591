//! Dates in a report's text, as they date its figures: 1—10月, 10月份, 截至10月末, 前三季度,
//! 2019年年底, 今年以来, with the year from the date, an earlier date of its paragraph, or the
//! heading or title above. Dates that do not date the figures are passed over: a change's base
//! (较1—9月), a start (…以来), a plan's span of years (2019—2022年) and dates inside 《》 or （）
//! outside titles. The draft tool proposes periods with it, and the build checks a catalogue's
//! stated periods against it.

/// Clause punctuation: a line with none of it may be a heading.
const PROSE: &[char] = &['，', '。', '；', '！', '？'];

fn tail(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or("")
}

const DASHES: &[char] = &['—', '–', '-', '~', '～', '至'];

/// Words before a date that make it the end of a stock's period: 截至10月末, 到2022年.
const AS_OF: &[&str] = &["截至", "截止", "截止到", "到"];

/// Words before a date that make it a change's base, not the figures' period: 较1—9月, 比2019年.
const BASELINE: &[&str] = &["较", "比", "与", "同"];

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
    ((1..=12).contains(&m) && tail(s, len).starts_with('月')).then_some((m, len + '月'.len_utf8()))
}

/// "1—6月" at the start of `s`: (1, 6, its length), when the span runs forwards.
fn month_span(s: &str) -> Option<(u8, u8, usize)> {
    let len = s.bytes().take_while(u8::is_ascii_digit).count();
    if len == 0 || len > 2 {
        return None;
    }
    let m: u8 = s.get(..len)?.parse().ok()?;
    let dash = tail(s, len).chars().next().filter(|c| DASHES.contains(c))?;
    let (m2, len2) = month_at(tail(s, len + dash.len_utf8()))?;
    ((1..m2).contains(&m)).then_some((m, m2, len + dash.len_utf8() + len2))
}

/// What a date says, its year aside.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum When {
    /// A span of months (1—10月, 前三季度, 上半年): a flow over them, a stock at their end.
    Months(u8, u8),
    /// A month (10月份, 10月, 4月28日).
    Month(u8),
    /// The end of a month (10月末, 截至10月): a stock then.
    MonthEnd(u8),
    /// A year (2019年).
    Year,
    /// The end of a year (2019年年底, 截至2019年).
    YearEnd,
    /// This year so far (今年以来): the release's own span.
    SoFar,
    /// A moment the text does not date (截至目前): the figures after it are unstated.
    Unknown,
}

/// Where a date's year comes from.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum YearOf {
    Stated(u16),
    /// 今年, 本年: the release's year.
    ThisYear,
    /// Not written (1—10月): the year of the paragraph, a heading or the title.
    Unsaid,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
struct Mention {
    year: YearOf,
    when: When,
}

/// A month or a span of months at the start of `s` (1—10月, 10月份, 10月末, 4月28日): what it
/// says and its length.
fn months_at(s: &str) -> Option<(When, usize)> {
    if let Some((m, m2, len)) = month_span(s) {
        return Some((When::Months(m, m2), len));
    }
    let (m, len) = month_at(s)?;
    let rest = tail(s, len);
    for (w, end) in [("末", true), ("底", true), ("份", false), ("上旬", false), ("中旬", false), ("下旬", false)]
    {
        if rest.starts_with(w) {
            return Some((if end { When::MonthEnd(m) } else { When::Month(m) }, len + w.len()));
        }
    }
    let day = rest.bytes().take_while(u8::is_ascii_digit).count();
    if (1..=2).contains(&day) && (tail(rest, day).starts_with('日') || tail(rest, day).starts_with('号')) {
        return Some((When::Month(m), len + day + '日'.len_utf8()));
    }
    Some((When::Month(m), len))
}

/// A quarter or a half of a year at the start of `s` (前三季度, 一季度, 上半年).
fn part_of_year_at(s: &str) -> Option<(When, usize)> {
    crate::period::PARTS_OF_YEAR
        .iter()
        .filter(|(w, _, _)| s.starts_with(w))
        .max_by_key(|(w, _, _)| w.len())
        .map(|(w, a, b)| (When::Months(*a, *b), w.len()))
}

/// What follows a year (2020年…, 今年…): months, a quarter, its end, or nothing (the year).
fn after_year(s: &str) -> (When, usize) {
    if let Some(found) = months_at(s).or_else(|| part_of_year_at(s)) {
        return found;
    }
    match ["年底", "年末", "底", "末"].iter().find(|w| s.starts_with(**w)) {
        Some(w) => (When::YearEnd, w.len()),
        None => (When::Year, 0),
    }
}

/// A stock's date after 截至: the end of what the date names.
fn as_of(when: When) -> When {
    match when {
        When::Months(_, b) | When::Month(b) => When::MonthEnd(b),
        When::Year => When::YearEnd,
        other => other,
    }
}

/// Whether byte `prefix.len()` lies inside an open 《…》 or （…）.
fn in_brackets(prefix: &str) -> bool {
    let open = |o: char, c: char| prefix.matches(o).count() > prefix.matches(c).count();
    open('《', '》') || open('（', '）') || open('(', ')')
}

/// The date at the start of `rest` (`prefix` is the text before it): the mention, or `None` for a
/// date that does not date the figures (a base, a title's year, a start …以来, a span of years),
/// and the length read.
fn date_at(prefix: &str, rest: &str, in_titles: bool) -> Option<(Option<Mention>, usize)> {
    let (year, when, len) = if let Some(y) = four_digit_year(rest).filter(|_| tail(rest, 4).starts_with('年')) {
        let after = tail(rest, 4 + '年'.len_utf8());
        // 2019—2022年: both years are a plan's span.
        let span_end = prefix
            .strip_suffix(DASHES)
            .is_some_and(|p| p.bytes().last().is_some_and(|b| b.is_ascii_digit()) || p.ends_with('年'));
        if span_end || after.starts_with(DASHES) {
            return Some((None, 4 + '年'.len_utf8()));
        }
        let (when, len) = after_year(after);
        (YearOf::Stated(y), when, 4 + '年'.len_utf8() + len)
    } else if let Some(after) = rest.strip_prefix("今年").or_else(|| rest.strip_prefix("本年")) {
        if after.starts_with("以来") {
            return Some((Some(Mention { year: YearOf::ThisYear, when: When::SoFar }), "今年以来".len()));
        }
        let (when, len) = after_year(after);
        (YearOf::ThisYear, when, "今年".len() + len)
    } else if let Some((when, len)) = months_at(rest).or_else(|| part_of_year_at(rest)) {
        (YearOf::Unsaid, when, len)
    } else if let Some(w) = ["截至", "截止"].iter().find(|w| rest.starts_with(**w)) {
        // 截至目前: a moment the text does not date. 截至10月末 is read at its date.
        let after = tail(rest, w.len());
        let after = after.strip_prefix('到').unwrap_or(after);
        let dated = after.starts_with(|c: char| c.is_ascii_digit())
            || after.starts_with("今年")
            || after.starts_with("本年")
            || part_of_year_at(after).is_some();
        return (!dated).then_some((Some(Mention { year: YearOf::Unsaid, when: When::Unknown }), w.len()));
    } else {
        return None;
    };
    let since = tail(rest, len).starts_with("以来");
    let len = if since { len + "以来".len() } else { len };
    let baseline = BASELINE.iter().any(|w| prefix.ends_with(w));
    if since || baseline || (!in_titles && in_brackets(prefix)) {
        return Some((None, len));
    }
    let when = if AS_OF.iter().any(|w| prefix.trim_end().ends_with(w)) { as_of(when) } else { when };
    Some((Some(Mention { year, when }), len))
}

/// Every date in `s` that dates the figures after it, in order. `in_titles`: read dates inside
/// 《》 and （） too (in a release's title line, where they are the release's period).
fn mentions(s: &str, in_titles: bool) -> Vec<Mention> {
    let mut out = Vec::new();
    let mut i = 0;
    while let (Some(prefix), Some(rest)) = (s.get(..i), s.get(i..)) {
        let Some(c) = rest.chars().next() else { break };
        let glued = prefix.chars().last().is_some_and(|p| p.is_ascii_digit() || p == '.');
        let found = if glued && c.is_ascii_digit() { None } else { date_at(prefix, rest, in_titles) };
        i += match found {
            Some((mention, len)) => {
                out.extend(mention);
                len.max(c.len_utf8())
            }
            // Past the whole number: its last digits are no month.
            None if c.is_ascii_digit() => rest.bytes().take_while(u8::is_ascii_digit).count(),
            None => c.len_utf8(),
        };
    }
    out
}

fn spell(year: u16, when: When, stock: bool) -> String {
    let asof = |m: u8| format!("asof {year:04}-{m:02}");
    match when {
        When::Months(_, b) if stock => asof(b),
        When::Months(a, b) => format!("{year:04}-{a:02}..{year:04}-{b:02}"),
        When::Month(m) if stock => asof(m),
        When::Month(m) => format!("{year:04}-{m:02}"),
        When::MonthEnd(m) => asof(m),
        When::Year if stock => asof(12),
        When::Year => format!("{year:04}"),
        When::YearEnd => asof(12),
        When::SoFar | When::Unknown => "unstated".to_string(),
    }
}

/// The dates of a text's title and headings, for the numbers under them that their own
/// paragraph does not date.
pub struct Dates {
    /// (offset of the heading, its year, what it says), in text order.
    headings: Vec<(usize, u16, When)>,
}

impl Dates {
    pub fn of(text: &str) -> Dates {
        let mut headings = Vec::new();
        let mut year: Option<u16> = None;
        let mut offset = 0;
        let first = text.lines().position(|l| !l.trim().is_empty());
        for (n, line) in text.split_inclusive('\n').enumerate() {
            let t = line.trim();
            if Some(n) == first || heading_like(text, t) {
                if let Some(m) = mentions(t, true).last() {
                    let y = match m.year {
                        YearOf::Stated(y) => Some(y),
                        YearOf::ThisYear | YearOf::Unsaid => year,
                    };
                    if let Some(y) = y {
                        year = Some(y);
                        headings.push((offset, y, m.when));
                    }
                }
            }
            offset += line.len();
        }
        Dates { headings }
    }

    /// The date of the nearest heading above `at` that has one.
    fn heading_at(&self, at: usize) -> Option<(u16, When)> {
        self.headings.iter().rev().find(|(o, _, _)| *o < at).map(|(_, y, w)| (*y, *w))
    }

    /// The period of the number at byte `start`, in the catalogue spelling: the nearest date
    /// before it in its paragraph, its year from the date itself, else from an earlier date of
    /// the paragraph, else from the heading above (今年: from the heading above only); with no
    /// date in the paragraph, the date of the heading above (the release's title). `stock`: the
    /// number is counted at a moment, so a span gives its end (asof).
    pub fn period(&self, text: &str, start: usize, stock: bool) -> String {
        let para_start = text.get(..start).and_then(|h| h.rfind('\n')).map_or(0, |p| p + 1);
        let found = mentions(text.get(para_start..start).unwrap_or(""), false);
        let heading = self.heading_at(start);
        let (year, when) = match found.last() {
            None => match heading {
                Some((y, w)) => (Some(y), w),
                None => return "unstated".to_string(),
            },
            Some(m) => {
                let year = match m.year {
                    YearOf::Stated(y) => Some(y),
                    YearOf::ThisYear => heading.map(|h| h.0),
                    YearOf::Unsaid => found
                        .iter()
                        .rev()
                        .find_map(|m| match m.year {
                            YearOf::Stated(y) => Some(y),
                            _ => None,
                        })
                        .or(heading.map(|h| h.0)),
                };
                let when = match (m.when, heading) {
                    (When::SoFar, Some((y, w))) if Some(y) == year => w,
                    (when, _) => when,
                };
                (year, when)
            }
        };
        match year {
            Some(y) => spell(y, when, stock),
            None => "unstated".to_string(),
        }
    }
}

/// A line that may head an article: short, without clause punctuation, not opening with a
/// bracket, and not repeated.
pub fn heading_like(text: &str, t: &str) -> bool {
    !t.is_empty()
        && t.chars().count() <= 30
        && !t.contains(PROSE)
        && !t.starts_with(['（', '(', '—', '《', '“'])
        && text.lines().filter(|l| l.trim() == t).count() == 1
}
