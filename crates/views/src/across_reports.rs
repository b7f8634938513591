//! What the open report shares with the site's other reports, as the on-demand module shows it
//! once it has read their files: the series of the open report's indicators across every report
//! that has a point of them (`series_section`; each point a hit target with its tip, a link to it), and what a search finds in the other reports
//! (`search_hits`), each point and hit a link to its fact on its own report's page. Plain
//! functions of the reports, so they are tested natively like the rest of the markup.
//!
//! A fact no person has reviewed yet (`status = "draft"`) is marked wherever it is shown.

use charts::series::{change, month_label, series, SeriesPoint, SeriesSpec};
use charts::series_draw::{point_positions, series_size, series_svg};
use facts::i18n::Lang;
use facts::{Fact, Report, Unit};

use crate::downloads::svg_font_sizes_in_px;
use crate::html;
use crate::html::Html;
use crate::inline_svg::{themed, PLACEHOLDERS};
use crate::markup::{draft_mark, indicator_button};
use crate::search::{self, Filter};
use catalogue::fact_text;

/// The narrowest and widest CSS px the series are drawn at; the page scales a drawing to its box.
const CHART_WIDTH: (f64, f64) = (280.0, 560.0);

/// A report of the site with the link to its page (`catalogue::pages::page_link`).
pub struct OnPage<'a> {
    pub report: &'a Report,
    pub page: &'a str,
}

/// The series of `open`'s indicators across `all` (every report read, `open` among them) with at
/// least one point in another report; nothing when there is none. `focus` is a fact to mark;
/// `width` the CSS width the charts will have.
pub fn series_section(open: &Report, all: &[OnPage], focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let width = if width.is_finite() { width.clamp(CHART_WIDTH.0, CHART_WIDTH.1) } else { CHART_WIDTH.1 };
    let reports: Vec<Report> = all.iter().map(|r| r.report.clone()).collect();
    let mut indicators: Vec<&str> = Vec::new();
    for i in open.catalogue.facts.iter().filter_map(|f| f.indicator.as_deref()) {
        if !indicators.contains(&i) {
            indicators.push(i);
        }
    }
    let series: Html = indicators
        .iter()
        .filter_map(|i| series(i, &reports, lang))
        .filter(|s| s.points.iter().any(|p| p.report != open.name))
        .map(|s| series_figure(&s, all, focus, width, lang))
        .collect();
    if series.as_str().is_empty() {
        return series;
    }
    html!(
        "<section class=\"topic across\" aria-labelledby=\"across-title\"><h2 class=\"topic__title\" id=\"across-title\">{}</h2><div class=\"topic__charts\">{}</div></section>",
        lang.pick("跨报告的指标", "Indicators across reports"),
        series
    )
}

pub(crate) fn table(rows: &Html, lang: Lang) -> Html {
    let head: Html = [
        ("指标", "Indicator"),
        ("数值", "Value"),
        ("性质", "Kind"),
        ("时间", "Period"),
        ("报告", "Report"),
        ("较上一时点", "Change from the point before"),
        ("原文", "Sentence"),
    ]
    .iter()
    .map(|(zh, en)| html!("<th scope=\"col\">{}</th>", lang.pick(zh, en)))
    .collect();
    html!(
        "<div class=\"table-scroll\"><table class=\"chart__table\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        head,
        rows
    )
}

/// Whether a row's figure was revised by a later report, or revises an earlier one
/// (`catalogue::revisions`), with the other statement's figure and report.
pub(crate) enum RevisionMark {
    None,
    /// This statement revises an earlier one: (its figure, its report's title).
    Revises(String, String),
    /// A later report states this figure otherwise: (that figure, that report's title).
    RevisedBy(String, String),
}

