//! Positions as the client counts them: a line and a character offset in UTF-8 bytes (when
//! the client offers it, LSP 3.17 `positionEncoding`) or UTF-16 code units (the protocol's
//! default), to and from byte offsets of the text.

use lsp_types::{Position, PositionEncodingKind, Range};

/// How the client counts characters in a line.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Encoding {
    /// Bytes of UTF-8: what the text is, so no counting at all.
    Utf8,
    /// UTF-16 code units: the protocol's default (a curly quote is 3 bytes and 1 unit).
    Utf16,
}

impl Encoding {
    /// UTF-8 when the client lists it, else UTF-16 (which every client must accept).
    pub fn negotiate(offered: Option<&[PositionEncodingKind]>) -> Encoding {
        match offered {
            Some(kinds) if kinds.contains(&PositionEncodingKind::UTF8) => Encoding::Utf8,
            _ => Encoding::Utf16,
        }
    }

    /// The name the server answers with in its capabilities.
    pub fn kind(self) -> PositionEncodingKind {
        match self {
            Encoding::Utf8 => PositionEncodingKind::UTF8,
            Encoding::Utf16 => PositionEncodingKind::UTF16,
        }
    }
}

/// Where each line of a text starts, to turn offsets into positions and back.
#[derive(Debug, Clone)]
pub struct LineIndex {
    starts: Vec<usize>,
}

impl LineIndex {
    /// Indexes the line starts of `text` (a line ends at `\n`; a `\r` before it is counted
    /// as part of the line, as clients count it too).
    pub fn new(text: &str) -> LineIndex {
        let mut starts = vec![0];
        starts.extend(memchr::memchr_iter(b'\n', text.as_bytes()).map(|i| i + 1));
        LineIndex { starts }
    }

    /// The position of a byte offset of `text` (clamped to the text, floored to a character).
    pub fn position(&self, text: &str, offset: usize, enc: Encoding) -> Position {
        let mut offset = offset.min(text.len());
        while !text.is_char_boundary(offset) {
            offset -= 1;
        }
        let line = self.starts.partition_point(|&s| s <= offset) - 1;
        let prefix = &text[self.starts[line]..offset];
        let character = match enc {
            Encoding::Utf8 => prefix.len(),
            Encoding::Utf16 => prefix.encode_utf16().count(),
        };
        Position::new(line as u32, character as u32)
    }

    /// The byte offset of a position: a line past the end is the end of the text, a
    /// character past the end of its line is the line's end, and one inside a character
    /// (half a surrogate pair, a byte inside a UTF-8 sequence) is that character's start.
    pub fn offset(&self, text: &str, pos: Position, enc: Encoding) -> usize {
        let Some(&start) = self.starts.get(pos.line as usize) else {
            return text.len();
        };
        let end = self.starts.get(pos.line as usize + 1).map_or(text.len(), |&e| e - 1);
        let line = &text[start..end];
        let want = pos.character as usize;
        let mut units = 0;
        for (i, c) in line.char_indices() {
            if units >= want {
                return start + i;
            }
            units += match enc {
                Encoding::Utf8 => c.len_utf8(),
                Encoding::Utf16 => c.len_utf16(),
            };
            if units > want {
                return start + i;
            }
        }
        end
    }

    /// The byte range of a range.
    pub fn range_offsets(&self, text: &str, r: Range, enc: Encoding) -> std::ops::Range<usize> {
        let start = self.offset(text, r.start, enc);
        start..self.offset(text, r.end, enc).max(start)
    }

    /// The range of a byte range of `text`.
    pub fn range(&self, text: &str, r: std::ops::Range<usize>, enc: Encoding) -> Range {
        Range::new(self.position(text, r.start, enc), self.position(text, r.end, enc))
    }
}

/// Applies one `didChange` content change to `text`: a whole new text, or an edit of a range
/// (incremental sync), with positions in the negotiated encoding.
pub fn apply_change(text: &mut String, range: Option<Range>, new: &str, enc: Encoding) {
    let Some(range) = range else {
        new.clone_into(text);
        return;
    };
    let index = LineIndex::new(text);
    let start = index.offset(text, range.start, enc);
    let end = index.offset(text, range.end, enc).max(start);
    text.replace_range(start..end, new);
}

#[cfg(test)]
mod tests {
    use super::*;

    const TEXT: &str = "Italy\n“Said” no ☃ 𝄞 x\r\nend";

    #[test]
    fn a_curly_quote_is_three_bytes_and_one_utf16_unit() {
        let index = LineIndex::new(TEXT);
        let said = TEXT.find("Said").unwrap();
        assert_eq!(index.position(TEXT, said, Encoding::Utf8), Position::new(1, 3));
        assert_eq!(index.position(TEXT, said, Encoding::Utf16), Position::new(1, 1));
        let x = TEXT.find(" x").unwrap() + 1;
        // 𝄞 is two UTF-16 units and four bytes.
        assert_eq!(index.position(TEXT, x, Encoding::Utf16), Position::new(1, 15));
        for enc in [Encoding::Utf8, Encoding::Utf16] {
            for at in [0, said, x, TEXT.len()] {
                assert_eq!(
                    index.offset(TEXT, index.position(TEXT, at, enc), enc),
                    at,
                    "{enc:?} {at}"
                );
            }
        }
    }

    #[test]
    fn positions_past_the_end_clamp() {
        let index = LineIndex::new(TEXT);
        assert_eq!(index.offset(TEXT, Position::new(0, 99), Encoding::Utf16), 5);
        assert_eq!(index.offset(TEXT, Position::new(9, 0), Encoding::Utf16), TEXT.len());
        // Inside the surrogate pair of 𝄞: its start.
        let clef = TEXT.find('𝄞').unwrap();
        assert_eq!(index.offset(TEXT, Position::new(1, 13), Encoding::Utf16), clef);
    }

    #[test]
    fn incremental_changes_edit_in_place() {
        let mut text = TEXT.to_string();
        let r = Range::new(Position::new(1, 1), Position::new(1, 5));
        apply_change(&mut text, Some(r), "Told", Encoding::Utf16);
        assert!(text.starts_with("Italy\n“Told” no"), "{text}");
        apply_change(&mut text, None, "new", Encoding::Utf16);
        assert_eq!(text, "new");
        assert_eq!(
            Encoding::negotiate(Some(&[PositionEncodingKind::UTF16, PositionEncodingKind::UTF8])),
            Encoding::Utf8
        );
        assert_eq!(Encoding::negotiate(None), Encoding::Utf16);
    }
}
