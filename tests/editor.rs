//! The editor's helpers: self-testing examples, the schema, suggest, coverage, explain.

use crate::common::{claimcheck, folder, root, seed};
use claimcheck::claims::yaml;

#[test]
fn shipped_examples_hold() {
    let run = claimcheck(&root(), &["test", "claims"]);
    assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr);
    assert!(
        run.stdout
            .contains("7 examples held, 0 did not (2 claims with examples)"),
        "{}",
        run.stdout
    );
}

const WRONG_EXAMPLE: &str = "claims:
  - id: chiefs
    claim: 34 chiefs met
    number: 34
    near: [leaders]
    examples:
      supported: [Macron met 35 leaders.]
";

#[test]
fn a_wrong_example_fails_test_and_check_refuses_the_file() {
    let dir = folder(&[("c.yaml", WRONG_EXAMPLE.as_bytes()), ("a.txt", &seed())]);
    let run = claimcheck(dir.path(), &["test", "c.yaml"]);
    assert_eq!(run.code, 1);
    assert!(
        run.stdout
            .contains("FAIL c.yaml:7:19 chiefs is refuted (expected supported): \"Macron met 35 leaders.\""),
        "{}",
        run.stdout
    );
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains(
            "c.yaml:7:19: error: example of `chiefs` should be supported but is refuted: \"Macron met 35 leaders.\""
        ),
        "{}",
        run.stderr
    );
    assert!(run.stdout.is_empty());
}

fn schema() -> serde_json::Value {
    serde_json::from_str(&std::fs::read_to_string(root().join("schema/claimcheck.schema.json")).unwrap()).unwrap()
}

#[test]
fn the_committed_schema_is_what_the_binary_prints() {
    let run = claimcheck(&root(), &["schema"]);
    assert_eq!(run.code, 0);
    let printed: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(
        printed,
        schema(),
        "schema/claimcheck.schema.json is stale: run `claimcheck schema > schema/claimcheck.schema.json`"
    );
}

fn valid(doc: &str) -> bool {
    let node = yaml::parse(doc).unwrap();
    let validator = jsonschema::validator_for(&schema()).unwrap();
    validator.is_valid(&node.to_json())
}

#[test]
fn every_example_claim_file_validates_against_the_schema() {
    for entry in std::fs::read_dir(root().join("claims")).unwrap() {
        let p = entry.unwrap().path();
        if p.extension().is_some_and(|x| x == "yaml") && p.file_name().is_some_and(|n| n != "entities.yaml") {
            assert!(
                valid(&std::fs::read_to_string(&p).unwrap()),
                "{} does not validate",
                p.display()
            );
        }
    }
}

#[test]
fn the_schema_rejects_what_the_loader_rejects() {
    let ok = "claims:\n  - id: a\n    claim: c\n    all: [x, y]\n    scope: paragraph\n";
    assert!(valid(ok));
    assert!(claimcheck::claims::parse("c.yaml", ok, None).is_ok());
    for bad in [
        "claims:\n  - id: a\n    claim: c\n    all: [x]\n    nera: [y]\n",
        "claims:\n  - id: a\n    claim: c\n    all: [x]\n    any: [y]\n",
        "claims:\n  - id: a\n    claim: c\n",
        "claims:\n  - id: a\n    claim: c\n    text: x\n    near: [y]\n",
        "claim:\n  - id: a\n",
        "claims:\n  - id: A b\n    claim: c\n    text: x\n",
        "claims:\n  - id: a\n    claim: c\n    all: [{regx: x}]\n",
    ] {
        assert!(!valid(bad), "schema accepts {bad:?}");
        assert!(
            claimcheck::claims::parse("c.yaml", bad, None).is_err(),
            "loader accepts {bad:?}"
        );
    }
}

