//! The edges of the machine: a full disk, folders that cannot be written, articles that are
//! no files, a file that vanishes, signals in an archive run, text that is not UTF-8, and
//! inputs far larger than any real one. Every file claimcheck writes is whole or absent,
//! and its inputs are never touched.
//!
//! A full disk and a read-only folder are real ones: a size-limited or read-only tmpfs,
//! mounted for the test (CI runs as root, where permissions alone stop nothing).

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use crate::common::{articles_in, claimcheck, claimcheck_env, folder, seed};

const CLAIMS: &str = "article: a.txt
claims:
  - {id: italy, claim: Italy was an observer, all: [Italy, observer]}
  - {id: spain, claim: Spain attended, text: Spain attended}
";

/// An archive's claim file: one claim that passes and one that fails.
const AUDIT: &str = "claims:
  - {id: italy, claim: Italy was an observer, all: [Italy, observer]}
  - {id: no-falentor, claim: The made-up name Falentor is not used, absent: [Falentor]}
";

/// A tmpfs mounted on a temporary folder, unmounted when dropped.
struct Tmpfs {
    dir: tempfile::TempDir,
}

impl Tmpfs {
    fn new(size: &str) -> Tmpfs {
        let dir = tempfile::tempdir().unwrap();
        let ok = Command::new("mount")
            .args(["-t", "tmpfs", "-o", &format!("size={size}"), "tmpfs"])
            .arg(dir.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(
            ok,
            "mounting a tmpfs needs root: the edge tests run as root (as CI does)"
        );
        Tmpfs { dir }
    }

    fn path(&self) -> &Path {
        self.dir.path()
    }

    /// Remounts it read-only: nobody, root included, writes there any more.
    fn read_only(&self) {
        let ok = Command::new("mount")
            .args(["-o", "remount,ro"])
            .arg(self.path())
            .status()
            .is_ok_and(|s| s.success());
        assert!(ok, "remount read-only");
    }

    /// Fills it up: the next write of a block fails with "no space left".
    fn fill(&self) {
        use std::io::Write;
        let mut f = std::fs::File::create(self.path().join("filler")).unwrap();
        let block = vec![b'x'; 4096];
        while f.write_all(&block).and_then(|()| f.flush()).is_ok() {}
    }
}

impl Drop for Tmpfs {
    fn drop(&mut self) {
        let _ = Command::new("umount").arg("-l").arg(self.dir.path()).status();
    }
}

/// The names in a folder, sorted.
fn names(dir: &Path) -> Vec<String> {
    let mut v: Vec<String> = std::fs::read_dir(dir)
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    v.sort();
    v
}

fn article_and_claims() -> tempfile::TempDir {
    folder(&[("c.yaml", CLAIMS.as_bytes()), ("a.txt", &seed())])
}

#[test]
fn a_full_disk_while_writing_the_report_leaves_the_old_file_and_exits_2() {
    let dir = article_and_claims();
    let disk = Tmpfs::new("64k");
    let report = disk.path().join("report.html");
    std::fs::write(&report, "the old report").unwrap();
    disk.fill();
    let out = report.to_str().unwrap();
    // The HTML report holds the whole article: more than the disk has left.
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--format", "html", "--output", out]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("No space left on device"), "{}", run.stderr);
    assert!(run.stderr.contains("report.html"), "names the file: {}", run.stderr);
    assert_eq!(std::fs::read_to_string(&report).unwrap(), "the old report");
    assert_eq!(names(disk.path()), ["filler", "report.html"], "no temporary file left");
}

#[test]
fn a_full_disk_while_writing_a_snapshot_leaves_the_old_snapshot_and_exits_2() {
    let dir = article_and_claims();
    let disk = Tmpfs::new("64k");
    let snaps = disk.path().join("snaps");
    let snap = snaps.join("c.yaml.snap");
    std::fs::create_dir(&snaps).unwrap();
    std::fs::write(&snap, "an old snapshot that differs").unwrap();
    disk.fill();
    let flag = format!("--snapshot={}", snaps.display());
    // Outside CI: with CI set, snapshot mode never writes (the test's own CI run sets it).
    let run = claimcheck_env(
        dir.path(),
        &["check", "c.yaml", &flag, "--snapshot-update"],
        None,
        &[("CI", None)],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("No space left on device"), "{}", run.stderr);
    assert_eq!(std::fs::read_to_string(&snap).unwrap(), "an old snapshot that differs");
    assert_eq!(names(&snaps), ["c.yaml.snap"], "no temporary file left");
}

#[test]
fn an_output_folder_that_cannot_be_written_is_an_error_naming_it() {
    let dir = article_and_claims();
    let ro = Tmpfs::new("64k");
    ro.read_only();
    let out = ro.path().join("report.json");
    let run = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--format", "json", "-o", out.to_str().unwrap()],
    );
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Read-only file system"), "{}", run.stderr);
    assert!(run.stderr.contains("report.json"), "{}", run.stderr);
    assert!(names(ro.path()).is_empty());
}

