//! What the claim expects against what the article says: a word diff, with the changed
//! characters of replaced words marked, for every renderer to draw its own way.
//!
//! The edit script is `similar`'s Myers diff (words, then the characters of each replaced
//! run). Most sides a report shows are short (a value, a date, a phrase one word off), and
//! there the script can be told without running `similar` (`script`): the longest common
//! subsequence is unique (`unique_ops`), or past the common start and end nothing is
//! shared (`trimmed_ops`).

use serde::Serialize;
use similar::{DiffOp, DiffableStr, TextDiff, TextDiffConfig};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::Arc;

use crate::article::normalize::fold_case;

/// A diff of expected and found text (words, a value, a date).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Diff {
    /// What the claim expects, as the report shows it.
    pub expected: String,
    /// What the article says.
    pub found: String,
    /// Character-level similarity (0 to 1) on normalized, case-folded text, for near misses.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub similarity: Option<f64>,
    /// Word-level changes from `expected` to `found`.
    pub changes: Vec<Change>,
    /// Byte ranges of `expected` that the article does not have.
    pub expected_marks: Vec<Range<usize>>,
    /// Byte ranges of `found` that the claim does not have.
    pub found_marks: Vec<Range<usize>>,
}

/// One run of words, equal on both sides, only in the claim (delete) or only in the article
/// (insert).
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Change {
    /// On which side the words are.
    pub tag: Tag,
    /// The words, with the white space between them.
    pub text: String,
}

/// The side of a [`Change`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Tag {
    /// On both sides.
    Equal,
    /// Only in the claim.
    Delete,
    /// Only in the article.
    Insert,
}

impl Diff {
    /// Diffs `expected` against `found` word by word, case ignored; `similarity` is the
    /// near-miss score when there is one.
    #[doc(hidden)]
    pub fn new(expected: &str, found: &str, similarity: Option<f64>) -> Diff {
        // Case is not a difference (similarity is case-folded too). Folding keeps byte offsets,
        // so the folded diff's ranges slice the original texts.
        let (fe, ff) = (folded(expected), folded(found));
        let (old_words, new_words) = (words(&fe), words(&ff));
        let ops = script(&old_words, &new_words).unwrap_or_else(|| {
            TextDiffConfig::default()
                .diff_slices(&old_words, &new_words)
                .ops()
                .to_vec()
        });
        let old_at = offsets(old_words.iter().map(|w| w.len()));
        let new_at = offsets(new_words.iter().map(|w| w.len()));
        // At most an op each: grown once, not a push at a time.
        let mut changes: Vec<Change> = Vec::with_capacity(ops.len() + 1);
        let mut expected_marks = Vec::with_capacity(ops.len());
        let mut found_marks = Vec::with_capacity(ops.len());
        let mut push = |tag: Tag, text: &str| {
            if text.is_empty() {
                return;
            }
            match changes.last_mut() {
                Some(last) if last.tag == tag => last.text.push_str(text),
                _ => changes.push(Change {
                    tag,
                    text: text.to_string(),
                }),
            }
        };
        for op in &ops {
            let (_, old, new) = op.as_tag_tuple();
            let old_bytes = old_at[old.start]..old_at[old.end];
            let new_bytes = new_at[new.start]..new_at[new.end];
            match op {
                DiffOp::Equal { .. } => push(Tag::Equal, &expected[old_bytes]),
                DiffOp::Delete { .. } => {
                    push(Tag::Delete, &expected[old_bytes.clone()]);
                    expected_marks.push(trim(expected, old_bytes));
                }
                DiffOp::Insert { .. } => {
                    push(Tag::Insert, &found[new_bytes.clone()]);
                    found_marks.push(trim(found, new_bytes));
                }
                DiffOp::Replace { .. } => {
                    push(Tag::Delete, &expected[old_bytes.clone()]);
                    push(Tag::Insert, &found[new_bytes.clone()]);
                    let (e, f) = char_marks(&expected[old_bytes.clone()], &found[new_bytes.clone()]);
                    expected_marks.extend(
                        e.into_iter()
                            .map(|r| r.start + old_bytes.start..r.end + old_bytes.start),
                    );
                    found_marks.extend(
                        f.into_iter()
                            .map(|r| r.start + new_bytes.start..r.end + new_bytes.start),
                    );
                }
            }
        }
        expected_marks.retain(|r| !r.is_empty());
        found_marks.retain(|r| !r.is_empty());
        Diff {
            expected: expected.to_string(),
            found: found.to_string(),
            similarity: similarity.map(|s| (s * 1000.0).round() / 1000.0),
            changes,
            expected_marks,
            found_marks,
        }
    }
}

