//! A unit's counter words, the text a number is followed by (`36988座`, `3600个端口`), as catalogue
//! files write them: one word, or several for one thing the report counts in several ways.

use serde::Deserialize;

/// A unit's `counter`: one word (`counter = "座"`) or a list (`counter = ["座", "个"]`).
#[derive(Clone, Debug, PartialEq, Eq, Deserialize)]
#[serde(untagged, expecting = "a counter word, or a list of counter words")]
pub enum Counters {
    One(String),
    Several(Vec<String>),
}

impl Default for Counters {
    fn default() -> Self {
        Counters::One(String::new())
    }
}

impl Counters {
    /// Every word, in the order written.
    pub fn words(&self) -> &[String] {
        match self {
            Counters::One(word) => std::slice::from_ref(word),
            Counters::Several(words) => words,
        }
    }

    /// Whether a number may be followed by `word`.
    pub fn accepts(&self, word: &str) -> bool {
        self.words().iter().any(|w| w == word)
    }

    /// `"座"`, or `"座" or "个"`: for messages.
    pub fn describe(&self) -> String {
        self.words().iter().map(|w| format!("{w:?}")).collect::<Vec<_>>().join(" or ")
    }
}
