//! What several claims of one file ask of the same article, answered once per article.
//!
//! A standing claim file repeats itself: the same quotation checked with `quote:` and `text:`,
//! with and without `by`, against different speakers (in the benchmark's 1,000 mixed claims,
//! 312 `text`/`quote` claims hold 105 distinct phrases). The near-miss search of a phrase in
//! the same units, and the speaker of a quotation, depend on the article alone, so a second
//! claim asking gets the first answer. An answer is computed outside the lock (claims of a
//! long article run on every core); two threads asking at once both compute the same value.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use super::speaker::Speaker;

/// The closest span to a phrase and its similarity (`near_miss::closest`).
pub(crate) type Nearest = Option<(Range<usize>, f64)>;

/// The speakers of a quotation and the sentences read to find them (`speaker::attribute`).
pub(crate) type Speakers = Arc<(Vec<Speaker>, Range<usize>)>;

/// The distinct lists of units searched, and the near misses by phrase and list.
type NearMisses = (Vec<Vec<Range<usize>>>, HashMap<(String, usize), Nearest>);

/// One article's answers, for the claims of one file.
#[derive(Default)]
pub struct Memo {
    /// By phrase and the units searched (a scope gives its own): the distinct lists of units
    /// (a handful), and the answers by phrase and list.
    near: Mutex<NearMisses>,
    /// By the quotation's inner range.
    speakers: Mutex<HashMap<(usize, usize), Speakers>>,
}

impl Memo {
    /// The near miss of `phrase` in `units`, computed by `search` the first time it is asked.
    pub(crate) fn nearest(&self, phrase: &str, units: &[Range<usize>], search: impl FnOnce() -> Nearest) -> Nearest {
        let key = {
            let mut near = lock(&self.near);
            let (lists, answers) = &mut *near;
            let list = match lists.iter().position(|l| l.as_slice() == units) {
                Some(i) => i,
                None => {
                    lists.push(units.to_vec());
                    lists.len() - 1
                }
            };
            let key = (phrase.to_string(), list);
            if let Some(found) = answers.get(&key) {
                return found.clone();
            }
            key
        };
        let found = search();
        lock(&self.near).1.insert(key, found.clone());
        found
    }

    /// The speakers of the quotation `inner`, found by `find` the first time they are asked.
    pub(crate) fn speakers(
        &self,
        inner: &Range<usize>,
        find: impl FnOnce() -> (Vec<Speaker>, Range<usize>),
    ) -> Speakers {
        let key = (inner.start, inner.end);
        if let Some(found) = lock(&self.speakers).get(&key) {
            return Arc::clone(found);
        }
        let found = Arc::new(find());
        lock(&self.speakers).insert(key, Arc::clone(&found));
        found
    }
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
