//! Near misses (the claim format): when the words do not occur exactly, the closest span of
//! about the same length (a word or two either way) is compared with them by character-level
//! similarity on normalized, case-folded text. At 0.8 or more it is a near miss.
//!
//! Windows that cannot reach the threshold are skipped by two cheap bounds (length, shared
//! characters) before `similar` computes a real ratio.
//!
//! Only windows that hold one of the phrase's *anchors* are compared: its content words
//! (every word but function words like "the", "of"), found through the article's
//! word index ([`Article::words`]); a phrase with a single content word anchors on all its
//! words and on article words similar to the content word, so a misspelt name ("Elisee")
//! is still found. A near miss
//! that shares no word with the phrase at all is not looked for: that keeps the cost in
//! proportion to the places that share a word, not to the article times the claims (an
//! archive audit with hundreds of `text` claims over 50 MB). Among the windows compared, the
//! result is the one the full search would pick.

use std::ops::Range;

use super::Found;
use crate::article::Article;
use crate::article::normalize::{fold_case, normalize_str};
use crate::report::Role;
use crate::report::diff::{DiffOf, similarity};

/// The contract's threshold.
pub const THRESHOLD: f64 = 0.8;

/// Below this the closest span is not worth showing as "nearest".
pub const SHOW_NEAREST: f64 = 0.6;

/// How similar an article word must be to a phrase's only content word to anchor windows.
/// Lower than [`SHOW_NEAREST`]: in a short phrase the words around it lift the ratio.
const FUZZY_WORD: f64 = 0.5;

/// Function words: too common to anchor a near miss.
const STOPWORDS: &[&str] = &[
    "a", "an", "as", "at", "be", "by", "in", "is", "it", "of", "on", "or", "to", "we", "he", "the", "and", "for",
    "from", "with", "that", "this", "these", "those", "was", "were", "are", "has", "had", "have", "not", "but", "its",
    "his", "her", "their", "our", "who", "which", "will", "would", "said", "into", "than", "then", "also", "been",
    "only", "all", "any", "one", "two",
];

/// The closest span `at` to the `claimed` words, at similarity `sim`, as evidence: refuting
/// at [`THRESHOLD`] or more, else only the nearest span; diffed either way. The one place that
/// decides what a near miss is, for every kind that looks for one.
pub fn judged(
    article: &Article,
    claimed: &str,
    at: Range<usize>,
    sim: f64,
    context: Range<usize>,
    note: String,
) -> Found {
    let role = if sim >= THRESHOLD { Role::Refutes } else { Role::Nearest };
    let mut f = Found::new(role, vec![at.clone()], context);
    f.diff = Some(Box::new(DiffOf::new(
        claimed.to_string(),
        article.slice(&at).to_string(),
        Some(sim),
    )));
    f.note = Some(note.into());
    f
}

/// The closest span to `phrase` inside the given ranges, with its similarity.
pub fn closest<'a>(
    article: &Article,
    phrase: &str,
    within: impl IntoIterator<Item = &'a Range<usize>>,
) -> Option<(Range<usize>, f64)> {
    let target = Target::new(phrase);
    let units: Vec<&Range<usize>> = within.into_iter().collect();
    let sorted = units.windows(2).all(|w| w[0].end <= w[1].start);
    match anchors(article, &target) {
        Some(at) if sorted => anchored(article, &target, &units, &at),
        _ => every_window(article, &target, units),
    }
}

/// The phrase as windows are compared with it.
struct Target {
    text: String,
    /// Whether the phrase starts / ends with punctuation ([`trim_punct`] keeps it there).
    edges: (bool, bool),
    words: usize,
    hist: [u16; 64],
    len: usize,
    lcs: Lcs,
}

impl Target {
    fn new(phrase: &str) -> Target {
        let text = fold_case(&normalize_str(phrase));
        Target {
            edges: (
                text.chars().next().is_some_and(|c| !c.is_alphanumeric()),
                text.chars().next_back().is_some_and(|c| !c.is_alphanumeric()),
            ),
            words: text.split(' ').filter(|w| !w.is_empty()).count().max(1),
            hist: histogram(&text),
            len: text.chars().count(),
            lcs: Lcs::new(&text),
            text,
        }
    }

