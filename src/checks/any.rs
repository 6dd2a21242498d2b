//! `any`: at least one of the terms occurs.
//!
//! ## Supported when
//! A term occurs with the claim's polarity (see `negated`).
//!
//! ## Refuted when
//! Terms occur only with the other polarity.
//!
//! ## Example
//! `any: [Starmer, British Prime Minister]`

use std::ops::Range;

use super::{Check, Context, Finding, Found, Scope, Spec, polarity_role};
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Any {
    pub terms: Vec<TermId>,
    pub scope: Scope,
    pub negated: bool,
}

impl Any {
    pub fn build(spec: &mut dyn Spec) -> Option<Any> {
        let m = spec.modifiers(Scope::Article);
        let terms = spec.terms()?;
        Some(Any {
            terms,
            scope: m.scope,
            negated: m.negated,
        })
    }
}

impl Check for Any {
    fn expected(&self, terms: &TermTable) -> String {
        let neg = if self.negated { ", negated" } else { "" };
        format!("any of {}{neg}", terms.labels(&self.terms))
    }

    fn terms(&self) -> Vec<TermId> {
        self.terms.clone()
    }

    fn reads(&self) -> &'static str {
        "text"
    }

    fn why_not(&self, _: &Context<'_>, _: &Range<usize>) -> String {
        "no term here".to_string()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let mut evidence: Vec<Found> = self
            .terms
            .iter()
            .flat_map(|&t| cx.hits.of(t).iter())
            .filter(|h| self.scope.admits(a, h))
            .map(|h| {
                let (role, note) = polarity_role(a, std::slice::from_ref(h), self.negated);
                let mut f = Found::new(role, vec![h.clone()], self.scope.context(a, h));
                f.note = note.map(Into::into);
                f
            })
            .collect();
        evidence.sort_by_key(|f| (f.marks[0].start, f.marks[0].end));
        // Terms in one sentence with one polarity are one piece of evidence.
        let mut merged: Vec<Found> = Vec::new();
        for f in evidence {
            match merged.last_mut() {
                Some(last) if last.context == f.context && last.role == f.role => {
                    last.marks.extend(f.marks);
                    last.marks.dedup();
                }
                _ => merged.push(f),
            }
        }
        Finding::new(merged)
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, verdict};
    use crate::report::Verdict;

    #[test]
    fn supported_when_one_term_occurs() {
        let r = run("id: a\nclaim: c\nany: [Pentagon, Keir Starmer]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(r.evidence.len(), 1);
        assert_eq!(r.evidence[0].span.text, "Keir Starmer");
    }

    #[test]
    fn terms_in_one_sentence_are_one_piece_of_evidence() {
        let r = run("id: a\nclaim: c\nany: [United Kingdom, Turkey]");
        assert_eq!(r.evidence.len(), 2);
        assert_eq!(r.evidence[0].marks.len(), 2);
    }

    #[test]
    fn not_found_when_none_occurs() {
        assert_eq!(verdict("id: a\nclaim: c\nany: [Pentagon, Biden]"), Verdict::NotFound);
    }

    #[test]
    fn refuted_when_only_negated_mentions() {
        let text = "The talks went on without Poland. Nobody else came.";
        let r = crate::checks::testutil::run_on(text, "id: a\nclaim: c\nany: [Poland]");
        assert_eq!(r.verdict, Verdict::Refuted);
        let r = crate::checks::testutil::run_on(text, "id: a\nclaim: c\nany: [Poland]\nnegated: true");
        assert_eq!(r.verdict, Verdict::Supported);
    }
}
