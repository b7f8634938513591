//! Draws a [`SeriesSpec`] on any plotters backend (SVG for the figure and the tests): a value axis
//! from zero (or through it, for a change), one tick per step with its period (a missing period labelled as such), lines only
//! between neighbouring periods, and each point marked by its qualifier: filled for a stated
//! value, hollow for an approximate one, an arrow up from a lower bound, down from an upper one.

use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use crate::draw::{Theme, FONT_FAMILY};
use crate::series::{tick_label, SeriesSpec};
use crate::spec::axis_for;

use facts::i18n::Lang;
use facts::Qualifier;

/// The drawing's size in px for a box `width` px wide (at least 280), its height in proportion.
pub fn series_size(width: f64) -> (u32, u32) {
    let width = if width.is_finite() { width.max(280.0) } else { 640.0 };
    (width as u32, (width * 0.45).clamp(220.0, 300.0) as u32)
}

/// Where each point of the series is drawn on a drawing of `size` px, in point order and then the
/// revised statements in theirs (`SeriesSpec::revised`): the place
/// its hit target goes (as a share of the drawing's width and height, so it follows the drawing
/// as the page scales it).
pub fn point_positions(spec: &SeriesSpec, size: (u32, u32)) -> Vec<(f64, f64)> {
    let Some(place) = Placement::of(spec, size) else { return Vec::new() };
    spec.points
        .iter()
        .chain(spec.revised.iter().map(|(p, _)| p))
        .map(|p| (f64::from(place.x(p.month)) / f64::from(size.0), f64::from(place.y(p.value)) / f64::from(size.1)))
        .collect()
}

/// Where periods and values go on a drawing: the margins, the value axis and the time span.
struct Placement {
    left: i32,
    top: i32,
    first: u32,
    span: f64,
    plot_w: f64,
    plot_h: f64,
    axis: crate::spec::Axis,
}

const MARGINS: (i32, i32, i32, i32) = (64, 24, 28, 44);

impl Placement {
    fn of(spec: &SeriesSpec, (w, h): (u32, u32)) -> Option<Placement> {
        let (left, right, top, bottom) = MARGINS;
        let ticks = spec.ticks();
        let (first, last) = (*ticks.first()?, *ticks.last()?);
        let values = spec.points.iter().chain(spec.revised.iter().map(|(p, _)| p)).map(|p| p.value);
        let axis = axis_for(&spec.unit, spec.change, values);
        Some(Placement {
            left,
            top,
            first,
            span: f64::from((last - first).max(1)),
            plot_w: f64::from(w as i32 - left - right),
            plot_h: f64::from(h as i32 - top - bottom),
            axis,
        })
    }

    fn x(&self, m: u32) -> i32 {
        self.left + (f64::from(m - self.first) / self.span * self.plot_w).round() as i32
    }

    fn y(&self, v: f64) -> i32 {
        self.top + ((1.0 - self.axis.fraction(v)) * self.plot_h).round() as i32
    }
}

/// The series as an SVG document `width` px wide (at least 280), its height in proportion.
pub fn series_svg(spec: &SeriesSpec, width: f64, lang: Lang, theme: &Theme) -> String {
    let size = series_size(width);
    let mut out = String::new();
    {
        let root = SVGBackend::with_string(&mut out, size).into_drawing_area();
        // Drawing into a String cannot fail: the SVG backend only errs writing files.
        let _ = draw_series(&root, spec, lang, theme);
    }
    out
}

type Area<'a, DB> = DrawingArea<DB, plotters::coord::Shift>;

