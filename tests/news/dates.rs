//! Dates in news copy (format 1.1): the wording's tense decides which Tuesday or which 10
//! September; relative days, AP abbreviations, numeric dates in the file's order; a date
//! allows the days its wording allows (`before`, `by`, ranges, months, weeks).
//!
//! Calendar used below: Wednesday 2025-03-12 is the usual published date (Monday 10, Tuesday
//! 11, Friday 14, Saturday 15 March 2025).

use super::*;

const WED: Option<&str> = Some("2025-03-12");

/// A `date` claim near some terms.
fn on(date: &str, near: &str) -> String {
    format!("id: d\nclaim: c\ndate: {date}\nnear: [{near}]")
}

fn verdict_on(text: &str, published: Option<&str>, date: &str, near: &str) -> Verdict {
    verdict(text, published, &on(date, near))
}

/// Checks that the claim is supported and that the notes say `note`.
fn supported_with(text: &str, published: Option<&str>, date: &str, near: &str, note: &str) {
    let r = check(text, published, &on(date, near));
    assert_eq!(r.verdict, Verdict::Supported, "{text}\n{}", notes(&r));
    assert!(notes(&r).contains(note), "{text}\nwanted {note:?} in\n{}", notes(&r));
}

// Tense: past wording points back, future and planned wording ahead, none to the nearest.

#[test]
fn supports_said_on_tuesday_as_the_tuesday_before_publication() {
    let text = "The minister said on Tuesday that talks would go on.";
    supported_with(
        text,
        WED,
        "2025-03-11",
        "minister",
        "`on Tuesday` read as 2025-03-11 (past: `said`)",
    );
}

#[test]
fn refutes_said_on_tuesday_for_the_coming_tuesday() {
    let text = "The minister said on Tuesday that talks would go on.";
    let r = check(text, WED, &on("2025-03-18", "minister"));
    assert_eq!(r.verdict, Verdict::Refuted);
    let d = r.diff.expect("a refuted date shows both days");
    assert_eq!((d.expected.as_str(), d.found.as_str()), ("2025-03-18", "2025-03-11"));
}

#[test]
fn supports_a_day_and_month_held_in_the_past_as_last_years() {
    let text = "Talks were held on Sept. 10 in Geneva, the foreign ministry said.";
    supported_with(
        text,
        WED,
        "2024-09-10",
        "Talks",
        "`on Sept. 10` read as 2024-09-10 (past: `were held`)",
    );
    assert_eq!(verdict_on(text, WED, "2025-09-10", "Talks"), Verdict::Refuted);
}

#[test]
fn supports_had_agreed_on_10_september_as_last_years() {
    let text = "The company had agreed on 10 September to sell the unit to a rival, filings show.";
    supported_with(text, WED, "2024-09-10", "company", "(past: `had agreed`)");
}

#[test]
fn supports_monday_night_as_monday_read_by_the_tense() {
    let text = "A man was killed on Monday night in a shooting in the city's north, police said.";
    supported_with(
        text,
        WED,
        "2025-03-10",
        "killed",
        "`on Monday night` read as 2025-03-10 (past: `was killed`)",
    );
    assert_eq!(verdict_on(text, WED, "2025-03-17", "killed"), Verdict::Refuted);
}

#[test]
fn supports_will_meet_on_saturday_as_the_coming_saturday() {
    let text = "Putin and Trump will meet on Saturday in Riyadh, the Kremlin said.";
    supported_with(
        text,
        WED,
        "2025-03-15",
        "meet",
        "`on Saturday` read as 2025-03-15 (future: `will meet`)",
    );
}

#[test]
fn supports_a_meeting_organised_for_saturday_as_the_coming_saturday() {
    let text = "British Prime Minister Keir Starmer is organising a virtual meeting for Saturday with the leaders.";
    supported_with(
        text,
        Some("2025-03-11"),
        "2025-03-15",
        "virtual meeting",
        "`for Saturday` read as 2025-03-15 (planned: `is organising`)",
    );
}

