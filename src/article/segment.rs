//! Structure: blocks (paragraphs, headings, list items) from the source lines, and
//! sentences inside each block.
//!
//! claim-format.md "Article structure": blank lines separate paragraphs; a short line without
//! final punctuation is a heading and, like a list item, a sentence of its own. Blocks are
//! found on source lines because normalization folds line breaks into spaces.

use std::ops::Range;

/// What kind of block a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// A block as a byte range of the source, before normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SourceBlock {
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// Headings are short: more words than this reads as a wrapped line of prose.
const HEADING_MAX_WORDS: usize = 12;

/// Splits the source into blocks. Blank lines (white space only) separate paragraphs; a
/// heading or list item line is a block of its own.
pub fn blocks(source: &str) -> Vec<SourceBlock> {
    let mut out = Vec::new();
    let mut para: Option<Range<usize>> = None;
    let mut first_line_of_para = true;
    let mut pos = 0;
    let flush = |para: &mut Option<Range<usize>>, out: &mut Vec<SourceBlock>| {
        if let Some(r) = para.take() {
            out.push(SourceBlock {
                range: r,
                kind: BlockKind::Paragraph,
            });
        }
    };
    while pos < source.len() {
        let line_end = source[pos..].find('\n').map_or(source.len(), |i| pos + i);
        let line = &source[pos..line_end];
        let next = (line_end + 1).min(source.len().max(line_end));
        if is_blank(line) {
            flush(&mut para, &mut out);
            first_line_of_para = true;
        } else {
            let (ls, le) = trim_range(source, pos, line_end);
            let next_line = &source[next.min(source.len())..];
            let next_line = &next_line[..next_line.find('\n').unwrap_or(next_line.len())];
            if is_list_item(line) {
                flush(&mut para, &mut out);
                out.push(SourceBlock {
                    range: ls..le,
                    kind: BlockKind::ListItem,
                });
            } else if first_line_of_para
                && is_heading_line(line)
                && (is_blank(next_line) || starts_like_sentence(next_line))
            {
                out.push(SourceBlock {
                    range: ls..le,
                    kind: BlockKind::Heading,
                });
            } else {
                para = Some(match para.take() {
                    Some(r) => r.start..le,
                    None => ls..le,
                });
            }
            first_line_of_para = false;
        }
        if line_end >= source.len() {
            break;
        }
        pos = line_end + 1;
    }
    flush(&mut para, &mut out);
    out
}

pub(crate) fn is_blank(line: &str) -> bool {
    line.chars().all(|c| c.is_whitespace() || c == '\u{FEFF}')
}

fn trim_range(source: &str, start: usize, end: usize) -> (usize, usize) {
    let s = &source[start..end];
    let lead = s.len()
        - s.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{FEFF}')
            .len();
    let trail = s.len() - s.trim_end().len();
    (start + lead, end - trail)
}

fn is_list_item(line: &str) -> bool {
    let t = line.trim_start();
    if let Some(rest) = t.strip_prefix(['-', '*', '•', '–', '—']) {
        return rest.starts_with(' ');
    }
    let digits = t.chars().take_while(|c| c.is_ascii_digit()).count();
    digits > 0 && digits < 4 && {
        let rest = &t[digits..];
        (rest.starts_with(". ") || rest.starts_with(") ")) && rest.len() > 2
    }
}

fn is_heading_line(line: &str) -> bool {
    let t = line.trim();
    // Counting stops past the limit: a paragraph on one line is not walked to its end.
    let words = t.split_whitespace().take(HEADING_MAX_WORDS + 1).count();
    let last = t.chars().next_back();
    let first = t.chars().next();
    words > 0
        && words <= HEADING_MAX_WORDS
        && first.is_some_and(|c| c.is_uppercase() || c.is_ascii_digit())
        && !matches!(
            last,
            Some('.' | '!' | '?' | ':' | ';' | ',' | '…' | '"' | '\'' | '”' | '’' | '»' | '-')
        )
}

fn starts_like_sentence(line: &str) -> bool {
    line.trim_start()
        .chars()
        .next()
        .is_some_and(|c| c.is_uppercase() || c.is_ascii_digit() || "\"“«‘'(".contains(c))
}

/// Words that end with a period without ending a sentence (news copy: AP style titles,
/// months, places). Matched case-sensitively, without the final period.
const ABBREVIATIONS: &[&str] = &[
    "Mr", "Mrs", "Ms", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cmdr", "Sgt", "Adm", "Sen", "Rep", "Gov",
    "Pres", "Amb", "Rev", "Hon", "St", "Sr", "Jr", "Mt", "Ft", "Ave", "Blvd", "Jan", "Feb", "Mar", "Apr", "Jun", "Jul",
    "Aug", "Sep", "Sept", "Oct", "Nov", "Dec", "No", "Nos", "Vol", "vs", "approx", "Inc", "Ltd", "Co", "Corp", "Dept",
    "Univ", "U.S", "U.K", "U.N", "E.U", "e.g", "i.e", "a.m", "p.m", "cf", "ca", "Fig",
];

