use crate::common::{articles_in, claimcheck, claimcheck_env, claimcheck_stdin, folder, root, seed};

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
    let run = claimcheck_stdin(dir.path(), &["check", "c.yaml", "--article", "-", "-v"], Some(&seed()));
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("<stdin>:7:176 ¶4 s2"), "{}", run.stdout);
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
    let a = run.stdout.find("claims/a.yml (article").expect("a.yml reported");
    let b = run.stdout.find("claims/b.yaml (article").expect("b.yaml reported");
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

/// Runs `claimcheck` in `dir`, reads until `enough` says so, closes the pipe (as `head`
/// does) and returns the exit code.
fn exit_code_after_closing(dir: &std::path::Path, args: &[&str], enough: &dyn Fn(&[u8]) -> bool) -> Option<i32> {
    use std::io::Read;
    let mut child = std::process::Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    let mut stdout = child.stdout.take().unwrap();
    let mut seen = Vec::new();
    let mut byte = [0u8; 1];
    while !enough(&seen) && stdout.read(&mut byte).unwrap() == 1 {
        seen.push(byte[0]);
    }
    drop(stdout);
    let out = child.wait_with_output().unwrap();
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(!stderr.contains("panicked"), "{stderr}");
    out.status.code()
}

#[test]
fn a_closed_pipe_never_turns_a_failing_run_into_a_pass() {
    // `check | head -c 1` and `check | head -3`, on a run with failing claims: the exit code is
    // the verdicts', however early the reader leaves (a race before, so many runs).
    let one_byte = |b: &[u8]| !b.is_empty();
    let three_lines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count() >= 3;
    for _ in 0..10 {
        for format in ["json", "human", "sarif"] {
            let args = ["check", "--format", format];
            assert_eq!(
                exit_code_after_closing(&root(), &args, &one_byte),
                Some(1),
                "{format} | head -c 1"
            );
            assert_eq!(
                exit_code_after_closing(&root(), &args, &three_lines),
                Some(1),
                "{format} | head -3"
            );
        }
    }
}

#[test]
fn a_closed_pipe_never_turns_a_failing_archive_run_into_a_pass() {
    let article = b"China did not attend the meeting.\n".to_vec();
    let mut files: Vec<(String, Vec<u8>)> = vec![("c.yaml".into(), FAILING.as_bytes().to_vec())];
    for i in 0..40 {
        files.push((format!("articles/a{i:02}.txt"), article.clone()));
    }
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(p, b)| (p.as_str(), b.as_slice())).collect();
    let dir = folder(&refs);
    let three_lines = |b: &[u8]| b.iter().filter(|&&c| c == b'\n').count() >= 3;
    for _ in 0..10 {
        for format in ["human", "json"] {
            let args = ["check", "c.yaml", "--articles", "articles", "--format", format];
            assert_eq!(
                exit_code_after_closing(dir.path(), &args, &three_lines),
                Some(1),
                "{format} | head -3"
            );
        }
    }
}

#[test]
fn lint_validates_without_an_article() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes())]);
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stdout
            .contains("ok   c.yaml (1 claim)\n1 claim file, 1 claim: no errors"),
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
        &["check", "c.yaml", "--article", "a.txt", "--verbose"],
        None,
        &[("CLICOLOR_FORCE", Some("1")), ("NO_COLOR", Some("1"))],
    );
    assert!(!plain.stdout.contains("\x1b["), "NO_COLOR wins: {}", plain.stdout);
    assert!(plain.stdout.contains("[[Italy]]"));
}

/// A standing claim file (no `article:`) and a small archive: the seed article, variants
/// of it and one that mentions Kiev a hundred times.
fn archive() -> tempfile::TempDir {
    let seed = String::from_utf8(seed()).unwrap();
    let claims = "claims:\n  - id: italy-observer\n    claim: Italy attended only as an observer\n    all: [Italy, observer]\n  - id: no-kiev\n    claim: Kyiv, never Kiev\n    absent: [Kiev, {regex: '\\bKyev\\b'}]\n  - id: elysee\n    claim: c\n    text: according to the Elysée\n";
    let many = "Kiev said no. ".repeat(100);
    let files: Vec<(String, Vec<u8>)> = vec![
        ("audit.yaml".into(), claims.as_bytes().to_vec()),
        ("archive/2025/03/paris.txt".into(), seed.clone().into_bytes()),
        (
            "archive/2025/03/paris-no-italy.txt".into(),
            seed.replace("Italy", "Spain").into_bytes(),
        ),
        ("archive/2024/kiev.txt".into(), many.into_bytes()),
        ("archive/2024/notes.pdf".into(), b"not an article".to_vec()),
        ("archive/a-first.txt".into(), seed.replace("Kiev", "Kyev").into_bytes()),
    ];
    let refs: Vec<(&str, &[u8])> = files.iter().map(|(n, c)| (n.as_str(), c.as_slice())).collect();
    folder(&refs)
}

