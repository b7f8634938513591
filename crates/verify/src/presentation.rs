//! The parts of a catalogue file that say how the report is shown: `headlines`, `[[section]]`,
//! `[[chart]]` (with `[[chart.panel]]` or `stock_flow`) and `[[cross_check]]`, plus each fact's
//! `status` and `indicator`. [`check`] verifies them against the file's facts, units and topics,
//! with the same kind of messages as the facts (file, entry, field).

use crate::problems::*;
use crate::schema::*;
use facts::presentation::CheckKind;
use facts::{Measure, Status};
use std::collections::{HashMap, HashSet};

/// A kind of cross-check as catalogue files write it: its word, the inputs it takes (in order), the
/// one parameter it needs, and how an entry of that kind becomes the model's [`CheckKind`] (once
/// [`check`] has accepted it).
pub struct CheckKindEntry {
    pub word: &'static str,
    pub inputs: &'static [&'static str],
    pub param: Option<&'static str>,
    pub model: fn(&CrossCheckEntry) -> CheckKind,
}

/// Every kind of cross-check: the one mapping from a catalogue's `kind` to the model.
pub const CHECK_KINDS: &[CheckKindEntry] = &[
    CheckKindEntry {
        word: "stock_flow",
        inputs: &["stock", "added", "reported"],
        param: Some("tolerance"),
        model: |c| CheckKind::StockFlow { tolerance: c.tolerance.unwrap_or(0.0) },
    },
    CheckKindEntry {
        word: "implied_total",
        inputs: &["part", "share"],
        param: Some("between"),
        model: |c| {
            let b: Vec<f64> = c.between.iter().flatten().filter_map(|s| fraction(s)).collect();
            CheckKind::ImpliedTotal {
                between: (b.first().copied().unwrap_or(f64::NAN), b.get(1).copied().unwrap_or(f64::NAN)),
            }
        },
    },
    CheckKindEntry {
        word: "share_bound",
        inputs: &["part", "share"],
        param: Some("whole"),
        model: |c| CheckKind::ShareBound { whole: c.whole.clone().unwrap_or_default() },
    },
    CheckKindEntry {
        word: "margin",
        inputs: &["rate", "requirement"],
        param: Some("tolerance"),
        model: |c| CheckKind::Margin { tolerance: c.tolerance.unwrap_or(0.0) },
    },
    CheckKindEntry {
        word: "per_unit",
        inputs: &["total", "count"],
        param: Some("rounding"),
        model: |c| CheckKind::PerUnit { rounding: c.rounding.unwrap_or(0.0) },
    },
    CheckKindEntry { word: "sum", inputs: &["a", "b"], param: None, model: |_| CheckKind::Sum },
];

/// The kind a catalogue word names.
pub fn check_kind(word: &str) -> Option<&'static CheckKindEntry> {
    CHECK_KINDS.iter().find(|k| k.word == word)
}

/// "1/3" as 0.333…; a fraction strictly between 0 and 1.
pub fn fraction(s: &str) -> Option<f64> {
    let (a, b) = s.trim().split_once('/')?;
    let (a, b): (f64, f64) = (a.trim().parse().ok()?, b.trim().parse().ok()?);
    let v = a / b;
    (v.is_finite() && v > 0.0 && v < 1.0).then_some(v)
}

