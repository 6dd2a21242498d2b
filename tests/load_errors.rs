//! Every class of bad input: exit 2, `file:line:column`, what is wrong and how to fix it,
//! and the input files left exactly as they were.

use crate::common::{claimcheck, folder, seed, settings};

/// Runs `check c.yaml --article a.txt` on a claim file; returns stderr after asserting exit 2
/// and that no input changed.
fn rejected(claim: &[u8], article: &[u8]) -> String {
    let dir = folder(&[("c.yaml", claim), ("a.txt", article)]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "a.txt"]);
    assert_eq!(run.code, 2, "stdout: {}\nstderr: {}", run.stdout, run.stderr);
    assert!(run.stdout.is_empty(), "no report on invalid input: {}", run.stdout);
    assert_eq!(
        std::fs::read(dir.path().join("c.yaml")).unwrap(),
        claim,
        "claim file unchanged"
    );
    assert_eq!(
        std::fs::read(dir.path().join("a.txt")).unwrap(),
        article,
        "article unchanged"
    );
    run.stderr
}

fn rejected_claim(yaml: &str) -> String {
    rejected(yaml.as_bytes(), &seed())
}

macro_rules! snap {
    ($name:literal, $value:expr) => {
        settings().bind(|| insta::assert_snapshot!(concat!("load_error@", $name), $value))
    };
}

#[test]
fn malformed_yaml() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: 'unclosed\n    all: [x]\n");
    assert!(e.starts_with("c.yaml:3:12: error: invalid YAML"), "{e}");
    snap!("malformed", e);
}

#[test]
fn unknown_key_with_did_you_mean() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    all: [x]\n    negatd: true\n");
    assert!(e.contains("c.yaml:5:5: error: unknown key `negatd`"), "{e}");
    assert!(e.contains("did you mean `negated`?"), "{e}");
    snap!("unknown_key", e);
}

#[test]
fn bad_regex() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    regex: '[34 countries'\n");
    assert!(e.contains("c.yaml:4:12: error: the regex does not compile"), "{e}");
    snap!("bad_regex", e);
}

#[test]
fn duplicate_id() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    text: x\n  - id: a\n    claim: d\n    text: y\n");
    assert!(
        e.contains("c.yaml:5:9: error: duplicate id `a` (first used on line 2)"),
        "{e}"
    );
}

#[test]
fn two_check_keys() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    text: x\n    all: [y]\n");
    assert!(
        e.contains("c.yaml:5:5: error: this claim has 2 check keys (text, all); it needs exactly one"),
        "{e}"
    );
}

#[test]
fn no_check_key() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n");
    assert!(e.contains("c.yaml:2:5: error: this claim has no check key"), "{e}");
    assert!(
        e.contains("add exactly one of: text, regex, quote, number, date, all, any, absent"),
        "{e}"
    );
}

#[test]
fn wrong_value_type() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    all: Italy\n");
    assert!(e.contains("c.yaml:4:10: error: `all` must be a list of terms"), "{e}");
}

#[test]
fn every_error_of_the_file_in_one_run() {
    let e = rejected_claim(
        "claims:\n  - id: a\n    claim: c\n    al: [x]\n  - id: B\n    claim: d\n    text: y\n    scope: sentense\n",
    );
    assert!(e.contains("c.yaml:4:5: error: unknown key `al`"), "{e}");
    assert!(e.contains("c.yaml:5:9: error: invalid id `B`"), "{e}");
    assert!(e.contains("c.yaml:8:12: error: `scope` must be"), "{e}");
    assert!(e.contains("did you mean `sentence`?"), "{e}");
    assert!(e.contains("3 errors in 1 file"), "{e}");
    snap!("several", e);
}

#[test]
fn missing_article() {
    let dir = folder(&[(
        "c.yaml",
        b"article: nowhere.txt\nclaims:\n  - id: a\n    claim: c\n    text: x\n",
    )]);
    let run = claimcheck(dir.path(), &["check", "c.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("nowhere.txt: error: article not found (named by c.yaml:1:10)"),
        "{}",
        run.stderr
    );
}

#[test]
fn no_article_at_all() {
    let dir = folder(&[("c.yaml", b"claims:\n  - id: a\n    claim: c\n    text: x\n")]);
    let run = claimcheck(dir.path(), &["check", "c.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("c.yaml: error: this claim file names no article"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--article FILE"), "{}", run.stderr);
}

#[test]
fn invalid_utf8_article_names_the_byte_offset() {
    let e = rejected(
        b"claims:\n  - id: a\n    claim: c\n    text: x\n",
        b"Paris \xe9t\xe9 coalition",
    );
    assert!(
        e.contains("a.txt: error: the article is not UTF-8: invalid byte at offset 6"),
        "{e}"
    );
}

#[test]
fn invalid_utf8_claim_file() {
    let e = rejected(b"claims:\n  - id: a\n    claim: caf\xe9\n    text: x\n", &seed());
    assert!(
        e.contains("c.yaml:3:15: error: not UTF-8: invalid byte 0xE9 at offset 32"),
        "{e}"
    );
}

#[test]
fn empty_file() {
    let e = rejected_claim("");
    assert!(e.contains("c.yaml: error: the file is empty"), "{e}");
    let e = rejected_claim("# only a comment\n");
    assert!(
        e.contains("c.yaml: error: the file has no content, only comments"),
        "{e}"
    );
}

#[test]
fn yaml_alias_bomb_is_refused() {
    let mut doc = String::from("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
    for i in 1..9 {
        let p = i - 1;
        doc.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    doc.push_str("claims:\n  - id: a\n    claim: c\n    any: *a8\n");
    let e = rejected_claim(&doc);
    assert!(e.contains("c.yaml:"), "{e}");
    assert!(e.contains("error: invalid YAML"), "{e}");
}

#[test]
fn modifier_that_does_not_apply() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    text: x\n    near: [y]\n");
    assert!(e.contains("c.yaml:5:5: error: `near` does not apply to `text`"), "{e}");
    assert!(e.contains("`near` applies to number, date"), "{e}");
}

#[test]
fn undefined_term_key() {
    let e = rejected_claim("claims:\n  - id: a\n    claim: c\n    all: [{regx: 'a+'}]\n");
    assert!(e.contains("unknown term key `regx`"), "{e}");
    assert!(e.contains("did you mean `regex`?"), "{e}");
}
