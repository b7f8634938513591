//! The claim set: sentences in Chinese and English, each with the verdict I decided from the report
//! before running the checker, and the fact it must be matched to. Covers every verdict, the
//! report's rounding (7.8万 ~ 78,000), bounds (以上, 超过, more than), approximations (约, about),
//! fractions (四分之一, one quarter), periods (2019 against June 2020) and units (座, 个, yuan).

use catalogue::CATALOGUE;
use claims::{check, Verdict};

/// One sentence of `claim_set.json`: the verdict of the sentence and the fact of its first
/// number ("" for none). The browser suite (tests/e2e/specs/checker.test.mjs) checks the same file
/// through the page.
#[derive(serde::Deserialize)]
struct Claim {
    sentence: String,
    verdict: String,
    fact: String,
}

fn claims() -> Vec<Claim> {
    match serde_json::from_str(include_str!("claim_set.json")) {
        Ok(c) => c,
        Err(e) => panic!("claim_set.json: {e}"),
    }
}

#[test]
fn every_claim_gets_the_verdict_decided_from_the_report() {
    let set = claims();
    assert!(set.len() >= 30);
    let english = set.iter().filter(|c| c.sentence.is_ascii()).count();
    assert!(english >= 10 && set.len() - english >= 10, "{english} of {} in English", set.len());
    for v in ["consistent", "inconsistent", "unsupported", "not-found"] {
        assert!(set.iter().any(|c| c.verdict == v), "no sentence is {v}");
    }
    let mut wrong = Vec::new();
    for Claim { sentence, verdict: want, fact } in &set {
        let c = check(&CATALOGUE, sentence);
        let got_fact = c.numbers.first().and_then(|j| j.fact).map_or("", |f| f.id.as_str());
        if c.verdict.map(Verdict::id) != Some(want.as_str()) || got_fact != fact {
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
                        j.fact.map_or("-", |f| f.id.as_str())
                    )
                })
                .collect();
            wrong.push(format!(
                "{sentence}: want {want} ({fact}), got {:?} [{}]",
                c.verdict.map(Verdict::id),
                numbers.join("; ")
            ));
        }
    }
    assert!(wrong.is_empty(), "{} of {} wrong:\n{}", wrong.len(), set.len(), wrong.join("\n"));
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

#[test]
fn years_are_told_from_amounts() {
    assert_eq!(claims::years_in("截至2020年6月，超过2000亿元"), vec![2020]);
    assert_eq!(claims::years_in("by June 2020, 2000 billion yuan, 2019.5%"), vec![2020]);
    assert_eq!(claims::years_in("2019年广东建成5G基站2000座"), vec![2019]);
    assert!(claims::years_in("2000家企业").is_empty());
}
