//! `number`: a figure the article must state about something.
//!
//! ## What it checks
//! Numbers paired with a `near` term (see `pairing.rs`): `34`, `1,200`, `800 thousand`,
//! `thirty-four`, `12%`, with their qualifiers ("more than 30").
//!
//! ## Supported when
//! A paired number establishes the claim: every value its wording allows lies in the claim's
//! range ("about 1,000" is 900 to 1,100, "more than 30" above 30; see `numbers.rs`). The report
//! says how a qualified number was read.
//!
//! ## Refuted when
//! Only numbers that exclude the claim (no value their wording allows lies in its range) are
//! paired with the terms: each is shown with a diff of values.
//!
//! ## Vaguer
//! A number that neither establishes nor excludes the claim ("more than 30" for 34) and a vague
//! amount ("hundreds") are never evidence: each is a note ("the article says `more than 30`,
//! which does not establish 34"), and with no evidence the first is shown as the nearest place
//! (`not_found`). When a clock time, an ordinal or a year was the only candidate near the
//! terms, a note says so (`8 PM` is a clock time, not a number).
//!
//! ## Example
//! `number: 34` with `near: [leaders of Staff]`

use super::memo::Mentions;
use super::pairing::pair;
use super::{Check, Context, Finding, Found, Scope, Spec};
use std::ops::Range;

use crate::article::Article;
use crate::article::numbers::{Bound, Interval, NumberMention, format_value};
use crate::report::Role;
use crate::report::diff::DiffOf;
use crate::terms::{TermId, TermTable};

/// Default `within` for numbers (the claim format).
pub const DEFAULT_WITHIN: usize = 6;

#[derive(Debug, Clone)]
pub struct Number {
    pub min: Option<f64>,
    pub max: Option<f64>,
    pub near: Vec<TermId>,
    pub within: usize,
}

impl Number {
    fn wanted(&self) -> String {
        match (self.min, self.max) {
            (Some(a), Some(b)) if a == b => format_value(a),
            (Some(a), Some(b)) => format!("{} to {}", format_value(a), format_value(b)),
            (Some(a), None) => format!("{} or more", format_value(a)),
            (None, Some(b)) => format!("{} or less", format_value(b)),
            (None, None) => "any number".to_string(),
        }
    }
}

impl Number {
    pub fn build(spec: &mut dyn Spec) -> Option<Number> {
        let m = spec.modifiers(Scope::Article);
        let (min, max) = spec.number()?;
        let near = m.near?;
        if near.is_empty() {
            spec.problem(
                "a `number` claim needs `near`: the words that say what the number counts",
                "for example `near: [countries, leaders]`",
            );
            return None;
        }
        Some(Number {
            min,
            max,
            near,
            within: m.within.unwrap_or(DEFAULT_WITHIN),
        })
    }
}

impl Check for Number {
    fn expected(&self, terms: &TermTable) -> String {
        format!(
            "{} near {} (within {} words)",
            self.wanted(),
            terms.labels(&self.near),
            self.within
        )
    }

    fn terms(&self) -> Vec<TermId> {
        self.near.clone()
    }

