//! `quote`: words someone said, which must stand inside quotation marks.
//!
//! ## What it checks
//! The claimed words occur, in order, inside one quotation (“…”, "…", «…», ‘…’). Words are
//! compared after normalization and case folding, punctuation aside; `…` or `...` in the
//! claim is an elision (the parts occur in order in the same quotation); a `[bracketed]`
//! insertion in the article may stand for up to four words of the claim.
//!
//! ## Supported when
//! They occur in a quotation, and with `by` the speaker is named in the quotation's
//! sentence(s), or, when those name nobody, in the sentence before in the same paragraph.
//!
//! ## Refuted when
//! A near miss (similarity ≥ 0.8) stands in a quotation (diffed); the words occur only
//! outside quotation marks; or `by` names someone else than who the article names there
//! (the report says who).
//!
//! ## Example
//! `quote: a first stone on these guarantees of security` with `by: Lecornu`

use std::ops::Range;

use super::{Check, Context, Finding, Found, Scope, near_miss};
use crate::article::Article;
use crate::article::normalize::{fold_case, normalize_str};
use crate::article::quotes::Quotation;
use crate::claims::terms::{TermId, TermTable};
use crate::report::{Diff, Role};

#[derive(Debug, Clone)]
pub struct Quote {
    pub words: String,
    pub by: Option<TermId>,
}

/// The most claim words a `[bracketed]` insertion may stand for.
const BRACKET_WORDS: usize = 4;

impl Check for Quote {
    fn expected(&self, terms: &TermTable) -> String {
        match self.by {
            Some(by) => format!("the quoted words \"{}\" said by {}", self.words, terms.label(by)),
            None => format!("the quoted words \"{}\"", self.words),
        }
    }

    fn terms(&self) -> Vec<TermId> {
        self.by.into_iter().collect()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let parts = claim_parts(&self.words);
        let quotes = a.quotations();
        let mut evidence = Vec::new();
        let mut nearest = None;
        let mut explanation = None;
        for q in quotes {
            let Some(marks) = find_parts(a, &q.inner, &parts) else {
                continue;
            };
            match self.by {
                None => evidence.push(Found::new(Role::Supports, marks, quote_context(a, q))),
                Some(by) => match attribution(a, cx, q, by) {
                    Attribution::Named(speaker) => {
                        let mut m = marks;
                        m.extend(speaker);
                        m.sort_by_key(|r| r.start);
                        evidence.push(Found::new(Role::Supports, m, quote_context(a, q)))
                    }
                    Attribution::Others(names) => {
                        evidence.push(Found::new(Role::Refutes, marks, quote_context(a, q)).note(format!(
                            "the article attributes it to {}, not to {}",
                            names.join(", "),
                            cx.terms.label(by)
                        )))
                    }
                    Attribution::Nobody => {
                        explanation = Some(
                            "the words are quoted, but no speaker is named in the quotation's sentence or the one before"
                                .into(),
                        );
                        nearest.get_or_insert(
                            Found::new(Role::Nearest, marks, quote_context(a, q)).note("speaker not named"),
                        );
                    }
                },
            }
        }
        if evidence.is_empty() && nearest.is_none() {
            // The words outside quotation marks: said by the article, not by anyone. Only the
            // sentences holding the claim's first plain word are read (the article's word index),
            // not every sentence once per quote claim.
            let anchor = parts.first().and_then(|p| p.iter().find(|w| !w.contains('\'')));
            let mut candidates: Vec<usize> = match anchor {
                Some(w) => a
                    .words()
                    .of(w)
                    .iter()
                    .filter_map(|&at| a.sentence_at(at as usize))
                    .collect(),
                None => (0..a.sentences().len()).collect(),
            };
            candidates.dedup();
            for s in candidates.into_iter().map(|i| &a.sentences()[i]) {
                if let Some(marks) = find_parts(a, &s.range, &parts)
                    && !quotes
                        .iter()
                        .any(|q| q.outer.start <= marks[0].start && marks[0].end <= q.outer.end)
                {
                    evidence.push(
                        Found::new(Role::Refutes, marks, s.range.clone())
                            .note("the words occur outside quotation marks: nobody is quoted saying them"),
                    );
                }
            }
            if evidence.is_empty() {
                let inner: Vec<Range<usize>> = quotes.iter().map(|q| q.inner.clone()).collect();
                let plain = self.words.replace("...", " ").replace('…', " ");
                if let Some((r, sim)) = near_miss::closest(a, &plain, &inner) {
                    let role = if sim >= near_miss::THRESHOLD {
                        Role::Refutes
                    } else {
                        Role::Nearest
                    };
                    let mut f = Found::new(role, vec![r.clone()], Scope::Sentence.context(a, &r));
                    f.diff = Some(Box::new(Diff::new(&plain, a.slice(&r), Some(sim))));
                    f.note = Some(format!("similarity {sim:.2} to the claimed words, inside a quotation").into());
                    if role == Role::Refutes {
                        explanation = Some(
                            format!(
                                "the quotation differs from the claimed words (similarity {sim:.2}, threshold {:.1})",
                                near_miss::THRESHOLD
                            )
                            .into(),
                        );
                        evidence.push(f);
                    } else {
                        nearest = Some(f);
                    }
                }
            }
        }
        let mut finding = Finding::new(evidence);
        finding.nearest = nearest;
        finding.explanation = explanation;
        finding
    }
}

