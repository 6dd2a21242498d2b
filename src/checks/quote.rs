//! `quote`: words someone said, which must stand inside quotation marks.
//!
//! ## What it checks
//! The claimed words occur, in order, inside one quotation (“…”, "…", «…», ‘…’). Words are
//! compared after normalization and case folding, punctuation aside; `…` or `...` in the
//! claim is an elision (the parts occur in order in the same quotation); a `[bracketed]`
//! insertion in the article may stand for up to four words of the claim.
//!
//! ## Supported when
//! They occur in a quotation, and with `by` the claimed speaker is the subject of a speech
//! verb attached to it (`X said`, `said X`, `according to X`, `X: “…”`, a participle, a
//! pronoun standing for X), in the quotation's sentence(s) or, when those name nobody, the
//! sentence before in its paragraph (`speaker.rs`). The note says so: "`Ryder` is the
//! speaker (`said … Ryder`)".
//!
//! ## Refuted when
//! A near miss (similarity ≥ 0.8) stands in a quotation (diffed); the words occur only
//! outside quotation marks; or `by` names someone else than the speaker, even someone named
//! in the same sentence ("`A` is the speaker (`A told`); `B` is only named").
//!
//! ## Not found when
//! With `by`, the words are quoted but nobody is the subject of a speech verb there: the
//! quotation is shown as nearest, with the people (never places) named around it.
//!
//! ## Example
//! `quote: a first stone on these guarantees of security` with `by: Lecornu`

use std::ops::Range;

pub use super::speaker::{names_in, speakers};
use super::{Check, Context, Finding, Found, Scope, Spec, near_miss, speaker};
use crate::article::Article;
use crate::article::normalize::{fold_case, normalize_str};
use crate::article::quotes::Quotation;
use crate::report::Role;
use crate::terms::{TermId, TermTable};

#[derive(Debug, Clone)]
pub struct Quote {
    pub words: String,
    pub by: Option<TermId>,
}

/// The most claim words a `[bracketed]` insertion may stand for.
const BRACKET_WORDS: usize = 4;

