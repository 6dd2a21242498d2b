//! One claim: its keys (exactly one check key, modifiers that apply to it), `id`, `claim`,
//! `severity`, `examples`, and its check, built by its kind ([`checks::KINDS`]).

use super::values::{Build, Regexes};
use super::{Diags, Entities};
use crate::checks;
use crate::claims::keys::{self, Role};
use crate::claims::yaml::{Node, Value};
use crate::claims::{Claim, Example};
use crate::error::did_you_mean;
use crate::report::{Severity, Verdict};
use crate::terms::TermTable;

/// Validates one claim. Returns None when it has problems (already recorded).
pub(super) fn claim(
    item: &Node,
    entities: &Entities,
    regexes: &Regexes,
    table: &mut TermTable,
    d: &mut Diags<'_>,
) -> Option<Claim> {
    let Value::Map(entries) = &item.value else {
        d.at(
            item,
            format!(
                "a claim is a mapping (id, claim, a check key), not {}",
                item.type_name()
            ),
            None,
        );
        return None;
    };
    let before = d.list.len();
    let (check_keys, misspelt_check) = check_keys(entries, d);
    let id = id_of(item, d);
    let text = sentence_of(item, d);
    let severity = severity_of(item, d);
    let (key, key_node) = one_check_key(item, &check_keys, misspelt_check, d)?;
    // Modifiers that do not apply to this check key are mistakes, not silently ignored.
    for (k, _) in entries {
        let name = k.scalar_text().unwrap_or_default();
        if let Some(m) = keys::get(&name).filter(|m| m.role == Role::Modifier)
            && !m.applies_to.contains(&key.as_str())
        {
            d.at(
                k,
                format!("`{name}` does not apply to `{key}`"),
                Some(format!("`{name}` applies to {}", m.applies_to.join(", "))),
            );
        }
    }
    let value = item.get(&key).unwrap_or(key_node);
    let case_sensitive = case_of(item, d);
    let check = match checks::kind(&key) {
        Some(kind) => {
            let mut spec = Build {
                key: &key,
                value,
                item,
                entities,
                regexes,
                table,
                d,
                case_sensitive,
            };
            (kind.build)(&mut spec)
        }
        None => {
            d.at(value, format!("unknown check key `{key}`"), None);
            None
        }
    };
    let examples = item.get("examples").map(|n| examples(n, d)).unwrap_or_default();
    if d.list.len() > before {
        return None;
    }
    Some(Claim {
        id: id?.into(),
        claim: text?.into(),
        severity,
        line: item.line,
        column: item.column,
        check: check?,
        examples,
    })
}

/// The check keys among a claim's keys, every unknown key reported; and whether one of those
/// is a misspelt check key.
fn check_keys<'n>(entries: &'n [(Node, Node)], d: &mut Diags<'_>) -> (Vec<(String, &'n Node)>, bool) {
    let mut check_keys = Vec::new();
    let mut misspelt_check = false;
    for (k, _) in entries {
        let name = k.scalar_text().unwrap_or_default();
        match keys::get(&name) {
            Some(key) if key.role == Role::Check => check_keys.push((name, k)),
            Some(key) if key.role != Role::File => {}
            _ => {
                let near = did_you_mean(&name, keys::claim_keys());
                misspelt_check |= near.and_then(keys::get).is_some_and(|k| k.role == Role::Check);
                let help = near.map(|s| format!("did you mean `{s}`?"));
                d.at(
                    k,
                    format!("unknown key `{name}`"),
                    help.or_else(|| Some(claim_keys_help())),
                );
            }
        }
    }
    (check_keys, misspelt_check)
}