#[test]
fn snapshot_mode_in_a_read_only_claims_folder_exits_2_and_writes_nothing() {
    let ro = Tmpfs::new("256k");
    std::fs::write(ro.path().join("c.yaml"), CLAIMS).unwrap();
    std::fs::write(ro.path().join("a.txt"), seed()).unwrap();
    ro.read_only();
    let run = claimcheck_env(ro.path(), &["check", "c.yaml", "--snapshot"], None, &[("CI", None)]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(run.stderr.contains("Read-only file system"), "{}", run.stderr);
    assert_eq!(names(ro.path()), ["a.txt", "c.yaml"]);
}

/// Runs the binary with a deadline: an article that makes it wait forever fails the test.
fn claimcheck_within(dir: &Path, args: &[&str], limit: Duration) -> (i32, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let start = Instant::now();
    while child.try_wait().unwrap().is_none() {
        if start.elapsed() > limit {
            let _ = child.kill();
            panic!("claimcheck {args:?} still running after {limit:?}");
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    let out = child.wait_with_output().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn an_article_that_is_a_fifo_is_refused_at_once_not_waited_on() {
    let dir = folder(&[("c.yaml", AUDIT.as_bytes())]);
    let fifo = dir.path().join("live.txt");
    assert!(Command::new("mkfifo").arg(&fifo).status().unwrap().success());
    let (code, err) = claimcheck_within(
        dir.path(),
        &["check", "c.yaml", "--article", "live.txt"],
        Duration::from_secs(20),
    );
    assert_eq!(code, 2, "{err}");
    assert!(
        err.contains("live.txt: error: cannot read article: a FIFO (named pipe), not a file"),
        "{err}"
    );
    // In an archive too: the others are checked, the FIFO is named.
    std::fs::create_dir(dir.path().join("archive")).unwrap();
    std::fs::write(dir.path().join("archive/a.txt"), seed()).unwrap();
    assert!(
        Command::new("mkfifo")
            .arg(dir.path().join("archive/b.txt"))
            .status()
            .unwrap()
            .success()
    );
    let (code, err) = claimcheck_within(
        dir.path(),
        &["check", "c.yaml", "--articles", "archive"],
        Duration::from_secs(20),
    );
    assert_eq!(code, 2, "{err}");
    assert!(err.contains("b.txt: error: cannot read article: a FIFO"), "{err}");
}

#[test]
fn an_article_that_is_a_folder_is_refused() {
    let dir = folder(&[("c.yaml", AUDIT.as_bytes()), ("story.txt/x", b"")]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "story.txt"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("story.txt: error: cannot read article: a folder, not a file"),
        "{}",
        run.stderr
    );
}

#[test]
fn a_symlink_loop_inside_articles_is_entered_once_and_a_looping_link_is_named() {
    let dir = folder(&[("c.yaml", AUDIT.as_bytes()), ("archive/one/a.txt", &seed())]);
    let archive = dir.path().join("archive");
    // one/up -> .. : archive/one/up/one/up/... for ever, were links followed blindly.
    std::os::unix::fs::symlink("..", archive.join("one/up")).unwrap();
    let run = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--articles", "archive", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let articles = articles_in(&run.stdout);
    assert_eq!(articles, ["archive/one/a.txt"], "each article once");
    // A link to itself never resolves: named, exit 2.
    std::os::unix::fs::symlink("self.txt", archive.join("self.txt")).unwrap();
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--articles", "archive"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr.contains("self.txt: error: cannot read article"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.to_lowercase().contains("symbolic links"), "{}", run.stderr);
}

/// `n` copies of a short article under `archive/`, and the audit claim file.
fn archive(n: usize, text: &[u8]) -> tempfile::TempDir {
    let dir = folder(&[("audit.yaml", AUDIT.as_bytes())]);
    let archive = dir.path().join("archive");
    std::fs::create_dir(&archive).unwrap();
    for i in 0..n {
        std::fs::write(archive.join(format!("a{i:06}.txt")), text).unwrap();
    }
    dir
}

/// Waits until a file whose name ends with `.tmp` appears in `dir` (the report being
/// written); `false` if the run ended first.
fn wait_for_temporary(dir: &Path, child: &mut std::process::Child) -> bool {
    let start = Instant::now();
    while start.elapsed() < Duration::from_secs(60) {
        if names(dir).iter().any(|n| n.ends_with(".tmp")) {
            return true;
        }
        if child.try_wait().unwrap().is_some() {
            return false;
        }
        std::thread::sleep(Duration::from_millis(2));
    }
    false
}

fn archive_run(dir: &Path, out: &str) -> std::process::Child {
    Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .current_dir(dir)
        .args([
            "check",
            "audit.yaml",
            "--articles",
            "archive",
            "--format",
            "json",
            "-o",
            out,
        ])
        .stdin(Stdio::null())
        .stdout(Stdio::null())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap()
}

fn signal(child: &std::process::Child, sig: &str) {
    assert!(
        Command::new("kill")
            .args([sig, &child.id().to_string()])
            .status()
            .unwrap()
            .success()
    );
}

#[test]
fn sigint_during_an_archive_run_leaves_no_partial_report() {
    let dir = archive(3_000, &seed());
    let outdir = dir.path().join("out");
    std::fs::create_dir(&outdir).unwrap();
    std::fs::write(outdir.join("report.json"), "the old report").unwrap();
    let mut child = archive_run(dir.path(), "out/report.json");
    assert!(
        wait_for_temporary(&outdir, &mut child),
        "the run ended before its report was started"
    );
    signal(&child, "-INT");
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(130), "{err}");
    assert!(err.contains("interrupted"), "{err}");
    assert_eq!(names(&outdir), ["report.json"], "the temporary file is removed");
    assert_eq!(
        std::fs::read_to_string(outdir.join("report.json")).unwrap(),
        "the old report"
    );
}

#[test]
fn sigpipe_during_an_archive_run_does_not_end_it() {
    // A closed standard output is tests/cli.rs's (`a_closed_pipe_never_turns_...`); a
    // SIGPIPE sent to the process is ignored, as Rust programs do: the report is whole.
    let dir = archive(600, &seed());
    let mut child = archive_run(dir.path(), "report.json");
    if wait_for_temporary(dir.path(), &mut child) {
        signal(&child, "-PIPE");
    }
    let out = child.wait_with_output().unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let v: serde_json::Value = serde_json::from_slice(&std::fs::read(dir.path().join("report.json")).unwrap()).unwrap();
    assert_eq!(v["files"].as_array().unwrap().len(), 600);
}

#[test]
fn an_article_that_vanishes_mid_run_is_named_and_no_report_is_written() {
    let dir = archive(3_000, &seed());
    let last = dir.path().join("archive/a002999.txt");
    let mut child = archive_run(dir.path(), "report.json");
    // Listed when the run planned it, gone when its turn comes.
    assert!(
        wait_for_temporary(dir.path(), &mut child),
        "the run ended before its report was started"
    );
    std::fs::remove_file(&last).unwrap();
    let out = child.wait_with_output().unwrap();
    let err = String::from_utf8_lossy(&out.stderr);
    assert_eq!(out.status.code(), Some(2), "{err}");
    assert!(err.contains("archive/a002999.txt: error: article not found"), "{err}");
    assert!(err.contains("no report was written"), "{err}");
    assert_eq!(
        names(dir.path()),
        ["archive", "audit.yaml"],
        "no report, no temporary file"
    );
}

#[test]
fn text_that_is_not_utf8_is_refused_never_misread() {
    let cases: [(&str, Vec<u8>, &str); 4] = [
        (
            "latin1.txt",
            b"Italy was an observer at the \xe9lys\xe9e.".to_vec(),
            "not UTF-8: invalid byte at offset 29",
        ),
        ("le.txt", utf16(false), "UTF-16 (little-endian, by its byte order mark)"),
        ("be.txt", utf16(true), "UTF-16 (big-endian, by its byte order mark)"),
        // UTF-16 without a byte order mark is valid UTF-8, with a NUL after each letter.
        ("nul.txt", utf16(false)[2..].to_vec(), "a NUL byte at offset 1"),
    ];
    for (name, bytes, says) in cases {
        let dir = folder(&[("c.yaml", AUDIT.as_bytes()), (name, &bytes)]);
        let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", name]);
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(&format!("{name}: error:")) && run.stderr.contains(says),
            "{name}: {}",
            run.stderr
        );
    }
}

fn utf16(big_endian: bool) -> Vec<u8> {
    let text = "\u{FEFF}Italy attended only as an observer.";
    text.encode_utf16()
        .flat_map(|u| if big_endian { u.to_be_bytes() } else { u.to_le_bytes() })
        .collect()
}

#[test]
fn an_article_over_the_size_limit_is_refused_before_it_is_read() {
    // A sparse 1 GiB file: its size is known at once, reading it would take seconds.
    let dir = folder(&[("c.yaml", AUDIT.as_bytes())]);
    let big = std::fs::File::create(dir.path().join("big.txt")).unwrap();
    big.set_len(1 << 30).unwrap();
    let start = Instant::now();
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "big.txt"]);
    assert_eq!(run.code, 2, "{}", run.stderr);
    assert!(
        run.stderr
            .contains("big.txt: error: the article is 1 GiB: over the article-size limit (256 MiB)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--limits article-size=N"), "{}", run.stderr);
    assert!(
        start.elapsed() < Duration::from_secs(20),
        "refused from its size, not read"
    );
    // Standard input has no size: read up to the limit, refused past it.
    let small = ["check", "c.yaml", "--article", "-", "--limits", "article-size=1KiB"];
    let run = crate::common::claimcheck_stdin(dir.path(), &small, Some(&seed()));
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("standard input is longer than that: over the article-size limit (1 KiB)"),
        "{}",
        run.stderr
    );
}

