//! An indicator's own view (`?indicator=ID`) and its card (what a `data-indicator` control
//! opens), as the on-demand module draws them once it has read the reports with points of it:
//! - the card: the indicator's name, its definition (口径), its unit and the indicators close to
//!   it, with a link to its view;
//! - the view: the same, then its series across the reports (every point with its report and
//!   sentence, the change between consecutive points, revisions marked with both statements),
//!   each indicator close to it side by side with its own definition and points (never joined in
//!   one line), and its points as a CSV file.

use charts::series::series;
use facts::i18n::Lang;
use facts::{Indicator, Report};

use crate::across_reports::{fact_row, series_figure, table, OnPage, RevisionMark};
use crate::html;
use crate::html::Html;

/// The declaration of `id` among the reports read.
pub fn declaration<'a>(all: &'a [OnPage], id: &str) -> Option<&'a Indicator> {
    all.iter().find_map(|r| r.report.indicator(id))
}

/// The indicators shown side by side with `d`: those it names, and those that name it.
pub fn close_to<'a>(all: &'a [OnPage], d: &Indicator) -> Vec<&'a Indicator> {
    let mut out: Vec<&Indicator> = Vec::new();
    for r in all {
        for i in &r.report.indicators {
            let close = d.compare_with.contains(&i.id) || i.compare_with.contains(&d.id);
            if close && i.id != d.id && !out.iter().any(|o| o.id == i.id) {
                out.push(i);
            }
        }
    }
    out
}

/// The name of the unit `d` is counted in, from a report that has it.
fn unit_name(all: &[OnPage], d: &Indicator, lang: Lang) -> String {
    all.iter()
        .find_map(|r| r.report.catalogue.unit(&d.unit))
        .map_or_else(|| d.unit.clone(), |u| lang.pick(&u.zh, &u.en).to_string())
}

/// "口径：…" on the element marked `data-indicator-definition`.
fn definition(d: &Indicator, lang: Lang) -> Html {
    html!(
        "<p class=\"chart__definition\" data-indicator-definition=\"{}\"><span class=\"chart__definition-label\">{}</span>{}</p>",
        d.id.as_str(),
        lang.pick("口径：", "Definition: "),
        lang.pick(&d.definition_zh, &d.definition_en)
    )
}

/// The link that opens `id`'s view on the open report's page.
fn view_link(id: &str, lang: Lang) -> Html {
    html!(
        "<a class=\"indicator-link\" href=\"?indicator={}\" data-indicator-link=\"{}\">{}</a>",
        id,
        id,
        lang.pick("查看该指标的全部时点", "Open this indicator: every point")
    )
}

/// The card of `d`: name, definition, unit, the indicators close to it, a link to its view.
pub fn card(all: &[OnPage], d: &Indicator, lang: Lang) -> Html {
    let close: Html = close_to(all, d)
        .iter()
        .map(|c| {
            html!(
                "<li><strong>{}</strong>{}{}</li>",
                lang.pick(&c.name_zh, &c.name_en),
                lang.pick("：", ": "),
                lang.pick(&c.definition_zh, &c.definition_en)
            )
        })
        .collect();
    let close = if close.as_str().is_empty() {
        close
    } else {
        html!(
            "<p class=\"indicator-card__close-to\">{}</p><ul class=\"indicator-card__list\">{}</ul>",
            lang.pick(
                "相近但不同的指标（不合并为一条线）：",
                "Close but different indicators (never joined in one line):"
            ),
            close
        )
    };
    html!(
        "<div class=\"indicator-card__body\" data-indicator-card=\"{}\"><p class=\"indicator-card__kicker\">{}</p><h2 id=\"indicator-card-title\">{}</h2>{}<p class=\"indicator-card__unit\">{}{}</p>{}<p class=\"indicator-card__links\">{}<button type=\"button\" class=\"indicator-card__close\">{}</button></p></div>",
        d.id.as_str(),
        lang.pick("指标", "Indicator"),
        lang.pick(&d.name_zh, &d.name_en),
        definition(d, lang),
        lang.pick("单位：", "Unit: "),
        unit_name(all, d, lang),
        close,
        view_link(&d.id, lang),
        lang.pick("关闭", "Close")
    )
}

/// Every statement of `id` in `all`, as rows (for an indicator with too few placed points for
/// a line): each with its report and sentence.
fn points_table(all: &[OnPage], id: &str, focus: Option<&str>, lang: Lang) -> Html {
    let mut rows = Html::default();
    for r in all {
        for f in r.report.catalogue.facts.iter().filter(|f| f.indicator.as_deref() == Some(id)) {
            let none = html!("<td data-change=\"none\">—</td>");
            rows.push(&fact_row(r, f, none, RevisionMark::None, focus, lang));
        }
    }
    table(&rows, lang)
}

