//! Reports and load errors as LSP diagnostics.
//!
//! On an article: each claim that does not pass at its evidence (refuted and conflicting are
//! errors, not found a warning at the nearest near miss or at the top), with the claim's line
//! as related information and the diff below the message; passing claims and unchecked facts
//! as hints when the settings ask. On a claim file: each load error at its `line:column`,
//! with its help (the did-you-mean).

use std::ops::Range;

use lsp_types::{
    Diagnostic, DiagnosticRelatedInformation, DiagnosticSeverity, Location, NumberOrString, Position, Uri,
};

use super::check::Checked;
use super::positions::{Encoding, LineIndex};
use super::workspace::path_uri;
use crate::error::Diagnostic as LoadError;
use crate::report::{ClaimResult, Role, Severity, Verdict};

/// What every diagnostic of the server says it comes from.
pub const SOURCE: &str = "claimcheck";
/// The `code` of a fact no claim checks.
pub const UNCOVERED: &str = "uncovered";

/// The source bytes a claim's diagnostic covers, `None` for the top of the article: the
/// first refuting evidence (else the first of any role), else the nearest span.
pub fn claim_range(c: &ClaimResult) -> Option<Range<usize>> {
    let e = c
        .evidence
        .iter()
        .find(|e| e.role == Role::Refutes)
        .or(c.evidence.first())
        .or(c.nearest.as_deref())?;
    Some(e.span.start..e.span.end)
}

/// The diagnostics of one checked article.
pub fn for_article(checked: &Checked, show_passing: bool, show_uncovered: bool, enc: Encoding) -> Vec<Diagnostic> {
    let text = checked.text.as_str();
    let index = &checked.index;
    let mut out = Vec::new();
    for note in &checked.notes {
        out.push(at_top(DiagnosticSeverity::WARNING, note.clone()));
    }
    for (file, report) in checked.files.iter().zip(&checked.reports) {
        for c in &report.claims {
            if c.passed && !show_passing {
                continue;
            }
            let range = claim_range(c).map_or_else(lsp_types::Range::default, |r| index.range(text, r, enc));
            let mut d = claim_diagnostic(c, range);
            let uri: Uri = path_uri(&file.path).parse().expect("a file URI parses");
            let at = Position::new(c.line.saturating_sub(1) as u32, c.column.saturating_sub(1) as u32);
            d.related_information = Some(vec![DiagnosticRelatedInformation {
                location: Location::new(uri, lsp_types::Range::new(at, at)),
                message: format!("claim `{}` in {}", c.id, file.shown),
            }]);
            out.push(d);
        }
    }
    if show_uncovered {
        for u in &checked.uncovered {
            for item in &u.items {
                let range = index.range(text, item.span.start..item.span.end, enc);
                let mut d =
                    Diagnostic::new_simple(range, format!("no claim checks this {}: {}", item.kind, item.span.text));
                d.severity = Some(DiagnosticSeverity::HINT);
                d.source = Some(SOURCE.into());
                d.code = Some(NumberOrString::String(UNCOVERED.into()));
                out.push(d);
            }
        }
    }
    out
}

/// One claim's diagnostic: the claim, its verdict and id, then the diff and why.
fn claim_diagnostic(c: &ClaimResult, range: lsp_types::Range) -> Diagnostic {
    let severity = match (c.passed, c.verdict, c.severity) {
        (true, _, _) => DiagnosticSeverity::HINT,
        (false, _, Severity::Warning) | (false, Verdict::NotFound, _) => DiagnosticSeverity::WARNING,
        (false, _, Severity::Error) => DiagnosticSeverity::ERROR,
    };
    let mut message = format!("{}: {}", c.claim, c.verdict.as_str());
    if let Some(d) = &c.diff {
        message.push_str(&format!("\nexpected: {}\nfound:    {}", d.expected, d.found));
    }
    message.push_str(&format!("\n{}", c.explanation));
    if let Some(n) = &c.nearest {
        message.push_str(&format!("\nclosest: {}", n.span.text));
    }
    for note in &c.notes {
        message.push_str(&format!("\nnote: {note}"));
    }
    Diagnostic {
        range,
        severity: Some(severity),
        code: Some(NumberOrString::String(c.id.to_string())),
        source: Some(SOURCE.into()),
        message,
        ..Diagnostic::default()
    }
}

/// An internal error that stopped a document's check, at its top.
pub fn failed(message: &str) -> Diagnostic {
    at_top(DiagnosticSeverity::ERROR, message.to_string())
}

/// A note on the whole article (a claim file that does not load), at its top.
fn at_top(severity: DiagnosticSeverity, message: String) -> Diagnostic {
    Diagnostic {
        severity: Some(severity),
        source: Some(SOURCE.into()),
        message,
        ..Diagnostic::default()
    }
}

/// Load errors of a claim file (or `claimcheck.toml`) at their `line:column` (the whole file's
/// at its top), with the help that says how to fix each.
pub fn for_load_errors(errors: &[LoadError], text: &str, enc: Encoding) -> Vec<Diagnostic> {
    let index = LineIndex::new(text);
    errors
        .iter()
        .map(|e| {
            let start = char_offset(text, e.line, e.column);
            // The word at the error, so the client underlines something.
            let word = text[start..]
                .find(|c: char| c.is_whitespace() || c == ':' || c == ',' || c == ']')
                .unwrap_or(text.len() - start);
            let mut message = e.message.clone();
            if let Some(help) = &e.help {
                message.push_str(&format!("\nhelp: {help}"));
            }
            Diagnostic {
                range: index.range(text, start..start + word, enc),
                severity: Some(DiagnosticSeverity::ERROR),
                source: Some(SOURCE.into()),
                message,
                ..Diagnostic::default()
            }
        })
        .collect()
}

/// The byte offset of a 1-based `line:column` (columns in characters); 0 for line 0.
fn char_offset(text: &str, line: usize, column: usize) -> usize {
    if line == 0 {
        return 0;
    }
    let start: usize = text.split_inclusive('\n').take(line - 1).map(str::len).sum();
    if start >= text.len() {
        return text.len();
    }
    let line_text = text[start..].split('\n').next().unwrap_or("");
    start
        + line_text
            .char_indices()
            .nth(column.saturating_sub(1))
            .map_or(line_text.len(), |(i, _)| i)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn load_errors_point_at_their_word() {
        let text = "claims:\n  - id: x\n    nera: [Italy]\n";
        let e = LoadError::new("a.yaml", 3, 5, "unknown key `nera`").help("did you mean `near`?");
        let d = &for_load_errors(&[e], text, Encoding::Utf16)[0];
        assert_eq!(d.range, lsp_types::Range::new(Position::new(2, 4), Position::new(2, 8)));
        assert_eq!(d.message, "unknown key `nera`\nhelp: did you mean `near`?");
        assert_eq!(char_offset(text, 0, 0), 0);
        assert_eq!(char_offset(text, 9, 1), text.len());
    }
}
