//! Check kinds: one file per YAML check key, all behind [`Check`].
//!
//! A check reads the article index and the term hits and returns a [`Finding`]: evidence that
//! supports or refutes the claim. It never prints and never decides pass or fail; one
//! function, [`verdict`], turns findings into the four verdicts for every kind.
//!
//! To add a kind: a file here with its struct and `impl Check`, a variant of [`CheckKind`],
//! its key in `claims/validate.rs`, and a fixture under `tests/fixtures/`.

mod absent;
mod all;
mod any;
mod date;
pub mod near_miss;
pub mod negation;
mod number;
pub mod pairing;
pub mod quote;
mod regex;
pub mod speaker;
mod text;

use std::borrow::Cow;
use std::ops::Range;

pub use absent::Absent;
pub use all::All;
pub use any::Any;
pub use date::Date;
pub use number::{DEFAULT_WITHIN as NUMBER_WITHIN, Number};
pub use quote::Quote;
pub use regex::Regex;
pub use text::Text;

use crate::article::Article;
use crate::matcher::Hits;
use crate::report::{Diff, Role, Verdict};
use crate::terms::TermTable;

/// What a check sees: the article and where every term of its file occurs.
pub struct Context<'a> {
    pub article: &'a Article,
    pub hits: &'a Hits,
    pub terms: &'a TermTable,
    /// The claim file's `published` (else the article's dateline) and `date-order`.
    pub reading: crate::article::dates::Reading,
}

/// Checks one claim against the article. Never prints; finding nothing is a result, not a pass.
pub trait Check {
    /// What the claim expects, in words, for every report format.
    fn expected(&self, terms: &TermTable) -> String;
    /// The terms it looks for (for `explain`).
    fn terms(&self) -> Vec<crate::terms::TermId>;
    fn evaluate(&self, cx: &Context<'_>) -> Finding;
    /// The verdict on an article where none of [`Check::terms`] occurs, when that needs
    /// nothing else of the article. An archive run counts such a claim without checking it,
    /// so a claim whose terms do not occur costs nothing past the term pass.
    fn without_terms(&self) -> Option<Verdict> {
        None
    }
}

/// Every check kind; the YAML key names the variant.
#[derive(Debug, Clone)]
pub enum CheckKind {
    Text(Text),
    Regex(Regex),
    Quote(Quote),
    Number(Number),
    Date(Date),
    Absent(Absent),
    All(All),
    Any(Any),
}

impl CheckKind {
    /// The YAML key of this kind.
    pub fn key(&self) -> &'static str {
        match self {
            CheckKind::Text(_) => "text",
            CheckKind::Regex(_) => "regex",
            CheckKind::Quote(_) => "quote",
            CheckKind::Number(_) => "number",
            CheckKind::Date(_) => "date",
            CheckKind::Absent(_) => "absent",
            CheckKind::All(_) => "all",
            CheckKind::Any(_) => "any",
        }
    }

    pub fn check(&self) -> &dyn Check {
        match self {
            CheckKind::Text(c) => c,
            CheckKind::Regex(c) => c,
            CheckKind::Quote(c) => c,
            CheckKind::Number(c) => c,
            CheckKind::Date(c) => c,
            CheckKind::Absent(c) => c,
            CheckKind::All(c) => c,
            CheckKind::Any(c) => c,
        }
    }
}

/// `scope`: the unit in which terms must occur together, and the context a report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sentence,
    Paragraph,
    Article,
}

impl Scope {
    /// The ranges of the article's units at this scope.
    pub fn units(self, article: &Article) -> Vec<Range<usize>> {
        match self {
            Scope::Sentence => article.sentences().iter().map(|s| s.range.clone()).collect(),
            Scope::Paragraph => article.paragraphs.iter().map(|p| p.range.clone()).collect(),
            Scope::Article => std::iter::once(0..article.text.len()).collect(),
        }
    }

    /// The context shown for evidence at `at`: its paragraph at paragraph scope, else its
    /// sentence (a whole article is no context).
    pub fn context(self, article: &Article, at: &Range<usize>) -> Range<usize> {
        let unit = match self {
            Scope::Paragraph => article
                .paragraph_at(at.start)
                .map(|i| article.paragraphs[i].range.clone()),
            _ => article.sentence_around(at.start),
        };
        match unit {
            // Evidence that runs past its unit (a regex over two sentences) widens it.
            Some(u) => u.start.min(at.start)..u.end.max(at.end),
            None => at.clone(),
        }
    }

    /// Whether a range lies inside one unit of this scope.
    pub fn holds(self, article: &Article, r: &Range<usize>) -> bool {
        match self {
            Scope::Article => true,
            Scope::Paragraph => {
                article.paragraph_at(r.start) == article.paragraph_at(r.end.saturating_sub(1).max(r.start))
            }
            Scope::Sentence => {
                article.sentence_at(r.start) == article.sentence_at(r.end.saturating_sub(1).max(r.start))
            }
        }
    }
}

