//! What several claims of one file ask of the same article, answered once per article.
//!
//! A standing claim file repeats itself: the same quotation checked with `quote:` and `text:`,
//! with and without `by`, against different speakers (in the benchmark's 1,000 mixed claims,
//! 312 `text`/`quote` claims hold 105 distinct phrases). The near-miss search of a phrase in
//! the same units, and the speaker of a quotation, depend on the article alone, so a second
//! claim asking gets the first answer. An answer is computed outside the lock (claims of a
//! long article run on every core); two threads asking at once both compute the same value.

use std::collections::HashMap;
use std::hash::Hash;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use super::pairing::Pair;
use super::speaker::Speaker;
use crate::terms::TermId;

/// The closest span to a phrase and its similarity (`near_miss::closest`).
pub(crate) type Nearest = Option<(Range<usize>, f64)>;

/// The speakers of a quotation and the sentences read to find them (`speaker::attribute`).
pub(crate) type Speakers = Arc<(Vec<Speaker>, Range<usize>)>;

/// Where a quote claim's words are quoted: each quotation (its index) that holds them, with the
/// ranges they cover (`quote::find_parts`).
pub(crate) type Quoted = Arc<Vec<(usize, Vec<Range<usize>>)>>;

/// The mentions a `near` pairing reads.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub(crate) enum Mentions {
    Numbers,
    /// Clock times, ordinals, years: what a number claim says was no number.
    NotNumbers,
    Dates,
}

/// What the same `near` terms pair with (`pairing::pair`).
pub(crate) type Paired = Arc<Vec<Pair>>;

/// A pairing asked for: the mentions, the `near` terms in the claim's order, `within`.
type Pairing = (Mentions, Vec<TermId>, Option<usize>);

/// One article's answers, for the claims of one file.
#[derive(Default)]
pub struct Memo {
    /// The distinct lists of units near misses were searched in (a scope gives its own; a
    /// handful), compared whole: the near misses are keyed by their index.
    units: Mutex<Vec<Vec<Range<usize>>>>,
    /// By phrase and list of units.
    near: Mutex<HashMap<(String, usize), Nearest>>,
    /// By the quotation's inner range.
    speakers: Mutex<HashMap<(usize, usize), Speakers>>,
    /// By the claim's words as written.
    quoted: Mutex<HashMap<String, Quoted>>,
    /// By the mentions, the `near` terms (in the claim's order) and `within`.
    paired: Mutex<HashMap<Pairing, Paired>>,
}

impl Memo {
    /// The near miss of `phrase` in `units`, computed by `search` the first time it is asked.
    pub(crate) fn nearest(&self, phrase: &str, units: &[Range<usize>], search: impl FnOnce() -> Nearest) -> Nearest {
        let list = {
            let mut lists = lock(&self.units);
            match lists.iter().position(|l| l.as_slice() == units) {
                Some(i) => i,
                None => {
                    lists.push(units.to_vec());
                    lists.len() - 1
                }
            }
        };
        once(&self.near, (phrase.to_string(), list), search, |_| true)
    }

    /// The speakers of the quotation `inner`, found by `find` the first time they are asked.
    pub(crate) fn speakers(
        &self,
        inner: &Range<usize>,
        find: impl FnOnce() -> (Vec<Speaker>, Range<usize>),
    ) -> Speakers {
        once(&self.speakers, (inner.start, inner.end), || Arc::new(find()), |_| true)
    }

    /// The `mentions` that `near` pairs with within `within` words, paired by `pair` the
    /// first time they are asked: claims of other figures or days about the same thing
    /// ("near: [Army chiefs]") pair the same way.
    pub(crate) fn paired(
        &self,
        mentions: Mentions,
        near: &[TermId],
        within: Option<usize>,
        pair: impl FnOnce() -> Vec<Pair>,
    ) -> Paired {
        once(
            &self.paired,
            (mentions, near.to_vec(), within),
            || Arc::new(pair()),
            |p| p.len() <= KEPT,
        )
    }

    /// The quotations that hold `words`, found by `find` the first time they are asked.
    pub(crate) fn quoted(&self, words: &str, find: impl FnOnce() -> Vec<(usize, Vec<Range<usize>>)>) -> Quoted {
        once(
            &self.quoted,
            words.to_string(),
            || Arc::new(find()),
            |q| q.len() <= KEPT,
        )
    }
}

/// Pairings and quotations kept per answer at most. An archive article's answers are a few
/// places each; on a 50 MB article one pairing holds tens of thousands, and keeping one per
/// distinct question of a 1,000-claim file took the peak from 10x to 17x the file. Longer
/// answers are made again by each claim that asks, as before the memo.
const KEPT: usize = 1024;

/// The value of `key` in `map`, made by `make` the first time; kept only when `keep` says.
fn once<K: Eq + Hash, V: Clone>(
    map: &Mutex<HashMap<K, V>>,
    key: K,
    make: impl FnOnce() -> V,
    keep: impl Fn(&V) -> bool,
) -> V {
    if let Some(v) = lock(map).get(&key) {
        return v.clone();
    }
    let v = make();
    if keep(&v) {
        lock(map).insert(key, v.clone());
    }
    v
}

/// A poisoned lock only means another claim's check panicked; the map is still whole.
fn lock<T>(m: &Mutex<T>) -> std::sync::MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::cell::Cell;

    #[test]
    fn a_phrase_is_searched_once_per_list_of_units() {
        let memo = Memo::default();
        let searched = Cell::new(0);
        let search = |at: usize| {
            searched.set(searched.get() + 1);
            Some((at..at + 5, 0.9))
        };
        let sentences = vec![0..40, 41..90];
        let quotations = [10..30, 95..120];
        assert_eq!(
            memo.nearest("the coalition", &sentences, || search(12)),
            Some((12..17, 0.9))
        );
        // The same question: the first answer, not a second search.
        assert_eq!(
            memo.nearest("the coalition", &sentences, || search(50)),
            Some((12..17, 0.9))
        );
        assert_eq!(searched.get(), 1);
        // Other units or another phrase are other questions.
        assert_eq!(
            memo.nearest("the coalition", &quotations, || search(20)),
            Some((20..25, 0.9))
        );
        assert_eq!(
            memo.nearest("a coalition", &sentences, || search(60)),
            Some((60..65, 0.9))
        );
        assert_eq!(searched.get(), 3);
    }
}