pub fn draw_series<DB: DrawingBackend>(
    root: &Area<'_, DB>,
    spec: &SeriesSpec,
    lang: Lang,
    theme: &Theme,
) -> Result<(), DrawingAreaErrorKind<DB::ErrorType>> {
    root.fill(&theme.background)?;
    let (w, h) = root.dim_in_pixel();
    let (left, right, top, bottom) = MARGINS;
    let ticks = spec.ticks();
    let (Some(place), Some(last)) = (Placement::of(spec, (w, h)), ticks.last().copied()) else { return Ok(()) };
    let x = |m: u32| place.x(m);
    let y = |v: f64| place.y(v);

    // Value axis: gridlines with their values.
    for t in place.axis.ticks() {
        root.draw(&PathElement::new(vec![(left, y(t)), (w as i32 - right, y(t))], theme.grid))?;
        let text = catalogue::format::tick(t, &spec.unit, lang);
        root.draw(&Text::new(text, (left - 6, y(t)), label(12.0, &theme.muted, HPos::Right, VPos::Center)))?;
    }
    // Time axis: every period of the series' step; a missing one says so.
    for (i, m) in ticks.iter().enumerate() {
        let missing = spec.missing.contains(m);
        let color = if missing { &theme.reference } else { &theme.muted };
        root.draw(&Text::new(
            tick_label(*m, i.checked_sub(1).map(|p| ticks[p]), lang),
            (x(*m), h as i32 - bottom + 8),
            // The last period's label ends at its tick, so the edge never cuts it off.
            label(12.0, color, if *m == last && ticks.len() > 1 { HPos::Right } else { HPos::Center }, VPos::Top),
        ))?;
        if missing {
            let note = lang.pick("缺数据", "no data");
            root.draw(&Text::new(note, (x(*m), h as i32 - bottom + 24), label(11.0, color, HPos::Center, VPos::Top)))?;
            // A dashed rule where the period is missing.
            let mut from = top;
            while from < h as i32 - bottom {
                let to = (from + 4).min(h as i32 - bottom);
                root.draw(&PathElement::new(vec![(x(*m), from), (x(*m), to)], theme.grid))?;
                from += 8;
            }
        }
    }
    for (a, b) in spec.segments() {
        let (p, q) = (&spec.points[a], &spec.points[b]);
        let line =
            PathElement::new(vec![(x(p.month), y(p.value)), (x(q.month), y(q.value))], theme.bar.stroke_width(2));
        root.draw(&line)?;
    }
    // An earlier statement a later report revised: a small hollow square at its value, in the
    // reference colour, with no line and no label (the table and its tip give both figures).
    for (p, _) in &spec.revised {
        let (px, py) = (x(p.month), y(p.value));
        root.draw(&Rectangle::new([(px - 4, py - 4), (px + 4, py + 4)], theme.reference.stroke_width(2)))?;
    }
    // Where the last value label ended (right edge, and whether it went above its point): a label
    // that would run into it goes under its own point instead.
    let mut last_label: Option<(i32, bool)> = None;
    for p in &spec.points {
        let (px, py) = (x(p.month), y(p.value));
        match p.qualifier {
            Qualifier::About => root.draw(&Circle::new((px, py), 5, theme.bar.stroke_width(2)))?,
            _ => root.draw(&Circle::new((px, py), 5, theme.bar.filled()))?,
        }
        // An open end: an arrow from the value, the way the bound goes.
        let dir = match p.qualifier {
            Qualifier::AtLeast | Qualifier::MoreThan => Some(-1),
            Qualifier::LessThan => Some(1),
            _ => None,
        };
        if let Some(d) = dir {
            let tip = py + d * 22;
            root.draw(&PathElement::new(vec![(px, py + d * 6), (px, tip)], theme.bar.stroke_width(2)))?;
            root.draw(&Polygon::new(
                vec![(px - 5, tip - d * 2), (px + 5, tip - d * 2), (px, tip + d * 6)],
                theme.bar.filled(),
            ))?;
        }
        // Labels near the right edge go to the left of their point, so none is cut off.
        let text_w = crate::text_width::estimate(&p.value_text, 12.0).ceil() as i32;
        let (left_edge, text_x, anchor) =
            if px > (w as i32) * 3 / 4 { (px - 8 - text_w, px - 8, HPos::Right) } else { (px + 8, px + 8, HPos::Left) };
        let above = !matches!(last_label, Some((right, true)) if left_edge < right + 4);
        let (text_y, v) = match (above, dir) {
            (true, Some(-1)) => (py - 34, VPos::Bottom),
            (true, _) => (py - 10, VPos::Bottom),
            (false, Some(1)) => (py + 34, VPos::Top),
            (false, _) => (py + 10, VPos::Top),
        };
        root.draw(&Text::new(p.value_text.clone(), (text_x, text_y), label(12.0, &theme.text, anchor, v)))?;
        last_label = Some((left_edge + text_w, above));
    }
    Ok(())
}

fn label<'a>(size: f64, color: &'a RGBColor, h: HPos, v: VPos) -> TextStyle<'a> {
    TextStyle::from((FONT_FAMILY, size).into_font()).color(color).pos(Pos::new(h, v))
}