#[test]
fn supports_scheduled_for_as_planned_in_a_past_sentence() {
    let text =
        "Finance ministers met in Brussels on Tuesday and set the date of the next meeting, scheduled for Sept. 19.";
    supported_with(
        text,
        WED,
        "2025-09-19",
        "next meeting",
        "`for Sept. 19` read as 2025-09-19 (planned: `scheduled for`)",
    );
    supported_with(text, WED, "2025-03-11", "Brussels", "(past: `met`)");
}

#[test]
fn supports_the_planning_words_of_wire_copy() {
    for (text, date, near, cue) in [
        (
            "Lawmakers are due to vote on the bill on Thursday.",
            "2025-03-13",
            "vote",
            "planned: `are due to`",
        ),
        (
            "Polling stations are expected to close on Sunday evening.",
            "2025-03-16",
            "Polling",
            "planned: `are expected to`",
        ),
        (
            "The president plans to travel to Kyiv on Friday.",
            "2025-03-14",
            "Kyiv",
            "planned: `plans to`",
        ),
        (
            "The committee is to meet again on Monday.",
            "2025-03-17",
            "committee",
            "planned: `is to`",
        ),
        (
            "The vote, set for Thursday, could still slip.",
            "2025-03-13",
            "vote",
            "planned: `set for`",
        ),
        (
            "He said negotiations would resume on Monday.",
            "2025-03-17",
            "negotiations",
            "future: `would resume`",
        ),
        (
            "\u{201c}We will meet again on Thursday,\u{201d} the minister told reporters.",
            "2025-03-13",
            "meet",
            "future: `will meet`",
        ),
        (
            "The summit, to be held on Friday, will focus on trade.",
            "2025-03-14",
            "summit",
            "planned: `to be held`",
        ),
    ] {
        supported_with(text, WED, date, near, cue);
    }
}

#[test]
fn supports_the_past_wording_of_wire_copy() {
    for (text, date, near, cue) in [
        (
            "On Friday, the central bank raised its key rate by half a point.",
            "2025-03-07",
            "central bank",
            "past: `raised`",
        ),
        (
            "Police on Monday arrested two men over the attack.",
            "2025-03-10",
            "arrested",
            "past: `arrested`",
        ),
        (
            "Talks were held in Geneva, Switzerland, on Tuesday.",
            "2025-03-11",
            "Talks",
            "past: `were held`",
        ),
        (
            "Rescuers recovered two more bodies on Sunday, bringing the toll to 14.",
            "2025-03-09",
            "bodies",
            "past: `recovered`",
        ),
        (
            "The ministers have met three times since the talks opened on Friday.",
            "2025-03-07",
            "talks",
            "past: `opened`",
        ),
        (
            "Theresa May said on Monday she would not stand again.",
            "2025-03-10",
            "Theresa May",
            "past: `said`",
        ),
        (
            "Ukrainian and American officials met in Jeddah on 11 March.",
            "2025-03-11",
            "Jeddah",
            "past: `met`",
        ),
    ] {
        supported_with(text, WED, date, near, cue);
    }
}

#[test]
fn supports_each_date_by_the_clause_it_sits_in() {
    let text = "The talks, which began on Monday in Geneva, will resume on Friday.";
    supported_with(text, WED, "2025-03-10", "began", "(past: `began`)");
    supported_with(text, WED, "2025-03-14", "resume", "(future: `will resume`)");
}

#[test]
fn supports_the_nearest_day_when_the_sentence_has_no_tense() {
    // A headline: no verb tells which Tuesday.
    supported_with(
        "Ceasefire talks resume Tuesday",
        WED,
        "2025-03-11",
        "Ceasefire",
        "`Tuesday` read as 2025-03-11, the nearest Tuesday; the sentence has no tense",
    );
    supported_with(
        "Ceasefire talks resume Tuesday",
        Some("2025-03-16"),
        "2025-03-18",
        "Ceasefire",
        "the nearest Tuesday",
    );
}