    fn reads(&self) -> &'static str {
        "numbers"
    }

    fn why_not(&self, cx: &Context<'_>, sentence: &Range<usize>) -> String {
        let a = cx.article;
        let numbers = super::pairing::written_in(a, sentence, a.numbers().iter().map(|m| &m.range));
        if numbers.is_empty() {
            "no number in this sentence".to_string()
        } else {
            format!(
                "its numbers ({}) are more than {} words from the terms",
                numbers.join(", "),
                self.within
            )
        }
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let numbers = a.numbers();
        let (min, max) = (self.min.unwrap_or(f64::NEG_INFINITY), self.max.unwrap_or(f64::INFINITY));
        let mut evidence = Vec::new();
        // Wording that neither establishes nor excludes the claim: notes, never evidence.
        let mut vaguer = Vec::new();
        let paired = cx.memo.paired(Mentions::Numbers, &self.near, Some(self.within), || {
            pair(a, cx.hits.of_all(&self.near), numbers, |n| &n.range, Some(self.within))
        });
        for p in paired.iter() {
            let n = &numbers[p.mention];
            let place = place(a, &n.range, &p.terms);
            match n.interval() {
                Some(iv) if iv.inside(min, max) => evidence.push(self.supports(a, n, iv, place)),
                Some(iv) if iv.outside(min, max) => evidence.push(self.refutes(a, n, iv, place)),
                iv => {
                    let vague = if iv.is_none() { ", a vague amount," } else { "," };
                    let note = format!(
                        "the article says `{}`{vague} which does not establish {}",
                        a.slice(&n.range),
                        self.wanted()
                    );
                    vaguer.push(Found::new(Role::Nearest, place.0, place.1).note(note));
                }
            }
        }
        let mut finding = Finding::new(evidence);
        finding.notes = vaguer
            .iter()
            .filter_map(|f| f.note.as_deref().map(str::to_string))
            .collect();
        if !finding.evidence.is_empty() {
            return finding;
        }
        let terms_label = cx.terms.labels(&self.near);
        if let Some(first) = vaguer.into_iter().next() {
            finding.explanation = Some(
                format!(
                    "the article is vaguer than the claim: its figures near {terms_label} do not establish {}",
                    self.wanted()
                )
                .into(),
            );
            finding.nearest = Some(first);
            return finding;
        }
        finding.explanation = Some(
            format!(
                "no number within {} words of {terms_label} in one sentence",
                self.within
            )
            .into(),
        );
        self.only_candidate(cx, &mut finding);
        finding
    }
}

/// The marks (figure and terms, sorted) and sentence of a paired figure.
fn place(a: &Article, figure: &Range<usize>, terms: &[Range<usize>]) -> Place {
    let mut marks = vec![figure.clone()];
    marks.extend(terms.iter().cloned());
    marks.sort_by_key(|m| m.start);
    (marks, super::Scope::Sentence.context(a, figure))
}

impl Number {
    /// A figure whose every value lies in the claim's range.
    fn supports(&self, a: &Article, n: &NumberMention, iv: Interval, place: Place) -> Found {
        let mut f = with_value(Found::new(Role::Supports, place.0, place.1), n);
        f.note = match n.bound {
            Bound::Exact if n.percent => Some("a percentage".into()),
            Bound::Exact => None,
            _ => Some(
                format!(
                    "`{}` read as {}: establishes {}",
                    a.slice(&n.range),
                    iv.describe(),
                    self.wanted()
                )
                .into(),
            ),
        };
        f
    }

    /// A figure none of whose values lies in the claim's range: shown with a diff of values.
    fn refutes(&self, a: &Article, n: &NumberMention, iv: Interval, place: Place) -> Found {
        let mut f = with_value(Found::new(Role::Refutes, place.0, place.1), n);
        let written = a.slice(&n.range);
        // Values, not spellings: "800 thousand" is compared as 800000.
        let found = match (&n.qualifier, n.bound) {
            (Some(q), _) => format!("{q} {}", format_value(n.value)),
            (None, Bound::Between) => iv.describe(),
            (None, _) => format_value(n.value),
        };
        let pct = if n.percent { " (a percentage)" } else { "" };
        f.note = if n.bound == Bound::Exact {
            (found != written).then(|| format!("written \"{written}\"{pct}").into())
        } else {
            Some(format!("`{written}` read as {}: excludes {}{pct}", iv.describe(), self.wanted()).into())
        };
        f.diff = Some(Box::new(DiffOf::new(self.wanted(), found, None)));
        f
    }

    /// With no figure near the terms: says so when a clock time, an ordinal or a year was
    /// the only candidate, and shows it as the nearest place.
    fn only_candidate(&self, cx: &Context<'_>, finding: &mut Finding) {
        let a = cx.article;
        let rejected = a.not_numbers();
        if rejected.is_empty() {
            return;
        }
        let paired = cx.memo.paired(Mentions::NotNumbers, &self.near, Some(self.within), || {
            pair(a, cx.hits.of_all(&self.near), rejected, |r| &r.range, Some(self.within))
        });
        for p in paired.iter() {
            let r = &rejected[p.mention];
            let note = format!("`{}` is {}, not a number", a.slice(&r.range), r.why.what());
            if finding.nearest.is_none() {
                let (marks, context) = place(a, &r.range, &p.terms);
                finding.nearest = Some(Found::new(Role::Nearest, marks, context).note(note.as_str()));
            }
            finding.notes.push(note);
        }
    }
}

