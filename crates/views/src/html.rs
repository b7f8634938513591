//! Markup that is escaped by construction.
//!
//! [`Html`] is the only thing the page writes into `innerHTML` (see `components::write_html`),
//! and text becomes `Html` only by being escaped. Markup is written with [`html!`], whose template
//! must be a string literal of this program with plain `{}` holes: each value put into a hole is
//! escaped, unless it already is `Html` (built the same way), which goes in as it is. A template
//! that names its holes (`{name}`, captured straight from scope) is refused at compile time,
//! since such a value would skip the escaping. [`Html::trusted`] is the one way around it, for
//! markup made elsewhere by this program (the prerendered SVG drawing, the on-demand module's
//! paragraphs); each call says why its input is markup.

use std::fmt;

/// A piece of markup: escaped text, markup from this program's templates, or both.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Html(String);

impl Html {
    /// Text, escaped.
    pub fn text(text: &str) -> Html {
        Html(escape(text))
    }

    /// Markup as given. Only for markup this program made by other means than [`html!`]; never
    /// for text from a reader, a link or a report.
    pub fn trusted(markup: String) -> Html {
        Html(markup)
    }

    pub fn as_str(&self) -> &str {
        &self.0
    }

    pub fn into_string(self) -> String {
        self.0
    }

    pub fn is_empty(&self) -> bool {
        self.0.is_empty()
    }

    /// Appends markup.
    pub fn push(&mut self, more: &Html) {
        self.0.push_str(&more.0);
    }
}

/// Reading markup as text is always safe; only making it is guarded.
impl std::ops::Deref for Html {
    type Target = str;
    fn deref(&self) -> &str {
        &self.0
    }
}

impl fmt::Display for Html {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl PartialEq<&str> for Html {
    fn eq(&self, other: &&str) -> bool {
        self.0 == *other
    }
}

impl FromIterator<Html> for Html {
    fn from_iter<I: IntoIterator<Item = Html>>(parts: I) -> Html {
        let mut out = Html::default();
        for p in parts {
            out.push(&p);
        }
        out
    }
}

/// Escapes text for use between tags and inside double-quoted attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            c => out.push(c),
        }
    }
    out
}

/// How a value goes into a hole of [`html!`]: text escaped, `Html` as it is.
pub trait Part {
    fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result;
}

impl Part for Html {
    fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl Part for str {
    fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&escape(self))
    }
}

impl Part for String {
    fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.as_str().write_part(f)
    }
}

impl<T: Part + ?Sized> Part for &T {
    fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        (**self).write_part(f)
    }
}

/// Numbers and flags hold no markup characters.
macro_rules! plain_parts {
    ($($t:ty),*) => {$(
        impl Part for $t {
            fn write_part(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                fmt::Display::fmt(self, f)
            }
        }
    )*};
}
plain_parts!(usize, u32, i64, f64, bool);

/// A value in a hole of [`html!`] (the macro wraps each one).
pub struct Escaped<'a, T: ?Sized>(pub &'a T);

impl<T: Part + ?Sized> fmt::Display for Escaped<'_, T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        self.0.write_part(f)
    }
}

/// True when every hole of the template is a plain `{}` (`{{` and `}}` are literal braces).
pub const fn positional_only(template: &str) -> bool {
    let b = template.as_bytes();
    let mut i = 0;
    while i < b.len() {
        if b[i] == b'{' {
            if i + 1 < b.len() && (b[i + 1] == b'{' || b[i + 1] == b'}') {
                i += 2;
                continue;
            }
            return false;
        }
        i += 1;
    }
    true
}

/// Markup from a template literal with `{}` holes; see the module documentation.
///
/// ```
/// let name = "<b>";
/// assert_eq!(views::html!("<p>{}</p>", name).as_str(), "<p>&lt;b&gt;</p>");
/// ```
///
/// A named hole would take the value from scope unescaped, so it does not compile:
///
/// ```compile_fail
/// let name = "<b>";
/// let _ = views::html!("<p>{name}</p>");
/// ```
#[macro_export]
macro_rules! html {
    ($template:literal $(, $part:expr)* $(,)?) => {{
        const _: () = assert!(
            $crate::html::positional_only($template),
            "html!: use plain {{}} holes and pass each value, so that it is escaped"
        );
        $crate::html::Html::trusted(format!($template $(, $crate::html::Escaped(&$part))*))
    }};
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_is_escaped_and_markup_is_not() {
        let inner = crate::html!("<b>{}</b>", "<i>");
        assert_eq!(inner.as_str(), "<b>&lt;i&gt;</b>");
        let outer = crate::html!("<p title=\"{}\">{}{}</p>", "a\"b", inner, 3usize);
        assert_eq!(outer.as_str(), "<p title=\"a&quot;b\"><b>&lt;i&gt;</b>3</p>");
        assert_eq!(Html::text("'&'").as_str(), "&#39;&amp;&#39;");
        assert_eq!(escape(r#"<b a="1">'&'</b>"#), "&lt;b a=&quot;1&quot;&gt;&#39;&amp;&#39;&lt;/b&gt;");
        assert_eq!(escape("4.1万座"), "4.1万座");
    }

    #[test]
    fn only_plain_holes_are_allowed() {
        assert!(positional_only("<p>{}</p>{{literal}}"));
        assert!(!positional_only("<p>{name}</p>"));
        assert!(!positional_only("<p>{0}</p>"));
        assert!(!positional_only("<p>{:?}</p>"));
    }

    #[test]
    fn parts_join() {
        let list: Html = ["a<", "b"].iter().map(|s| crate::html!("<li>{}</li>", s)).collect();
        assert_eq!(list.as_str(), "<li>a&lt;</li><li>b</li>");
    }
}
