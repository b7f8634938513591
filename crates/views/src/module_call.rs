//! What the dashboard asks the on-demand module to draw, as one typed message ([`ModuleCall`]).
//! It crosses to the module through the page's script (index.html, `dashboardExtras.run`) as a
//! name and six strings; [`ModuleCall::args`] and [`ModuleCall::from_args`] are the only places
//! that know their order and spelling, and they are tested against each other, so neither side
//! writes a positional string or a flag word by hand.

use facts::i18n::Lang;

/// The version in the on-demand module's address (`extras.js?v=…`, `extras_bg.wasm?v=…`), whose
/// file names Trunk does not hash: the build's package version (the workspace's) and the open
/// report's catalogue version. The app asks for the module by it, and a reading page preloads it
/// (crates/publish/src/reading_page.rs), so both must name the same address.
pub fn module_version(catalogue: &facts::Catalogue) -> String {
    format!("{}-{}", env!("CARGO_PKG_VERSION"), crate::view_state::catalogue_version(catalogue))
}

/// One request to the on-demand module (`src/bin/extras.rs`, `call`).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum ModuleCall<'a> {
    /// The desk: the claim checker, if `checker`, with its verdicts on `check`; the view of
    /// `indicator` ("" for none); the reading view of `article` ("" for none) with `fact`'s
    /// sentence highlighted; `chart_in_focus` keeps the page where it is. All empty and closed:
    /// the desk was closed.
    Desk {
        article: &'a str,
        fact: &'a str,
        check: &'a str,
        indicator: &'a str,
        lang: Lang,
        checker: bool,
        chart_in_focus: bool,
    },
    /// The card of `indicator`: its name and definition, and a link to its view. Sent by the
    /// page's script when a reader presses a `data-indicator` control, never by the dashboard.
    Indicator { indicator: &'a str, lang: Lang },
    /// The share panel of the field `input_id`, for `link`; of a chart (its id), or of the page.
    Share { input_id: &'a str, link: &'a str, chart: Option<&'a str>, lang: Lang },
    /// The source panel's paragraph and references for `fact`, cited at `link`.
    Source { fact: &'a str, link: &'a str, lang: Lang },
    /// What the link `query` could not use (or the page of the report its ids belong to).
    Notices { query: &'a str, lang: Lang },
    /// What the open report shares with the other reports: its series across them, and what the
    /// search text finds in them.
    Reports { search: &'a str, lang: Lang },
}

// The desk's two flags share its fifth string.
const CHECKER: &str = "checker";
const CHART: &str = "chart";
const CHECKER_CHART: &str = "checker chart";

fn lang_code(lang: Lang) -> &'static str {
    match lang {
        Lang::Zh => "zh",
        Lang::En => "en",
    }
}

impl<'a> ModuleCall<'a> {
    /// The desk closed: nothing to read, check or define.
    pub fn closed_desk(lang: Lang) -> ModuleCall<'a> {
        ModuleCall::Desk {
            article: "",
            fact: "",
            check: "",
            indicator: "",
            lang,
            checker: false,
            chart_in_focus: false,
        }
    }

    /// The message as it crosses to the module: a name and six strings.
    pub fn args(&self) -> (&'static str, [&'a str; 6]) {
        match *self {
            ModuleCall::Desk { article, fact, check, indicator, lang, checker, chart_in_focus } => {
                let flags = match (checker, chart_in_focus) {
                    (false, false) => "",
                    (true, false) => CHECKER,
                    (false, true) => CHART,
                    (true, true) => CHECKER_CHART,
                };
                ("desk", [article, fact, check, lang_code(lang), flags, indicator])
            }
            ModuleCall::Indicator { indicator, lang } => ("indicator", [indicator, lang_code(lang), "", "", "", ""]),
            ModuleCall::Share { input_id, link, chart, lang } => {
                ("share", [input_id, link, chart.unwrap_or(""), lang_code(lang), "", ""])
            }
            ModuleCall::Source { fact, link, lang } => ("source", [fact, link, lang_code(lang), "", "", ""]),
            ModuleCall::Notices { query, lang } => ("notices", [query, lang_code(lang), "", "", "", ""]),
            ModuleCall::Reports { search, lang } => ("reports", [search, lang_code(lang), "", "", "", ""]),
        }
    }

    /// The message [`args`](Self::args) wrote; `None` for a name no message has.
    pub fn from_args(name: &str, [a, b, c, d, e, f]: [&'a str; 6]) -> Option<ModuleCall<'a>> {
        Some(match name {
            "desk" => ModuleCall::Desk {
                article: a,
                fact: b,
                check: c,
                indicator: f,
                lang: Lang::from_code(d),
                checker: e == CHECKER || e == CHECKER_CHART,
                chart_in_focus: e == CHART || e == CHECKER_CHART,
            },
            "share" => ModuleCall::Share {
                input_id: a,
                link: b,
                chart: Some(c).filter(|c| !c.is_empty()),
                lang: Lang::from_code(d),
            },
            "indicator" => ModuleCall::Indicator { indicator: a, lang: Lang::from_code(b) },
            "source" => ModuleCall::Source { fact: a, link: b, lang: Lang::from_code(c) },
            "notices" => ModuleCall::Notices { query: a, lang: Lang::from_code(b) },
            "reports" => ModuleCall::Reports { search: a, lang: Lang::from_code(b) },
            _ => return None,
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_message_reads_back_as_it_was_written() {
        let mut calls = Vec::new();
        for lang in [Lang::Zh, Lang::En] {
            for (checker, chart_in_focus) in [(false, false), (true, false), (false, true), (true, true)] {
                calls.push(ModuleCall::Desk {
                    article: "a",
                    fact: "f",
                    check: "超过50%",
                    indicator: "i",
                    lang,
                    checker,
                    chart_in_focus,
                });
            }
            calls.push(ModuleCall::closed_desk(lang));
            calls.push(ModuleCall::Share {
                input_id: "share-x",
                link: "https://e.org/?chart=c",
                chart: Some("c"),
                lang,
            });
            calls.push(ModuleCall::Share { input_id: "share-page", link: "https://e.org/", chart: None, lang });
            calls.push(ModuleCall::Source { fact: "f", link: "https://e.org/?fact=f", lang });
            calls.push(ModuleCall::Notices { query: "?chart=x&fact=y", lang });
            calls.push(ModuleCall::Reports { search: "5G 基站", lang });
            calls.push(ModuleCall::Indicator { indicator: "east-5g-stations", lang });
        }
        for call in calls {
            let (name, args) = call.args();
            assert_eq!(ModuleCall::from_args(name, args), Some(call), "{name} {args:?}");
        }
        assert_eq!(ModuleCall::from_args("save", [""; 6]), None);
    }
}
