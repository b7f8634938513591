//! When a number holds, and its spelling in catalogue files and exports ("2019", "2020-06",
//! "2020-01..2020-06", "2019..2022", "asof 2020-06", "unstated").

use std::fmt;

/// When a number holds. Months are 1-based. Written and read in the catalogue spelling: see
/// [`parse`]; `parse(&p.to_string()) == Ok(p)`.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Period {
    Year(u16),
    /// End of the given month (截至6月末).
    MonthEnd(u16, u8),
    /// A span of months, inclusive (1—6月 = (2020,1)..(2020,6)).
    MonthRange {
        from: (u16, u8),
        to: (u16, u8),
    },
    /// A span of years, inclusive.
    YearRange(u16, u16),
    /// Cumulative stock as of the end of the given month.
    AsOf(u16, u8),
    /// The report states no period.
    Unstated,
}

impl fmt::Display for Period {
    /// The catalogue spelling.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match *self {
            Period::Year(y) => write!(f, "{y:04}"),
            Period::MonthEnd(y, m) => write!(f, "{y:04}-{m:02}"),
            Period::MonthRange { from, to } => {
                write!(f, "{:04}-{:02}..{:04}-{:02}", from.0, from.1, to.0, to.1)
            }
            Period::YearRange(a, b) => write!(f, "{a:04}..{b:04}"),
            Period::AsOf(y, m) => write!(f, "asof {y:04}-{m:02}"),
            Period::Unstated => f.write_str("unstated"),
        }
    }
}

fn parse_year(s: &str) -> Result<u16, String> {
    if s.len() != 4 || !s.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{s:?} is not a four-digit year"));
    }
    let y: u16 = s.parse().map_err(|_| format!("{s:?} is not a year"))?;
    if !(1900..=2199).contains(&y) {
        return Err(format!("year {y} is out of range 1900..2199"));
    }
    Ok(y)
}

fn parse_month(s: &str) -> Result<(u16, u8), String> {
    let Some((y, m)) = s.split_once('-') else {
        return Err(format!("{s:?} is not YYYY-MM"));
    };
    let y = parse_year(y)?;
    if m.len() != 2 || !m.bytes().all(|b| b.is_ascii_digit()) {
        return Err(format!("{s:?} is not YYYY-MM (two-digit month)"));
    }
    let m: u8 = m.parse().map_err(|_| format!("{s:?} has no month"))?;
    if !(1..=12).contains(&m) {
        return Err(format!("month {m} in {s:?} is not 01..12"));
    }
    Ok((y, m))
}

/// The parts of a year releases name, as (words, first month, last month): 前三季度 is January to
/// September. Longer words first where one ends another (第一季度 before 一季度). The draft tool
/// and the claim checker read periods with this one table.
pub const PARTS_OF_YEAR: &[(&str, u8, u8)] = &[
    ("前三季度", 1, 9),
    ("前两季度", 1, 6),
    ("第一季度", 1, 3),
    ("第二季度", 4, 6),
    ("第三季度", 7, 9),
    ("第四季度", 10, 12),
    ("一季度", 1, 3),
    ("二季度", 4, 6),
    ("三季度", 7, 9),
    ("四季度", 10, 12),
    ("上半年", 1, 6),
    ("下半年", 7, 12),
];

/// Parses a catalogue period: "2019", "2019..2022", "2020-06", "2020-01..2020-06",
/// "asof 2020-06", "unstated".
pub fn parse(s: &str) -> Result<Period, String> {
    const FORMS: &str =
        "expected \"2019\", \"2019..2022\", \"2020-06\", \"2020-01..2020-06\", \"asof 2020-06\" or \"unstated\"";
    let bad = |why: String| format!("{why}; {FORMS}");
    if s == "unstated" {
        return Ok(Period::Unstated);
    }
    if let Some(m) = s.strip_prefix("asof ") {
        let (y, m) = parse_month(m).map_err(bad)?;
        return Ok(Period::AsOf(y, m));
    }
    if let Some((a, b)) = s.split_once("..") {
        if a.contains('-') || b.contains('-') {
            let from = parse_month(a).map_err(bad)?;
            let to = parse_month(b).map_err(bad)?;
            if from >= to {
                return Err(bad(format!("{s:?} does not run forwards")));
            }
            return Ok(Period::MonthRange { from, to });
        }
        let (a, b) = (parse_year(a).map_err(bad)?, parse_year(b).map_err(bad)?);
        if a >= b {
            return Err(bad(format!("{s:?} does not run forwards")));
        }
        return Ok(Period::YearRange(a, b));
    }
    if s.contains('-') {
        let (y, m) = parse_month(s).map_err(bad)?;
        return Ok(Period::MonthEnd(y, m));
    }
    parse_year(s).map(Period::Year).map_err(bad)
}

