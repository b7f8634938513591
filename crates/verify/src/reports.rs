//! Every report in a seeds directory: each `NAME.facts.toml` loaded and verified against its
//! `NAME.txt` ([`crate::catalogue_file::load`]), then the checks across files: ids that links and
//! downloads use (facts, articles, sections, charts, cross-checks) are unique across all reports,
//! and facts of one indicator share a unit.

use std::collections::HashMap;
use std::fs;
use std::path::{Path, PathBuf};

use crate::catalogue_file::{self, CatalogueError, CatalogueFile};

pub struct LoadedReport {
    /// NAME, for NAME.facts.toml and NAME.txt.
    pub name: String,
    pub file: CatalogueFile,
    pub text: String,
    pub text_path: PathBuf,
    /// The catalogue file's own text.
    pub toml: String,
}

/// The seeds directories: those in `DASHBOARD_SEEDS` when set (separated by ':', relative to the
/// repository's root or absolute: a fixture or benchmark set of reports), else `seeds/`.
pub fn seeds_dirs(repo_root: &Path) -> Vec<PathBuf> {
    let listed: Vec<PathBuf> = std::env::var("DASHBOARD_SEEDS")
        .unwrap_or_default()
        .split(':')
        .map(str::trim)
        .filter(|d| !d.is_empty())
        .map(|d| repo_root.join(d))
        .collect();
    if listed.is_empty() {
        vec![repo_root.join("seeds")]
    } else {
        listed
    }
}

/// The catalogue files in `dirs`, sorted by file name (`crate::site::open_first` then puts the
/// report the page opens with first).
pub fn catalogue_paths(dirs: &[PathBuf]) -> Result<Vec<PathBuf>, String> {
    let mut paths: Vec<PathBuf> = Vec::new();
    for dir in dirs {
        let entries = fs::read_dir(dir).map_err(|e| format!("cannot read {}: {e}", dir.display()))?;
        paths.extend(
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| p.file_name().and_then(|n| n.to_str()).is_some_and(|n| n.ends_with(".facts.toml"))),
        );
    }
    paths.sort_by(|a, b| a.file_name().cmp(&b.file_name()));
    if paths.is_empty() {
        let names: Vec<String> = dirs.iter().map(|d| d.display().to_string()).collect();
        return Err(format!("no *.facts.toml in {}", names.join(", ")));
    }
    Ok(paths)
}

/// A report's name is its page's file name (`NAME.html`) and part of its files' paths and of
/// links: ASCII letters, digits, `-` and `_`, and not the name of a page the site already has.
pub fn page_name(name: &str) -> Result<(), String> {
    if name.is_empty() || !name.bytes().all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_') {
        return Err(format!(
            "the report's name {name:?} (its file name before .facts.toml) may hold only ASCII letters, digits, '-' and '_': it names the report's page and files"
        ));
    }
    if ["index", "offline", "facts"].iter().any(|taken| name.eq_ignore_ascii_case(taken)) {
        return Err(format!(
            "the report's name {name:?} is taken by a page or file of the site: rename the report's files"
        ));
    }
    Ok(())
}

/// Loads and verifies every report in `paths`, then checks them against each other. Returns every
/// problem of every file at once.
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<LoadedReport>, Vec<CatalogueError>> {
    let mut reports = Vec::new();
    let mut errors = Vec::new();
    for path in paths {
        let file_name = path.file_name().and_then(|n| n.to_str()).unwrap_or("?.facts.toml").to_string();
        let name = file_name.trim_end_matches(".facts.toml").to_string();
        let whole = |message: String| CatalogueError {
            file: file_name.clone(),
            entry: String::new(),
            field: String::new(),
            message,
        };
        if let Err(why) = page_name(&name) {
            errors.push(whole(why));
            continue;
        }
        let toml_text = match fs::read_to_string(path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(whole(format!("cannot read: {e}")));
                continue;
            }
        };
        let text_path = path.with_file_name(format!("{name}.txt"));
        let text = match fs::read_to_string(&text_path) {
            Ok(t) => t,
            Err(e) => {
                errors.push(whole(format!("cannot read its text {}: {e}", text_path.display())));
                continue;
            }
        };
        match catalogue_file::load(&toml_text, &file_name, &text) {
            Ok(file) => reports.push(LoadedReport { name, file, text, text_path, toml: toml_text }),
            Err(e) => errors.extend(e),
        }
    }
    errors.extend(clashes(&reports));
    errors.extend(crate::indicators::problems(&reports));
    if errors.is_empty() {
        Ok(reports)
    } else {
        Err(errors)
    }
}

/// Ids used by more than one report, and indicators whose facts disagree on the unit.
pub fn clashes(reports: &[LoadedReport]) -> Vec<CatalogueError> {
    let mut errors = Vec::new();
    let mut seen: HashMap<(&str, &str), &str> = HashMap::new();
    for r in reports {
        let f = &r.file;
        let ids = f
            .facts
            .iter()
            .map(|x| ("fact", x.id.as_str()))
            .chain(f.articles.iter().map(|x| ("article", x.id.as_str())))
            .chain(f.sections.iter().map(|x| ("section", x.id.as_str())))
            .chain(f.charts.iter().map(|x| ("chart", x.id.as_str())))
            .chain(f.cross_checks.iter().map(|x| ("cross_check", x.id.as_str())));
        for (kind, id) in ids {
            match seen.get(&(kind, id)) {
                Some(other) => errors.push(CatalogueError {
                    file: f.file_name.clone(),
                    entry: format!("{kind} {id:?}"),
                    field: "id".to_string(),
                    message: format!("{kind} id {id:?} is also used in {other}: ids are unique across all reports"),
                }),
                None => {
                    seen.insert((kind, id), &f.file_name);
                }
            }
        }
    }
    // indicator -> (unit, file, fact) of its first fact.
    let mut units: HashMap<&str, (&str, &str, &str)> = HashMap::new();
    for r in reports {
        for fact in &r.file.facts {
            let Some(ind) = fact.indicator.as_deref() else { continue };
            match units.get(ind) {
                Some((unit, file, first)) if *unit != fact.unit => errors.push(CatalogueError {
                    file: r.file.file_name.clone(),
                    entry: format!("fact {:?}", fact.id),
                    field: "indicator".to_string(),
                    message: format!(
                        "indicator {ind:?} is in {unit:?} (fact {first:?} in {file}), but this fact is in {:?}",
                        fact.unit
                    ),
                }),
                Some(_) => {}
                None => {
                    units.insert(ind, (&fact.unit, &r.file.file_name, &fact.id));
                }
            }
        }
    }
    errors
}

/// A key that changes whenever any report's files change (FNV-1a over them): the published index's
/// file name carries it, so a browser never keeps an old index.
pub fn content_key(reports: &[LoadedReport]) -> String {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for r in reports {
        for b in r.name.bytes().chain(r.toml.bytes()).chain(r.text.bytes()) {
            h ^= u64::from(b);
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
    }
    format!("{h:016x}")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_report_name_must_make_a_page_name_of_its_own() {
        assert_eq!(page_name("000_51d79537997213ea"), Ok(()));
        assert_eq!(page_name("fixture-east-2021q1"), Ok(()));
        for bad in ["", "a b", "a.b", "报告", "a\"b", "../x"] {
            assert!(page_name(bad).is_err_and(|e| e.contains("ASCII letters")), "{bad}");
        }
        for taken in ["index", "Offline", "facts"] {
            assert!(page_name(taken).is_err_and(|e| e.contains("taken")), "{taken}");
        }
    }
}
