//! Figures (format 1.1 "Numbers: the article must establish the claimed amount"): a number
//! stands for the values its wording allows; it supports only when all of them lie in the
//! claim's range, refutes when none does, and is otherwise vaguer (a note, never evidence).

use super::*;

fn claim(number: &str, near: &str) -> String {
    format!("id: n\nclaim: c\nnumber: {number}\nnear: [{near}]")
}

fn says(text: &str, number: &str, near: &str) -> Verdict {
    verdict(text, None, &claim(number, near))
}

// Entailment.

#[test]
fn vaguer_more_than_30_does_not_establish_34() {
    let r = check(
        "More than 30 countries attended the summit in Brussels.",
        None,
        &claim("34", "countries"),
    );
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(r.evidence.is_empty());
    let all = notes(&r);
    assert!(
        all.contains("the article says `More than 30`, which does not establish 34"),
        "{all}"
    );
    assert!(all.contains("vaguer than the claim"), "{all}");
    let nearest = r.nearest.as_ref().expect("the vaguer figure is shown");
    assert_eq!(nearest.marks[0].text, "More than 30");
}

#[test]
fn supports_more_than_30_for_at_least_30() {
    let text = "More than 30 countries attended the summit in Brussels.";
    assert_eq!(says(text, "{min: 30}", "countries"), Verdict::Supported);
}

