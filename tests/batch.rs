//! `claimcheck batch`: the same verdicts as `check --articles`, records in input order, one
//! error record per bad line, exit codes, records as they come, the records' JSON Schema.

use std::collections::BTreeMap;
use std::io::{BufRead, BufReader, Write};
use std::path::Path;
use std::process::{Command, Stdio};

use serde_json::{Value, json};

use crate::common::{claimcheck, claimcheck_env, claimcheck_stdin, folder, root};

/// The shipped claim files without their `article:` line (so both commands check them
/// against the articles given), with the entities file they name.
fn claim_files(dir: &Path) {
    for name in ["paris-coalition.yaml", "world-briefing.yaml", "entities.yaml"] {
        let text = std::fs::read_to_string(root().join("claims").join(name)).unwrap();
        let kept: Vec<&str> = text.lines().filter(|l| !l.starts_with("article:")).collect();
        std::fs::write(dir.join(name), kept.join("\n") + "\n").unwrap();
    }
}

/// Edits an editor might make to an article, each one changing what some claim finds.
const EDITS: [(&str, &str); 6] = [
    ("34", "35"),
    ("Italy", "Spain"),
    ("observer", "member"),
    ("Tuesday", "Wednesday"),
    ("Macron", "Macronn"),
    ("million", "billion"),
];

/// The two shipped articles and variants of each with some of [`EDITS`] made, `n` in all, by
/// path relative to `dir` (in folders, so `--articles` recurses).
fn articles(dir: &Path, n: usize) -> Vec<(String, String)> {
    let bases = [
        std::fs::read_to_string(root().join("claims/paris-coalition-2025-03-11.txt")).unwrap(),
        std::fs::read_to_string(root().join("claims/world-briefing-2025-03-12.txt")).unwrap(),
    ];
    (0..n)
        .map(|i| {
            let mut text = bases[i % 2].clone();
            for (bit, (from, to)) in EDITS.iter().enumerate() {
                if (i / 2) >> bit & 1 == 1 {
                    text = text.replace(from, to);
                }
            }
            let path = format!("arts/{:02}/article-{i:03}.txt", i / 10);
            std::fs::create_dir_all(dir.join(&path).parent().unwrap()).unwrap();
            std::fs::write(dir.join(&path), &text).unwrap();
            (path, text)
        })
        .collect()
}

fn jsonl(articles: &[(String, String)]) -> String {
    articles
        .iter()
        .map(|(id, text)| json!({ "id": id, "text": text }).to_string() + "\n")
        .collect()
}

fn records(stdout: &str) -> Vec<Value> {
    stdout
        .lines()
        .map(|l| serde_json::from_str(l).expect("each line is one JSON record"))
        .collect()
}

#[test]
fn the_same_verdicts_and_evidence_as_check_articles() {
    let dir = tempfile::tempdir().unwrap();
    claim_files(dir.path());
    let arts = articles(dir.path(), 40);
    std::fs::write(dir.path().join("in.jsonl"), jsonl(&arts)).unwrap();
    let files = ["paris-coalition.yaml", "world-briefing.yaml"];

    let check = claimcheck(
        dir.path(),
        &["check", files[0], files[1], "--articles", "arts", "--format", "json"],
    );
    assert_eq!(check.code, 1, "{}", check.stderr);
    let report: Value = serde_json::from_str(&check.stdout).unwrap();
    let mut by_check = BTreeMap::new();
    for f in report["files"].as_array().unwrap() {
        let key = (
            f["path"].as_str().unwrap().to_string(),
            f["article"].as_str().unwrap().to_string(),
        );
        by_check.insert(key, f["claims"].clone());
    }

    let batch = claimcheck(dir.path(), &["batch", files[0], files[1], "--input", "in.jsonl"]);
    assert_eq!(batch.code, 1, "a claim fails on some article: {}", batch.stderr);
    let recs = records(&batch.stdout);
    assert_eq!(
        recs.len(),
        arts.len() * files.len(),
        "a record per article and claim file"
    );
    let mut verdicts = BTreeMap::new();
    for r in &recs {
        let key = (
            r["claim_file"].as_str().unwrap().to_string(),
            r["id"].as_str().unwrap().to_string(),
        );
        // Claim by claim: verdict, evidence offsets and line:column, notes, diffs, counts.
        assert_eq!(Some(&r["claims"]), by_check.get(&key), "{key:?}");
        for c in r["claims"].as_array().unwrap() {
            *verdicts.entry(c["verdict"].as_str().unwrap().to_string()).or_insert(0) += 1;
        }
    }
    assert_eq!(by_check.len(), recs.len());
    // The edits change verdicts: the comparison is not of 40 copies of one result.
    assert!(verdicts.len() >= 3, "{verdicts:?}");
    assert!(verdicts["refuted"] > 40 && verdicts["supported"] > 40, "{verdicts:?}");
}

