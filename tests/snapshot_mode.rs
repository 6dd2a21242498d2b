//! `--snapshot` / `--snapshot-update`: claimcheck as snapshot tests in any CI. A report that
//! changes fails the run with a diff even when every claim passes; `--snapshot-update` accepts
//! it; with `CI` set nothing is written and a missing snapshot fails.

use std::path::Path;

use crate::common::{Run, claimcheck_env, folder, seed};

/// Claims that all pass on the seed article.
const PASSING: &str = "article: ../a.txt
claims:
  - id: italy-observer
    claim: Italy attended only as an observer
    all: [Italy, observer]
  - id: closed-doors
    claim: The meeting was held behind closed doors
    text: behind closed doors
";

const SNAPSHOT: &str = "snapshots/claims/c.yaml.snap";

fn run(dir: &Path, extra: &[&str], ci: bool) -> Run {
    let mut args = vec!["check", "claims/c.yaml"];
    args.extend_from_slice(extra);
    let env = if ci { [("CI", Some("true"))] } else { [("CI", None)] };
    claimcheck_env(dir, &args, None, &env)
}

fn edit_article(dir: &Path, from: &str, to: &str) {
    let p = dir.join("a.txt");
    let text = std::fs::read_to_string(&p).unwrap();
    assert!(text.contains(from));
    std::fs::write(p, text.replacen(from, to, 1)).unwrap();
}

