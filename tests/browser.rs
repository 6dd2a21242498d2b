//! The HTML report in a real browser: Debian's chromium, headless, with every host name
//! unresolvable. The DOM after loading must hold every highlight and claim entry, linked both
//! ways; the verdict filters (CSS only) hide what they should; the legend draws every look of
//! a highlight as the article does; a screenshot and a print (PDF)
//! go to `artifacts/` (ignored by git) for people to see.
//!
//! Without chromium the test fails in CI (`.ci/run` installs it) and is skipped locally with a
//! note.

use std::collections::{BTreeMap, BTreeSet};
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use regex::Regex;

use crate::common::{claimcheck, root};

fn chromium() -> Option<PathBuf> {
    let path = std::env::var_os("PATH")?;
    ["chromium", "chromium-browser"]
        .iter()
        .flat_map(|name| std::env::split_paths(&path).map(move |dir| dir.join(name)))
        .find(|p| p.is_file())
}

fn in_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && v != "false")
}

/// Runs headless chromium on `page` with `args`; returns its standard output.
fn run_chromium(chromium: &Path, page: &Path, args: &[String]) -> String {
    let profile = tempfile::tempdir().unwrap();
    let mut child = Command::new(chromium)
        .args([
            "--headless",
            "--no-sandbox",
            "--disable-gpu",
            "--disable-quic",
            "--no-first-run",
            "--disable-background-networking",
            "--disable-component-update",
            "--disable-sync",
            "--disable-extensions",
            // Nothing may be fetched: every host name fails to resolve.
            "--host-resolver-rules=MAP * ~NOTFOUND",
        ])
        .arg(format!("--user-data-dir={}", profile.path().display()))
        .args(args)
        .arg(format!("file://{}", page.display()))
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("chromium starts");
    let mut stdout = child.stdout.take().unwrap();
    let reader = std::thread::spawn(move || {
        let mut s = String::new();
        std::io::Read::read_to_string(&mut stdout, &mut s).unwrap();
        s
    });
    let deadline = Instant::now() + Duration::from_secs(120);
    loop {
        if let Some(status) = child.try_wait().unwrap() {
            assert!(status.success(), "chromium exited with {status}");
            break;
        }
        if Instant::now() > deadline {
            let _ = child.kill();
            panic!("chromium did not finish in 120 s");
        }
        std::thread::sleep(Duration::from_millis(100));
    }
    reader.join().unwrap()
}

