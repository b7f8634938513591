//! A `<canvas>` that draws a chart spec crisply at the device pixel ratio, redraws when the spec,
//! its width or the ratio changes, and lays focusable hit targets over the bars for tooltips.

use leptos::html::Div;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use send_wrapper::SendWrapper;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::{HtmlCanvasElement, ResizeObserver};

use super::state::use_ui;
use super::tooltip::Tooltip;
use crate::charts::draw::{draw, Theme, DARK, LIGHT};
use crate::charts::layout::{css_height, layout, Layout, Rect};
use crate::charts::spec::ChartSpec;

/// A bar's hit target in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
struct Hit {
    index: usize,
    fact_id: Option<&'static str>,
    rect: Rect,
    aria: String,
}

#[component]
pub fn ChartCanvas(chart: &'static str, spec: Signal<Option<ChartSpec>>) -> impl IntoView {
    let ui = use_ui();
    let wrapper = NodeRef::<Div>::new();
    let canvas_ref = NodeRef::<leptos::html::Canvas>::new();
    // (CSS width, device pixel ratio): the canvas is redrawn whenever either changes.
    let size = RwSignal::new((0.0_f64, 1.0_f64));
    let hits = RwSignal::new(Vec::<Hit>::new());
    let active = RwSignal::new(None::<usize>);
    let failed = RwSignal::new(None::<String>);

    let measure = move || {
        let Some(div) = wrapper.get_untracked() else { return };
        let w = f64::from(div.client_width());
        let dpr = window().device_pixel_ratio().clamp(1.0, 4.0);
        if w > 0.0 && size.get_untracked() != (w, dpr) {
            size.set((w, dpr));
        }
    };

    Effect::new(move |_| {
        let Some(div) = wrapper.get() else { return };
        measure();
        let on_resize = Closure::<dyn FnMut()>::new(measure);
        if let Ok(observer) = ResizeObserver::new(on_resize.as_ref().unchecked_ref()) {
            observer.observe(&div);
            let keep = SendWrapper::new((observer, on_resize));
            on_cleanup(move || keep.0.disconnect());
        }
    });
    // Zooming changes the device pixel ratio without always changing the CSS width.
    let handle = window_event_listener(leptos::ev::resize, move |_| measure());
    on_cleanup(move || handle.remove());

    Effect::new(move |_| {
        let (css_w, dpr) = size.get();
        let Some(canvas) = canvas_ref.get() else { return };
        let Some(s) = spec.get() else { return };
        let theme = if ui.dark.get() { &DARK } else { &LIGHT };
        if css_w <= 0.0 {
            return;
        }
        match paint(&canvas, &s, css_w, dpr, theme) {
            Ok(plan) => {
                failed.set(None);
                hits.set(hit_targets(&s, &plan));
            }
            Err(e) => failed.set(Some(e)),
        }
    });

    let buttons = move || {
        hits.get()
            .into_iter()
            .map(|h| {
                let index = h.index;
                let style = format!(
                    "left:{:.1}px;top:{:.1}px;width:{:.1}px;height:{:.1}px",
                    h.rect.x, h.rect.y, h.rect.w, h.rect.h
                );
                let open = move |_| {
                    if let Some(id) = h.fact_id {
                        ui.select(Some(id), Some(chart));
                    }
                };
                view! {
                    <button
                        class="chart__hit"
                        style=style
                        data-bar=index
                        data-fact=h.fact_id.unwrap_or("")
                        aria-label=h.aria
                        aria-describedby=move || (active.get() == Some(index)).then_some("tooltip")
                        on:mouseenter=move |_| active.set(Some(index))
                        on:mouseleave=move |_| active.set(None)
                        on:focus=move |_| active.set(Some(index))
                        on:blur=move |_| active.set(None)
                        on:keydown=move |ev: web_sys::KeyboardEvent| if ev.key() == "Escape" { active.set(None) }
                        on:click=open
                    ></button>
                }
            })
            .collect_view()
    };

    let tooltip = move || {
        let i = active.get()?;
        let s = spec.get()?;
        let bar = s.bars().nth(i)?.clone();
        let anchor = hits.with(|h| h.iter().find(|h| h.index == i).map(|h| h.rect))?;
        let width = size.get().0;
        Some(view! { <Tooltip bar=bar anchor=anchor container_width=width/> })
    };

    view! {
        <div class="chart__canvas" node_ref=wrapper>
            <canvas aria-hidden="true" node_ref=canvas_ref></canvas>
            <div class="chart__hits">{buttons}</div>
            {tooltip}
        </div>
        {move || failed.get().map(|e| view! { <p class="chart__error" role="alert">{e}</p> })}
    }
}

/// Hit targets in CSS pixels: the layout is in device pixels.
fn hit_targets(spec: &ChartSpec, plan: &Layout) -> Vec<Hit> {
    let s = plan.scale;
    let bars: Vec<_> = spec.bars().collect();
    plan.bars
        .iter()
        .map(|m| {
            let r = m.hit_area();
            let aria = bars.get(m.index).map(|b| format!("{}：{}", b.label, b.value_text)).unwrap_or_default();
            Hit {
                index: m.index,
                fact_id: m.fact_id,
                rect: Rect { x: r.x / s, y: r.y / s, w: r.w / s, h: r.h / s },
                aria,
            }
        })
        .collect()
}

/// Sizes the canvas to CSS size × device pixel ratio and draws the spec at that scale.
fn paint(canvas: &HtmlCanvasElement, spec: &ChartSpec, css_w: f64, dpr: f64, theme: &Theme) -> Result<Layout, String> {
    let css_h = css_height(spec, css_w);
    let (w, h) = ((css_w * dpr).round(), (css_h * dpr).round());
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_w}px"));
    let _ = style.set_property("height", &format!("{css_h}px"));
    canvas.set_width(w as u32);
    canvas.set_height(h as u32);
    let backend = CanvasBackend::with_canvas_object(canvas.clone()).ok_or("canvas 2D context unavailable")?;
    let root = backend.into_drawing_area();
    let plan = layout(spec, w, h, dpr);
    draw(&root, &plan, theme).map_err(|e| format!("chart could not be drawn: {e}"))?;
    // Lets tests and benchmarks know the pixels are there.
    let _ = canvas.set_attribute("data-drawn", "1");
    Ok(plan)
}
