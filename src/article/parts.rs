//! Indexing one stretch of the source: its blocks (paragraphs) and normalized text.
//! Sentences come later, on demand ([`super::Article::sentences`]).
//!
//! A long article is cut after blank lines into parts indexed in parallel, then joined. The
//! cut changes nothing: block finding starts afresh after a blank line, and the join puts
//! the same paragraph break between two parts that one pass puts between two blocks.

use std::ops::Range;

use rayon::prelude::*;

use super::normalize::Normalizer;
use super::segment::{self, SourceBlock};
use super::{Paragraph, parse_dateline};
use crate::date::Date;

/// Parts per thread: parts differ in cost, several per thread keep every core busy.
const PARTS_PER_THREAD: usize = 4;

/// The index of a stretch of the source. Normalized offsets start at 0 for each part.
#[derive(Debug, Default)]
pub(super) struct Part {
    pub norm: Normalizer,
    pub paragraphs: Vec<Paragraph>,
    pub dateline: Option<Date>,
    /// Source offsets where its first block starts and its last block ends.
    blocks: Option<(usize, usize)>,
}

/// Indexes `source`: in one pass, or, from `parallel_from` bytes on, in parts on every core.
pub(super) fn index(source: &str, parallel_from: usize) -> Part {
    if source.len() < parallel_from {
        return part(source, 0..source.len());
    }
    let n = rayon::current_num_threads() * PARTS_PER_THREAD;
    let mut cuts = vec![0];
    for i in 1..n {
        let from = (source.len() * i / n).max(*cuts.last().expect("starts with 0"));
        if let Some(cut) = after_blank_line(source, from) {
            cuts.push(cut);
        }
    }
    cuts.push(source.len());
    cuts.dedup();
    let parts: Vec<Part> = cuts.par_windows(2).map(|w| part(source, w[0]..w[1])).collect();
    join(parts)
}

/// The start of the line after the first blank line that starts after `from`.
fn after_blank_line(source: &str, from: usize) -> Option<usize> {
    let bytes = source.as_bytes();
    let newline = |at: usize| bytes[at..].iter().position(|&b| b == b'\n').map(|i| at + i);
    let mut line = newline(from)? + 1;
    loop {
        let end = newline(line)?;
        // `line` follows a '\n' and `end` is one: both are character boundaries.
        if segment::is_blank(&source[line..end]) {
            return Some(end + 1);
        }
        line = end + 1;
    }
}

/// Indexes `source[range]`. Only the article's first block may be a dateline.
fn part(source: &str, range: Range<usize>) -> Part {
    let first = segment::is_blank(&source[..range.start]);
    let blocks = segment::blocks(&source[range.clone()])
        .into_iter()
        .map(|b| SourceBlock {
            range: range.start + b.range.start..range.start + b.range.end,
            kind: b.kind,
        });
    indexed(source, range.len(), blocks, first)
}

/// Indexes text whose blocks a reader gave (Markdown, HTML, Word): none is guessed from
/// lines, and the first may still be a dateline. From `parallel_from` bytes on, runs of
/// blocks are indexed on every core and joined, as [`index`] does with parts of a text.
pub(super) fn index_blocks(text: &str, blocks: &[SourceBlock], parallel_from: usize) -> Part {
    if text.len() < parallel_from || blocks.len() < 2 {
        return indexed(text, text.len(), blocks.iter().cloned(), true);
    }
    let per = blocks.len().div_ceil(rayon::current_num_threads() * PARTS_PER_THREAD);
    let parts: Vec<Part> = blocks
        .par_chunks(per)
        .enumerate()
        .map(|(i, run)| {
            let len = run.last().map_or(0, |b| b.range.end) - run.first().map_or(0, |b| b.range.start);
            indexed(text, len, run.iter().cloned(), i == 0)
        })
        .collect();
    join(parts)
}

/// Normalizes `blocks` of `source` into one index; `first`: they open the article.
fn indexed(source: &str, len: usize, blocks: impl Iterator<Item = SourceBlock>, first: bool) -> Part {
    let mut p = Part::default();
    // The normalized text is about as long as the source: one allocation, no doubling.
    p.norm.text.reserve(len);
    for (bi, block) in blocks.enumerate() {
        let (bs, be) = (block.range.start, block.range.end);
        match &mut p.blocks {
            Some((_, last_end)) => {
                p.norm.push_break(*last_end, bs);
                *last_end = be;
            }
            None => p.blocks = Some((bs, be)),
        }
        let start = p.norm.text.len();
        p.norm.push_block(source, bs, be);
        let end = p.norm.text.len();
        if start == end {
            continue;
        }
        if first && bi == 0 {
            p.dateline = parse_dateline(&p.norm.text[start..end]).map(|(date, _)| date);
        }
        p.paragraphs.push(Paragraph {
            range: start..end,
            kind: block.kind,
        });
    }
    p
}

