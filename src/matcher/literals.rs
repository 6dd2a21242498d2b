//! What a regex needs to match: the literals every match contains, the longest a match can be
//! and the characters a match can hold. [`super::Matcher`] looks for the literals of every
//! regex in its one Aho-Corasick pass and runs a regex only in a window around their hits.
//!
//! Literals are *required factors*: every match of the regex contains one of them, as
//! case-folded text ([`fold_case`]), so they are searched in [`crate::article::Article::folded`]
//! (same byte offsets as the text). Prefix literals alone (what `regex-syntax`'s extractor
//! gives) would not do: `\b\d+ countries\b` starts with a digit, but every match contains
//! ` countries`.

use std::ops::Range;

use regex_syntax::hir::{Class, Hir, HirKind, Look};

use crate::article::normalize::fold_case;

/// At most this many strings in a set: beyond it a set says too little to be worth it.
const MAX_SET: usize = 64;
/// Classes with more characters than this are not spelled out.
const MAX_CLASS: usize = 16;
/// Literals shorter than this (in bytes) hit too often to be a prefilter.
const MIN_USEFUL: usize = 2;

/// How a regex can be found without scanning the whole text with it.
#[derive(Debug, Clone)]
pub(super) struct Plan {
    /// Case-folded strings, one of which every match contains.
    pub literals: Vec<String>,
    /// The longest match, in bytes, when bounded.
    pub max_len: Option<usize>,
    /// The characters a match can hold, as sorted inclusive ranges; `None` when anything goes.
    pub alphabet: Option<Vec<(char, char)>>,
    /// Set when the regex is only fixed strings, which its literals are.
    pub words: Option<Words>,
    /// For a single literal: the characters that can come right before it in a match (the
    /// `\d` of `\b2\d{2} tanks\b`), when that is known.
    pub before: Option<Vec<(char, char)>>,
}

/// A regex that matches fixed strings only, with at most a word boundary at each end
/// (`\bFalentor\b`, `\b(?:Osqui|Belrho) Institute\b`): the commonest regex of a claim file.
/// Its matches are its literals' hits, checked in place: no regex search at all.
#[derive(Debug, Clone)]
pub(super) struct Words {
    /// As written (case matters); none is a prefix of another, so at most one matches at a
    /// place and leftmost-first order cannot choose among them.
    strings: Vec<String>,
    start: Option<Look>,
    end: Option<Look>,
}

impl Words {
    fn of(hir: &Hir, literals: &[String]) -> Option<Words> {
        let parts: &[Hir] = match hir.kind() {
            HirKind::Concat(subs) => subs,
            _ => std::slice::from_ref(hir),
        };
        let boundary = |h: &Hir| match h.kind() {
            HirKind::Look(l @ (Look::WordUnicode | Look::WordAscii)) => Some(*l),
            _ => None,
        };
        let start = parts.first().and_then(boundary);
        let end = parts.last().and_then(boundary).filter(|_| parts.len() > 1);
        let inner = &parts[start.is_some() as usize..parts.len() - end.is_some() as usize];
        let strings = inner
            .iter()
            .try_fold(vec![String::new()], |acc, h| product(&acc, &fixed(h)?))?;
        let mut folded: Vec<String> = strings.iter().map(|s| fold_case(s)).collect();
        let prefix_free = strings
            .iter()
            .all(|a| !a.is_empty() && strings.iter().filter(|b| b.starts_with(a.as_str())).count() == 1);
        // A hit is where a string starts only if folding kept its length and the literals
        // searched are these strings.
        let same_length = strings.iter().zip(&folded).all(|(s, f)| s.len() == f.len());
        folded = dedup(folded);
        (prefix_free && same_length && folded == dedup(literals.to_vec())).then_some(Words { strings, start, end })
    }

    /// The matches around literal hits (sorted starts), as `find_iter` gives them:
    /// leftmost, not overlapping.
    pub(super) fn matches(&self, text: &str, hits: &[u32]) -> Vec<Range<usize>> {
        let mut out: Vec<Range<usize>> = Vec::new();
        let mut at = 0;
        for &p in hits {
            let p = p as usize;
            if p < at {
                continue;
            }
            let Some(s) = self.strings.iter().find(|s| text[p..].starts_with(s.as_str())) else {
                continue;
            };
            let end = p + s.len();
            if self.start.is_some_and(|l| !holds(l, text, p)) || self.end.is_some_and(|l| !holds(l, text, end)) {
                continue;
            }
            out.push(p..end);
            at = end;
        }
        out
    }
}