/// Verifies headlines, sections, charts, cross-checks and the facts' status and indicator.
pub(crate) fn check(file: &CatalogueFile, errs: &mut Errors<'_>) {
    let unit_of: HashMap<&str, &str> = file.facts.iter().map(|f| (f.id.as_str(), f.unit.as_str())).collect();
    let measure_of: HashMap<&str, Measure> = file
        .facts
        .iter()
        .filter_map(|f| Some((f.id.as_str(), Measure::from_spelling(f.measure.as_deref()?)?)))
        .collect();
    let topics: HashSet<&str> = file.topics.iter().map(|t| t.id.as_str()).collect();

    for (i, f) in file.facts.iter().enumerate() {
        let name = entry_name("fact", i, &f.id);
        if let Some(s) = &f.status {
            if Status::from_spelling(s).is_none() {
                errs.push(&name, "status", format!("{s:?} is not one of {}", Status::spellings()));
            }
        }
        if let Some(ind) = &f.indicator {
            if !valid_id(ind) {
                errs.push(
                    &name,
                    "indicator",
                    format!("{ind:?} is not lowercase letters and digits joined by single '-'"),
                );
            }
        }
    }

    let mut seen = HashSet::new();
    for (i, h) in file.headlines.iter().enumerate() {
        let name = format!("headlines #{}", i + 1);
        if !unit_of.contains_key(h.as_str()) {
            errs.push(&name, "headlines", format!("no fact has id {h:?}"));
        }
        if !seen.insert(h) {
            errs.push(&name, "headlines", format!("{h:?} is listed twice"));
        }
    }

    let sections = check_ids(errs, "section", file.sections.iter().map(|s| s.id.as_str()));
    for (i, s) in file.sections.iter().enumerate() {
        let name = entry_name("section", i, &s.id);
        non_empty(errs, &name, &[("title_zh", &s.title_zh), ("title_en", &s.title_en)]);
        if s.topics.is_empty() {
            errs.push(&name, "topics", "is empty: a section gathers at least one topic");
        }
        for t in &s.topics {
            if !topics.contains(t.as_str()) {
                errs.push(&name, "topics", format!("no topic has id {t:?}"));
            }
        }
    }

    let checks = check_ids(errs, "cross_check", file.cross_checks.iter().map(|c| c.id.as_str()));
    for (i, c) in file.cross_checks.iter().enumerate() {
        check_cross_check(errs, &entry_name("cross_check", i, &c.id), c, &unit_of);
    }
    let stock_flow_checks: HashSet<&str> =
        file.cross_checks.iter().filter(|c| c.kind == "stock_flow").map(|c| c.id.as_str()).collect();

    check_ids(errs, "chart", file.charts.iter().map(|c| c.id.as_str()));
    for (i, c) in file.charts.iter().enumerate() {
        let name = entry_name("chart", i, &c.id);
        non_empty(errs, &name, &[("title_zh", &c.title_zh), ("title_en", &c.title_en)]);
        if !sections.contains(c.section.as_str()) {
            errs.push(&name, "section", format!("no section has id {:?}", c.section));
        }
        match (&c.stock_flow, c.panels.is_empty()) {
            (Some(_), false) => errs.push(&name, "stock_flow", "a chart has either panels or stock_flow, not both"),
            (None, true) => errs.push(&name, "panel", "a chart needs at least one [[chart.panel]] (or a stock_flow)"),
            _ => {}
        }
        for (p, panel) in c.panels.iter().enumerate() {
            let pname = format!("{name} panel #{}", p + 1);
            if panel.facts.is_empty() {
                errs.push(&pname, "facts", "is empty");
            }
            for (field, list) in [("facts", &panel.facts), ("references", &panel.references)] {
                for id in list {
                    if !unit_of.contains_key(id.as_str()) {
                        errs.push(&pname, field, format!("no fact has id {id:?}"));
                    }
                }
            }
            same_unit(errs, &pname, "facts", panel.facts.iter().chain(&panel.references), &unit_of);
            changes_apart(errs, &pname, "facts", panel.facts.iter().chain(&panel.references), &measure_of);
        }
        if let Some(sf) = &c.stock_flow {
            for (field, id) in [("stock", &sf.stock), ("added", &sf.added), ("reported", &sf.reported)] {
                if !unit_of.contains_key(id.as_str()) {
                    errs.push(&name, &format!("stock_flow.{field}"), format!("no fact has id {id:?}"));
                }
            }
            same_unit(errs, &name, "stock_flow", [&sf.stock, &sf.added, &sf.reported].into_iter(), &unit_of);
            changes_apart(errs, &name, "stock_flow", [&sf.stock, &sf.added, &sf.reported].into_iter(), &measure_of);
            if !checks.contains(sf.check.as_str()) || !stock_flow_checks.contains(sf.check.as_str()) {
                errs.push(
                    &name,
                    "stock_flow.check",
                    format!("no cross_check of kind stock_flow has id {:?}", sf.check),
                );
            }
        }
    }
}

