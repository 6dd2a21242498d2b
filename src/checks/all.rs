//! `all`: every term occurs in one scope unit (a sentence by default).
//!
//! ## Supported when
//! Some unit holds every term, with the claim's polarity: with `negated: true` a clause
//! holding one of the terms carries a negation cue; by default none does.
//!
//! ## Refuted when
//! Units hold every term, but only with the other polarity.
//!
//! ## Example
//! `all: [Italy, observer]`

use std::ops::Range;

use super::{Check, Context, Finding, Found, Scope, Spec, polarity_role};
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct All {
    pub terms: Vec<TermId>,
    pub scope: Scope,
    pub negated: bool,
}

impl All {
    pub fn build(spec: &mut dyn Spec) -> Option<All> {
        // Terms said together are said in one sentence unless the claim widens it.
        let m = spec.modifiers(Scope::Sentence);
        let terms = spec.terms()?;
        Some(All {
            terms,
            scope: m.scope,
            negated: m.negated,
        })
    }
}

impl Check for All {
    fn expected(&self, terms: &TermTable) -> String {
        let unit = match self.scope {
            Scope::Sentence => "in one sentence",
            Scope::Paragraph => "in one paragraph",
            Scope::Article => "in the article",
            Scope::Headline => "in the headline",
            Scope::Body => "in the body",
        };
        let neg = if self.negated { ", negated" } else { "" };
        format!("all of {} {unit}{neg}", terms.labels(&self.terms))
    }

    fn terms(&self) -> Vec<TermId> {
        self.terms.clone()
    }

    fn reads(&self) -> &'static str {
        "text"
    }

    fn why_not(&self, cx: &Context<'_>, sentence: &Range<usize>) -> String {
        let missing: Vec<&str> = self
            .terms
            .iter()
            .filter(|&&t| cx.hits.within(t, sentence).is_empty())
            .map(|&t| cx.terms.label(t))
            .collect();
        if missing.is_empty() {
            "all terms occur, but not in one unit of the claim's scope".to_string()
        } else {
            format!("missing {}", missing.join(", "))
        }
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let mut evidence = Vec::new();
        // Units are visited only where the first term occurs: the rest cost nothing.
        let Some(&first) = self.terms.first() else {
            return Finding::new(evidence);
        };
        // A claim whose first term does not occur costs nothing more (issue 6).
        if cx.hits.of(first).is_empty() {
            return Finding::new(evidence);
        }
        let units = self.scope.units(a);
        let mut last_unit = None;
        for h in cx.hits.of(first) {
            let Some(ui) = unit_of(&units, h.start) else { continue };
            if last_unit == Some(ui) {
                continue;
            }
            last_unit = Some(ui);
            let unit = &units[ui];
            let mut marks = Vec::new();
            let mut complete = true;
            for &t in &self.terms {
                let within = cx.hits.within(t, unit);
                if within.is_empty() {
                    complete = false;
                    break;
                }
                // At article (or body) scope, the first occurrence of each term stands for it.
                let take = match self.scope {
                    Scope::Article | Scope::Body => 1,
                    _ => within.len(),
                };
                marks.extend(within.iter().take(take).cloned());
            }
            if !complete {
                continue;
            }
            marks.sort_by_key(|m| (m.start, m.end));
            marks.dedup();
            let (role, note) = polarity_role(a, &marks, self.negated);
            let context = match self.scope {
                Scope::Article | Scope::Body => Scope::Sentence.context(a, &marks[0]),
                s => s.context(a, &marks[0]).start.min(unit.start)..unit.end,
            };
            let mut f = Found::new(role, marks, context);
            f.note = note.map(Into::into);
            evidence.push(f);
        }
        Finding::new(evidence)
    }
}

fn unit_of(units: &[std::ops::Range<usize>], at: usize) -> Option<usize> {
    let i = units.partition_point(|u| u.end <= at);
    (i < units.len() && units[i].start <= at).then_some(i)
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, verdict};
    use crate::report::Verdict;

    #[test]
    fn italy_attended_only_as_an_observer() {
        let r = run("id: i\nclaim: c\nall: [Italy, observer]");
        assert_eq!(r.verdict, Verdict::Supported);
        let marks: Vec<&str> = r.evidence[0].marks.iter().map(|m| m.text.as_str()).collect();
        assert_eq!(marks, vec!["Italy", "observer"]);
        assert_eq!(r.evidence[0].span.line, 7);
    }

    #[test]
    fn us_absent_is_supported_when_negated() {
        let yaml = "id: u\nclaim: c\nall: [{any: [United States, USA]}, meeting]\nnegated: true";
        let r = run(yaml);
        assert_eq!(r.verdict, Verdict::Supported, "{:#?}", r.evidence);
        assert_eq!(r.evidence.len(), 2);
    }

    #[test]
    fn us_attended_is_refuted() {
        let yaml = "id: u\nclaim: c\nall: [{any: [United States, USA]}, meeting]";
        assert_eq!(verdict(yaml), Verdict::Refuted);
    }

    #[test]
    fn terms_in_different_sentences_are_not_found_at_sentence_scope() {
        assert_eq!(verdict("id: i\nclaim: c\nall: [Portolano, Radakin]"), Verdict::NotFound);
        assert_eq!(
            verdict("id: i\nclaim: c\nall: [Portolano, Radakin]\nscope: article"),
            Verdict::Supported
        );
    }

    #[test]
    fn all_caps_terms_stay_exact_and_case_sensitive_applies_to_all() {
        assert_eq!(verdict("id: i\nclaim: c\nall: [nato, Turkey]"), Verdict::Supported);
        assert_eq!(
            verdict("id: i\nclaim: c\nall: [nato, Turkey]\ncase: sensitive"),
            Verdict::NotFound
        );
    }
}
