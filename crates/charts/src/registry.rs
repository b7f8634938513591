//! Which sections and charts the dashboard has, and which facts each chart shows.
//! Fact ids are listed explicitly so "which chart shows which fact" is read off this file.

use super::spec::{self, BarKind, BarSpec, ChartSpec, PanelSpec, SpecError};
use catalogue::cross_checks::{cross_checks, CrossCheck};
use catalogue::format;
use facts::i18n::Lang;
use facts::Catalogue;

/// A section of the page: a heading and the catalogue topics it gathers.
pub struct SectionDef {
    pub id: &'static str,
    pub title: (&'static str, &'static str),
    pub topics: &'static [&'static str],
}

pub const SECTIONS: &[SectionDef] = &[
    SectionDef {
        id: "national",
        title: ("全国中小企业政策", "National SME policy"),
        topics: &["sme-contribution", "sme-policy"],
    },
    SectionDef {
        id: "gd-industry",
        title: ("广东产业集群与创新", "Guangdong clusters and innovation"),
        topics: &["gd-industry"],
    },
    SectionDef {
        id: "gd-5g", title: ("广东5G与数字经济", "Guangdong 5G and digital economy"), topics: &["gd-5g"]
    },
    SectionDef {
        id: "gd-finance",
        title: ("广东金融与中小企业支持", "Guangdong finance and SME support"),
        topics: &["gd-finance"],
    },
    SectionDef {
        id: "gd-clearance", title: ("拖欠账款清偿", "Overdue-payment clearance"), topics: &["gd-clearance"]
    },
    SectionDef {
        id: "luoning",
        title: ("洛宁县电商与农村通信", "Luoning county e-commerce and rural telecom"),
        topics: &["luoning-ecommerce", "luoning-telecom"],
    },
];

/// A panel: facts sharing one unit, and facts drawn as labelled reference lines.
pub struct PanelDef {
    pub caption: (&'static str, &'static str),
    pub facts: &'static [&'static str],
    pub references: &'static [&'static str],
}

pub enum ChartKind {
    /// Panels of bars, each with its own axis.
    Panels(&'static [PanelDef]),
    /// A stock, an addition, and the reported cumulative total, with the derived sum between
    /// them so the cross-check is visible.
    StockFlow { stock: &'static str, added: &'static str, reported: &'static str, check: &'static str },
}

pub struct ChartDef {
    pub id: &'static str,
    pub section: &'static str,
    pub title: (&'static str, &'static str),
    pub subtitle: (&'static str, &'static str),
    pub kind: ChartKind,
}

const fn panel(caption: (&'static str, &'static str), facts: &'static [&'static str]) -> PanelDef {
    PanelDef { caption, facts, references: &[] }
}

