//! The claim set: sentences in Chinese and English, each with the verdict I decided from the report
//! before running the checker, and the fact it must be matched to. Covers every verdict, the
//! report's rounding (7.8万 ~ 78,000), bounds (以上, 超过, more than), approximations (约, about),
//! fractions (四分之一, one quarter), periods (2019 against June 2020) and units (座, 个, yuan).

use catalogue::CATALOGUE;
use claims::{check, Verdict};

use Verdict::{Consistent as C, Inconsistent as I, NotFound as N, Unsupported as U};

/// (sentence, sentence verdict, the fact of its first number or "" for none)
const CLAIMS: &[(&str, Verdict, &str)] = &[
    // Bounds: the report says "more than 1400亿".
    ("广东减税降费超过2000亿元", U, "gd-tax-fee-cuts"),
    ("广东减税降费超过1000亿元", C, "gd-tax-fee-cuts"),
    ("Guangdong cut taxes and fees by more than 200 billion yuan", U, "gd-tax-fee-cuts"),
    // Shares stated as lower bounds.
    ("中小企业贡献了50%以上的税收", C, "sme-share-tax"),
    ("中小企业贡献了40%的税收", I, "sme-share-tax"),
    ("中小企业贡献了60%以上的GDP", C, "sme-share-gdp"),
    ("中小企业贡献了70%以上的GDP", U, "sme-share-gdp"),
    ("SMEs contribute more than 50% of tax revenue", C, "sme-share-tax"),
    ("SMEs account for about 40% of GDP", I, "sme-share-gdp"),
    // 5G base stations: rounding and periods.
    ("广东5G基站累计7.8万座", C, "gd-5g-stations-cumulative-2020-06"),
    ("截至2020年6月，广东累计建成5G基站约8万座", C, "gd-5g-stations-cumulative-2020-06"),
    ("Guangdong had about 78,000 5G base stations by June 2020", C, "gd-5g-stations-cumulative-2020-06"),
    ("2019年广东建成5G基站36988座", C, "gd-5g-stations-2019"),
    ("Guangdong built 36,988 5G base stations in 2019", C, "gd-5g-stations-2019"),
    ("2019年广东建成5G基站5万座", I, "gd-5g-stations-2019"),
    ("2020年上半年广东新建5G基站4.1万座", C, "gd-5g-stations-2020h1-new"),
    ("In the first half of 2020 Guangdong added 41,000 new 5G base stations", C, "gd-5g-stations-2020h1-new"),
    // Shares as fractions.
    ("2019年广东5G基站约占全国的四分之一", C, "gd-5g-stations-2019-national-share"),
    ("2019年广东5G基站约占全国的三分之一", I, "gd-5g-stations-2019-national-share"),
    (
        "In 2019 Guangdong's share of China's 5G base stations was about one quarter",
        C,
        "gd-5g-stations-2019-national-share",
    ),
    ("In 2019 Guangdong built one third of China's 5G base stations", I, "gd-5g-stations-2019-national-share"),
    ("广东5G产业产值占全国一半以上", C, "gd-5g-output-2019-national-share"),
    // Output value.
    ("2019年广东5G产业产值2300亿元", C, "gd-5g-output-2019"),
    ("2019年广东5G产业产值超过3000亿元", I, "gd-5g-output-2019"),
    ("Guangdong's 5G industry output reached 230 billion yuan in 2019", C, "gd-5g-output-2019"),
    ("Guangdong's 5G industry output was 300 billion yuan in 2019", I, "gd-5g-output-2019"),
    // Clearance of overdue payments: two periods.
    ("广东拖欠账款清偿进度截至2020年6月末达94.3%", C, "gd-clearance-2020-06"),
    ("2019年广东拖欠账款清偿进度为95%", I, "gd-clearance-2019"),
    ("2019年广东清偿拖欠账款约94%", C, "gd-clearance-2019"),
    ("Guangdong had cleared 94.3% of overdue payments by the end of June 2020", C, "gd-clearance-2020-06"),
    // Luoning.
    ("洛宁县直播带货销售额超过1亿元", U, "luoning-livestream-sales"),
    ("洛宁县直播带货销售额超过100万元", C, "luoning-livestream-sales"),
    ("Luoning's live-stream sales exceeded 100 million yuan", U, "luoning-livestream-sales"),
    ("洛宁县直播带货观看超过850万人次", C, "luoning-livestream-views"),
    ("洛宁县扶贫村建成宽带端口3600个", C, "luoning-broadband-ports"),
    ("洛宁县建成5G基站3个", C, "luoning-5g-stations"),
    ("洛宁县客户流量资费平均降幅34.4%", C, "luoning-data-tariff-cut"),
    // Counts.
    ("《若干意见》由17个部门联合印发", C, "sme-policy-departments"),
    ("《若干意见》提出了30条具体措施", I, "sme-policy-measures"),
    ("The Opinions were issued jointly by 17 government departments", C, "sme-policy-departments"),
    ("广东“上云用云”的中小企业达到50万家", C, "gd-smes-on-cloud"),
    ("广东有100万家中小企业上云用云", I, "gd-smes-on-cloud"),
    // Rates.
    ("广东优惠利率贷款加权平均利率为2.30%", C, "gd-preferential-loan-rate"),
    ("广东优惠利率贷款加权平均利率为3.5%", I, "gd-preferential-loan-rate"),
    // Nothing in the report measures these.
    ("洛宁县人均收入增长了12%", N, ""),
    ("深圳GDP超过2万亿元", N, ""),
    ("Unemployment in Guangdong fell to 3%", N, ""),
];

#[test]
fn every_claim_gets_the_verdict_decided_from_the_report() {
    assert!(CLAIMS.len() >= 30);
    let mut wrong = Vec::new();
    for (sentence, want, fact) in CLAIMS {
        let c = check(&CATALOGUE, sentence);
        let got_fact = c.numbers.first().and_then(|j| j.fact).map_or("", |f| f.id);
        if c.verdict != Some(*want) || got_fact != *fact {
            let numbers: Vec<String> = c
                .numbers
                .iter()
                .map(|j| {
                    format!(
                        "{:?} {} {:?} -> {} ({})",
                        j.stated.text,
                        j.stated.value,
                        j.stated.qualifier,
                        j.verdict.id(),
                        j.fact.map_or("-", |f| f.id)
                    )
                })
                .collect();
            wrong.push(format!(
                "{sentence}: want {} ({fact}), got {:?} [{}]",
                want.id(),
                c.verdict.map(Verdict::id),
                numbers.join("; ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), CLAIMS.len(), wrong.join("\n"));
}

#[test]
fn a_sentence_without_numbers_has_no_verdict() {
    assert_eq!(check(&CATALOGUE, "广东推动产业链现代化").verdict, None);
    assert_eq!(check(&CATALOGUE, "5G and 4K are names, not numbers").verdict, None);
}

proptest::proptest! {
    /// Whatever a reader pastes, the checker answers: no panic, every number inside the sentence.
    #[test]
    fn any_text_gets_an_answer(text in "[0-9０-９一二三四五六七八九十百千万亿分之约超过以上左右%.,/ a-zA-Z广东洛宁基站座元个年月]{0,40}") {
        let c = check(&CATALOGUE, &text);
        for j in &c.numbers {
            proptest::prop_assert!(j.stated.start <= j.stated.end && j.stated.end <= text.len());
            proptest::prop_assert!(j.stated.value.is_finite());
        }
    }
}
