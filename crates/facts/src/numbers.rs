//! Chinese numeric expressions: parsing ("4.1万座", "超315亿元", "一半以上", "第2家") and scanning a
//! text for every numeric expression core.
//!
//! Pure `std`: the build-time verifier, the wasm and the fuzzer all use it.
//!
//! # Grammar of [`parse_expr`]
//!
//! ```text
//! expr     := prefix* core suffix*
//! prefix   := qualifying word  不少于 不低于 至少 (at least) | 超过 多于 逾 超 (more than)
//!                              | 大约 约 将近 接近 近 (about) | 不到 不足 少于 (less than)
//!           | neutral word     达到 达 累计 共计 合计 总计 共 连续 高达 多达
//! core     := "第" number counter?                      -> Ordinal   (第2家, 第一, 第十九届)
//!           | "一半"                                      -> Fraction  (value 0.5)
//!           | digits "/" digits                          -> Fraction  (1/4 = 0.25)
//!           | "百分之" number                              -> Percent   (百分之五十 = 50)
//!           | "千分之" / "万分之" number                    -> Percent   (千分之五 = 0.5, 万分之五 = 0.05)
//!           | number more? mult* more? "%"?  counter?    -> Plain, or Percent with "%"
//! number   := Arabic decimal (ASCII or full-width digits, "." decimals, "," groups of three)
//!           | Chinese numeral (一二两三四五六七八九十百千万亿零〇, e.g. 十九, 二十五, 一百零五, 三千万, 二〇二〇)
//! more     := "多" | "余"                                 -> more than  (80多个, 100多万, 300余家)
//! mult     := 百 | 千 | 万 | 亿                              -> ×100, ×1000, ×1e4, ×1e8 (4.1万 = 41000)
//! suffix   := 以上 (at least) | 以下 (less than) | 左右 (about), at the very end
//! counter  := whatever text is left ("座", "元", "个端口", "人次", "方面", "大", "GB"); no digits in it;
//!             "成" alone makes tenths of a whole a Percent (七成 = 70, 三成多 = more than 30). A unit
//!             that begins with a multiplier's character (千瓦时, 千克, 百公里) is the counter, not a
//!             multiplier: 300万千瓦时 is 3,000,000 with counter 千瓦时
//! ```
//!
//! [`NumberExpr::value`] has the multipliers applied: "2300亿元" is 230000000000 with counter "元";
//! a percent keeps its number ("2.30%" is 2.3, counter "%"); a fraction is a ratio ("1/4" is 0.25).
//! Decimal values are computed exactly in decimal and rounded once, so "4.1万" is exactly 41000.
//! Not supported (an error, never a guess): Chinese decimals (三点五), abbreviated numerals (一百五,
//! 一万五 — write 一百五十), signs, ranges (3—5), 以内 / 不超过 (no "at most" qualifier exists).

use std::fmt;

/// How the words around a number qualify it: the model's own qualifier (以上, 不少于, 不低于, 至少:
/// at least; 超过, 超, 逾, 多于, and 多 / 余 after the digits: more than; 约, 大约, 近, 将近, 接近,
/// 左右: about; 不到, 不足, 少于, 以下: less than).
pub use crate::model::Qualifier;

/// The shape of the number as written.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Form {
    /// 36988, 4.1万, 十大, 80多.
    Plain,
    /// 2.30%, 百分之五十: the value is the percent number (2.3, 50).
    Percent,
    /// 1/4, 一半: the value is the ratio (0.25, 0.5).
    Fraction,
    /// 第2家, 第一: the value is the rank.
    Ordinal,
}

/// A parsed numeric expression.
#[derive(Clone, Debug, PartialEq)]
pub struct NumberExpr {
    /// Multipliers (万, 亿, ...) applied; percent number for [`Form::Percent`], ratio for
    /// [`Form::Fraction`], rank for [`Form::Ordinal`].
    pub value: f64,
    pub form: Form,
    /// The text after the number and its multipliers, without trailing qualifier words:
    /// "座", "元", "个端口", "人次", "大", ""; always "%" for [`Form::Percent`].
    pub counter: String,
    pub qualifier: Qualifier,
}

/// Why an expression does not parse.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct NumberError {
    /// The expression as given.
    pub input: String,
    /// Byte offset in `input` where the problem is.
    pub at: usize,
    pub message: String,
}

impl fmt::Display for NumberError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "cannot parse {:?} (at byte {}): {}", self.input, self.at, self.message)
    }
}

impl std::error::Error for NumberError {}

/// A numeric expression core found by [`scan`]: `text == source[start..end]`.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Span {
    /// Byte offset of the first byte (a char boundary).
    pub start: usize,
    /// Byte offset one past the last byte (a char boundary).
    pub end: usize,
    pub text: String,
}

/// Words before the number. Longest first, so 超过 wins over 超 and 大约 over 约.
const PREFIXES: &[(&str, Option<Qualifier>)] = &[
    ("不少于", Some(Qualifier::AtLeast)),
    ("不低于", Some(Qualifier::AtLeast)),
    ("至少", Some(Qualifier::AtLeast)),
    ("超过", Some(Qualifier::MoreThan)),
    ("多于", Some(Qualifier::MoreThan)),
    ("大约", Some(Qualifier::About)),
    ("将近", Some(Qualifier::About)),
    ("接近", Some(Qualifier::About)),
    ("不到", Some(Qualifier::LessThan)),
    ("不足", Some(Qualifier::LessThan)),
    ("少于", Some(Qualifier::LessThan)),
    ("达到", None),
    ("累计", None),
    ("共计", None),
    ("合计", None),
    ("总计", None),
    ("连续", None),
    ("高达", None),
    ("多达", None),
    ("超", Some(Qualifier::MoreThan)),
    ("逾", Some(Qualifier::MoreThan)),
    ("约", Some(Qualifier::About)),
    ("近", Some(Qualifier::About)),
    ("达", None),
    ("共", None),
];

