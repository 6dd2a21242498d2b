//! The Word reader: a `.docx` (a zip of XML parts, also what Google Docs and LibreOffice
//! export) read as its paragraphs, in order.
//!
//! An editor cannot open the XML, so positions do not count in it. The source that
//! positions count in is the document's paragraphs, one per line, as their visible text:
//!
//! - `¶N` is the document's N-th paragraph, from 1: every paragraph of the body in order,
//!   empty ones and table cells' included (so numbers match the document's own count),
//!   then the footnotes' paragraphs in the order the text refers to them, then the
//!   endnotes' likewise;
//! - `¶N:C` is its C-th character, from 1, counting a tab or a line break as one.
//!
//! What is text: runs (`w:t`), tabs, line breaks (a space), non-breaking hyphens, symbols
//! with a Unicode code; tracked insertions and moves (the text as it reads once the changes
//! are accepted); hyperlinks' words; fields' results. What is not: tracked deletions and
//! moved-from text, hidden text, fields' instructions, text boxes and drawings, headers and
//! footers, comments, footnote marks. Headings are the paragraphs styled `Title` or
//! `Heading 1`-`9` (or given an outline level); the title, else the first heading, is the
//! headline; a numbered or bulleted paragraph is a list item. A tracked deletion of a
//! paragraph's end (two paragraphs joined once accepted) keeps them apart, as the document
//! shows them with changes: a sentence across the two is read as two.
//!
//! `published` comes from the core properties' `dcterms:created`: the day the document was
//! made does not move when someone opens and saves it again after publication (which
//! `dcterms:modified` would), and it is used only when the claim file and the text give no
//! date.
//!
//! A bad file is an error, never read half: not a zip, no main part, a part that unpacks to
//! more than [`UNPACKED_LIMIT`] (a zip bomb), XML that is not well-formed (the part, line,
//! column and byte).

use std::collections::{HashMap, HashSet};
use std::fmt;
use std::io::{Cursor, Read};

use quick_xml::Reader;
use quick_xml::XmlVersion;
use quick_xml::events::{BytesStart, Event};
use zip::ZipArchive;
use zip::result::ZipError;

use super::{Extracted, Positions, SourceFormat};
use crate::article::ReadError;
use crate::article::segment::BlockKind;
use crate::date::Date;

/// The most the parts read may unpack to, together: a long article's XML is a few MB; a
/// zip bomb is gigabytes.
const UNPACKED_LIMIT: u64 = 64 << 20;

/// Why a Word document could not be read.
#[derive(Debug, Clone, PartialEq, Eq)]
enum DocxError {
    /// Not a zip archive (a `.docx` is one).
    NotZip {
        /// What the zip reader found wrong.
        detail: String,
    },
    /// An OLE compound file: an encrypted document or an old Word (`.doc`) file.
    Compound,
    /// A zip without the part every Word document has.
    MissingPart {
        /// The part looked for.
        part: String,
    },
    /// A part that cannot be unpacked (damaged, encrypted, an unknown compression).
    Unreadable {
        /// The part.
        part: String,
        /// What went wrong.
        detail: String,
    },
    /// The parts read unpack to more than the limit.
    TooLarge {
        /// The part being unpacked when the limit was passed.
        part: String,
        /// The limit, in bytes.
        limit: u64,
    },
    /// A part that is not well-formed XML.
    Xml {
        /// The part.
        part: String,
        /// From 1.
        line: usize,
        /// From 1, in characters.
        column: usize,
        /// The byte offset in the part.
        byte: usize,
        /// What is wrong.
        detail: String,
    },
}

impl fmt::Display for DocxError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            DocxError::NotZip { detail } => {
                write!(
                    f,
                    "not a Word document: a .docx is a zip archive and this is not one ({detail})"
                )
            }
            DocxError::Compound => f.write_str("not a .docx: an encrypted Word document or an old Word (.doc) file"),
            DocxError::MissingPart { part } => {
                write!(f, "not a Word document: the zip has no {part}")
            }
            DocxError::Unreadable { part, detail } => {
                write!(f, "{part} in the Word document cannot be unpacked: {detail}")
            }
            DocxError::TooLarge { part, limit } => write!(
                f,
                "the Word document unpacks to more than {} MiB (at {part}): not read, it may be a zip bomb",
                limit >> 20
            ),
            DocxError::Xml {
                part,
                line,
                column,
                byte,
                detail,
            } => write!(
                f,
                "the Word document is damaged: {part} is not well-formed XML at line {line}, column {column} (byte {byte}): {detail}"
            ),
        }
    }
}

impl DocxError {
    /// How to fix it.
    fn help(&self) -> &'static str {
        match self {
            DocxError::NotZip { .. } | DocxError::MissingPart { .. } => {
                "save the article from Word, LibreOffice or Google Docs as .docx, or name its real format with --article-format"
            }
            DocxError::Compound => "save it as .docx (Word 2007 or later) without a password",
            DocxError::TooLarge { .. } => {
                "an article's text unpacks to a few MB at most: check where the file comes from"
            }
            DocxError::Unreadable { .. } | DocxError::Xml { .. } => {
                "the file is damaged (cut short?): open it in Word or LibreOffice and save it again"
            }
        }
    }
}

/// Reads a `.docx`: the synthetic source (the paragraphs, one per line, see the module doc)
/// and the text extracted from it, mapped into that source.
pub(crate) fn read(bytes: &[u8]) -> Result<(String, Extracted), ReadError> {
    extract(bytes).map_err(|e| ReadError::Malformed {
        format: SourceFormat::Docx,
        // A line of the XML is no line of the document: the message says where.
        line: None,
        message: e.to_string(),
        help: e.help().to_string(),
    })
}

fn extract(bytes: &[u8]) -> Result<(String, Extracted), DocxError> {
    extract_limited(bytes, UNPACKED_LIMIT)
}

