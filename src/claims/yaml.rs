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
    /// The limit a budget error is over ([`crate::limits`]), for how to raise it.
    pub limit: Option<&'static str>,
}

/// Parses one YAML document within the process's limits. An empty document (or only
/// comments) is `Value::Null`.
pub fn parse(source: &str) -> Result<Node, SyntaxError> {
    parse_within(source, crate::limits::current())
}

/// Parses one YAML document within `limits`: nesting depth, nodes, and the events alias
/// expansion replays (a claim file is small: an alias bomb is refused long before it costs
/// time).
pub fn parse_within(source: &str, limits: &crate::limits::Limits) -> Result<Node, SyntaxError> {
    // Each level of nesting takes up to ~40 KB of stack (unoptimized): a thread of the
    // caller's (2 MiB under rayon or a test) overflowed at 55 levels. On a thread whose stack
    // fits the depth allowed, a raised `yaml-depth` is refused or parsed, never a crash.
    let stack = limits.yaml_depth.saturating_mul(64 << 10).saturating_add(1 << 20);
    std::thread::scope(|s| {
        std::thread::Builder::new()
            .name("claimcheck-yaml".into())
            .stack_size(stack)
            .spawn_scoped(s, || parse_here(source, limits))
            .map_or_else(
                |_| parse_here(source, limits),
                |h| h.join().unwrap_or_else(|p| std::panic::resume_unwind(p)),
            )
    })
}

fn parse_here(source: &str, limits: &crate::limits::Limits) -> Result<Node, SyntaxError> {
    // strict_booleans: `NO` (Norway) and `y` are text, only true/false are booleans.
    let mut options = serde_saphyr::options! {
        strict_booleans: true,
        budget: serde_saphyr::budget! {
            max_aliases: 1_000,
            max_anchors: 1_000,
            max_depth: limits.yaml_depth,
            max_nodes: limits.yaml_nodes,
            // Events are about two per node (a scalar one, a container two): the nodes bound them.
            max_events: limits.yaml_nodes.saturating_mul(2).saturating_add(1_000),
        },
    };
    options.alias_limits.max_total_replayed_events = limits.yaml_aliases;
    let spanned: Result<serde_saphyr::Spanned<Raw>, _> = serde_saphyr::from_str_with_options(source, options);
    match spanned {
        Ok(s) => Ok(s.into_node()),
        Err(e) => {
            let (line, column) = e
                .location()
                .map(|l| (l.line() as usize, l.column() as usize))
                .unwrap_or((0, 0));
            let limit = over_limit(e.without_snippet());
            let mut message = clean_message(&e.without_snippet().to_string());
            if let Some(name) = limit {
                message = format!("{message}: {}", crate::limits::over_in(name, limits));
            }
            Err(SyntaxError {
                line,
                column,
                message,
                limit,
            })
        }
    }
}

/// The limit a budget error is over, if it is one.
fn over_limit(mut e: &serde_saphyr::Error) -> Option<&'static str> {
    use serde_saphyr::budget::BudgetBreach as B;
    // The breach itself, under the wrappers that add where an alias was used.
    while let serde_saphyr::Error::AliasError { error, .. } | serde_saphyr::Error::WithSnippet { error, .. } = e {
        e = error;
    }
    match e {
        serde_saphyr::Error::Budget { breach, .. } => match breach {
            B::Depth { .. } => Some("yaml-depth"),
            B::Nodes { .. } | B::Events { .. } => Some("yaml-nodes"),
            _ => Some("yaml-aliases"),
        },
        serde_saphyr::Error::AliasReplayLimitExceeded { .. }
        | serde_saphyr::Error::AliasExpansionLimitExceeded { .. }
        | serde_saphyr::Error::AliasReplayStackDepthExceeded { .. } => Some("yaml-aliases"),
        _ => None,
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
    fn budgets_are_the_stated_limits() {
        let deep = format!("a: {}1{}\n", "[".repeat(70), "]".repeat(70));
        let e = parse(&deep).unwrap_err();
        assert_eq!(e.limit, Some("yaml-depth"), "{e:?}");
        assert!(e.message.ends_with("over the yaml-depth limit (64)"), "{}", e.message);
        let raised = crate::limits::Limits {
            yaml_depth: 100,
            ..Default::default()
        };
        assert!(parse_within(&deep, &raised).is_ok());
        // Deeper than a 2 MiB thread's stack held (it overflowed at 55 levels): parsed.
        let deeper = format!("a: {}1{}\n", "[".repeat(190), "]".repeat(190));
        let raised = crate::limits::Limits {
            yaml_depth: 200,
            ..Default::default()
        };
        assert!(parse_within(&deeper, &raised).is_ok());
        let mut doc = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..6 {
            let p = i - 1;
            doc.push_str(&format!(
                "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
            ));
        }
        let e = parse(&doc).unwrap_err();
        assert_eq!(e.limit, Some("yaml-aliases"), "{e:?}");
        let nodes = crate::limits::Limits {
            yaml_nodes: 50,
            ..Default::default()
        };
        let list = format!("a: [{}]\n", vec!["x"; 60].join(", "));
        assert_eq!(parse_within(&list, &nodes).unwrap_err().limit, Some("yaml-nodes"));
    }

    #[test]
    fn empty_document_is_null() {
        assert_eq!(parse("# nothing\n").unwrap().value, Value::Null);
    }
}
