//! The article, read and indexed once: normalized text, paragraphs, sentences, and the way
//! back from any offset to the source file's `line:column`.
//!
//! Every check reads this index; none re-reads the file. Offsets are byte offsets into
//! [`Article::text`] (the normalized text) unless a name says `source`.

pub(crate) mod dates;
pub(crate) mod normalize;
pub(crate) mod numbers;
mod parts;
pub(crate) mod quotes;
pub(crate) mod ranges;
pub(crate) mod segment;
pub mod source;
pub(crate) mod tense;
pub(crate) mod word_index;
pub(crate) mod words;

use std::ops::Range;
use std::sync::OnceLock;

use crate::date::Date;
use normalize::{OffsetMap, fold_case};
use segment::BlockKind;

/// A paragraph (or heading, or list item) of the normalized text.
#[derive(Debug, Clone)]
pub(crate) struct Paragraph {
    pub(crate) range: Range<usize>,
    pub(crate) kind: BlockKind,
}

/// A sentence of the normalized text.
#[derive(Debug, Clone)]
pub struct Sentence {
    /// Its bytes in [`Article::text`].
    pub range: Range<usize>,
    /// The index of its paragraph (headings and list items count as paragraphs), from 0.
    pub paragraph: usize,
}

/// A position in the source file: 1-based line and column (columns count characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    /// From 1.
    pub line: usize,
    /// From 1, in characters.
    pub column: usize,
}

/// Why an article could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ReadError {
    /// Not UTF-8: the byte offset of the first invalid byte.
    NotUtf8 {
        /// Bytes before the first invalid one.
        offset: usize,
    },
    /// UTF-16, by its byte order mark: refused, not decoded, since every position reported
    /// is a byte offset of the file as written.
    Utf16 {
        /// `FE FF` rather than `FF FE`.
        big_endian: bool,
    },
    /// A NUL byte, which no text has: a binary file, or UTF-16 without a byte order mark
    /// (which is valid UTF-8 with a NUL after every ASCII letter, and would be misread).
    Nul {
        /// Bytes before the first NUL.
        offset: usize,
    },
    /// The format is not read yet.
    Unsupported {
        /// The format asked for.
        format: source::SourceFormat,
    },
    /// An extension no reader knows, and no format given.
    UnknownExtension {
        /// The extension, as written.
        extension: String,
    },
    /// The file is not what its format says (a front matter that does not parse, a broken
    /// Word file).
    Malformed {
        /// The format read.
        format: source::SourceFormat,
        /// The line of the source, from 1, where there is one.
        line: Option<usize>,
        /// What is wrong.
        message: String,
        /// How to fix it.
        help: String,
    },
}

/// One paragraph's sentence ranges, split on first use.
type SplitOnce = OnceLock<Box<[Range<usize>]>>;

