//! What the claim expects against what the article says: a word diff, with the changed
//! characters of replaced words marked, for every renderer to draw its own way.

use serde::Serialize;
use similar::{ChangeTag, DiffOp, TextDiff};
use std::cell::RefCell;
use std::collections::HashMap;
use std::ops::Range;

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
    pub(crate) fn new(expected: &str, found: &str, similarity: Option<f64>) -> Diff {
        // Case is not a difference (similarity is case-folded too). Folding keeps byte offsets,
        // so the folded diff's ranges slice the original texts.
        let (fe, ff) = (fold_case(expected), fold_case(found));
        let words = TextDiff::from_unicode_words(fe.as_str(), ff.as_str());
        let old_at = offsets(words.iter_old_slices().map(str::len));
        let new_at = offsets(words.iter_new_slices().map(str::len));
        let mut changes: Vec<Change> = Vec::new();
        let mut expected_marks = Vec::new();
        let mut found_marks = Vec::new();
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
    /// days the articles give): each thread keeps the diffs it made, up to [`MEMO`].
    pub(crate) fn diff(&self) -> Diff {
        thread_local! {
            static MADE: RefCell<HashMap<(String, u64), Diff>> = RefCell::new(HashMap::new());
        }
        let key = (
            format!("{}\0{}", self.expected, self.found),
            self.similarity.map_or(u64::MAX, f64::to_bits),
        );
        MADE.with_borrow_mut(|made| {
            if let Some(d) = made.get(&key) {
                return d.clone();
            }
            let d = Diff::new(&self.expected, &self.found, self.similarity);
            if made.len() >= MEMO {
                made.clear();
            }
            made.insert(key, d.clone());
            d
        })
    }
}

/// Byte offsets where each token starts, plus the end.
fn offsets(lens: impl Iterator<Item = usize>) -> Vec<usize> {
    let mut out = vec![0];
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
            ChangeTag::Equal => {
                o += len;
                n += len;
            }
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

    #[test]
    fn near_miss_ratio_of_the_seed_spelling() {
        let s = similarity("according to the elysée", "according to the elisee");
        assert!((0.8..1.0).contains(&s), "{s}");
    }
}
