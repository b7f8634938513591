//! What a number is about: the words around it in the sentence against the words a fact is
//! described by (its labels, the piece of its quote that states it, its gloss, its unit, its
//! indicator), in both languages. A word of the sentence that the fact's words do not have ("出口"
//! against the share of technical innovation) means the sentence speaks of something else.
//!
//! Chinese has no spaces, so the sentence's words are found by the fact's own: the longest pieces
//! of two characters or more that the fact's text contains. What is left over, less the words
//! that say nothing of the subject (的, 达到, 全省 …), is a word the fact does not have.

use facts::numbers;
use facts::{Catalogue, Fact};

/// The words a fact is described by.
#[derive(Clone, Debug, Default)]
pub struct Vocabulary {
    /// Its labels, in Chinese, and in English as word stems.
    label_zh: String,
    label_en: Vec<String>,
    /// The piece of its quote that states it, its unit's name and its region's: Chinese.
    other_zh: String,
    /// Its gloss, its unit's and region's English names, its indicator's id: English stems.
    other_en: Vec<String>,
}

/// How a stretch of a sentence compares with a fact's words.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Compared {
    /// Words found in the fact's labels: what the fact is about.
    pub on_label: Vec<String>,
    /// Words found elsewhere in its description.
    pub elsewhere: Vec<String>,
    /// Words the fact's description does not have.
    pub foreign: Vec<String>,
}

impl Compared {
    /// The sentence speaks of what the fact measures: it shares a word with its label and has no
    /// word of its own the fact lacks.
    pub fn agrees(&self) -> bool {
        !self.on_label.is_empty() && self.foreign.is_empty()
    }

    /// How closely: by the length of what is shared (a Chinese character, or half an English
    /// word), label words counting twice, so that a description found in fewer, longer pieces
    /// does not lose to one found in many short ones.
    pub fn score(&self) -> f64 {
        let size = |w: &String| if w.is_ascii() { 2.0 } else { w.chars().count() as f64 };
        2.0 * self.on_label.iter().map(size).sum::<f64>() + self.elsewhere.iter().map(size).sum::<f64>()
    }
}

/// The words `fact` (of `catalogue`) is described by.
pub fn vocabulary(catalogue: &Catalogue, fact: &Fact) -> Vocabulary {
    let unit = catalogue.unit(&fact.unit);
    let region = catalogue.region(&fact.region);
    let label_zh = plain(&format!("{}|{}", fact.label_zh, fact.short_zh));
    let label_en = stems(&format!("{} {} {}", fact.label_en, fact.short_en, fact.indicator.as_deref().unwrap_or("")));
    let (lead, piece) = quote_piece(&fact.quote, &fact.expr);
    // Not its topic: a topic ("广东减税降费与中小企业融资") is wider than any one of its figures.
    let other_zh = plain(&format!(
        "{lead}|{piece}|{}|{}",
        unit.map_or("", |u| u.zh.as_str()),
        region.map_or("", |r| r.zh.as_str())
    ));
    let other_en = stems(&format!(
        "{} {} {}",
        fact.gloss_en,
        unit.map_or("", |u| u.en.as_str()),
        region.map_or("", |r| r.en.as_str())
    ));
    Vocabulary { label_zh, label_en, other_zh, other_en }
}

/// The piece of `quote` that states `expr`: its clause (to the nearest ，；。), narrowed to the
/// items of a list (、) when other items state other numbers ("超过6000家工业企业…、50万家中小企业
/// …"), the items before it that state none kept (they are its subject: "工业和信息化部联合…、
/// 科技部、财政部等17个部门"). Returned as (the words that lead the list, the piece).
pub fn quote_piece<'q>(quote: &'q str, expr: &str) -> (&'q str, &'q str) {
    let Some(at) = quote.find(expr) else { return ("", quote) };
    let is_stop = |c: char| "，；。,;".contains(c);
    let start = quote[..at].rfind(is_stop).map_or(0, |i| i + quote[i..].chars().next().map_or(1, char::len_utf8));
    let end = quote[at..].find(is_stop).map_or(quote.len(), |i| at + i);
    let clause = &quote[start..end];
    let mut bounds = Vec::new();
    let mut from = 0;
    for (i, _) in clause.match_indices('、') {
        bounds.push((from, i));
        from = i + '、'.len_utf8();
    }
    bounds.push((from, clause.len()));
    let here = at - start;
    let Some(mine) = bounds.iter().position(|(s, e)| *s <= here && here < *e) else { return ("", clause) };
    let states_number = |(s, e): (usize, usize)| !numbers::scan(&clause[s..e]).is_empty();
    let mut first = mine;
    while first > 0 && !states_number(bounds[first - 1]) {
        first -= 1;
    }
    let mut last = mine;
    while last + 1 < bounds.len() && !states_number(bounds[last + 1]) {
        last += 1;
    }
    // The words before the list's first number lead every item ("培育了3个5G产业园、8个省…园区").
    let lead = numbers::scan(clause).first().map_or("", |n| &clause[..n.start.min(bounds[first].0)]);
    (lead, &clause[bounds[first].0..bounds[last].1])
}

