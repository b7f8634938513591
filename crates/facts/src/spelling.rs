//! Enums whose values catalogue files and published files write as words ("at_least", "percent").
//! Each such enum is declared once with [`spelled_enum!`], which gives it its spelling in both
//! directions and its serde form from that same table, so no other code maps words to values.

/// An enum of unit variants, each with the word catalogue files use for it: `spelling()`,
/// `from_spelling()`, `ALL`, and serde as that word (an unknown word is an error naming the
/// words it could have been).
#[macro_export]
macro_rules! spelled_enum {
    ($(#[$meta:meta])* pub enum $name:ident { $($(#[$vmeta:meta])* $variant:ident = $word:literal,)+ }) => {
        $(#[$meta])*
        #[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
        pub enum $name {
            $($(#[$vmeta])* $variant,)+
        }

        impl $name {
            /// Every value, in declaration order.
            pub const ALL: &'static [$name] = &[$($name::$variant,)+];

            /// The word catalogue files and published files use for this value.
            pub fn spelling(self) -> &'static str {
                match self {
                    $($name::$variant => $word,)+
                }
            }

            /// The value a catalogue word names, if any.
            pub fn from_spelling(word: &str) -> Option<Self> {
                match word {
                    $($word => Some($name::$variant),)+
                    _ => None,
                }
            }

            /// "exact, at_least, …": the words accepted, for messages.
            pub fn spellings() -> String {
                Self::ALL.iter().map(|v| v.spelling()).collect::<Vec<_>>().join(", ")
            }
        }

        impl serde::Serialize for $name {
            fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                if s.is_human_readable() {
                    s.serialize_str(self.spelling())
                } else {
                    // Binary files (the page's report data) hold the position in `ALL`.
                    let at = Self::ALL.iter().position(|v| v == self).unwrap_or_default();
                    s.serialize_u8(at as u8)
                }
            }
        }

        impl<'de> serde::Deserialize<'de> for $name {
            fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
                if !d.is_human_readable() {
                    let at = <u8 as serde::Deserialize>::deserialize(d)?;
                    return Self::ALL
                        .get(usize::from(at))
                        .copied()
                        .ok_or_else(|| serde::de::Error::custom("not a known value"));
                }
                let word = <std::borrow::Cow<'de, str> as serde::Deserialize>::deserialize(d)?;
                Self::from_spelling(&word).ok_or_else(|| {
                    serde::de::Error::custom(format_args!("{:?} is not one of {}", word, Self::spellings()))
                })
            }
        }

        #[cfg(feature = "schema")]
        impl schemars::JsonSchema for $name {
            fn schema_name() -> String {
                stringify!($name).to_string()
            }

            fn json_schema(_: &mut schemars::gen::SchemaGenerator) -> schemars::schema::Schema {
                schemars::schema::SchemaObject {
                    instance_type: Some(schemars::schema::InstanceType::String.into()),
                    enum_values: Some(Self::ALL.iter().map(|v| v.spelling().into()).collect()),
                    ..Default::default()
                }
                .into()
            }
        }
    };
}
