//! Structure: blocks (paragraphs, headings, list items) from the source lines, and
//! sentences inside each block.
//!
//! the claim format, "Article structure": blank lines separate paragraphs; a short line without
//! final punctuation is a heading and, like a list item, a sentence of its own. Blocks are
//! found on source lines because normalization folds line breaks into spaces. Sentences end
//! where a careful reader ends them: not at a title, initial or abbreviation the next words
//! continue, nor at an ellipsis inside a quotation; a citation mark stays with the sentence
//! it follows ([`sentences`]).

use std::ops::Range;

/// What kind of block a paragraph is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
}

/// A block as a byte range of the source, before normalization.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct SourceBlock {
    pub range: Range<usize>,
    pub kind: BlockKind,
}

/// Headings are short: more words than this reads as a wrapped line of prose.
const HEADING_MAX_WORDS: usize = 12;

/// Splits the source into blocks. Blank lines (white space only) separate paragraphs; a
/// heading or list item line is a block of its own.
pub(crate) fn blocks(source: &str) -> Vec<SourceBlock> {
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

/// Splits one block of normalized text into sentence ranges (relative to the block).
///
/// A sentence ends at `.`, `!`, `?` or `…` (with any closing quotes, brackets and citation
/// marks after it) followed by a space and something that can start a sentence, except:
/// - after a title ("Brig. Gen. Pat Ryder"): a name follows; after an initial ("J. K.
///   Rowling") too, unless a word that opens sentences follows ("a Plan B. The talks");
/// - after another abbreviation ("U.S.", "Fla.", "Co.", "p.", "No."), unless the next word is
///   one that opens sentences ("in the U.S. How", "& Co. It") or a quotation opens;
/// - at an ellipsis inside a quotation (“We will… We must go on,” he said);
/// - at `?` or `!` closing a quotation that a name and a speech verb attribute
///   (“Where is the money?” Trump asked.).
///
/// One pass: the byte search jumps from one end mark to the next, and quotation marks are
/// only counted when an ellipsis asks whether one is open.
pub(crate) fn sentences(block: &str) -> Vec<Range<usize>> {
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
    let mut quotes = QuoteState::default();
    let mut start = 0;
    let mut i = 0;
    while let Some(at) = next_end(i) {
        let end = end_of_marks(block, at);
        if block[end..].starts_with(' ')
            && starts_like_sentence(&block[end + 1..])
            && !stays_open(block, start..at, end, &mut quotes)
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

/// Where the run of end marks starting at `at` stops: more end marks, closing quotes and
/// brackets, and citation marks (`lasting.[6][7]`) belong to the sentence they close.
fn end_of_marks(block: &str, at: usize) -> usize {
    let mut end = at;
    loop {
        let rest = &block[end..];
        match rest.chars().next() {
            Some(n @ ('.' | '!' | '?' | '…' | '"' | '\'' | ')' | ']' | '»' | '’' | '”')) => end += n.len_utf8(),
            Some('[') if let Some(len) = citation_len(rest) => end += len,
            _ => return end,
        }
    }
}

/// The length of a citation mark at the start of `s`: `[6]`, `[12, 13]`, `[a]`,
/// `[citation needed]`.
fn citation_len(s: &str) -> Option<usize> {
    let close = s.bytes().take(24).position(|b| b == b']')?;
    let body = &s.as_bytes()[1..close];
    (!body.is_empty()
        && body
            .iter()
            .all(|&b| b.is_ascii_alphanumeric() || b == b' ' || b == b','))
    .then_some(close + 1)
}

/// Whether the end marks from `sentence.end` to `end` leave the sentence open although
/// something that can start one follows.
fn stays_open(block: &str, sentence: Range<usize>, end: usize, quotes: &mut QuoteState) -> bool {
    let marks = &block[sentence.end..end];
    // "…", "..." and AP's spaced ". . ." (seen at its last point).
    if marks.starts_with('…') || marks.starts_with("...") || block[..sentence.end].ends_with(". . ") {
        return quotes.open_at(block, end);
    }
    let after = &block[end + 1..];
    if marks.len() > 1 && marks.starts_with(['?', '!']) && marks.ends_with(['”', '"', '»']) {
        // “Where is the money?” Trump asked.
        return attribution_follows(after);
    }
    // A closing quote or bracket after the point closes the sentence with it.
    marks == "." && point_continues(&block[sentence], after)
}

/// Whether the point after the last word of `before` is an abbreviation's that the words
/// of `after` continue.
fn point_continues(before: &str, after: &str) -> bool {
    let word = before
        .rsplit([' ', '(', '"', '\'', '“', '‘', '«', '/', '—', '–'])
        .next()
        .unwrap_or("");
    match abbreviation(word) {
        Some(Abbreviation::Title) => true,
        // "J. K. Rowling", but "a Plan B. The talks…": no surname is a sentence opener.
        Some(Abbreviation::Initial) => {
            matches!(after.split([' ', '.']).next(), Some("A" | "I")) || !opens_sentence(after)
        }
        Some(Abbreviation::Other) => !opens_sentence(after),
        None => false,
    }
}

/// Whether `after` names someone and then a speech verb ("Trump asked", "Sen. Ted Cruz
/// said"): the attribution of the quotation before it, in the same sentence.
fn attribution_follows(after: &str) -> bool {
    let mut named = false;
    for word in after.split(' ').take(5) {
        let word = word.trim_end_matches([',', '.']);
        // A name, not "Nobody answered" or "They said".
        if word.starts_with(char::is_uppercase) && (named || !opens_sentence(word)) {
            named = true;
            continue;
        }
        return named && is_speech_verb(word);
    }
    false
}

fn is_speech_verb(word: &str) -> bool {
    SPEECH_VERBS.contains(&word)
}

/// The verbs that attribute a quotation to the name before them.
#[rustfmt::skip]
const SPEECH_VERBS: &[&str] = &[
    "said", "says", "asked", "asks", "told", "tells", "added", "adds", "wrote", "writes", "shouted", "replied",
    "answered", "responded", "cried", "yelled", "screamed", "exclaimed", "insisted", "explained", "continued",
    "declared", "demanded", "wondered", "warned", "tweeted", "posted", "recalled", "noted", "joked", "quipped",
    "countered", "pleaded", "whispered", "protested",
];

/// What a word before a point is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Abbreviation {
    /// A title: a name always follows ("Brig. Gen. Pat Ryder").
    Title,
    /// A capital letter alone: an initial ("J. K. Rowling"), unless a sentence opens after it.
    Initial,
    /// Any other abbreviation: it may close a sentence ("in the U.S. The president said").
    Other,
}

/// Titles (AP style) are matched case-sensitively, without the final point. `St` is not
/// one: it is also "Street", which ends sentences ("on Main St. The").
fn abbreviation(word: &str) -> Option<Abbreviation> {
    let mut chars = word.chars();
    if let (Some(c), None) = (chars.next(), chars.next())
        && c.is_uppercase()
    {
        return Some(Abbreviation::Initial);
    }
    match word {
        "Mr" | "Mrs" | "Ms" | "Dr" | "Prof" | "Gen" | "Brig" | "Lt" | "Col" | "Maj" | "Capt" | "Cmdr" | "Sgt"
        | "Adm" | "Sen" | "Rep" | "Gov" | "Pres" | "Amb" | "Rev" | "Hon" | "Mt" | "Ft" | "Supt" | "Cpl" | "Pvt"
        | "Msgr" | "Fr" => Some(Abbreviation::Title),
        // States (AP), months, companies, references, places, suffixes, Latin.
        "Ala" | "Ariz" | "Ark" | "Calif" | "Colo" | "Conn" | "Del" | "Fla" | "Ga" | "Ill" | "Ind" | "Kan" | "Ky"
        | "La" | "Md" | "Mass" | "Mich" | "Minn" | "Miss" | "Mo" | "Mont" | "Neb" | "Nev" | "Okla" | "Ore" | "Pa"
        | "Tenn" | "Vt" | "Va" | "Wash" | "Wis" | "Wyo" | "Jan" | "Feb" | "Mar" | "Apr" | "Jun" | "Jul" | "Aug"
        | "Sep" | "Sept" | "Oct" | "Nov" | "Dec" | "Inc" | "Co" | "Corp" | "Ltd" | "Bros" | "Dept" | "Univ" | "No"
        | "Nos" | "no" | "nos" | "N°" | "p" | "pp" | "Vol" | "Fig" | "vs" | "etc" | "approx" | "cf" | "ca" | "St"
        | "Ave" | "Blvd" | "Rd" | "Jr" | "Sr" => Some(Abbreviation::Other),
        _ => is_dotted(word).then_some(Abbreviation::Other),
    }
}

/// Letters with points between them: "U.S", "N.Y", "W.Va", "e.g", "a.m", "Ph.D".
fn is_dotted(word: &str) -> bool {
    word.contains('.')
        && word
            .split('.')
            .all(|part| (1..=2).contains(&part.len()) && part.chars().all(char::is_alphabetic))
}

/// Whether `after` (the text after a space) opens a new sentence past an abbreviation: a
/// quotation opening on a capital, or a word that opens sentences and never continues a name.
fn opens_sentence(after: &str) -> bool {
    let mut chars = after.chars();
    if chars.next().is_some_and(|c| "\"“«‘'".contains(c)) {
        return chars.next().is_some_and(char::is_uppercase);
    }
    let word = &after[..after.find(|c: char| !c.is_alphabetic()).unwrap_or(after.len())];
    OPENERS.contains(&word)
}

/// Words that open sentences and never continue a name.
#[rustfmt::skip]
const OPENERS: &[&str] = &[
    "The", "A", "An", "This", "That", "These", "Those", "It", "Its", "He", "She", "We", "They", "I", "You", "His",
    "Her", "Our", "Their", "My", "Your", "There", "Here", "But", "And", "Or", "So", "Yet", "How", "What", "Why",
    "When", "Where", "Who", "Which", "If", "In", "On", "At", "After", "Before", "During", "While", "Although",
    "Though", "As", "Since", "Some", "Many", "Most", "Both", "Each", "Every", "All", "Not", "Only", "Also", "Still",
    "However", "Meanwhile", "Then", "Now", "Later", "Earlier", "Last", "Next", "Today", "Yesterday", "Tomorrow",
    "No", "Nobody", "None", "Everyone", "Someone",
];

/// Whether a quotation is open, counted lazily: only an ellipsis asks, and each byte is
/// counted once however many ask.
#[derive(Default)]
struct QuoteState {
    counted: usize,
    open: bool,
}

impl QuoteState {
    fn open_at(&mut self, block: &str, at: usize) -> bool {
        for c in block[self.counted..at].chars() {
            match c {
                '“' | '«' => self.open = true,
                '”' | '»' => self.open = false,
                '"' => self.open = !self.open,
                _ => {}
            }
        }
        self.counted = at;
        self.open
    }
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

#[cfg(test)]
mod news_cases {
    //! Sentence boundaries on wire copy, one case a row: the sentences a careful reader draws,
    //! joined by ` | `; the text split is the row with each ` | ` read as one space.
    use super::sentences;

    const CASES: &[&str] = &[
        // Titles before names never end a sentence.
        "Gov. Ron DeSantis signed the bill. | He spoke later.",
        "Sen. Marco Rubio voted no. | The bill passed.",
        "Rep. Nancy Mace spoke first.",
        "“We remain committed,” said Pentagon Press Secretary Air Force Brig. Gen. Pat Ryder today.",
        "Lt. Col. Amy Smith led the unit. | She retired in May.",
        "Maj. Gen. Paul Jones and Adm. Lisa Franchetti met. | They talked.",
        "Sgt. Maj. Tom Ruiz said the base was hit.",
        "Capt. Ahab and Cmdr. Riker were named.",
        "The Rev. Al Sharpton spoke at the service.",
        "Dr. Anthony Fauci testified. | Prof. Jane Doe disagreed.",
        "Mr. Biden and Mrs. Obama met Ms. Harris.",
        "The Pentagon said Brig. Gen. Pat Ryder would brief. | Reporters waited.",
        "Dr. A. Smith and Gen. The Lord Dannatt spoke.",
        // States: a comma or a name continues; a sentence starter closes.
        "The storm hit Tallahassee, Fla., on Tuesday. | Power was cut.",
        "He was born in Mobile, Ala. | The family moved later.",
        "The company is based in San Jose, Calif. | It employs 500 people.",
        "She grew up in Trenton, N.J. and studied in Albany, N.Y. before moving.",
        "The plant is in Charleston, W.Va. | Its owner said nothing.",
        "It opened in Portland, Ore. | A second store followed.",
        "The Mass. Turnpike was closed near Boston.",
        "He lives in Washington, D.C. | They moved there in 2019.",
        // Months.
        "The meeting was set for Jan. 5 in Washington.",
        "Talks resumed on Sept. 10. | The deal was signed on Oct. 3.",
        "The vote is due Feb. 29, officials said.",
        // Initials.
        "Harry Potter author J. K. Rowling spoke.",
        "Michael J. Fox attended the gala.",
        "George W. Bush and J. A. Smith spoke.",
        "They now need a Plan B. | The talks collapsed.",
        "They now need a Plan B. | It may not come.",
        // Acronyms with points.
        "Troops left the U.S. Army base on Monday.",
        "The E.U. and the U.K. signed a deal. | The U.N. welcomed it.",
        "Inflation is falling in the U.S. | How about you?",
        "He lives in the U.S. | The president said so.",
        "Ambassador to the U.N. Linda Thomas-Greenfield spoke.",
        "He said the U.S. “will not back down.”",
        "It happened in the U.S. | “We will fight,” he said.",
        "The talks ended at 5 p.m. | The ministers left.",
        // Companies.
        "The firm was sold to Pitt, Briggs & Co. | It closed in 2020.",
        "Apple Inc. Chief Executive Tim Cook spoke.",
        "Shares of Acme Corp. rose 3.5 percent. | The index fell.",
        // Numbers and references.
        "The data is on p. 55 of the report.",
        "See pp. 10-12 for details.",
        "He lives at No. 10 Downing Street. | The door is black.",
        "It ranked N°. 5 in the list.",
        "She is seeded no. 2 this year. | He said no. | The talks ended.",
        "The case, Roe vs. Wade, was overturned.",
        "They sold apples, pears, etc. | The market closed.",
        "Did they attend? | No. | The U.S. stayed away.",
        "Growth was 3.5 percent. | Prices rose 2.1 percent.",
        "The Dow fell 1.2%. | The S&P 500 rose.",
        // Places and suffixes.
        "Officials met in St. Louis. | They agreed.",
        "Mount St. Helens erupted in 1980.",
        "Martin Luther King Jr. Day is a holiday.",
        "He marched with Martin Luther King Jr. | He was 19.",
        // Ellipses: inside a quotation they do not end it.
        "“We will… we must go on,” he said.",
        "“We will… We must go on,” he said.",
        "\"We will... We must go on,\" he said.",
        "He paused... | Then he left.",
        "“We will . . . We must go on,” he said.",
        "“Where is the money?” Trump asked reporters.",
        "“Why now?” asked Sen. Ted Cruz.",
        "“Is it over?” | Nobody answered.",
        "“Get out!” | The crowd cheered.",
        "“We tried…” | He stopped.",
        // Citation marks after the point.
        "The effect was lasting.[6] | Besides, it spread.",
        "Rates rose.[3][4] | Markets fell.",
        "The claim is disputed.[citation needed] | Others agree.",
        // Websites and quotations.
        "Details are on example.com. | The site went live Monday.",
        "Visit www.example.com for details.",
        "“It is over,” she said. | “We lost.”",
    ];

    #[test]
    fn wire_copy_boundaries() {
        let failed: Vec<String> = CASES
            .iter()
            .filter_map(|&want| {
                let text = want.replace(" | ", " ");
                let got: Vec<&str> = sentences(&text).into_iter().map(|r| &text[r]).collect();
                let got = got.join(" | ");
                (got != want).then(|| format!("  {text}\n    got:  {got}\n    want: {want}"))
            })
            .collect();
        let right = CASES.len() - failed.len();
        assert!(
            failed.is_empty(),
            "sentence cases: {right}/{} right\n{}",
            CASES.len(),
            failed.join("\n")
        );
    }
}
