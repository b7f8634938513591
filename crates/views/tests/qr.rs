//! The share panel's QR code, read back: the SVG's own path data is parsed, drawn into a
//! greyscale image and decoded with `rqrr`, so a pass proves that the drawing (not just the
//! encoder's matrix) carries exactly the link.
#![cfg(not(target_arch = "wasm32"))]

use views::qr::{qr_svg, QUIET_ZONE};

/// Image pixels per module: enough for the decoder's finder-pattern search.
const SCALE: usize = 4;

/// The value of `name="…"` in the SVG's opening tag, with the markup's escapes undone.
fn attr(svg: &str, name: &str) -> String {
    let open = &svg[..svg.find('>').unwrap_or_else(|| panic!("no tag in {svg}"))];
    let key = format!(" {name}=\"");
    let start = open.find(&key).unwrap_or_else(|| panic!("no {name} in {open}")) + key.len();
    let len = open[start..].find('"').unwrap_or_else(|| panic!("{name} is not closed"));
    open[start..start + len]
        .replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// The one `d` attribute of the one `<path>`.
fn path_data(svg: &str) -> &str {
    assert_eq!(svg.matches("<path").count(), 1, "one path: {svg}");
    let at = svg.find("<path").unwrap_or_else(|| unreachable!());
    let rest = &svg[at..];
    let start = rest.find(" d=\"").unwrap_or_else(|| panic!("path has no d")) + 4;
    let len = rest[start..].find('"').unwrap_or_else(|| panic!("d is not closed"));
    &rest[start..start + len]
}

/// The side of the square viewBox, in modules.
fn side(svg: &str) -> usize {
    let vb = attr(svg, "viewBox");
    let parts: Vec<usize> = vb.split(' ').map(|p| p.parse().unwrap_or_else(|_| panic!("viewBox {vb}"))).collect();
    assert_eq!(parts.len(), 4, "viewBox {vb}");
    assert_eq!((parts[0], parts[1]), (0, 0));
    assert_eq!(parts[2], parts[3], "square");
    parts[2]
}

/// Reads path data made of `M x y`, `m dx dy`, `h dx`, `v dy` and `z` (after which the pen is
/// back at the subpath's start, as SVG has it), and returns each closed subpath as
/// the rectangle it must be (x, y, width, height), failing on anything else.
fn rectangles(d: &str) -> Vec<(i64, i64, i64, i64)> {
    let mut tokens: Vec<String> = Vec::new();
    for c in d.chars() {
        if c.is_ascii_alphabetic() {
            tokens.push(c.to_string());
            tokens.push(String::new());
        } else if c == ' ' || c == ',' {
            tokens.push(String::new());
        } else if c == '-' && tokens.last().is_some_and(|t| !t.is_empty()) {
            tokens.push(c.to_string());
        } else {
            match tokens.last_mut() {
                Some(t) => t.push(c),
                None => panic!("path starts with a number: {d}"),
            }
        }
    }
    let tokens: Vec<String> = tokens.into_iter().filter(|t| !t.is_empty()).collect();
    let num = |t: Option<&String>| -> i64 {
        let t = t.unwrap_or_else(|| panic!("missing number in {d}"));
        t.parse().unwrap_or_else(|_| panic!("{t:?} is not an integer in {d}"))
    };
    let mut out = Vec::new();
    let mut points: Vec<(i64, i64)> = Vec::new();
    let mut pen: Option<(i64, i64)> = None;
    let mut i = 0;
    while i < tokens.len() {
        let cmd = tokens[i].as_str();
        let at = || points.last().copied().unwrap_or_else(|| panic!("a line before any move in {d}"));
        match cmd {
            "M" => {
                assert!(points.is_empty(), "M inside an open subpath: {d}");
                points.push((num(tokens.get(i + 1)), num(tokens.get(i + 2))));
                i += 3;
            }
            "m" => {
                assert!(points.is_empty(), "m inside an open subpath: {d}");
                let (px, py) = pen.unwrap_or_else(|| panic!("path starts with a relative move: {d}"));
                points.push((px + num(tokens.get(i + 1)), py + num(tokens.get(i + 2))));
                i += 3;
            }
            "h" => {
                let (x, y) = at();
                points.push((x + num(tokens.get(i + 1)), y));
                i += 2;
            }
            "v" => {
                let (x, y) = at();
                points.push((x, y + num(tokens.get(i + 1))));
                i += 2;
            }
            "z" => {
                assert_eq!(points.len(), 4, "a subpath is a rectangle: {points:?}");
                let xs: Vec<i64> = points.iter().map(|p| p.0).collect();
                let ys: Vec<i64> = points.iter().map(|p| p.1).collect();
                let (x0, x1) = (xs.iter().min().copied().unwrap_or(0), xs.iter().max().copied().unwrap_or(0));
                let (y0, y1) = (ys.iter().min().copied().unwrap_or(0), ys.iter().max().copied().unwrap_or(0));
                // Axis-aligned and closed: it comes back to its start along the other axis.
                assert!(points.iter().all(|p| (p.0 == x0 || p.0 == x1) && (p.1 == y0 || p.1 == y1)), "{points:?}");
                assert!(x1 > x0 && y1 > y0, "not empty: {points:?}");
                out.push((x0, y0, x1 - x0, y1 - y0));
                pen = points.first().copied();
                points.clear();
                i += 1;
            }
            other => panic!("unexpected path command {other:?} in {d}"),
        }
    }
    assert!(points.is_empty(), "an unclosed subpath at the end of {d}");
    out
}

/// The drawing as modules: `true` is dark.
fn modules(svg: &str) -> (usize, Vec<bool>) {
    let n = side(svg);
    let mut grid = vec![false; n * n];
    for (x, y, w, h) in rectangles(path_data(svg)) {
        assert!(x >= 0 && y >= 0 && (x + w) as usize <= n && (y + h) as usize <= n, "inside the viewBox");
        for yy in y..y + h {
            for xx in x..x + w {
                let cell = &mut grid[yy as usize * n + xx as usize];
                assert!(!*cell, "rectangles overlap at {xx},{yy}");
                *cell = true;
            }
        }
    }
    (n, grid)
}

/// Decodes the SVG's drawing; returns the bytes and the error-correction level (rqrr's numbering:
/// 0 = M, 1 = L).
fn decode(svg: &str) -> (Vec<u8>, u16) {
    let (n, grid) = modules(svg);
    // The quiet zone: no dark module within QUIET_ZONE of an edge.
    for y in 0..n {
        for x in 0..n {
            let inside = (QUIET_ZONE..n - QUIET_ZONE).contains(&x) && (QUIET_ZONE..n - QUIET_ZONE).contains(&y);
            assert!(inside || !grid[y * n + x], "dark module {x},{y} in the quiet zone");
        }
    }
    let px = n * SCALE;
    let mut img =
        rqrr::PreparedImage::prepare_from_greyscale(
            px,
            px,
            |x, y| {
                if grid[(y / SCALE) * n + x / SCALE] {
                    0
                } else {
                    255
                }
            },
        );
    let grids = img.detect_grids();
    assert_eq!(grids.len(), 1, "one code found");
    let mut bytes = Vec::new();
    let meta = grids[0].decode_to(&mut bytes).unwrap_or_else(|e| panic!("decodes: {e:?}"));
    (bytes, meta.ecc_level)
}

fn check_round_trip(text: &str) -> (String, u16) {
    let svg = qr_svg(text, "扫码打开此视图").unwrap_or_else(|| panic!("{} bytes encode", text.len())).into_string();
    assert!(!svg.contains("style="), "no style attribute (CSP): {svg}");
    assert!(svg.starts_with("<svg "));
    assert!(svg.ends_with("</svg>"));
    assert_eq!(attr(&svg, "role"), "img");
    assert_eq!(attr(&svg, "aria-label"), "扫码打开此视图");
    assert_eq!(attr(&svg, "data-qr"), text, "data-qr holds the exact text");
    assert!(svg.contains("<rect width=\"") && svg.contains("fill=\"#fff\""), "light background: {svg}");
    assert!(svg.contains("<path fill=\"#000\""), "dark modules: {svg}");
    let (bytes, level) = decode(&svg);
    assert_eq!(String::from_utf8(bytes).as_deref(), Ok(text), "the drawing decodes to the text");
    (svg, level)
}

#[test]
fn a_short_ascii_link_reads_back_at_level_m() {
    let (svg, level) = check_round_trip("https://example.org/dashboard/?chart=gd-5g-stations");
    assert_eq!(level, 0, "level M");
    assert!(svg.len() < 4000, "small: {} bytes", svg.len());
}

#[test]
fn a_link_with_percent_encoded_chinese_and_ampersands_reads_back() {
    let link = "https://example.org/a/b/?lang=en&q=5G%20%E5%9F%BA%E7%AB%99&chart=gd-5g-stations&table=gd-finance%2Csme-shares&cv=a1b2c3";
    let (svg, _) = check_round_trip(link);
    assert!(svg.contains("data-qr=\"https://example.org/a/b/?lang=en&amp;q="), "escaped in the attribute");
}

#[test]
fn raw_utf8_text_reads_back_byte_for_byte() {
    check_round_trip("https://example.org/?q=5G基站&lang=zh");
}

#[test]
fn a_500_byte_link_reads_back_at_level_l() {
    let mut link = String::from("https://example.org/dashboard/?lang=en&table=");
    let mut n = 0;
    while link.len() < 480 {
        link.push_str(&format!("chart-{n}%2C"));
        n += 1;
    }
    link.push_str("&q=%E5%9F%BA");
    while link.len() < 500 {
        link.push('x');
    }
    assert_eq!(link.len(), 500);
    let (svg, level) = check_round_trip(&link);
    assert_eq!(level, 1, "level L for a long link");
    assert!(svg.len() < 40_000, "{} bytes", svg.len());
}

#[test]
fn a_150_byte_link_stays_small() {
    let mut link = String::from("https://example.org/indicators/?lang=en&chart=gd-5g-stations&table=gd-5g-stations&fact=gd-5g-stations-2019&cv=a1b2c3&cf=x1y2z3");
    while link.len() < 150 {
        link.push('0');
    }
    let (svg, level) = check_round_trip(&link);
    assert_eq!(level, 0, "level M");
    assert!(svg.len() < 12_000, "{} bytes", svg.len());
}

#[test]
fn markup_in_the_label_and_text_is_escaped() {
    let svg = qr_svg("https://x.test/?a=\"<b>\"", "<i>label</i> & \"quote\"").unwrap_or_default().into_string();
    assert!(!svg.contains("<b>") && !svg.contains("<i>"), "{svg}");
    assert_eq!(attr(&svg, "aria-label"), "<i>label</i> & \"quote\"");
    assert_eq!(attr(&svg, "data-qr"), "https://x.test/?a=\"<b>\"");
}

#[test]
fn text_too_long_for_any_code_is_none() {
    assert!(qr_svg(&"a".repeat(3000), "x").is_none());
    assert!(qr_svg(&"https://example.org/".repeat(200), "x").is_none());
}