    /// Window sizes compared: a word or two either way.
    fn sizes(&self) -> std::ops::RangeInclusive<usize> {
        self.words.saturating_sub(2).max(1)..=self.words + 2
    }
}

/// Picks the closest window: the first, in the order offered, of those with the highest
/// similarity (at least [`SHOW_NEAREST`]).
///
/// `similar` counts the matches of an edit script: never more than the longest common
/// subsequence, so the LCS ratio (bit-vector, cheap) bounds a window's similarity. Windows
/// that could win wait in `pending`; a flush diffs them best bound first and stops when no
/// bound can reach the best similarity, so few windows are ever diffed. The pick is the one
/// diffing every window in order would make.
struct Picker<'t> {
    target: &'t Target,
    /// The best so far: range, similarity, order offered.
    best: Option<(Range<usize>, f64, usize)>,
    /// Windows whose bound beat the best when offered: range, LCS ratio, order.
    pending: Vec<(Range<usize>, f64, usize)>,
    offered: usize,
}

impl<'t> Picker<'t> {
    fn new(target: &'t Target) -> Picker<'t> {
        Picker {
            target,
            best: None,
            pending: Vec::new(),
            offered: 0,
        }
    }

    fn offer(&mut self, folded: &str, r: Range<usize>) {
        let t = self.target;
        let r = trim_punct(folded, r, t.edges);
        if r.is_empty() {
            return;
        }
        self.offered += 1;
        let cand = &folded[r.clone()];
        // Most windows are ASCII: bytes are characters, counted and read without decoding.
        let ascii = cand.is_ascii();
        let len = if ascii { cand.len() } else { cand.chars().count() };
        let bound = 2.0 * len.min(t.len) as f64 / (len + t.len) as f64;
        let floor = self.best.as_ref().map_or(SHOW_NEAREST, |b| b.1);
        if bound < floor {
            return;
        }
        let shared = match ascii {
            true => shared_bytes(&t.hist, cand.as_bytes()),
            false => shared_chars(&t.hist, cand),
        };
        if 2.0 * shared as f64 / (len + t.len) as f64 <= floor {
            return;
        }
        let common = match ascii {
            true => t.lcs.len_ascii(cand.as_bytes()),
            false => t.lcs.len(cand),
        };
        let lcs = f64::from(2.0 * common as f32 / (len + t.len) as f32);
        // Offered later than the best, a window must beat it, not tie.
        match &self.best {
            Some(b) if lcs <= b.1 => return,
            None if lcs < SHOW_NEAREST => return,
            _ => {}
        }
        self.pending.push((r, lcs, self.offered));
        if self.pending.len() >= 64 {
            self.flush(folded);
        }
    }

    fn flush(&mut self, folded: &str) {
        let mut pending = std::mem::take(&mut self.pending);
        pending.sort_by(|a, b| b.1.total_cmp(&a.1).then(a.2.cmp(&b.2)));
        for (r, lcs, order) in pending {
            if let Some(b) = &self.best {
                if lcs < b.1 {
                    break;
                }
                if lcs == b.1 && order > b.2 {
                    continue;
                }
            }
            let s = similarity(&self.target.text, &folded[r.clone()]);
            // Below SHOW_NEAREST a span is not worth showing, not even as the only one.
            if s < SHOW_NEAREST {
                continue;
            }
            let wins = match &self.best {
                None => true,
                Some(b) => s > b.1 || (s == b.1 && order < b.2),
            };
            if wins {
                self.best = Some((r, s, order));
            }
        }
    }

    fn finish(mut self, folded: &str) -> Option<(Range<usize>, f64)> {
        self.flush(folded);
        self.best.map(|(r, s, _)| (r, s))
    }
}

/// Length of the longest common subsequence of characters with a fixed string, by the
/// bit-vector algorithm (Allison-Dix, Hyyrö): one pass over the other string, one machine
/// word per 64 characters of the fixed one.
struct Lcs {
    words: usize,
    /// `words` masks per ASCII character, one after the other: one allocation, not 128
    /// (a `Target` is made per claim and article).
    ascii: Vec<u64>,
    other: Vec<(char, Vec<u64>)>,
    len: usize,
}

impl Lcs {
    fn new(s: &str) -> Lcs {
        let len = s.chars().count();
        let words = len.div_ceil(64).max(1);
        let mut lcs = Lcs {
            words,
            ascii: vec![0; words * 128],
            other: Vec::new(),
            len,
        };
        for (i, c) in s.chars().enumerate() {
            let mask = if c.is_ascii() {
                &mut lcs.ascii[c as usize * words..(c as usize + 1) * words]
            } else {
                match lcs.other.iter().position(|(o, _)| *o == c) {
                    Some(k) => &mut lcs.other[k].1,
                    None => {
                        lcs.other.push((c, vec![0; words]));
                        &mut lcs.other.last_mut().expect("just pushed").1
                    }
                }
            };
            mask[i / 64] |= 1 << (i % 64);
        }
        lcs
    }

