//! Property tests for the Chinese number parser and scanner.

#![cfg(not(target_arch = "wasm32"))]

use facts::numbers::{parse_chinese_numeral, parse_expr, scan, Form, Qualifier};
use proptest::prelude::*;

const MULTIPLIERS: &[(&str, i32)] =
    &[("", 0), ("百", 2), ("千", 3), ("万", 4), ("亿", 8), ("千万", 7), ("百万", 6), ("万亿", 12)];
const COUNTERS: &[&str] = &["", "座", "元", "家", "个", "条", "人次", "个端口", "方面", "年"];

/// Relative closeness for values computed two ways.
fn close(a: f64, b: f64) -> bool {
    (a - b).abs() <= 1e-12 * a.abs().max(b.abs()).max(1.0)
}

/// The standard Chinese numeral for n < 10^12 (一亿零五, 一千零一十, 一十二万).
fn to_chinese(n: u64) -> String {
    const DIGITS: [&str; 10] = ["零", "一", "二", "三", "四", "五", "六", "七", "八", "九"];
    fn group(n: u64) -> String {
        let mut out = String::new();
        let mut zero = false;
        for (unit, div) in [("千", 1000), ("百", 100), ("十", 10), ("", 1)] {
            let d = (n / div) % 10;
            if d == 0 {
                zero = !out.is_empty();
            } else {
                if zero {
                    out.push('零');
                    zero = false;
                }
                out.push_str(DIGITS[d as usize]);
                out.push_str(unit);
            }
        }
        out
    }
    if n == 0 {
        return "零".to_string();
    }
    let mut out = String::new();
    let mut gap = false;
    for (suffix, div) in [("亿", 100_000_000u64), ("万", 10_000), ("", 1)] {
        let g = (n / div) % 10_000;
        if g == 0 {
            gap = !out.is_empty();
            continue;
        }
        if !out.is_empty() && (gap || g < 1000) {
            out.push('零');
        }
        gap = false;
        out.push_str(&group(g));
        out.push_str(suffix);
    }
    out
}

