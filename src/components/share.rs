use leptos::prelude::*;
use wasm_bindgen::JsCast;

use super::state::{scoped_memo, tr, use_ui};
use super::url_sync::share_url;

/// Copies a link to this view (of one chart, or of the whole page) and offers embed code for a
/// chart. Where the Clipboard API is refused, the link is shown selected, to copy by hand.
#[component]
pub fn Share(chart: Option<&'static str>) -> impl IntoView {
    let ui = use_ui();
    let lang = ui.lang;
    let open = RwSignal::new(false);
    let status = RwSignal::new(None::<&'static str>);
    // Plain closures, not memos: they run only while the panel is open and reads them.
    let link = move || {
        let mut v = ui.view.get();
        v.embed = false;
        if chart.is_some() {
            v.chart = chart;
        }
        share_url(&v)
    };
    let embed_code = move || {
        let chart = chart?;
        let mut v = ui.view.get();
        v.chart = Some(chart);
        v.embed = true;
        v.fact = None;
        let title = lang.get().pick("图表", "Chart");
        Some(format!(
            "<iframe src=\"{}\" title=\"{title}\" width=\"100%\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>",
            share_url(&v)
        ))
    };
    let id = chart.unwrap_or("page");
    let input_id = format!("share-link-{id}");

    let copy = move |_| {
        let text = untrack(link);
        let input_id = format!("share-link-{id}");
        leptos::task::spawn_local(async move {
            let copied = match window().navigator().clipboard().write_text(&text).dyn_into::<js_sys::Promise>() {
                Ok(p) => wasm_bindgen_futures::JsFuture::from(p).await.is_ok(),
                Err(_) => false,
            };
            status.set(Some(if copied { "copied" } else { "manual" }));
            if !copied {
                select_field(&input_id);
            }
        });
    };

    view! {
        <div class="share">
            <button class="share__toggle" aria-expanded=move || open.get().to_string() on:click=move |_| open.update(|o| *o = !*o)>
                {if chart.is_some() { tr(lang, "分享图表", "Share chart") } else { tr(lang, "分享此页", "Share page") }}
            </button>
            <Show when=move || open.get() && offline()>
                <div class="share__panel" role="note">
                    <p class="share__offline">
                        {tr(scoped_memo(move || lang.get()), "这是离线单文件版本：链接只能在托管的网页上打开。请在发布的看板网址上分享。", "This is the offline single-file copy: links only open on the hosted page. Share from the published dashboard's address.")}
                    </p>
                </div>
            </Show>
            <Show when=move || open.get() && !offline()>
                // Built each time the panel opens: it reads through scoped memos (see `state::scoped_memo`).
                {
                let lang = scoped_memo(move || lang.get());
                let (link, status, embed_code) =
                    (scoped_memo(link), scoped_memo(move || status.get()), scoped_memo(embed_code));
                view! {
                <div class="share__panel" on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { open.set(false) }>
                    <label class="share__field" for=input_id.clone()>{tr(lang, "链接", "Link")}</label>
                    <div class="share__row">
                        <input id=input_id.clone() class="share__link" type="text" readonly prop:value=link on:focus=move |ev| select_target(&ev)/>
                        <button class="share__copy" on:click=copy>{tr(lang, "复制链接", "Copy link")}</button>
                    </div>
                    <p class="share__status" role="status">
                        {move || match (status.get(), lang.get()) {
                            (Some("copied"), l) => l.pick("已复制链接。", "Link copied.").to_string(),
                            (Some(_), l) => l.pick("无法自动复制：链接已选中，请按 Ctrl+C 复制。", "Could not copy automatically: the link is selected, press Ctrl+C to copy it.").to_string(),
                            (None, _) => String::new(),
                        }}
                    </p>
                    {move || embed_code.get().map(|code| view! {
                        <label class="share__field">
                            {lang.get().pick("嵌入代码", "Embed code")}
                            <textarea class="share__embed" readonly rows="3" prop:value=code on:focus=move |ev| select_target(&ev)></textarea>
                        </label>
                    })}
                </div>
                }
                }
            </Show>
        </div>
    }
}

/// Opened from a file (`offline.html`): there is no address another reader could open.
fn offline() -> bool {
    window().location().protocol().is_ok_and(|p| p == "file:")
}

fn select_target(ev: &web_sys::FocusEvent) {
    if let Some(input) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        input.select();
    } else if let Some(area) = ev.target().and_then(|t| t.dyn_into::<web_sys::HtmlTextAreaElement>().ok()) {
        area.select();
    }
}

fn select_field(id: &str) {
    if let Some(input) = document().get_element_by_id(id).and_then(|e| e.dyn_into::<web_sys::HtmlInputElement>().ok()) {
        let _ = input.focus();
        input.select();
    }
}
