//! Where each word of the article occurs: built on first use, for the near-miss search.
//!
//! A claim's phrase that does not occur is compared only with the places that share one of
//! its words ([`crate::checks::near_miss`]): looking those up here costs in proportion to
//! their occurrences, not to the article, so many `text` claims cost the article once.

use std::collections::HashMap;

/// Start offsets (in [`super::Article::folded`]) of each case-folded word: a run of
/// letters and digits.
#[derive(Debug, Default)]
pub struct Words {
    at: HashMap<String, Vec<u32>>,
}

impl Words {
    pub fn new(folded: &str) -> Words {
        let mut at: HashMap<String, Vec<u32>> = HashMap::new();
        for r in super::words::words(folded, &[]) {
            let (start, word) = (r.start, &folded[r]);
            match at.get_mut(word) {
                Some(v) => v.push(start as u32),
                None => {
                    at.insert(word.to_string(), vec![start as u32]);
                }
            }
        }
        Words { at }
    }

    /// Where a (case-folded) word occurs, in order.
    pub fn of(&self, word: &str) -> &[u32] {
        self.at.get(word).map_or(&[], Vec::as_slice)
    }

    /// Every distinct word.
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.at.keys().map(String::as_str)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn words_and_their_places() {
        let w = Words::new("élysée's plan, the plan: 34");
        assert_eq!(w.of("plan"), &[11, 21]);
        assert_eq!(w.of("élysée"), &[0]);
        assert_eq!(w.of("34"), &[27]);
        assert!(w.of("pla").is_empty());
    }
}
