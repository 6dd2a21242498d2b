//! Every `--format` read back by what consumes it: the workflow-command grammar, an XML parser,
//! the SARIF 2.1.0 schema, Markdown structure, a page that fetches nothing; the same verdicts
//! in all seven formats; text that needs escaping in each.

use std::collections::BTreeMap;

use regex::Regex;

use crate::common::{Run, claimcheck, folder, root, seed};

const FORMATS: [&str; 7] = ["human", "json", "github", "junit", "sarif", "markdown", "html"];

/// A claim file and article whose names and text hold `<`, `&`, `"`, `%`, `:` and `,`: one near
/// miss (refuted, pointing into the article) and one claim with no evidence (pointing at the
/// claim file).
const TRICKY_CLAIMS: &str = r#"article: 'a:b.txt'
claims:
  - id: near-miss
    claim: 'Tom & Jerry said "x < y": 100%, really'
    text: 'Tom & Jerry said "x < y": 100%, really'
  - id: missing
    claim: 'A <b> & "c" 5%: d, e'
    all: [Zanzibar]
"#;
const TRICKY_ARTICLE: &str =
    "Tom & Jerry said \"x < z\": 100%, really.\n\nOther text <script>alert(1)</script> here.\n";

fn tricky(format: &str) -> Run {
    let dir = folder(&[
        ("tricky,1.yaml", TRICKY_CLAIMS.as_bytes()),
        ("a:b.txt", TRICKY_ARTICLE.as_bytes()),
    ]);
    let run = claimcheck(dir.path(), &["check", "tricky,1.yaml", "--format", format]);
    assert_eq!(run.code, 1, "{format}: {}", run.stderr);
    run
}

/// A frozen fixture, not claims/: the shipped examples grow, these expectations must not.
fn example(format: &str) -> Run {
    let run = claimcheck(
        &root(),
        &[
            "check",
            "tests/fixtures/render/paris-coalition.yaml",
            "--format",
            format,
        ],
    );
    assert_eq!(run.code, 1, "{format}: the examples fail on purpose: {}", run.stderr);
    run
}

/// Two claim files against the seed article in one run.
fn two_files(format: &str) -> Run {
    let a = "claims:\n  - id: italy\n    claim: Italy attended as an observer\n    all: [Italy, observer]\n";
    let b = "claims:\n  - id: china\n    claim: China attended\n    all: [China, meeting]\n  - id: doors\n    claim: Behind closed doors\n    text: behind closed doors\n";
    let dir = folder(&[
        ("c/a.yaml", a.as_bytes()),
        ("c/b.yaml", b.as_bytes()),
        ("seed.txt", &seed()),
    ]);
    let run = claimcheck(dir.path(), &["check", "c", "--article", "seed.txt", "--format", format]);
    assert_eq!(run.code, 1, "{format}: {}", run.stderr);
    run
}

// --- github -------------------------------------------------------------------------------

/// The workflow-command grammar (actions/toolkit `command.ts`, the runner's parser): a
/// command, optional `key=value` properties separated by `,`, `::`, the message. In values
/// only `%25 %0D %0A %3A %2C` may follow a `%`, and no raw `:`, `,`, CR or LF; in the message
/// only `%25 %0D %0A`, and no raw CR or LF.
fn workflow_command() -> Regex {
    let value = r"(?:[^%,:\r\n]|%(?:25|0D|0A|3A|2C))*";
    let prop = format!(r"(?:file|line|col|endLine|endColumn|title)={value}");
    Regex::new(&format!(
        r"^::(error|warning|notice)(?: {prop}(?:,{prop})*)?::((?:[^%\r\n]|%(?:25|0D|0A))*)$"
    ))
    .unwrap()
}

fn unescape(s: &str) -> String {
    s.replace("%0A", "\n")
        .replace("%0D", "\r")
        .replace("%3A", ":")
        .replace("%2C", ",")
        .replace("%25", "%")
}

/// The properties of a workflow command line, unescaped.
fn properties(line: &str) -> BTreeMap<String, String> {
    let head = line.split("::").nth(1).unwrap();
    let props = head.split_once(' ').map_or("", |(_, p)| p);
    props
        .split(',')
        .filter(|p| !p.is_empty())
        .map(|p| {
            let (k, v) = p.split_once('=').unwrap();
            (k.to_string(), unescape(v))
        })
        .collect()
}