    /// [`Lcs::len`] of an ASCII string, read byte by byte.
    fn len_ascii(&self, b: &[u8]) -> usize {
        if self.words != 1 {
            // Bytes of an ASCII string are its characters.
            return self.len(std::str::from_utf8(b).unwrap_or_default());
        }
        let mut v = u64::MAX;
        for &c in b {
            let u = v & self.ascii[usize::from(c)];
            v = v.wrapping_add(u) | (v & !u);
        }
        (v.count_zeros() as usize).min(self.len)
    }

    fn len(&self, b: &str) -> usize {
        if self.words == 1 {
            return self.len_one_word(b);
        }
        let zero = vec![0u64; self.words];
        let mut v = vec![u64::MAX; self.words];
        for c in b.chars() {
            let pm = if c.is_ascii() {
                &self.ascii[c as usize * self.words..(c as usize + 1) * self.words]
            } else {
                self.other.iter().find(|(o, _)| *o == c).map_or(&zero, |(_, m)| m)
            };
            // V' = (V + U) | (V - U), U = V & PM; V - U = V & !U as U is inside V.
            let mut carry = 0u64;
            for k in 0..self.words {
                let u = v[k] & pm[k];
                let (sum, c1) = v[k].overflowing_add(u);
                let (sum, c2) = sum.overflowing_add(carry);
                carry = u64::from(c1 || c2);
                v[k] = sum | (v[k] & !u);
            }
        }
        let zeros: usize = v.iter().map(|w| w.count_zeros() as usize).sum();
        // Bits past the string's length stay set (nothing matches there).
        zeros.min(self.len)
    }

