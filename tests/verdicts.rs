//! The design card's claims on the seed article, through the binary and the JSON report.

use crate::common::{claimcheck, folder, seed};

fn report(claims: &str) -> serde_json::Value {
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("seed.txt", &seed())]);
    let run = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--article", "seed.txt", "--format", "json"],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

#[test]
fn italy_only_as_an_observer_with_positions() {
    let v =
        report("claims:\n  - id: italy\n    claim: Italy attended only as an observer\n    all: [Italy, observer]\n");
    let c = &v["files"][0]["claims"][0];
    assert_eq!(c["verdict"], "supported");
    assert_eq!(c["passed"], true);
    let e = &c["evidence"][0];
    assert_eq!((e["line"].as_u64(), e["column"].as_u64()), (Some(7), Some(176)));
    assert_eq!(e["marks"][1]["text"], "observer");
    let src = String::from_utf8(seed()).unwrap();
    let (start, end) = (
        e["start"].as_u64().unwrap() as usize,
        e["end"].as_u64().unwrap() as usize,
    );
    assert!(src[start..end].starts_with("Italy") && src[start..end].ends_with("observer"));
}

#[test]
fn us_absent_supported_and_us_attended_refuted() {
    let v = report(concat!(
        "entities:\n  United States: [USA]\n",
        "claims:\n",
        "  - id: absent\n    claim: The US was absent\n    all: [United States, meeting]\n    negated: true\n",
        "  - id: attended\n    claim: The US attended\n    all: [United States, meeting]\n",
    ));
    let claims = &v["files"][0]["claims"];
    assert_eq!(claims[0]["verdict"], "supported");
    assert_eq!(claims[1]["verdict"], "refuted");
    assert_eq!(
        claims[1]["evidence"][0]["note"],
        "negation cue `without` in its clause: the article says the opposite"
    );
}

#[test]
fn near_miss_is_refuted_with_a_diff() {
    let v = report("claims:\n  - id: e\n    claim: c\n    text: according to the Elysée\n");
    let c = &v["files"][0]["claims"][0];
    assert_eq!(c["verdict"], "refuted");
    assert_eq!(c["diff"]["expected"], "according to the Elysée");
    assert_eq!(c["diff"]["found"], "According to the Elisee");
    assert!(c["diff"]["similarity"].as_f64().unwrap() >= 0.8);
}

#[test]
fn absent_shows_every_place() {
    let v = report("claims:\n  - id: k\n    claim: c\n    absent: [Kiev, Moscow]\n");
    let c = &v["files"][0]["claims"][0];
    assert_eq!(c["verdict"], "refuted");
    let lines: Vec<u64> = c["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["line"].as_u64().unwrap())
        .collect();
    assert_eq!(lines, vec![1, 3, 19, 21, 21]);
}

/// The typed claims of the shipped example file, through the binary.
fn example(id: &str) -> serde_json::Value {
    let run = claimcheck(
        &crate::common::root(),
        &["check", "claims/paris-coalition.yaml", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    v["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .cloned()
        .unwrap()
}

#[test]
fn changed_figure_shifted_date_and_misquote_are_refuted_with_both_values() {
    for (id, expected, found) in [
        ("fails-changed-figure", "900000", "800000"),
        ("fails-shifted-date", "2025-03-13", "2025-03-12"),
        (
            "fails-misquote",
            "a first stone on those guarantees of security",
            "a first stone on these guarantees of security",
        ),
    ] {
        let c = example(id);
        assert_eq!(c["verdict"], "refuted", "{id}");
        assert_eq!(
            (c["diff"]["expected"].as_str(), c["diff"]["found"].as_str()),
            (Some(expected), Some(found)),
            "{id}"
        );
    }
}

#[test]
fn saturday_resolves_to_15_march_from_the_dateline() {
    let c = example("starmer-saturday");
    assert_eq!(c["verdict"], "supported");
    assert_eq!(c["evidence"][0]["date"], "2025-03-15");
    assert_eq!(c["evidence"][0]["marks"][1]["text"], "Saturday");
}

#[test]
fn misattribution_names_who_is_named_there() {
    let c = example("fails-misattribution");
    assert_eq!(c["verdict"], "refuted");
    let note = c["evidence"][0]["note"].as_str().unwrap();
    assert!(
        note.contains("`Sébastien Lecornu` is the speaker") && note.ends_with("not Burkhard"),
        "{note}"
    );
}

#[test]
fn thirty_four_and_thirty_near_countries_conflict_with_both_spans() {
    let c = example("fails-countries-34");
    assert_eq!(c["verdict"], "conflicting");
    let values: Vec<(String, f64)> = c["evidence"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| (e["role"].as_str().unwrap().to_string(), e["value"].as_f64().unwrap()))
        .collect();
    assert_eq!(
        values,
        vec![
            ("supports".into(), 34.0),
            ("refutes".into(), 30.0),
            ("supports".into(), 34.0)
        ]
    );
}

#[test]
fn json_keeps_the_normalized_value() {
    let c = example("army-800-thousand");
    assert_eq!(c["evidence"][0]["value"], 800000.0);
    assert_eq!(c["evidence"][0]["marks"][0]["text"], "800 thousand");
}
