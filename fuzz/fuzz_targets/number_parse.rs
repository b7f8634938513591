//! The Chinese number parser and scanner: `parse_expr`, `parse_chinese_numeral` and `scan` over
//! any text (build.rs runs them over the report; the catalogue's expressions are hand-written).
//!
//! Checks, beyond "never panics":
//! - `parse_expr`: a parsed value is finite and not negative (signs are not supported); a
//!   percent's counter is "%"; an ordinal is a whole number from 1; a counter has no digits;
//! - `scan`: spans are non-empty, in order, non-overlapping, on char boundaries, and each span's
//!   `text` is its slice of the input; `parse_expr` of a span never panics either.
#![no_main]

use facts::numbers::{parse_chinese_numeral, parse_expr, scan, Form};
use libfuzzer_sys::fuzz_target;

fn check_expr(input: &str) {
    if let Ok(e) = parse_expr(input) {
        assert!(e.value.is_finite() && e.value >= 0.0, "{input:?} -> {e:?}");
        if e.form == Form::Percent {
            assert_eq!(e.counter, "%", "{input:?} -> {e:?}");
        }
        if e.form == Form::Ordinal {
            assert!(e.value >= 1.0 && e.value.fract() == 0.0, "{input:?} -> {e:?}");
        }
        assert!(
            !e.counter.chars().any(|c| c.is_ascii_digit() || ('０'..='９').contains(&c)),
            "digits in the counter: {input:?} -> {e:?}"
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else { return };
    check_expr(text);
    let _ = parse_chinese_numeral(text);

    let spans = scan(text);
    let mut last_end = 0;
    for span in &spans {
        assert!(span.start < span.end, "empty span {span:?} in {text:?}");
        assert!(span.start >= last_end, "overlap or disorder in {spans:?} for {text:?}");
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        assert_eq!(&text[span.start..span.end], span.text, "{text:?}");
        last_end = span.end;
        check_expr(&span.text);
    }
});
