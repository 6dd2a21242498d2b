//! `regex`: a Rust regular expression the article must match.
//!
//! ## What it checks
//! The pattern matches the normalized text (inside one sentence or paragraph with `scope`).
//!
//! ## Supported when
//! It matches. A regex cannot be refuted: no match is `not_found`.
//!
//! ## Example
//! `regex: '\b(3[0-9]) countries\b'`

use std::ops::Range;

use super::{Check, Context, Finding, Found, Scope, Spec};
use crate::report::Role;
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Regex {
    pub pattern: String,
    pub term: TermId,
    pub scope: Scope,
}

impl Regex {
    pub fn build(spec: &mut dyn Spec) -> Option<Regex> {
        let m = spec.modifiers(Scope::Article);
        let (pattern, term) = spec.regex()?;
        Some(Regex {
            pattern,
            term,
            scope: m.scope,
        })
    }
}

impl Check for Regex {
    fn expected(&self, _: &TermTable) -> String {
        format!("a match of /{}/", self.pattern)
    }

    fn terms(&self) -> Vec<TermId> {
        vec![self.term]
    }

    fn reads(&self) -> &'static str {
        "text"
    }

    fn why_not(&self, _: &Context<'_>, _: &Range<usize>) -> String {
        "outside the claim's scope".to_string()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        Finding::new(
            cx.hits
                .of(self.term)
                .iter()
                .filter(|h| self.scope.holds(a, h))
                .map(|h| Found::around(Role::Supports, h.clone(), self.scope))
                .collect(),
        )
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, verdict};
    use crate::report::Verdict;

    #[test]
    fn supported_when_it_matches() {
        let r = run("id: r\nclaim: c\nregex: '\\b\\d+ thousand men'");
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(r.evidence[0].span.text, "800 thousand men");
    }

    #[test]
    fn not_found_when_it_does_not_match_and_never_refuted() {
        assert_eq!(
            verdict("id: r\nclaim: c\nregex: '\\b\\d+ million men'"),
            Verdict::NotFound
        );
    }

    #[test]
    fn sentence_scope_drops_matches_across_sentences() {
        assert_eq!(
            verdict("id: r\nclaim: c\nregex: 'Ukraine\\. A decisive'\nscope: sentence"),
            Verdict::NotFound
        );
        assert_eq!(
            verdict("id: r\nclaim: c\nregex: 'Ukraine\\. A decisive'\nscope: paragraph"),
            Verdict::Supported
        );
    }
}
