//! Negation cues (`negated`): the verbs news uses for not doing refute a plain claim and
//! support the negated one; terms match through possessives and slashes.

use super::*;

const ATTENDED: &str = "all: [United States, meeting]";

fn attended(text: &str) -> ClaimResult {
    check(
        text,
        None,
        &format!("id: us\nclaim: The US attended the meeting\n{ATTENDED}"),
    )
}

fn absent(text: &str) -> ClaimResult {
    check(
        text,
        None,
        &format!("id: us\nclaim: The US did not attend the meeting\n{ATTENDED}\nnegated: true"),
    )
}

/// Each verb of not doing, on a wire sentence, with the cue the note must name.
const NOT_DOING: &[(&str, &str)] = &[
    (
        "The United States declined to attend the meeting in Paris on Tuesday, officials said.",
        "declined to",
    ),
    (
        "The United States failed to attend the meeting, a diplomat told reporters.",
        "failed to",
    ),
    (
        "The United States was unable to attend the meeting because of a scheduling conflict.",
        "unable to",
    ),
    (
        "The United States boycotted the meeting over the invitation of Iran.",
        "boycotted",
    ),
    ("The United States skipped the meeting in Brussels.", "skipped"),
    (
        "The United States stayed away from the meeting in Geneva.",
        "stayed away",
    ),
    (
        "The United States is no longer taking part in the meeting, the State Department said.",
        "no longer",
    ),
    ("The United States lacked a seat at the meeting.", "lacked"),
    ("The United States refused to attend the meeting.", "refused"),
    ("The United States threatens to boycott the meeting.", "boycott"),
    ("The United States boycotts the meeting every year.", "boycotts"),
    ("The United States often skips the meeting.", "skips"),
    ("The United States lacks a delegation at the meeting.", "lacks"),
];

#[test]
fn refutes_attendance_with_every_verb_of_not_doing() {
    for &(text, cue) in NOT_DOING {
        let r = attended(text);
        assert_eq!(r.verdict, Verdict::Refuted, "{text}\n{}", notes(&r));
        let want = format!("negation cue `{cue}` in its clause: the article says the opposite");
        assert!(notes(&r).contains(&want), "{text}\n{}", notes(&r));
    }
}

#[test]
fn supports_the_negated_claim_with_every_verb_of_not_doing() {
    for &(text, cue) in NOT_DOING {
        let r = absent(text);
        assert_eq!(r.verdict, Verdict::Supported, "{text}\n{}", notes(&r));
        assert!(
            notes(&r).contains(&format!("negation cue `{cue}` in its clause")),
            "{text}\n{}",
            notes(&r)
        );
    }
}

#[test]
fn supports_attendance_when_the_cue_is_in_another_clause() {
    let text = "The United States, which declined to comment on the agenda, attended the meeting.";
    assert_eq!(attended(text).verdict, Verdict::Supported);
    let r = absent(text);
    assert_eq!(r.verdict, Verdict::Refuted);
    assert!(notes(&r).contains("no negation cue in its clause: the article says the opposite"));
}

#[test]
fn supports_attendance_when_the_words_are_not_the_phrase() {
    // "declined" and "failed" alone are not cues: the format lists them with "to".
    for text in [
        "The United States attended the meeting as its influence declined.",
        "The United States attended the meeting after talks failed.",
        "The United States stayed at the meeting until the end.",
    ] {
        assert_eq!(attended(text).verdict, Verdict::Supported, "{text}");
        assert_eq!(absent(text).verdict, Verdict::Refuted, "{text}");
    }
}

#[test]
fn conflicting_when_one_sentence_attends_and_another_declines() {
    let text = "The United States attended the meeting on Monday. \
                On Tuesday the United States declined to attend the meeting.";
    assert_eq!(attended(text).verdict, Verdict::Conflicting);
}

#[test]
fn supports_a_term_followed_by_a_possessive() {
    for text in [
        "The UK’s commitment to Ukraine is unchanged, the minister said.",
        "The UK's commitment to Ukraine is unchanged, the minister said.",
    ] {
        let r = check(text, None, "id: uk\nclaim: The UK is committed\nall: [UK, commitment]");
        assert_eq!(r.verdict, Verdict::Supported, "{text}\n{}", notes(&r));
        let r = check(text, None, "id: uk\nclaim: The UK is committed\ntext: UK");
        assert_eq!(r.verdict, Verdict::Supported, "{text}\n{}", notes(&r));
    }
}

#[test]
fn supports_a_term_after_a_slash() {
    let text = "The images were released by the Goddard Space Flight Center Director/NASA on Monday.";
    let r = check(
        text,
        None,
        "id: nasa\nclaim: NASA released the images\nall: [NASA, images]",
    );
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    let r = check(text, None, "id: nasa\nclaim: NASA is credited\ntext: NASA");
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
    let r = check(text, None, "id: nasa\nclaim: The director is credited\ntext: Director");
    assert_eq!(r.verdict, Verdict::Supported, "{}", notes(&r));
}

#[test]
fn not_found_when_an_all_capitals_term_is_only_part_of_a_word() {
    // The possessive rule does not loosen whole-word matching.
    let text = "The UKIP leader said the party’s commitment is unchanged.";
    let r = check(text, None, "id: uk\nclaim: The UK is committed\nall: [UK, commitment]");
    assert_eq!(r.verdict, Verdict::NotFound, "{}", notes(&r));
}
