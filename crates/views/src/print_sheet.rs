//! The print-only fact sheet as HTML: every chart's numbers as a table, each row pointing to a
//! numbered footnote with the verbatim source sentence, so a printed page can be checked on paper.
//!
//! It is markup ([`Html`]) rather than a Leptos view on purpose: nobody sees it on screen, so it is built
//! only when the page is idle or about to print, and as one `innerHTML` write it costs neither
//! start-up time nor the wasm bytes of a reactive view tree. Every piece of text is escaped.

use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use charts::registry::{build, charts};
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// The sheet's inner HTML in `lang`. Charts whose spec cannot be built are left out (the screen
/// says why for those).
pub fn html(catalogue: &'static Catalogue, lang: Lang) -> Html {
    let mut notes: Vec<&'static Fact> = Vec::new();
    let mut out = html!("<h2>{}</h2>", lang.pick("数据表与出处", "Data tables and sources"));
    for spec in charts().iter().filter_map(|def| build(def, catalogue, lang).ok()) {
        let mut rows = Html::default();
        for b in spec.bars() {
            let fact = b.fact_id.and_then(|id| catalogue.fact(id));
            let note = match fact {
                Some(f) => {
                    let n = match notes.iter().position(|n| n.id == f.id) {
                        Some(i) => i + 1,
                        None => {
                            notes.push(f);
                            notes.len()
                        }
                    };
                    format!("[{n}]")
                }
                None => lang.pick("推算", "computed").to_string(),
            };
            let period = fact.map(|f| fact_text::period(&f.period, lang)).unwrap_or_default();
            rows.push(&html!(
                "<tr><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td>{}</td></tr>",
                b.label,
                b.value_text,
                period,
                note
            ));
        }
        out.push(&html!(
            "<div class=\"print-sheet__chart\" data-print-chart=\"{}\"><h3>{}</h3><table><tbody>{}</tbody></table></div>",
            spec.id,
            spec.title,
            rows
        ));
    }
    let sources: Html = notes
        .iter()
        .map(|f| {
            let article =
                catalogue.article(&f.article).map(|a| lang.pick(&a.title_zh, &a.title_en)).unwrap_or_default();
            html!("<li lang=\"zh-CN\">“{}”<span class=\"print-sheet__article\"> —— {}</span></li>", f.quote, article)
        })
        .collect();
    out.push(&html!(
        "<h2>{}</h2><ol class=\"print-sheet__notes\">{}</ol>",
        lang.pick("出处原文", "Source sentences"),
        sources
    ));
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::escape;
    use catalogue::CATALOGUE;

    #[test]
    fn every_chart_has_a_table_and_every_stated_bar_a_footnote() {
        for lang in [Lang::Zh, Lang::En] {
            let sheet = html(&CATALOGUE, lang).into_string();
            for def in charts().iter() {
                assert!(sheet.contains(&format!("data-print-chart=\"{}\"", def.id)), "{}", def.id);
                let spec = build(def, &CATALOGUE, lang).expect("spec");
                for b in spec.bars() {
                    assert!(sheet.contains(&escape(&b.value_text)), "{} {}", def.id, b.value_text);
                    if let Some(f) = b.fact_id.and_then(|id| CATALOGUE.fact(id)) {
                        assert!(sheet.contains(&format!("“{}”", escape(&f.quote))), "{}", f.id);
                    }
                }
            }
            // Footnotes are numbered once per fact, in order of first use.
            let rows = sheet.matches("<tr>").count();
            let notes = sheet.matches("<li ").count();
            assert!(notes > 10 && notes <= rows, "{notes} notes for {rows} rows");
            assert!(
                sheet.contains("[1]")
                    && sheet.contains(&format!("[{notes}]"))
                    && !sheet.contains(&format!("[{}]", notes + 1))
            );
        }
    }
}
