//! The finder: the search box and the topic and region filters.

use crate::html;
use crate::html::Html;
use facts::i18n::Lang;

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
