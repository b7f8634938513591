//! The page's small interactive parts as [`Html`]: chart hit targets, the tooltip, the data
//! table, the source panel, link notices, the download menu and the share panel.
//!
//! Markup rather than Leptos views on purpose. Each of these is rebuilt whole when what it shows
//! changes, so a reactive view tree bought nothing, and each distinct view type costs its own copy
//! of Leptos' render code in the wasm: as one `innerHTML` write per change they are about a sixth
//! of the first load lighter. The components set the string and listen once on the container
//! (`data-*` attributes say what was chosen); everything here is plain Rust, tested natively.
//! Every piece is written with `html!`, which escapes each value: text from a link or a report
//! is shown as text, never as markup.

use crate::downloads::Format;
use crate::html;
use crate::html::Html;
use crate::view_state::Notice;
use catalogue::fact_text;
use charts::layout::{Hit, Rect};
use charts::spec::{BarKind, BarSpec, ChartSpec};
use facts::i18n::Lang;
use facts::{Catalogue, Fact};

/// Transparent buttons laid over the bars, in reading order: they carry keyboard focus and the
/// accessible name of each bar; `data-bar` and `data-fact` say which one an event came from.
/// Each is placed by [`box_style`] of its hit's rectangle, set through the CSSOM: the page's
/// policy allows no `style` attribute in markup.
pub fn hit_buttons(hits: &[Hit]) -> Html {
    hits.iter()
        .map(|h| {
            html!(
                "<button class=\"chart__hit\" data-bar=\"{}\" data-fact=\"{}\" aria-label=\"{}\"></button>",
                h.index,
                h.fact_id.unwrap_or(""),
                h.aria
            )
        })
        .collect()
}

/// The CSS properties that place an absolutely positioned box on `rect` (CSS px).
pub fn box_style(rect: Rect) -> [(&'static str, String); 4] {
    let px = |v: f64| format!("{}px", tenths(v));
    [("left", px(rect.x)), ("top", px(rect.y)), ("width", px(rect.w)), ("height", px(rect.h))]
}

/// A CSS length to a tenth of a pixel, without the float formatting machinery.
fn tenths(px: f64) -> String {
    let t = (px * 10.0).round() as i64;
    let sign = if t < 0 { "-" } else { "" };
    format!("{sign}{}.{}", t.abs() / 10, t.abs() % 10)
}

pub const TOOLTIP_WIDTH_PX: f64 = 300.0;

/// "未审核" beside a fact no person has reviewed yet (`status = "draft"`); nothing for a reviewed
/// one.
pub fn draft_mark(c: &Catalogue, f: &Fact, lang: Lang) -> Html {
    if c.reviewed(&f.id) {
        return Html::default();
    }
    html!(" <span class=\"draft-mark\">{}</span>", lang.pick("未审核", "not yet reviewed"))
}

/// The exact value with unit, qualifier, period, region and the source sentence of one bar; placed
/// by [`tooltip_style`].
pub fn tooltip(catalogue: &Catalogue, bar: &BarSpec, lang: Lang) -> Html {
    let body = match bar.fact_id.and_then(|id| catalogue.fact(id)) {
        Some(f) => {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<p class=\"tooltip__label\">{}{}</p><p class=\"tooltip__value\">{}</p><p class=\"tooltip__meta\">{}</p><blockquote class=\"tooltip__quote\" lang=\"zh-CN\">“{}”</blockquote>{}<p class=\"tooltip__more\">{}</p>",
                t.label,
                draft_mark(catalogue, f, lang),
                t.value,
                meta(&t),
                t.quote,
                gloss(&t, "tooltip__gloss"),
                read_link(f, "tooltip__read", lang)
            )
        }
        None => html!(
            "<p class=\"tooltip__label\">{}</p><p class=\"tooltip__value\">{}</p><p class=\"tooltip__meta\">{}</p>",
            bar.label,
            bar.value_text,
            lang.pick("根据报告数字推算，非报告原文", "Computed from the report's figures, not stated in it")
        ),
    };
    html!("<div id=\"tooltip\" class=\"tooltip\" role=\"tooltip\">{}</div>", body)
}

/// The English rendering of a quote, as a paragraph of class `class`; nothing without one.
fn gloss(t: &fact_text::FactText, class: &str) -> Html {
    if t.gloss.is_empty() {
        Html::default()
    } else {
        html!("<p class=\"{}\">{}</p>", class, t.gloss)
    }
}

