//! The reports the first load does not carry, as the on-demand module shows them once their files
//! have been read: the list of reports (`list`), a report opened (`report_body`: its sections,
//! each chart drawn as SVG with its numbers and their sentences beneath it, and the series of its
//! indicators across every report), and what a search finds in them (`search_hits`). Plain
//! functions of the reports, so they are tested natively like the rest of the markup.
//!
//! A fact no person has reviewed yet (`status = "draft"`) is marked wherever it is shown.

use charts::registry::build;
use charts::series::{month_label, series, SeriesSpec};
use charts::series_draw::series_svg;
use charts::spec::ChartSpec;
use facts::i18n::Lang;
use facts::{Catalogue, Fact, Report};

use crate::downloads::svg_font_sizes_in_px;
use crate::html;
use crate::html::Html;
use crate::inline_svg::{svg, themed, PLACEHOLDERS};
use crate::markup::draft_mark;
use crate::search::{self, Filter};
use catalogue::fact_text;

/// The narrowest and widest CSS px the charts of other reports are drawn at; the page scales a
/// drawing to its box.
const CHART_WIDTH: (f64, f64) = (280.0, 560.0);

/// One entry of the index of reports: what the list shows before its file is read.
#[derive(Clone, Debug, Default, PartialEq, Eq)]
pub struct Listed {
    pub name: String,
    /// Article titles, (zh, en).
    pub titles: Vec<(String, String)>,
    pub facts: usize,
    pub drafts: usize,
}

/// The list of other reports, each a `<details data-report>` whose body is filled when opened.
pub fn list(reports: &[Listed], lang: Lang) -> Html {
    let items: Html = reports
        .iter()
        .map(|r| {
            let titles: Vec<&str> = r.titles.iter().map(|(zh, en)| lang.pick(zh, en)).collect();
            let drafts = if r.drafts > 0 {
                html!(
                    " <span class=\"draft-mark\">{}</span>",
                    match lang {
                        Lang::Zh => format!("{}个数字未审核", r.drafts),
                        Lang::En => format!("{} figures not yet reviewed", r.drafts),
                    }
                )
            } else {
                Html::default()
            };
            let count = match lang {
                Lang::Zh => format!("{}个数字", r.facts),
                Lang::En => format!("{} figures", r.facts),
            };
            html!(
                "<details class=\"report\" data-report=\"{}\"><summary class=\"report__summary\"><span class=\"report__title\">{}</span> <span class=\"report__count\">{}</span>{}</summary><div class=\"report__body\" data-report-body=\"{}\"></div></details>",
                r.name,
                titles.join(" · "),
                count,
                drafts,
                r.name
            )
        })
        .collect();
    html!(
        "<h2 class=\"reports__title\">{}</h2><p class=\"reports__lede\">{}</p>{}",
        lang.pick("更多报告", "More reports"),
        lang.pick(
            "打开一份报告即加载其数据；每个数字都附有原文句子。",
            "Opening a report loads its data; every figure comes with its sentence."
        ),
        items
    )
}

