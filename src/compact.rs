//! Shrinks the page's own text when it is published: comments and layout whitespace go from the
//! inlined CSS, the inline scripts and the HTML around them. The sources keep their comments; a
//! reader's first load does not carry them (about 1.5 KB gzipped). Native only.
//!
//! Deliberately conservative: nothing here rewrites what the code says. CSS loses comments and
//! the spaces around `{ } ; , >` and after `:`; scripts (inline, and the `.js` files beside the
//! page: wasm-bindgen's glue) lose whole-line `//` comments, doc blocks and indentation; the HTML
//! loses comments and indentation.

use crate::publish::{elements, PublishError};

/// `css` without comments and layout whitespace.
pub fn css(css: &str) -> String {
    let mut out = String::with_capacity(css.len());
    let mut rest = css;
    // Comments first, then whitespace collapsed to single spaces.
    while let Some(start) = rest.find("/*") {
        out.push_str(&rest[..start]);
        rest = match rest[start + 2..].find("*/") {
            Some(end) => &rest[start + 2 + end + 2..],
            None => "",
        };
        out.push(' ');
    }
    out.push_str(rest);
    let collapsed = out.split_whitespace().collect::<Vec<_>>().join(" ");
    let mut tight = String::with_capacity(collapsed.len());
    let chars: Vec<char> = collapsed.chars().collect();
    for (i, &c) in chars.iter().enumerate() {
        if c == ' ' {
            let prev = i.checked_sub(1).and_then(|p| chars.get(p)).copied();
            let next = chars.get(i + 1).copied();
            // A space next to a delimiter says nothing; a space before `:` may (`a :hover`).
            let around = |d: Option<char>| matches!(d, Some('{' | '}' | ';' | ',' | '>'));
            if around(prev) || around(next) || prev == Some(':') {
                continue;
            }
        }
        tight.push(c);
    }
    tight.replace(";}", "}").trim().to_string()
}

/// A script without whole-line `//` comments, `/** ... */` doc blocks that start a line,
/// indentation and blank lines. (No multi-line template literal may span an indented line: the
/// inline scripts and wasm-bindgen's glue have none, and a browser test runs both.)
pub fn script(js: &str) -> String {
    let mut in_doc = false;
    let mut out = Vec::new();
    for line in js.lines().map(str::trim) {
        if in_doc || line.starts_with("/**") {
            in_doc = !line.contains("*/");
            continue;
        }
        if !line.is_empty() && !line.starts_with("//") {
            out.push(line);
        }
    }
    out.join("\n")
}

/// Markup without comments or indentation (a newline stays where there was one, so inline
/// elements keep the space between them).
fn markup(html: &str) -> String {
    let mut out = String::with_capacity(html.len());
    let mut rest = html;
    while let Some(start) = rest.find("<!--") {
        out.push_str(&rest[..start]);
        rest = match rest[start..].find("-->") {
            Some(end) => &rest[start + end + 3..],
            None => "",
        };
    }
    out.push_str(rest);
    out.lines().map(str::trim).filter(|l| !l.is_empty()).collect::<Vec<_>>().join("\n")
}

/// `html` with its `<style>` and inline `<script>` text compacted, and the markup between.
pub fn page(html: &str) -> Result<String, PublishError> {
    let mut out = String::with_capacity(html.len());
    let mut at = 0;
    for e in elements(html)? {
        let Some((start, end)) = e.content else { continue };
        let text = &html[start..end];
        let compacted = match e.name.as_str() {
            "style" => css(text),
            "script" if e.attr("src").is_none() && !e.attr("type").is_some_and(|t| t.contains("octet-stream")) => {
                script(text)
            }
            // Data (the offline copy's base64) and `src` scripts: as they are.
            _ => text.to_string(),
        };
        out.push_str(&markup(&html[at..start]));
        out.push_str(&compacted);
        at = end;
    }
    out.push_str(&markup(&html[at..]));
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn css_loses_comments_and_layout_but_not_meaning() {
        let src = "/* a */ .a > .b , .c { color : red ; margin: 0 auto; }\n@media (max-width: 700px) {\n  :root:not([x]) { --v: calc(100% - 4px); }\n}\n.d :hover { x: y }";
        assert_eq!(
            css(src),
            ".a>.b,.c{color :red;margin:0 auto}@media (max-width:700px){:root:not([x]){--v:calc(100% - 4px)}}.d :hover{x:y}"
        );
    }

    #[test]
    fn scripts_lose_line_comments_and_indentation_only() {
        let src = "  // why\n  var a = 'x // y';\n\n    f(a); // kept: not a whole line\n  /**\n   * @param {x} a\n   */\n  g(); /** inline */\n";
        assert_eq!(script(src), "var a = 'x // y';\nf(a); // kept: not a whole line\ng(); /** inline */");
    }

    #[test]
    fn pages_keep_their_elements_and_the_text_of_data_scripts() {
        let html = "<!doctype html>\n<html>\n  <!-- note -->\n  <style>/* c */ a { b: c; }</style>\n  <script>\n    // c\n    go();\n  </script>\n  <script type=\"application/octet-stream\" id=\"x\">  AA\n  BB </script>\n  <p>one <b>two</b>\n  three</p>\n</html>";
        assert_eq!(
            page(html).expect("page"),
            "<!doctype html>\n<html>\n<style>a{b:c}</style>\n<script>go();</script>\n<script type=\"application/octet-stream\" id=\"x\">  AA\n  BB </script>\n<p>one <b>two</b>\nthree</p>\n</html>"
        );
    }
}