/// Diffs a thread keeps for reuse (a few MB at most): an archive of 2,000 articles diffs
/// each date claim with the same thousand days again and again.
const MEMO: usize = 16384;

/// A diff the memo keeps: the bits of the similarity it was asked with, and the diff.
type Made = (Option<u64>, Arc<Diff>);

/// A diff a check asks for, computed only where a report shows it: a claim refuted in 10,000
/// places keeps 20 of them in a human report, and diffing every one was a fifth of a mixed
/// archive run.
#[doc(hidden)]
#[derive(Debug, Clone)]
pub struct DiffOf {
    expected: String,
    found: String,
    similarity: Option<f64>,
}

impl DiffOf {
    /// The sides [`Diff::new`] will compare.
    pub(crate) fn new(expected: String, found: String, similarity: Option<f64>) -> DiffOf {
        DiffOf {
            expected,
            found,
            similarity,
        }
    }

    /// The diff itself. The same sides recur across an archive (a claimed day against the
    /// days the articles give): each thread keeps the diffs it made, up to [`MEMO`], and
    /// hands out shared copies (a report keeps thousands of the same few diffs).
    pub(crate) fn diff(&self) -> Arc<Diff> {
        thread_local! {
            // Keyed by a hash of the sides: building a key string for every lookup cost more
            // than the lookup. The entry's own sides settle a collision.
            static MADE: RefCell<HashMap<u64, Made>> = RefCell::new(HashMap::new());
        }
        let similarity = self.similarity.map(f64::to_bits);
        let mut h = std::collections::hash_map::DefaultHasher::new();
        (&self.expected, &self.found, similarity).hash(&mut h);
        let key = h.finish();
        MADE.with_borrow_mut(|made| {
            if let Some((s, d)) = made.get(&key)
                && *s == similarity
                && d.expected == self.expected
                && d.found == self.found
            {
                return Arc::clone(d);
            }
            let d = Arc::new(Diff::new(&self.expected, &self.found, self.similarity));
            if made.len() >= MEMO {
                made.clear();
            }
            made.insert(key, (similarity, Arc::clone(&d)));
            d
        })
    }
}

/// `s` case-folded ([`fold_case`]), borrowed when folding changes nothing (the usual value
/// or date).
fn folded(s: &str) -> Cow<'_, str> {
    match s.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        true => Cow::Borrowed(s),
        false => Cow::Owned(fold_case(s)),
    }
}

/// The words of `s` and what lies between them, as `similar`'s word diff splits a text
/// (Unicode word boundaries, UAX #29).
fn words(s: &str) -> Vec<&str> {
    match s.is_ascii() {
        true => ascii_words(s),
        false => s.tokenize_unicode_words(),
    }
}

/// The word-boundary classes of ASCII characters (UAX #29): the rest is `Other`.
#[derive(Clone, Copy, PartialEq)]
enum Class {
    Letter,
    Digit,
    /// `_`, which joins words and numbers.
    Joiner,
    /// `:`, inside a word between letters.
    MidLetter,
    /// `,` and `;`, inside a number between digits.
    MidNum,
    /// `.` and `'`, inside a word or a number.
    MidBoth,
    Space,
    Cr,
    Other,
}

fn class(b: u8) -> Class {
    match b {
        b'a'..=b'z' | b'A'..=b'Z' => Class::Letter,
        b'0'..=b'9' => Class::Digit,
        b'_' => Class::Joiner,
        b':' => Class::MidLetter,
        b',' | b';' => Class::MidNum,
        b'.' | b'\'' => Class::MidBoth,
        b' ' => Class::Space,
        b'\r' => Class::Cr,
        _ => Class::Other,
    }
}