pub const CHARTS: &[ChartDef] = &[
    ChartDef {
        id: "sme-shares",
        section: "national",
        title: ("中小企业对国民经济的贡献", "What small and medium enterprises contribute"),
        subtitle: ("占全国的比重，报告未注明年份", "Share of the national total; the report gives no year"),
        kind: ChartKind::Panels(&[panel(
            ("", ""),
            &["sme-share-tax", "sme-share-gdp", "sme-share-innovation", "sme-share-urban-jobs", "sme-share-firms"],
        )]),
    },
    ChartDef {
        id: "gd-clusters",
        section: "gd-industry",
        title: (
            "广东战略性产业集群与制造业创新中心",
            "Guangdong's strategic clusters and manufacturing innovation centres",
        ),
        subtitle: ("2020年", "2020"),
        kind: ChartKind::Panels(&[
            panel(("产业集群（个）", "Industrial clusters"), &["gd-pillar-clusters", "gd-emerging-clusters"]),
            panel(
                ("制造业创新中心（家）", "Manufacturing innovation centres"),
                &["gd-national-innovation-centres", "gd-provincial-innovation-centres"],
            ),
        ]),
    },
    ChartDef {
        id: "gd-5g-stations",
        section: "gd-5g",
        title: ("广东5G基站：存量、新增与累计", "Guangdong 5G base stations: stock, additions, cumulative"),
        subtitle: (
            "2019年建成 + 2020年1—6月新建 ≈ 截至2020年6月累计",
            "Built in 2019 + added Jan–Jun 2020 ≈ cumulative by June 2020",
        ),
        kind: ChartKind::StockFlow {
            stock: "gd-5g-stations-2019",
            added: "gd-5g-stations-2020h1-new",
            reported: "gd-5g-stations-cumulative-2020-06",
            check: "gd-5g-stations-stock-flow",
        },
    },
    ChartDef {
        id: "gd-5g-national-share",
        section: "gd-5g",
        title: ("广东5G在全国的份额（2019年）", "Guangdong's share of China's 5G (2019)"),
        subtitle: ("基站约占四分之一，产业产值占一半以上", "About a quarter of stations, more than half of output"),
        kind: ChartKind::Panels(&[
            panel(
                ("占全国比重", "Share of China's total"),
                &["gd-5g-stations-2019-national-share", "gd-5g-output-2019-national-share"],
            ),
            panel(("5G产业产值（元）", "5G industry output (yuan)"), &["gd-5g-output-2019"]),
        ]),
    },
    ChartDef {
        id: "gd-digital",
        section: "gd-5g",
        title: ("工业互联网与“上云用云”（累计）", "Industrial internet and cloud adoption (cumulative)"),
        subtitle: ("企业数与带动的信息化投入", "Firms, and the IT investment they drew"),
        kind: ChartKind::Panels(&[
            panel(("企业（家）", "Firms"), &["gd-iiot-firms", "gd-smes-on-cloud"]),
            panel(("信息化投入（元）", "IT investment (yuan)"), &["gd-firm-it-investment"]),
        ]),
    },
    ChartDef {
        id: "gd-5g-programmes",
        section: "gd-5g",
        title: ("5G与超高清视频示范建设", "5G and ultra-HD video programmes"),
        subtitle: ("园区、基地与试点城市", "Parks, bases and pilot cities"),
        kind: ChartKind::Panels(&[
            panel(("产业园区（个）", "Parks"), &["gd-5g-industrial-parks", "gd-5g-iiot-parks"]),
            panel(("5G应用示范（个）", "5G application demonstrations"), &["gd-5g-application-demos"]),
            panel(("超高清视频（个）", "Ultra-HD video"), &["gd-uhd-world-class-bases"]),
            panel(("4K试点示范城市（个）", "4K pilot cities"), &["gd-4k-pilot-cities"]),
        ]),
    },
    ChartDef {
        id: "gd-finance",
        section: "gd-finance",
        title: ("减税降费与优惠贷款", "Tax and fee cuts, and preferential loans"),
        subtitle: ("金额均为下限", "All amounts are lower bounds"),
        kind: ChartKind::Panels(&[
            panel(
                ("金额（元）", "Amount (yuan)"),
                &["gd-tax-fee-cuts", "gd-preferential-loans", "gd-specialised-sme-loans-2020h1"],
            ),
            panel(
                ("获得贷款的企业（家）", "Firms receiving loans"),
                &["gd-preferential-loan-firms", "gd-specialised-sme-loan-firms-2020h1"],
            ),
        ]),
    },
    ChartDef {
        id: "gd-clearance",
        section: "gd-clearance",
        title: ("广东拖欠账款清偿进度", "Guangdong's overdue-payment clearance"),
        subtitle: ("对照国家要求（清偿一半以上）", "Against the national requirement (clear at least half)"),
        kind: ChartKind::Panels(&[PanelDef {
            caption: ("", ""),
            facts: &["gd-clearance-2019", "gd-clearance-2020-06"],
            references: &["national-clearance-requirement-2019"],
        }]),
    },
    ChartDef {
        id: "luoning-ecommerce",
        section: "luoning",
        title: ("洛宁县直播带货（2020年以来）", "Luoning livestream sales (since 2020)"),
        subtitle: ("观看人次与销售额，均为下限", "Views and sales, both lower bounds"),
        kind: ChartKind::Panels(&[
            panel(("观看（人次）", "Views"), &["luoning-livestream-views"]),
            panel(("销售额（元）", "Sales (yuan)"), &["luoning-livestream-sales"]),
        ]),
    },
    ChartDef {
        id: "luoning-telecom",
        section: "luoning",
        title: ("洛宁县扶贫村网络建设（截至2019年底）", "Luoning's poor villages online (by end-2019)"),
        subtitle: ("4G覆盖、宽带端口与5G基站", "4G coverage, broadband ports and 5G stations"),
        kind: ChartKind::Panels(&[
            panel(("扶贫村（个）", "Villages"), &["luoning-4g-new-villages", "luoning-4g-optimised-villages"]),
            panel(("宽带端口（个）", "Broadband ports"), &["luoning-broadband-ports"]),
            panel(("5G基站（个）", "5G base stations"), &["luoning-5g-stations"]),
            panel(("流量资费较2018年底降幅", "Data tariff cut vs end-2018"), &["luoning-data-tariff-cut"]),
        ]),
    },
];

pub fn chart_def(id: &str) -> Option<&'static ChartDef> {
    CHARTS.iter().find(|c| c.id == id)
}

/// How many sections (from the top) the page renders at start, before the rest follow one per
/// frame: enough to include the chart or section a link points at, so it can be scrolled to and
/// nothing above it moves afterwards; otherwise just the first.
pub fn sections_at_start(chart: Option<&str>, section: Option<&str>) -> usize {
    let focus = chart.and_then(chart_def).map(|c| c.section).or(section);
    focus.and_then(|id| SECTIONS.iter().position(|s| s.id == id)).map_or(1, |i| i + 1)
}

pub fn charts_in_section(section: &str) -> impl Iterator<Item = &'static ChartDef> + '_ {
    CHARTS.iter().filter(move |c| c.section == section)
}

