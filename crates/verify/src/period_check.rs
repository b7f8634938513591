//! A fact's stated period against the dates of its report's text (`facts::dates`, the reader the
//! draft tool proposes periods with): the nearest date before the number in its paragraph, its
//! year from the date, the paragraph or the title. A period the text contradicts fails, naming
//! what the text says; a period the text does not date (今年 with no year above, no date at all)
//! is the catalogue's to state.

use crate::problems::Errors;
use facts::dates::Dates;
use facts::Period;

/// The month a period ends in, as (year, month).
fn end(p: Period) -> Option<(u16, u8)> {
    match p {
        Period::Year(y) | Period::YearRange(_, y) => Some((y, 12)),
        Period::MonthEnd(y, m) | Period::AsOf(y, m) => Some((y, m)),
        Period::MonthRange { to, .. } => Some(to),
        Period::Unstated => None,
    }
}

/// Checks `declared` (spelled `spelled` in the file) for the number `expr` at byte `at` of `text`.
pub(crate) fn check(
    errs: &mut Errors<'_>,
    name: &str,
    declared: Period,
    spelled: &str,
    (dates, text): (&Dates, &str),
    at: usize,
    expr: &str,
) {
    let stock = matches!(declared, Period::AsOf(..));
    let said = dates.period(text, at, stock);
    let Ok(read) = facts::period::parse(&said) else { return };
    let (Some(stated), Some(dated)) = (end(declared), end(read)) else { return };
    let starts_differ = matches!(
        (declared, read),
        (Period::MonthRange { from: a, .. }, Period::MonthRange { from: b, .. }) if a != b
    );
    if stated != dated || starts_differ {
        errs.push(
            name,
            "period",
            format!(
                "{spelled} but the text dates {expr:?} {said} (the nearest date before it in its paragraph, the year from the date, the paragraph or the title)"
            ),
        );
    }
}
