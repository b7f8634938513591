//! The charts drawn at build time for the dashboard's first paint (the boot shell in `index.html`),
//! and which of those drawings stands in for a chart in a box of a given width until the app has
//! drawn it. The publish step writes the shell's CSS from [`stand_ins`]; the app picks the same
//! drawing with [`best_drawing`] when it adopts one, so the two agree at every width.
//!
//! Every chart is drawn at its width in a 360 px wide window; the first section's, which a reader
//! sees first on any screen, also at its width in a 1280 px one. There the page is pixel for pixel
//! what the app then draws. At any other width the box is exactly as high as the app's canvas will
//! be (so nothing moves when the canvas replaces the drawing) and the drawing is fitted into it
//! without distortion (`xMinYMin meet`): its text shrinks a little (to no less than 8 px), or keeps
//! its size with room beside it. A second drawing for every chart would cost the first load 4 KB
//! more than it has room for; below the first screen the app has usually drawn the chart before
//! the reader scrolls to it.

use charts::layout::css_height;
use charts::spec::ChartSpec;

/// A chart's width (CSS px) in the dashboard at a 360 px wide window.
pub const PHONE_WIDTH: f64 = 294.0;
/// A chart's width at a 1280 px wide window when it is its section's only chart (it spans the
/// page), and when it shares the section (two to a row): `style/main.css`'s `.topic__charts`.
pub const DESKTOP_ALONE_WIDTH: f64 = 1134.0;
pub const DESKTOP_BESIDE_WIDTH: f64 = 542.0;

/// A chart's width at a 1280 px wide window, in a section of `charts_in_section` charts.
pub fn desktop_width(charts_in_section: usize) -> f64 {
    if charts_in_section > 1 {
        DESKTOP_BESIDE_WIDTH
    } else {
        DESKTOP_ALONE_WIDTH
    }
}

/// The class of a section's chart grid on a page the browser parses from the network (the shell,
/// the plain page): a lone chart spans the row by this class. The app's sections, built whole,
/// rely on `:only-child`, but that does not match while the section's end is still on its way, so
/// a paint between two packets showed a lone chart half as wide, then widened it (a layout shift).
pub fn charts_grid_class(charts_in_section: usize) -> &'static str {
    if charts_in_section > 1 {
        "topic__charts"
    } else {
        "topic__charts topic__charts--one"
    }
}

/// The widths a chart of a section of `charts_in_section` charts is drawn at: phone, and desktop
/// too in the `first` section.
pub fn drawn_widths(charts_in_section: usize, first: bool) -> Vec<f64> {
    if first {
        vec![PHONE_WIDTH, desktop_width(charts_in_section)]
    } else {
        vec![PHONE_WIDTH]
    }
}

/// How much a drawing made at `drawn` px is scaled when fitted, without distortion, into a box
/// `width` px wide and as high as the app's canvas at that width.
pub fn fitted_scale(spec: &ChartSpec, drawn: f64, width: f64) -> f64 {
    (width / drawn).min(css_height(spec, width) / css_height(spec, drawn))
}

/// The drawing (index into `drawn`) whose text stays nearest its own size in a box `width` px
/// wide; on a tie, the later (wider) one.
pub fn best_drawing(spec: &ChartSpec, drawn: &[f64], width: f64) -> usize {
    let nearness = |d: f64| {
        let s = fitted_scale(spec, d, width);
        s.min(1.0 / s)
    };
    let mut best = 0;
    for (i, d) in drawn.iter().enumerate() {
        if nearness(*d) >= nearness(drawn[best]) {
            best = i;
        }
    }
    best
}

/// A run of box widths over which the shell shows one drawing at one height.
#[derive(Debug, Clone, PartialEq)]
pub struct StandIn {
    /// Box widths from `from` (inclusive; `None`: from the narrowest) to `to` (exclusive;
    /// `None`: to the widest), in whole CSS px.
    pub from: Option<u32>,
    pub to: Option<u32>,
    /// Index into the drawn widths.
    pub drawing: usize,
    /// The app's canvas height over the run, CSS px.
    pub height: f64,
}

/// The narrowest and widest box a chart has in the dashboard: a 320 px window, and the page's
/// widest column (`main`'s 1200 px less its margins).
const NARROWEST: u32 = 250;
const WIDEST: u32 = 1140;

/// The runs of box widths, narrowest first, over which one drawing at one height stands in for
/// the chart. The app's layout changes only at whole-pixel widths of its own (labels go above
/// their bars below 520 px, wrap at a width), so stepping by a pixel finds every change.
pub fn stand_ins(spec: &ChartSpec, drawn: &[f64]) -> Vec<StandIn> {
    let mut runs: Vec<StandIn> = Vec::new();
    for w in NARROWEST..=WIDEST {
        let (drawing, height) = (best_drawing(spec, drawn, f64::from(w)), css_height(spec, f64::from(w)));
        match runs.last_mut() {
            Some(run) if run.drawing == drawing && run.height == height => {}
            _ => {
                if let Some(run) = runs.last_mut() {
                    run.to = Some(w);
                }
                runs.push(StandIn { from: Some(w), to: None, drawing, height });
            }
        }
    }
    if let Some(first) = runs.first_mut() {
        first.from = None;
    }
    runs
}

#[cfg(test)]
mod tests {
    use super::*;
    use catalogue::CATALOGUE;
    use charts::registry::{build, charts_in_section, sections};
    use facts::i18n::Lang;

    fn every_chart(lang: Lang) -> Vec<(ChartSpec<'static>, Vec<f64>)> {
        sections()
            .iter()
            .flat_map(|s| {
                let defs: Vec<_> = charts_in_section(&s.id).collect();
                let n = defs.len();
                // Both ways for every chart: which section comes first differs from report to report.
                defs.into_iter().flat_map(move |d| {
                    let spec = || build(d, &CATALOGUE, lang).expect("spec");
                    [(spec(), drawn_widths(n, true)), (spec(), drawn_widths(n, false))]
                })
            })
            .collect()
    }

    #[test]
    fn each_drawing_is_shown_at_the_width_it_was_drawn_at() {
        for lang in [Lang::Zh, Lang::En] {
            for (spec, drawn) in every_chart(lang) {
                for (i, w) in drawn.iter().enumerate() {
                    assert_eq!(best_drawing(&spec, &drawn, *w), i, "{} at {w}", spec.id);
                    assert_eq!(fitted_scale(&spec, *w, *w), 1.0);
                }
            }
        }
    }

    #[test]
    fn the_runs_cover_every_width_with_the_apps_height_and_legible_text() {
        for lang in [Lang::Zh, Lang::En] {
            for (spec, drawn) in every_chart(lang) {
                let runs = stand_ins(&spec, &drawn);
                assert_eq!((runs[0].from, runs[runs.len() - 1].to), (None, None));
                for pair in runs.windows(2) {
                    assert_eq!(pair[0].to, pair[1].from, "{}: contiguous", spec.id);
                }
                for w in NARROWEST..=WIDEST {
                    let w = f64::from(w);
                    let run = runs
                        .iter()
                        .find(|r| r.from.is_none_or(|f| f64::from(f) <= w) && r.to.is_none_or(|t| w < f64::from(t)))
                        .expect("a run");
                    assert_eq!(run.height, css_height(&spec, w), "{} at {w}", spec.id);
                    // The 13 px labels stay between 8 and 13 px: fitted, never enlarged.
                    let scale = fitted_scale(&spec, drawn[run.drawing], w);
                    assert!(scale <= 1.0 && scale * 13.0 >= 8.0, "{} at {w}: {scale}", spec.id);
                }
            }
        }
    }
}
