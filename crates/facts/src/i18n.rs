//! Interface language and the words the interface uses. Fact labels live in the catalogue.

#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash, Default)]
pub enum Lang {
    #[default]
    Zh,
    En,
}

impl Lang {
    /// BCP 47 tag, for `<html lang>` and `Intl`.
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Zh => "zh-CN",
            Lang::En => "en",
        }
    }

    /// The language a short code names, as links, the page's site block and the on-demand module
    /// write it: `en` is English, anything else the default, Chinese.
    pub fn from_code(code: &str) -> Lang {
        if code == "en" {
            Lang::En
        } else {
            Lang::Zh
        }
    }

    /// Picks the string in this language.
    pub fn pick<'a>(self, zh: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Zh => zh,
            Lang::En => en,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Lang;

    #[test]
    fn a_code_names_english_or_else_chinese() {
        assert_eq!(Lang::from_code("en"), Lang::En);
        for code in ["zh", "", "EN", "fr", "en-GB"] {
            assert_eq!(Lang::from_code(code), Lang::Zh, "{code:?}");
        }
    }
}
