//! `--format junit`: JUnit XML, so CI dashboards count claims like tests.
//!
//! `<testsuites>` holds a `<testsuite>` per claim file (and article) and a `<testcase>` per
//! claim, in file order. A claim that fails the run is a `<failure>` whose `type` is the
//! verdict and whose `message` is the verdict and explanation; the evidence is the case's
//! `<system-out>`. A `severity: warning` claim that did not pass never fails the run, so it is
//! a passing case with the warning in `<system-err>`. No timestamps or durations: the output
//! is deterministic. Schema as read by Jenkins, GitLab and others:
//! <https://github.com/testmoapp/junitxml>.

use std::fmt::Write as _;
use std::io::{self, Write};

use super::escape_markup as esc;
use crate::report::{ArticleRef, ClaimResult, Report, Status};

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut out = String::new();
    let count = |claims: &mut dyn Iterator<Item = &ClaimResult>| {
        claims.fold((0, 0), |(n, f), c| (n + 1, f + usize::from(c.status() == Status::Fail)))
    };
    let (tests, failures) = count(&mut report.files.iter().flat_map(|f| &f.claims));
    out.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        out,
        "<testsuites name=\"claimcheck\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\">"
    );
    for file in &report.files {
        let (tests, failures) = count(&mut file.claims.iter());
        // The same claim file against several articles: one suite each, told apart by name.
        let shared = report.files.iter().filter(|f| f.path == file.path).count() > 1;
        let name = if shared {
            format!("{} ({})", file.path, file.article)
        } else {
            file.path.clone()
        };
        let _ = writeln!(
            out,
            "  <testsuite name=\"{}\" tests=\"{tests}\" failures=\"{failures}\" errors=\"0\" skipped=\"0\" file=\"{}\">",
            esc(&name),
            esc(&file.path)
        );
        let _ = writeln!(
            out,
            "    <properties>\n      <property name=\"article\" value=\"{}\"/>\n    </properties>",
            esc(&file.article)
        );
        for c in &file.claims {
            let _ = writeln!(
                out,
                "    <testcase name=\"{}\" classname=\"{}\" file=\"{}\" line=\"{}\">",
                esc(&c.id),
                esc(&name),
                esc(&file.path),
                c.line
            );
            let details = details(c, &file.path, file.article_ref());
            match c.status() {
                Status::Fail => {
                    let _ = writeln!(
                        out,
                        "      <failure type=\"{}\" message=\"{}\">{}</failure>",
                        c.verdict.as_str(),
                        esc(&one_line(&format!("{}: {}", c.verdict.as_str(), c.explanation))),
                        esc(&failure_body(c))
                    );
                }
                Status::Warn | Status::Pass => {}
            }
            // The schema's order: failure, system-out, system-err.
            let _ = writeln!(out, "      <system-out>{}</system-out>", esc(&details));
            if c.status() == Status::Warn {
                let _ = writeln!(
                    out,
                    "      <system-err>{}</system-err>",
                    esc(&format!(
                        "warning (severity: warning, does not fail the run): {}: {}\n",
                        c.verdict.as_str(),
                        c.explanation
                    ))
                );
            }
            out.push_str("    </testcase>\n");
        }
        out.push_str("  </testsuite>\n");
    }
    out.push_str("</testsuites>\n");
    w.write_all(out.as_bytes())
}

/// The failure's text: what was expected and the diff of the first refuting evidence.
fn failure_body(c: &ClaimResult) -> String {
    let mut s = format!("{}\nexpected: {}\n", c.claim, c.expected);
    if let Some(d) = &c.diff {
        let _ = write!(s, "- expected {}\n+ found    {}\n", d.expected, d.found);
    }
    s
}

/// Everything about the claim, as the human report lists it, without colours.
fn details(c: &ClaimResult, path: &str, article: ArticleRef<'_>) -> String {
    let mut s = String::new();
    let _ = writeln!(
        s,
        "{} {} {}  {path}:{}:{}",
        c.status().label(),
        c.verdict.as_str(),
        c.id,
        c.line,
        c.column
    );
    let _ = writeln!(s, "claim:    {}", c.claim);
    let _ = writeln!(s, "expected: {}", c.expected);
    let _ = writeln!(s, "why:      {}", c.explanation);
    for n in &c.notes {
        let _ = writeln!(s, "note:     {n}");
    }
    for e in c.evidence.iter().chain(c.nearest.as_deref()) {
        let role = e.role.as_str();
        let note = e.note.as_deref().map(|n| format!("  ({n})")).unwrap_or_default();
        let _ = writeln!(s, "{role} {}{note}", article.at(e.span.line, e.span.column));
        let _ = writeln!(s, "  {}", e.sentence);
        if let Some(d) = &e.diff {
            let _ = write!(s, "  - expected {}\n  + found    {}\n", d.expected, d.found);
        }
    }
    s
}

/// Attribute values lose their line breaks to XML's attribute normalization anyway.
fn one_line(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}