/// The characters that can end what comes before `literal` in every match: the regex is a
/// sequence holding `literal` as one of its parts, after a part that ends in one character
/// of a known set (a class, a repeated class, a literal).
fn before(hir: &Hir, literal: &str) -> Option<Vec<(char, char)>> {
    let HirKind::Concat(parts) = hir.kind() else {
        return None;
    };
    let is_literal = |h: &Hir| matches!(h.kind(), HirKind::Literal(l) if std::str::from_utf8(&l.0).is_ok_and(|s| fold_case(s) == literal));
    let at = parts.iter().position(is_literal)?;
    let last_of = |h: &Hir| -> Option<Vec<(char, char)>> {
        match h.kind() {
            HirKind::Class(Class::Unicode(c)) => Some(c.ranges().iter().map(|r| (r.start(), r.end())).collect()),
            HirKind::Literal(l) => {
                let c = std::str::from_utf8(&l.0).ok()?.chars().next_back()?;
                Some(vec![(c, c)])
            }
            _ => None,
        }
    };
    let prev = &parts[at.checked_sub(1)?];
    match prev.kind() {
        HirKind::Repetition(r) if r.min >= 1 => last_of(&r.sub),
        _ => last_of(prev),
    }
}

/// Whether a character is in sorted inclusive ranges.
pub(super) fn in_ranges(ranges: &[(char, char)], c: char) -> bool {
    let i = ranges.partition_point(|&(_, hi)| hi < c);
    i < ranges.len() && ranges[i].0 <= c
}

/// Whether a word boundary (`\b` or `(?-u:\b)`) holds at byte `i`, as the regex crate decides.
fn holds(look: Look, text: &str, i: usize) -> bool {
    let (before, after) = match look {
        Look::WordAscii => {
            let b = text.as_bytes();
            (
                i > 0 && regex_syntax::is_word_byte(b[i - 1]),
                b.get(i).is_some_and(|&c| regex_syntax::is_word_byte(c)),
            )
        }
        _ => (
            text[..i].chars().next_back().is_some_and(is_word),
            text[i..].chars().next().is_some_and(is_word),
        ),
    };
    before != after
}

fn is_word(c: char) -> bool {
    regex_syntax::is_word_character(c)
}

/// Every string a node matches, as written, when that is a small set of fixed strings.
fn fixed(h: &Hir) -> Option<Vec<String>> {
    match h.kind() {
        HirKind::Empty => Some(vec![String::new()]),
        HirKind::Literal(lit) => Some(vec![std::str::from_utf8(&lit.0).ok()?.to_string()]),
        HirKind::Capture(c) => fixed(&c.sub),
        HirKind::Concat(subs) => subs
            .iter()
            .try_fold(vec![String::new()], |acc, s| product(&acc, &fixed(s)?)),
        HirKind::Alternation(subs) => {
            let mut all = Vec::new();
            for s in subs {
                all.extend(fixed(s)?);
            }
            (all.len() <= MAX_SET).then(|| dedup(all))
        }
        HirKind::Look(_) | HirKind::Class(_) | HirKind::Repetition(_) => None,
    }
}

impl Plan {
    /// The plan of a regex, or `None` when it has no usable literal or no bound on where a
    /// match can lie around one (it is then scanned in full).
    pub(super) fn of(pattern: &str) -> Option<Plan> {
        let hir = regex_syntax::ParserBuilder::new()
            .nest_limit(64)
            .build()
            .parse(pattern)
            .ok()?;
        let info = info(&hir);
        let literals = best(info.exact, info.factor)?;
        let max_len = hir.properties().maximum_len();
        // Every character allowed says nothing about where a match ends.
        let alphabet = alphabet(&hir).filter(|a| a.as_slice() != [('\0', char::MAX)]);
        if max_len.is_none() && alphabet.is_none() {
            return None;
        }
        Some(Plan {
            words: Words::of(&hir, &literals),
            before: match literals.as_slice() {
                [one] => before(&hir, one),
                _ => None,
            },
            literals,
            max_len,
            alphabet,
        })
    }

    /// Whether a match can hold this character.
    pub(super) fn allows(&self, c: char) -> bool {
        self.alphabet.as_ref().is_none_or(|ranges| in_ranges(ranges, c))
    }
}

/// What one node of a regex can match, as far as literals go.
#[derive(Debug, Default)]
struct Info {
    /// Every string the node matches (folded), when that is a small finite set.
    exact: Option<Vec<String>>,
    /// Strings one of which every match of the node contains.
    factor: Option<Vec<String>>,
}

fn info(h: &Hir) -> Info {
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => Info {
            exact: Some(vec![String::new()]),
            factor: None,
        },
        HirKind::Literal(lit) => Info {
            exact: std::str::from_utf8(&lit.0).ok().map(|s| vec![fold_case(s)]),
            factor: None,
        },
        HirKind::Class(c) => Info {
            exact: class_strings(c),
            factor: None,
        },
        HirKind::Capture(c) => info(&c.sub),
        HirKind::Repetition(r) => repetition_info(r),
        HirKind::Concat(subs) => concat_info(subs),
        HirKind::Alternation(subs) => alternation_info(subs),
    }
}