#[test]
fn github_lines_follow_the_workflow_command_grammar() {
    let grammar = workflow_command();
    for run in [example("github"), tricky("github"), two_files("github")] {
        assert!(!run.stdout.is_empty());
        for line in run.stdout.lines() {
            assert!(grammar.is_match(line), "not a workflow command: {line}");
        }
    }
}

#[test]
fn github_annotations_point_into_the_article_or_at_the_claim() {
    let run = example("github");
    let lines: Vec<&str> = run.stdout.lines().collect();
    // 3 failing claims and 1 warning; passing claims print nothing.
    assert_eq!(lines.len(), 4, "{}", run.stdout);
    assert_eq!(lines.iter().filter(|l| l.starts_with("::error ")).count(), 3);
    assert!(lines[3].starts_with("::warning "), "{}", lines[3]);
    let near_miss = properties(lines[0]);
    assert_eq!(near_miss["file"], "claims/paris-coalition-2025-03-11.txt");
    assert_eq!((near_miss["line"].as_str(), near_miss["col"].as_str()), ("3", "503"));
    assert_eq!(near_miss["title"], "claimcheck refuted: fails-elysee-spelling");
    // No evidence: the annotation is on the claim's own line.
    let china = lines.iter().find(|l| l.contains("fails-china")).unwrap();
    let p = properties(china);
    assert_eq!(
        (p["file"].as_str(), p["line"].as_str(), p["col"].as_str()),
        ("tests/fixtures/render/paris-coalition.yaml", "60", "5")
    );
    assert!(!p.contains_key("endLine"));
}

#[test]
fn github_escapes_properties_and_messages() {
    let run = tricky("github");
    let lines: Vec<&str> = run.stdout.lines().collect();
    assert_eq!(lines.len(), 2, "{}", run.stdout);
    assert_eq!(properties(lines[0])["file"], "a:b.txt");
    assert_eq!(properties(lines[1])["file"], "tricky,1.yaml");
    let message = unescape(lines[0].splitn(3, "::").nth(2).unwrap());
    assert!(
        message.starts_with("refuted: Tom & Jerry said \"x < y\": 100%, really\n"),
        "{message}"
    );
    assert!(
        message.contains("\n+ Tom & Jerry said \"x < z\": 100%, really\n"),
        "{message}"
    );
}

// --- junit --------------------------------------------------------------------------------

#[test]
fn junit_parses_and_counts_claims_like_tests() {
    let run = example("junit");
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let root = doc.root_element();
    assert_eq!(root.tag_name().name(), "testsuites");
    assert_eq!(root.attribute("tests"), Some("13"));
    assert_eq!(root.attribute("failures"), Some("3"));
    let suites: Vec<_> = root.children().filter(|n| n.has_tag_name("testsuite")).collect();
    assert_eq!(suites.len(), 1);
    assert_eq!(
        suites[0].attribute("name"),
        Some("tests/fixtures/render/paris-coalition.yaml")
    );
    let cases: Vec<_> = suites[0].children().filter(|n| n.has_tag_name("testcase")).collect();
    assert_eq!(cases.len(), 13);
    let failed: Vec<&str> = cases
        .iter()
        .filter(|c| c.children().any(|n| n.has_tag_name("failure")))
        .map(|c| c.attribute("name").unwrap())
        .collect();
    assert_eq!(failed, ["fails-elysee-spelling", "fails-us-attended", "fails-china"]);
    let elysee = cases[9].children().find(|n| n.has_tag_name("failure")).unwrap();
    assert_eq!(elysee.attribute("type"), Some("refuted"));
    assert!(
        elysee
            .attribute("message")
            .unwrap()
            .starts_with("refuted: the words do not occur")
    );
    let out = cases[9].children().find(|n| n.has_tag_name("system-out")).unwrap();
    assert!(
        out.text()
            .unwrap()
            .contains("refutes claims/paris-coalition-2025-03-11.txt:3:503")
    );
    // The warning passes as a test, with the warning on system-err.
    let kiev = cases
        .iter()
        .find(|c| c.attribute("name") == Some("fails-kiev-spelling"))
        .unwrap();
    assert!(!kiev.children().any(|n| n.has_tag_name("failure")));
    assert!(kiev.children().any(|n| n.has_tag_name("system-err")));
}