#[test]
fn supports_last_next_and_this_weekdays_as_written_on_the_day() {
    // Published on a Saturday: next Saturday is a week on, this Saturday is today.
    let sat = Some("2025-03-15");
    supported_with(
        "The rally is planned for next Saturday.",
        sat,
        "2025-03-22",
        "rally",
        "(future: `next`)",
    );
    supported_with(
        "The rally is planned for this Saturday.",
        sat,
        "2025-03-15",
        "rally",
        "`for this Saturday` read as 2025-03-15 (planned: `is planned for`)",
    );
    supported_with(
        "Last Saturday's attack killed 12 people.",
        sat,
        "2025-03-08",
        "attack",
        "(past: `last`)",
    );
    supported_with(
        "Officials will meet again this coming Friday.",
        WED,
        "2025-03-14",
        "Officials",
        "read as 2025-03-14",
    );
}

// Relative days and the forms of format 1.1.

#[test]
fn supports_the_day_before_yesterday_and_the_day_after_tomorrow() {
    supported_with(
        "The strike began the day before yesterday, the union said.",
        WED,
        "2025-03-10",
        "strike",
        "`the day before yesterday` read as 2025-03-10, 2 days before 2025-03-12 (published)",
    );
    supported_with(
        "The envoy arrives the day after tomorrow.",
        WED,
        "2025-03-14",
        "envoy",
        "2 days after 2025-03-12 (published)",
    );
}

#[test]
fn supports_days_and_weeks_ago_and_from_now() {
    for (text, date) in [
        ("The ceasefire collapsed two days ago.", "2025-03-10"),
        ("The ceasefire collapsed 3 days ago.", "2025-03-09"),
        ("The ceasefire collapsed a week ago.", "2025-03-05"),
        ("The ceasefire expires three days from now.", "2025-03-15"),
    ] {
        supported_with(text, WED, date, "ceasefire", "(published)");
    }
}

#[test]
fn supports_days_later_counted_from_the_date_before_it_in_the_paragraph() {
    let text = "Protesters gathered outside parliament on 4 March. Two days later, police cleared the square.";
    supported_with(
        text,
        WED,
        "2025-03-06",
        "police",
        "`Two days later` read as 2025-03-06, 2 days after `on 4 March` (2025-03-04)",
    );
    // No date before it: from the published date.
    supported_with(
        "Two days later, police cleared the square.",
        WED,
        "2025-03-14",
        "police",
        "(published)",
    );
}

#[test]
fn supports_ap_abbreviations_with_or_without_the_point() {
    supported_with(
        "The deal was signed on Jan. 5 in Doha.",
        WED,
        "2025-01-05",
        "signed",
        "(past: `was signed`)",
    );
    supported_with(
        "The ceasefire took effect on Feb 29.",
        WED,
        "2024-02-29",
        "ceasefire",
        "(past: `took`)",
    );
    supported_with(
        "The deal was signed on Sept 10.",
        WED,
        "2024-09-10",
        "signed",
        "2024-09-10",
    );
}

#[test]
fn supports_full_written_dates() {
    supported_with(
        "The verdict is due on Monday, January 12th, 2026, the court said.",
        WED,
        "2026-01-12",
        "verdict",
        "`Monday, January 12th, 2026` read as 2026-01-12, a Monday",
    );
    supported_with(
        "The treaty was signed on the 3rd of March.",
        WED,
        "2025-03-03",
        "treaty",
        "`on the 3rd of March` read as 2025-03-03 (past: `was signed`)",
    );
}

#[test]
fn supports_a_weekday_that_contradicts_its_date_with_a_note() {
    let r = check(
        "The verdict is due on Monday, January 12th, 2025.",
        WED,
        &on("2025-01-12", "verdict"),
    );
    assert_eq!(r.verdict, Verdict::Supported);
    assert!(
        notes(&r).contains("2025-01-12 is a Sunday, not a Monday"),
        "{}",
        notes(&r)
    );
}

