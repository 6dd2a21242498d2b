//! Where an article's words come from: plain text, Markdown, HTML or a Word document.
//!
//! A reader turns the source file into [`Extracted`]: the words as a reader sees them
//! (entities decoded, markup gone, curly quotes kept), in blocks, with a [`SourceMap`]
//! back to the exact source bytes. Indexing and normalization then work on that text as
//! they work on a plain-text file; every reported position goes back through the map, so
//! it points at the words in the file the editor edits, never at the rendered text searched
//! again.

mod docx;
mod front_matter;
mod html;
mod markdown;

use std::ops::Range;
use std::path::Path;

use super::ReadError;
use super::segment::BlockKind;
use crate::date::Date;

/// The format to read a file in when none is given, and a note when its bytes overrule its
/// name: a `.txt` (or standard input) that is plainly HTML or a Word file is read as what it
/// is, never silently as text. A path without an extension is text.
pub(crate) fn guess(path: &Path, bytes: &[u8]) -> Result<(SourceFormat, Option<String>), ReadError> {
    let named = match path.extension() {
        None => SourceFormat::Text,
        Some(_) => SourceFormat::from_path(path).ok_or_else(|| ReadError::UnknownExtension {
            extension: path
                .extension()
                .map_or(String::new(), |e| e.to_string_lossy().into_owned()),
        })?,
    };
    if named != SourceFormat::Text {
        return Ok((named, None));
    }
    let sniffed = match sniff(bytes) {
        Some(f) => f,
        None => return Ok((SourceFormat::Text, None)),
    };
    let why = match sniffed {
        SourceFormat::Docx => "it is a zip file, as a Word document is",
        _ => "it starts with an HTML tag",
    };
    let note = format!(
        "read as {}, not plain text: {why} (give `--article-format text` to read it as text)",
        sniffed.label()
    );
    Ok((sniffed, Some(note)))
}

/// HTML (`<!DOCTYPE` or `<html` first) or a zip (a Word document), from the first bytes.
fn sniff(bytes: &[u8]) -> Option<SourceFormat> {
    if bytes.starts_with(b"PK\x03\x04") {
        return Some(SourceFormat::Docx);
    }
    let start = bytes.strip_prefix("\u{FEFF}".as_bytes()).unwrap_or(bytes);
    let start = &start[start.iter().take_while(|b| b.is_ascii_whitespace()).count()..];
    let head = &start[..start.len().min(9)];
    (head.eq_ignore_ascii_case(b"<!doctype") || head.get(..5).is_some_and(|h| h.eq_ignore_ascii_case(b"<html")))
        .then_some(SourceFormat::Html)
}

/// Reads a file of a format other than plain text: the source positions count in (the
/// file as read; a Word document's paragraphs one per line) and what its reader extracted.
pub(crate) fn extract(format: SourceFormat, bytes: Vec<u8>) -> Result<(String, Extracted), ReadError> {
    match format {
        SourceFormat::Text => unreachable!("plain text is indexed as it is"),
        SourceFormat::Markdown => {
            let source = super::utf8(bytes)?;
            let x = markdown::read(&source)?;
            Ok((source, x))
        }
        SourceFormat::Html => {
            let source = super::utf8(bytes)?;
            let x = html::read(&source)?;
            Ok((source, x))
        }
        // Positions count in the document's paragraphs, one per line (see `docx`).
        SourceFormat::Docx => docx::read(&bytes),
    }
}

/// The formats an article is read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SourceFormat {
    /// Plain text (`.txt`, and any file without a known extension when named so).
    Text,
    /// CommonMark with GitHub's tables and footnotes (`.md`, `.markdown`).
    Markdown,
    /// An HTML page as a CMS serves it (`.html`, `.htm`).
    Html,
    /// A Word document (`.docx`), also what Google Docs exports.
    Docx,
}

impl SourceFormat {
    /// Every format, in the order `--help` lists them.
    pub const ALL: [SourceFormat; 4] = [
        SourceFormat::Text,
        SourceFormat::Markdown,
        SourceFormat::Html,
        SourceFormat::Docx,
    ];

    /// The name `--article-format` takes.
    pub fn name(self) -> &'static str {
        match self {
            SourceFormat::Text => "text",
            SourceFormat::Markdown => "markdown",
            SourceFormat::Html => "html",
            SourceFormat::Docx => "docx",
        }
    }

    /// The format a name (as `--article-format` takes it) stands for.
    pub fn from_name(name: &str) -> Option<SourceFormat> {
        SourceFormat::ALL.into_iter().find(|f| f.name() == name)
    }

    /// The format's name in a sentence ("read as HTML").
    pub fn label(self) -> &'static str {
        match self {
            SourceFormat::Text => "plain text",
            SourceFormat::Markdown => "Markdown",
            SourceFormat::Html => "HTML",
            SourceFormat::Docx => "a Word document",
        }
    }

    /// The extensions read in this format, as `--articles` picks them up.
    pub fn extensions(self) -> &'static [&'static str] {
        match self {
            SourceFormat::Text => &["txt", "text"],
            SourceFormat::Markdown => &["md", "markdown"],
            SourceFormat::Html => &["html", "htm"],
            SourceFormat::Docx => &["docx"],
        }
    }

    /// The format an extension stands for (case-insensitive); `None` for an unknown one.
    pub fn from_path(path: &Path) -> Option<SourceFormat> {
        let ext = path.extension()?.to_str()?.to_ascii_lowercase();
        SourceFormat::ALL
            .into_iter()
            .find(|f| f.extensions().contains(&ext.as_str()))
    }
}

