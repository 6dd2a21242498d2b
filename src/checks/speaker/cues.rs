//! Speech cues (`said`, `according to`, `saying`, `said by`, a colon before a quotation) and
//! the subject each gives: the phrase before or after the verb, or a pronoun and the person
//! it stands for. Apart from the names because a new cue or subject form is added here.

use std::ops::Range;

use super::names::{CONNECTORS, NOT_NAMES, name_runs, person, untitled};
use super::{Cue, Kind, Subject, Tok};
use crate::article::Article;

/// Finite speech verbs.
#[rustfmt::skip]
const VERBS: &[&str] = &[
    "said", "says", "say", "told", "tells", "added", "adds", "stated", "states", "explained", "explains",
    "wrote", "writes", "noted", "notes", "stressed", "stresses", "insisted", "insists", "warned", "warns",
    "urged", "asked", "invited", "announced", "declared", "argued", "argues", "claimed", "recalled", "recalls",
    "echoed", "replied", "responded", "answered", "admitted", "acknowledged", "tweeted", "posted", "commented",
    "remarked", "continued", "concluded", "observed", "emphasised", "emphasized", "underlined", "underscored",
    "reiterated", "promised", "vowed", "pledged", "suggested", "predicted", "complained", "conceded",
    "confirmed", "cautioned", "demanded", "assured", "affirmed", "reported", "shouted", "joked", "quipped",
    "testified", "recounted", "lamented", "boasted", "countered", "retorted", "charged", "alleged", "revealed",
    "maintained", "contended", "repeated", "reaffirmed", "spoke", "called", "described", "mused", "pointed", "quoted",
];

/// Participles: the speaker is the subject of their clause.
#[rustfmt::skip]
const PARTICIPLES: &[&str] = &[
    "saying", "adding", "stating", "noting", "explaining", "telling", "writing", "warning", "arguing",
    "insisting", "claiming", "stressing", "urging", "describing", "asking", "announcing", "declaring",
    "recalling", "echoing", "calling", "pointing", "emphasising", "emphasizing", "underlining", "reiterating",
    "promising", "vowing", "confirming", "acknowledging", "admitting", "suggesting", "predicting", "cautioning",
    "tweeting", "replying", "responding",
];

const PRONOUNS: &[&str] = &["he", "she", "they"];
/// Words between a subject and its verb ("Macron also said", "he then pointed out").
#[rustfmt::skip]
const ADVERBS: &[&str] = &[
    "also", "then", "later", "has", "had", "have", "was", "is", "previously", "again", "once", "further",
    "earlier", "always", "repeatedly", "reportedly", "separately", "would", "will",
];
const DETERMINERS: &[&str] = &["the", "a", "an", "his", "her", "its", "their", "our"];
/// Where a subject phrase after its verb ends.
#[rustfmt::skip]
const PHRASE_ENDS: &[&str] = &[
    "in", "on", "at", "before", "after", "during", "today", "yesterday", "tonight", "this", "last", "when",
    "while", "who", "which", "as", "to", "for", "from", "with", "that", "by", "and", "but", "earlier", "later",
    "late", "told", "via", "through", "under", "over", "recently", "again", "also",
];

fn is(a: &Article, t: &Tok, list: &[&str]) -> bool {
    t.kind == Kind::Word && list.iter().any(|w| w.eq_ignore_ascii_case(a.slice(&t.r)))
}

fn capital(a: &Article, t: &Tok) -> bool {
    t.kind == Kind::Word
        && a.slice(&t.r).chars().next().is_some_and(char::is_uppercase)
        && !NOT_NAMES.contains(&a.slice(&t.r))
}

pub(super) fn cues(a: &Article, toks: &[Tok]) -> Vec<Cue> {
    let mut out: Vec<Cue> = Vec::new();
    for i in 0..toks.len() {
        let t = &toks[i];
        let next_is = |w: &str| toks.get(i + 1).is_some_and(|n| a.slice(&n.r).eq_ignore_ascii_case(w));
        let (words, subject) = if is(a, t, &["according"]) && next_is("to") {
            (t.r.start..toks[i + 1].r.end, phrase_after(a, toks, i + 2))
        } else if t.kind == Kind::Word
            && (!verb_like(a, toks, i) || (is(a, t, &["pointed", "pointing"]) && !next_is("out")))
        {
            continue;
        } else if is(a, t, VERBS) {
            let subject = if next_is("by") {
                phrase_after(a, toks, i + 2)
            } else {
                subject_before(a, toks, i).or_else(|| inverted(a, toks, i))
            };
            (t.r.clone(), subject)
        } else if is(a, t, PARTICIPLES) {
            let subject = out
                .last()
                .map(|c| c.subject.clone())
                .or_else(|| sentence_subject(a, toks));
            (t.r.clone(), subject)
        } else if t.kind == Kind::Punct(':') && matches!(toks.get(i + 1).map(|n| n.kind), Some(Kind::Quote(_))) {
            (t.r.clone(), name_before(a, toks, i).map(|r| Subject::Phrase(vec![r])))
        } else {
            continue;
        };
        if let Some(subject) = subject {
            out.push(Cue { at: i, words, subject });
        }
    }
    out
}

