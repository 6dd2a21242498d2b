//! `--format human`: what an editor reads at a terminal.
//!
//! The summary comes first (counts, and the ids of the claims that did not pass), then the
//! failing claims, then the passing ones one line each. A claim's block: PASS/FAIL, verdict,
//! id and where the claim is written; the claim and what it expects; each piece of evidence as
//! `article:line:column` and `¶paragraph s sentence` (a plain-text "line" is a whole
//! paragraph) with its sentence and the matched words marked; for a refutation the diff of
//! expected and found. `--sort file` (and snapshot mode) keeps the first layout: every claim
//! in full, in file order, no summary on top. Colours only on a terminal (and never with
//! NO_COLOR); without them marks are `[[…]]` and carets.

use std::io::{self, Write};
use std::ops::Range;

use super::{Options, Sort};
use crate::report::{
    ArticleRef, ClaimResult, Diff, Evidence, FileReport, Report, Role, Severity, Status, Summary, Verdict,
};

use super::DEFAULT_SHOWN;

#[derive(Clone)]
pub(super) struct Human {
    color: bool,
    max_shown: usize,
    sort: Sort,
    verbose: bool,
}

const RED: &str = "31";
const GREEN: &str = "32";
const YELLOW: &str = "33";
const BOLD: &str = "1";
const DIM: &str = "2";

impl Human {
    pub(super) fn new(opts: &Options) -> Human {
        Human {
            color: opts.color,
            max_shown: opts.max_shown.unwrap_or(DEFAULT_SHOWN),
            sort: opts.sort,
            verbose: opts.verbose,
        }
    }

    pub(super) fn render(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        let articles: std::collections::BTreeSet<&str> = report.files.iter().map(|f| f.article.as_str()).collect();
        // An archive report (one claim file, many articles) is written as it goes
        // (`render::Stream`): it has no top, and the whole report must be the same bytes.
        let claim_files: std::collections::BTreeSet<&str> = report.files.iter().map(|f| f.path.as_str()).collect();
        let archive = claim_files.len() == 1 && articles.len() > 1;
        if self.sort == Sort::Status && !archive {
            self.top(report, w)?;
        }
        for file in &report.files {
            self.file(file, articles.len() > 1, w)?;
        }
        self.summary(&report.summary, w)
    }

    /// One claim file's results against one article. An archive audit (one claim file,
    /// many articles) lists what did not pass; the passing claims are counted (JSON has them
    /// all).
    pub(super) fn file(&self, file: &FileReport, archive: bool, w: &mut dyn Write) -> io::Result<()> {
        // Written into a string first: formatting goes to memory directly, not through the
        // writer piece by piece (an archive report runs this for millions of lines).
        w.write_all(self.file_text(file, archive).as_bytes())
    }

    /// [`Human::file`] as a string.
    pub(super) fn file_text(&self, file: &FileReport, archive: bool) -> String {
        let mut w = String::new();
        self.open(&mut w, BOLD);
        w.push_str(&file.path);
        w.push_str(" (article: ");
        w.push_str(&file.article);
        w.push(')');
        self.close(&mut w);
        w.push('\n');
        for n in &file.notes {
            self.put(&mut w, YELLOW, "note");
            w.push_str(": ");
            w.push_str(n);
            w.push('\n');
        }
        w.push('\n');
        let mut passed = file.omitted.total();
        let mut claims: Vec<&ClaimResult> = file.claims.iter().collect();
        if self.sort == Sort::Status {
            // Stable: file order within failing, warnings, passing.
            claims.sort_by_key(|c| c.status());
        }
        let mut compact = false;
        for c in claims {
            if archive && c.passed {
                passed += 1;
                continue;
            }
            if c.passed && self.sort == Sort::Status && !self.verbose {
                self.one_line(c, &file.path, &mut w);
                compact = true;
                continue;
            }
            self.claim(c, &file.path, file.article_ref(), &mut w);
            w.push('\n');
        }
        if compact {
            w.push('\n');
        }
        if passed > 0 {
            self.open(&mut w, GREEN);
            w.push_str("  ");
            w.push_str(itoa(passed, &mut [0; 20]));
            w.push_str(if passed == 1 { " claim passed" } else { " claims passed" });
            w.push_str(" (listed in --format json)");
            self.close(&mut w);
            w.push_str("\n\n");
        }
        w
    }

