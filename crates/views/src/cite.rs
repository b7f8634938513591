//! "Cite this": a reference to the page, a chart or a fact, in three styles (GB/T 7714-2015,
//! APA 7, BibTeX), and the block that shows them with a copy button each.
//!
//! What is cited is a view of this dashboard at its link, and the report articles its numbers
//! come from: their issuing bodies are the authors and their titles the titles, with the chart's
//! or fact's own name added. The report gives no publication date for any article, nor the name
//! of the paper it was printed in, so no style states either: GB/T 7714 leaves the date out,
//! APA writes "n.d." and the BibTeX entry has no date field (biblatex styles then print their own
//! "n.d." or nothing). The access date is always given, since the page can change.

use crate::html;
use crate::html::Html;
use catalogue::fact_text::MONTH_NAME as MONTHS;
use charts::registry::{chart_def, ChartDef};
use facts::i18n::Lang;
use facts::{Article, Catalogue, Fact};

/// What a reference points at.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Target {
    /// The whole dashboard.
    Page,
    /// A chart, by its id in `charts::registry::charts()`.
    Chart(&'static str),
    /// A fact, by its catalogue id.
    Fact(&'static str),
}

/// The day the reader looked at the page (from the reader's clock).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct AccessDate {
    pub year: u16,
    pub month: u8,
    pub day: u8,
}

impl AccessDate {
    /// `YYYY-MM-DD`, the form GB/T 7714 and biblatex's `urldate` use.
    pub fn iso(self) -> String {
        format!("{:04}-{:02}-{:02}", self.year, self.month, self.day)
    }

    /// `December 3, 2026`, APA's form. A month outside 1..=12 cannot be named, so the ISO form
    /// stands in rather than a wrong name.
    pub fn apa(self) -> String {
        match MONTHS.get(usize::from(self.month).wrapping_sub(1)) {
            Some(name) => format!("{name} {}, {}", self.day, self.year),
            None => self.iso(),
        }
    }
}

/// One reference in each style, as plain text (the markup escapes it when it is shown).
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Citations {
    pub gbt7714: String,
    pub apa: String,
    pub bibtex: String,
}

/// The thing cited, resolved against the catalogue.
struct Subject<'a> {
    /// The distinct articles concerned, in catalogue order.
    articles: Vec<&'a Article>,
    /// The chart's or fact's own name (Chinese, English) and what kind of thing it is; `None`
    /// for the page, which is named by the site's title.
    part: Option<Part<'a>>,
    /// BibTeX key, ASCII.
    key: String,
    /// The site's name (Chinese, English), which names the page.
    site: (&'a str, &'a str),
}

struct Part<'a> {
    kind: (&'static str, &'static str),
    name: (&'a str, &'a str),
}

/// The references for `target` at `link` on the site named `site` (Chinese, English), looked at
/// on `accessed`. `None` when the chart or fact
/// is not known, or none of its facts names a known article (a reference needs a source).
pub fn citations(
    catalogue: &Catalogue,
    target: Target,
    link: &str,
    accessed: AccessDate,
    site: (&str, &str),
) -> Option<Citations> {
    let mut subject = resolve(catalogue, target)?;
    subject.site = site;
    Some(Citations {
        gbt7714: gbt7714(&subject, link, accessed),
        apa: apa(&subject, link, accessed),
        bibtex: bibtex(&subject, link, accessed),
    })
}

fn resolve(catalogue: &Catalogue, target: Target) -> Option<Subject<'_>> {
    let (articles, part, key) = match target {
        Target::Page => (catalogue.articles.iter().collect(), None, KEY_STEM.to_string()),
        Target::Chart(id) => {
            let def: &ChartDef = chart_def(id)?;
            let facts: Vec<&Fact> = def.fact_ids().into_iter().filter_map(|f| catalogue.fact(f)).collect();
            let part = Part { kind: ("图表", "chart"), name: (&def.title.0, &def.title.1) };
            (articles_of(catalogue, &facts), Some(part), format!("{KEY_STEM}:chart:{}", key_part(&def.id)))
        }
        Target::Fact(id) => {
            let fact = catalogue.fact(id)?;
            let part = Part { kind: ("指标", "indicator"), name: (&fact.label_zh, &fact.label_en) };
            (articles_of(catalogue, &[fact]), Some(part), format!("{KEY_STEM}:fact:{}", key_part(&fact.id)))
        }
    };
    if articles.is_empty() {
        return None;
    }
    Some(Subject { articles, part, key, site: ("", "") })
}