type Place = (Vec<Range<usize>>, Range<usize>);

/// The figure's value on the evidence: whole values as integers (`"value": 800000`).
fn with_value(mut f: Found, n: &NumberMention) -> Found {
    f.value = Some(if n.value.fract() == 0.0 && n.value.abs() < 9e15 {
        serde_json::json!(n.value as i64)
    } else {
        serde_json::json!(n.value)
    });
    f
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, run_on};
    use crate::report::{Role, Verdict};

    #[test]
    fn thirty_four_leaders_of_staff_is_supported() {
        let r = run("id: n\nclaim: c\nnumber: 34\nnear: [leaders of Staff]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(r.evidence.len(), 2);
        assert_eq!(r.evidence[0].value, Some(serde_json::json!(34)));
    }

    #[test]
    fn thirty_four_and_thirty_near_countries_conflict() {
        let r = run("id: n\nclaim: c\nnumber: 34\nnear: [countries]");
        assert_eq!(r.verdict, Verdict::Conflicting);
        let refuting: Vec<&str> = r
            .evidence
            .iter()
            .filter(|e| e.role == Role::Refutes)
            .map(|e| e.marks[0].text.as_str())
            .collect();
        assert_eq!(refuting, vec!["30"]);
        let d = r.diff.unwrap();
        assert_eq!((d.expected.as_str(), d.found.as_str()), ("34", "30"));
    }

    #[test]
    fn a_changed_figure_is_refuted_with_both_values() {
        let r = run("id: n\nclaim: c\nnumber: 35\nnear: [leaders of Staff]");
        assert_eq!(r.verdict, Verdict::Refuted);
        let d = r.diff.unwrap();
        assert_eq!((d.expected.as_str(), d.found.as_str()), ("35", "34"));
    }

    #[test]
    fn number_words_and_scales() {
        let r = run("id: n\nclaim: c\nnumber: 800000\nnear: [men]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(r.evidence[0].marks[0].text, "800 thousand");
        let r = run("id: n\nclaim: c\nnumber: 3\nnear: [years]\nwithin: 2");
        assert_eq!(r.verdict, Verdict::Supported);
    }

    #[test]
    fn ranges_and_qualified_numbers() {
        assert_eq!(
            run("id: n\nclaim: c\nnumber: {min: 30, max: 40}\nnear: [countries]").verdict,
            Verdict::Supported
        );
        let text = "The army has nearly 800,000 men. More than 30 countries came.";
        // Format 1.1: "nearly 800,000" is under 800,000, so it no longer supports 800000.
        let r = run_on(text, "id: n\nclaim: c\nnumber: 800000\nnear: [men]");
        assert_eq!(r.verdict, Verdict::Refuted);
        let r = run_on(text, "id: n\nclaim: c\nnumber: {min: 700000, max: 800000}\nnear: [men]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert!(
            r.evidence[0]
                .note
                .as_deref()
                .unwrap()
                .contains("read as 720000 up to, not including, 800000")
        );
        let r = run_on(text, "id: n\nclaim: c\nnumber: 25\nnear: [countries]");
        assert_eq!(r.verdict, Verdict::Refuted);
        assert!(r.evidence[0].note.as_deref().unwrap().contains("read as above 30"));
    }

    #[test]
    fn the_closest_number_wins() {
        let text = "The convoy had 12 tanks and 40 trucks.";
        assert_eq!(
            run_on(text, "id: n\nclaim: c\nnumber: 12\nnear: [tanks]").verdict,
            Verdict::Supported
        );
        assert_eq!(
            run_on(text, "id: n\nclaim: c\nnumber: 12\nnear: [trucks]").verdict,
            Verdict::Refuted
        );
    }

    #[test]
    fn vague_amounts_are_never_equal() {
        let r = run_on(
            "Hundreds of drones flew.",
            "id: n\nclaim: c\nnumber: 300\nnear: [drones]",
        );
        assert_eq!(r.verdict, Verdict::NotFound);
        assert!(r.notes[0].contains("vague amount"));
    }
}
