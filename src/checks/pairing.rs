//! Pairing (the claim format `near`, `within`): each occurrence of a `near` term is paired
//! with the number (or date) closest to it in its sentence, within `within` words. Only
//! paired mentions are evidence: in "12 tanks and 40 trucks", tanks pairs with 12 only.
//!
//! A mention in the term's own clause wins over a closer one in another: in "Envoys met on
//! Monday night, and a second round is scheduled for Saturday", `second round` is about
//! Saturday, and pairing it with Monday would pass a claim the article does not make. The
//! clauses here are the coordinated ones (split at `;`, `:` and `, and`/`, but`/`, while`/
//! `, whereas`/`, yet`), not every comma: "the next meeting, scheduled for Sept. 19" is one.

use std::ops::Range;

use crate::article::Article;

/// A mention and the term occurrences paired with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Pair {
    /// Index into the mention list.
    pub mention: usize,
    pub terms: Vec<Range<usize>>,
}

/// Pairs term occurrences with mentions (sorted, each placed by `range`); pairs come back
/// sorted by mention. The mentions are read where they are kept: on a long article a list of
/// their ranges would be made again by every claim that pairs.
pub(crate) fn pair<M>(
    article: &Article,
    terms: impl IntoIterator<Item = Range<usize>>,
    mentions: &[M],
    range: impl Fn(&M) -> &Range<usize>,
    within: Option<usize>,
) -> Vec<Pair> {
    // By mention: a term pairs with one mention, a mention with many terms.
    let mut pairs: std::collections::BTreeMap<usize, Vec<Range<usize>>> = Default::default();
    for t in terms {
        let Some(si) = article.sentence_at(t.start) else {
            continue;
        };
        let sentence = &article.sentences()[si].range;
        let clause = coordinated_clause(&article.text, sentence, &t);
        let from = mentions.partition_point(|m| range(m).end <= sentence.start);
        let best = mentions[from..]
            .iter()
            .map(&range)
            .enumerate()
            .take_while(|(_, m)| m.start < sentence.end)
            .filter(|(_, m)| !(m.start < t.end && t.start < m.end))
            .map(|(i, m)| {
                let elsewhere = !(clause.start <= m.start && m.end <= clause.end);
                (elsewhere, distance(&article.text, &t, m), m.start > t.start, from + i)
            })
            .filter(|(_, d, _, _)| within.is_none_or(|w| *d <= w))
            // Its own clause first; then closest; on a tie the mention before the term
            // ("34 countries").
            .min_by_key(|&(elsewhere, d, after, i)| (elsewhere, d, after, i));
        if let Some((_, _, _, mi)) = best {
            pairs.entry(mi).or_default().push(t);
        }
    }
    pairs
        .into_iter()
        .map(|(mention, terms)| Pair { mention, terms })
        .collect()
}

/// The mentions (numbers, dates) written inside a sentence, as written: what `explain` shows
/// when none of them was paired with a claim's terms.
pub(crate) fn written_in<'a>(
    article: &'a Article,
    sentence: &Range<usize>,
    mentions: impl Iterator<Item = &'a Range<usize>>,
) -> Vec<&'a str> {
    mentions
        .filter(|m| sentence.start <= m.start && m.end <= sentence.end)
        .map(|m| article.slice(m))
        .collect()
}

/// The coordinated clause of the sentence that holds `r` (see the module docs).
fn coordinated_clause(text: &str, sentence: &Range<usize>, r: &Range<usize>) -> Range<usize> {
    const JOINS: &[&str] = &[", and ", ", but ", ", while ", ", whereas ", ", yet "];
    let ends_at = |s: &str, i: usize| s[i..].starts_with([';', ':']) || JOINS.iter().any(|j| s[i..].starts_with(j));
    let before = &text[sentence.start..r.start];
    let start = (0..before.len())
        .rev()
        .filter(|&i| before.is_char_boundary(i))
        .find(|&i| ends_at(before, i))
        .map_or(sentence.start, |i| sentence.start + i + 1);
    let after = &text[r.end.min(sentence.end)..sentence.end];
    let end = (0..after.len())
        .filter(|&i| after.is_char_boundary(i))
        .find(|&i| ends_at(after, i))
        .map_or(sentence.end, |i| r.end + i);
    start..end
}

/// Word distance: 1 for neighbours ("34 countries"), one more per word between.
fn distance(text: &str, a: &Range<usize>, b: &Range<usize>) -> usize {
    let (first, second) = if a.start <= b.start { (a, b) } else { (b, a) };
    let between = &text[first.end.min(second.start)..second.start];
    crate::article::words::words(between, &[]).len() + 1
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::find;

    #[test]
    fn a_mention_in_the_terms_own_clause_wins_over_a_closer_one() {
        let a = Article::new(
            "x.txt",
            "Envoys met in Geneva on Monday night, and a second round is scheduled for Saturday.".into(),
        );
        let mentions = vec![find(&a, "Monday night"), find(&a, "Saturday")];
        let pairs = pair(
            &a,
            [find(&a, "second round"), find(&a, "Envoys")],
            &mentions,
            |m| m,
            None,
        );
        assert_eq!(
            pairs,
            vec![
                Pair {
                    mention: 0,
                    terms: vec![find(&a, "Envoys")]
                },
                Pair {
                    mention: 1,
                    terms: vec![find(&a, "second round")]
                },
            ]
        );
    }

    #[test]
    fn each_term_pairs_with_its_closest_number() {
        let a = Article::new("x.txt", "The convoy had 12 tanks and 40 trucks.".into());
        let mentions = vec![find(&a, "12"), find(&a, "40")];
        let pairs = pair(&a, [find(&a, "tanks"), find(&a, "trucks")], &mentions, |m| m, Some(6));
        assert_eq!(
            pairs,
            vec![
                Pair {
                    mention: 0,
                    terms: vec![find(&a, "tanks")]
                },
                Pair {
                    mention: 1,
                    terms: vec![find(&a, "trucks")]
                },
            ]
        );
    }

    #[test]
    fn within_limits_the_distance_and_sentences_bound_it() {
        let a = Article::new(
            "x.txt",
            "There were 34 of them in the big old hall of countries. 30 countries.".into(),
        );
        let mentions = vec![find(&a, "34"), find(&a, "30")];
        let countries = find(&a, "countries");
        assert!(pair(&a, [countries.clone()], &mentions, |m| m, Some(6)).is_empty());
        assert_eq!(pair(&a, [countries], &mentions, |m| m, Some(9)).len(), 1);
    }
}
