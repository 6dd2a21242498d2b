//! Normalization: the text that matching sees, with a map back to the source bytes.
//!
//! the claim format, "Normalization": NFC; curly and straight quotes equal; dashes equal; all
//! spaces equal and runs of white space one space; soft hyphens dropped; diacritics kept.
//! Every offset a report prints points into the original file, so each change to the text
//! leaves an anchor in [`OffsetMap`].

use unicode_normalization::char::canonical_combining_class;
use unicode_normalization::{IsNormalized, UnicodeNormalization, is_nfc_quick};

/// Maps byte offsets of the normalized text to byte offsets of the source and back.
///
/// Stored as anchors where the two drift apart, not one entry per byte, so a 50 MB article
/// costs memory in proportion to the characters normalization changed.
#[derive(Debug, Default, Clone)]
pub(crate) struct OffsetMap {
    /// (normalized offset, source offset), both strictly increasing.
    anchors: Vec<(usize, usize)>,
}

impl OffsetMap {
    pub(crate) fn push(&mut self, norm: usize, src: usize) {
        if let Some(&(n, s)) = self.anchors.last() {
            // Redundant when the copy before it already implies this pair.
            if norm - n == src - s {
                return;
            }
            if n == norm {
                self.anchors.pop();
            }
        }
        self.anchors.push((norm, src));
    }

    /// Appends another map whose normalized offsets start at `base`.
    pub(crate) fn append(&mut self, other: &OffsetMap, base: usize) {
        for &(n, s) in &other.anchors {
            self.push(base + n, s);
        }
    }

    /// The source offset of a normalized offset.
    pub(crate) fn to_source(&self, norm: usize) -> usize {
        let i = self.anchors.partition_point(|&(n, _)| n <= norm);
        if i == 0 {
            return norm;
        }
        let (n, s) = self.anchors[i - 1];
        let src = s + (norm - n);
        // Inside a replaced character the copy rule overshoots: stay before the next anchor.
        match self.anchors.get(i) {
            Some(&(_, next_src)) => src.min(next_src),
            None => src,
        }
    }

    /// The normalized offset of a source offset (the start of what it became).
    pub(crate) fn to_normalized(&self, src: usize) -> usize {
        let i = self.anchors.partition_point(|&(_, s)| s <= src);
        if i == 0 {
            return src;
        }
        let (n, s) = self.anchors[i - 1];
        let norm = n + (src - s);
        match self.anchors.get(i) {
            Some(&(next_norm, _)) => norm.min(next_norm),
            None => norm,
        }
    }
}

/// Appends normalized text to a buffer, recording anchors as it goes.
#[derive(Debug, Default)]
pub(crate) struct Normalizer {
    pub text: String,
    pub map: OffsetMap,
    /// Quotation marks as they were written (normalization folds them), by normalized offset.
    pub quote_marks: Vec<(usize, char)>,
}

/// What normalization does to one character.
enum Fold {
    Keep,
    Drop,
    Space,
    To(char),
}

fn fold(c: char) -> Fold {
    match c {
        '\u{00AD}' | '\u{FEFF}' | '\u{200B}' | '\u{2060}' => Fold::Drop,
        ' '
        | '\t'
        | '\n'
        | '\r'
        | '\u{0B}'
        | '\u{0C}'
        | '\u{00A0}'
        | '\u{1680}'
        | '\u{2000}'..='\u{200A}'
        | '\u{2028}'
        | '\u{2029}'
        | '\u{202F}'
        | '\u{205F}'
        | '\u{3000}' => Fold::Space,
        '\u{2018}' | '\u{2019}' | '\u{201A}' | '\u{201B}' | '\u{2032}' | '\u{02BC}' => Fold::To('\''),
        '\u{201C}' | '\u{201D}' | '\u{201E}' | '\u{201F}' | '\u{2033}' => Fold::To('"'),
        '\u{2010}'..='\u{2015}' | '\u{2212}' | '\u{FE58}' | '\u{FE63}' | '\u{FF0D}' => Fold::To('-'),
        _ => Fold::Keep,
    }
}

/// Printable ASCII that normalization keeps as it is (quote marks are recorded, so not these).
fn is_plain(b: u8) -> bool {
    (0x21..0x7F).contains(&b) && b != b'"' && b != b'\''
}

