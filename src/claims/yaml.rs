//! The only file that names the YAML library (serde-saphyr, the maintained serde successor of
//! the archived serde_yaml: exact `line:column` for syntax errors, spans on every value,
//! budgets against alias bombs). It parses a document into a [`Node`] tree with positions;
//! `validate.rs` turns the tree into claims and collects every problem, not only the first.

use serde::de::{Deserialize, Deserializer, MapAccess, SeqAccess, Visitor};
use std::fmt;

/// A YAML value with the position (1-based line and column) where it is written.
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub line: usize,
    pub column: usize,
    pub value: Value,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    Seq(Vec<Node>),
    Map(Vec<(Node, Node)>),
}

impl Node {
    /// The YAML type as an editor would name it, for "expected a list, found a number".
    pub fn type_name(&self) -> &'static str {
        match self.value {
            Value::Null => "nothing (null)",
            Value::Bool(_) => "true/false",
            Value::Int(_) | Value::Float(_) => "a number",
            Value::Str(_) => "text",
            Value::Seq(_) => "a list",
            Value::Map(_) => "a mapping",
        }
    }

    /// A scalar as text (numbers and booleans too: `id: 34` is the id "34").
    pub fn scalar_text(&self) -> Option<String> {
        match &self.value {
            Value::Str(s) => Some(s.clone()),
            Value::Int(i) => Some(i.to_string()),
            Value::Float(f) => Some(f.to_string()),
            Value::Bool(b) => Some(b.to_string()),
            _ => None,
        }
    }

    /// The value as JSON (for checking a claim file against the JSON Schema).
    pub fn to_json(&self) -> serde_json::Value {
        use serde_json::Value as J;
        match &self.value {
            Value::Null => J::Null,
            Value::Bool(b) => J::Bool(*b),
            Value::Int(i) => J::from(*i),
            Value::Float(f) => serde_json::Number::from_f64(*f).map_or(J::Null, J::Number),
            Value::Str(s) => J::String(s.clone()),
            Value::Seq(items) => J::Array(items.iter().map(Node::to_json).collect()),
            Value::Map(entries) => J::Object(
                entries
                    .iter()
                    .map(|(k, v)| (k.scalar_text().unwrap_or_default(), v.to_json()))
                    .collect(),
            ),
        }
    }

    pub fn get(&self, key: &str) -> Option<&Node> {
        match &self.value {
            Value::Map(entries) => entries
                .iter()
                .find(|(k, _)| matches!(&k.value, Value::Str(s) if s == key))
                .map(|(_, v)| v),
            _ => None,
        }
    }
}

/// A YAML syntax or budget error, located.
#[derive(Debug, Clone)]
pub struct SyntaxError {
    pub line: usize,
    pub column: usize,
    pub message: String,
}

/// Parses one YAML document. An empty document (or only comments) is `Value::Null`.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    // strict_booleans: `NO` (Norway) and `y` are text, only true/false are booleans.
    let options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: 64,
            max_nodes: 200_000,
        },
    };
    // A claim file is small: refuse alias expansion long before it costs time (billion laughs).
    let mut options = options;
    options.alias_limits.max_total_replayed_events = 20_000;
    let spanned: Result<serde_saphyr::Spanned<Raw>, _> = serde_saphyr::from_str_with_options(source, options);
    match spanned {
        Ok(s) => Ok(s.into_node()),
        Err(e) => {
            let (line, column) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((0, 0));
            Err(SyntaxError {
                line,
                column,
                message: clean_message(&e.without_snippet().to_string()),
            })
        }
    }
}

/// serde-saphyr prefixes "error: line L column C: "; the diagnostic prints the position itself.
fn clean_message(raw: &str) -> String {
    let first = raw.lines().next().unwrap_or(raw).trim();
    let first = first.strip_prefix("error:").unwrap_or(first).trim();
    let rest = match first.strip_prefix("line ") {
        Some(r) => r.split_once(": ").map_or(first, |(_, m)| m),
        None => first,
    };
    let rest = rest.replace(", set DuplicateKeyPolicy in Options if acceptable", "");
    // The position is printed by the diagnostic; drop the library's copy of it.
    match rest.find(" at line ") {
        Some(i) => rest[..i].to_string(),
        None => rest,
    }
}