/// The report's sections and charts, then the series of its indicators across `all` (every
/// report read so far, this one included). `focus` is a fact to mark in its table; `width` is the
/// CSS width the charts will have.
pub fn report_body(report: &Report, all: &[Report], focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let width = if width.is_finite() { width.clamp(CHART_WIDTH.0, CHART_WIDTH.1) } else { CHART_WIDTH.1 };
    let c = &report.catalogue;
    let drafts = c.facts.iter().filter(|f| !c.reviewed(&f.id)).count();
    let mut out = Html::default();
    if drafts > 0 {
        out.push(&html!(
            "<p class=\"report__draft\" role=\"note\">{}</p>",
            match lang {
                Lang::Zh => format!("本报告的目录由工具起草，{}个数字尚未经人工审核，请以原文为准。", drafts),
                Lang::En => format!(
                    "This report's catalogue was drafted by a tool: {} figures have not yet been reviewed by a person. The sentences are the evidence.",
                    drafts
                ),
            }
        ));
    }
    for s in &c.sections {
        let charts: Html = c
            .charts
            .iter()
            .filter(|d| d.section == s.id)
            .map(|d| match build(d, &c, lang) {
                Ok(spec) => figure(&c, &spec, focus, width, lang),
                Err(e) => html!(
                    "<figure class=\"chart\" data-chart=\"{}\"><p class=\"chart__error\" role=\"alert\">{}: {}</p></figure>",
                    d.id,
                    lang.pick("无法显示此图表", "This chart cannot be shown"),
                    e.to_string()
                ),
            })
            .collect();
        out.push(&html!(
            "<section class=\"topic\" id=\"{}\" data-section=\"{}\"><h3 class=\"topic__title\">{}</h3><div class=\"topic__charts\">{}</div></section>",
            s.id,
            s.id,
            lang.pick(&s.title.0, &s.title.1),
            charts
        ));
    }
    let mut indicators: Vec<&str> = Vec::new();
    for i in c.facts.iter().filter_map(|f| f.indicator.as_deref()) {
        if !indicators.contains(&i) {
            indicators.push(i);
        }
    }
    let series: Html = indicators
        .iter()
        .filter_map(|i| series(i, all, lang))
        .map(|s| series_figure(&s, all, focus, width, lang))
        .collect();
    if !series.as_str().is_empty() {
        out.push(&html!(
            "<section class=\"topic report__series\"><h3 class=\"topic__title\">{}</h3><div class=\"topic__charts\">{}</div></section>",
            lang.pick("跨报告的指标", "Indicators across reports"),
            series
        ));
    }
    out
}

/// One chart of another report: heading, the chart as SVG, and every number it draws with its
/// sentence.
fn figure(c: &Catalogue, spec: &ChartSpec, focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let rows: Html = spec
        .bars()
        .map(|b| match b.fact_id.and_then(|id| c.fact(id)) {
            Some(f) => fact_row(c, f, focus, None, lang),
            None => html!(
                "<tr class=\"derived\"><th scope=\"row\">{}</th><td class=\"num\">{}</td><td>{}</td><td></td><td></td></tr>",
                b.label,
                b.value_text,
                lang.pick("推算值", "computed")
            ),
        })
        .collect();
    let notes: Html = spec.notes.iter().map(|n| html!("<p class=\"chart__note\">{}</p>", n)).collect();
    html!(
        "<figure class=\"chart chart--static\" data-chart=\"{}\" id=\"chart-{}\">{}<div class=\"chart__svg\" role=\"img\" aria-label=\"{}\">{}</div>{}{}<p class=\"chart__source\">{}</p></figure>",
        spec.id,
        spec.id,
        crate::markup::figure_heading(Some(spec)),
        spec.title,
        // plotters' SVG: drawn by us from the catalogue's numbers and labels, which it escapes.
        Html::trusted(themed(&svg(spec, width, &PLACEHOLDERS, "chart__drawing"))),
        table(&rows, false, lang),
        notes,
        spec.source
    )
}

fn table(rows: &Html, with_report: bool, lang: Lang) -> Html {
    let mut head = vec![("指标", "Indicator"), ("数值", "Value"), ("性质", "Kind"), ("时间", "Period")];
    if with_report {
        head.push(("报告", "Report"));
    }
    head.push(("原文", "Sentence"));
    let head: Html = head.iter().map(|(zh, en)| html!("<th scope=\"col\">{}</th>", lang.pick(zh, en))).collect();
    html!(
        "<div class=\"table-scroll\"><table class=\"chart__table\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table></div>",
        head,
        rows
    )
}

/// A fact's row: label, value, kind, period, (report,) and its sentence, marked when unreviewed.
fn fact_row(c: &Catalogue, f: &Fact, focus: Option<&str>, report: Option<&str>, lang: Lang) -> Html {
    let t = fact_text::describe(c, f, lang);
    let focus = if focus == Some(&f.id) { html!(" class=\"is-focus\" aria-current=\"true\"") } else { Html::default() };
    let report = report.map(|r| html!("<td>{}</td>", r)).unwrap_or_default();
    html!(
        "<tr data-away-fact=\"{}\"{}><th scope=\"row\">{}{}</th><td class=\"num\" data-value=\"{}\">{}</td><td>{}</td><td>{}</td>{}<td><q lang=\"zh-CN\">{}</q></td></tr>",
        f.id,
        focus,
        t.label,
        draft_mark(c, f, lang),
        f.value,
        t.value,
        t.qualifier,
        t.period,
        report,
        f.quote
    )
}