/// The qualifying word (超过, 约, 不少于 …: one of the parser's prefixes that qualify) that `before`
/// ends with, the longest one: what stands right before a number and changes what it means.
pub fn qualifying_prefix(before: &str) -> Option<&'static str> {
    PREFIXES.iter().find(|(word, q)| q.is_some() && before.ends_with(word)).map(|(word, _)| *word)
}

/// Words after the counter, at the very end of the expression.
const SUFFIXES: &[(&str, Qualifier)] =
    &[("以上", Qualifier::AtLeast), ("以下", Qualifier::LessThan), ("左右", Qualifier::About)];

/// Measure words (and a few nouns that only follow numbers) that make a Chinese numeral a
/// numeric expression for [`scan`]. A closed list; see the doc of [`scan`]. 步 is left out on
/// purpose (进一步, 下一步).
pub const MEASURE_WORDS: &[&str] = &[
    "方面", "公里", "个", "位", "名", "人", "家", "户", "座", "所", "批", "届", "项", "条", "款", "类", "种", "件",
    "只", "部", "套", "张", "份", "篇", "本", "次", "轮", "场", "期", "层", "级", "字", "点", "支", "架", "辆", "艘",
    "吨", "米", "亩", "年", "月", "日", "天", "周", "岁", "季", "代", "倍", "成", "大", "省", "市", "县", "村", "镇",
];

/// Words that, right after a lone 一, make it part of an ordinary word rather than a number
/// (一部分, 一种, 一次性, 一点, 一成不变, 一大批, 一大早, 一条龙, 一年一度, 一天天).
pub const NOT_AFTER_LONE_ONE: &[&str] =
    &["部分", "种", "次性", "点", "成不变", "大批", "大早", "条龙", "年一度", "天天"];

/// The qualifier a single word expresses, for words that qualify a number from outside the
/// expression (the catalogue's `qualifier_word`, e.g. 约 in 约占全国1/4). `None` for neutral words
/// (达, 累计) and for anything that is not a qualifying word.
pub fn qualifier_word(word: &str) -> Option<Qualifier> {
    if word == "多" || word == "余" {
        return Some(Qualifier::MoreThan);
    }
    PREFIXES
        .iter()
        .find(|(w, _)| *w == word)
        .and_then(|(_, q)| *q)
        .or_else(|| SUFFIXES.iter().find(|(w, _)| *w == word).map(|(_, q)| *q))
}

fn arabic_digit(c: char) -> Option<u8> {
    match c {
        '0'..='9' => Some(c as u8 - b'0'),
        '０'..='９' => Some((c as u32 - '０' as u32) as u8),
        _ => None,
    }
}

fn chinese_digit(c: char) -> Option<u8> {
    Some(match c {
        '零' | '〇' => 0,
        '一' => 1,
        '二' | '两' => 2,
        '三' => 3,
        '四' => 4,
        '五' => 5,
        '六' => 6,
        '七' => 7,
        '八' => 8,
        '九' => 9,
        _ => return None,
    })
}

fn chinese_small_unit(c: char) -> Option<u32> {
    match c {
        '十' => Some(10),
        '百' => Some(100),
        '千' => Some(1000),
        _ => None,
    }
}

fn is_chinese_numeral_char(c: char) -> bool {
    chinese_digit(c).is_some() || chinese_small_unit(c).is_some() || c == '万' || c == '亿'
}

/// Characters that may start a Chinese numeral run (not 零〇百千万亿: 千万, 万一, 零售 are words).
fn is_chinese_numeral_start(c: char) -> bool {
    matches!(c, '一' | '二' | '两' | '三' | '四' | '五' | '六' | '七' | '八' | '九' | '十')
}

/// Power of ten of a multiplier after a number: 百 2, 千 3, 万 4, 亿 8.
/// Words that make the number after them a part of a whole, in percent, with the power of ten
/// its value is shifted by: 百分之五十 = 50, 千分之五 = 0.5, 万分之五 = 0.05.
const PER_WORDS: &[(&str, i8)] = &[("百分之", 0), ("千分之", -1), ("万分之", -2)];

/// Units whose first character is also a multiplier: after a number they are the unit, not 千
/// (×1000) or 百 (×100) and the rest ("300万千瓦时" is 3,000,000 kWh: 万 multiplies, 千瓦时 is the
/// unit; "10千克" is 10 kg).
pub const UNITS_AFTER_MULTIPLIER_CHAR: &[&str] =
    &["千瓦时", "千瓦", "千克", "千米", "千伏", "千焦", "千帕", "千公里", "千公顷", "百公里", "百千米"];

/// The multiplier `s` starts with, unless it starts a unit of [`UNITS_AFTER_MULTIPLIER_CHAR`].
fn multiplier_at(s: &str) -> Option<i32> {
    if UNITS_AFTER_MULTIPLIER_CHAR.iter().any(|u| s.starts_with(u)) {
        return None;
    }
    first_char(s).and_then(multiplier_exp)
}

fn multiplier_exp(c: char) -> Option<i32> {
    match c {
        '百' => Some(2),
        '千' => Some(3),
        '万' => Some(4),
        '亿' => Some(8),
        _ => None,
    }
}