/// The spec of one chart in one language, from the catalogue.
pub fn build(def: &ChartDef, catalogue: &Catalogue, lang: Lang) -> Result<ChartSpec, SpecError> {
    // The stock-and-flow chart shows its cross-check twice: as the derived bar and as a note.
    let mut stock_flow_check = None;
    let (panels, first_fact) = match &def.kind {
        ChartKind::Panels(defs) => {
            let mut panels = Vec::new();
            for p in defs.iter() {
                let facts = spec::resolve(catalogue, def.id, p.facts)?;
                let refs = spec::resolve(catalogue, def.id, p.references)?;
                let caption = lang.pick(p.caption.0, p.caption.1).to_string();
                panels.push(spec::bar_panel(catalogue, def.id, &facts, &refs, caption, lang)?);
            }
            let first = defs.first().and_then(|p| p.facts.first()).and_then(|id| catalogue.fact(id));
            (panels, first)
        }
        ChartKind::StockFlow { stock, added, reported, check } => {
            let facts = spec::resolve(catalogue, def.id, &[stock, added, reported])?;
            stock_flow_check = cross_checks(catalogue).into_iter().find(|c| c.id == *check);
            (
                vec![stock_flow_panel(catalogue, def.id, &facts, stock_flow_check.as_ref(), lang)?],
                facts.first().copied(),
            )
        }
    };
    let source = first_fact.map(|f| spec::source_line(catalogue, f.article, lang)).unwrap_or_default();
    let mut notes = spec::notes_for(&panels, lang);
    if let Some(c) = &stock_flow_check {
        notes.push(check_note(c, lang));
    }
    Ok(ChartSpec {
        id: def.id,
        lang,
        title: lang.pick(def.title.0, def.title.1).to_string(),
        subtitle: lang.pick(def.subtitle.0, def.subtitle.1).to_string(),
        panels,
        source,
        notes,
    })
}

/// Stock from zero, the addition stacked on it, the derived sum (hollow) and the reported total.
fn stock_flow_panel(
    catalogue: &Catalogue,
    chart: &'static str,
    facts: &[&'static facts::Fact],
    check: Option<&CrossCheck>,
    lang: Lang,
) -> Result<PanelSpec, SpecError> {
    let unit = spec::shared_unit(catalogue, chart, facts)?;
    let [stock, added, reported] = [facts[0], facts[1], facts[2]];
    let mut add_bar = spec::stated_bar(added, &unit, lang);
    add_bar.start = stock.value;
    add_bar.value_text = format!("+{}", add_bar.value_text);
    let sum = check.map_or(stock.value + added.value, |c| c.derived);
    let derived = BarSpec {
        fact_id: None,
        label: lang.pick("推算合计", "Computed sum").to_string(),
        start: 0.0,
        value: sum,
        qualifier: facts::Qualifier::Exact,
        kind: BarKind::Derived,
        value_text: format::value_with_unit(sum, &unit, facts::Qualifier::Exact, lang),
    };
    let bars = vec![spec::stated_bar(stock, &unit, lang), add_bar, derived, spec::stated_bar(reported, &unit, lang)];
    let axis = spec::axis_for(&unit, bars.iter().map(BarSpec::end));
    Ok(PanelSpec { caption: String::new(), unit, axis, bars, references: Vec::new() })
}

/// One sentence saying whether the report agrees with itself.
pub fn check_note(c: &CrossCheck, lang: Lang) -> String {
    let verdict = match (c.agrees, lang) {
        (Some(true), Lang::Zh) => "在报告的四舍五入范围内一致",
        (Some(true), Lang::En) => "consistent within the report's rounding",
        (Some(false), Lang::Zh) => "超出报告的四舍五入范围，不一致",
        (Some(false), Lang::En) => "inconsistent beyond the report's rounding",
        (None, Lang::Zh) => "无可比对的报告数字",
        (None, Lang::En) => "nothing in the report to compare with",
    };
    match lang {
        Lang::Zh => format!("核对：{}（{}）。", verdict, c.formula),
        Lang::En => format!("Cross-check: {} ({}).", verdict, c.formula),
    }
}

/// Facts the overview shows as headline figures, in order.
pub const HEADLINES: &[&str] = &[
    "gd-5g-stations-cumulative-2020-06",
    "gd-5g-output-2019",
    "gd-tax-fee-cuts",
    "gd-clearance-2020-06",
    "sme-share-gdp",
    "luoning-livestream-views",
];

impl ChartDef {
    /// Every fact id the chart shows, without building it.
    pub fn fact_ids(&self) -> Vec<&'static str> {
        match &self.kind {
            ChartKind::Panels(panels) => {
                panels.iter().flat_map(|p| p.facts.iter().chain(p.references.iter()).copied()).collect()
            }
            ChartKind::StockFlow { stock, added, reported, .. } => vec![stock, added, reported],
        }
    }
}