/// Published files write a period in its catalogue spelling, as catalogue files do.
/// A period in a binary file (the page's report data): five numbers, read without the text
/// parser, whose messages and code the first-load wasm would otherwise carry. Text formats (JSON,
/// TOML) get the catalogue spelling.
type Parts = (u8, u16, u8, u16, u8);

impl Period {
    /// The month the period ends in, counted from year 0 (December 2020 = 2020 × 12 + 12): where
    /// a point of a series goes, and what two statements of one figure share. `None` when
    /// unstated.
    pub fn end_month(&self) -> Option<u32> {
        let m = |y: u16, m: u8| u32::from(y) * 12 + u32::from(m);
        match *self {
            Period::Year(y) => Some(m(y, 12)),
            Period::MonthEnd(y, mo) | Period::AsOf(y, mo) => Some(m(y, mo)),
            Period::MonthRange { to, .. } => Some(m(to.0, to.1)),
            Period::YearRange(_, b) => Some(m(b, 12)),
            Period::Unstated => None,
        }
    }

    fn to_parts(self) -> Parts {
        match self {
            Period::Year(y) => (0, y, 0, 0, 0),
            Period::MonthEnd(y, m) => (1, y, m, 0, 0),
            Period::MonthRange { from, to } => (2, from.0, from.1, to.0, to.1),
            Period::YearRange(a, b) => (3, a, 0, b, 0),
            Period::AsOf(y, m) => (4, y, m, 0, 0),
            Period::Unstated => (5, 0, 0, 0, 0),
        }
    }

    fn from_parts((tag, a, b, c, d): Parts) -> Option<Self> {
        Some(match tag {
            0 => Period::Year(a),
            1 => Period::MonthEnd(a, b),
            2 => Period::MonthRange { from: (a, b), to: (c, d) },
            3 => Period::YearRange(a, c),
            4 => Period::AsOf(a, b),
            5 => Period::Unstated,
            _ => return None,
        })
    }
}

impl serde::Serialize for Period {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        if s.is_human_readable() {
            s.collect_str(self)
        } else {
            serde::Serialize::serialize(&self.to_parts(), s)
        }
    }
}

impl<'de> serde::Deserialize<'de> for Period {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        if d.is_human_readable() {
            let text = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
            parse(&text).map_err(serde::de::Error::custom)
        } else {
            let parts = <Parts as serde::Deserialize>::deserialize(d)?;
            Period::from_parts(parts).ok_or_else(|| serde::de::Error::custom("not a period"))
        }
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for Period {
    fn schema_name() -> String {
        "Period".to_string()
    }

    fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
        schemars::schema::SchemaObject {
            instance_type: Some(schemars::schema::InstanceType::String.into()),
            string: Some(Box::new(schemars::schema::StringValidation {
                pattern: Some(r"^(unstated|asof \d{4}-\d{2}|\d{4}(-\d{2})?(\.\.\d{4}(-\d{2})?)?)$".to_string()),
                ..Default::default()
            })),
            metadata: Some(Box::new(schemars::schema::Metadata {
                description: Some(
                    "When the number holds: \"2019\", \"2019..2022\", \"2020-06\" (end of month), \
                     \"2020-01..2020-06\", \"asof 2020-06\" (cumulative to then) or \"unstated\"."
                        .to_string(),
                ),
                ..Default::default()
            })),
            ..Default::default()
        }
        .into()
    }
}
