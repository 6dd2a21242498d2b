//! Near misses (claim-format.md): when the words do not occur exactly, the closest span of
//! about the same length (a word or two either way) is compared with them by character-level
//! similarity on normalized, case-folded text. At 0.8 or more it is a near miss.
//!
//! Windows that cannot reach the threshold are skipped by two cheap bounds (length, shared
//! characters) before `similar` computes a real ratio, so long articles stay affordable.

use std::ops::Range;

use crate::article::Article;
use crate::article::normalize::{fold_case, normalize_str};
use crate::report::diff::similarity;

/// The contract's threshold.
pub const THRESHOLD: f64 = 0.8;

/// Below this the closest span is not worth showing as "nearest".
pub const SHOW_NEAREST: f64 = 0.6;

/// The closest span to `phrase` inside the given ranges, with its similarity.
pub fn closest<'a>(
    article: &Article,
    phrase: &str,
    within: impl IntoIterator<Item = &'a Range<usize>>,
) -> Option<(Range<usize>, f64)> {
    let target = fold_case(&normalize_str(phrase));
    let target_words = target.split(' ').filter(|w| !w.is_empty()).count().max(1);
    let target_hist = histogram(&target);
    let target_len = target.chars().count();
    let mut best: Option<(Range<usize>, f64)> = None;
    for unit in within {
        let words = word_ranges(&article.folded, unit);
        for i in 0..words.len() {
            for n in target_words.saturating_sub(2).max(1)..=target_words + 2 {
                let Some(last) = words.get(i + n - 1) else { break };
                let r = trim_punct(&article.folded, words[i].start..last.end, &target);
                if r.is_empty() {
                    continue;
                }
                let cand = &article.folded[r.clone()];
                let len = cand.chars().count();
                let bound = 2.0 * len.min(target_len) as f64 / (len + target_len) as f64;
                let floor = best.as_ref().map_or(SHOW_NEAREST, |b| b.1);
                if bound < floor {
                    continue;
                }
                let shared = shared_chars(&target_hist, cand);
                if 2.0 * shared as f64 / (len + target_len) as f64 <= floor {
                    continue;
                }
                let s = similarity(&target, cand);
                if best.as_ref().is_none_or(|b| s > b.1) {
                    best = Some((r, s));
                }
            }
        }
    }
    best
}

/// Word ranges (runs of non-space) inside a unit.
fn word_ranges(text: &str, unit: &Range<usize>) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    for (i, c) in text[unit.clone()].char_indices() {
        if c.is_whitespace() {
            if let Some(s) = start.take() {
                out.push(unit.start + s..unit.start + i);
            }
        } else {
            start.get_or_insert(i);
        }
    }
    if let Some(s) = start {
        out.push(unit.start + s..unit.end);
    }
    out
}

/// Drops punctuation at the window's edges unless the phrase has it there too.
fn trim_punct(text: &str, r: Range<usize>, target: &str) -> Range<usize> {
    let s = &text[r.clone()];
    let keep_start = target.chars().next().is_some_and(|c| !c.is_alphanumeric());
    let keep_end = target.chars().next_back().is_some_and(|c| !c.is_alphanumeric());
    let lead = if keep_start {
        0
    } else {
        s.len() - s.trim_start_matches(|c: char| !c.is_alphanumeric()).len()
    };
    let trail = if keep_end {
        0
    } else {
        s.len() - s.trim_end_matches(|c: char| !c.is_alphanumeric()).len()
    };
    if lead + trail >= s.len() {
        return r.start..r.start;
    }
    r.start + lead..r.end - trail
}

fn histogram(s: &str) -> [u16; 64] {
    let mut h = [0u16; 64];
    for c in s.chars() {
        let slot = &mut h[(c as usize) % 64];
        *slot = slot.saturating_add(1);
    }
    h
}

/// An upper bound on the characters two strings share, by hashed counts.
fn shared_chars(target: &[u16; 64], cand: &str) -> usize {
    let h = histogram(cand);
    target.iter().zip(h.iter()).map(|(a, b)| usize::from(*a.min(b))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;

    #[test]
    fn finds_the_elisee_spelling_as_a_near_miss() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences.iter().map(|s| s.range.clone()).collect();
        let (r, s) = closest(&a, "according to the Elysée", &units).unwrap();
        assert_eq!(&a.text[r], "According to the Elisee");
        assert!(s >= THRESHOLD, "{s}");
    }

    #[test]
    fn a_changed_word_in_a_quote_is_a_near_miss() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences.iter().map(|s| s.range.clone()).collect();
        let (r, s) = closest(&a, "a first stone on those guarantees of security", &units).unwrap();
        assert_eq!(&a.text[r], "a first stone on these guarantees of security");
        assert!(s >= THRESHOLD, "{s}");
    }

    #[test]
    fn unrelated_words_are_not_near() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences.iter().map(|s| s.range.clone()).collect();
        let best = closest(&a, "the parliament approved the budget", &units);
        assert!(best.as_ref().is_none_or(|b| b.1 < THRESHOLD), "{best:?}");
    }
}