/// A claim file of `n` claims, each a different phrase.
fn many_claims(n: usize) -> String {
    let mut yaml = String::with_capacity(n * 64);
    yaml.push_str("claims:\n");
    for i in 0..n {
        yaml.push_str(&format!("  - {{id: c{i}, claim: claim {i}, absent: [word{i}]}}\n"));
    }
    yaml
}

#[test]
#[ignore = "about 40 s of CPU unoptimized; .ci/run runs it (cargo test --test main -- --ignored edges::)"]
fn a_100000_claim_file_loads_and_one_more_is_refused_by_the_limit() {
    let dir = folder(&[
        ("many.yaml", many_claims(100_000).as_bytes()),
        ("more.yaml", many_claims(100_001).as_bytes()),
    ]);
    let run = claimcheck(dir.path(), &["lint", "many.yaml"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    let run = claimcheck(dir.path(), &["lint", "more.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("more.yaml:2:3: error: 100001 claims: over the claims limit (100000)"),
        "{}",
        run.stderr
    );
    assert!(run.stderr.contains("--limits claims=N"), "{}", run.stderr);
}

#[test]
#[ignore = "about 50 s of CPU unoptimized; .ci/run runs it (cargo test --test main -- --ignored edges::)"]
fn a_100000_article_archive_is_checked_whole() {
    let dir = archive(100_000, b"Italy attended only as an observer.\n");
    let run = claimcheck(
        dir.path(),
        &["check", "audit.yaml", "--articles", "archive", "--format", "json"],
    );
    assert_eq!(run.code, 0, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    assert_eq!(v["summary"]["claims"], 200_000);
    assert_eq!(v["summary"]["passed"], 200_000);
}

/// Every file under `dir` with its length, modification time and bytes.
fn state(dir: &Path) -> Vec<(PathBuf, u64, std::time::SystemTime, Vec<u8>)> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(dir).unwrap() {
        let p = e.unwrap().path();
        let meta = std::fs::symlink_metadata(&p).unwrap();
        if meta.is_dir() {
            out.extend(state(&p));
        } else {
            out.push((
                p.clone(),
                meta.len(),
                meta.modified().unwrap(),
                std::fs::read(&p).unwrap(),
            ));
        }
    }
    out.sort();
    out
}

#[test]
fn inputs_are_never_modified_not_even_their_timestamps() {
    let dir = folder(&[
        (
            "in/claims/c.yaml",
            CLAIMS.replace("article: a.txt", "article: ../a.txt").as_bytes(),
        ),
        ("in/claims/audit.yaml", AUDIT.as_bytes()),
        ("in/a.txt", &seed()),
        ("in/archive/b.txt", &seed()),
        ("out/keep", b""),
    ]);
    let inputs = dir.path().join("in");
    let before = state(&inputs);
    let out = dir.path().join("out/r.html");
    for args in [
        &["check", "claims/"][..],
        &[
            "check",
            "claims/audit.yaml",
            "--articles",
            "archive",
            "--format",
            "html",
            "-o",
            out.to_str().unwrap(),
        ],
        &["lint", "claims/"],
        &["test", "claims/"],
        &["coverage", "claims/c.yaml"],
        &["explain", "italy", "claims/c.yaml"],
        &["check", "claims/c.yaml", "--output", "a.txt"],
    ] {
        let run = claimcheck(&inputs, args);
        assert!(run.code <= 2, "{args:?}: {}", run.stderr);
    }
    assert!(out.exists(), "the report was written beside them");
    assert_eq!(state(&inputs), before, "inputs changed");
}

/// Each limit of the README's table, lowered with `--limits` (or in claimcheck.toml), gives
/// the error the table shows: which limit, its value, how to raise it; exit 2.
#[test]
fn every_limit_is_refused_with_its_name_its_value_and_how_to_raise_it() {
    let claims = "claims:
  - {id: a, claim: c, all: [Italy, observer, chief]}
  - {id: b, claim: c, quote: a first stone on these guarantees}
  - {id: r, claim: c, regex: '\\w{5}'}
";
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("a.txt", &seed())]);
    let cases = [
        ("claims=2", "c.yaml:2:3: error: 3 claims: over the claims limit (2)"),
        ("terms=2", "c.yaml:2:28: error: 3 terms: over the terms limit (2)"),
        (
            "quote-length=10",
            "error: the quote is 33 characters: over the quote-length limit (10)",
        ),
        (
            "regex-size=1KiB",
            "the regex compiles too big: over the regex-size limit (1 KiB)",
        ),
        ("yaml-depth=2", "over the yaml-depth limit (2)"),
        ("yaml-nodes=10", "over the yaml-nodes limit (10)"),
    ];
    for (limit, says) in cases {
        let run = claimcheck(dir.path(), &["lint", "c.yaml", "--limits", limit]);
        assert_eq!(run.code, 2, "{limit}: {}", run.stderr);
        assert!(run.stderr.contains(says), "{limit}: {}", run.stderr);
        let key = limit.split('=').next().unwrap();
        assert!(
            run.stderr.contains(&format!("`--limits {key}=N`")),
            "{limit}: {}",
            run.stderr
        );
    }
    let nested = folder(&[("n.yaml", b"claims:\n  - {id: a, claim: c, regex: '((((a))))'}\n")]);
    let run = claimcheck(nested.path(), &["lint", "n.yaml", "--limits", "regex-nest=2"]);
    assert_eq!(run.code, 2);
    assert!(run.stderr.contains("over the regex-nest limit (2)"), "{}", run.stderr);
    let bomb =
        "a: &a [x, x, x, x, x, x, x, x, x, x]\nb: &b [*a, *a, *a, *a, *a, *a, *a, *a, *a, *a]\nclaims: [*b, *b, *b]\n";
    let bombed = folder(&[("b.yaml", bomb.as_bytes())]);
    let run = claimcheck(bombed.path(), &["lint", "b.yaml", "--limits", "yaml-aliases=100"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr.contains("over the yaml-aliases limit (100)"),
        "{}",
        run.stderr
    );
    // The same from claimcheck.toml; --limits raises it again.
    std::fs::write(dir.path().join("claimcheck.toml"), "[limits]\nclaims = 2\n").unwrap();
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert!(
        run.code == 2 && run.stderr.contains("over the claims limit (2)"),
        "{}",
        run.stderr
    );
    let run = claimcheck(dir.path(), &["lint", "c.yaml", "--limits", "claims=3"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
}

#[test]
fn evidence_past_its_limit_is_counted_and_a_note_says_so() {
    let claims = "article: a.txt\nclaims:\n  - {id: the, claim: c, any: [the]}\n";
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("a.txt", &seed())]);
    let run = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--format", "json", "--limits", "evidence=3"],
    );
    assert!(run.code < 2, "{}", run.stderr);
    let v: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
    let claim = &v["files"][0]["claims"][0];
    assert_eq!(claim["evidence"].as_array().unwrap().len(), 3);
    let count = claim["evidence_count"].as_u64().unwrap();
    assert!(count > 3, "{count}");
    let note = format!("{count} evidence places, the first 3 kept: over the evidence limit (3)");
    assert!(claim["notes"][0].as_str().unwrap().starts_with(&note), "{claim}");
}

#[test]
fn a_bad_limit_is_a_usage_error() {
    let dir = folder(&[("c.yaml", AUDIT.as_bytes())]);
    let run = claimcheck(dir.path(), &["lint", "c.yaml", "--limits", "artcle-size=1GiB"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("unknown limit `artcle-size`; did you mean `article-size`?"),
        "{}",
        run.stderr
    );
    std::fs::write(dir.path().join("claimcheck.toml"), "[limits]\nclaims = \"many\"\n").unwrap();
    let run = claimcheck(dir.path(), &["lint", "c.yaml"]);
    assert_eq!(run.code, 2);
    assert!(
        run.stderr
            .contains("claimcheck.toml:2:10: error: claims: `many` is not a whole number"),
        "{}",
        run.stderr
    );
}