    /// [`Lcs::len`] for a string of at most 64 characters (nearly every phrase): one machine
    /// word, no allocation; a window is offered hundreds of thousands of times in a run.
    fn len_one_word(&self, b: &str) -> usize {
        let mut v = u64::MAX;
        for c in b.chars() {
            let pm = if c.is_ascii() {
                self.ascii[c as usize]
            } else {
                self.other.iter().find(|(o, _)| *o == c).map_or(0, |(_, m)| m[0])
            };
            let u = v & pm;
            v = v.wrapping_add(u) | (v & !u);
        }
        (v.count_zeros() as usize).min(self.len)
    }
}

/// Every window of every unit: the reference search, for phrases with no word to anchor on.
fn every_window(article: &Article, target: &Target, units: Vec<&Range<usize>>) -> Option<(Range<usize>, f64)> {
    let mut picker = Picker::new(target);
    for unit in units {
        let words = word_ranges(article.folded(), unit);
        for i in 0..words.len() {
            for n in target.sizes() {
                let Some(last) = words.get(i + n - 1) else { break };
                picker.offer(article.folded(), words[i].start..last.end);
            }
        }
    }
    picker.finish(article.folded())
}

/// Where the phrase's anchors occur (sorted offsets in the folded text), or `None` when the
/// phrase has no word to anchor on.
fn anchors(article: &Article, target: &Target) -> Option<Vec<usize>> {
    let tokens: Vec<&str> = crate::article::words::words(&target.text, &[])
        .into_iter()
        .map(|r| &target.text[r])
        .collect();
    let content: Vec<&str> = tokens.iter().copied().filter(|w| !STOPWORDS.contains(w)).collect();
    if tokens.is_empty() {
        return None;
    }
    let index = article.words();
    let mut at: Vec<usize> = Vec::new();
    // A phrase with one content word or none ("the Elysée", "only a few") leans on its
    // function words too: all of them anchor.
    let anchoring = if content.len() <= 1 { &tokens } else { &content };
    for w in anchoring {
        at.extend(index.of(w).iter().map(|&p| p as usize));
    }
    if let [only] = content.as_slice() {
        // One word carries the phrase: a misspelling of it must be found too.
        let hist = histogram(only);
        let len = only.chars().count();
        for v in index.vocabulary() {
            let vlen = v.chars().count();
            let bound = 2.0 * vlen.min(len) as f64 / (vlen + len) as f64;
            if v == *only || bound < FUZZY_WORD {
                continue;
            }
            if 2.0 * shared_chars(&hist, v) as f64 / (vlen + len) as f64 >= FUZZY_WORD
                && similarity(only, v) >= FUZZY_WORD
            {
                at.extend(index.of(v).iter().map(|&p| p as usize));
            }
        }
    }
    at.sort_unstable();
    at.dedup();
    Some(at)
}

/// The windows that hold an anchor, compared in the order [`every_window`] would compare
/// them (unit, first word, size), so the pick is the same among them.
fn anchored(
    article: &Article,
    target: &Target,
    units: &[&Range<usize>],
    anchors: &[usize],
) -> Option<(Range<usize>, f64)> {
    let folded = article.folded();
    let max_n = *target.sizes().end();
    let mut picker = Picker::new(target);
    let mut a = 0;
    for unit in units {
        let from = a + anchors[a..].partition_point(|&p| p < unit.start);
        let to = from + anchors[from..].partition_point(|&p| p < unit.end);
        a = to;
        if from == to {
            continue;
        }
        let words = word_ranges(folded, unit);
        // Windows by their first word: each anchor's word and the words before it.
        let mut starts: Vec<(usize, usize)> = Vec::new();
        for &p in &anchors[from..to] {
            let j = words.partition_point(|w| w.end <= p);
            if j < words.len() {
                starts.push((j.saturating_sub(max_n - 1), j));
            }
        }
        let mut windows: Vec<(usize, usize)> = Vec::new();
        for (lo, j) in starts {
            for i in lo..=j {
                for n in target.sizes() {
                    if i + n > j && i + n <= words.len() {
                        windows.push((i, n));
                    }
                }
            }
        }
        windows.sort_unstable();
        windows.dedup();
        for (i, n) in windows {
            picker.offer(folded, words[i].start..words[i + n - 1].end);
        }
    }
    picker.finish(folded)
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

/// Drops punctuation at the window's edges unless the phrase has it there too (`keep`: at
/// its start, at its end).
fn trim_punct(text: &str, r: Range<usize>, keep: (bool, bool)) -> Range<usize> {
    let s = &text[r.clone()];
    let (keep_start, keep_end) = keep;
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

/// [`shared_chars`] of an ASCII string (the same slots: a character's code modulo 64).
fn shared_bytes(target: &[u16; 64], cand: &[u8]) -> usize {
    let mut h = [0u16; 64];
    for &b in cand {
        let slot = &mut h[usize::from(b) % 64];
        *slot = slot.saturating_add(1);
    }
    target.iter().zip(h.iter()).map(|(a, b)| usize::from(*a.min(b))).sum()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;

    #[test]
    fn bit_vector_lcs_counts_common_subsequences() {
        let long = "a first stone on these guarantees of security ".repeat(3);
        for (a, b, n) in [
            ("elysée", "elisee", 4),
            ("abc", "abc", 3),
            ("abc", "", 0),
            ("kitten", "sitting", 4),
            (long.as_str(), long.as_str(), long.chars().count()),
        ] {
            assert_eq!(Lcs::new(a).len(b), n, "{a} / {b}");
        }
        // The byte paths of ASCII windows count as the character paths do.
        let phrases = [
            "a first stone on these guarantees of security",
            "kitten",
            "elysée",
            long.as_str(),
        ];
        let windows = [
            "a first stone on those guarantees of security",
            "sitting",
            "elisee",
            "",
            "zz",
        ];
        for (a, b) in phrases.iter().flat_map(|a| windows.iter().map(move |b| (a, b))) {
            assert_eq!(Lcs::new(a).len_ascii(b.as_bytes()), Lcs::new(a).len(b), "{a} / {b}");
            let hist = histogram(a);
            assert_eq!(shared_bytes(&hist, b.as_bytes()), shared_chars(&hist, b), "{a} / {b}");
        }
        // Against similar's ratio, which never counts more matches than the LCS.
        let a = "according to the elysée";
        for b in ["according to the elisee", "to the elysée according", "the parliament"] {
            let lcs = Lcs::new(a).len(b);
            let ratio = 2.0 * lcs as f32 / (a.chars().count() + b.chars().count()) as f32;
            assert!(f64::from(ratio) >= similarity(a, b), "{b}");
        }
    }

    #[test]
    fn finds_the_elisee_spelling_as_a_near_miss() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences().iter().map(|s| s.range.clone()).collect();
        let (r, s) = closest(&a, "according to the Elysée", &units).unwrap();
        assert_eq!(&a.text[r], "According to the Elisee");
        assert!(s >= THRESHOLD, "{s}");
    }

    #[test]
    fn a_changed_word_in_a_quote_is_a_near_miss() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences().iter().map(|s| s.range.clone()).collect();
        let (r, s) = closest(&a, "a first stone on those guarantees of security", &units).unwrap();
        assert_eq!(&a.text[r], "a first stone on these guarantees of security");
        assert!(s >= THRESHOLD, "{s}");
    }

    #[test]
    fn unrelated_words_are_not_near() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences().iter().map(|s| s.range.clone()).collect();
        let best = closest(&a, "the parliament approved the budget", &units);
        assert!(best.as_ref().is_none_or(|b| b.1 < THRESHOLD), "{best:?}");
    }

