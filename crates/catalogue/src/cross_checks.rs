//! Derived values the report implies, each shown with its formula and, where the report states a
//! counterpart, whether the two agree within the report's rounding.
//!
//! Facts are looked up by id; a missing id gives a check with `agrees: None` and a NaN `derived`
//! value (its formula names the missing ids) rather than a panic, so a catalogue edit can never
//! take the dashboard down.

use facts::presentation::{CheckDef, CheckKind};
use facts::{Catalogue, Fact, Qualifier};

/// One derived figure and how it relates to what the report says.
#[derive(Clone, Debug, PartialEq)]
pub struct CrossCheck<'a> {
    pub id: &'a str,
    pub label_zh: &'a str,
    pub label_en: &'a str,
    /// Human readable and language-neutral (it is shown in both interface languages): symbols,
    /// numbers and the report's own words, with the catalogue's values filled in,
    /// e.g. "36988 + 41000 = 77988 ≈ 78000 (±1000)".
    pub formula: String,
    /// Fact ids the check reads.
    pub inputs: Vec<&'a str>,
    /// The derived value, in base units (yuan, stations, percent, percentage points ...).
    pub derived: f64,
    /// The report's own figure for the same quantity, if it states one.
    pub reported: Option<f64>,
    /// The report's rounding carried through to `derived`: how far `derived` may sit from the
    /// true value (or from `reported`) while the text is still consistent.
    pub tolerance: f64,
    /// `Some(true)` when the report is consistent with itself; `None` when there is nothing to
    /// compare with (or an input is missing).
    pub agrees: Option<bool>,
}

/// Every cross-check the report's catalogue declares, in its order.
pub fn cross_checks(c: &Catalogue) -> Vec<CrossCheck<'_>> {
    c.checks.iter().map(|def| compute(c, def)).collect()
}

/// The stock-and-flow check `id` alone (what the dashboard's stock-and-flow chart shows), so the
/// dashboard's code holds this one computation and not every kind of check; `None` when the
/// catalogue has no such check of that kind.
pub fn stock_flow_check<'a>(c: &'a Catalogue, id: &str) -> Option<CrossCheck<'a>> {
    let def = c.checks.iter().find(|d| d.id == id)?;
    let CheckKind::StockFlow { tolerance } = def.kind else { return None };
    let input = |i: usize| def.inputs.get(i).map_or("", String::as_str);
    Some(match values(c, [input(0), input(1), input(2)]) {
        Ok(v) => stock_and_flow(def, v, tolerance),
        Err(_) => {
            let absent = def.inputs.iter().map(String::as_str).filter(|i| fact(c, i).is_none()).collect();
            missing(&def.id, &def.label_zh, &def.label_en, def.inputs.iter().map(String::as_str).collect(), absent)
        }
    })
}

fn compute<'a>(c: &Catalogue, def: &'a CheckDef) -> CrossCheck<'a> {
    let (id, label_zh, label_en) = (def.id.as_str(), def.label_zh.as_str(), def.label_en.as_str());
    let missing_inputs = || {
        let absent: Vec<&'a str> = def.inputs.iter().map(String::as_str).filter(|i| fact(c, i).is_none()).collect();
        missing(id, label_zh, label_en, def.inputs.iter().map(String::as_str).collect(), absent)
    };
    let input = |i: usize| def.inputs.get(i).map_or("", String::as_str);
    match def.kind {
        CheckKind::StockFlow { tolerance } => match values(c, [input(0), input(1), input(2)]) {
            Ok(v) => stock_and_flow(def, v, tolerance),
            Err(_) => missing_inputs(),
        },
        CheckKind::ImpliedTotal { between } => match values(c, [input(0), input(1)]) {
            Ok(v) => implied_total(c, def, v, between),
            Err(_) => missing_inputs(),
        },
        CheckKind::ShareBound { ref whole } => match values(c, [input(0), input(1)]) {
            Ok(v) => share_bound(c, def, v, whole),
            Err(_) => missing_inputs(),
        },
        CheckKind::Margin { tolerance } => match values(c, [input(0), input(1)]) {
            Ok(v) => margin(def, v, tolerance),
            Err(_) => missing_inputs(),
        },
        CheckKind::PerUnit { rounding } => match values(c, [input(0), input(1)]) {
            Ok(v) => per_unit(c, def, v, rounding),
            Err(_) => missing_inputs(),
        },
        CheckKind::Sum => match values(c, [input(0), input(1)]) {
            Ok(v) => sum(c, def, v),
            Err(_) => missing_inputs(),
        },
    }
}