/// [`words`] of ASCII text without the Unicode tables: letters, digits and `_` run
/// together, joined across one `:`, `.`, `'` between letters and `,`, `;`, `.`, `'`
/// between digits; spaces run together; CR LF is one; anything else stands alone. A
/// property test holds it to the tables.
fn ascii_words(s: &str) -> Vec<&str> {
    let b = s.as_bytes();
    // Words and the spaces between them: about one token in three bytes.
    let mut out = Vec::with_capacity(b.len() / 3 + 2);
    let mut i = 0;
    while i < b.len() {
        let start = i;
        let mut last = class(b[i]);
        i += 1;
        match last {
            Class::Space => {
                while i < b.len() && b[i] == b' ' {
                    i += 1;
                }
            }
            Class::Cr if b.get(i) == Some(&b'\n') => i += 1,
            Class::Letter | Class::Digit | Class::Joiner => {
                while i < b.len() {
                    let here = class(b[i]);
                    let next = b.get(i + 1).map(|&c| class(c));
                    let joins = match here {
                        Class::Letter | Class::Digit | Class::Joiner => true,
                        Class::MidLetter => last == Class::Letter && next == Some(Class::Letter),
                        Class::MidNum => last == Class::Digit && next == Some(Class::Digit),
                        Class::MidBoth => matches!(last, Class::Letter | Class::Digit) && next == Some(last),
                        _ => false,
                    };
                    if !joins {
                        break;
                    }
                    match here {
                        Class::Letter | Class::Digit | Class::Joiner => i += 1,
                        // The middle character and the one after it.
                        _ => i += 2,
                    }
                    last = class(b[i - 1]);
                }
            }
            _ => {}
        }
        out.push(&s[start..i]);
    }
    out
}

/// Byte offsets where each token starts, plus the end.
fn offsets(lens: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = Vec::with_capacity(lens.size_hint().0 + 1);
    out.push(0);
    for l in lens {
        out.push(out.last().copied().unwrap_or(0) + l);
    }
    out
}

fn trim(s: &str, r: Range<usize>) -> Range<usize> {
    let part = &s[r.clone()];
    let lead = part.len() - part.trim_start().len();
    let trail = part.len() - part.trim_end().len();
    (r.start + lead)..(r.end - trail).max(r.start + lead)
}

/// Marks the characters that differ inside a replaced run of words, merged into runs.
fn char_marks(old: &str, new: &str) -> (Vec<Range<usize>>, Vec<Range<usize>>) {
    // Case is not a difference: similarity is computed case-folded too.
    let (old_f, new_f) = (folded(old), folded(new));
    let (old_f, new_f) = (old_f.as_ref(), new_f.as_ref());
    // Characters are bytes in ASCII text (a token's index is its offset); elsewhere `at`
    // maps a character's index to its byte offset.
    let (ops, at) = if old_f.is_ascii() && new_f.is_ascii() {
        (script(old_f.as_bytes(), new_f.as_bytes()), None)
    } else {
        let (o, n): (Vec<char>, Vec<char>) = (old_f.chars().collect(), new_f.chars().collect());
        let at = |s: &str| offsets(s.chars().map(char::len_utf8));
        (script(&o, &n), Some((at(old_f), at(new_f))))
    };
    let ops = ops.unwrap_or_else(|| TextDiff::from_chars(old_f, new_f).ops().to_vec());
    let bytes = |o: Range<usize>, n: Range<usize>| match &at {
        None => (o, n),
        Some((old_at, new_at)) => (old_at[o.start]..old_at[o.end], new_at[n.start]..new_at[n.end]),
    };
    let (mut om, mut nm): (Vec<Range<usize>>, Vec<Range<usize>>) = (Vec::new(), Vec::new());
    let extend = |marks: &mut Vec<Range<usize>>, r: Range<usize>| match marks.last_mut() {
        Some(last) if last.end == r.start => last.end = r.end,
        _ if r.is_empty() => {}
        _ => marks.push(r),
    };
    for op in &ops {
        let (_, o, n) = op.as_tag_tuple();
        let (o, n) = bytes(o, n);
        match op {
            DiffOp::Equal { .. } => {}
            DiffOp::Delete { .. } => extend(&mut om, o),
            DiffOp::Insert { .. } => extend(&mut nm, n),
            DiffOp::Replace { .. } => {
                extend(&mut om, o);
                extend(&mut nm, n);
            }
        }
    }
    (om, nm)
}

