//! `entities:`: canonical names and their aliases, written in the claim file or in a shared
//! file it names, and how a file of them is told from a claim file.

use std::path::Path;

use super::{Diags, Entities};
use crate::claims::keys::{self, Role};
use crate::claims::yaml::{self, Node, Value};
use crate::error::Diagnostic;

/// A mapping whose values are all names or lists of names: a shared entities file. One
/// whose keys are all claim-file keys (`article: a.txt` alone) is a claim file that lacks its `claims:`, and is reported as one, never skipped.
pub(super) fn is_entities_mapping(entries: &[(Node, Node)]) -> bool {
    let file_key = |k: &Node| {
        k.scalar_text()
            .and_then(|name| keys::get(&name))
            .is_some_and(|key| key.role == Role::File)
    };
    !entries.is_empty()
        && !entries.iter().all(|(k, _)| file_key(k))
        && entries.iter().all(|(k, v)| {
            matches!(k.value, Value::Str(_))
                && match &v.value {
                    Value::Str(_) => true,
                    Value::Seq(items) => items.iter().all(|i| matches!(i.value, Value::Str(_))),
                    _ => false,
                }
        })
}

pub(super) fn load_entities(n: &Node, dir: Option<&Path>, d: &mut Diags<'_>) -> Entities {
    match &n.value {
        Value::Map(entries) => entities_from(entries, d),
        Value::Str(rel) => {
            let Some(dir) = dir else {
                d.at(
                    n,
                    "`entities` names a file, but this claim file has no folder to find it from",
                    None,
                );
                return Entities::new();
            };
            let p = dir.join(rel);
            let shown = crate::claims::display_path(&p);
            let source = match std::fs::read_to_string(&p) {
                Ok(s) => s,
                Err(e) => {
                    d.at(
                        n,
                        format!("cannot read entities file {shown}: {e}"),
                        Some("the path is relative to this claim file".into()),
                    );
                    return Entities::new();
                }
            };
            match yaml::parse(&source) {
                Ok(Node {
                    value: Value::Map(entries),
                    ..
                }) => {
                    let mut inner = Diags {
                        path: &shown,
                        source: &source,
                        list: Vec::new(),
                        hints: Vec::new(),
                    };
                    let out = entities_from(&entries, &mut inner);
                    d.list.extend(inner.list);
                    out
                }
                Ok(other) => {
                    d.list.push(
                        Diagnostic::new(
                            &shown,
                            other.line,
                            other.column,
                            "an entities file is a mapping of name -> [aliases]",
                        )
                        .with_source(&source),
                    );
                    Entities::new()
                }
                Err(e) => {
                    d.list.push(
                        Diagnostic::new(&shown, e.line, e.column, format!("invalid YAML: {}", e.message))
                            .with_source(&source),
                    );
                    Entities::new()
                }
            }
        }
        _ => {
            d.at(
                n,
                format!(
                    "`entities` must be a mapping (name: [aliases]) or a file path, not {}",
                    n.type_name()
                ),
                None,
            );
            Entities::new()
        }
    }
}

fn entities_from(entries: &[(Node, Node)], d: &mut Diags<'_>) -> Entities {
    let mut out = Entities::new();
    for (k, v) in entries {
        let Some(name) = k.scalar_text().filter(|s| !s.trim().is_empty()) else {
            d.at(k, "an entity name must be text", None);
            continue;
        };
        let aliases = match &v.value {
            Value::Seq(items) => items
                .iter()
                .filter_map(|i| {
                    let s = i.scalar_text().filter(|s| !s.trim().is_empty());
                    if s.is_none() {
                        d.at(i, format!("an alias of `{name}` must be text"), None);
                    }
                    s
                })
                .collect(),
            Value::Str(s) => vec![s.clone()],
            Value::Null => Vec::new(),
            _ => {
                d.at(
                    v,
                    format!("the aliases of `{name}` must be a list, like `{name}: [alias, other alias]`"),
                    None,
                );
                Vec::new()
            }
        };
        out.insert(name.trim().to_string(), aliases);
    }
    out
}
