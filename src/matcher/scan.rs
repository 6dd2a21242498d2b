//! The one pass over an article: every literal of the claim file found by one Aho-Corasick
//! automaton, each hit sent to the phrases it completes (whole words only) and to the hit
//! lists of the regexes that need it. Apart from the verification because this is the cost
//! paid on every byte of every article: the case folding without a folded copy and the
//! cutting of a long article into stretches live here, tested against one plain pass.

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use std::ops::Range;

use super::{Matcher, Owner};
use crate::article::Article;

impl Matcher {
    /// every core (a stretch keeps the literals that start in it, read to their end).
    pub(super) fn literal_pass(&self, article: &Article, parallel: bool) -> LiteralHits {
        let text = &article.text;
        let small = u32::try_from(text.len()).is_ok();
        let Some(ac) = &self.ac else {
            return LiteralHits::default();
        };
        let ac = ac.for_text(text.len());
        let haystack = if self.ascii { text.as_str() } else { article.folded() };
        let mut all = if !parallel {
            self.scan(ac, haystack, text, 0..text.len(), small)
        } else {
            let n = rayon::current_num_threads() * 4;
            let cuts: Vec<usize> = (0..=n).map(|i| text.len() * i / n).collect();
            let parts: Vec<LiteralHits> = cuts
                .par_windows(2)
                .map(|w| self.scan(ac, haystack, text, w[0]..w[1], small))
                .collect();
            let mut all = LiteralHits::default();
            for p in parts {
                all.terms.extend(p.terms);
                all.slots.extend(p.slots);
            }
            all
        };
        // By slot, then start: each slot's hits in order, in one run.
        all.slots.sort_unstable();
        all
    }

    /// The literal hits that start in `within`, sent to their terms and regexes.
    fn scan(&self, ac: &AhoCorasick, haystack: &str, text: &str, within: Range<usize>, small: bool) -> LiteralHits {
        self.scan_in_blocks(ac, haystack, text, within, small, BLOCK)
    }

    /// [`Matcher::scan`], ASCII text lowercased `block` bytes at a time.
    fn scan_in_blocks(
        &self,
        ac: &AhoCorasick,
        haystack: &str,
        text: &str,
        within: Range<usize>,
        small: bool,
        block: usize,
    ) -> LiteralHits {
        let mut out = LiteralHits::default();
        let mut found = |m: aho_corasick::Match| {
            for owner in &self.owners[m.pattern().as_usize()] {
                match owner {
                    Owner::Folded { term, prefix } => {
                        if let Some(r) = whole_word(text, m.start(), m.end(), *prefix) {
                            out.terms.push((term.0, r));
                        }
                    }
                    Owner::Exact {
                        term,
                        prefix,
                        text: lit,
                    } => {
                        if text.as_bytes()[m.range()] == *lit.as_bytes()
                            && let Some(r) = whole_word(text, m.start(), m.end(), *prefix)
                        {
                            out.terms.push((term.0, r));
                        }
                    }
                    Owner::Regex(i) => {
                        if small {
                            out.slots.push((*i as u32, m.start() as u32));
                        }
                    }
                }
            }
        };
        // A literal starting in a stretch is read to its end past it.
        let past = self.longest.saturating_sub(1);
        if !self.ascii {
            let end = (within.end + past).min(haystack.len());
            let input = aho_corasick::Input::new(haystack).span(within.start..end);
            ac.find_overlapping_iter(input)
                .filter(|m| m.start() < within.end)
                .for_each(&mut found);
            return out;
        }
        // ASCII literals: the text is lowercased a block at a time into one buffer, and the
        // automaton knows no upper-case letter (half the table of an ASCII-case-insensitive
        // one, which is built faster and stays in cache) without a lowercased copy of the
        // article.
        let mut lower = Vec::with_capacity(block.min(within.len()) + past);
        let mut at = within.start;
        while at < within.end {
            let to = (at + block).min(within.end);
            lower.clear();
            lower.extend_from_slice(&text.as_bytes()[at..(to + past).min(text.len())]);
            lower.make_ascii_lowercase();
            ac.find_overlapping_iter(&lower[..])
                .filter(|m| at + m.start() < to)
                .map(|m| aho_corasick::Match::new(m.pattern(), at + m.start()..at + m.end()))
                .for_each(&mut found);
            at = to;
        }
        out
    }
}

/// How much of an article is lowercased at a time for the literal pass.
const BLOCK: usize = 1 << 16;

/// The literal hits of an article by slot: only slots with hits take room.
pub(super) struct SlotHits {
    /// Every hit's start, slot after slot, each slot's in order.
    starts: Vec<u32>,
    /// Each slot with hits, and where its hits are in `starts`; by slot.
    runs: Vec<(usize, Range<usize>)>,
}