#[test]
fn suggest_drafts_a_file_that_check_passes() {
    let dir = folder(&[("seed.txt", &seed())]);
    let run = claimcheck(dir.path(), &["suggest", "seed.txt", "--output", "drafts/seed.yaml"]);
    assert_eq!(run.code, 2, "the output folder must exist: {}", run.stderr);
    std::fs::create_dir(dir.path().join("drafts")).unwrap();
    let run = claimcheck(dir.path(), &["suggest", "seed.txt", "--output", "drafts/seed.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = std::fs::read_to_string(dir.path().join("drafts/seed.yaml")).unwrap();
    assert!(draft.contains("article: ../seed.txt"), "{draft}");
    for needle in [
        "number: 34\n    near: [leaders]",
        "number: 30\n    near: [NATO countries]",
        "number: 800000\n    near: [men]",
        "quote: a first stone on these guarantees of security\n    by: Lecornu",
        "quote: By sharing responsibility with Ukraine and the United States\n    by: Burkhard",
        "date: 2025-03-12",
        "Elisee: [Elysée]",
    ] {
        assert!(draft.contains(needle), "missing {needle:?}:\n{draft}");
    }
    let run = claimcheck(dir.path(), &["check", "drafts/seed.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stdout);
    // Never overwrites without --force.
    let run = claimcheck(dir.path(), &["suggest", "seed.txt", "--output", "drafts/seed.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("drafts/seed.yaml: error: already exists: not overwritten"),
        "{}",
        run.stderr
    );
    let run = claimcheck(
        dir.path(),
        &["suggest", "seed.txt", "--output", "drafts/seed.yaml", "--force"],
    );
    assert_eq!(run.code, 0);
}

#[test]
fn coverage_lists_what_the_shipped_claims_leave_out() {
    let run = claimcheck(&root(), &["coverage", "claims/paris-coalition.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("number \"three\""), "{}", run.stdout);
    assert!(run.stdout.contains("date \"Tomorrow\""), "{}", run.stdout);
    assert!(
        run.stdout.contains("quote \"absolutely unacceptable\""),
        "{}",
        run.stdout
    );
    // Checked facts are not listed.
    assert!(!run.stdout.contains("number \"800 thousand\""), "{}", run.stdout);
    let json = claimcheck(&root(), &["check", "claims/paris-coalition.yaml", "--format", "json"]);
    let v: serde_json::Value = serde_json::from_str(&json.stdout).unwrap();
    let uncovered = v["files"][0]["uncovered"].as_array().unwrap();
    assert!(
        uncovered
            .iter()
            .any(|u| u["items"].as_array().unwrap().iter().any(|i| i["text"] == "three"))
    );
}

#[test]
fn explain_walks_through_a_verdict() {
    let run = claimcheck(&root(), &["explain", "fails-countries-34"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    for needle in [
        "1. Terms",
        "countries: \"countries\" (any case)",
        "2. Sentences considered",
        "accepted: refutes",
        "4. Verdict: conflicting",
    ] {
        assert!(run.stdout.contains(needle), "missing {needle:?}:\n{}", run.stdout);
    }
    let run = claimcheck(&root(), &["explain", "fails-elysee-spelling"]);
    assert!(
        run.stdout.contains("(similarity 0.91, near miss at 0.80)"),
        "{}",
        run.stdout
    );
    let run = claimcheck(&root(), &["explain", "chiefs34"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("did you mean `chiefs-34`?"), "{}", run.stderr);
}

/// An article without a dateline: `suggest` says why it drafts no dates, and with
/// `--published` drafts them, with `published:` in the draft so that `check` reads them alike.
#[test]
fn suggest_says_why_it_drafts_no_dates_and_takes_published() {
    let dir = folder(&[(
        "a.txt",
        b"The minister said on Tuesday that talks would go on in Geneva.\n".as_slice(),
    )]);
    let run = claimcheck(dir.path(), &["suggest", "a.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("# Dates: none drafted: the article has no `date YYYY-MM-DD` dateline"),
        "{}",
        run.stdout
    );
    let run = claimcheck(
        dir.path(),
        &["suggest", "a.txt", "--published", "2025-03-12", "-o", "c.yaml"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let draft = std::fs::read_to_string(dir.path().join("c.yaml")).unwrap();
    assert!(
        draft.contains("published: 2025-03-12\n") && draft.contains("date: 2025-03-11\n"),
        "{draft}"
    );
    let check = claimcheck(dir.path(), &["check", "c.yaml"]);
    assert_eq!(check.code, 0, "the draft passes as it stands: {}", check.stdout);
    let bad = claimcheck(dir.path(), &["suggest", "a.txt", "--published", "12/03/2025"]);
    assert_eq!(bad.code, 2);
    assert!(bad.stderr.contains("is not a day as YYYY-MM-DD"), "{}", bad.stderr);
}
