use crate::common::{claimcheck, claimcheck_stdin, folder, root, seed};

const PASSING: &str =
    "claims:\n  - id: italy-observer\n    claim: Italy attended only as an observer\n    all: [Italy, observer]\n";
const FAILING: &str = "claims:\n  - id: china\n    claim: China attended\n    all: [China, meeting]\n";

#[test]
fn exit_0_when_every_claim_passes() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("PASS supported"), "{}", run.stdout);
    assert!(run.stdout.contains("1 passed, 0 failed"), "{}", run.stdout);
}

#[test]
fn exit_1_when_a_claim_fails_and_silence_is_not_a_pass() {
    let dir = folder(&[("c.yaml", FAILING.as_bytes()), ("a.txt", &seed())]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(run.code, 1);
    assert!(run.stdout.contains("FAIL not_found"), "{}", run.stdout);
}

#[test]
fn warnings_never_fail_the_run() {
    let yaml = "claims:\n  - id: china\n    claim: China attended\n    all: [China, meeting]\n    severity: warning\n";
    let dir = folder(&[("c.yaml", yaml.as_bytes()), ("a.txt", &seed())]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(run.code, 0);
    assert!(run.stdout.contains("WARN not_found"), "{}", run.stdout);
    assert!(run.stdout.contains("0 passed, 0 failed, 1 warning"), "{}", run.stdout);
}

#[test]
fn article_from_standard_input() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes())]);
    let run = claimcheck_stdin(dir.path(), &["check", "c.yaml", "--article", "-"], Some(&seed()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<stdin>:7:176"), "{}", run.stdout);
}

#[test]
fn a_folder_loads_every_claim_file_sorted_and_skips_entities_files() {
    let dir = folder(&[
        ("claims/b.yaml", FAILING.as_bytes()),
        ("claims/a.yml", PASSING.as_bytes()),
        ("claims/entities.yaml", b"United States: [US, USA]\n"),
        ("a.txt", &seed()),
    ]);
    let run = claimcheck(dir.path(), &["check", "claims", "--article", "a.txt"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let a = run.stdout.find("claims/a.yml").expect("a.yml reported");
    let b = run.stdout.find("claims/b.yaml").expect("b.yaml reported");
    assert!(a < b);
    assert!(!run.stdout.contains("entities.yaml"));
}

#[test]
fn default_path_is_the_claims_folder() {
    let run = claimcheck(&root(), &["check", "--format", "json"]);
    assert_eq!(run.code, 1, "the examples fail on purpose: {}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["files"][0]["path"], "claims/paris-coalition.yaml");
    assert_eq!(v["files"][0]["article"], "claims/paris-coalition-2025-03-11.txt");
}

#[test]
fn output_is_byte_for_byte_deterministic() {
    let a = claimcheck(&root(), &["check", "--format", "json"]);
    let b = claimcheck(&root(), &["check", "--format", "json"]);
    assert_eq!(a.stdout, b.stdout);
    assert!(!a.stdout.contains(&root().display().to_string()), "paths are relative");
}

#[test]
fn piping_into_head_does_not_panic() {
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(root())
        .args(["check", "--format", "json"])
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Read one byte, then close the pipe, as `head -c1` does.
    use std::io::Read;
    let mut stdout = child.stdout.take().unwrap();
    let mut one = [0u8; 1];
    stdout.read_exact(&mut one).unwrap();
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    assert_ne!(out.status.code(), Some(101));
}

#[test]
fn lint_validates_without_an_article() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes())]);
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout.contains("1 claim files, 1 claims: no errors"),
        "{}",
        run.stdout
    );
}

#[test]
fn usage_errors_exit_2() {
    let run = claimcheck(&root(), &["check", "--format", "yml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("invalid value 'yml'"), "{}", run.stderr);
}

#[test]
fn colours_follow_no_color_and_clicolor_force() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes()), ("a.txt", &seed())]);
    let forced = crate::common::claimcheck_env(
        dir.path(),
        &["check", "c.yaml", "--article", "a.txt"],
        None,
        &[("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", None)],
    );
    assert!(
        forced.stdout.contains("\x1b["),
        "CLICOLOR_FORCE colours a pipe: {}",
        forced.stdout
    );
    let plain = crate::common::claimcheck_env(
        dir.path(),
        &["check", "c.yaml", "--article", "a.txt"],
        None,
        &[("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", Some("1"))],
    );
    assert!(!plain.stdout.contains("\x1b["), "NO_COLOR wins: {}", plain.stdout);
    assert!(plain.stdout.contains("[[Italy]]"));
}
