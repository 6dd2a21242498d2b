//! From a YAML tree to a [`ClaimFile`], checking every rule of the claim format.
//!
//! Problems are collected, not returned at the first: an editor sees every mistake of a file
//! in one run, each with `line:column` and a fix.

use std::collections::{BTreeMap, HashMap};
use std::path::Path;

use super::keys::{self, Role};
use super::yaml::{self, Node, Value};
use super::{Claim, ClaimFile, Loaded};
use crate::checks::{self, CheckKind, Scope};
use crate::date::{Date, DateOrder};
use crate::error::{Diagnostic, did_you_mean};
use crate::matcher::Matcher;
use crate::report::{Severity, Verdict};
use crate::terms::{self, Pattern, Term, TermId, TermTable, UserRegex};
use rayon::prelude::*;

/// Collects the problems of one file.
struct Diags<'a> {
    path: &'a str,
    source: &'a str,
    list: Vec<Diagnostic>,
    /// What `lint` mentions without refusing the file (a `by` close to an entity).
    hints: Vec<Diagnostic>,
}

impl Diags<'_> {
    fn at(&mut self, node: &Node, message: impl Into<String>, help: Option<String>) {
        let d = Diagnostic::new(self.path, node.line, node.column, message)
            .help_opt(help)
            .with_source(self.source);
        self.list.push(d);
    }
}

/// Entities: canonical name -> aliases.
type Entities = BTreeMap<String, Vec<String>>;

