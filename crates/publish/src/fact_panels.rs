//! Each fact's source panel as the app first opens it (`facts/ID.html`, `facts/ID.en.html`,
//! `catalogue::pages::fact_panel_file`): not pages, the panel alone, marked with its report. A link to a fact's source
//! (`?fact=ID`, alone or with a chart, a section or a table) is drawn by the report's page it lands
//! on as that page draws its view; index.html's first script asks for the fact's panel at once and
//! shows it over the view when it comes, where the app opens its own (the fact of another report,
//! whose page the app then opens, or a fact no report has: the page's view stays hidden). The app's panel starts as
//! this one (`views::markup::source_panel`: the sentence, then the paragraph around it and "Cite
//! this" from the on-demand module, below), so nothing changes when the app takes it over.
//!
//! A file per fact rather than every panel in a page: a link loads one panel's bytes, however
//! many numbers the report states (a monthly release has hundreds), and no page is repeated.

use std::path::Path;

use facts::i18n::Lang;
use lol_html::element;

use crate::first_view::inert;
use crate::page::rewrite;
use crate::PublishError;

/// The source panel of `fact` of `report` in `lang`, inert as the rest of the shell
/// (`first_view::inert`) and hidden from assistive technology as the shell's view is, its report's
/// name on it (`data-report`: a page shows only its own report's), its attributes written short.
pub fn fact_panel(report: &facts::Report, fact: &facts::Fact, lang: Lang) -> Result<String, PublishError> {
    let panel = views::markup::source_panel(&report.catalogue, fact, lang);
    let panel = rewrite(
        &inert(panel.as_str())?,
        vec![element!("aside", |el| {
            el.set_attribute("aria-hidden", "true")?;
            el.set_attribute("data-report", &report.name)?;
            Ok(())
        })],
    )?;
    Ok(crate::compact_markup::compact_attributes(&panel))
}

/// Writes the source panel of every fact of `report` in both languages under `dir`; returns how
/// many files.
pub fn write(dir: &Path, report: &facts::Report) -> Result<usize, PublishError> {
    // With the report open: a panel's words may name its indicators (the definition button).
    let written = catalogue::with_open_report(&report.name, || {
        let mut n = 0;
        for fact in &report.catalogue.facts {
            for lang in [Lang::Zh, Lang::En] {
                let file = catalogue::pages::fact_panel_file(&fact.id, lang == Lang::En);
                crate::write_file(&dir.join(file), fact_panel(report, fact, lang)?)?;
                n += 1;
            }
        }
        Ok(n)
    });
    written.unwrap_or_else(|| Err(PublishError(format!("no report named {:?}", report.name))))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each fact's panel is the app's first panel for it, inert: the same words and the sentence
    /// marked, but no control that works, no id the app's own panel has, and hidden from
    /// assistive technology, as the shell's view is.
    #[test]
    fn a_facts_panel_is_the_apps_first_panel_made_inert() {
        for report in catalogue::REPORTS.iter() {
            for fact in &report.catalogue.facts {
                for lang in [Lang::Zh, Lang::En] {
                    let panel = catalogue::with_open_report(&report.name, || fact_panel(report, fact, lang))
                        .and_then(Result::ok)
                        .unwrap_or_default();
                    let app = views::markup::source_panel(&report.catalogue, fact, lang);
                    let words = |html: &str| {
                        let mut out = String::new();
                        let _ = rewrite(
                            html,
                            vec![lol_html::text!("*", |t| {
                                out.push_str(t.as_str());
                                Ok(())
                            })],
                        );
                        out
                    };
                    assert_eq!(words(&panel), words(app.as_str()), "{}", fact.id);
                    let opening =
                        format!("<aside class=source aria-modal=false aria-hidden=true data-report={}>", report.name);
                    assert!(panel.starts_with(&opening), "{panel}");
                    assert!(panel.contains("<button class=source__close aria-label="), "{panel}");
                    assert!(panel.contains(" disabled tabindex=-1>×</button>"), "{panel}");
                    for gone in [" id=", "aria-labelledby", "data-fact", "href=", " role="] {
                        assert!(!panel.contains(gone), "{}: {gone} in {panel}", fact.id);
                    }
                    assert!(panel.contains("<mark class=source__quote>"), "{panel}");
                }
            }
        }
    }

    #[test]
    fn every_fact_gets_its_panel_in_both_languages() {
        let dir = std::env::temp_dir().join(format!("fact-panels-test-{}", std::process::id()));
        let _ = std::fs::create_dir_all(&dir);
        let report = &catalogue::REPORTS[0];
        assert_eq!(write(&dir, report), Ok(2 * report.catalogue.facts.len()));
        let fact = &report.catalogue.facts[0];
        let en = std::fs::read_to_string(dir.join(catalogue::pages::fact_panel_file(&fact.id, true)));
        assert!(en.is_ok_and(|p| p.contains(">Source</h2>")));
        let _ = std::fs::remove_dir_all(&dir);
    }
}