/// Whether `sentence` names what `unit` counts, when its name says ("3600个端口": 端口; "ports"):
/// "3600个扶贫村" does not count ports. A unit without a noun (座, 家, 元, %) says nothing. A
/// Chinese noun of two characters counts as named when either is there (产业园 for 园区), a longer
/// one when two of its characters in a row are.
pub fn names_unit(sentence: &str, unit: &facts::Unit, chinese: bool) -> bool {
    if matches!(unit.kind, facts::UnitKind::Percent | facts::UnitKind::Currency) {
        return true;
    }
    if chinese {
        let noun: Vec<char> = unit.zh.chars().skip(1).filter(|c| ('\u{4e00}'..='\u{9fff}').contains(c)).collect();
        match noun.len() {
            0 => true,
            // 园区 named as 产业园, 基站 as 站: either character of a two-character noun.
            1 | 2 => noun.iter().any(|c| sentence.contains(*c)),
            _ => noun.windows(2).any(|w| sentence.contains(&w.iter().collect::<String>())),
        }
    } else {
        let Some(noun) = english_words(&unit.en).into_iter().last() else { return true };
        let noun = stem(&noun);
        english_words(sentence).iter().any(|w| stem(w) == noun)
    }
}

/// Text without the marks that only quote or bracket: “上云用云” is 上云用云.
fn plain(text: &str) -> String {
    text.chars().filter(|c| !"“”‘’\"'《》〈〉「」『』（）()【】".contains(*c)).collect::<String>().to_lowercase()
}

/// Characters that carry no subject on their own.
const STOP_CHARS: &str =
    "的了和与及在是有为向等已将共达于对从由把被也都其之所并而或约近超过多余以上下左右年月日今本该各此就即又还再其中内";

/// Chinese words that say nothing of what a number measures.
const ZH_FILLERS: &[&str] = &[
    "达到",
    "实现",
    "共有",
    "约有",
    "拥有",
    "已经",
    "已有",
    "目前",
    "截至",
    "截止",
    "其中",
    "总数",
    "总量",
    "规模",
    "合计",
    "共计",
    "总计",
    "一共",
    "总共",
    "大约",
    "据统计",
    "统计",
    "据报道",
    "报道",
    "报告",
    "显示",
    "表示",
    "指出",
    "数据",
    "全省",
    "全市",
    "全县",
    "全区",
    "以来",
    "期间",
    "同期",
    "年底",
    "年末",
    "月底",
    "月末",
    "上半年",
    "下半年",
    "季度",
    "今年",
    "去年",
    "当年",
    "不到",
    "不足",
    "超过",
    "左右",
    "以上",
    "以下",
    "多个",
    "建成",
    "建设",
];

