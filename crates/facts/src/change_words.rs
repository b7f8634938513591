//! The words releases use to say what a number is a change of: its direction (增长, 下降, 持平)
//! and its base (同比, 环比, 比上年末). One table each, read by the build (to check a catalogue's
//! signs and bases against its quotes), by the draft tool (to propose them) and by the claim
//! checker (to read a sentence's direction).

use crate::model::Base;

/// Which way a change goes.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Direction {
    Up,
    Down,
    Flat,
}

impl Direction {
    /// The sign a value in this direction has: 1, -1 or 0.
    pub fn sign(self) -> f64 {
        match self {
            Direction::Up => 1.0,
            Direction::Down => -1.0,
            Direction::Flat => 0.0,
        }
    }

    /// The direction of a signed value.
    pub fn of(value: f64) -> Direction {
        if value > 0.0 {
            Direction::Up
        } else if value < 0.0 {
            Direction::Down
        } else {
            Direction::Flat
        }
    }
}

/// Words that put a direction on the number right after them, longest first where one contains
/// another. Nouns for a rate (增速, 降幅) count too: "降幅为3%" is down 3%. 扩大 and 收窄 are left
/// out: their direction is their noun's (降幅收窄1.5个百分点 is a rise).
const DIRECTION_WORDS: &[(&str, Direction)] = &[
    ("净减少", Direction::Down),
    ("净增加", Direction::Up),
    ("净增长", Direction::Up),
    ("净增", Direction::Up),
    ("净减", Direction::Down),
    ("增长", Direction::Up),
    ("增加", Direction::Up),
    ("提高", Direction::Up),
    ("提升", Direction::Up),
    ("上升", Direction::Up),
    ("上涨", Direction::Up),
    ("加快", Direction::Up),
    ("回升", Direction::Up),
    ("增速", Direction::Up),
    ("增幅", Direction::Up),
    ("涨幅", Direction::Up),
    ("下降", Direction::Down),
    ("减少", Direction::Down),
    ("降低", Direction::Down),
    ("回落", Direction::Down),
    ("放缓", Direction::Down),
    ("下跌", Direction::Down),
    ("下滑", Direction::Down),
    ("降幅", Direction::Down),
    ("跌幅", Direction::Down),
    ("持平", Direction::Flat),
    ("增", Direction::Up),
    ("升", Direction::Up),
    ("涨", Direction::Up),
    ("减", Direction::Down),
    ("降", Direction::Down),
    ("跌", Direction::Down),
];

/// Words that end in a direction word but state a level: 新增 is what was added, not a change.
const NOT_DIRECTION: &[&str] = &["新增", "新增加"];

/// Words between a direction word and its number that do not change what it says: 增长了,
/// 下降约, 平均下降, 增速为.
const BETWEEN: &[&str] =
    &["了", "为", "是", "达到", "达", "约", "近", "大约", "接近", "超过", "超", "平均", "分别", "均", "幅度", "仅"];

/// The direction word written right before a number, given the text before it (`lead`), and
/// the word itself: "同比增长" -> Up ("增长"), "比上年末净减少" -> Down, "工业增加值为" -> none.
pub fn direction_before(lead: &str) -> Option<(Direction, &'static str)> {
    let mut rest = lead.trim_end();
    loop {
        if NOT_DIRECTION.iter().any(|w| rest.ends_with(w)) {
            return None;
        }
        if let Some((word, d)) = DIRECTION_WORDS.iter().find(|(w, _)| rest.ends_with(w)) {
            return Some((*d, word));
        }
        let filler = BETWEEN.iter().filter(|w| rest.ends_with(**w)).max_by_key(|w| w.len())?;
        rest = &rest[..rest.len() - filler.len()];
    }
}

/// Every word of two characters or more that says a change's direction or base (增长, 降幅,
/// 同比, 比上年末): words about how a number moved, not about what it measures.
pub fn words() -> impl Iterator<Item = &'static str> {
    let direction = DIRECTION_WORDS.iter().map(|(w, _)| *w);
    let base = BASE_WORDS.iter().map(|(w, _)| *w);
    direction.chain(base).filter(|w| w.chars().count() >= 2)
}