/// A repetition: its exact set when short and fixed (`\d{2}` over a small class), and the
/// sub-node's literals when it must occur at least once.
fn repetition_info(r: &regex_syntax::hir::Repetition) -> Info {
    let sub = info(&r.sub);
    let exact = match (&sub.exact, r.max) {
        (Some(e), Some(max)) if max == r.min && max <= 4 => {
            (0..max).try_fold(vec![String::new()], |acc, _| product(&acc, e))
        }
        _ => None,
    }
    .or_else(|| (r.max == Some(0)).then(|| vec![String::new()]));
    let factor = if r.min >= 1 { best(sub.exact, sub.factor) } else { None };
    Info { exact, factor }
}

/// A concatenation: the product of exact sets while it stays small, and the best of the
/// runs of exact nodes and the factors of the others as its factor.
fn concat_info(subs: &[Hir]) -> Info {
    let infos: Vec<Info> = subs.iter().map(info).collect();
    let mut exact = Some(vec![String::new()]);
    let mut candidates: Vec<Vec<String>> = Vec::new();
    let mut run: Option<Vec<String>> = None;
    for i in &infos {
        exact = match (&exact, &i.exact) {
            (Some(a), Some(b)) => product(a, b),
            _ => None,
        };
        match &i.exact {
            Some(e) => {
                run = Some(match run.take() {
                    None => e.clone(),
                    Some(r) => match product(&r, e) {
                        Some(p) => p,
                        None => {
                            candidates.push(r);
                            e.clone()
                        }
                    },
                });
            }
            None => {
                if let Some(r) = run.take() {
                    candidates.push(r);
                }
            }
        }
        if let Some(f) = &i.factor {
            candidates.push(f.clone());
        }
    }
    if let Some(r) = run {
        candidates.push(r);
    }
    let factor = candidates
        .into_iter()
        .filter(|c| usable(c))
        .max_by(|a, b| score(a).total_cmp(&score(b)));
    Info { exact, factor }
}

/// An alternation: the union of the branches' sets, when every branch has one.
fn alternation_info(subs: &[Hir]) -> Info {
    let infos: Vec<Info> = subs.iter().map(info).collect();
    let mut exact: Option<Vec<String>> = Some(Vec::new());
    let mut factor: Option<Vec<String>> = Some(Vec::new());
    for i in infos {
        exact = match (exact, &i.exact) {
            (Some(mut a), Some(b)) if a.len() + b.len() <= MAX_SET => {
                a.extend(b.iter().cloned());
                Some(a)
            }
            _ => None,
        };
        factor = match (factor, best(i.exact, i.factor)) {
            (Some(mut a), Some(b)) if a.len() + b.len() <= MAX_SET => {
                a.extend(b);
                Some(a)
            }
            _ => None,
        };
    }
    Info {
        exact: exact.map(dedup),
        factor: factor.map(dedup),
    }
}

/// The better of a node's exact set and its factor, if either is usable.
fn best(exact: Option<Vec<String>>, factor: Option<Vec<String>>) -> Option<Vec<String>> {
    [exact, factor]
        .into_iter()
        .flatten()
        .map(dedup)
        .filter(|s| usable(s))
        .max_by(|a, b| score(a).total_cmp(&score(b)))
}

/// A set is a prefilter only when none of its strings is (nearly) empty.
fn usable(set: &[String]) -> bool {
    !set.is_empty() && set.len() <= MAX_SET && set.iter().all(|s| s.len() >= MIN_USEFUL)
}

/// Longer literals hit less often; more of them hit more often.
fn score(set: &[String]) -> f64 {
    let shortest = set.iter().map(String::len).min().unwrap_or(0).min(16) as f64;
    shortest - (set.len() as f64).log2() * 0.5
}

fn product(a: &[String], b: &[String]) -> Option<Vec<String>> {
    if a.len() * b.len() > MAX_SET {
        return None;
    }
    let mut out = Vec::with_capacity(a.len() * b.len());
    for x in a {
        for y in b {
            out.push(format!("{x}{y}"));
        }
    }
    Some(dedup(out))
}

fn dedup(mut v: Vec<String>) -> Vec<String> {
    v.sort();
    v.dedup();
    v
}

