//! The numbers a sentence states: each with its value in base units, its qualifier and the unit
//! it names, read with the project's number parser (Chinese) or a small reader of English
//! numerals ("more than 50%", "about 1/4", "2,000 billion yuan", "one third").

use facts::change_words::{self, Direction};
use facts::numbers::{self, Form};
use facts::{Catalogue, Fact, Qualifier, UnitKind};

/// A number a claim states.
#[derive(Clone, Debug, PartialEq)]
pub struct Stated<'a> {
    /// The expression as written, qualifier words included ("超过2000亿元", "more than 50%").
    pub text: String,
    /// Byte range of `text` in the sentence.
    pub start: usize,
    pub end: usize,
    /// In base units, as the catalogue stores values: yuan, not 亿元; 25 (percent) for 1/4.
    pub value: f64,
    pub qualifier: Qualifier,
    /// Half the step of the last digit written (7.8万 -> 500, 94.3% -> 0.05): how far the true
    /// value may lie from a rounded one.
    pub rounding: f64,
    /// The catalogue units the words after the number may name ("座" one, "个" several, none when
    /// they name none the catalogue knows).
    pub units: Vec<&'a str>,
    /// What kind of quantity, when it is clear from the expression alone.
    pub kind: Option<UnitKind>,
    /// The direction the sentence gives the number (下降1.8%, "fell 1.8%"): it is then a change,
    /// and `value` is its magnitude.
    pub direction: Option<Direction>,
}

impl Stated<'_> {
    /// The value to weigh against `fact`: signed by the sentence's direction when the fact is a
    /// change; a change whose direction the sentence leaves unsaid is taken with the fact's sign
    /// (it neither agrees nor disagrees on it); against a level or a share, the number as written
    /// (减负1400亿元 is an amount).
    pub fn value_for(&self, fact: &Fact) -> f64 {
        match (fact.measure.is_change(), self.direction) {
            (true, Some(d)) => d.sign() * self.value,
            (true, None) if fact.value < 0.0 => -self.value,
            _ => self.value,
        }
    }
}

/// English words that give the number after them a direction ("fell 1.8%", "down 3%").
const EN_BEFORE: &[(&str, Direction)] = &[
    ("down", Direction::Down),
    ("fell", Direction::Down),
    ("fell by", Direction::Down),
    ("dropped", Direction::Down),
    ("dropped by", Direction::Down),
    ("declined", Direction::Down),
    ("declined by", Direction::Down),
    ("decreased", Direction::Down),
    ("decreased by", Direction::Down),
    ("shrank", Direction::Down),
    ("shrank by", Direction::Down),
    ("cut by", Direction::Down),
    ("lower by", Direction::Down),
    ("up", Direction::Up),
    ("rose", Direction::Up),
    ("rose by", Direction::Up),
    ("grew", Direction::Up),
    ("grew by", Direction::Up),
    ("increased", Direction::Up),
    ("increased by", Direction::Up),
    ("climbed", Direction::Up),
    ("gained", Direction::Up),
];

/// English words that give the number before them a direction ("a 34.4% cut").
const EN_AFTER: &[(&str, Direction)] = &[
    ("cut", Direction::Down),
    ("fall", Direction::Down),
    ("drop", Direction::Down),
    ("decline", Direction::Down),
    ("decrease", Direction::Down),
    ("reduction", Direction::Down),
    ("lower", Direction::Down),
    ("less", Direction::Down),
    ("fewer", Direction::Down),
    ("rise", Direction::Up),
    ("increase", Direction::Up),
    ("growth", Direction::Up),
    ("higher", Direction::Up),
    ("more than a year", Direction::Up),
];

/// Whether an English word only says which way a number moved ("cut", "fell", "up"): the sign
/// weighs it, not the subject.
pub fn says_direction(word: &str) -> bool {
    EN_BEFORE.iter().chain(EN_AFTER).any(|(w, _)| *w == word) || matches!(word, "change" | "changed")
}