/// The articles the facts come from, each once, in the catalogue's order.
fn articles_of<'a>(catalogue: &'a Catalogue, facts: &[&Fact]) -> Vec<&'a Article> {
    catalogue.articles.iter().filter(|a| facts.iter().any(|f| f.article == a.id)).collect()
}

const KEY_STEM: &str = "sme-dashboard";

/// An id as a piece of a BibTeX key: ASCII letters, digits and '-' only, since keys may not hold
/// spaces, braces, commas or quotes and some tools read only ASCII.
fn key_part(id: &str) -> String {
    let part: String = id.chars().map(|c| if c.is_ascii_alphanumeric() || c == '-' { c } else { '-' }).collect();
    if part.is_empty() {
        "x".to_string()
    } else {
        part
    }
}

/// The distinct issuing bodies, in article order (two articles may share one).
fn bodies<'a>(s: &Subject<'a>) -> Vec<(&'a str, &'a str)> {
    let mut out: Vec<(&'a str, &'a str)> = Vec::new();
    for a in &s.articles {
        if !out.iter().any(|b| b.0 == a.source_zh) {
            out.push((&a.source_zh, &a.source_en));
        }
    }
    out
}

/// `主要责任者. 题名：其他题名信息[EB/OL]. [引用日期]. 获取和访问路径.` Several authors are
/// separated by ", " as the standard writes them; several titles by "；".
fn gbt7714(s: &Subject<'_>, link: &str, accessed: AccessDate) -> String {
    let authors: Vec<&str> = bodies(s).iter().map(|b| b.0).collect();
    let titles: Vec<&str> = s.articles.iter().map(|a| a.title_zh.as_str()).collect();
    let other = match &s.part {
        Some(p) => format!("{}“{}”", p.kind.0, p.name.0),
        None => s.site.0.to_string(),
    };
    format!("{}. {}：{}[EB/OL]. [{}]. {}.", authors.join(", "), titles.join("；"), other, accessed.iso(), link)
}

/// `Author. (n.d.). 题名 [Title]. Site. Retrieved Month D, YYYY, from URL`, the group authors in
/// the original with their English names in brackets, as the titles are.
fn apa(s: &Subject<'_>, link: &str, accessed: AccessDate) -> String {
    let authors: Vec<String> = bodies(s).iter().map(|b| format!("{} [{}]", b.0, b.1)).collect();
    let authors = match authors.as_slice() {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}, & {}", rest.join(", "), last),
    };
    let titles: Vec<String> = s.articles.iter().map(|a| format!("{} [{}]", a.title_zh, a.title_en)).collect();
    let titles = titles.join("; ");
    let work = match &s.part {
        Some(p) => format!(
            "{}: {}“{}” [{} “{}”]. {} [{}]",
            titles,
            p.kind.0,
            p.name.0,
            capitalised(p.kind.1),
            p.name.1,
            s.site.0,
            s.site.1
        ),
        None => format!("{}: {} [{}]", titles, s.site.0, s.site.1),
    };
    format!("{}. (n.d.). {}. Retrieved {}, from {}", authors, work, accessed.apa(), link)
}

