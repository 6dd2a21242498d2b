//! `date`: a day the article must give for something.
//!
//! ## What it checks
//! Date mentions (`2025-03-11`, `11 March 2025`, `Sept. 10`, `3/4/2025`, `tomorrow`, `on
//! Saturday`, `two days ago`, `before 18 May`, `March 2025`), read against `published` (or
//! the article's dateline) and `date-order`, a weekday or a day without a year by the tense
//! that governs it (see `article/dates.rs`). With `near`, only dates paired with a term count
//! (see `pairing.rs`); without it, every date does.
//!
//! ## Supported when
//! A counted mention allows exactly the claim's day.
//!
//! ## Refuted when
//! Only mentions that exclude the day are counted: each is shown with a diff. A mention that
//! allows several days, the claimed one among them (`before 18 May` for 2020-05-17, `March
//! 2025` for 2025-03-10), is vaguer than the claim: a note, never evidence, and the nearest
//! span when nothing else is found. A weekday that contradicts its date is a note on the claim.
//!
//! ## Example
//! `date: 2025-03-12` with `near: [Defense Ministers, E5]`

use std::ops::Range;

use super::memo::Mentions;
use super::pairing::pair;
use super::{Check, Context, Finding, Found, Scope, Spec};
use crate::article::dates::{Resolution, Resolved};
use crate::date::Date as Day;
use crate::report::Role;
use crate::report::diff::DiffOf;
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Date {
    pub date: Day,
    pub near: Vec<TermId>,
    pub within: Option<usize>,
}

impl Date {
    pub fn build(spec: &mut dyn Spec) -> Option<Date> {
        let m = spec.modifiers(Scope::Article);
        let date = spec.day()?;
        Some(Date {
            date,
            near: m.near?,
            within: m.within,
        })
    }
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

    fn reads(&self) -> &'static str {
        "dates"
    }

    fn why_not(&self, cx: &Context<'_>, sentence: &Range<usize>) -> String {
        let a = cx.article;
        let dates = super::pairing::written_in(a, sentence, a.dates().iter().map(|m| &m.range));
        if dates.is_empty() {
            "no date in this sentence".to_string()
        } else {
            format!("its dates ({}) are not paired with the terms", dates.join(", "))
        }
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let mentions = a.dates();
        let read = a.read_dates(cx.reading);
        let mut finding = Finding::new(Vec::new());
        let mut vaguer: Option<Found> = None;
        for (i, terms) in self.counted(cx, &read) {
            let (m, r) = (&mentions[i], &read[i]);
            let phrase = m.phrase(&a.text);
            if let Resolved::NotADate(why) | Resolved::Unknown(why) = &r.value {
                finding.notes.push(format!("`{phrase}` was not compared: {why}"));
                continue;
            }
            if let Some(conflict) = m.weekday_conflict(&r.value, &a.text) {
                finding.notes.push(conflict);
            }
            let mut marks = vec![m.range.clone()];
            marks.extend(terms);
            marks.sort_by_key(|r| r.start);
            let context = Scope::Sentence.context(a, &m.range);
            match self.compare(r) {
                Some(role) => finding.evidence.push(self.found(role, marks, context, r)),
                None => {
                    // " (future: `will be held`)" reads ", future: `will be held`" inside the brackets.
                    let how = match r.how.strip_prefix(" (").and_then(|h| h.strip_suffix(')')) {
                        Some(inner) => format!(", {inner}"),
                        None => r.how.clone(),
                    };
                    let note = format!(
                        "the article says `{phrase}` (read as {}{how}), which does not establish {}",
                        r.described, self.date
                    );
                    finding.notes.push(note.clone());
                    vaguer.get_or_insert_with(|| Found::new(Role::Nearest, marks, context).note(note));
                }
            }
        }
        finding.notes.dedup();
        if finding.evidence.is_empty() {
            finding.explanation = Some(match &vaguer {
                Some(_) => "the article is vaguer than the claim: it gives days around it, not that one day".into(),
                None if self.near.is_empty() => "the article gives no day that can be compared".into(),
                None => format!("no date paired with {} in one sentence", cx.terms.labels(&self.near)).into(),
            });
            finding.nearest = vaguer;
        }
        finding
    }
}