/// The direction English words give a number at `start..end` of `lower` (lowercased).
fn english_direction(lower: &str, start: usize, end: usize) -> Option<Direction> {
    let before = lower[..start].trim_end();
    let word_end = |w: &str| {
        before.ends_with(w) && before[..before.len() - w.len()].chars().last().is_none_or(|c| !c.is_ascii_alphabetic())
    };
    if let Some((w, d)) = EN_BEFORE.iter().filter(|(w, _)| word_end(w)).max_by_key(|(w, _)| w.len()) {
        // "make up 90%", "set up": a verb's particle, not a direction.
        let verb = before[..before.len() - w.len()].split_whitespace().last().unwrap_or("");
        let particle =
            ["make", "makes", "made", "making", "take", "takes", "took", "set", "sets", "account", "accounts"];
        if !(*w == "up" && particle.contains(&verb)) {
            return Some(*d);
        }
    }
    let after = lower[end..].trim_start();
    // "a 34.4% cut", "1.8 percent lower"; units first ("1.2 million subscribers fewer" is rare).
    let after = after.strip_prefix("percent").unwrap_or(after).trim_start();
    EN_AFTER
        .iter()
        .find(|(w, _)| after.starts_with(w) && after[w.len()..].chars().next().is_none_or(|c| !c.is_ascii_alphabetic()))
        .map(|(_, d)| *d)
}

/// Half the place value of the last digit written ("7.8" -> 0.05, "36,988" -> 0.5, "2300" ->
/// 0.5), times `scale` (7.8万 -> 500). Zeros at the end of a whole number count as written: the
/// report's "50%以上" is not "anything from 45%". Numerals without digits count as exact.
pub fn rounding_of(core: &str, scale: f64) -> f64 {
    let digits: String = core.chars().filter(|c| c.is_ascii_digit() || *c == '.').collect();
    if digits.is_empty() {
        return 0.0;
    }
    let place = match digits.split_once('.') {
        Some((_, frac)) => 10f64.powi(-(frac.len() as i32)),
        None => 1.0,
    };
    place * scale / 2.0
}

/// Every number in `sentence`, in order: Chinese expressions first found by the project's scanner
/// and parsed with its parser, English ones by [`english`]. Ordinals (第2家) and years (2019年)
/// are not stated quantities and are left out.
pub fn stated_numbers<'a>(catalogue: &'a Catalogue, sentence: &str) -> Vec<Stated<'a>> {
    let mut out: Vec<Stated> = fractions(sentence);
    for span in numbers::scan(sentence) {
        if out.iter().any(|o| o.start < span.end && span.start < o.end) {
            continue;
        }
        if let Some(s) = chinese(catalogue, sentence, span.start, span.end) {
            out.push(s);
        }
    }
    for s in english(catalogue, sentence) {
        if !out.iter().any(|o| o.start < s.end && s.start < o.end) {
            out.push(s);
        }
    }
    out.sort_by_key(|s| s.start);
    out
}

const NUMERALS: &str = "零〇一二两三四五六七八九十百0123456789";

/// Chinese fractions, "三分之一" (a third: 33.3, in percent as the catalogue keeps shares), with
/// their qualifier words (约三分之一, 三分之一以上).
fn fractions(sentence: &str) -> Vec<Stated<'static>> {
    let mut out = Vec::new();
    for (at, _) in sentence.match_indices("分之") {
        let before = &sentence[..at];
        let d_len: usize = before.chars().rev().take_while(|c| NUMERALS.contains(*c)).map(char::len_utf8).sum();
        let rest = &sentence[at + "分之".len()..];
        let n_len: usize = rest.chars().take_while(|c| NUMERALS.contains(*c)).map(char::len_utf8).sum();
        let (Some(d), Some(n)) = (numeral(&before[before.len() - d_len..]), numeral(&rest[..n_len])) else { continue };
        if d == 0.0 {
            continue;
        }
        let start = at - d_len;
        let prefix = facts::numbers::qualifying_prefix(&sentence[..start]).unwrap_or("");
        let suffix = ZH_SUFFIXES.iter().find(|s| rest[n_len..].starts_with(**s)).copied().unwrap_or("");
        let Ok(q) = numbers::parse_expr(&format!("{prefix}1{suffix}")) else { continue };
        let (start, end) = (start - prefix.len(), at + "分之".len() + n_len + suffix.len());
        out.push(Stated {
            text: sentence[start..end].to_string(),
            start,
            end,
            value: 100.0 * n / d,
            qualifier: q.qualifier,
            rounding: 0.0,
            units: vec!["percent"],
            kind: Some(UnitKind::Percent),
            direction: None,
        });
    }
    out
}

const ZH_SUFFIXES: &[&str] = &["以上", "以下", "左右"];

/// Comparisons before a number: "低于3%" is less than 3%.
const COMPARISONS: &[(&str, Qualifier)] = &[
    ("低于", Qualifier::LessThan),
    ("小于", Qualifier::LessThan),
    ("高于", Qualifier::MoreThan),
    ("大于", Qualifier::MoreThan),
];

