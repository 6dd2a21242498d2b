//! The result model: everything a renderer may show, and nothing it must compute.
//!
//! Checks return evidence as normalized ranges; [`crate::engine`] turns them into these types
//! once (source offsets, `line:column`), so every output format agrees on every position.
//! Renderers read a [`Report`] and never recompute a verdict.
//!
//! ## Wire format (`--format json`, schema `claimcheck/1`)
//!
//! `{"schema": "claimcheck/1", "files": [FileReport], "summary": Summary}`. Fields are only
//! ever added within `claimcheck/1`; a removal or change of meaning bumps the schema.

pub mod diff;

use std::borrow::Cow;
use std::sync::Arc;

use serde::Serialize;

pub use diff::Diff;

/// The schema name and version of the JSON report.
pub const SCHEMA: &str = "claimcheck/1";

/// The four verdicts of the claim format.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The article says what the claim says.
    Supported,
    /// The article says otherwise (another figure, day, wording or speaker).
    Refuted,
    /// Nothing in the article bears on the claim.
    NotFound,
    /// The article both supports and refutes the claim.
    Conflicting,
}

impl Verdict {
    /// Every verdict, in the order reports count them.
    pub const ALL: [Verdict; 4] = [
        Verdict::Supported,
        Verdict::Refuted,
        Verdict::NotFound,
        Verdict::Conflicting,
    ];

    /// The contract's word for it.
    pub fn as_str(self) -> &'static str {
        match self {
            Verdict::Supported => "supported",
            Verdict::Refuted => "refuted",
            Verdict::NotFound => "not_found",
            Verdict::Conflicting => "conflicting",
        }
    }
}

/// What a claim that does not pass does to the run (`severity:` in the claim file).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    /// It fails the run (the default).
    Error,
    /// It is reported and counted, and never fails the run.
    Warning,
}

/// Whether a piece of evidence speaks for or against the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    /// The place says what the claim says.
    Supports,
    /// The place says otherwise.
    Refutes,
    /// Shown to help (the nearest span of a claim not found), but neither.
    Nearest,
}

impl Role {
    /// The role as one word, as JSON spells it: every format says roles the same way.
    pub fn as_str(self) -> &'static str {
        match self {
            Role::Supports => "supports",
            Role::Refutes => "refutes",
            Role::Nearest => "nearest",
        }
    }
}

/// A span of the article: source byte offsets and 1-based line/column (columns in
/// characters); `end_*` is exclusive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Span {
    /// Byte offset of the first byte in the article's source.
    pub start: usize,
    /// Byte offset past the last byte.
    pub end: usize,
    /// Line of `start`, from 1.
    pub line: usize,
    /// Column of `start`, from 1, in characters.
    pub column: usize,
    /// Line of `end`.
    pub end_line: usize,
    /// Column of `end` (exclusive).
    pub end_column: usize,
    /// The text of the span as the article writes it (white space runs as one space,
    /// markup gone, entities decoded).
    pub text: String,
    /// The span in the article's text as read ([`FileReport::article_source`]): the source
    /// range for plain text, the extracted words' range for Markdown, HTML or Word.
    #[serde(skip)]
    pub in_text: std::ops::Range<usize>,
}

/// One place in the article that bears on a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    /// For or against the claim, or only the nearest thing found.
    pub role: Role,
    /// From the first mark to the last; `text` is the evidence as the article says it.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence (or paragraph, with `scope: paragraph`) that holds it.
    pub sentence: String,
    /// The parts of the evidence that matched (terms, the number, the quotation).
    pub marks: Vec<Span>,
    /// The number compared, normalized (`800000`, `0.5`), for `number` claims (a date's day
    /// is in `date`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// The day compared, `YYYY-MM-DD`, for dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Expected against found, for refuting evidence. Shared: the same diff recurs across
    /// the places and articles of a run.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Arc<Diff>>,
    /// Why this evidence counts the way it does.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<Arc<str>>,
    /// The marks as byte ranges of `sentence`, for renderers that highlight inside it.
    #[serde(skip)]
    pub sentence_marks: Vec<std::ops::Range<usize>>,
    /// Paragraph and sentence in it (from 1) where the evidence starts, as an editor counts
    /// them (the human report's `¶4 s2`); `None` outside any sentence.
    #[serde(skip)]
    pub reading_place: Option<(usize, usize)>,
}