fn first_char(s: &str) -> Option<char> {
    s.chars().next()
}

fn is_percent_sign(c: char) -> bool {
    c == '%' || c == '％'
}

/// An Arabic number lexed at the start of a string.
#[derive(Debug)]
enum Arabic {
    /// Value = digits × 10^exp, digits ASCII without sign or point.
    Decimal { digits: String, exp: i32 },
    /// a/b, both whole.
    Fraction { num: String, den: String },
    /// Three or more slash-separated groups (2020/6/1): a date, not a number.
    SlashChain,
}

/// Reads ASCII digits (full-width digits mapped to ASCII) at the start of `s`.
fn digit_run(s: &str) -> (String, usize) {
    let mut out = String::new();
    let mut len = 0;
    for c in s.chars() {
        match arabic_digit(c) {
            Some(d) => {
                out.push((b'0' + d) as char);
                len += c.len_utf8();
            }
            None => break,
        }
    }
    (out, len)
}

/// Lexes an Arabic number at the start of `s`: digits with optional "," groups of three, an
/// optional decimal part, or a slash chain. Returns the number and its byte length, or `None` when
/// `s` does not start with a digit.
fn lex_arabic(s: &str) -> Option<(Arabic, usize)> {
    let (mut int_digits, mut pos) = digit_run(s);
    if int_digits.is_empty() {
        return None;
    }
    // Thousands groups: "36,988" but not "1,2" nor "2019,2020".
    if int_digits.len() <= 3 {
        while let Some(after_comma) = s[pos..].strip_prefix(',') {
            let (group, glen) = digit_run(after_comma);
            if group.len() != 3 {
                break;
            }
            int_digits.push_str(&group);
            pos += 1 + glen;
        }
    }
    let grouped = int_digits.len() != digit_run(s).0.len();
    let rest = &s[pos..];
    if let Some(after_point) = rest.strip_prefix('.') {
        let (frac, flen) = digit_run(after_point);
        if !frac.is_empty() {
            pos += 1 + flen;
            let exp = -(frac.len() as i64);
            let exp = i32::try_from(exp).unwrap_or(i32::MIN);
            return Some((Arabic::Decimal { digits: int_digits + &frac, exp }, pos));
        }
    }
    if let Some(after_slash) = rest.strip_prefix('/').filter(|_| !grouped) {
        let (den, dlen) = digit_run(after_slash);
        if !den.is_empty() {
            let mut end = pos + 1 + dlen;
            let mut groups = 2;
            while let Some(r) = s[end..].strip_prefix('/') {
                let (g, glen) = digit_run(r);
                if g.is_empty() {
                    break;
                }
                groups += 1;
                end += 1 + glen;
            }
            let decimal_follows =
                s[end..].strip_prefix('.').and_then(first_char).is_some_and(|c| arabic_digit(c).is_some());
            if groups == 2 && !decimal_follows {
                return Some((Arabic::Fraction { num: int_digits, den }, end));
            }
            return Some((Arabic::SlashChain, end));
        }
    }
    Some((Arabic::Decimal { digits: int_digits, exp: 0 }, pos))
}

/// Byte length of the maximal run of Chinese numeral characters at the start of `s`.
fn chinese_run_len(s: &str) -> usize {
    s.chars().take_while(|c| is_chinese_numeral_char(*c)).map(char::len_utf8).sum()
}

/// Parses a Chinese numeral (十九, 二十五, 一百零五, 三千万, 二〇二〇).
/// A run without any of 十百千万亿 and of two or more characters is read digit by digit (years).
pub fn parse_chinese_numeral(s: &str) -> Result<u128, String> {
    if s.is_empty() {
        return Err("empty numeral".to_string());
    }
    if let Some(c) = s.chars().find(|c| !is_chinese_numeral_char(*c)) {
        return Err(format!("{c:?} is not a Chinese numeral character"));
    }
    let has_unit = s.chars().any(|c| chinese_small_unit(c).is_some() || c == '万' || c == '亿');
    if !has_unit {
        let mut n: u128 = 0;
        for c in s.chars() {
            let d = chinese_digit(c).unwrap_or(0);
            n = n
                .checked_mul(10)
                .and_then(|n| n.checked_add(u128::from(d)))
                .ok_or_else(|| "numeral too large".to_string())?;
        }
        return Ok(n);
    }
    let overflow = || "numeral too large".to_string();
    let mut total: u128 = 0; // completed 亿 part
    let mut wan: u128 = 0; // completed 万 part below 亿
    let mut section: u128 = 0; // below 万
    let mut number: Option<u128> = None; // pending digit
    let mut last_small: u32 = 10_000; // last 十百千 in this section
    let mut prev_unit: u32 = 0; // unit (10, 100, 1000, 1e4, 1e8) right before the pending digit
    let mut after_unit: u32 = 0; // unit of the previous character, 0 if it was not a unit
    for c in s.chars() {
        if let Some(d) = chinese_digit(c) {
            if number.is_some() {
                return Err(format!("two digits in a row before {c:?}"));
            }
            if d == 0 {
                // 零 is a filler: 一百零五.
                after_unit = 0;
                prev_unit = 0;
                continue;
            }
            number = Some(u128::from(d));
            prev_unit = after_unit;
            after_unit = 0;
        } else if let Some(u) = chinese_small_unit(c) {
            if u >= last_small {
                return Err(format!("{c:?} out of order"));
            }
            let n = match number.take() {
                Some(n) => n,
                None if u == 10 => 1, // 十九, 一百十
                None => return Err(format!("{c:?} without a digit before it")),
            };
            section = n.checked_mul(u128::from(u)).and_then(|v| section.checked_add(v)).ok_or_else(overflow)?;
            last_small = u;
            after_unit = u;
        } else if c == '万' {
            let part = section + number.take().unwrap_or(0);
            if part == 0 {
                return Err("万 without a number before it".to_string());
            }
            if wan != 0 {
                return Err("万 twice".to_string());
            }
            wan = part.checked_mul(10_000).ok_or_else(overflow)?;
            section = 0;
            last_small = 10_000;
            after_unit = 10_000;
        } else if c == '亿' {
            let part = wan + section + number.take().unwrap_or(0);
            if part == 0 {
                return Err("亿 without a number before it".to_string());
            }
            if total != 0 {
                return Err("亿 twice".to_string());
            }
            total = part.checked_mul(100_000_000).ok_or_else(overflow)?;
            wan = 0;
            section = 0;
            last_small = 10_000;
            after_unit = 100_000_000;
        }
    }
    if number.is_some() && prev_unit >= 100 {
        return Err(format!("{s:?} ends in an abbreviated digit (一百五 may mean 150); write the full numeral"));
    }
    total
        .checked_add(wan)
        .and_then(|v| v.checked_add(section))
        .and_then(|v| v.checked_add(number.unwrap_or(0)))
        .ok_or_else(overflow)
}

