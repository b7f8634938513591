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
use claims::when::{Fit, When};
use claims::{Basis, Check, Judgement, Verdict};
use facts::i18n::Lang;
use facts::{Catalogue, Fact, Period, Qualifier, Unit, UnitKind};

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
    /// What earlier reports said of figures this one revises (`catalogue::revisions`).
    pub earlier: Vec<EarlierStatement>,
}

impl<'a> Weighed<'a> {
    /// The open report alone, as on a site of one report.
    pub fn open(catalogue: &'a Catalogue) -> Vec<Weighed<'a>> {
        vec![Weighed { catalogue, title: String::new(), page: String::new(), earlier: Vec::new() }]
    }
}

/// A figure an earlier report stated otherwise than the report weighed: what the checker says
/// beside a verdict on the revised figure.
#[derive(Clone, Debug, PartialEq)]
pub struct EarlierStatement {
    /// The fact, of the report weighed, that revises it.
    pub fact: String,
    /// The earlier figure, as written ("5.2万座").
    pub value: String,
    /// The earlier report's title.
    pub report: String,
    /// The earlier sentence.
    pub quote: String,
}

/// What the checker weighs on a site of several reports (`all`: each report with the link to its
/// page): each report's catalogue less the figures a later report revised, so a sentence is
/// judged against the figure that stands, and what the earlier reports said of the figures each
/// one revises. Titles in `lang`.
pub fn standing(all: &[(facts::Report, String)], lang: Lang) -> Vec<(Catalogue, Vec<EarlierStatement>)> {
    let reports: Vec<facts::Report> = all.iter().map(|(r, _)| r.clone()).collect();
    let revisions = catalogue::revisions::revisions(&reports);
    catalogue::revisions::standing_with(&reports, &revisions)
        .into_iter()
        .map(|r| {
            let earlier = r
                .catalogue
                .facts
                .iter()
                .filter_map(|f| {
                    let e = catalogue::revisions::revises(&revisions, &r.name, &f.id)?;
                    let t = fact_text::describe(&e.report.catalogue, e.fact, lang);
                    Some(EarlierStatement {
                        fact: f.id.clone(),
                        value: t.value,
                        report: crate::markup::report_title(e.report, lang == Lang::Zh),
                        quote: e.fact.quote.clone(),
                    })
                })
                .collect();
            (r.catalogue, earlier)
        })
        .collect()
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

/// One stated number: what it says, the verdict, why, what it was matched on, and the fact with
/// its sentence.
fn number(reports: &[Weighed], sentence: &str, j: &Judgement, lang: Lang) -> Option<Html> {
    let weighed = reports.get(j.report)?;
    let fact_id = j.fact.map_or("", |f| &f.id);
    let evidence = match j.fact {
        Some(f) => evidence(weighed, reports.len() > 1, f, lang),
        None => Html::default(),
    };
    let mut why = reason(weighed.catalogue, j, lang);
    if reports.len() > 1 && j.fact.is_none() {
        why = match lang {
            Lang::Zh => format!("本站{}份报告都核对过：{why}", reports.len()),
            Lang::En => format!("All {} reports of the site were weighed: {why}", reports.len()),
        };
    }
    let others = others_line(reports, j, lang);
    Some(html!(
        "<li class=\"claim__number\" data-verdict=\"{}\" data-fact=\"{}\"><p class=\"claim__stated\"><q lang=\"{}\">{}</q> <span class=\"verdict verdict--{}\">{}</span></p><p class=\"claim__reason\">{}</p>{}{}{}</li>",
        j.verdict.id(),
        fact_id,
        if is_cjk(&j.stated.text) { "zh-CN" } else { "en" },
        j.stated.text,
        j.verdict.id(),
        verdict_label(j.verdict, lang),
        why,
        basis_line(weighed.catalogue, sentence, j, lang),
        others,
        evidence
    ))
}

/// What the number was matched on, so a wrong match shows at a glance: the place, the words it
/// shares with the fact, the period.
fn basis_line(catalogue: &Catalogue, sentence: &str, j: &Judgement, lang: Lang) -> Html {
    let (Some(f), Basis::Matched { place, words, period, when }) = (j.fact, &j.basis) else {
        return Html::default();
    };
    let region = catalogue.region(&f.region).map_or(f.region.as_str(), |r| lang.pick(&r.zh, &r.en));
    let place = match place {
        Some(p) => lang.pick(&p.zh, &p.en).to_string(),
        None => match lang {
            Lang::Zh => format!("句中未写（报告为{region}）"),
            Lang::En => format!("none named (the report's: {region})"),
        },
    };
    // Latin words as the sentence writes them (5G, GDP): they were compared in lower case.
    let lower = sentence.to_lowercase();
    let mut shown: Vec<&str> = words
        .iter()
        .filter(|w| w.chars().count() >= 2)
        .map(|w| match lower.find(w.as_str()).filter(|_| w.is_ascii()) {
            Some(at) => sentence.get(at..at + w.len()).unwrap_or(w),
            None => w.as_str(),
        })
        .collect();
    shown.dedup();
    let subject = shown.iter().take(6).map(|w| format!("“{w}”")).collect::<Vec<_>>().join(lang.pick("、", ", "));
    let fact_period = fact_text::period(&f.period, lang);
    let period = match (period, when) {
        (Fit::Unnamed, _) | (_, None) if f.period == Period::Unstated => {
            lang.pick("句中未写，报告也未注明", "none named, nor in the report").to_string()
        }
        (Fit::Unnamed, _) | (_, None) => match lang {
            Lang::Zh => format!("句中未写（报告为{fact_period}）"),
            Lang::En => format!("none named (the report's: {fact_period})"),
        },
        (Fit::Same, Some(w)) => format!("{}{}", when_text(*w, lang), lang.pick("（相同）", " (the same)")),
        (_, Some(w)) => match lang {
            Lang::Zh => format!("句中为{}，报告为{fact_period}", when_text(*w, lang)),
            Lang::En => format!("the sentence's is {}, the report's {fact_period}", when_text(*w, lang)),
        },
    };
    html!(
        "<p class=\"claim__basis\">{}<span>{}{}</span> · <span>{}{}</span> · <span>{}{}</span></p>",
        lang.pick("比对依据：", "Matched on: "),
        lang.pick("地区 ", "place "),
        place,
        lang.pick("所说的事 ", "subject "),
        subject,
        lang.pick("时期 ", "period "),
        period
    )
}

/// The same figure for other periods or in other reports, so the reader sees which one was used.
fn others_line(reports: &[Weighed], j: &Judgement, lang: Lang) -> Html {
    let Some(f) = j.fact.filter(|_| !j.others.is_empty()) else { return Html::default() };
    let name = |report: usize| match reports.get(report) {
        Some(w) if reports.len() > 1 => match lang {
            Lang::Zh => format!("《{}》", w.title),
            Lang::En => format!("“{}” ", w.title),
        },
        _ => String::new(),
    };
    let used = reports.get(j.report).map(|w| fact_text::describe(w.catalogue, f, lang));
    let list: Vec<String> = j
        .others
        .iter()
        .filter_map(|(r, o)| {
            let t = fact_text::describe(reports.get(*r)?.catalogue, o, lang);
            Some(match lang {
                Lang::Zh => format!("{}{}为{}", name(*r), t.period, t.value),
                Lang::En => format!("{}{}: {}", name(*r), t.period, t.value),
            })
        })
        .collect();
    let Some(used) = used else { return Html::default() };
    let text = match lang {
        Lang::Zh => format!(
            "比较的是{}{}的数字（{}）；同一数据在其他时期或报告中：{}。",
            name(j.report),
            used.period,
            used.value,
            list.join("；")
        ),
        Lang::En => format!(
            "Compared with the figure of {}{} ({}); the same figure for other periods or in other reports: {}.",
            name(j.report),
            used.period,
            used.value,
            list.join("; ")
        ),
    };
    html!("<p class=\"claim__periods\">{}</p>", text)
}

/// A period a sentence names, in the reader's language.
fn when_text(w: When, lang: Lang) -> String {
    let year_zh = |y: Option<u16>| y.map_or(String::new(), |y| format!("{y}年"));
    let year_en = |y: Option<u16>| y.map_or(String::new(), |y| format!(" {y}"));
    const MONTHS: [&str; 12] = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
    let month = |m: u8| MONTHS.get(usize::from(m).saturating_sub(1)).copied().unwrap_or("");
    match (w, lang) {
        (When::Year(y), Lang::Zh) => format!("{y}年"),
        (When::Year(y), Lang::En) => y.to_string(),
        (When::AsOf(y, m), Lang::Zh) => format!("截至{}{m}月末", year_zh(y)),
        (When::AsOf(y, m), Lang::En) => format!("end-{}{}", month(m), year_en(y)),
        (When::Months(y, a, b), Lang::Zh) => format!("{}{a}—{b}月", year_zh(y)),
        (When::Months(y, a, b), Lang::En) => format!("{}–{}{}", month(a), month(b), year_en(y)),
        (When::Since(y), Lang::Zh) => format!("{y}年以来"),
        (When::Since(y), Lang::En) => format!("since {y}"),
    }
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
    // The figure that stands revises an earlier report's: the checker says what that one said.
    let revised = match weighed.earlier.iter().find(|e| e.fact == f.id) {
        Some(e) => html!(
            "<p class=\"claim__revised\" data-revised=\"later\"><span class=\"revision__tag\">{}</span>{}<q lang=\"zh-CN\">{}</q></p>",
            lang.pick("修订", "Revised"),
            match lang {
                Lang::Zh => format!("此数字修订了较早的报告：《{}》曾为{}，原文：", e.report, e.value),
                Lang::En => format!(" This figure revises an earlier report: “{}” said {}, in the words ", e.report, e.value),
            },
            e.quote
        ),
        None => Html::default(),
    };
    html!(
        "<p class=\"claim__fact\">{}<strong>{}</strong>{}{}{}<span class=\"claim__meta\"> ({})</span></p><blockquote class=\"claim__quote\" lang=\"zh-CN\">“{}”</blockquote>{}{}<p class=\"claim__links\">{} <a class=\"claim__read\" href=\"{}?read={}&amp;fact={}\" data-read-fact=\"{}\">{}</a></p>",
        whose,
        t.label,
        lang.pick("：", ": "),
        t.value,
        crate::markup::indicator_button(f, lang),
        format!("{} · {}", t.period, t.region),
        t.quote,
        revised,
        gloss,
        show,
        weighed.page,
        f.article,
        f.id,
        f.id,
        lang.pick("在报告中阅读", "Read in the report")
    )
}

/// One line on why the verdict is what it is, naming both numbers, or, when nothing was found,
/// what did not match.
pub fn reason(catalogue: &Catalogue, j: &Judgement, lang: Lang) -> String {
    let Some(f) = j.fact else {
        return not_found_reason(catalogue, j, lang);
    };
    let unit = catalogue.unit(&f.unit);
    let claim =
        unit.map_or_else(|| j.stated.text.clone(), |u| value_with_unit(j.stated.value, u, j.stated.qualifier, lang));
    let t = fact_text::describe(catalogue, f, lang);
    let report = t.value;
    let period = match &j.basis {
        Basis::Matched { period, when, .. } => Some((*period, *when)),
        _ => None,
    };
    match (period, lang) {
        (Some((Fit::Other, Some(w))), Lang::Zh) => {
            return format!(
                "报告中的{report}是另一时期（{}）的数字，这句话说的是{}：报告没有这一时期的数字，不能证实也不能排除它。",
                t.period,
                when_text(w, lang)
            )
        }
        (Some((Fit::Other, Some(w))), Lang::En) => {
            return format!(
                "The report gives {report} for another period ({}); the sentence speaks of {}, for which the report has no figure: that neither establishes nor rules it out.",
                t.period,
                when_text(w, lang)
            )
        }
        (Some((Fit::NoYear, _)), Lang::Zh) => {
            return format!("这句话只写了月份，没有写年份，报告也没有可据以推定的年份；报告中的{report}属于{}。", t.period)
        }
        (Some((Fit::NoYear, _)), Lang::En) => {
            return format!(
                "The sentence names a month but no year, and the report gives none to read it in; the report's {report} is for {}.",
                t.period
            )
        }
        _ => {}
    }
    if j.periods_differ {
        return match lang {
            Lang::Zh => format!(
                "报告中{}为{report}，与“{claim}”不符；但这句话没有写时期，而各时期的数字不同，不能断定它错。",
                t.period
            ),
            Lang::En => format!(
                "The report says {report} ({}), which rules out “{claim}”; but the sentence names no period and the figures differ by period, so it cannot be called wrong.",
                t.period
            ),
        };
    }
    match (j.verdict, lang) {
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
        (Verdict::NotFound, _) => not_found_reason(catalogue, j, lang),
    }
}

/// Why no fact was matched: the figure is another place's, the report's figures of this kind
/// measure something else, the sentence does not say what the number counts, or nothing in the
/// report measures it.
fn not_found_reason(catalogue: &Catalogue, j: &Judgement, lang: Lang) -> String {
    let stated = &j.stated;
    match &j.basis {
        Basis::OtherPlace { fact, named, .. } => {
            let t = fact_text::describe(catalogue, fact, lang);
            return match lang {
                Lang::Zh => format!("报告中的{}（{}）是{}的，不是{}的。", t.value, t.label, t.region, named.zh),
                Lang::En => {
                    let named = if named.en.is_empty() { &named.zh } else { &named.en };
                    format!("The report's {} ({}) is {}'s, not {named}'s.", t.value, t.label, t.region)
                }
            };
        }
        Basis::OtherSubject { fact, word, .. } => {
            let t = fact_text::describe(catalogue, fact, lang);
            return match lang {
                Lang::Zh => format!("报告中没有关于“{word}”的数字；同类数字中最接近的是“{}”（{}）。", t.label, t.value),
                Lang::En => format!(
                    "No figure of the report speaks of “{word}”; the nearest of its kind is “{}” ({}).",
                    t.label, t.value
                ),
            };
        }
        _ => {}
    }
    if stated.units.is_empty() && stated.kind.is_none() {
        return lang
            .pick(
                "报告中没有一项数据与这句话所说的相符；这句话也没有说明这个数字的单位。",
                "No figure in the report measures what this sentence speaks of, and the sentence does not say what this number counts.",
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

fn is_cjk(text: &str) -> bool {
    text.chars().any(|c| ('\u{4e00}'..='\u{9fff}').contains(&c))
}

/// The checker's form: the sentence field (filled with `text`), how to send it, and its button.
/// Enter checks and Shift+Enter starts a new line (the module listens on the field).
pub fn form(text: &str, lang: Lang) -> Html {
    html!(
        "<form class=\"checker__form\" role=\"search\" aria-label=\"{}\"><label for=\"check-text\">{}</label><textarea id=\"check-text\" name=\"check\" rows=\"3\" data-focus=\"text\" maxlength=\"{}\" aria-describedby=\"check-hint\" placeholder=\"{}\">{}</textarea><p id=\"check-hint\" class=\"checker__hint\">{}</p><button type=\"submit\" class=\"checker__go\" data-focus=\"go\">{}</button></form>",
        lang.pick("核对说法", "Check a claim"),
        lang.pick("粘贴一句含有数字的话（中文或英文），与报告原文核对：", "Paste a sentence with numbers in it (Chinese or English) to check it against the report:"),
        MAX_CHECK_CHARS,
        lang.pick("例如：广东减税降费超过2000亿元", "e.g. Guangdong cut taxes and fees by more than 200 billion yuan"),
        text,
        lang.pick("按 Enter 核对，Shift+Enter 换行。", "Enter checks; Shift+Enter starts a new line."),
        lang.pick("核对", "Check")
    )
}

/// The checker's panel: its heading, close button, [`form`] filled with `text`, the status line
/// screen readers announce (`status`: the verdict in a sentence), and `result` (the verdicts on
/// `text`, or nothing yet). The module afterwards changes only the status and the result, so
/// the announcement comes from an element that stays.
pub fn panel(text: &str, result: &Html, status: &str, lang: Lang) -> Html {
    html!(
        "<section id=\"checker\" class=\"checker\" aria-labelledby=\"checker-title\" data-lang=\"{}\"><div class=\"checker__head\"><h2 id=\"checker-title\" tabindex=\"-1\">{}</h2><button type=\"button\" class=\"checker__close\" aria-label=\"{}\" data-focus=\"close\">×</button></div>{}<p class=\"checker__status visually-hidden\" role=\"status\">{}</p><div class=\"checker__result\">{}</div></section>",
        lang.pick("zh", "en"),
        lang.pick("核对一句话", "Check a claim"),
        lang.pick("关闭核对", "Close the checker"),
        form(text, lang),
        status,
        result
    )
}

/// The verdict in one sentence, for the status line: "与报告不符：核对了2个数字。"
pub fn status(check: &Check, lang: Lang) -> String {
    let Some(v) = check.verdict else {
        return lang.pick("这句话里没有可核对的数字。", "This sentence states no number to check.").to_string();
    };
    let n = check.numbers.len();
    match lang {
        Lang::Zh => format!("{}：核对了{n}个数字。", verdict_label(v, lang)),
        Lang::En if n == 1 => format!("{}: one number checked.", verdict_label(v, lang)),
        Lang::En => format!("{}: {n} numbers checked.", verdict_label(v, lang)),
    }
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

/// The verdicts on `text` weighed against `reports`, with the status line's sentence: what the
/// module writes into the panel ("" and nothing when there is no sentence yet).
pub fn verdicts(reports: &[Weighed], text: &str, lang: Lang) -> (Html, String) {
    let catalogues: Vec<&Catalogue> = reports.iter().map(|w| w.catalogue).collect();
    match text.trim() {
        "" => (Html::default(), String::new()),
        t => {
            let check = claims::check_reports(&catalogues, t);
            (result(reports, t, &check, lang), status(&check, lang))
        }
    }
}

/// The checker as the on-demand module serves it: the panel, with the verdicts when there is a
/// sentence to check.
pub fn checker(reports: &[Weighed], text: &str, lang: Lang) -> Html {
    let (result, status) = verdicts(reports, text, lang);
    panel(text, &result, &status, lang)
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
