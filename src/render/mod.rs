//! Renderers: one file per `--format` value, each reading only the [`Report`].
//!
//! No renderer searches, counts or decides: verdicts, positions and diffs come from the
//! result model, so every format agrees.

mod github;
mod html;
mod human;
mod json;
mod junit;
mod markdown;
mod sarif;

use std::io::{self, Write};

use crate::report::{ClaimResult, Evidence, FileReport, Report, Role, Status, Summary};

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people at a terminal: one block per claim, evidence and diffs.
    Human,
    /// Versioned JSON (`"schema": "claimcheck/1"`), for tools.
    Json,
    /// GitHub Actions workflow commands, one annotation per claim that did not pass
    /// (<https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions>).
    Github,
    /// JUnit XML: a test suite per claim file, a test case per claim, for CI dashboards
    /// (<https://github.com/testmoapp/junitxml>).
    Junit,
    /// SARIF 2.1.0: a rule per check kind, a result per claim that did not pass, for code
    /// scanning (<https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>).
    Sarif,
    /// Markdown for a pull request or an editor: summary table, failing claims first, diffs
    /// (<https://github.github.com/gfm/>).
    Markdown,
    /// One self-contained HTML page: the article with coloured evidence beside the claims.
    Html,
}

/// Evidence places the human report lists per claim unless `--max-evidence` says otherwise.
pub(crate) const DEFAULT_SHOWN: usize = 20;

/// What a format needs from the run that builds its report, so a run builds what the
/// format reads and no more. Whether a format is written as the run goes is
/// [`Stream::new`]'s answer.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Needs {
    /// A copy of the article's text in the report: the HTML page shows the article whole.
    pub article_source: bool,
    /// What no claim checks (`uncovered`): the JSON report lists it, as `coverage` does.
    pub coverage: bool,
    /// Evidence places kept per claim unless `--max-evidence` says otherwise; `None` keeps
    /// every one.
    pub evidence: Option<usize>,
    /// In a report of several articles, claims that pass are only counted: the human report
    /// lists only what did not pass.
    pub passing_counted_in_archive: bool,
}

impl Format {
    /// What this format reads of a report.
    pub fn needs(self) -> Needs {
        let human = self == Format::Human;
        Needs {
            article_source: self == Format::Html,
            coverage: self == Format::Json,
            evidence: human.then_some(DEFAULT_SHOWN),
            passing_counted_in_archive: human,
        }
    }
}

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// ANSI colours (a terminal that wants them).
    pub color: bool,
    /// How many evidence places the human report lists per claim before "and N more".
    pub max_shown: Option<usize>,
    /// The order of the human report's claims.
    pub sort: Sort,
    /// The human report writes passing claims in full, not one line each.
    pub verbose: bool,
}

/// The order of the human report (`--sort`).
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, clap::ValueEnum)]
pub enum Sort {
    /// A summary first, failing claims first, passing claims one line each (`--verbose`:
    /// in full), evidence placed by paragraph and sentence too.
    #[default]
    Status,
    /// Every claim in full, in claim-file order, as snapshots and older scripts read it.
    File,
}

/// Writes the whole report in `format`.
pub fn render(report: &Report, format: Format, opts: &Options, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::Human::new(opts).render(report, w),
        Format::Json => json::render(report, w),
        Format::Github => github::render(report, w),
        Format::Junit => junit::render(report, w),
        Format::Sarif => sarif::render(report, w),
        Format::Markdown => markdown::render(report, w),
        Format::Html => html::render(report, w),
    }
}

/// A report written file by file while the run goes on, in the formats whose output is the
/// files in order then the summary (human, JSON): an archive run holds one file's results
/// at a time instead of every claim's result for every article. The bytes are those
/// [`render`] writes for the whole report.
#[derive(Clone)]
pub struct Stream(Streaming);

/// Each streaming format's state, private: a renderer's types are no part of the library.
#[derive(Clone)]
enum Streaming {
    Human { human: human::Human, archive: bool },
    Json(json::Stream),
}

impl Stream {
    /// `None` for the formats that need the whole report first (failing claims first,
    /// totals at the top). `archive`: the run checks more than one article.
    pub fn new(format: Format, opts: &Options, archive: bool) -> Option<Stream> {
        match format {
            Format::Human => Some(Stream(Streaming::Human {
                human: human::Human::new(opts),
                archive,
            })),
            Format::Json => Some(Stream(Streaming::Json(json::Stream::default()))),
            _ => None,
        }
    }

    /// Writes what comes before the first file's part.
    pub fn begin(&mut self, w: &mut dyn Write) -> io::Result<()> {
        match &mut self.0 {
            Streaming::Human { .. } => Ok(()),
            Streaming::Json(s) => s.begin(w),
        }
    }

    /// One file's part of the report, on its own: a run renders each article's report on
    /// the thread that checked it (and frees it there), then writes the parts in order.
    pub fn body(&self, f: &FileReport) -> io::Result<Vec<u8>> {
        match &self.0 {
            Streaming::Human { human, archive } => Ok(human.file_text(f, *archive).into_bytes()),
            Streaming::Json(_) => {
                let mut out = Vec::new();
                json::pretty(f, "    ", &mut out)?;
                Ok(out)
            }
        }
    }