fn fact<'a>(c: &'a Catalogue, id: &str) -> Option<&'a Fact> {
    c.facts.iter().find(|f| f.id == id)
}

/// The values of `ids`, if every one is in the catalogue.
fn values<const N: usize>(c: &Catalogue, ids: [&str; N]) -> Result<[f64; N], ()> {
    let found = ids.map(|id| fact(c, id).map(|f| f.value));
    if found.iter().all(Option::is_some) {
        Ok(found.map(|v| v.unwrap_or(f64::NAN)))
    } else {
        Err(())
    }
}

/// The qualifier of a fact that `values` has already found.
fn qualifier(c: &Catalogue, id: &str) -> Qualifier {
    fact(c, id).map_or(Qualifier::Exact, |f| f.qualifier)
}

fn missing<'a>(
    id: &'a str,
    label_zh: &'a str,
    label_en: &'a str,
    inputs: Vec<&'a str>,
    absent: Vec<&'a str>,
) -> CrossCheck<'a> {
    CrossCheck {
        id,
        label_zh,
        label_en,
        formula: format!("cannot compute: missing fact(s) {}", absent.join(", ")),
        inputs,
        derived: f64::NAN,
        reported: None,
        tolerance: 0.0,
        agrees: None,
    }
}

/// A number the way the report writes it: 78000 -> "7.8万", 230000000000 -> "2300亿".
fn zh(value: f64) -> String {
    let (scaled, suffix) = if value.abs() >= 1e8 {
        (value / 1e8, "亿")
    } else if value.abs() >= 1e4 {
        (value / 1e4, "万")
    } else {
        (value, "")
    };
    format!("{}{suffix}", plain(scaled))
}

/// Up to two decimals, trailing zeros dropped. Rounded first and then written in the shortest
/// form that reads back as the same number, which is what `{:.2}` plus trimming gives, without
/// the fixed-precision formatter's code in the first-load wasm.
fn plain(value: f64) -> String {
    let rounded = (value * 100.0).round() / 100.0;
    format!("{rounded}")
}

/// Stock + addition against the reported cumulative total (5G stations: 2019 build + H1 2020
/// additions). The tolerance is the report's rounding: 4.1万 and 7.8万 are both rounded to 0.1万
/// (±500 each), so a consistent report can have the sum differ from the total by up to 1000.
fn stock_and_flow<'a>(def: &'a CheckDef, [stock, added, reported]: [f64; 3], tolerance: f64) -> CrossCheck<'a> {
    let derived = stock + added;
    let agrees = (derived - reported).abs() <= tolerance;
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        // Numbers only, so it reads the same in both languages (the chart's bars show the report's
        // own wording, 7.8万座 or 78,000 stations).
        formula: format!(
            "{} + {} = {} {} {} (±{})",
            plain(stock),
            plain(added),
            plain(derived),
            if agrees { "≈" } else { "≠" },
            plain(reported),
            plain(tolerance),
        ),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: Some(reported),
        tolerance,
        agrees: Some(agrees),
    }
}

/// The whole implied by a part and its approximate share (Guangdong's 36988 stations being
/// "约占全国1/4" of China's).
///
/// "约1/4" is read as: 1/4 is the nearest of the simple fractions 1/5, 1/4, 1/3 (`between`), i.e.
/// the share lies between the midpoints 22.5% and 7/24 ≈ 29.2%. `tolerance` is the larger
/// distance from the point estimate to either end of that range.
fn implied_total<'a>(
    c: &Catalogue,
    def: &'a CheckDef,
    [part, share_pct]: [f64; 2],
    between: (f64, f64),
) -> CrossCheck<'a> {
    let derived = part / (share_pct / 100.0);
    let low_share = (share_pct / 100.0 + between.0) / 2.0;
    let high_share = (share_pct / 100.0 + between.1) / 2.0;
    let (low, high) = (part / high_share, part / low_share);
    let tolerance = (derived - low).max(high - derived);
    let stated = fact(c, &def.inputs[1])
        .map_or(String::new(), |f| format!("{}{}", if f.qualifier == Qualifier::About { "约" } else { "" }, f.expr));
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        formula: format!(
            "{} ÷ {}% = {}; {stated} ≈ {}%–{}% → {}–{}",
            plain(part),
            plain(share_pct),
            plain(derived.round()),
            plain(low_share * 100.0),
            plain(high_share * 100.0),
            plain(low.round()),
            plain(high.round()),
        ),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: None,
        tolerance,
        agrees: None,
    }
}