/// A point's row: label, value, kind, period, its report (a link to the fact on that report's
/// page, or the page itself for the open report) and its sentence, marked when unreviewed and
/// when revised (`data-revised`: `later` for the figure that stands, `earlier` for the one it
/// replaced, both rows kept).
pub(crate) fn fact_row(
    r: &OnPage,
    f: &Fact,
    change: Html,
    revision: RevisionMark,
    focus: Option<&str>,
    lang: Lang,
) -> Html {
    let (c, report, page) = (&r.report.catalogue, title(r.report, lang), r.page);
    let t = fact_text::describe(c, f, lang);
    let focus = if focus == Some(&f.id) { html!(" class=\"is-focus\" aria-current=\"true\"") } else { Html::default() };
    let (revised, note) = match revision {
        RevisionMark::None => (Html::default(), Html::default()),
        RevisionMark::Revises(value, other) => (
            html!(" data-revised=\"later\""),
            html!(
                "<span class=\"revision\"><span class=\"revision__tag\">{}</span>{}</span>",
                lang.pick("修订", "revised"),
                match lang {
                    Lang::Zh => format!("此前《{other}》为{value}"),
                    Lang::En => format!("earlier: {value} in “{other}”"),
                }
            ),
        ),
        RevisionMark::RevisedBy(value, other) => (
            html!(" data-revised=\"earlier\""),
            html!(
                "<span class=\"revision revision--earlier\">{}</span>",
                match lang {
                    Lang::Zh => format!("已被《{other}》修订为{value}"),
                    Lang::En => format!("revised to {value} in “{other}”"),
                }
            ),
        ),
    };
    html!(
        "<tr data-series-fact=\"{}\"{}{}><th scope=\"row\">{}{}{}</th><td class=\"num\" data-value=\"{}\">{}{}</td><td>{}</td><td>{}</td><td><a href=\"{}?fact={}\">{}</a></td>{}<td><q lang=\"zh-CN\">{}</q></td></tr>",
        f.id,
        focus,
        revised,
        t.label,
        draft_mark(c, f, lang),
        indicator_button(f, lang),
        f.value,
        t.value,
        note,
        t.qualifier,
        t.period,
        page,
        f.id,
        report,
        change,
        f.quote
    )
}

/// The change from the point before (`data-change`: exact, at_most, at_least, unknown): a bound
/// where one figure is a bound, never a false exact figure; in percentage points for a percent.
fn change_cell(before: Option<&SeriesPoint>, p: &SeriesPoint, unit: &Unit, lang: Lang) -> Html {
    let Some(b) = before else { return html!("<td data-change=\"none\">—</td>") };
    if b.month == p.month {
        return html!(
            "<td data-change=\"same-period\">{}</td>",
            lang.pick("与上一行同一时期", "the same period as the row above")
        );
    }
    match catalogue::changes::change_words(change((b.value, b.qualifier), (p.value, p.qualifier)), unit, lang) {
        Some((kind, by, words)) => {
            html!("<td class=\"num\" data-change=\"{}\" data-change-by=\"{}\">{}</td>", kind, by, words)
        }
        None => html!("<td data-change=\"unknown\">{}</td>", catalogue::changes::unknown_words(lang)),
    }
}