/// One piece of evidence as a check reports it: normalized ranges, not yet positions.
#[derive(Debug, Clone)]
pub struct Found {
    pub role: Role,
    /// The matched parts, sorted.
    pub marks: Vec<Range<usize>>,
    /// The sentence or paragraph shown around it.
    pub context: Range<usize>,
    /// Set instead of `context` by checks with many places: the unit is found only for the
    /// places a report keeps ([`Found::around`]).
    pub unit: Option<Scope>,
    pub value: Option<serde_json::Value>,
    /// The day compared, `YYYY-MM-DD`.
    pub date: Option<String>,
    // Boxed and shared: a claim can have thousands of places, most with neither.
    pub diff: Option<Box<Diff>>,
    pub note: Option<std::sync::Arc<str>>,
}

impl Found {
    pub fn new(role: Role, marks: Vec<Range<usize>>, context: Range<usize>) -> Found {
        Found {
            role,
            marks,
            context,
            unit: None,
            value: None,
            date: None,
            diff: None,
            note: None,
        }
    }

    /// A place shown in its `scope`'s unit (sentence or paragraph), found when the report
    /// keeps the place: a claim with 10,000 places never asks for 10,000 sentences.
    pub fn around(role: Role, mark: Range<usize>, scope: Scope) -> Found {
        let mut f = Found::new(role, vec![mark.clone()], mark);
        f.unit = Some(scope);
        f
    }

    /// The context: `context`, or the unit around the first mark.
    pub fn context_in(&self, article: &Article) -> Range<usize> {
        match (self.unit, self.marks.first()) {
            (Some(scope), Some(m)) => scope.context(article, m),
            _ => self.context.clone(),
        }
    }

    pub fn note(mut self, note: impl Into<std::sync::Arc<str>>) -> Found {
        self.note = Some(note.into());
        self
    }
}

/// What a check found.
#[derive(Debug, Clone)]
pub struct Finding {
    pub evidence: Vec<Found>,
    /// For a claim with no evidence, the closest thing the article has.
    pub nearest: Option<Found>,
    /// The verdict when there is no evidence: `not_found`, except for `absent`.
    pub none_means: Verdict,
    /// Why the verdict is what it is, when the check can say more than the default.
    pub explanation: Option<Cow<'static, str>>,
    pub notes: Vec<String>,
}

impl Finding {
    pub fn new(evidence: Vec<Found>) -> Finding {
        Finding {
            evidence,
            nearest: None,
            none_means: Verdict::NotFound,
            explanation: None,
            notes: Vec::new(),
        }
    }
}

/// The one rule for every kind: both sides is `conflicting`, one side names the verdict,
/// no evidence is `not_found` (silence is never a pass) unless the kind says otherwise.
pub fn verdict(f: &Finding) -> Verdict {
    let supports = f.evidence.iter().any(|e| e.role == Role::Supports);
    let refutes = f.evidence.iter().any(|e| e.role == Role::Refutes);
    match (supports, refutes) {
        (true, true) => Verdict::Conflicting,
        (true, false) => Verdict::Supported,
        (false, true) => Verdict::Refuted,
        (false, false) => f.none_means,
    }
}

/// Polarity shared by `all`, `any` and `text`: evidence whose clauses carry a negation cue
/// supports a `negated: true` claim and refutes a `negated: false` one.
pub fn polarity_role(article: &Article, marks: &[Range<usize>], negated: bool) -> (Role, Option<String>) {
    let cue = negation::cue_in_clauses(article, marks);
    let role = if cue.is_some() == negated {
        Role::Supports
    } else {
        Role::Refutes
    };
    let note = match (&cue, negated) {
        (Some(c), false) => Some(format!(
            "negation cue `{c}` in its clause: the article says the opposite"
        )),
        (Some(c), true) => Some(format!("negation cue `{c}` in its clause")),
        (None, true) => Some("no negation cue in its clause: the article says the opposite".to_string()),
        (None, false) => None,
    };
    (role, note)
}

#[cfg(test)]
pub(crate) mod testutil {
    //! Runs one claim, written as YAML, against the seed article (or any text).
    use crate::article::Article;
    use crate::article::tests::SEED;
    use crate::report::{ClaimResult, Verdict};

    pub fn run_on(text: &str, claim_yaml: &str) -> ClaimResult {
        let yaml = format!("claims:\n{}", indent(claim_yaml));
        let file = crate::claims::parse("test.yaml", &yaml, None).unwrap_or_else(|e| panic!("{e:?}"));
        let article = Article::new("seed.txt", text.to_string());
        let mut report = crate::engine::evaluate(&file, &article, &crate::engine::Policy::default());
        report.claims.remove(0)
    }

    pub fn run(claim_yaml: &str) -> ClaimResult {
        run_on(SEED, claim_yaml)
    }

    pub fn verdict(claim_yaml: &str) -> Verdict {
        run(claim_yaml).verdict
    }

    fn indent(s: &str) -> String {
        let mut out = String::new();
        for (i, line) in s.trim().lines().enumerate() {
            out.push_str(if i == 0 { "  - " } else { "    " });
            out.push_str(line.trim());
            out.push('\n');
        }
        out
    }
}
