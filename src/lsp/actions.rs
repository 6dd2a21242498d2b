//! Quick fixes as plain workspace edits, which every client applies (no command that only one
//! editor knows):
//!
//! - a near miss (text, quote) and a refuted number or date: "Make the claim say what the
//!   article says" edits the claim file, "Use the claimed words" edits the article;
//! - a fact no claim checks: "Add a claim for this" inserts the claim `claimcheck suggest`
//!   drafts for it into the claim file;
//! - a claim file without a schema line: one that points YAML language servers at the claim
//!   format's JSON Schema.

use std::collections::HashMap;
use std::ops::Range;
use std::path::{Component, Path, PathBuf};

use lsp_types::{CodeAction, CodeActionKind, CodeActionOrCommand, TextEdit, Uri, WorkspaceEdit};

use super::check::{Checked, ClaimFileRef};
use super::diagnostics::claim_range;
use super::positions::{Encoding, LineIndex};
use super::workspace::{Open, clean, path_uri};
use crate::article::Article;
use crate::compile::{self, CompiledFile};
use crate::date::{Date, MONTHS};
use crate::engine::{self, Policy};
use crate::report::{ClaimResult, Evidence, Role, Verdict};
use crate::suggest::yaml_str;

/// The titles, as the client lists them.
pub const MAKE_CLAIM_SAY: &str = "Make the claim say what the article says";
/// See [`MAKE_CLAIM_SAY`].
pub const USE_CLAIMED_WORDS: &str = "Use the claimed words";
/// See [`MAKE_CLAIM_SAY`].
pub const ADD_CLAIM: &str = "Add a claim for this";
/// See [`MAKE_CLAIM_SAY`].
pub const ADD_SCHEMA: &str = "Point YAML language servers at the claim format's JSON Schema";

/// A text a fix edits: the open buffer's or the file's.
struct Target {
    uri: Uri,
    text: String,
    index: LineIndex,
}

impl Target {
    fn read(path: &Path, open: &Open) -> Option<Target> {
        let text = match open.get(path) {
            Some(o) => o.text.as_str().to_string(),
            None => std::fs::read_to_string(path).ok()?,
        };
        Some(Target {
            uri: path_uri(path).parse().ok()?,
            index: LineIndex::new(&text),
            text,
        })
    }

    fn edit(&self, r: Range<usize>, new: String, enc: Encoding) -> (Uri, TextEdit) {
        (
            self.uri.clone(),
            TextEdit::new(self.index.range(&self.text, r, enc), new),
        )
    }
}

/// The quick fixes on the part of an article that `range` (source bytes) covers.
pub fn for_article(checked: &Checked, range: Range<usize>, open: &Open, enc: Encoding) -> Vec<CodeActionOrCommand> {
    let Some(article) = &checked.article else {
        return Vec::new();
    };
    let Some(this) = Target::read(&checked.path, open).filter(|t| t.text == *checked.text) else {
        // The buffer moved on since the check: its positions would be wrong.
        return Vec::new();
    };
    let touches = |r: &Range<usize>| r.start <= range.end && range.start <= r.end;
    let mut out = Vec::new();
    for (f, report) in checked.files.iter().zip(&checked.reports) {
        for c in report.claims.iter().filter(|c| !c.passed) {
            if claim_range(c).is_some_and(|r| touches(&r)) {
                out.extend(fixes(f, c, article, &this, open, enc));
            }
        }
    }
    let items = checked.uncovered.iter().flat_map(|u| &u.items);
    if let Some(item) = items.into_iter().find(|i| touches(&(i.span.start..i.span.end))) {
        out.extend(add_claim(checked, article, item.span.start..item.span.end, open, enc));
    }
    out
}