#[test]
fn junit_keeps_markup_characters_as_text() {
    let run = tricky("junit");
    let doc = roxmltree::Document::parse(&run.stdout).expect("well-formed XML");
    let suite = doc.descendants().find(|n| n.has_tag_name("testsuite")).unwrap();
    assert_eq!(suite.attribute("name"), Some("tricky,1.yaml"));
    let failure = doc.descendants().find(|n| n.has_tag_name("failure")).unwrap();
    assert!(
        failure
            .text()
            .unwrap()
            .starts_with("Tom & Jerry said \"x < y\": 100%, really\n")
    );
    let out = doc
        .descendants()
        .filter(|n| n.has_tag_name("system-out"))
        .nth(1)
        .unwrap();
    assert!(out.text().unwrap().contains("claim:    A <b> & \"c\" 5%: d, e"));
}

#[test]
fn junit_has_a_suite_per_claim_file() {
    let run = two_files("junit");
    let doc = roxmltree::Document::parse(&run.stdout).unwrap();
    let suites: Vec<(&str, &str, &str)> = doc
        .descendants()
        .filter(|n| n.has_tag_name("testsuite"))
        .map(|n| {
            (
                n.attribute("name").unwrap(),
                n.attribute("tests").unwrap(),
                n.attribute("failures").unwrap(),
            )
        })
        .collect();
    assert_eq!(suites, [("c/a.yaml", "1", "0"), ("c/b.yaml", "2", "1")]);
    assert_eq!(doc.root_element().attribute("tests"), Some("3"));
}

// --- sarif --------------------------------------------------------------------------------

/// The vendored revision of the schema (tests/data/README.md) writes the pattern of the
/// `language` properties with an unbalanced `]`, which jsonschema rightly refuses to compile;
/// later revisions fixed it. claimcheck never writes `language`: the fixed pattern goes in its
/// place and everything else is validated as published.
fn fix_language_pattern(v: &mut serde_json::Value) {
    const BROKEN: &str = "^[a-zA-Z]{2}|^[a-zA-Z]{2}-[a-zA-Z]{2}]?$";
    match v {
        serde_json::Value::Object(m) => {
            for (k, x) in m.iter_mut() {
                if k == "pattern" && x == BROKEN {
                    *x = "^[a-zA-Z]{2}(-[a-zA-Z]{2})?$".into();
                } else {
                    fix_language_pattern(x);
                }
            }
        }
        serde_json::Value::Array(a) => a.iter_mut().for_each(fix_language_pattern),
        _ => {}
    }
}

fn sarif_validator() -> jsonschema::Validator {
    let mut schema: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("tests/data/sarif-schema-2.1.0.json")).unwrap())
            .unwrap();
    fix_language_pattern(&mut schema);
    jsonschema::options()
        .should_validate_formats(true)
        .build(&schema)
        .expect("the SARIF schema compiles")
}

fn assert_valid_sarif(validator: &jsonschema::Validator, output: &str) -> serde_json::Value {
    let log: serde_json::Value = serde_json::from_str(output).expect("SARIF is JSON");
    let errors: Vec<String> = validator
        .iter_errors(&log)
        .map(|e| format!("{} at {}", e, e.instance_path()))
        .collect();
    assert!(errors.is_empty(), "SARIF schema violations:\n{}", errors.join("\n"));
    log
}

#[test]
fn sarif_validates_against_the_2_1_0_schema() {
    let validator = sarif_validator();
    // The validator is real: a log without `runs` or with a bad level is refused.
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0"})));
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "level": "fatal"}]}]})));
    assert!(!validator.is_valid(&serde_json::json!({"version": "2.1.0", "runs": [{
        "tool": {"driver": {"name": "x"}}, "results": [{"message": {"text": "m"}, "locations": [{
        "physicalLocation": {"region": {"startLine": 0}}}]}]}]})));
    for run in [example("sarif"), tricky("sarif"), two_files("sarif")] {
        assert_valid_sarif(&validator, &run.stdout);
    }
}

