//! The claim checker's result, as markup: one verdict per number the sentence states and one for
//! the sentence, each with the fact it was matched to, that fact's source sentence and one line
//! of reasoning in the reader's language. On a site of several reports the sentence is weighed
//! against every report ([`Weighed`]): a fact of another report is named with its report and
//! links to it on that report's page, and where two reports match a number equally well the
//! verdict says so. The judging itself is `claims`; this module only says what it found. Built
//! into the on-demand module, never the first load.

use crate::html;
use crate::html::Html;
use crate::view_state::MAX_CHECK_CHARS;
use catalogue::fact_text;
use catalogue::format::value_with_unit;
use claims::read::Stated;
use claims::{Check, Judgement, Verdict};
use facts::i18n::Lang;
use facts::{Catalogue, Fact, Qualifier, Unit, UnitKind};

/// `data-claim-verdict` of a sentence that states no number: nothing to judge.
pub const NO_NUMBER: &str = "no-number";

/// The verdict's name for the reader.
pub fn verdict_label(v: Verdict, lang: Lang) -> &'static str {
    match v {
        Verdict::Consistent => lang.pick("与报告一致", "Consistent with the report"),
        Verdict::Inconsistent => lang.pick("与报告不符", "Inconsistent with the report"),
        Verdict::Unsupported => lang.pick("报告不能证实", "Not established by the report"),
        Verdict::NotFound => lang.pick("报告中未找到", "Not found in the report"),
    }
}

/// A report the checker weighs a sentence against.
pub struct Weighed<'a> {
    pub catalogue: &'a Catalogue,
    /// Its title in the reader's language, to name it when several reports are weighed.
    pub title: String,
    /// The link to its page; "" for the open report, whose facts are shown in place.
    pub page: String,
}