/// An article read and indexed: what every check reads (see the module doc).
pub struct Article {
    /// The path as the report shows it.
    pub path: String,
    /// The file as read, which positions (`line:column`) and source offsets count in (for a
    /// Word document, its paragraphs one per line).
    pub source: String,
    /// The format it was read in.
    pub format: source::SourceFormat,
    /// How positions count in [`Article::source`]: lines, or a Word document's paragraphs.
    pub positions: source::Positions,
    /// What the reader decided that a reader of the report should know (a `.txt` that is
    /// plainly HTML, read as HTML).
    pub notes: Vec<String>,
    /// The words a reader extracted from markup, and their map back to the source; `None`
    /// for plain text, whose source is its own text.
    written: Option<Box<Written>>,
    /// The publication date the document's metadata gives (front matter, `<meta>`, a Word
    /// document's core properties).
    pub(crate) metadata_date: Option<Date>,
    /// The index in `paragraphs` of the headline (a title, an HTML page's first `<h1>`, or a
    /// heading the article opens with).
    pub(crate) headline: Option<usize>,
    /// Normalized text: blocks joined by a blank line ("\n\n").
    pub text: String,
    pub(crate) paragraphs: Vec<Paragraph>,
    /// Split on first use ([`Article::sentences`]): evidence alone finds its sentence in its
    /// paragraph ([`Article::sentence_around`]).
    sentences: OnceLock<Vec<Sentence>>,
    /// The sentences of each paragraph a place asked about, split once however many ask.
    paragraph_split: OnceLock<Box<[SplitOnce]>>,
    /// The date of a `date YYYY-MM-DD` dateline that opens the article.
    pub(crate) dateline: Option<Date>,
    /// Quotation marks as written, by normalized offset (normalization folds them).
    pub(crate) quote_marks: Vec<(usize, char)>,
    map: OffsetMap,
    /// Where each line of `source` starts; found on first use: only a place a report shows
    /// needs it (an `absent` claim whose terms never occur, none).
    line_starts: OnceLock<Vec<usize>>,
    // Built on first use: a claim file without number, date or quote claims never pays.
    dates: OnceLock<Vec<dates::DateMention>>,
    /// The date mentions read with the first reading asked for: every date claim of a claim
    /// file reads them the same way, so an archive run reads them once per article, not once
    /// per date claim.
    read_dates: OnceLock<(dates::Reading, Vec<dates::Resolution>)>,
    numbers: OnceLock<numbers::Numbers>,
    quotations: OnceLock<Vec<quotes::Quotation>>,
    /// For each quotation (by start), the furthest end of it and those before it.
    quotation_reach: OnceLock<Vec<usize>>,
    /// Built on first use: the term pass reads [`Article::text`] (see [`Article::folded`]).
    folded: OnceLock<String>,
    /// Built on first use (the near-miss search), see [`Article::words`].
    words: OnceLock<word_index::Words>,
}

/// The text a reader extracted (markup gone, entities decoded) and the way back to the source.
struct Written {
    text: String,
    map: source::SourceMap,
}

impl std::fmt::Debug for Article {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Article")
            .field("path", &self.path)
            .finish_non_exhaustive()
    }
}

impl Article {
    /// Reads an article from raw bytes: UTF-8 only (a BOM is allowed), no NUL byte.
    pub fn from_bytes(path: impl Into<String>, bytes: Vec<u8>) -> Result<Article, ReadError> {
        Ok(Article::new(path, utf8(bytes)?))
    }

    /// Reads an article in a format: the one given, else the one its path's extension
    /// names, else plain text. Every reader of articles (the commands, `batch`, the
    /// language server) comes through here.
    pub fn read(
        path: impl Into<String>,
        bytes: Vec<u8>,
        format: Option<source::SourceFormat>,
    ) -> Result<Article, ReadError> {
        let path = path.into();
        let (format, note) = match format {
            Some(f) => (f, None),
            None => source::guess(std::path::Path::new(&path), &bytes)?,
        };
        let mut article = match format {
            source::SourceFormat::Text => Article::from_bytes(path, bytes)?,
            format => {
                let (src, x) = source::extract(format, bytes)?;
                Article::from_extracted(path, src, format, x)
            }
        };
        article.notes.extend(note);
        Ok(article)
    }

    /// Indexes the text a reader extracted from `source` (markup gone, entities decoded,
    /// blocks given): the readers of Markdown, HTML and Word call this, with the file as
    /// read (a Word document's paragraphs one per line) as `source`.
    pub(crate) fn from_extracted(
        path: impl Into<String>,
        source: String,
        format: source::SourceFormat,
        x: source::Extracted,
    ) -> Article {
        let part = parts::index_blocks(&x.text, &x.blocks, crate::matcher::PARALLEL_FROM);
        let mut article = Article::indexed(path.into(), source, part);
        article.format = format;
        article.positions = x.positions;
        article.notes = x.notes;
        article.metadata_date = x.published;
        // The paragraph the reader's headline block became (none if it normalized to nothing).
        // A headline block that held only white space was dropped (`# ` alone: found by
        // fuzzing, it indexed past the blocks).
        article.headline = x.headline.and_then(|h| {
            let block = &x.blocks.get(h)?.range;
            article
                .paragraphs
                .iter()
                .position(|p| block.contains(&article.map.to_source(p.range.start)))
        });
        article.written = Some(Box::new(Written {
            text: x.text,
            map: x.map,
        }));
        article
    }