impl SlotHits {
    /// From (slot, start) pairs sorted by slot, then start.
    pub(super) fn new(pairs: &[(u32, u32)]) -> SlotHits {
        let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, &(slot, _)) in pairs.iter().enumerate() {
            match runs.last_mut() {
                Some((s, r)) if *s == slot as usize => r.end = i + 1,
                _ => runs.push((slot as usize, i..i + 1)),
            }
        }
        SlotHits {
            starts: pairs.iter().map(|&(_, p)| p).collect(),
            runs,
        }
    }

    pub(super) fn of(&self, slot: usize) -> &[u32] {
        match self.runs.binary_search_by_key(&slot, |(s, _)| *s) {
            Ok(i) => &self.starts[self.runs[i].1.clone()],
            Err(_) => &[],
        }
    }

    pub(super) fn with_hits(&self) -> impl Iterator<Item = usize> + '_ {
        self.runs.iter().map(|(s, _)| *s)
    }
}

/// What the literal pass found: (term, range) of each phrase hit, and (slot, start) of each
/// literal a regex needs, sorted.
#[derive(Debug, Default, PartialEq)]
pub(super) struct LiteralHits {
    pub(super) terms: Vec<(usize, Range<usize>)>,
    pub(super) slots: Vec<(u32, u32)>,
}

/// A character of a literal that ASCII case-insensitive matching compares as folding would:
/// ASCII, or a character no case mapping reaches (curly quotes, dashes, symbols).
pub(super) fn ascii_fold_is_enough(c: char) -> bool {
    c.is_ascii() || (!c.is_alphabetic() && c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]))
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The hit as a whole-word match, or None. A prefix term (`countr*`) runs on to the end of
/// its word. Edges that are not word characters ("U.S.") need no boundary.
fn whole_word(text: &str, start: usize, end: usize, prefix: bool) -> Option<Range<usize>> {
    let first = text[start..end].chars().next()?;
    let last = text[start..end].chars().next_back()?;
    if is_word_char(first) && text[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let mut end = end;
    if prefix {
        end += text[end..].find(|c: char| !is_word_char(c)).unwrap_or(text.len() - end);
    } else if is_word_char(last) && text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::super::tests::table;
    use super::*;
    use crate::terms::{Pattern, Term};

    #[test]
    fn the_literal_pass_in_stretches_finds_what_one_pass_finds() {
        let mut source = String::new();
        while source.len() < 300_000 {
            source.push_str(crate::article::tests::SEED);
        }
        let a = Article::new("x.txt", source);
        let mut t = table(&[
            &["Macron", "Emmanuel Macron"],
            &["countries"],
            &["USA"],
            &["coalition of the willing"],
        ]);
        t.add(Term {
            label: "regex".into(),
            patterns: vec![Pattern::Regex(crate::terms::check_regex(r"\b\d+ countries\b").unwrap())],
        });
        let m = Matcher::new(&t);
        let one = m.literal_pass(&a, false);
        assert!((0..4).all(|t| one.terms.iter().any(|&(u, _)| u == t)) && !one.slots.is_empty());
        // Lowercased in blocks of any size (even shorter than a literal), by the NFA of the
        // first texts or the DFA of the rest: the same hits.
        let automaton = m.ac.as_ref().unwrap();
        let dfa = automaton.for_text(a.text.len());
        assert_eq!(dfa.kind(), aho_corasick::AhoCorasickKind::DFA);
        assert_eq!(automaton.quick.kind(), aho_corasick::AhoCorasickKind::ContiguousNFA);
        for (ac, block) in [
            (dfa, 1),
            (dfa, 7),
            (dfa, 4096),
            (&automaton.quick, 1),
            (&automaton.quick, 65536),
        ] {
            let mut blocks = m.scan_in_blocks(ac, &a.text, &a.text, 0..a.text.len(), true, block);
            let mut terms = one.terms.clone();
            terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            blocks.terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            blocks.slots.sort_unstable();
            assert_eq!((&blocks.terms, &blocks.slots), (&terms, &one.slots), "block {block}");
        }
        // Whatever the number of threads: stretches cut inside literals too.
        for threads in [1, 3, 8] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut part = pool.install(|| m.literal_pass(&a, true));
            // Stretches join in order of start; one pass reports in order of end.
            let mut one_sorted = one.terms.clone();
            one_sorted.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            part.terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            assert_eq!(
                (&part.terms, &part.slots),
                (&one_sorted, &one.slots),
                "{threads} threads"
            );
        }
    }
}