/// Where the tooltip goes: under its bar's hit target `anchor`, kept inside a container
/// `container_width` wide (the tooltip is at most [`TOOLTIP_WIDTH_PX`] wide, in the CSS).
pub fn tooltip_style(anchor: Rect, container_width: f64) -> [(&'static str, String); 2] {
    let left = anchor.x.min(container_width - TOOLTIP_WIDTH_PX.min(container_width)).max(0.0);
    [("left", format!("{}px", left.round() as i64)), ("top", format!("{}px", (anchor.bottom() + 6.0).round() as i64))]
}

fn meta(t: &fact_text::FactText) -> String {
    format!("{} · {} · {}", t.qualifier, t.period, t.region)
}

/// The embedded chart's link back to the full dashboard (opens in a new tab).
pub fn embed_back(href: &str, lang: Lang) -> Html {
    html!(
        "<a href=\"{}\" target=\"_blank\" rel=\"noopener\">{}</a>",
        href,
        lang.pick("在完整看板中打开 ↗", "Open in the full dashboard ↗")
    )
}

/// The site's name, the masthead's lede and its buttons' labels (Chinese, English): the app's
/// masthead and the boot shell's (drawn at build time) say the same.
pub const SITE_TITLE: (&str, &str) = ("中小企业与产业数据看板", "SME and industry indicator dashboard");
pub const LEDE: (&str, &str) = (
    "报告中的每一个数字，连同说出它的原句。点击任一数字查看出处。",
    "Every number in the report, with the sentence that states it. Choose any number to see its source.",
);
pub const THEME_LABEL: (&str, &str) = ("深色", "Dark");
/// The language button names the other language.
pub const LANG_LABEL: (&str, &str) = ("English", "中文");
/// A figure's switch between its chart and its table.
pub const SWITCH_LABEL: (&str, &str) = ("显示方式", "View as");
pub const CHART_LABEL: (&str, &str) = ("图表", "Chart");
pub const TABLE_LABEL: (&str, &str) = ("表格", "Table");

/// The headlines' heading (for screen readers) and their cards.
pub fn overview(catalogue: &Catalogue, ids: &[String], lang: Lang) -> Html {
    html!(
        "<h2 id=\"overview-title\" class=\"visually-hidden\">{}</h2><ul class=\"headlines\">{}</ul>",
        lang.pick("要点", "Headlines"),
        headline_cards(catalogue, ids, lang)
    )
}

/// What a chart's canvas holds besides the drawing: the hit targets and the tooltip, filled in
/// as the chart is drawn and hovered.
pub fn canvas_parts() -> Html {
    html!("<canvas aria-hidden=\"true\"></canvas><div class=\"chart__hits\"></div><div class=\"chart__tip\"></div>")
}

/// Why a chart's canvas could not be drawn.
pub fn canvas_error(message: &str) -> Html {
    html!("<p class=\"chart__error\" role=\"alert\">{}</p>", message)
}

/// Headline cards: each a button naming its fact (`data-fact`), which opens the source.
pub fn headline_cards(catalogue: &Catalogue, ids: &[String], lang: Lang) -> Html {
    ids.iter()
        .filter_map(|id| catalogue.fact(id))
        .map(|f| {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<li class=\"headline\"><button class=\"headline__button\" data-fact=\"{}\"><span class=\"headline__value\">{}</span><span class=\"headline__label\">{}</span><span class=\"headline__meta\">{}</span></button></li>",
                f.id,
                t.value,
                t.label,
                format!("{} · {}", t.period, t.region)
            )
        })
        .collect()
}

/// The facts a search found, as a list: label, value, period, region and kind; each opens its
/// source. Empty when there are none.
pub fn fact_list(catalogue: &Catalogue, facts: &[&Fact], lang: Lang) -> Html {
    if facts.is_empty() {
        return Html::default();
    }
    let items: Html = facts
        .iter()
        .map(|f| {
            let t = fact_text::describe(catalogue, f, lang);
            html!(
                "<li class=\"fact-list__item\" data-fact=\"{}\"><button class=\"fact-list__button\"><span class=\"fact-list__label\">{}</span><span class=\"fact-list__value\">{}</span><span class=\"fact-list__meta\">{}</span></button></li>",
                f.id,
                t.label,
                t.value,
                format!("{} · {} · {}", t.period, t.region, t.qualifier)
            )
        })
        .collect();
    html!("<ul class=\"fact-list\">{}</ul>", items)
}

