//! The site's own settings: `site.toml` in a seeds directory, beside the reports. Today one:
//! which report the page opens with (`open`); without it, the first in file-name order.

use std::path::{Path, PathBuf};

use serde::Deserialize;

/// The file's name, in any of the seeds directories (the first directory that has one counts).
pub const FILE_NAME: &str = "site.toml";

/// What `site.toml` says.
#[derive(Clone, Debug, Default, Deserialize, PartialEq, Eq)]
#[serde(deny_unknown_fields)]
pub struct SiteFile {
    /// The report the page opens with: the NAME of `NAME.facts.toml`.
    pub open: Option<String>,
}

/// The settings of the first of `dirs` that has a `site.toml`, and its path; the defaults and no
/// path when none has. A file that does not read names itself and what is wrong.
pub fn load(dirs: &[PathBuf]) -> Result<(SiteFile, Option<PathBuf>), String> {
    let Some(path) = dirs.iter().map(|d| d.join(FILE_NAME)).find(|p| p.is_file()) else {
        return Ok((SiteFile::default(), None));
    };
    let text = std::fs::read_to_string(&path).map_err(|e| format!("{}: cannot read: {e}", path.display()))?;
    let site = toml::from_str(&text).map_err(|e| format!("{}: {e}", path.display()))?;
    Ok((site, Some(path)))
}

/// The catalogue files `paths` (in file-name order) with the report `site` opens with first, the
/// others in their order. An `open` that names no report is an error naming the file, the field
/// and the reports there are.
pub fn open_first(mut paths: Vec<PathBuf>, site: &SiteFile, site_path: Option<&Path>) -> Result<Vec<PathBuf>, String> {
    let Some(open) = &site.open else { return Ok(paths) };
    let name_of =
        |p: &PathBuf| p.file_name().and_then(|n| n.to_str()).map(|n| n.trim_end_matches(".facts.toml").to_string());
    let Some(at) = paths.iter().position(|p| name_of(p).as_deref() == Some(open.as_str())) else {
        let names: Vec<String> = paths.iter().filter_map(name_of).collect();
        let file = site_path.map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string());
        return Err(format!("{file}: field open: no report is named {open:?} (the reports: {})", names.join(", ")));
    };
    let first = paths.remove(at);
    paths.insert(0, first);
    Ok(paths)
}