#[test]
fn supports_numeric_dates_day_first_by_default() {
    let text = "The accord was signed on 3/4/2025 in Ankara.";
    supported_with(
        text,
        WED,
        "2025-04-03",
        "accord",
        "`3/4/2025` read as 2025-04-03 (day-month)",
    );
    assert_eq!(verdict_on(text, WED, "2025-03-04", "accord"), Verdict::Refuted);
    supported_with(
        "The accord was signed on 03.04.2025.",
        WED,
        "2025-04-03",
        "accord",
        "(day-month)",
    );
    supported_with(
        "The accord was signed on 3/3/2025.",
        WED,
        "2025-03-03",
        "accord",
        "3/3/2025",
    );
}

#[test]
fn supports_numeric_dates_month_first_when_the_file_says_mdy() {
    let text = "The accord was signed on 3/4/2025 in Ankara.";
    let yaml = format!(
        "published: 2025-03-12\ndate-order: mdy\nclaims:\n  - {}\n",
        on("2025-03-04", "accord").replace('\n', "\n    ")
    );
    let file = claimcheck::compile::parse("c.yaml", &yaml, None).unwrap();
    let report = engine::evaluate(&file, &Article::new("a.txt", text.into()), &engine::Policy::default());
    assert_eq!(report.claims[0].verdict, Verdict::Supported);
    assert!(notes(&report.claims[0]).contains("(month-day: `date-order: mdy`)"));
}

