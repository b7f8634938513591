//! Text width estimates for chart layout.
//!
//! plotters measures text in the browser by inserting a `<span>` and forcing a layout, once per
//! label per draw; estimating instead keeps redraws cheap and makes layout testable natively.
//! The estimates err on the wide side so labels never collide.

/// Estimated width in pixels of `text` at `font_px`.
pub fn estimate(text: &str, font_px: f64) -> f64 {
    text.chars().map(char_em).sum::<f64>() * font_px
}

fn char_em(c: char) -> f64 {
    match c {
        ' ' => 0.3,
        '.' | ',' | ':' | ';' | '\'' | '|' | '!' | 'i' | 'l' | 'j' | '(' | ')' => 0.32,
        '0'..='9' => 0.58,
        '%' => 0.9,
        'A'..='Z' => 0.7,
        'm' | 'w' => 0.85,
        c if c.is_ascii() => 0.56,
        // CJK ideographs, full-width punctuation and everything else: a full em.
        _ => 1.0,
    }
}

#[cfg(test)]
mod tests {
    use super::estimate;

    #[test]
    fn chinese_is_a_full_em_per_character() {
        assert_eq!(estimate("税收占比", 10.0), 40.0);
    }

    #[test]
    fn latin_is_narrower_than_chinese() {
        assert!(estimate("GDP", 10.0) < estimate("国内生产", 10.0));
        assert!(estimate("50%", 12.0) > 0.0);
    }
}
