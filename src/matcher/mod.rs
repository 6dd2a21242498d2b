//! Finds every term of a claim file in one pass over an article.
//!
//! Every literal goes into one Aho-Corasick automaton searched over the text, ignoring case:
//! the phrases of the terms (exact ones are checked against the text at each hit), and the
//! *required literals* of every regex (`literals.rs`): a regex then runs only in a window
//! around the hits of its literals, so the cost is one scan of the article however many
//! claims there are, plus work in proportion to the hits. Regexes with no usable literal are
//! found together by one multi-pattern pass ([`regex::RegexSet`]) and only those that match
//! somewhere are searched again. Hits are then filtered to whole words and grouped by term.
//!
//! A regex is compiled here only, when first needed (claim loading only checks it): most
//! regexes of an `absent` file never run. One that is only fixed strings with word
//! boundaries (`\bFalentor\b`) never runs: its literal hits are checked in place.
//!
//! Windowed regex search gives exactly the matches of a full `find_iter` (see `windowed`);
//! a property test compares the two.
//!
//! The jobs live apart: `build` (once per claim file), `scan` (the one literal pass over an
//! article), `windowed` (verifying regexes around their literals, or scanning those with
//! none) and `literals` (what a regex requires). This module holds the types they share
//! and [`Matcher::find`], which runs them in order.

mod build;
mod literals;
mod scan;
mod windowed;

use aho_corasick::AhoCorasick;
use rayon::prelude::*;
use regex_automata::meta;
use std::ops::Range;
use std::sync::OnceLock;

use crate::article::Article;
use crate::terms::{self, TermId, UserRegex};
use literals::Plan;
use scan::{LiteralHits, SlotHits};

/// Articles from this size on are searched with both cores: below it, a thread hand-off
/// costs more than it saves (an archive already runs one article per core).
#[cfg(not(fuzzing))]
pub(crate) const PARALLEL_FROM: usize = 1 << 20;
/// The fuzz build (`fuzz/`, built with `--cfg fuzzing`) takes the parallel paths for every
/// article, so its one-thread and four-thread runs cut articles into different parts.
#[cfg(fuzzing)]
pub(crate) const PARALLEL_FROM: usize = 0;

/// All terms of a claim file, compiled for searching.
#[derive(Debug)]
pub struct Matcher {
    /// Every literal, case-folded and deduplicated, searched over [`Article::folded`] or,
    /// when no literal has a non-ASCII letter, over [`Article::text`] with ASCII lowercased
    /// a block at a time: the same matches (folding keeps offsets, maps no other character
    /// to ASCII and leaves caseless characters alone) without folding a copy of the article.
    ac: Option<Automaton>,
    ascii: bool,
    /// The longest literal, in bytes: a stretch of the text is read this far past its end.
    longest: usize,
    /// What each literal of `ac` stands for.
    owners: Vec<Vec<Owner>>,
    /// Regexes found through their literals.
    windowed: Vec<Windowed>,
    /// Regexes with no usable literal: one pass says which match at all.
    scanned: Vec<Scanned>,
    /// Built on the first article; `None` for one pattern or a set too big to build.
    scan_set: OnceLock<Option<regex::RegexSet>>,
    terms: usize,
    /// Per literal hit list ("slot"): the windowed regexes that read it.
    users: Vec<Vec<usize>>,
    /// Per slot: the group that checks its hits for all its users at once.
    group_of: Vec<Option<usize>>,
    /// Literals shared by several bounded regexes: one multi-pattern check per hit says which
    /// of them can match around it, instead of one search per regex.
    groups: Vec<Group>,
}

/// The automaton of every literal, in two kinds: see [`Automaton::for_text`].
#[derive(Debug)]
struct Automaton {
    /// A contiguous NFA, or with very many literals the builder's choice (then the only one).
    quick: AhoCorasick,
    /// The literals, for the DFA; `None` when `quick` is the only automaton.
    lits: Option<Vec<String>>,
    dfa: OnceLock<AhoCorasick>,
    /// Bytes searched with `quick` so far.
    scanned: std::sync::atomic::AtomicUsize,
}

/// Bounded regexes sharing one literal (`\b5\d{2} tanks\b`, `\b7\d{2} tanks\b`, ...).
#[derive(Debug)]
struct Group {
    slot: usize,
    /// Indices into `windowed`, in pattern order of `meta`.
    members: Vec<usize>,
    /// The longest match of any member.
    max_len: usize,
    /// The characters that can precede the literal in a match of any member (sorted
    /// ranges), when every member says: a hit after any other needs no regex.
    before: Option<Vec<(char, char)>>,
    meta: OnceLock<Option<meta::Regex>>,
}

#[derive(Debug, Clone)]
enum Owner {
    /// A phrase matched case-insensitively.
    Folded { term: TermId, prefix: bool },
    /// A phrase matched exactly: the text at the hit must equal `text`.
    Exact { term: TermId, prefix: bool, text: String },
    /// A required literal of some windowed regexes: its hits go to list `i`, shared by them.
    Regex(usize),
}

