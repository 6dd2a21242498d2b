//! Negation cues and clauses (the claim format, `negated`).
//!
//! A clause is the part of a sentence between `,` `;` `:` brackets and spaced dashes. Cue
//! words inside the matched terms themselves do not count: in `all: [US, absent]` the word
//! "absent" is what the claim asserts, not a negation of it. Besides the negation words,
//! format 1.1 lists the verbs news uses for not doing ("declined to attend", "boycotted");
//! the cues of two words match as phrases, word after word in the clause.

use std::ops::Range;

use crate::article::Article;
use crate::article::words::words;

/// The cue words of the contract; `n't` is matched as a word ending.
const CUES: &[&str] = &[
    "not",
    "no",
    "never",
    "none",
    "without",
    "cannot",
    "neither",
    "nor",
    "absent",
    "absence",
    "refuse",
    "refuses",
    "refused",
    "boycott",
    "boycotts",
    "boycotted",
    "skip",
    "skips",
    "skipped",
    "lack",
    "lacks",
    "lacked",
];

/// The cues of two words, matched before the single words ("no longer" is named whole,
/// not as "no").
const PHRASES: &[(&str, &str)] = &[
    ("declined", "to"),
    ("failed", "to"),
    ("unable", "to"),
    ("stayed", "away"),
    ("no", "longer"),
];

fn is_boundary(c: char) -> bool {
    matches!(c, ',' | ';' | ':' | '(' | ')' | '[' | ']')
}

/// The clause around a range, inside its sentence.
pub(crate) fn clause(article: &Article, r: &Range<usize>) -> Range<usize> {
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
pub(crate) fn cue_in_clauses(article: &Article, marks: &[Range<usize>]) -> Option<String> {
    let mut clauses: Vec<Range<usize>> = marks.iter().map(|m| clause(article, m)).collect();
    clauses.sort_by_key(|c| c.start);
    clauses.dedup();
    for c in clauses {
        let folded = &article.folded()[c.clone()];
        let in_marks = |w: &Range<usize>| {
            let at = c.start + w.start;
            marks.iter().any(|m| m.start <= at && at < m.end)
        };
        let ws = words(folded, &['\'']);
        for (k, w) in ws.iter().enumerate() {
            if in_marks(w) {
                continue;
            }
            let word = &folded[w.clone()];
            let next = ws.get(k + 1).filter(|n| !in_marks(n)).map(|n| &folded[n.clone()]);
            if let Some(second) = next.filter(|&n| PHRASES.contains(&(word, n))) {
                return Some(format!("{word} {second}"));
            }
            let is_cue = CUES.contains(&word) && !is_number_sign(word, &folded[w.end..]);
            if is_cue || word.ends_with("n't") {
                return Some(word.to_string());
            }
        }
    }
    None
}

/// "No. 10 Downing Street", "no. 5 seed": the abbreviation of "number", not the negation
/// ("he said no. The talks…" keeps its cue).
fn is_number_sign(word: &str, after: &str) -> bool {
    word == "no"
        && after
            .strip_prefix('.')
            .is_some_and(|r| r.trim_start_matches(' ').starts_with(|c: char| c.is_ascii_digit()))
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

    fn cue_of(text: &str, term: &str) -> Option<String> {
        let a = Article::new("x.txt", text.into());
        let r = find(&a, term);
        cue_in_clauses(&a, &[r])
    }

    #[test]
    fn verbs_of_not_doing_are_cues_named_whole() {
        let cases = [
            ("The United States declined to attend the meeting.", "declined to"),
            ("Russia failed to send a delegation to the meeting.", "failed to"),
            ("The minister was unable to attend the meeting.", "unable to"),
            ("Several members stayed away from the meeting.", "stayed away"),
            ("Britain is no longer part of the meeting.", "no longer"),
            ("Moscow boycotted the meeting.", "boycotted"),
            ("Two members skipped the meeting.", "skipped"),
            ("The meeting lacked a quorum.", "lacked"),
        ];
        for (text, cue) in cases {
            assert_eq!(cue_of(text, "meeting").as_deref(), Some(cue), "{text}");
        }
    }

    #[test]
    fn phrase_cues_need_both_words_in_order() {
        assert_eq!(
            cue_of("The delegation declined sharply at the meeting.", "meeting"),
            None
        );
        assert_eq!(cue_of("Turnout failed expectations at the meeting.", "meeting"), None);
        assert_eq!(cue_of("They stayed at the meeting until late.", "meeting"), None);
        assert_eq!(cue_of("The minister was able to attend the meeting.", "meeting"), None);
        assert_eq!(cue_of("The longer meeting ended.", "meeting"), None);
    }

    #[test]
    fn the_number_sign_is_not_a_cue() {
        assert_eq!(cue_of("Starmer returned to No. 10 Downing Street.", "Starmer"), None);
        assert_eq!(
            cue_of("Asked about the talks Starmer said no. He left.", "Starmer"),
            Some("no".into())
        );
        assert_eq!(cue_of("Starmer has no. 2 on his list.", "Starmer"), None);
    }

    #[test]
    fn a_cue_in_another_clause_does_not_count() {
        let text = "The United States, which declined to comment, attended the meeting.";
        assert_eq!(cue_of(text, "meeting"), None);
    }
}