/// The finder's frame in `lang`: heading, search box, topic and region selects, "clear", the
/// count line and a place for the results. What depends on the filter (values, options, count,
/// results) is filled in by the component, in place, so typing never rebuilds the box.
pub fn finder(lang: Lang) -> Html {
    html!(
        "<h2 id=\"finder-title\">{}</h2><div class=\"finder__controls\" role=\"search\">\
         <label class=\"finder__field finder__field--text\"><span>{}</span><input type=\"search\" name=\"q\" autocomplete=\"off\" maxlength=\"100\" placeholder=\"{}\"></label>\
         <label class=\"finder__field\"><span>{}</span><select name=\"topic\"></select></label>\
         <label class=\"finder__field\"><span>{}</span><select name=\"region\"></select></label>\
         <button class=\"finder__clear\">{}</button></div><p class=\"finder__count\" aria-live=\"polite\"></p><div class=\"finder__results\"></div>",
        lang.pick("查找数字", "Find a number"),
        lang.pick("关键词（中文或英文）", "Search (Chinese or English)"),
        lang.pick("如：5G 基站、贷款、94.3%", "e.g. 5G stations, loans, 94.3%"),
        lang.pick("主题", "Topic"),
        lang.pick("地区", "Region"),
        lang.pick("清除", "Clear")
    )
}

/// The finder's count line (text: the component sets it as text content).
pub fn finder_count(shown: usize, total: usize, lang: Lang) -> String {
    match lang {
        Lang::Zh => format!("显示 {shown} / {total} 个数字"),
        Lang::En => format!("Showing {shown} of {total} numbers"),
    }
}

/// A filter's `<option>`s: "all" (the empty value) and one per item, the chosen one selected.
pub fn options(items: &[facts::Named], chosen: Option<&str>, all: &str, lang: Lang) -> Html {
    let option = |value: &str, yes: bool, label: &str| {
        html!(
            "<option value=\"{}\"{}>{}</option>",
            value,
            if yes { html!(" selected") } else { Html::default() },
            label
        )
    };
    let mut out = option("", chosen.is_none(), all);
    for n in items {
        out.push(&option(&n.id, chosen == Some(&n.id), lang.pick(&n.zh, &n.en)));
    }
    out
}

/// A figure's title and subtitle.
pub fn figure_heading(spec: Option<&ChartSpec>) -> Html {
    let (title, subtitle) = spec.map(|s| (s.title.as_str(), s.subtitle.as_str())).unwrap_or_default();
    html!("<h3 class=\"chart__title\">{}</h3><p class=\"chart__subtitle\">{}</p>", title, subtitle)
}

/// Under a figure's chart or table: the text alternative of the chart (one sentence per bar, from
/// the same data; only while the chart is shown: the table says it all), the notes and the
/// source line. A chart whose spec cannot be built (a catalogue problem) says why instead.
pub fn figure_foot(catalogue: &Catalogue, spec: Result<&ChartSpec, String>, table: bool, lang: Lang) -> Html {
    let spec = match spec {
        Ok(s) => s,
        Err(e) => {
            return html!(
                "<p class=\"chart__error\" role=\"alert\">{}: {}</p>",
                lang.pick("无法显示此图表", "This chart cannot be shown"),
                e
            )
        }
    };
    let mut out = Html::default();
    if !table {
        let alt: Vec<String> = spec
            .bars()
            .map(|b| match b.fact_id.and_then(|id| catalogue.fact(id)) {
                Some(f) => fact_text::sentence(catalogue, f, lang),
                None => match lang {
                    Lang::Zh => format!("{}（推算）：{}。", b.label, b.value_text),
                    Lang::En => format!("{} (computed): {}.", b.label, b.value_text),
                },
            })
            .collect();
        out.push(&html!("<p class=\"chart__alt visually-hidden\">{}</p>", alt.join(" ")));
    }
    for n in &spec.notes {
        out.push(&html!("<p class=\"chart__note\">{}</p>", n));
    }
    // The chart's first stated figure leads into the report at its sentence.
    let first = spec.bars().find_map(|b| b.fact_id.and_then(|id| catalogue.fact(id)));
    let read = first.map(|f| read_link(f, "chart__read", lang)).unwrap_or_default();
    out.push(&html!("<p class=\"chart__source\">{} {}</p>", spec.source, read));
    out
}

