use leptos::prelude::*;

use super::state::use_ui;
use crate::charts::registry::{build, CHARTS};
use crate::fact_text;
use crate::facts::CATALOGUE;

/// Shown only in print: every chart's numbers as a table, each row pointing to a numbered
/// footnote with the verbatim source sentence, so the printed sheet can be checked on paper.
#[component]
pub fn PrintSheet() -> impl IntoView {
    let ui = use_ui();
    let sheet = move || {
        let lang = ui.lang.get();
        let mut notes: Vec<&'static crate::facts::Fact> = Vec::new();
        let tables = CHARTS
            .iter()
            .filter_map(|def| build(def, &CATALOGUE, lang).ok())
            .map(|spec| {
                let rows = spec
                    .bars()
                    .map(|b| {
                        let fact = b.fact_id.and_then(|id| CATALOGUE.fact(id));
                        let note = fact.map(|f| match notes.iter().position(|n| n.id == f.id) {
                            Some(i) => i + 1,
                            None => {
                                notes.push(f);
                                notes.len()
                            }
                        });
                        let period = fact.map(|f| fact_text::period(&f.period, lang)).unwrap_or_default();
                        view! {
                            <tr>
                                <th scope="row">{b.label.clone()}</th>
                                <td class="num">{b.value_text.clone()}</td>
                                <td>{period}</td>
                                <td>{note.map(|n| format!("[{n}]")).unwrap_or_else(|| lang.pick("推算", "computed").to_string())}</td>
                            </tr>
                        }
                    })
                    .collect_view();
                view! {
                    <div class="print-sheet__chart" data-print-chart=spec.id>
                        <h3>{spec.title.clone()}</h3>
                        <table><tbody>{rows}</tbody></table>
                    </div>
                }
            })
            .collect_view();
        let footnotes = notes
            .iter()
            .map(|f| {
                let article = CATALOGUE.article(f.article).map(|a| lang.pick(a.title_zh, a.title_en)).unwrap_or_default();
                view! { <li lang="zh-CN">{format!("“{}”", f.quote)}<span class="print-sheet__article">{format!(" —— {article}")}</span></li> }
            })
            .collect_view();
        view! {
            <h2>{lang.pick("数据表与出处", "Data tables and sources")}</h2>
            {tables}
            <h2>{lang.pick("出处原文", "Source sentences")}</h2>
            <ol class="print-sheet__notes">{footnotes}</ol>
        }
    };
    view! { <section class="print-sheet" aria-hidden="true">{sheet}</section> }
}
