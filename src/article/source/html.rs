//! HTML as a CMS serves it: the article body (`<article>`, else `<main>`, else `<body>`)
//! without the page around it, entities decoded with the source bytes of each kept.
//!
//! A tokenizer of our own, not lol_html: lol_html is a streaming rewriter that hands text
//! in chunks and decodes no entity, so the skipping, the block structure and every entity's
//! anchor would be ours anyway; what is left (tags, attributes, comments, raw text) is a few
//! dozen lines, with no dependency and no copy of the page.
//!
//! Not article text: `script`, `style`, `nav`, `aside`, `form`, `noscript`, `template`,
//! `svg`, `iframe`, `button`, `select`, `textarea`, the `head`, and a `header` or `footer`
//! outside the `<article>`. Block elements and `<br>` end sentences (a `<br>` ends its block);
//! `h1`–`h6` are headings, list items and table cells are units of their own, `figcaption`
//! is a block.

use std::ops::Range;

use super::{Extracted, SourceFormat};
use crate::article::ReadError;
use crate::article::segment::BlockKind;
use crate::date::Date;

/// Reads an HTML page.
pub(super) fn read(source: &str) -> Result<Extracted, ReadError> {
    let tokens = tokenize(source)?;
    let (region, in_article) = body(&tokens);
    let x = Extracted {
        published: published(source, &tokens, region.clone()),
        ..Extracted::default()
    };
    let mut w = Walker {
        source,
        x,
        skip: Vec::new(),
        blocks: Vec::new(),
        in_article,
    };
    for t in &tokens[region] {
        w.token(t);
    }
    let mut x = w.x.finish();
    // The first `<h1>`, else a heading the article opens with (a kicker may come first).
    x.headline = x
        .headline
        .or_else(|| x.blocks.first().filter(|b| b.kind == BlockKind::Heading).map(|_| 0));
    Ok(x)
}

/// A piece of the page.
#[derive(Debug, Clone, PartialEq)]
enum Token {
    /// A start tag: its lower-case name, where its attributes are, and the whole tag.
    Start {
        name: String,
        attrs: Range<usize>,
        tag: Range<usize>,
    },
    End {
        name: String,
    },
    Text(Range<usize>),
    /// The content of `script`, `style`, `textarea` or `title`: never parsed as markup.
    Raw(Range<usize>),
}

/// Elements whose content is text up to their end tag.
const RAW: [&str; 4] = ["script", "style", "textarea", "title"];

/// Elements that are not the article's text.
const SKIPPED: [&str; 14] = [
    "script", "style", "nav", "aside", "form", "noscript", "template", "svg", "iframe", "button", "select", "textarea",
    "head", "title",
];

/// Elements without content.
const VOID: [&str; 14] = [
    "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
];

/// Elements that start and end a block of text.
const BLOCKS: [&str; 33] = [
    "p",
    "div",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "dt",
    "dd",
    "td",
    "th",
    "tr",
    "table",
    "ul",
    "ol",
    "dl",
    "blockquote",
    "figure",
    "figcaption",
    "pre",
    "section",
    "article",
    "header",
    "footer",
    "main",
    "address",
    "hr",
    "caption",
    "details",
    "summary",
    "body",
];

/// 1-based line of a byte offset.
fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

fn malformed(source: &str, at: usize, message: &str, help: &str) -> ReadError {
    ReadError::Malformed {
        format: SourceFormat::Html,
        line: Some(line_of(source, at)),
        message: message.to_string(),
        help: help.to_string(),
    }
}