/// The same numbers the chart draws, as a `<table>`: one row per bar, in the same order. A row's
/// "Source" button opens the fact named by the row's `data-fact`.
pub fn chart_table(catalogue: &Catalogue, spec: &ChartSpec, lang: Lang) -> Html {
    let head: Html = [
        ("指标", "Indicator"),
        ("数值", "Value"),
        ("性质", "Kind"),
        ("时间", "Period"),
        ("地区", "Region"),
        ("出处", "Source"),
    ]
    .iter()
    .map(|(zh, en)| html!("<th scope=\"col\">{}</th>", lang.pick(zh, en)))
    .collect();
    let mut rows = Html::default();
    for p in &spec.panels {
        for b in &p.bars {
            let (qualifier, period, region) = match b.fact_id.and_then(|id| catalogue.fact(id)) {
                Some(f) => {
                    let t = fact_text::describe(catalogue, f, lang);
                    (t.qualifier.to_string(), t.period, t.region)
                }
                None => (lang.pick("推算值", "computed").to_string(), String::new(), String::new()),
            };
            let label = if p.caption.is_empty() { b.label.clone() } else { format!("{} · {}", p.caption, b.label) };
            let mark =
                b.fact_id.and_then(|id| catalogue.fact(id)).map(|f| draft_mark(catalogue, f, lang)).unwrap_or_default();
            let source = match b.fact_id {
                Some(_) => html!("<button class=\"link\">{}</button>", lang.pick("原文", "Source")),
                None => Html::default(),
            };
            let derived = if b.kind == BarKind::Derived { html!(" class=\"derived\"") } else { Html::default() };
            rows.push(&html!(
                "<tr data-fact=\"{}\"{}><th scope=\"row\">{}{}</th><td class=\"num\" data-value=\"{}\">{}</td><td>{}</td><td>{}</td><td>{}</td><td>{}</td></tr>",
                b.fact_id.unwrap_or(""),
                derived,
                label,
                mark,
                b.value,
                b.value_text,
                qualifier,
                period,
                region,
                source
            ));
        }
    }
    html!("<table class=\"chart__table\"><thead><tr>{}</tr></thead><tbody>{}</tbody></table>", head, rows)
}

/// The selected fact with its sentence (the paragraph around it follows, see
/// [`source_paragraph`]) and the article it comes from.
pub fn source_panel(catalogue: &Catalogue, fact: &Fact, lang: Lang) -> Html {
    let t = fact_text::describe(catalogue, fact, lang);
    html!(
        "<aside class=\"source\" role=\"dialog\" aria-modal=\"false\" aria-labelledby=\"source-title\" data-fact=\"{}\"><div class=\"source__head\"><h2 id=\"source-title\">{}</h2><button class=\"source__close\" aria-label=\"{}\">×</button></div><p class=\"source__fact\"><strong>{}</strong>{}{}{}</p><p class=\"source__meta\">{}</p><p class=\"source__article\">{}</p><p class=\"source__paragraph\" lang=\"zh-CN\">{}</p>{}<p class=\"source__more\">{}</p><div class=\"source__cite\"></div></aside>",
        fact.id,
        lang.pick("出处", "Source"),
        lang.pick("关闭出处", "Close source"),
        t.label,
        lang.pick("：", ": "),
        t.value,
        draft_mark(catalogue, fact, lang),
        meta(&t),
        t.article,
        source_paragraph("", &fact.quote, ""),
        gloss(&t, "source__gloss"),
        read_link(fact, "source__read", lang)
    )
}

/// The quote highlighted inside the text around it.
pub fn source_paragraph(before: &str, quote: &str, after: &str) -> Html {
    html!("{}<mark class=\"source__quote\">{}</mark>{}", before, quote, after)
}

/// At most this many notices are listed: a crafted link can produce hundreds.
const MAX_NOTICES: usize = 8;

/// What a link asked for that could not be shown; empty when all of it could.
pub fn notices(list: &[Notice], lang: Lang) -> Html {
    if list.is_empty() {
        return Html::default();
    }
    let mut items: Html = list.iter().take(MAX_NOTICES).map(|n| html!("<li>{}</li>", n.message(lang))).collect();
    let more = list.len().saturating_sub(MAX_NOTICES);
    if more > 0 {
        items.push(&match lang {
            Lang::Zh => html!("<li>另有 {} 项未列出。</li>", more),
            Lang::En => html!("<li>{} more not listed.</li>", more),
        });
    }
    html!(
        "<div class=\"notices\" role=\"status\"><p class=\"notices__title\">{}</p><ul>{}</ul><button class=\"notices__close\">{}</button></div>",
        lang.pick(
            "链接中的部分内容无法显示，已打开最接近的视图：",
            "Parts of this link could not be shown; the closest view is open instead:"
        ),
        items,
        lang.pick("知道了", "Dismiss")
    )
}