#[test]
fn records_then_matches_then_fails_on_a_one_word_edit_then_update_passes() {
    let dir = folder(&[("claims/c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();

    let first = run(d, &["--snapshot"], false);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert!(
        first
            .stderr
            .contains("snapshot claims/c.yaml: new, written to snapshots/claims/c.yaml.snap"),
        "{}",
        first.stderr
    );
    let snap = std::fs::read_to_string(d.join(SNAPSHOT)).unwrap();
    assert!(snap.starts_with("# claimcheck snapshot of claims/c.yaml\n"), "{snap}");
    assert!(
        snap.contains("PASS supported   italy-observer  claims/c.yaml:3:5"),
        "{snap}"
    );
    assert!(snap.contains("supports a.txt:7:176"), "{snap}");

    let again = run(d, &["--snapshot"], false);
    assert_eq!(again.code, 0, "{}", again.stderr);
    assert!(
        again.stderr.contains("snapshot claims/c.yaml: matches"),
        "{}",
        again.stderr
    );

    // One word inside the evidence span of italy-observer: still supported, but the report
    // (the evidence and where it ends) changed.
    edit_article(d, "the chief chief of the defense", "the chief of the defense");
    let changed = run(d, &["--snapshot"], false);
    assert_eq!(
        changed.code, 1,
        "every claim passes, the snapshot does not: {}",
        changed.stderr
    );
    assert!(changed.stdout.contains("2 passed, 0 failed"), "{}", changed.stdout);
    let err = &changed.stderr;
    assert!(err.contains("snapshot claims/c.yaml: CHANGED"), "{err}");
    assert!(
        err.contains("--- snapshots/claims/c.yaml.snap (snapshot)\n+++ claims/c.yaml (this run)\n"),
        "{err}"
    );
    assert!(
        err.contains("\n-    For [[Italy]], the chief chief of the defense"),
        "{err}"
    );
    assert!(err.contains("\n+    For [[Italy]], the chief of the defense"), "{err}");
    assert!(err.contains("accept it with --snapshot-update"), "{err}");
    assert_eq!(
        std::fs::read_to_string(d.join(SNAPSHOT)).unwrap(),
        snap,
        "a failing compare writes nothing"
    );

    let update = run(d, &["--snapshot-update"], false);
    assert_eq!(update.code, 0, "{}", update.stderr);
    assert!(
        update
            .stderr
            .contains("changed, accepted into snapshots/claims/c.yaml.snap"),
        "{}",
        update.stderr
    );
    let after = run(d, &["--snapshot"], false);
    assert_eq!(after.code, 0, "{}", after.stderr);
    assert!(after.stderr.contains("matches"), "{}", after.stderr);
    // Atomic writes leave no temporary file behind.
    let names: Vec<String> = std::fs::read_dir(d.join("snapshots/claims"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["c.yaml.snap"]);
}

#[test]
fn a_new_near_miss_changes_the_report() {
    let claims = format!(
        "{PASSING}  - id: lecornu-quote\n    claim: Lecornu spoke of a first stone\n    text: a first stone on these guarantees\n"
    );
    let dir = folder(&[("claims/c.yaml", claims.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    assert_eq!(run(d, &["--snapshot"], false).code, 0);
    // A changed quotation: the claim is now refuted by a near miss, and the diff says why.
    edit_article(
        d,
        "a first stone on these guarantees",
        "a first stone on those guarantees",
    );
    let changed = run(d, &["--snapshot"], false);
    assert_eq!(changed.code, 1);
    assert!(
        changed.stderr.contains("+FAIL refuted     lecornu-quote"),
        "{}",
        changed.stderr
    );
}

#[test]
fn with_ci_set_a_missing_snapshot_fails_and_nothing_is_written() {
    let dir = folder(&[("claims/c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    let missing = run(d, &["--snapshot"], true);
    assert_eq!(missing.code, 1, "{}", missing.stderr);
    assert!(
        missing.stderr.contains("MISSING snapshots/claims/c.yaml.snap"),
        "{}",
        missing.stderr
    );
    assert!(!d.join("snapshots").exists(), "CI writes nothing");
    let update = run(d, &["--snapshot-update"], true);
    assert_eq!(update.code, 1);
    assert!(
        update.stderr.contains("CI is set: --snapshot-update writes nothing"),
        "{}",
        update.stderr
    );
    assert!(!d.join("snapshots").exists(), "CI writes nothing, even asked to update");
}

#[test]
fn with_ci_set_a_changed_snapshot_fails_even_with_update() {
    let dir = folder(&[("claims/c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    assert_eq!(run(d, &["--snapshot"], false).code, 0);
    let before = std::fs::read_to_string(d.join(SNAPSHOT)).unwrap();
    assert_eq!(
        run(d, &["--snapshot"], true).code,
        0,
        "an unchanged report passes in CI"
    );
    edit_article(d, "behind closed doors Macron", "behind closed doors, Macron");
    let update = run(d, &["--snapshot-update"], true);
    assert_eq!(update.code, 1, "{}", update.stderr);
    assert!(update.stderr.contains("CHANGED"), "{}", update.stderr);
    assert_eq!(std::fs::read_to_string(d.join(SNAPSHOT)).unwrap(), before);
}

#[test]
fn snapshot_folder_and_format_are_independent() {
    let dir = folder(&[("claims/c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    let r = run(d, &["--format", "github", "--snapshot", "custom"], false);
    assert_eq!(r.code, 0, "{}", r.stderr);
    assert!(r.stdout.is_empty(), "github prints passing claims as nothing");
    assert!(d.join("custom/claims/c.yaml.snap").is_file());
    // The snapshot is the plain human report, whatever --format is.
    let snap = std::fs::read_to_string(d.join("custom/claims/c.yaml.snap")).unwrap();
    assert!(snap.contains("PASS supported   closed-doors"), "{snap}");
}

#[test]
fn failing_claims_still_fail_the_run_when_the_snapshot_matches() {
    let failing = "article: ../a.txt\nclaims:\n  - id: china\n    claim: China attended\n    all: [China, meeting]\n";
    let dir = folder(&[("claims/c.yaml", failing.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    assert_eq!(
        run(d, &["--snapshot"], false).code,
        1,
        "an accepted failure is still a failure"
    );
    let r = run(d, &["--snapshot"], false);
    assert_eq!(r.code, 1);
    assert!(r.stderr.contains("matches"), "{}", r.stderr);
}

#[test]
fn inputs_are_never_modified() {
    let dir = folder(&[("claims/c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let d = dir.path();
    run(d, &["--snapshot"], false);
    run(d, &["--snapshot-update"], false);
    assert_eq!(std::fs::read(d.join("claims/c.yaml")).unwrap(), PASSING.as_bytes());
    assert_eq!(std::fs::read(d.join("a.txt")).unwrap(), seed());
}

/// A snapshot of a claim file checked against many articles is its human report: per
/// article, what did not pass, and how many passed (counted, never built).
#[test]
fn snapshots_of_an_archive_run_count_the_passing_claims() {
    let claims = PASSING.replace("article: ../a.txt\n", "");
    let dir = folder(&[
        ("claims/c.yaml", claims.as_bytes()),
        ("a.txt", &seed()),
        ("b.txt", &seed()),
    ]);
    let d = dir.path();
    let args = ["--article", "a.txt", "--article", "b.txt", "--snapshot"];
    let first = run(d, &args, false);
    assert_eq!(first.code, 0, "{}", first.stderr);
    assert_eq!(first.stdout.matches("2 claims passed").count(), 2, "{}", first.stdout);
    assert!(first.stdout.contains("4 passed, 0 failed"), "{}", first.stdout);
    let snap = std::fs::read_to_string(d.join(SNAPSHOT)).unwrap();
    assert_eq!(snap.matches("2 claims passed").count(), 2, "{snap}");
    assert!(snap.contains("4 passed, 0 failed (4 supported"), "{snap}");
    // Checked again: the snapshot matches.
    let again = run(d, &args, true);
    assert_eq!(again.code, 0, "{}", again.stderr);
}