#[test]
fn html_report_in_headless_chromium() {
    let Some(chromium) = chromium() else {
        assert!(
            !in_ci(),
            "chromium is missing: .ci/run installs it (apt-get install -y chromium)"
        );
        eprintln!("SKIPPED html_report_in_headless_chromium: chromium not found (apt-get install chromium)");
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let page = dir.path().join("report.html");
    let run = claimcheck(
        &root(),
        &[
            "check",
            "tests/fixtures/render/paris-coalition.yaml",
            "--format",
            "html",
            "--output",
            page.to_str().unwrap(),
        ],
    );
    assert_eq!(run.code, 1, "{}", run.stderr);
    let written = std::fs::read_to_string(&page).unwrap();

    let dom = run_chromium(&chromium, &page, &["--dump-dom".to_string()]);
    assert!(dom.contains("<h1>claimcheck report</h1>"), "the page loaded: {dom}");
    for tag in ["<script", "<img", "<link", "<iframe"] {
        assert!(!dom.contains(tag), "{tag} in the DOM");
    }

    // The browser kept every highlight and marker the renderer wrote: nothing was re-nested.
    let count = |s: &str, what: &str| s.matches(what).count();
    assert_eq!(count(&dom, "<a class=\"hl "), count(&written, "<a class=\"hl "));
    assert_eq!(count(&dom, "<a class=\"ref "), 14, "one marker per piece of evidence");

    let ids: BTreeSet<&str> = Regex::new(r#" id="([^"]+)""#)
        .unwrap()
        .captures_iter(&dom)
        .map(|c| c.get(1).unwrap().as_str())
        .collect();
    let claims: Vec<&str> = ids.iter().copied().filter(|i| i.starts_with("claim-")).collect();
    assert_eq!(claims.len(), 13, "a claim entry per claim");
    // Every link in the page lands on an element of the page.
    let hrefs = Regex::new(r##"href="#([^"]+)""##).unwrap();
    for cap in hrefs.captures_iter(&dom) {
        assert!(ids.contains(&cap[1]), "a link to #{} that is not there", &cap[1]);
    }
    // Highlights and claims link to each other: each evidence marker links to its claim,
    // and that claim's entry links back to the marker.
    let marker = Regex::new(r##"<a class="ref [^"]*" id="(ev-0-(\d+)-[^"]+)" href="#(claim-0-(\d+))""##).unwrap();
    let mut markers: BTreeMap<String, String> = BTreeMap::new();
    for cap in marker.captures_iter(&dom) {
        assert_eq!(&cap[2], &cap[4], "marker {} links to its own claim", &cap[1]);
        markers.insert(cap[1].to_string(), cap[3].to_string());
    }
    assert_eq!(markers.len(), 14);
    let entry = Regex::new(r#"(?s)<article class="claim [^"]*" id="(claim-0-\d+)">(.*?)</article>"#).unwrap();
    let goto = Regex::new(r##"class="goto" href="#([^"]+)""##).unwrap();
    let mut linked_back = 0;
    for cap in entry.captures_iter(&dom) {
        for link in goto.captures_iter(&cap[2]) {
            assert_eq!(markers[&link[1]], &cap[1], "{} links back to its claim", &link[1]);
            linked_back += 1;
        }
    }
    assert_eq!(linked_back, 14, "every piece of evidence is linked from its claim");
    // The refuted near miss: highlighted in its verdict's colour, its diff inline.
    assert!(dom.contains("<a class=\"hl v-refuted\" href=\"#claim-0-9\""));
    assert!(dom.contains(
        "according to the El<del title=\"not in the article\">y</del>s<del title=\"not in the article\">é</del>e</span>"
    ));
    assert!(dom.contains(
        "According to the El<ins title=\"not in the claim\">i</ins>se<ins title=\"not in the claim\">e</ins>"
    ));

    // The verdict filters are CSS alone; check them in the browser on a copy of the page with
    // "supported" unticked, and a probe script (the page itself runs none: its CSP forbids it).
    let probe = dir.path().join("filtered.html");
    let filtered = written
        .replacen("<meta http-equiv=\"Content-Security-Policy\"", "<meta name=\"csp-removed-for-probe\"", 1)
        .replacen("id=\"show-supported\" checked", "id=\"show-supported\"", 1)
        .replacen(
            "</body>",
            "<script>\
             const shown = [...document.querySelectorAll('.claim')].filter(e => getComputedStyle(e).display !== 'none');\
             const hl = getComputedStyle(document.querySelector('a.hl.v-supported')).backgroundColor;\
             document.body.dataset.probe = shown.length + ' ' + hl;\
             </script></body>",
            1,
        );
    std::fs::write(&probe, filtered).unwrap();
    let dom = run_chromium(&chromium, &probe, &["--dump-dom".to_string()]);
    // 13 claims, 9 of them supported: 4 stay; supported highlights lose their colour.
    assert!(
        dom.contains("data-probe=\"4 rgba(0, 0, 0, 0)\""),
        "{}",
        dom.lines().find(|l| l.contains("<body")).unwrap_or("no body")
    );

    // The legend draws each look the article has exactly as the article does: for every class
    // of highlight, a sample with the same computed background, underlines and outline.
    let probe = dir.path().join("legend.html");
    let legend = written
        .replacen("<meta http-equiv=\"Content-Security-Policy\"", "<meta name=\"csp-removed-for-probe\"", 1)
        .replacen(
            "</body>",
            "<script>\
             const look = e => { const s = getComputedStyle(e); return [s.backgroundColor, s.boxShadow, s.outlineStyle, s.outlineColor].join('/'); };\
             const classes = new Set([...document.querySelectorAll('main a.hl')].map(e => e.className));\
             const bad = [...classes].filter(c => { const sample = document.querySelector('.legend span[class=\"' + c + '\"]'); \
               return !sample || look(sample) !== look(document.querySelector('main a[class=\"' + c + '\"]')); });\
             const marks = ['del', 'ins'].filter(t => look(document.querySelector('.legend ' + t)) !== look(document.querySelector('main ' + t)));\
             document.body.dataset.legend = classes.size + ' looks; unexplained: ' + bad.concat(marks).join(', ');\
             </script></body>",
            1,
        );
    std::fs::write(&probe, legend).unwrap();
    let dom = run_chromium(&chromium, &probe, &["--dump-dom".to_string()]);
    // supported, refuted, and refuted over supported.
    assert!(
        dom.contains("data-legend=\"3 looks; unexplained: \""),
        "{}",
        dom.lines().find(|l| l.contains("<body")).unwrap_or("no body")
    );

    // For people: a screenshot and a print, kept out of git under artifacts/.
    let artifacts = root().join("artifacts");
    std::fs::create_dir_all(&artifacts).unwrap();
    let png = artifacts.join("html-report.png");
    let pdf = artifacts.join("html-report.pdf");
    let _ = std::fs::remove_file(&png);
    let _ = std::fs::remove_file(&pdf);
    run_chromium(
        &chromium,
        &page,
        &[
            "--window-size=1400,1000".to_string(),
            format!("--screenshot={}", png.display()),
        ],
    );
    let bytes = std::fs::read(&png).expect("a screenshot");
    assert!(bytes.starts_with(b"\x89PNG"), "a PNG");
    run_chromium(
        &chromium,
        &page,
        &[
            "--no-pdf-header-footer".to_string(),
            format!("--print-to-pdf={}", pdf.display()),
        ],
    );
    assert!(std::fs::read(&pdf).expect("a print").starts_with(b"%PDF"));
}
