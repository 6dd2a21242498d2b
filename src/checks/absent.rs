//! `absent`: words the article must not contain (a correction never to repeat, a banned
//! name).
//!
//! ## What it checks
//! None of the terms occurs.
//!
//! ## Supported when
//! None occurs. This is the one kind where finding nothing supports the claim: the claim
//! *is* the absence, and the report says where it looked (the whole article).
//!
//! ## Refuted when
//! One occurs: every place is shown.
//!
//! ## Example
//! `absent: [Elisee, Kiev]`

use std::ops::Range;
use std::sync::Arc;

use super::{Check, Context, Finding, Found, Scope, Spec};
use crate::report::{Role, Verdict};
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Absent {
    pub terms: Vec<TermId>,
    pub scope: Scope,
    /// Per term, the note its places carry: worded once, shared by every article's.
    notes: Vec<Arc<str>>,
}

impl Absent {
    pub fn build(spec: &mut dyn Spec) -> Option<Absent> {
        let m = spec.modifiers(Scope::Article);
        let terms = spec.term_or_terms()?;
        Some(Absent::new(terms, m.scope, spec.table()))
    }

    pub fn new(terms: Vec<TermId>, scope: Scope, table: &TermTable) -> Absent {
        let notes = terms
            .iter()
            .map(|&t| format!("`{}` occurs", table.label(t)).into())
            .collect();
        Absent { terms, scope, notes }
    }
}

impl Check for Absent {
    fn expected(&self, terms: &TermTable) -> String {
        format!("none of {} anywhere", terms.labels(&self.terms))
    }

    fn terms(&self) -> Vec<TermId> {
        self.terms.clone()
    }

    fn without_terms(&self) -> Option<Verdict> {
        Some(Verdict::Supported)
    }

    fn reads(&self) -> &'static str {
        "text"
    }

    fn why_not(&self, _: &Context<'_>, _: &Range<usize>) -> String {
        "no term here".to_string()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let mut evidence: Vec<Found> = self
            .terms
            .iter()
            .zip(&self.notes)
            .flat_map(|(&t, note)| {
                cx.hits
                    .of(t)
                    .iter()
                    .filter(|h| self.scope.admits(cx.article, h))
                    .map(move |h| Found::around(Role::Refutes, h.clone(), self.scope).note(note.clone()))
            })
            .collect();
        evidence.sort_by_key(|f| (f.marks[0].start, f.marks[0].end));
        let mut finding = Finding::new(evidence);
        finding.none_means = Verdict::Supported;
        if finding.evidence.is_empty() {
            finding.explanation = Some("none of the terms occurs anywhere in the article".into());
        }
        finding
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::run;
    use crate::report::Verdict;

    #[test]
    fn supported_when_no_term_occurs() {
        let r = run("id: a\nclaim: c\nabsent: [Pentagon, Biden]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert!(r.passed);
    }

    #[test]
    fn refuted_with_every_place_shown() {
        let r = run("id: a\nclaim: c\nabsent: [Kiev, Elisee]");
        assert_eq!(r.verdict, Verdict::Refuted);
        let found: Vec<&str> = r.evidence.iter().map(|e| e.span.text.as_str()).collect();
        assert_eq!(found, vec!["Kiev", "Elisee"]);
    }
}