fn chinese<'a>(catalogue: &'a Catalogue, sentence: &str, start: usize, end: usize) -> Option<Stated<'a>> {
    let core = &sentence[start..end];
    let after = &sentence[end..];
    // A name (5G, 4K), not a quantity; and numbers in English are read by [`english`].
    let next = after.chars().next();
    let next_word = after.trim_start().chars().next();
    let prev_word = sentence[..start].trim_end().chars().last();
    if next.is_some_and(|c| c.is_ascii_alphabetic())
        || next_word.is_some_and(|c| c.is_ascii_alphabetic())
        || prev_word.is_some_and(|c| c.is_ascii_alphabetic())
    {
        return None;
    }
    // Digits with no Chinese on either side are English, read by [`english`] ("by mid-2020").
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    if core.is_ascii() && !after.chars().next().is_some_and(cjk) && !sentence[..start].chars().last().is_some_and(cjk) {
        return None;
    }
    // A year or a date is when, not how much; a few years (连续4年, 提前一年) are a count.
    let year = core.len() == 4 && core.bytes().all(|b| b.is_ascii_digit()) || core.contains(['〇', '零']);
    if (["月", "日"].iter().any(|w| after.starts_with(w)) || (after.starts_with('年') && year)) && !core.contains('%')
    {
        return None;
    }
    if sentence[..start].ends_with('第') {
        return None;
    }
    // 低于3%, 高于: comparisons a sentence makes that a report's own expressions do not.
    let (prefix, compared) = match facts::numbers::qualifying_prefix(&sentence[..start]) {
        Some(p) => (p, None),
        None => {
            COMPARISONS.iter().find(|(w, _)| sentence[..start].ends_with(w)).map_or(("", None), |(w, q)| (*w, Some(*q)))
        }
    };
    // The unit: a catalogue unit whose display suffix the text goes on with ("座", "个端口"), or
    // every unit whose suffix starts as the text does ("个…": several).
    // 80多个, 300余家: "more than", before the counter.
    let more = ["多", "余"].into_iter().find(|m| after.starts_with(m) && !core.contains(['多', '余'])).unwrap_or("");
    let after = &after[more.len()..];
    // 七成, 三成多: tenths of a whole, which the project's parser reads as a share.
    let tenths = ["成多", "成余", "成"].into_iter().find(|w| after.starts_with(w) && !after.starts_with("成不变"));
    let units: Vec<_> = catalogue.units.iter().filter(|u| !u.zh.is_empty() && u.zh != "%").collect();
    let full = units.iter().filter(|u| after.starts_with(&u.zh)).max_by_key(|u| u.zh.len());
    let first = after.chars().next().filter(|c| !c.is_ascii());
    let (unit_ids, counter): (Vec<&'a str>, &str) = match (full, first) {
        (Some(u), _) => (vec![u.id.as_str()], u.zh.as_str()),
        (None, Some(c)) => {
            (units.iter().filter(|u| u.zh.starts_with(c)).map(|u| u.id.as_str()).collect(), &after[..c.len_utf8()])
        }
        (None, None) => (Vec::new(), ""),
    };
    let counter = match tenths {
        Some(w) => w,
        None if unit_ids.is_empty() => "",
        None => counter,
    };
    let unit_kind = {
        let kinds: Vec<_> = unit_ids.iter().filter_map(|id| catalogue.unit(id)).map(|u| u.kind).collect();
        kinds.first().copied().filter(|k| kinds.iter().all(|x| x == k))
    };
    let tail = &after[counter.len()..];
    let suffix = ZH_SUFFIXES.iter().find(|s| tail.starts_with(**s)).copied().unwrap_or("");
    let text = format!("{prefix}{core}{more}{counter}{suffix}");
    let mut parsed = match compared {
        Some(_) => numbers::parse_expr(&format!("{core}{more}{counter}{suffix}")).ok()?,
        None => numbers::parse_expr(&text).ok()?,
    };
    if let Some(q) = compared {
        parsed.qualifier = q;
    }
    // 个百分点 and 倍 say what the number is, whatever units the catalogue has: 加快0.6个百分点 is
    // never 0.6%, nor 0.6 of something counted with 个.
    let unit_kind = if parsed.counter.ends_with("百分点") {
        Some(UnitKind::PercentagePoints)
    } else if parsed.counter == "倍" {
        Some(UnitKind::Times)
    } else {
        unit_kind
    };
    let (value, unit_id, kind) = match parsed.form {
        Form::Ordinal => return None,
        Form::Percent => (parsed.value, vec!["percent"], Some(UnitKind::Percent)),
        Form::Fraction => (parsed.value * 100.0, vec!["percent"], Some(UnitKind::Percent)),
        Form::Plain => (parsed.value, unit_ids, unit_kind),
    };
    let direction =
        change_words::direction_before(change_words::clause_lead(&sentence[..start - prefix.len()])).map(|(d, _)| d);
    let scale = if parsed.form == Form::Plain { scale_of(core) } else { 1.0 };
    Some(Stated {
        start: start - prefix.len(),
        end: end + more.len() + counter.len() + suffix.len(),
        text,
        value,
        qualifier: parsed.qualifier,
        rounding: rounding_of(core, scale),
        units: unit_id,
        kind,
        direction,
    })
}