pub fn parse(path: &str, source: &str, dir: Option<&Path>) -> Result<Loaded, Vec<Diagnostic>> {
    if source.trim().is_empty() {
        return Err(vec![Diagnostic::file(path, "the file is empty").help(
            "a claim file needs a `claims:` list; the README's \"Writing claims\" teaches the format, and claims/ has examples",
        )]);
    }
    let root = yaml::parse(source).map_err(|e| {
        vec![
            Diagnostic::new(path, e.line, e.column, format!("invalid YAML: {}", e.message))
                .help("check the indentation and quotes on this line or the one before")
                .with_source(source),
        ]
    })?;
    let mut d = Diags {
        path,
        source,
        list: Vec::new(),
        hints: Vec::new(),
    };
    let entries = match &root.value {
        Value::Map(entries) => entries,
        Value::Null => {
            return Err(vec![
                Diagnostic::file(path, "the file has no content, only comments")
                    .help("a claim file needs a `claims:` list"),
            ]);
        }
        _ => {
            d.at(
                &root,
                format!(
                    "a claim file is a mapping with a `claims:` list, not {}",
                    root.type_name()
                ),
                None,
            );
            return Err(d.list);
        }
    };
    if root.get("claims").is_none() && is_entities_mapping(entries) {
        return Ok(Loaded::Entities);
    }
    for (k, _) in entries {
        let name = k.scalar_text().unwrap_or_default();
        if keys::get(&name).is_none_or(|key| key.role != Role::File) {
            let help = if keys::get(&name).is_some() {
                Some(format!(
                    "`{name}` belongs to a claim: indent it under an item of `claims:`"
                ))
            } else {
                did_you_mean(&name, keys::names(Role::File)).map(|s| format!("did you mean `{s}`?"))
            };
            d.at(
                k,
                format!("unknown top-level key `{name}`"),
                help.or(Some(
                    "the top-level keys are article, published, date-order, entities, claims".into(),
                )),
            );
        }
    }
    let article = root.get("article").and_then(|n| match &n.value {
        Value::Str(s) if !s.trim().is_empty() => Some(dir.unwrap_or(Path::new("")).join(s.trim())),
        _ => {
            d.at(n, format!("`article` must be a file path, not {}", n.type_name()), None);
            None
        }
    });
    let published = root.get("published").and_then(|n| {
        let parsed = n.scalar_text().and_then(|s| Date::parse_iso(s.trim()));
        if parsed.is_none() {
            d.at(
                n,
                "`published` must be a date written YYYY-MM-DD",
                Some("for example `published: 2025-03-11`".into()),
            );
        }
        parsed
    });
    let date_order = root.get("date-order").map_or_else(Default::default, |n| {
        let value = n.scalar_text();
        value.as_deref().and_then(DateOrder::parse).unwrap_or_else(|| {
            let help = value
                .and_then(|v| did_you_mean(&v, DateOrder::NAMES.iter().copied()))
                .map(|s| format!("did you mean `{s}`?"));
            d.at(
                n,
                "`date-order` must be `dmy` (3/4/2025 is 3 April) or `mdy` (4 March)",
                help,
            );
            DateOrder::default()
        })
    });
    let entities = match root.get("entities") {
        None => Entities::new(),
        Some(n) => load_entities(n, dir, &mut d),
    };
    let Some(claims_node) = root.get("claims") else {
        d.list.push(
            Diagnostic::file(path, "no `claims:` list")
                .help("add `claims:` with at least one claim (id, claim and one check key)"),
        );
        return Err(d.list);
    };
    let items = match &claims_node.value {
        Value::Seq(items) if !items.is_empty() => items.as_slice(),
        Value::Seq(_) | Value::Null => {
            d.at(claims_node, "`claims` is empty", Some("add at least one claim".into()));
            &[]
        }
        _ => {
            d.at(
                claims_node,
                format!(
                    "`claims` must be a list (items start with `- `), not {}",
                    claims_node.type_name()
                ),
                None,
            );
            &[]
        }
    };
    let regexes = Regexes::check_all(items);
    let mut table = TermTable::default();
    let mut claims = Vec::new();
    let mut seen: BTreeMap<String, usize> = BTreeMap::new();
    for item in items {
        // Ids are checked for duplicates even on claims with other problems.
        if let Some(node) = item.get("id")
            && let Some(id) = node.scalar_text()
        {
            if let Some(first) = seen.get(&id) {
                d.at(
                    node,
                    format!("duplicate id `{id}` (first used on line {first})"),
                    Some("ids must be unique in a file: rename one".into()),
                );
            } else {
                seen.insert(id, node.line);
            }
        }
        if let Some(c) = claim(item, &entities, &regexes, &mut table, &mut d) {
            claims.push(c);
        }
    }
    if !d.list.is_empty() {
        d.list.sort_by_key(|x| (x.line, x.column));
        return Err(d.list);
    }
    for c in &mut claims {
        c.expected = c.check.check().expected(&table).into();
    }
    let matcher = Matcher::new(&table);
    let without_terms = claims
        .iter()
        .map(|c| {
            let check = c.check.check();
            check.without_terms().map(|v| (v, check.terms()))
        })
        .collect();
    let article_at = root.get("article").map_or((0, 0), |n| (n.line, n.column));
    Ok(Loaded::Claims(Box::new(ClaimFile {
        path: path.to_string(),
        article,
        article_at,
        published,
        date_order,
        claims,
        terms: table,
        matcher,
        without_terms,
        hints: d.hints,
    })))
}