/// A series across reports: the time chart and a row per point with its report and sentence.
pub(crate) fn series_figure(s: &SeriesSpec, all: &[OnPage], focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let on_page = |name: &str| all.iter().find(|r| r.report.name == name);
    let mut rows = Html::default();
    for (i, p) in s.points.iter().enumerate() {
        let Some(r) = on_page(p.report) else { continue };
        // The statements this point's figure revised come first, each beside the figure that
        // replaced it.
        let earlier: Vec<&SeriesPoint> = s.revised.iter().filter(|(_, at)| *at == i).map(|(e, _)| e).collect();
        for e in &earlier {
            let Some(er) = on_page(e.report) else { continue };
            let mark = RevisionMark::RevisedBy(p.value_text.clone(), title(r.report, lang));
            let note = html!(
                "<td data-change=\"revised\">{}</td>",
                lang.pick("已被后来的报告修订，不计入折线", "revised by a later report; not on the line")
            );
            rows.push(&fact_row(er, e.fact, note, mark, focus, lang));
        }
        let before = i.checked_sub(1).and_then(|b| s.points.get(b));
        let change = change_cell(before, p, &s.unit, lang);
        let mark = match earlier.last().and_then(|e| Some((e, on_page(e.report)?))) {
            Some((e, er)) => RevisionMark::Revises(e.value_text.clone(), title(er.report, lang)),
            None => RevisionMark::None,
        };
        rows.push(&fact_row(r, p.fact, change, mark, focus, lang));
    }
    // Titled by the latest point a person has reviewed (a draft's label may be a placeholder).
    let reviewed =
        |p: &&charts::series::SeriesPoint| on_page(p.report).is_some_and(|r| r.report.catalogue.reviewed(&p.fact.id));
    let titled = s.points.iter().rev().find(reviewed).or(s.points.last());
    let latest = titled.map_or("", |p| lang.pick(&p.fact.label_zh, &p.fact.label_en));
    // Titled by its indicator's declared name, with the definition under it: a point's label
    // ("截至2021年3月末累计5G基站") names one period, not the series.
    let declared = all.iter().find_map(|r| r.report.indicator(s.indicator));
    let name = declared.map_or(latest, |d| lang.pick(&d.name_zh, &d.name_en));
    let definition = declared.map_or(Html::default(), |d| {
        html!(
            "<p class=\"chart__definition\" data-indicator=\"{}\"><span class=\"chart__definition-label\">{}</span>{}</p>",
            d.id.as_str(),
            lang.pick("口径：", "Definition: "),
            lang.pick(&d.definition_zh, &d.definition_en)
        )
    });
    let missing: Vec<String> = s.missing.iter().map(|m| month_label(*m, lang)).collect();
    let mut notes = Vec::new();
    if !missing.is_empty() {
        notes.push(match lang {
            Lang::Zh => format!("缺少{}的数据：折线在此断开，不作推测。", missing.join("、")),
            Lang::En => format!("No report gives {}: the line breaks there rather than guess.", missing.join(", ")),
        });
    }
    if s.unplaced > 0 {
        notes.push(match lang {
            Lang::Zh => format!("另有{}个数字未注明时间，未画入。", s.unplaced),
            Lang::En => format!("{} more figures give no period and are not drawn.", s.unplaced),
        });
    }
    notes.push(
        lang.pick(
            "实心点为确数，空心点为约数，向上箭头为下限（以上、超过）。",
            "Filled: a stated value; hollow: an approximate one; an arrow up: a lower bound (at least, more than).",
        )
        .to_string(),
    );
    if !s.revised.is_empty() {
        notes.push(
            lang.pick(
                "空心方块为后来的报告已修订的数字：折线取修订后的数字，两者均列于表中。",
                "Hollow squares: figures a later report revised. The line takes the revised figure; the table lists both.",
            )
            .to_string(),
        );
    }
    let notes: Html = notes.iter().map(|n| html!("<p class=\"chart__note\">{}</p>", n.as_str())).collect();
    html!(
        "<figure class=\"chart chart--static chart--series\" data-series=\"{}\"><h4 class=\"chart__title\">{}</h4><p class=\"chart__subtitle\">{}</p>{}<div class=\"series__plot\"><div class=\"chart__svg\" role=\"img\" aria-label=\"{}\">{}</div>{}</div>{}{}</figure>",
        s.indicator,
        name,
        match lang {
            Lang::Zh => format!("{}个时点，来自{}份报告", s.points.len(), distinct_reports(s)),
            Lang::En => match distinct_reports(s) {
                1 => format!("{} points from 1 report", s.points.len()),
                n => format!("{} points from {n} reports", s.points.len()),
            },
        },
        definition,
        name,
        // plotters' SVG, drawn from the catalogue's numbers.
        Html::trusted(themed(&svg_font_sizes_in_px(&series_svg(s, width, lang, &PLACEHOLDERS)))),
        hits(s, all, focus, width, lang),
        table(&rows, lang),
        notes
    )
}