fn format_label(format: Format, lang: Lang) -> &'static str {
    match format {
        Format::Png => lang.pick("图片 PNG（2倍）", "Image, PNG (2x)"),
        Format::CopyPng => lang.pick("复制图片（PNG，2倍）", "Copy image (PNG, 2x)"),
        Format::Svg => lang.pick("矢量图 SVG", "Vector image, SVG"),
        Format::Csv => lang.pick("本图数据 CSV", "This chart's data (CSV)"),
        Format::Json => lang.pick("本图数据 JSON", "This chart's data (JSON)"),
        Format::AllCsv => lang.pick("全部数据 CSV", "All data (CSV)"),
        Format::AllJson => lang.pick("全部数据 JSON", "All data (JSON)"),
    }
}

/// The download menu's button.
pub fn downloads_toggle(panel_id: &str, open: bool, lang: Lang) -> Html {
    html!(
        "<button type=\"button\" class=\"downloads__toggle\" aria-expanded=\"{}\" aria-controls=\"{}\" data-focus=\"toggle\">{}</button>",
        open,
        panel_id,
        lang.pick("下载", "Download")
    )
}

/// The share button for a chart.
pub fn share_chart_toggle(open: bool, lang: Lang) -> Html {
    share_toggle(open, lang.pick("分享图表", "Share chart"))
}

/// The share button for the page.
pub fn share_page_toggle(open: bool, lang: Lang) -> Html {
    share_toggle(open, lang.pick("分享此页", "Share page"))
}

fn share_toggle(open: bool, label: &str) -> Html {
    html!("<button class=\"share__toggle\" aria-expanded=\"{}\" data-focus=\"toggle\">{}</button>", open, label)
}

/// The download menu's formats: this chart's (disabled when the chart has no spec) and the whole
/// catalogue's. `data-format` says which was chosen.
pub fn downloads_panel(panel_id: &str, lang: Lang, chart_missing: bool) -> Html {
    let item = |f: Format| {
        let disabled = if chart_missing && !f.is_catalogue() { html!(" disabled") } else { Html::default() };
        html!(
            "<li><button type=\"button\" class=\"downloads__item\" data-format=\"{}\" data-focus=\"{}\"{}>{}</button></li>",
            f.id(),
            f.id(),
            disabled,
            format_label(f, lang)
        )
    };
    html!(
        "<div class=\"downloads__panel\" id=\"{}\" role=\"group\" aria-label=\"{}\"><ul class=\"downloads__list\">{}{}{}{}{}</ul><ul class=\"downloads__list downloads__list--all\">{}{}</ul></div>",
        panel_id,
        lang.pick("下载格式", "Download formats"),
        item(Format::Png),
        item(Format::CopyPng),
        item(Format::Svg),
        item(Format::Csv),
        item(Format::Json),
        item(Format::AllCsv),
        item(Format::AllJson)
    )
}

/// Under the download menu: "preparing the file" while it is made, and what went wrong if it failed.
pub fn downloads_messages(busy: bool, error: Option<&str>, lang: Lang) -> Html {
    let mut out = Html::default();
    if busy {
        out.push(&html!(
            "<p class=\"downloads__status\" role=\"status\">{}</p>",
            lang.pick("正在准备文件…", "Preparing the file…")
        ));
    }
    if let Some(e) = error {
        out.push(&html!("<p class=\"downloads__error\" role=\"alert\">{}</p>", e));
    }
    out
}

/// The share panel of the hosted page: the link (selected on focus, to copy by hand), a copy
/// button, a status line, and a place for what the on-demand module adds ([`embed_field`] for a
/// chart, the system share sheet's button where the browser has one, the QR code, references).
pub fn share_panel(input_id: &str, link: &str, more: &Html, lang: Lang) -> Html {
    html!(
        "<div class=\"share__panel\"><label class=\"share__field\" for=\"{}\">{}</label><div class=\"share__row\"><input id=\"{}\" class=\"share__link\" type=\"text\" readonly value=\"{}\" data-focus=\"link\"><button class=\"share__copy\" data-focus=\"copy\">{}</button></div><p class=\"share__status\" role=\"status\"></p><div class=\"share__more\">{}</div></div>",
        input_id,
        lang.pick("链接", "Link"),
        input_id,
        link,
        lang.pick("复制链接", "Copy link"),
        more
    )
}

/// Where an open share panel goes, beside its button: the on-demand module draws the panel into
/// it (`share_panel`, or `share_panel_offline`). Its id is the panel's link field's plus `-panel`.
pub fn share_panel_host(input_id: &str) -> Html {
    html!("<div class=\"share__panel-host\" id=\"{}-panel\"></div>", input_id)
}