fn capitalised(word: &str) -> String {
    let mut chars = word.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

/// A biblatex `@online` entry. Corporate authors are braced whole, so that "and" or a comma in
/// a name is not read as a list of people; the English title goes in the note.
fn bibtex(s: &Subject<'_>, link: &str, accessed: AccessDate) -> String {
    let authors: Vec<String> = bodies(s).iter().map(|b| format!("{{{}}}", bib_text(b.0))).collect();
    let titles: Vec<&str> = s.articles.iter().map(|a| a.title_zh.as_str()).collect();
    let titles_en: Vec<&str> = s.articles.iter().map(|a| a.title_en.as_str()).collect();
    let (title, note) = match &s.part {
        Some(p) => (
            format!("{}：{}“{}”", titles.join("；"), p.kind.0, p.name.0),
            format!(
                "English title: {}: {} “{}”. In: {} ({})",
                titles_en.join("; "),
                p.kind.1,
                p.name.1,
                s.site.1,
                s.site.0
            ),
        ),
        None => (
            format!("{}：{}", titles.join("；"), s.site.0),
            format!("English title: {}: {}", titles_en.join("; "), s.site.1),
        ),
    };
    format!(
        "@online{{{},\n  author = {{{}}},\n  title = {{{}}},\n  url = {{{}}},\n  urldate = {{{}}},\n  language = {{chinese}},\n  note = {{{}}}\n}}",
        s.key,
        authors.join(" and "),
        bib_text(&title),
        bib_url(link),
        accessed.iso(),
        bib_text(&note)
    )
}

/// Text for a braced BibTeX field, to be typeset by LaTeX. BibTeX counts every brace, escaped or
/// not, so a lone brace becomes `\textbraceleft{}` or `\textbraceright{}` (whose own braces
/// pair up) rather than `\{`; LaTeX's other special characters are escaped; line breaks and
/// other control characters become spaces.
pub fn bib_text(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' => out.push_str("\\textbackslash{}"),
            '{' => out.push_str("\\textbraceleft{}"),
            '}' => out.push_str("\\textbraceright{}"),
            '%' | '&' | '#' | '_' | '$' => {
                out.push('\\');
                out.push(c);
            }
            '^' => out.push_str("\\textasciicircum{}"),
            '~' => out.push_str("\\textasciitilde{}"),
            c if c.is_control() => out.push(' '),
            c => out.push(c),
        }
    }
    out
}

/// A link for biblatex's `url` field, which is read verbatim: `%`, `&`, `#` stay as they are
/// (escaping them would change the address). What the .bib syntax or `\url` cannot hold
/// (braces, backslashes, spaces, control and non-ASCII characters) is percent-encoded, which
/// names the same address.
pub fn bib_url(link: &str) -> String {
    let mut out = String::with_capacity(link.len());
    for &b in link.as_bytes() {
        if b.is_ascii_graphic() && !matches!(b, b'{' | b'}' | b'\\') {
            out.push(char::from(b));
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// The references, each in a labelled block with a copy button. Ids start with `id_prefix`,
/// which must be unique on the page (several charts may show their block at once).
pub fn cite_block(c: &Citations, id_prefix: &str, lang: Lang) -> Html {
    let heading_id = format!("{id_prefix}-cite-title");
    let items: Html = [("gbt7714", "GB/T 7714-2015", &c.gbt7714), ("apa", "APA 7", &c.apa), ("bibtex", "BibTeX", &c.bibtex)]
        .into_iter()
        .map(|(key, style, text)| {
            let pre_id = format!("{id_prefix}-cite-{key}");
            let copy = lang.pick("复制", "Copy");
            // Three buttons read "Copy"; the accessible name says which style each copies and
            // starts with the visible word, so speech input can still say "Copy".
            html!(
                "<div class=\"cite__item\"><h4>{}</h4><pre class=\"cite__text\" data-cite=\"{}\" id=\"{}\">{}</pre><button type=\"button\" class=\"cite__copy\" data-copy=\"{}\" aria-label=\"{}\">{}</button></div>",
                style,
                key,
                pre_id,
                text.as_str(),
                pre_id,
                format!("{copy} {style}"),
                copy
            )
        })
        .collect();
    html!(
        "<section class=\"cite\" aria-labelledby=\"{}\"><h3 id=\"{}\">{}</h3>{}</section>",
        heading_id,
        heading_id,
        lang.pick("引用", "Cite this"),
        items
    )
}