/// A claim's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimResult {
    /// The claim's `id:`.
    pub id: Arc<str>,
    /// The claim's `claim:`, the fact in the editor's words.
    pub claim: Arc<str>,
    /// The check key (`text`, `number`, …).
    pub kind: &'static str,
    /// What the claim expects, in words ("all of Italy, observer in one sentence").
    pub expected: Arc<str>,
    /// What the article says about the claim.
    pub verdict: Verdict,
    /// Whether the verdict is one the run's [`crate::engine::Policy`] passes.
    pub passed: bool,
    /// What not passing does to the run.
    pub severity: Severity,
    /// Where the claim is written in its claim file: line, from 1.
    pub line: usize,
    /// Column of the claim in its file, from 1.
    pub column: usize,
    /// The evidence places kept (all of them unless `--max-evidence` says otherwise).
    pub evidence: Vec<Evidence>,
    /// How many evidence places the article has, kept or not.
    pub evidence_count: usize,
    /// For a claim with no evidence: the closest span the article has, if any.
    /// Boxed (and `diff` shared): a result is built per claim and article (millions in an
    /// archive audit) and most have neither.
    pub nearest: Option<Box<Evidence>>,
    /// The diff of the first refuting evidence (shared with that evidence when it is kept).
    pub diff: Option<Arc<Diff>>,
    /// Mostly one of a few fixed sentences: borrowed, not allocated per result.
    pub explanation: Cow<'static, str>,
    /// Remarks on the evidence (a weekday that contradicts its date, …).
    pub notes: Vec<String>,
}

impl ClaimResult {
    /// Fails the run: an error-severity claim that did not pass.
    pub fn fails_run(&self) -> bool {
        !self.passed && self.severity == Severity::Error
    }

    /// Pass, warn or fail, as every format labels it.
    pub fn status(&self) -> Status {
        match (self.passed, self.severity) {
            (true, _) => Status::Pass,
            (false, Severity::Warning) => Status::Warn,
            (false, Severity::Error) => Status::Fail,
        }
    }
}

/// What a claim's result means for the run; ordered so that sorting puts failures first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Status {
    /// An error-severity claim that did not pass: it fails the run.
    Fail,
    /// A `severity: warning` claim that did not pass: reported, never fails the run (but
    /// counts toward `--max-warnings`).
    Warn,
    /// The claim passed.
    Pass,
}

impl Status {
    /// `FAIL`, `WARN`, `PASS`, as the human report prints it.
    pub fn label(self) -> &'static str {
        match self {
            Status::Fail => "FAIL",
            Status::Warn => "WARN",
            Status::Pass => "PASS",
        }
    }
}

/// The results of one claim file against one article.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FileReport {
    /// The claim file, relative as given.
    pub path: String,
    /// The article it was checked against.
    pub article: String,
    /// One result per claim, in claim file order (those only counted left out).
    pub claims: Vec<ClaimResult>,
    /// Verdicts of passing claims counted but not listed in `claims` (a human archive
    /// report, see [`crate::engine::Limits::passing_counted_only`]); zero otherwise.
    #[serde(skip)]
    pub omitted: Counts,
    /// The article's text as read (for Markdown, HTML or Word, its words without markup, in
    /// blocks): evidence [`Span::in_text`] ranges are byte offsets into it. For renderers that
    /// show the whole article (`--format html`); not part of the JSON report. Empty unless
    /// asked for ([`crate::engine::Limits::article_source`]).
    #[serde(skip)]
    pub article_source: std::sync::Arc<str>,
    /// How positions count in the article: `lines` (`line:column`), or `paragraphs` for a
    /// Word document (`¶paragraph:character`, shown so in every report; JSON and SARIF
    /// keep the numbers and this field says what they count). Left out for lines.
    #[serde(skip_serializing_if = "is_lines")]
    pub positions: crate::article::source::Positions,
    /// What reading the article decided that its reader should know (a `.txt` that is
    /// plainly HTML, read as HTML). Left out when there is none.
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub notes: Vec<String>,
    /// Sentences with a figure, quotation or date that no claim checks (`claimcheck coverage`,
    /// and `check --format json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncovered: Option<Vec<Uncovered>>,
}

fn is_lines(p: &crate::article::source::Positions) -> bool {
    *p == crate::article::source::Positions::Lines
}

/// An article as reports name places in it.
#[derive(Debug, Clone, Copy)]
pub struct ArticleRef<'a> {
    /// The article's path as shown.
    pub path: &'a str,
    /// How its positions count.
    pub positions: crate::article::source::Positions,
}