/// How an editor finds a place in the source: by line and column in a text file, by
/// paragraph and character in a Word document (nobody opens its XML).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Positions {
    /// `line:column`, both from 1, columns in characters.
    #[default]
    Lines,
    /// `¶paragraph:character`, both from 1: the source is the document's paragraphs, one
    /// per line, so a line is a paragraph.
    Paragraphs,
}

/// One stretch of the extracted text and the source bytes it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Piece {
    /// Start in the extracted text.
    text: usize,
    /// The source bytes it came from.
    src: usize,
    src_end: usize,
    /// Copied byte for byte (offsets inside map one to one), or decoded as a whole (an
    /// entity: a place inside it is its start or its end).
    copied: bool,
}

/// From offsets of the extracted text to offsets of the source, exact at both ends of a
/// span: a start maps to the first source byte of what follows, an end to the last byte of
/// what precedes, so markup between two words is never inside a span that ends or starts
/// there (`<b>Italy</b> was`: "Italy" ends before `</b>`).
///
/// Text a reader adds (a block break, the space of a `<br>`) has no source bytes of its own.
#[derive(Debug, Clone, Default)]
pub(crate) struct SourceMap {
    pieces: Vec<Piece>,
    /// Extracted text length, to tell the last piece's end.
    len: usize,
}

impl SourceMap {
    /// Records that `text_len` bytes appended to the extracted text at `at` came from
    /// `src`: copied as they are (`copied`, same length) or decoded from it.
    pub(crate) fn push(&mut self, at: usize, text_len: usize, src: Range<usize>, copied: bool) {
        debug_assert!(!copied || text_len == src.len(), "a copy keeps its length");
        debug_assert!(at >= self.len, "pieces in order");
        if text_len == 0 {
            return;
        }
        // A copy right after a copy of the bytes before it is the same piece.
        if let Some(last) = self.pieces.last_mut()
            && copied
            && last.copied
            && last.src_end == src.start
            && last.text + (last.src_end - last.src) == at
        {
            last.src_end = src.end;
        } else {
            self.pieces.push(Piece {
                text: at,
                src: src.start,
                src_end: src.end,
                copied,
            });
        }
        self.len = at + text_len;
    }

    /// Notes that the extracted text is now `len` bytes long (text with no source bytes).
    pub(crate) fn extend_to(&mut self, len: usize) {
        self.len = self.len.max(len);
    }

    fn piece_end(&self, i: usize) -> usize {
        self.pieces.get(i + 1).map_or(self.len, |p| p.text)
    }

    /// The source offset where what starts at extracted offset `at` starts.
    pub(crate) fn start(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text <= at);
        if i == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        let p = self.pieces[i - 1];
        let inside = at - p.text;
        let len = self.piece_end(i - 1) - p.text;
        match (p.copied, inside < (p.src_end - p.src).min(len)) {
            (true, true) => p.src + inside,
            (false, _) if inside == 0 => p.src,
            // Past the piece (added text) or inside a decoded one: what follows starts next.
            _ => self.pieces.get(i).map_or(p.src_end, |n| n.src),
        }
    }

    /// The source offset where what ends at extracted offset `at` ends.
    pub(crate) fn end(&self, at: usize) -> usize {
        let i = self.pieces.partition_point(|p| p.text < at);
        if i == 0 {
            return self.pieces.first().map_or(0, |p| p.src);
        }
        let p = self.pieces[i - 1];
        let inside = at - p.text;
        match p.copied {
            true => p.src + inside.min(p.src_end - p.src),
            false => p.src_end,
        }
    }

    /// The source range of an extracted range.
    pub(crate) fn range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.start(r.start);
        start..self.end(r.end).max(start)
    }
}

/// What a reader extracts from a source file.
#[derive(Debug, Default)]
pub(crate) struct Extracted {
    /// The words as written: entities decoded, markup gone, blocks apart.
    pub text: String,
    /// The blocks, as ranges of `text`, in order.
    pub blocks: Vec<super::segment::SourceBlock>,
    /// From `text` back to the source.
    pub map: SourceMap,
    /// The publication date the document gives (front matter, a `<meta>`, core properties).
    pub published: Option<Date>,
    /// The index in `blocks` of the headline (a title or the first heading), if any.
    pub headline: Option<usize>,
    /// How positions are counted in the source.
    pub positions: Positions,
    /// What the reader had to decide that a reader of the report should know (a `.txt`
    /// that is plainly HTML, read as HTML).
    pub notes: Vec<String>,
    /// The block being written: where it started in `text`.
    open: Option<(usize, BlockKind)>,
}

