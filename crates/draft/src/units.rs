//! The unit of each drafted number: a known one (a finished catalogue's beside the text, or a
//! built-in one) where its counter fits, else a new one, named in English where the counter has a
//! standard English name (户 households or subscribers, 千瓦时 kWh, GB, GB/户·月 GB per subscriber
//! per month) and left in Chinese for a person to translate where it has none.

use facts::counters::Counters;
use facts::numbers::{Form, NumberExpr};
use facts::UnitKind;

use crate::{builtin_units, UnitDef};

/// Counters with a standard English name: (counter, id, en).
const NAMED: &[(&str, &str, &str)] = &[
    ("千瓦时", "kwh", "kWh"),
    ("千瓦", "kw", "kW"),
    ("千克", "kg", "kg"),
    ("公斤", "kg", "kg"),
    ("千米", "km", "km"),
    ("公里", "km", "km"),
    ("吨", "tonne", "tonnes"),
    ("平方米", "square-metre", "square metres"),
    ("平方公里", "square-km", "square km"),
];

/// Units written in Latin letters after a number (42.6亿GB, 300kWh). Other letters after digits
/// make a name (5G, 4K), not a quantity.
const LATIN: &[&str] =
    &["KB", "MB", "GB", "TB", "PB", "EB", "kWh", "kW", "MW", "GW", "Mbps", "Gbps", "Tbps", "km", "kg", "MHz", "GHz"];

/// Units of data: 户 after them (GB/户·月) counts subscribers.
const DATA: &[&str] = &["KB", "MB", "GB", "TB", "PB", "EB"];

/// What the words of a "per" part of a unit (GB/户·月) are in English.
const PER: &[(&str, &str)] = &[
    ("月", "month"),
    ("年", "year"),
    ("日", "day"),
    ("天", "day"),
    ("人", "person"),
    ("小时", "hour"),
    ("秒", "second"),
];

/// Byte length of a Latin unit at the start of `s`, with its "per" part (GB/户·月): a unit of
/// [`LATIN`], then optionally / and up to six letters, Chinese characters or ·.
pub fn latin_unit_len(s: &str) -> Option<usize> {
    let letters = s.bytes().take_while(u8::is_ascii_alphabetic).count();
    let word = s.get(..letters)?;
    if !LATIN.contains(&word) {
        return None;
    }
    let rest = tail_of(s, letters);
    let Some(per) = rest.strip_prefix('/') else { return Some(letters) };
    let len: usize = per
        .chars()
        .take_while(|c| c.is_ascii_alphabetic() || ('\u{4e00}'..='\u{9fff}').contains(c) || *c == '·')
        .take(6)
        .map(char::len_utf8)
        .sum();
    // Not a · that ends it (户·月·).
    let len = per.get(..len).map_or(0, |p| p.trim_end_matches('·').len());
    Some(if len == 0 { letters } else { letters + 1 + len })
}

fn tail_of(s: &str, i: usize) -> &str {
    s.get(i..).unwrap_or("")
}

/// The English of a Latin unit: "GB/户·月" is "GB per subscriber per month"; `None` when a part
/// has no English here.
fn latin_english(counter: &str, subscribers: bool) -> Option<String> {
    let (word, per) = match counter.split_once('/') {
        Some((w, p)) => (w, Some(p)),
        None => (counter, None),
    };
    if word.is_empty() || !word.bytes().all(|b| b.is_ascii_alphabetic()) {
        return None;
    }
    let mut en = word.to_string();
    for part in per.into_iter().flat_map(|p| p.split('·')) {
        let part_en = if part == "户" {
            if subscribers || DATA.contains(&word) {
                "subscriber"
            } else {
                "household"
            }
        } else if !part.is_empty() && part.bytes().all(|b| b.is_ascii_alphabetic()) {
            part
        } else {
            PER.iter().find(|(zh, _)| *zh == part).map(|(_, en)| *en)?
        };
        en.push_str(" per ");
        en.push_str(part_en);
    }
    Some(en)
}

/// The id and English name of a new unit with this counter, where it has a standard one;
/// `subscribers`: the sentence speaks of 用户.
fn standard_name(counter: &str, subscribers: bool) -> Option<(String, String)> {
    if counter == "户" {
        let en = if subscribers { "subscribers" } else { "households" };
        return Some(("household".to_string(), en.to_string()));
    }
    if let Some((_, id, en)) = NAMED.iter().find(|(c, _, _)| *c == counter) {
        return Some((id.to_string(), en.to_string()));
    }
    let en = latin_english(counter, subscribers)?;
    // "gb-per-subscriber-month": one "per" in the id.
    let mut words = en.split(' ');
    let mut id: Vec<&str> = words.next().into_iter().collect();
    id.extend(words.enumerate().filter(|(i, w)| *i < 2 || *w != "per").map(|(_, w)| w));
    Some((crate::id_prefix(&id.join(" ")), en))
}