#[test]
fn evidence_offsets_are_into_the_lines_text() {
    let dir = tempfile::tempdir().unwrap();
    claim_files(dir.path());
    let text = std::fs::read_to_string(root().join("claims/paris-coalition-2025-03-11.txt")).unwrap();
    let line = json!({ "id": "seed", "text": text }).to_string();
    let run = claimcheck_stdin(dir.path(), &["batch", "paris-coalition.yaml"], Some(line.as_bytes()));
    let rec = &records(&run.stdout)[0];
    let mut seen = 0;
    for c in rec["claims"].as_array().unwrap() {
        for e in c["evidence"].as_array().unwrap() {
            for m in e["marks"].as_array().unwrap() {
                let (start, end) = (
                    m["start"].as_u64().unwrap() as usize,
                    m["end"].as_u64().unwrap() as usize,
                );
                let words: Vec<&str> = text[start..end].split_whitespace().collect();
                assert_eq!(words.join(" "), m["text"].as_str().unwrap());
                // And line:column (characters) points at the same place.
                let (l, col) = (
                    m["line"].as_u64().unwrap() as usize,
                    m["column"].as_u64().unwrap() as usize,
                );
                let line_start: usize = text.split_inclusive('\n').take(l - 1).map(str::len).sum();
                assert_eq!(
                    text[line_start..]
                        .chars()
                        .take(col - 1)
                        .map(char::len_utf8)
                        .sum::<usize>()
                        + line_start,
                    start
                );
                seen += 1;
            }
        }
    }
    assert!(seen > 20, "{seen} marks checked");
}

#[test]
fn input_order_is_kept_with_many_threads() {
    let dir = tempfile::tempdir().unwrap();
    claim_files(dir.path());
    // More lines than a batch of 8 threads (256), of different lengths, so that late lines
    // of a batch finish first.
    let seed = String::from_utf8(crate::common::seed()).unwrap();
    let input: String = (0..700)
        .map(|i| {
            let text = match i % 3 {
                0 => seed.clone(),
                1 => "Army chiefs of 34 countries met in Paris.".to_string(),
                _ => seed.replace("34", "35") + &"More text follows here.\n".repeat(i % 50),
            };
            json!({ "id": format!("a-{i}"), "text": text }).to_string() + "\n"
        })
        .collect();
    // From a file: the run writes records as it reads, and a test that wrote megabytes to
    // its standard input before reading its output would wait on it forever.
    std::fs::write(dir.path().join("in.jsonl"), &input).unwrap();
    let run = |threads: &str| {
        let r = claimcheck_env(
            dir.path(),
            &["batch", "paris-coalition.yaml", "--input", "in.jsonl"],
            None,
            &[("RAYON_NUM_THREADS", Some(threads))],
        );
        assert_eq!(r.code, 1, "{}", r.stderr);
        r.stdout
    };
    let many = run("8");
    let ids: Vec<String> = records(&many)
        .iter()
        .map(|r| r["id"].as_str().unwrap().to_string())
        .collect();
    assert_eq!(ids, (0..700).map(|i| format!("a-{i}")).collect::<Vec<_>>());
    assert!(many == run("1"), "1 thread and 8 write the same bytes");
}

