//! `draft seeds/NAME.txt` writes `seeds/NAME.facts.toml` (never over an existing file) and prints
//! a summary. `draft --compare FINISHED.facts.toml seeds/NAME.txt` writes nothing and measures the
//! draft of NAME.txt against the finished catalogue.

use std::fs;
use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

const USAGE: &str = "usage: draft seeds/NAME.txt\n       draft --compare FINISHED.facts.toml seeds/NAME.txt";

/// The finished catalogues beside the text, in file-name order: (path, contents); one that
/// cannot be read is left out with a word on stderr.
fn catalogues_beside(dir: &Path) -> Vec<(PathBuf, String)> {
    let mut files: Vec<PathBuf> =
        fs::read_dir(dir).map(|rd| rd.filter_map(Result::ok).map(|e| e.path()).collect()).unwrap_or_default();
    files.retain(|p| p.to_string_lossy().ends_with(".facts.toml"));
    files.sort();
    files
        .into_iter()
        .filter_map(|p| match fs::read_to_string(&p) {
            Ok(text) => Some((p, text)),
            Err(e) => {
                eprintln!("draft: ignoring {}: {e}", p.display());
                None
            }
        })
        .collect()
}

/// Units of the finished catalogues beside the text (their ids are reused), then the built-in
/// ones; the first definition of an id wins. With --compare the finished catalogue is among them:
/// that is the case of a new report drafted beside it.
fn known_units(beside: &[(PathBuf, String)]) -> Vec<draft::UnitDef> {
    let mut units: Vec<draft::UnitDef> = Vec::new();
    for (p, text) in beside {
        match draft::units_of_catalogue(text) {
            Ok(list) => units.extend(list),
            Err(e) => eprintln!("draft: ignoring the units of {}: {e}", p.display()),
        }
    }
    units.extend(draft::builtin_units());
    let mut seen = std::collections::HashSet::new();
    units.retain(|u| seen.insert(u.id.clone()));
    units
}

/// The indicators the finished catalogues beside the text declare, and their points, for
/// `draft::indicators::propose`.
fn known_series(beside: &[(PathBuf, String)]) -> (Vec<String>, Vec<draft::indicators::KnownSeries>) {
    let (mut declared, mut series) = (Vec::new(), Vec::new());
    for (p, text) in beside {
        match draft::indicators::series_of_catalogue(text) {
            Ok((d, s)) => {
                declared.extend(d);
                series.extend(s);
            }
            Err(e) => eprintln!("draft: ignoring the indicators of {}: {e}", p.display()),
        }
    }
    (declared, series)
}

fn run(args: &[String]) -> Result<(), String> {
    let (compare, text_path) = match args {
        [t] if !t.starts_with('-') => (None, t),
        [flag, c, t] if flag == "--compare" => (Some(c), t),
        _ => return Err(USAGE.to_string()),
    };
    let text_path = Path::new(text_path);
    let file_name = text_path.file_name().and_then(|n| n.to_str()).unwrap_or("");
    let Some(stem) = file_name.strip_suffix(".txt") else {
        return Err(format!("{}: expected a NAME.txt file\n{USAGE}", text_path.display()));
    };
    let text = fs::read_to_string(text_path).map_err(|e| format!("{}: {e}", text_path.display()))?;
    let dir = text_path.parent().filter(|p| !p.as_os_str().is_empty()).unwrap_or(Path::new("."));
    let out_path = dir.join(format!("{stem}.facts.toml"));
    let beside = catalogues_beside(dir);
    let units = known_units(&beside);
    let mut d = draft::draft(file_name, &text, &units);
    let (declared, series) = known_series(&beside);
    draft::indicators::propose(&mut d, &declared, &series);

    if let Some(finished_path) = compare {
        let finished = fs::read_to_string(finished_path).map_err(|e| format!("{finished_path}: {e}"))?;
        let c = draft::compare::compare(&d, &finished, &text).map_err(|e| format!("{finished_path}: {e}"))?;
        print!("{}", draft::summary(&d));
        print!("{c}");
        return Ok(());
    }

    if out_path.exists() {
        return Err(format!("{} already exists; not overwriting it (move it away to draft again)", out_path.display()));
    }
    // create_new: a file that appears between the check and the write is not overwritten either.
    let mut file = fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(&out_path)
        .map_err(|e| format!("{}: {e}; not overwriting it", out_path.display()))?;
    file.write_all(draft::to_toml(&d).as_bytes()).map_err(|e| format!("{}: {e}", out_path.display()))?;
    println!("wrote {}", out_path.display());
    print!("{}", draft::summary(&d));
    Ok(())
}

fn main() -> ExitCode {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match run(&args) {
        Ok(()) => ExitCode::SUCCESS,
        Err(e) => {
            eprintln!("draft: {e}");
            ExitCode::FAILURE
        }
    }
}