/// Strings from characters the parser and scanner care about, to reach their corners.
fn numberish() -> impl Strategy<Value = String> {
    let alphabet: Vec<&str> = vec![
        "0",
        "1",
        "2",
        "5",
        "9",
        "０",
        "３",
        ".",
        ",",
        "/",
        "%",
        "％",
        "一",
        "二",
        "两",
        "三",
        "十",
        "百",
        "千",
        "万",
        "亿",
        "零",
        "〇",
        "第",
        "半",
        "多",
        "余",
        "约",
        "近",
        "超",
        "超过",
        "不到",
        "以上",
        "以下",
        "左右",
        "百分之",
        "个",
        "座",
        "元",
        "年",
        "大",
        "方面",
        "点",
        "，",
        "G",
        " ",
        "\n",
        "—",
        "的",
    ];
    prop::collection::vec(prop::sample::select(alphabet), 0..24).prop_map(|v| v.concat())
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 512, ..ProptestConfig::default() })]

    #[test]
    fn whole_numbers_with_multipliers_parse(n in 0u64..10_000_000, m in 0..MULTIPLIERS.len(), c in 0..COUNTERS.len()) {
        let (mult, exp) = MULTIPLIERS[m];
        let text = format!("{n}{mult}{}", COUNTERS[c]);
        let e = parse_expr(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(e.value, n as f64 * 10f64.powi(exp), "{}", text);
        prop_assert_eq!(e.form, Form::Plain);
        prop_assert_eq!(e.counter.as_str(), COUNTERS[c]);
        prop_assert_eq!(e.qualifier, Qualifier::Exact);
    }

    #[test]
    fn decimals_with_multipliers_parse(int in 0u32..100_000, frac in "[0-9]{1,4}", m in 0..MULTIPLIERS.len()) {
        let (mult, exp) = MULTIPLIERS[m];
        let text = format!("{int}.{frac}{mult}座");
        let e = parse_expr(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        let expected: f64 = format!("{int}.{frac}").parse::<f64>().unwrap_or(f64::NAN) * 10f64.powi(exp);
        prop_assert!(close(e.value, expected), "{} -> {} vs {}", text, e.value, expected);
        prop_assert_eq!(e.counter.as_str(), "座");
    }

    #[test]
    fn ten_thousands_are_exact(n in 0u32..100_000, d in 0u32..10) {
        // "n.d万" is exactly n*10000 + d*1000, with no binary rounding on the way.
        let e = parse_expr(&format!("{n}.{d}万座")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(e.value, f64::from(n) * 10_000.0 + f64::from(d) * 1_000.0);
    }

    #[test]
    fn percentages_and_qualifiers(int in 0u32..1000, frac in "[0-9]{0,2}", q in 0usize..6) {
        let number = if frac.is_empty() { int.to_string() } else { format!("{int}.{frac}") };
        let (pre, post, qualifier) = [
            ("", "", Qualifier::Exact),
            ("超过", "", Qualifier::MoreThan),
            ("约", "", Qualifier::About),
            ("不到", "", Qualifier::LessThan),
            ("", "以上", Qualifier::AtLeast),
            ("达", "左右", Qualifier::About),
        ][q];
        let text = format!("{pre}{number}%{post}");
        let e = parse_expr(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(e.form, Form::Percent);
        prop_assert!(close(e.value, number.parse::<f64>().unwrap_or(f64::NAN)), "{}", text);
        prop_assert_eq!(e.counter.as_str(), "%");
        prop_assert_eq!(e.qualifier, qualifier);
    }

    #[test]
    fn fractions_parse(a in 1u32..100, b in 1u32..100) {
        let e = parse_expr(&format!("约{a}/{b}")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(e.form, Form::Fraction);
        prop_assert_eq!(e.value, f64::from(a) / f64::from(b));
        prop_assert_eq!(e.qualifier, Qualifier::About);
    }

    #[test]
    fn chinese_numerals_round_trip(n in 1u64..1_000_000_000_000) {
        let zh = to_chinese(n);
        prop_assert_eq!(parse_chinese_numeral(&zh), Ok(u128::from(n)), "{}", zh);
        let e = parse_expr(&format!("{zh}个")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(e.value, n as f64, "{}", zh);
    }

    #[test]
    fn small_chinese_numerals_round_trip(n in 1u64..10_000) {
        let zh = to_chinese(n);
        prop_assert_eq!(parse_chinese_numeral(&zh), Ok(u128::from(n)), "{}", zh);
        let ordinal = parse_expr(&format!("第{zh}家")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(ordinal.form, Form::Ordinal);
        prop_assert_eq!(ordinal.value, n as f64);
        let more = parse_expr(&format!("{zh}多个")).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(more.qualifier, Qualifier::MoreThan);
    }

    #[test]
    fn parse_never_panics(s in any::<String>()) {
        let _ = parse_expr(&s);
        let _ = parse_chinese_numeral(&s);
    }

    #[test]
    fn parse_never_panics_on_numberish(s in numberish()) {
        if let Ok(e) = parse_expr(&s) {
            prop_assert!(e.value.is_finite(), "{:?} -> {:?}", s, e);
        }
    }

    #[test]
    fn scan_spans_are_ordered_slices(s in any::<String>()) {
        check_spans(&s)?;
    }

    #[test]
    fn scan_spans_are_ordered_slices_numberish(s in numberish()) {
        check_spans(&s)?;
    }

    #[test]
    fn scan_finds_an_embedded_number(n in 0u64..100_000_000, m in 0..MULTIPLIERS.len(), c in 1..COUNTERS.len()) {
        let (mult, _) = MULTIPLIERS[m];
        let core = format!("{n}{mult}");
        let text = format!("全省新建基站{core}{}，进一步统一建设", COUNTERS[c]);
        let spans = scan(&text);
        prop_assert_eq!(spans.len(), 1, "{:?}", spans);
        prop_assert_eq!(&spans[0].text, &core);
        prop_assert_eq!(spans[0].start, "全省新建基站".len());
    }

    #[test]
    fn scan_finds_chinese_counts(n in 2u64..100_000) {
        let zh = to_chinese(n);
        let text = format!("共有{zh}个部门");
        let spans = scan(&text);
        prop_assert_eq!(spans.len(), 1, "{:?}", spans);
        prop_assert_eq!(&spans[0].text, &zh);
    }
}

fn check_spans(s: &str) -> Result<(), TestCaseError> {
    let spans = scan(s);
    let mut last_end = 0;
    for span in &spans {
        prop_assert!(span.start < span.end, "empty span {:?}", span);
        prop_assert!(span.start >= last_end, "overlap or disorder in {:?}", spans);
        prop_assert!(s.is_char_boundary(span.start) && s.is_char_boundary(span.end));
        prop_assert_eq!(&s[span.start..span.end], span.text.as_str());
        last_end = span.end;
    }
    Ok(())
}

#[test]
fn to_chinese_is_standard() {
    for (n, zh) in [
        (10, "一十"),
        (19, "一十九"),
        (105, "一百零五"),
        (1010, "一千零一十"),
        (10_050, "一万零五十"),
        (120_000, "一十二万"),
        (100_000_005, "一亿零五"),
        (100_010_000, "一亿零一万"),
        (350_000_000, "三亿五千万"),
    ] {
        assert_eq!(to_chinese(n), zh);
    }
}
