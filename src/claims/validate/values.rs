//! A claim's values: its check key's value and its modifiers as a kind reads them
//! ([`checks::Spec`]), terms, and the regexes of a file checked at once.

use std::collections::HashMap;

use rayon::prelude::*;

use super::{Diags, Entities};
use crate::checks::{self, Modifiers, Scope};
use crate::claims::keys;
use crate::claims::yaml::{Node, Value};
use crate::date::Date;
use crate::error::{Diagnostic, did_you_mean};
use crate::terms::{self, Pattern, Term, TermId, TermTable, UserRegex};

/// Whether each regex of a file compiles, checked before the claims are read: that costs
/// more than the rest of loading, and the regexes are checked all at once on every core
/// (unless they are few).
pub(super) struct Regexes(HashMap<String, Result<UserRegex, String>>);

impl Regexes {
    pub(super) fn check_all(items: &[Node]) -> Regexes {
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
        let check = |p: String| {
            let checked = terms::check_regex(&p);
            (p, checked)
        };
        if patterns.len() < terms::PARALLEL_REGEXES {
            return Regexes(patterns.into_iter().map(check).collect());
        }
        Regexes(patterns.into_par_iter().map(check).collect())
    }

    fn check(&self, pattern: &str) -> Result<UserRegex, String> {
        match self.0.get(pattern) {
            Some(checked) => checked.clone(),
            None => terms::check_regex(pattern),
        }
    }
}

/// One claim's check key and modifiers, read by its kind's `build`; every problem is
/// recorded in `d`, at its place.
pub(super) struct Build<'a, 'b> {
    pub key: &'a str,
    /// The check key's value.
    pub value: &'a Node,
    /// The claim.
    pub item: &'a Node,
    pub entities: &'a Entities,
    pub regexes: &'a Regexes,
    pub table: &'a mut TermTable,
    pub d: &'a mut Diags<'b>,
    /// `case: sensitive`.
    pub case_sensitive: bool,
}

impl checks::Spec for Build<'_, '_> {
    fn modifiers(&mut self, default: Scope) -> Modifiers {
        let item = self.item;
        let scope = scope_of(item, default, self.d);
        let negated = bool_of(item, "negated", self.d);
        let within = within_of(item, self.d);
        let near = match item.get("near") {
            None => Some(Vec::new()),
            Some(
                n @ Node {
                    value: Value::Seq(_), ..
                },
            ) => term_list(n, "near", self),
            Some(n) => term(n, self).map(|t| vec![t]),
        };
        Modifiers {
            scope,
            negated,
            within,
            near,
        }
    }

    fn text(&mut self) -> Option<String> {
        let text = non_empty_text(self.value, self.key, self.d)?;
        let chars = text.chars().count();
        if self.key == "quote" && chars > crate::limits::current().quote_length {
            // A quote is compared with every quotation of the article, a near miss character
            // by character: its length bounds that work.
            self.d.at(
                self.value,
                format!(
                    "the quote is {chars} characters: {}",
                    crate::limits::over("quote-length")
                ),
                Some(crate::limits::how_to_raise("quote-length")),
            );
            return None;
        }
        Some(text)
    }

    fn phrase(&mut self, phrase: &str) -> TermId {
        self.table.add(Term {
            label: phrase.to_string(),
            patterns: vec![terms::phrase_pattern(phrase, self.case_sensitive)],
        })
    }

    fn regex(&mut self) -> Option<(String, TermId)> {
        let help = "regexes use Rust syntax (no look-around); quote it in single quotes";
        let (pattern, term) = regex_term(self.value, Some(help), self)?;
        Some((pattern, self.table.add(term)))
    }

    fn terms(&mut self) -> Option<Vec<TermId>> {
        let (value, key) = (self.value, self.key);
        term_list(value, key, self)
    }

    fn term_or_terms(&mut self) -> Option<Vec<TermId>> {
        let (value, key) = (self.value, self.key);
        match &value.value {
            Value::Seq(_) => term_list(value, key, self),
            _ => Some(vec![term(value, self)?]),
        }
    }

