//! What a link asked for that could not be shown, in both languages: [`Notice`] and its messages.

use super::{MAX_ECHO_CHARS, MAX_QUERY_BYTES};
use catalogue::CATALOGUE;
use facts::i18n::Lang;

/// Something in a link that was ignored or changed. User text is kept as given (for tests and
/// logs) and shortened only by [`Notice::message`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub enum Notice {
    /// A parameter this page does not know (misspelt, or from another site).
    UnknownParam {
        name: String,
    },
    /// A known parameter with a value outside its fixed set (`lang`, `theme`, `embed`, `cv`, `cf`).
    BadValue {
        param: &'static str,
        value: String,
    },
    /// `chart` or an item of `table` names no chart.
    UnknownChart {
        id: String,
    },
    UnknownFact {
        id: String,
    },
    UnknownSection {
        id: String,
    },
    UnknownTopic {
        id: String,
    },
    UnknownRegion {
        id: String,
    },
    /// `read` names no article.
    UnknownArticle {
        id: String,
    },
    /// `indicator` names no indicator of the open report's facts.
    UnknownIndicator {
        id: String,
    },
    /// The parameter occurs more than once; the first (non-empty) occurrence was used.
    Repeated {
        param: &'static str,
    },
    /// The value was longer than allowed and was cut to `max` characters (`q`, `check`).
    Truncated {
        param: &'static str,
        max: usize,
    },
    /// Invalid `%` escape or invalid UTF-8; the parameter was ignored. `param` is the parameter
    /// name, or the raw (still encoded) key when the key itself is badly encoded.
    BadEncoding {
        param: String,
    },
    /// `embed=1` without a valid chart: the full page is shown instead of an empty frame.
    EmbedWithoutChart,
    /// The query was longer than [`MAX_QUERY_BYTES`]; `len` is its length in bytes. Only the
    /// pairs wholly inside the first [`MAX_QUERY_BYTES`] bytes were read.
    QueryTooLong {
        len: usize,
    },
    /// The catalogue changed since the link was made (`cv` differs).
    StaleCatalogue {
        /// Facts in focus (the chart's, or the selected fact) whose figures changed.
        changed: Vec<&'static str>,
        /// The figures in focus could not be compared one by one: the chart now shows a different
        /// number of facts, the link's chart or fact no longer exists, or `cf` is missing or
        /// malformed.
        unknown_chart_facts: bool,
    },
}

impl Notice {
    /// One sentence for the reader. User values are shortened to [`MAX_ECHO_CHARS`] characters
    /// with control and bidi-override characters replaced, and must be displayed as text.
    pub fn message(&self, lang: Lang) -> String {
        let zh = lang == Lang::Zh;
        match self {
            Notice::UnknownParam { name } => {
                if zh {
                    format!("已忽略未知的链接参数“{}”。", echo(name))
                } else {
                    format!("Ignored the unknown link parameter “{}”.", echo(name))
                }
            }
            Notice::BadValue { param, value } => {
                let expected = expected_values(param);
                if zh {
                    format!("参数“{}”的值“{}”无效，已忽略（可用：{}）。", param, echo(value), expected)
                } else {
                    format!("Ignored “{}” for “{}”: not a valid value (expected {}).", echo(value), param, expected)
                }
            }
            Notice::UnknownChart { id } => unknown(lang, "图表", "chart", id),
            Notice::UnknownFact { id } => unknown(lang, "数据", "figure", id),
            Notice::UnknownSection { id } => unknown(lang, "栏目", "section", id),
            Notice::UnknownTopic { id } => unknown(lang, "主题", "topic", id),
            Notice::UnknownRegion { id } => unknown(lang, "地区", "region", id),
            Notice::UnknownArticle { id } => unknown(lang, "文章", "article", id),
            Notice::UnknownIndicator { id } => unknown(lang, "指标", "indicator", id),
            Notice::Repeated { param } => {
                if zh {
                    format!("参数“{param}”出现多次，已采用第一个值。")
                } else {
                    format!("The parameter “{param}” appears more than once; the first value was used.")
                }
            }
            Notice::Truncated { param, max } => {
                if zh {
                    format!("参数“{param}”过长，已截取前{max}个字符。")
                } else {
                    format!("The parameter “{param}” was too long and was cut to {max} characters.")
                }
            }
            Notice::BadEncoding { param } => {
                if zh {
                    format!("参数“{}”的编码无效，已忽略。", echo(param))
                } else {
                    format!("Ignored the parameter “{}”: it is not validly encoded.", echo(param))
                }
            }
            Notice::EmbedWithoutChart => {
                if zh {
                    "嵌入模式需要指定图表，已显示完整页面。".to_string()
                } else {
                    "Embedding needs a chart, so the full page is shown.".to_string()
                }
            }
            Notice::QueryTooLong { len } => {
                if zh {
                    format!("链接过长（{len}字节），只读取了前{MAX_QUERY_BYTES}字节。")
                } else {
                    format!("The link is too long ({len} bytes); only the first {MAX_QUERY_BYTES} bytes were read.")
                }
            }
            Notice::StaleCatalogue { changed, unknown_chart_facts } => {
                stale_message(lang, changed, *unknown_chart_facts)
            }
        }
    }
}