/// Splits the page into tags and text. A `<` that opens no tag is text, as browsers read
/// it; a tag or comment the file never closes is an error (the file is cut short).
fn tokenize(source: &str) -> Result<Vec<Token>, ReadError> {
    let bytes = source.as_bytes();
    let mut out = Vec::new();
    let mut text_start = 0;
    let mut i = 0;
    let flush = |out: &mut Vec<Token>, from: usize, to: usize| {
        if from < to {
            out.push(Token::Text(from..to));
        }
    };
    while let Some(lt) = memchr::memchr(b'<', &bytes[i..]).map(|k| i + k) {
        let rest = &bytes[lt + 1..];
        if rest.starts_with(b"!--") {
            flush(&mut out, text_start, lt);
            let end = memchr::memmem::find(&bytes[lt + 4..], b"-->").ok_or_else(|| {
                malformed(
                    source,
                    lt,
                    "an HTML comment is never closed",
                    "close it with `-->`, or check that the file is whole",
                )
            })?;
            i = lt + 4 + end + 3;
            text_start = i;
            continue;
        }
        let is_tag = rest
            .first()
            .is_some_and(|b| b.is_ascii_alphabetic() || *b == b'/' || *b == b'!' || *b == b'?');
        if !is_tag {
            i = lt + 1;
            continue;
        }
        let gt = tag_end(bytes, lt + 1).ok_or_else(|| {
            malformed(
                source,
                lt,
                "a tag is never closed with `>`",
                "check that the file is whole (it may be cut short)",
            )
        })?;
        flush(&mut out, text_start, lt);
        i = gt + 1;
        text_start = i;
        let inner = &source[lt + 1..gt];
        if let Some(name) = inner.strip_prefix('/') {
            out.push(Token::End { name: tag_name(name) });
            continue;
        }
        if inner.starts_with(['!', '?']) {
            continue; // a doctype or processing instruction
        }
        let name = tag_name(inner);
        let attrs = lt + 1 + name.len()..gt;
        let raw = RAW.contains(&name.as_str());
        out.push(Token::Start {
            name: name.clone(),
            attrs,
            tag: lt..gt + 1,
        });
        if raw {
            let close = format!("</{name}");
            let end = find_ignore_case(&bytes[i..], close.as_bytes()).map_or(source.len(), |k| i + k);
            out.push(Token::Raw(i..end));
            out.push(Token::End { name });
            i = tag_end(bytes, end + 1).map_or(source.len(), |g| g + 1);
            text_start = i;
        }
    }
    flush(&mut out, text_start, source.len());
    Ok(out)
}

/// The `>` that ends a tag starting at `from`, quotes in attribute values skipped.
fn tag_end(bytes: &[u8], from: usize) -> Option<usize> {
    let mut quote = None;
    // `from` may be past the end: a raw-text element (`<title>`) never closed (fuzzing).
    for (k, &b) in bytes.get(from..)?.iter().enumerate() {
        match (quote, b) {
            (None, b'"' | b'\'') => quote = Some(b),
            (Some(q), _) if b == q => quote = None,
            (None, b'>') => return Some(from + k),
            _ => {}
        }
    }
    None
}

fn tag_name(s: &str) -> String {
    s.split(|c: char| c.is_ascii_whitespace() || c == '/' || c == '>')
        .next()
        .unwrap_or("")
        .to_ascii_lowercase()
}

fn find_ignore_case(hay: &[u8], needle: &[u8]) -> Option<usize> {
    hay.windows(needle.len()).position(|w| w.eq_ignore_ascii_case(needle))
}

/// The tokens of the article body: inside the first `<article>`, else `<main>`, else
/// `<body>`, else the whole page; and whether it is an `<article>`.
fn body(tokens: &[Token]) -> (Range<usize>, bool) {
    for name in ["article", "main", "body"] {
        if let Some(open) = tokens
            .iter()
            .position(|t| matches!(t, Token::Start { name: n, .. } if n == name))
        {
            let mut depth = 0usize;
            let mut end = tokens.len();
            for (k, t) in tokens.iter().enumerate().skip(open) {
                match t {
                    Token::Start { name: n, .. } if n == name => depth += 1,
                    Token::End { name: n } if n == name => {
                        depth -= 1;
                        if depth == 0 {
                            end = k;
                            break;
                        }
                    }
                    _ => {}
                }
            }
            return (open + 1..end, name == "article");
        }
    }
    (0..tokens.len(), false)
}

