//! Indicators a drafted fact may measure: those the finished catalogues beside the text declare.
//! A drafted fact is proposed an indicator when a fact of that indicator says the same thing in
//! the same unit: the same words before its number, once dates and digits are gone ("1—10月，全省
//! 电信业务收入累计完成285亿元" and "1—11月，…314亿元"). Two indicators that fit equally ("同比增长"
//! of revenue and of traffic) propose neither: a person decides.

use serde::Deserialize;

use crate::context;
use crate::Draft;

/// A point of a declared indicator in a finished catalogue: its unit and what its sentence says
/// before the number.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct KnownSeries {
    pub indicator: String,
    pub unit: String,
    pub subject: String,
}

/// The points of declared indicators in a finished catalogue (`declared`: every indicator id the
/// catalogues beside the text declare; a fact naming another is not a model to follow).
pub fn series_of_catalogue(toml_text: &str) -> Result<(Vec<String>, Vec<KnownSeries>), String> {
    #[derive(Deserialize)]
    struct File {
        #[serde(default, rename = "fact")]
        facts: Vec<Point>,
        #[serde(default, rename = "indicator")]
        indicators: Vec<facts::Indicator>,
    }
    #[derive(Deserialize)]
    struct Point {
        #[serde(default)]
        indicator: Option<String>,
        unit: String,
        quote: String,
        expr: String,
    }
    let file: File = toml::from_str(toml_text).map_err(|e| e.message().to_string())?;
    let declared = file.indicators.into_iter().map(|i| i.id).collect();
    let series = file
        .facts
        .into_iter()
        .filter_map(|p| {
            let subject = subject(&p.quote, &p.expr);
            Some(KnownSeries { indicator: p.indicator?, unit: p.unit, subject }).filter(|k| !k.subject.is_empty())
        })
        .collect();
    Ok((declared, series))
}

/// What the words before `expr` in `quote` say it is, dates and digits left out: "10月份户均移动
/// 互联网接入流量达到" gives "户均移动互联网接入流量".
pub fn subject(quote: &str, expr: &str) -> String {
    let Some(at) = quote.find(expr) else { return String::new() };
    let before = &quote[..at];
    let clause = &before[context::clause_start(before, before.len())..];
    context::label(clause, "", expr)
        .chars()
        .filter(|c| !c.is_ascii_digit() && !"年月份日—–-~～.．".contains(*c))
        .collect()
}

/// Gives each drafted fact the one declared indicator (`declared`) whose points (`known`) say
/// the same thing in the same unit.
pub fn propose(draft: &mut Draft, declared: &[String], known: &[KnownSeries]) {
    for f in &mut draft.facts {
        let here = subject(&f.quote, &f.expr);
        if here.is_empty() {
            continue;
        }
        let mut fits: Vec<&str> = known
            .iter()
            .filter(|k| k.unit == f.unit && k.subject == here && declared.contains(&k.indicator))
            .map(|k| k.indicator.as_str())
            .collect();
        fits.sort_unstable();
        fits.dedup();
        if let [one] = fits.as_slice() {
            f.indicator = Some((*one).to_string());
        }
    }
}

#[cfg(test)]
mod tests {
    use super::subject;

    #[test]
    fn the_subject_leaves_out_dates_digits_and_linking_words() {
        let q = "10月份户均移动互联网接入流量达到10.4GB/户·月，是去年同期的1.3倍";
        assert_eq!(subject(q, "10.4GB/户·月"), "户均移动互联网接入流量");
        let q = "1—11月，全省电信业务收入累计完成314亿元，同比增长3.8%";
        assert_eq!(subject(q, "314亿元"), subject("1—10月，全省电信业务收入累计完成285亿元", "285亿元"));
        assert_eq!(subject(q, "no such expr"), "");
    }
}
