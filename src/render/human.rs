//! `--format human`: what an editor reads at a terminal.
//!
//! One block per claim: PASS/FAIL, verdict, id and where the claim is written; the claim and
//! what it expects; each piece of evidence as `article:line:column` with its sentence and the
//! matched words marked; for a refutation the diff of expected and found. Colours only on a
//! terminal (and never with NO_COLOR); without them marks are `[[…]]` and carets.

use std::fmt;
use std::io::{self, Write};
use std::ops::Range;

use super::Options;
use crate::report::{ClaimResult, Diff, Evidence, FileReport, Report, Role, Severity, Summary, Verdict};

use super::DEFAULT_SHOWN;

#[derive(Clone)]
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

    /// `s` in the colour `code` (SGR codes such as `1;31`), on a terminal that wants it.
    /// Written straight into the report: a long archive report paints millions of words.
    fn paint<T: fmt::Display>(&self, code: &'static str, s: T) -> Painted<T> {
        Painted {
            code: self.color.then_some(code),
            s,
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
            self.paint(BOLD, format_args!("{} (article: {})", file.path, file.article))
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
                self.paint(GREEN, format_args!("  {passed} claim{s} (listed in --format json)"))
            )?;
            writeln!(w)?;
        }
        Ok(())
    }

    /// The closing line: the verdict counts keep it from reading as a test runner's.
    pub fn summary(&self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        let code = if s.failed > 0 { RED } else { GREEN };
        writeln!(w, "{}", self.paint(code, super::summary_line(s)))
    }

    fn claim(&self, c: &ClaimResult, path: &str, article: &str, w: &mut dyn Write) -> io::Result<()> {
        let (status, code) = match (c.passed, c.severity) {
            (true, _) => ("PASS", "1;32"),
            (false, Severity::Warning) => ("WARN", "1;33"),
            (false, Severity::Error) => ("FAIL", "1;31"),
        };
        writeln!(
            w,
            "{} {:<11} {}  {}",
            self.paint(code, status),
            verdict_word(c.verdict),
            self.paint(BOLD, &c.id),
            self.paint(DIM, format_args!("{path}:{}:{}", c.line, c.column))
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
        write!(
            w,
            "  {} {article}:{}:{}",
            self.paint(code, label),
            e.span.line,
            e.span.column
        )?;
        match &e.note {
            Some(n) => writeln!(w, "  ({n})")?,
            None => writeln!(w)?,
        }
        writeln!(
            w,
            "    {}",
            self.marked(&e.sentence, &e.sentence_marks, ("[[", "]]"), "1;4")
        )?;
        if let Some(d) = &e.diff {
            self.diff(d, w)?;
        }
        Ok(())
    }

    fn diff(&self, d: &Diff, w: &mut dyn Write) -> io::Result<()> {
        writeln!(w, "    diff:")?;
        for (sign, text, marks, code, inverse) in [
            ("-", &d.expected, &d.expected_marks, RED, "31;7"),
            ("+", &d.found, &d.found_marks, GREEN, "32;7"),
        ] {
            let who = if sign == "-" { "expected" } else { "found   " };
            if self.color {
                writeln!(
                    w,
                    "      {} {who} {}",
                    self.paint(code, sign),
                    self.marked(text, marks, ("", ""), inverse)
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
    fn marked<'a>(
        &'a self,
        text: &'a str,
        marks: &'a [Range<usize>],
        brackets: (&'static str, &'static str),
        code: &'static str,
    ) -> Marked<'a> {
        Marked {
            human: self,
            text,
            marks,
            brackets,
            code,
        }
    }
}

/// Text painted (or not) as it is written.
struct Painted<T> {
    code: Option<&'static str>,
    s: T,
}

impl<T: fmt::Display> fmt::Display for Painted<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self.code {
            Some(code) => write!(f, "\x1b[{code}m{}\x1b[0m", self.s),
            None => self.s.fmt(f),
        }
    }
}

/// A text with marked ranges, highlighted or bracketed as it is written.
struct Marked<'a> {
    human: &'a Human,
    text: &'a str,
    marks: &'a [Range<usize>],
    brackets: (&'static str, &'static str),
    code: &'static str,
}

impl fmt::Display for Marked<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let text = self.text;
        let mut at = 0;
        for m in self.marks {
            if m.start < at || m.end > text.len() {
                continue;
            }
            f.write_str(&text[at..m.start])?;
            let part = &text[m.clone()];
            match self.human.color {
                // An empty part stays unpainted, as before.
                true if !part.is_empty() => self.human.paint(self.code, part).fmt(f)?,
                true => {}
                false => {
                    f.write_str(self.brackets.0)?;
                    f.write_str(part)?;
                    f.write_str(self.brackets.1)?;
                }
            }
            at = m.end;
        }
        f.write_str(&text[at..])
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::article::tests::SEED;

    fn rendered(yaml: &str, color: bool) -> String {
        let file = crate::claims::parse("c.yaml", yaml, None).unwrap();
        let article = Article::new("a.txt", SEED.to_string());
        let report = Report::new(vec![crate::engine::evaluate(&file, &article, &Default::default())]);
        let mut out = Vec::new();
        let opts = Options { color, max_shown: None };
        Human::new(&opts).render(&report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// The exact bytes of a refutation on a terminal: status, id and place, the marked
    /// evidence, the diff with the changed characters in inverse video.
    #[test]
    fn a_refutation_in_colour() {
        let yaml = "claims:\n  - id: n\n    claim: c\n    number: 35\n    near: [leaders]\n";
        let out = rendered(yaml, true);
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(lines[0], "\x1b[1mc.yaml (article: a.txt)\x1b[0m");
        assert_eq!(
            lines[2],
            "\x1b[1;31mFAIL\x1b[0m refuted     \x1b[1mn\x1b[0m  \x1b[2mc.yaml:2:5\x1b[0m"
        );
        assert!(
            lines[6].starts_with("  \x1b[31mrefutes \x1b[0m a.txt:1:"),
            "{}",
            lines[6]
        );
        assert!(
            lines[7].contains("met \x1b[1;4m34\x1b[0m \x1b[1;4mleaders\x1b[0m of"),
            "{}",
            lines[7]
        );
        assert_eq!(lines[9], "      \x1b[31m-\x1b[0m expected 3\x1b[31;7m5\x1b[0m");
        assert_eq!(lines[10], "      \x1b[32m+\x1b[0m found    3\x1b[32;7m4\x1b[0m");
        // Without colour: brackets and carets, no escape at all.
        let plain = rendered(yaml, false);
        assert!(
            plain.contains("met [[34]] [[leaders]] of") && !plain.contains('\x1b'),
            "{plain}"
        );
    }
}