/// Parts in source order as one index, as if indexed in one pass.
fn join(parts: Vec<Part>) -> Part {
    let mut out = Part::default();
    // Where each part's text goes: "\n\n" between parts, as between blocks.
    let mut pieces: Vec<(usize, String)> = Vec::new();
    let mut len = 0;
    // Sized once: grown by doubling, they kept up to twice what a 50 MB article needs.
    let total = |f: fn(&Part) -> usize| parts.iter().map(f).sum::<usize>();
    out.paragraphs.reserve_exact(total(|p| p.paragraphs.len()));
    out.norm.quote_marks.reserve_exact(total(|p| p.norm.quote_marks.len()));
    for p in parts {
        let Some((first_start, last_end)) = p.blocks else {
            continue;
        };
        match &mut out.blocks {
            Some((_, end)) => {
                out.norm.map.push(len, *end);
                len += 2;
                out.norm.map.push(len, first_start);
                *end = last_end;
            }
            None => out.blocks = p.blocks,
        }
        out.norm.map.append(&p.norm.map, len);
        out.norm
            .quote_marks
            .extend(p.norm.quote_marks.iter().map(|&(n, c)| (len + n, c)));
        out.paragraphs.extend(p.paragraphs.iter().map(|x| Paragraph {
            range: x.range.start + len..x.range.end + len,
            kind: x.kind,
        }));
        out.dateline = out.dateline.or(p.dateline);
        let n = p.norm.text.len();
        pieces.push((len, p.norm.text));
        len += n;
    }
    // The text, copied on every core (on one, a tenth of a run on a 50 MB file). Each part's
    // text is freed once copied, so the article's text is held about once, not twice.
    let mut bytes = vec![0u8; len];
    let mut slices = Vec::with_capacity(pieces.len());
    let mut rest = bytes.as_mut_slice();
    let mut at = 0;
    for (base, text) in pieces {
        let (gap, tail) = rest.split_at_mut(base - at);
        gap.copy_from_slice(&b"\n\n"[..gap.len()]);
        let (piece, tail) = tail.split_at_mut(text.len());
        at = base + text.len();
        slices.push((piece, text));
        rest = tail;
    }
    slices
        .into_par_iter()
        .for_each(|(piece, text)| piece.copy_from_slice(text.as_bytes()));
    out.norm.text = String::from_utf8(bytes).expect("strings and line breaks joined");
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::segment::BlockKind;

    fn same(a: &Part, b: &Part, source: &str) {
        assert_eq!(a.norm.text, b.norm.text);
        assert_eq!(a.norm.quote_marks, b.norm.quote_marks);
        assert_eq!(a.dateline, b.dateline);
        let ranges = |p: &Part| -> Vec<(Range<usize>, BlockKind)> {
            p.paragraphs.iter().map(|x| (x.range.clone(), x.kind)).collect()
        };
        assert_eq!(ranges(a), ranges(b));
        for n in 0..=a.norm.text.len() {
            assert_eq!(
                a.norm.map.to_source(n),
                b.norm.map.to_source(n),
                "normalized offset {n}"
            );
        }
        for s in 0..=source.len() {
            assert_eq!(
                a.norm.map.to_normalized(s),
                b.norm.map.to_normalized(s),
                "source offset {s}"
            );
        }
    }

    /// Given blocks indexed in runs on every core are the index of one pass.
    #[test]
    fn given_blocks_in_parallel_are_the_single_pass_index() {
        let mut rng = crate::testrng::TestRng(0x5DEE_CE66_D1CE_4E5B);
        let words = [
            "date 2025-03-11",
            "Macron",
            "said",
            "\u{201C}no\u{201D}",
            "Ze\u{0301}nith",
            "34",
            "\u{00A0}",
            ".",
        ];
        for _ in 0..20 {
            let mut text = String::new();
            let mut blocks = Vec::new();
            for _ in 0..1 + rng.below(60) {
                if !text.is_empty() {
                    text.push_str("\n\n");
                }
                let start = text.len();
                for _ in 0..1 + rng.below(8) {
                    text.push_str(words[rng.below(words.len())]);
                    text.push(' ');
                }
                let kind = [BlockKind::Paragraph, BlockKind::Heading, BlockKind::ListItem][rng.below(3)];
                blocks.push(SourceBlock {
                    range: start..text.len(),
                    kind,
                });
            }
            let one = index_blocks(&text, &blocks, usize::MAX);
            same(&one, &index_blocks(&text, &blocks, 0), &text);
        }
    }

    /// Property: cut into parts anywhere (down to every blank line), the index is the one
    /// a single pass builds, offsets back to the source included.
    #[test]
    fn parts_join_into_the_single_pass_index() {
        let paragraph = [
            "date 2025-03-11\n",
            "The Meeting In Paris\n",
            "Mr. Macron said: “We will not be separated.” Then—quietly—he left.\r\n",
            "- a list item\n",
            "A wrapped line\nof prose,\u{00A0}with a soft\u{00AD}hyphen and Ze\u{0301}nith.\n",
            "  \n",
            "\n",
            "\u{FEFF}\n",
            "34 countries attended. Italy was there only as an observer.\n",
        ];
        let mut rng = crate::testrng::TestRng(0x2545_F491_4F6C_DD1D);
        for _ in 0..30 {
            let mut source = String::new();
            for _ in 0..40 {
                let seed = rng.next_u64();
                source.push_str(paragraph[(seed % paragraph.len() as u64) as usize]);
                if seed.is_multiple_of(3) {
                    source.push('\n');
                }
            }
            let one = part(&source, 0..source.len());
            let parted = index(&source, 0);
            same(&one, &parted, &source);
            // Every blank line a cut.
            let mut cuts = vec![0];
            while let Some(c) = after_blank_line(&source, *cuts.last().unwrap()) {
                cuts.push(c);
            }
            cuts.push(source.len());
            cuts.dedup();
            assert!(cuts.len() > 3, "the generated text has blank lines");
            let parts = cuts.windows(2).map(|w| part(&source, w[0]..w[1])).collect();
            same(&one, &join(parts), &source);
        }
    }
}
