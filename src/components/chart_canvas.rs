//! A `<canvas>` that draws a chart spec crisply at the device pixel ratio, redraws when the spec,
//! its width or the ratio changes, and lays focusable hit targets over the bars for tooltips.
//! Its size and visibility come from hooks (`use_css_size`, `use_visibility`); what is left here
//! is when to draw: at once when on screen, when idle otherwise.

use leptos::html::Div;
use leptos::prelude::*;
use plotters::prelude::*;
use plotters_canvas::CanvasBackend;
use wasm_bindgen::JsCast;
use web_sys::HtmlCanvasElement;

use super::state::{effect, event_in, listen, scoped_fresh, scoped_memo, SharedSpec, UiState};
use super::use_css_size::use_css_size;
use super::use_visibility::use_visibility;
use super::write_html::{bind_html, set_style, write_html};
use charts::draw::{draw, Theme, DARK, LIGHT};
use charts::layout::{css_height, hit_targets, layout, Hit, Layout};
use charts::spec::ChartSpec;
use views::markup;

#[component]
pub fn ChartCanvas(chart: &'static str, spec: Memo<SharedSpec>, ui: UiState) -> impl IntoView {
    // Replaced by the table and back again, as often as the reader switches: read outer state
    // through scoped memos (see `state::scoped_memo`).
    let ui = ui.scoped();
    let spec = scoped_fresh(move || spec.get());
    let wrapper = NodeRef::<Div>::new();
    let hits = RwSignal::new(Vec::<Hit>::new());
    let active = RwSignal::new(None::<usize>);
    // Why the canvas could not be drawn, shown under it (`markup::canvas_error`).
    let failed = RwSignal::new(None::<String>);
    // The boot shell's drawings of this chart (see `super::boot`): they stand in for the canvas
    // from its creation until it is first painted.
    let stand_in = StoredValue::new_local(super::boot::stand_in(chart));
    let drop_stand_in = move || {
        if let Some(copy) = stand_in.try_update_value(Option::take).flatten() {
            copy.remove();
        }
    };

    // The canvas, the hit targets' layer and the tooltip's (`markup::canvas_parts`), before
    // anything can be drawn into them.
    effect(move |_| {
        if let Some(div) = wrapper.get() {
            write_html(&div, &markup::canvas_parts());
        }
    });
    // (CSS width, device pixel ratio): the canvas is redrawn whenever either changes.
    let size = use_css_size(wrapper);
    // Whether the canvas is on (or near) the screen.
    let on_screen = use_visibility(wrapper, VIEWPORT_MARGIN);

    // A redraw is owed (the chart changed while off screen).
    let owed = StoredValue::new(false);
    let redraw = move || {
        owed.set_value(false);
        let (css_w, dpr) = size.get_untracked();
        let canvas = wrapper.get_untracked().and_then(|w| w.first_element_child()).and_then(|c| c.dyn_into().ok());
        let shared = spec.get_untracked();
        let (Some(canvas), Ok(s)) = (canvas, Result::as_ref(&shared)) else { return };
        let theme = if ui.dark.get_untracked() { &DARK } else { &LIGHT };
        if css_w <= 0.0 {
            return;
        }
        match paint(&canvas, &s, css_w, dpr, theme) {
            Ok(plan) => {
                drop_stand_in();
                failed.set(None);
                // Unchanged targets are not rewritten: a focused one would lose focus.
                let new = hit_targets(&s, &plan);
                if hits.with_untracked(|h| *h != new) {
                    hits.set(new);
                }
            }
            Err(e) => failed.set(Some(e)),
        }
        // The app's first chart is up: the boot shell can go (see `super::boot`).
        super::boot::hand_over();
    };
    // The shell's drawings cover the chart until its canvas is painted, as the shell showed them:
    // the same drawing at the same height for the box's width (`views::prerender`), so nothing
    // moves or goes blank. The canvas, not drawn yet, is out of the layout meanwhile.
    let place_stand_in = move || {
        // The shell is drawn in the page's language: a reader who switched gets the chart drawn.
        if ui.lang.get_untracked() != super::boot::shell_lang() {
            return;
        }
        let Some(div) = wrapper.get_untracked() else { return };
        let placed = stand_in.with_value(|copy| copy.as_ref().is_some_and(|c| div.append_child(c).is_ok()));
        if let (true, Some(canvas)) = (placed, div.first_element_child()) {
            let _ = canvas.set_attribute("hidden", "");
        }
    };
    // Placed as the canvas is created, not when it is first measured: the chart's box has its
    // height from its first layout, so a page built under a reader far down it is never shorter
    // for a moment, which would make the browser scroll the reader up.
    effect(move |_| {
        if wrapper.get().is_some() {
            place_stand_in();
        }
    });
    // Charts on screen redraw at once; the others when the browser is idle (or when they come into
    // view, if sooner), each in a task of its own, so a language or theme switch repaints what the
    // reader sees within a frame and the rest never adds a long task. All are drawn in the end:
    // printing shows every canvas.
    let later = move || {
        request_idle_callback(move || {
            if owed.try_get_value() == Some(true) {
                redraw();
            }
        })
    };
    // Whether the canvas has been sized before: the shell's drawing stands in for the chart
    // only as first laid out (another width, spec or theme and it no longer matches).
    let sized = StoredValue::new(false);
    effect(move |_| {
        size.track();
        spec.track();
        ui.dark.track();
        // Not laid out yet: the observer's first report will bring the size (and this effect back).
        if size.get_untracked().0 <= 0.0 {
            return;
        }
        let first = !sized.get_value();
        sized.set_value(true);
        if !first {
            drop_stand_in();
        }
        let in_view = match on_screen.reported.get_value() {
            true => on_screen.visible.get_untracked(),
            // Not reported yet (a new canvas, just laid out): its box says whether it is in view.
            false => wrapper.get_untracked().is_some_and(|div| near_viewport(&div)),
        };
        if in_view {
            redraw();
        } else if !owed.get_value() {
            owed.set_value(true);
            later();
        }
    });
    // A chart that comes into view draws what it owes.
    effect(move |_| {
        if on_screen.visible.get() && owed.get_value() {
            redraw();
        }
    });

    // The hit targets (`views::markup::hit_buttons`) carry no listeners of their own: one set on
    // their container serves them all (`data-bar` says which). Hover and focus show the tooltip,
    // Esc hides it, a click opens the source.
    let bar_of = |ev: &web_sys::Event| event_in(ev, ".chart__hit");
    let index_of = move |ev: &web_sys::Event| bar_of(ev)?.get_attribute("data-bar")?.parse::<usize>().ok();
    // The active bar's button points at the tooltip (aria-describedby). Set here, not as a
    // reactive attribute: the buttons are rebuilt on every redraw, and each dropped reactive
    // attribute would stay subscribed to `active`.
    let describe = move |bar: Option<web_sys::Element>| {
        if let Some(hits) = wrapper.get_untracked() {
            if let Ok(Some(old)) = hits.query_selector("[aria-describedby]") {
                let _ = old.remove_attribute("aria-describedby");
            }
        }
        if let Some(b) = bar {
            let _ = b.set_attribute("aria-describedby", "tooltip");
        }
    };
    let show = move |ev: web_sys::Event| {
        if let Some(i) = index_of(&ev) {
            active.set(Some(i));
            describe(bar_of(&ev));
        }
    };
    let hide = move |_: web_sys::Event| {
        active.set(None);
        describe(None);
    };
    let open = move |ev: web_sys::Event| {
        let fact = bar_of(&ev).and_then(|b| b.get_attribute("data-fact")).filter(|f| !f.is_empty());
        if let Some(id) = fact.and_then(|f| catalogue::CATALOGUE.fact(&f)).map(|f| f.id.as_str()) {
            ui.select_fact_in_chart(id, chart);
        }
    };
    let tooltip = move || {
        let i = active.get()?;
        let anchor = hits.with(|h| h.iter().find(|h| h.index == i).map(|h| h.rect))?;
        let lang = ui.lang.get_untracked();
        spec.with(|s| {
            let bar = Result::as_ref(s).ok()?.bars().nth(i)?;
            let width = size.get().0;
            Some((markup::tooltip(&catalogue::CATALOGUE, bar, lang), markup::tooltip_style(anchor, width)))
        })
    };

    // The listeners go on the wrapper, in one closure: hover, focus, Esc and click all bubble up
    // from the hit targets. (One closure for six events also keeps the wasm smaller than six
    // `on:` attributes, each of which compiles its own copy of Leptos' listener code.)
    // The hit targets and the tooltip are written into their places (`markup::canvas_parts`).
    let part = move |n: u32| wrapper.get_untracked().and_then(|w| w.children().item(n));
    // Positions go through the CSSOM: the page's policy refuses `style` attributes in markup.
    effect(move |_| {
        hits.with(|hits| {
            let Some(el) = part(1) else { return };
            write_html(&el, &markup::hit_buttons(hits));
            let buttons = el.children();
            for (i, h) in hits.iter().enumerate() {
                if let Some(b) = buttons.item(i as u32) {
                    set_style(&b, &markup::box_style(h.rect));
                }
            }
        });
    });
    // The fact chosen in this chart (by its bar, the table, the reading view or the checker) is
    // marked on its target, which the CSS outlines over the bar.
    let chosen = scoped_memo(move || ui.view.with(|v| v.fact.filter(|_| v.chart == Some(chart))));
    effect(move |_| {
        let fact = chosen.get();
        hits.track();
        let Some(el) = part(1) else { return };
        let buttons = el.children();
        for i in 0..buttons.length() {
            let Some(b) = buttons.item(i) else { continue };
            let _ = match fact.is_some() && b.get_attribute("data-fact").as_deref() == fact {
                true => b.set_attribute("aria-current", "true"),
                false => b.remove_attribute("aria-current"),
            };
        }
    });
    effect(move |_| {
        // Read first, so the effect follows the tooltip even before the wrapper is mounted.
        let tip = tooltip();
        let Some(el) = part(2) else { return };
        match tip {
            Some((html, position)) => {
                write_html(&el, &html);
                if let Some(tip) = el.first_element_child() {
                    set_style(&tip, &position);
                }
            }
            None => write_html(&el, &views::html::Html::default()),
        }
    });
    effect(move |_| {
        let Some(div) = wrapper.get() else { return };
        let on_event = move |ev: web_sys::Event| match ev.type_().as_str() {
            "mouseover" | "focusin" => show(ev),
            "mouseout" | "focusout" => hide(ev),
            "keydown" if ev.dyn_ref::<web_sys::KeyboardEvent>().is_some_and(|k| k.key() == "Escape") => hide(ev),
            "click" => open(ev),
            _ => {}
        };
        listen(&div, &["mouseover", "mouseout", "focusin", "focusout", "keydown", "click"], on_event);
    });

    let error = NodeRef::<Div>::new();
    bind_html(error, move || failed.with(|e| e.as_deref().map(markup::canvas_error).unwrap_or_default()));
    view! {
        <div class="chart__canvas" node_ref=wrapper></div>
        <div node_ref=error></div>
    }
}

/// How near the viewport a canvas counts as on screen.
const VIEWPORT_MARGIN: &str = "200px 0px";

/// Within 200 px of the viewport ([`VIEWPORT_MARGIN`]): reading the box is cheap here, right
/// after the layout the size came from.
fn near_viewport(el: &web_sys::Element) -> bool {
    let r = el.get_bounding_client_rect();
    let height = window().inner_height().ok().and_then(|h| h.as_f64()).unwrap_or(0.0);
    r.bottom() > -200.0 && r.top() < height + 200.0
}

/// Sizes the canvas to CSS size × device pixel ratio and draws the spec at that scale.
fn paint<'a>(
    canvas: &HtmlCanvasElement,
    spec: &ChartSpec<'a>,
    css_w: f64,
    dpr: f64,
    theme: &Theme,
) -> Result<Layout<'a>, String> {
    let css_h = css_height(spec, css_w);
    let (w, h) = ((css_w * dpr).round(), (css_h * dpr).round());
    let style = web_sys::HtmlElement::style(canvas);
    let _ = style.set_property("width", &format!("{css_w}px"));
    let _ = style.set_property("height", &format!("{css_h}px"));
    let _ = canvas.remove_attribute("hidden");
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