fn extract_limited(bytes: &[u8], limit: u64) -> Result<(String, Extracted), DocxError> {
    let mut pkg = Package::open(bytes, limit)?;
    let main = pkg.main_part();
    let Some(document) = pkg.part(&main)? else {
        return Err(DocxError::MissingPart { part: main });
    };
    let rels = pkg.relations(&rels_of(&main))?;
    let mut notes = Vec::new();
    let styles = match pkg.part_or(&rels, "/styles", &sibling(&main, "styles.xml"))? {
        Some((part, xml)) => Styles::read(&part, &xml).unwrap_or_else(|e| {
            notes.push(format!("{e}: headings are told by their style names only"));
            Styles::default()
        }),
        None => Styles::default(),
    };
    let body = Collect::run(&main, &document, &styles, false)?;
    let mut paras = body.paras;
    for (kind, default) in [("/footnotes", "footnotes.xml"), ("/endnotes", "endnotes.xml")] {
        let refs: Vec<&str> = body.refs.iter().filter(|r| r.0 == kind).map(|r| r.1.as_str()).collect();
        if refs.is_empty() {
            continue;
        }
        if let Some((part, xml)) = pkg.part_or(&rels, kind, &sibling(&main, default))? {
            let read = Collect::run(&part, &xml, &styles, true)?;
            paras.extend(in_reference_order(read.paras, &refs));
        }
    }
    let published = pkg.published(&mut notes)?;
    let (source, mut x) = assemble(&paras);
    x.published = published;
    x.notes = notes;
    Ok((source, x))
}

/// The notes' paragraphs in the order the text refers to the notes (each once).
fn in_reference_order(paras: Vec<Para>, refs: &[&str]) -> Vec<Para> {
    let mut by_note: HashMap<String, Vec<Para>> = HashMap::new();
    for p in paras {
        if let Some(id) = p.note.clone() {
            by_note.entry(id).or_default().push(p);
        }
    }
    refs.iter().filter_map(|id| by_note.remove(*id)).flatten().collect()
}

/// The source (one line per paragraph) and the extracted text: each non-empty paragraph a
/// block copied from its line, so the map is exact by construction.
fn assemble(paras: &[Para]) -> (String, Extracted) {
    let mut source = String::with_capacity(paras.iter().map(|p| p.text.len() + 1).sum());
    let mut x = Extracted {
        positions: Positions::Paragraphs,
        ..Extracted::default()
    };
    let (mut title, mut first_heading) = (None, None);
    for p in paras {
        let start = source.len();
        source.push_str(&p.text);
        let end = source.len();
        source.push('\n');
        if p.text.trim().is_empty() {
            continue;
        }
        x.start_block(p.kind);
        let index = x.blocks.len();
        x.copy(&source, start..end);
        if p.note.is_none() && p.kind == BlockKind::Heading {
            first_heading.get_or_insert(index);
            if p.title {
                title.get_or_insert(index);
            }
        }
    }
    let mut x = x.finish();
    x.headline = title.or(first_heading);
    (source, x)
}

/// The zip, its relations, and how much more its parts may unpack to.
struct Package<'a> {
    zip: ZipArchive<Cursor<&'a [u8]>>,
    /// The package's relations (`_rels/.rels`): where the main part and properties are.
    rels: Vec<(String, String)>,
    budget: u64,
    limit: u64,
}

