//! `claimcheck schema`: a JSON Schema (draft 2020-12) of the claim format, for YAML language
//! servers (completion, hover, red squiggles).
//!
//! Written from `claims/keys.rs`, the table the loader checks keys against, so the two accept
//! the same keys; a test holds both to the example claim files, and `checks`' table of kinds
//! is tested against both.

use serde_json::{Map, Value, json};

use crate::claims::keys::{self, KEYS, Role, Shape};

/// The schema as JSON.
pub fn schema() -> Value {
    let mut file_props = Map::new();
    let mut claim_props = Map::new();
    for k in KEYS {
        let mut s = shape(k.shape);
        if let Value::Object(o) = &mut s {
            let doc = if k.applies_to.is_empty() {
                k.doc.to_string()
            } else {
                format!("{} Applies to: {}.", k.doc, k.applies_to.join(", "))
            };
            o.insert("description".into(), Value::String(doc));
        }
        match k.role {
            Role::File => file_props.insert(k.name.into(), s),
            _ => claim_props.insert(k.name.into(), s),
        };
    }
    let checks: Vec<Value> = keys::names(Role::Check).map(|c| json!({ "required": [c] })).collect();
    // A modifier needs a check key it applies to (the loader's "does not apply to" error).
    let mut dependent = Map::new();
    for k in KEYS.iter().filter(|k| k.role == Role::Modifier) {
        let any: Vec<Value> = k.applies_to.iter().map(|c| json!({ "required": [c] })).collect();
        dependent.insert(k.name.into(), json!({ "anyOf": any }));
    }
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "claimcheck:claim-file:1",
        "title": "claimcheck claim file (format 1)",
        "description": "Claims that claimcheck checks against a news article. The README, \"Writing claims\", teaches the format.",
        "type": "object",
        "additionalProperties": false,
        "required": ["claims"],
        "properties": file_props,
        "examples": [{
            "article": "paris-coalition-2025-03-11.txt",
            "claims": [{ "id": "italy-observer", "claim": "Italy attended only as an observer", "all": ["Italy", "observer"] }]
        }],
        "$defs": {
            "claim": {
                "type": "object",
                "description": "One claim: id, claim, exactly one check key, modifiers.",
                "additionalProperties": false,
                "required": ["id", "claim"],
                "properties": claim_props,
                "oneOf": checks,
                "dependentSchemas": dependent,
            },
            "term": {
                "description": "A phrase (whole words), an entity name, {regex: '…'} or {any: [terms]}; a trailing * continues a word.",
                "examples": ["observer", "countr*", { "regex": "\\b3\\d countries\\b" }, { "any": ["US", "United States"] }],
                "oneOf": [
                    { "type": ["string", "number"] },
                    { "type": "object", "additionalProperties": false, "required": ["regex"], "properties": { "regex": { "type": "string" } } },
                    { "type": "object", "additionalProperties": false, "required": ["any"], "properties": { "any": { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/term" } } } }
                ]
            }
        }
    })
}

fn shape(s: Shape) -> Value {
    let texts = json!({ "oneOf": [{ "type": "string", "minLength": 1 }, { "type": "array", "items": { "type": "string", "minLength": 1 } }] });
    match s {
        Shape::Path => json!({ "type": "string", "minLength": 1, "examples": ["paris-coalition-2025-03-11.txt"] }),
        Shape::Day => json!({ "type": "string", "pattern": "^\\d{4}-\\d{2}-\\d{2}$", "examples": ["2025-03-12"] }),
        Shape::Entities => json!({
            "examples": [{ "United States": ["US", "U.S.", "USA"] }, "entities.yaml"],
            "oneOf": [
                { "type": "string", "minLength": 1 },
                { "type": "object", "additionalProperties": { "oneOf": [{ "type": "string" }, { "type": "array", "items": { "type": "string" } }, { "type": "null" }] } }
            ]
        }),
        Shape::Claims => json!({ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/claim" } }),
        Shape::Id => {
            json!({ "type": ["string", "number"], "pattern": "^[a-z0-9][a-z0-9_-]*$", "examples": ["chiefs-34"] })
        }
        Shape::Sentence => {
            json!({ "type": "string", "minLength": 1, "examples": ["Army chiefs of 34 countries met in Paris"] })
        }
        Shape::Text => {
            json!({ "type": ["string", "number"], "minLength": 1, "examples": ["a first stone on these guarantees of security"] })
        }
        Shape::Regex => json!({ "type": "string", "minLength": 1, "examples": ["\\b\\d+ thousand men\\b"] }),
        Shape::NumberOrRange => json!({
            "examples": [34, { "min": 30, "max": 40 }],
            "oneOf": [
                { "type": "number" },
                { "type": "string", "pattern": "^-?[0-9][0-9,]*(\\.[0-9]+)?$" },
                { "type": "object", "additionalProperties": false, "minProperties": 1, "properties": { "min": { "type": "number" }, "max": { "type": "number" } } }
            ]
        }),
        Shape::Term => json!({ "$ref": "#/$defs/term" }),
        Shape::Terms => {
            json!({ "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/term" }, "examples": [["Italy", "observer"]] })
        }
        Shape::TermOrTerms => {
            json!({ "oneOf": [{ "$ref": "#/$defs/term" }, { "type": "array", "minItems": 1, "items": { "$ref": "#/$defs/term" } }] })
        }
        Shape::Count => json!({ "type": "integer", "minimum": 1, "examples": [6] }),
        Shape::Bool => json!({ "type": "boolean" }),
        Shape::OneOf(values) => json!({ "enum": values }),
        Shape::Examples => json!({
            "type": "object",
            "additionalProperties": false,
            "examples": [{ "supported": ["Macron met 34 leaders of Staff."], "refuted": ["Macron met 35 leaders of Staff."] }],
            "properties": { "supported": texts, "refuted": texts, "not_found": texts, "conflicting": texts }
        }),
    }
}