/// The two fixes of a near miss or a refuted number or date.
fn fixes(
    f: &ClaimFileRef,
    c: &ClaimResult,
    article: &Article,
    this: &Target,
    open: &Open,
    enc: Encoding,
) -> Vec<CodeActionOrCommand> {
    let Some(e) = c.evidence.iter().find(|e| e.role == Role::Refutes) else {
        return Vec::new();
    };
    let Some(diff) = c.diff.as_deref() else {
        return Vec::new();
    };
    if c.verdict != Verdict::Refuted {
        return Vec::new();
    }
    // What the claim file should say, and which part of the article says something else.
    let (claim_value, article_part, claimed_words) = match c.kind {
        "text" | "quote" if diff.similarity.is_some() => (
            yaml_str(&diff.found),
            e.span.start..e.span.end,
            like(&e.span.text, &diff.expected),
        ),
        "number" => match (
            mention(article, e, |a| a.numbers().iter().map(|n| n.range.clone()).collect()),
            &e.value,
        ) {
            (Some(part), Some(value)) => {
                let words = figure(&diff.expected, &this.text[part.clone()]);
                (value.to_string(), part, words)
            }
            _ => return Vec::new(),
        },
        "date" => match (
            mention(article, e, |a| a.dates().iter().map(|d| d.range.clone()).collect()),
            &e.date,
        ) {
            (Some(part), Some(day)) => match Date::parse_iso(&diff.expected) {
                Some(claimed) => (day.clone(), part, written(claimed)),
                None => return Vec::new(),
            },
            _ => return Vec::new(),
        },
        _ => return Vec::new(),
    };
    let mut out = Vec::new();
    if let Some(file) = Target::read(&f.path, open)
        && let Some(index) = f.file.claims.iter().position(|cl| *cl.id == *c.id)
        && let Some(value) = value_range(&file.text, &f.file, index, c.kind)
        && !file.text[value.clone()].starts_with('{')
    {
        out.push(action(MAKE_CLAIM_SAY, vec![file.edit(value, claim_value, enc)]));
    }
    out.push(action(
        USE_CLAIMED_WORDS,
        vec![this.edit(article_part, claimed_words, enc)],
    ));
    out
}

/// The mark of a piece of evidence that is a number or date mention (not a `near` term):
/// its source bytes.
fn mention(article: &Article, e: &Evidence, mentions: impl Fn(&Article) -> Vec<Range<usize>>) -> Option<Range<usize>> {
    let starts: Vec<usize> = mentions(article).iter().map(|r| r.start).collect();
    e.marks
        .iter()
        .find(|m| starts.binary_search(&article.normalized_offset(m.start)).is_ok())
        .map(|m| m.start..m.end)
}

/// The claimed words in the case the article's words start with (a capital at a sentence's
/// start stays).
fn like(article_words: &str, claimed: &str) -> String {
    let upper = article_words.chars().next().is_some_and(char::is_uppercase);
    let mut chars = claimed.chars();
    match (upper, chars.next()) {
        (true, Some(first)) => first.to_uppercase().chain(chars).collect(),
        _ => claimed.to_string(),
    }
}

/// Scale words an article writes after a figure, and what they multiply by.
const SCALES: &[(&str, u64)] = &[("thousand", 1_000), ("million", 1_000_000), ("billion", 1_000_000_000)];

