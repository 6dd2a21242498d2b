//! Who said a quotation (the `by` modifier of `quote`): the subject of a speech verb attached
//! to it, as the claim format reads news copy.
//!
//! ## Cues
//! A speech verb outside quotation marks (`said`, `told`, `added`, `wrote`, `echoed`, …;
//! `pointed out`), `according to X`, a participle (`saying`, `adding`, `stating`, …: the
//! subject of its clause), a passive `said by X`, or a name before a colon that opens a
//! quotation (`X: “…”`). A cue belongs to the quotation nearest it in the sentence; a
//! sentence whose cues all belong to other quotations lends them to the rest (`“A,” X said,
//! “B.”`).
//!
//! ## Subjects
//! Before the verb (`X said`, `X, the minister, said`, `X, who …, said`), after it when the
//! verb follows the quotation (`“…,” said X`) or comes with `according to`/`by`; a title run
//! belongs to the phrase (`Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder`), and the
//! report names the person in it without titles (`Pat Ryder`). Someone the verb's object
//! names (`A told B`) is never the subject. A pronoun subject (`he`, `she`, `they`) is the
//! person named last before it, outside quotations, in its paragraph or the one before.
//!
//! ## Who is a person (for pronouns and for "who is named there")
//! A cheap test, never a dictionary: a capitalised run, titles stripped, that has a title
//! before or in it (`President`, `Gen.`, `Mr.`, …), or two or three words none of which is
//! an organisation or place word (`Ministry`, `Forum`, `New`, `Republic`, …), or one word the
//! article elsewhere writes after a first name or a title (`Macron` after `Emmanuel`). A name
//! the article writes after `in` or `at` (`in Paris`) is a place, never a person; months,
//! weekdays and sentence openers are never names.

use std::ops::Range;

use super::Scope;
use crate::article::Article;
use crate::article::quotes::Quotation;

/// A speaker the wording makes: where they stand and which words make them the speaker.
#[derive(Debug, Clone)]
pub struct Speaker {
    /// The subject phrase (title, name, appositive), or the person a pronoun stands for:
    /// a `by` term found here is the speaker.
    pub spans: Vec<Range<usize>>,
    /// What the report calls them: the person's name without titles, else the phrase.
    pub name: Range<usize>,
    /// The cue's words: `said`, `according to`, `:`.
    pub verb: Range<usize>,
    /// For a pronoun: the pronoun, whose antecedent `name` is.
    pub pronoun: Option<Range<usize>>,
}

impl Speaker {
    /// The wording that makes `who` (a name in [`Speaker::spans`]) the speaker, as the report
    /// quotes it: `Ryder said`, `said … Ryder`, `He added`.
    pub fn cue(&self, a: &Article, who: &Range<usize>) -> String {
        let who = self.pronoun.as_ref().unwrap_or(who);
        let (first, second) = if who.start < self.verb.start {
            (who, &self.verb)
        } else {
            (&self.verb, who)
        };
        if a.text[first.end.min(second.start)..second.start].trim().is_empty() {
            a.slice(&(first.start..second.end)).to_string()
        } else {
            format!("{} … {}", a.slice(first), a.slice(second))
        }
    }
}

/// The speakers of a quotation and the sentences read to find them: its own sentence(s), and
/// the sentence before in its paragraph when its own name nobody.
pub fn attribute(a: &Article, q: &Quotation) -> (Vec<Speaker>, Range<usize>) {
    let own = quote_sentences(a, q);
    let found = in_unit(a, &own, Some(q));
    if !found.is_empty() {
        return (found, own);
    }
    let previous = a
        .sentence_at(own.start)
        .filter(|&si| si > 0 && a.sentences()[si - 1].paragraph == a.sentences()[si].paragraph)
        .map(|si| a.sentences()[si - 1].range.clone());
    match previous {
        Some(p) => (in_unit(a, &p, None), p.start..own.end),
        None => (Vec::new(), own),
    }
}

/// The sentences a quotation belongs to.
pub fn quote_sentences(a: &Article, q: &Quotation) -> Range<usize> {
    let start = Scope::Sentence.context(a, &q.outer);
    let end = Scope::Sentence.context(a, &(q.outer.end.saturating_sub(1)..q.outer.end));
    start.start..end.end.max(start.end)
}

