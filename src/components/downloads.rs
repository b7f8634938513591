//! A "下载 / Download" menu for one chart: the figure as PNG (2x) or SVG, the chart's facts as CSV
//! or JSON, and the whole catalogue as CSV or JSON. The files are made by the on-demand module
//! (`super::extras`, `crate::save`), which starts loading when the menu opens.

use leptos::html::{Button, Div};
use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::extras;
use super::state::{scoped_memo, tr, use_ui};
use crate::charts::spec::ChartSpec;
use crate::downloads::Format;
use crate::i18n::Lang;

fn label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Png => lang.pick("图片 PNG（2倍）", "Image, PNG (2x)"),
        Format::Svg => lang.pick("矢量图 SVG", "Vector image, SVG"),
        Format::Csv => lang.pick("本图数据 CSV", "This chart's data (CSV)"),
        Format::Json => lang.pick("本图数据 JSON", "This chart's data (JSON)"),
        Format::AllCsv => lang.pick("全部数据 CSV", "All data (CSV)"),
        Format::AllJson => lang.pick("全部数据 JSON", "All data (JSON)"),
    }
}

#[component]
pub fn Downloads(chart: &'static str, spec: Signal<Option<ChartSpec>>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let error = RwSignal::new(None::<String>);
    let wrapper = NodeRef::<Div>::new();
    let toggle = NodeRef::<Button>::new();
    let panel_id = format!("downloads-{chart}");

    let close = move |refocus: bool| {
        open.set(false);
        if refocus {
            if let Some(b) = toggle.get_untracked() {
                let _ = b.focus();
            }
        }
    };
    let busy = RwSignal::new(false);
    let choose = move |format: Format| {
        let l = lang.get_untracked();
        if !format.is_catalogue() && spec.with_untracked(Option::is_none) {
            error.set(Some(l.pick("此图表无法导出。", "This chart cannot be exported.").to_string()));
            return;
        }
        busy.set(true);
        leptos::task::spawn_local(async move {
            let result = extras::save(chart, l, format).await;
            // The menu may be gone by now (a language switch re-renders it); then nobody is left to tell.
            let _ = busy.try_set(false);
            match result {
                Ok(()) => {
                    let _ = error.try_set(None);
                    if open.try_get_untracked() == Some(true) {
                        close(true);
                    }
                }
                Err(e) => {
                    let _ = error.try_set(Some(e));
                }
            }
        });
    };
    let on_keydown = move |ev: web_sys::KeyboardEvent| {
        if ev.key() == "Escape" && open.get_untracked() {
            ev.stop_propagation();
            ev.prevent_default();
            close(true);
        }
    };
    // Focus moving outside (Tab away, a click elsewhere) closes the menu.
    let on_focusout = move |ev: web_sys::FocusEvent| {
        let inside =
            match (ev.related_target().and_then(|t| t.dyn_into::<web_sys::Node>().ok()), wrapper.get_untracked()) {
                (Some(node), Some(w)) => w.contains(Some(&node)),
                _ => false,
            };
        if !inside {
            open.set(false);
        }
    };

    // Items are built each time the menu opens, so they read `lang` and the spec through the
    // menu's scoped memos (see `state::scoped_memo`).
    let item = move |format: Format, lang: Memo<Lang>, missing: Memo<bool>| {
        let disabled = move || !format.is_catalogue() && missing.get();
        view! {
            <li>
                <button type="button" class="downloads__item" data-format=format.id() disabled=disabled on:click=move |_| choose(format)>
                    {move || label(format, lang.get())}
                </button>
            </li>
        }
    };

    view! {
        <div class="downloads" node_ref=wrapper on:keydown=on_keydown on:focusout=on_focusout>
            <button
                type="button"
                class="downloads__toggle"
                node_ref=toggle
                aria-expanded=move || open.get().to_string()
                aria-controls=panel_id.clone()
                on:click=move |_| {
                    open.update(|o| *o = !*o);
                    // Fetch the module while the reader picks a format.
                    leptos::task::spawn_local(async {
                        let _ = extras::load().await;
                    });
                }
            >
                {tr(lang, "下载", "Download")}
            </button>
            <Show when=move || open.get()>
                {
                let lang = scoped_memo(move || lang.get());
                let missing = scoped_memo(move || spec.with(Option::is_none));
                view! {
                <div class="downloads__panel" id=panel_id.clone() role="group" aria-label=tr(lang, "下载格式", "Download formats")>
                    <ul class="downloads__list">
                        {item(Format::Png, lang, missing)}
                        {item(Format::Svg, lang, missing)}
                        {item(Format::Csv, lang, missing)}
                        {item(Format::Json, lang, missing)}
                    </ul>
                    <ul class="downloads__list downloads__list--all">
                        {item(Format::AllCsv, lang, missing)}
                        {item(Format::AllJson, lang, missing)}
                    </ul>
                </div>
                }
                }
            </Show>
            <Show when=move || busy.get()>
                <p class="downloads__status" role="status">{tr(scoped_memo(move || lang.get()), "正在准备文件…", "Preparing the file…")}</p>
            </Show>
            {move || error.get().map(|e| view! { <p class="downloads__error" role="alert">{e}</p> })}
        </div>
    }
}
