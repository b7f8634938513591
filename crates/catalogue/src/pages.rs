//! Where each report's page is. Every report is a page of its own, the same app with that
//! report's data: the site's default report is `index.html` (the site's address), every report
//! `NAME.html` beside it (the default one too, so a link to a fact by its report's page outlives a
//! change of default) (report names are ASCII letters, digits, `-` and `_`, and never `index`;
//! `verify` refuses others). Each of those pages has a twin drawn in English ([`english_page_file`]),
//! where the page sends a link in English, each chart a table page in both languages
//! ([`table_page_file`]) and each article a reading page in both ([`reading_page_file`]). The publish step writes the pages; the list of reports at the top of each
//! page and the reports' index link to them.

/// The file name of the page of report `name`; `default` for the site's default report.
pub fn page_file(name: &str, default: bool) -> String {
    if default {
        "index.html".to_string()
    } else {
        format!("{name}.html")
    }
}

/// The relative link to that page from any page of the site: `./` for the default report (the
/// site's address as it is shared), else its file name.
pub fn page_link(name: &str, default: bool) -> String {
    if default {
        "./".to_string()
    } else {
        page_file(name, false)
    }
}

/// The file name of the twin of [`page_file`] drawn in English: the same page with its first view
/// prerendered in English (`index.en.html` for the site's address, else `NAME.en.html`). The
/// Chinese page sends a link or a stored preference in English there, and the twin puts the
/// Chinese page's address back in the address bar, so links stay one per view.
pub fn english_page_file(name: &str, default: bool) -> String {
    if default {
        "index.en.html".to_string()
    } else {
        format!("{name}.en.html")
    }
}

/// The file name of report `name`'s plain page in Chinese or English (`en`): the whole report,
/// every chart drawn, its numbers in tables and its text, readable without scripts. The
/// dashboard's pages send a browser without scripts there.
pub fn plain_page_file(name: &str, en: bool) -> String {
    if en {
        format!("{name}.plain.en.html")
    } else {
        format!("{name}.plain.html")
    }
}

/// The file name of the page of report `name` with its chart `chart` shown as a table, in Chinese
/// or English (`en`): `NAME.table-CHART.html`, `NAME.table-CHART.en.html`. A link to that view is
/// sent there by the report's page (index.html's first script, which builds the same name), so its
/// first paint is the table; the page shows the report's page's address. Chart ids are lowercase
/// letters, digits and '-' (checked by `verify`), so no such name is a report's page or its twin.
pub fn table_page_file(name: &str, chart: &str, en: bool) -> String {
    format!("{name}.table-{chart}{}.html", if en { ".en" } else { "" })
}

/// The file name of the page of report `name` that opens on the reading view of its article
/// `article`, in Chinese or English (`en`): `NAME.read-ARTICLE.html`, `NAME.read-ARTICLE.en.html`.
/// A link to that view (`?read=ARTICLE`) is sent there by the report's page, as a table's is to
/// [`table_page_file`], so its first paint is the article's text. Article ids are lowercase
/// letters, digits and '-' (checked by `verify`), so no such name is another kind of page.
pub fn reading_page_file(name: &str, article: &str, en: bool) -> String {
    format!("{name}.read-{article}{}.html", if en { ".en" } else { "" })
}

/// The file of fact `fact`'s source panel as the app first opens it, in Chinese or English
/// (`en`): `facts/FACT.html`, `facts/FACT.en.html`. Not a page: the panel alone, which a report's
/// page asks for when a link opens a fact's source (index.html's first script builds the same
/// name) and shows over its prerendered view. One folder for the site: fact ids are unique across
/// its reports (checked by `verify`), so a link's fact of another report finds its file too, and
/// the page sees whose it is rather than asking for a file that is not there. Fact ids are
/// lowercase letters, digits and '-'.
pub fn fact_panel_file(fact: &str, en: bool) -> String {
    format!("facts/{fact}{}.html", if en { ".en" } else { "" })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_report_is_the_sites_address_and_every_other_report_a_page_beside_it() {
        assert_eq!((page_file("a", true), page_link("a", true)), ("index.html".to_string(), "./".to_string()));
        assert_eq!(
            (page_file("b-2021", false), page_link("b-2021", false)),
            ("b-2021.html".to_string(), "b-2021.html".to_string())
        );
        assert_eq!(
            (plain_page_file("a", false), plain_page_file("a", true)),
            ("a.plain.html".into(), "a.plain.en.html".into())
        );
        // Names hold no '.', so no report's page is another's English or plain page.
        assert_eq!(english_page_file("b-2021", false), "b-2021.en.html");
        assert_eq!(english_page_file("a", true), "index.en.html");
        assert_eq!(
            (table_page_file("a", "gd-5g", false), table_page_file("a", "gd-5g", true)),
            ("a.table-gd-5g.html".into(), "a.table-gd-5g.en.html".into())
        );
        assert_eq!(
            (reading_page_file("a", "luoning", false), reading_page_file("a", "luoning", true)),
            ("a.read-luoning.html".into(), "a.read-luoning.en.html".into())
        );
    }
}