#[test]
fn articles_folder_checks_every_article_in_a_stable_order() {
    let dir = archive();
    let run = claimcheck(
        dir.path(),
        &["check", "audit.yaml", "--articles", "archive", "--format", "json"],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let articles = articles_in(&run.stdout);
    assert_eq!(
        articles,
        vec![
            "archive/2024/kiev.txt",
            "archive/2025/03/paris-no-italy.txt",
            "archive/2025/03/paris.txt",
            "archive/a-first.txt"
        ]
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["claims"], 12);
    // The regex term finds "Kyev", the phrase "Kiev".
    assert_eq!(v["files"][3]["claims"][1]["evidence"][0]["text"], "Kyev");
}

/// An archive run writes its report article by article (in the human format counting the
/// passing claims without building their results); the bytes are those of the whole report,
/// every result built, rendered at once through the library.
#[test]
fn an_archive_report_written_as_it_goes_is_the_whole_report() {
    use claimcheck::{article::Article, claims, engine, render, report::Report};
    let dir = archive();
    let claims::Loaded::Claims(file) = claims::load(&dir.path().join("audit.yaml")).unwrap() else {
        panic!("a claim file");
    };
    let mut file = *file;
    file.path = "audit.yaml".into();
    let file = claimcheck::compile::CompiledFile::new(file);
    let names = [
        "archive/2024/kiev.txt",
        "archive/2025/03/paris-no-italy.txt",
        "archive/2025/03/paris.txt",
        "archive/a-first.txt",
    ];
    for (format, max_evidence) in [(render::Format::Json, None), (render::Format::Human, Some(20))] {
        let limits = engine::Limits {
            max_evidence,
            article_source: false,
            passing_counted_only: false,
        };
        let files = names
            .iter()
            .map(|n| {
                let article = Article::from_bytes(*n, std::fs::read(dir.path().join(n)).unwrap()).unwrap();
                let mut r = engine::evaluate_with(&file, &article, &engine::Policy::default(), &limits);
                if format == render::Format::Json {
                    engine::add_coverage(&mut r, &article);
                }
                r
            })
            .collect();
        let mut whole = Vec::new();
        render::render(&Report::new(files), format, &render::Options::default(), &mut whole).unwrap();
        let name = format!("{format:?}").to_lowercase();
        let run = claimcheck(
            dir.path(),
            &["check", "audit.yaml", "--articles", "archive", "--format", &name],
        );
        assert_eq!(run.code, 1, "{}", run.stderr);
        assert_eq!(run.stdout, String::from_utf8(whole).unwrap(), "{name}");
    }
}

#[test]
fn an_unreadable_article_in_an_archive_is_invalid_input_after_the_others_report() {
    let dir = archive();
    std::fs::write(dir.path().join("archive/2025/broken.txt"), b"Kiev \xff said").unwrap();
    let run = claimcheck(dir.path(), &["check", "audit.yaml", "--articles", "archive"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("archive/2025/broken.txt") && run.stderr.contains("UTF-8"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("(article: archive/a-first.txt)"), "{}", run.stdout);
    assert!(
        run.stderr
            .contains("1 error in 1 file; the report above leaves these articles out"),
        "{}",
        run.stderr
    );
    // Into a file: no report at all, and the file stays as it was.
    std::fs::write(dir.path().join("report.json"), "old").unwrap();
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "audit.yaml",
            "--articles",
            "archive",
            "--format",
            "json",
            "--output",
            "report.json",
        ],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("the other articles were checked, no report was written"),
        "{}",
        run.stderr
    );
    assert_eq!(std::fs::read_to_string(dir.path().join("report.json")).unwrap(), "old");
    let leftovers = std::fs::read_dir(dir.path()).unwrap().count();
    assert_eq!(
        leftovers, 3,
        "audit.yaml, archive/, report.json: no temporary file left"
    );
    // Without the broken article the file is the report standard output gets.
    std::fs::remove_file(dir.path().join("archive/2025/broken.txt")).unwrap();
    let args = ["check", "audit.yaml", "--articles", "archive", "--format", "json"];
    let printed = claimcheck(dir.path(), &args).stdout;
    let mut to_file = args.to_vec();
    to_file.extend(["--output", "report.json"]);
    assert_eq!(claimcheck(dir.path(), &to_file).code, 1);
    assert_eq!(
        std::fs::read_to_string(dir.path().join("report.json")).unwrap(),
        printed
    );
}

#[test]
fn article_flag_repeats_and_a_claim_files_article_keeps_working() {
    let dir = archive();
    let run = claimcheck(
        dir.path(),
        &[
            "check",
            "audit.yaml",
            "--article",
            "archive/2025/03/paris.txt",
            "--article",
            "archive/a-first.txt",
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let first = run.stdout.find("(article: archive/2025/03/paris.txt)").unwrap();
    let second = run.stdout.find("(article: archive/a-first.txt)").unwrap();
    assert!(
        first < second,
        "claim file, then article, in path order: {}",
        run.stdout
    );
    let run = claimcheck(
        &root(),
        &["check", "claims/", "--articles", "claims", "--format", "json"],
    );
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    // Each example claim file against its own article only, not every article in claims/.
    let files = v["files"].as_array().unwrap();
    assert_eq!(files.len(), 2, "{files:?}");
    for f in files {
        let (claims, article) = (f["path"].as_str().unwrap(), f["article"].as_str().unwrap());
        let stem = claims.trim_start_matches("claims/").trim_end_matches(".yaml");
        assert!(article.starts_with(&format!("claims/{stem}-")), "{claims} on {article}");
    }
}

#[test]
fn verdicts_are_the_same_with_one_thread_and_with_many() {
    let dir = archive();
    let args = ["check", "audit.yaml", "--articles", "archive", "--format", "json"];
    let one = claimcheck_env(dir.path(), &args, None, &[("RAYON_NUM_THREADS", Some("1"))]);
    let many = claimcheck_env(dir.path(), &args, None, &[("RAYON_NUM_THREADS", Some("8"))]);
    assert_eq!(one.code, many.code);
    assert_eq!(one.stdout, many.stdout);
    // An article over 1 MiB is itself searched and checked in parallel.
    let big = String::from_utf8(seed()).unwrap().repeat(220);
    assert!(big.len() > 1 << 20);
    std::fs::write(dir.path().join("archive/big.txt"), big).unwrap();
    let args = [
        "check",
        "audit.yaml",
        "--article",
        "archive/big.txt",
        "--format",
        "json",
    ];
    let one = claimcheck_env(dir.path(), &args, None, &[("RAYON_NUM_THREADS", Some("1"))]);
    let many = claimcheck_env(dir.path(), &args, None, &[("RAYON_NUM_THREADS", Some("8"))]);
    assert_eq!(one.code, 1, "{}", one.stderr);
    assert_eq!(one.stdout, many.stdout);
}

#[test]
fn many_hits_keep_an_exact_count_and_list_a_bounded_number() {
    let dir = archive();
    let run = claimcheck(
        dir.path(),
        &["check", "audit.yaml", "--article", "archive/2024/kiev.txt"],
    );
    assert!(run.stdout.contains("… and 80 more"), "{}", run.stdout);
    assert!(run.stdout.contains("100 places refute the claim"), "{}", run.stdout);
    let json = |extra: &[&str]| {
        let mut args = vec![
            "check",
            "audit.yaml",
            "--article",
            "archive/2024/kiev.txt",
            "--format",
            "json",
        ];
        args.extend_from_slice(extra);
        let run = claimcheck(dir.path(), &args);
        let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        let c = v["files"][0]["claims"][1].clone();
        (
            c["evidence"].as_array().unwrap().len(),
            c["evidence_count"].as_u64().unwrap(),
        )
    };
    assert_eq!(json(&[]), (100, 100), "JSON keeps every place by default");
    assert_eq!(json(&["--max-evidence", "3"]), (3, 100));
}

#[test]
fn an_articles_folder_without_articles_is_invalid_input() {
    let dir = folder(&[("c.yaml", PASSING.as_bytes()), ("empty/notes.pdf", b"x")]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--articles", "empty"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("no articles (*.txt, *.md, *.markdown, *.html, *.htm, *.docx) under this folder"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_output_file_in_a_missing_folder_is_an_error_naming_it() {
    let dir = archive();
    for articles in [
        &["--article", "archive/a-first.txt"][..],
        &["--articles", "archive"][..],
    ] {
        let mut args = vec!["check", "audit.yaml", "--output", "no/such/folder/report.txt"];
        args.extend_from_slice(articles);
        let run = claimcheck(dir.path(), &args);
        assert_eq!(run.code, 2, "{articles:?}: {}", run.stderr);
        assert!(
            run.stderr.contains("cannot write no/such/folder/report.txt"),
            "{articles:?}: {}",
            run.stderr
        );
    }
}

#[test]
fn lint_refuses_a_claim_file_whose_article_is_missing() {
    let dir = folder(&[(
        "c.yaml",
        b"article: nothere.txt\nclaims:\n  - {id: a, claim: b, text: Paris}\n",
    )]);
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr
            .contains("c.yaml:1:10: error: nothere.txt: article not found"),
        "{}",
        run.stderr
    );
    assert!(!run.stdout.contains("no errors"), "{}", run.stdout);
}

#[test]
fn a_claim_file_without_claims_in_a_folder_is_reported_not_skipped() {
    let dir = folder(&[
        ("claims/a.yaml", PASSING.as_bytes()),
        ("claims/draft.yaml", b"article: ../a.txt\n"),
        ("a.txt", &seed()),
    ]);
    let run = claimcheck(dir.path(), &["check", "claims", "--article", "a.txt"]);
    assert_eq!(run.code, 2, "{}", run.stdout);
    assert!(
        run.stderr.contains("claims/draft.yaml: error: no `claims:` list"),
        "{}",
        run.stderr
    );
}

#[test]
fn an_article_on_the_command_line_that_a_claim_file_overrides_is_said() {
    let dir = folder(&[
        (
            "own.yaml",
            b"article: a.txt\nclaims:\n  - {id: a, claim: b, text: Paris}\n",
        ),
        ("a.txt", &seed()),
        ("b.txt", b"Nothing about Paris here? Paris."),
    ]);
    let run = claimcheck(dir.path(), &["check", "own.yaml", "--article", "b.txt"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("warning: own.yaml names its own article (a.txt); --article/--articles are not used for it"),
        "{}",
        run.stderr
    );
    assert!(run.stdout.contains("own.yaml (article: a.txt)"), "{}", run.stdout);
}

#[test]
fn a_claim_file_given_to_snapshot_is_refused_with_the_right_order() {
    let dir = folder(&[
        (
            "own.yaml",
            b"article: a.txt\nclaims:\n  - {id: a, claim: b, text: Paris}\n",
        ),
        ("a.txt", &seed()),
    ]);
    let run = claimcheck(dir.path(), &["check", "--snapshot", "own.yaml"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("`--snapshot` takes a folder"), "{}", run.stderr);
    assert!(
        run.stderr.contains("claimcheck check own.yaml --snapshot"),
        "{}",
        run.stderr
    );
    assert!(!dir.path().join("snapshots").exists(), "nothing written");
}

#[test]
fn lint_hints_at_an_entity_close_to_a_by_that_is_none() {
    let dir = folder(&[(
        "c.yaml",
        b"entities:\n  Macron: [Emmanuel Macron]\nclaims:\n  - id: q\n    claim: c\n    quote: a plan\n    by: Macronn\n",
    )]);
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert_eq!(run.code, 0, "a hint never refuses the file: {}", run.stderr);
    assert!(
        run.stdout.contains(
            "hint c.yaml:7:9: `by: Macronn` is no entity, so it is matched as a plain name: did you mean the entity `Macron`?"
        ),
        "{}",
        run.stdout
    );
}

/// Only the binary (src/main.rs, src/cli/) writes to standard output and standard error: the
/// library returns reports, diagnostics and warnings as values.
#[test]
fn the_library_never_writes_to_standard_output_or_error() {
    const WRITERS: &[&str] = &[
        "stdout()",
        "stderr()",
        "print!(",
        "println!(",
        "eprint!(",
        "eprintln!(",
        "dbg!(",
    ];
    let src = root().join("src");
    let mut todo = vec![src.clone()];
    let mut offenders = Vec::new();
    while let Some(dir) = todo.pop() {
        for entry in std::fs::read_dir(&dir).unwrap() {
            let p = entry.unwrap().path();
            if p == src.join("cli") || p == src.join("main.rs") {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else if p.extension().is_some_and(|x| x == "rs") {
                let text = std::fs::read_to_string(&p).unwrap();
                for (i, line) in text.lines().enumerate() {
                    if WRITERS.iter().any(|w| line.contains(w)) {
                        offenders.push(format!("{}:{}: {}", p.display(), i + 1, line.trim()));
                    }
                }
            }
        }
    }
    assert!(offenders.is_empty(), "the library writes:\n{}", offenders.join("\n"));
}

/// The README's first command: the summary and the failing ids come first, for both example
/// claim files (two claim files, each with its own article: not an archive run).
#[test]
fn the_example_run_opens_with_its_summary() {
    let run = claimcheck(&root(), &["check", "claims/"]);
    assert_eq!(run.code, 1, "{}", run.stderr);
    let lines: Vec<&str> = run.stdout.lines().take(3).collect();
    assert!(
        lines[0].contains(" passed, ") && lines[0].contains(" failed"),
        "{}",
        run.stdout
    );
    assert!(
        lines[1].starts_with("failed:  claims/paris-coalition.yaml: fails-"),
        "{}",
        run.stdout
    );
    assert!(
        lines[2].starts_with("failed:  claims/world-briefing.yaml: fails-"),
        "{}",
        run.stdout
    );
}
