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