#[test]
fn one_error_record_per_bad_line_and_the_run_goes_on() {
    let dir = folder(&[(
        "c.yaml",
        b"claims:\n  - id: chiefs\n    claim: 34 countries attended\n    number: 34\n    near: [countries]\n",
    )]);
    let good =
        |id: &str| json!({ "id": id, "text": "Army chiefs of 34 countries met in Paris on Tuesday." }).to_string();
    let lines = [
        good("first"),
        "id,text,url".to_string(), // a CSV header
        r#"{"text": "Army chiefs of 34 countries met."}"#.to_string(),
        r#"{"id": "no-text"}"#.to_string(),
        json!({ "id": "huge", "text": "word ".repeat(100) }).to_string(),
        r#"{"id": "pdf", "text": "x", "format": "pdf"}"#.to_string(),
        r#"{"id": "day", "text": "x", "published": "11/03/2025"}"#.to_string(),
        String::new(),
        "[1, 2, 3]".to_string(),
        good("last"),
    ];
    let input = lines.join("\n") + "\n";
    let r = claimcheck_stdin(
        dir.path(),
        &["batch", "c.yaml", "--max-line-bytes", "300"],
        Some(input.as_bytes()),
    );
    assert_eq!(r.code, 2, "a bad line: exit 2");
    assert!(
        r.stderr
            .contains("8 lines of 10 gave no article (line 2, 3, 4, 5, 6, 7, 8, 9)"),
        "{}",
        r.stderr
    );
    let recs = records(&r.stdout);
    assert_eq!(recs.len(), 10, "one record per line");
    assert_eq!(recs[0]["id"], "first");
    assert_eq!(recs[0]["claims"][0]["verdict"], "supported");
    assert_eq!(recs[9]["id"], "last");
    let errors: Vec<(u64, Option<&str>, &str)> = recs[1..9]
        .iter()
        .map(|r| {
            assert_eq!(r["record"], "error");
            assert!(!r["help"].as_str().unwrap().is_empty());
            (
                r["line"].as_u64().unwrap(),
                r["id"].as_str(),
                r["error"].as_str().unwrap(),
            )
        })
        .collect();
    assert_eq!(errors[0].0, 2);
    assert!(
        errors[0].2.starts_with("not JSON: expected value at byte 1"),
        "{}",
        errors[0].2
    );
    assert_eq!(errors[1], (3, None, "the line has no `id`"));
    assert_eq!(errors[2], (4, Some("no-text"), "the line has no `text`"));
    let huge = format!("the line is {} bytes long, over the limit of 300 bytes", lines[4].len());
    assert_eq!(errors[3], (5, None, huge.as_str()));
    assert_eq!(
        errors[4],
        (
            6,
            Some("pdf"),
            "`format` is \"pdf\", which is no format of a text article"
        )
    );
    assert_eq!(
        errors[5],
        (
            7,
            Some("day"),
            "`published` is \"11/03/2025\", which is no day YYYY-MM-DD"
        )
    );
    assert_eq!(errors[6], (8, None, "the line is empty"));
    assert_eq!(errors[7], (9, None, "the line is an array, not an object"));
}

#[test]
fn exit_codes_follow_the_check_command() {
    let dir = folder(&[
        (
            "c.yaml",
            b"claims:\n  - id: chiefs\n    claim: 34 countries attended\n    number: 34\n    near: [countries]\n",
        ),
        ("broken.yaml", b"claims:\n  - id: x\n    claim: y\n"),
    ]);
    let line = |n: u32| json!({ "id": "a", "text": format!("Army chiefs of {n} countries met.") }).to_string();
    let run = |args: &[&str], input: &str| claimcheck_stdin(dir.path(), args, Some(input.as_bytes()));
    assert_eq!(run(&["batch", "c.yaml"], &line(34)).code, 0, "every claim passed");
    assert_eq!(run(&["batch", "c.yaml"], &line(35)).code, 1, "a claim was refuted");
    assert_eq!(run(&["batch", "c.yaml"], "").code, 0, "no article, nothing failed");
    let broken = run(&["batch", "broken.yaml"], &line(34));
    assert_eq!(
        (broken.code, broken.stdout.as_str()),
        (2, ""),
        "a claim file that does not load"
    );
    assert!(broken.stderr.contains("broken.yaml:"), "{}", broken.stderr);
    let missing = claimcheck(dir.path(), &["batch", "c.yaml", "--input", "nowhere.jsonl"]);
    assert_eq!(missing.code, 2);
    assert!(
        missing.stderr.contains("nowhere.jsonl: error: input not found"),
        "{}",
        missing.stderr
    );
    let folder_input = claimcheck(dir.path(), &["batch", "c.yaml", "--input", "."]);
    assert_eq!(folder_input.code, 2);
    assert!(
        folder_input.stderr.contains("--input is a folder"),
        "{}",
        folder_input.stderr
    );
    assert_eq!(claimcheck(dir.path(), &["batch"]).code, 2, "claim files are required");
}