/// The bound on the whole set by a qualified share: Guangdong's 2300亿元 being "一半以上" of
/// China's 5G output caps China's at 4600亿元. `whole` names the whole as the report does (全国).
fn share_bound<'a>(c: &Catalogue, def: &'a CheckDef, [part, share_pct]: [f64; 2], whole: &str) -> CrossCheck<'a> {
    let derived = part / (share_pct / 100.0);
    // A larger share means a smaller whole: "一半以上" (at least half) caps it.
    let bound = match qualifier(c, &def.inputs[1]) {
        Qualifier::AtLeast => "≤",
        Qualifier::MoreThan => "<",
        Qualifier::LessThan => ">",
        Qualifier::About => "≈",
        Qualifier::Exact => "=",
    };
    let unit = fact(c, &def.inputs[0]).and_then(|f| c.unit(&f.unit)).map_or("", |u| &u.zh);
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        formula: format!(
            "{}{unit} ÷ {}% = {}{unit} → {}{unit} ≤ {whole} {bound} {}{unit}",
            zh(part),
            plain(share_pct),
            zh(derived),
            zh(part),
            zh(derived),
        ),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: None,
        tolerance: 0.0,
        agrees: None,
    }
}

/// Percentage points by which a rate exceeds a requirement (Guangdong's clearance against the
/// national "一半以上"); agrees when it does exceed it (the report says "大幅超额完成").
fn margin<'a>(def: &'a CheckDef, [rate, required]: [f64; 2], tolerance: f64) -> CrossCheck<'a> {
    let derived = rate - required;
    let agrees = derived > 0.0;
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        formula: format!(
            "{}% − {}% = {}{} pp {} 0",
            plain(rate),
            plain(required),
            if derived > 0.0 { "+" } else { "" },
            plain(derived),
            if agrees { ">" } else { "≤" },
        ),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: None,
        tolerance,
        agrees: Some(agrees),
    }
}

/// The average per unit (loans per firm). The total's qualifier carries over to the average
/// (超315亿元 ÷ 228 > 1.38亿元), and its rounding, shared out, is the tolerance.
fn per_unit<'a>(c: &Catalogue, def: &'a CheckDef, [total, count]: [f64; 2], rounding: f64) -> CrossCheck<'a> {
    let derived = total / count;
    let (before, relation) = match qualifier(c, &def.inputs[0]) {
        Qualifier::MoreThan => (">", ">"),
        Qualifier::AtLeast => ("≥", "≥"),
        Qualifier::About => ("≈", "≈"),
        Qualifier::LessThan => ("<", "<"),
        Qualifier::Exact => ("", "≈"),
    };
    let unit = fact(c, &def.inputs[0]).and_then(|f| c.unit(&f.unit)).map_or("", |u| &u.zh);
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        formula: format!("{before}{}{unit} ÷ {} {relation} {}{unit}", zh(total), plain(count), zh(derived)),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: None,
        tolerance: rounding / count,
        agrees: None,
    }
}