impl Quote {
    pub fn build(spec: &mut dyn Spec) -> Option<Quote> {
        // Read for their problems (`scope` and the like do not apply to a quote).
        spec.modifiers(Scope::Article);
        let words = spec.text()?;
        let by = spec.speaker()?;
        Some(Quote { words, by })
    }
}

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

    fn reads(&self) -> &'static str {
        "quotations"
    }

    fn mentions(&self, article: &Article) -> Vec<Range<usize>> {
        article.quotations().iter().map(|q| q.inner.clone()).collect()
    }

    fn why_not(&self, _: &Context<'_>, _: &Range<usize>) -> String {
        "the claimed words are not in this quotation".to_string()
    }

    fn evaluate(&self, cx: &Context<'_>) -> Finding {
        let a = cx.article;
        let parts = claim_parts(&self.words);
        let quotes = a.quotations();
        let mut evidence = Vec::new();
        let mut nearest = None;
        let mut explanation = None;
        // Claims with the same words (with and without `by`, other speakers) share the search.
        let quoted = cx.memo.quoted(&self.words, || {
            let may_hold = may_hold(a, &parts);
            (quotes.iter().enumerate())
                .filter(|(_, q)| may_hold(&q.inner))
                .filter_map(|(i, q)| find_parts(a, &q.inner, &parts).map(|marks| (i, marks)))
                .collect()
        });
        for (i, marks) in quoted.iter() {
            let (q, marks) = (&quotes[*i], marks.clone());
            match self.by {
                None => evidence.push(Found::new(Role::Supports, marks, quote_context(a, q))),
                Some(by) => match attribution(a, cx, q, by) {
                    Attribution::Named(speaker, note) => {
                        let mut m = marks;
                        m.extend(speaker);
                        m.sort_by_key(|r| r.start);
                        evidence.push(Found::new(Role::Supports, m, quote_context(a, q)).note(note))
                    }
                    Attribution::Other(note) => {
                        evidence.push(Found::new(Role::Refutes, marks, quote_context(a, q)).note(note))
                    }
                    Attribution::Nobody(note) => {
                        explanation = Some(
                            "the words are quoted, but nobody is their speaker: no one is the subject of a speech verb attached to the quotation"
                                .into(),
                        );
                        nearest.get_or_insert(Found::new(Role::Nearest, marks, quote_context(a, q)).note(note));
                    }
                },
            }
        }
        if evidence.is_empty() && nearest.is_none() {
            evidence = unquoted(a, &parts, quotes);
            if evidence.is_empty() {
                let inner: Vec<Range<usize>> = quotes.iter().map(|q| q.inner.clone()).collect();
                let plain = self.words.replace("...", " ").replace('…', " ");
                let closest = cx
                    .memo
                    .nearest(&plain, &inner, || near_miss::closest(a, &plain, &inner));
                if let Some((r, sim)) = closest {
                    let context = Scope::Sentence.context(a, &r);
                    let note = format!("similarity {sim:.2} to the claimed words, inside a quotation");
                    let f = near_miss::judged(a, &plain, r, sim, context, note);
                    if f.role == Role::Refutes {
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

/// Whether a quotation can hold the claim's words, read from the article's word index: it
/// must hold each of them unless a `[bracketed]` insertion may stand for it, so it must
/// hold the rarest. Each quote claim read every quotation of the article, word by word,
/// where most hold few of its words.
fn may_hold<'a>(a: &'a Article, parts: &[Vec<String>]) -> impl Fn(&Range<usize>) -> bool + 'a {
    // A word without an apostrophe matches a whole word of the index.
    let at: Option<&[u32]> = parts
        .iter()
        .flatten()
        .filter(|w| !w.contains('\''))
        .map(|w| a.words().of(w))
        .min_by_key(|at| at.len());
    let text = a.folded();
    // A range that cuts a word has words the index does not list: read it word by word.
    let cuts = move |at: usize| {
        text[..at].chars().next_back().is_some_and(char::is_alphanumeric)
            && text[at..].chars().next().is_some_and(char::is_alphanumeric)
    };
    move |r: &Range<usize>| match at {
        None => true,
        Some(at) => {
            let i = at.partition_point(|&p| (p as usize) < r.start);
            at.get(i).is_some_and(|&p| (p as usize) < r.end)
                || text.as_bytes()[r.clone()].contains(&b'[')
                || cuts(r.start)
                || cuts(r.end)
        }
    }
}

/// The claimed words outside quotation marks: said by the article, not by anyone. Only the
/// sentences holding the claim's first plain word are read (the article's word index), not
/// every sentence once per quote claim.
fn unquoted(a: &Article, parts: &[Vec<String>], quotes: &[Quotation]) -> Vec<Found> {
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
    let mut evidence = Vec::new();
    for s in candidates.into_iter().map(|i| &a.sentences()[i]) {
        if let Some(marks) = find_parts(a, &s.range, parts)
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
    evidence
}

/// The sentences a quotation belongs to.
fn quote_context(a: &Article, q: &Quotation) -> Range<usize> {
    speaker::quote_sentences(a, q)
}

enum Attribution {
    /// The claimed speaker: the places to mark, and the note that says why.
    Named(Vec<Range<usize>>, String),
    /// Someone else is the speaker: the note says who.
    Other(String),
    /// Nobody is the speaker: the note names the people named there.
    Nobody(String),
}

/// "`Ryder` is the speaker (`said … Ryder`)", with the person a pronoun stands for.
fn described(a: &Article, s: &speaker::Speaker, who: &Range<usize>) -> String {
    let cue = s.cue(a, who);
    match &s.pronoun {
        None => format!("`{}` is the speaker (`{cue}`)", a.slice(who)),
        Some(p) => format!(
            "`{}` is the speaker (`{cue}`: `{}` is {}, the person named last before it)",
            a.slice(who),
            a.slice(p),
            a.slice(&s.name)
        ),
    }
}

/// The `by` rule: the claimed speaker must be the subject of a speech verb attached to the
/// quotation (see `speaker.rs`); someone merely named there is not.
fn attribution(a: &Article, cx: &Context<'_>, q: &Quotation, by: TermId) -> Attribution {
    let said = cx.memo.speakers(&q.inner, || speaker::attribute(a, q));
    let (found, read) = &*said;
    if found.is_empty() {
        let people = speaker::people_named(a, read);
        let mut note =
            "no speaker: nobody is the subject of a speech verb in the quotation's sentence or the one before"
                .to_string();
        if !people.is_empty() {
            let people: Vec<String> = people.iter().map(|p| format!("`{p}`")).collect();
            note.push_str(&format!(" ({} only named)", people.join(", ")));
        }
        return Attribution::Nobody(note);
    }
    for s in found {
        let hits: Vec<Range<usize>> = s.spans.iter().flat_map(|sp| cx.hits.within(by, sp)).cloned().collect();
        // The report names the person ("Sébastien Lecornu"), not a title the entity lists.
        let shown = hits
            .iter()
            .find(|h| h.start < s.name.end && s.name.start < h.end)
            .or(hits.first());
        if let Some(h) = shown {
            let marks = s.pronoun.clone().map_or(hits.clone(), |p| vec![p]);
            return Attribution::Named(marks, described(a, s, h));
        }
    }
    let who = described(a, &found[0], &found[0].name);
    let label = cx.terms.label(by);
    let named = cx.hits.within(by, read).iter().any(|h| !a.inside_quotation(h));
    Attribution::Other(match named {
        true => format!("{who}; `{label}` is only named"),
        false => format!("{who}, not {label}"),
    })
}

/// One word of the article: where it is in the folded text (a slice, not a copy: quotations
/// are tokenized once per quote claim).
#[derive(Debug)]
enum Token {
    Word(Range<usize>),
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
            out.push(Token::Word(r.start + s..r.start + s + w.len()));
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
    let folded = a.folded();
    let mut from = 0;
    let mut marks = Vec::new();
    for part in parts {
        let (start, end) = (from..toks.len()).find_map(|s| match_at(folded, &toks, s, part).map(|e| (s, e)))?;
        let first = token_range(&toks[start]);
        let last = token_range(&toks[end - 1]);
        marks.push(first.start..last.end);
        from = end;
    }
    Some(marks)
}

fn token_range(t: &Token) -> &Range<usize> {
    match t {
        Token::Word(r) | Token::Insert(r) => r,
    }
}

/// Matches the claim words at token `s`; returns the token index after the match.
fn match_at(folded: &str, toks: &[Token], s: usize, words: &[String]) -> Option<usize> {
    if words.is_empty() {
        return Some(s);
    }
    match toks.get(s)? {
        Token::Word(w) if folded[w.clone()] == words[0] => match_at(folded, toks, s + 1, &words[1..]),
        Token::Word(..) => None,
        Token::Insert(_) => {
            (1..=BRACKET_WORDS.min(words.len())).find_map(|k| match_at(folded, toks, s + 1, &words[k..]))
        }
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
    fn a_misattribution_is_refuted_and_names_the_speaker() {
        let r = run("id: q\nclaim: c\nquote: a first stone on these guarantees of security\nby: Brekelmans");
        assert_eq!(r.verdict, Verdict::Refuted);
        let note = r.evidence[0].note.as_deref().unwrap();
        assert_eq!(
            note,
            "`Sébastien Lecornu` is the speaker (`according to … Sébastien Lecornu`), not Brekelmans"
        );
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