    /// What an editor reads first: the counts, then the ids of the claims that did not pass,
    /// a line per claim file and status.
    fn top(&self, report: &Report, w: &mut dyn Write) -> io::Result<()> {
        self.summary(&report.summary, w)?;
        let mut out = String::new();
        for (status, label, code) in [(Status::Fail, "failed: ", RED), (Status::Warn, "warning:", YELLOW)] {
            for f in &report.files {
                let ids: Vec<&str> = f
                    .claims
                    .iter()
                    .filter(|c| c.status() == status)
                    .map(|c| &*c.id)
                    .collect();
                if ids.is_empty() {
                    continue;
                }
                self.put(&mut out, code, label);
                out.push(' ');
                out.push_str(&f.path);
                if report.files.iter().filter(|g| g.path == f.path).count() > 1 {
                    out.push_str(" on ");
                    out.push_str(&f.article);
                }
                out.push_str(": ");
                out.push_str(&ids.join(", "));
                out.push('\n');
            }
        }
        out.push('\n');
        w.write_all(out.as_bytes())
    }

    /// A passing claim in one line: status, verdict, id, where it is written, the claim.
    fn one_line(&self, c: &ClaimResult, path: &str, w: &mut String) {
        self.head(c, path, w);
        w.push_str("  ");
        w.push_str(&c.claim);
        w.push('\n');
    }

    /// The closing line: the verdict counts keep it from reading as a test runner's.
    pub(super) fn summary(&self, s: &Summary, w: &mut dyn Write) -> io::Result<()> {
        let code = if s.failed > 0 { RED } else { GREEN };
        let mut line = String::new();
        self.put(&mut line, code, &super::summary_line(s));
        line.push('\n');
        w.write_all(line.as_bytes())
    }

    // The report is written with pushes, not `write!`: an archive report writes tens of
    // thousands of failing claims' blocks, and formatting was most of the time to write one.

    fn claim(&self, c: &ClaimResult, path: &str, article: ArticleRef<'_>, w: &mut String) {
        self.head(c, path, w);
        for (label, text) in [
            ("claim:    ", &*c.claim),
            ("expected: ", &c.expected),
            ("why:      ", &c.explanation),
        ] {
            w.push_str("\n  ");
            w.push_str(label);
            w.push_str(text);
        }
        w.push('\n');
        for note in &c.notes {
            w.push_str("  note:     ");
            w.push_str(note);
            w.push('\n');
        }
        for e in c.evidence.iter().take(self.max_shown) {
            self.evidence(e, article, w);
        }
        let shown = c.evidence.len().min(self.max_shown);
        if c.evidence_count > shown {
            w.push_str("  … and ");
            w.push_str(itoa(c.evidence_count - shown, &mut [0; 20]));
            w.push_str(" more (all of them are in --format json)\n");
        }
        if let Some(n) = &c.nearest {
            // Its note is often the claim's own (vaguer evidence): said once, above.
            match n.note.as_deref().filter(|note| c.notes.iter().any(|m| m == note)) {
                Some(_) => {
                    let mut bare = n.as_ref().clone();
                    bare.note = None;
                    self.evidence(&bare, article, w);
                }
                None => self.evidence(n, article, w),
            }
        }
    }

    /// `PASS supported   id  claims.yaml:8:5`, without a line end.
    fn head(&self, c: &ClaimResult, path: &str, w: &mut String) {
        let (status, code) = match (c.passed, c.severity) {
            (true, _) => ("PASS", "1;32"),
            (false, Severity::Warning) => ("WARN", "1;33"),
            (false, Severity::Error) => ("FAIL", "1;31"),
        };
        self.put(w, code, status);
        let verdict = verdict_word(c.verdict);
        w.push(' ');
        w.push_str(verdict);
        w.extend(std::iter::repeat_n(' ', 11usize.saturating_sub(verdict.len())));
        w.push(' ');
        self.put(w, BOLD, &c.id);
        w.push_str("  ");
        self.open(w, DIM);
        place(w, path, c.line, c.column);
        self.close(w);
    }