/// The value of an attribute of a tag (entities left as written: dates and types need none).
fn attr<'a>(source: &'a str, attrs: &Range<usize>, want: &str) -> Option<&'a str> {
    let s = &source[attrs.clone()];
    let b = s.as_bytes();
    let mut i = 0;
    while i < b.len() {
        while i < b.len() && (b[i].is_ascii_whitespace() || b[i] == b'/') {
            i += 1;
        }
        let name_start = i;
        while i < b.len() && !b[i].is_ascii_whitespace() && b[i] != b'=' && b[i] != b'/' {
            i += 1;
        }
        let name = &s[name_start..i];
        while i < b.len() && b[i].is_ascii_whitespace() {
            i += 1;
        }
        let mut value = "";
        if i < b.len() && b[i] == b'=' {
            i += 1;
            while i < b.len() && b[i].is_ascii_whitespace() {
                i += 1;
            }
            let (start, end) = match b.get(i) {
                Some(&q @ (b'"' | b'\'')) => {
                    let end = s[i + 1..].find(q as char).map_or(s.len(), |k| i + 1 + k);
                    (i + 1, end)
                }
                _ => {
                    let end = s[i..]
                        .find(|c: char| c.is_ascii_whitespace())
                        .map_or(s.len(), |k| i + k);
                    (i, end)
                }
            };
            value = &s[start..end];
            i = end + 1;
        }
        if name.eq_ignore_ascii_case(want) {
            return Some(value);
        }
        if name.is_empty() {
            i += 1;
        }
    }
    None
}

/// `published`: `meta[property="article:published_time"]`, then `article:published`, then
/// JSON-LD `datePublished` of a `NewsArticle` or `Article`, then the first `<time datetime>`
/// in the article.
fn published(source: &str, tokens: &[Token], region: Range<usize>) -> Option<Date> {
    let metas = |property: &str| {
        tokens.iter().find_map(|t| match t {
            Token::Start { name, attrs, .. } if name == "meta" => {
                let p = attr(source, attrs, "property").or_else(|| attr(source, attrs, "name"))?;
                (p == property).then(|| attr(source, attrs, "content").and_then(day))?
            }
            _ => None,
        })
    };
    let json_ld = || {
        tokens.windows(2).find_map(|w| match w {
            [Token::Start { name, attrs, .. }, Token::Raw(r)]
                if name == "script" && attr(source, attrs, "type") == Some("application/ld+json") =>
            {
                let v: serde_json::Value = serde_json::from_str(&source[r.clone()]).ok()?;
                date_published(&v)
            }
            _ => None,
        })
    };
    let time = || {
        tokens[region].iter().find_map(|t| match t {
            Token::Start { name, attrs, .. } if name == "time" => attr(source, attrs, "datetime").and_then(day),
            _ => None,
        })
    };
    metas("article:published_time")
        .or_else(|| metas("article:published"))
        .or_else(json_ld)
        .or_else(time)
}

/// `datePublished` of the first `NewsArticle` or `Article` in a JSON-LD value (a graph, a
/// list, or one object).
fn date_published(v: &serde_json::Value) -> Option<Date> {
    match v {
        serde_json::Value::Array(items) => items.iter().find_map(date_published),
        serde_json::Value::Object(o) => {
            let is_article = match o.get("@type") {
                Some(serde_json::Value::String(t)) => t.ends_with("Article"),
                Some(serde_json::Value::Array(ts)) => {
                    ts.iter().any(|t| t.as_str().is_some_and(|t| t.ends_with("Article")))
                }
                _ => false,
            };
            let own = is_article
                .then(|| o.get("datePublished")?.as_str().and_then(day))
                .flatten();
            own.or_else(|| o.get("@graph").and_then(date_published))
        }
        _ => None,
    }
}

/// `YYYY-MM-DD` at the start of a date-time.
fn day(s: &str) -> Option<Date> {
    Date::parse_iso(s.trim().get(..10)?)
}

/// Walks the article's tokens into blocks of text.
struct Walker<'a> {
    source: &'a str,
    x: Extracted,
    /// The skipped elements open, innermost last.
    skip: Vec<String>,
    /// The block elements open, innermost last.
    blocks: Vec<String>,
    /// The body is an `<article>`: its own header and footer are text.
    in_article: bool,
}