/// The deserialization target: any YAML value, each wrapped in `Spanned` for its position.
struct Raw(Value);

trait IntoNode {
    fn into_node(self) -> Node;
}

impl IntoNode for serde_saphyr::Spanned<Raw> {
    fn into_node(self) -> Node {
        Node {
            line: self.referenced.line() as usize,
            column: self.referenced.column() as usize,
            value: self.value.0,
        }
    }
}

impl<'de> Deserialize<'de> for Raw {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Raw, D::Error> {
        d.deserialize_any(RawVisitor)
    }
}

struct RawVisitor;

impl<'de> Visitor<'de> for RawVisitor {
    type Value = Raw;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any YAML value")
    }
    fn visit_unit<E>(self) -> Result<Raw, E> {
        Ok(Raw(Value::Null))
    }
    fn visit_none<E>(self) -> Result<Raw, E> {
        Ok(Raw(Value::Null))
    }
    fn visit_some<D: Deserializer<'de>>(self, d: D) -> Result<Raw, D::Error> {
        Raw::deserialize(d)
    }
    fn visit_bool<E>(self, v: bool) -> Result<Raw, E> {
        Ok(Raw(Value::Bool(v)))
    }
    fn visit_i64<E>(self, v: i64) -> Result<Raw, E> {
        Ok(Raw(Value::Int(v)))
    }
    fn visit_u64<E>(self, v: u64) -> Result<Raw, E> {
        Ok(Raw(i64::try_from(v).map_or(Value::Float(v as f64), Value::Int)))
    }
    fn visit_f64<E>(self, v: f64) -> Result<Raw, E> {
        Ok(Raw(Value::Float(v)))
    }
    fn visit_str<E>(self, v: &str) -> Result<Raw, E> {
        Ok(Raw(Value::Str(v.to_string())))
    }
    fn visit_string<E>(self, v: String) -> Result<Raw, E> {
        Ok(Raw(Value::Str(v)))
    }
    fn visit_seq<A: SeqAccess<'de>>(self, mut seq: A) -> Result<Raw, A::Error> {
        let mut items = Vec::new();
        while let Some(item) = seq.next_element::<serde_saphyr::Spanned<Raw>>()? {
            items.push(item.into_node());
        }
        Ok(Raw(Value::Seq(items)))
    }
    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> Result<Raw, A::Error> {
        let mut entries = Vec::new();
        while let Some((k, v)) = map.next_entry::<serde_saphyr::Spanned<Raw>, serde_saphyr::Spanned<Raw>>()? {
            entries.push((k.into_node(), v.into_node()));
        }
        Ok(Raw(Value::Map(entries)))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values_carry_their_positions() {
        let n = parse("claims:\n  - id: chiefs-34\n    number: 34\n").unwrap();
        let claim = match &n.get("claims").unwrap().value {
            Value::Seq(items) => items[0].clone(),
            other => panic!("not a list: {other:?}"),
        };
        let number = claim.get("number").unwrap();
        assert_eq!((number.line, number.column, &number.value), (3, 13, &Value::Int(34)));
        assert_eq!(claim.get("id").unwrap().value, Value::Str("chiefs-34".into()));
    }

    #[test]
    fn syntax_errors_are_located() {
        let e = parse("claims:\n  - id: a\n    claim: 'unclosed\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 12));
        assert!(e.message.contains("quote"), "{}", e.message);
    }

    #[test]
    fn duplicate_keys_point_at_the_second_key() {
        let e = parse("a: 1\nb: 2\na: 3\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1));
        assert_eq!(e.message, "duplicate mapping key: a");
    }

    #[test]
    fn alias_bombs_are_refused() {
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            doc.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse(&doc).unwrap_err();
        assert!(e.line > 0, "{e:?}");
    }

    #[test]
    fn empty_document_is_null() {
        assert_eq!(parse("# nothing\n").unwrap().value, Value::Null);
    }
}
