//! The markup this step puts into a page (the boot shell, the list of reports), written the way
//! Trunk's minifier writes the rest of the page: an attribute value that needs no quotes goes
//! without them (`class=lede`), and an empty one is left off (`disabled`, which HTML reads as the
//! empty value). About 0.15 KB gzipped of the first load.
//!
//! Only for markup this program wrote: `views::html` templates and plotters' drawings escape `"`,
//! `<` and `>` in every text and value, so a `"` can only open or close an attribute's value and
//! a `>` outside one only ends a tag. The text of `<style>` and `<script>` is copied as it is.

/// `markup` with its attribute values as short as HTML reads them the same (see the module).
pub fn compact_attributes(markup: &str) -> String {
    let mut out = String::with_capacity(markup.len());
    let mut rest = markup;
    while let Some(open) = rest.find('<') {
        out.push_str(&rest[..open]);
        rest = &rest[open..];
        let end = tag_end(rest);
        let tag = &rest[..end];
        out.push_str(&compact_tag(tag));
        rest = &rest[end..];
        // Raw text runs to its closing tag, whatever it holds.
        if let Some(name) = raw_text_element(tag) {
            let close = find_ascii_case_insensitive(rest, &format!("</{name}")).unwrap_or(rest.len());
            out.push_str(&rest[..close]);
            rest = &rest[close..];
        }
    }
    out.push_str(rest);
    out
}

/// The length of the tag `text` starts with: up to its `>` outside a quoted value (all of `text`
/// when it has none).
fn tag_end(text: &str) -> usize {
    let mut quote = None;
    for (i, c) in text.char_indices() {
        match (quote, c) {
            (None, '"' | '\'') => quote = Some(c),
            (Some(q), c) if c == q => quote = None,
            (None, '>') => return i + 1,
            _ => {}
        }
    }
    text.len()
}

/// `script` or `style` for their start tags, whose content is raw text.
fn raw_text_element(tag: &str) -> Option<&'static str> {
    let name: String = tag[1..].chars().take_while(|c| c.is_ascii_alphanumeric()).collect();
    ["script", "style"].into_iter().find(|raw| name.eq_ignore_ascii_case(raw))
}

fn find_ascii_case_insensitive(haystack: &str, needle: &str) -> Option<usize> {
    haystack.to_ascii_lowercase().find(&needle.to_ascii_lowercase())
}

/// One tag with its double-quoted values compacted where the next character keeps the value's end
/// clear (a space or the tag's `>`: before `/>` an unquoted value would take the `/`).
fn compact_tag(tag: &str) -> String {
    // A `'` can only be a single-quoted value's (text writes it `&#39;`): such a tag is left as is.
    if tag.contains('\'') {
        return tag.to_string();
    }
    let mut out = String::with_capacity(tag.len());
    let mut rest = tag;
    while let Some(at) = rest.find("=\"") {
        out.push_str(&rest[..at]);
        let value_start = at + 2;
        let Some(len) = rest[value_start..].find('"') else {
            // Not markup of this program: leave it as it is.
            out.push_str(&rest[at..]);
            return out;
        };
        let value = &rest[value_start..value_start + len];
        let after = &rest[value_start + len + 1..];
        let clear_end = after.starts_with(|c: char| c.is_ascii_whitespace() || c == '>');
        if value.is_empty() && clear_end {
            // `disabled=""` is `disabled`.
        } else if clear_end && needs_no_quotes(value) {
            out.push('=');
            out.push_str(value);
        } else {
            out.push_str(&rest[at..value_start + len + 1]);
        }
        rest = after;
    }
    out.push_str(rest);
    out
}

/// An unquoted attribute value may hold anything but white space, quotes, `=`, `<`, `>` and `` ` ``.
fn needs_no_quotes(value: &str) -> bool {
    !value.is_empty() && !value.chars().any(|c| c.is_ascii_whitespace() || "\"'=<>`".contains(c))
}

#[cfg(test)]
mod tests {
    use super::compact_attributes;

    #[test]
    fn values_lose_the_quotes_they_do_not_need() {
        assert_eq!(
            compact_attributes(r#"<button class="theme-toggle" disabled="" tabindex="-1">深色</button>"#),
            "<button class=theme-toggle disabled tabindex=-1>深色</button>"
        );
        // Spaces, `=` and the other characters an unquoted value cannot hold keep the quotes.
        let kept = r#"<div class="a b" data-q="x=y" data-t="`" data-u="<"></div>"#;
        assert_eq!(compact_attributes(kept), kept);
        // A character reference reads the same without quotes.
        assert_eq!(compact_attributes(r#"<i title="it&#39;s"></i>"#), "<i title=it&#39;s></i>");
        assert_eq!(compact_attributes(r#"<a href="x.html?a=1">a</a>"#), r#"<a href="x.html?a=1">a</a>"#);
        assert_eq!(compact_attributes(r#"<a href="x.html#f">a &amp; b</a>"#), "<a href=x.html#f>a &amp; b</a>");
    }

    #[test]
    fn a_value_before_a_self_closing_slash_keeps_its_quotes() {
        assert_eq!(
            compact_attributes(r#"<svg viewBox="0 0 9 9"><circle r="4" cx="4"/><path d="M1 1" fill=""/></svg>"#),
            r#"<svg viewBox="0 0 9 9"><circle r=4 cx="4"/><path d="M1 1" fill=""/></svg>"#
        );
    }

    #[test]
    fn text_and_raw_text_are_left_as_they_are() {
        // Text can hold `="` only escaped; raw text may hold anything.
        let text = r#"<p class="x">a=&quot;b&quot; &gt; c</p>"#;
        assert_eq!(compact_attributes(text), r#"<p class=x>a=&quot;b&quot; &gt; c</p>"#);
        let raw = r#"<style>a[x="y"]{b:c}</style><script type="application/json">{"k":"v","a":"="}</script><i class="z"></i>"#;
        assert_eq!(
            compact_attributes(raw),
            r#"<style>a[x="y"]{b:c}</style><script type=application/json>{"k":"v","a":"="}</script><i class=z></i>"#
        );
        assert_eq!(compact_attributes("no tags at all"), "no tags at all");
        assert_eq!(compact_attributes(r#"<b title="unclosed"#), r#"<b title="unclosed"#);
        let single = r#"<i data-a='x="y"' class="c"></i>"#;
        assert_eq!(compact_attributes(single), single);
    }
}
