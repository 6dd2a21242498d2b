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
    Supported,
    Refuted,
    NotFound,
    Conflicting,
}

impl Verdict {
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Error,
    Warning,
}

/// Whether a piece of evidence speaks for or against the claim.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Role {
    Supports,
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
    pub start: usize,
    pub end: usize,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// The text of the span as the article writes it (white space runs as one space).
    pub text: String,
}

/// One place in the article that bears on a claim.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evidence {
    pub role: Role,
    /// From the first mark to the last; `text` is the evidence as the article says it.
    #[serde(flatten)]
    pub span: Span,
    /// The sentence (or paragraph, with `scope: paragraph`) that holds it.
    pub sentence: String,
    /// The parts of the evidence that matched (terms, the number, the quotation).
    pub marks: Vec<Span>,
    /// The number compared, normalized (`800000`); a date's day is in `date`.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<serde_json::Value>,
    /// The day compared, `YYYY-MM-DD`, for dates.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
    /// Expected against found, for refuting evidence.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub diff: Option<Diff>,
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
    pub id: Arc<str>,
    pub claim: Arc<str>,
    /// The check key (`text`, `number`, …).
    pub kind: &'static str,
    /// What the claim expects, in words ("all of Italy, observer in one sentence").
    pub expected: Arc<str>,
    pub verdict: Verdict,
    pub passed: bool,
    pub severity: Severity,
    /// Where the claim is written in its claim file.
    pub line: usize,
    pub column: usize,
    /// The evidence places kept (all of them unless `--max-evidence` says otherwise).
    pub evidence: Vec<Evidence>,
    /// How many evidence places the article has, kept or not.
    pub evidence_count: usize,
    /// For a claim with no evidence: the closest span the article has, if any.
    /// Boxed, like `diff`: a result is built per claim and article (millions in an archive
    /// audit) and most have neither.
    pub nearest: Option<Box<Evidence>>,
    /// The diff of the first refuting evidence.
    pub diff: Option<Box<Diff>>,
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
    pub claims: Vec<ClaimResult>,
    /// Verdicts of passing claims counted but not listed in `claims` (a human archive
    /// report, see [`crate::engine::Limits::passing_counted_only`]); zero otherwise.
    #[serde(skip)]
    pub omitted: Counts,
    /// The article's text as read: evidence `start`/`end` are byte offsets into it. For
    /// renderers that show the whole article (`--format html`); not part of the JSON report.
    /// Empty unless asked for ([`crate::engine::Limits::article_source`]).
    #[serde(skip)]
    pub article_source: std::sync::Arc<str>,
    /// Sentences with a figure, quotation or date that no claim checks (`claimcheck coverage`,
    /// and `check --format json`).
    #[serde(skip_serializing_if = "Option::is_none")]
    pub uncovered: Option<Vec<Uncovered>>,
}

/// A sentence holding facts no claim checks.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Uncovered {
    pub line: usize,
    pub column: usize,
    /// The sentence as written.
    pub sentence: String,
    pub items: Vec<UncoveredItem>,
}

/// A figure, date or quotation that no claim's evidence touches.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct UncoveredItem {
    /// `number`, `date` or `quote`.
    pub kind: &'static str,
    #[serde(flatten)]
    pub span: Span,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Counts {
    pub supported: usize,
    pub refuted: usize,
    pub not_found: usize,
    pub conflicting: usize,
}

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Summary {
    pub claims: usize,
    pub passed: usize,
    /// Error-severity claims that did not pass: these fail the run.
    pub failed: usize,
    /// Warning-severity claims that did not pass.
    pub warnings: usize,
    pub verdicts: Counts,
}

impl FileReport {
    /// The counts of this file alone, as [`Report::new`] counts a run.
    pub fn summary(&self) -> Summary {
        let mut s = Summary::default();
        s.add(self);
        s
    }
}

impl Counts {
    pub fn add(&mut self, v: Verdict) {
        *match v {
            Verdict::Supported => &mut self.supported,
            Verdict::Refuted => &mut self.refuted,
            Verdict::NotFound => &mut self.not_found,
            Verdict::Conflicting => &mut self.conflicting,
        } += 1;
    }

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
    pub schema: &'static str,
    pub files: Vec<FileReport>,
    pub summary: Summary,
}

impl Report {
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
pub fn counted(n: usize, noun: &str) -> String {
    if n == 1 {
        format!("1 {noun}")
    } else {
        format!("{n} {noun}s")
    }
}