/// The 万 and 亿 a Chinese number is scaled by (4.1万 -> 1e4).
fn scale_of(core: &str) -> f64 {
    core.chars().fold(1.0, |s, c| match c {
        '万' => s * 1e4,
        '亿' => s * 1e8,
        _ => s,
    })
}

fn numeral(s: &str) -> Option<f64> {
    if s.chars().all(|c| c.is_ascii_digit()) && !s.is_empty() {
        return s.parse().ok();
    }
    numbers::parse_chinese_numeral(s).ok().map(|v| v as f64)
}

/// English qualifiers before a number, longest first.
const EN_PREFIXES: &[(&str, Qualifier)] = &[
    ("more than", Qualifier::MoreThan),
    ("exceeded", Qualifier::MoreThan),
    ("exceeding", Qualifier::MoreThan),
    ("exceeds", Qualifier::MoreThan),
    ("exceed", Qualifier::MoreThan),
    ("over", Qualifier::MoreThan),
    ("above", Qualifier::MoreThan),
    ("in excess of", Qualifier::MoreThan),
    ("at least", Qualifier::AtLeast),
    ("no less than", Qualifier::AtLeast),
    ("about", Qualifier::About),
    ("around", Qualifier::About),
    ("roughly", Qualifier::About),
    ("approximately", Qualifier::About),
    ("nearly", Qualifier::About),
    ("almost", Qualifier::About),
    ("some", Qualifier::About),
    ("less than", Qualifier::LessThan),
    ("fewer than", Qualifier::LessThan),
    ("under", Qualifier::LessThan),
];

const EN_FRACTIONS: &[(&str, f64)] = &[
    ("half", 50.0),
    ("one half", 50.0),
    ("a third", 100.0 / 3.0),
    ("one third", 100.0 / 3.0),
    ("one-third", 100.0 / 3.0),
    ("a quarter", 25.0),
    ("one quarter", 25.0),
    ("one fourth", 25.0),
    ("two thirds", 200.0 / 3.0),
    ("two-thirds", 200.0 / 3.0),
    ("three quarters", 75.0),
];