/// What the words around a number say about its unit.
pub struct Around<'a> {
    /// The clause after the number.
    pub after: &'a str,
    /// The clause before it.
    pub before: &'a str,
    /// Its sentence up to it.
    pub sentence_before: &'a str,
}

/// Chooses the unit of each number and declares it in the draft.
pub struct Units<'a> {
    known: &'a [UnitDef],
    pub used: Vec<UnitDef>,
    /// Ids of the units this draft made rather than took from a known one.
    made: Vec<String>,
    new_count: usize,
}

pub fn kind_of(u: &UnitDef) -> UnitKind {
    UnitKind::from_spelling(&u.kind).unwrap_or(UnitKind::Count)
}

impl<'a> Units<'a> {
    pub fn new(known: &'a [UnitDef]) -> Units<'a> {
        Units { known, used: Vec::new(), made: Vec::new(), new_count: 0 }
    }

    fn declare(&mut self, unit: &UnitDef) -> String {
        if !self.used.iter().any(|u| u.id == unit.id) {
            self.used.push(unit.clone());
        }
        unit.id.clone()
    }

    fn known_or_builtin(&mut self, pick: impl Fn(&UnitDef) -> bool) -> Option<String> {
        let unit =
            self.known.iter().find(|u| pick(u)).cloned().or_else(|| builtin_units().into_iter().find(|u| pick(u)))?;
        Some(self.declare(&unit))
    }

    fn kind(&self, id: &str) -> UnitKind {
        self.used.iter().find(|u| u.id == id).map_or(UnitKind::Count, kind_of)
    }

    /// The unit id, the value in base units (a percent for a percent unit) and the unit's kind.
    pub fn choose(&mut self, parsed: &NumberExpr, around: &Around<'_>) -> (String, f64, UnitKind) {
        let (id, value) = match parsed.form {
            Form::Percent | Form::Fraction => {
                let value = if parsed.form == Form::Fraction { parsed.value * 100.0 } else { parsed.value };
                (self.known_or_builtin(|u| u.kind == "percent").unwrap_or_else(|| "percent".to_string()), value)
            }
            Form::Ordinal => {
                (self.known_or_builtin(|u| u.counter.accepts("第")).unwrap_or_else(|| "rank".to_string()), parsed.value)
            }
            Form::Plain => {
                let counter = parsed.counter.as_str();
                let special = if counter == "元" {
                    self.known_or_builtin(|u| u.kind == "currency" && u.counter.accepts("元"))
                } else if counter.ends_with("百分点") {
                    self.of_kind(UnitKind::PercentagePoints, counter)
                } else if counter == "倍" {
                    self.of_kind(UnitKind::Times, counter)
                } else if (counter.is_empty() && around.before.contains("指数"))
                    || (counter == "点" && around.sentence_before.contains("指数"))
                {
                    self.of_kind(UnitKind::Index, counter)
                } else {
                    None
                };
                match special {
                    Some(id) => (id, parsed.value),
                    None => (self.count_unit(counter, around), parsed.value),
                }
            }
        };
        let kind = self.kind(&id);
        (id, value, kind)
    }

    /// A unit of `kind` that takes `word`: a known or built-in one; or one of that kind with
    /// another word (百分点 beside 个百分点), which then takes this one too.
    fn of_kind(&mut self, kind: UnitKind, word: &str) -> Option<String> {
        let spelled = kind.spelling();
        if let Some(id) = self.known_or_builtin(|u| u.kind == spelled && u.counter.accepts(word)) {
            return Some(id);
        }
        if kind == UnitKind::Times {
            // A times unit's counter is 倍 alone.
            return None;
        }
        if !self.used.iter().any(|u| u.kind == spelled) {
            self.known_or_builtin(|u| u.kind == spelled)?;
        }
        let unit = self.used.iter_mut().find(|u| u.kind == spelled)?;
        let mut words = unit.counter.words().to_vec();
        words.push(word.to_string());
        unit.counter = Counters::Several(words);
        Some(unit.id.clone())
    }

    /// A count unit with this counter: of the known ones, the one whose noun (its `zh` without the
    /// counter: 部门 in 个部门) best matches the words after the number (or before it, when the
    /// counter ends the clause: 基站3个); a new unit when none fits.
    fn count_unit(&mut self, counter: &str, around: &Around<'_>) -> String {
        let phrase = noun_phrase(around.after);
        let phrase = if phrase.chars().count() < 2 {
            around.before.chars().rev().take(6).collect::<Vec<_>>().into_iter().rev().collect()
        } else {
            phrase
        };
        let candidates: Vec<&UnitDef> = self
            .known
            .iter()
            .filter(|u| u.kind == "count" && u.counter.accepts(counter) && !counter.is_empty())
            .collect();
        let mut best: Option<(usize, &UnitDef)> = None;
        for u in &candidates {
            let noun = unit_noun(u);
            let score = if noun.is_empty() {
                1
            } else {
                let shared = common_run(&noun, &phrase);
                let head_bonus =
                    if shared > 0 && phrase.chars().last().is_some_and(|c| noun.contains(c)) { 3 } else { 0 };
                shared + head_bonus
            };
            if score > 0 && best.is_none_or(|(b, _)| score > b) {
                best = Some((score, u));
            }
        }
        if let Some((_, u)) = best {
            let u = u.clone();
            return self.declare(&u);
        }
        if let Some(u) = self.used.iter().find(|u| self.made.contains(&u.id) && u.counter.accepts(counter)) {
            return u.id.clone();
        }
        let taken = |units: &Units<'_>, id: &str| units.known.iter().chain(&units.used).any(|u| u.id == id);
        let named = standard_name(counter, around.sentence_before.contains("用户"));
        // A new id no unit in sight has: a neighbouring draft's units are known under the same
        // scheme (draft-unit-1, …), and two units of one id would not build.
        let id = match &named {
            Some((id, _)) if !taken(self, id) => id.clone(),
            _ => loop {
                self.new_count += 1;
                let id = format!("draft-unit-{}", self.new_count);
                if !taken(self, &id) {
                    break id;
                }
            },
        };
        let en = match named {
            Some((_, en)) => en,
            // The Chinese measure word until someone translates it.
            None if counter.is_empty() => "(to be decided)".to_string(),
            None => counter.to_string(),
        };
        let unit = UnitDef {
            id: id.clone(),
            kind: "count".to_string(),
            counter: Counters::One(counter.to_string()),
            zh: if counter.is_empty() { "（待定）".to_string() } else { counter.to_string() },
            en,
            baseline: None,
        };
        self.made.push(id);
        self.declare(&unit)
    }
}

/// The noun a count unit counts: its `zh` without the counter and a leading 个 (个部门 → 部门,
/// 家创新中心 → 创新中心, 个方面 → "", 座 → "").
fn unit_noun(u: &UnitDef) -> String {
    let word = u.counter.words().iter().find(|w| !w.is_empty() && u.zh.contains(w.as_str()));
    let zh = word.map_or_else(|| u.zh.clone(), |w| u.zh.replacen(w.as_str(), "", 1));
    zh.trim_start_matches('个').to_string()
}

/// The words after a counter up to the end of the phrase: clause punctuation, a list separator,
/// or a digit once two Chinese characters are in (扶贫村4G… → 扶贫村). At most 16 characters.
pub fn noun_phrase(after: &str) -> String {
    let mut out = String::new();
    let mut han = 0;
    for c in after.chars().take(16) {
        if "，。；！？：、,;\n和及与".contains(c) || (han >= 2 && c.is_ascii_digit()) {
            break;
        }
        if ('\u{4e00}'..='\u{9fff}').contains(&c) {
            han += 1;
        }
        out.push(c);
    }
    out
}

/// Length in characters of the longest run of characters two strings share.
fn common_run(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut best = 0;
    let mut prev = vec![0usize; b.len() + 1];
    for ca in &a {
        let mut row = vec![0usize; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            if ca == cb {
                row[j + 1] = prev[j] + 1;
                best = best.max(row[j + 1]);
            }
        }
        prev = row;
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn latin_units_keep_their_per_part() {
        let s = "10.4GB/户·月，是去年同期的1.3倍";
        assert_eq!(latin_unit_len(&s[4..]), Some("GB/户·月".len()));
        assert_eq!(latin_unit_len("GB，同比"), Some(2));
        assert_eq!(latin_unit_len("GB/户·月·"), Some("GB/户·月".len()));
        assert_eq!(latin_unit_len("GB/，"), Some(2));
        assert_eq!(latin_unit_len("G网络"), None);
        assert_eq!(latin_unit_len("K电视"), None);
        assert_eq!(latin_english("GB/户·月", false).as_deref(), Some("GB per subscriber per month"));
        assert_eq!(latin_english("kWh", false).as_deref(), Some("kWh"));
        assert_eq!(standard_name("户", true), Some(("household".into(), "subscribers".into())));
        assert_eq!(standard_name("户", false), Some(("household".into(), "households".into())));
        assert_eq!(standard_name("千瓦时", false), Some(("kwh".into(), "kWh".into())));
        assert_eq!(
            standard_name("GB/户·月", false),
            Some(("gb-per-subscriber-month".into(), "GB per subscriber per month".into()))
        );
        assert_eq!(standard_name("座", false), None);
    }
}