#[test]
fn vaguer_fewer_than_1000_does_not_establish_999() {
    let text = "Fewer than 1,000 troops remain in the region, officials said.";
    let r = check(text, None, &claim("999", "troops"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("the article says `Fewer than 1,000`, which does not establish 999"));
}

#[test]
fn vaguer_about_1000_does_not_establish_1050() {
    let text = "About 1,000 troops will be deployed to the border next month.";
    let r = check(text, None, &claim("1050", "troops"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("`About 1,000`, which does not establish 1050"));
}

#[test]
fn supports_about_1000_for_900_to_1100() {
    let text = "About 1,000 troops will be deployed to the border next month.";
    let r = check(text, None, &claim("{min: 900, max: 1100}", "troops"));
    assert_eq!(r.verdict, Verdict::Supported);
    assert!(notes(&r).contains("`About 1,000` read as 900 to 1100"), "{}", notes(&r));
}

#[test]
fn refutes_about_1000_for_2000() {
    let text = "About 1,000 troops will be deployed to the border next month.";
    assert_eq!(says(text, "2000", "troops"), Verdict::Refuted);
}

#[test]
fn refutes_fewer_than_20_for_34() {
    let text = "Fewer than 20 countries sent delegations to the talks.";
    let r = check(text, None, &claim("34", "countries"));
    assert_eq!(r.verdict, Verdict::Refuted);
    assert!(notes(&r).contains("`Fewer than 20` read as under 20: excludes 34"));
}

#[test]
fn refutes_30_for_34() {
    let text = "Delegations from 30 countries attended the summit.";
    assert_eq!(says(text, "34", "countries"), Verdict::Refuted);
}

#[test]
fn refutes_nearly_1000_for_1000() {
    // "nearly 1,000" is 900 up to, not including, 1,000.
    let text = "Nearly 1,000 people were evacuated from the coastal town.";
    let r = check(text, None, &claim("1000", "people"));
    assert_eq!(r.verdict, Verdict::Refuted);
    assert!(notes(&r).contains("900 up to, not including, 1000"));
}

#[test]
fn supports_at_least_30_for_30_or_more() {
    let text = "At least 30 people were killed in the strike, the ministry said.";
    assert_eq!(says(text, "{min: 30}", "people"), Verdict::Supported);
    assert_eq!(says(text, "30", "people"), Verdict::NotFound);
}

#[test]
fn supports_up_to_500_for_at_most_500() {
    let text = "Up to 500 workers could lose their jobs, the union warned.";
    assert_eq!(says(text, "{max: 500}", "workers"), Verdict::Supported);
    assert_eq!(says(text, "{max: 400}", "workers"), Verdict::NotFound);
}

#[test]
fn conflicting_in_range_beside_out_of_range() {
    let text = "Police said 40 people were arrested. Organisers said 55 people were arrested.";
    assert_eq!(says(text, "40", "people"), Verdict::Conflicting);
}

#[test]
fn not_found_hundreds_is_never_a_figure() {
    let text = "Hundreds of protesters gathered outside parliament on Tuesday.";
    let r = check(text, None, &claim("300", "protesters"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("the article says `Hundreds`, a vague amount, which does not establish 300"));
}

#[test]
fn not_found_dozens_is_never_a_figure() {
    let text = "Dozens of families fled the fighting overnight.";
    assert_eq!(says(text, "{min: 24}", "families"), Verdict::NotFound);
}

#[test]
fn supports_a_conversion_in_brackets_is_its_own_figure() {
    let text = "The pipeline runs for more than 1,000 miles (1,600 km) across the steppe.";
    assert_eq!(says(text, "1600", "km"), Verdict::Supported);
    assert_eq!(says(text, "1000", "miles"), Verdict::Refuted);
}

#[test]
fn not_found_one_over_three_is_no_qualifier() {
    // "over" stands between two figures here: "three" is exactly 3.
    let text = "The court ruled one over three of the claims admissible.";
    assert_eq!(says(text, "{min: 3}", "claims"), Verdict::Supported);
    assert_eq!(says(text, "4", "claims"), Verdict::Refuted);
}

// Forms.

#[test]
fn supports_negative_temperature() {
    let text = "Temperatures fell to -5C overnight in Kyiv.";
    assert_eq!(says(text, "-5", "Temperatures"), Verdict::Supported);
    assert_eq!(says(text, "5", "Temperatures"), Verdict::Refuted);
}

#[test]
fn supports_negative_with_the_minus_sign() {
    let text = "Temperatures fell to \u{2212}12C in Moscow on Monday.";
    assert_eq!(says(text, "-12", "Temperatures"), Verdict::Supported);
}

#[test]
fn supports_minus_in_words() {
    let text = "The thermometer read minus 5 degrees at dawn.";
    assert_eq!(says(text, "-5", "degrees"), Verdict::Supported);
}

#[test]
fn not_found_a_score_is_not_a_sign() {
    let text = "Arsenal sealed a 3-2 win over Chelsea on Sunday.";
    let r = check(text, None, &claim("-2", "win"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("`3-2` is a score, not a number"));
}

#[test]
fn supports_a_dash_range_for_a_range_claim() {
    let text = "Between the two sides, 10-15 people were injured in the clashes.";
    assert_eq!(says(text, "{min: 10, max: 15}", "people"), Verdict::Supported);
    assert_eq!(says(text, "12", "people"), Verdict::NotFound);
    assert_eq!(says(text, "-15", "people"), Verdict::Refuted);
}

#[test]
fn supports_two_thirds_as_a_fraction() {
    let text = "Two-thirds of voters backed the plan, the poll found.";
    assert_eq!(says(text, "{min: 0.66, max: 0.67}", "voters"), Verdict::Supported);
    assert_eq!(says(text, "66", "voters"), Verdict::Refuted);
}

#[test]
fn supports_half_a_million() {
    let text = "Half a million people marched through central London.";
    assert_eq!(says(text, "500000", "people"), Verdict::Supported);
}

#[test]
fn supports_one_and_a_half() {
    let text = "The talks lasted one and a half hours, a diplomat said.";
    assert_eq!(says(text, "1.5", "hours"), Verdict::Supported);
    let text = "The talks lasted 1½ hours, a diplomat said.";
    assert_eq!(says(text, "1.5", "hours"), Verdict::Supported);
}

#[test]
fn supports_a_third_and_three_quarters() {
    let text = "A third of the budget goes to defence, and three quarters of staff work abroad.";
    assert_eq!(says(text, "{min: 0.33, max: 0.34}", "budget"), Verdict::Supported);
    assert_eq!(says(text, "0.75", "staff"), Verdict::Supported);
}

#[test]
fn supports_millions_glued_to_the_currency() {
    let text = "The company raised £3.5m from investors.";
    assert_eq!(says(text, "3500000", "raised"), Verdict::Supported);
    let text = "Brussels approved a $1.2bn loan and a further €4 billion in grants.";
    assert_eq!(says(text, "1200000000", "loan"), Verdict::Supported);
    assert_eq!(says(text, "4000000000", "grants"), Verdict::Supported);
}

#[test]
fn supports_trillions_and_thousands_abbreviated() {
    let text = "Japan unveiled a 2tn yen stimulus. Some 75K fans and 10k runners filled the city.";
    assert_eq!(says(text, "2000000000000", "stimulus"), Verdict::Supported);
    assert_eq!(says(text, "{min: 67500, max: 82500}", "fans"), Verdict::Supported);
    assert_eq!(says(text, "10000", "runners"), Verdict::Supported);
}

#[test]
fn supports_per_cent_in_every_spelling() {
    for text in [
        "Inflation rose 40pc in a year.",
        "Inflation rose 40 pct in a year.",
        "Inflation rose 40 percent in a year.",
        "Inflation rose 40 per cent in a year.",
    ] {
        assert_eq!(says(text, "40", "Inflation"), Verdict::Supported, "{text}");
    }
    let text = "Rates were cut by 2 percentage points on Thursday.";
    assert_eq!(says(text, "2", "Rates"), Verdict::Supported);
}

#[test]
fn supports_lakh_crore() {
    let text = "The government unveiled a Rs 20 lakh crore package on Tuesday.";
    assert_eq!(says(text, "20000000000000", "package"), Verdict::Supported);
    let text = "Some 13 lakh pilgrims and 2.5 crore voters were counted.";
    assert_eq!(
        says(text, "{min: 1170000, max: 1430000}", "pilgrims"),
        Verdict::Supported
    );
    assert_eq!(says(text, "25000000", "voters"), Verdict::Supported);
}

#[test]
fn supports_indian_grouping() {
    let text = "Officials counted 12,34,567 voters in the district.";
    assert_eq!(says(text, "1234567", "voters"), Verdict::Supported);
}

#[test]
fn supports_thin_space_thousands() {
    let text = "The museum welcomed 1\u{2009}234\u{2009}567 visitors last year.";
    assert_eq!(says(text, "1234567", "visitors"), Verdict::Supported);
    let text = "The army sent 5\u{00A0}000 troops and 2\u{202F}500 tanks.";
    assert_eq!(says(text, "5000", "troops"), Verdict::Supported);
    assert_eq!(says(text, "2500", "tanks"), Verdict::Supported);
}

#[test]
fn refutes_plain_spaces_do_not_merge_two_numbers() {
    let text = "Police said that in 2024 150 people were arrested.";
    assert_eq!(says(text, "150", "people"), Verdict::Supported);
    assert_eq!(says(text, "2024150", "people"), Verdict::Refuted);
}

#[test]
fn supports_number_words_as_far_as_they_run() {
    let text = "Two hundred and fifty thousand people signed the petition.";
    assert_eq!(says(text, "250000", "people"), Verdict::Supported);
    let text = "Thirty-four countries sent eight hundred thousand doses.";
    assert_eq!(says(text, "34", "countries"), Verdict::Supported);
    assert_eq!(says(text, "800000", "doses"), Verdict::Supported);
}

// Not numbers.

#[test]
fn not_found_a_clock_time_is_not_a_number() {
    let text = "The fire started at 8 PM near the depot.";
    let r = check(text, None, &claim("8", "fire"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(
        notes(&r).contains("`8 PM` is a clock time, not a number"),
        "{}",
        notes(&r)
    );
    let nearest = r.nearest.as_ref().expect("the clock time is shown");
    assert!(nearest.marks.iter().any(|m| m.text == "8 PM"));
}

#[test]
fn not_found_clock_times_in_every_spelling() {
    for (text, time) in [
        ("The fire started at 8 p.m. near the depot.", "8 p.m."),
        ("The fire started at 20:00 near the depot.", "20:00"),
        ("The fire started at 8.30am near the depot.", "8.30am"),
    ] {
        let r = check(text, None, &claim("8", "fire"));
        assert_eq!(r.verdict, Verdict::NotFound, "{text}");
        assert!(notes(&r).contains(&format!("`{time}` is a clock time")), "{text}");
    }
}

#[test]
fn not_found_an_ordinal_is_not_a_number() {
    let text = "Protesters returned for a fifth night in the capital.";
    let r = check(text, None, &claim("5", "night"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("`fifth` is an ordinal, not a number"));
    let text = "It was the 21st protest since the election.";
    let r = check(text, None, &claim("21", "protest"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("`21st` is an ordinal"));
}

#[test]
fn not_found_a_year_standing_alone() {
    let text = "Leaders will gather at the 2025 summit in Rome.";
    let r = check(text, None, &claim("2025", "summit"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(notes(&r).contains("`2025` is a year, not a number"));
}

#[test]
fn supports_a_count_that_looks_like_a_year() {
    let text = "The ministry said 2000 troops and 1500 police were deployed.";
    assert_eq!(says(text, "2000", "troops"), Verdict::Supported);
    assert_eq!(says(text, "1500", "police"), Verdict::Supported);
    let text = "The alliance sent 2,000 troops in 2024.";
    assert_eq!(says(text, "2000", "troops"), Verdict::Supported);
}

#[test]
fn not_found_names_are_not_numbers() {
    let text = "One Direction fans queued in May outside the arena.";
    assert_eq!(says(text, "1", "fans"), Verdict::NotFound);
    assert_eq!(says(text, "5", "fans"), Verdict::NotFound);
}

#[test]
fn not_found_model_names_are_not_numbers() {
    let text = "The air force ordered F-35A jets after the G7 meeting.";
    assert_eq!(says(text, "35", "jets"), Verdict::NotFound);
}
