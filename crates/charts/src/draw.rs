//! Paints a laid-out chart on any plotters backend: `CanvasBackend` on screen,
//! `SVGBackend::with_string` for downloads and native tests.

use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};

use super::layout::{Anchor, Layout, Rect, TextMark};
use super::spec::BarKind;

/// A CJK-capable font list: the chart's labels are Chinese by default.
pub const FONT_FAMILY: &str =
    "Noto Sans CJK SC, Noto Sans SC, PingFang SC, Microsoft YaHei, Source Han Sans SC, sans-serif";

#[derive(Clone, Copy, Debug, PartialEq)]
pub struct Theme {
    pub background: RGBColor,
    pub bar: RGBColor,
    pub text_on_bar: RGBColor,
    pub text: RGBColor,
    pub muted: RGBColor,
    pub grid: RGBColor,
    pub reference: RGBColor,
}

pub const LIGHT: Theme = Theme {
    background: RGBColor(255, 255, 255),
    bar: RGBColor(31, 95, 168),
    text_on_bar: RGBColor(255, 255, 255),
    text: RGBColor(31, 35, 40),
    muted: RGBColor(87, 96, 106),
    grid: RGBColor(216, 222, 228),
    reference: RGBColor(178, 34, 34),
};

/// Dark theme: light text on the page's dark card colour; the bar colour keeps 4.5:1 contrast.
pub const DARK: Theme = Theme {
    background: RGBColor(22, 27, 34),
    bar: RGBColor(110, 168, 232),
    text_on_bar: RGBColor(13, 17, 23),
    text: RGBColor(230, 237, 243),
    muted: RGBColor(157, 167, 179),
    grid: RGBColor(48, 54, 61),
    reference: RGBColor(255, 123, 114),
};

pub type DrawResult<E> = Result<(), DrawingAreaErrorKind<E>>;

pub fn draw<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    layout: &Layout,
    theme: &Theme,
) -> DrawResult<DB::ErrorType> {
    root.fill(&theme.background)?;
    let s = layout.scale;

    for panel in &layout.panels {
        let plot = panel.plot;
        if let Some(caption) = &panel.caption {
            text(root, caption, theme.text)?;
        }
        for tick in &panel.ticks {
            let x = tick.x.round() as i32;
            root.draw(&PathElement::new(
                vec![(x, tick.top as i32), (x, tick.bottom as i32)],
                ShapeStyle::from(&theme.grid).stroke_width(px(s)),
            ))?;
            text(root, &tick.text, theme.muted)?;
        }
        // The baseline (zero, or an index's own) is drawn darker: bars start from it.
        let x = panel.baseline_x.round() as i32;
        root.draw(&PathElement::new(
            vec![(x, plot.y as i32), (x, plot.bottom() as i32)],
            ShapeStyle::from(&theme.muted).stroke_width(px(s)),
        ))?;
    }

    for mark in &layout.bars {
        match mark.kind {
            BarKind::Stated => root.draw(&Rectangle::new(corners(mark.bar), theme.bar.filled()))?,
            // Derived values are hollow: computed, not stated.
            BarKind::Derived => {
                root.draw(&Rectangle::new(corners(mark.bar), ShapeStyle::from(&theme.bar).stroke_width(px(s * 2.0))))?
            }
        }
        if let Some(open) = mark.open_end {
            open_end(root, open, open.x < mark.bar.x, theme, s)?;
        }
        text(root, &mark.label, theme.text)?;
        for line in &mark.label_more {
            text(root, line, theme.text)?;
        }
        let colour = if mark.value.on_bar { theme.text_on_bar } else { theme.text };
        text(root, &mark.value, colour)?;
    }

    for panel in &layout.panels {
        for r in &panel.references {
            dashed(root, (r.x, r.top), (r.x, r.bottom), theme.reference, s)?;
            text(root, &r.label, theme.reference)?;
        }
    }
    root.present()
}

/// A lower bound's extension: a dashed outline that ends in an arrow, so it reads "and more";
/// pointing left from a decline (下降超过3%: further down).
fn open_end<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    r: Rect,
    left: bool,
    theme: &Theme,
    s: f64,
) -> DrawResult<DB::ErrorType> {
    let head = (r.h * 0.5).min(r.w * 0.6);
    let (tip, shaft_end, start) = if left { (r.x, r.x + head, r.right()) } else { (r.right(), r.right() - head, r.x) };
    let mid = r.y + r.h / 2.0;
    dashed(root, (start, r.y + 1.0), (shaft_end, r.y + 1.0), theme.bar, s)?;
    dashed(root, (start, r.bottom() - 1.0), (shaft_end, r.bottom() - 1.0), theme.bar, s)?;
    root.draw(&Polygon::new(
        vec![
            (shaft_end as i32, (r.y - r.h * 0.1) as i32),
            (tip as i32, mid as i32),
            (shaft_end as i32, (r.bottom() + r.h * 0.1) as i32),
        ],
        theme.bar.filled(),
    ))
}

fn dashed<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    from: (f64, f64),
    to: (f64, f64),
    colour: RGBColor,
    s: f64,
) -> DrawResult<DB::ErrorType> {
    let (dx, dy) = (to.0 - from.0, to.1 - from.1);
    let len = (dx * dx + dy * dy).sqrt();
    let dash = 4.0 * s;
    let steps = (len / (2.0 * dash)).ceil().max(1.0) as usize;
    for i in 0..steps {
        let t0 = (2 * i) as f64 * dash / len.max(1.0);
        let t1 = (((2 * i) as f64 + 1.0) * dash / len.max(1.0)).min(1.0);
        if t0 >= 1.0 {
            break;
        }
        root.draw(&PathElement::new(
            vec![
                ((from.0 + dx * t0) as i32, (from.1 + dy * t0) as i32),
                ((from.0 + dx * t1) as i32, (from.1 + dy * t1) as i32),
            ],
            ShapeStyle::from(&colour).stroke_width(px(s * 1.5)),
        ))?;
    }
    Ok(())
}

fn text<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    mark: &TextMark,
    colour: RGBColor,
) -> DrawResult<DB::ErrorType> {
    let h = match mark.anchor {
        Anchor::Start => HPos::Left,
        Anchor::Middle => HPos::Center,
        Anchor::End => HPos::Right,
    };
    let weight = if mark.bold { FontStyle::Bold } else { FontStyle::Normal };
    let style =
        TextStyle::from((FONT_FAMILY, mark.size, weight).into_font()).color(&colour).pos(Pos::new(h, VPos::Center));
    root.draw(&Text::new(mark.text.clone(), (mark.x.round() as i32, mark.y.round() as i32), style))
}

fn corners(r: Rect) -> [(i32, i32); 2] {
    [(r.x.round() as i32, r.y.round() as i32), (r.right().round() as i32, r.bottom().round() as i32)]
}

fn px(v: f64) -> u32 {
    v.round().max(1.0) as u32
}
