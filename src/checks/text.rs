//! `text`: a phrase the article must contain.
//!
//! ## What it checks
//! The phrase occurs, as whole words after normalization.
//!
//! ## Supported when
//! It occurs (with `negated: true`, in a clause that carries a negation cue; by default in
//! one that carries none).
//!
//! ## Refuted when
//! It occurs only with the other polarity, or it does not occur but a near miss does
//! (similarity 0.8 or more): the report diffs the two.
//!
//! ## Example
//! `text: leaders of Staff of the countries`

use std::ops::Range;

use super::{Check, Context, Finding, Found, Scope, Spec, near_miss, polarity_role};
use crate::report::Role;
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Text {
    pub phrase: String,
    pub term: TermId,
    pub scope: Scope,
    pub negated: bool,
}

impl Text {
    pub fn build(spec: &mut dyn Spec) -> Option<Text> {
        let m = spec.modifiers(Scope::Article);
        let phrase = spec.text()?;
        let term = spec.phrase(&phrase);
        Some(Text {
            phrase,
            term,
            scope: m.scope,
            negated: m.negated,
        })
    }
}

impl Check for Text {
    fn expected(&self, _: &TermTable) -> String {
        let neg = if self.negated { ", negated" } else { "" };
        format!("the words \"{}\"{neg}", self.phrase)
    }

    fn terms(&self) -> Vec<TermId> {
        vec![self.term]
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let hits = cx.hits.of(self.term);
        let evidence: Vec<Found> = hits
            .iter()
            .filter(|h| self.scope.holds(a, h))
            .map(|h| {
                let (role, note) = polarity_role(a, std::slice::from_ref(h), self.negated);
                let mut f = Found::new(role, vec![h.clone()], self.scope.context(a, h));
                f.note = note.map(Into::into);
                f
            })
            .collect();
        if !evidence.is_empty() {
            return Finding::new(evidence);
        }
        // A near miss is looked for where the claim's scope looks (not in the headline for
        // `scope: body`).
        let mut units = Scope::Sentence.units(a);
        units.retain(|u| self.scope.admits(a, u));
        let mut finding = Finding::new(Vec::new());
        let nearest = cx
            .memo
            .nearest(&self.phrase, &units, || near_miss::closest(a, &self.phrase, &units));
        if let Some((r, sim)) = nearest {
            let context = self.scope.context(a, &r);
            let note = format!("similarity {:.2} to the claimed words", sim);
            let f = near_miss::judged(a, &self.phrase, r, sim, context, note);
            if f.role == Role::Refutes {
                finding.explanation = Some(
                    format!(
                        "the words do not occur; the article has a near miss (similarity {sim:.2}, threshold {:.1})",
                        near_miss::THRESHOLD
                    )
                    .into(),
                );
                finding.evidence.push(f);
            } else {
                finding.explanation = Some(format!(
                    "the words do not occur; the closest span has similarity {sim:.2}, under the {:.1} of a near miss",
                    near_miss::THRESHOLD
                )
                .into());
                finding.nearest = Some(f);
            }
        }
        finding
    }

    fn reads(&self) -> &'static str {
        "text"
    }

    fn why_not(&self, _: &Context<'_>, _: &Range<usize>) -> String {
        "outside the claim's scope".to_string()
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, verdict};
    use crate::report::Verdict;

    #[test]
    fn supported_when_the_phrase_occurs() {
        assert_eq!(
            verdict("id: t\nclaim: c\ntext: 34 leaders of Staff"),
            Verdict::Supported
        );
    }

    #[test]
    fn refuted_by_a_near_miss_with_a_diff() {
        let r = run("id: t\nclaim: c\ntext: according to the Elysée");
        assert_eq!(r.verdict, Verdict::Refuted);
        let diff = r.diff.expect("a near miss has a diff");
        assert_eq!(diff.found, "According to the Elisee");
        assert_eq!(r.evidence[0].span.line, 3);
    }

    #[test]
    fn a_one_word_phrase_with_a_typo_is_a_near_miss() {
        // No word in common with the article: the window search must still find it.
        let r = run("id: t\nclaim: c\ntext: Elysee");
        assert_eq!(r.verdict, Verdict::Refuted);
        assert_eq!(r.diff.unwrap().found, "Elysée");
    }

    #[test]
    fn not_found_when_nothing_is_close() {
        let r = run("id: t\nclaim: c\ntext: the parliament approved the budget");
        assert_eq!(r.verdict, Verdict::NotFound);
        assert!(r.evidence.is_empty());
    }

    #[test]
    fn negated_text_needs_a_cue_in_its_clause() {
        assert_eq!(
            verdict("id: t\nclaim: c\ntext: United States\nnegated: true\nscope: sentence"),
            Verdict::Conflicting
        );
        assert_eq!(
            verdict("id: t\nclaim: c\ntext: there were no United States"),
            Verdict::Supported
        );
    }
}