/// `similar`'s edit script of `old` against `new` where it can be told without running it
/// ([`unique_ops`], then [`trimmed_ops`]); `None` leaves it to `similar`.
fn script<T: PartialEq>(old: &[T], new: &[T]) -> Option<Vec<DiffOp>> {
    unique_ops(old, new).or_else(|| trimmed_ops(old, new))
}

/// `similar`'s edit script when, past the common start and end, the two sides share no
/// token (`11` against `10`: one changed digit, or a word left out of a phrase).
///
/// Why it is the same script: `similar` keeps the common start and end it trims first; with
/// nothing shared in between, its Myers search can only delete and insert there; its
/// compaction moves deletions only to join another deletion across equal tokens (there is
/// none) and insertions only along equal tokens that end (or start) like them, which the
/// conditions below rule out; its `Replace` hook then makes one op of the middle. Property
/// tests compare both.
fn trimmed_ops<T: PartialEq>(old: &[T], new: &[T]) -> Option<Vec<DiffOp>> {
    let (n, m) = (old.len(), new.len());
    let start = old.iter().zip(new).take_while(|(a, b)| a == b).count();
    let end = old[start..]
        .iter()
        .rev()
        .zip(new[start..].iter().rev())
        .take_while(|(a, b)| a == b)
        .count();
    let (gone, added) = (&old[start..n - end], &new[start..m - end]);
    if gone.iter().any(|t| added.contains(t)) {
        return None;
    }
    // An insertion would slide up over a start ending in one of its tokens, or down over
    // an end beginning with its first.
    if let Some(first) = added.first()
        && ((start > 0 && added.contains(&old[start - 1])) || (end > 0 && old[n - end] == *first))
    {
        return None;
    }
    let mut ops = Vec::with_capacity(3);
    if start > 0 {
        ops.push(DiffOp::Equal {
            old_index: 0,
            new_index: 0,
            len: start,
        });
    }
    gap(&mut ops, start..n - end, start..m - end);
    if end > 0 {
        ops.push(DiffOp::Equal {
            old_index: n - end,
            new_index: m - end,
            len: end,
        });
    }
    Some(ops)
}

/// Sides longer than this (in tokens) are left to `similar`: the table below grows with
/// the product of the lengths, and `similar`'s Myers search stays exact well beyond it.
const UNIQUE_MAX: usize = 64;

/// The edit script `similar` gives for `old` against `new`, when only one longest common
/// subsequence (a set of matched pairs) exists; `None` when there are several or a side is
/// long.
///
/// Why it is the same script: on sides this short `similar`'s Myers search is exact (its
/// heuristics start after 256 steps), so its matches are a longest common subsequence; its
/// compaction only slides an edit along equal tokens, which gives another longest one; and
/// its `Replace` hook joins the deletions and insertions between two matched runs into one
/// op. With a single longest common subsequence, the ops follow from it alone. Property
/// tests compare both on every short pair of a small alphabet and on generated phrases.
fn unique_ops<T: PartialEq>(old: &[T], new: &[T]) -> Option<Vec<DiffOp>> {
    if old.len() > UNIQUE_MAX || new.len() > UNIQUE_MAX {
        return None;
    }
    let size = 3 * (old.len() + 1) * (new.len() + 1);
    // A value's or a date's tables fit on the stack; a phrase's come from the thread's.
    const ON_STACK: usize = 768;
    if size <= ON_STACK {
        return unique_ops_in(old, new, &mut [0; ON_STACK][..size]);
    }
    thread_local! {
        static TABLES: RefCell<Vec<u8>> = const { RefCell::new(Vec::new()) };
    }
    TABLES.with_borrow_mut(|tables| {
        tables.clear();
        tables.resize(size, 0);
        unique_ops_in(old, new, tables)
    })
}

