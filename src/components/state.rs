//! What the reader is looking at: one `ViewState` (the same one the URL holds), shared by every
//! component through context, with memoised slices so a keystroke in search does not re-render
//! every label.

use leptos::prelude::*;

use leptos::reactive::effect::RenderEffect;
use leptos::reactive::graph::{Subscriber, ToAnySubscriber};

use facts::i18n::Lang;
use views::search::Filter;
use views::view_state::{Notice, Theme, ViewState};

/// The link `query`, if reading it gave `notices`: what `UiState::notices` holds.
pub fn notices_of(query: &str, notices: &[Notice]) -> String {
    if notices.is_empty() {
        String::new()
    } else {
        query.to_string()
    }
}

#[derive(Clone, Copy)]
pub struct UiState {
    pub view: RwSignal<ViewState>,
    /// The link whose notices (what could not be read from it) are shown, until dismissed; ""
    /// when there are none. The notices' text comes from the on-demand module, which reads the
    /// link again with the same parser: a rare case that the first load need not carry.
    pub notices: RwSignal<String>,
    pub lang: Memo<Lang>,
    pub filter: Memo<Filter>,
    /// The fact whose source sentence is open in the source panel: the view's fact, unless the
    /// reading view shows it at its sentence instead (`read` without a chart in focus).
    pub selected: Memo<Option<&'static str>>,
    /// The claim checker is open (its box may still be empty, which no link says).
    pub checking: RwSignal<bool>,
    /// The system asks for a dark theme (`prefers-color-scheme: dark`).
    pub system_dark: RwSignal<bool>,
    /// The theme in effect: the view's choice, or the system's when the view says auto.
    pub dark: Memo<bool>,
    /// How many topic sections (from the top) are rendered. Start-up renders only those the first
    /// view needs and the rest follow one per frame, so the first chart is not kept waiting.
    pub sections_shown: RwSignal<usize>,
}

impl UiState {
    pub fn new(view: ViewState, notices: String) -> Self {
        let system_dark = RwSignal::new(false);
        let first = charts::registry::sections_at_start(view.chart, view.section);
        let view = RwSignal::new(view);
        UiState {
            sections_shown: RwSignal::new(first),
            system_dark,
            dark: Memo::new(move |_| match view.with(|v| v.theme) {
                Theme::Dark => true,
                Theme::Light => false,
                Theme::Auto => system_dark.get(),
            }),
            view,
            notices: RwSignal::new(notices),
            lang: Memo::new(move |_| view.with(|v| v.lang)),
            filter: Memo::new(move |_| view.with(ViewState::filter)),
            selected: Memo::new(move |_| view.with(|v| v.fact.filter(|_| v.read.is_none() || v.chart.is_some()))),
            checking: RwSignal::new(false),
        }
    }

    /// Opens the source panel for `fact`, chosen outside any chart (a headline, a search result);
    /// the chart in focus stays as it is.
    pub fn select_fact(&self, fact: &'static str) {
        self.view.update(|v| v.fact = Some(fact));
    }

    /// Opens the source panel for `fact`, chosen in `chart`, which becomes the chart in focus.
    pub fn select_fact_in_chart(&self, fact: &'static str, chart: &'static str) {
        self.view.update(|v| {
            v.fact = Some(fact);
            v.chart = Some(chart);
        });
    }

    /// A number chosen in the reading view or the checker: its chart comes into focus with the
    /// bar highlighted and its source open, like a click on the bar; a fact no chart draws opens
    /// its source alone.
    pub fn focus_fact(&self, fact: &'static str) {
        match charts::registry::charts().iter().find(|c| c.fact_ids().contains(&fact)) {
            Some(c) => self.select_fact_in_chart(fact, &c.id),
            None => self.select_fact(fact),
        }
    }

    /// Opens the reading view of `article`, at `fact`'s sentence when given.
    pub fn read(&self, article: &'static str, fact: Option<&'static str>) {
        self.view.update(|v| {
            v.read = Some(article);
            v.fact = fact;
            v.chart = None;
        });
    }

    pub fn close_reader(&self) {
        self.view.update(|v| v.read = None);
    }

    /// Checks `text` (what the reader typed; trimmed and cut like a link's `check`).
    pub fn check(&self, text: &str) {
        let text = views::view_state::trim_to(text, views::view_state::MAX_CHECK_CHARS);
        self.checking.set(true);
        self.view.update(|v| v.check = text);
    }

    /// Closes the source panel.
    pub fn clear_selection(&self) {
        self.view.update(|v| v.fact = None);
    }

    pub fn set_filter(&self, f: impl FnOnce(&mut Filter)) {
        self.view.update(|v| {
            let mut filter = v.filter();
            f(&mut filter);
            v.q = filter.text;
            v.topic = filter.topic.as_deref().and_then(|t| catalogue::CATALOGUE.topic(t)).map(|t| t.id.as_str());
            v.region = filter.region.as_deref().and_then(|r| catalogue::CATALOGUE.region(r)).map(|r| r.id.as_str());
        });
    }

    /// Shows `chart` as a table or a chart, and makes it the chart in focus.
    pub fn set_table(&self, chart: &'static str, table: bool) {
        self.view.update(|v| {
            v.tables.retain(|c| *c != chart);
            if table {
                facts::insert_sorted(&mut v.tables, chart);
            }
            v.chart = Some(chart);
        });
    }

    pub fn is_table(&self, chart: &'static str) -> bool {
        self.view.with(|v| v.tables.contains(&chart))
    }

    pub fn set_lang(&self, lang: Lang) {
        self.view.update(|v| v.lang = lang);
    }

