//! Check kinds: one file per YAML check key, all behind [`Check`].
//!
//! A check reads the article index and the term hits and returns a [`Finding`]: evidence that
//! supports or refutes the claim. It never prints and never decides pass or fail; one
//! function, [`verdict`], turns findings into the four verdicts for every kind.
//!
//! Each kind's file holds all of it: how it is built from its claim (`build`, reading the
//! claim through [`Spec`], with its default scope), how it is evaluated, and how `explain`
//! tells it ([`Check::reads`], [`Check::why_not`]). The kinds are listed once, in the
//! `kinds!` table below, which makes [`CheckKind`] and [`KINDS`]; a test holds that table to
//! the key table of `claims::keys` and to the JSON Schema.
//!
//! To add a kind (the one recipe; the README points here):
//! 1. a file here with its struct, `pub fn build(spec: &mut dyn Spec) -> Option<Self>` (its
//!    default scope is there) and `impl Check` (`reads` and `why_not` say how `explain`
//!    tells it); a `//!` doc (what it checks, supported when, refuted when, example) and
//!    unit tests on real sentences (`testutil` runs a claim written as YAML);
//! 2. its `mod` and `pub use` lines at the top of this file and its line in the `kinds!`
//!    table below;
//! 3. its key in the key table, `claims/keys.rs` (a `Role::Check` key with its value's
//!    shape, and its name in the `applies_to` of the modifiers it takes): the loader and
//!    `claimcheck schema` read it from there. A value of a new shape needs a method of
//!    [`Spec`], implemented in `claims/validate/values.rs`;
//! 4. a claim of the new kind in `table_tests::EVERY_KIND` below (the test fails until it is
//!    there), one in a shipped claim file under `claims/` (the example snapshots then show
//!    it: `INSTA_UPDATE=always cargo test`, and read the diff), and the schema regenerated:
//!    `claimcheck schema > schema/claimcheck.schema.json`.

mod absent;
mod all;
mod any;
mod date;
pub(crate) mod memo;
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
pub use memo::Memo;
pub use number::{DEFAULT_WITHIN as NUMBER_WITHIN, Number};
pub use quote::Quote;
pub use regex::Regex;
pub use text::Text;

use crate::article::Article;
use crate::matcher::Hits;
use crate::report::diff::DiffOf;
use crate::report::{Role, Verdict};
use crate::terms::{TermId, TermTable};

/// What a check sees: the article and where every term of its file occurs.
pub struct Context<'a> {
    pub article: &'a Article,
    pub hits: &'a Hits,
    pub terms: &'a TermTable,
    /// The claim file's `published` (else the article's dateline) and `date-order`.
    pub reading: crate::article::dates::Reading,
    /// Answers other claims of the file already got from this article.
    pub memo: &'a Memo,
}