    fn number(&mut self) -> Option<(Option<f64>, Option<f64>)> {
        number_value(self.value, self.d)
    }

    fn day(&mut self) -> Option<Date> {
        let day = self.value.scalar_text().and_then(|s| Date::parse_iso(s.trim()));
        if day.is_none() {
            self.d.at(
                self.value,
                format!("`{}` must be a day written YYYY-MM-DD", self.key),
                Some(format!("for example `{}: 2025-03-12`", self.key)),
            );
        }
        day
    }

    fn speaker(&mut self) -> Option<Option<TermId>> {
        match self.item.get("by") {
            None => Some(None),
            Some(n) => Some(Some(speaker(n, self)?)),
        }
    }

    fn problem(&mut self, message: &str, help: &str) {
        self.d.at(self.item, message, Some(help.into()));
    }

    fn table(&self) -> &TermTable {
        self.table
    }
}

/// A regex term, for `regex:` the check key and `{regex: …}` the term alike: its pattern,
/// checked, and the term.
fn regex_term(v: &Node, help: Option<&str>, cx: &mut Build<'_, '_>) -> Option<(String, Term)> {
    let pattern = non_empty_text(v, "regex", cx.d)?;
    match cx.regexes.check(&pattern) {
        Ok(re) => {
            let term = Term {
                label: format!("/{pattern}/"),
                patterns: vec![Pattern::Regex(re)],
            };
            Some((pattern, term))
        }
        Err(e) => {
            cx.d.at(v, format!("the regex does not compile: {e}"), help.map(Into::into));
            None
        }
    }
}

/// `by`: a term. A name or alias of an entity is that entity; any other name is a plain term
/// (the claim format: a `by` that is no entity never refuses the file).
fn speaker(n: &Node, cx: &mut Build<'_, '_>) -> Option<TermId> {
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
        Some("headline") => Scope::Headline,
        Some("body") => Scope::Body,
        other => {
            let help = other
                .and_then(|o| did_you_mean(o, keys::SCOPES.iter().copied()))
                .map(|s| format!("did you mean `{s}`?"));
            d.at(
                n,
                "`scope` must be `sentence`, `paragraph`, `article`, `headline` or `body`",
                help,
            );
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

fn term_list(n: &Node, key: &str, cx: &mut Build<'_, '_>) -> Option<Vec<TermId>> {
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
    if !within_terms_limit(n, items.len(), cx) {
        return None;
    }
    let out: Vec<Option<TermId>> = items.iter().map(|i| term(i, cx)).collect();
    out.into_iter().collect()
}

/// Whether a list of `n` terms is within the `terms` limit; an error at the list if not.
fn within_terms_limit(list: &Node, n: usize, cx: &mut Build<'_, '_>) -> bool {
    let ok = n <= crate::limits::current().terms;
    if !ok {
        cx.d.at(
            list,
            format!("{n} terms: {}", crate::limits::over("terms")),
            Some(format!("split the claim, or {}", crate::limits::how_to_raise("terms"))),
        );
    }
    ok
}

/// One term: a phrase, an entity name, `{regex: …}` or `{any: [terms]}`.
fn term(n: &Node, cx: &mut Build<'_, '_>) -> Option<TermId> {
    let t = term_def(n, cx)?;
    Some(cx.table.add(t))
}

fn term_def(n: &Node, cx: &mut Build<'_, '_>) -> Option<Term> {
    match &n.value {
        Value::Map(entries) if entries.len() == 1 => {
            let (k, v) = &entries[0];
            match k.scalar_text().as_deref() {
                Some("regex") => regex_term(v, None, cx).map(|(_, t)| t),
                Some("any") => {
                    let Value::Seq(items) = &v.value else {
                        cx.d.at(v, "`any` inside a term must be a list of terms", None);
                        return None;
                    };
                    if !within_terms_limit(v, items.len(), cx) {
                        return None;
                    }
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