/// The words for each base, longest first where one contains another.
const BASE_WORDS: &[(&str, Base)] = &[
    ("比上年同期", Base::YearOnYear),
    ("比去年同期", Base::YearOnYear),
    ("较上年同期", Base::YearOnYear),
    ("较去年同期", Base::YearOnYear),
    ("比上年末", Base::SinceYearEnd),
    ("比上年底", Base::SinceYearEnd),
    ("较上年末", Base::SinceYearEnd),
    ("较上年底", Base::SinceYearEnd),
    ("比去年底", Base::SinceYearEnd),
    ("较去年底", Base::SinceYearEnd),
    ("比去年末", Base::SinceYearEnd),
    ("比年初", Base::SinceYearEnd),
    ("较年初", Base::SinceYearEnd),
    ("同比", Base::YearOnYear),
    ("比上年", Base::YearOnYear),
    ("较上年", Base::YearOnYear),
    ("比去年", Base::YearOnYear),
    ("环比", Base::PeriodOnPeriod),
    ("比上月", Base::PeriodOnPeriod),
    ("较上月", Base::PeriodOnPeriod),
    ("比上季度", Base::PeriodOnPeriod),
    ("较上季度", Base::PeriodOnPeriod),
    ("比上期", Base::PeriodOnPeriod),
    ("比上半年", Base::PeriodOnPeriod),
    ("较上半年", Base::PeriodOnPeriod),
    ("较上期", Base::PeriodOnPeriod),
    // 是去年同期的1.3倍: the base without 比.
    ("去年同期", Base::YearOnYear),
    ("上年同期", Base::YearOnYear),
];

/// The base `clause` names (the last one before its end, as the number is at the end of `lead`):
/// 同比 -> year on year; "较2018年年底" -> stated, from 较 or 比 followed by a date.
pub fn base_in(lead: &str) -> Option<Base> {
    let mut best: Option<(usize, Base)> = None;
    for (word, base) in BASE_WORDS {
        if let Some(at) = lead.rfind(word) {
            // A longer word at the same place wins (比上年同期 over 比上年): it is listed first.
            if best.is_none_or(|(b, _)| at > b) {
                best = Some((at, *base));
            }
        }
    }
    // 较2018年年底, 比1—9月, 较2019年: a base the sentence dates itself.
    for w in ["较", "比"] {
        for (at, _) in lead.match_indices(w) {
            let dated = lead[at + w.len()..]
                .chars()
                .next()
                .is_some_and(|c| c.is_ascii_digit() || "一二三四五六七八九十".contains(c));
            if dated && best.is_none_or(|(b, _)| at > b) {
                best = Some((at, Base::Stated));
            }
        }
    }
    best.map(|(_, b)| b)
}

/// The base of the number at the end of `before` (the text before it): the one its own clause
/// names, else the nearest before that ("同比增长3%，增速较1—9月提高0.4个百分点": 较1—9月; "收入
/// 同比增长3%，其中移动收入增长5%": 同比).
pub fn base_before(before: &str) -> Option<Base> {
    base_in(clause_lead(before)).or_else(|| base_in(before))
}

/// The words that name each base, for messages: "同比, 比上年同期, …".
pub fn base_words(base: Base) -> String {
    let words: Vec<&str> = BASE_WORDS.iter().filter(|(_, b)| *b == base).map(|(w, _)| *w).collect();
    if words.is_empty() {
        "较 or 比 followed by the base's date (较2018年年底)".to_string()
    } else {
        words.join(", ")
    }
}

/// How a quote says "N倍": of the base itself (是去年同期的1.3倍: 1.3 times) or as a growth
/// (增长1.3倍: 2.3 times the base).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum MultipleReading {
    TimesBase,
    GrowthBy,
}