/// Quotation marks the quote finder needs to see as written.
pub(crate) fn is_quote_mark(c: char) -> bool {
    matches!(
        c,
        '"' | '\''
            | '\u{2018}'
            | '\u{2019}'
            | '\u{201A}'
            | '\u{201B}'
            | '\u{201C}'
            | '\u{201D}'
            | '\u{201E}'
            | '\u{201F}'
            | '\u{00AB}'
            | '\u{00BB}'
            | '\u{2039}'
            | '\u{203A}'
    )
}

/// The white space of a block between two pieces of text: where it started, and whether
/// the block has written text yet (white space before the first is dropped).
struct Spacing {
    pending: Option<usize>,
    wrote_any: bool,
}

/// The end of the run of plain ASCII (single spaces inside) that starts at `i`. A combining
/// mark after the run composes with its last letter: that letter is left to the
/// character-wise path.
#[inline]
fn plain_run_end(bytes: &[u8], i: usize, nfc_ok: bool) -> usize {
    let mut j = i + 1;
    loop {
        while j < bytes.len() && is_plain(bytes[j]) {
            j += 1;
        }
        if j + 1 < bytes.len() && bytes[j] == b' ' && is_plain(bytes[j + 1]) {
            j += 2;
            continue;
        }
        break;
    }
    if !nfc_ok && j < bytes.len() && !bytes[j].is_ascii() {
        j -= 1;
    }
    j
}

impl Normalizer {
    /// Normalizes `source[range]` onto the end of the text. White space at either end is
    /// dropped and inner runs become one space.
    pub(crate) fn push_block(&mut self, source: &str, start: usize, end: usize) {
        let block = &source[start..end];
        let bytes = block.as_bytes();
        let nfc_ok = block.is_ascii() || is_nfc_quick(block.chars()) == IsNormalized::Yes;
        let mut space = Spacing {
            pending: None,
            wrote_any: false,
        };
        let mut i = 0;
        while i < bytes.len() {
            // Most of a news article is printable ASCII with single spaces: copied as runs,
            // one anchor each (the copy keeps the offsets in step).
            if is_plain(bytes[i]) {
                let j = plain_run_end(bytes, i, nfc_ok);
                if j > i {
                    self.space_before(&mut space);
                    self.map.push(self.text.len(), start + i);
                    self.text.push_str(&block[i..j]);
                    i = j;
                    continue;
                }
            }
            let c = block[i..].chars().next().expect("i is a char boundary");
            let at = start + i;
            i += c.len_utf8();
            match fold(c) {
                Fold::Drop => continue,
                Fold::Space => {
                    space.pending.get_or_insert(at);
                    continue;
                }
                _ => {}
            }
            self.space_before(&mut space);
            if is_quote_mark(c) {
                self.quote_marks.push((self.text.len(), c));
            }
            // Bounded by the block's end, as the marks that compose must be.
            i = self.push_char(&source[..end], at, c, nfc_ok) - start;
        }
    }

    /// Writes the one space a run of white space became, unless the block has no text yet.
    #[inline]
    fn space_before(&mut self, space: &mut Spacing) {
        if let Some(sp) = space.pending.take()
            && space.wrote_any
        {
            self.map.push(self.text.len(), sp);
            self.text.push(' ');
        }
        space.wrote_any = true;
    }

    /// Writes the character at source offset `at` (folded, or composed with the combining
    /// marks after it) and returns the source offset after what it consumed.
    #[inline]
    fn push_char(&mut self, source: &str, at: usize, c: char, nfc_ok: bool) -> usize {
        let next = at + c.len_utf8();
        let followed_by_mark = || {
            source[next..]
                .chars()
                .next()
                .is_some_and(|m| canonical_combining_class(m) != 0)
        };
        match fold(c) {
            Fold::To(r) => {
                self.map.push(self.text.len(), at);
                self.text.push(r);
                self.map.push(self.text.len(), next);
                next
            }
            _ if nfc_ok || !followed_by_mark() => {
                self.map.push(self.text.len(), at);
                self.text.push(c);
                next
            }
            _ => {
                // A starter and the combining marks after it compose as one unit.
                let mut unit_end = next;
                for m in source[next..].chars() {
                    if canonical_combining_class(m) == 0 {
                        break;
                    }
                    unit_end += m.len_utf8();
                }
                self.map.push(self.text.len(), at);
                let composed: String = source[at..unit_end].nfc().collect();
                self.text.push_str(&composed);
                self.map.push(self.text.len(), unit_end);
                unit_end
            }
        }
    }