/// Whether the word at `i` can be a speech verb: written in lower case ("the United States"
/// has no verb) and not a noun after a determiner ("a warning", "the claims").
fn verb_like(a: &Article, toks: &[Tok], i: usize) -> bool {
    a.slice(&toks[i].r).chars().next().is_some_and(char::is_lowercase) && !(i > 0 && is(a, &toks[i - 1], DETERMINERS))
}

/// The subject after a verb that follows its quotation: `“…,” said X`.
fn inverted(a: &Article, toks: &[Tok], i: usize) -> Option<Subject> {
    let before = toks[..i].iter().rev().find(|t| t.kind != Kind::Punct(','))?;
    matches!(before.kind, Kind::Quote(_))
        .then(|| phrase_after(a, toks, i + 1))
        .flatten()
}

/// The subject before a verb: a name run, a pronoun, or a short phrase back to its
/// determiner; over a comma, the name of an appositive or the antecedent of `who`.
fn subject_before(a: &Article, toks: &[Tok], verb: usize) -> Option<Subject> {
    let mut j = verb;
    while j > 0 && is(a, &toks[j - 1], ADVERBS) {
        j -= 1;
    }
    let prev = toks.get(j.checked_sub(1)?)?;
    if is(a, prev, &["who", "which", "that"]) {
        // "Macron, who said": the name the relative clause hangs on.
        let end = if j >= 2 && toks[j - 2].kind == Kind::Punct(',') {
            j - 2
        } else {
            j - 1
        };
        return name_before(a, toks, end).map(|r| Subject::Phrase(vec![r]));
    }
    match prev.kind {
        Kind::Word if is(a, prev, PRONOUNS) => Some(Subject::Pronoun(prev.r.clone())),
        Kind::Word if capital(a, prev) => names_before(a, toks, j),
        Kind::Word => lower_phrase_before(a, toks, j).map(|r| Subject::Phrase(vec![r])),
        Kind::Punct(',') => after_comma(a, toks, j - 1),
        _ => None,
    }
}

/// The subject before the comma at `comma`, over what news copy puts between a subject and
/// its verb: an appositive (`X, the minister, said`; `the minister, X, said`), a relative
/// clause (`X, who met Y, said`), an aside (`X, speaking in Paris, said`).
fn after_comma(a: &Article, toks: &[Tok], comma: usize) -> Option<Subject> {
    // The clause that ends at the comma (abbreviation points do not end it).
    let start = toks[..comma]
        .iter()
        .rposition(|t| matches!(t.kind, Kind::Punct(c) if c != '.') || matches!(t.kind, Kind::Quote(_)))
        .map_or(0, |p| p + 1);
    if start >= comma {
        return None;
    }
    let after_comma_before = start > 0 && toks[start - 1].kind == Kind::Punct(',');
    if is(a, &toks[start], &["who", "which"]) {
        // The name the relative clause hangs on.
        return after_comma_before
            .then(|| name_before(a, toks, start - 1))
            .flatten()
            .map(|r| Subject::Phrase(vec![r]));
    }
    match name_before(a, toks, comma) {
        // The clause is a name: the subject, or an appositive naming it; not a party and
        // state ("Sen. Lindsey Graham, R-S.C., said").
        Some(name) if name.start == toks[start].r.start && !initials(a.slice(&name)) => {
            Some(Subject::Phrase(vec![name]))
        }
        // An aside or a title appositive: the subject stands before it.
        _ if after_comma_before => after_comma(a, toks, start - 1),
        _ => None,
    }
}

/// Whether a name is initials only ("R-S.C.", "D-N.Y.").
fn initials(name: &str) -> bool {
    name.split(|c: char| !c.is_alphanumeric())
        .all(|w| w.chars().count() <= 2 && w.chars().all(char::is_uppercase))
}

/// `X said`, `X and Y said`: the name runs before a verb at `end`.
fn names_before(a: &Article, toks: &[Tok], end: usize) -> Option<Subject> {
    let last = name_before(a, toks, end)?;
    let mut spans = vec![last.clone()];
    let first = toks.iter().position(|t| t.r.start == last.start)?;
    if first >= 2 && is(a, &toks[first - 1], &["and"]) && capital(a, &toks[first - 2]) {
        spans.extend(name_before(a, toks, first - 1));
    }
    Some(Subject::Phrase(spans))
}

/// The name run that ends just before token `end`, with its titles and abbreviations.
fn name_before(a: &Article, toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let mut start = end;
    while start > 0 {
        let t = &toks[start - 1];
        let abbreviation = t.kind == Kind::Punct('.') && start >= 2 && capital(a, &toks[start - 2]);
        let connector = is(a, t, CONNECTORS) && start >= 2 && capital(a, &toks[start - 2]) && start < end;
        if capital(a, t) || connector || abbreviation {
            start -= 1;
        } else {
            break;
        }
    }
    (start < end).then(|| toks[start].r.start..toks[end - 1].r.end)
}