#[derive(Debug)]
struct Windowed {
    term: TermId,
    /// The hit lists of its literals.
    slots: Vec<usize>,
    regex: UserRegex,
    plan: Plan,
    /// Compiled on the first hit of a literal: most regexes of an `absent` file never need it.
    meta: OnceLock<meta::Regex>,
}

/// A regex with no usable literal.
#[derive(Debug)]
struct Scanned {
    term: TermId,
    regex: UserRegex,
    /// Compiled when the set first says it matches.
    meta: OnceLock<meta::Regex>,
}

/// Compiles a user regex with the semantics and limits of `regex::Regex`, which
/// [`terms::check_regex`] checked at load.
fn compile(re: &UserRegex) -> meta::Regex {
    // Only `find` and unanchored searches run, so the one-pass DFA (anchored searches) is
    // left out: half the memory of a regex.
    meta::Regex::builder()
        .syntax(terms::regex_syntax())
        .configure(
            meta::Config::new()
                .nfa_size_limit(Some(terms::regex_size_limit()))
                .onepass(false),
        )
        .build(re.as_str())
        .expect("checked at load: the regex compiles within the limits")
}

impl Windowed {
    fn meta(&self) -> &meta::Regex {
        self.meta.get_or_init(|| compile(&self.regex))
    }
}

/// Where each term occurs: normalized byte ranges, sorted, no range inside another.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    /// Term `t` occurs at `ranges[starts[t]..starts[t + 1]]`: one list for all terms, so an
    /// article costs its hits, not a vector per term of a file with a thousand.
    starts: Vec<usize>,
    ranges: Vec<Range<usize>>,
}

impl Hits {
    pub fn of(&self, id: TermId) -> &[Range<usize>] {
        match (self.starts.get(id.0), self.starts.get(id.0 + 1)) {
            (Some(&from), Some(&to)) => &self.ranges[from..to],
            _ => &[],
        }
    }

    /// Every occurrence of the given terms, term after term (not sorted across them).
    pub fn of_all<'a>(&'a self, ids: &'a [TermId]) -> impl Iterator<Item = Range<usize>> + 'a {
        ids.iter().flat_map(|&t| self.of(t).iter().cloned())
    }

    /// Occurrences of a term inside a range.
    pub fn within(&self, id: TermId, r: &Range<usize>) -> &[Range<usize>] {
        let all = self.of(id);
        let from = all.partition_point(|h| h.start < r.start);
        let to = all.partition_point(|h| h.start < r.end);
        let part = &all[from..to];
        let keep = part.partition_point(|h| h.end <= r.end);
        // Hits are sorted by start and not nested, so ends rise too.
        &part[..keep]
    }

    /// The hits of `terms` terms from (term, range) pairs in any order: sorted by start,
    /// and a hit inside a longer one of its term dropped ("Emmanuel Macron" over "Macron").
    fn from_pairs(terms: usize, mut pairs: Vec<(usize, Range<usize>)>) -> Hits {
        pairs.sort_unstable_by(|(t, a), (u, b)| t.cmp(u).then(a.start.cmp(&b.start)).then(b.end.cmp(&a.end)));
        let mut starts = vec![0; terms + 1];
        let mut ranges: Vec<Range<usize>> = Vec::with_capacity(pairs.len());
        let mut last: Option<(usize, usize)> = None;
        for (t, r) in pairs {
            if let Some((lt, end)) = last
                && lt == t
                && r.end <= end
            {
                continue;
            }
            last = Some((t, r.end));
            starts[t + 1] += 1;
            ranges.push(r);
        }
        for i in 1..starts.len() {
            starts[i] += starts[i - 1];
        }
        Hits { starts, ranges }
    }
}

impl Matcher {
    /// Finds every term in the article.
    pub fn find(&self, article: &Article) -> Hits {
        let text = &article.text;
        // Where the literals of each windowed regex start (u32: an article under 4 GiB;
        // past that every regex is scanned in full).
        let small = u32::try_from(text.len()).is_ok();
        let parallel = text.len() >= PARALLEL_FROM;
        let LiteralHits { mut terms, slots } = self.literal_pass(article, parallel);
        let slots = SlotHits::new(&slots);
        let (todo, extra) = self.to_verify(text, &slots, small, parallel);
        // Regexes are verified independently: on a long article, in parallel.
        let verify = |&i: &usize| self.verify(i, text, small, &slots, &extra);
        let found: Vec<Vec<(usize, Range<usize>)>> = if parallel {
            todo.par_iter().map(verify).collect()
        } else {
            todo.iter().map(verify).collect()
        };
        terms.extend(found.into_iter().flatten());
        self.scan_unliteral(text, &mut terms);
        Hits::from_pairs(self.terms, terms)
    }
}

#[cfg(test)]
mod tests {
    use super::scan::ascii_fold_is_enough;
    use super::*;
    use crate::article::tests::seed;
    use crate::terms::{Pattern, Term, TermTable, phrase_pattern};

    pub(super) fn table(terms: &[&[&str]]) -> TermTable {
        let mut t = TermTable::default();
        for names in terms {
            t.add(Term {
                label: names[0].into(),
                patterns: names.iter().map(|n| phrase_pattern(n, false)).collect(),
            });
        }
        t
    }