/// English numbers in words, up to ninety-nine: counts ("three 5G industrial parks") when a unit
/// follows, and the numerators of fractions ("nine tenths").
const EN_ONES: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const EN_TENS: &[&str] = &["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];

/// Denominators of fractions in words, singular and plural.
const EN_PARTS: &[(&str, f64)] = &[
    ("halves", 2.0),
    ("thirds", 3.0),
    ("third", 3.0),
    ("quarters", 4.0),
    ("quarter", 4.0),
    ("fifths", 5.0),
    ("fifth", 5.0),
    ("tenths", 10.0),
    ("tenth", 10.0),
];

/// A number in words at the start of `s` (lower case): its value and byte length.
fn english_numeral(s: &str) -> Option<(f64, usize)> {
    let word_end = |w: &str| !s[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic());
    if let Some((t, w)) = EN_TENS.iter().enumerate().skip(2).find(|(_, w)| s.starts_with(**w)) {
        let rest = &s[w.len()..];
        if let Some(r) = rest.strip_prefix('-').or_else(|| rest.strip_prefix(' ')) {
            if let Some((o, ow)) = EN_ONES
                .iter()
                .enumerate()
                .skip(1)
                .take(9)
                .find(|(_, o)| r.starts_with(**o) && !r[o.len()..].starts_with(|c: char| c.is_ascii_alphabetic()))
            {
                return Some(((t * 10 + o) as f64, w.len() + 1 + ow.len()));
            }
        }
        return word_end(w).then_some(((t * 10) as f64, w.len()));
    }
    EN_ONES
        .iter()
        .enumerate()
        .filter(|(_, w)| s.starts_with(**w) && word_end(w))
        .max_by_key(|(_, w)| w.len())
        .map(|(v, w)| (v as f64, w.len()))
}

const EN_SCALES: &[(&str, f64)] = &[("thousand", 1e3), ("million", 1e6), ("billion", 1e9), ("trillion", 1e12)];

/// English numbers in `sentence`: digits with "," groups and "." decimals, optionally a scale
/// word, "%" or "percent"; "1/4"; and the fraction words of [`EN_FRACTIONS`]; each with the
/// qualifier words before it and the catalogue unit named after it.
pub fn english<'a>(catalogue: &'a Catalogue, sentence: &str) -> Vec<Stated<'a>> {
    let lower = sentence.to_ascii_lowercase();
    let bytes = lower.as_bytes();
    let mut out = Vec::new();
    let mut i = 0;
    while i < bytes.len() {
        if !lower.is_char_boundary(i) {
            i += 1;
            continue;
        }
        let word_start = i == 0 || !bytes[i - 1].is_ascii_alphanumeric();
        // A fraction word.
        if word_start {
            if let Some((w, v)) =
                EN_FRACTIONS.iter().filter(|(w, _)| lower[i..].starts_with(w)).max_by_key(|(w, _)| w.len())
            {
                let end = i + w.len();
                // "the first half of 2020" is a period, not a share.
                let prev_word = lower[..i].split_whitespace().last().unwrap_or("");
                let period = *w == "half" && ["first", "second", "the"].contains(&prev_word);
                if !bytes.get(end).is_some_and(u8::is_ascii_alphanumeric) && !period {
                    out.push(finish(catalogue, sentence, &lower, i, end, *v, 0.0, vec!["percent"]));
                    i = end;
                    continue;
                }
            }
        }
        // A number in words: a fraction ("nine tenths") or a count ("three 5G industrial parks"),
        // the count only when a unit follows it ("one of the", "one year ahead" without a unit
        // of the catalogue are not counts).
        if word_start {
            if let Some((v, len)) = english_numeral(&lower[i..]) {
                let end = i + len;
                let next = lower[end..].trim_start();
                let gap = lower.len() - end - next.len();
                if let Some((w, d)) = EN_PARTS.iter().find(|(w, _)| {
                    next.starts_with(w) && !next[w.len()..].starts_with(|c: char| c.is_ascii_alphabetic())
                }) {
                    let stop = end + gap + w.len();
                    out.push(finish(catalogue, sentence, &lower, i, stop, 100.0 * v / d, 0.0, vec!["percent"]));
                    i = stop;
                    continue;
                }
                let counted = finish(catalogue, sentence, &lower, i, end, v, 0.0, Vec::new());
                if !counted.units.is_empty() {
                    out.push(counted);
                }
                i = end;
                continue;
            }
        }
        if !bytes[i].is_ascii_digit() || (i > 0 && (bytes[i - 1].is_ascii_alphanumeric() || bytes[i - 1] == b'.')) {
            i += 1;
            continue;
        }
        let mut end = i;
        while end < bytes.len()
            && (bytes[end].is_ascii_digit()
                || (matches!(bytes[end], b',' | b'.') && bytes.get(end + 1).is_some_and(u8::is_ascii_digit)))
        {
            end += 1;
        }
        // 5G, 4K: names. 2300亿元, 50%以上: Chinese, read by [`chinese`].
        if lower[end..].chars().next().is_some_and(|c| {
            c.is_ascii_alphabetic()
                || !c.is_ascii()
                || c == '%' && !lower[end + 1..].chars().next().is_none_or(|c| c.is_ascii())
        }) {
            i = end;
            continue;
        }
        let digits = &lower[i..end];
        let Ok(mut value) = digits.replace(',', "").parse::<f64>() else {
            i = end;
            continue;
        };
        // A year ("in 2019", "2019:"), not a quantity: four digits from 1900 to 2099 standing alone.
        let next_word = lower[end..].trim_start();
        if digits.len() == 4
            && (1900.0..2100.0).contains(&value)
            && !next_word.starts_with('%')
            && !next_word.starts_with("percent")
            && !next_word.starts_with("billion")
            && !next_word.starts_with("million")
        {
            i = end;
            continue;
        }
        // 1/4
        if lower[end..].starts_with('/') {
            let d_start = end + 1;
            let d_end = d_start + lower[d_start..].bytes().take_while(u8::is_ascii_digit).count();
            if let Ok(d) = lower[d_start..d_end].parse::<f64>() {
                if d > 0.0 {
                    out.push(finish(catalogue, sentence, &lower, i, d_end, 100.0 * value / d, 0.0, vec!["percent"]));
                    i = d_end;
                    continue;
                }
            }
        }
        let mut scale = 1.0;
        let mut stop = end;
        let rest = &lower[end..];
        let trimmed = rest.trim_start();
        let gap = rest.len() - trimmed.len();
        if let Some((w, s)) = EN_SCALES.iter().find(|(w, _)| trimmed.starts_with(w)) {
            scale = *s;
            stop = end + gap + w.len();
        }
        value *= scale;
        let rounding = rounding_of(digits, scale);
        let after = lower[stop..].trim_start();
        let (unit, stop) = if after.starts_with('%') {
            (vec!["percent"], lower.len() - after.len() + 1)
        } else if after.starts_with("percent") || after.starts_with("per cent") {
            let w = if after.starts_with("percent") { 7 } else { 8 };
            (vec!["percent"], lower.len() - after.len() + w)
        } else {
            (Vec::new(), stop)
        };
        out.push(finish(catalogue, sentence, &lower, i, stop, value, rounding, unit));
        i = stop.max(i + 1);
    }
    out
}