impl Walker<'_> {
    fn token(&mut self, t: &Token) {
        match t {
            Token::Start { name, .. } => self.start(name),
            Token::End { name } => self.end(name),
            Token::Text(r) if self.skip.is_empty() => self.text(r.clone()),
            _ => {}
        }
    }

    fn skipped(&self, name: &str) -> bool {
        SKIPPED.contains(&name) || (!self.in_article && matches!(name, "header" | "footer"))
    }

    fn start(&mut self, name: &str) {
        if self.skipped(name) {
            if !VOID.contains(&name) {
                self.skip.push(name.to_string());
            }
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        if name == "br" {
            self.x.end_block();
        } else if BLOCKS.contains(&name) {
            self.x.end_block();
            if !VOID.contains(&name) {
                self.blocks.push(name.to_string());
            }
        }
    }

    fn end(&mut self, name: &str) {
        if let Some(k) = self.skip.iter().rposition(|n| n == name) {
            self.skip.truncate(k);
            return;
        }
        if !self.skip.is_empty() {
            return;
        }
        if let Some(k) = self.blocks.iter().rposition(|n| n == name) {
            self.blocks.truncate(k);
            self.x.end_block();
        }
    }

    /// The kind of block text opens here: by the innermost block element.
    fn kind(&self) -> BlockKind {
        match self.blocks.last().map(String::as_str) {
            Some("h1" | "h2" | "h3" | "h4" | "h5" | "h6") => BlockKind::Heading,
            Some("li" | "dt" | "dd" | "td" | "th") => BlockKind::ListItem,
            _ => BlockKind::Paragraph,
        }
    }

    /// Text: copied in runs, each entity or numeric reference decoded with its bytes.
    fn text(&mut self, r: Range<usize>) {
        let s = &self.source[r.clone()];
        if !self.x.in_block() {
            if s.trim().is_empty() {
                return;
            }
            if self.x.headline.is_none() && self.blocks.last().is_some_and(|b| b == "h1") {
                self.x.headline = Some(self.x.blocks.len());
            }
            self.x.start_block(self.kind());
        }
        let mut copied = r.start;
        let mut at = r.start;
        while let Some(amp) = self.source[at..r.end].find('&').map(|k| at + k) {
            match entity(&self.source[amp..r.end]) {
                Some((decoded, len)) => {
                    if copied < amp {
                        self.x.copy(self.source, copied..amp);
                    }
                    let mut buf = [0u8; 4];
                    self.x.decoded(decoded.encode_utf8(&mut buf), amp..amp + len);
                    at = amp + len;
                    copied = at;
                }
                None => at = amp + 1,
            }
        }
        if copied < r.end {
            self.x.copy(self.source, copied..r.end);
        }
    }
}

/// Windows-1252 for the references `&#128;`–`&#159;`, as HTML reads them (a CMS pasting from
/// Word writes `&#146;` for an apostrophe).
const C1: [u32; 32] = [
    0x20AC, 0x81, 0x201A, 0x192, 0x201E, 0x2026, 0x2020, 0x2021, 0x2C6, 0x2030, 0x160, 0x2039, 0x152, 0x8D, 0x17D,
    0x8F, 0x90, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x2DC, 0x2122, 0x161, 0x203A, 0x153, 0x9D,
    0x17E, 0x178,
];

/// The Latin-1 entities, `&nbsp;` (U+00A0) to `&yuml;` (U+00FF), in code point order.
const LATIN1: [&str; 96] = [
    "nbsp", "iexcl", "cent", "pound", "curren", "yen", "brvbar", "sect", "uml", "copy", "ordf", "laquo", "not", "shy",
    "reg", "macr", "deg", "plusmn", "sup2", "sup3", "acute", "micro", "para", "middot", "cedil", "sup1", "ordm",
    "raquo", "frac14", "frac12", "frac34", "iquest", "Agrave", "Aacute", "Acirc", "Atilde", "Auml", "Aring", "AElig",
    "Ccedil", "Egrave", "Eacute", "Ecirc", "Euml", "Igrave", "Iacute", "Icirc", "Iuml", "ETH", "Ntilde", "Ograve",
    "Oacute", "Ocirc", "Otilde", "Ouml", "times", "Oslash", "Ugrave", "Uacute", "Ucirc", "Uuml", "Yacute", "THORN",
    "szlig", "agrave", "aacute", "acirc", "atilde", "auml", "aring", "aelig", "ccedil", "egrave", "eacute", "ecirc",
    "euml", "igrave", "iacute", "icirc", "iuml", "eth", "ntilde", "ograve", "oacute", "ocirc", "otilde", "ouml",
    "divide", "oslash", "ugrave", "uacute", "ucirc", "uuml", "yacute", "thorn", "yuml",
];

