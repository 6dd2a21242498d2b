//! Markdown (CommonMark with GitHub's tables and footnotes), read with pulldown-cmark, whose
//! offset iterator gives the exact source bytes of every piece of text.
//!
//! Headings, paragraphs, list items, block quotes' paragraphs, table cells and footnote
//! definitions are blocks; emphasis and links keep their words. Code (blocks and inline),
//! HTML (comments, tags), link targets, images and footnote markers are not article text.
//! Front matter at the top gives the headline (`title`) and `published`.

use std::ops::Range;

use pulldown_cmark::{Event, Options, Parser, Tag, TagEnd};

use super::{Extracted, front_matter};
use crate::article::ReadError;
use crate::article::segment::BlockKind;

/// Reads a Markdown article.
pub(super) fn read(source: &str) -> Result<Extracted, ReadError> {
    let start = if source.starts_with('\u{FEFF}') { 3 } else { 0 };
    let mut x = Extracted::default();
    let mut body = start;
    if let Some(fm) = front_matter::read(source, start)? {
        body = fm.body;
        x.published = fm.published;
        if let Some(t) = fm.title {
            x.start_block(BlockKind::Heading);
            match t.copied {
                true => x.copy(source, t.src),
                false => x.decoded(&t.text, t.src),
            }
            x.end_block();
            x.headline = (!x.blocks.is_empty()).then_some(0);
        }
    }
    let options = Options::ENABLE_TABLES | Options::ENABLE_FOOTNOTES;
    let parser = Parser::new_ext(&source[body..], options).into_offset_iter();
    let mut r = Reader {
        source,
        x,
        kinds: Vec::new(),
        hidden: 0,
        first_heading: true,
    };
    for (event, range) in parser {
        r.event(event, body + range.start..body + range.end);
    }
    Ok(r.x.finish())
}

/// The reader's state between events.
struct Reader<'a> {
    source: &'a str,
    x: Extracted,
    /// The kinds of the blocks open, innermost last (text after a nested list goes back to
    /// its item).
    kinds: Vec<BlockKind>,
    /// Inside code, an image or a footnote marker: not article text.
    hidden: usize,
    /// No block has been read yet: a heading now is the headline (without a title).
    first_heading: bool,
}

