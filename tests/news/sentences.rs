//! Sentence boundaries as a careful reader draws them, seen through `all` claims in their
//! default sentence scope: the verdict turns on the split alone.

use super::*;

/// `all` of two terms in one sentence.
fn together(text: &str, a: &str, b: &str) -> Verdict {
    verdict(
        text,
        None,
        &format!("id: s\nclaim: {a} and {b} in one sentence\nall: [{a}, {b}]"),
    )
}

#[test]
fn supports_a_quote_attributed_after_brig_gen() {
    let text = "“We remain committed to supporting Ukraine,” said Pentagon Press Secretary Air Force \
                Brig. Gen. Pat Ryder today. He gave no details.";
    assert_eq!(together(text, "Ryder", "committed"), Verdict::Supported);
    assert_eq!(together(text, "committed", "details"), Verdict::NotFound);
}

#[test]
fn supports_titles_before_names() {
    let text = "Lt. Col. Amy Smith, the battalion commander, said Maj. Gen. Paul Jones and Adm. Lisa \
                Franchetti approved the plan. The Rev. Al Sharpton spoke later.";
    assert_eq!(together(text, "Smith", "Franchetti"), Verdict::Supported);
    assert_eq!(together(text, "Smith", "plan"), Verdict::Supported);
    assert_eq!(together(text, "plan", "Sharpton"), Verdict::NotFound);
}

#[test]
fn supports_a_city_and_a_day_across_a_state_abbreviation() {
    let text = "A tornado struck Tallahassee, Fla., on Tuesday, the National Weather Service said.";
    assert_eq!(together(text, "Tallahassee", "Tuesday"), Verdict::Supported);
    let text = "Traffic on the Mass. Turnpike was halted after the crash.";
    assert_eq!(together(text, "Traffic", "crash"), Verdict::Supported);
}

#[test]
fn not_found_across_a_state_abbreviation_that_ends_a_sentence() {
    let text = "The company is based in San Jose, Calif. It employs 500 people.";
    assert_eq!(together(text, "San Jose", "employs"), Verdict::NotFound);
}

#[test]
fn supports_a_name_that_continues_an_acronym() {
    let text = "Troops left the U.S. Army base in Grafenwoehr on Monday.";
    assert_eq!(together(text, "Troops", "Grafenwoehr"), Verdict::Supported);
    let text = "Ambassador to the U.N. Linda Thomas-Greenfield vetoed the resolution.";
    assert_eq!(together(text, "Ambassador", "resolution"), Verdict::Supported);
}

#[test]
fn not_found_across_an_acronym_that_ends_a_sentence() {
    let text = "Inflation is falling in the U.S. How long that lasts is unclear.";
    assert_eq!(together(text, "Inflation", "unclear"), Verdict::NotFound);
    let text = "He has lived in the U.S. since 2019. The president said so.";
    assert_eq!(together(text, "lived", "president"), Verdict::NotFound);
    let text = "Talks ended in the U.S. “We made progress,” the envoy said.";
    assert_eq!(together(text, "Talks", "envoy"), Verdict::NotFound);
}

#[test]
fn not_found_across_a_company_abbreviation_that_ends_a_sentence() {
    let text = "The bank was sold to Pitt, Briggs & Co. It closed its last branch in 2020.";
    assert_eq!(together(text, "sold", "branch"), Verdict::NotFound);
    let text = "Apple Inc. Chief Executive Tim Cook met the president.";
    assert_eq!(together(text, "Apple", "president"), Verdict::Supported);
}

#[test]
fn not_found_across_a_clock_time_that_ends_a_sentence() {
    let text = "The talks ended at 5 p.m. The ministers left without a statement.";
    assert_eq!(together(text, "talks", "ministers"), Verdict::NotFound);
}

#[test]
fn supports_references_before_numbers() {
    let text = "The estimate appears on p. 55 of the Pentagon report.";
    assert_eq!(together(text, "estimate", "Pentagon"), Verdict::Supported);
    let text = "Starmer returned to No. 10 Downing Street on Monday.";
    assert_eq!(together(text, "Starmer", "Downing Street"), Verdict::Supported);
    let text = "The case, Roe vs. Wade, was overturned in 2022.";
    assert_eq!(together(text, "Roe", "overturned"), Verdict::Supported);
}

#[test]
fn supports_months_and_initials() {
    let text = "Author J. K. Rowling criticised the law on Sept. 10 in Edinburgh.";
    assert_eq!(together(text, "Rowling", "Edinburgh"), Verdict::Supported);
}

#[test]
fn supports_an_ellipsis_inside_a_quotation() {
    let text = "“We will fight on… We must win,” Zelenskyy said in a video address.";
    assert_eq!(together(text, "fight", "Zelenskyy"), Verdict::Supported);
    let text = "\"We will fight on... We must win,\" Zelenskyy said in a video address.";
    assert_eq!(together(text, "fight", "Zelenskyy"), Verdict::Supported);
}

#[test]
fn not_found_across_an_ellipsis_outside_a_quotation() {
    let text = "The minister paused... Then he left the room without answering.";
    assert_eq!(together(text, "minister", "room"), Verdict::NotFound);
}

#[test]
fn not_found_across_a_citation_mark() {
    let text = "The effect of the sanctions was lasting.[6] Besides, exports to Asia rose.";
    assert_eq!(together(text, "sanctions", "Asia"), Verdict::NotFound);
    let text = "Rates rose.[3][4] Markets in Asia fell.";
    assert_eq!(together(text, "Rates", "Asia"), Verdict::NotFound);
}

#[test]
fn supports_decimals_and_web_addresses_inside_a_sentence() {
    let text = "Growth slowed to 3.5 percent in the third quarter, the ministry said.";
    assert_eq!(together(text, "Growth", "ministry"), Verdict::Supported);
    let text = "Readers can find the full list at www.example.com before the vote.";
    assert_eq!(together(text, "Readers", "vote"), Verdict::Supported);
}

#[test]
fn not_found_across_a_web_address_that_ends_a_sentence() {
    let text = "Tickets are sold on example.com. The site crashed on Monday.";
    assert_eq!(together(text, "Tickets", "crashed"), Verdict::NotFound);
}

#[test]
fn supports_a_question_and_the_name_that_asks_it() {
    let text = "“Where is the money?” Trump asked reporters at the White House on Friday.";
    assert_eq!(together(text, "money", "Trump"), Verdict::Supported);
    let text = "“Is the ceasefire over?” Nobody in the room answered.";
    assert_eq!(together(text, "ceasefire", "room"), Verdict::NotFound);
}

#[test]
fn not_found_across_a_letter_that_ends_a_sentence() {
    let text = "Negotiators now need a Plan B. The talks in Doha collapsed on Monday.";
    assert_eq!(together(text, "Negotiators", "Doha"), Verdict::NotFound);
    let text = "Negotiators met George W. Bush in Doha on Monday.";
    assert_eq!(together(text, "Negotiators", "Doha"), Verdict::Supported);
}

#[test]
fn supports_a_spaced_ellipsis_inside_a_quotation() {
    let text = "“We will fight on . . . We must win,” Zelenskyy said in a video address.";
    assert_eq!(together(text, "fight", "Zelenskyy"), Verdict::Supported);
}