/// A mapping whose values are all names or lists of names: a shared entities file. One whose keys are all claim-file keys (`article: a.txt`
/// alone) is a claim file that lacks its `claims:`, and is reported as one, never skipped.
fn is_entities_mapping(entries: &[(Node, Node)]) -> bool {
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

fn load_entities(n: &Node, dir: Option<&Path>, d: &mut Diags<'_>) -> Entities {
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
            let shown = super::display_path(&p);
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

/// Validates one claim. Returns None when it has problems (already recorded).
/// Whether each regex of a file compiles, checked before the claims are read: that costs
/// more than the rest of loading, and the regexes are checked all at once on every core.
struct Regexes(HashMap<String, Result<UserRegex, String>>);

impl Regexes {
    fn check_all(items: &[Node]) -> Regexes {
        fn collect(n: &Node, out: &mut Vec<String>) {
            match &n.value {
                Value::Map(entries) => {
                    for (k, v) in entries {
                        match (k.scalar_text().as_deref(), v.scalar_text()) {
                            (Some("regex"), Some(p)) => out.push(p.trim().to_string()),
                            _ => collect(v, out),
                        }
                    }
                }
                Value::Seq(items) => items.iter().for_each(|i| collect(i, out)),
                _ => {}
            }
        }
        let mut patterns = Vec::new();
        items.iter().for_each(|i| collect(i, &mut patterns));
        patterns.sort_unstable();
        patterns.dedup();
        Regexes(
            patterns
                .into_par_iter()
                .map(|p| {
                    let checked = terms::check_regex(&p);
                    (p, checked)
                })
                .collect(),
        )
    }

    fn check(&self, pattern: &str) -> Result<UserRegex, String> {
        match self.0.get(pattern) {
            Some(checked) => checked.clone(),
            None => terms::check_regex(pattern),
        }
    }
}

fn claim(
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
    let id = match item.get("id") {
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
    };
    let text = match item.get("claim") {
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
    };
    let severity = match item.get("severity") {
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
    };
    let (key, key_node) = match check_keys.as_slice() {
        // A misspelt check key was reported already; "no check key" would only repeat it.
        [] if misspelt_check => return None,
        [] => {
            d.at(
                item,
                "this claim has no check key",
                Some(format!(
                    "add exactly one of: {}",
                    keys::names(Role::Check).collect::<Vec<_>>().join(", ")
                )),
            );
            return None;
        }
        [(k, n)] => (k.clone(), *n),
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
            return None;
        }
    };
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
    let case_sensitive = match item.get("case") {
        None => false,
        Some(n) => match n.scalar_text().as_deref() {
            Some("sensitive") => true,
            Some("insensitive") => false,
            _ => {
                d.at(n, "`case` must be `sensitive` (or `insensitive`, the default)", None);
                false
            }
        },
    };
    let mut cx = TermCx {
        entities,
        regexes,
        table,
        d,
        case_sensitive,
    };
    let check = build_check(&key, value, item, &mut cx);
    let examples = item.get("examples").map(|n| examples(n, d)).unwrap_or_default();
    if d.list.len() > before {
        return None;
    }
    Some(Claim {
        id: id?.into(),
        claim: text?.into(),
        expected: "".into(),
        severity,
        line: item.line,
        column: item.column,
        check: check?,
        examples,
    })
}

/// `examples: {supported: [texts], refuted: [...], not_found: [...], conflicting: [...]}`.
fn examples(n: &Node, d: &mut Diags<'_>) -> Vec<super::Example> {
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
                Value::Str(s) if !s.trim().is_empty() => out.push(super::Example {
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
    let mut out = String::new();
    for c in s.trim().chars() {
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.ends_with('-') && !out.is_empty() {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-').to_string();
    if out.is_empty() { "claim-1".to_string() } else { out }
}

/// What building terms needs.
struct TermCx<'a, 'b> {
    entities: &'a Entities,
    regexes: &'a Regexes,
    table: &'a mut TermTable,
    d: &'a mut Diags<'b>,
    case_sensitive: bool,
}

fn build_check(key: &str, value: &Node, item: &Node, cx: &mut TermCx<'_, '_>) -> Option<CheckKind> {
    // Modifiers first, so their errors are reported even when the value is wrong too.
    let scope = scope_of(item, if key == "all" { Scope::Sentence } else { Scope::Article }, cx.d);
    let negated = bool_of(item, "negated", cx.d);
    let within = within_of(item, cx.d);
    let near = match item.get("near") {
        None => Some(Vec::new()),
        Some(
            n @ Node {
                value: Value::Seq(_), ..
            },
        ) => term_list(n, "near", cx),
        Some(n) => term(n, cx).map(|t| vec![t]),
    };
    match key {
        "text" => {
            let phrase = non_empty_text(value, "text", cx.d)?;
            let term = cx.table.add(Term {
                label: phrase.clone(),
                patterns: vec![terms::phrase_pattern(&phrase, cx.case_sensitive)],
            });
            Some(CheckKind::Text(checks::Text {
                phrase,
                term,
                scope,
                negated,
            }))
        }
        "regex" => {
            let pattern = non_empty_text(value, "regex", cx.d)?;
            match cx.regexes.check(&pattern) {
                Ok(re) => {
                    let term = cx.table.add(Term {
                        label: format!("/{pattern}/"),
                        patterns: vec![Pattern::Regex(re)],
                    });
                    Some(CheckKind::Regex(checks::Regex { pattern, term, scope }))
                }
                Err(e) => {
                    cx.d.at(
                        value,
                        format!("the regex does not compile: {e}"),
                        Some("regexes use Rust syntax (no look-around); quote it in single quotes".into()),
                    );
                    None
                }
            }
        }
        "absent" => {
            let terms = match &value.value {
                Value::Seq(_) => term_list(value, "absent", cx)?,
                _ => vec![term(value, cx)?],
            };
            Some(CheckKind::Absent(checks::Absent::new(terms, scope, cx.table)))
        }
        "all" => {
            let terms = term_list(value, "all", cx)?;
            Some(CheckKind::All(checks::All { terms, scope, negated }))
        }
        "any" => {
            let terms = term_list(value, "any", cx)?;
            Some(CheckKind::Any(checks::Any { terms, scope, negated }))
        }
        "number" => {
            let (min, max) = number_value(value, cx.d)?;
            let near = near?;
            if near.is_empty() {
                cx.d.at(
                    item,
                    "a `number` claim needs `near`: the words that say what the number counts",
                    Some("for example `near: [countries, leaders]`".into()),
                );
                return None;
            }
            Some(CheckKind::Number(checks::Number {
                min,
                max,
                near,
                within: within.unwrap_or(checks::NUMBER_WITHIN),
            }))
        }
        "date" => {
            let date = match value.scalar_text().and_then(|s| Date::parse_iso(s.trim())) {
                Some(d) => d,
                None => {
                    cx.d.at(
                        value,
                        "`date` must be a day written YYYY-MM-DD",
                        Some("for example `date: 2025-03-12`".into()),
                    );
                    return None;
                }
            };
            Some(CheckKind::Date(checks::Date {
                date,
                near: near?,
                within,
            }))
        }
        "quote" => {
            let words = non_empty_text(value, "quote", cx.d)?;
            let by = match item.get("by") {
                None => None,
                Some(n) => Some(speaker(n, cx)?),
            };
            Some(CheckKind::Quote(checks::Quote { words, by }))
        }
        other => {
            cx.d.at(value, format!("unknown check key `{other}`"), None);
            None
        }
    }
}

/// `by`: a term. A name or alias of an entity is that entity; any other name is a plain term
/// (the claim format: a `by` that is no entity never refuses the file).
fn speaker(n: &Node, cx: &mut TermCx<'_, '_>) -> Option<TermId> {
    let name = n.scalar_text().map(|s| s.trim().to_string());
    let canonical = name.as_ref().and_then(|name| {
        cx.entities
            .iter()
            .find(|(k, aliases)| *k == name || aliases.iter().any(|a| a == name))
            .map(|(k, _)| k.clone())
    });
    match canonical {
        Some(c) => {
            let node = Node {
                line: n.line,
                column: n.column,
                value: Value::Str(c),
            };
            term(&node, cx)
        }
        None => {
            if let Some(name) = &name {
                let known = cx.entities.iter().flat_map(|(k, a)| std::iter::once(k).chain(a));
                if let Some(close) = crate::error::did_you_mean(name, known.map(String::as_str)) {
                    let hint = Diagnostic::new(
                        cx.d.path,
                        n.line,
                        n.column,
                        format!("`by: {name}` is no entity, so it is matched as a plain name"),
                    )
                    .help(format!("did you mean the entity `{close}`?"));
                    cx.d.hints.push(hint);
                }
            }
            term(n, cx)
        }
    }
}

fn within_of(item: &Node, d: &mut Diags<'_>) -> Option<usize> {
    let n = item.get("within")?;
    match n.value {
        Value::Int(i) if i > 0 => Some(i as usize),
        _ => {
            d.at(n, "`within` must be a whole number of words, 1 or more", None);
            None
        }
    }
}

/// `number: 34` or `number: {min: 30, max: 40}` (either bound optional).
fn number_value(n: &Node, d: &mut Diags<'_>) -> Option<(Option<f64>, Option<f64>)> {
    let as_f64 = |n: &Node| match &n.value {
        Value::Int(i) => Some(*i as f64),
        Value::Float(f) if f.is_finite() => Some(*f),
        Value::Str(s) => s.replace(',', "").trim().parse::<f64>().ok().filter(|f| f.is_finite()),
        _ => None,
    };
    match &n.value {
        Value::Map(entries) => {
            let (mut min, mut max) = (None, None);
            let mut ok = true;
            for (k, v) in entries {
                let key = k.scalar_text().unwrap_or_default();
                let slot = match key.as_str() {
                    "min" => &mut min,
                    "max" => &mut max,
                    _ => {
                        let help = did_you_mean(&key, ["min", "max"]).map(|s| format!("did you mean `{s}`?"));
                        d.at(
                            k,
                            format!("unknown key `{key}` in a number range"),
                            help.or(Some("a range is `{min: 30, max: 40}`".into())),
                        );
                        ok = false;
                        continue;
                    }
                };
                match as_f64(v) {
                    Some(x) => *slot = Some(x),
                    None => {
                        d.at(v, format!("`{key}` must be a number, not {}", v.type_name()), None);
                        ok = false;
                    }
                }
            }
            if ok && min.is_none() && max.is_none() {
                d.at(n, "a number range needs `min`, `max` or both", None);
                return None;
            }
            if let (Some(a), Some(b)) = (min, max)
                && a > b
            {
                d.at(
                    n,
                    format!("`min` ({a}) is larger than `max` ({b})"),
                    Some("swap them".into()),
                );
                return None;
            }
            ok.then_some((min, max))
        }
        _ => match as_f64(n) {
            Some(x) => Some((Some(x), Some(x))),
            None => {
                d.at(
                    n,
                    format!("`number` must be a number or {{min, max}}, not {}", n.type_name()),
                    Some("for example `number: 34` or `number: {min: 30, max: 40}`".into()),
                );
                None
            }
        },
    }
}

fn non_empty_text(n: &Node, key: &str, d: &mut Diags<'_>) -> Option<String> {
    match n.scalar_text() {
        Some(s) if !s.trim().is_empty() => Some(s.trim().to_string()),
        _ => {
            d.at(n, format!("`{key}` must be text, not {}", n.type_name()), None);
            None
        }
    }
}

fn scope_of(item: &Node, default: Scope, d: &mut Diags<'_>) -> Scope {
    let Some(n) = item.get("scope") else { return default };
    match n.scalar_text().as_deref() {
        Some("sentence") => Scope::Sentence,
        Some("paragraph") => Scope::Paragraph,
        Some("article") => Scope::Article,
        other => {
            let help = other
                .and_then(|o| did_you_mean(o, keys::SCOPES.iter().copied()))
                .map(|s| format!("did you mean `{s}`?"));
            d.at(n, "`scope` must be `sentence`, `paragraph` or `article`", help);
            default
        }
    }
}

fn bool_of(item: &Node, key: &str, d: &mut Diags<'_>) -> bool {
    match item.get(key) {
        None => false,
        Some(Node {
            value: Value::Bool(b), ..
        }) => *b,
        Some(n) => {
            d.at(n, format!("`{key}` must be true or false, not {}", n.type_name()), None);
            false
        }
    }
}

fn term_list(n: &Node, key: &str, cx: &mut TermCx<'_, '_>) -> Option<Vec<TermId>> {
    let Value::Seq(items) = &n.value else {
        cx.d.at(
            n,
            format!("`{key}` must be a list of terms, like `{key}: [Italy, observer]`"),
            None,
        );
        return None;
    };
    if items.is_empty() {
        cx.d.at(n, format!("`{key}` has no terms"), None);
        return None;
    }
    let out: Vec<Option<TermId>> = items.iter().map(|i| term(i, cx)).collect();
    out.into_iter().collect()
}

/// One term: a phrase, an entity name, `{regex: …}` or `{any: [terms]}`.
fn term(n: &Node, cx: &mut TermCx<'_, '_>) -> Option<TermId> {
    let t = term_def(n, cx)?;
    Some(cx.table.add(t))
}

fn term_def(n: &Node, cx: &mut TermCx<'_, '_>) -> Option<Term> {
    match &n.value {
        Value::Map(entries) if entries.len() == 1 => {
            let (k, v) = &entries[0];
            match k.scalar_text().as_deref() {
                Some("regex") => {
                    let pattern = non_empty_text(v, "regex", cx.d)?;
                    match cx.regexes.check(&pattern) {
                        Ok(re) => Some(Term {
                            label: format!("/{pattern}/"),
                            patterns: vec![Pattern::Regex(re)],
                        }),
                        Err(e) => {
                            cx.d.at(v, format!("the regex does not compile: {e}"), None);
                            None
                        }
                    }
                }
                Some("any") => {
                    let Value::Seq(items) = &v.value else {
                        cx.d.at(v, "`any` inside a term must be a list of terms", None);
                        return None;
                    };
                    let inner: Vec<Option<Term>> = items.iter().map(|i| term_def(i, cx)).collect();
                    let inner: Vec<Term> = inner.into_iter().collect::<Option<_>>()?;
                    let label = inner.iter().map(|t| t.label.as_str()).collect::<Vec<_>>().join(" or ");
                    Some(Term {
                        label,
                        patterns: inner.into_iter().flat_map(|t| t.patterns).collect(),
                    })
                }
                other => {
                    let name = other.unwrap_or_default();
                    let help = did_you_mean(name, ["regex", "any"]).map(|s| format!("did you mean `{s}`?"));
                    cx.d.at(
                        k,
                        format!("unknown term key `{name}`"),
                        help.or(Some("a term is a phrase, {regex: '…'} or {any: [terms]}".into())),
                    );
                    None
                }
            }
        }
        Value::Str(_) | Value::Int(_) | Value::Float(_) => {
            let phrase = n.scalar_text().unwrap_or_default().trim().to_string();
            if phrase.is_empty() || phrase == "*" {
                cx.d.at(n, "empty term", None);
                return None;
            }
            let mut patterns = vec![terms::phrase_pattern(&phrase, cx.case_sensitive)];
            if let Some(aliases) = cx.entities.get(&phrase) {
                patterns.extend(aliases.iter().map(|a| terms::phrase_pattern(a, cx.case_sensitive)));
            }
            Some(Term {
                label: phrase,
                patterns,
            })
        }
        _ => {
            cx.d.at(
                n,
                format!(
                    "a term is a phrase, {{regex: '…'}} or {{any: [terms]}}, not {}",
                    n.type_name()
                ),
                None,
            );
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn errors(yaml: &str) -> Vec<String> {
        match parse("c.yaml", yaml, None) {
            Ok(_) => vec![],
            Err(list) => list
                .iter()
                .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
                .collect(),
        }
    }

    #[test]
    fn reports_every_problem_of_the_file() {
        let e = errors(
            "claims:\n  - id: a\n    claim: x\n    nera: [y]\n    all: [b]\n  - id: a\n    claim: y\n    any: [c]\n  - claim: z\n    text: q\n",
        );
        assert_eq!(
            e,
            vec![
                "4:5 unknown key `nera`",
                "6:9 duplicate id `a` (first used on line 2)",
                "9:5 this claim has no `id`"
            ]
        );
    }

    #[test]
    fn two_check_keys_and_no_check_key() {
        let e = errors("claims:\n  - id: a\n    claim: x\n    all: [b]\n    any: [c]\n  - id: b\n    claim: y\n");
        assert_eq!(
            e,
            vec![
                "5:5 this claim has 2 check keys (all, any); it needs exactly one",
                "6:5 this claim has no check key"
            ]
        );
    }

    #[test]
    fn modifiers_must_apply_to_the_check_key() {
        let e = errors("claims:\n  - id: a\n    claim: x\n    all: [b]\n    within: 3\n");
        assert_eq!(e, vec!["5:5 `within` does not apply to `all`"]);
    }

    #[test]
    fn bad_regex_is_located_at_the_pattern() {
        let e = errors("claims:\n  - id: a\n    claim: x\n    regex: '(open'\n");
        assert_eq!(e.len(), 1);
        assert!(e[0].starts_with("4:12 the regex does not compile"), "{e:?}");
    }

    #[test]
    fn wrong_value_types_are_named() {
        let e = errors("claims:\n  - id: a\n    claim: x\n    all: Italy\n    negated: maybe\n");
        assert_eq!(
            e,
            vec![
                "4:10 `all` must be a list of terms, like `all: [Italy, observer]`",
                "5:14 `negated` must be true or false, not text"
            ]
        );
    }

    #[test]
    fn ids_follow_the_pattern() {
        let e = errors("claims:\n  - id: Chiefs 34\n    claim: x\n    text: y\n");
        assert_eq!(e, vec!["2:9 invalid id `Chiefs 34`: ids are [a-z0-9][a-z0-9_-]*"]);
    }

    #[test]
    fn entity_names_expand_to_their_aliases() {
        let f = super::super::parse(
            "c.yaml",
            "entities:\n  United States: [US, USA]\nclaims:\n  - id: a\n    claim: x\n    any: [United States]\n",
            None,
        )
        .unwrap();
        assert_eq!(f.terms.terms[0].patterns.len(), 3);
    }

    #[test]
    fn typed_claims_are_checked_at_load() {
        let e = errors(concat!(
            "claims:\n",
            "  - id: a\n    claim: x\n    number: 34\n",
            "  - id: b\n    claim: x\n    number: {min: 40, max: 30}\n    near: [y]\n",
            "  - id: c\n    claim: x\n    date: 12 March 2025\n",
            "  - id: d\n    claim: x\n    number: many\n    near: [y]\n    within: -2\n",
        ));
        assert_eq!(
            e,
            vec![
                "2:5 a `number` claim needs `near`: the words that say what the number counts",
                "7:13 `min` (40) is larger than `max` (30)",
                "11:11 `date` must be a day written YYYY-MM-DD",
                "14:13 `number` must be a number or {min, max}, not text",
                "16:13 `within` must be a whole number of words, 1 or more",
            ]
        );
    }

    #[test]
    fn a_by_that_is_no_entity_is_a_plain_term() {
        let f = parse(
            "c.yaml",
            "entities:\n  Lecornu: [Sébastien Lecornu]\nclaims:\n  - id: a\n    claim: x\n    quote: a first stone\n    by: Macron\n",
            None,
        );
        assert!(matches!(f, Ok(Loaded::Claims(_))));
    }

    #[test]
    fn an_entities_mapping_is_recognised() {
        assert!(matches!(
            parse("e.yaml", "United States: [US, USA]\nMacron: [Emmanuel Macron]\n", None),
            Ok(Loaded::Entities)
        ));
    }

    #[test]
    fn top_level_typo_gets_a_suggestion() {
        let d = parse("c.yaml", "claim:\n  - id: a\n", None).unwrap_err();
        assert_eq!(d[0].message, "unknown top-level key `claim`");
        assert_eq!(
            d[0].help.as_deref(),
            Some("`claim` belongs to a claim: indent it under an item of `claims:`")
        );
    }
}