    pub(super) fn texts<'a>(a: &'a Article, hits: &Hits, id: usize) -> Vec<&'a str> {
        hits.of(TermId(id)).iter().map(|r| &a.text[r.clone()]).collect()
    }

    #[test]
    fn all_caps_us_never_matches_lowercase_words() {
        let a = Article::new("x.txt", "Trust us, said the US envoy, not USA.".into());
        let t = table(&[&["US"]]);
        let hits = Matcher::new(&t).find(&a);
        assert_eq!(texts(&a, &hits, 0), vec!["US"]);
    }

    #[test]
    fn entity_aliases_share_a_term_and_longest_wins() {
        let a = seed();
        let t = table(&[&["Macron", "Emmanuel Macron", "French President"]]);
        let hits = Matcher::new(&t).find(&a);
        assert_eq!(
            texts(&a, &hits, 0),
            vec!["French President", "Emmanuel Macron", "Macron", "Macron"]
        );
    }

    #[test]
    fn whole_words_and_prefixes() {
        let a = Article::new("x.txt", "Among the countries, a country; Italy's Italian chief.".into());
        let t = table(&[&["countr*"], &["Italy"], &["Ital"]]);
        let hits = Matcher::new(&t).find(&a);
        assert_eq!(texts(&a, &hits, 0), vec!["countries", "country"]);
        assert_eq!(texts(&a, &hits, 1), vec!["Italy"]);
        assert!(texts(&a, &hits, 2).is_empty());
    }

    #[test]
    fn phrases_match_across_line_breaks_and_curly_quotes() {
        let a = Article::new("x.txt", "the leaders\nof   Staff met; Putin’s Russia".into());
        let t = table(&[&["leaders of staff"], &["Putin's Russia"]]);
        let hits = Matcher::new(&t).find(&a);
        assert_eq!(texts(&a, &hits, 0), vec!["leaders of Staff"]);
        assert_eq!(texts(&a, &hits, 1), vec!["Putin's Russia"]);
    }

    #[test]
    fn case_folding_is_the_same_with_or_without_a_folded_copy() {
        let a = Article::new(
            "x.txt",
            "In ZÜRICH and Zürich, “STAFF” met; the ÉLYSÉE said KELVIN".into(),
        );
        // ASCII literals (a curly quote is caseless): the text is searched ignoring ASCII case.
        let ascii = table(&[&["zurich"], &["staff"], &["kelvin"]]);
        let m = Matcher::new(&ascii);
        assert!(m.ascii);
        let hits = m.find(&a);
        assert!(texts(&a, &hits, 0).is_empty(), "Ü is not U");
        assert_eq!(texts(&a, &hits, 1), vec!["STAFF"]);
        assert_eq!(texts(&a, &hits, 2), vec!["KELVIN"]);
        // A non-ASCII letter needs the folded copy: Ü folds to ü, É to é.
        let accented = table(&[&["zürich"], &["élysée"]]);
        let m = Matcher::new(&accented);
        assert!(!m.ascii);
        let hits = m.find(&a);
        assert_eq!(texts(&a, &hits, 0), vec!["ZÜRICH", "Zürich"]);
        assert_eq!(texts(&a, &hits, 1), vec!["ÉLYSÉE"]);
        assert!(ascii_fold_is_enough('\u{201C}') && ascii_fold_is_enough('-'));
        assert!(!ascii_fold_is_enough('é') && !ascii_fold_is_enough('\u{212A}'));
    }

    #[test]
    fn regexes_compile_only_when_their_literals_occur() {
        let mut table = TermTable::default();
        for r in [
            r"\b2\d{2} convoys\b",
            r"\b3\d{2} convoys\b",
            r"\bFalentor\b",
            r"\d{3}",
            r"[A-Z]{9}",
        ] {
            table.add(Term {
                label: r.into(),
                patterns: vec![Pattern::Regex(crate::terms::check_regex(r).unwrap())],
            });
        }
        let m = Matcher::new(&table);
        assert_eq!((m.windowed.len(), m.groups.len(), m.scanned.len()), (3, 1, 2));
        let compiled = |m: &Matcher| {
            let w: Vec<bool> = m.windowed.iter().map(|w| w.meta.get().is_some()).collect();
            let s: Vec<bool> = m.scanned.iter().map(|s| s.meta.get().is_some()).collect();
            (w, m.groups[0].meta.get().is_some(), s)
        };
        m.find(&Article::new("x.txt", "No convoy, no number.".into()));
        assert_eq!(compiled(&m), (vec![false; 3], false, vec![false; 2]));
        let a = Article::new("x.txt", "Falentor saw 250 convoys.".into());
        let hits = m.find(&a);
        assert_eq!(texts(&a, &hits, 0), vec!["250 convoys"]);
        assert_eq!(texts(&a, &hits, 3), vec!["250"]);
        // The group ruled out `3\d{2}` without compiling it; the set ruled out `[A-Z]{9}`;
        // `\bFalentor\b` is fixed text, found with no regex at all.
        assert_eq!(compiled(&m), (vec![true, false, false], true, vec![true, false]));
    }
}
