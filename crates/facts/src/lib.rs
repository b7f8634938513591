//! The fact model: what a catalogue holds (`model`), when a number holds (`period`), the
//! interface languages (`i18n`) and the Chinese number parser (`numbers`). No dependencies: the
//! build script that verifies the catalogues, the wasm and the tests all share these types.

pub mod i18n;
pub mod model;
pub mod numbers;
pub mod period;
pub mod presentation;

pub use model::*;
pub use period::Period;

impl Catalogue {
    pub fn fact(&self, id: &str) -> Option<&'static Fact> {
        let all: &'static [Fact] = self.facts;
        all.iter().find(|f| f.id == id)
    }

    pub fn unit(&self, id: &str) -> Option<&'static Unit> {
        let all: &'static [Unit] = self.units;
        all.iter().find(|u| u.id == id)
    }

    pub fn region(&self, id: &str) -> Option<&'static Named> {
        let all: &'static [Named] = self.regions;
        all.iter().find(|r| r.id == id)
    }

    pub fn topic(&self, id: &str) -> Option<&'static Named> {
        let all: &'static [Named] = self.topics;
        all.iter().find(|t| t.id == id)
    }

    pub fn article(&self, id: &str) -> Option<&'static Article> {
        let all: &'static [Article] = self.articles;
        all.iter().find(|a| a.id == id)
    }

    /// Whether a person has reviewed the fact (drafted facts are shown marked until then).
    pub fn reviewed(&self, id: &str) -> bool {
        !self.drafts.contains(&id)
    }

    /// The indicator the fact measures, if it names one.
    pub fn indicator(&self, id: &str) -> Option<&'static str> {
        let all: &'static [(&'static str, &'static str)] = self.indicators;
        all.iter().find(|(f, _)| *f == id).map(|(_, i)| *i)
    }

    /// The chart with this id.
    pub fn chart(&self, id: &str) -> Option<&'static presentation::ChartDef> {
        let all: &'static [presentation::ChartDef] = self.charts;
        all.iter().find(|c| c.id == id)
    }

    /// Facts of one topic, in catalogue order.
    pub fn facts_in_topic<'a>(&self, topic: &'a str) -> impl Iterator<Item = &'static Fact> + 'a {
        let all: &'static [Fact] = self.facts;
        all.iter().filter(move |f| f.topic == topic)
    }

    /// Facts of one article, in catalogue order.
    pub fn facts_in_article<'a>(&self, article: &'a str) -> impl Iterator<Item = &'static Fact> + 'a {
        let all: &'static [Fact] = self.facts;
        all.iter().filter(move |f| f.article == article)
    }
}

/// Adds `item` to a sorted list of distinct items, keeping it so. These lists hold a few chart or
/// unit ids; the standard sort would add 2 KB of wasm for them.
pub fn insert_sorted<'a>(list: &mut Vec<&'a str>, item: &'a str) {
    if let Err(at) = list.binary_search(&item) {
        list.insert(at, item);
    }
}
