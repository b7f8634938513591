//! Numbers as readers see them, with unit and qualifier: "50%以上", "more than 315 billion yuan".
//!
//! This is the one formatter of every number the app and the publish step write, in the browser
//! and natively; it follows the report's own conventions (万/亿 in Chinese, thousands separators and million/billion in
//! English) so a label can be compared with the sentence it came from.

use facts::i18n::Lang;
use facts::{Qualifier, Unit, UnitKind};

/// Formats `value` (in base units) with its unit and qualifier, in the reader's language.
pub fn value_with_unit(value: f64, unit: &Unit, qualifier: Qualifier, lang: Lang) -> String {
    let number = match (unit.kind, lang) {
        (UnitKind::Percent, _) => format!("{}%", trim(value, 2)),
        (_, Lang::Zh) => zh_magnitude(value),
        (_, Lang::En) => en_magnitude(value),
    };
    let noun = match (unit.kind, lang) {
        (UnitKind::Percent, _) => "",
        (_, Lang::Zh) => &unit.zh,
        (_, Lang::En) => &unit.en,
    };
    match lang {
        Lang::Zh => {
            let (before, after) = match qualifier {
                Qualifier::Exact => ("", ""),
                Qualifier::AtLeast => ("", "以上"),
                Qualifier::MoreThan => ("超过", ""),
                Qualifier::About => ("约", ""),
                Qualifier::LessThan => ("不到", ""),
            };
            format!("{before}{number}{noun}{after}")
        }
        Lang::En => {
            let before = match qualifier {
                Qualifier::Exact => "",
                Qualifier::AtLeast => "at least ",
                Qualifier::MoreThan => "more than ",
                Qualifier::About => "about ",
                Qualifier::LessThan => "less than ",
            };
            if noun.is_empty() {
                format!("{before}{number}")
            } else {
                format!("{before}{number} {noun}")
            }
        }
    }
}

/// Short axis tick text: no qualifier, compact magnitude ("2万", "20K" is never used: "20 thousand"
/// is too long for a tick, so English ticks below a million keep separators). A tick is written
/// exactly: its value is a multiple of a 1, 2, 2.5 or 5 × 10^k step (`charts::spec::nice_step`),
/// which can take one decimal more than the step's own (0.25, 0.75 on a 0.25 step, not "0.3",
/// "0.8"), so up to [`TICK_DECIMALS`], which also drops the sums' float noise (0.30000000000000004).
pub fn tick(value: f64, unit: &Unit, lang: Lang) -> String {
    match (unit.kind, lang) {
        (UnitKind::Percent, _) => format!("{}%", trim(value, TICK_DECIMALS)),
        (_, Lang::Zh) if value.abs() >= 1e4 => digits::tick(value, lang),
        (_, Lang::En) if value.abs() >= 1e6 => digits::tick(value, lang),
        (_, _) => digits::grouped(value, TICK_DECIMALS as u8),
    }
}

/// The most decimals a tick is written with ([`tick`]).
const TICK_DECIMALS: usize = 6;

/// Chinese: 万, 亿 or 万亿 when the value is exact to two decimals in the one the compact form
/// takes (41000 -> "4.1万", 230000000000 -> "2300亿"), else digits with separators (36988 ->
/// "36,988"; 123456700, exact in 万 but not in 亿, -> "123,456,700"), so no label rounds the
/// report's number.
fn zh_magnitude(value: f64) -> String {
    magnitude(value, Lang::Zh, 1e4)
}

/// English: million, billion or trillion when exact to two decimals in the one the compact form
/// takes ("230 billion"), else separators ("41,000").
fn en_magnitude(value: f64) -> String {
    magnitude(value, Lang::En, 1e6)
}

/// The compact form from its step `from` up, when it writes the value exactly; else separators.
fn magnitude(value: f64, lang: Lang, from: f64) -> String {
    let unit = digits::compact_unit(value, lang);
    if unit >= from && is_whole((value / unit) * 100.0) {
        digits::compact(value, lang)
    } else {
        digits::grouped(value, 2)
    }
}

fn is_whole(x: f64) -> bool {
    (x - x.round()).abs() < 1e-6
}

/// Up to `decimals` decimals, trailing zeros removed: 2.30 -> "2.3", 93.6 -> "93.6", 50.0 -> "50".
fn trim(value: f64, decimals: usize) -> String {
    digits::grouped(value, decimals as u8)
}

/// Digit rendering, in plain Rust, the same in the browser and in the drawings the publish step
/// makes at build time, which the app's must match when it takes them over. It writes what the
/// browser's `Intl.NumberFormat` writes for zh-CN and en (grouping, compact forms, rounding half
/// away from zero): a browser test compares the two for every value of the report at every scale
/// a label divides it by. The app does not call Intl itself: two formatters would have to agree
/// (they did not always: "2,300" against "2300", ties), and the first `Intl.NumberFormat` of a
/// browser process loads its locale data, 30-55 ms of a thread here.
pub mod digits {
    use facts::i18n::Lang;