impl ArticleRef<'_> {
    /// `article:7:176`, or `article ¶7:176` when positions count a Word document's
    /// paragraphs: every report that prints a place in the article prints it so.
    pub fn at(&self, line: usize, column: usize) -> String {
        match self.positions {
            crate::article::source::Positions::Lines => format!("{}:{line}:{column}", self.path),
            crate::article::source::Positions::Paragraphs => format!("{} \u{b6}{line}:{column}", self.path),
        }
    }
}

/// A sentence holding facts no claim checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncovered {
    /// Where the sentence starts in the article: line, from 1.
    pub line: usize,
    /// Column of the sentence's start, from 1.
    pub column: usize,
    /// The sentence as written.
    pub sentence: String,
    /// The facts in it that no claim checks.
    pub items: Vec<UncoveredItem>,
}

/// A figure, date or quotation that no claim's evidence touches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UncoveredItem {
    /// `number`, `date` or `quote`.
    pub kind: &'static str,
    /// Where it is in the article.
    #[serde(flatten)]
    pub span: Span,
}

/// How many claims got each verdict.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    /// Claims [`Verdict::Supported`].
    pub supported: usize,
    /// Claims [`Verdict::Refuted`].
    pub refuted: usize,
    /// Claims [`Verdict::NotFound`].
    pub not_found: usize,
    /// Claims [`Verdict::Conflicting`].
    pub conflicting: usize,
}

/// The totals of a run (or of one file): what decides the exit code.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    /// Claims checked, those only counted included.
    pub claims: usize,
    /// Claims that passed.
    pub passed: usize,
    /// Error-severity claims that did not pass: these fail the run.
    pub failed: usize,
    /// Warning-severity claims that did not pass.
    pub warnings: usize,
    /// Claims by verdict.
    pub verdicts: Counts,
}

impl FileReport {
    /// The article, as reports name places in it.
    pub fn article_ref(&self) -> ArticleRef<'_> {
        ArticleRef {
            path: &self.article,
            positions: self.positions,
        }
    }

    /// The counts of this file alone, as [`Report::new`] counts a run.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        s.add(self);
        s
    }
}

impl Counts {
    /// Counts one claim with verdict `v`.
    pub fn add(&mut self, v: Verdict) {
        *match v {
            Verdict::Supported => &mut self.supported,
            Verdict::Refuted => &mut self.refuted,
            Verdict::NotFound => &mut self.not_found,
            Verdict::Conflicting => &mut self.conflicting,
        } += 1;
    }

    /// Claims counted, every verdict.
    pub fn total(&self) -> usize {
        self.supported + self.refuted + self.not_found + self.conflicting
    }
}

impl Summary {
    /// Counts a file's results in, those only counted too (all passed).
    pub fn add(&mut self, file: &FileReport) {
        let o = &file.omitted;
        self.claims += o.total();
        self.passed += o.total();
        self.verdicts.supported += o.supported;
        self.verdicts.refuted += o.refuted;
        self.verdicts.not_found += o.not_found;
        self.verdicts.conflicting += o.conflicting;
        for c in &file.claims {
            self.claims += 1;
            if c.passed {
                self.passed += 1;
            } else if c.severity == Severity::Error {
                self.failed += 1;
            } else {
                self.warnings += 1;
            }
            self.verdicts.add(c.verdict);
        }
    }

    /// Adds the counts of another summary (of files counted apart).
    pub fn merge(&mut self, other: &Summary) {
        self.claims += other.claims;
        self.passed += other.passed;
        self.failed += other.failed;
        self.warnings += other.warnings;
        let (v, o) = (&mut self.verdicts, &other.verdicts);
        v.supported += o.supported;
        v.refuted += o.refuted;
        v.not_found += o.not_found;
        v.conflicting += o.conflicting;
    }
}

/// Everything one run found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Report {
    /// Always [`SCHEMA`]: the JSON report's name and version.
    pub schema: &'static str,
    /// One per claim file and article checked, in run order.
    pub files: Vec<FileReport>,
    /// The totals of `files`.
    pub summary: Summary,
}

impl Report {
    /// A run's report of these files, with their totals.
    pub fn new(files: Vec<FileReport>) -> Report {
        let mut summary = Summary::default();
        for f in &files {
            summary.add(f);
        }
        Report {
            schema: SCHEMA,
            files,
            summary,
        }
    }

    /// True when every error-severity claim passed.
    pub fn passed(&self) -> bool {
        self.summary.failed == 0
    }
}

/// `1 claim`, `2 claims`: a count with its noun, for every message that counts.
#[doc(hidden)] // pub for the binary (a separate crate), whose messages count the same way
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