/// A change (a growth rate, a net change, points) is never drawn on one axis with a level or a
/// share: 同比增长6.9% beside 占比15.1% would read as two shares.
fn changes_apart<'a>(
    errs: &mut Errors<'_>,
    name: &str,
    field: &str,
    ids: impl Iterator<Item = &'a String>,
    measure_of: &HashMap<&str, Measure>,
) {
    let mut first: Option<(&str, Measure)> = None;
    for id in ids {
        let Some(&measure) = measure_of.get(id.as_str()) else { continue };
        match first {
            None => first = Some((id, measure)),
            Some((fid, fm)) if fm.is_change() != measure.is_change() => {
                errs.push(
                    name,
                    field,
                    format!(
                        "{id:?} is a {} but {fid:?} is a {}: a change never shares an axis with a level or a share",
                        measure.spelling(),
                        fm.spelling()
                    ),
                );
                return;
            }
            Some(_) => {}
        }
    }
}

/// Facts drawn on one axis must share a unit.
fn same_unit<'a>(
    errs: &mut Errors<'_>,
    name: &str,
    field: &str,
    ids: impl Iterator<Item = &'a String>,
    unit_of: &HashMap<&str, &str>,
) {
    let mut first: Option<(&str, &str)> = None;
    for id in ids {
        let Some(unit) = unit_of.get(id.as_str()) else { continue };
        match first {
            None => first = Some((id, unit)),
            Some((fid, funit)) if funit != *unit => {
                errs.push(
                    name,
                    field,
                    format!("{id:?} is in {unit:?} but {fid:?} is in {funit:?}: facts on one axis share a unit"),
                );
                return;
            }
            Some(_) => {}
        }
    }
}

fn check_cross_check(errs: &mut Errors<'_>, name: &str, c: &CrossCheckEntry, unit_of: &HashMap<&str, &str>) {
    non_empty(errs, name, &[("label_zh", &c.label_zh), ("label_en", &c.label_en)]);
    let Some(CheckKindEntry { inputs, param, .. }) = check_kind(&c.kind) else {
        let kinds: Vec<&str> = CHECK_KINDS.iter().map(|k| k.word).collect();
        errs.push(name, "kind", format!("{:?} is not one of {}", c.kind, kinds.join(", ")));
        return;
    };
    if c.inputs.len() != inputs.len() {
        errs.push(
            name,
            "inputs",
            format!("a {} check takes {} inputs ({}), not {}", c.kind, inputs.len(), inputs.join(", "), c.inputs.len()),
        );
    }
    for id in &c.inputs {
        if !unit_of.contains_key(id.as_str()) {
            errs.push(name, "inputs", format!("no fact has id {id:?}"));
        }
    }
    let given = [
        ("tolerance", c.tolerance.is_some()),
        ("between", c.between.is_some()),
        ("rounding", c.rounding.is_some()),
        ("whole", c.whole.is_some()),
    ];
    for (field, present) in given {
        if present && *param != Some(field) {
            errs.push(name, field, format!("is not used by a {} check", c.kind));
        }
        if !present && *param == Some(field) {
            errs.push(name, field, format!("is required by a {} check", c.kind));
        }
    }
    for (field, v) in [("tolerance", c.tolerance), ("rounding", c.rounding)] {
        if v.is_some_and(|v| !v.is_finite() || v < 0.0) {
            errs.push(name, field, "is not a finite number of zero or more");
        }
    }
    if c.whole.as_ref().is_some_and(|w| w.trim().is_empty()) {
        errs.push(name, "whole", "is empty");
    }
    if let Some(b) = &c.between {
        let ok = b.len() == 2 && b.iter().all(|f| fraction(f).is_some());
        if !ok {
            errs.push(name, "between", format!("{b:?} is not two fractions between 0 and 1, like [\"1/5\", \"1/3\"]"));
        }
    }
}