/// [`unique_ops`] with zeroed room for its three tables.
fn unique_ops_in<T: PartialEq>(old: &[T], new: &[T], tables: &mut [u8]) -> Option<Vec<DiffOp>> {
    let (n, m) = (old.len(), new.len());
    let w = m + 1;
    let cells = (n + 1) * w;
    // The longest common subsequence of old[i..] and new[j..] (`after`), of old[..i] and
    // new[..j] (`before`), and whether old[i] is new[j] (compared once: tokens are strings).
    let (after, rest) = tables.split_at_mut(cells);
    let (before, same) = rest.split_at_mut(cells);
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            let eq = old[i] == new[j];
            same[i * w + j] = u8::from(eq);
            after[i * w + j] = match eq {
                true => after[(i + 1) * w + j + 1] + 1,
                false => after[(i + 1) * w + j].max(after[i * w + j + 1]),
            };
        }
    }
    for i in 1..=n {
        for j in 1..=m {
            before[i * w + j] = match same[(i - 1) * w + j - 1] {
                1 => before[(i - 1) * w + j - 1] + 1,
                _ => before[(i - 1) * w + j].max(before[i * w + j - 1]),
            };
        }
    }
    // A pair lies on some longest common subsequence when the best before it, itself and
    // the best after it add up to the longest. Two different longest ones would put more
    // pairs than that length on one; a single one puts exactly its own pairs, in order.
    let longest = usize::from(after[0]);
    let mut ops = Vec::with_capacity(2 * longest + 1);
    let mut pairs = 0;
    // Where the current gap (edits since the last match) starts.
    let (mut gi, mut gj) = (0, 0);
    for i in 0..n {
        for j in 0..m {
            if same[i * w + j] == 0 || usize::from(before[i * w + j] + 1 + after[(i + 1) * w + j + 1]) != longest {
                continue;
            }
            pairs += 1;
            if pairs > longest {
                return None;
            }
            gap(&mut ops, gi..i, gj..j);
            match ops.last_mut() {
                Some(DiffOp::Equal { old_index, len, .. }) if *old_index + *len == i => *len += 1,
                _ => ops.push(DiffOp::Equal {
                    old_index: i,
                    new_index: j,
                    len: 1,
                }),
            }
            (gi, gj) = (i + 1, j + 1);
        }
    }
    gap(&mut ops, gi..n, gj..m);
    Some(ops)
}

/// The op of the edits between two matched runs: deleted, inserted or replaced tokens.
fn gap(ops: &mut Vec<DiffOp>, old: Range<usize>, new: Range<usize>) {
    let op = match (old.is_empty(), new.is_empty()) {
        (true, true) => return,
        (false, true) => DiffOp::Delete {
            old_index: old.start,
            old_len: old.len(),
            new_index: new.start,
        },
        (true, false) => DiffOp::Insert {
            old_index: old.start,
            new_index: new.start,
            new_len: new.len(),
        },
        (false, false) => DiffOp::Replace {
            old_index: old.start,
            old_len: old.len(),
            new_index: new.start,
            new_len: new.len(),
        },
    };
    ops.push(op);
}

