//! From a YAML tree to a [`ClaimFile`], checking every rule of the claim format.
//!
//! Problems are collected, not returned at the first: an editor sees every mistake of a file
//! in one run, each with `line:column` and a fix. This file reads the file's own keys;
//! `entities.rs` the entities, `claim.rs` one claim, `values.rs` values and terms.

mod claim;
mod entities;
mod values;

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::keys::{self, Role};
use super::yaml::{self, Node, Value};
use super::{ClaimFile, Loaded};
use crate::date::{Date, DateOrder};
use crate::error::{Diagnostic, did_you_mean};
use crate::terms::TermTable;
use values::Regexes;

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
                .help(match e.limit {
                    Some(name) => crate::limits::how_to_raise(name),
                    None => "check the indentation and quotes on this line or the one before".into(),
                })
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
    if root.get("claims").is_none() && entities::is_entities_mapping(entries) {
        return Ok(Loaded::Entities);
    }
    file_keys(entries, &mut d);
    let settings = settings(&root, dir, &mut d);
    let entities = match root.get("entities") {
        None => Entities::new(),
        Some(n) => entities::load_entities(n, dir, &mut d),
    };
    let Some(claims_node) = root.get("claims") else {
        d.list.push(
            Diagnostic::file(path, "no `claims:` list")
                .help("add `claims:` with at least one claim (id, claim and one check key)"),
        );
        return Err(d.list);
    };
    let mut table = TermTable::default();
    let claims = claims(claims_node, &entities, &mut table, &mut d);
    if !d.list.is_empty() {
        d.list.sort_by_key(|x| (x.line, x.column));
        return Err(d.list);
    }
    let names = entities.keys().cloned().collect();
    Ok(Loaded::Claims(Box::new(finish(
        path, settings, claims, table, names, d.hints,
    ))))
}

/// Every top-level key is a file key.
fn file_keys(entries: &[(Node, Node)], d: &mut Diags<'_>) {
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
}

/// The file's `article`, `published` and `date-order`.
struct Settings {
    article: Option<PathBuf>,
    article_at: (usize, usize),
    published: Option<Date>,
    date_order: DateOrder,
}

fn settings(root: &Node, dir: Option<&Path>, d: &mut Diags<'_>) -> Settings {
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
    let article_at = root.get("article").map_or((0, 0), |n| (n.line, n.column));
    Settings {
        article,
        article_at,
        published,
        date_order,
    }
}

/// The claims of `claims:`, each validated; ids checked for duplicates.
fn claims(claims_node: &Node, entities: &Entities, table: &mut TermTable, d: &mut Diags<'_>) -> Vec<super::Claim> {
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
    let limit = crate::limits::current().claims;
    if items.len() > limit {
        // Refused before any claim is read: a file past the limit costs no more than its parse.
        d.at(
            claims_node,
            format!("{} claims: {}", items.len(), crate::limits::over("claims")),
            Some(format!("split the file, or {}", crate::limits::how_to_raise("claims"))),
        );
        return Vec::new();
    }
    let regexes = Regexes::check_all(items);
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
        if let Some(c) = claim::claim(item, entities, &regexes, table, d) {
            claims.push(c);
        }
    }
    claims
}

fn finish(
    path: &str,
    settings: Settings,
    claims: Vec<super::Claim>,
    table: TermTable,
    entity_names: Vec<String>,
    hints: Vec<Diagnostic>,
) -> ClaimFile {
    ClaimFile {
        path: path.to_string(),
        article: settings.article,
        article_at: settings.article_at,
        published: settings.published,
        date_order: settings.date_order,
        claims,
        terms: table,
        entity_names,
        hints,
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
