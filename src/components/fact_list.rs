use leptos::prelude::*;

use super::state::{fact_clicked, scoped_memo, use_ui};
use crate::facts::{Fact, CATALOGUE};
use crate::markup;

/// Facts as a list (`crate::markup::fact_list_items`); each opens its source sentence.
#[component]
pub fn FactList(facts: Memo<Vec<&'static Fact>>) -> impl IntoView {
    // Shown and dropped again as the search box fills and empties.
    let ui = use_ui().scoped();
    let facts = scoped_memo(move || facts.get());
    let items = move || {
        let lang = ui.lang.get();
        facts.with(|f| markup::fact_list_items(&CATALOGUE, f, lang))
    };
    let open = move |ev: web_sys::MouseEvent| {
        if let Some(id) = fact_clicked(&ev) {
            ui.select(Some(id), None);
        }
    };
    view! { <ul class="fact-list" on:click=open inner_html=items></ul> }
}
