//! Pairing (the claim format `near`, `within`): each occurrence of a `near` term is paired
//! with the number (or date) closest to it in its sentence, within `within` words. Only
//! paired mentions are evidence: in "12 tanks and 40 trucks", tanks pairs with 12 only.

use std::ops::Range;

use crate::article::Article;

/// A mention and the term occurrences paired with it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pair {
    /// Index into the mention list.
    pub mention: usize,
    pub terms: Vec<Range<usize>>,
}

/// Pairs term occurrences with mentions; pairs come back sorted by mention.
pub fn pair(
    article: &Article,
    terms: impl IntoIterator<Item = Range<usize>>,
    mentions: &[Range<usize>],
    within: Option<usize>,
) -> Vec<Pair> {
    // By mention: a term pairs with one mention, a mention with many terms.
    let mut pairs: std::collections::BTreeMap<usize, Vec<Range<usize>>> = Default::default();
    for t in terms {
        let Some(si) = article.sentence_at(t.start) else {
            continue;
        };
        let sentence = &article.sentences()[si].range;
        let from = mentions.partition_point(|m| m.end <= sentence.start);
        let best = mentions[from..]
            .iter()
            .enumerate()
            .take_while(|(_, m)| m.start < sentence.end)
            .filter(|(_, m)| !(m.start < t.end && t.start < m.end))
            .map(|(i, m)| (distance(&article.text, &t, m), m.start > t.start, from + i))
            .filter(|(d, _, _)| within.is_none_or(|w| *d <= w))
            // Closest; on a tie the mention before the term ("34 countries").
            .min_by_key(|&(d, after, i)| (d, after, i));
        if let Some((_, _, mi)) = best {
            pairs.entry(mi).or_default().push(t);
        }
    }
    pairs
        .into_iter()
        .map(|(mention, terms)| Pair { mention, terms })
        .collect()
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
    fn each_term_pairs_with_its_closest_number() {
        let a = Article::new("x.txt", "The convoy had 12 tanks and 40 trucks.".into());
        let mentions = vec![find(&a, "12"), find(&a, "40")];
        let pairs = pair(&a, [find(&a, "tanks"), find(&a, "trucks")], &mentions, Some(6));
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
        assert!(pair(&a, [countries.clone()], &mentions, Some(6)).is_empty());
        assert_eq!(pair(&a, [countries], &mentions, Some(9)).len(), 1);
    }
}
