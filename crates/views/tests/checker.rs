//! The claim checker's markup: one verdict per number and one for the sentence, each with its fact,
//! the fact's sentence and a line of reasoning; the reader's text shown as text.

use catalogue::CATALOGUE;
use facts::i18n::Lang;
use views::checker;

fn result(sentence: &str, lang: Lang) -> String {
    checker::result(&checker::Weighed::open(&CATALOGUE), sentence, &claims::check(&CATALOGUE, sentence), lang)
        .into_string()
}

#[test]
fn every_number_gets_its_verdict_fact_sentence_and_reason_in_both_languages() {
    let sentence = "广东减税降费超过2000亿元，5G基站累计7.8万座";
    for lang in [Lang::Zh, Lang::En] {
        let html = result(sentence, lang);
        // The sentence takes its weakest number's verdict: 2000亿 is not established by 超过1400亿.
        assert!(html.starts_with("<div class=\"claim\" data-claim-verdict=\"unsupported\">"), "{html}");
        assert_eq!(html.matches("<li class=\"claim__number\"").count(), 2, "{html}");
        assert!(html.contains("data-verdict=\"unsupported\" data-fact=\"gd-tax-fee-cuts\""), "{html}");
        assert!(html.contains("data-verdict=\"consistent\" data-fact=\"gd-5g-stations-cumulative-2020-06\""), "{html}");
        for id in ["gd-tax-fee-cuts", "gd-5g-stations-cumulative-2020-06"] {
            let f = CATALOGUE.fact(id).expect("fact");
            assert!(html.contains(&format!("“{}”</blockquote>", f.quote)), "{id}'s sentence is quoted");
            assert!(
                html.contains(&format!("href=\"?read={}&amp;fact={id}\"", f.article)),
                "{id} leads into the report"
            );
        }
        assert_eq!(html.matches("<p class=\"claim__reason\">").count(), 2);
    }
    let en = result(sentence, Lang::En);
    assert!(en.contains("The report says only more than 140 billion yuan"), "{en}");
    let zh = result(sentence, Lang::Zh);
    assert!(zh.contains("报告只写了超过1400亿元"), "{zh}");
}

#[test]
fn what_cannot_be_judged_is_said_not_guessed() {
    let html = result("广东推动产业链现代化", Lang::Zh);
    assert!(html.contains(&format!("data-claim-verdict=\"{}\"", checker::NO_NUMBER)), "{html}");
    assert!(!html.contains("claim__number"));
    let html = result("Unemployment in Guangdong fell to 3%", Lang::En);
    assert!(html.contains("data-claim-verdict=\"not-found\""), "{html}");
    assert!(html.contains("data-fact=\"\""), "no fact is named: {html}");
    assert!(!html.contains("<blockquote"), "no sentence to show: {html}");
}

#[test]
fn a_figure_of_another_year_neither_establishes_nor_rules_out_the_claim() {
    let html = result("2018年广东5G基站累计7.8万座", Lang::En);
    assert!(html.contains("data-verdict=\"unsupported\" data-fact=\"gd-5g-stations-cumulative-2020-06\""), "{html}");
    assert!(html.contains("for another period (as of end-June 2020); the sentence speaks of 2018"), "{html}");
    assert!(html.contains("subject “5G”, “基站”, “累计”"), "{html}");
    let zh = result("2018年广东5G基站累计7.8万座", Lang::Zh);
    assert!(zh.contains("是另一时期（截至2020年6月末）的数字，这句话说的是2018年"), "{zh}");
}

#[test]
fn the_readers_text_is_shown_as_text() {
    let html =
        checker::checker(&checker::Weighed::open(&CATALOGUE), "<script>x</script> 超过50%以上 & \"q\"", Lang::En)
            .into_string();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    assert!(!html.contains("style="), "{html}");
    // The box holds the sentence, ready to edit; a closed checker's panel is never drawn here.
    assert!(html.contains("<textarea id=\"check-text\""), "{html}");
}