/// A hit target over each point of the drawing: a link to the fact on its report's page, whose
/// tip (on hover and keyboard focus, `style/report.css`) gives its value, period, report and
/// sentence. Placed by share of the drawing's size (`data-x`, `data-y`, in percent), which the
/// module turns into the targets' position once they are in the page (the page's policy lets no
/// markup carry a style).
fn hits(s: &SeriesSpec, all: &[OnPage], focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let at = point_positions(s, series_size(width));
    let point = |i: usize| s.points.get(i).or_else(|| s.revised.get(i - s.points.len()).map(|(p, _)| p));
    // The revised statements' targets first, so the figures that replaced them, drawn nearby, lie
    // over them.
    let order = (s.points.len()..s.points.len() + s.revised.len()).chain(0..s.points.len());
    let items: Html = order
        .filter_map(|i| Some((i, (point(i)?, *at.get(i)?))))
        .filter_map(|(i, (p, (x, y)))| {
            let r = all.iter().find(|r| r.report.name == p.report)?;
            let c = &r.report.catalogue;
            let t = fact_text::describe(c, p.fact, lang);
            let mut current = if focus == Some(&p.fact.id) { html!(" aria-current=\"true\"") } else { Html::default() };
            // Past the points come the statements a later report revised.
            let mut value = t.value.clone();
            if i >= s.points.len() {
                current.push(&html!(" data-revised=\"earlier\""));
                value = format!("{value}{}", lang.pick("（已被修订）", " (revised since)"));
            }
            Some(html!(
                "<li><a class=\"series__hit{}\" href=\"{}?fact={}\" data-series-point=\"{}\" data-x=\"{}\" data-y=\"{}\"{}><span class=\"visually-hidden\">{} · {} · {}</span><span class=\"series__tip\" aria-hidden=\"true\"><span class=\"tooltip__value\">{}</span>{} <span class=\"tooltip__meta\">{} · {}</span> <q lang=\"zh-CN\">{}</q></span></a></li>",
                // A tip near an edge opens away from it, so it stays on the screen.
                match x {
                    x if x < 0.34 => " series__hit--start",
                    x if x > 0.66 => " series__hit--end",
                    _ => "",
                },
                r.page,
                p.fact.id,
                p.fact.id,
                format!("{:.2}", x * 100.0),
                format!("{:.2}", y * 100.0),
                current,
                value.as_str(),
                t.period,
                title(r.report, lang),
                value.as_str(),
                draft_mark(c, p.fact, lang),
                t.period,
                title(r.report, lang),
                p.fact.quote
            ))
        })
        .collect();
    html!("<ul class=\"series__hits\" aria-label=\"{}\">{}</ul>", lang.pick("各时点", "The points"), items)
}

fn distinct_reports(s: &SeriesSpec) -> usize {
    let mut names: Vec<&str> = s.points.iter().map(|p| p.report).collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// A report's title in `lang`: its first article's, or its name.
fn title(r: &Report, lang: Lang) -> String {
    crate::markup::report_title(r, lang == Lang::Zh)
}

/// What a search finds in `reports` (the others than the open one), as links that open each fact
/// on its report's page, with its chart in focus.
pub fn search_hits(reports: &[OnPage], text: &str, lang: Lang) -> Html {
    let filter = Filter { text: text.to_string(), ..Filter::default() };
    if filter.is_empty() {
        return Html::default();
    }
    let mut items = Html::default();
    let mut n = 0;
    for OnPage { report, page } in reports {
        let c = &report.catalogue;
        for f in search::filter(c, &filter) {
            n += 1;
            let t = fact_text::describe(c, f, lang);
            let chart = c.charts.iter().find(|d| d.fact_ids().contains(&f.id.as_str())).map_or("", |d| &d.id);
            let link = if chart.is_empty() {
                format!("{page}?fact={}", f.id)
            } else {
                format!("{page}?chart={chart}&fact={}", f.id)
            };
            items.push(&html!(
                "<li class=\"fact-list__item\"><a class=\"fact-list__button\" href=\"{}\" data-report-link=\"{}\"><span class=\"fact-list__label\">{}{}</span><span class=\"fact-list__value\">{}</span><span class=\"fact-list__meta\">{}</span></a>{}</li>",
                link,
                report.name,
                t.label,
                draft_mark(c, f, lang),
                t.value,
                format!("{} · {} · {}", t.period, t.article, title(report, lang)),
                indicator_button(f, lang)
            ));
        }
    }
    let heading = match lang {
        Lang::Zh => format!("其他报告中的{n}个数字"),
        Lang::En => format!("{n} figures in other reports"),
    };
    html!("<h3 class=\"finder__elsewhere-title\">{}</h3><ul class=\"fact-list\">{}</ul>", heading, items)
}
