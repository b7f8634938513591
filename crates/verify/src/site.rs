//! The site's own settings: `site.toml` in a seeds directory, beside the reports: which report the
//! site's address opens (`open`; without it, the first in file-name order), and the site's name
//! and description in both languages (without them, a name that says what the site is and a
//! description made from its reports).

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
    /// The site's name, in the masthead, the pages' titles and the references.
    pub title_zh: Option<String>,
    pub title_en: Option<String>,
    /// What the site's address is said to hold, for search engines and link previews.
    pub description_zh: Option<String>,
    pub description_en: Option<String>,
}

impl SiteFile {
    /// The settings as the model holds them, the defaults for what the file leaves out. A name
    /// given in one language only, or an empty one, is an error naming the file and the field.
    pub fn settings(&self, path: Option<&Path>) -> Result<facts::Site, String> {
        let file = path.map_or_else(|| FILE_NAME.to_string(), |p| p.display().to_string());
        let mut site = facts::Site::default();
        for (zh, en, what, zh_out, en_out) in [
            (&self.title_zh, &self.title_en, "title", &mut site.title_zh, &mut site.title_en),
            (
                &self.description_zh,
                &self.description_en,
                "description",
                &mut site.description_zh,
                &mut site.description_en,
            ),
        ] {
            match (zh, en) {
                (None, None) => {}
                (Some(zh), Some(en)) if !zh.trim().is_empty() && !en.trim().is_empty() => {
                    *zh_out = zh.trim().to_string();
                    *en_out = en.trim().to_string();
                }
                (Some(_), Some(_)) => return Err(format!("{file}: field {what}_zh/{what}_en: empty")),
                (Some(_), None) => {
                    return Err(format!("{file}: field {what}_en: missing (the site is read in both languages)"))
                }
                (None, Some(_)) => {
                    return Err(format!("{file}: field {what}_zh: missing (the site is read in both languages)"))
                }
            }
        }
        Ok(site)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_site_names_itself_in_both_languages_or_takes_the_defaults() {
        assert_eq!(SiteFile::default().settings(None), Ok(facts::Site::default()));
        let named: SiteFile = toml::from_str("title_zh = \" 站 \"\ntitle_en = \"Site\"").unwrap_or_default();
        let site = named.settings(None).unwrap_or_default();
        assert_eq!((site.title_zh.as_str(), site.title_en.as_str(), site.description_zh.as_str()), ("站", "Site", ""));
        let half: SiteFile = toml::from_str("title_zh = \"站\"").unwrap_or_default();
        assert!(half
            .settings(Some(Path::new("seeds/site.toml")))
            .is_err_and(|e| e == "seeds/site.toml: field title_en: missing (the site is read in both languages)"));
        let empty: SiteFile = toml::from_str("description_zh = \"\"\ndescription_en = \"x\"").unwrap_or_default();
        assert!(empty.settings(None).is_err_and(|e| e.contains("field description_zh/description_en: empty")));
        assert!(toml::from_str::<SiteFile>("titel_zh = \"x\"").is_err(), "an unknown field is refused");
    }
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