/// The sentences a quotation belongs to.
fn quote_context(a: &Article, q: &Quotation) -> Range<usize> {
    let start = Scope::Sentence.context(a, &q.outer);
    let end = Scope::Sentence.context(a, &(q.outer.end.saturating_sub(1)..q.outer.end));
    start.start..end.end.max(start.end)
}

enum Attribution {
    /// The speaker's name, where it stands.
    Named(Vec<Range<usize>>),
    /// Someone else is named: who.
    Others(Vec<String>),
    Nobody,
}

/// claim-format.md `by`: the speaker is named in the sentence(s) the quotation belongs to;
/// if those name nobody, the sentence before it in the same paragraph counts.
fn attribution(a: &Article, cx: &Context<'_>, q: &Quotation, by: TermId) -> Attribution {
    let outside = |r: &Range<usize>| !a.inside_quotation(r);
    let named = |unit: &Range<usize>| {
        let speaker: Vec<Range<usize>> = cx
            .hits
            .within(by, unit)
            .iter()
            .filter(|h| outside(h))
            .cloned()
            .collect();
        if !speaker.is_empty() {
            return Some(Attribution::Named(speaker));
        }
        let names = names_in(a, unit, &outside);
        (!names.is_empty()).then_some(Attribution::Others(names))
    };
    let own = quote_context(a, q);
    if let Some(found) = named(&own) {
        return found;
    }
    let previous = a
        .sentence_at(own.start)
        .filter(|&si| si > 0 && a.sentences()[si - 1].paragraph == a.sentences()[si].paragraph)
        .map(|si| a.sentences()[si - 1].range.clone());
    previous.and_then(|p| named(&p)).unwrap_or(Attribution::Nobody)
}

/// Who the article names around a quotation: in its own sentence(s), else in the sentence
/// before in the same paragraph (the `by` rule), longest names first.
pub fn speakers(a: &Article, q: &Quotation) -> Vec<String> {
    let outside = |r: &Range<usize>| !a.inside_quotation(r);
    let own = quote_context(a, q);
    let names = names_in(a, &own, &outside);
    if !names.is_empty() {
        return names;
    }
    a.sentence_at(own.start)
        .filter(|&si| si > 0 && a.sentences()[si - 1].paragraph == a.sentences()[si].paragraph)
        .map(|si| names_in(a, &a.sentences()[si - 1].range, &outside))
        .unwrap_or_default()
}