    fn evidence(&self, e: &Evidence, article: ArticleRef<'_>, w: &mut String) {
        let code = match e.role {
            Role::Supports => GREEN,
            Role::Refutes => RED,
            Role::Nearest => YELLOW,
        };
        w.push_str("  ");
        // Padded to the longest role, so places line up.
        self.put(w, code, &format!("{:<8}", e.role.as_str()));
        w.push(' ');
        w.push_str(&article.at(e.span.line, e.span.column));
        // A Word document's place is already a paragraph: a second ¶ would only confuse.
        if let (Sort::Status, Some((p, s)), crate::article::source::Positions::Lines) =
            (self.sort, e.reading_place, article.positions)
        {
            w.push_str(" ¶");
            w.push_str(itoa(p, &mut [0; 20]));
            w.push_str(" s");
            w.push_str(itoa(s, &mut [0; 20]));
        }
        if let Some(n) = &e.note {
            w.push_str("  (");
            w.push_str(n);
            w.push(')');
        }
        w.push_str("\n    ");
        self.marked(w, &e.sentence, &e.sentence_marks, ("[[", "]]"), "1;4");
        w.push('\n');
        if let Some(d) = &e.diff {
            self.diff(d, w);
        }
    }

    fn diff(&self, d: &Diff, w: &mut String) {
        w.push_str("    diff:\n");
        for (sign, text, marks, code, inverse) in [
            ("-", &d.expected, &d.expected_marks, RED, "31;7"),
            ("+", &d.found, &d.found_marks, GREEN, "32;7"),
        ] {
            let who = if sign == "-" { "expected" } else { "found   " };
            w.push_str("      ");
            self.put(w, code, sign);
            w.push(' ');
            w.push_str(who);
            w.push(' ');
            if self.color {
                self.marked(w, text, marks, ("", ""), inverse);
                w.push('\n');
            } else {
                w.push_str(text);
                w.push('\n');
                if !marks.is_empty() {
                    w.push_str("                 ");
                    w.push_str(&carets(text, marks));
                    w.push('\n');
                }
            }
        }
    }

    /// `s` in the colour `code`, on a terminal that wants it (an empty `s` stays bare).
    fn put(&self, w: &mut String, code: &str, s: &str) {
        if self.color && !s.is_empty() {
            self.open(w, code);
            w.push_str(s);
            self.close(w);
        } else {
            w.push_str(s);
        }
    }

    fn open(&self, w: &mut String, code: &str) {
        if self.color {
            w.push_str("\x1b[");
            w.push_str(code);
            w.push('m');
        }
    }

    fn close(&self, w: &mut String) {
        if self.color {
            w.push_str("\x1b[0m");
        }
    }

    /// The text with its marked ranges highlighted (colour) or bracketed (plain).
    fn marked(&self, w: &mut String, text: &str, marks: &[Range<usize>], brackets: (&str, &str), code: &str) {
        let mut at = 0;
        for m in marks {
            if m.start < at || m.end > text.len() {
                continue;
            }
            w.push_str(&text[at..m.start]);
            let part = &text[m.clone()];
            if self.color {
                self.put(w, code, part);
            } else {
                w.push_str(brackets.0);
                w.push_str(part);
                w.push_str(brackets.1);
            }
            at = m.end;
        }
        w.push_str(&text[at..]);
    }
}

/// `path:line:column`.
fn place(w: &mut String, path: &str, line: usize, column: usize) {
    w.push_str(path);
    for n in [line, column] {
        w.push(':');
        w.push_str(itoa(n, &mut [0; 20]));
    }
}

