//! `number`: a figure the article must state about something.
//!
//! ## What it checks
//! Numbers paired with a `near` term (see `pairing.rs`): `34`, `1,200`, `800 thousand`,
//! `thirty-four`, `12%`, with their qualifiers ("more than 30").
//!
//! ## Supported when
//! A paired number is in range. A qualified number ("nearly 800,000") is read as the interval
//! it allows and supports when that interval meets the claim's; the report says how it was read.
//!
//! ## Refuted when
//! Only numbers out of range are paired with the terms: each is shown with a diff of values.
//!
//! ## Example
//! `number: 34` with `near: [leaders of Staff]`

use super::pairing::pair;
use super::{Check, Context, Finding, Found};
use crate::article::numbers::{Bound, format_value};
use crate::claims::terms::{TermId, TermTable};
use crate::report::{Diff, Role};

/// Default `within` for numbers (claim-format.md).
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

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let numbers = a.numbers();
        let ranges: Vec<_> = numbers.iter().map(|n| n.range.clone()).collect();
        let terms = self.near.iter().flat_map(|&t| cx.hits.of(t).iter().cloned());
        let mut evidence = Vec::new();
        let mut notes = Vec::new();
        for p in pair(a, terms, &ranges, Some(self.within)) {
            let n = &numbers[p.mention];
            let written = a.slice(&n.range).to_string();
            let Some((lo, hi)) = n.interval() else {
                notes.push(format!(
                    "\"{written}\" is a vague amount: never equal to a value, not compared"
                ));
                continue;
            };
            let (min, max) = (self.min.unwrap_or(f64::NEG_INFINITY), self.max.unwrap_or(f64::INFINITY));
            let fits = lo <= max && hi >= min;
            let role = if fits { Role::Supports } else { Role::Refutes };
            let mut marks = vec![n.range.clone()];
            marks.extend(p.terms.iter().cloned());
            marks.sort_by_key(|m| m.start);
            let context = super::Scope::Sentence.context(a, &n.range);
            let mut f = Found::new(role, marks, context);
            // Whole values as integers: `"value": 800000`, not 800000.0.
            f.value = Some(if n.value.fract() == 0.0 && n.value.abs() < 9e15 {
                serde_json::json!(n.value as i64)
            } else {
                serde_json::json!(n.value)
            });
            let pct = if n.percent { " (a percentage)" } else { "" };
            f.note = match (n.reading(), n.bound, fits) {
                (Some(r), _, true) => Some(format!("{r}: consistent with {}{pct}", self.wanted()).into()),
                (Some(r), _, false) => Some(format!("{r}: outside {}{pct}", self.wanted()).into()),
                (None, Bound::Exact, _) if !pct.is_empty() => Some(pct.trim().into()),
                _ => None,
            };
            if !fits {
                // Values, not spellings: "800 thousand" is compared as 800000.
                let found = match &n.qualifier {
                    Some(q) => format!("{q} {}", format_value(n.value)),
                    None => format_value(n.value),
                };
                f.diff = Some(Box::new(Diff::new(&self.wanted(), &found, None)));
                if found != written {
                    f.note.get_or_insert(format!("written \"{written}\"").into());
                }
            }
            evidence.push(f);
        }
        let mut finding = Finding::new(evidence);
        finding.notes = notes;
        if finding.evidence.is_empty() {
            finding.explanation = Some(
                format!(
                    "no number within {} words of {} in one sentence",
                    self.within,
                    cx.terms.labels(&self.near)
                )
                .into(),
            );
        }
        finding
    }
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
        let r = run_on(text, "id: n\nclaim: c\nnumber: 800000\nnear: [men]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert!(
            r.evidence[0]
                .note
                .as_deref()
                .unwrap()
                .contains("read as up to 10% under 800000")
        );
        let r = run_on(text, "id: n\nclaim: c\nnumber: 25\nnear: [countries]");
        assert_eq!(r.verdict, Verdict::Refuted);
        assert!(r.evidence[0].note.as_deref().unwrap().contains("lower bound"));
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