/// Words never part of a name even when capitalized (sentence starts, months, weekdays).
const NOT_NAMES: &[&str] = &[
    "The",
    "A",
    "An",
    "In",
    "On",
    "At",
    "For",
    "But",
    "And",
    "Or",
    "However",
    "According",
    "Last",
    "Next",
    "This",
    "That",
    "These",
    "Those",
    "With",
    "By",
    "From",
    "To",
    "As",
    "It",
    "He",
    "She",
    "They",
    "We",
    "I",
    "Among",
    "After",
    "Before",
    "When",
    "While",
    "If",
    "Tomorrow",
    "Today",
    "Yesterday",
    "His",
    "Her",
    "Their",
    "Its",
    "Our",
    "My",
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const CONNECTORS: &[&str] = &["of", "the", "de", "du", "von", "van", "der", "al", "bin", "la", "le"];

/// Names (runs of capitalized words) outside quotations in a range, longest first.
pub fn names_in(a: &Article, r: &Range<usize>, outside: &dyn Fn(&Range<usize>) -> bool) -> Vec<String> {
    let text = &a.text[r.clone()];
    let mut names: Vec<String> = Vec::new();
    let mut run: Vec<&str> = Vec::new();
    let mut flush = |run: &mut Vec<&str>| {
        while run.last().is_some_and(|w| CONNECTORS.contains(w)) {
            run.pop();
        }
        if !run.is_empty() {
            let n = run.join(" ");
            if !names.contains(&n) {
                names.push(n);
            }
        }
        run.clear();
    };
    let mut prev_end = 0;
    for w in crate::article::words::words(text, &['\'', '-']) {
        let (start, word) = (r.start + w.start, &text[w.clone()]);
        // Anything but one space between words ends a name: "Forces, Sébastien Lecornu".
        if &text[prev_end..w.start] != " " {
            flush(&mut run);
        }
        prev_end = w.end;
        let capital = word.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&word);
        let connector = !run.is_empty() && CONNECTORS.contains(&word);
        if (capital && outside(&(start..start + word.len()))) || connector {
            run.push(word);
        } else {
            flush(&mut run);
        }
    }
    flush(&mut run);
    names.sort_by_key(|n| std::cmp::Reverse(n.split(' ').count()));
    names
}

/// One word of a claim or of the article: folded text and where it is.
#[derive(Debug)]
enum Token {
    Word(String, Range<usize>),
    /// A `[bracketed]` insertion.
    Insert(Range<usize>),
}

