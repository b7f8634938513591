//! The control that opens a fact's indicator: its name and definition (口径), one click or key
//! press away wherever the fact is shown. The page's script hands a press to the on-demand module,
//! which holds the definitions and shows them (index.html, `data-indicator`). And what changed
//! since another report stated the fact's indicator ([`since_previous`]).

use crate::html;
use crate::html::Html;
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// The control that opens a fact's indicator, its name and definition (`data-indicator`): one
/// click or key press away wherever the fact is shown. Nothing for a fact of no indicator.
pub fn indicator_button(f: &Fact, lang: Lang) -> Html {
    match &f.indicator {
        Some(id) => html!(
            "<button type=\"button\" class=\"indicator-ref\" data-indicator=\"{}\" aria-haspopup=\"dialog\">{}</button>",
            id.as_str(),
            lang.pick("口径", "Definition")
        ),
        None => Html::default(),
    }
}

/// What changed since the report before for `fact` (`catalogue::changes`): the change from its
/// indicator's earlier point, or the earlier figure it revises, with both periods, figures and
/// sentences; one paragraph of class `class` each (`data-change`, `data-change-by`), nothing
/// when there is none.
pub fn since_previous(catalogue: &Catalogue, fact: &Fact, class: &str, lang: Lang) -> Html {
    catalogue::changes::notes_of(catalogue, fact)
        .map(|n| {
            html!(
                "<p class=\"{}\" data-change=\"{}\" data-change-by=\"{}\">{}</p>",
                class,
                n.change.as_str(),
                n.by,
                lang.pick(&n.zh, &n.en)
            )
        })
        .collect()
}
