//! The JSON Schema (draft 2020-12) of a batch record, printed by `claimcheck schema --batch`.
//!
//! Written by hand beside the types it describes (`record.rs`, and the claim results of
//! [`crate::report`]); a test validates real output against it, with every object closed, so
//! a field written and not described here fails it. The schema published leaves objects
//! open: within `claimcheck-batch/1` fields are only ever added.

use serde_json::{Value, json};

use super::SCHEMA;

/// The schema of one output record (a result or an error).
pub fn schema() -> Value {
    let count = json!({ "type": "integer", "minimum": 0 });
    let from1 = json!({ "type": "integer", "minimum": 1 });
    let text = json!({ "type": "string" });
    let span = json!({
        "start": { "type": "integer", "minimum": 0, "description": "Byte offset into the UTF-8 of the line's `text`." },
        "end": { "type": "integer", "minimum": 0, "description": "Byte offset past the span (exclusive)." },
        "line": from1, "column": { "type": "integer", "minimum": 1, "description": "In characters, from 1." },
        "end_line": from1, "end_column": { "type": "integer", "minimum": 1, "description": "Exclusive." },
        "text": { "type": "string", "description": "The span as the article writes it." }
    });
    let span_required = json!(["start", "end", "line", "column", "end_line", "end_column", "text"]);
    let mut evidence_props = span.as_object().cloned().unwrap_or_default();
    for (k, v) in [
        ("role", json!({ "enum": ["supports", "refutes", "nearest"] })),
        (
            "sentence",
            json!({ "type": "string", "description": "The sentence (or paragraph) that holds it." }),
        ),
        ("marks", json!({ "type": "array", "items": { "$ref": "#/$defs/span" } })),
        (
            "value",
            json!({ "description": "The number compared, normalized (number claims)." }),
        ),
        ("date", json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$" })),
        ("diff", json!({ "$ref": "#/$defs/diff" })),
        ("note", json!({ "type": "string" })),
    ] {
        evidence_props.insert(k.into(), v);
    }
    let range =
        json!({ "type": "object", "required": ["start", "end"], "properties": { "start": count, "end": count } });
    let verdict = json!({ "enum": ["supported", "refuted", "not_found", "conflicting"] });
    let verdicts = json!({
        "type": "object",
        "required": ["supported", "refuted", "not_found", "conflicting"],
        "properties": { "supported": count, "refuted": count, "not_found": count, "conflicting": count }
    });
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "claimcheck:batch-record:1",
        "title": "claimcheck batch record (claimcheck-batch/1)",
        "description": "One line of `claimcheck batch` output: a result (one claim file against one article) or an error (an input line that gives no article). Records come in input order; a line's results in claim file order.",
        "type": "object",
        "oneOf": [{ "$ref": "#/$defs/result" }, { "$ref": "#/$defs/error" }],
        "$defs": {
            "result": {
                "type": "object",
                "required": ["schema", "record", "line", "id", "claim_file", "claims", "summary"],
                "properties": {
                    "schema": { "const": SCHEMA },
                    "record": { "const": "result" },
                    "line": { "type": "integer", "minimum": 1, "description": "The input line, from 1." },
                    "id": { "type": "string", "description": "The article's `id` (a number's digits)." },
                    "url": { "type": "string", "description": "The article's `url`, when the line gives one." },
                    "claim_file": { "type": "string", "description": "The claim file, as given." },
                    "notes": { "type": "array", "items": text, "description": "What reading the article decided (a text without `format` that is plainly HTML is read as HTML); left out when there is none." },
                    "claims": { "type": "array", "items": { "$ref": "#/$defs/claim" }, "description": "One per claim, in claim file order." },
                    "summary": { "$ref": "#/$defs/summary" }
                }
            },
            "error": {
                "type": "object",
                "required": ["schema", "record", "line", "error", "help"],
                "properties": {
                    "schema": { "const": SCHEMA },
                    "record": { "const": "error" },
                    "line": { "type": "integer", "minimum": 1, "description": "The bad input line, from 1." },
                    "id": { "type": "string", "description": "The line's `id`, when it has a usable one." },
                    "error": { "type": "string", "description": "What is wrong with the line." },
                    "help": { "type": "string", "description": "How to fix it." }
                }
            },
            "claim": {
                "type": "object",
                "required": ["id", "claim", "kind", "expected", "verdict", "passed", "severity", "line", "column",
                             "evidence", "evidence_count", "nearest", "diff", "explanation", "notes"],
                "properties": {
                    "id": text, "claim": text,
                    "kind": { "type": "string", "description": "The check key (text, number, date, ...)." },
                    "expected": text,
                    "verdict": verdict,
                    "passed": { "type": "boolean" },
                    "severity": { "enum": ["error", "warning"] },
                    "line": { "type": "integer", "minimum": 1, "description": "The claim's line in its claim file." },
                    "column": from1,
                    "evidence": { "type": "array", "items": { "$ref": "#/$defs/evidence" } },
                    "evidence_count": { "type": "integer", "minimum": 0, "description": "Evidence places in the article, kept or not." },
                    "nearest": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/evidence" }] },
                    "diff": { "oneOf": [{ "type": "null" }, { "$ref": "#/$defs/diff" }] },
                    "explanation": text,
                    "notes": { "type": "array", "items": text }
                }
            },
            "evidence": {
                "type": "object",
                "required": ["role", "start", "end", "line", "column", "end_line", "end_column", "text", "sentence", "marks"],
                "properties": evidence_props
            },
            "span": { "type": "object", "required": span_required, "properties": span },
            "diff": {
                "type": "object",
                "required": ["expected", "found", "changes", "expected_marks", "found_marks"],
                "properties": {
                    "expected": text, "found": text,
                    "similarity": { "type": "number", "minimum": 0, "maximum": 1 },
                    "changes": { "type": "array", "items": {
                        "type": "object", "required": ["tag", "text"],
                        "properties": { "tag": { "enum": ["equal", "delete", "insert"] }, "text": text }
                    } },
                    "expected_marks": { "type": "array", "items": range },
                    "found_marks": { "type": "array", "items": range }
                }
            },
            "summary": {
                "type": "object",
                "required": ["claims", "passed", "failed", "warnings", "verdicts"],
                "properties": { "claims": count, "passed": count, "failed": count, "warnings": count, "verdicts": verdicts }
            }
        }
    })
}