/// Other named entities a news page uses.
const NAMED: [(&str, char); 37] = [
    ("amp", '&'),
    ("lt", '<'),
    ("gt", '>'),
    ("quot", '"'),
    ("apos", '\''),
    ("lsquo", '\u{2018}'),
    ("rsquo", '\u{2019}'),
    ("sbquo", '\u{201A}'),
    ("ldquo", '\u{201C}'),
    ("rdquo", '\u{201D}'),
    ("bdquo", '\u{201E}'),
    ("lsaquo", '\u{2039}'),
    ("rsaquo", '\u{203A}'),
    ("ndash", '\u{2013}'),
    ("mdash", '\u{2014}'),
    ("hellip", '\u{2026}'),
    ("bull", '\u{2022}'),
    ("prime", '\u{2032}'),
    ("Prime", '\u{2033}'),
    ("euro", '\u{20AC}'),
    ("trade", '\u{2122}'),
    ("minus", '\u{2212}'),
    ("thinsp", '\u{2009}'),
    ("ensp", '\u{2002}'),
    ("emsp", '\u{2003}'),
    ("zwnj", '\u{200C}'),
    ("zwj", '\u{200D}'),
    ("lrm", '\u{200E}'),
    ("rlm", '\u{200F}'),
    ("dagger", '\u{2020}'),
    ("Dagger", '\u{2021}'),
    ("permil", '\u{2030}'),
    ("OElig", '\u{152}'),
    ("oelig", '\u{153}'),
    ("Scaron", '\u{160}'),
    ("scaron", '\u{161}'),
    ("Yuml", '\u{178}'),
];