/// The code that embeds a chart in another page: an iframe of `embed_url`, as text to copy.
pub fn embed_field(embed_url: &str, lang: Lang) -> Html {
    // Markup for the reader to paste into their own page, escaped like any other.
    let code = html!(
        "<iframe src=\"{}\" title=\"{}\" width=\"100%\" height=\"520\" style=\"border:0\" loading=\"lazy\"></iframe>",
        embed_url,
        lang.pick("图表", "Chart")
    );
    html!(
        "<label class=\"share__field\">{}<textarea class=\"share__embed\" readonly rows=\"3\">{}</textarea></label>",
        lang.pick("嵌入代码", "Embed code"),
        code.as_str()
    )
}

/// The share panel of the offline copy, opened from a file: there is no address to share, and it
/// says so.
pub fn share_panel_offline(lang: Lang) -> Html {
    html!(
        "<div class=\"share__panel\" role=\"note\"><p class=\"share__offline\">{}</p></div>",
        lang.pick(
            "这是离线单文件版本：链接只能在托管的网页上打开。请在发布的看板网址上分享。",
            "This is the offline single-file copy: links only open on the hosted page. Share from the published dashboard's address."
        )
    )
}

/// What the share panel's status line says after a copy.
pub fn share_status(copied: bool, lang: Lang) -> &'static str {
    if copied {
        lang.pick("已复制链接。", "Link copied.")
    } else {
        lang.pick(
            "无法自动复制：链接已选中，请按 Ctrl+C 复制。",
            "Could not copy automatically: the link is selected, press Ctrl+C to copy it.",
        )
    }
}

/// The masthead's way into the report: a link to each article's full text (`?read=ID`) and the
/// claim checker's button. `read` is the article open, `checking` whether the checker is.
pub fn report_tools(catalogue: &Catalogue, read: Option<&str>, checking: bool, lang: Lang) -> Html {
    let articles: Html = catalogue
        .articles
        .iter()
        .map(|a| {
            let current = if read == Some(&a.id) { html!(" aria-current=\"true\"") } else { Html::default() };
            html!(
                "<a class=\"report-tools__read\" href=\"?read={}\" data-read-article=\"{}\"{}>{}</a>",
                a.id,
                a.id,
                current,
                lang.pick(&a.title_zh, &a.title_en)
            )
        })
        .collect();
    html!(
        "<nav class=\"report-tools\" aria-label=\"{}\"><span class=\"report-tools__label\">{}</span>{}<button type=\"button\" class=\"report-tools__check\" aria-expanded=\"{}\" aria-controls=\"checker\" data-focus=\"check\">{}</button></nav>",
        lang.pick("报告原文与核对", "The report and its claims"),
        lang.pick("阅读原文：", "Read the report:"),
        articles,
        checking,
        lang.pick("核对一句话", "Check a claim")
    )
}