impl Reader<'_> {
    fn event(&mut self, event: Event<'_>, range: Range<usize>) {
        match event {
            Event::Start(tag) => self.start(tag),
            Event::End(end) => self.end(end),
            Event::Text(t) if self.hidden == 0 => self.text(&t, range),
            Event::SoftBreak if self.hidden == 0 => match &self.source[range.clone()] {
                "\n" | "\r\n" => self.x.copy(self.source, range),
                _ => self.x.added(" "),
            },
            Event::HardBreak if self.hidden == 0 => self.x.added(" "),
            // Code, HTML, footnote markers, rules, task boxes: not article text.
            _ => {}
        }
    }

    fn start(&mut self, tag: Tag<'_>) {
        let kind = match tag {
            Tag::Heading { .. } => BlockKind::Heading,
            Tag::Paragraph => BlockKind::Paragraph,
            Tag::Item => BlockKind::ListItem,
            // A table cell is a unit of its own, as a list item is.
            Tag::TableCell => BlockKind::ListItem,
            Tag::FootnoteDefinition(_) => BlockKind::Paragraph,
            Tag::CodeBlock(_) | Tag::Image { .. } | Tag::HtmlBlock | Tag::MetadataBlock(_) => {
                self.hidden += 1;
                return;
            }
            _ => return,
        };
        if kind == BlockKind::Heading && self.first_heading && self.x.blocks.is_empty() && !self.x.in_block() {
            self.x.headline = Some(0);
        }
        self.first_heading = false;
        match kind {
            // The first paragraph of an item or footnote is the item's words.
            BlockKind::Paragraph => self.x.start_block_or_continue(kind),
            _ => self.x.start_block(kind),
        }
        self.kinds.push(kind);
    }

    fn end(&mut self, end: TagEnd) {
        match end {
            TagEnd::Heading(_) | TagEnd::Paragraph | TagEnd::Item | TagEnd::TableCell | TagEnd::FootnoteDefinition => {
                self.kinds.pop();
                self.x.end_block();
            }
            TagEnd::CodeBlock | TagEnd::Image | TagEnd::HtmlBlock | TagEnd::MetadataBlock(_) => {
                self.hidden = self.hidden.saturating_sub(1);
            }
            _ => {}
        }
    }

    /// Words: copied when the source bytes are the words, decoded when an entity or an
    /// escape wrote them (pulldown-cmark gives those a piece of their own).
    fn text(&mut self, t: &str, range: Range<usize>) {
        if !self.x.in_block() {
            // Text after a nested list belongs to the item around it.
            self.x
                .start_block(self.kinds.last().copied().unwrap_or(BlockKind::Paragraph));
        }
        match self.source.get(range.clone()) {
            Some(s) if s == t => self.x.copy(self.source, range),
            _ => self.x.decoded(t, range),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn blocks(x: &Extracted) -> Vec<(&str, BlockKind)> {
        x.blocks.iter().map(|b| (&x.text[b.range.clone()], b.kind)).collect()
    }

    /// The source bytes of the first occurrence of `s` in the extracted text.
    fn at<'a>(src: &'a str, x: &Extracted, s: &str) -> &'a str {
        let i = x.text.find(s).unwrap_or_else(|| panic!("{s:?} in {:?}", x.text));
        &src[x.map.range(&(i..i + s.len()))]
    }

    #[test]
    fn blocks_and_what_is_not_text() {
        let src = "# Chiefs meet in Paris\n\nMacron met **34 leaders** of [Staff](https://x.org \"t\") \
                   in `code` Paris.<!-- note -->\n\n- Italy\n- Turkey and\n  Japan\n\n> A quote.\n\n\
                   ```\nlet x = 1;\n```\n\n| Country | Troops |\n|---|---|\n| UK | 5 |\n\n\
                   Text[^1] ![a map](map.png).\n\n[^1]: A footnote.\n";
        let x = read(src).unwrap();
        assert_eq!(
            blocks(&x),
            vec![
                ("Chiefs meet in Paris", BlockKind::Heading),
                ("Macron met 34 leaders of Staff in  Paris.", BlockKind::Paragraph),
                ("Italy", BlockKind::ListItem),
                ("Turkey and\nJapan", BlockKind::ListItem),
                ("A quote.", BlockKind::Paragraph),
                ("Country", BlockKind::ListItem),
                ("Troops", BlockKind::ListItem),
                ("UK", BlockKind::ListItem),
                ("5", BlockKind::ListItem),
                ("Text .", BlockKind::Paragraph),
                ("A footnote.", BlockKind::Paragraph),
            ]
        );
        assert_eq!(x.headline, Some(0));
        assert_eq!(at(src, &x, "34 leaders of Staff"), "34 leaders** of [Staff");
        assert_eq!(
            at(src, &x, "Staff in"),
            "Staff](https://x.org \"t\") \nin".replace(" \n", " ")
        );
    }

    #[test]
    fn entities_and_escapes_are_decoded_with_their_bytes() {
        let src = "Macron&rsquo;s &#8220;plan&#8221;&nbsp;and \\*34\\* chiefs.";
        let x = read(src).unwrap();
        assert_eq!(x.text, "Macron\u{2019}s \u{201C}plan\u{201D}\u{A0}and *34* chiefs.");
        assert_eq!(at(src, &x, "\u{201C}plan\u{201D}"), "&#8220;plan&#8221;");
        assert_eq!(at(src, &x, "34"), "34");
        assert_eq!(at(src, &x, "chiefs"), "chiefs");
    }

    #[test]
    fn front_matter_title_is_the_headline_and_no_other_field_is_text() {
        let src = "---\ntitle: Chiefs meet\ntags:\n  - Ukraine\ndate: 2025-03-11\n---\n\n## First\n\nText.\n";
        let x = read(src).unwrap();
        assert_eq!(
            blocks(&x),
            vec![
                ("Chiefs meet", BlockKind::Heading),
                ("First", BlockKind::Heading),
                ("Text.", BlockKind::Paragraph)
            ]
        );
        assert_eq!(x.headline, Some(0));
        assert_eq!(at(src, &x, "Chiefs meet"), "Chiefs meet");
        assert_eq!(x.published, crate::date::Date::parse_iso("2025-03-11"));
    }

    #[test]
    fn a_heading_after_text_is_no_headline() {
        let x = read("Text first.\n\n# Then a heading\n").unwrap();
        assert_eq!(x.headline, None);
    }
}