fn site_reports() -> Vec<facts::Report> {
    let root = std::path::PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../..");
    let dirs = [root.join("seeds"), root.join("tests/fixtures/reports")];
    let paths = verify::reports::catalogue_paths(&dirs).expect("catalogues");
    let loaded = verify::reports::load_all(&paths).unwrap_or_else(|e| panic!("{e:?}"));
    verify::to_model::reports(&loaded)
}

/// On a site of several reports, a sentence of another report, checked on the real report's
/// page, is judged against the report that states it: consistent, named, linked to its page.
/// (Against the real report alone, no fact of it measures West Hill's stations.)
#[test]
fn a_sentence_of_another_report_is_judged_against_that_report() {
    let reports = site_reports();
    let weighed: Vec<checker::Weighed> = reports
        .iter()
        .enumerate()
        .map(|(i, r)| checker::Weighed {
            catalogue: &r.catalogue,
            title: views::markup::report_title(r, true),
            page: if i == 0 { String::new() } else { format!("{}.html", r.name) },
            earlier: Vec::new(),
        })
        .collect();
    let catalogues: Vec<&facts::Catalogue> = reports.iter().map(|r| &r.catalogue).collect();
    let sentence = "截至2021年6月末，全市累计建成5G基站12680座";
    let check = claims::check_reports(&catalogues, sentence);
    assert_eq!(check.verdict, Some(claims::Verdict::Consistent));
    let html = checker::result(&weighed, sentence, &check, Lang::Zh).into_string();
    assert!(html.contains("data-verdict=\"consistent\" data-fact=\"west-5g-stations-2021-06\""), "{html}");
    assert!(html.contains("《西山市信息通信业发展简报（2021年上半年）》："), "{html}");
    assert!(html.contains("href=\"fixture-west-2021h1.html?fact=west-5g-stations-2021-06\""), "{html}");
    assert!(
        html.contains("href=\"fixture-west-2021h1.html?read=west-2021h1-brief&amp;fact=west-5g-stations-2021-06\""),
        "{html}"
    );
    // The real report's own sentence stays the real report's, shown in place.
    let own = "广东减税降费超过1400亿元";
    let html = checker::result(&weighed, own, &claims::check_reports(&catalogues, own), Lang::Zh).into_string();
    assert!(
        html.contains("data-fact=\"gd-tax-fee-cuts\"")
            && html.contains("<button type=\"button\" class=\"link claim__show\""),
        "{html}"
    );
    // A number no report measures says every report was weighed.
    let none = "养老床位达到35张";
    let html = checker::result(&weighed, none, &claims::check_reports(&catalogues, none), Lang::En).into_string();
    assert!(html.contains(&format!("All {} reports of the site were weighed", reports.len())), "{html}");
}

/// Two reports that match a number equally well: the first (the open one) is judged, and the
/// verdict names the other's figure, since the sentence does not say which it means.
#[test]
fn a_tie_between_reports_is_said() {
    let sentence = "广东减税降费超过1400亿元";
    let check = claims::check_reports(&[&*CATALOGUE, &*CATALOGUE], sentence);
    assert_eq!(check.numbers.len(), 1);
    let others: Vec<(usize, &str)> = check.numbers[0].others.iter().map(|(r, f)| (*r, f.id.as_str())).collect();
    assert_eq!((check.numbers[0].report, others), (0, vec![(1, "gd-tax-fee-cuts")]));
    let weighed = [
        checker::Weighed { catalogue: &CATALOGUE, title: "甲".into(), page: String::new(), earlier: Vec::new() },
        checker::Weighed { catalogue: &CATALOGUE, title: "乙".into(), page: "b.html".into(), earlier: Vec::new() },
    ];
    let html = checker::result(&weighed, sentence, &check, Lang::Zh).into_string();
    assert!(html.contains("同一数据在其他时期或报告中：《乙》"), "{html}");
    let en = checker::result(&weighed, sentence, &check, Lang::En).into_string();
    assert!(en.contains("the same figure for other periods or in other reports: “乙” "), "{en}");
}
