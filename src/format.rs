//! Numbers as readers see them, with unit and qualifier: "50%以上", "more than 315 billion yuan".
//!
//! This is the plain-Rust formatter used for chart labels and native tests; it follows the
//! report's own conventions (万/亿 in Chinese, thousands separators and million/billion in
//! English) so a label can be compared with the sentence it came from.

use crate::facts::{Qualifier, Unit, UnitKind};
use crate::i18n::Lang;

/// Formats `value` (in base units) with its unit and qualifier, in the reader's language.
pub fn value_with_unit(value: f64, unit: &Unit, qualifier: Qualifier, lang: Lang) -> String {
    let number = match (unit.kind, lang) {
        (UnitKind::Percent, _) => format!("{}%", trim(value, 2)),
        (_, Lang::Zh) => zh_magnitude(value),
        (_, Lang::En) => en_magnitude(value),
    };
    let noun = match (unit.kind, lang) {
        (UnitKind::Percent, _) => "",
        (_, Lang::Zh) => unit.zh,
        (_, Lang::En) => unit.en,
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

/// Short axis tick text: no qualifier, compact magnitude.
pub fn tick(value: f64, unit: &Unit, lang: Lang) -> String {
    match (unit.kind, lang) {
        (UnitKind::Percent, _) => format!("{}%", trim(value, 1)),
        (_, Lang::Zh) => zh_magnitude(value),
        (_, Lang::En) => en_magnitude(value),
    }
}

/// 230000000000 -> "2300亿", 41000 -> "4.1万", 36988 -> "36988".
fn zh_magnitude(value: f64) -> String {
    let abs = value.abs();
    if abs >= 1e8 {
        format!("{}亿", trim(value / 1e8, 2))
    } else if abs >= 1e5 || (abs >= 1e4 && (value % 1000.0).abs() < f64::EPSILON) {
        format!("{}万", trim(value / 1e4, 2))
    } else {
        trim(value, 2)
    }
}

/// 230000000000 -> "230 billion", 41000 -> "41,000".
fn en_magnitude(value: f64) -> String {
    let abs = value.abs();
    if abs >= 1e9 {
        format!("{} billion", trim(value / 1e9, 2))
    } else if abs >= 1e6 {
        format!("{} million", trim(value / 1e6, 2))
    } else {
        grouped(value)
    }
}

/// Up to `decimals` decimals, trailing zeros removed: 2.30 -> "2.3", 93.6 -> "93.6", 50.0 -> "50".
fn trim(value: f64, decimals: usize) -> String {
    let s = format!("{value:.decimals$}");
    if s.contains('.') {
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        s
    }
}

fn grouped(value: f64) -> String {
    let text = trim(value, 2);
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i.to_string(), format!(".{f}")),
        None => (text.clone(), String::new()),
    };
    let (sign, digits) = match int.strip_prefix('-') {
        Some(d) => ("-", d),
        None => ("", int.as_str()),
    };
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(c);
    }
    format!("{sign}{out}{frac}")
}

#[cfg(test)]
mod tests {
    use super::*;

    const PCT: Unit = Unit { id: "percent", kind: UnitKind::Percent, zh: "%", en: "%" };
    const STATION: Unit = Unit { id: "station", kind: UnitKind::Count, zh: "座", en: "stations" };
    const YUAN: Unit = Unit { id: "yuan", kind: UnitKind::Currency, zh: "元", en: "yuan" };

    #[test]
    fn percent_lower_bound_reads_like_the_report() {
        assert_eq!(value_with_unit(50.0, &PCT, Qualifier::AtLeast, Lang::Zh), "50%以上");
        assert_eq!(value_with_unit(50.0, &PCT, Qualifier::AtLeast, Lang::En), "at least 50%");
        assert_eq!(value_with_unit(2.3, &PCT, Qualifier::Exact, Lang::Zh), "2.3%");
    }

    #[test]
    fn magnitudes_use_wan_and_yi_in_chinese() {
        assert_eq!(value_with_unit(41000.0, &STATION, Qualifier::Exact, Lang::Zh), "4.1万座");
        assert_eq!(value_with_unit(36988.0, &STATION, Qualifier::Exact, Lang::Zh), "36988座");
        assert_eq!(value_with_unit(2.3e11, &YUAN, Qualifier::Exact, Lang::Zh), "2300亿元");
        assert_eq!(value_with_unit(3.15e10, &YUAN, Qualifier::MoreThan, Lang::Zh), "超过315亿元");
    }

    #[test]
    fn magnitudes_use_separators_and_billions_in_english() {
        assert_eq!(value_with_unit(41000.0, &STATION, Qualifier::Exact, Lang::En), "41,000 stations");
        assert_eq!(value_with_unit(2.3e11, &YUAN, Qualifier::Exact, Lang::En), "230 billion yuan");
        assert_eq!(value_with_unit(8.5e6, &STATION, Qualifier::About, Lang::En), "about 8.5 million stations");
    }
}
