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
//!
//! The module's jobs, one file each: `cues` (the speech cues and the subject each gives),
//! `names` (names in a phrase, and which are people). The tokens of a unit and the
//! choice of speakers among its cues are here.

mod cues;
mod names;

pub(crate) use names::is_title;
// `pub`, as `speakers` is: `checks::quote` re-exports them with `pub use`.
pub use names::names_in;

use cues::{antecedent, cues, name_in_phrase, strip_determiner};
use names::{name_runs, person};

use std::ops::Range;

use super::Scope;
use crate::article::Article;
use crate::article::quotes::Quotation;

/// A speaker the wording makes: where they stand and which words make them the speaker.
#[derive(Debug, Clone)]
pub(crate) struct Speaker {
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
    pub(crate) fn cue(&self, a: &Article, who: &Range<usize>) -> String {
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
pub(crate) fn attribute(a: &Article, q: &Quotation) -> (Vec<Speaker>, Range<usize>) {
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
pub(crate) fn quote_sentences(a: &Article, q: &Quotation) -> Range<usize> {
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
pub(crate) fn people_named(a: &Article, r: &Range<usize>) -> Vec<String> {
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
