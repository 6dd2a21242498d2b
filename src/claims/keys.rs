//! Every key a claim file may use, in one table: the loader checks unknown keys, did-you-mean
//! and which modifier applies to which check key against it, and the README and the JSON
//! Schema are written from it, so the three cannot drift apart.

/// What a key is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Role {
    /// Top level of a claim file.
    File,
    /// Every claim has it (`id`, `claim`) or may have it (`severity`).
    Claim,
    /// Exactly one per claim.
    Check,
    /// Changes how a check key works; `applies_to` lists the check keys.
    Modifier,
}

#[derive(Debug, Clone, Copy)]
pub struct Key {
    pub name: &'static str,
    pub role: Role,
    pub applies_to: &'static [&'static str],
    pub doc: &'static str,
}

const TERMED: &[&str] = &["all", "any", "text"];

pub const KEYS: &[Key] = &[
    Key {
        name: "article",
        role: Role::File,
        applies_to: &[],
        doc: "The article this file checks, relative to this file.",
    },
    Key {
        name: "published",
        role: Role::File,
        applies_to: &[],
        doc: "Publication date, YYYY-MM-DD: resolves \"tomorrow\", \"Saturday\", \"12 March\".",
    },
    Key {
        name: "entities",
        role: Role::File,
        applies_to: &[],
        doc: "Canonical name -> aliases, or the path of a YAML file holding that mapping.",
    },
    Key {
        name: "claims",
        role: Role::File,
        applies_to: &[],
        doc: "The claims.",
    },
    Key {
        name: "id",
        role: Role::Claim,
        applies_to: &[],
        doc: "Unique in the file: [a-z0-9][a-z0-9_-]*.",
    },
    Key {
        name: "claim",
        role: Role::Claim,
        applies_to: &[],
        doc: "The sentence the report shows.",
    },
    Key {
        name: "severity",
        role: Role::Claim,
        applies_to: &[],
        doc: "`error` (default) or `warning`; a warning never fails the run.",
    },
    Key {
        name: "text",
        role: Role::Check,
        applies_to: &[],
        doc: "A phrase that must occur.",
    },
    Key {
        name: "regex",
        role: Role::Check,
        applies_to: &[],
        doc: "A Rust regex that must match.",
    },
    Key {
        name: "quote",
        role: Role::Check,
        applies_to: &[],
        doc: "Words someone said: must occur inside quotation marks.",
    },
    Key {
        name: "number",
        role: Role::Check,
        applies_to: &[],
        doc: "A number, or {min, max}, paired with a `near` term.",
    },
    Key {
        name: "date",
        role: Role::Check,
        applies_to: &[],
        doc: "A date, YYYY-MM-DD.",
    },
    Key {
        name: "all",
        role: Role::Check,
        applies_to: &[],
        doc: "Terms that must all occur in one scope unit.",
    },
    Key {
        name: "any",
        role: Role::Check,
        applies_to: &[],
        doc: "Terms of which at least one must occur.",
    },
    Key {
        name: "absent",
        role: Role::Check,
        applies_to: &[],
        doc: "A term or terms that must not occur.",
    },
    Key {
        name: "near",
        role: Role::Modifier,
        applies_to: &["number", "date"],
        doc: "Terms that say what the number or date is about.",
    },
    Key {
        name: "within",
        role: Role::Modifier,
        applies_to: &["number", "date"],
        doc: "Largest word distance between the value and a `near` term.",
    },
    Key {
        name: "by",
        role: Role::Modifier,
        applies_to: &["quote"],
        doc: "The speaker: a term or entity.",
    },
    Key {
        name: "scope",
        role: Role::Modifier,
        applies_to: &["all", "any", "text", "regex", "absent"],
        doc: "`sentence`, `paragraph` or `article`.",
    },
    Key {
        name: "negated",
        role: Role::Modifier,
        applies_to: TERMED,
        doc: "The claim asserts the negative: evidence must carry a negation cue.",
    },
    Key {
        name: "case",
        role: Role::Modifier,
        applies_to: &["all", "any", "text", "absent"],
        doc: "`sensitive`: every term matches exactly.",
    },
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
