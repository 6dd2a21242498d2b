//! Terms: what a claim looks for, compiled once per claim file.
//!
//! claim-format.md "Terms": a phrase (whole words after normalization), an entity name (the
//! name and its aliases), `{regex: '…'}`, `{any: [terms]}`; a trailing `*` continues the last
//! word; all-capitals terms of two letters or more match exactly. Every term of every claim
//! lands in one [`TermTable`], so [`crate::matcher`] finds them all in one pass.

use crate::article::normalize::{fold_case, normalize_str};

/// Index of a term in its file's [`TermTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermId(pub usize);

/// One way a term can occur.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// A phrase, normalized; case-folded unless `exact`.
    Literal {
        text: String,
        exact: bool,
        prefix: bool,
    },
    Regex(regex::Regex),
}

impl PartialEq for Pattern {
    fn eq(&self, other: &Pattern) -> bool {
        match (self, other) {
            (
                Pattern::Literal {
                    text: a,
                    exact: x,
                    prefix: p,
                },
                Pattern::Literal {
                    text: b,
                    exact: y,
                    prefix: q,
                },
            ) => a == b && x == y && p == q,
            (Pattern::Regex(a), Pattern::Regex(b)) => a.as_str() == b.as_str(),
            _ => false,
        }
    }
}

/// A term: its label for reports and every pattern that counts as an occurrence.
#[derive(Debug, Clone, PartialEq)]
pub struct Term {
    pub label: String,
    pub patterns: Vec<Pattern>,
}

/// Every term of a claim file; equal terms share one id, so they are searched once.
#[derive(Debug, Default, Clone)]
pub struct TermTable {
    pub terms: Vec<Term>,
}

impl TermTable {
    pub fn add(&mut self, term: Term) -> TermId {
        if let Some(i) = self.terms.iter().position(|t| *t == term) {
            return TermId(i);
        }
        self.terms.push(term);
        TermId(self.terms.len() - 1)
    }

    pub fn label(&self, id: TermId) -> &str {
        &self.terms[id.0].label
    }

    /// Labels of several terms, for "all of Italy, observer".
    pub fn labels(&self, ids: &[TermId]) -> String {
        ids.iter().map(|&i| self.label(i)).collect::<Vec<_>>().join(", ")
    }
}

/// claim-format.md: "an all-capitals term of two letters or more (`US`, `NATO`, `E5`) matches
/// exactly, so `US` never matches \"with us\"".
pub fn is_all_caps(phrase: &str) -> bool {
    let mut letters = phrase.chars().filter(|c| c.is_alphabetic()).peekable();
    let significant = phrase.chars().filter(|c| c.is_alphanumeric()).count();
    significant >= 2 && letters.peek().is_some() && letters.all(char::is_uppercase)
}

/// The pattern of a phrase. `case_sensitive` is the claim's `case: sensitive`.
pub fn phrase_pattern(phrase: &str, case_sensitive: bool) -> Pattern {
    let trimmed = phrase.trim();
    let (body, prefix) = match trimmed.strip_suffix('*') {
        Some(b) => (b.trim_end(), true),
        None => (trimmed, false),
    };
    let exact = case_sensitive || is_all_caps(body);
    let text = normalize_str(body);
    Pattern::Literal {
        text: if exact { text } else { fold_case(&text) },
        exact,
        prefix,
    }
}

/// Compiles a user regex with limits, so a pattern cannot exhaust memory.
pub fn compile_regex(pattern: &str) -> Result<regex::Regex, String> {
    regex::RegexBuilder::new(pattern)
        .size_limit(1 << 20)
        .nest_limit(64)
        .build()
        .map_err(|e| match e {
            regex::Error::Syntax(s) => {
                let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(&s).trim();
                last.strip_prefix("error: ").unwrap_or(last).to_string()
            }
            other => other.to_string(),
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn all_caps_terms_are_exact() {
        assert!(is_all_caps("US"));
        assert!(is_all_caps("U.S."));
        assert!(is_all_caps("E5"));
        assert!(!is_all_caps("Italy"));
        assert!(!is_all_caps("A"));
        match phrase_pattern("US", false) {
            Pattern::Literal { text, exact, .. } => assert_eq!((text.as_str(), exact), ("US", true)),
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn star_is_a_prefix_and_phrases_fold() {
        match phrase_pattern("Countr*", false) {
            Pattern::Literal { text, exact, prefix } => {
                assert_eq!((text.as_str(), exact, prefix), ("countr", false, true))
            }
            p => panic!("{p:?}"),
        }
    }

    #[test]
    fn equal_terms_share_an_id() {
        let mut t = TermTable::default();
        let a = t.add(Term {
            label: "Italy".into(),
            patterns: vec![phrase_pattern("Italy", false)],
        });
        let b = t.add(Term {
            label: "Italy".into(),
            patterns: vec![phrase_pattern("Italy", false)],
        });
        assert_eq!(a, b);
        assert_eq!(t.terms.len(), 1);
    }

    #[test]
    fn regex_errors_say_what_is_wrong() {
        let e = compile_regex("(unclosed").unwrap_err();
        assert!(e.contains("unclosed group"), "{e}");
    }
}
