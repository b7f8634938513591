//! What the reader is looking at, shared by every component through context.

use leptos::prelude::*;

use crate::i18n::Lang;
use crate::search::Filter;

#[derive(Clone, Copy)]
pub struct UiState {
    pub lang: RwSignal<Lang>,
    /// The fact whose source sentence is open in the source panel.
    pub selected: RwSignal<Option<&'static str>>,
    pub filter: RwSignal<Filter>,
}

impl UiState {
    pub fn new() -> Self {
        UiState {
            lang: RwSignal::new(Lang::Zh),
            selected: RwSignal::new(None),
            filter: RwSignal::new(Filter::default()),
        }
    }
}

impl Default for UiState {
    fn default() -> Self {
        Self::new()
    }
}

/// The state provided by `App`. Components are only used under it.
pub fn use_ui() -> UiState {
    use_context::<UiState>().unwrap_or_default()
}
