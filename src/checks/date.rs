//! `date`: a day the article must give for something.
//!
//! ## What it checks
//! Date mentions (`2025-03-11`, `11 March 2025`, `Wednesday 12 March`, `tomorrow`,
//! `on Saturday`), resolved against `published` (or the article's dateline). With `near`,
//! only dates paired with a term count (see `pairing.rs`); without it, every date does.
//!
//! ## Supported when
//! A counted date equals the claim's day.
//!
//! ## Refuted when
//! Only other days are counted: each is shown with a diff. Months and weeks are ranges and
//! never equal a day. A weekday that contradicts its date is a note on the claim.
//!
//! ## Example
//! `date: 2025-03-12` with `near: [Defense Ministers, E5]`

use super::pairing::pair;
use super::{Check, Context, Finding, Found, Scope};
use crate::article::dates::Resolved;
use crate::claims::terms::{TermId, TermTable};
use crate::date::Date as Day;
use crate::report::{Diff, Role};

#[derive(Debug, Clone)]
pub struct Date {
    pub date: Day,
    pub near: Vec<TermId>,
    pub within: Option<usize>,
}

impl Check for Date {
    fn expected(&self, terms: &TermTable) -> String {
        match (self.near.is_empty(), self.within) {
            (true, _) => format!("the date {}", self.date),
            (false, None) => format!("the date {} near {}", self.date, terms.labels(&self.near)),
            (false, Some(w)) => format!(
                "the date {} near {} (within {w} words)",
                self.date,
                terms.labels(&self.near)
            ),
        }
    }

    fn terms(&self) -> Vec<TermId> {
        self.near.clone()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let mentions = a.dates();
        let resolved: Vec<Resolved> = mentions.iter().map(|m| m.resolve(cx.published, &a.text)).collect();
        let counted: Vec<(usize, Vec<std::ops::Range<usize>>)> = if self.near.is_empty() {
            // Without `near` every day counts; other days refute only when none is equal.
            let equal: Vec<usize> = (0..mentions.len())
                .filter(|&i| resolved[i] == Resolved::Day(self.date))
                .collect();
            let chosen = if equal.is_empty() {
                (0..mentions.len()).collect()
            } else {
                equal
            };
            chosen.into_iter().map(|i| (i, Vec::new())).collect()
        } else {
            let ranges: Vec<_> = mentions.iter().map(|m| m.range.clone()).collect();
            let terms = self.near.iter().flat_map(|&t| cx.hits.of(t).iter().cloned());
            pair(a, terms, &ranges, self.within)
                .into_iter()
                .map(|p| (p.mention, p.terms))
                .collect()
        };
        let mut evidence = Vec::new();
        let mut notes = Vec::new();
        for (i, terms) in counted {
            let m = &mentions[i];
            let written = a.slice(&m.range).to_string();
            let day = match &resolved[i] {
                Resolved::Day(d) => *d,
                Resolved::Range(r) => {
                    if !self.near.is_empty() {
                        notes.push(format!(
                            "\"{written}\" is a range ({r}), never equal to a day: not compared"
                        ));
                    }
                    continue;
                }
                Resolved::Unknown(why) => {
                    notes.push(format!("\"{written}\" was not compared: {why}"));
                    continue;
                }
            };
            if let Some(conflict) = m.weekday_conflict(&resolved[i], &a.text) {
                notes.push(conflict);
            }
            let role = if day == self.date {
                Role::Supports
            } else {
                Role::Refutes
            };
            let mut marks = vec![m.range.clone()];
            marks.extend(terms);
            marks.sort_by_key(|r| r.start);
            let mut f = Found::new(role, marks, Scope::Sentence.context(a, &m.range));
            f.date = Some(day.to_string());
            if written != day.to_string() {
                f.note = Some(format!("\"{written}\" read as {day}, a {}", day.weekday_title()).into());
            }
            if role == Role::Refutes {
                f.diff = Some(Box::new(Diff::new(&self.date.to_string(), &day.to_string(), None)));
            }
            evidence.push(f);
        }
        notes.dedup();
        let mut finding = Finding::new(evidence);
        finding.notes = notes;
        if finding.evidence.is_empty() {
            finding.explanation = Some(if self.near.is_empty() {
                "the article gives no day that can be compared".into()
            } else {
                format!("no date paired with {} in one sentence", cx.terms.labels(&self.near)).into()
            });
        }
        finding
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, run_on};
    use crate::report::Verdict;

    #[test]
    fn e5_ministers_meet_on_12_march() {
        let r = run("id: d\nclaim: c\ndate: 2025-03-12\nnear: [Defense Ministers, E5]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert!(r.evidence.iter().all(|e| e.date.as_deref() == Some("2025-03-12")));
    }

    #[test]
    fn a_shifted_date_is_refuted_with_both_days() {
        let r = run("id: d\nclaim: c\ndate: 2025-03-13\nnear: [Defense Ministers]");
        assert_eq!(r.verdict, Verdict::Refuted);
        let d = r.diff.unwrap();
        assert_eq!((d.expected.as_str(), d.found.as_str()), ("2025-03-13", "2025-03-12"));
    }

    #[test]
    fn for_saturday_resolves_from_the_dateline() {
        let r = run("id: d\nclaim: c\ndate: 2025-03-15\nnear: [virtual meeting]");
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(
            r.evidence[0].marks.iter().map(|m| m.text.as_str()).collect::<Vec<_>>(),
            vec!["virtual meeting", "Saturday"]
        );
    }

    #[test]
    fn without_near_any_equal_day_supports() {
        assert_eq!(run("id: d\nclaim: c\ndate: 2025-03-11").verdict, Verdict::Supported);
        assert_eq!(run("id: d\nclaim: c\ndate: 2024-01-01").verdict, Verdict::Refuted);
    }

    #[test]
    fn a_contradicting_weekday_is_noted() {
        let r = run_on(
            "The summit opens on Tuesday 12 March 2025.",
            "id: d\nclaim: c\ndate: 2025-03-12\nnear: [summit]",
        );
        assert_eq!(r.verdict, Verdict::Supported);
        assert_eq!(
            r.notes,
            vec!["\"Tuesday 12 March 2025\": 2025-03-12 is a Wednesday, not a Tuesday"]
        );
    }

    #[test]
    fn published_in_the_claim_file_wins_over_nothing() {
        let yaml = "published: 2025-03-11\nclaims:\n  - id: d\n    claim: c\n    date: 2025-03-12\n    near: [talks]\n";
        let file = crate::claims::parse("t.yaml", yaml, None).unwrap();
        let article = crate::article::Article::new("a.txt", "The talks are tomorrow.".into());
        let r = crate::engine::evaluate(&file, &article, &crate::engine::Policy::default());
        assert_eq!(r.claims[0].verdict, Verdict::Supported);
    }
}