#[test]
fn not_found_a_numeric_date_impossible_in_the_files_order() {
    let r = check("The files were seized on 02/22/2016.", WED, &on("2016-02-22", "seized"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(
        notes(&r).contains("`02/22/2016` was not compared: not a date read day-month"),
        "{}",
        notes(&r)
    );
}

#[test]
fn not_found_an_impossible_date() {
    let r = check(
        "The deadline was 30 February, the statement said.",
        WED,
        &on("2025-03-02", "deadline"),
    );
    assert_eq!(r.verdict, Verdict::NotFound);
}

#[test]
fn refutes_and_rejects_a_bad_date_order() {
    let yaml = "date-order: myd\nclaims:\n  - {id: d, claim: c, date: 2025-03-04}\n";
    let errs = claims::parse("c.yaml", yaml, None).unwrap_err();
    let shown = format!("{errs:?}");
    assert!(shown.contains("`date-order` must be `dmy`"), "{shown}");
    assert!(shown.contains("did you mean `mdy`?"), "{shown}");
}

// Dates as spans: the entailment rule of numbers.

#[test]
fn vaguer_before_a_day_does_not_establish_it() {
    let text = "A decision on the bailout will be made before May 18, the ministry said.";
    let r = check(text, Some("2020-05-12"), &on("2020-05-18", "decision"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(
        notes(&r).contains(
            "the article says `before May 18` (read as any day up to 2020-05-18, future: `will be made`), \
             which does not establish 2020-05-18"
        ),
        "{}",
        notes(&r)
    );
    assert!(r.nearest.is_some(), "the vaguer span is shown as nearest");
    assert!(r.explanation.contains("vaguer"), "{}", r.explanation);
}

#[test]
fn refutes_a_day_after_a_before_deadline() {
    let text = "A decision on the bailout will be made before May 18, the ministry said.";
    assert_eq!(
        verdict_on(text, Some("2020-05-12"), "2020-05-20", "decision"),
        Verdict::Refuted
    );
}

#[test]
fn vaguer_by_and_since_allow_many_days() {
    let text = "The government must submit the plan by 18 May.";
    assert_eq!(
        verdict_on(text, Some("2020-05-12"), "2020-05-15", "plan"),
        Verdict::NotFound
    );
    assert_eq!(
        verdict_on(text, Some("2020-05-12"), "2020-05-19", "plan"),
        Verdict::Refuted
    );
    let text = "Troops have been deployed along the border since 3 March.";
    assert_eq!(verdict_on(text, WED, "2025-03-05", "Troops"), Verdict::NotFound);
    assert_eq!(verdict_on(text, WED, "2025-03-01", "Troops"), Verdict::Refuted);
}

#[test]
fn vaguer_a_range_of_days_and_refutes_outside_it() {
    for text in [
        "The summit will take place between 3 and 5 March in Brussels.",
        "The summit will take place 3-5 March in Brussels.",
        "The summit will take place from 3 to 5 March in Brussels.",
        "The summit will take place March 3-5 in Brussels.",
    ] {
        assert_eq!(
            verdict_on(text, Some("2025-02-01"), "2025-03-04", "summit"),
            Verdict::NotFound,
            "{text}"
        );
        assert_eq!(
            verdict_on(text, Some("2025-02-01"), "2025-03-06", "summit"),
            Verdict::Refuted,
            "{text}"
        );
    }
}

#[test]
fn vaguer_a_month_that_contains_the_day_and_refutes_one_that_excludes_it() {
    let text = "The election will be held in March 2025, officials said.";
    let r = check(text, None, &on("2025-03-10", "election"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(
        notes(&r).contains("(read as 2025-03-01 to 2025-03-31)"),
        "{}",
        notes(&r)
    );
    assert_eq!(verdict_on(text, None, "2025-04-01", "election"), Verdict::Refuted);
}

#[test]
fn vaguer_a_month_without_a_year_read_by_the_tense() {
    // Future: this year's May; past: last year's November.
    let text = "The election will be held in May, officials said.";
    let r = check(text, WED, &on("2025-05-10", "election"));
    assert_eq!(r.verdict, Verdict::NotFound);
    assert!(
        notes(&r).contains(
            "the article says `May` (read as 2025-05-01 to 2025-05-31, future: `will be held`), \
             which does not establish 2025-05-10"
        ),
        "{}",
        notes(&r)
    );
    assert_eq!(verdict_on(text, WED, "2024-05-10", "election"), Verdict::Refuted);
    let text = "The plant was shut down in November after a fire.";
    assert_eq!(verdict_on(text, WED, "2024-11-10", "plant"), Verdict::NotFound);
    assert_eq!(verdict_on(text, WED, "2025-11-10", "plant"), Verdict::Refuted);
}

#[test]
fn vaguer_earlier_this_week_and_refutes_a_later_day() {
    let text = "Earlier this week the regulator opened an inquiry into the merger.";
    assert_eq!(
        verdict_on(text, Some("2025-03-13"), "2025-03-11", "inquiry"),
        Verdict::NotFound
    );
    assert_eq!(
        verdict_on(text, Some("2025-03-13"), "2025-03-13", "inquiry"),
        Verdict::Refuted
    );
}

#[test]
fn vaguer_a_week_that_contains_the_day_and_refutes_one_that_excludes_it() {
    let text = "Last week Zelensky asked for an aerial and maritime truce.";
    let pub_ = Some("2025-03-11");
    assert_eq!(verdict_on(text, pub_, "2025-03-05", "truce"), Verdict::NotFound);
    assert_eq!(verdict_on(text, pub_, "2025-03-10", "truce"), Verdict::Refuted);
}

#[test]
fn conflicting_a_day_and_another_day_for_the_same_event() {
    let text = "The vote was held on Tuesday. Officials later said the vote was held on 10 March.";
    assert_eq!(verdict_on(text, WED, "2025-03-11", "vote"), Verdict::Conflicting);
}

#[test]
fn supports_the_seed_dates_as_before() {
    let seed = include_str!("../../claims/paris-coalition-2025-03-11.txt");
    supported_with(
        seed,
        None,
        "2025-03-12",
        "Defense Ministers",
        "`Wednesday 12 March` read as 2025-03-12, the 12 March that is a Wednesday",
    );
    supported_with(
        seed,
        None,
        "2025-03-15",
        "virtual meeting",
        "`for Saturday` read as 2025-03-15 (planned: `is in turn organizing`)",
    );
}

// Pairing: a date in the term's own clause, not a closer one in the clause before.

#[test]
fn refutes_the_day_of_the_clause_before() {
    let text = "Envoys met in Geneva on Monday night, and a second round is scheduled for Saturday.";
    assert_eq!(verdict_on(text, WED, "2025-03-10", "second round"), Verdict::Refuted);
    supported_with(text, WED, "2025-03-15", "second round", "(planned: `is scheduled for`)");
    supported_with(text, WED, "2025-03-10", "Envoys", "(past: `met`)");
}