/// A stated English number with its qualifier (the words before `start`) and its unit (named in
/// the next few words, when not given).
#[allow(clippy::too_many_arguments)]
fn finish<'a>(
    catalogue: &'a Catalogue,
    sentence: &str,
    lower: &str,
    start: usize,
    end: usize,
    value: f64,
    rounding: f64,
    units: Vec<&'a str>,
) -> Stated<'a> {
    let before = lower[..start].trim_end();
    let (qualifier, q_start) = EN_PREFIXES
        .iter()
        .filter(|(w, _)| {
            before.ends_with(w)
                && before[..before.len() - w.len()].chars().last().is_none_or(|c| !c.is_ascii_alphanumeric())
        })
        .max_by_key(|(w, _)| w.len())
        .map_or((Qualifier::Exact, start), |(w, q)| (*q, before.len() - w.len()));
    let units = if units.is_empty() {
        // Every unit named in the next few words ("base stations" names two).
        let window: String = lower[end..].split_whitespace().take(4).collect::<Vec<_>>().join(" ");
        catalogue
            .units
            .iter()
            .filter(|u| !u.en.is_empty() && u.en != "%" && u.en.chars().any(|c| c.is_ascii_alphabetic()))
            .filter(|u| {
                let en = u.en.to_ascii_lowercase();
                let singular = en.strip_suffix('s').unwrap_or(&en).to_string();
                window.contains(&singular)
            })
            .map(|u| u.id.as_str())
            .collect()
    } else {
        units
    };
    let kinds: Vec<UnitKind> = units
        .iter()
        .filter_map(|id| if *id == "percent" { Some(UnitKind::Percent) } else { catalogue.unit(id).map(|u| u.kind) })
        .collect();
    let kind = kinds.first().copied().filter(|k| kinds.iter().all(|x| x == k));
    let direction = english_direction(lower, q_start, end);
    Stated {
        text: sentence[q_start..end].to_string(),
        start: q_start,
        end,
        value,
        qualifier,
        rounding,
        units,
        kind,
        direction,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn rounding_is_half_the_last_digit_written() {
        assert_eq!(rounding_of("7.8", 1e4), 500.0);
        assert_eq!(rounding_of("36,988", 1.0), 0.5);
        assert_eq!(rounding_of("94.3", 1.0), 0.05);
        assert_eq!(rounding_of("十", 1.0), 0.0);
    }

    #[test]
    fn fractions_are_shares_in_percent_with_their_qualifiers() {
        let f = fractions("约占全国的三分之一以上");
        assert_eq!(f.len(), 1);
        assert_eq!(f[0].text, "三分之一以上");
        assert!((f[0].value - 100.0 / 3.0).abs() < 1e-9);
        assert_eq!(f[0].qualifier, Qualifier::AtLeast);
        assert_eq!(fractions("约四分之一")[0].qualifier, Qualifier::About);
        assert!(fractions("十分之").is_empty());
    }
}