/// English words that say nothing of what a number measures.
const EN_FILLERS: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "in",
    "on",
    "at",
    "to",
    "by",
    "for",
    "and",
    "or",
    "its",
    "it",
    "their",
    "is",
    "are",
    "was",
    "were",
    "be",
    "been",
    "has",
    "have",
    "had",
    "will",
    "would",
    "that",
    "which",
    "with",
    "from",
    "as",
    "than",
    "more",
    "less",
    "fewer",
    "about",
    "over",
    "under",
    "some",
    "nearly",
    "almost",
    "around",
    "roughly",
    "approximately",
    "least",
    "no",
    "all",
    "total",
    "totalling",
    "totaling",
    "per",
    "cent",
    "percent",
    "yuan",
    "billion",
    "million",
    "thousand",
    "hundred",
    "built",
    "build",
    "reached",
    "reach",
    "stood",
    "stand",
    "account",
    "accounts",
    "accounted",
    "make",
    "makes",
    "made",
    "up",
    "contribute",
    "contributes",
    "contributed",
    "provide",
    "provides",
    "provided",
    "drew",
    "draw",
    "drawn",
    "saw",
    "see",
    "recorded",
    "record",
    "got",
    "get",
    "added",
    "add",
    "according",
    "report",
    "reports",
    "data",
    "show",
    "shows",
    "figure",
    "figures",
    "number",
    "there",
    "exceed",
    "exceeded",
    "exceeds",
    "exceeding",
    "above",
    "below",
    "mid",
    "end",
    "since",
    "as",
    "until",
    "up",
    "this",
    "these",
    "those",
    "year",
    "years",
    "half",
    "first",
    "second",
    "third",
    "quarter",
    "quarters",
    "so",
    "far",
    "already",
    "now",
    "currently",
    "some",
    "had",
    "developed",
    "develop",
    "set",
    "sets",
    "out",
    "gave",
    "give",
    "given",
    "generate",
    "generates",
    "generated",
    "produce",
    "produces",
    "produced",
    "worth",
    "expect",
    "expects",
    "expected",
];

/// An English word reduced to what its forms share: "stations" and "station", "cleared" and
/// "clearance", "received" and "receiving".
fn stem(word: &str) -> String {
    let mut w = word.trim_end_matches("'s").trim_end_matches('\'').to_string();
    for (end, with) in [("ies", "y"), ("sses", "ss"), ("xes", "x"), ("ches", "ch"), ("shes", "sh")] {
        if w.len() >= end.len() + 2 && w.ends_with(end) {
            w = format!("{}{with}", &w[..w.len() - end.len()]);
        }
    }
    if w.len() > 3 && w.ends_with('s') && !w.ends_with("ss") {
        w.pop();
    }
    for end in ["ing", "ed"] {
        if w.len() > end.len() + 3 && w.ends_with(end) {
            w.truncate(w.len() - end.len());
        }
    }
    w.chars().take(5).collect()
}

fn english_words(text: &str) -> Vec<String> {
    text.to_lowercase()
        .replace("'s", " ")
        .split(|c: char| !(c.is_ascii_alphanumeric()))
        // One letter is what is left of a possessive ("Guangdong's" with its name blanked out).
        .filter(|w| w.len() > 1 && w.is_ascii())
        .map(str::to_string)
        .collect()
}

fn stems(text: &str) -> Vec<String> {
    let mut out: Vec<String> = english_words(text).iter().map(|w| stem(w)).collect();
    out.sort();
    out.dedup();
    out
}

/// Compares `stretch` (a part of the sentence, its numbers, places and periods already blanked
/// out with spaces) with a fact's words.
pub fn compare(stretch: &str, v: &Vocabulary) -> Compared {
    let mut out = Compared::default();
    let text = plain(stretch);
    // English words, and Latin tokens inside Chinese (GDP, 5G).
    for word in english_words(&text) {
        if EN_FILLERS.contains(&word.as_str())
            || crate::read::says_direction(&word)
            || crate::when::MONTHS.contains(&word.as_str())
            || word.bytes().all(|b| b.is_ascii_digit())
        {
            continue;
        }
        let s = stem(&word);
        let in_zh = |t: &str| t.contains(&word);
        if v.label_en.contains(&s) || in_zh(&v.label_zh) {
            out.on_label.push(word);
        } else if v.other_en.contains(&s) || in_zh(&v.other_zh) {
            out.elsewhere.push(word);
        } else {
            out.foreign.push(word);
        }
    }
    // Chinese runs.
    let cjk = |c: char| ('\u{4e00}'..='\u{9fff}').contains(&c);
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        if !cjk(chars[i]) {
            i += 1;
            continue;
        }
        let run_end = (i..chars.len()).find(|&k| !cjk(chars[k])).unwrap_or(chars.len());
        compare_run(&chars[i..run_end], v, &mut out);
        i = run_end;
    }
    out
}