#[test]
fn output_file_is_written_whole_and_never_over_an_input() {
    let dir = folder(&[(
        "c.yaml",
        b"claims:\n  - id: chiefs\n    claim: 34 countries attended\n    number: 34\n    near: [countries]\n",
    )]);
    let input = json!({ "id": "a", "text": "Army chiefs of 35 countries met." }).to_string() + "\n";
    std::fs::write(dir.path().join("in.jsonl"), &input).unwrap();
    let to_stdout = claimcheck(dir.path(), &["batch", "c.yaml", "--input", "in.jsonl"]);
    let to_file = claimcheck(
        dir.path(),
        &["batch", "c.yaml", "--input", "in.jsonl", "-o", "out.jsonl"],
    );
    assert_eq!((to_file.code, to_file.stdout.as_str()), (1, ""));
    assert_eq!(
        std::fs::read_to_string(dir.path().join("out.jsonl")).unwrap(),
        to_stdout.stdout
    );
    let over = claimcheck(
        dir.path(),
        &["batch", "c.yaml", "--input", "in.jsonl", "-o", "in.jsonl"],
    );
    assert_eq!(over.code, 2);
    assert!(over.stderr.contains("--output names an input"), "{}", over.stderr);
    assert_eq!(std::fs::read_to_string(dir.path().join("in.jsonl")).unwrap(), input);
}