/// A lower-case subject: back to its determiner ("the French leader"), else one word
/// ("officials"); never across punctuation.
fn lower_phrase_before(a: &Article, toks: &[Tok], end: usize) -> Option<Range<usize>> {
    let last = &toks[end - 1];
    for back in 1..=5.min(end) {
        let t = &toks[end - back];
        if t.kind != Kind::Word {
            break;
        }
        // "the French leader", "Russia's foreign ministry".
        let possessive = back > 1 && capital(a, t) && a.slice(&t.r).ends_with("'s");
        if is(a, t, DETERMINERS) || possessive {
            return (back > 1).then_some(t.r.start..last.r.end);
        }
    }
    let w = a.slice(&last.r);
    // A bare plural noun can be a subject ("officials said"); a bare verb or adverb cannot.
    (w.ends_with('s') && !w.ends_with("ss") && w.len() > 3).then(|| last.r.clone())
}

/// The subject phrase that opens at token `i`: a pronoun, a name run with titles, or a
/// determiner phrase, up to a clause boundary; with an appositive name after a comma.
fn phrase_after(a: &Article, toks: &[Tok], mut i: usize) -> Option<Subject> {
    while toks.get(i).is_some_and(|t| is(a, t, &["then", "also"])) {
        i += 1;
    }
    let first = toks.get(i)?;
    if is(a, first, PRONOUNS) {
        return Some(Subject::Pronoun(first.r.clone()));
    }
    if !(capital(a, first) || is(a, first, DETERMINERS)) {
        return None;
    }
    let mut end = i;
    while let Some(t) = toks.get(end) {
        // "Brig. Gen." before a name, and the points of an initialism ("U.N. spokesman").
        let abbreviation = t.kind == Kind::Punct('.')
            && end > i
            && capital(a, &toks[end - 1])
            && (toks.get(end + 1).is_some_and(|n| capital(a, n)) || a.slice(&toks[end - 1].r).chars().count() == 1);
        let word = t.kind == Kind::Word && (end == i || !is(a, t, PHRASE_ENDS) || is(a, t, CONNECTORS));
        if (word && !is(a, t, VERBS) && !is(a, t, PARTICIPLES)) || abbreviation {
            end += 1;
        } else {
            break;
        }
    }
    while end > i + 1 && is(a, &toks[end - 1], CONNECTORS) {
        end -= 1;
    }
    let phrase = toks[i].r.start..toks[end - 1].r.end;
    let mut spans = Vec::with_capacity(2);
    spans.push(phrase);
    // ", Thierry Burkhard," after "the head of the French armed forces".
    if toks.get(end).is_some_and(|t| t.kind == Kind::Punct(','))
        && let Some(Subject::Phrase(more)) = phrase_after(a, toks, end + 1)
        && more.len() == 1
        && a.slice(&more[0]).chars().next().is_some_and(char::is_uppercase)
    {
        spans.extend(more);
    }
    Some(Subject::Phrase(spans))
}

/// The sentence's opening subject, for a participle with no speech verb before it.
fn sentence_subject(a: &Article, toks: &[Tok]) -> Option<Subject> {
    let first = toks.first()?;
    if is(a, first, PRONOUNS) {
        return Some(Subject::Pronoun(first.r.clone()));
    }
    if !capital(a, first) {
        return None;
    }
    let end = (1..toks.len()).find(|&k| !capital(a, &toks[k])).unwrap_or(toks.len());
    name_before(a, toks, end).map(|r| Subject::Phrase(vec![r]))
}

/// The person a pronoun at `at` stands for: the one named last before it, outside
/// quotations, in its paragraph or the one before.
pub(super) fn antecedent(a: &Article, at: usize) -> Option<Range<usize>> {
    let pi = a.paragraph_at(at)?;
    let from = a.paragraphs[pi.saturating_sub(1)].range.start;
    name_runs(a, &(from..at)).iter().rev().find_map(|run| person(a, run))
}

/// The name inside a subject phrase, titles stripped ("Pat Ryder" in "Pentagon Press
/// Secretary Air Force Brig. Gen. Pat Ryder"); None when it has no such name.
pub(super) fn name_in_phrase(a: &Article, phrase: &Range<usize>) -> Option<Range<usize>> {
    let runs = name_runs(a, phrase);
    // "a Ukrainian soldier" is named by its noun, not by the adjective.
    let run = runs
        .last()
        .filter(|r| a.slice(&(r.end..phrase.end)).trim().is_empty())?;
    untitled(a, run).map(|(r, _)| r)
}

pub(super) fn strip_determiner(a: &Article, r: &Range<usize>) -> Range<usize> {
    let text = a.slice(r);
    match text.split_once(' ') {
        Some((d, rest)) if DETERMINERS.iter().any(|x| x.eq_ignore_ascii_case(d)) && !rest.is_empty() => {
            r.end - rest.len()..r.end
        }
        _ => r.clone(),
    }
}