    /// On the seed article, the anchored search finds what comparing every window finds,
    /// for phrases cut from its sentences with one word changed (a misquote, a misspelling).
    /// (6,000 such phrases were compared in release mode; 400 run here.)
    #[test]
    fn anchored_search_equals_every_window_on_the_seed() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences().iter().map(|s| s.range.clone()).collect();
        let mut rng = crate::testrng::TestRng(0x2545_F491);
        let mut next = |n: usize| rng.below(n);
        let mut compared = 0;
        for _ in 0..400 {
            let s = &units[next(units.len())];
            let words: Vec<&str> = a.text[s.clone()].split(' ').collect();
            let len = 1 + next(6.min(words.len()));
            let from = next(words.len() + 1 - len);
            let mut phrase: Vec<String> = words[from..from + len].iter().map(|w| w.to_string()).collect();
            let k = next(len);
            phrase[k] = match next(3) {
                0 => phrase[k].chars().rev().collect(),
                1 => phrase[k].replacen(|c: char| c.is_alphabetic(), "x", 1),
                _ => "however".to_string(),
            };
            let phrase = phrase.join(" ");
            let target = Target::new(&phrase);
            let refs: Vec<&Range<usize>> = units.iter().collect();
            let full = every_window(&a, &target, refs.clone());
            let fast = closest(&a, &phrase, &units);
            let near = |x: &Option<(Range<usize>, f64)>| x.as_ref().filter(|b| b.1 >= THRESHOLD).cloned();
            assert_eq!(near(&fast), near(&full), "{phrase:?}");
            compared += 1;
        }
        assert_eq!(compared, 400);
    }

    /// The picker's lazy diffing picks what diffing every window in order picks.
    #[test]
    fn picker_equals_diffing_every_window() {
        let a = seed();
        let units: Vec<Range<usize>> = a.sentences().iter().map(|s| s.range.clone()).collect();
        for phrase in [
            "according to the Elysée",
            "a first stone on those guarantees of security",
            "the chiefs of staff met in Paris",
            "Italy was an observer",
            "only a few",
            "Kiev",
        ] {
            let target = Target::new(phrase);
            let mut reference: Option<(Range<usize>, f64)> = None;
            for unit in &units {
                let words = word_ranges(a.folded(), unit);
                for i in 0..words.len() {
                    for n in target.sizes() {
                        let Some(last) = words.get(i + n - 1) else { break };
                        let r = trim_punct(a.folded(), words[i].start..last.end, target.edges);
                        if r.is_empty() {
                            continue;
                        }
                        let s = similarity(&target.text, &a.folded()[r.clone()]);
                        if s >= SHOW_NEAREST && reference.as_ref().is_none_or(|b| s > b.1) {
                            reference = Some((r, s));
                        }
                    }
                }
            }
            let picked = every_window(&a, &target, units.iter().collect());
            assert_eq!(picked, reference, "{phrase}");
        }
    }
}
