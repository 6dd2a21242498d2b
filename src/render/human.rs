//! `--format human`: what an editor reads at a terminal.
//!
//! One block per claim: PASS/FAIL, verdict, id and where the claim is written; the claim and
//! what it expects; each piece of evidence as `article:line:column` with its sentence and the
//! matched words marked; for a refutation the diff of expected and found. Colours only on a
//! terminal (and never with NO_COLOR); without them marks are `[[…]]` and carets.

use std::io::{self, Write};
use std::ops::Range;

use super::Options;
use crate::report::{ClaimResult, Diff, Evidence, FileReport, Report, Role, Severity, Summary, Verdict};

use super::DEFAULT_SHOWN;

pub struct Human {
    color: bool,
    max_shown: usize,
}

const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const BOLD: &str = "1";
const DIM: &str = "2";

impl Human {
    pub fn new(opts: &Options) -> Human {
        Human {
            color: opts.color,
            max_shown: opts.max_shown.unwrap_or(DEFAULT_SHOWN),
        }
    }

    fn paint(&self, code: &str, s: &str) -> String {
        if self.color && !s.is_empty() {
            format!("\x1b[{code}m{s}\x1b[0m")
        } else {
            s.to_string()
        }
    }

    pub fn render(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let articles: std::collections::BTreeSet<&str> = report.files.iter().map(|f| f.article.as_str()).collect();
        for file in &report.files {
            self.file(file, articles.len() > 1, w)?;
        }
        self.summary(&report.summary, w)
    }

    /// One claim file's results against one article. An archive audit (one claim file,
    /// many articles) lists what did not pass; the passing claims are counted (JSON has them
    /// all).
    pub fn file(&self, file: &FileReport, archive: bool, w: &mut dyn Write) -> io::Result<()> {
        writeln!(
            w,
            "{}",
            self.paint(BOLD, &format!("{} (article: {})", file.path, file.article))
        )?;
        writeln!(w)?;
        let mut passed = file.omitted.total();
        for c in &file.claims {
            if archive && c.passed {
                passed += 1;
                continue;
            }
            self.claim(c, &file.path, &file.article, w)?;
            writeln!(w)?;
        }
        if passed > 0 {
            let s = if passed == 1 { " passed" } else { "s passed" };
            writeln!(
                w,
                "{}",
                self.paint(GREEN, &format!("  {passed} claim{s} (listed in --format json)"))
            )?;
            writeln!(w)?;
        }
        Ok(())
    }

    /// The closing line: the verdict counts keep it from reading as a test runner's.
    pub fn summary(&self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        let code = if s.failed > 0 { RED } else { GREEN };
        writeln!(w, "{}", self.paint(code, &super::summary_line(s)))
    }

    fn claim(&self, c: &ClaimResult, path: &str, article: &str, w: &mut dyn Write) -> io::Result<()> {
        let (status, code) = match (c.passed, c.severity) {
            (true, _) => ("PASS", GREEN),
            (false, Severity::Warning) => ("WARN", YELLOW),
            (false, Severity::Error) => ("FAIL", RED),
        };
        writeln!(
            w,
            "{} {:<11} {}  {}",
            self.paint(&format!("{BOLD};{code}"), status),
            verdict_word(c.verdict),
            self.paint(BOLD, &c.id),
            self.paint(DIM, &format!("{path}:{}:{}", c.line, c.column))
        )?;
        writeln!(w, "  claim:    {}", c.claim)?;
        writeln!(w, "  expected: {}", c.expected)?;
        writeln!(w, "  why:      {}", c.explanation)?;
        for note in &c.notes {
            writeln!(w, "  note:     {note}")?;
        }
        for e in c.evidence.iter().take(self.max_shown) {
            self.evidence(e, article, w)?;
        }
        let shown = c.evidence.len().min(self.max_shown);
        if c.evidence_count > shown {
            writeln!(
                w,
                "  … and {} more (all of them are in --format json)",
                c.evidence_count - shown
            )?;
        }
        if let Some(n) = &c.nearest {
            self.evidence(n, article, w)?;
        }
        Ok(())
    }

    fn evidence(&self, e: &Evidence, article: &str, w: &mut dyn Write) -> io::Result<()> {
        let (label, code) = match e.role {
            Role::Supports => ("supports", GREEN),
            Role::Refutes => ("refutes ", RED),
            Role::Nearest => ("nearest ", YELLOW),
        };
        let note = e.note.as_deref().map(|n| format!("  ({n})")).unwrap_or_default();
        writeln!(
            w,
            "  {} {article}:{}:{}{note}",
            self.paint(code, label),
            e.span.line,
            e.span.column
        )?;
        writeln!(
            w,
            "    {}",
            self.marked(&e.sentence, &e.sentence_marks, "[[", "]]", &format!("{BOLD};4"))
        )?;
        if let Some(d) = &e.diff {
            self.diff(d, w)?;
        }
        Ok(())
    }

    fn diff(&self, d: &Diff, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "    diff:")?;
        for (sign, text, marks, code) in [
            ("-", &d.expected, &d.expected_marks, RED),
            ("+", &d.found, &d.found_marks, GREEN),
        ] {
            let who = if sign == "-" { "expected" } else { "found   " };
            if self.color {
                writeln!(
                    w,
                    "      {} {who} {}",
                    self.paint(code, sign),
                    self.marked(text, marks, "", "", &format!("{code};7"))
                )?;
            } else {
                writeln!(w, "      {sign} {who} {text}")?;
                if !marks.is_empty() {
                    writeln!(w, "                 {}", carets(text, marks))?;
                }
            }
        }
        Ok(())
    }

    /// The text with its marked ranges highlighted (colour) or bracketed (plain).
    fn marked(&self, text: &str, marks: &[Range<usize>], open: &str, close: &str, code: &str) -> String {
        let mut out = String::new();
        let mut at = 0;
        for m in marks {
            if m.start < at || m.end > text.len() {
                continue;
            }
            out.push_str(&text[at..m.start]);
            let part = &text[m.clone()];
            if self.color {
                out.push_str(&self.paint(code, part))
            } else {
                out.push_str(&format!("{open}{part}{close}"))
            }
            at = m.end;
        }
        out.push_str(&text[at..]);
        out
    }
}

fn verdict_word(v: Verdict) -> &'static str {
    v.as_str()
}

/// A line of `^` under the marked characters (columns in characters).
fn carets(text: &str, marks: &[Range<usize>]) -> String {
    let mut out = String::new();
    for (i, _) in text.char_indices() {
        out.push(if marks.iter().any(|m| m.start <= i && i < m.end) {
            '^'
        } else {
            ' '
        });
    }
    out.trim_end().to_string()
}