/// Who the wording makes the speaker of a quotation, then (if nobody) the people named
/// around it: names for a draft's `by`.
pub fn speakers(a: &Article, q: &Quotation) -> Vec<String> {
    let (found, read) = attribute(a, q);
    let mut names: Vec<String> = found.iter().map(|s| a.slice(&s.name).to_string()).collect();
    if names.is_empty() {
        names = people_named(a, &read);
    }
    names.dedup();
    names
}

/// The people named in a range outside quotations, in order, each once (places and
/// organisations left out: see the module docs).
pub fn people_named(a: &Article, r: &Range<usize>) -> Vec<String> {
    let mut out: Vec<String> = Vec::new();
    for run in name_runs(a, r) {
        if let Some(p) = person(a, &run) {
            let n = a.slice(&p).to_string();
            if !out.contains(&n) {
                out.push(n);
            }
        }
    }
    out
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Word,
    Punct(char),
    /// A quotation (index into [`Article::quotations`]), marks and all.
    Quote(usize),
}

#[derive(Debug, Clone)]
struct Tok {
    r: Range<usize>,
    kind: Kind,
}

/// The words and punctuation of a unit, each quotation in it one token.
fn tokens(a: &Article, unit: &Range<usize>) -> Vec<Tok> {
    let quotes = a.quotations();
    // Sorted by start, nested ones after theirs: ends are not sorted, so no binary search.
    let mut qi = quotes
        .iter()
        .position(|q| q.outer.end > unit.start)
        .unwrap_or(quotes.len());
    let mut out = Vec::new();
    let mut at = unit.start;
    let text = &a.text;
    while at < unit.end {
        while qi < quotes.len() && quotes[qi].outer.end <= at {
            qi += 1;
        }
        if let Some(q) = quotes.get(qi).filter(|q| q.outer.start <= at) {
            out.push(Tok {
                r: q.outer.start..q.outer.end.min(unit.end),
                kind: Kind::Quote(qi),
            });
            at = q.outer.end;
            continue;
        }
        let c = text[at..].chars().next().expect("inside the text");
        if c.is_alphanumeric() {
            let len = word_len(&text[at..unit.end]);
            out.push(Tok {
                r: at..at + len,
                kind: Kind::Word,
            });
            at += len;
        } else {
            if !c.is_whitespace() {
                out.push(Tok {
                    r: at..at + c.len_utf8(),
                    kind: Kind::Punct(c),
                });
            }
            at += c.len_utf8();
        }
    }
    out
}

/// The length of the word that opens `s`: letters and digits, with an apostrophe or hyphen
/// inside ("Putin's", "al-Sisi").
fn word_len(s: &str) -> usize {
    let mut end = 0;
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let joiner = (c == '\'' || c == '-') && chars.peek().is_some_and(|(_, n)| n.is_alphanumeric());
        if c.is_alphanumeric() || (joiner && i > 0) {
            end = i + c.len_utf8();
        } else {
            break;
        }
    }
    end
}

/// A subject as the wording gives it.
#[derive(Debug, Clone)]
enum Subject {
    Phrase(Vec<Range<usize>>),
    Pronoun(Range<usize>),
}

/// A speech cue: where it stands (token index), its words, and its subject.
struct Cue {
    at: usize,
    words: Range<usize>,
    subject: Subject,
}

/// The speakers a unit's cues make: those attached to `q` (every cue when `q` is None, or
/// when none is attached to it).
fn in_unit(a: &Article, unit: &Range<usize>, q: Option<&Quotation>) -> Vec<Speaker> {
    let toks = tokens(a, unit);
    let cues = cues(a, &toks);
    let target = q.and_then(|q| toks.iter().position(|t| t.r.start == q.outer.start));
    let quotes: Vec<usize> = (0..toks.len())
        .filter(|&i| matches!(toks[i].kind, Kind::Quote(_)))
        .collect();
    let attached: Vec<&Cue> = match target {
        Some(t) => cues
            .iter()
            .filter(|c| quotes.iter().min_by_key(|&&qi| c.at.abs_diff(qi)) == Some(&t))
            .collect(),
        None => Vec::new(),
    };
    let chosen: Vec<&Cue> = if attached.is_empty() {
        cues.iter().collect()
    } else {
        attached
    };
    chosen.into_iter().filter_map(|c| speaker(a, c)).collect()
}