impl Date {
    /// The mentions that count, each with the term occurrences paired with it. Without
    /// `near`, the mentions that read as the claimed day if any, else every mention.
    fn counted(&self, cx: &Context<'_>, read: &[Resolution]) -> Vec<(usize, Vec<Range<usize>>)> {
        let a = cx.article;
        if self.near.is_empty() {
            let equal: Vec<usize> = (0..read.len())
                .filter(|&i| read[i].value == Resolved::Day(self.date))
                .collect();
            let chosen = if equal.is_empty() {
                (0..read.len()).collect()
            } else {
                equal
            };
            return chosen.into_iter().map(|i| (i, Vec::new())).collect();
        }
        let paired = cx.memo.paired(Mentions::Dates, &self.near, self.within, || {
            pair(a, cx.hits.of_all(&self.near), a.dates(), |m| &m.range, self.within)
        });
        paired.iter().map(|p| (p.mention, p.terms.clone())).collect()
    }

    /// Supports when the wording allows the claimed day only, refutes when it excludes it;
    /// None when it allows that day among others (vaguer than the claim).
    fn compare(&self, r: &Resolution) -> Option<Role> {
        if r.value == Resolved::Day(self.date) {
            Some(Role::Supports)
        } else if !r.value.allows(self.date) {
            Some(Role::Refutes)
        } else {
            None
        }
    }

    fn found(&self, role: Role, marks: Vec<Range<usize>>, context: Range<usize>, r: &Resolution) -> Found {
        let mut f = Found::new(role, marks, context);
        if let Resolved::Day(d) = r.value {
            f.date = Some(d.to_string());
        }
        f.note = r.note.clone().map(Into::into);
        if role == Role::Refutes {
            f.diff = Some(Box::new(DiffOf::new(self.date.to_string(), r.described.clone(), None)));
        }
        f
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
    fn a_span_that_allows_the_day_is_vaguer_never_evidence() {
        let r = run_on(
            "The summit will be held in March 2025.",
            "id: d\nclaim: c\ndate: 2025-03-12\nnear: [summit]",
        );
        assert_eq!(r.verdict, Verdict::NotFound);
        assert!(r.evidence.is_empty());
        assert_eq!(
            r.notes,
            vec![
                "the article says `March 2025` (read as 2025-03-01 to 2025-03-31), which does not establish 2025-03-12"
            ]
        );
        let nearest = r.nearest.expect("the vaguer span is the nearest");
        assert_eq!(nearest.role, crate::report::Role::Nearest);
    }

    #[test]
    fn a_span_that_excludes_the_day_refutes_with_its_days() {
        let r = run_on(
            "The summit will be held in March 2025.",
            "id: d\nclaim: c\ndate: 2025-04-02\nnear: [summit]",
        );
        assert_eq!(r.verdict, Verdict::Refuted);
        assert_eq!(r.diff.unwrap().found, "2025-03-01 to 2025-03-31");
        assert_eq!(r.evidence[0].date, None);
    }

    #[test]
    fn published_in_the_claim_file_wins_over_nothing() {
        let yaml = "published: 2025-03-11\nclaims:\n  - id: d\n    claim: c\n    date: 2025-03-12\n    near: [talks]\n";
        let file = crate::compile::parse("t.yaml", yaml, None).unwrap();
        let article = crate::article::Article::new("a.txt", "The talks are tomorrow.".into());
        let r = crate::engine::evaluate(&file, &article, &crate::engine::Policy::default());
        assert_eq!(r.claims[0].verdict, Verdict::Supported);
    }
}