/// One run of Chinese characters: the longest pieces the fact's text has, then what is left.
fn compare_run(run: &[char], v: &Vocabulary, out: &mut Compared) {
    let mut left = String::new();
    let flush = |left: &mut String, out: &mut Compared| {
        let word = strip_fillers(left);
        if word.chars().count() >= 2 {
            out.foreign.push(word);
        }
        left.clear();
    };
    let mut i = 0;
    while i < run.len() {
        // The label first: what the fact is about outweighs where its sentence says it.
        let longest_in = |text: &str| {
            (i + 2..=run.len()).rev().map(|j| (j, run[i..j].iter().collect::<String>())).find(|(_, p)| text.contains(p))
        };
        let longest = longest_in(&v.label_zh).map(|(j, p)| (j, p, true)).or_else(|| {
            // A piece of the sentence's quote stops where a piece of the label starts:
            // "全省发电量累计完成" is 全省 then 发电量, the label's words, not one piece of the quote.
            let (j, _) = longest_in(&v.other_zh)?;
            let label_at =
                |k: usize| (k + 2..=run.len()).any(|e| v.label_zh.contains(&run[k..e].iter().collect::<String>()));
            let cut = (i + 1..j).find(|&k| label_at(k)).unwrap_or(j);
            Some((cut, run[i..cut].iter().collect::<String>(), false))
        });
        match longest {
            Some((j, piece, on_label)) => {
                flush(&mut left, out);
                if on_label {
                    out.on_label.push(piece);
                } else {
                    out.elsewhere.push(piece);
                }
                i = j;
            }
            None => {
                left.push(run[i]);
                i += 1;
            }
        }
    }
    flush(&mut left, out);
}

/// What is left of an unmatched stretch once the filler words and characters are gone: the
/// longest run of what remains.
fn strip_fillers(text: &str) -> String {
    let mut t = text.to_string();
    // A change's words (下降, 降幅, 同比) say how the number moved, which the sign weighs.
    for f in ZH_FILLERS.iter().copied().chain(facts::change_words::words()) {
        t = t.replace(f, " ");
    }
    t.split(|c: char| c == ' ' || STOP_CHARS.contains(c)).max_by_key(|w| w.chars().count()).unwrap_or("").to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_list_item_is_its_own_piece_of_the_quote() {
        let q = "累计推动超过6000家工业企业运用工业互联网数字化转型、50万家中小企业“上云用云”";
        assert_eq!(quote_piece(q, "50万家").1, "50万家中小企业“上云用云”");
        assert_eq!(quote_piece(q, "超过6000家").1, "累计推动超过6000家工业企业运用工业互联网数字化转型");
        let q = "工业和信息化部联合发展改革委、科技部、财政部等17个部门共同印发了《若干意见》";
        assert_eq!(quote_piece(q, "17个").1, q);
        let q = "今年1—6月，全省新建5G基站4.1万座，累计建设7.8万座";
        assert_eq!(quote_piece(q, "7.8万座"), ("", "累计建设7.8万座"));
        let q = "培育了3个5G产业园、8个省“5G+工业互联网”应用示范园区";
        assert_eq!(quote_piece(q, "8个"), ("培育了", "8个省“5G+工业互联网”应用示范园区"));
    }

    #[test]
    fn stems_join_the_forms_of_a_word() {
        assert_eq!(stem("stations"), stem("station"));
        assert_eq!(stem("cleared"), stem("clearance"));
        assert_eq!(stem("received"), stem("receiving"));
        assert_eq!(stem("taxes"), "tax");
        assert_ne!(stem("exports"), stem("expected"));
    }

    #[test]
    fn a_word_the_fact_lacks_is_foreign() {
        let v = Vocabulary {
            label_zh: plain("中小企业贡献的技术创新占比"),
            other_zh: plain("70%以上的技术创新"),
            ..Vocabulary::default()
        };
        let c = compare("中小企业贡献了        的出口", &v);
        assert_eq!(c.foreign, ["出口"]);
        let c = compare("中小企业贡献了      的技术创新", &v);
        assert!(c.agrees(), "{c:?}");
    }
}