    /// Separators every three digits, at most `max_frac` decimals, trailing zeros dropped: the same
    /// in both languages (Intl groups zh-CN with commas too).
    pub fn grouped(value: f64, max_frac: u8) -> String {
        let (int, frac) = rounded(value.abs(), usize::from(max_frac));
        let mut out = String::new();
        // As Intl writes it: a negative value that rounds to zero is "-0".
        if value.is_sign_negative() {
            out.push('-');
        }
        for (i, c) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(c);
        }
        if !frac.is_empty() {
            out.push('.');
            out.push_str(&frac);
        }
        out
    }

    /// A non-negative `value`'s integer digits and at most `max_frac` decimals (trailing zeros
    /// dropped), rounded as Intl rounds: from the shortest decimal that reads back as the
    /// value (0.15, not 0.1499…), half away from zero (12.25 -> 12.3 at one decimal, where
    /// `format!("{:.1}")` gives 12.2).
    fn rounded(value: f64, max_frac: usize) -> (String, String) {
        let shortest = value.to_string();
        let (int, frac) = shortest.split_once('.').unwrap_or((&shortest, ""));
        let kept = frac.len().min(max_frac);
        let mut digits: Vec<u8> = [int.as_bytes(), &frac.as_bytes()[..kept]].concat();
        if frac.as_bytes().get(max_frac).is_some_and(|d| *d >= b'5') {
            // Carry from the last digit kept: 9.96 -> 10.0.
            let mut at = digits.len();
            loop {
                if at == 0 {
                    digits.insert(0, b'1');
                    break;
                }
                at -= 1;
                if digits[at] == b'9' {
                    digits[at] = b'0';
                } else {
                    digits[at] += 1;
                    break;
                }
            }
        }
        let text = String::from_utf8_lossy(&digits);
        let (int, frac) = text.split_at(text.len() - kept);
        (int.to_string(), frac.trim_end_matches('0').to_string())
    }

    /// Compact notation groups digits only from five integer digits on (Intl's "min2"): "2300亿".
    fn min2(text: String) -> String {
        let int_digits = text.split('.').next().unwrap_or("").chars().filter(char::is_ascii_digit).count();
        if int_digits < 5 {
            text.replace(',', "")
        } else {
            text
        }
    }

    /// The steps of the compact form, largest first, with their words.
    fn steps(lang: Lang) -> &'static [(f64, &'static str)] {
        match lang {
            Lang::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万"), (1.0, "")],
            Lang::En => &[(1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1e3, " thousand"), (1.0, "")],
        }
    }

    /// Where in `steps` the largest step `abs` reaches is (the last, 1, when it reaches none).
    fn step_at(steps: &[(f64, &str)], abs: f64) -> usize {
        steps.iter().position(|(unit, _)| abs >= *unit).unwrap_or(steps.len() - 1)
    }

    /// The step [`compact`] writes `value` in, before rounding (1e8 for "2300亿").
    pub fn compact_unit(value: f64, lang: Lang) -> f64 {
        let steps = steps(lang);
        steps[step_at(steps, value.abs())].0
    }

    /// "4.1万", "2300亿" in Chinese; "8.5 million", "230 billion" in English (two decimals at most).
    pub fn compact(value: f64, lang: Lang) -> String {
        let steps = steps(lang);
        let abs = value.abs();
        let at = step_at(steps, abs);
        // Where rounding carries into the step above, Intl writes that step: 999,999.5 is
        // "1 million", not "1000 thousand".
        // (The rounded integer part has no leading zero, so its digits say its power of ten;
        // steps are powers of ten. No float parsing: its code is 15 KB of the first load.)
        let carried = |up: usize| {
            let (int, _) = rounded(abs / steps[at].0, 2);
            10f64.powi(int.len() as i32 - 1) * steps[at].0 >= steps[up].0
        };
        let at = match at.checked_sub(1) {
            Some(up) if carried(up) => up,
            _ => at,
        };
        let (unit, word) = steps[at];
        // Grouped from five integer digits only, below the first step too: "2300", not "2,300".
        format!("{}{word}", min2(grouped(value / unit, 2)))
    }

    /// Shortest readable form for axis ticks.
    pub fn tick(value: f64, lang: Lang) -> String {
        compact(value, lang)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn unit(id: &str, kind: UnitKind, zh: &str, en: &str) -> Unit {
        Unit { id: id.to_string(), kind, zh: zh.to_string(), en: en.to_string(), baseline: 0.0 }
    }

    fn pct() -> Unit {
        unit("percent", UnitKind::Percent, "%", "%")
    }

    fn station() -> Unit {
        unit("station", UnitKind::Count, "座", "stations")
    }

    fn yuan() -> Unit {
        unit("yuan", UnitKind::Currency, "元", "yuan")
    }

    /// A tick's label is its value: on a 2.5 × 10^k step it takes one decimal more than the step
    /// (a 0.25 step's 0.75 was written "0.8%"), and a sum's float noise is not written.
    #[test]
    fn ticks_are_written_exactly() {
        for (value, zh) in
            [(0.25, "0.25%"), (0.75, "0.75%"), (7.5, "7.5%"), (0.1 + 0.2, "0.3%"), (-0.025, "-0.025%"), (20.0, "20%")]
        {
            assert_eq!(tick(value, &pct(), Lang::Zh), zh);
            assert_eq!(tick(value, &pct(), Lang::En), zh);
        }
        assert_eq!(tick(0.075, &yuan(), Lang::En), "0.075");
        assert_eq!(tick(1.25, &yuan(), Lang::Zh), "1.25");
        assert_eq!(tick(0.1 * 3.0, &yuan(), Lang::Zh), "0.3");
        assert_eq!(tick(2500.0, &station(), Lang::Zh), "2,500");
        assert_eq!(tick(12500.0, &station(), Lang::Zh), "1.25万");
        assert_eq!(tick(1.25e6, &station(), Lang::En), "1.25 million");
    }

    #[test]
    fn percent_lower_bound_reads_like_the_report() {
        assert_eq!(value_with_unit(50.0, &pct(), Qualifier::AtLeast, Lang::Zh), "50%以上");
        assert_eq!(value_with_unit(50.0, &pct(), Qualifier::AtLeast, Lang::En), "at least 50%");
        assert_eq!(value_with_unit(2.3, &pct(), Qualifier::Exact, Lang::Zh), "2.3%");
    }

    #[test]
    fn magnitudes_use_wan_and_yi_in_chinese() {
        assert_eq!(value_with_unit(41000.0, &station(), Qualifier::Exact, Lang::Zh), "4.1万座");
        assert_eq!(value_with_unit(36988.0, &station(), Qualifier::Exact, Lang::Zh), "36,988座");
        assert_eq!(value_with_unit(2.3e11, &yuan(), Qualifier::Exact, Lang::Zh), "2300亿元");
        assert_eq!(value_with_unit(3.15e10, &yuan(), Qualifier::MoreThan, Lang::Zh), "超过315亿元");
    }

    /// A value exact in a smaller step than the one its compact form takes keeps its digits.
    #[test]
    fn no_magnitude_rounds_the_reports_number() {
        assert_eq!(value_with_unit(123_456_700.0, &yuan(), Qualifier::Exact, Lang::Zh), "123,456,700元");
        assert_eq!(value_with_unit(1.23456e12, &yuan(), Qualifier::Exact, Lang::Zh), "1,234,560,000,000元");
        assert_eq!(value_with_unit(1.2e12, &yuan(), Qualifier::Exact, Lang::Zh), "1.2万亿元");
        assert_eq!(value_with_unit(1_234_560_000.0, &yuan(), Qualifier::Exact, Lang::En), "1,234,560,000 yuan");
        assert_eq!(value_with_unit(1.5e12, &yuan(), Qualifier::Exact, Lang::En), "1.5 trillion yuan");
    }

    #[test]
    fn magnitudes_use_separators_and_billions_in_english() {
        assert_eq!(value_with_unit(41000.0, &station(), Qualifier::Exact, Lang::En), "41,000 stations");
        assert_eq!(value_with_unit(2.3e11, &yuan(), Qualifier::Exact, Lang::En), "230 billion yuan");
        assert_eq!(value_with_unit(8.5e6, &station(), Qualifier::About, Lang::En), "about 8.5 million stations");
    }

    /// Compact notation groups digits from five integer digits on, below its first step too, as
    /// the browser's Intl does (a browser test compares them value by value).
    #[test]
    fn compact_digits_group_from_five_digits() {
        assert_eq!(digits::compact(2300.0, Lang::Zh), "2300");
        assert_eq!(digits::compact(-2300.0, Lang::Zh), "-2300");
        assert_eq!(digits::compact(23000.0, Lang::Zh), "2.3万");
        assert_eq!(digits::compact(2300.0, Lang::En), "2.3 thousand");
        assert_eq!(digits::compact(230.5, Lang::En), "230.5");
        assert_eq!(digits::compact(999_999.5, Lang::En), "1 million");
        assert_eq!(digits::compact(999_000.0, Lang::En), "999 thousand");
        assert_eq!(digits::compact(9_999.995, Lang::Zh), "1万");
        assert_eq!(digits::compact(-2.3e11, Lang::Zh), "-2300亿");
    }

    /// Decimals are rounded as the browser's Intl rounds them.
    #[test]
    fn digits_round_half_away_from_zero_from_the_shortest_decimal() {
        let g = |v: f64, d: u8| digits::grouped(v, d);
        assert_eq!(g(0.5, 0), "1");
        assert_eq!(g(2.5, 0), "3");
        assert_eq!(g(-2.5, 0), "-3");
        assert_eq!(g(12.25, 1), "12.3");
        assert_eq!(g(0.15, 1), "0.2");
        assert_eq!(g(9.96, 1), "10");
        assert_eq!(g(999_999.5, 0), "1,000,000");
        assert_eq!(g(-0.04, 1), "-0");
        assert_eq!(g(36988.0, 2), "36,988");
        assert_eq!(g(1234.5678, 2), "1,234.57");
        assert_eq!(g(93.6, 2), "93.6");
    }
}