impl<'a> Weighed<'a> {
    /// The open report alone, as on a site of one report.
    pub fn open(catalogue: &'a Catalogue) -> Vec<Weighed<'a>> {
        vec![Weighed { catalogue, title: String::new(), page: String::new() }]
    }
}

/// The result of checking `sentence` against `reports` (the open report first):
/// `<div class="claim" data-claim-verdict="…">`.
pub fn result(reports: &[Weighed], sentence: &str, check: &Check, lang: Lang) -> Html {
    let Some(verdict) = check.verdict else {
        return html!(
            "<div class=\"claim\" data-claim-verdict=\"{}\"><p class=\"claim__summary\">{}</p></div>",
            NO_NUMBER,
            lang.pick(
                "这句话里没有可核对的数字：核对器只判断数字，不判断措辞。",
                "This sentence states no number to check: the checker judges numbers, not wording."
            )
        );
    };
    let count = check.numbers.len();
    let summary = match lang {
        Lang::Zh if count == 1 => "核对了1个数字。".to_string(),
        Lang::Zh => format!("共核对{count}个数字，整句以最不利的一项为准。"),
        Lang::En if count == 1 => "One number checked.".to_string(),
        Lang::En => format!("{count} numbers checked; the sentence takes the verdict of its weakest one."),
    };
    let numbers: Html = check.numbers.iter().filter_map(|j| number(reports, sentence, j, lang)).collect();
    html!(
        "<div class=\"claim\" data-claim-verdict=\"{}\"><p class=\"claim__summary\"><span class=\"verdict verdict--{}\">{}</span> {}</p><ol class=\"claim__numbers\">{}</ol></div>",
        verdict.id(),
        verdict.id(),
        verdict_label(verdict, lang),
        summary,
        numbers
    )
}

/// One stated number: what it says, the verdict, why, and the fact with its sentence.
fn number(reports: &[Weighed], sentence: &str, j: &Judgement, lang: Lang) -> Option<Html> {
    let weighed = reports.get(j.report)?;
    let fact_id = j.fact.map_or("", |f| &f.id);
    let evidence = match j.fact {
        Some(f) => evidence(weighed, reports.len() > 1, f, lang),
        None => Html::default(),
    };
    let mut why = reason(weighed.catalogue, sentence, j, lang);
    if reports.len() > 1 && j.fact.is_none() {
        why = match lang {
            Lang::Zh => format!("本站{}份报告都核对过：{why}", reports.len()),
            Lang::En => format!("All {} reports of the site were weighed: {why}", reports.len()),
        };
    }
    let also: Vec<&str> = j.also.iter().filter_map(|i| reports.get(*i)).map(|w| w.title.as_str()).collect();
    if !also.is_empty() {
        why.push(' ');
        why.push_str(&match lang {
            Lang::Zh => format!("《{}》中也有同样相符的数字，这句话没有写明时间或地区，无法区分它说的是哪份报告。", also.join("》《")),
            Lang::En => format!(
                "“{}” has a figure that matches as closely: the sentence names no period or place that tells the reports apart.",
                also.join("”, “")
            ),
        });
    }
    Some(html!(
        "<li class=\"claim__number\" data-verdict=\"{}\" data-fact=\"{}\"><p class=\"claim__stated\"><q lang=\"{}\">{}</q> <span class=\"verdict verdict--{}\">{}</span></p><p class=\"claim__reason\">{}</p>{}</li>",
        j.verdict.id(),
        fact_id,
        if is_cjk(&j.stated.text) { "zh-CN" } else { "en" },
        j.stated.text,
        j.verdict.id(),
        verdict_label(j.verdict, lang),
        why,
        evidence
    ))
}

/// The fact a number was matched to, its source sentence, and the ways to see it in context: in
/// place for the open report, on its own page for another (`several`: the report is named).
fn evidence(weighed: &Weighed, several: bool, f: &Fact, lang: Lang) -> Html {
    let t = fact_text::describe(weighed.catalogue, f, lang);
    let gloss = if t.gloss.is_empty() { Html::default() } else { html!("<p class=\"claim__gloss\">{}</p>", t.gloss) };
    let whose = match (several, lang) {
        (false, _) => lang.pick("报告：", "The report: ").to_string(),
        (true, Lang::Zh) => format!("《{}》：", weighed.title),
        (true, Lang::En) => format!("“{}”: ", weighed.title),
    };
    let show = if weighed.page.is_empty() {
        html!(
            "<button type=\"button\" class=\"link claim__show\" data-fact=\"{}\">{}</button>",
            f.id,
            lang.pick("在图表中查看", "Show in its chart")
        )
    } else {
        html!(
            "<a class=\"claim__show\" href=\"{}?fact={}\" data-report-link=\"\">{}</a>",
            weighed.page,
            f.id,
            lang.pick("在该报告的页面查看", "Show on its report's page")
        )
    };
    html!(
        "<p class=\"claim__fact\">{}<strong>{}</strong>{}{}<span class=\"claim__meta\"> ({})</span></p><blockquote class=\"claim__quote\" lang=\"zh-CN\">“{}”</blockquote>{}<p class=\"claim__links\">{} <a class=\"claim__read\" href=\"{}?read={}&amp;fact={}\" data-read-fact=\"{}\">{}</a></p>",
        whose,
        t.label,
        lang.pick("：", ": "),
        t.value,
        format!("{} · {}", t.period, t.region),
        t.quote,
        gloss,
        show,
        weighed.page,
        f.article,
        f.id,
        f.id,
        lang.pick("在报告中阅读", "Read in the report")
    )
}

/// One line on why the verdict is what it is, naming both numbers.
pub fn reason(catalogue: &Catalogue, sentence: &str, j: &Judgement, lang: Lang) -> String {
    let Some(f) = j.fact else {
        return not_found_reason(catalogue, &j.stated, lang);
    };
    let unit = catalogue.unit(&f.unit);
    let claim =
        unit.map_or_else(|| j.stated.text.clone(), |u| value_with_unit(j.stated.value, u, j.stated.qualifier, lang));
    let report = fact_text::describe(catalogue, f, lang).value;
    let mut line = match (j.verdict, lang) {
        (Verdict::Consistent, Lang::Zh) if j.stated.qualifier == Qualifier::Exact => {
            format!("报告写的是{report}，“{claim}”在报告数字的取整范围内。")
        }
        (Verdict::Consistent, Lang::Zh) => format!("报告写的是{report}，这一数字落在“{claim}”所说的范围内。"),
        (Verdict::Consistent, Lang::En) if j.stated.qualifier == Qualifier::Exact => {
            format!("The report says {report}; “{claim}” is what that figure reads as, within its rounding.")
        }
        (Verdict::Consistent, Lang::En) => {
            format!("The report says {report}, which lies wholly within “{claim}”.")
        }
        (Verdict::Inconsistent, Lang::Zh) => format!("报告写的是{report}，与“{claim}”不可能同时成立。"),
        (Verdict::Inconsistent, Lang::En) => format!("The report says {report}, which rules out “{claim}”."),
        (Verdict::Unsupported, Lang::Zh) => {
            format!("报告只写了{report}，不足以证实“{claim}”，也不能排除它。")
        }
        (Verdict::Unsupported, Lang::En) => {
            format!("The report says only {report}: that neither establishes nor rules out “{claim}”.")
        }
        (Verdict::NotFound, _) => not_found_reason(catalogue, &j.stated, lang),
    };
    if let Some(note) = period_note(sentence, f, lang) {
        line.push(' ');
        line.push_str(&note);
    }
    line
}

/// Why no fact was matched: the sentence does not say what the number counts, or nothing in the
/// report measures it.
fn not_found_reason(catalogue: &Catalogue, stated: &Stated, lang: Lang) -> String {
    if stated.units.is_empty() && stated.kind.is_none() {
        return lang
            .pick(
                "这句话没有说明这个数字的单位，无法判断它指的是报告中的哪项数据。",
                "The sentence does not say what this number counts, so it cannot be matched to a figure of the report.",
            )
            .to_string();
    }
    let units: Vec<&str> = stated
        .units
        .iter()
        .filter_map(|id| catalogue.unit(id))
        .map(|u: &Unit| match (u.kind, lang) {
            (UnitKind::Percent, _) => "%",
            (_, Lang::Zh) => &u.zh,
            (_, Lang::En) => &u.en,
        })
        .collect();
    match lang {
        Lang::Zh if units.is_empty() => "报告中没有一项数据与这句话所说的相符。".to_string(),
        Lang::Zh => format!("报告中以“{}”计的数据，没有一项说的是这件事。", units.join("、")),
        Lang::En if units.is_empty() => "No figure in the report measures what this sentence speaks of.".to_string(),
        Lang::En => format!("No figure of the report in {} measures what this sentence speaks of.", units.join(", ")),
    }
}

/// A warning when the sentence names a year the matched fact's period does not cover: the
/// verdict compares numbers, and the reader should know the years differ.
fn period_note(sentence: &str, f: &Fact, lang: Lang) -> Option<String> {
    if !claims::other_years(sentence, f) {
        return None;
    }
    let period = fact_text::period(&f.period, lang);
    Some(match lang {
        Lang::Zh => format!("报告的这一数字属于{period}，与这句话所说的年份不同。"),
        Lang::En => format!("The report's figure is for another time ({period}) than the year the sentence names."),
    })
}

fn is_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The checker's form: the sentence field (filled with `text`) and its button.
pub fn form(text: &str, lang: Lang) -> Html {
    html!(
        "<form class=\"checker__form\" role=\"search\" aria-label=\"{}\"><label for=\"check-text\">{}</label><textarea id=\"check-text\" name=\"check\" rows=\"3\" data-focus=\"text\" maxlength=\"{}\" placeholder=\"{}\">{}</textarea><button type=\"submit\" class=\"checker__go\" data-focus=\"go\">{}</button></form>",
        lang.pick("核对说法", "Check a claim"),
        lang.pick("粘贴一句含有数字的话（中文或英文），与报告原文核对：", "Paste a sentence with numbers in it (Chinese or English) to check it against the report:"),
        MAX_CHECK_CHARS,
        lang.pick("例如：广东减税降费超过2000亿元", "e.g. Guangdong cut taxes and fees by more than 200 billion yuan"),
        text,
        lang.pick("核对", "Check")
    )
}

/// The checker's panel: its heading, close button, [`form`] filled with `text`, and the live
/// region holding `result` (the verdicts on `text`, or nothing yet).
pub fn panel(text: &str, result: &Html, lang: Lang) -> Html {
    html!(
        "<section id=\"checker\" class=\"checker\" aria-labelledby=\"checker-title\"><div class=\"checker__head\"><h2 id=\"checker-title\" tabindex=\"-1\">{}</h2><button type=\"button\" class=\"checker__close\" aria-label=\"{}\" data-focus=\"close\">×</button></div>{}<div class=\"checker__result\" aria-live=\"polite\">{}</div></section>",
        lang.pick("核对一句话", "Check a claim"),
        lang.pick("关闭核对", "Close the checker"),
        form(text, lang),
        result
    )
}

/// Shown in the desk until the on-demand module has drawn the checker or the reading view.
pub fn loading(lang: Lang) -> Html {
    html!(
        "<p class=\"desk__loading\" role=\"status\">{}</p>",
        lang.pick(
            "正在载入原文与核对器……若此行一直不消失，请检查网络后刷新页面。",
            "Loading the report and the checker… If this line stays, check the connection and reload the page."
        )
    )
}

/// Shown in place of the checker or the reading view when the on-demand module cannot load.
pub fn unavailable(lang: Lang) -> Html {
    html!(
        "<p class=\"desk__failed\" role=\"alert\">{}</p>",
        lang.pick("此部分未能载入，请重试。", "This part could not be loaded; please try again.")
    )
}

/// The checker as the on-demand module serves it: the panel, with the verdicts when there is a
/// sentence to check.
pub fn checker(reports: &[Weighed], text: &str, lang: Lang) -> Html {
    let catalogues: Vec<&Catalogue> = reports.iter().map(|w| w.catalogue).collect();
    let result = match text.trim() {
        "" => Html::default(),
        t => result(reports, t, &claims::check_reports(&catalogues, t), lang),
    };
    panel(text, &result, lang)
}

/// Shown as the checker's result while the site's other reports are read, so that a sentence is
/// never judged against the open report alone on a site of several.
pub fn weighing(lang: Lang) -> Html {
    html!(
        "<p class=\"checker__weighing\" role=\"status\">{}</p>",
        lang.pick(
            "正在读取本站的全部报告，以便逐一核对……",
            "Reading every report of the site to weigh the sentence against them all…"
        )
    )
}
