use leptos::prelude::*;

use super::chart_figure::ChartFigure;
use super::filter_bar::FilterBar;
use super::notices::Notices;
use super::overview::Overview;
use super::prefs;
use super::print_sheet::PrintSheet;
use super::section::Section;
use super::share::Share;
use super::source_panel::SourcePanel;
use super::state::{effect, handler, tr, UiState};
use super::url_sync;
use super::write_html::bind_html;
use charts::registry::{chart_def, sections};
use facts::i18n::Lang;
use views::view_state::{parse, to_query, Theme};

use catalogue::CATALOGUE;
use views::markup::{LANG_LABEL, LEDE, THEME_LABEL};

#[component]
pub fn App() -> impl IntoView {
    let query = url_sync::current_query();
    let (mut view, notices) = parse(&query);
    prefs::apply(&mut view, &query);
    let ui = UiState::new(view, super::state::notices_of(&query, &notices));
    // Under the prerendered view, even the first section can wait for the next task, so no single
    // start-up task grows long (a link's target section is built at once: scroll_to_focus).
    if super::boot::shows_first_view() {
        ui.sections_shown.set(0);
    }
    provide_context(ui);
    prefs::install(ui);
    url_sync::install(ui);
    url_sync::scroll_to_focus(ui);

    // <html lang>, theme and the document title follow the view.
    effect(move |_| {
        let (l, theme, chart) = ui.view.with(|v| (v.lang, v.theme, v.chart));
        // `?indicator=ID&embed=1`, for an iframe: the page shows the indicator's view alone (the
        // stylesheet hides the rest), which costs the first load less than a view of its own.
        let indicator_alone = ui.view.with(|v| v.embed && v.chart.is_none() && v.indicator.is_some());
        if let Some(html) = document().document_element() {
            let _ = html.toggle_attribute_with_force("data-embed-indicator", indicator_alone);
            // Any embed: no list of the site's reports, no skip link (style/main.css).
            let _ = html.toggle_attribute_with_force("data-embed", ui.view.with(|v| v.embed));
            let _ = html.set_attribute("lang", l.tag());
            match theme {
                Theme::Auto => {
                    let _ = html.remove_attribute("data-theme");
                }
                Theme::Light => {
                    let _ = html.set_attribute("data-theme", "light");
                }
                Theme::Dark => {
                    let _ = html.set_attribute("data-theme", "dark");
                }
            }
        }
        // The report's title first: every report is a page of the same site, whose name
        // (seeds/site.toml, from the page's site block) also heads the masthead: written here as
        // the language changes (the masthead is drawn with the first language's), which costs the
        // first load less than reactive text.
        let (site_zh, site_en) = crate::report_data::site_name();
        let name = l.pick(&site_zh, &site_en);
        if let Ok(Some(h1)) = document().query_selector(".masthead__site") {
            h1.set_text_content(Some(name));
        }
        let site = format!("{} · {name}", views::markup::catalogue_title(&CATALOGUE, "", l == Lang::Zh));
        let title = match chart.and_then(chart_def) {
            Some(def) => format!("{} · {site}", l.pick(&def.title.0, &def.title.1)),
            None => site,
        };
        document().set_title(&title);
    });

    let embedded = Memo::new(move |_| ui.view.with(|v| if v.embed { v.chart } else { None }));
    move || match embedded.get().and_then(chart_def) {
        Some(def) => view! { <Embedded def=def/> }.into_any(),
        None => view! { <Dashboard/> }.into_any(),
    }
}

#[component]
fn Dashboard() -> impl IntoView {
    let ui = super::state::use_ui();
    let lang = ui.lang;
    let toggle =
        move |_: web_sys::MouseEvent| ui.set_lang(if lang.get_untracked() == Lang::Zh { Lang::En } else { Lang::Zh });
    // The sections below the first view follow one per frame: each mounts in its own task and its
    // charts draw in the next frame, so no task after the first chart grows long.
    fn reveal_next(ui: UiState) {
        let n = ui.sections_shown.get_untracked();
        if n >= sections().len() {
            return;
        }
        ui.sections_shown.set(n + 1);
        request_animation_frame(move || set_timeout(move || reveal_next(ui), std::time::Duration::ZERO));
    }
    set_timeout(move || reveal_next(ui), std::time::Duration::ZERO);
    let (tools, desk, across) = (NodeRef::new(), NodeRef::new(), NodeRef::new());
    // The site's name in the first language; the title's effect writes it as the language changes.
    let (site_zh, site_en) = crate::report_data::site_name();
    let site_name = if lang.get_untracked() == Lang::En { site_en } else { site_zh };
    super::report_desk::install(ui, tools, desk);
    super::across_reports::install(ui, across);
    view! {
        <header class="masthead">
            <div class="masthead__row">
                <h1 class="masthead__site">{site_name}</h1>
                <div class="masthead__tools">
                    <Share chart=None ui=ui/>
                    <button class="theme-toggle" aria-pressed=move || ui.dark.get().to_string() on:click={handler(move |_: web_sys::MouseEvent| ui.toggle_theme())}>
                        {tr(lang, THEME_LABEL.0, THEME_LABEL.1)}
                    </button>
                    <button class="lang-toggle" on:click={handler(toggle)} lang=move || if lang.get() == Lang::Zh { "en" } else { "zh-CN" }>
                        {tr(lang, LANG_LABEL.0, LANG_LABEL.1)}
                    </button>
                </div>
            </div>
            <p class="lede">
                {tr(lang, LEDE.0, LEDE.1)}
            </p>
            <div class="report-tools-host" node_ref=tools></div>
        </header>
        <Notices/>
        <main id="main">
            <div class="desk" node_ref=desk></div>
            <Overview/>
            <FilterBar/>
            {sections().iter().enumerate().map(|(index, def)| view! { <Section def=def index=index/> }).collect_view()}
            {(!catalogue::reports_index().is_empty()).then(|| view! { <div class="across" id="across" node_ref=across></div> })}
            <PrintSheet/>
        </main>
        <SourcePanel/>
    }
}

/// `?embed=1`: one chart with its title and source line, and a link back to the full dashboard,
/// sized for an iframe.
#[component]
fn Embedded(def: &'static charts::registry::ChartDef) -> impl IntoView {
    let ui = super::state::use_ui();
    let lang = ui.lang;
    let back = move || {
        let mut v = ui.view.get();
        v.embed = false;
        format!("{}{}", window().location().pathname().unwrap_or_default(), to_query(&v))
    };
    let link = NodeRef::<leptos::html::P>::new();
    bind_html(link, move || views::markup::embed_back(&back(), lang.get()));
    view! {
        <main class="embed">
            <Notices/>
            <ChartFigure def=def/>
            <p class="embed__back" node_ref=link></p>
        </main>
        <SourcePanel/>
    }
}
