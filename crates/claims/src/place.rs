//! The places a sentence names, and whether a fact's region is the place it speaks of. A sentence
//! speaks of its most specific place: "广东5G基站约占全国1/4" of Guangdong (全国 contains it),
//! "浙江省建成5G基站36988座" of Zhejiang, which no fact of Guangdong is about.
//!
//! Places are known from the reports' own regions and from a list of China's provinces and larger
//! cities, so that a place no report covers is still seen as a place ("浙江省", "Beijing").

use facts::Named;

/// A place: its names (full and short Chinese, English) and the places that contain it, by key.
#[derive(Clone, Debug, PartialEq)]
pub struct Place {
    /// The Chinese name without its 省/市/县 ending: what identifies it.
    pub key: String,
    /// The name to show (the full Chinese name, or the English one).
    pub zh: String,
    pub en: String,
    pub within: Vec<String>,
    /// Where it stands in the sentence.
    pub span: (usize, usize),
}

/// The whole country: contains every other place.
pub const COUNTRY: &str = "全国";

/// China's provinces, autonomous regions and municipalities (Chinese, English), and the Special
/// Administrative Regions.
const PROVINCES: &[(&str, &str)] = &[
    ("北京市", "Beijing"),
    ("天津市", "Tianjin"),
    ("上海市", "Shanghai"),
    ("重庆市", "Chongqing"),
    ("河北省", "Hebei"),
    ("山西省", "Shanxi"),
    ("辽宁省", "Liaoning"),
    ("吉林省", "Jilin"),
    ("黑龙江省", "Heilongjiang"),
    ("江苏省", "Jiangsu"),
    ("浙江省", "Zhejiang"),
    ("安徽省", "Anhui"),
    ("福建省", "Fujian"),
    ("江西省", "Jiangxi"),
    ("山东省", "Shandong"),
    ("河南省", "Henan"),
    ("湖北省", "Hubei"),
    ("湖南省", "Hunan"),
    ("广东省", "Guangdong"),
    ("海南省", "Hainan"),
    ("四川省", "Sichuan"),
    ("贵州省", "Guizhou"),
    ("云南省", "Yunnan"),
    ("陕西省", "Shaanxi"),
    ("甘肃省", "Gansu"),
    ("青海省", "Qinghai"),
    ("台湾省", "Taiwan"),
    ("内蒙古自治区", "Inner Mongolia"),
    ("广西壮族自治区", "Guangxi"),
    ("西藏自治区", "Tibet"),
    ("宁夏回族自治区", "Ningxia"),
    ("新疆维吾尔自治区", "Xinjiang"),
    ("香港特别行政区", "Hong Kong"),
    ("澳门特别行政区", "Macao"),
];

/// Larger cities, with the province they are in.
const CITIES: &[(&str, &str, &str)] = &[
    ("广州市", "Guangzhou", "广东"),
    ("深圳市", "Shenzhen", "广东"),
    ("佛山市", "Foshan", "广东"),
    ("东莞市", "Dongguan", "广东"),
    ("珠海市", "Zhuhai", "广东"),
    ("杭州市", "Hangzhou", "浙江"),
    ("宁波市", "Ningbo", "浙江"),
    ("南京市", "Nanjing", "江苏"),
    ("苏州市", "Suzhou", "江苏"),
    ("武汉市", "Wuhan", "湖北"),
    ("成都市", "Chengdu", "四川"),
    ("西安市", "Xi'an", "陕西"),
    ("郑州市", "Zhengzhou", "河南"),
    ("洛阳市", "Luoyang", "河南"),
    ("长沙市", "Changsha", "湖南"),
    ("青岛市", "Qingdao", "山东"),
    ("济南市", "Jinan", "山东"),
    ("厦门市", "Xiamen", "福建"),
    ("福州市", "Fuzhou", "福建"),
    ("合肥市", "Hefei", "安徽"),
    ("沈阳市", "Shenyang", "辽宁"),
    ("大连市", "Dalian", "辽宁"),
    ("哈尔滨市", "Harbin", "黑龙江"),
    ("昆明市", "Kunming", "云南"),
    ("南宁市", "Nanning", "广西"),
];

/// Names of the whole country, in both languages.
const COUNTRY_NAMES: &[&str] = &["全国", "中国", "我国", "china", "nationwide", "national total"];

/// Endings that are not part of what identifies a place.
const ENDINGS: &[&str] = &["维吾尔自治区", "壮族自治区", "回族自治区", "特别行政区", "自治区", "省", "市", "县", "区"];

/// The name without its ending (广东省 -> 广东); names of two characters or fewer keep theirs.
pub fn key(zh: &str) -> String {
    for e in ENDINGS {
        if let Some(k) = zh.strip_suffix(e) {
            if k.chars().count() >= 2 {
                return k.to_string();
            }
        }
    }
    zh.to_string()
}

fn english_key(en: &str) -> String {
    let lower = en.to_ascii_lowercase();
    for e in [" county", " city", " province"] {
        if let Some(k) = lower.strip_suffix(e) {
            return k.to_string();
        }
    }
    lower
}