/// Splits one block of normalized text into sentence ranges (relative to the block).
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes or brackets after it)
/// followed by a space and something that can start a sentence, unless the word before the
/// period is an abbreviation or an initial.
pub fn sentences(block: &str) -> Vec<Range<usize>> {
    let bytes = block.as_bytes();
    // Where the next `.`, `!`, `?` or `…` is, found with SIMD byte searches: most of a
    // paragraph is never looked at character by character.
    let ellipsis = "…".as_bytes();
    let has_ellipsis = memchr::memmem::find(bytes, ellipsis).is_some();
    let next_end = |from: usize| {
        let plain = memchr::memchr3(b'.', b'!', b'?', &bytes[from..]).map(|i| from + i);
        let long = has_ellipsis
            .then(|| memchr::memmem::find(&bytes[from..], ellipsis).map(|i| from + i))
            .flatten();
        match (plain, long) {
            (Some(a), Some(b)) => Some(a.min(b)),
            (a, b) => a.or(b),
        }
    };
    let mut out = Vec::new();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = next_end(i) {
        let c = block[at..].chars().next().expect("a sentence end character");
        let mut end = at + c.len_utf8();
        while let Some(n) = block[end..].chars().next() {
            if matches!(n, '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '»' | '’' | '”') {
                end += n.len_utf8();
            } else {
                break;
            }
        }
        if block[end..].starts_with(' ')
            && starts_like_sentence(&block[end + 1..])
            && !(c == '.' && ends_with_abbreviation(&block[start..at]))
        {
            out.push(start..end);
            start = end + 1;
            i = start;
        } else {
            i = end;
        }
    }
    if start < block.len() {
        out.push(start..block.len());
    }
    out
}

fn ends_with_abbreviation(before: &str) -> bool {
    let word = before.rsplit([' ', '(', '"', '\'']).next().unwrap_or("");
    if word.is_empty() {
        return false;
    }
    // An initial: "J. K. Rowling", "Michael J. Fox".
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return true;
    }
    ABBREVIATIONS.contains(&word)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn split(s: &str) -> Vec<&str> {
        sentences(s).into_iter().map(|r| &s[r]).collect()
    }

    #[test]
    fn splits_seed_sentences() {
        let p = "But the world is changing. The meeting was held on the same day. It was “important”.";
        assert_eq!(
            split(p),
            vec![
                "But the world is changing.",
                "The meeting was held on the same day.",
                "It was “important”."
            ]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials_inside_sentences() {
        let p = "Sen. Smith met Mr. Jones in the U.S. Capitol on Jan. 5. Gen. J. R. Allen spoke. Then e.g. this.";
        assert_eq!(
            split(p),
            vec![
                "Sen. Smith met Mr. Jones in the U.S. Capitol on Jan. 5.",
                "Gen. J. R. Allen spoke.",
                "Then e.g. this."
            ]
        );
    }

    #[test]
    fn every_sentence_end_character_ends_a_sentence() {
        assert_eq!(
            split("Wait… Really?! Yes. Costs €5… or so! 3 went (no.) Ok"),
            vec!["Wait…", "Really?!", "Yes.", "Costs €5… or so!", "3 went (no.)", "Ok"]
        );
        assert_eq!(split("No end here"), vec!["No end here"]);
        assert_eq!(split("Ends… "), vec!["Ends… "]);
    }

    #[test]
    fn closing_quote_stays_with_its_sentence() {
        let p = "“A decisive moment,” wrote Burkhard. “By sharing responsibility.” He left.";
        assert_eq!(
            split(p),
            vec![
                "“A decisive moment,” wrote Burkhard.",
                "“By sharing responsibility.”",
                "He left."
            ]
        );
    }

    #[test]
    fn headings_are_blocks_of_their_own() {
        let src = "Intro line of prose that ends here.\n\nThe meeting without the USA\n\nAmong the participants.\nSecond line.\n- a list item\n";
        let b = blocks(src);
        let kinds: Vec<(BlockKind, &str)> = b.iter().map(|b| (b.kind, &src[b.range.clone()])).collect();
        assert_eq!(
            kinds,
            vec![
                (BlockKind::Paragraph, "Intro line of prose that ends here."),
                (BlockKind::Heading, "The meeting without the USA"),
                (BlockKind::Paragraph, "Among the participants.\nSecond line."),
                (BlockKind::ListItem, "- a list item"),
            ]
        );
    }

    #[test]
    fn crlf_and_whitespace_only_lines_separate_paragraphs() {
        let src = "First paragraph, line one\r\ngoes on.\r\n \t\r\nSecond one.\r\n";
        let b = blocks(src);
        assert_eq!(b.len(), 2);
        assert_eq!(&src[b[0].range.clone()], "First paragraph, line one\r\ngoes on.");
        assert_eq!(&src[b[1].range.clone()], "Second one.");
    }
}
