//! The fact model: what a report holds (`model`, `presentation`), when a number holds (`period`),
//! the words catalogue files use for enum values (`spelling`), the interface languages (`i18n`)
//! and the Chinese number parser (`numbers`). The build step that verifies the catalogues, the
//! wasm and the tests all share these types.

pub mod spelling;

pub mod change_words;
pub mod counters;
pub mod dates;
pub mod i18n;
pub mod model;
pub mod numbers;
pub mod period;
pub mod presentation;

pub use model::*;
pub use period::Period;

use presentation::ChartDef;

impl Catalogue {
    pub fn fact(&self, id: &str) -> Option<&Fact> {
        self.facts.iter().find(|f| f.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&Unit> {
        self.units.iter().find(|u| u.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&Named> {
        self.regions.iter().find(|r| r.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&Named> {
        self.topics.iter().find(|t| t.id == id)
    }

    pub fn article(&self, id: &str) -> Option<&Article> {
        self.articles.iter().find(|a| a.id == id)
    }

    /// Whether a person has reviewed the fact (drafted facts are shown marked until then).
    pub fn reviewed(&self, id: &str) -> bool {
        self.fact(id).is_none_or(|f| f.status == Status::Reviewed)
    }

    /// The indicator the fact measures, if it names one.
    pub fn indicator(&self, id: &str) -> Option<&str> {
        self.fact(id)?.indicator.as_deref()
    }

    /// The chart with this id.
    pub fn chart(&self, id: &str) -> Option<&ChartDef> {
        self.charts.iter().find(|c| c.id == id)
    }

    /// Facts of one topic, in catalogue order.
    pub fn facts_in_topic<'a>(&'a self, topic: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        self.facts.iter().filter(move |f| f.topic == topic)
    }

    /// Facts of one article, in catalogue order.
    pub fn facts_in_article<'a>(&'a self, article: &'a str) -> impl Iterator<Item = &'a Fact> + 'a {
        self.facts.iter().filter(move |f| f.article == article)
    }
}

/// Adds `item` to a sorted list of distinct items, keeping it so. These lists hold a few chart or
/// unit ids; the standard sort would add 2 KB of wasm for them.
pub fn insert_sorted<'a>(list: &mut Vec<&'a str>, item: &'a str) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}
