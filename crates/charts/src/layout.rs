//! Where every mark of a chart goes, in device pixels. Pure geometry, tested natively;
//! `draw.rs` only paints what this decides, and the component places hit targets from it.

use super::spec::{Axis, BarKind, ChartSpec, PanelSpec};
use super::{text_width, text_wrap};
use catalogue::format;

/// Below this CSS width labels go above their bars instead of beside them.
pub const STACKED_BELOW_CSS_PX: f64 = 520.0;

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Rect {
    pub x: f64,
    pub y: f64,
    pub w: f64,
    pub h: f64,
}

impl Rect {
    pub fn right(&self) -> f64 {
        self.x + self.w
    }
    pub fn bottom(&self) -> f64 {
        self.y + self.h
    }
    /// The smallest rectangle holding both.
    pub fn union(&self, o: &Rect) -> Rect {
        let (x, y) = (self.x.min(o.x), self.y.min(o.y));
        Rect { x, y, w: self.right().max(o.right()) - x, h: self.bottom().max(o.bottom()) - y }
    }
    pub fn overlaps(&self, o: &Rect) -> bool {
        self.x < o.right() && o.x < self.right() && self.y < o.bottom() && o.y < self.bottom()
    }
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Anchor {
    Start,
    Middle,
    End,
}

#[derive(Clone, Debug, PartialEq)]
pub struct TextMark {
    pub text: String,
    pub x: f64,
    /// Vertical centre of the text.
    pub y: f64,
    pub size: f64,
    pub anchor: Anchor,
    /// Inside a bar, in the bar's contrasting colour.
    pub on_bar: bool,
    pub bold: bool,
}

impl TextMark {
    /// The box the text occupies (estimated width, one line of height).
    pub fn bounds(&self) -> Rect {
        let w = text_width::estimate(&self.text, self.size);
        let x = match self.anchor {
            Anchor::Start => self.x,
            Anchor::Middle => self.x - w / 2.0,
            Anchor::End => self.x - w,
        };
        Rect { x, y: self.y - self.size * 0.6, w, h: self.size * 1.2 }
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct BarMark<'a> {
    /// Index of the bar in `ChartSpec::bars()` order.
    pub index: usize,
    pub fact_id: Option<&'a str>,
    pub kind: BarKind,
    /// The bar up to the stated value.
    pub bar: Rect,
    /// For lower bounds: the open-ended extension beyond the stated value, ending in an arrow.
    pub open_end: Option<Rect>,
    pub label: TextMark,
    /// The label's further lines, when it is wrapped above its bar (narrow canvases): every
    /// label is shown whole, never cut.
    pub label_more: Vec<TextMark>,
    pub value: TextMark,
}

impl BarMark<'_> {
    /// The area a pointer or focus ring should cover: bar, arrow and value text.
    pub fn hit_area(&self) -> Rect {
        let mut r = self.bar.union(&self.value.bounds());
        if let Some(o) = self.open_end {
            r = r.union(&o);
        }
        r
    }
}

#[derive(Clone, Debug, PartialEq)]
pub struct TickMark {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub text: TextMark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct ReferenceMark {
    pub x: f64,
    pub top: f64,
    pub bottom: f64,
    pub label: TextMark,
}

#[derive(Clone, Debug, PartialEq)]
pub struct PanelLayout {
    /// The area bars are drawn in: the axis's start at `plot.x`, its end at `plot.right()`.
    pub plot: Rect,
    /// Where bars start: zero, or the unit's baseline; declines go to its left.
    pub baseline_x: f64,
    pub caption: Option<TextMark>,
    pub ticks: Vec<TickMark>,
    pub references: Vec<ReferenceMark>,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Layout<'a> {
    pub width: f64,
    pub height: f64,
    pub scale: f64,
    pub panels: Vec<PanelLayout>,
    pub bars: Vec<BarMark<'a>>,
}

#[derive(Clone, Copy)]
struct Metrics {
    font: f64,
    pad: f64,
    row: f64,
    bar: f64,
    label_row: f64,
    /// A further line of a wrapped label.
    line: f64,
    axis: f64,
    caption: f64,
    panel_gap: f64,
    reference: f64,
}

fn metrics(scale: f64, stacked: bool) -> Metrics {
    Metrics {
        font: 13.0 * scale,
        pad: 8.0 * scale,
        row: if stacked { 52.0 } else { 36.0 } * scale,
        bar: if stacked { 20.0 } else { 22.0 } * scale,
        label_row: if stacked { 24.0 * scale } else { 0.0 },
        line: 17.0 * scale,
        axis: 20.0 * scale,
        caption: 24.0 * scale,
        panel_gap: 14.0 * scale,
        reference: 22.0 * scale,
    }
}

/// The lines of a bar's label: above the bar (`stacked`), wrapped to the canvas's width less its
/// padding; beside it, one line (the label column is as wide as the widest label).
fn label_lines(label: &str, m: &Metrics, stacked: bool, width: f64) -> Vec<String> {
    if stacked {
        let lines = text_wrap::wrap(label, m.font, width - 2.0 * m.pad);
        if !lines.is_empty() {
            return lines;
        }
    }
    vec![label.to_string()]
}

/// The height of each bar's row: one more line of label adds a line's height.
fn row_heights(p: &PanelSpec, m: &Metrics, stacked: bool, width: f64) -> Vec<f64> {
    p.bars.iter().map(|b| m.row + m.line * (label_lines(&b.label, m, stacked, width).len() - 1) as f64).collect()
}

fn panel_height(p: &PanelSpec, m: &Metrics, stacked: bool, width: f64) -> f64 {
    let caption = if p.caption.is_empty() { 0.0 } else { m.caption };
    let refs = if p.references.is_empty() { 0.0 } else { m.reference };
    let rows: f64 = row_heights(p, m, stacked, width).iter().sum();
    caption + refs + rows.max(m.row) + m.axis
}

/// Labels go above their bars on narrow canvases, and whenever the longest label would take
/// more than a third of the width beside them.
pub fn is_stacked(spec: &ChartSpec, css_width: f64) -> bool {
    let font = metrics(1.0, false).font;
    let widest = spec.bars().map(|b| text_width::estimate(&b.label, font)).fold(0.0, f64::max);
    css_width < STACKED_BELOW_CSS_PX || widest > css_width / 3.0
}

/// CSS height the canvas needs at `css_width` to show every bar without squeezing.
pub fn css_height(spec: &ChartSpec, css_width: f64) -> f64 {
    let stacked = is_stacked(spec, css_width);
    let m = metrics(1.0, stacked);
    let panels: f64 = spec.panels.iter().map(|p| panel_height(p, &m, stacked, css_width)).sum();
    let gaps = m.panel_gap * spec.panels.len().saturating_sub(1) as f64;
    (m.pad * 2.0 + panels + gaps).ceil()
}

/// The axis's ticks and their labels along `plot`'s bottom edge: the first label starts at its
/// tick, the last ends at its tick, the others are centred.
fn tick_marks(axis: &Axis, panel: &PanelSpec, plot: Rect, lang: facts::i18n::Lang, m: &Metrics) -> Vec<TickMark> {
    let values = axis.ticks();
    let last = values.len().saturating_sub(1);
    values
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let x = plot.x + plot.w * axis.fraction(*v);
            let anchor = match i {
                0 => Anchor::Start,
                i if i == last => Anchor::End,
                _ => Anchor::Middle,
            };
            let text = TextMark {
                text: format::tick(*v, &panel.unit, lang),
                x,
                y: plot.bottom() + m.axis / 2.0,
                size: m.font * 0.85,
                anchor,
                on_bar: false,
                bold: false,
            };
            TickMark { x, top: plot.y, bottom: plot.bottom(), text }
        })
        .collect()
}

