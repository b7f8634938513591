//! The stamps a link carries: the catalogue's version (`cv`) and each figure's fingerprint (`cf`).

use facts::{Catalogue, Fact, Period, Qualifier};

/// FNV-1a, 64 bit: tiny, dependency-free, and the same on every platform and build, which is
/// all a link stamp needs (it guards against accidents, not adversaries).
pub(super) struct Fnv1a(pub(super) u64);

impl Fnv1a {
    const OFFSET: u64 = 0xcbf2_9ce4_8422_2325;
    const PRIME: u64 = 0x0000_0100_0000_01b3;

    pub(super) fn new() -> Self {
        Fnv1a(Self::OFFSET)
    }

    pub(super) fn bytes(&mut self, bytes: &[u8]) {
        for &b in bytes {
            self.0 ^= u64::from(b);
            self.0 = self.0.wrapping_mul(Self::PRIME);
        }
    }

    /// A string and a terminator byte that UTF-8 never contains, so ("ab", "c") and ("a", "bc")
    /// hash differently.
    pub(super) fn str(&mut self, s: &str) {
        self.bytes(s.as_bytes());
        self.bytes(&[0xFF]);
    }

    /// The fields a reader would call "the figure": id, value, unit, qualifier and period. Labels,
    /// quotes and glosses are left out so rewording them does not mark links stale.
    pub(super) fn fact(&mut self, f: &Fact) {
        self.str(&f.id);
        self.bytes(&f.value.to_bits().to_le_bytes());
        self.str(&f.unit);
        self.bytes(&[match f.qualifier {
            Qualifier::Exact => 0,
            Qualifier::AtLeast => 1,
            Qualifier::MoreThan => 2,
            Qualifier::About => 3,
            Qualifier::LessThan => 4,
        }]);
        match f.period {
            Period::Year(y) => {
                self.bytes(&[0]);
                self.bytes(&y.to_le_bytes());
            }
            Period::MonthEnd(y, m) => {
                self.bytes(&[1]);
                self.year_month(y, m);
            }
            Period::MonthRange { from, to } => {
                self.bytes(&[2]);
                self.year_month(from.0, from.1);
                self.year_month(to.0, to.1);
            }
            Period::YearRange(a, b) => {
                self.bytes(&[3]);
                self.bytes(&a.to_le_bytes());
                self.bytes(&b.to_le_bytes());
            }
            Period::AsOf(y, m) => {
                self.bytes(&[4]);
                self.year_month(y, m);
            }
            Period::Unstated => self.bytes(&[5]),
        }
    }

    fn year_month(&mut self, y: u16, m: u8) {
        self.bytes(&y.to_le_bytes());
        self.bytes(&[m]);
    }

    /// `digits` lowercase base-36 digits of the hash, zero-padded. The high half is folded into
    /// the low half first, since FNV's low bits alone mix poorly.
    pub(super) fn base36(&self, digits: u32) -> String {
        const DIGITS: &[u8; 36] = b"0123456789abcdefghijklmnopqrstuvwxyz";
        let mut n = (self.0 ^ (self.0 >> 32)) % 36u64.pow(digits);
        let mut out = vec![b'0'; digits as usize];
        for slot in out.iter_mut().rev() {
            *slot = DIGITS.get((n % 36) as usize).copied().unwrap_or(b'0');
            n /= 36;
        }
        out.into_iter().map(char::from).collect()
    }
}

/// Six base-36 characters identifying the catalogue's figures (every fact's id, value, unit,
/// qualifier and period, in catalogue order). Written as `cv` so a link can tell it was made for
/// other figures.
pub fn catalogue_version(c: &Catalogue) -> String {
    let mut h = Fnv1a::new();
    for f in &c.facts {
        h.fact(&f);
    }
    h.base36(6)
}

/// Two base-36 characters identifying one fact's figure (the same hash as [`catalogue_version`]
/// over one fact). Short because a chart's worth of them goes into every link, and a 1-in-1296
/// miss only loses the per-figure detail: `cv` still reports the change.
pub fn fact_fingerprint(f: &Fact) -> String {
    let mut h = Fnv1a::new();
    h.fact(f);
    h.base36(2)
}