/// The claim's one check key, or None with the problem recorded.
fn one_check_key<'n>(
    item: &Node,
    check_keys: &[(String, &'n Node)],
    misspelt_check: bool,
    d: &mut Diags<'_>,
) -> Option<(String, &'n Node)> {
    match check_keys {
        // A misspelt check key was reported already; "no check key" would only repeat it.
        [] if misspelt_check => None,
        [] => {
            d.at(
                item,
                "this claim has no check key",
                Some(format!(
                    "add exactly one of: {}",
                    keys::names(Role::Check).collect::<Vec<_>>().join(", ")
                )),
            );
            None
        }
        [(k, n)] => Some((k.clone(), *n)),
        [_, (second, n), ..] => {
            let names: Vec<&str> = check_keys.iter().map(|(k, _)| k.as_str()).collect();
            d.at(
                n,
                format!(
                    "this claim has {} check keys ({}); it needs exactly one",
                    names.len(),
                    names.join(", ")
                ),
                Some(format!("split it into one claim per check, or remove `{second}`")),
            );
            None
        }
    }
}

fn id_of(item: &Node, d: &mut Diags<'_>) -> Option<String> {
    match item.get("id") {
        None => {
            d.at(
                item,
                "this claim has no `id`",
                Some("add `id: a-short-name` (lowercase letters, digits, - and _)".into()),
            );
            None
        }
        Some(n) => match n.scalar_text() {
            Some(s) if valid_id(&s) => Some(s),
            Some(s) => {
                let fixed = suggest_id(&s);
                d.at(
                    n,
                    format!("invalid id `{s}`: ids are [a-z0-9][a-z0-9_-]*"),
                    Some(format!("try `{fixed}`")),
                );
                None
            }
            None => {
                d.at(n, format!("`id` must be text, not {}", n.type_name()), None);
                None
            }
        },
    }
}

/// `claim:`, the sentence the report shows.
fn sentence_of(item: &Node, d: &mut Diags<'_>) -> Option<String> {
    match item.get("claim") {
        None => {
            d.at(
                item,
                "this claim has no `claim` sentence",
                Some("add `claim:` with the sentence the report should show".into()),
            );
            None
        }
        Some(n) => match &n.value {
            Value::Str(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
            _ => {
                d.at(n, format!("`claim` must be a sentence, not {}", n.type_name()), None);
                None
            }
        },
    }
}

fn severity_of(item: &Node, d: &mut Diags<'_>) -> Severity {
    match item.get("severity") {
        None => Severity::Error,
        Some(n) => match n.scalar_text().as_deref() {
            Some("error") => Severity::Error,
            Some("warning") => Severity::Warning,
            other => {
                let help = other
                    .and_then(|o| did_you_mean(o, keys::SEVERITIES.iter().copied()))
                    .map(|s| format!("did you mean `{s}`?"));
                d.at(n, "`severity` must be `error` or `warning`", help);
                Severity::Error
            }
        },
    }
}

/// `case: sensitive`.
fn case_of(item: &Node, d: &mut Diags<'_>) -> bool {
    match item.get("case") {
        None => false,
        Some(n) => match n.scalar_text().as_deref() {
            Some("sensitive") => true,
            Some("insensitive") => false,
            _ => {
                d.at(n, "`case` must be `sensitive` (or `insensitive`, the default)", None);
                false
            }
        },
    }
}

/// `examples: {supported: [texts], refuted: [...], not_found: [...], conflicting: [...]}`.
fn examples(n: &Node, d: &mut Diags<'_>) -> Vec<Example> {
    let Value::Map(entries) = &n.value else {
        d.at(
            n,
            "`examples` must be a mapping of verdict -> texts",
            Some("for example `examples: {supported: [\"34 leaders met\"]}`".into()),
        );
        return Vec::new();
    };
    let mut out = Vec::new();
    for (k, v) in entries {
        let key = k.scalar_text().unwrap_or_default();
        let Some(expect) = Verdict::ALL.into_iter().find(|x| x.as_str() == key) else {
            let help = did_you_mean(&key, Verdict::ALL.map(Verdict::as_str)).map(|s| format!("did you mean `{s}`?"));
            d.at(
                k,
                format!("unknown verdict `{key}` in `examples`"),
                help.or(Some("use supported, refuted, not_found or conflicting".into())),
            );
            continue;
        };
        let items = match &v.value {
            Value::Seq(items) => items.iter().collect::<Vec<_>>(),
            _ => vec![v],
        };
        for item in items {
            match &item.value {
                Value::Str(s) if !s.trim().is_empty() => out.push(Example {
                    text: s.clone(),
                    expect,
                    line: item.line,
                    column: item.column,
                }),
                _ => d.at(
                    item,
                    format!("an example is a short text, not {}", item.type_name()),
                    None,
                ),
            }
        }
    }
    out
}

fn claim_keys_help() -> String {
    format!(
        "a claim's keys are: {}",
        keys::claim_keys().collect::<Vec<_>>().join(", ")
    )
}

fn valid_id(s: &str) -> bool {
    let mut chars = s.chars();
    chars
        .next()
        .is_some_and(|c| c.is_ascii_lowercase() || c.is_ascii_digit())
        && chars.all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '_' || c == '-')
}

fn suggest_id(s: &str) -> String {
    let out = crate::claims::slug::id_slug(s, false);
    if out.is_empty() { "claim-1".to_string() } else { out }
}