/// A series across reports: the time chart and a row per point with its report and sentence.
fn series_figure(s: &SeriesSpec, all: &[Report], focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let title_of = |name: &str| {
        all.iter()
            .find(|r| r.name == name)
            .and_then(|r| r.catalogue.articles.first())
            .map_or(name.to_string(), |a| lang.pick(&a.title_zh, &a.title_en).to_string())
    };
    let catalogue_of = |name: &str| all.iter().find(|r| r.name == name).map(|r| &r.catalogue);
    let rows: Html = s
        .points
        .iter()
        .filter_map(|p| {
            Some(fact_row(&catalogue_of(p.report)?.clone(), p.fact, focus, Some(&title_of(p.report)), lang))
        })
        .collect();
    // Titled by the latest point a person has reviewed (a draft's label may be a placeholder).
    let reviewed = |p: &&charts::series::SeriesPoint| catalogue_of(p.report).is_some_and(|c| c.reviewed(&p.fact.id));
    let titled = s.points.iter().rev().find(reviewed).or(s.points.last());
    let latest = titled.map_or("", |p| lang.pick(&p.fact.label_zh, &p.fact.label_en));
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
    let notes: Html = notes.iter().map(|n| html!("<p class=\"chart__note\">{}</p>", n.as_str())).collect();
    html!(
        "<figure class=\"chart chart--static chart--series\" data-series=\"{}\"><h4 class=\"chart__title\">{}</h4><p class=\"chart__subtitle\">{}</p><div class=\"chart__svg\" role=\"img\" aria-label=\"{}\">{}</div>{}{}</figure>",
        s.indicator,
        latest,
        match lang {
            Lang::Zh => format!("{}个时点，来自{}份报告", s.points.len(), distinct_reports(s)),
            Lang::En => format!("{} points from {} reports", s.points.len(), distinct_reports(s)),
        },
        latest,
        // plotters' SVG, drawn from the catalogue's numbers.
        Html::trusted(themed(&svg_font_sizes_in_px(&series_svg(s, width, lang, &PLACEHOLDERS)))),
        table(&rows, true, lang),
        notes
    )
}

fn distinct_reports(s: &SeriesSpec) -> usize {
    let mut names: Vec<&str> = s.points.iter().map(|p| p.report).collect();
    names.sort_unstable();
    names.dedup();
    names.len()
}

/// What a search finds in the other reports, as links that open the fact where it is shown.
pub fn search_hits(reports: &[Report], text: &str, lang: Lang) -> Html {
    let filter = Filter { text: text.to_string(), ..Filter::default() };
    if filter.is_empty() {
        return Html::default();
    }
    let mut items = Html::default();
    let mut n = 0;
    for r in reports {
        let c = &r.catalogue;
        for f in search::filter(&c, &filter) {
            n += 1;
            let t = fact_text::describe(&c, f, lang);
            let chart = c.charts.iter().find(|d| d.fact_ids().contains(&f.id.as_str())).map_or("", |d| &d.id);
            items.push(&html!(
                "<li class=\"fact-list__item\"><a class=\"fact-list__button\" href=\"?chart={}&amp;fact={}\" data-away=\"?chart={}&amp;fact={}\"><span class=\"fact-list__label\">{}{}</span><span class=\"fact-list__value\">{}</span><span class=\"fact-list__meta\">{}</span></a></li>",
                chart,
                f.id,
                chart,
                f.id,
                t.label,
                draft_mark(&c, f, lang),
                t.value,
                format!("{} · {}", t.period, t.article)
            ));
        }
    }
    let heading = match lang {
        Lang::Zh => format!("其他报告中的{n}个数字"),
        Lang::En => format!("{n} figures in other reports"),
    };
    html!("<h3 class=\"finder__elsewhere-title\">{}</h3><ul class=\"fact-list\">{}</ul>", heading, items)
}
