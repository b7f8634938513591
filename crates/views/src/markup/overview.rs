//! The overview: headline figures and lists of facts, each with its draft mark.

use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// "未审核" beside a fact no person has reviewed yet (`status = "draft"`); nothing for a reviewed
/// one.
pub fn draft_mark(c: &Catalogue, f: &Fact, lang: Lang) -> Html {
    if c.reviewed(&f.id) {
        return Html::default();
    }
    html!(" <span class=\"draft-mark\">{}</span>", lang.pick("未审核", "not yet reviewed"))
}

/// The headlines' heading (for screen readers) and their cards.
pub fn overview(catalogue: &Catalogue, ids: &[String], lang: Lang) -> Html {
    html!(
        "<h2 id=\"overview-title\" class=\"visually-hidden\">{}</h2><ul class=\"headlines\">{}</ul>",
        lang.pick("要点", "Headlines"),
        headline_cards(catalogue, ids, lang)
    )
}

/// Headline cards: each a button naming its fact (`data-fact`), which opens the source.
pub fn headline_cards(catalogue: &Catalogue, ids: &[String], lang: Lang) -> Html {
    ids.iter()
        .filter_map(|id| catalogue.fact(id))
        .map(|f| {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<li class=\"headline\"><button class=\"headline__button\" data-fact=\"{}\"><span class=\"headline__value\">{}</span><span class=\"headline__label\">{}</span><span class=\"headline__meta\">{}</span></button></li>",
                f.id,
                t.value,
                t.label,
                format!("{} · {}", t.period, t.region)
            )
        })
        .collect()
}

/// The facts a search found, as a list: label, value, period, region and kind; each opens its
/// source. Empty when there are none.
pub fn fact_list(catalogue: &Catalogue, facts: &[&Fact], lang: Lang) -> Html {
    if facts.is_empty() {
        return Html::default();
    }
    let items: Html = facts
        .iter()
        .map(|f| {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<li class=\"fact-list__item\" data-fact=\"{}\"><button class=\"fact-list__button\"><span class=\"fact-list__label\">{}</span><span class=\"fact-list__value\">{}</span><span class=\"fact-list__meta\">{}</span></button></li>",
                f.id,
                t.label,
                t.value,
                format!("{} · {} · {}", t.period, t.region, t.qualifier)
            )
        })
        .collect();
    html!("<ul class=\"fact-list\">{}</ul>", items)
}
