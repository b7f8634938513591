//! The inline drawings (`views::inline_svg::svg`) are plotters' drawings made smaller, never
//! different: every shape and text, read back with what it inherits and the defaults SVG gives,
//! is the one plotters drew. For every chart of every report (the real one and the fixtures), in
//! both languages and at a phone's and a desktop's width.

mod common;

use std::collections::BTreeMap;

use charts::draw::{draw, FONT_FAMILY, LIGHT};
use charts::layout::{css_height, layout};
use charts::registry::build;
use facts::i18n::Lang;
use plotters::prelude::*;
use views::inline_svg::{hex, roles, svg, theme_vars, themed, PLACEHOLDERS, TICK_CLASS};

/// One drawn element as the browser would take it: its name (a two-point line is a `line`
/// whichever element draws it) and its attributes, with what the root gives (font, size, fill of
/// a text) and SVG's defaults filled in; a text's content without surrounding white space.
type Drawn = (String, BTreeMap<String, String>, String);

fn read_back(doc: &str) -> Vec<Drawn> {
    let mut root = BTreeMap::new();
    let mut out = Vec::new();
    for part in doc.split('<').skip(1) {
        let (tag, content) = part.split_once('>').expect("a closed tag");
        if tag.starts_with('/') || tag.starts_with('?') || tag.starts_with('!') {
            continue;
        }
        let tag = tag.trim_end_matches('/');
        let (name, attrs) = tag.split_once(' ').unwrap_or((tag, ""));
        let mut map = BTreeMap::new();
        for pair in attrs.split("\" ").map(str::trim).filter(|p| !p.is_empty()) {
            let (k, v) = pair.split_once("=\"").expect("name=\"value\"");
            map.insert(k.to_string(), v.trim_end_matches('"').to_string());
        }
        match name {
            "svg" => {
                root = map;
                // The font comes from the page's style, for every drawing (`theme_vars`).
                root.entry("font-family".into()).or_insert_with(|| FONT_FAMILY.to_string());
                continue;
            }
            "text" => {
                for key in ["font-family", "font-size", "fill"] {
                    if let Some(v) = root.get(key) {
                        map.entry(key.to_string()).or_insert_with(|| v.clone());
                    }
                }
                map.entry("text-anchor".into()).or_insert_with(|| "start".into());
                out.push((name.to_string(), map, content.trim().to_string()));
            }
            "polyline" | "path" => {
                map.entry("stroke-width".into()).or_insert_with(|| "1".into());
                // A path may hold several lines (one per move): each is read as its own line.
                let lines: Vec<Vec<(String, String)>> = match name {
                    "polyline" => vec![map
                        .remove("points")
                        .expect("points")
                        .split_whitespace()
                        .map(|p| p.split_once(',').map(|(x, y)| (x.to_string(), y.to_string())).expect("x,y"))
                        .collect()],
                    _ => {
                        let d = map.remove("d").expect("d");
                        d.split('M').filter(|l| !l.is_empty()).map(|l| path_points(&format!("M{l}"))).collect()
                    }
                };
                for points in lines {
                    let mut map = map.clone();
                    let name = if points.len() == 2 { "line" } else { name };
                    map.insert("points".into(), format!("{points:?}"));
                    out.push((name.to_string(), map, String::new()));
                }
            }
            _ => out.push((name.to_string(), map, String::new())),
        }
    }
    out
}

/// The points of a path of one move and straight segments (M, L, H, V, absolute).
fn path_points(d: &str) -> Vec<(String, String)> {
    let mut points: Vec<(String, String)> = Vec::new();
    let mut rest = d;
    while let Some(c) = rest.chars().next() {
        let end = rest[1..].find(|ch: char| ch.is_ascii_alphabetic()).map_or(rest.len(), |e| e + 1);
        let args: Vec<&str> = rest[1..end].split_whitespace().collect();
        let last = points.last().cloned().unwrap_or_default();
        points.push(match (c, args.as_slice()) {
            ('M' | 'L', [x, y]) => (x.to_string(), y.to_string()),
            ('H', [x]) => (x.to_string(), last.1),
            ('V', [y]) => (last.0, y.to_string()),
            other => panic!("not a straight path: {other:?} in {d}"),
        });
        rest = &rest[end..];
    }
    points
}

#[test]
fn the_inline_drawing_is_plotters_drawing_made_smaller() {
    for report in common::reports() {
        for def in &report.catalogue.charts {
            for lang in [Lang::Zh, Lang::En] {
                let Ok(spec) = build(def, &report.catalogue, lang) else { continue };
                for width in [294.0, 1134.0] {
                    for theme in [&LIGHT, &PLACEHOLDERS] {
                        let height = css_height(&spec, width);
                        let mut plotters_svg = String::new();
                        {
                            let root = SVGBackend::with_string(&mut plotters_svg, (width as u32, height as u32))
                                .into_drawing_area();
                            let _ = draw(&root, &layout(&spec, width, height, 1.0), theme);
                        }
                        let plotters_svg = views::downloads::svg_font_sizes_in_px(&plotters_svg)
                            .replace(" opacity=\"1\"", "")
                            .replace(" stroke=\"none\"", "");
                        let inline = svg(&spec, width, theme, "x");
                        let (want, got) = (read_back(&plotters_svg), read_back(&inline));
                        assert_eq!(want.len(), got.len(), "{} {}", report.name, def.id);
                        for (w, g) in want.iter().zip(&got) {
                            assert_eq!(w, g, "{} {} {width}", report.name, def.id);
                        }
                        assert!(
                            inline.len() < plotters_svg.len() * 9 / 10,
                            "{}: {} of {}",
                            def.id,
                            inline.len(),
                            plotters_svg.len()
                        );
                    }
                }
            }
        }
    }
}

/// A page's drawing (`themed`) names its tick labels' size and colour by a class, which the page's
/// style (`theme_vars`) sets: read back with the style's values, it is the drawing in variables.
#[test]
fn tick_labels_keep_their_size_and_colour_through_their_class() {
    let css = theme_vars(".x");
    let rule =
        css.split(&format!(".x .{TICK_CLASS}{{")).nth(1).and_then(|r| r.split('}').next()).expect("the class's rule");
    let attributes: Vec<String> = rule
        .split(';')
        .map(|declaration| declaration.split_once(':').expect("property:value"))
        .map(|(k, v)| format!("{k}=\"{}\"", v.trim_end_matches("px")))
        .collect();
    let attributes = attributes.join(" ");
    let mut classed = 0;
    for report in common::reports() {
        for def in &report.catalogue.charts {
            for lang in [Lang::Zh, Lang::En] {
                let Ok(spec) = build(def, &report.catalogue, lang) else { continue };
                for width in [294.0, 1134.0] {
                    let drawn = svg(&spec, width, &PLACEHOLDERS, "x");
                    let page = themed(&drawn);
                    classed += page.matches(&format!("class=\"{TICK_CLASS}\"")).count();
                    let in_variables = roles().iter().fold(drawn.clone(), |s, (role, placeholder, _, _)| {
                        s.replace(&hex(*placeholder), &format!("var(--chart-{role})"))
                    });
                    assert_eq!(
                        page.replace(&format!("class=\"{TICK_CLASS}\""), &attributes),
                        in_variables,
                        "{}",
                        def.id
                    );
                }
            }
        }
    }
    assert!(classed > 100, "tick labels carry the class ({classed})");
    // The font the drawings leave off, the style names.
    assert!(css.starts_with(&format!(".x{{font-family:{};", FONT_FAMILY.replace(", ", ","))), "{css}");
}
