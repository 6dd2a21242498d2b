//! Snapshots of every report format, and of `coverage`, for every claim file in `claims/`;
//! of `explain` for a claim of each outcome.
//!
//! Snapshot names carry the claim file's name (`human@paris-coalition.yaml.snap`), so adding
//! a claim file adds snapshots and renames none. Review changes with `cargo insta review`.

mod common;

use claimcheck::claims::{self, Loaded};
use common::{claimcheck, root, settings};

fn claim_files() -> Vec<String> {
    let mut out = Vec::new();
    for entry in std::fs::read_dir(root().join("claims")).unwrap() {
        let p = entry.unwrap().path();
        let is_yaml = p.extension().is_some_and(|x| x == "yaml" || x == "yml");
        if is_yaml && matches!(claims::load(&p), Ok(Loaded::Claims(_))) {
            out.push(p.file_name().unwrap().to_string_lossy().into_owned());
        }
    }
    out.sort();
    assert!(!out.is_empty(), "claims/ has example claim files");
    out
}

#[test]
fn human_report_of_every_example() {
    for name in claim_files() {
        let run = claimcheck(&root(), &["check", &format!("claims/{name}")]);
        assert!(
            run.code == 0 || run.code == 1,
            "{name}: exit {} {}",
            run.code,
            run.stderr
        );
        settings().bind(|| insta::assert_snapshot!(format!("human@{name}"), run.stdout));
    }
}

#[test]
fn json_report_of_every_example() {
    for name in claim_files() {
        let run = claimcheck(&root(), &["check", &format!("claims/{name}"), "--format", "json"]);
        let value: serde_json::Value = serde_json::from_str(&run.stdout).expect("valid JSON");
        assert_eq!(value["schema"], "claimcheck/1");
        settings().bind(|| insta::assert_snapshot!(format!("json@{name}"), run.stdout));
    }
}

/// `--format FORMAT` of every example claim file, snapshotted as `FORMAT@<claim file>.snap`.
fn snapshot_every_example(format: &str) {
    for name in claim_files() {
        let run = claimcheck(&root(), &["check", &format!("claims/{name}"), "--format", format]);
        assert!(
            run.code == 0 || run.code == 1,
            "{name}: exit {} {}",
            run.code,
            run.stderr
        );
        settings().bind(|| insta::assert_snapshot!(format!("{format}@{name}"), run.stdout));
    }
}

#[test]
fn github_report_of_every_example() {
    snapshot_every_example("github");
}

#[test]
fn junit_report_of_every_example() {
    snapshot_every_example("junit");
}

#[test]
fn sarif_report_of_every_example() {
    snapshot_every_example("sarif");
}

#[test]
fn markdown_report_of_every_example() {
    snapshot_every_example("markdown");
}

#[test]
fn html_report_of_every_example() {
    snapshot_every_example("html");
}

#[test]
fn coverage_of_every_example() {
    for name in claim_files() {
        let run = claimcheck(&root(), &["coverage", &format!("claims/{name}")]);
        assert_eq!(run.code, 0, "{name}: {}", run.stderr);
        settings().bind(|| insta::assert_snapshot!(format!("coverage@{name}"), run.stdout));
    }
}

/// `explain` of a claim of each outcome, snapshotted as `explain@<id>.snap`: a supported
/// claim passes (exit 0); a refuted one and one with nothing found fail (exit 1).
#[test]
fn explain_of_a_supported_a_refuted_and_a_not_found_claim() {
    for (id, verdict, code) in [
        ("army-800-thousand", "supported", 0),
        ("fails-changed-figure", "refuted", 1),
        ("fails-china", "not_found", 1),
    ] {
        let run = claimcheck(&root(), &["explain", id, "claims/paris-coalition.yaml"]);
        assert_eq!(run.code, code, "{id}: {}", run.stderr);
        assert!(
            run.stdout.contains(&format!("Verdict: {verdict}\n")),
            "{id}: {}",
            run.stdout
        );
        settings().bind(|| insta::assert_snapshot!(format!("explain@{id}"), run.stdout));
    }
}