/// The character an entity or numeric reference at the start of `s` stands for, and its
/// length; `None` when `&` starts none (it is then text, as browsers read it).
fn entity(s: &str) -> Option<(char, usize)> {
    // In bytes: 34 bytes in may be inside a character (found by fuzzing, `fuzz/`).
    let semi = s.as_bytes()[..s.len().min(34)].iter().position(|&b| b == b';')?;
    let body = &s[1..semi];
    let c = if let Some(num) = body.strip_prefix('#') {
        let n = match num.strip_prefix(['x', 'X']) {
            Some(hex) => u32::from_str_radix(hex, 16).ok()?,
            None => num.parse().ok()?,
        };
        match n {
            0x80..=0x9F => char::from_u32(C1[(n - 0x80) as usize]),
            0 => Some('\u{FFFD}'),
            _ => Some(char::from_u32(n).unwrap_or('\u{FFFD}')),
        }?
    } else if let Some(k) = LATIN1.iter().position(|n| *n == body) {
        char::from_u32(0xA0 + k as u32)?
    } else {
        NAMED.iter().find(|(n, _)| *n == body)?.1
    };
    Some((c, semi + 1))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: an `&` with no `;` in the next 34 bytes, a multi-byte character
    /// across that 34th byte, panicked (a slice inside the character).
    /// Found by fuzzing: a `<title>` never closed looked for its end tag's `>` past the
    /// end of the file (a panic).
    #[test]
    fn an_unclosed_title_is_read_to_the_end() {
        for html in ["<title>Italy attended", "<p>x</p><title>head"] {
            assert!(
                crate::article::Article::read("a.html", html.as_bytes().to_vec(), None).is_ok(),
                "{html}"
            );
        }
    }

    #[test]
    fn an_ampersand_before_a_wide_character_is_text() {
        let html = format!("<p>A &{}\u{2009}thin space.</p>", "x".repeat(31));
        assert_eq!(entity(&html[5..]), None);
        let a = crate::article::Article::read("a.html", html.into_bytes(), None).unwrap();
        assert!(a.text.contains("thin space"), "{}", a.text);
    }

    fn blocks(x: &Extracted) -> Vec<(&str, BlockKind)> {
        x.blocks
            .iter()
            .map(|b| (x.text[b.range.clone()].trim(), b.kind))
            .collect()
    }

    fn at<'a>(src: &'a str, x: &Extracted, s: &str) -> &'a str {
        let i = x.text.find(s).unwrap_or_else(|| panic!("{s:?} in {:?}", x.text));
        &src[x.map.range(&(i..i + s.len()))]
    }

    const PAGE: &str = "<!DOCTYPE html>\n<html><head><title>Site | Chiefs</title>\
        <meta property=\"article:published_time\" content=\"2025-03-11T08:00:00Z\">\
        <script type=\"application/ld+json\">{\"@type\":\"NewsArticle\",\"datePublished\":\"2025-03-10\"}</script>\
        </head><body><header><nav><a href=\"/\">Home</a></nav></header>\
        <article><header><h1>Chiefs meet in Paris</h1><time datetime=\"2025-03-09\">9 March</time></header>\
        <p>Macron&rsquo;s <b>34</b> chiefs met<br>behind closed doors.</p>\
        <figure><img src=\"x.jpg\" alt=\"a map\"><figcaption>The Elys&eacute;e, &#8220;Paris&#8221;</figcaption></figure>\
        <aside>Read more</aside><script>var x = \"<p>no</p>\";</script>\
        <ul><li>Italy</li><li>Turkey</li></ul></article>\
        <footer>&copy; Site</footer></body></html>";

    #[test]
    fn the_article_without_the_page_around_it() {
        let x = read(PAGE).unwrap();
        assert_eq!(
            blocks(&x),
            vec![
                ("Chiefs meet in Paris", BlockKind::Heading),
                ("9 March", BlockKind::Paragraph),
                ("Macron\u{2019}s 34 chiefs met", BlockKind::Paragraph),
                ("behind closed doors.", BlockKind::Paragraph),
                ("The Elys\u{e9}e, \u{201C}Paris\u{201D}", BlockKind::Paragraph),
                ("Italy", BlockKind::ListItem),
                ("Turkey", BlockKind::ListItem),
            ]
        );
        assert_eq!(x.headline, Some(0));
        assert_eq!(x.published, Date::parse_iso("2025-03-11"));
    }

    #[test]
    fn positions_through_entities_and_tags() {
        let x = read(PAGE).unwrap();
        assert_eq!(at(PAGE, &x, "s 34 chiefs"), "s <b>34</b> chiefs");
        assert_eq!(at(PAGE, &x, "34"), "34");
        assert_eq!(at(PAGE, &x, "Elys\u{e9}e"), "Elys&eacute;e");
        assert_eq!(at(PAGE, &x, "\u{201C}Paris\u{201D}"), "&#8220;Paris&#8221;");
    }

    #[test]
    fn published_falls_back_in_order() {
        let no_meta = PAGE.replace("article:published_time", "og:type");
        assert_eq!(read(&no_meta).unwrap().published, Date::parse_iso("2025-03-10"));
        let no_ld = no_meta.replace("NewsArticle", "WebPage");
        assert_eq!(read(&no_ld).unwrap().published, Date::parse_iso("2025-03-09"));
    }

    #[test]
    fn entities() {
        assert_eq!(entity("&amp;x"), Some(('&', 5)));
        assert_eq!(entity("&#8217;"), Some(('\u{2019}', 7)));
        assert_eq!(entity("&#x2019;"), Some(('\u{2019}', 8)));
        assert_eq!(entity("&#146;"), Some(('\u{2019}', 6)));
        assert_eq!(entity("&nbsp;"), Some(('\u{A0}', 6)));
        assert_eq!(entity("&yuml;"), Some(('\u{FF}', 6)));
        assert_eq!(entity("&unknown;"), None);
        assert_eq!(entity("& co"), None);
    }

    #[test]
    fn a_page_cut_short_names_its_line() {
        let err = read("<html><body>\n<p>Text</p>\n<p class=\"x").unwrap_err();
        assert!(matches!(err, ReadError::Malformed { line: Some(3), .. }), "{err:?}");
        let err = read("<p>Text</p>\n<!-- open").unwrap_err();
        assert!(matches!(err, ReadError::Malformed { line: Some(2), .. }), "{err:?}");
    }

    #[test]
    fn a_fragment_is_read_whole() {
        let x = read("<p>One &amp; two.</p><p>Three.</p>").unwrap();
        assert_eq!(
            blocks(&x),
            vec![("One & two.", BlockKind::Paragraph), ("Three.", BlockKind::Paragraph)]
        );
    }
}