    /// Writes a part from [`Stream::body`], after what separates it from the one before.
    pub fn rendered(&mut self, body: &[u8], w: &mut dyn Write) -> io::Result<()> {
        if let Streaming::Json(s) = &mut self.0 {
            s.separate(w)?;
        }
        w.write_all(body)
    }

    /// Writes what comes after the last file's part: the run's summary.
    pub fn end(&mut self, summary: &Summary, w: &mut dyn Write) -> io::Result<()> {
        match &mut self.0 {
            Streaming::Human { human, .. } => human.summary(summary, w),
            Streaming::Json(s) => s.end(summary, w),
        }
    }
}

/// One claim with where it sits in the report.
struct Entry<'a> {
    report: &'a FileReport,
    claim: &'a ClaimResult,
}

/// Every claim of the report, failing first, then warnings, then passing; file order within.
fn failing_first(report: &Report) -> Vec<Entry<'_>> {
    let mut all: Vec<Entry<'_>> = report
        .files
        .iter()
        .flat_map(|r| r.claims.iter().map(move |claim| Entry { report: r, claim }))
        .collect();
    all.sort_by_key(|e| e.claim.status());
    all
}

/// Where a claim that did not pass points in the article: its first refuting evidence, else
/// its first evidence. `None` when the article has none: the failure is the claim's own.
fn primary(c: &ClaimResult) -> Option<&Evidence> {
    c.evidence
        .iter()
        .find(|e| e.role == Role::Refutes)
        .or_else(|| c.evidence.first())
}

/// The summary in words, as every format prints it: `9 passed, 3 failed, 1 warning (9
/// supported, …)`. The verdict counts stay on the same line, so it never reads as a test
/// runner's closing line.
fn summary_line(s: &Summary) -> String {
    let v = &s.verdicts;
    let mut line = format!("{} passed, {} failed", s.passed, s.failed);
    if s.warnings > 0 {
        line.push_str(&format!(
            ", {} warning{}",
            s.warnings,
            if s.warnings == 1 { "" } else { "s" }
        ));
    }
    line.push_str(&format!(
        " ({} supported, {} refuted, {} not found, {} conflicting)",
        v.supported, v.refuted, v.not_found, v.conflicting
    ));
    line
}

/// `Status` as a lowercase word for class names and properties.
fn status_word(s: Status) -> &'static str {
    match s {
        Status::Fail => "fail",
        Status::Warn => "warn",
        Status::Pass => "pass",
    }
}

/// Text for XML (JUnit) and HTML, in element content and in quoted attribute values: the five
/// markup characters as references, and the characters XML 1.0 forbids (C0 controls other
/// than tab and line breaks, U+FFFE, U+FFFF) as U+FFFD, so a consumer's parser never stops.
fn escape_markup(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for c in s.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\t' | '\n' | '\r' => out.push(c),
            c if c < ' ' || c == '\u{FFFE}' || c == '\u{FFFF}' => out.push('\u{FFFD}'),
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A Word document's places are `¶paragraph:character` in every format that prints one;
    /// JSON and SARIF keep the numbers and say what they count.
    #[test]
    fn paragraph_positions_in_every_format() {
        use crate::article::source::{Extracted, Positions, SourceFormat};
        // The source a Word reader builds: the document's paragraphs, one per line.
        let source =
            "Army chiefs met in Paris.\nItaly was there only as an observer, and no Turkish general.".to_string();
        let mut x = Extracted::default();
        for line in [0..25, 26..source.len()] {
            x.start_block(crate::article::segment::BlockKind::Paragraph);
            x.copy(&source, line);
        }
        x.positions = Positions::Paragraphs;
        let article =
            crate::article::Article::from_extracted("story.docx", source.clone(), SourceFormat::Docx, x.finish());
        let yaml = "claims:\n  - {id: a, claim: c, all: [Italy, China]}\n  - {id: b, claim: c, all: [Italy, observer], negated: true}";
        let file = crate::compile::parse("c.yaml", yaml, None).unwrap();
        let report = Report::new(vec![crate::engine::evaluate(&file, &article, &Default::default())]);
        let out = |f: Format| {
            let mut w = Vec::new();
            render(&report, f, &Options::default(), &mut w).unwrap();
            String::from_utf8(w).unwrap()
        };
        for f in [
            Format::Human,
            Format::Junit,
            Format::Markdown,
            Format::Html,
            Format::Github,
        ] {
            let text = out(f);
            assert!(text.contains("story.docx \u{b6}2:1"), "{f:?}: {text}");
            assert!(!text.contains("story.docx:2:1"), "{f:?}: {text}");
        }
        assert!(out(Format::Json).contains("\"positions\": \"paragraphs\""));
        assert!(out(Format::Sarif).contains("\"articlePositions\": \"paragraphs\""));
        assert!(
            !out(Format::Github).contains("file=story.docx,line="),
            "no line GitHub could show"
        );
    }

    #[test]
    fn markup_escapes_the_five_characters_and_drops_what_xml_forbids() {
        assert_eq!(
            escape_markup("a<b & \"c\" 'd'>\u{1}\t"),
            "a&lt;b &amp; &quot;c&quot; &#39;d&#39;&gt;\u{FFFD}\t"
        );
    }
}
