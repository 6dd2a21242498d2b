//! Completion in a claim file: keys where a key goes (file keys at the top level, claim keys
//! in a claim, from the one key table the loader and the schema use), the values of keys
//! that take one of a few words, and entity names where a term goes.

use lsp_types::{CompletionItem, CompletionItemKind, Documentation};

use crate::claims::keys::{self, KEYS, Role, Shape};

/// Keys whose value is a term or a list of terms: where an entity name fits.
const TERM_KEYS: &[&str] = &["by", "all", "any", "near", "absent"];

/// What to offer after `before` (the line up to the cursor). `entities` are the file's
/// entity names.
pub fn complete(before: &str, entities: &[String]) -> Vec<CompletionItem> {
    let trimmed = before.trim_start();
    let indent = before.len() - trimmed.len();
    let item = trimmed.strip_prefix("- ").map(str::trim_start).unwrap_or(trimmed);
    if let Some((key, _value)) = item.split_once(':') {
        if TERM_KEYS.contains(&key) {
            return entities
                .iter()
                .map(|e| value(e, CompletionItemKind::REFERENCE))
                .collect();
        }
        return match keys::get(key).map(|k| k.shape) {
            Some(Shape::OneOf(words)) => words
                .iter()
                .map(|w| value(w, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            Some(Shape::Bool) => ["true", "false"]
                .iter()
                .map(|w| value(w, CompletionItemKind::ENUM_MEMBER))
                .collect(),
            _ => Vec::new(),
        };
    }
    if !item.chars().all(|c| c.is_ascii_lowercase() || c == '-') {
        return Vec::new();
    }
    let top = indent == 0 && !trimmed.starts_with('-');
    KEYS.iter()
        .filter(|k| (k.role == Role::File) == top)
        .map(|k| CompletionItem {
            label: k.name.to_string(),
            kind: Some(CompletionItemKind::PROPERTY),
            detail: Some(detail(k)),
            documentation: Some(Documentation::String(k.doc.to_string())),
            insert_text: Some(format!("{}: ", k.name)),
            ..CompletionItem::default()
        })
        .collect()
}

fn detail(k: &keys::Key) -> String {
    match k.role {
        Role::File => "top-level key".into(),
        Role::Claim => "claim key".into(),
        Role::Check => "check key (one per claim)".into(),
        Role::Modifier => format!("modifier of {}", k.applies_to.join(", ")),
    }
}

fn value(text: &str, kind: CompletionItemKind) -> CompletionItem {
    CompletionItem {
        label: text.to_string(),
        kind: Some(kind),
        ..CompletionItem::default()
    }
}

/// The canonical names of an inline `entities:` mapping, read from the text: completion
/// must work while the file is half written and does not load.
pub fn entities_in(text: &str) -> Vec<String> {
    let mut names = Vec::new();
    let mut inside = false;
    for line in text.lines() {
        if !line.starts_with([' ', '\t', '#']) && !line.is_empty() {
            inside = line.trim_end() == "entities:";
            continue;
        }
        let name = line.trim_start();
        if inside
            && line.len() - name.len() == 2
            && !name.starts_with(['#', '-'])
            && let Some((n, _)) = name.split_once(':')
        {
            names.push(n.trim().trim_matches(['"', '\'']).to_string());
        }
    }
    names
}

#[cfg(test)]
mod tests {
    use super::*;

    fn labels(items: &[CompletionItem]) -> Vec<&str> {
        items.iter().map(|i| i.label.as_str()).collect()
    }

    #[test]
    fn keys_by_level_values_and_entities() {
        assert!(labels(&complete("", &[])).contains(&"published"));
        assert!(!labels(&complete("", &[])).contains(&"near"));
        let items = complete("    ne", &[]);
        let claim = labels(&items);
        assert!(claim.contains(&"near") && claim.contains(&"negated") && !claim.contains(&"article"));
        assert!(labels(&complete("  - ", &[])).contains(&"id"));
        assert_eq!(labels(&complete("    severity: ", &[])), ["error", "warning"]);
        let names = vec!["Emmanuel Macron".to_string()];
        assert_eq!(labels(&complete("    by: Ma", &names)), ["Emmanuel Macron"]);
        assert_eq!(labels(&complete("    all: [Italy, ", &names)), ["Emmanuel Macron"]);
        assert!(complete("    claim: Italy ", &names).is_empty());
    }

    #[test]
    fn entity_names_are_read_from_a_half_written_file() {
        let text =
            "entities:\n  Emmanuel Macron: [Macron]\n  \"Élysée\":\n    - presidency\nclaims:\n  - id: x\n    by: \n";
        assert_eq!(entities_in(text), ["Emmanuel Macron", "Élysée"]);
    }
}
