//! Terms: what a claim looks for, compiled once per claim file.
//!
//! the claim format, "Terms": a phrase (whole words after normalization), an entity name (the
//! name and its aliases), `{regex: '…'}`, `{any: [terms]}`; a trailing `*` continues the last
//! word; all-capitals terms of two letters or more match exactly. Every term of every claim
//! lands in one [`TermTable`], so [`crate::matcher`] finds them all in one pass.
//!
//! Its own stage, below the others: [`crate::claims`] builds terms, [`crate::checks`] names
//! them and [`crate::matcher`] finds them, and none of those needs another to do so.

use std::cell::RefCell;
use std::collections::HashMap;

use regex_automata::nfa::thompson;
use regex_automata::util::syntax;
use regex_syntax::hir::{Hir, HirKind};

use crate::article::normalize::{fold_case, normalize_str};

/// Index of a term in its file's [`TermTable`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct TermId(pub usize);

/// One way a term can occur.
#[derive(Debug, Clone)]
pub enum Pattern {
    /// A phrase, normalized; case-folded unless `exact`.
    Literal {
        /// The words, normalized.
        text: String,
        /// Matched exactly (an all-capitals term, `case: sensitive`), not case-folded.
        exact: bool,
        /// A trailing `*`: the last word may go on.
        prefix: bool,
    },
    /// `{regex: '…'}`.
    Regex(UserRegex),
}

/// A user regex, checked at load ([`check_regex`]). Only [`crate::matcher`] compiles it, on
/// first need: a full compile costs ~40 KB and ~0.1 ms a regex, and most regexes of an
/// `absent` file never run.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UserRegex(String);