    /// Indexes an article; a long one on every core (see `parts.rs`).
    pub fn new(path: impl Into<String>, source: String) -> Article {
        let parallel_from = if source.len() < crate::matcher::PARALLEL_FROM {
            usize::MAX
        } else {
            0
        };
        let part = parts::index(&source, parallel_from);
        let mut article = Article::indexed(path.into(), source, part);
        article.headline = article.text_headline();
        article
    }

    /// The headline of a plain-text article: a heading it opens with (after a dateline
    /// alone in its block).
    fn text_headline(&self) -> Option<usize> {
        let first = self.dateline.is_some() as usize;
        let dateline_alone = self.dateline.is_none() || self.paragraphs[0].range.len() == "date YYYY-MM-DD".len();
        let p = self.paragraphs.get(first)?;
        (dateline_alone && p.kind == BlockKind::Heading).then_some(first)
    }

    /// An article over an index, positions counting lines of `source`.
    fn indexed(path: String, source: String, part: parts::Part) -> Article {
        let norm = part.norm;
        Article {
            path,
            format: source::SourceFormat::Text,
            positions: source::Positions::Lines,
            notes: Vec::new(),
            written: None,
            metadata_date: None,
            headline: None,
            text: norm.text,
            folded: OnceLock::new(),
            paragraphs: part.paragraphs,
            sentences: OnceLock::new(),
            paragraph_split: OnceLock::new(),
            dateline: part.dateline,
            quote_marks: norm.quote_marks,
            map: norm.map,
            line_starts: OnceLock::new(),
            source,
            dates: OnceLock::new(),
            read_dates: OnceLock::new(),
            numbers: OnceLock::new(),
            quotations: OnceLock::new(),
            quotation_reach: OnceLock::new(),
            words: OnceLock::new(),
        }
    }

    /// [`Article::text`] case-folded, with the same byte offsets; folded on the first call.
    /// A copy of the whole text: the term pass does without it when its literals are ASCII.
    pub(crate) fn folded(&self) -> &str {
        self.folded.get_or_init(|| fold_case(&self.text))
    }

    /// Where each case-folded word occurs; indexed on the first call.
    #[doc(hidden)] // pub for the benches (`benches/hot_paths.rs`), which index words up front
    pub fn words(&self) -> &word_index::Words {
        self.words.get_or_init(|| word_index::Words::new(self.folded()))
    }

