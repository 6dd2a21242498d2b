//! Every key a claim file may use, in one table: the loader checks unknown keys, did-you-mean
//! and which modifier applies to which check key against it, and `claimcheck schema` writes the
//! JSON Schema from it, so the loader and the schema cannot drift apart.

/// What a key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Top level of a claim file.
    File,
    /// Every claim has it (`id`, `claim`) or may have it (`severity`, `examples`).
    Claim,
    /// Exactly one per claim.
    Check,
    /// Changes how a check key works; `applies_to` lists the check keys.
    Modifier,
}

/// The shape of a key's value (what the loader accepts, what the schema says).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Shape {
    Path,
    Day,
    Entities,
    Claims,
    Id,
    Sentence,
    Text,
    Regex,
    NumberOrRange,
    Term,
    Terms,
    TermOrTerms,
    Count,
    Bool,
    OneOf(&'static [&'static str]),
    Examples,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub role: Role,
    pub shape: Shape,
    pub applies_to: &'static [&'static str],
    pub doc: &'static str,
}

const fn key(name: &'static str, role: Role, shape: Shape, doc: &'static str) -> Key {
    Key {
        name,
        role,
        shape,
        applies_to: &[],
        doc,
    }
}

const fn modifier(name: &'static str, shape: Shape, applies_to: &'static [&'static str], doc: &'static str) -> Key {
    Key {
        name,
        role: Role::Modifier,
        shape,
        applies_to,
        doc,
    }
}

pub const SCOPES: &[&str] = &["sentence", "paragraph", "article", "headline", "body"];
pub const SEVERITIES: &[&str] = &["error", "warning"];
pub const CASES: &[&str] = &["sensitive", "insensitive"];

#[rustfmt::skip]
pub const KEYS: &[Key] = &[
    key("article", Role::File, Shape::Path, "The article this file checks, relative to this file."),
    key("published", Role::File, Shape::Day, "Publication date, YYYY-MM-DD: resolves \"tomorrow\", \"Saturday\", \"12 March\"."),
    key("date-order", Role::File, Shape::OneOf(crate::date::DateOrder::NAMES), "How numeric dates read: `dmy` (default: 3/4/2025 is 3 April) or `mdy` (4 March)."),
    key("entities", Role::File, Shape::Entities, "Canonical name -> aliases, or the path of a YAML file holding that mapping."),
    key("claims", Role::File, Shape::Claims, "The claims."),
    key("id", Role::Claim, Shape::Id, "Unique in the file: [a-z0-9][a-z0-9_-]*."),
    key("claim", Role::Claim, Shape::Sentence, "The sentence the report shows."),
    key("severity", Role::Claim, Shape::OneOf(SEVERITIES), "`error` (default) or `warning`; a warning never fails the run."),
    key("examples", Role::Claim, Shape::Examples, "Texts and the verdict the claim must give each; `claimcheck test` runs them and `check` refuses the file when one fails."),
    key("text", Role::Check, Shape::Text, "A phrase that must occur (a near miss refutes, with a diff)."),
    key("regex", Role::Check, Shape::Regex, "A Rust regex that must match."),
    key("quote", Role::Check, Shape::Text, "Words someone said: must occur inside quotation marks (`…` elides)."),
    key("number", Role::Check, Shape::NumberOrRange, "A number, or {min, max}, paired with a `near` term."),
    key("date", Role::Check, Shape::Day, "A day, YYYY-MM-DD, paired with a `near` term when `near` is given."),
    key("all", Role::Check, Shape::Terms, "Terms that must all occur in one scope unit (a sentence by default)."),
    key("any", Role::Check, Shape::Terms, "Terms of which at least one must occur."),
    key("absent", Role::Check, Shape::TermOrTerms, "A term or terms that must not occur."),
    modifier("near", Shape::TermOrTerms, &["number", "date"], "Terms that say what the number or date is about."),
    modifier("within", Shape::Count, &["number", "date"], "Largest word distance between the value and a `near` term (number: 6)."),
    modifier("by", Shape::Term, &["quote"], "The speaker: a term, or an entity when the file defines entities."),
    modifier("scope", Shape::OneOf(SCOPES), &["all", "any", "text", "regex", "absent"], "`sentence`, `paragraph`, `article`, `headline` (the title or the heading the article opens with) or `body` (all but the headline)."),
    modifier("negated", Shape::Bool, &["all", "any", "text"], "The claim asserts the negative: evidence must carry a negation cue in its clause."),
    modifier("case", Shape::OneOf(CASES), &["all", "any", "text", "absent"], "`sensitive`: every term matches exactly."),
];

pub fn get(name: &str) -> Option<&'static Key> {
    KEYS.iter().find(|k| k.name == name)
}

pub fn names(role: Role) -> impl Iterator<Item = &'static str> {
    KEYS.iter().filter(move |k| k.role == role).map(|k| k.name)
}

/// Keys a claim may carry.
pub fn claim_keys() -> impl Iterator<Item = &'static str> {
    KEYS.iter().filter(|k| k.role != Role::File).map(|k| k.name)
}