impl<'a> Package<'a> {
    fn open(bytes: &'a [u8], limit: u64) -> Result<Package<'a>, DocxError> {
        if bytes.starts_with(&[0xD0, 0xCF, 0x11, 0xE0]) {
            return Err(DocxError::Compound);
        }
        let zip = ZipArchive::new(Cursor::new(bytes)).map_err(|e| DocxError::NotZip { detail: e.to_string() })?;
        let mut pkg = Package {
            zip,
            rels: Vec::new(),
            budget: limit,
            limit,
        };
        pkg.rels = pkg.relations("_rels/.rels")?;
        Ok(pkg)
    }

    /// A part as text, `None` when the zip has no such part.
    fn part(&mut self, name: &str) -> Result<Option<String>, DocxError> {
        let unreadable = |e: &dyn fmt::Display| DocxError::Unreadable {
            part: name.to_string(),
            detail: e.to_string(),
        };
        let file = match self.zip.by_name(name) {
            Ok(file) => file,
            Err(ZipError::FileNotFound) => return Ok(None),
            Err(e) => return Err(unreadable(&e)),
        };
        // The header's size only sizes the buffer (it may lie): the budget bounds the read.
        let mut bytes = Vec::with_capacity(file.size().min(self.budget) as usize);
        // One byte past the budget tells a part that would pass it, whatever its header says.
        file.take(self.budget + 1)
            .read_to_end(&mut bytes)
            .map_err(|e| unreadable(&e))?;
        if bytes.len() as u64 > self.budget {
            return Err(DocxError::TooLarge {
                part: name.to_string(),
                limit: self.limit,
            });
        }
        self.budget -= bytes.len() as u64;
        if bytes.starts_with(b"\xEF\xBB\xBF") {
            bytes.drain(..3);
        }
        String::from_utf8(bytes).map(Some).map_err(|e| {
            let at = e.utf8_error().valid_up_to();
            xml_error(name, &String::from_utf8_lossy(e.as_bytes()), at, "not UTF-8".into())
        })
    }

    /// The main document part the package's relations name, else `word/document.xml`.
    fn main_part(&self) -> String {
        find_rel(&self.rels, "/officeDocument").unwrap_or_else(|| "word/document.xml".into())
    }

    /// The relations in a `.rels` part: (type, target as a part name).
    fn relations(&mut self, part: &str) -> Result<Vec<(String, String)>, DocxError> {
        let Some(xml) = self.part(part)? else {
            return Ok(Vec::new());
        };
        let base = part.split("_rels/").next().unwrap_or("").to_string();
        let mut out = Vec::new();
        walk(part, &xml, |event| {
            if let Event::Start(e) | Event::Empty(e) = &event
                && e.local_name().as_ref() == "Relationship"
                && attr(e, "TargetMode").as_deref() != Some("External")
                && let (Some(kind), Some(target)) = (attr(e, "Type"), attr(e, "Target"))
            {
                out.push((kind, resolve(&base, &target)));
            }
            Ok(())
        })?;
        Ok(out)
    }

    /// The part a relation of `kind` names, else `default`; with its text, if it exists.
    fn part_or(
        &mut self,
        rels: &[(String, String)],
        kind: &str,
        default: &str,
    ) -> Result<Option<(String, String)>, DocxError> {
        let name = find_rel(rels, kind).unwrap_or_else(|| default.to_string());
        Ok(self.part(&name)?.map(|xml| (name, xml)))
    }

    /// The day the core properties say the document was created (else last modified).
    fn published(&mut self, notes: &mut Vec<String>) -> Result<Option<Date>, DocxError> {
        let rels = std::mem::take(&mut self.rels);
        let Some((part, xml)) = self.part_or(&rels, "/core-properties", "docProps/core.xml")? else {
            return Ok(None);
        };
        let mut found: HashMap<&'static str, String> = HashMap::new();
        let mut open: Option<&'static str> = None;
        let read = walk(&part, &xml, |event| {
            match &event {
                Event::Start(e) => {
                    open = match e.local_name().as_ref() {
                        "created" => Some("created"),
                        "modified" => Some("modified"),
                        _ => None,
                    }
                }
                Event::Text(t) => {
                    if let Some(name) = open {
                        found.entry(name).or_default().push_str(t.xml10_content().trim());
                    }
                }
                Event::End(_) => open = None,
                _ => {}
            }
            Ok(())
        });
        if let Err(e) = read {
            // The dates are a last resort: a damaged properties part loses them, not the text.
            notes.push(format!("{e}: the document's dates are not read"));
            return Ok(None);
        }
        let day = |name| {
            found
                .get(name)
                .and_then(|s: &String| s.get(..10))
                .and_then(Date::parse_iso)
        };
        Ok(day("created").or_else(|| day("modified")))
    }
}

/// The target of the first relation whose type ends with `kind` (`/styles`).
fn find_rel(rels: &[(String, String)], kind: &str) -> Option<String> {
    rels.iter().find(|(k, _)| k.ends_with(kind)).map(|(_, t)| t.clone())
}

/// The relations part of a part: `word/document.xml` -> `word/_rels/document.xml.rels`.
fn rels_of(part: &str) -> String {
    match part.rsplit_once('/') {
        Some((dir, file)) => format!("{dir}/_rels/{file}.rels"),
        None => format!("_rels/{part}.rels"),
    }
}

/// A part in the same folder as `part`.
fn sibling(part: &str, name: &str) -> String {
    resolve(part.rsplit_once('/').map_or("", |(dir, _)| dir), name)
}

/// A relation's target as a part name: absolute (`/word/x.xml`) or relative to `base`.
fn resolve(base: &str, target: &str) -> String {
    let joined = match target.strip_prefix('/') {
        Some(abs) => abs.to_string(),
        None => format!("{base}/{target}"),
    };
    let mut parts: Vec<&str> = Vec::new();
    for seg in joined.split('/') {
        match seg {
            "" | "." => {}
            ".." => {
                parts.pop();
            }
            s => parts.push(s),
        }
    }
    parts.join("/")
}

/// An attribute's value, unescaped; `None` when absent or malformed.
fn attr(e: &BytesStart, name: &str) -> Option<String> {
    // No duplicate check: it allocates for every element asked, and a duplicate changes nothing here.
    e.attributes()
        .with_checks(false)
        .flatten()
        .find(|a| a.key.local_name().as_ref() == name)
        .and_then(|a| a.normalized_value(XmlVersion::Implicit1_0).ok().map(|v| v.into_owned()))
}

/// Streams a part's events to `visit`; any error located in the part. A part that ends
/// inside an element (cut short) or has no element at all is an error too.
fn walk<'x>(part: &str, xml: &'x str, mut visit: impl FnMut(Event<'x>) -> Result<(), String>) -> Result<(), DocxError> {
    let mut reader = Reader::from_str(xml);
    let (mut depth, mut root) = (0usize, false);
    loop {
        let at = reader.buffer_position() as usize;
        let event = match reader.read_event() {
            Ok(event) => event,
            Err(e) => return Err(xml_error(part, xml, reader.error_position() as usize, e.to_string())),
        };
        match &event {
            Event::Start(_) => (depth, root) = (depth + 1, true),
            Event::Empty(_) => root = true,
            Event::End(_) => depth = depth.saturating_sub(1),
            Event::Eof if depth > 0 => {
                return Err(xml_error(
                    part,
                    xml,
                    xml.len(),
                    "it ends inside an element: cut short".into(),
                ));
            }
            Event::Eof if !root => {
                return Err(xml_error(part, xml, xml.len(), "no XML element in it".into()));
            }
            Event::Eof => return Ok(()),
            _ => {}
        }
        visit(event).map_err(|detail| xml_error(part, xml, at, detail))?;
    }
}

/// A located XML error: line and column (characters) of byte `at` in the part.
fn xml_error(part: &str, xml: &str, at: usize, detail: String) -> DocxError {
    let mut at = at.min(xml.len());
    while !xml.is_char_boundary(at) {
        at -= 1;
    }
    let before = &xml[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    DocxError::Xml {
        part: part.to_string(),
        line: before.matches('\n').count() + 1,
        column: before[line_start..].chars().count() + 1,
        byte: at,
        detail,
    }
}

/// A paragraph's visible text and what it is.
#[derive(Debug, Clone)]
struct Para {
    text: String,
    kind: BlockKind,
    /// Styled as the document's title.
    title: bool,
    /// The footnote or endnote it belongs to.
    note: Option<String>,
}

/// What a paragraph style makes of a paragraph.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Style {
    heading: bool,
    title: bool,
    list: bool,
}

/// The paragraph styles, by id (ids are not names: a German Word calls `Heading 1`
/// `berschrift1`).
#[derive(Debug, Default)]
struct Styles(HashMap<String, Style>);

impl Styles {
    fn read(part: &str, xml: &str) -> Result<Styles, DocxError> {
        let mut styles = HashMap::new();
        let mut open: Option<(String, Style)> = None;
        walk(part, xml, |event| {
            match &event {
                Event::Start(e) | Event::Empty(e) => match e.local_name().as_ref() {
                    "style" if attr(e, "type").as_deref() == Some("paragraph") => {
                        open = attr(e, "styleId").map(|id| (id.clone(), Style::named(&id)));
                    }
                    "name" => {
                        if let Some((_, style)) = open.as_mut()
                            && let Some(name) = attr(e, "val")
                        {
                            *style = Style::named(&name);
                        }
                    }
                    "outlineLvl" | "numPr" => {
                        if let Some((_, style)) = open.as_mut() {
                            style.heading |= e.local_name().as_ref() == "outlineLvl" && outline(e);
                            style.list |= e.local_name().as_ref() == "numPr";
                        }
                    }
                    _ => {}
                },
                Event::End(e) if e.local_name().as_ref() == "style" => {
                    if let Some((id, style)) = open.take() {
                        styles.insert(id, style);
                    }
                }
                _ => {}
            }
            Ok(())
        })?;
        Ok(Styles(styles))
    }