/// "No chart “x”; ignored." in either language.
pub(super) fn unknown(lang: Lang, what_zh: &str, what_en: &str, id: &str) -> String {
    match lang {
        Lang::Zh => format!("没有名为“{}”的{}，已忽略。", echo(id), what_zh),
        Lang::En => format!("There is no {} “{}”; ignored.", what_en, echo(id)),
    }
}

/// What a fixed-set parameter accepts, for the `BadValue` message.
pub(super) fn expected_values(param: &str) -> &'static str {
    match param {
        "lang" => "zh, en",
        "theme" => "auto, light, dark",
        "embed" => "1, 0",
        "cv" => "6 × [0-9a-z]",
        "cf" => "2 × [0-9a-z_] …",
        _ => "…",
    }
}

/// Names changed facts by their label (our static text), so the reader knows which numbers to
/// re-check.
pub(super) fn stale_message(lang: Lang, changed: &[&'static str], unknown_facts: bool) -> String {
    let zh = lang == Lang::Zh;
    let head =
        if zh { "此链接生成后数据已更新。" } else { "The data has been updated since this link was made." };
    let labels: Vec<&str> =
        changed.iter().map(|id| CATALOGUE.fact(id).map_or(*id, |f| lang.pick(&f.label_zh, &f.label_en))).collect();
    let mut out = head.to_string();
    if !labels.is_empty() {
        if zh {
            out.push_str(&format!("有变化的数字：{}。", labels.join("；")));
        } else {
            out.push_str(&format!(" Changed figures: {}.", labels.join("; ")));
        }
    }
    if unknown_facts {
        out.push_str(if zh {
            "无法逐项比对此链接所指的数字，请对照原文核实。"
        } else {
            " The figures this link points at could not be compared one by one; check them against the source."
        });
    } else if labels.is_empty() {
        out.push_str(if zh {
            "此链接所指的数字没有变化。"
        } else {
            " The figures this link points at are unchanged."
        });
    }
    out
}

/// A user value made safe to show inside a sentence: at most [`MAX_ECHO_CHARS`] characters
/// (the last one "…" when cut), with control, zero-width and bidi-override characters replaced
/// by U+FFFD so the value cannot break lines or reorder the sentence around it.
pub(super) fn echo(s: &str) -> String {
    let total = s.chars().count();
    let keep = if total > MAX_ECHO_CHARS { MAX_ECHO_CHARS - 1 } else { total };
    let mut out: String = s.chars().take(keep).map(|c| if is_unsafe_in_text(c) { '\u{FFFD}' } else { c }).collect();
    if total > MAX_ECHO_CHARS {
        out.push('…');
    }
    out
}

pub(super) fn is_unsafe_in_text(c: char) -> bool {
    c.is_control()
        || matches!(c, '\u{061C}' | '\u{200B}'..='\u{200F}' | '\u{2028}'..='\u{202E}' | '\u{2066}'..='\u{2069}' | '\u{FEFF}')
}