/// A number value kept exact until the end: digits × 10^exp, or a ratio.
enum Value {
    Decimal { digits: String, exp: i64 },
    Ratio(f64),
}

/// Parses one numeric expression; see the module documentation for the grammar.
pub fn parse_expr(input: &str) -> Result<NumberExpr, NumberError> {
    let err = |at: usize, message: String| NumberError { input: input.to_string(), at, message };
    let lead = input.len() - input.trim_start().len();
    let s = input.trim();
    if s.is_empty() {
        return Err(err(0, "empty expression".to_string()));
    }
    let at = |pos: usize| lead + pos;
    let mut pos = 0;
    let mut quals: Vec<(Qualifier, &str)> = Vec::new();

    // Prefix words.
    'prefix: loop {
        for (word, q) in PREFIXES {
            if s[pos..].starts_with(word) {
                if let Some(q) = q {
                    quals.push((*q, word));
                }
                pos += word.len();
                continue 'prefix;
            }
        }
        break;
    }

    // Core.
    let mut form = Form::Plain;
    let ordinal = s[pos..].starts_with('第');
    if ordinal {
        pos += '第'.len_utf8();
        form = Form::Ordinal;
    }
    // 百分之五十 is 50 (percent); 千分之五 0.5 and 万分之五 0.05, in percent too.
    let per = (!ordinal).then(|| PER_WORDS.iter().find(|(w, _)| s[pos..].starts_with(w))).flatten();
    let percent_words = per.is_some();
    if let Some((word, _)) = per {
        pos += word.len();
        form = Form::Percent;
    }
    let core_start = pos;
    let mut value = if !ordinal && !percent_words && s[pos..].starts_with("一半") {
        pos += "一半".len();
        form = Form::Fraction;
        Value::Ratio(0.5)
    } else if let Some((arabic, len)) = lex_arabic(&s[pos..]) {
        pos += len;
        match arabic {
            Arabic::Decimal { digits, exp } => Value::Decimal { digits, exp: i64::from(exp) },
            Arabic::Fraction { num, den } => {
                if ordinal || percent_words {
                    return Err(err(at(core_start), "a fraction cannot follow 第 or 百分之".to_string()));
                }
                let n: f64 = num.parse().map_err(|_| err(at(core_start), "bad numerator".to_string()))?;
                let d: f64 = den.parse().map_err(|_| err(at(core_start), "bad denominator".to_string()))?;
                if d == 0.0 {
                    return Err(err(at(core_start), "fraction with denominator 0".to_string()));
                }
                form = Form::Fraction;
                Value::Ratio(n / d)
            }
            Arabic::SlashChain => {
                return Err(err(
                    at(core_start),
                    "three or more slash-separated numbers (a date?) are not a number".to_string(),
                ))
            }
        }
    } else if first_char(&s[pos..]).is_some_and(is_chinese_numeral_start)
        || (percent_words || ordinal) && first_char(&s[pos..]).is_some_and(is_chinese_numeral_char)
    {
        let len = chinese_run_len(&s[pos..]);
        let n = parse_chinese_numeral(&s[pos..pos + len]).map_err(|m| err(at(pos), m))?;
        pos += len;
        Value::Decimal { digits: n.to_string(), exp: 0 }
    } else {
        let found = if pos < s.len() { format!("found {:?}", &s[pos..]) } else { "found the end".to_string() };
        return Err(err(at(pos), format!("expected a number, {found}")));
    };
    if let (Some((_, shift)), Value::Decimal { exp, .. }) = (per, &mut value) {
        *exp += i64::from(*shift);
    }

    // 多 / 余, multipliers, 多 / 余, %.
    let mut more_seen = false;
    let whole = matches!(value, Value::Decimal { .. }) && !ordinal;
    let mut take_more = |pos: &mut usize, quals: &mut Vec<(Qualifier, &str)>| -> Result<(), NumberError> {
        for word in ["多", "余"] {
            if s[*pos..].starts_with(word) {
                if !whole {
                    return Err(err(at(*pos), format!("{word} after a fraction or ordinal")));
                }
                if !more_seen {
                    more_seen = true;
                    quals.push((Qualifier::MoreThan, word));
                    *pos += word.len();
                }
                return Ok(());
            }
        }
        Ok(())
    };
    take_more(&mut pos, &mut quals)?;
    while let Some(e) = multiplier_at(&s[pos..]) {
        match &mut value {
            Value::Decimal { exp, .. } => *exp += i64::from(e),
            Value::Ratio(_) => return Err(err(at(pos), "multiplier after a fraction".to_string())),
        }
        pos += '万'.len_utf8();
    }
    take_more(&mut pos, &mut quals)?;
    if first_char(&s[pos..]).is_some_and(is_percent_sign) {
        if form != Form::Plain {
            return Err(err(at(pos), "% after a fraction, ordinal or 百分之".to_string()));
        }
        form = Form::Percent;
        pos += first_char(&s[pos..]).map_or(1, char::len_utf8);
    }

    // Suffix words and the counter.
    let mut rest = &s[pos..];
    'suffix: loop {
        for (word, q) in SUFFIXES {
            if let Some(r) = rest.strip_suffix(word) {
                quals.push((*q, word));
                rest = r;
                continue 'suffix;
            }
        }
        break;
    }
    if let Some((i, c)) = rest.char_indices().find(|(_, c)| arabic_digit(*c).is_some() || is_percent_sign(*c)) {
        return Err(err(at(pos + i), format!("{c:?} after the number: one expression holds one number")));
    }
    if let Some(r) = rest.strip_prefix('点') {
        if first_char(r).is_some_and(is_chinese_numeral_char) {
            return Err(err(at(pos), "Chinese decimals (三点五) are not supported; write 3.5".to_string()));
        }
    }
    // 七成 is 70%: tenths of a whole (one to ten of them, 多 allowed: 三成多), not a count of 成.
    let tenths_more = ["成多", "成余"].into_iter().find(|w| rest == *w);
    if form == Form::Plain && (rest == "成" || tenths_more.is_some()) {
        if let Value::Decimal { digits, exp } = &mut value {
            let tenths = digits.parse::<f64>().map(|d| d * 10f64.powi(*exp as i32)).unwrap_or(f64::NAN);
            if (1.0..=10.0).contains(&tenths) {
                *exp += 1;
                form = Form::Percent;
                rest = "";
                if let Some(word) = tenths_more {
                    quals.push((Qualifier::MoreThan, word));
                }
            }
        }
    }
    let counter = if form == Form::Percent {
        if !rest.is_empty() {
            return Err(err(at(pos), format!("unexpected {rest:?} after the percentage")));
        }
        "%".to_string()
    } else {
        rest.to_string()
    };

    // Qualifier.
    let mut qualifier = Qualifier::Exact;
    let mut qualifier_from = "";
    for (q, word) in &quals {
        if qualifier != Qualifier::Exact && qualifier != *q {
            return Err(err(
                0,
                format!(
                    "conflicting qualifiers {qualifier_from} ({}) and {word} ({})",
                    qualifier.spelling(),
                    q.spelling()
                ),
            ));
        }
        qualifier = *q;
        qualifier_from = word;
    }

    // Value.
    let value = match value {
        // A fraction of two huge numbers overflows to infinity (or NaN): found by fuzzing.
        Value::Ratio(r) if !r.is_finite() => return Err(err(at(core_start), "number too large".to_string())),
        Value::Ratio(r) => r,
        Value::Decimal { digits, exp } => {
            let v: f64 = format!("{digits}e{exp}")
                .parse()
                .map_err(|_| err(at(core_start), "number does not parse".to_string()))?;
            if !v.is_finite() {
                return Err(err(at(core_start), "number too large".to_string()));
            }
            v
        }
    };
    if form == Form::Ordinal && (value.fract() != 0.0 || value < 1.0) {
        return Err(err(at(core_start), "an ordinal must be a whole number from 1".to_string()));
    }
    Ok(NumberExpr { value, form, counter, qualifier })
}