/// The sum of two counts (Luoning's villages with new 4G stations plus "80多" optimised, assuming
/// no village is counted in both: the text does not say).
fn sum<'a>(c: &Catalogue, def: &'a CheckDef, [a, b]: [f64; 2]) -> CrossCheck<'a> {
    let derived = a + b;
    let more = qualifier(c, &def.inputs[1]) == Qualifier::MoreThan;
    CrossCheck {
        id: &def.id,
        label_zh: &def.label_zh,
        label_en: &def.label_en,
        formula: format!(
            "{} + {}{} {} {}",
            plain(a),
            plain(b),
            if more { "多" } else { "" },
            if more { ">" } else { "=" },
            plain(derived),
        ),
        inputs: def.inputs.iter().map(String::as_str).collect(),
        derived,
        reported: None,
        tolerance: 0.0,
        agrees: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use facts::{Period, Qualifier, Status, Unit};

    fn fact(id: &str, value: f64) -> Fact {
        Fact {
            id: id.to_string(),
            article: "guangdong".to_string(),
            topic: "test".to_string(),
            region: "guangdong".to_string(),
            label_zh: String::new(),
            label_en: String::new(),
            short_zh: String::new(),
            short_en: String::new(),
            value,
            unit: "test".to_string(),
            qualifier: Qualifier::Exact,
            measure: facts::Measure::Level,
            base: facts::Base::None,
            period: Period::Unstated,
            quote: String::new(),
            expr: String::new(),
            quote_offset: 0,
            gloss_en: String::new(),
            status: Status::Reviewed,
            indicator: None,
        }
    }

    fn qualified(id: &str, value: f64, qualifier: Qualifier) -> Fact {
        Fact { qualifier, ..fact(id, value) }
    }

    /// The facts with the real report's checks (leaked, as the checks borrow from it).
    fn catalogue(facts: Vec<Fact>) -> &'static Catalogue {
        // The formulas name the unit of money; the test facts all have the unit "test".
        let units = vec![Unit {
            id: "test".to_string(),
            kind: facts::UnitKind::Currency,
            zh: "元".to_string(),
            en: "yuan".to_string(),
            baseline: 0.0,
        }];
        Box::leak(Box::new(Catalogue {
            seed: "test.txt".to_string(),
            articles: Vec::new(),
            units,
            regions: Vec::new(),
            topics: Vec::new(),
            facts,
            checks: crate::CATALOGUE.checks.clone(),
            ..crate::CATALOGUE.clone()
        }))
    }

    /// The report's numbers, typed in by hand from the text.
    fn report() -> Vec<Fact> {
        vec![
            fact("gd-5g-stations-2019", 36988.0),
            qualified("gd-5g-stations-2019-national-share", 25.0, Qualifier::About),
            fact("gd-5g-stations-2020h1-new", 41000.0),
            fact("gd-5g-stations-cumulative-2020-06", 78000.0),
            fact("gd-5g-output-2019", 230_000_000_000.0),
            qualified("gd-5g-output-2019-national-share", 50.0, Qualifier::AtLeast),
            fact("gd-clearance-2019", 93.6),
            fact("gd-clearance-2020-06", 94.3),
            qualified("national-clearance-requirement-2019", 50.0, Qualifier::AtLeast),
            qualified("gd-preferential-loans", 31_500_000_000.0, Qualifier::MoreThan),
            fact("gd-preferential-loan-firms", 228.0),
            qualified("gd-specialised-sme-loans-2020h1", 14_100_000_000.0, Qualifier::MoreThan),
            fact("gd-specialised-sme-loan-firms-2020h1", 2051.0),
            fact("luoning-4g-new-villages", 9.0),
            qualified("luoning-4g-optimised-villages", 80.0, Qualifier::MoreThan),
        ]
    }

    fn check<'a>(checks: &[CrossCheck<'a>], id: &str) -> CrossCheck<'a> {
        checks.iter().find(|c| c.id == id).unwrap_or_else(|| panic!("no check {id}")).clone()
    }

    fn close(a: f64, b: f64, eps: f64) -> bool {
        (a - b).abs() <= eps
    }

    #[test]
    fn stock_plus_flow_matches_the_reported_cumulative() {
        let c = check(&cross_checks(catalogue(report())), "gd-5g-stations-stock-flow");
        assert_eq!(c.derived, 77988.0);
        assert_eq!(c.reported, Some(78000.0));
        assert_eq!(c.agrees, Some(true));
        assert!(c.formula.contains("36988 + 41000 = 77988"), "{}", c.formula);
        assert!(c.formula.contains("≈ 78000 (±1000)"), "{}", c.formula);
        assert!(!c.formula.contains('万'), "the same in both languages: {}", c.formula);
    }

    #[test]
    fn a_mistyped_value_makes_stock_plus_flow_disagree() {
        // 4.1万 typed as 4100 instead of 41000.
        let mut facts = report();
        facts.iter_mut().find(|f| f.id == "gd-5g-stations-2020h1-new").unwrap().value = 4100.0;
        let c = check(&cross_checks(catalogue(facts)), "gd-5g-stations-stock-flow");
        assert_eq!(c.derived, 41088.0);
        assert_eq!(c.agrees, Some(false));
        assert!(c.formula.contains('≠'), "{}", c.formula);

        // 7.8万 typed as 7.9万: off by 1012, just outside the rounding of two 0.1万 figures.
        let mut facts = report();
        facts.iter_mut().find(|f| f.id == "gd-5g-stations-cumulative-2020-06").unwrap().value = 79000.0;
        let c = check(&cross_checks(catalogue(facts)), "gd-5g-stations-stock-flow");
        assert_eq!(c.agrees, Some(false));
    }

    #[test]
    fn national_station_total_implied_by_about_a_quarter() {
        // (formula checked below: 36988 ÷ 25% = 147952; 约1/4 ≈ 22.5%–29.17% → 126816–164391)
        let c = check(&cross_checks(catalogue(report())), "national-5g-stations-2019-implied");
        // 36988 × 4 = 147952.
        assert!(close(c.derived, 147952.0, 1e-6), "{}", c.derived);
        assert_eq!(c.reported, None);
        assert_eq!(c.agrees, None);
        // Share 22.5% .. 29.1667%: 36988 / 0.225 = 164391.1, 36988 × 24 / 7 = 126816.
        // Farther end from 147952 is 126816: 21136.
        assert!(close(c.tolerance, 21136.0, 1e-6), "{}", c.tolerance);
        assert!(c.formula.contains("126816") && c.formula.contains("164391"), "{}", c.formula);
    }

    #[test]
    fn national_5g_output_is_at_most_twice_guangdong() {
        let c = check(&cross_checks(catalogue(report())), "national-5g-output-2019-upper-bound");
        // 2300亿 × 2 = 4600亿 = 460,000,000,000 yuan.
        assert!(close(c.derived, 460_000_000_000.0, 1e-3), "{}", c.derived);
        assert_eq!(c.agrees, None);
        assert!(c.formula.contains("2300亿元 ≤ 全国 ≤ 4600亿元"), "{}", c.formula);
    }

    #[test]
    fn clearance_rates_exceed_the_national_requirement() {
        let checks = cross_checks(catalogue(report()));
        let y2019 = check(&checks, "gd-clearance-2019-vs-requirement");
        assert!(close(y2019.derived, 43.6, 1e-9), "{}", y2019.derived);
        assert_eq!(y2019.agrees, Some(true));
        assert_eq!(y2019.formula, "93.6% − 50% = +43.6 pp > 0");
        let june = check(&checks, "gd-clearance-2020-06-vs-requirement");
        assert!(close(june.derived, 44.3, 1e-9), "{}", june.derived);
        assert_eq!(june.agrees, Some(true));
    }

    #[test]
    fn clearance_below_requirement_does_not_agree() {
        let mut facts = report();
        facts.iter_mut().find(|f| f.id == "gd-clearance-2019").unwrap().value = 9.36;
        let c = check(&cross_checks(catalogue(facts)), "gd-clearance-2019-vs-requirement");
        assert_eq!(c.agrees, Some(false));
    }

    #[test]
    fn average_loans_per_firm() {
        let checks = cross_checks(catalogue(report()));
        // 31,500,000,000 / 228 = 138,157,894.74 yuan (about 1.38亿).
        let pref = check(&checks, "gd-preferential-loan-per-firm");
        assert!(close(pref.derived, 138_157_894.74, 0.01), "{}", pref.derived);
        assert_eq!(pref.formula, ">315亿元 ÷ 228 > 1.38亿元");
        // 50,000,000 / 228 = 219,298.25.
        assert!(close(pref.tolerance, 219_298.25, 0.01), "{}", pref.tolerance);
        // 14,100,000,000 / 2051 = 6,874,695.27 yuan (about 687万).
        let spec = check(&checks, "gd-specialised-sme-loan-per-firm-2020h1");
        assert!(close(spec.derived, 6_874_695.27, 0.01), "{}", spec.derived);
        assert!(spec.formula.contains("687.47万元"), "{}", spec.formula);
        assert_eq!(spec.agrees, None);
    }

    #[test]
    fn luoning_4g_villages_add_up() {
        let c = check(&cross_checks(catalogue(report())), "luoning-4g-villages-total");
        assert_eq!(c.derived, 89.0);
        assert_eq!(c.formula, "9 + 80多 > 89");
        assert_eq!(c.agrees, None);
    }

    #[test]
    fn a_missing_fact_gives_no_verdict_instead_of_a_panic() {
        let facts: Vec<Fact> = report().into_iter().filter(|f| f.id != "gd-5g-stations-cumulative-2020-06").collect();
        let checks = cross_checks(catalogue(facts));
        let c = check(&checks, "gd-5g-stations-stock-flow");
        assert_eq!(c.agrees, None);
        assert!(c.derived.is_nan());
        assert!(c.formula.contains("gd-5g-stations-cumulative-2020-06"), "{}", c.formula);
        // The other checks are unaffected.
        assert_eq!(check(&checks, "gd-clearance-2019-vs-requirement").agrees, Some(true));

        let empty = cross_checks(catalogue(Vec::new()));
        assert_eq!(empty.len(), 8);
        assert!(empty.iter().all(|c| c.agrees.is_none() && c.derived.is_nan()));
    }

    #[test]
    fn every_check_names_its_inputs() {
        for c in cross_checks(catalogue(report())) {
            assert!(!c.inputs.is_empty(), "{}", c.id);
            assert!(!c.label_zh.is_empty() && !c.label_en.is_empty(), "{}", c.id);
            assert!(c.derived.is_finite(), "{}", c.id);
        }
    }
}