    /// The style an id names; an unknown id is read as a name (`Heading2`).
    fn get(&self, id: &str) -> Style {
        self.0.get(id).copied().unwrap_or_else(|| Style::named(id))
    }
}

impl Style {
    /// What a style's name says: `heading 1`-`9` and `Title` are headings, `List Bullet`
    /// and `List Number` list items.
    fn named(name: &str) -> Style {
        let name: String = name.to_ascii_lowercase().chars().filter(|c| *c != ' ').collect();
        let level = name.strip_prefix("heading");
        let title = name == "title";
        Style {
            heading: title || level.is_some_and(|l| matches!(l.as_bytes(), [b'1'..=b'9'])),
            title,
            list: name.starts_with("listbullet") || name.starts_with("listnumber"),
        }
    }
}

/// An outline level that makes a heading (0-8; 9 is body text).
fn outline(e: &BytesStart) -> bool {
    attr(e, "val").and_then(|v| v.parse::<u8>().ok()).is_some_and(|l| l < 9)
}

/// Elements whose whole content is not visible text of the accepted document.
fn skipped(name: &str) -> bool {
    matches!(
        name,
        "del" | "moveFrom" | "delText" | "instrText" | "delInstrText" | "Fallback" | "txbxContent"
    ) || name.ends_with("PrChange")
}

/// The paragraph being read.
#[derive(Debug, Default)]
struct Open {
    text: String,
    style: Style,
    outline: bool,
    list: Option<bool>,
}

/// Reads a part's paragraphs (see the module doc for what is text).
struct Collect<'s> {
    styles: &'s Styles,
    notes_part: bool,
    paras: Vec<Para>,
    /// Footnote and endnote references, in order, each once: (`/footnotes`, id).
    refs: Vec<(&'static str, String)>,
    seen: HashSet<(&'static str, String)>,
    open: Option<Open>,
    /// Depth of paragraphs (a text box's sit inside one): only the outer one counts.
    p_depth: usize,
    /// Depth inside a skipped element.
    skip: usize,
    run: usize,
    in_text: bool,
    /// The run being read is hidden text.
    hidden: bool,
    note: Option<String>,
}

impl<'s> Collect<'s> {
    fn run(part: &str, xml: &str, styles: &'s Styles, notes_part: bool) -> Result<Collect<'s>, DocxError> {
        let mut c = Collect {
            styles,
            notes_part,
            paras: Vec::new(),
            refs: Vec::new(),
            seen: HashSet::new(),
            open: None,
            p_depth: 0,
            skip: 0,
            run: 0,
            in_text: false,
            hidden: false,
            note: None,
        };
        walk(part, xml, |event| c.event(event))?;
        Ok(c)
    }

    fn event(&mut self, event: Event) -> Result<(), String> {
        match event {
            Event::Start(_) if self.skip > 0 => self.skip += 1,
            Event::End(_) if self.skip > 0 => self.skip -= 1,
            _ if self.skip > 0 => {}
            Event::Start(e) => self.start(&e, false),
            Event::Empty(e) => self.start(&e, true),
            Event::End(e) => self.end(e.local_name().as_ref()),
            Event::Text(t) if self.in_text => self.push(&t.xml10_content()),
            Event::CData(t) if self.in_text => self.push(&t.xml10_content()),
            Event::GeneralRef(r) if self.in_text => {
                let c = match r.resolve_char_ref() {
                    Ok(Some(c)) => c,
                    Ok(None) => entity(&r).ok_or_else(|| format!("unknown entity &{};", &*r))?,
                    Err(e) => return Err(e.to_string()),
                };
                self.push(c.encode_utf8(&mut [0; 4]));
            }
            _ => {}
        }
        Ok(())
    }

    fn start(&mut self, e: &BytesStart, empty: bool) {
        let name = e.local_name();
        let name = name.as_ref();
        if skipped(name) {
            self.skip = usize::from(!empty);
            return;
        }
        match name {
            "footnote" | "endnote" if self.notes_part => {
                let normal = attr(e, "type").is_none_or(|t| t == "normal");
                match normal {
                    true => self.note = attr(e, "id"),
                    // Separators are the line above the notes, not text.
                    false => self.skip = usize::from(!empty),
                }
            }
            "p" => {
                self.p_depth += 1;
                if self.p_depth == 1 {
                    self.open = Some(Open::default());
                }
                if empty {
                    self.end("p");
                }
            }
            "r" if !empty => {
                self.run += 1;
                self.hidden = false;
            }
            "t" if !empty && self.run > 0 => self.in_text = true,
            _ if self.run > 0 => self.in_run(name, e),
            _ => self.in_paragraph(name, e),
        }
    }

    /// A run's elements that stand for characters, and references to notes.
    fn in_run(&mut self, name: &str, e: &BytesStart) {
        match name {
            // Hidden text (a run's `w:vanish`) is not shown, so not read.
            "vanish" => self.hidden = attr(e, "val").is_none_or(|v| !matches!(v.as_str(), "0" | "false" | "off")),
            "tab" | "ptab" => self.push("\t"),
            // A line break stays inside its paragraph (one line per paragraph).
            "br" | "cr" => self.push(" "),
            "noBreakHyphen" => self.push("\u{2011}"),
            "sym" => {
                if let Some(c) = symbol(e) {
                    self.push(c.encode_utf8(&mut [0; 4]));
                }
            }
            "footnoteReference" | "endnoteReference" => {
                let kind = if name == "footnoteReference" {
                    "/footnotes"
                } else {
                    "/endnotes"
                };
                if let Some(id) = attr(e, "id")
                    && self.seen.insert((kind, id.clone()))
                {
                    self.refs.push((kind, id));
                }
            }
            _ => {}
        }
    }

    /// A paragraph's properties: its style, outline level and numbering.
    fn in_paragraph(&mut self, name: &str, e: &BytesStart) {
        let Some(open) = self.open.as_mut() else {
            return;
        };
        match name {
            "pStyle" => open.style = attr(e, "val").map_or_else(Style::default, |id| self.styles.get(&id)),
            "outlineLvl" => open.outline = outline(e),
            "numPr" => open.list = open.list.or(Some(true)),
            // Numbering 0 takes a style's list away.
            "numId" => open.list = Some(attr(e, "val").as_deref() != Some("0")),
            _ => {}
        }
    }

    fn end(&mut self, name: &str) {
        match name {
            "t" => self.in_text = false,
            "r" => self.run = self.run.saturating_sub(1),
            "footnote" | "endnote" => self.note = None,
            "p" => {
                self.p_depth = self.p_depth.saturating_sub(1);
                if self.p_depth == 0
                    && let Some(open) = self.open.take()
                {
                    self.close(open);
                }
            }
            _ => {}
        }
    }

    fn close(&mut self, open: Open) {
        if self.notes_part && self.note.is_none() {
            return;
        }
        let heading = open.style.heading || open.outline;
        let list = open.list.unwrap_or(open.style.list);
        self.paras.push(Para {
            text: open.text,
            kind: match (heading, list) {
                (true, _) => BlockKind::Heading,
                (false, true) => BlockKind::ListItem,
                _ => BlockKind::Paragraph,
            },
            title: open.style.title,
            note: self.note.clone(),
        });
    }

    /// Visible text of the open paragraph; a line break in it is a space (one line each).
    fn push(&mut self, s: &str) {
        if let Some(open) = self.open.as_mut()
            && !self.hidden
        {
            open.text
                .extend(s.chars().map(|c| if c == '\n' || c == '\r' { ' ' } else { c }));
        }
    }
}

/// The five entities XML predefines (a `.docx` declares no others).
fn entity(name: &str) -> Option<char> {
    Some(match name {
        "lt" => '<',
        "gt" => '>',
        "amp" => '&',
        "apos" => '\'',
        "quot" => '"',
        _ => return None,
    })
}

/// A symbol's character, when its code is Unicode (not a font's private glyph).
fn symbol(e: &BytesStart) -> Option<char> {
    let code = u32::from_str_radix(&attr(e, "char")?, 16).ok()?;
    // Symbol fonts put their glyphs at F000-F0FF: which character is the font's secret.
    char::from_u32(code).filter(|c| !('\u{E000}'..='\u{F8FF}').contains(c) && !c.is_control())
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use zip::write::{SimpleFileOptions, ZipWriter};

    const SEED: &[u8] = include_bytes!("../../../tests/fixtures/articles/seed.docx");
    const TRACKED: &[u8] = include_bytes!("../../../tests/fixtures/articles/tracked.docx");

    /// A zip of the given parts.
    fn zip(parts: &[(&str, &[u8])], method: zip::CompressionMethod) -> Vec<u8> {
        let mut w = ZipWriter::new(Cursor::new(Vec::new()));
        for (name, bytes) in parts {
            w.start_file(*name, SimpleFileOptions::default().compression_method(method))
                .unwrap();
            w.write_all(bytes).unwrap();
        }
        w.finish().unwrap().into_inner()
    }

    /// A document whose body is `body` (WordprocessingML), with other parts beside it.
    fn docx(body: &str, others: &[(&str, &str)]) -> Vec<u8> {
        let document = format!(
            r#"<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="urn:w" xmlns:mc="urn:mc"><w:body>{body}</w:body></w:document>"#
        );
        let mut parts: Vec<(&str, &[u8])> = vec![("word/document.xml", document.as_bytes())];
        parts.extend(others.iter().map(|(n, x)| (*n, x.as_bytes())));
        zip(&parts, zip::CompressionMethod::Stored)
    }

    fn read(body: &str, others: &[(&str, &str)]) -> (String, Extracted) {
        extract(&docx(body, others)).unwrap()
    }

    /// The extracted text of each block, read back from the source through the map.
    fn blocks_in_source<'s>(source: &'s str, x: &Extracted) -> Vec<&'s str> {
        x.blocks.iter().map(|b| &source[x.map.range(&b.range)]).collect()
    }

    fn p(text: &str) -> String {
        format!("<w:p><w:r><w:t xml:space=\"preserve\">{text}</w:t></w:r></w:p>")
    }

    #[test]
    fn the_seed_converted_by_pandoc_reads_as_its_paragraphs() {
        let (source, x) = extract(SEED).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        assert_eq!(lines[0], "Coalition of the willing: the army chiefs meet in Paris");
        assert!(lines[2].starts_with("The coalition of the willing, the group of countries"));
        assert_eq!(lines[4], "The meeting without the USA");
        assert_eq!(x.headline, Some(0), "pandoc's Title paragraph");
        assert_eq!(x.blocks[0].kind, BlockKind::Heading);
        assert_eq!(x.blocks[4].kind, BlockKind::Heading);
        assert_eq!(x.blocks[5].kind, BlockKind::Paragraph);
        assert_eq!(x.positions, Positions::Paragraphs);
        assert_eq!(x.published, Date::new(2025, 3, 11), "dcterms:created");
        // Each block is its own line, word for word, emphasis and links gone.
        for (block, line) in blocks_in_source(&source, &x).into_iter().zip(&lines) {
            assert_eq!(block, *line);
        }
        assert!(
            x.text
                .contains("draw up \u{201C}a plan to define credible security guarantees\u{201D}")
        );
        assert!(x.text.contains("reported by the Elysée."), "a link keeps its words");
    }

    #[test]
    fn a_tracked_change_inside_a_number_reads_as_accepted() {
        let (source, x) = extract(TRACKED).unwrap();
        let lines: Vec<&str> = source.lines().collect();
        assert_eq!(lines[0], "Army chiefs of 34 countries meet in Paris");
        assert_eq!(lines[2], "", "an empty paragraph keeps its number");
        assert_eq!(lines[3], "Who took part");
        assert!(
            lines[4].starts_with("Among the participants there were generals of 34 EU and NATO countries"),
            "{}",
            lines[4]
        );
        assert!(
            lines[4].contains("was present only as an observer."),
            "the inserted word"
        );
        assert!(
            !x.text.contains("304") && !x.text.contains(" 30 "),
            "the deleted digit is gone"
        );
        // The notes follow the body: the footnote, then the endnote, each a block.
        assert_eq!(
            lines[6],
            "The list of participants was confirmed by the French armed forces ministry on Tuesday evening."
        );
        assert_eq!(
            lines[7],
            "An earlier version of this article misstated how many countries took part."
        );
        assert_eq!(lines.len(), 8);
        let blocks = blocks_in_source(&source, &x);
        assert_eq!(blocks.len(), 7, "the empty paragraph is no block");
        assert_eq!(blocks[5], lines[6]);
        assert_eq!(x.headline, Some(0));
        assert_eq!(
            x.blocks[2].kind,
            BlockKind::Heading,
            "Heading 1 (numbered by its style)"
        );
        assert_eq!(x.published, Date::new(2025, 3, 11));
    }

    #[test]
    fn what_is_text_and_what_is_not() {
        let body = concat!(
            // A field: its instruction is not text, its result is.
            r#"<w:p><w:r><w:t xml:space="preserve">Seen </w:t></w:r><w:r><w:fldChar w:fldCharType="begin"/></w:r>"#,
            r#"<w:r><w:instrText> DATE \@ "d MMMM" </w:instrText></w:r><w:r><w:fldChar w:fldCharType="separate"/></w:r>"#,
            r#"<w:r><w:t>11 March</w:t></w:r><w:r><w:fldChar w:fldCharType="end"/></w:r>"#,
            // A hyperlink keeps its words; tab, break, non-breaking hyphen, symbols.
            r#"<w:hyperlink r:id="rId9"><w:r><w:t xml:space="preserve"> at the Elysée</w:t></w:r></w:hyperlink>"#,
            r#"<w:r><w:tab/><w:t>a</w:t><w:br/><w:t>b</w:t><w:noBreakHyphen/><w:t>c</w:t>"#,
            r#"<w:sym w:font="Symbol" w:char="F0B0"/><w:sym w:font="Arial" w:char="00B0"/><w:softHyphen/></w:r>"#,
            // A deletion, moved-from text, a text box (twice: choice and fallback).
            r#"<w:del><w:r><w:delText>not </w:delText></w:r></w:del><w:moveFrom><w:r><w:t>moved</w:t></w:r></w:moveFrom>"#,
            r#"<w:r><mc:AlternateContent><mc:Choice><w:drawing><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:drawing></mc:Choice>"#,
            r#"<mc:Fallback><w:pict><w:txbxContent><w:p><w:r><w:t>box</w:t></w:r></w:p></w:txbxContent></w:pict></mc:Fallback></mc:AlternateContent></w:r>"#,
            r#"<w:r><w:t>&amp;&#8217;&#x2014;&lt;</w:t></w:r>"#,
            // Hidden text, then a run shown again.
            r#"<w:r><w:rPr><w:vanish/></w:rPr><w:t>hidden</w:t></w:r><w:r><w:rPr><w:vanish w:val="0"/></w:rPr><w:t>!</w:t></w:r></w:p>"#,
        );
        let (source, x) = read(body, &[]);
        assert_eq!(
            source,
            "Seen 11 March at the Elysée\ta b\u{2011}c°&\u{2019}\u{2014}<!\n"
        );
        assert_eq!(x.text, source.trim_end());
    }

    #[test]
    fn tables_lists_and_styles() {
        let styles = r#"<w:styles xmlns:w="urn:w">
            <w:style w:type="paragraph" w:styleId="berschrift1"><w:name w:val="heading 1"/></w:style>
            <w:style w:type="paragraph" w:styleId="Aufzhlung"><w:name w:val="List Bullet"/></w:style>
            <w:style w:type="paragraph" w:styleId="Zwischentitel"><w:name w:val="Kicker"/><w:pPr><w:outlineLvl w:val="1"/></w:pPr></w:style>
            <w:style w:type="character" w:styleId="Title"><w:name w:val="Title Char"/></w:style>
        </w:styles>"#;
        let styled = |style: &str, text: &str, extra: &str| {
            format!(r#"<w:p><w:pPr><w:pStyle w:val="{style}"/>{extra}</w:pPr><w:r><w:t>{text}</w:t></w:r></w:p>"#)
        };
        let body = [
            p("Lead paragraph."),
            styled("berschrift1", "First heading", ""),
            styled("Zwischentitel", "A kicker", ""),
            styled("Aufzhlung", "Bullet one", ""),
            styled("Normal", "Numbered", r#"<w:numPr><w:ilvl w:val="0"/><w:numId w:val="3"/></w:numPr>"#),
            styled("Aufzhlung", "Not a bullet", r#"<w:numPr><w:numId w:val="0"/></w:numPr>"#),
            r#"<w:tbl><w:tr><w:tc><w:p><w:r><w:t>France</w:t></w:r></w:p></w:tc><w:tc><w:p><w:r><w:t>Yes</w:t></w:r></w:p><w:p/></w:tc></w:tr></w:tbl>"#.into(),
            styled("Heading2", "Second heading", ""),
        ]
        .concat();
        let (source, x) = read(&body, &[("word/styles.xml", styles)]);
        assert_eq!(
            source,
            "Lead paragraph.\nFirst heading\nA kicker\nBullet one\nNumbered\nNot a bullet\nFrance\nYes\n\nSecond heading\n"
        );
        let kinds: Vec<BlockKind> = x.blocks.iter().map(|b| b.kind).collect();
        use BlockKind::*;
        assert_eq!(
            kinds,
            [
                Paragraph, Heading, Heading, ListItem, ListItem, Paragraph, Paragraph, Paragraph, Heading
            ]
        );
        assert_eq!(x.headline, Some(1), "no title: the first heading");
    }

    #[test]
    fn footnotes_in_reference_order_after_the_body() {
        let body = concat!(
            r#"<w:p><w:r><w:t>One.</w:t></w:r><w:r><w:footnoteReference w:id="5"/></w:r>"#,
            r#"<w:r><w:t>Two.</w:t></w:r><w:r><w:footnoteReference w:id="2"/></w:r></w:p>"#,
        );
        let notes = r#"<w:footnotes xmlns:w="urn:w">
            <w:footnote w:type="separator" w:id="-1"><w:p><w:r><w:separator/></w:r></w:p></w:footnote>
            <w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:r><w:t>cont</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="2"><w:p><w:r><w:footnoteRef/></w:r><w:r><w:t xml:space="preserve"> Second note.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="3"><w:p><w:r><w:t>Never referred to.</w:t></w:r></w:p></w:footnote>
            <w:footnote w:id="5"><w:p><w:r><w:t>First note,</w:t></w:r></w:p><w:p><w:r><w:t>two paragraphs.</w:t></w:r></w:p></w:footnote>
        </w:footnotes>"#;
        let (source, x) = read(body, &[("word/footnotes.xml", notes)]);
        assert_eq!(source, "One.Two.\nFirst note,\ntwo paragraphs.\n Second note.\n");
        assert_eq!(x.blocks.len(), 4);
        assert_eq!(x.headline, None);
    }

    #[test]
    fn parts_found_through_the_relations() {
        let rels = r#"<Relationships xmlns="urn:r">
            <Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="/content/main.xml"/>
            <Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="meta/core.xml"/>
        </Relationships>"#;
        let core = r#"<cp:coreProperties xmlns:cp="urn:cp" xmlns:dcterms="urn:d"><dcterms:modified>2024-02-29T23:00:00Z</dcterms:modified></cp:coreProperties>"#;
        let doc = format!(
            r#"<w:document xmlns:w="urn:w"><w:body>{}</w:body></w:document>"#,
            p("Moved main part.")
        );
        let bytes = zip(
            &[
                ("_rels/.rels", rels.as_bytes()),
                ("content/main.xml", doc.as_bytes()),
                ("meta/core.xml", core.as_bytes()),
            ],
            zip::CompressionMethod::Stored,
        );
        let (source, x) = extract(&bytes).unwrap();
        assert_eq!(source, "Moved main part.\n");
        assert_eq!(x.published, Date::new(2024, 2, 29), "no created: modified");
    }

    #[test]
    fn damaged_properties_lose_the_date_with_a_note() {
        let (_, x) = read(
            &p("Text."),
            &[("docProps/core.xml", "<cp:coreProperties><dcterms:created>2025-03-11")],
        );
        assert_eq!(x.published, None);
        assert_eq!(x.notes.len(), 1);
        assert!(x.notes[0].contains("docProps/core.xml"), "{}", x.notes[0]);
    }

    #[test]
    fn bad_files_say_what_is_wrong_and_where() {
        let err = |bytes: &[u8]| extract(bytes).unwrap_err();
        assert!(matches!(err(b"The coalition of the willing"), DocxError::NotZip { .. }));
        assert_eq!(
            err(&[0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]),
            DocxError::Compound
        );
        assert_eq!(
            err(&zip(
                &[("xl/workbook.xml", b"<workbook/>")],
                zip::CompressionMethod::Stored
            )),
            DocxError::MissingPart {
                part: "word/document.xml".into()
            }
        );
        let cut = docx(&p("Cut short"), &[]);
        let document = r#"<w:document xmlns:w="urn:w"><w:body><w:p><w:r><w:t>Cut"#;
        let cut_err = err(&zip(
            &[("word/document.xml", document.as_bytes())],
            zip::CompressionMethod::Stored,
        ));
        assert!(
            matches!(&cut_err, DocxError::Xml { part, line: 1, .. } if part == "word/document.xml"),
            "{cut_err:?}"
        );
        assert!(
            cut_err
                .to_string()
                .contains("word/document.xml is not well-formed XML at line 1"),
            "{cut_err}"
        );
        let bad = "<w:document xmlns:w=\"urn:w\">\n<w:body>\n  <w:p></w:r>\n</w:body></w:document>";
        match err(&zip(
            &[("word/document.xml", bad.as_bytes())],
            zip::CompressionMethod::Stored,
        )) {
            DocxError::Xml { line, column, .. } => assert_eq!((line, column), (3, 8), "at the bad end tag"),
            e => panic!("{e:?}"),
        }
        let entity = "<w:document><w:p><w:r><w:t>&nbsp;</w:t></w:r></w:p></w:document>";
        let e = err(&zip(
            &[("word/document.xml", entity.as_bytes())],
            zip::CompressionMethod::Stored,
        ));
        assert!(e.to_string().contains("unknown entity &nbsp;"), "{e}");
        let latin1 = b"<w:document><w:p><w:r><w:t>Elys\xe9e</w:t></w:r></w:p></w:document>";
        match err(&zip(&[("word/document.xml", latin1)], zip::CompressionMethod::Stored)) {
            DocxError::Xml { byte, detail, .. } => assert_eq!((byte, detail.as_str()), (31, "not UTF-8")),
            e => panic!("{e:?}"),
        }
        assert!(extract(&cut).is_ok());
    }

    #[test]
    fn a_zip_bomb_is_refused_at_the_limit() {
        let huge = format!("<w:document><w:body>{}</w:body></w:document>", " ".repeat(3 << 20));
        let bomb = zip(
            &[("word/document.xml", huge.as_bytes())],
            zip::CompressionMethod::Deflated,
        );
        assert!(bomb.len() < 100_000, "it packs small: {}", bomb.len());
        assert_eq!(
            extract_limited(&bomb, 2 << 20).unwrap_err(),
            DocxError::TooLarge {
                part: "word/document.xml".into(),
                limit: 2 << 20
            }
        );
        assert!(extract_limited(&bomb, 4 << 20).is_ok());
    }

    /// Random documents built from the pieces Word writes: the source holds each paragraph's
    /// visible text, and every word of the extracted text maps back to the same word there.
    #[test]
    fn property_every_word_maps_to_itself_in_the_source() {
        let mut rng = crate::testrng::TestRng(0x2545_F491_4F6C_DD1D);
        let words = ["Italy", "34", "observer", "Elysée", "NATO", "“said”", "l’Ukraine"];
        for _ in 0..200 {
            let (mut body, mut expected) = (String::new(), Vec::new());
            for _ in 0..1 + rng.below(5) {
                let mut line = String::new();
                body.push_str("<w:p>");
                for _ in 0..rng.below(8) {
                    let w = words[rng.below(words.len())];
                    // (XML written, text seen)
                    let (xml, seen) = match rng.below(7) {
                        0 => (format!("<w:ins><w:r><w:t>{w} </w:t></w:r></w:ins>"), format!("{w} ")),
                        1 => (
                            format!("<w:del><w:r><w:delText>{w} </w:delText></w:r></w:del>"),
                            String::new(),
                        ),
                        2 => (format!("<w:r><w:t>{w}</w:t><w:tab/></w:r>"), format!("{w}\t")),
                        3 => (
                            format!("<w:hyperlink><w:r><w:t>{w}</w:t></w:r></w:hyperlink><w:r><w:br/></w:r>"),
                            format!("{w} "),
                        ),
                        4 => (
                            format!("<w:r><w:instrText>HYPERLINK</w:instrText><w:t>{w}&amp;</w:t></w:r>"),
                            format!("{w}&"),
                        ),
                        5 => (
                            format!("<w:r><w:t xml:space=\"preserve\">&#x20;{w}</w:t></w:r>"),
                            format!(" {w}"),
                        ),
                        _ => {
                            // A word split across runs, as spelling marks and edits leave it.
                            let cut = w.char_indices().nth(1).map_or(w.len(), |(i, _)| i);
                            (
                                format!(
                                    "<w:r><w:t>{}</w:t></w:r><w:r><w:t>{} </w:t></w:r>",
                                    &w[..cut],
                                    &w[cut..]
                                ),
                                format!("{w} "),
                            )
                        }
                    };
                    body.push_str(&xml);
                    line.push_str(&seen);
                }
                body.push_str("</w:p>");
                expected.push(line);
            }
            let (source, x) = read(&body, &[]);
            assert_eq!(
                source,
                expected.iter().map(|l| format!("{l}\n")).collect::<String>(),
                "{body}"
            );
            for b in &x.blocks {
                for (at, word) in x.text[b.range.clone()].split_whitespace().map(|w| {
                    let at = w.as_ptr() as usize - x.text.as_ptr() as usize;
                    (at, w)
                }) {
                    assert_eq!(&source[x.map.range(&(at..at + word.len()))], word, "{body}");
                }
            }
        }
    }

    /// Never a panic, whatever the bytes: the fixtures cut short, bytes flipped in the zip,
    /// and bytes flipped in the XML packed again (a valid zip of broken XML).
    #[test]
    fn no_panic_on_damaged_documents() {
        let mut rng = crate::testrng::TestRng(0x9E37_79B9_7F4A_7C15);
        for doc in [SEED, TRACKED] {
            for cut in (0..doc.len()).step_by(97) {
                let _ = extract(&doc[..cut]);
            }
            for _ in 0..300 {
                let mut bytes = doc.to_vec();
                for _ in 0..1 + rng.below(4) {
                    let at = rng.below(bytes.len());
                    bytes[at] = rng.next_u64() as u8;
                }
                let _ = extract(&bytes);
            }
        }
        let mut zip_file = ZipArchive::new(Cursor::new(SEED)).unwrap();
        let mut xml = Vec::new();
        zip_file
            .by_name("word/document.xml")
            .unwrap()
            .read_to_end(&mut xml)
            .unwrap();
        for _ in 0..300 {
            let mut bytes = xml.clone();
            for _ in 0..1 + rng.below(8) {
                let at = rng.below(bytes.len());
                let set = b"<>/&;\"= a\xC3";
                bytes[at] = set[rng.below(set.len())];
            }
            bytes.truncate(bytes.len() - rng.below(bytes.len() / 2));
            let packed = zip(&[("word/document.xml", &bytes)], zip::CompressionMethod::Stored);
            if let Ok((source, x)) = extract(&packed) {
                // Whatever was read, the map stays inside the source.
                for b in &x.blocks {
                    let r = x.map.range(&b.range);
                    assert!(source.get(r).is_some());
                }
            }
        }
    }
}