/// Finds every numeric expression core in `text`, in order, non-overlapping. A span is:
///
/// 1. **Arabic numbers** — every run of ASCII or full-width digits, with an optional "," thousands
///    grouping (36,988), an optional decimal part (2.30), or a fraction (1/4; a chain like 2020/6/1
///    is one span), followed by optional multipliers 百千万亿 (optionally after 多 or 余: 100多万) and
///    an optional % or ％. Digits glued to letters count too ("5G" yields "5"), and so do both years
///    of "2019—2022" and each digit of "1+1+9". The span never includes 第, 约, 超过 etc. nor the
///    counter: "超过1400亿元" yields "1400亿".
/// 2. **百分之 + number** — the whole "百分之五十".
/// 3. **一半**.
/// 4. **Chinese numerals** — a maximal run of 零〇一二两三四五六七八九十百千万亿 that starts with one of
///    一二两三四五六七八九十, and that is
///    - preceded by 第 (第一, 第三方, 第九批: the span is the numeral, without 第), or
///    - followed, possibly after 多 or 余, by a measure word of [`MEASURE_WORDS`] (十大, 十九届,
///      两个, 三年, 七方面, 十多个, and also 一个, 一批, 一项, 一方面, 一年, 新一代: whether "one" is a
///      count or an article is for the catalogue to say, with a `not_indicator`), or
///    - a numeral with 百千万亿 that starts with a digit (一百, 三千万), whatever follows.
///
///    Exceptions, never spans: a lone 一 before the words of [`NOT_AFTER_LONE_ONE`] (一部分, 一种,
///    一次性, 一点, 一成不变, 一大批, 一条龙, 一年一度), and numerals in words without a measure
///    word (六稳, 四中全会, 珠三角, 十分, 统一, 一些, 一系列, 进一步, 下一步, 一体化, 一站式, 一核一带一区,
///    千万, 万一). 几 (几个) is not a numeral.
pub fn scan(text: &str) -> Vec<Span> {
    let mut spans = Vec::new();
    let mut push = |start: usize, end: usize| {
        spans.push(Span { start, end, text: text[start..end].to_string() });
    };
    // Extends an end offset over [多|余] 百千万亿+ and, when `percent`, a % sign.
    let extend = |mut end: usize, percent: bool| -> usize {
        let rest = &text[end..];
        let skip_more = if rest.starts_with('多') || rest.starts_with('余') { '多'.len_utf8() } else { 0 };
        if multiplier_at(&rest[skip_more..]).is_some() {
            end += skip_more;
            while multiplier_at(&text[end..]).is_some() {
                end += first_char(&text[end..]).map_or(1, char::len_utf8);
            }
        }
        if percent {
            if let Some(c) = first_char(&text[end..]).filter(|c| is_percent_sign(*c)) {
                end += c.len_utf8();
            }
        }
        end
    };
    let mut i = 0;
    while i < text.len() {
        let rest = &text[i..];
        let Some(c) = first_char(rest) else { break };
        if let Some((arabic, len)) = lex_arabic(rest) {
            let end = match arabic {
                Arabic::Decimal { .. } => extend(i + len, true),
                Arabic::Fraction { .. } | Arabic::SlashChain => i + len,
            };
            push(i, end);
            i = end;
            continue;
        }
        if let Some((word, after)) = PER_WORDS.iter().find_map(|(w, _)| Some((*w, rest.strip_prefix(w)?))) {
            let num_len = match lex_arabic(after) {
                Some((_, len)) => len,
                None if first_char(after).is_some_and(is_chinese_numeral_start) => chinese_run_len(after),
                None => 0,
            };
            if num_len > 0 {
                let end = i + word.len() + num_len;
                push(i, end);
                i = end;
                continue;
            }
        }
        if rest.starts_with("一半") {
            let end = i + "一半".len();
            push(i, end);
            i = end;
            continue;
        }
        if is_chinese_numeral_start(c) {
            let run_end = i + chinese_run_len(rest);
            let run = &text[i..run_end];
            let after_more = {
                let r = &text[run_end..];
                if r.starts_with('多') || r.starts_with('余') {
                    &r['多'.len_utf8()..]
                } else {
                    r
                }
            };
            let after_ordinal = text[..i].ends_with('第');
            let measured = MEASURE_WORDS.iter().any(|w| after_more.starts_with(w));
            let big = !run.starts_with('十') && run.chars().any(|c| multiplier_exp(c).is_some());
            let ordinary_one = run == "一" && NOT_AFTER_LONE_ONE.iter().any(|w| after_more.starts_with(w));
            let flagged = after_ordinal || (!ordinary_one && (measured || big));
            if flagged {
                let end = extend(run_end, true);
                push(i, end);
                i = end;
            } else {
                i = run_end;
            }
            continue;
        }
        i += c.len_utf8();
    }
    spans
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The forms of statistical releases: units that begin with a multiplier's character, parts
    /// per thousand and ten thousand, tenths (成), and Latin units kept as the counter.
    #[test]
    fn release_forms() {
        let e = ok("300万千瓦时");
        assert_eq!((e.value, e.counter.as_str()), (3_000_000.0, "千瓦时"));
        assert_eq!(ok("10千克").value, 10.0);
        assert_eq!(ok("5百公里").counter, "百公里");
        assert_eq!(ok("4.1万座").value, 41_000.0, "万 still multiplies");
        let e = ok("千分之五");
        assert_eq!((e.value, e.form, e.counter.as_str()), (0.5, Form::Percent, "%"));
        assert!((ok("万分之3.5").value - 0.035).abs() < 1e-12);
        let e = ok("约七成");
        assert_eq!((e.value, e.form, e.qualifier), (70.0, Form::Percent, Qualifier::About));
        let e = ok("三成多");
        assert_eq!((e.value, e.qualifier), (30.0, Qualifier::MoreThan));
        assert_eq!(ok("十成").value, 100.0);
        assert_eq!(ok("二十成").form, Form::Plain, "more than ten tenths is not a share");
        let e = ok("1305亿GB");
        assert_eq!((e.value, e.counter.as_str()), (130_500_000_000.0, "GB"));
        assert_eq!(ok("10.4GB/户·月").counter, "GB/户·月");
    }

    #[test]
    fn release_forms_are_scanned_whole() {
        let texts = |t: &str| scan(t).into_iter().map(|s| s.text).collect::<Vec<_>>();
        assert_eq!(texts("全省发电量300万千瓦时，增长5%"), ["300万", "5%"]);
        assert_eq!(texts("不良率为千分之五"), ["千分之五"]);
        assert_eq!(texts("约占全球的七成"), ["七"]);
    }

    fn ok(s: &str) -> NumberExpr {
        match parse_expr(s) {
            Ok(e) => e,
            Err(e) => panic!("{e}"),
        }
    }

    #[test]
    fn parses_expressions_from_the_seed() {
        use Form::*;
        use Qualifier::*;
        let table: &[(&str, f64, Form, &str, Qualifier)] = &[
            ("36988座", 36988.0, Plain, "座", Exact),
            ("4.1万座", 41000.0, Plain, "座", Exact),
            ("7.8万座", 78000.0, Plain, "座", Exact),
            ("2300亿元", 230_000_000_000.0, Plain, "元", Exact),
            ("达2300亿元", 230_000_000_000.0, Plain, "元", Exact),
            ("超315亿元", 31_500_000_000.0, Plain, "元", MoreThan),
            ("超141亿元", 14_100_000_000.0, Plain, "元", MoreThan),
            ("超过1400亿元", 140_000_000_000.0, Plain, "元", MoreThan),
            ("超过8亿元", 800_000_000.0, Plain, "元", MoreThan),
            ("超过6000家", 6000.0, Plain, "家", MoreThan),
            ("50万家", 500_000.0, Plain, "家", Exact),
            ("2.30%", 2.3, Percent, "%", Exact),
            ("93.6%", 93.6, Percent, "%", Exact),
            ("94.3%", 94.3, Percent, "%", Exact),
            ("34.4%", 34.4, Percent, "%", Exact),
            ("50%以上", 50.0, Percent, "%", AtLeast),
            ("90%以上", 90.0, Percent, "%", AtLeast),
            ("一半以上", 0.5, Fraction, "", AtLeast),
            ("1/4", 0.25, Fraction, "", Exact),
            ("约1/4", 0.25, Fraction, "", About),
            ("十大", 10.0, Plain, "大", Exact),
            ("十九届", 19.0, Plain, "届", Exact),
            ("第2家", 2.0, Ordinal, "家", Exact),
            ("第一", 1.0, Ordinal, "", Exact),
            ("第九批", 9.0, Ordinal, "批", Exact),
            ("80多个", 80.0, Plain, "个", MoreThan),
            ("850万人次", 8_500_000.0, Plain, "人次", Exact),
            ("超过850万人次", 8_500_000.0, Plain, "人次", MoreThan),
            ("100万元", 1_000_000.0, Plain, "元", Exact),
            ("17个", 17.0, Plain, "个", Exact),
            ("25条", 25.0, Plain, "条", Exact),
            ("7方面", 7.0, Plain, "方面", Exact),
            ("3600个", 3600.0, Plain, "个", Exact),
            ("3600个端口", 3600.0, Plain, "个端口", Exact),
            ("228家", 228.0, Plain, "家", Exact),
            ("近100万", 1_000_000.0, Plain, "", About),
            ("不到10%", 10.0, Percent, "%", LessThan),
            ("连续4年", 4.0, Plain, "年", Exact),
            ("累计7.8万座", 78000.0, Plain, "座", Exact),
            ("两个", 2.0, Plain, "个", Exact),
            ("三年", 3.0, Plain, "年", Exact),
            ("二十五", 25.0, Plain, "", Exact),
            ("一百", 100.0, Plain, "", Exact),
            ("一百零五", 105.0, Plain, "", Exact),
            ("三千万", 30_000_000.0, Plain, "", Exact),
            ("三亿五千万", 350_000_000.0, Plain, "", Exact),
            ("一万亿", 1e12, Plain, "", Exact),
            ("二〇二〇年", 2020.0, Plain, "年", Exact),
            ("百分之五十", 50.0, Percent, "%", Exact),
            ("百分之3.5", 3.5, Percent, "%", Exact),
            ("100多万", 1_000_000.0, Plain, "", MoreThan),
            ("十多个", 10.0, Plain, "个", MoreThan),
            ("二十多万人", 200_000.0, Plain, "人", MoreThan),
            ("300余家", 300.0, Plain, "家", MoreThan),
            ("约80个左右", 80.0, Plain, "个", About),
            ("36,988座", 36988.0, Plain, "座", Exact),
            ("１２３个", 123.0, Plain, "个", Exact),
            ("50％", 50.0, Percent, "%", Exact),
            ("1.2万亿元", 1.2e12, Plain, "元", Exact),
            (" 17个 ", 17.0, Plain, "个", Exact),
        ];
        for (input, value, form, counter, qualifier) in table {
            let e = ok(input);
            assert_eq!(e.value, *value, "{input}");
            assert_eq!(e.form, *form, "{input}");
            assert_eq!(e.counter, *counter, "{input}");
            assert_eq!(e.qualifier, *qualifier, "{input}");
        }
    }

    #[test]
    fn rejects_bad_expressions() {
        let table: &[(&str, &str)] = &[
            ("", "empty"),
            ("座", "expected a number"),
            ("约占全国1/4", "expected a number"),
            ("一百五", "abbreviated"),
            ("一万五", "abbreviated"),
            ("十十", "out of order"),
            ("1/0", "denominator 0"),
            ("2020/6/1", "slash"),
            ("约超过80个", "conflicting"),
            ("50%以下以上", "conflicting"),
            ("第1/4", "fraction"),
            ("第0名", "ordinal"),
            ("1/4万", "multiplier after a fraction"),
            ("5个6个", "one expression holds one number"),
            ("50%的", "after the percentage"),
            ("第3%", "%"),
            ("三点五", "Chinese decimals"),
            ("累计建设7.8万座", "expected a number"),
        ];
        for (input, needle) in table {
            match parse_expr(input) {
                Ok(e) => panic!("{input:?} parsed as {e:?}"),
                Err(e) => assert!(e.to_string().contains(needle), "{input:?}: {e}"),
            }
        }
    }

    #[test]
    fn qualifier_words() {
        assert_eq!(qualifier_word("约"), Some(Qualifier::About));
        assert_eq!(qualifier_word("以上"), Some(Qualifier::AtLeast));
        assert_eq!(qualifier_word("多"), Some(Qualifier::MoreThan));
        assert_eq!(qualifier_word("不足"), Some(Qualifier::LessThan));
        assert_eq!(qualifier_word("达"), None);
        assert_eq!(qualifier_word("累计"), None);
        assert_eq!(qualifier_word("占"), None);
        for q in ["exact", "at_least", "more_than", "about", "less_than"] {
            assert_eq!(Qualifier::from_spelling(q).map(Qualifier::spelling), Some(q));
        }
    }

    fn scanned(text: &str) -> Vec<String> {
        scan(text).into_iter().map(|s| s.text).collect()
    }

    #[test]
    fn scans_sentences_from_the_seed() {
        let table: &[(&str, &[&str])] = &[
            (
                "2019年全省建成5G基站36988座，约占全国1/4，居全国第一；5G产业产值达2300亿元，占全国一半以上。",
                &["2019", "5", "36988", "1/4", "一", "5", "2300亿", "一半"],
            ),
            ("今年1—6月，全省新建5G基站4.1万座，累计建设7.8万座", &["1", "6", "5", "4.1万", "7.8万"]),
            (
                "中小企业贡献了50%以上的税收，60%以上的GDP，70%以上的技术创新",
                &["50%", "60%", "70%"],
            ),
            ("共从7方面提出了25条具体措施", &["7", "25"]),
            ("为落实党的十九届四中全会精神", &["十九"]),
            ("坚持“两个毫不动摇”", &["两"]),
            ("把握以下三个原则：", &["三"]),
            ("重点培育壮大电子信息、绿色石化等“十大战略性支柱产业集群”", &["十"]),
            ("逐步建立完善“五个一”体系，即每个集群一个战略咨询支撑机构、一个政策工具包", &["五", "一", "一"]),
            ("工业企业技术改造三年行动计划", &["三"]),
            ("成为广东省第2家国家制造业创新中心", &["2"]),
            ("定期开展中小企业发展环境第三方评估", &["三"]),
            ("获批工业和信息化部第九批国家新型工业化产业示范基地", &["九"]),
            ("贯彻落实省委、省政府“1+1+9”工作部署", &["1", "1", "9"]),
            ("《广东省加快5G产业发展行动计划（2019—2022年）》", &["5", "2019", "2022"]),
            ("广东省228家重点名单内企业共获得优惠利率贷款超315亿元，加权平均利率2.30%", &["228", "315亿", "2.30%"]),
            ("累计观看超过850万人次，销售额超过100万元", &["850万", "100万"]),
            ("80多个扶贫村4G网络优化，完成扶贫村3600个端口宽带建设", &["80", "4", "3600"]),
            ("4月28日，落户深圳的国家高性能医疗器械创新中心", &["4", "28"]),
            ("（上接第1版）", &["1"]),
            ("大幅超额完成国家要求清偿一半以上的目标任务，提前一年实现无分歧账款全部清偿", &["一半", "一"]),
            ("是洛宁县电商扶贫的一个缩影；加快推进一批重大项目建设；也是一项政治任务", &["一", "一", "一"]),
            ("重点培育壮大新一代电子信息", &["一"]),
            ("做好“六稳”工作、落实“六保”任务", &[]),
            (
                "出台了一系列有针对性的政策措施，但仍存在一些短板，进一步营造良好环境，统一、一体化平台、“一站式”网上发布平台",
                &[],
            ),
            ("一方面是做好网络应用服务，另一方面是用好互联网平台", &["一", "一"]),
            ("一部分，一种新模式，一次性，一点点，一成不变，一大批，一条龙，一年一度，下一步", &[]),
            ("推动广东制造立足“一核一带一区”高水平布局", &[]),
            ("如何想方设法地卖出好销量，仅仅几个月就实现", &[]),
            ("珠三角其他城市基本实现城区核心区域覆盖；十分重要；千万不要；万一", &[]),
            ("投资三千万，百分之五十，十多个，100多万人", &["三千万", "百分之五十", "十", "100多万"]),
            ("36,988座；2020/6/1；１２３个；50％", &["36,988", "2020/6/1", "１２３", "50％"]),
            ("about 1/4. 1/2.5 1,2 2019,2020", &["1/4", "1/2", "5", "1", "2", "2019", "2020"]),
        ];
        for (text, expected) in table {
            assert_eq!(scanned(text), *expected, "{text}");
        }
    }

    #[test]
    fn scan_offsets_are_byte_offsets() {
        let text = "约占全国1/4，居全国第一";
        for s in scan(text) {
            assert_eq!(&text[s.start..s.end], s.text);
        }
        let s = scan(text);
        assert_eq!(s[0].start, "约占全国".len());
        assert_eq!(s[1].text, "一");
        assert_eq!(s[1].start, "约占全国1/4，居全国第".len());
    }

    #[test]
    fn scan_of_the_expression_covers_parse() {
        // Every parseable seed expression contains exactly one span.
        for e in [
            "36988座",
            "4.1万座",
            "超315亿元",
            "2.30%",
            "50%以上",
            "一半以上",
            "约1/4",
            "十大",
            "第2家",
            "第一",
            "80多个",
            "850万人次",
            "近100万",
            "不到10%",
            "连续4年",
        ] {
            assert_eq!(scan(e).len(), 1, "{e}");
        }
    }

    #[test]
    fn a_fraction_of_huge_numbers_is_an_error_not_infinity() {
        let input = format!("{}/{}", "9".repeat(400), "9".repeat(20));
        assert!(parse_expr(&input).is_err());
        assert!(parse_expr(&format!("{}亿亿亿亿元", "9".repeat(400))).is_err());
    }
}