/// Checks one claim against the article. Never prints; finding nothing is a result, not a pass.
pub trait Check {
    /// What the claim expects, in words, for every report format.
    fn expected(&self, terms: &TermTable) -> String;
    /// The terms it looks for (for `explain`).
    fn terms(&self) -> Vec<TermId>;
    fn evaluate(&self, cx: &Context<'_>) -> Finding;
    /// The verdict on an article where none of [`Check::terms`] occurs, when that needs
    /// nothing else of the article. An archive run counts such a claim without checking it,
    /// so a claim whose terms do not occur costs nothing past the term pass.
    fn without_terms(&self) -> Option<Verdict> {
        None
    }
    /// What a claim of this kind without terms reads in the article (`explain`: "it reads
    /// the article's quotations directly").
    fn reads(&self) -> &'static str;
    /// Places it reads besides its terms' hits (a quote's quotations), for the sentences
    /// `explain` considers.
    fn mentions(&self, _article: &Article) -> Vec<Range<usize>> {
        Vec::new()
    }
    /// Why a sentence it considered gave no evidence, for `explain`.
    fn why_not(&self, cx: &Context<'_>, sentence: &Range<usize>) -> String;
}

/// The one table of kinds: each line names a kind's variant of [`CheckKind`] (and its
/// struct) and its YAML key. It makes [`CheckKind`], [`CheckKind::key`],
/// [`CheckKind::check`] and [`KINDS`], so nothing else lists the kinds.
macro_rules! kinds {
    ($($variant:ident = $key:literal),* $(,)?) => {
        /// Every check kind; the YAML key names the variant.
        #[derive(Debug, Clone)]
        pub enum CheckKind {
            $(#[doc = concat!("A `", $key, ":` claim.")] $variant($variant)),*
        }

        impl CheckKind {
            /// The YAML key of this kind.
            pub fn key(&self) -> &'static str {
                match self {
                    $(CheckKind::$variant(_) => $key),*
                }
            }

            /// The check itself, behind the one trait every kind implements.
            pub fn check(&self) -> &dyn Check {
                match self {
                    $(CheckKind::$variant(c) => c),*
                }
            }
        }

        /// Every kind by its YAML key, with how it is built from its claim.
        pub const KINDS: &[Kind] = &[
            $(Kind { key: $key, build: |spec| $variant::build(spec).map(CheckKind::$variant) }),*
        ];
    };
}

kinds! {
    Text = "text",
    Regex = "regex",
    Quote = "quote",
    Number = "number",
    Date = "date",
    Absent = "absent",
    All = "all",
    Any = "any",
}

/// A kind of [`KINDS`].
pub struct Kind {
    /// Its key in a claim (`text`, `number`, ...).
    pub key: &'static str,
    /// Builds the check from its claim; `None` once the problems are recorded in `spec`.
    pub build: fn(&mut dyn Spec) -> Option<CheckKind>,
}

/// The kind with this YAML key.
pub fn kind(key: &str) -> Option<&'static Kind> {
    KINDS.iter().find(|k| k.key == key)
}

/// A claim's check key and modifiers as a kind's `build` reads them. The loader implements
/// it over the YAML and records every problem with its place, so a kind never sees YAML and
/// the loader never names a kind: the arrows go from `claims` to `checks` only.
pub trait Spec {
    /// The modifiers, read first so their problems are reported even when the value is wrong
    /// too; `default` is the kind's scope when the claim names none.
    fn modifiers(&mut self, default: Scope) -> Modifiers;
    /// The value as non-empty text.
    fn text(&mut self) -> Option<String>;
    /// The value as a phrase term of its own (no entity aliases), in the claim's `case`.
    fn phrase(&mut self, phrase: &str) -> TermId;
    /// The value as a regex, checked, and its term.
    fn regex(&mut self) -> Option<(String, TermId)>;
    /// The value as a list of terms.
    fn terms(&mut self) -> Option<Vec<TermId>>;
    /// The value as a term or a list of terms.
    fn term_or_terms(&mut self) -> Option<Vec<TermId>>;
    /// The value as a number or a `{min, max}` range.
    fn number(&mut self) -> Option<(Option<f64>, Option<f64>)>;
    /// The value as a day, `YYYY-MM-DD`.
    fn day(&mut self) -> Option<crate::date::Date>;
    /// `by`: the speaker's term (an entity when it names one); `Some(None)` without `by`.
    fn speaker(&mut self) -> Option<Option<TermId>>;
    /// Records a problem of the whole claim.
    fn problem(&mut self, message: &str, help: &str);
    /// The terms so far.
    fn table(&self) -> &TermTable;
}

/// The modifiers of a claim (`scope`, `negated`, `within`, `near`), read by [`Spec::modifiers`].
pub struct Modifiers {
    pub scope: Scope,
    pub negated: bool,
    pub within: Option<usize>,
    /// `None` when `near` has a problem (recorded); empty without `near`.
    pub near: Option<Vec<TermId>>,
}

/// `scope`: the unit in which terms must occur together, and the context a report shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Scope {
    Sentence,
    Paragraph,
    Article,
    /// The headline: a Markdown title, an HTML page's first heading, a heading a plain-text
    /// article opens with. An article without one has no headline to hold anything.
    Headline,
    /// Everything but the headline.
    Body,
}