/// "Read in the report": opens the reading view of `fact`'s article at its sentence.
pub fn read_link(fact: &Fact, class: &str, lang: Lang) -> Html {
    html!(
        "<a class=\"{}\" href=\"?read={}&amp;fact={}\" data-read-fact=\"{}\">{}</a>",
        class,
        fact.article,
        fact.id,
        fact.id,
        lang.pick("在报告中阅读", "Read in the report")
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::html::escape;
    use catalogue::CATALOGUE;
    use charts::registry::{build, charts};

    #[test]
    fn lengths_are_written_to_a_tenth_of_a_pixel() {
        assert_eq!(tenths(12.345), "12.3");
        assert_eq!(tenths(0.0), "0.0");
        assert_eq!(tenths(-3.06), "-3.1");
        assert_eq!(tenths(299.96), "300.0");
    }

    #[test]
    fn hit_buttons_name_each_bar_and_its_fact() {
        let hits = [
            Hit { index: 0, fact_id: Some("a"), rect: Rect { x: 1.0, y: 2.0, w: 3.0, h: 4.0 }, aria: "x<y：1".into() },
            Hit { index: 1, fact_id: None, rect: Rect { x: 0.0, y: 0.0, w: 1.0, h: 1.0 }, aria: String::new() },
        ];
        let html = hit_buttons(&hits);
        assert!(html.contains("<button class=\"chart__hit\" data-bar=\"0\" data-fact=\"a\" aria-label=\"x&lt;y：1\">"));
        assert!(!html.contains("style="), "positions go through the CSSOM: {html}");
        let placed = box_style(hits[0].rect).map(|(k, v)| format!("{k}:{v}")).join(";");
        assert_eq!(placed, "left:1.0px;top:2.0px;width:3.0px;height:4.0px");
        assert!(html.contains("data-bar=\"1\" data-fact=\"\""));
        assert_eq!(html.matches("<button").count(), 2);
    }

    #[test]
    fn tooltips_quote_the_source_and_stay_inside_the_chart() {
        let spec = build(&charts()[0], &CATALOGUE, Lang::En).expect("spec");
        let bar = spec.bars().next().expect("a bar");
        let fact = CATALOGUE.fact(bar.fact_id.expect("a stated bar")).expect("fact");
        let anchor = Rect { x: 500.0, y: 10.0, w: 40.0, h: 20.0 };
        let html = tooltip(&CATALOGUE, bar, Lang::En);
        assert!(html.contains(&format!("“{}”", escape(&fact.quote))));
        assert!(html.contains("tooltip__gloss") && !html.contains("style="), "{html}");
        let at = |width| tooltip_style(anchor, width).map(|(k, v)| format!("{k}:{v}")).join(";");
        assert_eq!(at(600.0), "left:300px;top:36px", "pulled left to stay inside");
        assert_eq!(at(2000.0), "left:500px;top:36px", "under its bar when there is room");
        assert_eq!(at(200.0), "left:0px;top:36px", "narrower than a tooltip: from the left edge");
        let derived = BarSpec { fact_id: None, ..bar.clone() };
        assert!(tooltip(&CATALOGUE, &derived, Lang::Zh).contains("根据报告数字推算"));
    }

    #[test]
    fn figures_describe_every_bar_in_words_while_the_chart_is_shown() {
        for def in charts().iter() {
            let spec = build(def, &CATALOGUE, Lang::Zh).expect("spec");
            let foot = figure_foot(&CATALOGUE, Ok(&spec), false, Lang::Zh);
            for b in spec.bars() {
                let said = match b.fact_id.and_then(|id| CATALOGUE.fact(id)) {
                    Some(f) => catalogue::fact_text::sentence(&CATALOGUE, f, Lang::Zh),
                    None => format!("{}（推算）", b.label),
                };
                assert!(foot.contains(&escape(&said)), "{}: {said}", def.id);
            }
            assert!(foot.contains(&format!("<p class=\"chart__source\">{} ", escape(&spec.source))));
            // It leads into the report at the sentence of the chart's first stated figure.
            let first = spec.bars().find_map(|b| b.fact_id).expect("a stated figure");
            assert!(foot.contains(&format!("data-read-fact=\"{first}\">在报告中阅读</a></p>")), "{}", def.id);
            assert_eq!(foot.matches("chart__note").count(), spec.notes.len());
            assert!(!figure_foot(&CATALOGUE, Ok(&spec), true, Lang::Zh).contains("chart__alt"));
            assert!(figure_heading(Some(&spec)).contains(&escape(&spec.title)));
        }
        let broken = figure_foot(&CATALOGUE, Err("no <fact>".into()), false, Lang::En);
        assert_eq!(broken, "<p class=\"chart__error\" role=\"alert\">This chart cannot be shown: no &lt;fact&gt;</p>");
    }

    #[test]
    fn cards_lists_and_options_name_their_facts() {
        let ids = ["sme-share-tax".to_string(), "no-such-fact".to_string()];
        let cards = headline_cards(&CATALOGUE, &ids, Lang::Zh);
        assert_eq!(cards.matches("<li").count(), 1);
        assert!(cards.contains("data-fact=\"sme-share-tax\""));
        let facts: Vec<_> = CATALOGUE.facts.iter().take(3).collect();
        let list = fact_list(&CATALOGUE, &facts, Lang::En);
        assert_eq!(list.matches("class=\"fact-list__item\"").count(), 3);
        assert_eq!(fact_list(&CATALOGUE, &[], Lang::En), "");
        let frame = finder(Lang::En);
        for name in
            ["name=\"q\"", "name=\"topic\"", "name=\"region\"", "finder__clear", "finder__count", "finder__results"]
        {
            assert!(frame.contains(name), "{name}");
        }
        assert_eq!(finder_count(3, 47, Lang::Zh), "显示 3 / 47 个数字");
        assert!(overview(&CATALOGUE, &ids, Lang::En).starts_with(
            "<h2 id=\"overview-title\" class=\"visually-hidden\">Headlines</h2><ul class=\"headlines\"><li"
        ));
        assert_eq!(
            embed_back("/?a=\"1", Lang::En),
            "<a href=\"/?a=&quot;1\" target=\"_blank\" rel=\"noopener\">Open in the full dashboard ↗</a>"
        );
        let topic = CATALOGUE.topics[1].id.as_str();
        let opts = options(&CATALOGUE.topics, Some(topic), "All topics", Lang::En);
        assert_eq!(opts.matches(" selected").count(), 1);
        assert!(opts.contains(&format!("value=\"{topic}\" selected>")));
        assert!(
            options(&CATALOGUE.topics, None, "All", Lang::En).starts_with("<option value=\"\" selected>All</option>")
        );
    }

    #[test]
    fn tables_have_one_row_per_bar_with_its_exact_value() {
        for def in charts().iter() {
            let spec = build(def, &CATALOGUE, Lang::Zh).expect("spec");
            let html = chart_table(&CATALOGUE, &spec, Lang::Zh);
            assert_eq!(html.matches("<tr data-fact=").count(), spec.bars().count(), "{}", def.id);
            for b in spec.bars() {
                assert!(html.contains(&format!("data-value=\"{}\">{}<", b.value, escape(&b.value_text))), "{}", def.id);
            }
            // Only stated bars point to a source.
            let stated = spec.bars().filter(|b| b.fact_id.is_some()).count();
            assert_eq!(html.matches("class=\"link\"").count(), stated);
        }
    }

    #[test]
    fn the_source_panel_shows_the_quote_until_its_paragraph_arrives() {
        let fact = &CATALOGUE.facts[0];
        let html = source_panel(&CATALOGUE, fact, Lang::En);
        assert!(html.contains(&format!("data-fact=\"{}\"", fact.id)));
        assert!(html.contains(&format!("<mark class=\"source__quote\">{}</mark>", escape(&fact.quote))));
        assert!(html.contains("aria-label=\"Close source\""));
        assert_eq!(source_paragraph("a<", "b", "&c"), "a&lt;<mark class=\"source__quote\">b</mark>&amp;c");
    }

    #[test]
    fn notices_are_text_and_at_most_eight_are_listed() {
        assert_eq!(notices(&[], Lang::Zh), "");
        let crafted: Vec<_> = (0..11).map(|i| Notice::UnknownParam { name: format!("<img{i}>") }).collect();
        let html = notices(&crafted, Lang::En);
        assert!(!html.contains("<img"));
        assert_eq!(html.matches("<li>").count(), 9);
        assert!(html.contains("3 more not listed."));
    }

    #[test]
    fn a_chart_without_a_spec_offers_only_the_catalogue() {
        let html = downloads_panel("downloads-x", Lang::En, true);
        assert_eq!(html.matches(" disabled>").count(), 5);
        assert_eq!(
            downloads_toggle("downloads-a", true, Lang::En),
            "<button type=\"button\" class=\"downloads__toggle\" aria-expanded=\"true\" aria-controls=\"downloads-a\" data-focus=\"toggle\">Download</button>"
        );
        assert!(share_page_toggle(false, Lang::Zh).contains("aria-expanded=\"false\" data-focus=\"toggle\">分享此页<"));
        assert!(
            share_chart_toggle(true, Lang::En).contains("aria-expanded=\"true\" data-focus=\"toggle\">Share chart<")
        );
        assert!(!downloads_panel("downloads-x", Lang::En, false).contains("disabled"));
        assert!(html.contains("data-format=\"all-json\""));
        assert_eq!(downloads_messages(false, None, Lang::Zh), "");
        let both = downloads_messages(true, Some("<x>"), Lang::En);
        assert!(both.contains("Preparing the file…") && both.contains("role=\"alert\">&lt;x&gt;</p>"));
    }

    #[test]
    fn the_share_panel_escapes_the_link_and_the_embed_code() {
        let html = share_panel("share-link-a", "https://x/?q=\"<a>", &Html::default(), Lang::Zh);
        assert!(html.contains("value=\"https://x/?q=&quot;&lt;a&gt;\""));
        assert!(!html.contains("textarea"));
        let embed = embed_field("https://x/?q=\"<a>", Lang::Zh);
        assert!(embed.contains("&lt;iframe src=&quot;https://x/?q=&amp;quot;&amp;lt;a&amp;gt;&quot;"), "{embed}");
        let offline = share_panel_offline(Lang::En);
        assert!(offline.contains("share__offline") && !offline.contains("share__link"), "{offline}");
    }
}