impl UserRegex {
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

/// Limits on a user regex, so a pattern cannot exhaust memory: its NFA's size in bytes
/// (`regex-size`) and how deeply it nests (`regex-nest`), the run's [`crate::limits`]. Every
/// compile of a user regex, at load and in the matcher, reads the same ones.
pub fn regex_size_limit() -> usize {
    crate::limits::current().regex_size
}

/// See [`regex_size_limit`].
pub fn regex_nest_limit() -> u32 {
    crate::limits::current().regex_nest
}

/// The syntax every compile of a user regex uses (that of `regex::Regex`).
pub fn regex_syntax() -> syntax::Config {
    syntax::Config::new().nest_limit(regex_nest_limit())
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
            (Pattern::Regex(a), Pattern::Regex(b)) => a == b,
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

impl Term {
    /// A hash of what equality compares (`Pattern`'s own `eq`).
    fn hash_key(&self) -> u64 {
        use std::hash::{Hash, Hasher};
        let mut h = std::collections::hash_map::DefaultHasher::new();
        self.label.hash(&mut h);
        for p in &self.patterns {
            match p {
                Pattern::Literal { text, exact, prefix } => (0u8, text, exact, prefix).hash(&mut h),
                Pattern::Regex(r) => (1u8, r.as_str()).hash(&mut h),
            }
        }
        h.finish()
    }
}

/// Every term of a claim file; equal terms share one id, so they are searched once.
#[derive(Debug, Default, Clone)]
pub struct TermTable {
    pub terms: Vec<Term>,
    /// The ids of the terms by their hash: finding an equal term was a scan of every term,
    /// which made loading a 100,000-claim file quadratic (5 minutes).
    by_hash: HashMap<u64, Vec<usize>>,
}

impl TermTable {
    pub fn add(&mut self, term: Term) -> TermId {
        let hash = term.hash_key();
        let same = self.by_hash.entry(hash).or_default();
        if let Some(&i) = same.iter().find(|&&i| self.terms[i] == term) {
            return TermId(i);
        }
        same.push(self.terms.len());
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

/// the claim format: "an all-capitals term of two letters or more (`US`, `NATO`, `E5`) matches
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

/// Regexes parsed at once on every core from this many: fewer take less than starting the
/// thread pool (parsing one takes about a tenth of a millisecond).
pub(crate) const PARALLEL_REGEXES: usize = 32;

/// Checks a user regex as `regex::Regex::new` with the limits would, without keeping it: it
/// compiles if it parses and its NFAs (forward and reverse, all a compile can fail on) fit
/// the size limit. That costs a fifth of a full compile and holds nothing afterwards.
pub fn check_regex(pattern: &str) -> Result<UserRegex, String> {
    let nfa = thompson::Config::new()
        .nfa_size_limit(Some(regex_size_limit()))
        .shrink(false);
    let fits = syntax::parse_with(pattern, &regex_syntax()).is_ok_and(|hir| {
        if pattern.len() <= 4096 && fixed(&hir) || parts_fit(&hir, &nfa) {
            return true;
        }
        let mut compiler = thompson::Compiler::new();
        let mut build = |c: thompson::Config| compiler.configure(c).build_from_hir(&hir).is_ok();
        build(nfa.clone()) && build(nfa.reverse(true).which_captures(thompson::WhichCaptures::None))
    });
    if fits {
        return Ok(UserRegex(pattern.to_string()));
    }
    // An error, or a literal alternation too big for an NFA (which needs none): the regex
    // crate decides, with its own message.
    regex::RegexBuilder::new(pattern)
        .size_limit(regex_size_limit())
        .nest_limit(regex_nest_limit())
        .build()
        .map(|_| UserRegex(pattern.to_string()))
        .map_err(|e| match e {
            regex::Error::Syntax(s) => {
                let last = s.lines().rfind(|l| !l.trim().is_empty()).unwrap_or(&s).trim();
                let what = last.strip_prefix("error: ").unwrap_or(last);
                match what.contains("maximum number of nested") {
                    true => over_limit(what, "regex-nest"),
                    false => what.to_string(),
                }
            }
            regex::Error::CompiledTooBig(_) => over_limit("the regex compiles too big", "regex-size"),
            other => other.to_string(),
        })
}

/// A regex over a stated limit: which one, and how to raise it.
fn over_limit(what: &str, limit: &str) -> String {
    format!(
        "{what}: {}; {}",
        crate::limits::over(limit),
        crate::limits::how_to_raise(limit)
    )
}

/// Whether a sequence fits because its parts, each compiled alone, take at most half the
/// limit together. A sequence's NFA is its parts' NFAs linked (each alone has a start and a
/// match of its own besides), so it takes no more than their sum. Parts repeat across a claim
/// file (the `\d{2}` of `\b2\d{2} convoys\b`, `\b9\d{2} drones\b`, ...): each distinct part is
/// compiled once per thread, where compiling every regex whole was most of loading such a file.
fn parts_fit(hir: &Hir, nfa: &thompson::Config) -> bool {
    thread_local! {
        static PARTS: RefCell<(thompson::Compiler, HashMap<String, Option<usize>>)> =
            RefCell::new((thompson::Compiler::new(), HashMap::new()));
    }
    let HirKind::Concat(parts) = hir.kind() else {
        return false;
    };
    PARTS.with_borrow_mut(|(compiler, sizes)| {
        let mut size = |part: &Hir| -> Option<usize> {
            *sizes.entry(part.to_string()).or_insert_with(|| {
                let mut build = |c: thompson::Config| compiler.configure(c).build_from_hir(part).ok();
                let forward = build(nfa.clone())?.memory_usage();
                let reverse = build(nfa.clone().reverse(true).which_captures(thompson::WhichCaptures::None))?;
                Some(forward.max(reverse.memory_usage()))
            })
        };
        parts
            .iter()
            .try_fold(0usize, |sum, p| Some(sum + size(p)?))
            .is_some_and(|sum| sum <= regex_size_limit() / 2)
    })
}

/// Fixed strings and look-arounds only (`\bFalentor\b`): its NFA has a state or two per
/// byte of the pattern, so a short one is far under the size limit and is not built to
/// check (most regexes of a claim file are names).
fn fixed(h: &Hir) -> bool {
    match h.kind() {
        HirKind::Empty | HirKind::Literal(_) | HirKind::Look(_) => true,
        HirKind::Capture(c) => fixed(&c.sub),
        HirKind::Concat(subs) | HirKind::Alternation(subs) => subs.iter().all(fixed),
        HirKind::Class(_) | HirKind::Repetition(_) => false,
    }
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
        let e = check_regex("(unclosed").unwrap_err();
        assert!(e.contains("unclosed group"), "{e}");
    }

    #[test]
    fn regexes_too_big_are_rejected_at_load() {
        // Unicode \w repeated: an NFA far over the limit.
        let e = check_regex(r"\w{200}").unwrap_err();
        assert_eq!(
            e,
            "the regex compiles too big: over the regex-size limit (1 MiB); raise it with \
             `--limits regex-size=N` or `regex-size = N` in the [limits] table of claimcheck.toml"
        );
        let e = check_regex(&format!("{}a{}", "(".repeat(65), ")".repeat(65))).unwrap_err();
        assert!(e.contains("maximum number of nested"), "{e}");
        assert!(e.contains("over the regex-nest limit (64)"), "{e}");
        assert!(check_regex(r"\w{20}").is_ok());
    }

    /// Property: a regex is accepted exactly when `regex::Regex` with the limits compiles it,
    /// around the size limit too.
    #[test]
    fn accepted_exactly_when_regex_compiles() {
        // Too big for an NFA: compiles as a literal alternation, not with `\b` around it.
        let words: Vec<String> = (0..20_000).map(|i| format!("w{i}x")).collect();
        let mut patterns = vec![
            words.join("|"),
            format!("\\b(?:{})\\b", words.join("|")),
            "a{1000}{1000}".to_string(),
            "[".to_string(),
            "(?<n>a)(?<n>b)".to_string(),
        ];
        // Fixed strings just under the length that skips the NFA check.
        let mut fixed = String::from(r"\b(?:w0x");
        for w in words.iter().skip(1) {
            if fixed.len() + w.len() + 4 > 4096 {
                break;
            }
            fixed = format!("{fixed}|{w}");
        }
        fixed.push_str(r")\b");
        assert!((4000..=4096).contains(&fixed.len()), "{}", fixed.len());
        patterns.push(fixed);
        // Sequences checked by their parts: well under the limit, near it, over it.
        patterns.extend(
            [
                r"\b2\d{2} convoys\b",
                r"\b9\d{2} convoys\b",
                r"a\w{9}b\w{9}",
                r"a\w{10}b\w{10}",
                r"a\w{11}b\w{11}",
            ]
            .map(String::from),
        );
        // Each side of the limit (`\w{20}` fits, `\w{21}` does not).
        for (n, family) in [
            (20, r"\w{N}"),
            (24, r"\pL{N}"),
            (200, r"(?i)\b(?:\d|é){N} x"),
            (1048, r"[^a]{N,}"),
        ] {
            patterns.extend([n, n + 1].map(|n| family.replace('N', &n.to_string())));
        }
        for p in &patterns {
            let reference = regex::RegexBuilder::new(p)
                .size_limit(regex_size_limit())
                .nest_limit(regex_nest_limit())
                .build();
            assert_eq!(check_regex(p).is_ok(), reference.is_ok(), "{:.60}", p);
        }
    }
}