/// True when no two tick labels come closer than `gap`.
fn labels_fit(ticks: &[TickMark], gap: f64) -> bool {
    ticks.windows(2).all(|w| w[0].text.bounds().right() + gap <= w[1].text.bounds().x)
}

/// The panel's axis with its step made coarser (20,000 -> 25,000 -> 50,000 ...) until every tick
/// label fits beside its neighbours at this width, and its ticks. No label is ever left out; at
/// the last resort the axis has only its two ends.
fn fitted_ticks(panel: &PanelSpec, plot: Rect, lang: facts::i18n::Lang, m: &Metrics) -> (Axis, Vec<TickMark>) {
    let mut axis = panel.axis;
    loop {
        let ticks = tick_marks(&axis, panel, plot, lang, m);
        if ticks.len() <= 2 || labels_fit(&ticks, m.pad) {
            return (axis, ticks);
        }
        let coarser = axis.coarser(&panel.unit);
        axis = if coarser.step >= coarser.max || coarser.step <= axis.step {
            Axis { step: axis.max - axis.min, ..axis }
        } else {
            coarser
        };
    }
}

/// Lays out `spec` on a canvas `width` × `height` device pixels at `scale` device pixels per CSS pixel.
pub fn layout<'a>(spec: &ChartSpec<'a>, width: f64, height: f64, scale: f64) -> Layout<'a> {
    let scale = if scale.is_finite() && scale > 0.0 { scale } else { 1.0 };
    let stacked = is_stacked(spec, width / scale);
    let m = metrics(scale, stacked);

    // One label column and one value column for all panels, so bars line up across panels.
    let value_w = spec.bars().map(|b| text_width::estimate(&b.value_text, m.font)).fold(0.0, f64::max);
    let label_w = if stacked {
        0.0
    } else {
        spec.bars().map(|b| text_width::estimate(&b.label, m.font)).fold(0.0, f64::max) + m.pad
    };
    let plot_x = m.pad + label_w;
    let column = (width - plot_x - m.pad - value_w - m.pad).max(width * 0.3);
    if stacked {
        // Above their bars, labels leave the bars the whole width (less a lower bound's open end):
        // a value goes beside its bar where it fits and inside it where not, so no column is kept
        // for values, unless one could go in neither place (a long value on a middling bar).
        let open_room = if spec.bars().any(|b| b.is_lower_bound()) { 24.0 * scale } else { 0.0 };
        let (plan, placed) = lay_out(spec, width, height, scale, &m, true, plot_x, width - plot_x - m.pad - open_room);
        if placed {
            return plan;
        }
    }
    lay_out(spec, width, height, scale, &m, stacked, plot_x, column).0
}