/// The reading of a 倍 number from the text before it.
pub fn multiple_reading(lead: &str) -> MultipleReading {
    match direction_before(lead) {
        Some((Direction::Up, _)) => MultipleReading::GrowthBy,
        _ => MultipleReading::TimesBase,
    }
}

/// The clause a number sits in, up to the number: the text after the last clause mark in `lead`.
pub fn clause_lead(lead: &str) -> &str {
    match lead.rfind(['，', '。', '；', '：', ',', ';', '！', '？']) {
        Some(at) => {
            let mark = lead[at..].chars().next().map_or(1, char::len_utf8);
            &lead[at + mark..]
        }
        None => lead,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_word_right_before_the_number_gives_the_direction() {
        assert_eq!(direction_before("全省电信业务收入累计完成285亿元，同比增长"), Some((Direction::Up, "增长")));
        assert_eq!(direction_before("比上年末净减少"), Some((Direction::Down, "净减少")));
        assert_eq!(direction_before("增速较1—9月提高"), Some((Direction::Up, "提高")));
        assert_eq!(direction_before("客户流量资费较2018年年底平均下降"), Some((Direction::Down, "下降")));
        assert_eq!(direction_before("同比下降了约"), Some((Direction::Down, "下降")));
        assert_eq!(direction_before("增速回落"), Some((Direction::Down, "回落")));
        assert_eq!(direction_before("降幅为"), Some((Direction::Down, "降幅")));
        assert_eq!(direction_before("同比增"), Some((Direction::Up, "增")));
    }

    #[test]
    fn levels_and_value_added_have_no_direction() {
        assert_eq!(direction_before("工业增加值为"), None);
        assert_eq!(direction_before("全省新增"), None);
        assert_eq!(direction_before("仅减税降费将超过"), None);
        assert_eq!(direction_before("是去年同期的"), None);
        assert_eq!(direction_before("全省建成5G基站"), None);
        assert_eq!(direction_before(""), None);
    }

    #[test]
    fn bases_from_their_words() {
        assert_eq!(base_in("同比增长"), Some(Base::YearOnYear));
        assert_eq!(base_in("比上年同期增长"), Some(Base::YearOnYear));
        assert_eq!(base_in("比上年末净减少"), Some(Base::SinceYearEnd));
        assert_eq!(base_in("环比下降"), Some(Base::PeriodOnPeriod));
        assert_eq!(base_in("客户流量资费较2018年年底平均下降"), Some(Base::Stated));
        assert_eq!(base_in("增速较1—9月提高"), Some(Base::Stated));
        assert_eq!(base_in("是去年同期的"), Some(Base::YearOnYear));
        assert_eq!(base_in("全省建成"), None);
        // The nearest base is the number's: 同比 belongs to the clause before.
        assert_eq!(base_in("收入285亿元，同比增长3.6%，增速较1—9月提高"), Some(Base::Stated));
        assert_eq!(base_in("较1—9月的增速同比提高"), Some(Base::YearOnYear));
        assert_eq!(base_before("收入同比增长3%，增速比上半年提高"), Some(Base::PeriodOnPeriod));
        assert_eq!(base_before("收入同比增长3%，其中移动收入增长"), Some(Base::YearOnYear));
    }

    #[test]
    fn a_multiple_is_of_the_base_or_a_growth() {
        assert_eq!(multiple_reading("是去年同期的"), MultipleReading::TimesBase);
        assert_eq!(multiple_reading("同比增长"), MultipleReading::GrowthBy);
    }

    #[test]
    fn the_clause_starts_after_the_last_mark() {
        assert_eq!(clause_lead("收入285亿元，同比增长"), "同比增长");
        assert_eq!(clause_lead("同比增长"), "同比增长");
    }

    #[test]
    fn signs_and_directions_agree() {
        assert_eq!(Direction::of(-3.2), Direction::Down);
        assert_eq!(Direction::of(0.0), Direction::Flat);
        assert_eq!(Direction::Down.sign(), -1.0);
    }
}