    /// The date mentions read with `reading` (see [`dates::resolve_all`]); kept for the first
    /// reading asked for, computed again for another (a second claim file's `published`).
    pub(crate) fn read_dates(&self, reading: dates::Reading) -> std::borrow::Cow<'_, [dates::Resolution]> {
        let (first, read) = self
            .read_dates
            .get_or_init(|| (reading, dates::resolve_all(self.dates(), reading, &self.text)));
        match *first == reading {
            true => std::borrow::Cow::Borrowed(read),
            false => std::borrow::Cow::Owned(dates::resolve_all(self.dates(), reading, &self.text)),
        }
    }

    /// Date mentions, sorted, each with the tense cue that governs it where the day depends
    /// on one (found in its sentence, see `tense.rs`).
    #[doc(hidden)] // pub for the benches (`benches/hot_paths.rs`)
    pub fn dates(&self) -> &[dates::DateMention] {
        self.dates.get_or_init(|| {
            let mut found = dates::find(&self.text);
            dates::govern(&mut found, &self.text, |at| self.sentence_around(at));
            found
        })
    }

    /// Number mentions (not the parts of dates), sorted.
    pub(crate) fn numbers(&self) -> &[numbers::NumberMention] {
        &self.number_scan().mentions
    }

    /// What looked like a number and is not one (a clock time, an ordinal, a year), sorted.
    pub(crate) fn not_numbers(&self) -> &[numbers::NotANumber] {
        &self.number_scan().rejected
    }

    fn number_scan(&self) -> &numbers::Numbers {
        self.numbers.get_or_init(|| {
            let taken: Vec<Range<usize>> = self.dates().iter().map(|d| d.range.clone()).collect();
            // Thin and non-breaking spaces group thousands; normalization made them plain.
            let hard_space = |at: usize| {
                let src = self.map.to_source(at);
                self.written_text()[src..]
                    .chars()
                    .next()
                    .is_some_and(|c| c != ' ' && c.is_whitespace())
            };
            numbers::find_in(&self.text, &taken, &hard_space)
        })
    }

    /// Quotations, sorted by start.
    pub(crate) fn quotations(&self) -> &[quotes::Quotation] {
        self.quotations.get_or_init(|| quotes::find(self))
    }

    /// Whether a range lies inside a quotation (its marks included). Quotations may nest,
    /// so among those starting at or before the range, the furthest end answers: one
    /// binary search instead of a scan of every quotation per name.
    pub(crate) fn inside_quotation(&self, r: &Range<usize>) -> bool {
        let quotes = self.quotations();
        let reach = self.quotation_reach.get_or_init(|| {
            quotes
                .iter()
                .scan(0, |far, q| {
                    *far = q.outer.end.max(*far);
                    Some(*far)
                })
                .collect()
        });
        let before = quotes.partition_point(|q| q.outer.start <= r.start);
        before > 0 && r.end <= reach[before - 1]
    }

    /// The source byte range of a normalized range: exact at both ends through markup and
    /// entities (a start is where the first word starts, an end where the last one ends).
    pub fn source_range(&self, r: &Range<usize>) -> Range<usize> {
        let w = self.written_range(r);
        match &self.written {
            None => w,
            Some(x) => x.map.range(&w),
        }
    }

    /// The range of [`Article::written_text`] a normalized range came from.
    pub fn written_range(&self, r: &Range<usize>) -> Range<usize> {
        let start = self.map.to_source(r.start);
        start..self.map.to_source(r.end).max(start)
    }

    /// The words as written (curly quotes, accents, no markup, entities decoded): the
    /// source itself for plain text, else what its reader extracted. Evidence is quoted
    /// from here.
    pub fn written_text(&self) -> &str {
        self.written.as_ref().map_or(&self.source, |w| &w.text)
    }

    /// The publication date the article gives: its metadata's (front matter, `<meta>`),
    /// else its `date YYYY-MM-DD` dateline. A claim file's `published` comes before both.
    /// A Word document's core properties date the file, not the story: its dateline first.
    pub fn published(&self) -> Option<Date> {
        match self.format {
            source::SourceFormat::Docx => self.dateline.or(self.metadata_date),
            _ => self.metadata_date.or(self.dateline),
        }
    }

    /// The headline's range of [`Article::text`], if the article has one.
    pub(crate) fn headline_range(&self) -> Option<Range<usize>> {
        self.headline.map(|i| self.paragraphs[i].range.clone())
    }

    /// The normalized offset of a source offset.
    pub fn normalized_offset(&self, src: usize) -> usize {
        self.map.to_normalized(src)
    }

    /// `path:line:column`, or `path ¶paragraph:character` for a Word document, as every
    /// report names a place in the article.
    pub fn at(&self, line: usize, column: usize) -> String {
        crate::report::ArticleRef {
            path: &self.path,
            positions: self.positions,
        }
        .at(line, column)
    }

    /// Line and column (1-based, columns in characters) of a source byte offset.
    pub fn position(&self, src: usize) -> Position {
        let line_starts = self.line_starts.get_or_init(|| line_starts(&self.source));
        let line = line_starts.partition_point(|&s| s <= src);
        let start = line_starts[line - 1];
        let mut prefix = &self.source[start..src.min(self.source.len())];
        if line == 1 {
            prefix = prefix.trim_start_matches('\u{FEFF}');
        }
        Position {
            line,
            column: prefix.chars().count() + 1,
        }
    }

    /// Every sentence, in order; split on the first call.
    ///
    /// On one core, like every lazy part of the article: a rayon task waiting inside a
    /// `OnceLock` initializer may steal another claim's task that asks for the same value,
    /// and waits for itself forever (a CI run hung so on the 1 MiB test article).
    pub fn sentences(&self) -> &[Sentence] {
        self.sentences.get_or_init(|| {
            let mut out = Vec::new();
            for pi in 0..self.paragraphs.len() {
                self.paragraph_sentences(pi, &mut out);
            }
            // Kept with the article (24 bytes a sentence), not the doubling's spare room.
            out.shrink_to_fit();
            out
        })
    }

    /// The sentences of one paragraph: a heading or list item is one; the dateline is one
    /// of its own.
    fn paragraph_sentences(&self, pi: usize, out: &mut Vec<Sentence>) {
        let p = &self.paragraphs[pi];
        let text = &self.text[p.range.clone()];
        let mut body = 0;
        // The dateline is the first block's, so the first paragraph's.
        if pi == 0
            && self.dateline.is_some()
            && let Some((_, len)) = parse_dateline(text)
        {
            out.push(Sentence {
                range: p.range.start..p.range.start + len,
                paragraph: pi,
            });
            body = (len + 1).min(text.len());
        }
        let at = p.range.start + body;
        if p.kind == BlockKind::Paragraph {
            out.extend(segment::sentences(&text[body..]).into_iter().map(|r| Sentence {
                range: at + r.start..at + r.end,
                paragraph: pi,
            }));
        } else if body < text.len() {
            out.push(Sentence {
                range: at..p.range.end,
                paragraph: pi,
            });
        }
    }

    /// The index of the sentence holding a normalized offset.
    pub fn sentence_at(&self, at: usize) -> Option<usize> {
        let sentences = self.sentences();
        let i = sentences.partition_point(|s| s.range.end <= at);
        (i < sentences.len() && sentences[i].range.start <= at).then_some(i)
    }

    /// The range of the sentence holding a normalized offset, as [`Article::sentence_at`]
    /// finds it. Until the whole article is split, only the paragraphs asked about are (each
    /// once): an article whose terms occur a few times is never split whole.
    pub(crate) fn sentence_around(&self, at: usize) -> Option<Range<usize>> {
        if let Some(all) = self.sentences.get() {
            let i = all.partition_point(|s| s.range.end <= at);
            return all.get(i).filter(|s| s.range.start <= at).map(|s| s.range.clone());
        }
        let pi = self.paragraph_at(at)?;
        self.sentences_of(pi).iter().find(|r| r.contains(&at)).cloned()
    }

    /// The sentence ranges of one paragraph, split once however many ask.
    fn sentences_of(&self, pi: usize) -> &[Range<usize>] {
        let split = self
            .paragraph_split
            .get_or_init(|| (0..self.paragraphs.len()).map(|_| OnceLock::new()).collect());
        split[pi].get_or_init(|| {
            let mut own = Vec::new();
            self.paragraph_sentences(pi, &mut own);
            own.into_iter().map(|s| s.range).collect()
        })
    }

    /// Where a normalized offset is as an editor counts: the paragraph (headings and list
    /// items count as paragraphs) and the sentence in it, both from 1. In a plain-text article
    /// a "line" is a whole paragraph, so `line:column` alone says little.
    pub fn paragraph_and_sentence(&self, at: usize) -> Option<(usize, usize)> {
        let pi = self.paragraph_at(at)?;
        // Split whole already: its paragraph's run of sentences answers, and no table of
        // every paragraph's sentences is made beside it (4 MB on a 50 MB article).
        let si = match self.sentences.get() {
            Some(all) => {
                let first = all.partition_point(|s| s.paragraph < pi);
                let own = &all[first..first + all[first..].partition_point(|s| s.paragraph == pi)];
                own.iter().position(|s| s.range.contains(&at))?
            }
            None => self.sentences_of(pi).iter().position(|r| r.contains(&at))?,
        };
        Some((pi + 1, si + 1))
    }

    /// The index of the paragraph holding a normalized offset.
    pub(crate) fn paragraph_at(&self, at: usize) -> Option<usize> {
        let i = self.paragraphs.partition_point(|p| p.range.end <= at);
        (i < self.paragraphs.len() && self.paragraphs[i].range.start <= at).then_some(i)
    }

    /// The normalized text of a range of [`Article::text`].
    pub fn slice(&self, r: &Range<usize>) -> &str {
        &self.text[r.clone()]
    }
}

