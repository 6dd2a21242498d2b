//! What fails a run, and every exit code the README documents: `--fail-on`, `severity:
//! warning`, `--max-warnings`, `--output` (written atomically, never over an input).

use crate::common::{claimcheck, folder, root, seed};

const MIXED: &str = "claims:
  - id: italy
    claim: Italy attended only as an observer
    all: [Italy, observer]
  - id: china
    claim: China attended
    all: [China, meeting]
  - id: kiev
    claim: The article never says Kiev
    absent: Kiev
    severity: warning
";

fn mixed(args: &[&str]) -> crate::common::Run {
    let dir = folder(&[("c.yaml", MIXED.as_bytes()), ("a.txt", &seed())]);
    let mut all = vec!["check", "c.yaml", "--article", "a.txt"];
    all.extend_from_slice(args);
    claimcheck(dir.path(), &all)
}

fn passed(run: &crate::common::Run) -> Vec<(String, bool)> {
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    v["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().to_string(), c["passed"] == true))
        .collect()
}

// The README's exit-code table, one test per row.

#[test]
fn exit_0_when_every_error_claim_passes() {
    let run = mixed(&["--fail-on", "refuted,conflicting"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
}

#[test]
fn exit_1_when_an_error_claim_fails() {
    let run = mixed(&[]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("FAIL not_found   china"), "{}", run.stdout);
}

#[test]
fn exit_1_when_warnings_exceed_max_warnings() {
    let run = mixed(&["--fail-on", "refuted,conflicting", "--max-warnings", "0"]);
    assert_eq!(run.code, 1, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("1 warning claim did not pass, more than --max-warnings 0"),
        "{}",
        run.stderr
    );
    let run = mixed(&["--fail-on", "refuted,conflicting", "--max-warnings", "1"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn exit_2_on_invalid_input() {
    let bad_flag = mixed(&["--fail-on", "maybe"]);
    assert_eq!(bad_flag.code, 2);
    assert!(
        bad_flag
            .stderr
            .contains("possible values: supported, refuted, not_found, conflicting")
    );
    let dir = folder(&[("c.yaml", MIXED.as_bytes())]);
    let no_article = claimcheck(dir.path(), &["check", "c.yaml", "--article", "missing.txt"]);
    assert_eq!(no_article.code, 2);
    let dir = folder(&[("c.yaml", b"claims: [\n"), ("a.txt", &seed())]);
    let bad_yaml = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(bad_yaml.code, 2);
}

#[test]
fn exit_2_when_the_report_cannot_be_written() {
    let run = mixed(&["--output", "no/such/folder/report.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("cannot write no/such/folder/report.txt"),
        "{}",
        run.stderr
    );
}

// --fail-on and severity.

#[test]
fn fail_on_chooses_the_verdicts_that_fail() {
    // Default: refuted, not_found, conflicting.
    let run = mixed(&["--format", "json"]);
    let want = |c: bool, k: bool| {
        vec![
            ("italy".to_string(), true),
            ("china".to_string(), c),
            ("kiev".to_string(), k),
        ]
    };
    assert_eq!(passed(&run), want(false, false));
    let run = mixed(&["--format", "json", "--fail-on", "refuted"]);
    assert_eq!(passed(&run), want(true, false));
    assert_eq!(run.code, 0, "the refuted claim is a warning");
    let run = mixed(&["--format", "json", "--fail-on", "not_found", "--fail-on", "conflicting"]);
    assert_eq!(passed(&run), want(false, true));
    assert_eq!(run.code, 1);
}

#[test]
fn a_warning_claim_never_fails_the_run_whatever_fail_on_says() {
    let run = mixed(&["--fail-on", "refuted,conflicting"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("WARN refuted     kiev"), "{}", run.stdout);
}

#[test]
fn the_summary_line_never_stands_alone_as_a_test_count() {
    let run = mixed(&[]);
    let last = run.stdout.lines().last().unwrap();
    assert_eq!(
        last,
        "1 passed, 1 failed, 1 warning (1 supported, 1 refuted, 1 not found, 0 conflicting)"
    );
}

// --output.

#[test]
fn output_writes_the_report_to_a_file_and_nothing_to_stdout() {
    let dir = folder(&[
        ("c.yaml", MIXED.as_bytes()),
        ("a.txt", &seed()),
        ("out/old.json", b"old"),
    ]);
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "c.yaml",
            "--article",
            "a.txt",
            "--format",
            "json",
            "--output",
            "out/old.json",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    assert!(run.stdout.is_empty());
    let written = std::fs::read_to_string(dir.path().join("out/old.json")).unwrap();
    let direct = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--article", "a.txt", "--format", "json"],
    );
    assert_eq!(written, direct.stdout);
    // Atomic: a temporary file in the same folder, renamed; none is left behind.
    let names: Vec<String> = std::fs::read_dir(dir.path().join("out"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert_eq!(names, ["old.json"]);
}

#[test]
fn output_never_replaces_an_input() {
    let dir = folder(&[("c.yaml", MIXED.as_bytes()), ("a.txt", &seed())]);
    for target in ["a.txt", "./c.yaml"] {
        let run = claimcheck(
            dir.path(),
            &["check", "c.yaml", "--article", "a.txt", "--output", target],
        );
        assert_eq!(run.code, 2, "{target}");
        assert!(
            run.stderr.contains("--output names an input of this run"),
            "{}",
            run.stderr
        );
    }
    assert_eq!(std::fs::read(dir.path().join("a.txt")).unwrap(), seed());
    assert_eq!(std::fs::read(dir.path().join("c.yaml")).unwrap(), MIXED.as_bytes());
}

#[test]
fn every_format_can_go_to_a_file() {
    for format in ["human", "json", "github", "junit", "sarif", "markdown", "html"] {
        let dir = tempfile::tempdir().unwrap();
        let out = dir.path().join(format!("report.{format}"));
        let run = claimcheck(
            &root(),
            &["check", "--format", format, "--output", out.to_str().unwrap()],
        );
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        assert!(std::fs::metadata(&out).unwrap().len() > 0, "{format}");
    }
}
