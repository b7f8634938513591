//! What a drafted number measures, proposed from the words before it with the project's one table
//! of change words (`facts::change_words`), so the draft says what the build checks: a percent
//! after 增长 or 下降 is a growth, signed; 个百分点 after a direction word a point change; a count
//! or an amount after a direction word, with a base, a change; N倍 a multiple (是…的1.3倍 is 1.3,
//! 增长1.3倍 is 2.3); a percent after 占 or written in 成 a share; the rest a level.

use facts::change_words::{self, MultipleReading};
use facts::numbers::Form;
use facts::{Base, Measure, UnitKind};

/// Words before a percent that make it a part of a whole: 占, 约占, 占比, 所占, 比重, 比例.
const SHARE_WORDS: &[&str] = &["占", "比重", "比例"];

/// What the draft proposes for one number.
#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Proposal {
    pub measure: Measure,
    pub base: Base,
    /// The value in base units, signed for a change, one more for a growth by N times.
    pub value: f64,
}

/// Why a number cannot be drafted as a fact that builds; the draft lists it as a
/// `[[not_indicator]]` with this reason for a person to decide.
pub const NO_BASE: &str =
    "TODO: a change or a multiple whose sentence names no base (同比, 比上年末, 是去年同期的 …); \
the build takes none without one, so it is not drafted as a fact: lengthen a quote to a base word, or decide by hand";
pub const NO_DIRECTION: &str = "TODO: a change in percentage points (or index points) with no direction word \
right before it (提高, 下降 …); the build takes none without one, so it is not drafted as a fact: decide by hand";

/// The measure, base and value of a number whose expression parses to `magnitude` (in base units,
/// a percent for a percent unit) in a unit of `kind`. `before` is the quote up to the expression,
/// as the build reads it; `expr` the expression, `form` its shape, `after` the text right after
/// it.
pub fn propose(
    before: &str,
    expr: &str,
    form: Form,
    after: &str,
    kind: UnitKind,
    magnitude: f64,
) -> Result<Proposal, &'static str> {
    let lead = change_words::clause_lead(before);
    let direction = change_words::direction_before(lead);
    // As the build reads them: the base the number's clause names, else the nearest before.
    let base = change_words::base_before(before);
    let level = |measure| Ok(Proposal { measure, base: Base::None, value: magnitude });
    let change = |measure| match (direction, base) {
        (Some((d, _)), Some(base)) => Ok(Proposal { measure, base, value: d.sign() * magnitude }),
        (Some(_), None) => Err(NO_BASE),
        (None, _) => Err(NO_DIRECTION),
    };
    match kind {
        UnitKind::Percent => {
            if direction.is_some() {
                change(Measure::Growth)
            } else if is_share(lead, expr, form, after) {
                level(Measure::Share)
            } else {
                level(Measure::Level)
            }
        }
        UnitKind::PercentagePoints => change(Measure::PointChange),
        UnitKind::Index => match direction {
            Some(_) => change(Measure::IndexChange),
            None => level(Measure::Index),
        },
        UnitKind::Times => {
            let Some(base) = base else { return Err(NO_BASE) };
            let value = match change_words::multiple_reading(lead) {
                MultipleReading::TimesBase => magnitude,
                MultipleReading::GrowthBy => magnitude + 1.0,
            };
            Ok(Proposal { measure: Measure::Multiple, base, value })
        }
        UnitKind::Currency | UnitKind::Count => match (direction, change_words::base_in(lead)) {
            // A level with a direction word and no base in its clause builds, and is what such a
            // sentence says (减少120万户 with nothing to compare with is an amount).
            (Some(_), Some(_)) => change(Measure::Change),
            _ => level(Measure::Level),
        },
    }
}

/// A percent that is a part of a whole: after 占 (占全国的15.1%), 比重 or 比例, written in 成
/// (约占七成), a fraction (1/4, 一半), or followed by 的 and what it is a part of (60%以上的GDP).
fn is_share(lead: &str, expr: &str, form: Form, after: &str) -> bool {
    SHARE_WORDS.iter().any(|w| lead.contains(w))
        || expr.contains('成')
        || form == Form::Fraction
        || after.starts_with('的')
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(before: &str, expr: &str, kind: UnitKind, magnitude: f64) -> Result<Proposal, &'static str> {
        let form = facts::numbers::parse_expr(expr).map(|e| e.form).unwrap_or(Form::Plain);
        propose(before, expr, form, "", kind, magnitude)
    }

    #[test]
    fn changes_are_signed_by_their_direction_word() {
        let g = p("全省发电量累计完成1620亿千瓦时，同比下降", "1.8%", UnitKind::Percent, 1.8).unwrap();
        assert_eq!((g.measure, g.base, g.value), (Measure::Growth, Base::YearOnYear, -1.8));
        let c = p("全省移动电话用户总数达5480万户，比上年末净减少", "120万户", UnitKind::Count, 1.2e6).unwrap();
        assert_eq!((c.measure, c.base, c.value), (Measure::Change, Base::SinceYearEnd, -1.2e6));
        let pp = p("同比增长3.6%，增速较1—9月提高", "0.4个百分点", UnitKind::PercentagePoints, 0.4).unwrap();
        assert_eq!((pp.measure, pp.base, pp.value), (Measure::PointChange, Base::Stated, 0.4));
    }

    #[test]
    fn multiples_are_read_as_the_quote_reads_them() {
        let m = p("10月份户均流量达到10.4GB/户·月，是去年同期的", "1.3倍", UnitKind::Times, 1.3).unwrap();
        assert_eq!((m.measure, m.base, m.value), (Measure::Multiple, Base::YearOnYear, 1.3));
        let m = p("出口额同比增长", "1.3倍", UnitKind::Times, 1.3).unwrap();
        assert!((m.value - 2.3).abs() < 1e-12);
        assert_eq!(p("出口额增长", "1.3倍", UnitKind::Times, 1.3), Err(NO_BASE));
    }

    #[test]
    fn shares_levels_and_indices() {
        assert_eq!(p("千兆用户约占", "七成以上", UnitKind::Percent, 70.0).unwrap().measure, Measure::Share);
        assert_eq!(p("约占全国", "1/4", UnitKind::Percent, 25.0).unwrap().measure, Measure::Share);
        assert_eq!(p("加权平均利率", "2.30%", UnitKind::Percent, 2.3).unwrap().measure, Measure::Level);
        assert_eq!(p("工业增加值为", "100亿元", UnitKind::Currency, 1e10).unwrap().measure, Measure::Level);
        assert_eq!(p("景气指数为", "86.3", UnitKind::Index, 86.3).unwrap().measure, Measure::Index);
        let i = p("景气指数为86.3，比上月下降", "0.2点", UnitKind::Index, 0.2).unwrap();
        assert_eq!((i.measure, i.base, i.value), (Measure::IndexChange, Base::PeriodOnPeriod, -0.2));
        assert_eq!(p("高于全国", "2个百分点", UnitKind::PercentagePoints, 2.0), Err(NO_DIRECTION));
    }

    #[test]
    fn flat_is_zero() {
        let f = p("价格同比持平为", "0.0%", UnitKind::Percent, 0.0).unwrap();
        assert_eq!((f.measure, f.base, f.value), (Measure::Growth, Base::YearOnYear, 0.0));
        let f = p("增速同比持平为", "3.2%", UnitKind::Percent, 3.2).unwrap();
        assert_eq!(f.value, 0.0);
    }
}