/// Character-level similarity on normalized, case-folded text (the claim format, "Near misses").
pub(crate) fn similarity(a: &str, b: &str) -> f64 {
    f64::from(TextDiff::from_chars(a, b).ratio())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn one_word_misquote_marks_the_changed_characters() {
        let d = Diff::new(
            "a first stone on those guarantees of security",
            "a first stone on these guarantees of security",
            Some(0.95),
        );
        let marked: Vec<&str> = d.expected_marks.iter().map(|r| &d.expected[r.clone()]).collect();
        let found: Vec<&str> = d.found_marks.iter().map(|r| &d.found[r.clone()]).collect();
        assert_eq!(marked, vec!["o"]);
        assert_eq!(found, vec!["e"]);
        let tags: Vec<(Tag, &str)> = d.changes.iter().map(|c| (c.tag, c.text.as_str())).collect();
        assert_eq!(
            tags,
            vec![
                (Tag::Equal, "a first stone on "),
                (Tag::Delete, "those"),
                (Tag::Insert, "these"),
                (Tag::Equal, " guarantees of security")
            ]
        );
    }

    #[test]
    fn case_alone_is_no_change() {
        let d = Diff::new("according to the Elysée", "According to the Elisee", Some(0.91));
        let tags: Vec<(Tag, &str)> = d.changes.iter().map(|c| (c.tag, c.text.as_str())).collect();
        assert_eq!(
            tags,
            vec![
                (Tag::Equal, "according to the "),
                (Tag::Delete, "Elysée"),
                (Tag::Insert, "Elisee")
            ]
        );
    }

    #[test]
    fn values_diff_as_words() {
        let d = Diff::new("34", "30", None);
        assert_eq!(
            d.expected_marks
                .iter()
                .map(|r| &d.expected[r.clone()])
                .collect::<Vec<_>>(),
            vec!["4"]
        );
        assert_eq!(
            d.found_marks.iter().map(|r| &d.found[r.clone()]).collect::<Vec<_>>(),
            vec!["0"]
        );
    }

    /// The definition of [`Diff::new`]: `similar`'s word diff of the folded sides, then its
    /// character diff of each replaced run (the code before [`unique_ops`]).
    fn diff_by_similar(expected: &str, found: &str) -> (Vec<Change>, Vec<Range<usize>>, Vec<Range<usize>>) {
        use similar::ChangeTag;
        let char_marks = |old: &str, new: &str| {
            let (old_f, new_f) = (fold_case(old), fold_case(new));
            let chars = TextDiff::from_chars(old_f.as_str(), new_f.as_str());
            let (mut o, mut n) = (0, 0);
            let (mut om, mut nm): (Vec<Range<usize>>, Vec<Range<usize>>) = (Vec::new(), Vec::new());
            let extend = |marks: &mut Vec<Range<usize>>, r: Range<usize>| match marks.last_mut() {
                Some(last) if last.end == r.start => last.end = r.end,
                _ => marks.push(r),
            };
            for change in chars.iter_all_changes() {
                let len = change.value().len();
                match change.tag() {
                    ChangeTag::Equal => (o, n) = (o + len, n + len),
                    ChangeTag::Delete => {
                        extend(&mut om, o..o + len);
                        o += len;
                    }
                    ChangeTag::Insert => {
                        extend(&mut nm, n..n + len);
                        n += len;
                    }
                }
            }
            (om, nm)
        };
        let (fe, ff) = (fold_case(expected), fold_case(found));
        let words = TextDiff::from_unicode_words(fe.as_str(), ff.as_str());
        let old_at = offsets(words.iter_old_slices().map(str::len));
        let new_at = offsets(words.iter_new_slices().map(str::len));
        let mut changes: Vec<Change> = Vec::new();
        let (mut em, mut fm) = (Vec::new(), Vec::new());
        let mut push = |tag: Tag, text: &str| {
            if text.is_empty() {
                return;
            }
            match changes.last_mut() {
                Some(last) if last.tag == tag => last.text.push_str(text),
                _ => changes.push(Change {
                    tag,
                    text: text.to_string(),
                }),
            }
        };
        for op in words.ops() {
            let (_, old, new) = op.as_tag_tuple();
            let (ob, nb) = (old_at[old.start]..old_at[old.end], new_at[new.start]..new_at[new.end]);
            match op {
                DiffOp::Equal { .. } => push(Tag::Equal, &expected[ob]),
                DiffOp::Delete { .. } => {
                    push(Tag::Delete, &expected[ob.clone()]);
                    em.push(trim(expected, ob));
                }
                DiffOp::Insert { .. } => {
                    push(Tag::Insert, &found[nb.clone()]);
                    fm.push(trim(found, nb));
                }
                DiffOp::Replace { .. } => {
                    push(Tag::Delete, &expected[ob.clone()]);
                    push(Tag::Insert, &found[nb.clone()]);
                    let (e, f) = char_marks(&expected[ob.clone()], &found[nb.clone()]);
                    em.extend(e.into_iter().map(|r| r.start + ob.start..r.end + ob.start));
                    fm.extend(f.into_iter().map(|r| r.start + nb.start..r.end + nb.start));
                }
            }
        }
        em.retain(|r| !r.is_empty());
        fm.retain(|r| !r.is_empty());
        (changes, em, fm)
    }

    /// Property: the diff of values, dates and phrases, as the report shows it, is the one
    /// `similar` gives, on pairs built to have repeated words, case and accent differences,
    /// white space runs and characters that fold to other lengths.
    #[test]
    fn diff_is_the_one_similar_gives() {
        const PIECES: &[&str] = &[
            "the",
            "The",
            "THE",
            " ",
            "  ",
            "-",
            "2023",
            "2025",
            "07",
            "10",
            "04",
            "2023-07-07",
            "2025-10-04",
            ",",
            ".",
            "Élysée",
            "elysee",
            "ÉLYSÉE",
            "Straße",
            "STRASSE",
            "İstanbul",
            "a",
            "b",
            "ab",
            "ba",
            "aab",
            "abba",
            "4.4",
            "1,000",
            "34",
            "30",
            "“",
            "”",
            "'",
            "’",
            "\u{a0}",
            "guarantees",
            "of",
            "security",
            "any",
            "day",
            "from",
            "on",
            "x\u{301}",
            "Ⅻ",
            "ǅ",
        ];
        let mut rng = crate::testrng::TestRng(0xD1FF);
        let pieces = |rng: &mut crate::testrng::TestRng| -> Vec<&str> {
            let n = rng.below(14);
            (0..n).map(|_| PIECES[rng.below(PIECES.len())]).collect()
        };
        let mut fast = 0;
        for round in 0..20_000 {
            let old = pieces(&mut rng);
            // Half the pairs are near misses: a few pieces of one side changed.
            let new: Vec<&str> = match round % 2 {
                0 => pieces(&mut rng),
                _ => {
                    let mut new = old.clone();
                    for _ in 0..1 + rng.below(3) {
                        let at = rng.below(new.len() + 1);
                        match rng.below(3) {
                            0 if at < new.len() => _ = new.remove(at),
                            1 if at < new.len() => new[at] = PIECES[rng.below(PIECES.len())],
                            _ => new.insert(at, PIECES[rng.below(PIECES.len())]),
                        }
                    }
                    new
                }
            };
            let (e, f) = (old.concat(), new.concat());
            let d = Diff::new(&e, &f, None);
            assert_eq!(
                (d.changes, d.expected_marks, d.found_marks),
                diff_by_similar(&e, &f),
                "round {round}: {e:?} against {f:?}"
            );
            let (fe, ff) = (fold_case(&e), fold_case(&f));
            fast += usize::from(script(&fe.tokenize_unicode_words(), &ff.tokenize_unicode_words()).is_some());
        }
        // The fast path is what most of these pairs took, so the comparison tests it.
        assert!(fast > 10_000, "{fast}");
    }

    /// Property: ASCII text splits into the words of the Unicode tables.
    #[test]
    fn ascii_words_are_the_unicode_tables_words() {
        const CHARS: &[u8] = b"aZ09_:,;.'  \t\r\n-\"/x";
        let mut rng = crate::testrng::TestRng(0xA5C11);
        for round in 0..100_000 {
            let s: String = (0..rng.below(12))
                .map(|_| char::from(CHARS[rng.below(CHARS.len())]))
                .collect();
            assert_eq!(ascii_words(&s), s.tokenize_unicode_words(), "round {round}: {s:?}");
        }
    }

    /// Property: on every pair of short strings of three letters (and longer ones of two),
    /// where one longest common subsequence exists, or the trimmed middles share nothing,
    /// the ops are `similar`'s (compaction and all).
    #[test]
    fn unique_ops_are_similars_on_every_short_pair() {
        let tags = |ops: &[DiffOp]| -> Vec<_> { ops.iter().map(DiffOp::as_tag_tuple).collect() };
        for (letters, longest) in [(&b"abc"[..], 5), (&b"ab"[..], 7)] {
            let k = letters.len();
            let strings: Vec<Vec<u8>> = (0..=longest)
                .flat_map(|len| {
                    (0..k.pow(len)).map(move |mut code| {
                        (0..len)
                            .map(|_| {
                                let c = letters[code % k];
                                code /= k;
                                c
                            })
                            .collect()
                    })
                })
                .collect();
            let (mut unique, mut trimmed, mut pairs) = (0, 0, 0);
            for a in &strings {
                for b in &strings {
                    pairs += 1;
                    let theirs = || similar::capture_diff_slices(similar::Algorithm::Myers, a, b);
                    if let Some(ops) = unique_ops(a, b) {
                        unique += 1;
                        assert_eq!(tags(&ops), tags(&theirs()), "{a:?} against {b:?}");
                    }
                    if let Some(ops) = trimmed_ops(a, b) {
                        trimmed += 1;
                        assert_eq!(tags(&ops), tags(&theirs()), "trimmed: {a:?} against {b:?}");
                    }
                }
            }
            // Repeats make most of these ambiguous; still a fair share is compared.
            assert!(unique * 10 > pairs, "{unique} of {pairs}");
            assert!(trimmed * 10 > pairs, "{trimmed} of {pairs}");
        }
    }

    #[test]
    fn near_miss_ratio_of_the_seed_spelling() {
        let s = similarity("according to the elysée", "according to the elisee");
        assert!((0.8..1.0).contains(&s), "{s}");
    }
}
