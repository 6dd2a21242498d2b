//! `--format sarif`: SARIF 2.1.0, for code scanning (GitHub's `upload-sarif`, IDE viewers).
//!
//! Spec: <https://docs.oasis-open.org/sarif/sarif/v2.1.0/sarif-v2.1.0.html>. One run; a
//! rule per check kind present (`text`, `all`, …, sorted); a result per claim that did not
//! pass (`level` `error`, or `warning` for a `severity: warning` claim). The result's location
//! is its evidence in the article (first refuting, else first), or the claim in its claim file
//! when the article has none; the claim's own line is always a related location, and so is
//! every other piece of evidence. The verdict, claim id, expectation and diff are in the
//! result's `properties`. Columns count Unicode code points (`columnKind`), as the rest of
//! claimcheck does; `byteOffset`/`byteLength` are the JSON report's `start`/`end`.
//!
//! Paths: a relative path (the report's paths are relative to the folder claimcheck ran in,
//! when inside it) is a relative URI reference with `uriBaseId` [`SRCROOT`]; an absolute path
//! is a `file:` URI with no base. The log does not say where `%SRCROOT%` is on disk, so it is
//! the same on every machine: code scanning takes the repository root (run claimcheck there),
//! other viewers ask or are told (`sarif-multitool … --uriBaseIds`). There is no
//! `tool.driver.informationUri`: claimcheck has no web address to give.
//!
//! The structs below are the subset of the schema claimcheck writes (tests validate the output
//! against the official schema, `tests/data/sarif-schema-2.1.0.json`).

use std::collections::BTreeSet;
use std::io::{self, Write};

use serde::Serialize;

use super::{Entry, failing_first, primary};
use crate::report::{ClaimResult, Diff, Evidence, Report, Status};

/// `$schema` of the log: the schema's address at the JSON Schema Store, as other tools write it.
const SCHEMA: &str = "https://json.schemastore.org/sarif-2.1.0.json";

/// The base of relative artifact URIs: the name CodeQL and GitHub's documentation use.
const SRCROOT: &str = "%SRCROOT%";