/// Where each line of `source` starts: counted first, so the table is allocated once at its
/// size (a 50 MB article has 440,000 lines).
fn line_starts(source: &str) -> Vec<usize> {
    let newlines = || memchr::memchr_iter(b'\n', source.as_bytes());
    let mut starts = Vec::with_capacity(newlines().count() + 1);
    starts.push(0);
    starts.extend(newlines().map(|i| i + 1));
    starts
}

/// The bytes as text: UTF-8 only (a BOM is allowed).
fn utf8(bytes: Vec<u8>) -> Result<String, ReadError> {
    // Text in another encoding is refused, never misread (see `ReadError::Utf16`, `Nul`).
    if let [a @ (0xFE | 0xFF), b @ (0xFE | 0xFF), ..] = bytes[..]
        && a != b
    {
        return Err(ReadError::Utf16 { big_endian: a == 0xFE });
    }
    if let Some(offset) = memchr::memchr(0, &bytes) {
        return Err(ReadError::Nul { offset });
    }
    String::from_utf8(bytes).map_err(|e| ReadError::NotUtf8 {
        offset: e.utf8_error().valid_up_to(),
    })
}

/// `date YYYY-MM-DD` at the start of the article (leading white space allowed).
fn parse_dateline(text: &str) -> Option<(Date, usize)> {
    let rest = text.strip_prefix("date ")?;
    let date = Date::parse_iso(rest.get(..10)?)?;
    let after = rest[10..].chars().next();
    if after.is_some_and(|c| c.is_alphanumeric()) {
        return None;
    }
    Some((date, 15))
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    /// Found by fuzzing: a Markdown heading with no words (`# `) is a headline whose block
    /// is dropped; reading it panicked (an index past the blocks).
    #[test]
    fn an_empty_heading_is_no_headline_and_no_panic() {
        for md in ["# ", "# \n\nItaly attended.\n"] {
            let a = Article::read("a.md", md.as_bytes().to_vec(), None).unwrap();
            assert!(a.text.is_empty() || a.text == "Italy attended.", "{:?}", a.text);
        }
    }

    pub(crate) const SEED: &str = include_str!("../../claims/paris-coalition-2025-03-11.txt");

    /// The first occurrence of `s` in the normalized text, for unit tests.
    pub(crate) fn find(a: &Article, s: &str) -> Range<usize> {
        let at = a.text.find(s).unwrap_or_else(|| panic!("{s:?} not in the article"));
        at..at + s.len()
    }

    pub(crate) fn seed() -> Article {
        Article::new("paris-coalition-2025-03-11.txt", SEED.to_string())
    }

    #[test]
    fn seed_dateline_is_a_sentence_and_the_published_date() {
        let a = seed();
        assert_eq!(a.dateline, Date::parse_iso("2025-03-11"));
        assert_eq!(a.slice(&a.sentences()[0].range), "date 2025-03-11");
        assert!(
            a.slice(&a.sentences()[1].range)
                .starts_with("The coalition of the willing")
        );
    }

    #[test]
    fn a_sentence_found_alone_is_the_one_the_whole_split_finds() {
        let alone = seed();
        let whole = seed();
        let every: Vec<usize> = (0..whole.text.len()).step_by(7).collect();
        // Every place is found in its paragraph alone (split once, however many ask).
        let found: Vec<Option<Range<usize>>> = every.iter().map(|&at| alone.sentence_around(at)).collect();
        assert!(
            alone.sentences.get().is_none(),
            "places alone never split the whole article"
        );
        let expected: Vec<Option<Range<usize>>> = every
            .iter()
            .map(|&at| whole.sentence_at(at).map(|i| whole.sentences()[i].range.clone()))
            .collect();
        assert_eq!(found, expected);
        // Once the article is split whole, its index answers.
        let from_index: Vec<Option<Range<usize>>> = every.iter().map(|&at| whole.sentence_around(at)).collect();
        assert_eq!(from_index, expected);
        assert!(Article::new("x", "Just one.".into()).sentences.get().is_none());
        // Where an editor counts, the same from a paragraph split alone and from the whole.
        let counted = |a: &Article| -> Vec<Option<(usize, usize)>> {
            (0..=a.text.len()).map(|at| a.paragraph_and_sentence(at)).collect()
        };
        let alone = seed();
        assert_eq!(counted(&alone), counted(&whole));
        assert!(alone.sentences.get().is_none() && whole.sentences.get().is_some());
    }

    #[test]
    fn inside_a_quotation_as_a_scan_of_every_quotation_says() {
        let text =
            format!("{SEED}\n\n“Outer ‘inner’ words” and “an unclosed one. He said ‘x’ “y” «z» 'straight' \"q\".");
        let a = Article::new("x.txt", text);
        let quotes = a.quotations();
        assert!(quotes.len() > 8);
        let scan = |r: &Range<usize>| quotes.iter().any(|o| o.outer.start <= r.start && r.end <= o.outer.end);
        let n = a.text.len();
        for start in (0..n).step_by(3) {
            for len in [0, 1, 4, 9, 30] {
                let r = start..(start + len).min(n);
                assert_eq!(a.inside_quotation(&r), scan(&r), "{r:?}");
            }
        }
    }

    #[test]
    fn seed_headings_are_paragraphs_and_sentences() {
        let a = seed();
        let headings: Vec<&str> = a
            .paragraphs
            .iter()
            .filter(|p| p.kind == BlockKind::Heading)
            .map(|p| a.slice(&p.range))
            .collect();
        assert_eq!(
            headings,
            vec![
                "The meeting without the USA",
                "First step towards security guarantees",
                "The future of the Ukrainian army",
                "The contingent of peace"
            ]
        );
    }

    #[test]
    fn positions_point_into_the_source() {
        let a = seed();
        let at = a.text.find("Luciano Portolano").unwrap();
        let src = a.source_range(&(at..at + "Luciano Portolano".len()));
        assert_eq!(&a.source[src.clone()], "Luciano Portolano");
        let p = a.position(src.start);
        assert_eq!(p.line, 7);
        let line = a.source.lines().nth(6).unwrap();
        let col = line.find("Luciano").unwrap();
        assert_eq!(p.column, line[..col].chars().count() + 1);
    }

    #[test]
    fn a_span_that_ends_a_heading_ends_on_its_line() {
        let a = seed();
        let at = a.text.find("the USA\n\n").unwrap() + 4;
        let src = a.source_range(&(at..at + 3));
        assert_eq!(&a.source[src.clone()], "USA");
        assert_eq!(a.position(src.end), Position { line: 5, column: 28 });
    }

    #[test]
    fn columns_count_characters_and_skip_the_bom() {
        let a = Article::new("x.txt", "\u{FEFF}Élysée “plan” here.\r\n".to_string());
        let at = a.text.find("here").unwrap();
        let src = a.source_range(&(at..at + 4));
        assert_eq!(a.position(src.start), Position { line: 1, column: 15 });
    }

    /// Metadata comes before a dateline, except a Word document's core properties, which
    /// Word sets on every save.
    #[test]
    fn published_from_metadata_or_dateline() {
        let text = "date 2025-03-11 Army chiefs met in Paris.".to_string();
        let read = |format| {
            let mut x = source::Extracted::default();
            x.start_block(BlockKind::Paragraph);
            x.copy(&text, 0..text.len());
            x.published = Date::parse_iso("2025-03-20");
            Article::from_extracted("a", text.clone(), format, x.finish()).published()
        };
        assert_eq!(read(source::SourceFormat::Markdown), Date::parse_iso("2025-03-20"));
        assert_eq!(read(source::SourceFormat::Docx), Date::parse_iso("2025-03-11"));
        assert_eq!(seed().published(), Date::parse_iso("2025-03-11"));
    }

    #[test]
    fn invalid_utf8_names_the_offset() {
        let err = Article::from_bytes("x.txt", b"Paris \xff coalition".to_vec()).unwrap_err();
        assert_eq!(err, ReadError::NotUtf8 { offset: 6 });
    }
}