/// [`layout`] with the plot's left edge and width decided; also whether every value found a
/// place beside or inside its bar.
#[allow(clippy::too_many_arguments)]
fn lay_out<'a>(
    spec: &ChartSpec<'a>,
    width: f64,
    height: f64,
    scale: f64,
    m: &Metrics,
    stacked: bool,
    plot_x: f64,
    plot_w: f64,
) -> (Layout<'a>, bool) {
    let m = *m;
    let mut placed = true;
    let mut y = m.pad;
    let mut panels = Vec::new();
    let mut bars = Vec::new();
    for p in &spec.panels {
        let caption = (!p.caption.is_empty()).then(|| {
            let mark = TextMark {
                text: p.caption.clone(),
                x: m.pad,
                y: y + m.caption / 2.0,
                size: m.font,
                anchor: Anchor::Start,
                on_bar: false,
                bold: true,
            };
            y += m.caption;
            mark
        });
        let ref_top = y;
        if !p.references.is_empty() {
            y += m.reference;
        }
        let rows = row_heights(p, &m, stacked, width);
        let plot = Rect { x: plot_x, y, w: plot_w, h: rows.iter().sum::<f64>().max(m.row) };
        let (axis, ticks) = fitted_ticks(p, plot, spec.lang, &m);
        let x_of = |v: f64| plot.x + plot.w * axis.fraction(v);
        let baseline_x = x_of(p.unit.baseline);
        // Lower bounds get an open end: long enough to read as "and beyond".
        let open_len = (plot.w * 0.08).max(16.0 * scale);

        let mut row_top = plot.y;
        for (i, b) in p.bars.iter().enumerate() {
            let lines = label_lines(&b.label, &m, stacked, width);
            let more = m.line * (lines.len() - 1) as f64;
            let bar_y = row_top + m.label_row + more + (m.row - m.label_row - m.bar) / 2.0;
            let (from, to) = (x_of(b.start), x_of(b.end()));
            // A decline (or an index below its baseline) runs left from the baseline, its value
            // text on its left.
            let left = to < from;
            let bar = Rect { x: from.min(to), y: bar_y, w: (to - from).abs().max(1.0 * scale), h: m.bar };
            let open_end = b.is_lower_bound().then(|| Rect {
                x: if left { bar.x - open_len } else { bar.right() },
                y: bar.y,
                w: open_len,
                h: m.bar,
            });
            let this_value_w = text_width::estimate(&b.value_text, m.font);
            let (fits_outside, x) = if left {
                let mark_end = open_end.map_or(bar.x, |r| r.x);
                let fits = mark_end - m.pad / 2.0 - this_value_w >= m.pad / 2.0;
                (fits, if fits { mark_end - m.pad / 2.0 } else { bar.x + m.pad / 2.0 })
            } else {
                let mark_end = open_end.map_or(bar.right(), |r| r.right());
                let fits = mark_end + m.pad / 2.0 + this_value_w <= width - m.pad / 2.0;
                (fits, if fits { mark_end + m.pad / 2.0 } else { bar.right() - m.pad / 2.0 })
            };
            placed &= fits_outside || bar.w >= this_value_w + m.pad;
            let value = TextMark {
                text: b.value_text.clone(),
                x,
                y: bar.y + bar.h / 2.0,
                size: m.font,
                // Beyond the bar's end the text runs away from it; inside, back from the end.
                anchor: if fits_outside == left { Anchor::End } else { Anchor::Start },
                on_bar: !fits_outside && b.kind == BarKind::Stated,
                bold: false,
            };
            let line_mark = |text: String, k: usize| TextMark {
                text,
                x: plot.x + 3.0 * scale,
                y: row_top + m.label_row / 2.0 + 2.0 * scale + m.line * k as f64,
                size: m.font,
                anchor: Anchor::Start,
                on_bar: false,
                bold: false,
            };
            let mut lines = lines.into_iter();
            let first = lines.next().unwrap_or_default();
            let label_more: Vec<TextMark> =
                if stacked { lines.enumerate().map(|(k, t)| line_mark(t, k + 1)).collect() } else { Vec::new() };
            let label = if stacked {
                line_mark(first, 0)
            } else {
                TextMark {
                    text: first,
                    x: plot.x - m.pad,
                    y: bar.y + bar.h / 2.0,
                    size: m.font,
                    anchor: Anchor::End,
                    on_bar: false,
                    bold: false,
                }
            };
            bars.push(BarMark {
                index: bars.len(),
                fact_id: b.fact_id,
                kind: b.kind,
                bar,
                open_end,
                label,
                label_more,
                value,
            });
            row_top += rows.get(i).copied().unwrap_or(m.row);
        }

        let references = p
            .references
            .iter()
            .map(|r| {
                let x = x_of(r.value);
                let label = TextMark {
                    text: r.label.clone(),
                    x,
                    y: ref_top + m.reference / 2.0,
                    size: m.font * 0.9,
                    anchor: Anchor::Middle,
                    on_bar: false,
                    bold: true,
                };
                // Keep the label inside the canvas.
                let b = label.bounds();
                let shift = if b.x < m.pad {
                    m.pad - b.x
                } else if b.right() > width - m.pad {
                    width - m.pad - b.right()
                } else {
                    0.0
                };
                ReferenceMark {
                    x,
                    top: ref_top + m.reference,
                    bottom: plot.bottom(),
                    label: TextMark { x: label.x + shift, ..label },
                }
            })
            .collect();
        y = plot.bottom() + m.axis + m.panel_gap;
        panels.push(PanelLayout { plot, baseline_x, caption, ticks, references });
    }

    (Layout { width, height, scale, panels, bars }, placed)
}

