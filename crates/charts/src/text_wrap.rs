//! Lines of text that fit a width: words kept whole (a word wider than the line broken), Chinese
//! broken between characters, punctuation kept with its neighbours. Widths are `text_width`'s
//! estimates, so a line measured here fits where it is drawn (charts, downloads).

use crate::text_width;

/// Punctuation that must not start a line: it stays with what comes before it.
fn closes(c: char) -> bool {
    "，。、；：！？）》」』】”’…,.;:!?)]%".contains(c)
}

/// Punctuation that must not end a line: it stays with what comes after it.
fn opens(c: char) -> bool {
    "（《「『【“‘([".contains(c)
}

/// Chinese characters (and other wide or dash characters) may break anywhere; other text only
/// at spaces.
fn breaks_anywhere(c: char) -> bool {
    (c as u32) >= 0x2E80 || matches!(c, '—' | '–' | '≈' | '+')
}

/// Splits `text` into lines no wider than `max_px` at `font_px` (by `text_width::estimate`):
/// at spaces, and between Chinese characters, never before closing or after opening
/// punctuation. A word wider than the line is broken where it must be.
pub fn wrap(text: &str, font_px: f64, max_px: f64) -> Vec<String> {
    // Unbreakable pieces, each with whether a space precedes it.
    let mut pieces: Vec<(String, bool)> = Vec::new();
    let mut space = false;
    let mut in_word = false;
    let mut glue = false;
    for c in text.chars() {
        if c.is_whitespace() {
            space = !pieces.is_empty();
            in_word = false;
            glue = false;
            continue;
        }
        let attach = match pieces.last_mut() {
            Some(last) if !space && (glue || (closes(c) && !opens(c)) || (in_word && !breaks_anywhere(c))) => {
                last.0.push(c);
                true
            }
            _ => false,
        };
        if !attach {
            pieces.push((c.to_string(), space));
        }
        glue = opens(c);
        in_word = !breaks_anywhere(c);
        space = false;
    }

    let mut lines: Vec<String> = Vec::new();
    let mut line = String::new();
    for (piece, spaced) in pieces {
        let candidate = if line.is_empty() {
            piece.clone()
        } else if spaced {
            format!("{line} {piece}")
        } else {
            format!("{line}{piece}")
        };
        if text_width::estimate(&candidate, font_px) <= max_px || line.is_empty() && fits_alone(&piece, font_px, max_px)
        {
            line = candidate;
            continue;
        }
        if !line.is_empty() {
            lines.push(std::mem::take(&mut line));
        }
        if fits_alone(&piece, font_px, max_px) {
            line = piece;
        } else {
            // Too wide for any line: break it by character.
            for c in piece.chars() {
                let mut next = line.clone();
                next.push(c);
                if !line.is_empty() && text_width::estimate(&next, font_px) > max_px {
                    lines.push(std::mem::take(&mut line));
                    line.push(c);
                } else {
                    line = next;
                }
            }
        }
    }
    if !line.is_empty() {
        lines.push(line);
    }
    lines
}

fn fits_alone(piece: &str, font_px: f64, max_px: f64) -> bool {
    text_width::estimate(piece, font_px) <= max_px
}

#[cfg(test)]
mod tests {
    use super::wrap;
    use crate::text_width::estimate;

    #[test]
    fn lines_fit_and_keep_every_character() {
        let zh = "虚线箭头表示下限：报告只说“以上”或“超过”，实际值可能更高。";
        let en = "A dashed arrow marks a lower bound: the report says \"at least\" or \"more than\", so the true value may be higher.";
        for (text, joiner) in [(zh, ""), (en, " ")] {
            for max in [60.0, 120.0, 200.0, 1000.0] {
                let lines = wrap(text, 12.0, max);
                for l in &lines {
                    assert!(estimate(l, 12.0) <= max, "{l:?} wider than {max}");
                }
                assert_eq!(lines.join(joiner), text, "at {max}");
            }
        }
        assert_eq!(wrap(zh, 12.0, 10_000.0), vec![zh.to_string()]);
        assert!(wrap("", 12.0, 100.0).is_empty());
    }

    #[test]
    fn punctuation_stays_with_its_neighbours() {
        let text = "虚线箭头表示下限：报告只说“以上”或“超过”，实际值可能更高。";
        for max in [48.0, 60.0, 72.0, 84.0, 96.0] {
            for l in wrap(text, 12.0, max) {
                let first = l.chars().next().unwrap_or(' ');
                let last = l.chars().last().unwrap_or(' ');
                assert!(!"：，。”".contains(first), "{l:?} starts with closing punctuation");
                assert!(last != '“', "{l:?} ends with an opening quote");
            }
        }
        // Numbers are not split.
        assert!(wrap("Guangdong has 1,400 parks and 36,988 stations", 12.0, 60.0).iter().any(|l| l.contains("36,988")));
    }

    #[test]
    fn over_long_words_are_broken() {
        let lines = wrap("Supercalifragilisticexpialidocious", 10.0, 40.0);
        assert!(lines.len() > 1);
        assert_eq!(lines.concat(), "Supercalifragilisticexpialidocious");
    }
}
