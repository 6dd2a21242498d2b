//! Words: runs of letters and digits, the one tokenizer the checks share.

use std::ops::Range;

/// Byte ranges of the words of `s`. A `joiner` may stand inside a word (an apostrophe in
/// "didn't", a hyphen in "thirty-four"), never at its end.
pub(crate) fn words(s: &str, joiners: &[char]) -> Vec<Range<usize>> {
    iter(s, joiners).collect()
}

/// The words of [`words`], one at a time: the word index of a 50 MB article reads them
/// without a vector of every word (16 bytes each, five times the text).
pub(crate) fn iter<'a>(s: &'a str, joiners: &'a [char]) -> impl Iterator<Item = Range<usize>> + 'a {
    let bytes = s.as_bytes();
    let mut i = 0;
    std::iter::from_fn(move || {
        let mut start = None;
        while i < bytes.len() {
            // ASCII, most of the text, is read a byte at a time; the rest a character.
            let (c, len) = match bytes[i] {
                b if b.is_ascii() => (b as char, 1),
                _ => {
                    let c = s[i..].chars().next().expect("i is a char boundary");
                    (c, c.len_utf8())
                }
            };
            if c.is_alphanumeric() || (start.is_some() && joiners.contains(&c)) {
                start.get_or_insert(i);
            } else if let Some(st) = start {
                return Some(trimmed(s, st, i, joiners));
            }
            i += len;
        }
        start.map(|st| trimmed(s, st, s.len(), joiners))
    })
}

/// The word `s[start..end]` without the joiners at its end.
fn trimmed(s: &str, start: usize, end: usize, joiners: &[char]) -> Range<usize> {
    start..start + s[start..end].trim_end_matches(joiners).len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_stay_inside_words() {
        let s = "Washington didn't send thirty-four jets- 'now'";
        let got: Vec<&str> = words(s, &['\'']).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            vec!["Washington", "didn't", "send", "thirty", "four", "jets", "now"]
        );
        let got: Vec<&str> = words(s, &['-']).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            vec!["Washington", "didn", "t", "send", "thirty-four", "jets", "now"]
        );
    }

    /// The tokenizer the iterator replaced, a character at a time: the reference.
    fn reference(s: &str, joiners: &[char]) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = None;
        for (i, c) in s.char_indices() {
            if c.is_alphanumeric() || (joiners.contains(&c) && start.is_some()) {
                start.get_or_insert(i);
            } else if let Some(st) = start.take() {
                out.push(trimmed(s, st, i, joiners));
            }
        }
        out.extend(start.map(|st| trimmed(s, st, s.len(), joiners)));
        out
    }

    #[test]
    fn the_iterator_finds_the_words_of_the_reference() {
        const PIECES: &[&str] = &[
            "Élysée", "didn't", "-", "'", " ", "34,5", "İ", "ẞx", "’", ".", "a", "\n\n",
        ];
        let mut rng = crate::testrng::TestRng(0x9E37_79B9_7F4A_7C15);
        for _ in 0..2000 {
            let s: String = (0..rng.below(20)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            for joiners in [&[][..], &['\''], &['-', '\'']] {
                assert_eq!(words(&s, joiners), reference(&s, joiners), "{s:?}");
            }
        }
    }
}