/// A bar's hit target in CSS pixels.
#[derive(Clone, Debug, PartialEq)]
pub struct Hit<'a> {
    pub index: usize,
    pub fact_id: Option<&'a str>,
    pub rect: Rect,
    pub aria: String,
}

/// Hit targets in CSS pixels: the layout is in device pixels.
pub fn hit_targets<'a>(spec: &ChartSpec<'a>, plan: &Layout<'a>) -> Vec<Hit<'a>> {
    let s = plan.scale;
    let bars: Vec<_> = spec.bars().collect();
    plan.bars
        .iter()
        .map(|m| {
            let r = m.hit_area();
            let colon = spec.lang.pick("：", ": ");
            let aria = bars.get(m.index).map(|b| format!("{}{colon}{}", b.label, b.value_text)).unwrap_or_default();
            Hit {
                index: m.index,
                fact_id: m.fact_id,
                rect: Rect { x: r.x / s, y: r.y / s, w: r.w / s, h: r.h / s },
                aria,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::spec::{axis_for, BarSpec, PanelSpec};
    use facts::i18n::Lang;
    use facts::{Qualifier, Unit, UnitKind};

    fn bar(label: &str, start: f64, value: f64) -> BarSpec<'static> {
        BarSpec {
            fact_id: None,
            label: label.to_string(),
            start,
            value,
            qualifier: Qualifier::Exact,
            kind: BarKind::Stated,
            value_text: format!("{}", start + value),
        }
    }

    /// One panel of `values`, drawn from `unit`'s baseline as `spec::stated_bar` draws them.
    fn plan(unit: Unit, change: bool, values: &[f64]) -> Layout<'static> {
        let bars: Vec<BarSpec> = values.iter().map(|v| bar("x", unit.baseline, v - unit.baseline)).collect();
        let axis = axis_for(&unit, change, bars.iter().map(BarSpec::end));
        let panel = PanelSpec { caption: String::new(), unit, axis, bars, references: Vec::new() };
        let spec = ChartSpec {
            id: "t",
            lang: Lang::En,
            title: String::new(),
            subtitle: String::new(),
            panels: vec![panel],
            source: String::new(),
            notes: Vec::new(),
        };
        let spec: &'static ChartSpec<'static> = Box::leak(Box::new(spec));
        layout(spec, 800.0, css_height(spec, 800.0), 1.0)
    }

    fn unit(kind: UnitKind, baseline: f64) -> Unit {
        Unit { id: "u".into(), kind, zh: String::new(), en: String::new(), baseline }
    }

    #[test]
    fn a_decline_runs_left_from_the_baseline_with_its_value_on_its_left() {
        // 同比增长3.8%, 34.9%, 下降1.8%.
        let p = plan(unit(UnitKind::Percent, 0.0), true, &[3.8, 34.9, -1.8]);
        let zero = p.panels[0].baseline_x;
        assert!(zero > p.panels[0].plot.x + 1.0, "room left of zero");
        let [up, far, down] = [&p.bars[0], &p.bars[1], &p.bars[2]];
        assert!((up.bar.x - zero).abs() < 1e-9 && (far.bar.x - zero).abs() < 1e-9);
        assert!((down.bar.right() - zero).abs() < 1e-9 && down.bar.x < zero);
        assert!(down.value.anchor == Anchor::End && down.value.bounds().right() <= down.bar.x);
        assert!(up.value.anchor == Anchor::Start && up.value.x >= up.bar.right());
    }

    #[test]
    fn an_index_and_a_multiple_are_drawn_from_their_base() {
        // An index of 上年=100: 98.5 below it, 101.2 above.
        let p = plan(unit(UnitKind::Index, 100.0), false, &[98.5, 101.2]);
        let base = p.panels[0].baseline_x;
        assert!((p.bars[0].bar.right() - base).abs() < 1e-9 && (p.bars[1].bar.x - base).abs() < 1e-9);
        // 是去年同期的1.3倍: from 1 (the base) to 1.3.
        let p = plan(unit(UnitKind::Times, 1.0), false, &[1.3]);
        let base = p.panels[0].baseline_x;
        assert!((p.bars[0].bar.x - base).abs() < 1e-9 && p.bars[0].bar.w > 10.0);
    }

    #[test]
    fn declines_alone_end_at_the_right_of_the_plot() {
        // 比上年末净减少134万户: the axis ends at zero.
        let p = plan(unit(UnitKind::Count, 0.0), true, &[-1_340_000.0]);
        let plot = p.panels[0].plot;
        assert!((p.panels[0].baseline_x - plot.right()).abs() < 1e-6);
        assert!(p.bars[0].bar.x >= plot.x - 1e-9 && p.bars[0].bar.w > plot.w * 0.5);
    }
}