/// A consumer reading the records as they come gets an article's records before the input
/// ends: a producer may wait for them before it writes the next line.
#[test]
fn records_come_as_the_lines_do() {
    let dir = folder(&[(
        "c.yaml",
        b"claims:\n  - id: chiefs\n    claim: 34 countries attended\n    number: 34\n    near: [countries]\n",
    )]);
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir.path())
        .args(["batch", "c.yaml"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let mut stdin = child.stdin.take().unwrap();
    let (tx, rx) = std::sync::mpsc::channel();
    let stdout = child.stdout.take().unwrap();
    std::thread::spawn(move || {
        for line in BufReader::new(stdout).lines() {
            let _ = tx.send(line.unwrap());
        }
    });
    let wait = std::time::Duration::from_secs(60);
    for (i, n) in [34, 35, 34].into_iter().enumerate() {
        let line = json!({ "id": format!("a-{i}"), "text": format!("Army chiefs of {n} countries met.") });
        writeln!(stdin, "{line}").unwrap();
        stdin.flush().unwrap();
        let record: Value =
            serde_json::from_str(&rx.recv_timeout(wait).expect("a record before the next line")).unwrap();
        assert_eq!(record["id"], format!("a-{i}"));
    }
    drop(stdin);
    assert_eq!(child.wait().unwrap().code(), Some(1));
}

/// `schema --batch` with every object closed: a field written and not described fails.
fn closed(mut schema: Value) -> Value {
    fn close(v: &mut Value) {
        match v {
            Value::Object(m) => {
                if m.contains_key("properties") {
                    m.insert("additionalProperties".into(), Value::Bool(false));
                }
                m.values_mut().for_each(close);
            }
            Value::Array(a) => a.iter_mut().for_each(close),
            _ => {}
        }
    }
    close(&mut schema);
    schema
}

#[test]
fn records_validate_against_the_published_schema() {
    let printed = claimcheck(&root(), &["schema", "--batch"]);
    assert_eq!(printed.code, 0);
    let schema: Value = serde_json::from_str(&printed.stdout).unwrap();
    let committed: Value =
        serde_json::from_str(&std::fs::read_to_string(root().join("schema/claimcheck-batch.schema.json")).unwrap())
            .unwrap();
    assert_eq!(
        schema, committed,
        "schema/claimcheck-batch.schema.json is stale: run `claimcheck schema --batch > schema/claimcheck-batch.schema.json`"
    );
    let open = jsonschema::validator_for(&schema).unwrap();
    let strict = jsonschema::validator_for(&closed(schema)).unwrap();

    let dir = tempfile::tempdir().unwrap();
    claim_files(dir.path());
    let mut input = jsonl(&articles(dir.path(), 6));
    input.push_str("{\"id\": \"x\"}\nnot json\n");
    input.push_str(
        &(json!({ "id": 7, "text": "Italy was there.", "url": "https://example.org/7", "published": "2025-03-11" })
            .to_string()
            + "\n"),
    );
    let md = std::fs::read_to_string(root().join("tests/fixtures/articles/seed.md")).unwrap();
    input.push_str(&(json!({ "id": "md", "text": md, "format": "markdown" }).to_string() + "\n"));
    let page = std::fs::read_to_string(root().join("tests/fixtures/articles/seed.html")).unwrap();
    input.push_str(&(json!({ "id": "page", "text": page }).to_string() + "\n"));
    let run = claimcheck_stdin(
        dir.path(),
        &["batch", "paris-coalition.yaml", "world-briefing.yaml"],
        Some(input.as_bytes()),
    );
    let recs = records(&run.stdout);
    assert_eq!(recs.len(), 6 * 2 + 2 + 2 + 2 + 2);
    let mut kinds = BTreeMap::new();
    for r in &recs {
        for v in [&open, &strict] {
            let errors: Vec<String> = v
                .iter_errors(r)
                .map(|e| format!("{e} at {}", e.instance_path()))
                .collect();
            assert!(errors.is_empty(), "{}\n{r}", errors.join("\n"));
        }
        *kinds.entry(r["record"].as_str().unwrap()).or_insert(0) += 1;
    }
    assert_eq!(kinds, BTreeMap::from([("error", 2), ("result", 18)]));
    assert!(
        recs.iter().any(|r| r.get("notes").is_some()),
        "a record with notes was validated"
    );
    // The schema is real: a record missing its verdicts or with a bad one is refused.
    let mut bad = recs[0].clone();
    bad["claims"][0]["verdict"] = "maybe".into();
    assert!(!open.is_valid(&bad));
    let mut bad = recs[0].clone();
    bad["summary"].as_object_mut().unwrap().remove("verdicts");
    assert!(!open.is_valid(&bad));
    let mut extra = recs[0].clone();
    extra["claims"][0]["surprise"] = 1.into();
    assert!(
        open.is_valid(&extra) && !strict.is_valid(&extra),
        "published open, tested closed"
    );
}

/// Markdown and HTML records are read as `check` reads those files: the same claims,
/// positions in the line's text as in the file; the same verdicts as the text.
#[test]
fn markdown_and_html_records_are_read_as_check_reads_the_files() {
    let dir = tempfile::tempdir().unwrap();
    claim_files(dir.path());
    let mut input = String::new();
    let mut by_check = Vec::new();
    for (name, format) in [("seed.txt", "text"), ("seed.md", "markdown"), ("seed.html", "html")] {
        let path = root().join("tests/fixtures/articles").join(name);
        let text = std::fs::read_to_string(&path).unwrap();
        std::fs::write(dir.path().join(name), &text).unwrap();
        input.push_str(&(json!({ "id": name, "text": text, "format": format }).to_string() + "\n"));
        let check = claimcheck(
            dir.path(),
            &["check", "paris-coalition.yaml", "--article", name, "--format", "json"],
        );
        assert!(check.code < 2, "{}", check.stderr);
        let report: Value = serde_json::from_str(&check.stdout).unwrap();
        by_check.push(report["files"][0]["claims"].clone());
    }
    // Without `format`, a page that is plainly HTML is read as HTML, and the record says so.
    let page = std::fs::read_to_string(root().join("tests/fixtures/articles/seed.html")).unwrap();
    assert!(page.starts_with("<!DOCTYPE"));
    input.push_str(&(json!({ "id": "page.txt", "text": page }).to_string() + "\n"));
    // And a document that does not parse is an error record that says where.
    let broken = json!({ "id": "broken", "format": "markdown", "text": "---\ntitle: [Paris\n---\n\nText.\n" });
    input.push_str(&(broken.to_string() + "\n"));
    let run = claimcheck_stdin(dir.path(), &["batch", "paris-coalition.yaml"], Some(input.as_bytes()));
    let mut recs = records(&run.stdout);
    assert_eq!((recs.len(), run.code), (5, 2), "{}", run.stderr);
    let error = recs.pop().unwrap();
    let sniffed = recs.pop().unwrap();
    assert_eq!(sniffed["claims"], recs[2]["claims"], "read as the HTML record is");
    assert!(
        sniffed["notes"][0]
            .as_str()
            .unwrap()
            .starts_with("read as HTML, not plain text"),
        "{sniffed}"
    );
    assert!(
        recs.iter().all(|r| r.get("notes").is_none()),
        "no note where the format is given"
    );
    assert_eq!((&error["record"], &error["id"]), (&json!("error"), &json!("broken")));
    assert!(
        error["error"]
            .as_str()
            .unwrap()
            .starts_with("line 2 of `text`: the front matter is not valid YAML"),
        "{error}"
    );
    let verdicts = |claims: &Value| -> Vec<String> {
        claims
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["verdict"].to_string())
            .collect()
    };
    for (rec, check) in recs.iter().zip(&by_check) {
        assert_eq!(&rec["claims"], check, "{}", rec["id"]);
        assert_eq!(
            verdicts(&rec["claims"]),
            verdicts(&by_check[0]),
            "{}: as the text",
            rec["id"]
        );
    }
}