/// Every place known: the reports' regions (`regions`), the provinces and the cities.
fn known(regions: &[&Named]) -> Vec<(Vec<String>, Place)> {
    let mut out = Vec::new();
    let mut add = |zh: &str, en: &str, within: Vec<String>| {
        let k = key(zh);
        if k.is_empty() || zh.contains(['（', '(']) {
            return;
        }
        let mut names = vec![zh.to_string(), k.clone()];
        if !en.is_empty() {
            names.push(english_key(en));
            names.push(en.to_ascii_lowercase());
        }
        names.retain(|n| n.chars().count() >= 2);
        names.sort();
        names.dedup();
        out.push((names, Place { key: k, zh: zh.to_string(), en: en.to_string(), within, span: (0, 0) }));
    };
    add(COUNTRY, "China", Vec::new());
    for (zh, en) in PROVINCES {
        add(zh, en, vec![COUNTRY.to_string()]);
    }
    for (zh, en, province) in CITIES {
        add(zh, en, vec![province.to_string(), COUNTRY.to_string()]);
    }
    for r in regions {
        if COUNTRY_NAMES.contains(&r.zh.as_str()) || r.en.eq_ignore_ascii_case("china") {
            continue;
        }
        add(&r.zh, &r.en, vec![COUNTRY.to_string()]);
    }
    out
}

/// The places `sentence` names, in order, each once (the longest name where names overlap).
pub fn named(sentence: &str, regions: &[&Named]) -> Vec<Place> {
    let lower = sentence.to_ascii_lowercase();
    let mut hits: Vec<Place> = Vec::new();
    let mut candidates: Vec<(usize, usize, Place)> = Vec::new();
    for name in COUNTRY_NAMES {
        for (at, _) in lower.match_indices(name) {
            let country = Place {
                key: COUNTRY.to_string(),
                zh: COUNTRY.to_string(),
                en: "China".to_string(),
                within: Vec::new(),
                span: (at, at + name.len()),
            };
            candidates.push((at, at + name.len(), country));
        }
    }
    for (names, place) in known(regions) {
        for name in &names {
            for (at, _) in lower.match_indices(name.as_str()) {
                let end = at + name.len();
                // English names are whole words ("Henan", not "Henanese"; "Jilin" in "Jilin's").
                let ascii = name.is_ascii();
                let b = lower.as_bytes();
                if ascii
                    && ((at > 0 && b[at - 1].is_ascii_alphabetic()) || b.get(end).is_some_and(u8::is_ascii_alphabetic))
                {
                    continue;
                }
                candidates.push((at, end, place.clone()));
            }
        }
    }
    // Longest first, then leftmost: 洛宁县 over 洛宁, 广东省 over 广东.
    candidates.sort_by_key(|(s, e, _)| (std::cmp::Reverse(e - s), *s));
    for (s, e, mut place) in candidates {
        if hits.iter().any(|h| h.span.0 < e && s < h.span.1) {
            continue;
        }
        place.span = (s, e);
        hits.push(place);
    }
    hits.sort_by_key(|p| p.span.0);
    hits.dedup_by(|a, b| a.key == b.key);
    hits
}

/// Whether a fact of `region` is about what a sentence naming `places` speaks of: it names no
/// place, or every place it speaks of is the region. It speaks of the places no other place it
/// names lies in: the country contains the rest, a province a city of it, and a place written
/// right before another (河南省洛宁县) contains it. `Err` names a place it speaks of instead.
pub fn fits<'p>(places: &'p [Place], region: &Named) -> Result<(), &'p Place> {
    let Some(first) = places.first() else { return Ok(()) };
    let region_key = if COUNTRY_NAMES.contains(&region.zh.as_str()) || region.en.eq_ignore_ascii_case("china") {
        COUNTRY.to_string()
    } else {
        key(&region.zh)
    };
    let outer = |p: &Place| {
        places.iter().any(|q| q.key != p.key && (p.key == COUNTRY || q.within.contains(&p.key) || q.span.0 == p.span.1))
    };
    let mut inner = places.iter().filter(|p| !outer(p)).peekable();
    if inner.peek().is_none() {
        return Err(first);
    }
    match inner.find(|p| p.key != region_key) {
        Some(p) => Err(p),
        None => Ok(()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn region(id: &str, zh: &str, en: &str) -> Named {
        Named { id: id.into(), zh: zh.into(), en: en.into() }
    }

    #[test]
    fn names_in_a_sentence() {
        let gd = region("guangdong", "广东省", "Guangdong");
        let keys = |s: &str| named(s, &[&gd]).into_iter().map(|p| p.key).collect::<Vec<_>>();
        assert_eq!(keys("广东5G基站约占全国1/4"), ["广东", "全国"]);
        assert_eq!(keys("浙江省2019年建成5G基站36988座"), ["浙江"]);
        assert_eq!(keys("Zhejiang built 36,988 5G base stations"), ["浙江"]);
        assert_eq!(keys("In 2019 Guangdong's share of China's stations"), ["广东", "全国"]);
        assert!(keys("全省约有1600家企业").is_empty());
    }

    #[test]
    fn the_most_specific_place_must_be_the_region() {
        let gd = region("guangdong", "广东省", "Guangdong");
        let ln = region("luoning", "洛宁县", "Luoning County");
        let cn = region("national", "全国", "China");
        let all = [&gd, &ln, &cn];
        let ok = |s: &str, r: &Named| fits(&named(s, &all), r).is_ok();
        assert!(ok("广东5G基站约占全国1/4", &gd));
        assert!(!ok("浙江省2019年建成5G基站36988座", &gd));
        assert!(!ok("全国2019年建成5G基站36988座", &gd));
        assert!(!ok("深圳2019年建成5G基站36988座", &gd));
        assert!(ok("中小企业贡献了50%以上的税收", &cn));
        assert!(ok("中小企业贡献了全国70%以上的出口", &cn));
        assert!(!ok("广东中小企业贡献了50%以上的税收", &cn));
        assert!(ok("河南省洛宁县建成5G基站3个", &ln));
        assert!(!ok("洛宁县减税降费超过1400亿元", &gd));
        assert_eq!(fits(&named("洛宁县减税降费超过1400亿元", &all), &gd).unwrap_err().zh, "洛宁县");
    }
}
