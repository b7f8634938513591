//! Indicators across the site's catalogues: each declared once (`[[indicator]]` in any file; the
//! same declaration repeated word for word is one declaration), every indicator a fact names
//! declared, and every fact of an indicator in the indicator's unit. A problem names the file, the
//! entry and the field, and a disagreement both files.

use std::collections::BTreeMap;

use crate::catalogue_file::CatalogueError;
use crate::reports::LoadedReport;
use facts::Indicator;

/// The site's declarations by id, each with the file that first declares it.
pub type Declarations<'a> = BTreeMap<&'a str, (&'a Indicator, &'a str)>;

/// Every declaration of the site by id, with the file it is first declared in.
pub fn declarations(reports: &[LoadedReport]) -> Declarations<'_> {
    let mut out = BTreeMap::new();
    for r in reports {
        for d in &r.file.indicators {
            out.entry(d.id.as_str()).or_insert((d, r.file.file_name.as_str()));
        }
    }
    out
}

/// What is wrong with the site's indicators.
pub fn problems(reports: &[LoadedReport]) -> Vec<CatalogueError> {
    let declared = declarations(reports);
    let mut errors = Vec::new();
    let error = |file: &str, entry: String, field: &str, message: String| CatalogueError {
        file: file.to_string(),
        entry,
        field: field.to_string(),
        message,
    };
    for r in reports {
        let file = r.file.file_name.as_str();
        for d in &r.file.indicators {
            let Some((first, first_file)) = declared.get(d.id.as_str()) else { continue };
            if *first_file == file {
                continue;
            }
            let fields = [
                ("name_zh", &first.name_zh, &d.name_zh),
                ("name_en", &first.name_en, &d.name_en),
                ("definition_zh", &first.definition_zh, &d.definition_zh),
                ("definition_en", &first.definition_en, &d.definition_en),
                ("unit", &first.unit, &d.unit),
            ];
            let found =
                fields.iter().find(|(_, a, b)| a != b).map(|(f, a, b)| (*f, format!("{a:?}"), format!("{b:?}")));
            let found = found.or_else(|| {
                (first.compare_with != d.compare_with)
                    .then(|| ("compare_with", format!("{:?}", first.compare_with), format!("{:?}", d.compare_with)))
            });
            if let Some((field, there, here)) = found {
                errors.push(error(
                    file,
                    format!("indicator {:?}", d.id),
                    field,
                    format!(
                        "{here} but {first_file} declares this indicator with {field} {there}: an indicator is declared once for the whole site (repeat it word for word, or give the new one its own id)"
                    ),
                ));
            }
        }
        for d in &r.file.indicators {
            for other in &d.compare_with {
                let problem = if other == &d.id {
                    Some("an indicator is not compared with itself".to_string())
                } else if !declared.contains_key(other.as_str()) {
                    Some(format!("{other:?}: no catalogue of the site declares this indicator"))
                } else {
                    None
                };
                if let Some(message) = problem {
                    errors.push(error(file, format!("indicator {:?}", d.id), "compare_with", message));
                }
            }
        }
        for f in &r.file.facts {
            let Some(id) = f.indicator.as_deref() else { continue };
            match declared.get(id) {
                None => errors.push(error(
                    file,
                    format!("fact {:?}", f.id),
                    "indicator",
                    format!(
                        "no catalogue of the site declares indicator {id:?}: add an [[indicator]] with its name and definition (seeds/CATALOGUE.md, \"Indicators\")"
                    ),
                )),
                Some((d, declared_in)) if d.unit != f.unit => errors.push(error(
                    file,
                    format!("fact {:?}", f.id),
                    "unit",
                    format!("{:?}, but indicator {id:?} is counted in {:?} ({declared_in})", f.unit, d.unit),
                )),
                Some(_) => {}
            }
        }
    }
    errors
}

/// The declarations of the indicators `report`'s facts name, in the order they are first named.
pub fn of_report(report: &LoadedReport, declared: &Declarations) -> Vec<Indicator> {
    let mut out: Vec<Indicator> = Vec::new();
    for id in report.file.facts.iter().filter_map(|f| f.indicator.as_deref()) {
        if out.iter().any(|i| i.id == id) {
            continue;
        }
        if let Some((d, _)) = declared.get(id) {
            out.push((*d).clone());
        }
    }
    // And those shown side by side with them (either one naming the other), so the report's
    // indicator views can give their definitions.
    let named: Vec<String> = out.iter().map(|i| i.id.clone()).collect();
    for (id, (d, _)) in declared {
        let close = d.compare_with.iter().any(|c| named.contains(c))
            || out.iter().any(|i| i.compare_with.iter().any(|c| c == id));
        if close && !out.iter().any(|i| i.id == *id) {
            out.push((*d).clone());
        }
    }
    out
}