impl Scope {
    /// The ranges of the article's units at this scope.
    pub fn units(self, article: &Article) -> Vec<Range<usize>> {
        match self {
            Scope::Sentence => article.sentences().iter().map(|s| s.range.clone()).collect(),
            Scope::Paragraph => article.paragraphs.iter().map(|p| p.range.clone()).collect(),
            Scope::Article => std::iter::once(0..article.text.len()).collect(),
            Scope::Headline => article.headline_range().into_iter().collect(),
            Scope::Body => match article.headline_range() {
                Some(h) => [0..h.start, (h.end + 2).min(article.text.len())..article.text.len()]
                    .into_iter()
                    .filter(|r| !r.is_empty())
                    .collect(),
                None => std::iter::once(0..article.text.len()).collect(),
            },
        }
    }

    /// Whether a place may count at all: inside the headline or the body for those scopes;
    /// anywhere for the others (which group places, not filter them).
    pub fn admits(self, article: &Article, r: &Range<usize>) -> bool {
        match self {
            Scope::Headline | Scope::Body => self.holds(article, r),
            _ => true,
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
            Scope::Headline => article
                .headline_range()
                .is_some_and(|h| h.start <= r.start && r.end <= h.end),
            Scope::Body => article
                .headline_range()
                .is_none_or(|h| r.end <= h.start || r.start >= h.end),
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
    // Boxed: a claim can have thousands of places, most with neither. Diffed only for the
    // places a report keeps.
    pub diff: Option<Box<DiffOf>>,
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
        let file = crate::compile::parse("test.yaml", &yaml, None).unwrap_or_else(|e| panic!("{e:?}"));
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

#[cfg(test)]
mod table_tests {
    //! The table of kinds against the key table, the schema and `explain`.
    use super::*;
    use crate::article::tests::SEED;
    use crate::claims::keys::{self, Role};

    /// One claim per kind. A kind missing here fails [`every_kind_explains_itself`].
    const EVERY_KIND: &str = "claims:
  - id: a-text
    claim: c
    text: leaders of Staff
  - id: a-regex
    claim: c
    regex: 'lead\\w+'
  - id: a-quote
    claim: c
    quote: a first stone
  - id: a-number
    claim: c
    number: 34
    near: [leaders]
  - id: a-date
    claim: c
    date: 2025-03-11
  - id: an-absent
    claim: c
    absent: [Germany]
  - id: an-all
    claim: c
    all: [Italy, observer]
  - id: an-any
    claim: c
    any: [Italy, Spain]
";

    fn sorted<'a>(it: impl Iterator<Item = &'a str>) -> Vec<&'a str> {
        let mut v: Vec<&str> = it.collect();
        v.sort_unstable();
        v
    }

    #[test]
    fn every_check_key_is_a_kind_and_every_kind_a_check_key() {
        assert_eq!(sorted(keys::names(Role::Check)), sorted(KINDS.iter().map(|k| k.key)));
    }

    #[test]
    fn every_kind_has_a_schema_entry() {
        let schema = crate::schema::schema();
        let claim = &schema["$defs"]["claim"];
        for k in KINDS {
            assert!(
                claim["properties"].get(k.key).is_some(),
                "{} has no schema property",
                k.key
            );
            let required = serde_json::json!({ "required": [k.key] });
            let one_of = claim["oneOf"].as_array().expect("oneOf");
            assert!(one_of.contains(&required), "{} is not a check key of the schema", k.key);
        }
    }

    #[test]
    fn every_kind_explains_itself() {
        let file = crate::compile::parse("kinds.yaml", EVERY_KIND, None).unwrap_or_else(|e| panic!("{e:?}"));
        assert_eq!(
            sorted(file.claims.iter().map(|c| c.check.key())),
            sorted(KINDS.iter().map(|k| k.key)),
            "EVERY_KIND needs one claim per kind"
        );
        let article = Article::new("seed.txt", SEED.to_string());
        let hits = file.matcher.find(&article);
        let memo = Memo::default();
        let cx = Context {
            memo: &memo,
            article: &article,
            hits: &hits,
            terms: &file.terms,
            reading: crate::article::dates::Reading {
                published: None,
                order: Default::default(),
            },
        };
        let sentence = article.sentences()[0].range.clone();
        for c in &file.claims {
            let check = c.check.check();
            assert!(!check.reads().is_empty(), "{}", c.id);
            assert!(!check.why_not(&cx, &sentence).is_empty(), "{}", c.id);
        }
    }
}
