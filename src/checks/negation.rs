//! Negation cues and clauses (claim-format.md, `negated`).
//!
//! A clause is the part of a sentence between `,` `;` `:` brackets and spaced dashes. Cue
//! words inside the matched terms themselves do not count: in `all: [US, absent]` the word
//! "absent" is what the claim asserts, not a negation of it.

use std::ops::Range;

use crate::article::Article;
use crate::article::words::words;

/// The cue words of the contract; `n't` is matched as a word ending.
const CUES: &[&str] = &[
    "not", "no", "never", "none", "without", "cannot", "neither", "nor", "absent", "absence", "refuse", "refuses",
    "refused",
];

fn is_boundary(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']')
}

/// The clause around a range, inside its sentence.
pub fn clause(article: &Article, r: &Range<usize>) -> Range<usize> {
    let sentence = article
        .sentence_at(r.start)
        .map_or(0..article.text.len(), |i| article.sentences()[i].range.clone());
    let text = &article.text;
    let before = &text[sentence.start..r.start];
    let start = before
        .char_indices()
        .rev()
        .find(|&(i, c)| is_boundary(c) || before[i..].starts_with("- ") && before[..i].ends_with(' '))
        .map_or(sentence.start, |(i, c)| sentence.start + i + c.len_utf8());
    let end_search = r.end.min(sentence.end.max(r.end));
    let after = &text[end_search..sentence.end.max(end_search)];
    let end = after
        .char_indices()
        .find(|&(i, c)| is_boundary(c) || after[i..].starts_with(" - "))
        .map_or(sentence.end.max(end_search), |(i, _)| end_search + i);
    start..end
}

/// The first negation cue in the clauses holding the marks, outside the marks.
pub fn cue_in_clauses(article: &Article, marks: &[Range<usize>]) -> Option<String> {
    let mut clauses: Vec<Range<usize>> = marks.iter().map(|m| clause(article, m)).collect();
    clauses.sort_by_key(|c| c.start);
    clauses.dedup();
    for c in clauses {
        let folded = &article.folded()[c.clone()];
        for w in words(folded, &['\'']) {
            let (at, word) = (c.start + w.start, &folded[w]);
            if marks.iter().any(|m| m.start <= at && at < m.end) {
                continue;
            }
            if CUES.contains(&word) || word.ends_with("n't") {
                return Some(word.to_string());
            }
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::find;
    use crate::article::tests::seed;

    #[test]
    fn clause_of_the_italy_sentence() {
        let a = seed();
        let r = find(&a, "observer");
        assert_eq!(&a.text[clause(&a, &r)], "but only as an observer");
        let r = find(&a, "Luciano");
        assert_eq!(&a.text[clause(&a, &r)], " Luciano Portolano");
    }

    #[test]
    fn no_united_states_carries_a_cue() {
        let a = seed();
        let us = find(&a, "United States, an unprecedented");
        let us = us.start..us.start + "United States".len();
        assert_eq!(cue_in_clauses(&a, &[us]), Some("no".to_string()));
    }

    #[test]
    fn cues_inside_the_marks_do_not_count() {
        let a = Article::new("x.txt", "The US was absent from the meeting.".into());
        let absent = find(&a, "absent");
        assert_eq!(cue_in_clauses(&a, &[absent]), None);
        let us = find(&a, "US");
        assert_eq!(cue_in_clauses(&a, &[us]), Some("absent".to_string()));
    }

    #[test]
    fn contractions_are_cues() {
        let a = Article::new("x.txt", "Washington didn’t attend the meeting.".into());
        let r = find(&a, "meeting");
        assert_eq!(cue_in_clauses(&a, &[r]), Some("didn't".to_string()));
    }
}