    /// Switches to the theme opposite to the one in effect.
    pub fn toggle_theme(&self) {
        let dark = self.dark.get_untracked();
        self.view.update(|v| v.theme = if dark { Theme::Light } else { Theme::Dark });
    }
}

impl UiState {
    /// This state for a subtree that is mounted and dropped again and again (a `Show` branch, a
    /// figure hidden by a search): its `lang` and `dark` are [`scoped_memo`]s, so the subtree's
    /// readers are dropped with it.
    pub fn scoped(self) -> Self {
        UiState { lang: scoped_memo(move || self.lang.get()), dark: scoped_memo(move || self.dark.get()), ..self }
    }
}

/// A memo that stops listening to what it read when the current owner is cleaned up.
///
/// reactive_graph 0.2 (Leptos 0.8) never removes a dropped effect or memo from the subscriber list
/// of the signals and memos it read: notifying only skips dead entries. So every reader in a
/// subtree that is mounted and dropped again and again stayed in a long-lived signal's list for
/// good, about 70 bytes each: the wasm memory grew by 3-5 KiB per language switch or search.
/// Readers in such a subtree read long-lived state through one of these instead; its own
/// subscription is removed when the subtree goes.
pub fn scoped_memo<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + PartialEq + Send + Sync + 'static,
{
    let memo = ArcMemo::new(move |_| f());
    let (keep, me) = (memo.clone(), memo.to_any_subscriber());
    on_cleanup(move || keep.clear_sources(&me));
    memo.into()
}

/// [`scoped_memo`] for a value that is new whenever it is computed again (a chart's spec, built
/// anew only when the language changes): nothing to compare, so no comparison code for its type
/// in the first load.
pub fn scoped_fresh<T>(f: impl Fn() -> T + Send + Sync + 'static) -> Memo<T>
where
    T: Clone + Send + Sync + 'static,
{
    let memo = ArcMemo::new_with_compare(move |_| f(), changed_always);
    let (keep, me) = (memo.clone(), memo.to_any_subscriber());
    on_cleanup(move || keep.clear_sources(&me));
    memo.into()
}

/// A chart's spec as the figure's parts share it: built once per language, passed on without
/// copying it (a clone of the spec itself cost 1.5 KB of code in the first load).
pub type SharedSpec = std::sync::Arc<Result<charts::spec::ChartSpec<'static>, charts::spec::SpecError<'static>>>;

/// A memo's comparison for values that are new whenever computed.
pub fn changed_always<T>(_: Option<&T>, _: Option<&T>) -> bool {
    true
}

/// Runs `f` now, and again whenever what it read changes, until the current owner is cleaned
/// up; `f` gets `None` on its first run.
///
/// A `RenderEffect` rather than an `Effect`: it runs synchronously instead of on the next tick,
/// and all of them share one copy of the effect code, where each `Effect` compiled its own
/// future and the async machinery with it (4 KB gzipped of the first load in all).
pub fn effect(f: impl FnMut(Option<()>) + 'static) {
    StoredValue::new_local(RenderEffect::new(f));
}

/// An event handler as one boxed type: each distinct closure given to `on:` compiled its own copy
/// of Leptos' listener and type-erased attribute code; every `Box<dyn FnMut(E)>` for the same
/// event shares one.
pub fn handler<E: 'static>(f: impl FnMut(E) + 'static) -> Box<dyn FnMut(E)> {
    Box::new(f)
}

/// The state provided by `App`. Components are only used under it (a component mounted
/// elsewhere is a programming error, not something a reader or a link can cause).
pub fn use_ui() -> UiState {
    expect_context::<UiState>()
}

/// Interface text in the current language, as a reactive view. Every call returns the same closure
/// type, so the code that renders and updates it is compiled once instead of once per label
/// (each distinct closure costs its own copy of Leptos' render code in the wasm).
pub fn tr(
    lang: Memo<Lang>,
    zh: &'static str,
    en: &'static str,
) -> impl Fn() -> &'static str + Copy + Send + Sync + 'static {
    move || lang.get().pick(zh, en)
}

/// The element matching `selector` that an event landed in (its target or an ancestor): how a
/// widget's one listener tells its markup's parts apart.
pub fn event_in(ev: &web_sys::Event, selector: &str) -> Option<web_sys::Element> {
    use wasm_bindgen::JsCast;
    ev.target()?.dyn_into::<web_sys::Element>().ok()?.closest(selector).ok()?
}

/// The catalogue fact named by the `data-fact` of the element a click landed in, if any.
pub fn fact_clicked(ev: &web_sys::MouseEvent) -> Option<&'static str> {
    let el = event_in(ev, "[data-fact]")?;
    catalogue::CATALOGUE.fact(&el.get_attribute("data-fact")?).map(|f| f.id.as_str())
}

/// Listens for `events` on `target` with one closure until the current owner is cleaned up. Every
/// listener set this way shares one closure type, so its glue is compiled once (each event type
/// given to Leptos' `on:` or `window_event_listener` compiles its own).
pub fn listen(target: &web_sys::EventTarget, events: &[&str], f: impl FnMut(web_sys::Event) + 'static) {
    use wasm_bindgen::prelude::*;
    use wasm_bindgen::JsCast;
    let on_event = Closure::<dyn FnMut(web_sys::Event)>::new(f);
    for name in events {
        let _ = target.add_event_listener_with_callback(name, on_event.as_ref().unchecked_ref());
    }
    let target = send_wrapper::SendWrapper::new(target.clone());
    let names: Vec<String> = events.iter().map(|e| e.to_string()).collect();
    let keep = send_wrapper::SendWrapper::new(on_event);
    on_cleanup(move || {
        for name in &names {
            let _ = target.remove_event_listener_with_callback(name, keep.as_ref().unchecked_ref());
        }
        drop(keep);
    });
}
