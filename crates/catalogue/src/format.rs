//! Numbers as readers see them, with unit and qualifier: "50%以上", "more than 315 billion yuan".
//!
//! This is the plain-Rust formatter used for chart labels and native tests; it follows the
//! report's own conventions (万/亿 in Chinese, thousands separators and million/billion in
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
/// is too long for a tick, so English ticks below a million keep separators).
pub fn tick(value: f64, unit: &Unit, lang: Lang) -> String {
    match (unit.kind, lang) {
        (UnitKind::Percent, _) => format!("{}%", trim(value, 1)),
        (_, Lang::Zh) if value.abs() >= 1e4 => digits::tick(value, lang),
        (_, Lang::En) if value.abs() >= 1e6 => digits::tick(value, lang),
        (_, _) => digits::grouped(value, lang, 2),
    }
}

/// Chinese: 万 or 亿 when that is exact to two decimals (41000 -> "4.1万", 230000000000 ->
/// "2300亿"), else digits with separators (36988 -> "36,988"), so no label rounds the report's number.
fn zh_magnitude(value: f64) -> String {
    let abs = value.abs();
    let exact = |unit: f64| abs >= unit && is_whole((value / unit) * 100.0);
    if exact(1e8) || exact(1e4) {
        digits::compact(value, Lang::Zh)
    } else {
        digits::grouped(value, Lang::Zh, 2)
    }
}

/// English: million or billion when exact to two decimals ("230 billion"), else separators ("41,000").
fn en_magnitude(value: f64) -> String {
    let abs = value.abs();
    let exact = |unit: f64| abs >= unit && is_whole((value / unit) * 100.0);
    if exact(1e9) || exact(1e6) {
        digits::compact(value, Lang::En)
    } else {
        digits::grouped(value, Lang::En, 2)
    }
}

fn is_whole(x: f64) -> bool {
    (x - x.round()).abs() < 1e-6
}

/// Up to `decimals` decimals, trailing zeros removed: 2.30 -> "2.3", 93.6 -> "93.6", 50.0 -> "50".
fn trim(value: f64, decimals: usize) -> String {
    digits::grouped(value, Lang::Zh, decimals as u8)
}

/// Digit rendering. In the browser it is the browser's own `Intl.NumberFormat`; natively (tests,
/// SVG in native tools) a plain-Rust rendering that produces the same strings for the values this
/// dashboard shows (a browser test compares the two).
pub mod digits {
    use facts::i18n::Lang;

    #[cfg(target_arch = "wasm32")]
    pub use super::intl::{compact, grouped};
    #[cfg(not(target_arch = "wasm32"))]
    pub use native::{compact, grouped};

    pub mod native {
        use facts::i18n::Lang;

        /// Separators every three digits, at most `max_frac` decimals, trailing zeros dropped.
        pub fn grouped(value: f64, _lang: Lang, max_frac: u8) -> String {
            let text = format!("{value:.prec$}", prec = usize::from(max_frac));
            let text =
                if text.contains('.') { text.trim_end_matches('0').trim_end_matches('.').to_string() } else { text };
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
            let out = format!("{sign}{out}{frac}");
            if out == "-0" {
                "0".to_string()
            } else {
                out
            }
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

        /// "4.1万", "2300亿" in Chinese; "8.5 million", "230 billion" in English (two decimals at most).
        pub fn compact(value: f64, lang: Lang) -> String {
            let abs = value.abs();
            let steps: &[(f64, &str)] = match lang {
                Lang::Zh => &[(1e12, "万亿"), (1e8, "亿"), (1e4, "万")],
                Lang::En => &[(1e12, " trillion"), (1e9, " billion"), (1e6, " million"), (1e3, " thousand")],
            };
            for (unit, word) in steps {
                if abs >= *unit {
                    return format!("{}{word}", min2(grouped(value / unit, lang, 2)));
                }
            }
            grouped(value, lang, 2)
        }
    }

    /// Shortest readable form for axis ticks.
    pub fn tick(value: f64, lang: Lang) -> String {
        compact(value, lang)
    }
}

#[cfg(target_arch = "wasm32")]
mod intl {
    //! The browser's `Intl.NumberFormat`, with formatters cached: creating one is slow. The cache
    //! is a list searched in order: it holds a handful of formatters, and a hash map would cost
    //! the first load half a kilobyte of code.
    use std::cell::RefCell;

    use js_sys::{Array, Intl, Object, Reflect};
    use wasm_bindgen::JsValue;

    use facts::i18n::Lang;

    thread_local! {
        static CACHE: RefCell<Vec<((Lang, bool, u8), Intl::NumberFormat)>> = const { RefCell::new(Vec::new()) };
    }

    fn with_format(lang: Lang, compact: bool, max_frac: u8, value: f64) -> Option<String> {
        CACHE.with(|cache| {
            let mut cache = cache.borrow_mut();
            let key = (lang, compact, max_frac);
            let at = match cache.iter().position(|(k, _)| *k == key) {
                Some(at) => at,
                None => {
                    cache.push((key, new_format(lang, compact, max_frac)));
                    cache.len() - 1
                }
            };
            let nf = &cache[at].1;
            nf.format().call1(&JsValue::UNDEFINED, &JsValue::from(value)).ok()?.as_string()
        })
    }

    fn new_format(lang: Lang, compact: bool, max_frac: u8) -> Intl::NumberFormat {
        let options = Object::new();
        let _ = Reflect::set(&options, &"maximumFractionDigits".into(), &JsValue::from(max_frac));
        if compact {
            let _ = Reflect::set(&options, &"notation".into(), &"compact".into());
            let display = if lang == Lang::En { "long" } else { "short" };
            let _ = Reflect::set(&options, &"compactDisplay".into(), &display.into());
        }
        let locales = Array::of1(&lang.tag().into());
        Intl::NumberFormat::new(&locales, &options)
    }

    pub fn grouped(value: f64, lang: Lang, max_frac: u8) -> String {
        with_format(lang, false, max_frac, value)
            .unwrap_or_else(|| super::digits::native::grouped(value, lang, max_frac))
    }

    pub fn compact(value: f64, lang: Lang) -> String {
        with_format(lang, true, 2, value).unwrap_or_else(|| super::digits::native::compact(value, lang))
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

    #[test]
    fn magnitudes_use_separators_and_billions_in_english() {
        assert_eq!(value_with_unit(41000.0, &station(), Qualifier::Exact, Lang::En), "41,000 stations");
        assert_eq!(value_with_unit(2.3e11, &yuan(), Qualifier::Exact, Lang::En), "230 billion yuan");
        assert_eq!(value_with_unit(8.5e6, &station(), Qualifier::About, Lang::En), "about 8.5 million stations");
    }
}