#[derive(Serialize)]
struct Log<'a> {
    #[serde(rename = "$schema")]
    schema: &'static str,
    version: &'static str,
    runs: [Run<'a>; 1],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Run<'a> {
    tool: Tool,
    results: Vec<SarifResult<'a>>,
    column_kind: &'static str,
}

#[derive(Serialize)]
struct Tool {
    driver: Driver,
}

#[derive(Serialize)]
struct Driver {
    name: &'static str,
    version: &'static str,
    rules: Vec<Rule>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Rule {
    /// The check key.
    id: String,
    name: String,
    short_description: Message,
    full_description: Message,
    default_configuration: Configuration,
}

#[derive(Serialize)]
struct Configuration {
    level: &'static str,
}

#[derive(Serialize)]
struct Message {
    text: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct SarifResult<'a> {
    rule_id: &'static str,
    rule_index: usize,
    level: &'static str,
    kind: &'static str,
    message: Message,
    locations: Vec<Location>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    related_locations: Vec<Location>,
    partial_fingerprints: Fingerprints,
    properties: Properties<'a>,
}

/// Stable across runs while the claim keeps its id, so code scanning tracks one alert per
/// claim even when the evidence moves.
#[derive(Serialize)]
struct Fingerprints {
    #[serde(rename = "claimcheck/claim/v1")]
    claim: String,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Properties<'a> {
    verdict: &'static str,
    claim_id: &'a str,
    claim: &'a str,
    claim_file: &'a str,
    article: &'a str,
    /// `paragraphs` when the article's regions count a Word document's paragraphs (a
    /// region's line is a paragraph, its column a character in it); left out for lines.
    #[serde(skip_serializing_if = "Option::is_none")]
    article_positions: Option<&'static str>,
    expected: &'a str,
    explanation: &'a str,
    severity: &'static str,
    #[serde(skip_serializing_if = "Option::is_none")]
    diff: Option<&'a Diff>,
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    notes: &'a [String],
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Location {
    #[serde(skip_serializing_if = "Option::is_none")]
    id: Option<usize>,
    physical_location: PhysicalLocation,
    #[serde(skip_serializing_if = "Option::is_none")]
    message: Option<Message>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct PhysicalLocation {
    artifact_location: ArtifactLocation,
    region: Region,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct ArtifactLocation {
    uri: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    uri_base_id: Option<&'static str>,
}

#[derive(Serialize)]
#[serde(rename_all = "camelCase")]
struct Region {
    start_line: usize,
    start_column: usize,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_line: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    end_column: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_offset: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    byte_length: Option<usize>,
    #[serde(skip_serializing_if = "Option::is_none")]
    snippet: Option<Message>,
}

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let kinds: Vec<&'static str> = report
        .files
        .iter()
        .flat_map(|f| f.claims.iter().map(|c| c.kind))
        .collect::<BTreeSet<_>>()
        .into_iter()
        .collect();
    let results = failing_first(report)
        .into_iter()
        .filter_map(|entry| result(&entry, &kinds))
        .collect();
    let log = Log {
        schema: SCHEMA,
        version: "2.1.0",
        runs: [Run {
            tool: Tool {
                driver: Driver {
                    name: "claimcheck",
                    version: env!("CARGO_PKG_VERSION"),
                    rules: kinds.iter().map(|&k| rule(k)).collect(),
                },
            },
            results,
            column_kind: "unicodeCodePoints",
        }],
    };
    serde_json::to_writer_pretty(&mut *w, &log)?;
    writeln!(w)
}

/// The rule of a check kind: every claim of that kind that did not pass is a result of it.
fn rule(k: &str) -> Rule {
    Rule {
        id: k.to_string(),
        name: format!("claim-{k}"),
        short_description: Message {
            text: format!("A claim checked with `{k}:` did not pass"),
        },
        full_description: Message {
            text: format!(
                "The article does not support a claim written with the `{k}` check key: \
                 its verdict is refuted, not_found or conflicting (or another verdict that \
                 --fail-on names). The check keys are described in claimcheck's README."
            ),
        },
        default_configuration: Configuration { level: "error" },
    }
}

/// A claim that did not pass, located at its main evidence (else at the claim), with the
/// claim and the other evidence as related locations; `None` for a claim that passed.
fn result<'a>(entry: &Entry<'a>, kinds: &[&'static str]) -> Option<SarifResult<'a>> {
    let c = entry.claim;
    let level = match c.status() {
        Status::Fail => "error",
        Status::Warn => "warning",
        Status::Pass => return None,
    };
    let (path, article) = (entry.report.path.as_str(), entry.report.article.as_str());
    let claim_location = |id| Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(path),
            region: Region {
                start_line: c.line,
                start_column: c.column,
                end_line: None,
                end_column: None,
                byte_offset: None,
                byte_length: None,
                snippet: None,
            },
        },
        message: Some(Message {
            text: format!("the claim `{}`: {}", c.id, c.claim),
        }),
    };
    let mut related = Vec::new();
    let locations = match primary(c) {
        Some(main) => {
            related.push(claim_location(Some(1)));
            for e in c.evidence.iter().chain(c.nearest.as_deref()) {
                if !std::ptr::eq(e, main) {
                    related.push(evidence_location(Some(related.len() + 1), article, e));
                }
            }
            vec![evidence_location(None, article, main)]
        }
        None => {
            if let Some(n) = &c.nearest {
                related.push(evidence_location(Some(1), article, n));
            }
            vec![claim_location(None)]
        }
    };
    Some(SarifResult {
        rule_id: c.kind,
        rule_index: kinds.iter().position(|&k| k == c.kind).unwrap_or(0),
        level,
        kind: "fail",
        message: Message {
            text: format!("{}: {} ({}: {})", c.id, c.claim, c.verdict.as_str(), c.explanation),
        },
        locations,
        related_locations: related,
        partial_fingerprints: Fingerprints {
            claim: format!("{path}#{}@{article}", c.id),
        },
        properties: properties(c, path, article, entry.report.positions),
    })
}

fn properties<'a>(
    c: &'a ClaimResult,
    path: &'a str,
    article: &'a str,
    positions: crate::article::source::Positions,
) -> Properties<'a> {
    Properties {
        article_positions: (positions == crate::article::source::Positions::Paragraphs).then_some("paragraphs"),
        verdict: c.verdict.as_str(),
        claim_id: &c.id,
        claim: &c.claim,
        claim_file: path,
        article,
        expected: &c.expected,
        explanation: &c.explanation,
        severity: match c.severity {
            crate::report::Severity::Error => "error",
            crate::report::Severity::Warning => "warning",
        },
        diff: c.diff.as_deref(),
        notes: &c.notes,
    }
}

fn evidence_location(id: Option<usize>, article: &str, e: &Evidence) -> Location {
    let note = e.note.as_deref().map(|n| format!(" ({n})")).unwrap_or_default();
    Location {
        id,
        physical_location: PhysicalLocation {
            artifact_location: artifact(article),
            region: Region {
                start_line: e.span.line,
                start_column: e.span.column,
                end_line: Some(e.span.end_line),
                end_column: Some(e.span.end_column),
                byte_offset: Some(e.span.start),
                byte_length: Some(e.span.end - e.span.start),
                snippet: Some(Message {
                    text: e.span.text.clone(),
                }),
            },
        },
        message: Some(Message {
            text: format!("{}{note}: {}", e.role.as_str(), e.sentence),
        }),
    }
}

/// A report path as an artifact location: absolute as a `file:` URI (SARIF1004: a URI
/// reference beginning with `/` does not combine with a base), relative against
/// [`SRCROOT`]. `<stdin>` is no file under the root: a bare reference.
fn artifact(path: &str) -> ArtifactLocation {
    if let Some(rest) = path.strip_prefix('/') {
        // `display_path` writes a Windows path as `/C:/…`: the drive's colon stays literal.
        let drive =
            cfg!(windows) && rest.len() >= 2 && rest.as_bytes()[0].is_ascii_alphabetic() && rest.as_bytes()[1] == b':';
        let (drive, rest) = if drive { rest.split_at(2) } else { ("", rest) };
        return ArtifactLocation {
            uri: format!("file:///{drive}{}", uri(rest)),
            uri_base_id: None,
        };
    }
    ArtifactLocation {
        uri: uri(path),
        uri_base_id: (path != "<stdin>").then_some(SRCROOT),
    }
}

/// A path as a URI path: `/` kept, everything outside RFC 3986's unreserved characters
/// percent-encoded as UTF-8 (a space, `%`, `#`, `?`, `:`, `<stdin>`, non-ASCII names).
fn uri(path: &str) -> String {
    let mut out = String::with_capacity(path.len());
    for b in path.bytes() {
        if b.is_ascii_alphanumeric() || b"-._~/".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uris_percent_encode_what_is_not_unreserved() {
        assert_eq!(uri("claims/a b,é.yaml"), "claims/a%20b%2C%C3%A9.yaml");
        assert_eq!(uri("<stdin>"), "%3Cstdin%3E");
        assert_eq!(uri("a%#?b"), "a%25%23%3Fb");
    }

    #[test]
    fn absolute_paths_are_file_uris_and_relative_ones_have_a_base() {
        let a = artifact("/home/ci/my work/é#1.txt");
        assert_eq!(a.uri, "file:///home/ci/my%20work/%C3%A9%231.txt");
        assert_eq!(a.uri_base_id, None);
        // A drive letter on Windows; elsewhere `C:` is a folder's name.
        let drive = if cfg!(windows) { "C:" } else { "C%3A" };
        assert_eq!(
            artifact("/C:/news/a b.txt").uri,
            format!("file:///{drive}/news/a%20b.txt")
        );
        let a = artifact("claims/a:b.yaml");
        assert_eq!(a.uri, "claims/a%3Ab.yaml");
        assert_eq!(a.uri_base_id, Some("%SRCROOT%"));
        assert_eq!(artifact("../up.txt").uri, "../up.txt");
        assert_eq!(artifact("<stdin>").uri_base_id, None);
    }
}