/// `id`'s points: its series figure (with the change between points and revisions), or the
/// table of its statements when fewer than two can be placed in time.
fn points(all: &[OnPage], id: &str, focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let reports: Vec<Report> = all.iter().map(|r| r.report.clone()).collect();
    match series(id, &reports, lang) {
        Some(s) => series_figure(&s, all, focus, width, lang),
        None => points_table(all, id, focus, lang),
    }
}

/// The view of indicator `id` across `all` (every report with a point of it or of an indicator
/// close to it); `focus` a fact to mark, `width` the CSS width of the desk. A message when no
/// report read declares it.
pub fn view(all: &[OnPage], id: &str, focus: Option<&str>, width: f64, lang: Lang) -> Html {
    let Some(d) = declaration(all, id) else {
        return html!(
            "<section class=\"indicator-view\" data-indicator-view=\"{}\"><p class=\"reports__error\" role=\"alert\">{}</p></section>",
            id,
            match lang {
                Lang::Zh => format!("本站的报告没有声明指标“{id}”。"),
                Lang::En => format!("No report of the site declares the indicator “{id}”."),
            }
        );
    };
    let close = close_to(all, d);
    // Side by side where two columns of at least 280 px fit (`.indicator-view__columns`), each
    // drawn at the width it will have; else one above the other, each the desk's width.
    let inner = width - 34.0;
    let column = if !close.is_empty() && inner >= 2.0 * 280.0 + 16.0 { (inner - 16.0) / 2.0 } else { inner };
    let mut columns = html!(
        "<div class=\"indicator-view__column\" data-indicator-column=\"{}\">{}</div>",
        d.id.as_str(),
        points(all, &d.id, focus, column, lang)
    );
    for c in &close {
        columns.push(&html!(
            "<div class=\"indicator-view__column\" data-indicator-column=\"{}\"><h3 class=\"indicator-view__close-title\">{}</h3>{}{}</div>",
            c.id.as_str(),
            lang.pick(&c.name_zh, &c.name_en),
            definition(c, lang),
            points(all, &c.id, focus, column, lang)
        ));
    }
    let note = if close.is_empty() {
        Html::default()
    } else {
        html!(
            "<p class=\"indicator-view__note\">{}</p>",
            lang.pick(
                "右侧为口径相近但不同的指标，各按其口径单独成线，不合并比较。",
                "Beside it: indicators that count nearly the same thing, each on its own line and by its own definition, never joined."
            )
        )
    };
    let count: usize = all
        .iter()
        .map(|r| r.report.catalogue.facts.iter().filter(|f| f.indicator.as_deref() == Some(id)).count())
        .sum();
    let reports = all.iter().filter(|r| r.report.catalogue.facts.iter().any(|f| f.indicator.as_deref() == Some(id)));
    let reports = reports.count();
    html!(
        "<section class=\"indicator-view\" aria-labelledby=\"indicator-title\" data-indicator-view=\"{}\"><div class=\"indicator-view__head\"><p class=\"indicator-card__kicker\">{}</p><h2 class=\"indicator-view__title\" id=\"indicator-title\" tabindex=\"-1\">{}</h2><button type=\"button\" class=\"indicator-view__close\">{}</button></div>{}<p class=\"indicator-view__meta\">{}</p><p class=\"indicator-view__tools\"><button type=\"button\" class=\"indicator-view__download\" data-indicator-csv=\"{}\">{}</button></p>{}<div class=\"indicator-view__columns\">{}</div></section>",
        d.id.as_str(),
        lang.pick("指标", "Indicator"),
        lang.pick(&d.name_zh, &d.name_en),
        lang.pick("关闭指标", "Close the indicator"),
        definition(d, lang),
        match lang {
            Lang::Zh => format!("单位：{}　·　{count}个数字，来自{reports}份报告", unit_name(all, d, lang)),
            Lang::En => format!(
                "Unit: {} · {count} figure{} from {reports} report{}",
                unit_name(all, d, lang),
                if count == 1 { "" } else { "s" },
                if reports == 1 { "" } else { "s" }
            ),
        },
        d.id.as_str(),
        lang.pick("下载该指标的数据（CSV）", "Download this indicator's data (CSV)"),
        note,
        columns
    )
}

/// Every statement of `id` in `all` as CSV: the header, columns and format of `facts.csv`
/// (`catalogue::export::to_csv_all`), each row with its report and its indicator's definition,
/// links relative to `base`, in the site's order.
pub fn csv(all: &[OnPage], id: &str, base: &str) -> String {
    let reports: Vec<Report> = all
        .iter()
        .filter_map(|r| {
            let mut report = r.report.clone();
            report.catalogue.facts.retain(|f| f.indicator.as_deref() == Some(id));
            (!report.catalogue.facts.is_empty()).then_some(report)
        })
        .collect();
    catalogue::export::to_csv_all(&reports, base)
}
