//! The source panel: a fact's sentence, its paragraph and a link into the reading view.

use super::*;
use crate::html;
use crate::html::Html;
use catalogue::fact_text;
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// The selected fact with its sentence (the paragraph around it follows, see
/// [`paragraph_in_text`]) and the article it comes from.
pub fn source_panel(catalogue: &Catalogue, fact: &Fact, lang: Lang) -> Html {
    let t = fact_text::describe(catalogue, fact, lang);
    html!(
        "<aside class=\"source\" role=\"dialog\" aria-modal=\"false\" aria-labelledby=\"source-title\" data-fact=\"{}\"><div class=\"source__head\"><h2 id=\"source-title\">{}</h2><button class=\"source__close\" aria-label=\"{}\">×</button></div><p class=\"source__fact\"><strong>{}</strong>{}{}{}{}</p><p class=\"source__meta\">{}</p><p class=\"source__article\">{}</p><p class=\"source__paragraph\" lang=\"zh-CN\">{}</p>{}{}<p class=\"source__more\">{}</p><div class=\"source__cite\"></div></aside>",
        fact.id,
        lang.pick("出处", "Source"),
        lang.pick("关闭出处", "Close source"),
        t.label,
        lang.pick("：", ": "),
        t.value,
        draft_mark(catalogue, fact, lang),
        indicator_button(fact, lang),
        meta(&t),
        t.article,
        source_paragraph("", &fact.quote, ""),
        gloss(&t, "source__gloss"),
        since_previous(catalogue, fact, "source__since", lang),
        read_link(fact, "source__read", lang)
    )
}

/// The paragraph of `seed_text` (the report's text) around `fact`'s sentence, the sentence
/// highlighted; the sentence alone if it cannot be found there.
pub fn paragraph_in_text(catalogue: &Catalogue, seed_text: &str, fact: &Fact) -> Html {
    match catalogue::provenance::for_fact(catalogue, seed_text, fact) {
        Some(c) => source_paragraph(&c.before, &c.quote, &c.after),
        None => source_paragraph("", &fact.quote, ""),
    }
}

/// The quote highlighted inside the text around it.
pub fn source_paragraph(before: &str, quote: &str, after: &str) -> Html {
    html!("{}<mark class=\"source__quote\">{}</mark>{}", before, quote, after)
}

/// "Read in the report": opens the reading view of `fact`'s article at its sentence.
pub fn read_link(fact: &Fact, class: &str, lang: Lang) -> Html {
    html!(
        "<a class=\"{}\" href=\"?read={}&amp;fact={}\" data-read-fact=\"{}\">{}</a>",
        class,
        fact.article,
        fact.id,
        fact.id,
        lang.pick("在报告中阅读", "Read in the report")
    )
}
