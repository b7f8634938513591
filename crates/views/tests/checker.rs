//! The claim checker's markup: one verdict per number and one for the sentence, each with its fact,
//! the fact's sentence and a line of reasoning; the reader's text shown as text.

use catalogue::CATALOGUE;
use facts::i18n::Lang;
use views::checker;

fn result(sentence: &str, lang: Lang) -> String {
    checker::result(&CATALOGUE, sentence, &claims::check(&CATALOGUE, sentence), lang).into_string()
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
    assert!(html.contains("another time (as of end-June 2020) than the year the sentence names"), "{html}");
    let zh = result("2018年广东5G基站累计7.8万座", Lang::Zh);
    assert!(zh.contains("与这句话所说的年份不同"), "{zh}");
}

#[test]
fn the_readers_text_is_shown_as_text() {
    let html = checker::checker(&CATALOGUE, "<script>x</script> 超过50%以上 & \"q\"", Lang::En).into_string();
    assert!(!html.contains("<script>"), "{html}");
    assert!(html.contains("&lt;script&gt;x&lt;/script&gt;"), "{html}");
    assert!(!html.contains("style="), "{html}");
    // The box holds the sentence, ready to edit; a closed checker's panel is never drawn here.
    assert!(html.contains("<textarea id=\"check-text\""), "{html}");
}