impl Extracted {
    /// Appends source bytes as they are.
    pub(crate) fn copy(&mut self, source: &str, src: Range<usize>) {
        let at = self.text.len();
        self.text.push_str(&source[src.clone()]);
        self.map.push(at, src.len(), src, true);
    }

    /// Appends text decoded from `src` (an entity, a numeric reference).
    pub(crate) fn decoded(&mut self, text: &str, src: Range<usize>) {
        let at = self.text.len();
        self.text.push_str(text);
        self.map.push(at, text.len(), src, false);
    }

    /// Appends text that has no source bytes of its own (the space a `<br>` stands for).
    pub(crate) fn added(&mut self, text: &str) {
        self.text.push_str(text);
        self.map.extend_to(self.text.len());
    }

    /// Starts a block unless the open one has no words yet (a list item's first paragraph
    /// belongs to the item).
    pub(crate) fn start_block_or_continue(&mut self, kind: BlockKind) {
        match self.open {
            Some((start, _)) if self.text[start..].trim().is_empty() => {}
            _ => self.start_block(kind),
        }
    }

    /// Whether a block is open.
    pub(crate) fn in_block(&self) -> bool {
        self.open.is_some()
    }

    /// Starts a block (ending the open one).
    pub(crate) fn start_block(&mut self, kind: BlockKind) {
        self.end_block();
        if !self.text.is_empty() {
            self.added("\n\n");
        }
        self.open = Some((self.text.len(), kind));
    }

    /// Ends the open block; an empty one (white space only) is dropped.
    pub(crate) fn end_block(&mut self) {
        if let Some((start, kind)) = self.open.take() {
            let written = &self.text[start..];
            if !written.trim().is_empty() {
                self.blocks.push(super::segment::SourceBlock {
                    range: start..self.text.len(),
                    kind,
                });
            }
        }
    }

    /// Ends the open block and hands the result over.
    pub(crate) fn finish(mut self) -> Extracted {
        self.end_block();
        self
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// `<p><b>Italy</b> said &ldquo;no&rdquo;.</p>` as a reader extracts it.
    fn italy() -> (&'static str, Extracted) {
        let src = "<p><b>Italy</b> said &ldquo;no&rdquo;.</p>";
        let mut x = Extracted::default();
        x.start_block(BlockKind::Paragraph);
        x.copy(src, 6..11); // Italy
        x.copy(src, 15..21); // " said "
        x.decoded("\u{201C}", 21..28);
        x.copy(src, 28..30); // no
        x.decoded("\u{201D}", 30..37);
        x.copy(src, 37..38); // .
        (src, x.finish())
    }

    #[test]
    fn spans_end_before_markup_and_start_after_it() {
        let (src, x) = italy();
        assert_eq!(x.text, "Italy said \u{201C}no\u{201D}.");
        let find = |s: &str| {
            let at = x.text.find(s).unwrap();
            &src[x.map.range(&(at..at + s.len()))]
        };
        assert_eq!(find("Italy"), "Italy");
        assert_eq!(find("Italy said"), "Italy</b> said");
        assert_eq!(find("said"), "said");
        assert_eq!(find("\u{201C}no\u{201D}"), "&ldquo;no&rdquo;");
        assert_eq!(find("no"), "no");
        assert_eq!(find("."), ".");
    }

    #[test]
    fn a_place_inside_an_entity_is_its_start_or_end() {
        let (_, x) = italy();
        let quote = x.text.find('\u{201C}').unwrap();
        assert_eq!(x.map.start(quote + 1), 28, "what follows the entity");
        assert_eq!(x.map.end(quote + 1), 28, "the end of the entity");
        assert_eq!(x.map.start(quote), 21);
    }

    #[test]
    fn added_text_maps_to_its_neighbours() {
        let src = "<p>One</p><p>Two</p>";
        let mut x = Extracted::default();
        x.start_block(BlockKind::Paragraph);
        x.copy(src, 3..6);
        x.start_block(BlockKind::Paragraph);
        x.copy(src, 13..16);
        let x = x.finish();
        assert_eq!(x.text, "One\n\nTwo");
        assert_eq!(x.blocks.len(), 2);
        assert_eq!(x.map.range(&(0..x.text.len())), 3..16);
        assert_eq!(x.map.end(4), 6, "a break ends where the text before it ends");
        assert_eq!(x.map.start(4), 13, "and starts where the text after it starts");
    }

    #[test]
    fn formats_by_name_and_extension() {
        for f in SourceFormat::ALL {
            assert_eq!(SourceFormat::from_name(f.name()), Some(f));
        }
        assert_eq!(
            SourceFormat::from_path(Path::new("a/Story.HTM")),
            Some(SourceFormat::Html)
        );
        assert_eq!(
            SourceFormat::from_path(Path::new("x.markdown")),
            Some(SourceFormat::Markdown)
        );
        assert_eq!(SourceFormat::from_path(Path::new("x.pdf")), None);
        assert_eq!(SourceFormat::from_path(Path::new("README")), None);
    }
}
