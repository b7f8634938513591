//! A QR code of a link, as inline SVG: the share panel shows it so a phone can open the view.
//!
//! The `qrcode` crate gives the matrix of modules; the drawing is made here, as one `<path>` with
//! one rectangle per run of dark modules in a row, which keeps a 150-byte link's code to a few KB.
//! Dark on light in fixed colours, whatever the page theme: readers need the contrast, and many
//! cannot read an inverted code.

use crate::html;
use crate::html::Html;
use qrcode::{Color, EcLevel, QrCode};

/// Light modules around the code, in modules: the four the standard asks for.
pub const QUIET_ZONE: usize = 4;

/// CSS pixels per module at the default size (the attributes `width` and `height`; CSS may
/// change them, the drawing scales).
const PX_PER_MODULE: usize = 4;

/// Above this many modules a side (version 10), level M's extra redundancy costs more in module
/// size than it gives back; level L then keeps the modules larger on the same screen area.
const MAX_WIDTH_AT_M: usize = 57;

/// `text` as an SVG QR code, described to screen readers as `label`; the encoded text is also in
/// `data-qr`. `None` when the text is too long for any QR code (about 2.9 KB).
pub fn qr_svg(text: &str, label: &str) -> Option<Html> {
    let code = encode(text)?;
    let n = code.width();
    let side = n + 2 * QUIET_ZONE;
    let px = side * PX_PER_MODULE;
    Some(html!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"qr\" role=\"img\" aria-label=\"{}\" data-qr=\"{}\" viewBox=\"0 0 {} {}\" width=\"{}\" height=\"{}\" shape-rendering=\"crispEdges\"><rect width=\"{}\" height=\"{}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{}\"/></svg>",
        label,
        text,
        side,
        side,
        px,
        px,
        side,
        side,
        dark_path(&code.to_colors(), n)
    ))
}

/// The smallest code at level M, or at level L when M needs a large code (or none fits at M).
fn encode(text: &str) -> Option<QrCode> {
    let at_m = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::M).ok();
    match at_m {
        Some(code) if code.width() <= MAX_WIDTH_AT_M => Some(code),
        at_m => {
            let at_l = QrCode::with_error_correction_level(text.as_bytes(), EcLevel::L).ok();
            match (at_m, at_l) {
                (Some(m), Some(l)) if m.width() <= l.width() => Some(m),
                (_, Some(l)) => Some(l),
                (m, None) => m,
            }
        }
    }
}

/// Path data for the dark modules of an `n`-wide matrix (row-major), shifted by the quiet zone:
/// one rectangle per run of dark modules in a row, `h len v1 h -len z`. The first starts with an
/// absolute `M x y`, each later one with `m dx dy` from the start of the one before (where `z`
/// leaves the pen), which keeps the numbers short.
fn dark_path(colors: &[Color], n: usize) -> String {
    let mut d = String::new();
    if n == 0 {
        return d;
    }
    let mut pen: Option<(usize, usize)> = None;
    for (y, row) in colors.chunks(n).enumerate() {
        let mut x = 0;
        while x < row.len() {
            if row[x] != Color::Dark {
                x += 1;
                continue;
            }
            let start = x;
            while x < row.len() && row[x] == Color::Dark {
                x += 1;
            }
            let (sx, sy) = (start + QUIET_ZONE, y + QUIET_ZONE);
            match pen {
                None => d.push_str(&format!("M{sx} {sy}")),
                // Coordinates are below 200, so the differences fit an i64 exactly.
                Some((px, py)) => d.push_str(&format!("m{} {}", sx as i64 - px as i64, sy as i64 - py as i64)),
            }
            let len = x - start;
            d.push_str(&format!("h{len}v1h-{len}z"));
            pen = Some((sx, sy));
        }
    }
    d
}
