//! Where each word of the article occurs: built on first use, for the near-miss search.
//!
//! A claim's phrase that does not occur is compared only with the places that share one of
//! its words ([`crate::checks::near_miss`]): looking those up here costs in proportion to
//! their occurrences, not to the article, so many `text` claims cost the article once.
//!
//! Every place is one `u32` in one array, grouped by word: a 50 MB article has some nine
//! million words, and a vector per word grown by doubling kept up to twice their places.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;

/// Start offsets (in [`super::Article::folded`]) of each case-folded word: a run of
/// letters and digits.
#[derive(Debug, Default)]
pub struct Words {
    /// Each distinct word: its places in `places`.
    at: HashMap<Box<str>, Range<u32>, Fast>,
    /// The places of every word, each word's in order.
    places: Box<[u32]>,
}

impl Words {
    /// Indexes the words of `folded` in two passes (count, then place): nothing is
    /// allocated but the index itself.
    pub fn new(folded: &str) -> Words {
        // (where its places start, how many so far) of each word.
        let mut count: HashMap<&str, (u32, u32), Fast> = HashMap::default();
        for r in super::words::iter(folded, &[]) {
            count.entry(&folded[r]).or_default().1 += 1;
        }
        let mut next = 0;
        for (start, n) in count.values_mut() {
            (*start, next) = (next, next + *n);
            *n = 0;
        }
        let mut places = vec![0u32; next as usize].into_boxed_slice();
        for r in super::words::iter(folded, &[]) {
            let (start, n) = count.get_mut(&folded[r.clone()]).expect("counted in the first pass");
            places[(*start + *n) as usize] = r.start as u32;
            *n += 1;
        }
        let at = count
            .into_iter()
            .map(|(w, (start, n))| (w.into(), start..start + n))
            .collect();
        Words { at, places }
    }

    /// Where a (case-folded) word occurs, in order.
    pub fn of(&self, word: &str) -> &[u32] {
        self.at
            .get(word)
            .map_or(&[], |r| &self.places[r.start as usize..r.end as usize])
    }

    /// Every distinct word.
    pub fn vocabulary(&self) -> impl Iterator<Item = &str> {
        self.at.keys().map(|w| &**w)
    }
}

/// FxHash (rustc's): a word is hashed twice per occurrence while indexing, and SipHash,
/// the standard one, made that the cost of the index. No attacker picks the keys here.
#[derive(Default)]
struct FxHasher(u64);

type Fast = BuildHasherDefault<FxHasher>;

impl Hasher for FxHasher {
    fn write(&mut self, bytes: &[u8]) {
        let mut chunks = bytes.chunks_exact(8);
        for c in &mut chunks {
            self.add(u64::from_le_bytes(c.try_into().expect("8 bytes")));
        }
        for &b in chunks.remainder() {
            self.add(b as u64);
        }
    }

    fn write_u8(&mut self, b: u8) {
        self.add(b as u64);
    }

    fn finish(&self) -> u64 {
        self.0
    }
}

impl FxHasher {
    fn add(&mut self, word: u64) {
        self.0 = (self.0.rotate_left(5) ^ word).wrapping_mul(0x51_7c_c1_b7_27_22_0a_95);
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
        let mut vocabulary: Vec<&str> = w.vocabulary().collect();
        vocabulary.sort();
        assert_eq!(vocabulary, ["34", "plan", "s", "the", "élysée"]);
    }

    /// Property: every word's places are those a scan of the words finds, in order.
    #[test]
    fn places_are_those_of_a_scan() {
        let text = crate::article::normalize::fold_case(crate::article::tests::SEED);
        let w = Words::new(&text);
        let mut scan: HashMap<&str, Vec<u32>> = HashMap::new();
        for r in crate::article::words::words(&text, &[]) {
            scan.entry(&text[r.clone()]).or_default().push(r.start as u32);
        }
        assert_eq!(w.vocabulary().count(), scan.len());
        for (word, at) in &scan {
            assert_eq!(w.of(word), at.as_slice(), "{word}");
        }
    }
}