    /// Separates blocks (paragraphs, headings) in the normalized text. The break starts
    /// where the previous block ends in the source, so an evidence span that ends a block
    /// ends there too, not at the next block.
    pub(crate) fn push_break(&mut self, prev_end: usize, next_start: usize) {
        self.map.push(self.text.len(), prev_end);
        self.text.push_str("\n\n");
        self.map.push(self.text.len(), next_start);
    }
}

/// Normalizes a short string (a claim's phrase, a term) the way the article is normalized.
pub fn normalize_str(s: &str) -> String {
    let mut n = Normalizer::default();
    n.push_block(s, 0, s.len());
    n.text
}

/// Case folding that keeps byte offsets: a character whose lowercase has another length
/// stays as it is (rare: İ, ẞ), so offsets in the folded text equal those of the text.
pub(crate) fn fold_case(s: &str) -> String {
    let mut out = s.as_bytes().to_vec();
    out.make_ascii_lowercase();
    if !s.is_ascii() {
        let bytes = s.as_bytes();
        let mut i = 0;
        while i < bytes.len() {
            // Skip ASCII eight bytes at a time.
            while i + 8 <= bytes.len()
                && u64::from_le_bytes(bytes[i..i + 8].try_into().expect("8 bytes")) & 0x8080_8080_8080_8080 == 0
            {
                i += 8;
            }
            if i >= bytes.len() {
                break;
            }
            if bytes[i].is_ascii() {
                i += 1;
                continue;
            }
            let c = s[i..].chars().next().expect("i is a char boundary");
            let mut lower = c.to_lowercase();
            if let (Some(l), None) = (lower.next(), lower.next())
                && l != c
                && l.len_utf8() == c.len_utf8()
            {
                l.encode_utf8(&mut out[i..i + c.len_utf8()]);
            }
            i += c.len_utf8();
        }
    }
    String::from_utf8(out).expect("same-length case changes keep UTF-8 valid")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Normalizer {
        let mut n = Normalizer::default();
        n.push_block(s, 0, s.len());
        n
    }

    #[test]
    fn folds_quotes_dashes_and_spaces_from_the_seed() {
        let s = "Vladimir Putin’s Russia \u{2013} “a plan”\u{00A0}now";
        let n = norm(s);
        assert_eq!(n.text, "Vladimir Putin's Russia - \"a plan\" now");
        let quotes: Vec<char> = n.quote_marks.iter().map(|q| q.1).collect();
        assert_eq!(quotes, vec!['’', '“', '”']);
    }

    #[test]
    fn offsets_map_back_to_the_source() {
        let s = "Elysée’s  plan\r\n  “now”";
        let n = norm(s);
        assert_eq!(n.text, "Elysée's plan \"now\"");
        let at = n.text.find("plan").unwrap();
        assert_eq!(&s[n.map.to_source(at)..n.map.to_source(at + 4)], "plan");
        let at = n.text.find("now").unwrap();
        assert_eq!(&s[n.map.to_source(at)..n.map.to_source(at + 3)], "now");
        let end = n.text.len();
        assert_eq!(n.map.to_source(end), s.len());
        assert_eq!(
            n.map.to_normalized(s.find("plan").unwrap()),
            n.text.find("plan").unwrap()
        );
    }

    #[test]
    fn soft_hyphens_vanish_and_combining_marks_compose() {
        let s = "demili\u{00AD}tarization at the Elyse\u{0301}e";
        let n = norm(s);
        assert_eq!(n.text, "demilitarization at the Elysée");
        let at = n.text.find("Elysée").unwrap();
        assert_eq!(&s[n.map.to_source(at)..n.map.to_source(n.text.len())], "Elyse\u{0301}e");
    }

    #[test]
    fn diacritics_are_kept() {
        assert_eq!(normalize_str("Elisee"), "Elisee");
        assert_ne!(normalize_str("Elysée"), normalize_str("Elysee"));
    }

    #[test]
    fn case_folding_keeps_offsets() {
        let s = "İstanbul ÉLYSÉE NATO";
        assert_eq!(fold_case(s).len(), s.len());
        assert!(fold_case(s).ends_with("élysée nato"));
    }

    /// The character-wise normalizer the ASCII fast path replaced: the reference.
    fn reference_push_block(n: &mut Normalizer, source: &str, start: usize, end: usize) {
        let block = &source[start..end];
        let nfc_ok = block.is_ascii() || is_nfc_quick(block.chars()) == IsNormalized::Yes;
        let mut pending_space: Option<usize> = None;
        let mut wrote_any = false;
        let mut chars = block.char_indices().peekable();
        while let Some((i, c)) = chars.next() {
            let at = start + i;
            let next = at + c.len_utf8();
            match fold(c) {
                Fold::Drop => continue,
                Fold::Space => {
                    pending_space.get_or_insert(at);
                    continue;
                }
                _ => {}
            }
            if let Some(sp) = pending_space.take()
                && wrote_any
            {
                n.map.push(n.text.len(), sp);
                n.text.push(' ');
            }
            wrote_any = true;
            if is_quote_mark(c) {
                n.quote_marks.push((n.text.len(), c));
            }
            match fold(c) {
                Fold::To(r) => {
                    n.map.push(n.text.len(), at);
                    n.text.push(r);
                    n.map.push(n.text.len(), next);
                }
                _ if nfc_ok || chars.peek().is_none_or(|&(_, m)| canonical_combining_class(m) == 0) => {
                    n.map.push(n.text.len(), at);
                    n.text.push(c);
                }
                _ => {
                    // A starter and the combining marks after it compose as one unit.
                    let mut unit_end = next;
                    while let Some(&(j, m)) = chars.peek() {
                        if canonical_combining_class(m) == 0 {
                            break;
                        }
                        unit_end = start + j + m.len_utf8();
                        chars.next();
                    }
                    n.map.push(n.text.len(), at);
                    let composed: String = source[at..unit_end].nfc().collect();
                    n.text.push_str(&composed);
                    n.map.push(n.text.len(), unit_end);
                }
            }
        }
    }

    fn reference_fold_case(s: &str) -> String {
        let mut out = String::with_capacity(s.len());
        for c in s.chars() {
            let mut lower = c.to_lowercase();
            match (lower.next(), lower.next()) {
                (Some(l), None) if l.len_utf8() == c.len_utf8() => out.push(l),
                _ => out.push(c),
            }
        }
        out
    }

    /// Property: on generated text the fast paths give the reference's text, offsets,
    /// quotation marks and case folding, byte for byte.
    #[test]
    fn fast_paths_equal_the_reference() {
        const PIECES: &[&str] = &[
            "Paris",
            "the",
            " ",
            "  ",
            "\n",
            "\r\n",
            "\t",
            "\u{a0}",
            "\u{ad}",
            "\"",
            "'",
            "\u{201c}",
            "\u{2019}",
            "\u{2013}",
            "e\u{301}",
            "\u{301}",
            "É",
            "İ",
            "ẞ",
            "K",
            "34,5",
            ".",
            "Elysée",
            "\u{feff}",
            "a\u{308}\u{301}",
            "x",
            "ABC",
        ];
        let mut seed = 0xFACE_u64;
        for _ in 0..2000 {
            let mut s = String::new();
            for _ in 0..(seed % 40) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                s.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            }
            seed = seed.wrapping_add(1);
            let fast = norm(&s);
            let mut reference = Normalizer::default();
            reference_push_block(&mut reference, &s, 0, s.len());
            assert_eq!(fast.text, reference.text, "{s:?}");
            assert_eq!(fast.quote_marks, reference.quote_marks, "{s:?}");
            for i in 0..=fast.text.len() {
                assert_eq!(fast.map.to_source(i), reference.map.to_source(i), "{s:?} at {i}");
            }
            for i in 0..=s.len() {
                assert_eq!(
                    fast.map.to_normalized(i),
                    reference.map.to_normalized(i),
                    "{s:?} at {i}"
                );
            }
            assert_eq!(fold_case(&s), reference_fold_case(&s), "{s:?}");
        }
    }
}