fn speaker(a: &Article, c: &Cue) -> Option<Speaker> {
    match &c.subject {
        Subject::Phrase(spans) => {
            // A person first ("Thierry Burkhard" after "the head of the French armed
            // forces"), else the last name in the phrase, else the phrase.
            let name = spans
                .iter()
                .find_map(|s| name_runs(a, s).last().and_then(|r| person(a, r)))
                .or_else(|| spans.iter().rev().find_map(|s| name_in_phrase(a, s)))
                .unwrap_or_else(|| strip_determiner(a, &spans[0]));
            Some(Speaker {
                spans: spans.clone(),
                name,
                verb: c.words.clone(),
                pronoun: None,
            })
        }
        Subject::Pronoun(p) => {
            let who = antecedent(a, p.start)?;
            Some(Speaker {
                spans: vec![who.clone()],
                name: who,
                verb: c.words.clone(),
                pronoun: Some(p.clone()),
            })
        }
    }
}

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

fn cues(a: &Article, toks: &[Tok]) -> Vec<Cue> {
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
fn antecedent(a: &Article, at: usize) -> Option<Range<usize>> {
    let pi = a.paragraph_at(at)?;
    let from = a.paragraphs[pi.saturating_sub(1)].range.start;
    name_runs(a, &(from..at)).iter().rev().find_map(|run| person(a, run))
}

/// The name inside a subject phrase, titles stripped ("Pat Ryder" in "Pentagon Press
/// Secretary Air Force Brig. Gen. Pat Ryder"); None when it has no such name.
fn name_in_phrase(a: &Article, phrase: &Range<usize>) -> Option<Range<usize>> {
    let runs = name_runs(a, phrase);
    // "a Ukrainian soldier" is named by its noun, not by the adjective.
    let run = runs
        .last()
        .filter(|r| a.slice(&(r.end..phrase.end)).trim().is_empty())?;
    untitled(a, run).map(|(r, _)| r)
}

fn strip_determiner(a: &Article, r: &Range<usize>) -> Range<usize> {
    let text = a.slice(r);
    match text.split_once(' ') {
        Some((d, rest)) if DETERMINERS.iter().any(|x| x.eq_ignore_ascii_case(d)) && !rest.is_empty() => {
            r.end - rest.len()..r.end
        }
        _ => r.clone(),
    }
}

/// Whether a word is a title ("Minister", "Gen."): never a name on its own.
pub fn is_title(word: &str) -> bool {
    TITLES.contains(&word.trim_end_matches('.'))
}

/// Titles: before a name they make it a person's, and the report leaves them out.
#[rustfmt::skip]
const TITLES: &[&str] = &[
    "President", "Minister", "Secretary", "Gen", "General", "Brig", "Lt", "Col", "Colonel", "Maj", "Major",
    "Capt", "Captain", "Adm", "Admiral", "Sgt", "Sen", "Senator", "Rep", "Gov", "Governor", "Mayor",
    "Chancellor", "Chief", "Director", "Spokesman", "Spokeswoman", "Spokesperson", "Press", "Ambassador",
    "Commissioner", "Prime", "Dr", "Mr", "Mrs", "Ms", "Prof", "Professor", "King", "Queen", "Prince",
    "Princess", "Pope", "Judge", "Justice", "Chairman", "Chairwoman", "Vice", "Deputy", "Head", "Commander",
    "CEO", "Premier", "Speaker", "Leader", "Officer", "Attorney", "Envoy", "State", "Rev", "Sheikh", "Emir", "Cardinal",
    "Counterpart", "Lieutenant", "Sergeant",
];
/// Words of organisations and places: a run holding one is no person.
#[rustfmt::skip]
const NOT_PERSON: &[&str] = &[
    "Forum", "Ministry", "Council", "Union", "Group", "Party", "Forces", "Force", "Army", "Navy", "Agency",
    "Department", "Office", "House", "Committee", "Organization", "Organisation", "Bank", "Court", "Kingdom",
    "States", "Republic", "Nations", "University", "Company", "Corporation", "Inc", "Ltd", "News", "Times",
    "Post", "Tribune", "Association", "Institute", "Commission", "Parliament", "Senate", "Congress",
    "Government", "Administration", "Coalition", "Alliance", "Federation", "Fund", "Service", "Police",
    "Center", "Centre", "Foundation", "Network", "Club", "Pentagon", "Kremlin", "Palace", "New", "North",
    "South", "East", "West", "Saudi", "City", "Island", "Islands", "Sea", "Gulf", "Mount", "Lake", "River",
    "Street", "Square", "Bay", "Coast", "Province", "Region", "County", "District", "Strip", "Defense",
    "Defence", "Security", "Affairs", "Foreign", "Armed", "Guard", "Reuters", "Europe",
    "European",
];

/// A run without its leading titles, and whether a title stood before or in it.
fn untitled(a: &Article, run: &Range<usize>) -> Option<(Range<usize>, bool)> {
    let text = a.slice(run);
    let words: Vec<(usize, &str)> = text
        .split(' ')
        .scan(0, |at, w| {
            let start = *at;
            *at += w.len() + 1;
            Some((start, w))
        })
        .collect();
    let title = |w: &str| w.split('-').any(|part| TITLES.contains(&part.trim_end_matches('.')));
    let after_title = words.iter().rposition(|(_, w)| title(w)).map_or(0, |p| p + 1);
    // A person's name is at most three capitalised words ("Recep Tayyip Erdogan", "Ursula
    // von der Leyen"), with no connector first.
    let mut from = words.len();
    let mut capitals = 0;
    while from > after_title && capitals < 3 {
        from -= 1;
        capitals += usize::from(!CONNECTORS.contains(&words[from].1));
    }
    while from < words.len() && CONNECTORS.contains(&words[from].1) {
        from += 1;
    }
    let (start, _) = words.get(from)?;
    let before = a.text[..run.start].trim_end_matches([' ', '.']);
    let titled = after_title > 0
        || TITLES
            .iter()
            .any(|t| before.ends_with(t) && before[..before.len() - t.len()].ends_with([' ', '\n']));
    Some((run.start + start..run.end, titled))
}

/// The person named by a name run (titles stripped), or None for a place, an organisation
/// or a name the article gives no sign of being a person's (see the module docs).
fn person(a: &Article, run: &Range<usize>) -> Option<Range<usize>> {
    let (name, titled) = untitled(a, run)?;
    let words: Vec<&str> = a.slice(&name).split(' ').collect();
    if words.iter().any(|w| NOT_PERSON.contains(w))
        || words.iter().all(|w| w.chars().count() < 2)
        || written_after_in(a, words[0])
    {
        return None;
    }
    (titled || words.len() >= 2 || after_first_name(a, words[words.len() - 1])).then_some(name)
}

/// Whether the article writes `in W` or `at W` somewhere: a place.
fn written_after_in(a: &Article, w: &str) -> bool {
    let folded = crate::article::normalize::fold_case(w);
    let text = a.folded();
    a.words().of(&folded).iter().any(|&at| {
        let before = text[..at as usize].trim_end_matches(' ');
        ["in", "at"]
            .iter()
            .any(|p| before.ends_with(p) && !before[..before.len() - p.len()].ends_with(|c: char| c.is_alphanumeric()))
    })
}

/// Whether the article writes `W` after a first name or a title somewhere (`Emmanuel Macron`).
fn after_first_name(a: &Article, w: &str) -> bool {
    let folded = crate::article::normalize::fold_case(w);
    a.words().of(&folded).iter().any(|&at| {
        let before = a.text[..at as usize].strip_suffix(' ').unwrap_or("");
        let prev = before.rsplit([' ', '\n']).next().unwrap_or("").trim_end_matches('.');
        prev.chars().next().is_some_and(char::is_uppercase)
            && prev.chars().all(char::is_alphabetic)
            && !NOT_NAMES.contains(&prev)
            && !NOT_PERSON.contains(&prev)
    })
}

/// Words never part of a name even when capitalized (sentence starts, months, weekdays).
#[rustfmt::skip]
const NOT_NAMES: &[&str] = &[
    "The", "A", "An", "In", "On", "At", "For", "But", "And", "Or", "However", "According", "Last", "Next",
    "This", "That", "These", "Those", "With", "By", "From", "To", "As", "It", "He", "She", "They", "We", "I",
    "Among", "After", "Before", "When", "While", "If", "Tomorrow", "Today", "Yesterday", "His", "Her", "Their",
    "Its", "Our", "My", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "January",
    "February", "March", "April", "May", "June", "July", "August", "September", "October", "November",
    "December", "Said", "Asked", "Speaking", "Meanwhile", "Also", "Earlier", "Later", "There", "Then", "Still",
    "Yet", "So", "Now",
];
const CONNECTORS: &[&str] = &["of", "the", "de", "du", "von", "van", "der", "al", "bin", "la", "le"];

/// Where the names (runs of capitalized words, one space apart) stand outside quotations in
/// a range, in order.
fn name_runs(a: &Article, r: &Range<usize>) -> Vec<Range<usize>> {
    runs_where(a, r, &|w| !a.inside_quotation(w))
}

fn runs_where(a: &Article, r: &Range<usize>, outside: &dyn Fn(&Range<usize>) -> bool) -> Vec<Range<usize>> {
    let text = &a.text[r.clone()];
    let mut out = Vec::new();
    let mut run: Option<Range<usize>> = None;
    let mut last_capital = 0;
    let mut flush = |run: &mut Option<Range<usize>>, last_capital: usize| {
        if let Some(s) = run.take() {
            out.push(s.start..last_capital);
        }
    };
    let mut prev_end = 0;
    for w in crate::article::words::words(text, &['\'', '-']) {
        let (start, word) = (r.start + w.start, &text[w.clone()]);
        // Anything but one space between words ends a name: "Forces, Sébastien Lecornu".
        if &text[prev_end..w.start] != " " {
            flush(&mut run, last_capital);
        }
        prev_end = w.end;
        let capital = word.chars().next().is_some_and(char::is_uppercase) && !NOT_NAMES.contains(&word);
        let end = start + word.len();
        if capital && outside(&(start..end)) {
            run.get_or_insert(start..end);
            last_capital = end;
        } else if !(run.is_some() && CONNECTORS.contains(&word)) {
            flush(&mut run, last_capital);
        }
    }
    flush(&mut run, last_capital);
    out
}

/// Names (runs of capitalized words) outside quotations in a range, longest first.
pub fn names_in(a: &Article, r: &Range<usize>, outside: &dyn Fn(&Range<usize>) -> bool) -> Vec<String> {
    let mut names: Vec<String> = Vec::new();
    for run in runs_where(a, r, outside) {
        let n = a.slice(&run).to_string();
        if !names.contains(&n) {
            names.push(n);
        }
    }
    names.sort_by_key(|n| std::cmp::Reverse(n.split(' ').count()));
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The speakers of the first quotation, reading the whole first paragraph as its unit
    /// (so these tests do not depend on where sentences end).
    fn speakers_in_paragraph(text: &str) -> Vec<(String, String)> {
        let a = Article::new("x.txt", text.to_string());
        let q = a.quotations()[0].clone();
        let unit = a.paragraphs[0].range.clone();
        in_unit(&a, &unit, Some(&q))
            .iter()
            .map(|s| (a.slice(&s.name).to_string(), s.cue(&a, &s.name)))
            .collect()
    }

    #[test]
    fn a_title_run_with_abbreviations_belongs_to_the_phrase() {
        let got = speakers_in_paragraph(
            "“We continue to see indications,” said Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder today.",
        );
        assert_eq!(got, vec![("Pat Ryder".to_string(), "said … Pat Ryder".to_string())]);
    }

    #[test]
    fn the_object_of_told_is_not_the_subject() {
        let got = speakers_in_paragraph("Zelensky told Macron that “Ukraine will never accept it”.");
        assert_eq!(got, vec![("Zelensky".to_string(), "Zelensky told".to_string())]);
    }

    #[test]
    fn an_appositive_after_the_verb_names_the_person() {
        let got = speakers_in_paragraph(
            "“A decisive moment,” wrote the head of the French armed forces, Thierry Burkhard, before the meeting.",
        );
        assert_eq!(got[0].0, "Thierry Burkhard");
    }

    #[test]
    fn who_clauses_lead_back_to_their_antecedent() {
        let got = speakers_in_paragraph("Zelensky, who met Macron on Tuesday, said “we are ready”.");
        assert_eq!(got[0].0, "Zelensky");
    }

    #[test]
    fn people_are_named_places_are_not() {
        let a = Article::new(
            "x.txt",
            "In Paris, French President Emmanuel Macron met Keir Starmer and officials of the Paris Defense \
             Forum on Monday. Later Macron spoke."
                .to_string(),
        );
        let all = 0..a.text.len();
        assert_eq!(
            people_named(&a, &all),
            vec!["Emmanuel Macron", "Keir Starmer", "Macron"]
        );
    }
}
