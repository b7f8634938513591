//! What a fact measures, checked against the words of its quote: the measure fits the unit, a
//! change names its base and carries the sign its direction word gives (下降3.2% is -3.2), a
//! share or a level is not written as a change, and a multiple is read as the quote reads it
//! (是…的1.3倍 is 1.3 times, 增长1.3倍 is 2.3 times).

use crate::problems::{num, Errors};
use crate::schema::FactEntry;
use facts::change_words::{self, Direction, MultipleReading};
use facts::{Base, Measure, UnitKind};

/// What the value must be, given the magnitude its expression parses to.
pub(crate) struct ValueRule {
    sign: f64,
    /// A growth by N times is N + 1 times the base.
    plus_one: bool,
    /// Why, for the message when the value differs: "the quote says 下降 before it".
    why: String,
}

impl ValueRule {
    fn same() -> ValueRule {
        ValueRule { sign: 1.0, plus_one: false, why: String::new() }
    }

    pub(crate) fn expected(&self, magnitude: f64) -> f64 {
        self.sign * magnitude + if self.plus_one { 1.0 } else { 0.0 }
    }

    pub(crate) fn why(&self) -> &str {
        &self.why
    }
}

/// The unit kinds each measure is counted in.
fn fits(measure: Measure, unit: UnitKind) -> bool {
    use UnitKind::*;
    match measure {
        Measure::Level => matches!(unit, Currency | Count | Percent),
        Measure::Share | Measure::Growth => unit == Percent,
        Measure::Change => matches!(unit, Currency | Count),
        Measure::PointChange => unit == PercentagePoints,
        Measure::Multiple => unit == Times,
        Measure::Index | Measure::IndexChange => unit == Index,
    }
}

/// The measure a number with this direction in this unit would be, for messages.
fn change_in(unit: UnitKind) -> Measure {
    match unit {
        UnitKind::Percent => Measure::Growth,
        UnitKind::PercentagePoints => Measure::PointChange,
        UnitKind::Index => Measure::IndexChange,
        UnitKind::Times => Measure::Multiple,
        UnitKind::Currency | UnitKind::Count => Measure::Change,
    }
}

/// Checks the fact's `measure` and `base` (named in messages as `name`) against its unit and its
/// quote, with `expr` at byte `expr_at` of the quote; returns how its value follows from the
/// expression's magnitude.
pub(crate) fn check(
    errs: &mut Errors<'_>,
    name: &str,
    f: &FactEntry,
    unit: Option<(&str, UnitKind)>,
    expr_at: Option<usize>,
) -> ValueRule {
    let Some(spelled) = &f.measure else {
        errs.push(name, "measure", format!("missing: say what the number measures, one of {}", Measure::spellings()));
        return ValueRule::same();
    };
    let Some(measure) = Measure::from_spelling(spelled) else {
        errs.push(name, "measure", format!("{spelled:?} is not one of {}", Measure::spellings()));
        return ValueRule::same();
    };
    if let Some((unit_id, kind)) = unit {
        if !fits(measure, kind) {
            errs.push(
                name,
                "measure",
                format!("a {spelled} cannot be counted in unit {unit_id:?}, a {} unit", kind.spelling()),
            );
        }
    }
    let base = match f.base.as_deref() {
        None => Base::None,
        Some(word) => match Base::from_spelling(word) {
            Some(b) => b,
            None => {
                errs.push(name, "base", format!("{word:?} is not one of {}", Base::spellings()));
                return ValueRule::same();
            }
        },
    };
    let Some(at) = expr_at else {
        return ValueRule::same();
    };
    let before = &f.quote[..at];
    let lead = change_words::clause_lead(before);
    let direction = change_words::direction_before(lead);

    // The base: required of a change or a multiple, and the quote must name it.
    if measure.has_base() {
        let found = change_words::base_before(before);
        match (base, found) {
            (Base::None, Some(found)) => errs.push(
                name,
                "base",
                format!("missing: a {spelled} is measured against a base, and the quote says {}", found.spelling()),
            ),
            (Base::None, None) => errs.push(
                name,
                "base",
                format!("missing: a {spelled} is measured against a base ({})", Base::spellings()),
            ),
            (declared, None) => errs.push(
                name,
                "quote",
                format!(
                    "names no base before {:?}; lengthen it to include the words for {} ({})",
                    f.expr,
                    declared.spelling(),
                    change_words::base_words(declared)
                ),
            ),
            (declared, Some(found)) if declared != found => errs.push(
                name,
                "base",
                format!("{} but the quote's words before {:?} say {}", declared.spelling(), f.expr, found.spelling()),
            ),
            _ => {}
        }
    } else if base != Base::None {
        errs.push(name, "base", format!("a {spelled} has no base: only a change or a multiple does"));
    }

    match measure {
        m if m.is_change() => match direction {
            Some((d, word)) => ValueRule {
                sign: d.sign(),
                plus_one: false,
                why: match d {
                    Direction::Up => format!(" (the quote says {word} before it: positive)"),
                    Direction::Down => format!(" (the quote says {word} before it: a decline is negative)"),
                    Direction::Flat => format!(" (the quote says {word}: zero)"),
                },
            },
            None => {
                errs.push(
                    name,
                    "measure",
                    format!(
                        "a {spelled} needs the word that gives its direction right before {:?} (增长, 下降, 提高, 回落, 净减少 …), and the quote has none",
                        f.expr
                    ),
                );
                ValueRule::same()
            }
        },
        Measure::Multiple => match change_words::multiple_reading(lead) {
            MultipleReading::TimesBase => {
                ValueRule { sign: 1.0, plus_one: false, why: " (the quote reads it as so many times the base)".into() }
            }
            MultipleReading::GrowthBy => ValueRule {
                sign: 1.0,
                plus_one: true,
                why: format!(
                    " (the quote says {}{}: a growth by that many times, so the value is one more times the base)",
                    direction.map_or("", |(_, w)| w),
                    f.expr
                ),
            },
        },
        _ => {
            // A share, a level or an index written as a change.
            if let (Some((_, word)), Some((unit_id, kind))) = (direction, unit) {
                let based = change_words::base_in(lead).is_some();
                if matches!(kind, UnitKind::Percent | UnitKind::PercentagePoints | UnitKind::Index) || based {
                    errs.push(
                        name,
                        "measure",
                        format!(
                            "{spelled}, but the quote says {word} right before {:?}: a change in unit {unit_id:?} is a {}",
                            f.expr,
                            change_in(kind).spelling()
                        ),
                    );
                }
            }
            ValueRule::same()
        }
    }
}

/// The message for a value that does not follow from the expression.
pub(crate) fn value_message(expr: &str, magnitude: f64, scale: &str, rule: &ValueRule, value: f64) -> String {
    let expected = rule.expected(magnitude);
    if rule.why().is_empty() {
        format!("{expr} parses to {}{scale} but value is {}", num(expected), num(value))
    } else {
        format!(
            "{expr} parses to {}{scale}; the value must be {}{}, not {}",
            num(magnitude),
            num(expected),
            rule.why(),
            num(value)
        )
    }
}