fn claim_parts(words: &str) -> Vec<Vec<String>> {
    let folded = fold_case(&normalize_str(words)).replace("...", "…");
    folded
        .split('…')
        .map(|part| {
            part.split(|c: char| !(c.is_alphanumeric() || c == '\''))
                .filter(|w| !w.is_empty())
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .filter(|p| !p.is_empty())
        .collect()
}

fn tokens(a: &Article, r: &Range<usize>) -> Vec<Token> {
    let text = &a.folded()[r.clone()];
    let mut out = Vec::new();
    let mut start: Option<usize> = None;
    let mut bracket: Option<usize> = None;
    for (i, c) in text.char_indices().chain(std::iter::once((text.len(), ' '))) {
        if let Some(b) = bracket {
            if c == ']' {
                out.push(Token::Insert(r.start + b..r.start + i + 1));
                bracket = None;
            }
            continue;
        }
        if c.is_alphanumeric() || (c == '\'' && start.is_some()) {
            start.get_or_insert(i);
            continue;
        }
        if let Some(s) = start.take() {
            let w = text[s..i].trim_end_matches('\'');
            out.push(Token::Word(w.to_string(), r.start + s..r.start + s + w.len()));
        }
        if c == '[' {
            bracket = Some(i);
        }
    }
    out
}

/// The parts, in order, inside the range: the ranges they cover, or None.
fn find_parts(a: &Article, r: &Range<usize>, parts: &[Vec<String>]) -> Option<Vec<Range<usize>>> {
    let toks = tokens(a, r);
    let mut from = 0;
    let mut marks = Vec::new();
    for part in parts {
        let (start, end) = (from..toks.len()).find_map(|s| match_at(&toks, s, part).map(|e| (s, e)))?;
        let first = token_range(&toks[start]);
        let last = token_range(&toks[end - 1]);
        marks.push(first.start..last.end);
        from = end;
    }
    Some(marks)
}

fn token_range(t: &Token) -> &Range<usize> {
    match t {
        Token::Word(_, r) | Token::Insert(r) => r,
    }
}

/// Matches the claim words at token `s`; returns the token index after the match.
fn match_at(toks: &[Token], s: usize, words: &[String]) -> Option<usize> {
    if words.is_empty() {
        return Some(s);
    }
    match toks.get(s)? {
        Token::Word(w, _) if *w == words[0] => match_at(toks, s + 1, &words[1..]),
        Token::Word(..) => None,
        Token::Insert(_) => (1..=BRACKET_WORDS.min(words.len())).find_map(|k| match_at(toks, s + 1, &words[k..])),
    }
}

#[cfg(test)]
mod tests {
    use crate::checks::testutil::{run, run_on};
    use crate::report::{Role, Verdict};

    #[test]
    fn lecornu_first_stone_is_supported() {
        let r = run("id: q\nclaim: c\nquote: a first stone on these guarantees of security\nby: Lecornu");
        assert_eq!(r.verdict, Verdict::Supported, "{r:#?}");
        assert!(r.evidence[0].marks.iter().any(|m| m.text == "Lecornu"));
    }

    #[test]
    fn a_one_word_misquote_is_refuted_with_a_diff() {
        let r = run("id: q\nclaim: c\nquote: a first stone on those guarantees of security");
        assert_eq!(r.verdict, Verdict::Refuted);
        let d = r.diff.unwrap();
        assert_eq!(d.found, "a first stone on these guarantees of security");
    }

    #[test]
    fn a_misattribution_is_refuted_and_names_who_is_named() {
        let r = run("id: q\nclaim: c\nquote: a first stone on these guarantees of security\nby: Brekelmans");
        assert_eq!(r.verdict, Verdict::Refuted);
        let note = r.evidence[0].note.as_deref().unwrap();
        assert!(
            note.contains("Minister of the French Armed Forces, Sébastien Lecornu"),
            "{note}"
        );
        assert!(note.ends_with("not to Brekelmans"), "{note}");
    }

    #[test]
    fn the_sentence_before_counts_when_the_quote_names_nobody() {
        let r = run("id: q\nclaim: c\nquote: By sharing responsibility with Ukraine\nby: Burkhard");
        assert_eq!(r.verdict, Verdict::Supported, "{r:#?}");
    }

    #[test]
    fn multi_sentence_quotations_and_elisions() {
        let r = run(
            "id: q\nclaim: c\nquote: Gathered to discuss the support for Ukraine … a decisive moment\nby: Burkhard",
        );
        assert_eq!(r.verdict, Verdict::Supported, "{r:#?}");
    }

    #[test]
    fn words_outside_quotation_marks_refute() {
        let r = run("id: q\nclaim: c\nquote: the Ukrainian army is the largest in Europe");
        assert_eq!(r.verdict, Verdict::Refuted);
        assert!(
            r.evidence[0]
                .note
                .as_deref()
                .unwrap()
                .contains("outside quotation marks")
        );
    }

    #[test]
    fn bracketed_insertions_stand_for_claim_words() {
        let text = "“[The coalition] will not fail,” Starmer said.";
        let r = run_on(
            text,
            "id: q\nclaim: c\nquote: the willing coalition will not fail\nby: Starmer",
        );
        assert_eq!(r.verdict, Verdict::Supported, "{r:#?}");
        assert_eq!(r.evidence[0].role, Role::Supports);
    }

    #[test]
    fn apostrophes_do_not_open_quotations() {
        let text = "Putin’s Russia’s aims, he said, are “clear”.";
        let r = run_on(text, "id: q\nclaim: c\nquote: Russia's aims");
        assert_eq!(r.verdict, Verdict::Refuted);
    }
}