/// A number in decimal, without the formatting machinery.
fn itoa(mut n: usize, buf: &mut [u8; 20]) -> &str {
    let mut i = buf.len();
    loop {
        i -= 1;
        buf[i] = b'0' + (n % 10) as u8;
        n /= 10;
        if n == 0 {
            break;
        }
    }
    std::str::from_utf8(&buf[i..]).expect("ASCII digits")
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
        let file = crate::compile::parse("c.yaml", yaml, None).unwrap();
        let article = Article::new("a.txt", SEED.to_string());
        let report = Report::new(vec![crate::engine::evaluate(&file, &article, &Default::default())]);
        let mut out = Vec::new();
        let opts = Options {
            color,
            sort: Sort::File,
            ..Options::default()
        };
        Human::new(&opts).render(&report, &mut out).unwrap();
        String::from_utf8(out).unwrap()
    }

    /// An archive block, exactly: the claim that passes is only counted ("1 claim", not
    /// "1 claims"), the failing one shows its note and its evidence.
    #[test]
    fn an_archive_block_counts_what_passes_and_shows_notes() {
        let yaml =
            "claims:\n  - {id: ok, claim: c, text: summit}\n  - {id: d, claim: c, date: 2025-03-13, near: [summit]}\n";
        let file = crate::compile::parse("c.yaml", yaml, None).unwrap();
        let article = Article::new("a.txt", "The summit opens on Tuesday 12 March 2025.".into());
        let report = crate::engine::evaluate(&file, &article, &Default::default());
        let opts = Options {
            sort: Sort::File,
            ..Options::default()
        };
        let text = Human::new(&opts).file_text(&report, true);
        assert_eq!(
            text,
            "c.yaml (article: a.txt)\n\n\
             FAIL refuted     d  c.yaml:3:5\n\
             \x20 claim:    c\n\
             \x20 expected: the date 2025-03-13 near summit\n\
             \x20 why:      1 place refutes the claim\n\
             \x20 note:     \"Tuesday 12 March 2025\": 2025-03-12 is a Wednesday, not a Tuesday\n\
             \x20 refutes  a.txt:1:5  (`Tuesday 12 March 2025` read as 2025-03-12, a Wednesday)\n\
             \x20   The [[summit]] opens on [[Tuesday 12 March 2025]].\n\
             \x20   diff:\n\
             \x20     - expected 2025-03-13\n\
             \x20                         ^\n\
             \x20     + found    2025-03-12\n\
             \x20                         ^\n\
             \n\
             \x20 1 claim passed (listed in --format json)\n\n"
        );
    }

    /// The default layout: counts and failing ids on top, the failing claim in full before
    /// the passing one, which takes one line; evidence placed by paragraph and sentence.
    #[test]
    fn failing_claims_come_first_under_a_summary() {
        let yaml = "claims:\n  - {id: ok, claim: Italy observed, all: [Italy, observer]}\n  \
                    - {id: bad, claim: 35 chiefs, number: 35, near: [leaders]}\n  \
                    - {id: warned, claim: no Kiev, absent: Kiev, severity: warning}\n";
        let file = crate::compile::parse("c.yaml", yaml, None).unwrap();
        let article = Article::new("a.txt", SEED.to_string());
        let report = Report::new(vec![crate::engine::evaluate(&file, &article, &Default::default())]);
        let mut out = Vec::new();
        Human::new(&Options::default()).render(&report, &mut out).unwrap();
        let out = String::from_utf8(out).unwrap();
        let lines: Vec<&str> = out.lines().collect();
        assert_eq!(
            lines[..4],
            [
                "1 passed, 1 failed, 1 warning (1 supported, 2 refuted, 0 not found, 0 conflicting)",
                "failed:  c.yaml: bad",
                "warning: c.yaml: warned",
                "",
            ]
        );
        let at = |needle: &str| out.find(needle).unwrap_or_else(|| panic!("{needle} in {out}"));
        assert!(at("FAIL refuted     bad") < at("WARN refuted     warned"));
        assert!(at("WARN refuted     warned") < at("PASS supported   ok"));
        assert!(
            out.contains("PASS supported   ok  c.yaml:2:5  Italy observed\n"),
            "{out}"
        );
        assert!(
            !out.contains("all of Italy, observer"),
            "a passing claim is one line: {out}"
        );
        assert!(out.contains("refutes  a.txt:1:310 ¶1 s3\n"), "{out}");
        // --verbose: the passing claim in full.
        let opts = Options {
            verbose: true,
            ..Options::default()
        };
        let mut out = Vec::new();
        Human::new(&opts).render(&report, &mut out).unwrap();
        assert!(
            String::from_utf8(out)
                .unwrap()
                .contains("expected: all of Italy, observer")
        );
    }

    /// `--sort file`: the first layout, byte for byte the one snapshots keep.
    #[test]
    fn sort_file_keeps_claim_file_order_and_no_summary_on_top() {
        let yaml = "claims:\n  - {id: ok, claim: Italy observed, all: [Italy, observer]}\n  \
                    - {id: bad, claim: 35 chiefs, number: 35, near: [leaders]}\n";
        let out = rendered(yaml, false);
        assert!(
            out.starts_with("c.yaml (article: a.txt)\n\nPASS supported   ok  c.yaml:2:5\n"),
            "{out}"
        );
        assert!(out.find("PASS supported").unwrap() < out.find("FAIL refuted").unwrap());
        assert!(!out.contains('¶'), "{out}");
    }

    #[test]
    fn numbers_are_written_as_format_writes_them() {
        for n in [0, 7, 10, 99, 100, 30_173, usize::MAX] {
            assert_eq!(itoa(n, &mut [0; 20]), n.to_string());
        }
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