/// A claimed figure as the article writes the one it replaces: with its scale word
/// (`800 thousand` -> `900 thousand`), else with thousands grouped (`900,000`).
fn figure(value: &str, written: &str) -> String {
    let whole = value.parse::<u64>().ok();
    for &(word, scale) in SCALES {
        if let Some(v) = whole.filter(|v| *v > 0 && v.is_multiple_of(scale))
            && written.to_lowercase().ends_with(word)
        {
            return format!("{} {}", v / scale, &written[written.len() - word.len()..]);
        }
    }
    if value.len() <= 4 || !value.bytes().all(|b| b.is_ascii_digit()) {
        return value.to_string();
    }
    let mut out = String::new();
    for (i, c) in value.chars().enumerate() {
        if i > 0 && (value.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

/// A day as an article writes it: `13 March 2025`.
fn written(d: Date) -> String {
    let month = MONTHS[d.month as usize - 1];
    format!("{} {}{} {}", d.day, month[..1].to_uppercase(), &month[1..], d.year)
}

/// The source bytes of the value of `key:` in the claim at `index` (a one-line value).
fn value_range(text: &str, file: &CompiledFile, index: usize, key: &str) -> Option<Range<usize>> {
    let first = file.claims[index].line;
    let last = file.claims.get(index + 1).map_or(usize::MAX, |c| c.line);
    let mut at = 0;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if n + 1 < first || n + 1 >= last {
            continue;
        }
        let item = line.trim_start();
        let item = item.strip_prefix("- ").unwrap_or(item);
        if let Some(value) = item.strip_prefix(key).and_then(|v| v.strip_prefix(':')) {
            let value_start = start + line.len() - value.trim_start().len();
            let written = value.trim();
            // A comment after a plain value stays.
            let written = match written.starts_with(['"', '\'']) {
                true => written,
                false => written.split(" #").next().unwrap_or(written).trim_end(),
            };
            return Some(value_start..value_start + written.len());
        }
    }
    None
}

// `Uri` caches its parts inside; a key is never changed while in the map.
#[allow(clippy::mutable_key_type)]
fn action(title: &str, edits: Vec<(Uri, TextEdit)>) -> CodeActionOrCommand {
    let mut changes: HashMap<Uri, Vec<TextEdit>> = HashMap::new();
    for (uri, e) in edits {
        changes.entry(uri).or_default().push(e);
    }
    CodeActionOrCommand::CodeAction(CodeAction {
        title: title.to_string(),
        kind: Some(CodeActionKind::QUICKFIX),
        edit: Some(WorkspaceEdit {
            changes: Some(changes),
            ..WorkspaceEdit::default()
        }),
        ..CodeAction::default()
    })
}

/// "Add a claim for this": the claim `suggest` drafts for the fact at `item`, appended to
/// the claims of the claim file that names this article (else the first that checks it).
fn add_claim(
    checked: &Checked,
    article: &Article,
    item: Range<usize>,
    open: &Open,
    enc: Encoding,
) -> Option<CodeActionOrCommand> {
    let f = checked
        .files
        .iter()
        .find(|f| f.file.article.as_deref().map(clean).as_deref() == Some(&*checked.path))
        .or(checked.files.first())?;
    let dir = f.path.parent().unwrap_or(Path::new(""));
    let draft = crate::suggest::suggest(article, &relative(dir, &checked.path), f.file.published);
    let id = drafted_for(&draft, article, &item)?;
    let target = Target::read(&f.path, open)?;
    let block = claim_block(&draft, &id)?;
    let (at, indent) = insertion(&target.text, &f.file)?;
    let taken = |id: &str| f.file.claims.iter().any(|c| *c.id == *id);
    let unique = (1..)
        .map(|n| if n == 1 { id.clone() } else { format!("{id}-{n}") })
        .find(|i| !taken(i))?;
    let block = block.replacen(&format!("- id: {id}\n"), &format!("- id: {unique}\n"), 1);
    let mut text: String = block
        .lines()
        .map(|l| format!("{}{}\n", " ".repeat(indent), l.strip_prefix("  ").unwrap_or(l)))
        .collect();
    text.insert(0, '\n');
    if !target.text[..at].ends_with('\n') {
        text.insert(0, '\n');
    }
    Some(action(ADD_CLAIM, vec![target.edit(at..at, text, enc)]))
}

/// The id of the drafted claim whose supporting evidence touches `item`.
fn drafted_for(draft: &str, article: &Article, item: &Range<usize>) -> Option<String> {
    let file = compile::parse("draft.yaml", draft, None).ok()?;
    let report = engine::evaluate(&file, article, &Policy::default());
    let touches = |m: &crate::report::Span| m.start < item.end && item.start < m.end;
    report
        .claims
        .iter()
        .find(|c| {
            c.evidence
                .iter()
                .any(|e| e.role == Role::Supports && e.marks.iter().any(touches))
        })
        .map(|c| c.id.to_string())
}

/// A drafted claim's lines (with the comment that explains it, if any), as the draft
/// indents them.
fn claim_block(draft: &str, id: &str) -> Option<String> {
    let lines: Vec<&str> = draft.lines().collect();
    let at = lines.iter().position(|l| *l == format!("  - id: {id}"))?;
    let mut first = at;
    // Section titles (`# Figures`) belong to no claim.
    while first > 0 && lines[first - 1].starts_with("  # ") && lines[first - 1][4..].contains(' ') {
        first -= 1;
    }
    let end = (at + 1..lines.len())
        .find(|&i| !lines[i].starts_with("    "))
        .unwrap_or(lines.len());
    Some(lines[first..end].iter().map(|l| format!("{l}\n")).collect())
}

/// Where a new claim goes in a claim file (after the last claim, before any top-level key
/// that follows it) and how far its claims' dashes are indented.
fn insertion(text: &str, file: &CompiledFile) -> Option<(usize, usize)> {
    let last = file.claims.last()?.line;
    let mut at = 0;
    let mut end = text.len();
    let mut indent = 2;
    let mut content_end = None;
    for (n, line) in text.split_inclusive('\n').enumerate() {
        let start = at;
        at += line.len();
        if n + 1 == last {
            indent = line.len() - line.trim_start().len();
        }
        if n + 1 < last {
            continue;
        }
        let top_level = !line.starts_with([' ', '\t', '#', '-', '\n', '\r']);
        if n + 1 > last && top_level {
            end = start;
            break;
        }
        if !line.trim().is_empty() {
            content_end = Some(at);
        }
    }
    Some((content_end.unwrap_or(end).min(end), indent))
}

/// `to` relative to the folder `from` (both absolute): how a claim file names its article.
fn relative(from: &Path, to: &Path) -> String {
    let (from, to) = (clean(from), clean(to));
    let fa: Vec<Component> = from.components().collect();
    let ta: Vec<Component> = to.components().collect();
    let common = fa.iter().zip(&ta).take_while(|(a, b)| a == b).count();
    let mut out = PathBuf::new();
    for _ in common..fa.len() {
        out.push("..");
    }
    for c in &ta[common..] {
        out.push(c);
    }
    out.to_string_lossy().replace('\\', "/")
}

/// The schema line a claim file lacks, when the workspace has the schema file.
pub fn for_claim_file(path: &Path, root: Option<&Path>, open: &Open, enc: Encoding) -> Vec<CodeActionOrCommand> {
    let Some(file) = Target::read(path, open) else {
        return Vec::new();
    };
    if file.text.contains("yaml-language-server: $schema=") {
        return Vec::new();
    }
    let schema = root
        .into_iter()
        .flat_map(|r| {
            [
                r.join("schema/claimcheck.schema.json"),
                r.join("claimcheck.schema.json"),
            ]
        })
        .find(|p| p.is_file());
    let Some(schema) = schema else {
        return Vec::new();
    };
    let line = format!(
        "# yaml-language-server: $schema={}\n",
        relative(path.parent().unwrap_or(Path::new("/")), &schema)
    );
    vec![action(ADD_SCHEMA, vec![file.edit(0..0, line, enc)])]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn claimed_words_as_an_article_writes_them() {
        assert_eq!(figure("900000", "800 thousand"), "900 thousand");
        assert_eq!(figure("900000", "800,000"), "900,000");
        assert_eq!(figure("2500000", "2 million"), "2,500,000");
        assert_eq!(figure("1234", "12"), "1234");
        assert_eq!(figure("0.5", "half"), "0.5");
        assert_eq!(written(Date::new(2025, 3, 13).unwrap()), "13 March 2025");
        assert_eq!(
            like("According to", "according to the Elysée"),
            "According to the Elysée"
        );
        assert_eq!(relative(Path::new("/w/claims"), Path::new("/w/a/b.txt")), "../a/b.txt");
        assert_eq!(relative(Path::new("/w/claims"), Path::new("/w/claims/b.txt")), "b.txt");
    }

    #[test]
    fn a_value_is_found_in_its_claim_and_a_claim_goes_after_the_last() {
        let text = "claims:\n  - id: a\n    claim: A\n    text: one\n\n  - id: b\n    claim: B\n    text: two # x\n\npublished: 2025-03-11\n";
        let file = compile::parse("c.yaml", text, None).unwrap();
        let r = value_range(text, &file, 1, "text").unwrap();
        assert_eq!(&text[r], "two", "the comment stays");
        let r = value_range(text, &file, 0, "text").unwrap();
        assert_eq!(&text[r], "one");
        let (at, indent) = insertion(text, &file).unwrap();
        assert_eq!((&text[..at], indent), (&text[..text.find("\npublished").unwrap()], 2));
    }
}