/// The characters of a small class, each case-folded as the article is.
fn class_strings(c: &Class) -> Option<Vec<String>> {
    let mut out = Vec::new();
    match c {
        Class::Unicode(u) => {
            for r in u.ranges() {
                for c in r.start()..=r.end() {
                    if out.len() >= MAX_CLASS {
                        return None;
                    }
                    out.push(fold_case(c.encode_utf8(&mut [0; 4])));
                }
            }
        }
        Class::Bytes(b) => {
            for r in b.ranges() {
                for byte in r.start()..=r.end() {
                    if out.len() >= MAX_CLASS || !byte.is_ascii() {
                        return None;
                    }
                    out.push(fold_case(&(byte as char).to_string()));
                }
            }
        }
    }
    Some(dedup(out))
}

/// Every character a match can hold, or `None` when that is not known (bytes that are not
/// ASCII, literals that are not UTF-8).
fn alphabet(h: &Hir) -> Option<Vec<(char, char)>> {
    let mut set = regex_syntax::hir::ClassUnicode::empty();
    collect(h, &mut set)?;
    Some(set.ranges().iter().map(|r| (r.start(), r.end())).collect())
}

fn collect(h: &Hir, set: &mut regex_syntax::hir::ClassUnicode) -> Option<()> {
    use regex_syntax::hir::{ClassUnicode, ClassUnicodeRange};
    match h.kind() {
        HirKind::Empty | HirKind::Look(_) => {}
        HirKind::Literal(lit) => {
            let s = std::str::from_utf8(&lit.0).ok()?;
            set.union(&ClassUnicode::new(s.chars().map(|c| ClassUnicodeRange::new(c, c))));
        }
        HirKind::Class(Class::Unicode(u)) => set.union(u),
        HirKind::Class(Class::Bytes(b)) => set.union(&b.to_unicode_class()?),
        HirKind::Capture(c) => collect(&c.sub, set)?,
        HirKind::Repetition(r) => collect(&r.sub, set)?,
        HirKind::Concat(subs) | HirKind::Alternation(subs) => {
            for s in subs {
                collect(s, set)?;
            }
        }
    }
    Some(())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lits(p: &str) -> Option<Vec<String>> {
        Plan::of(p).map(|p| p.literals)
    }

    #[test]
    fn inner_literals_are_found() {
        assert_eq!(lits(r"\b\d+ countries\b"), Some(vec![" countries".to_string()]));
        assert_eq!(lits(r"\b\d+ thousand men\b"), Some(vec![" thousand men".to_string()]));
    }

    #[test]
    fn alternations_give_one_literal_each_and_case_folds() {
        assert_eq!(
            lits(r"\b(?:France|Germany) (?:Institute|Council)\b"),
            Some(vec![
                "france institute".into(),
                "france council".into(),
                "germany council".into(),
                "germany institute".into()
            ])
            .map(dedup)
        );
        assert_eq!(lits(r"(?i)\bnato\b"), Some(vec!["nato".to_string()]));
    }

    #[test]
    fn no_literal_or_no_bound_means_no_plan() {
        assert!(Plan::of(r"\b[A-Z]{5,}\b").is_none());
        assert!(Plan::of(r"a|\d").is_none());
        // Anything goes around the literal and the match is unbounded: no window.
        assert!(Plan::of(r"(?s)Paris.*").is_none());
    }

    #[test]
    fn fixed_strings_with_word_boundaries_need_no_regex() {
        let words = |p: &str| Plan::of(p).and_then(|p| p.words);
        let w = words(r"\bFalentor\b").unwrap();
        let text = "Falentor's Falentorian FALENTOR, Falentor";
        let hits: Vec<u32> = text.match_indices("Falentor").map(|(i, _)| i as u32).collect();
        let found: Vec<&str> = w.matches(text, &hits).into_iter().map(|r| &text[r]).collect();
        assert_eq!(found, ["Falentor", "Falentor"]);
        assert_eq!(w.matches(text, &hits)[1], 33..41);
        assert!(words(r"\b(?:Osqui|Belrho) (?:Institute|Agency)\b").is_some());
        // One string a prefix of another: leftmost-first order would choose; a regex decides.
        assert!(words(r"\b(?:New York|New York City)\b").is_none());
        // Case-insensitive, classes, other look-arounds: not fixed strings.
        assert!(words(r"(?i)\bnato\b").is_none());
        assert!(words(r"\b\d{3} tanks\b").is_none());
        assert!(words(r"^Paris\b").is_none());
        assert!(words(r"\bParis\b Paris").is_none());
    }

    #[test]
    fn alphabets_bound_the_window() {
        let p = Plan::of(r"\b\d+ countries\b").unwrap();
        assert!(p.allows('7') && p.allows(' ') && p.allows('c'));
        assert!(!p.allows('.') && !p.allows('x'));
        assert_eq!(p.max_len, None);
        let p = Plan::of(r"[^.]{0,10} Paris").unwrap();
        assert!(p.max_len.is_some());
    }
}