#[test]
fn sarif_has_a_rule_per_check_kind_and_a_result_per_failing_claim() {
    let log = assert_valid_sarif(&sarif_validator(), &example("sarif").stdout);
    let run = &log["runs"][0];
    let rules: Vec<&str> = run["tool"]["driver"]["rules"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["id"].as_str().unwrap())
        .collect();
    assert_eq!(rules, ["absent", "all", "any", "regex", "text"]);
    let results = run["results"].as_array().unwrap();
    let summary: Vec<(&str, &str, &str)> = results
        .iter()
        .map(|r| {
            (
                r["properties"]["claimId"].as_str().unwrap(),
                r["properties"]["verdict"].as_str().unwrap(),
                r["level"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(
        summary,
        [
            ("fails-elysee-spelling", "refuted", "error"),
            ("fails-us-attended", "refuted", "error"),
            ("fails-china", "not_found", "error"),
            ("fails-kiev-spelling", "refuted", "warning"),
        ]
    );
    for r in results {
        let index = r["ruleIndex"].as_u64().unwrap() as usize;
        assert_eq!(rules[index], r["ruleId"]);
    }
    // In the article, with the claim file as a related location.
    let loc = &results[0]["locations"][0]["physicalLocation"];
    assert_eq!(loc["artifactLocation"]["uri"], "claims/paris-coalition-2025-03-11.txt");
    assert_eq!(loc["artifactLocation"]["uriBaseId"], "%SRCROOT%");
    assert_eq!(loc["region"]["startLine"], 3);
    assert_eq!(loc["region"]["startColumn"], 503);
    assert_eq!(loc["region"]["snippet"]["text"], "According to the Elisee");
    let related = &results[0]["relatedLocations"][0]["physicalLocation"];
    assert_eq!(
        related["artifactLocation"]["uri"],
        "tests/fixtures/render/paris-coalition.yaml"
    );
    assert_eq!(related["region"]["startLine"], 47);
    // No evidence: the claim file is the location.
    let china = &results[2]["locations"][0]["physicalLocation"];
    assert_eq!(
        china["artifactLocation"]["uri"],
        "tests/fixtures/render/paris-coalition.yaml"
    );
    assert_eq!(china["region"]["startLine"], 60);
}

#[test]
fn sarif_keeps_text_and_encodes_uris() {
    let log = assert_valid_sarif(&sarif_validator(), &tricky("sarif").stdout);
    let results = &log["runs"][0]["results"];
    assert_eq!(
        results[0]["properties"]["claim"],
        "Tom & Jerry said \"x < y\": 100%, really"
    );
    assert_eq!(
        results[0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "a%3Ab.txt"
    );
    assert_eq!(
        results[1]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"],
        "tricky%2C1.yaml"
    );
}

/// Microsoft's SARIF validator (`sarif-multitool validate`, npm `@microsoft/sarif-multitool`):
/// `$SARIF_MULTITOOL` (which `.ci/run` sets, and then it must run), else `sarif-multitool` on
/// the `PATH`, else `None`: the test fails in CI and says it skipped elsewhere.
fn sarif_multitool() -> Option<std::path::PathBuf> {
    let works = |p: &std::path::Path| {
        std::process::Command::new(p)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
    };
    if let Some(p) = std::env::var_os("SARIF_MULTITOOL") {
        let p = std::path::PathBuf::from(p);
        assert!(works(&p), "SARIF_MULTITOOL={} does not run", p.display());
        return Some(p);
    }
    let p = std::path::PathBuf::from("sarif-multitool");
    works(&p).then_some(p)
}

/// Runs the validator over the given logs (name, text) at once; its findings as `(log file
/// name, rule id, level)`, read from the SARIF log it writes.
fn multitool_findings(tool: &std::path::Path, logs: &[(&str, &str)]) -> Vec<(String, String, String)> {
    let dir = tempfile::tempdir().unwrap();
    let mut args = vec!["validate".to_string()];
    for (name, text) in logs {
        std::fs::write(dir.path().join(name), text).unwrap();
        args.push(name.to_string());
    }
    args.extend(["-o", "findings.sarif", "--log", "ForceOverwrite"].map(String::from));
    let out = std::process::Command::new(tool)
        .current_dir(dir.path())
        .args(&args)
        .output()
        .unwrap();
    let stdout = String::from_utf8_lossy(&out.stdout);
    assert!(out.status.success(), "the validator failed: {stdout}");
    let findings: serde_json::Value =
        serde_json::from_str(&std::fs::read_to_string(dir.path().join("findings.sarif")).unwrap()).unwrap();
    assert_eq!(
        findings["runs"][0]["invocations"][0]["executionSuccessful"], true,
        "{stdout}"
    );
    let mut got: Vec<_> = findings["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let file = r["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
                .as_str()
                .unwrap();
            let name = file.rsplit('/').next().unwrap().to_string();
            let level = r["level"].as_str().unwrap_or("warning").to_string();
            (name, r["ruleId"].as_str().unwrap().to_string(), level)
        })
        .collect();
    got.sort();
    got
}

#[test]
fn sarif_passes_microsofts_validator_with_relative_and_absolute_paths() {
    let Some(tool) = sarif_multitool() else {
        // As for chromium: CI must not pass by skipping.
        let ci = std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false");
        assert!(!ci, "no sarif-multitool: .ci/run installs it and sets SARIF_MULTITOOL");
        eprintln!("skipped: no sarif-multitool (set SARIF_MULTITOOL; .ci/run installs it)");
        return;
    };
    // Absolute paths as CI passes them, in a folder whose name needs encoding, checked from
    // another folder so the report keeps them absolute.
    let news = folder(&[
        ("news #1 é?%/c.yaml", TRICKY_CLAIMS.as_bytes()),
        ("news #1 é?%/a:b.txt", TRICKY_ARTICLE.as_bytes()),
    ]);
    let abs = news.path().join("news #1 é?%");
    let elsewhere = tempfile::tempdir().unwrap();
    let absolute = claimcheck(
        elsewhere.path(),
        &["check", abs.join("c.yaml").to_str().unwrap(), "--format", "sarif"],
    );
    assert_eq!(absolute.code, 1, "{}", absolute.stderr);
    assert!(absolute.stdout.contains("\"uri\": \"file:///"), "{}", absolute.stdout);
    // A relative claim file that names no article: checked against an absolute one, and
    // against standard input.
    let unnamed = TRICKY_CLAIMS.split_once('\n').unwrap().1;
    let here = folder(&[("c.yaml", unnamed.as_bytes())]);
    let article = abs.join("a:b.txt");
    let args = ["check", "c.yaml", "--format", "sarif", "--article"];
    let mixed = claimcheck(here.path(), &[&args[..], &[article.to_str().unwrap()]].concat());
    assert_eq!(mixed.code, 1, "{}", mixed.stderr);
    assert!(mixed.stdout.contains("\"uri\": \"c.yaml\""), "{}", mixed.stdout);
    assert!(
        mixed.stdout.contains("%231%20%C3%A9%3F%25/a%3Ab.txt\""),
        "{}",
        mixed.stdout
    );
    let stdin = crate::common::claimcheck_stdin(
        here.path(),
        &[&args[..], &["-"]].concat(),
        Some(TRICKY_ARTICLE.as_bytes()),
    );
    assert_eq!(stdin.code, 1, "{}", stdin.stderr);
    // What the validator refuses: the URI of an absolute path written as it was before.
    let slash = absolute.stdout.replace("\"uri\": \"file:///", "\"uri\": \"/");
    let logs = [
        ("relative.sarif", example("sarif").stdout),
        ("tricky.sarif", tricky("sarif").stdout),
        ("two.sarif", two_files("sarif").stdout),
        ("absolute.sarif", absolute.stdout),
        ("mixed.sarif", mixed.stdout),
        ("stdin.sarif", stdin.stdout),
        ("slash.sarif", slash),
    ];
    let logs: Vec<(&str, &str)> = logs.iter().map(|(n, t)| (*n, t.as_str())).collect();
    let findings = multitool_findings(&tool, &logs);
    let refused: Vec<_> = findings.iter().filter(|f| f.0 == "slash.sarif").collect();
    assert!(
        !refused.is_empty() && refused.iter().all(|f| f.1 == "SARIF1004" || f.1 == "SARIF2005"),
        "the validator refuses URIs beginning with a slash: {findings:?}"
    );
    // Each log: only SARIF2005, the missing `informationUri` (claimcheck has no web address).
    let others: Vec<_> = findings.iter().filter(|f| f.0 != "slash.sarif").cloned().collect();
    let expected: Vec<_> = logs[..6]
        .iter()
        .map(|(n, _)| (n.to_string(), "SARIF2005".to_string(), "warning".to_string()))
        .collect::<std::collections::BTreeSet<_>>()
        .into_iter()
        .collect();
    assert_eq!(others, expected);
}

// --- markdown -----------------------------------------------------------------------------

#[test]
fn markdown_puts_a_summary_table_then_failing_claims_with_diff_blocks() {
    let md = example("markdown").stdout;
    let at = |s: &str| md.find(s).unwrap_or_else(|| panic!("{s} missing in\n{md}"));
    assert!(md.starts_with("# claimcheck report\n"));
    assert!(at("| `tests/fixtures/render/paris-coalition.yaml` |") < at("## Failing claims (3)"));
    assert!(at("## Failing claims (3)") < at("## Warnings (1)"));
    assert!(at("## Warnings (1)") < at("## Passing claims (9)"));
    assert!(at("### FAIL `fails-elysee-spelling`: refuted") < at("## Warnings"));
    assert!(md.contains("```diff\n- according to the Elysée\n+ According to the Elisee\n```\n"));
    assert!(md.contains("> **According to the Elisee**, the participants agreed"));
    // Each failing claim's block has the evidence sentence before the next claim.
    assert!(at("> The **meeting** without the **USA**") < at("### FAIL `fails-china`"));
}

#[test]
fn markdown_escapes_what_would_become_markup() {
    let md = tricky("markdown").stdout;
    assert!(md.contains(r#"**claim:** A \<b\> \& "c" 5%: d, e"#), "{md}");
    assert!(md.contains("+ Tom & Jerry said \"x < z\": 100%, really\n"), "{md}");
    assert!(!md.contains("<b>"), "{md}");
}

/// What GitHub would act on in a pull-request comment: an article and claims with a mention,
/// an issue reference, a script and an ampersand, in the claim, the evidence and the diff.
const PR_CLAIMS: &str = r#"article: a.txt
claims:
  - id: near-miss
    claim: 'The @nytimes desk filed story #43 on <script>alert(1)</script> and a & b'
    text: 'The @nytimes desk filed story #43 on <script>alert(1)</script> and a & b'
  - id: missing
    claim: 'Ask @nytimes about #42: <script>alert(1)</script>, a & b'
    all: [Zanzibar]
"#;
const PR_ARTICLE: &str = "The @nytimes desk filed story #42 on <script>alert(1)</script> and a & b.\n";

/// The Markdown parsed as CommonMark with GFM tables: its text outside code (each block's
/// text joined, blocks on their own lines), its code, and any raw HTML it holds.
fn markdown_parts(md: &str) -> (String, String, Vec<String>) {
    use pulldown_cmark::{Event, Options, Parser, Tag};
    let (mut text, mut code, mut html) = (String::new(), String::new(), Vec::new());
    let mut in_code_block = false;
    for event in Parser::new_ext(md, Options::ENABLE_TABLES | Options::ENABLE_STRIKETHROUGH) {
        match event {
            Event::Text(t) if in_code_block => code.push_str(&t),
            Event::Text(t) => text.push_str(&t),
            Event::Code(t) => code.push_str(&t),
            Event::Html(t) | Event::InlineHtml(t) => html.push(t.to_string()),
            Event::Start(Tag::CodeBlock(_)) => in_code_block = true,
            Event::End(pulldown_cmark::TagEnd::CodeBlock) => in_code_block = false,
            Event::Start(_) | Event::End(_) | Event::SoftBreak | Event::HardBreak => text.push('\n'),
            _ => {}
        }
    }
    (text, code, html)
}

#[test]
fn markdown_is_safe_to_post_as_a_pull_request_comment() {
    let dir = folder(&[("c.yaml", PR_CLAIMS.as_bytes()), ("a.txt", PR_ARTICLE.as_bytes())]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--format", "markdown"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let (text, code, html) = markdown_parts(&run.stdout);
    assert!(html.is_empty(), "raw HTML in the report: {html:?}\n{}", run.stdout);
    // GitHub's patterns for a mention and an issue reference, on the rendered text.
    let mention = Regex::new(r"(?:^|[^\w])@[A-Za-z0-9]").unwrap();
    let issue = Regex::new(r"(?:^|[^\w])#[0-9]").unwrap();
    for line in text.lines() {
        assert!(!mention.is_match(line), "a mention: {line}\n{}", run.stdout);
        assert!(!issue.is_match(line), "an issue reference: {line}\n{}", run.stdout);
    }
    // The words are all there, as text, a zero-width space after `@` and `#`.
    let shown = |s: &str| text.lines().filter(|l| l.contains(s)).count();
    // The claim and the expectation of each claim, and the evidence sentence.
    assert_eq!(
        shown("The @\u{200B}nytimes desk filed story #\u{200B}43 on <script>alert(1)</script> and a & b"),
        2
    );
    assert_eq!(
        shown("The @\u{200B}nytimes desk filed story #\u{200B}42 on <script>alert(1)</script> and a & b"),
        1
    );
    assert_eq!(
        shown("Ask @\u{200B}nytimes about #\u{200B}42: <script>alert(1)</script>, a & b"),
        1
    );
    // The diff block is code: literal, as written, where GitHub links nothing.
    assert!(code.contains("+ The @nytimes desk filed story #42 on <script>alert(1)</script> and a & b\n"));
}

// --- html ---------------------------------------------------------------------------------

#[test]
fn html_references_nothing_outside_the_page() {
    let attr = Regex::new(r#"(?i)\b(?:src|href|action|srcset|data)\s*=\s*"([^"]*)""#).unwrap();
    for run in [example("html"), tricky("html"), two_files("html")] {
        let html = run.stdout;
        assert!(
            !html.contains("http://") && !html.contains("https://"),
            "a URL in the page"
        );
        for cap in attr.captures_iter(&html) {
            assert!(cap[1].starts_with('#'), "not a fragment: {}", &cap[0]);
        }
        assert!(!html.contains("url("), "CSS fetches nothing");
        assert!(!html.contains("@import"));
        assert!(!html.contains("<script"), "no script: the filters are CSS");
        assert!(html.contains("content=\"default-src 'none'; style-src 'unsafe-inline'\""));
    }
}

#[test]
fn html_escapes_article_and_claim_text() {
    let html = tricky("html").stdout;
    assert!(html.contains("Other text &lt;script&gt;alert(1)&lt;/script&gt; here."));
    assert!(html.contains("<p class=\"claim-text\">A &lt;b&gt; &amp; &quot;c&quot; 5%: d, e</p>"));
    assert!(html.contains("<code>tricky,1.yaml:6:5</code>"));
}

#[test]
fn html_lists_failing_claims_first_and_highlights_every_evidence_span() {
    let html = example("html").stdout;
    let claims: Vec<&str> = Regex::new(r#"<article class="claim [^"]*" id="claim-0-(\d+)">"#)
        .unwrap()
        .captures_iter(&html)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    // fails-elysee-spelling, fails-us-attended, fails-china, then the warning, then in order.
    assert_eq!(
        claims,
        ["9", "10", "12", "11", "0", "1", "2", "3", "4", "5", "6", "7", "8"]
    );
    // 14 pieces of evidence in the examples, each with its marker in the article.
    assert_eq!(html.matches("<a class=\"ref ").count(), 14);
    assert!(html.contains(
        "<a class=\"hl v-refuted\" href=\"#claim-0-9\" title=\"#10 fails-elysee-spelling: refuted\">According to the Elisee</a>"
    ));
    // Expected, then found; case alone is no change; the changed characters are marked.
    assert!(html.contains(concat!(
        "<span class=\"expected\" title=\"what the claim expects\">according to the El",
        "<del title=\"not in the article\">y</del>s<del title=\"not in the article\">é</del>e</span> ",
        "<span class=\"arrow\">→</span> <span class=\"label\">found</span> ",
        "<span class=\"found\" title=\"what the article says\">According to the El",
        "<ins title=\"not in the claim\">i</ins>se<ins title=\"not in the claim\">e</ins></span>"
    )));
    // The legend explains the one overlap this report has: a refuted claim's evidence that a
    // supported claim also uses.
    let legend = &html[html.find("<details class=\"legend\"").unwrap()..html.find("</details>").unwrap()];
    assert_eq!(legend.matches("underline:").count(), 1, "{legend}");
    assert!(legend.contains("<span class=\"hl v-refuted also-supported\">words</span> Red with a green underline"));
    assert!(!legend.contains("Dashed"), "no nearest span in this report");
}

// --- all formats --------------------------------------------------------------------------

/// The verdict of every failing claim, as each format says it.
fn failing_verdicts(format: &str, out: &str) -> Vec<(String, String)> {
    let pairs = |re: &str| -> Vec<(String, String)> {
        Regex::new(re)
            .unwrap()
            .captures_iter(out)
            .map(|c| (c["id"].to_string(), c["verdict"].to_string()))
            .collect()
    };
    let mut got = match format {
        "human" => pairs(r"(?m)^(?:FAIL|WARN) (?P<verdict>\w+) +(?P<id>[a-z0-9_-]+)  "),
        "json" => {
            let v: serde_json::Value = serde_json::from_str(out).unwrap();
            v["files"][0]["claims"]
                .as_array()
                .unwrap()
                .iter()
                .filter(|c| c["passed"] == false)
                .map(|c| (c["id"].as_str().unwrap().into(), c["verdict"].as_str().unwrap().into()))
                .collect()
        }
        "github" => pairs(r"title=claimcheck (?P<verdict>\w+)%3A (?P<id>[a-z0-9_-]+)::"),
        "junit" => {
            let doc = roxmltree::Document::parse(out).unwrap();
            doc.descendants()
                .filter(|n| n.has_tag_name("testcase"))
                .filter_map(|c| {
                    let text = c.children().find(|n| n.has_tag_name("system-out"))?.text()?;
                    let first = text.lines().next()?;
                    let mut words = first.split_whitespace();
                    let status = words.next()?;
                    (status != "PASS").then(|| (c.attribute("name").unwrap().into(), words.next().unwrap().into()))
                })
                .collect()
        }
        "sarif" => {
            let v: serde_json::Value = serde_json::from_str(out).unwrap();
            v["runs"][0]["results"]
                .as_array()
                .unwrap()
                .iter()
                .map(|r| {
                    (
                        r["properties"]["claimId"].as_str().unwrap().into(),
                        r["properties"]["verdict"].as_str().unwrap().into(),
                    )
                })
                .collect()
        }
        "markdown" => pairs(r"(?m)^### (?:FAIL|WARN) `(?P<id>[a-z0-9_-]+)`: (?P<verdict>\w+)$"),
        "html" => pairs(
            r#"<article class="claim v-(?P<verdict>\w+) s-(?:fail|warn)" id="claim-0-\d+">\n<h3><span class="badge">\w+</span> <span class="verdict">\w+</span> <span class="num">#\d+</span> <code>(?P<id>[a-z0-9_-]+)</code>"#,
        ),
        _ => unreachable!(),
    };
    got.sort();
    got
}

#[test]
fn every_format_gives_the_same_verdicts() {
    let expected: Vec<(String, String)> = [
        ("fails-china", "not_found"),
        ("fails-elysee-spelling", "refuted"),
        ("fails-kiev-spelling", "refuted"),
        ("fails-us-attended", "refuted"),
    ]
    .iter()
    .map(|(a, b)| (a.to_string(), b.to_string()))
    .collect();
    for format in FORMATS {
        let run = example(format);
        assert_eq!(failing_verdicts(format, &run.stdout), expected, "{format}");
    }
}

#[test]
fn many_claim_files_give_one_report_with_a_section_each() {
    for format in FORMATS {
        let out = two_files(format).stdout;
        if format == "github" || format == "sarif" {
            // They list what did not pass: c/a.yaml's only claim passes.
            assert!(out.contains("c/b.yaml") && !out.contains("c/a.yaml"), "{format}");
            continue;
        }
        // The human report's sections start "c/a.yaml (article…" (its top names failing ids).
        let section = |name: &str| match format {
            "human" => format!("{name} (article"),
            _ => name.to_string(),
        };
        let a = out
            .find(&section("c/a.yaml"))
            .unwrap_or_else(|| panic!("{format}: no c/a.yaml section"));
        let b = out
            .find(&section("c/b.yaml"))
            .unwrap_or_else(|| panic!("{format}: no c/b.yaml section"));
        assert!(a < b, "{format}: files in order");
        match format {
            "human" => {
                // One summary for the run, on top and as the closing line.
                let line = "2 passed, 1 failed (2 supported, 0 refuted, 1 not found, 0 conflicting)\n";
                assert!(out.starts_with(line) && out.ends_with(line), "{out}");
                assert_eq!(out.matches(line).count(), 2, "{out}");
            }
            "markdown" | "html" => assert!(out.contains("2 passed, 1 failed (2 supported"), "{format}"),
            _ => {}
        }
    }
}

/// A percentage's note is "(a percentage)" in every format, never "((a percentage))".
#[test]
fn notes_are_bracketed_once() {
    let dir = folder(&[
        (
            "c.yaml",
            b"article: a.txt\nclaims:\n  - {id: p, claim: c, number: 40, near: [capacity]}\n".as_slice(),
        ),
        ("a.txt", b"The city lost 40pc of its generating capacity.\n".as_slice()),
    ]);
    for format in FORMATS {
        // Failed on purpose, so that the formats that list only failures show it too.
        let args = [
            "check",
            "c.yaml",
            "--format",
            format,
            "--verbose",
            "--fail-on",
            "supported",
        ];
        let run = claimcheck(dir.path(), &args);
        assert_eq!(run.code, 1, "{format}: {}", run.stderr);
        // A GitHub annotation carries no evidence notes.
        assert!(
            format == "github" || run.stdout.contains("a percentage"),
            "{format}: {}",
            run.stdout
        );
        assert!(
            !run.stdout.contains("((") && !run.stdout.contains("))"),
            "{format}: {}",
            run.stdout
        );
    }
}
