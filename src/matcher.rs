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

mod literals;

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use regex_automata::{Input, meta};
use std::ops::Range;
use std::sync::OnceLock;

use crate::article::Article;
use crate::terms::{self, Pattern, TermId, TermTable, UserRegex};
use literals::Plan;

/// Articles from this size on are searched with both cores: below it, a thread hand-off
/// costs more than it saves (an archive already runs one article per core).
pub const PARALLEL_FROM: usize = 1 << 20;

/// All terms of a claim file, compiled for searching.
#[derive(Debug)]
pub struct Matcher {
    /// Every literal, case-folded and deduplicated, searched over [`Article::folded`] or,
    /// when no literal has a non-ASCII letter, over [`Article::text`] with ASCII lowercased
    /// a block at a time: the same matches (folding keeps offsets, maps no other character
    /// to ASCII and leaves caseless characters alone) without folding a copy of the article.
    ac: Option<AhoCorasick>,
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
                .nfa_size_limit(Some(terms::REGEX_SIZE_LIMIT))
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
    pub fn new(table: &TermTable) -> Matcher {
        let mut lits: Vec<String> = Vec::new();
        let mut owners: Vec<Vec<Owner>> = Vec::new();
        let mut index: std::collections::HashMap<String, usize> = std::collections::HashMap::new();
        let mut slots = 0;
        let mut add = |lit: String, owner: Owner| -> usize {
            let i = *index.entry(lit.clone()).or_insert_with(|| {
                lits.push(lit);
                owners.push(Vec::new());
                owners.len() - 1
            });
            // Regexes that share a literal share its hit list (one push per hit).
            if let Owner::Regex(_) = owner {
                if let Some(Owner::Regex(slot)) = owners[i].iter().find(|o| matches!(o, Owner::Regex(_))) {
                    return *slot;
                }
                owners[i].push(Owner::Regex(slots));
                slots += 1;
                return slots - 1;
            }
            owners[i].push(owner);
            usize::MAX
        };
        // A regex's plan parses it: all of them at once, on every core.
        let regexes: Vec<&UserRegex> = (table.terms.iter().flat_map(|t| &t.patterns))
            .filter_map(|p| match p {
                Pattern::Regex(r) => Some(r),
                Pattern::Literal { .. } => None,
            })
            .collect();
        let mut plans = regexes
            .par_iter()
            .map(|r| Plan::of(r.as_str()))
            .collect::<Vec<_>>()
            .into_iter();
        let mut windowed = Vec::new();
        let mut scanned = Vec::new();
        for (i, term) in table.terms.iter().enumerate() {
            let term_id = TermId(i);
            for p in &term.patterns {
                match p {
                    Pattern::Literal {
                        text,
                        exact: true,
                        prefix,
                    } => {
                        _ = add(
                            crate::article::normalize::fold_case(text),
                            Owner::Exact {
                                term: term_id,
                                prefix: *prefix,
                                text: text.clone(),
                            },
                        )
                    }
                    Pattern::Literal {
                        text,
                        exact: false,
                        prefix,
                    } => {
                        _ = add(
                            text.clone(),
                            Owner::Folded {
                                term: term_id,
                                prefix: *prefix,
                            },
                        )
                    }
                    Pattern::Regex(r) => match plans.next().expect("a plan per regex") {
                        Some(plan) => {
                            let mut slots: Vec<usize> = plan
                                .literals
                                .iter()
                                .map(|lit| add(lit.clone(), Owner::Regex(0)))
                                .collect();
                            slots.sort_unstable();
                            slots.dedup();
                            windowed.push(Windowed {
                                term: term_id,
                                slots,
                                regex: r.clone(),
                                plan,
                                meta: OnceLock::new(),
                            });
                        }
                        None => scanned.push(Scanned {
                            term: term_id,
                            regex: r.clone(),
                            meta: OnceLock::new(),
                        }),
                    },
                }
            }
        }
        let ascii = lits.iter().all(|l| l.chars().all(ascii_fold_is_enough));
        let ac = (!lits.is_empty()).then(|| {
            let mut b = AhoCorasick::builder();
            b.match_kind(MatchKind::Standard);
            // A DFA is the fastest scan; with very many literals its table grows too big and
            // the builder's own choice (a contiguous NFA) takes over.
            let total: usize = lits.iter().map(String::len).sum();
            if total <= 200_000 {
                b.kind(Some(AhoCorasickKind::DFA));
            }
            b.build(&lits)
                .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::Standard).build(&lits))
                .expect("literal patterns always build")
        });
        // A literal shared by bounded regexes only is checked for all of them at once.
        let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); slots];
        for (i, w) in windowed.iter().enumerate() {
            for &s in &w.slots {
                by_slot[s].push(i);
            }
        }
        let groups: Vec<Group> = by_slot
            .iter()
            .enumerate()
            .filter(|(_, m)| m.len() > 1 && m.iter().all(|&i| windowed[i].plan.max_len.is_some()))
            .map(|(slot, members)| Group {
                slot,
                max_len: members
                    .iter()
                    .filter_map(|&i| windowed[i].plan.max_len)
                    .max()
                    .unwrap_or(0),
                before: members
                    .iter()
                    .map(|&i| windowed[i].plan.before.as_ref())
                    .collect::<Option<Vec<_>>>()
                    .map(|sets| {
                        let mut set = regex_syntax::hir::ClassUnicode::empty();
                        for ranges in sets {
                            set.union(&regex_syntax::hir::ClassUnicode::new(
                                ranges
                                    .iter()
                                    .map(|&(lo, hi)| regex_syntax::hir::ClassUnicodeRange::new(lo, hi)),
                            ));
                        }
                        set.ranges().iter().map(|r| (r.start(), r.end())).collect()
                    }),
                members: members.clone(),
                meta: OnceLock::new(),
            })
            .collect();
        let mut group_of = vec![None; slots];
        for (i, g) in groups.iter().enumerate() {
            group_of[g.slot] = Some(i);
        }
        Matcher {
            longest: lits.iter().map(String::len).max().unwrap_or(0),
            ac,
            ascii,
            owners,
            groups,
            windowed,
            scanned,
            scan_set: OnceLock::new(),
            terms: table.terms.len(),
            users: by_slot,
            group_of,
        }
    }

    /// Without a set (one pattern, or a set too big to build) each is scanned alone.
    fn scan_set(&self) -> Option<&regex::RegexSet> {
        self.scan_set
            .get_or_init(|| {
                (self.scanned.len() > 1)
                    .then(|| {
                        regex::RegexSetBuilder::new(self.scanned.iter().map(|s| s.regex.as_str()))
                            .size_limit(self.scanned.len() * terms::REGEX_SIZE_LIMIT)
                            .nest_limit(terms::REGEX_NEST_LIMIT)
                            .build()
                            .ok()
                    })
                    .flatten()
            })
            .as_ref()
    }

    /// Finds every term in the article.
    pub fn find(&self, article: &Article) -> Hits {
        let text = &article.text;
        // Where the literals of each windowed regex start (u32: an article under 4 GiB;
        // past that every regex is scanned in full).
        let small = u32::try_from(text.len()).is_ok();
        let parallel = text.len() >= PARALLEL_FROM;
        let LiteralHits { mut terms, slots } = self.literal_pass(article, parallel);
        let slots = SlotHits::new(&slots);
        // The windowed regexes to verify: those reading a slot with hits, and those a
        // group check keeps (with the hits it keeps for them, in `extra`).
        let mut todo: Vec<usize> = Vec::new();
        let mut checks: Vec<&Group> = Vec::new();
        for slot in slots.with_hits() {
            match self.group_of[slot] {
                Some(g) => checks.push(&self.groups[g]),
                None => todo.extend(&self.users[slot]),
            }
        }
        let check = |g: &&Group| g.check(&self.windowed, text, slots.of(g.slot));
        let mut extra: Vec<(usize, u32)> = if parallel {
            checks.par_iter().flat_map_iter(check).collect()
        } else {
            checks.iter().flat_map(check).collect()
        };
        extra.sort_unstable();
        todo.extend(extra.iter().map(|&(member, _)| member));
        todo.sort_unstable();
        todo.dedup();
        if !small {
            todo = (0..self.windowed.len()).collect();
        }
        // Regexes are verified independently: on a long article, in parallel.
        let verify = |&i: &usize| -> Vec<(usize, Range<usize>)> {
            let w = &self.windowed[i];
            let term = |r: Range<usize>| (w.term.0, r);
            if !small {
                return full_scan(w.meta(), text).into_iter().map(term).collect();
            }
            let from = extra.partition_point(|&(m, _)| m < i);
            let to = extra.partition_point(|&(m, _)| m <= i);
            let mut own = w
                .slots
                .iter()
                .filter(|&&s| self.group_of[s].is_none())
                .map(|&s| slots.of(s));
            // One literal's hits come in order; several are merged.
            let merged: Vec<u32>;
            let hits: &[u32] = match (own.next(), own.next(), from == to) {
                (Some(one), None, true) => one,
                (first, second, _) => {
                    let all = first.into_iter().chain(second).chain(own).flatten().copied();
                    merged = sorted(all.chain(extra[from..to].iter().map(|&(_, h)| h)).collect());
                    &merged
                }
            };
            let found = match &w.plan.words {
                Some(words) => words.matches(text, hits),
                None => windowed(w.meta(), &w.plan, text, hits).unwrap_or_else(|| full_scan(w.meta(), text)),
            };
            found.into_iter().map(term).collect()
        };
        let found: Vec<Vec<(usize, Range<usize>)>> = if parallel {
            todo.par_iter().map(verify).collect()
        } else {
            todo.iter().map(verify).collect()
        };
        terms.extend(found.into_iter().flatten());
        let matching: Vec<usize> = match self.scan_set() {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..self.scanned.len()).collect(),
        };
        for i in matching {
            let s = &self.scanned[i];
            let found = full_scan(s.meta.get_or_init(|| compile(&s.regex)), text);
            terms.extend(found.into_iter().map(|r| (s.term.0, r)));
        }
        Hits::from_pairs(self.terms, terms)
    }

    /// Every literal hit, sent to its terms and regexes; on a long article in stretches on
    /// every core (a stretch keeps the literals that start in it, read to their end).
    fn literal_pass(&self, article: &Article, parallel: bool) -> LiteralHits {
        let text = &article.text;
        let small = u32::try_from(text.len()).is_ok();
        let Some(ac) = &self.ac else {
            return LiteralHits::default();
        };
        let haystack = if self.ascii { text.as_str() } else { article.folded() };
        let mut all = if !parallel {
            self.scan(ac, haystack, text, 0..text.len(), small)
        } else {
            let n = rayon::current_num_threads() * 4;
            let cuts: Vec<usize> = (0..=n).map(|i| text.len() * i / n).collect();
            let parts: Vec<LiteralHits> = cuts
                .par_windows(2)
                .map(|w| self.scan(ac, haystack, text, w[0]..w[1], small))
                .collect();
            let mut all = LiteralHits::default();
            for p in parts {
                all.terms.extend(p.terms);
                all.slots.extend(p.slots);
            }
            all
        };
        // By slot, then start: each slot's hits in order, in one run.
        all.slots.sort_unstable();
        all
    }

    /// The literal hits that start in `within`, sent to their terms and regexes.
    fn scan(&self, ac: &AhoCorasick, haystack: &str, text: &str, within: Range<usize>, small: bool) -> LiteralHits {
        self.scan_in_blocks(ac, haystack, text, within, small, BLOCK)
    }

    /// [`Matcher::scan`], ASCII text lowercased `block` bytes at a time.
    fn scan_in_blocks(
        &self,
        ac: &AhoCorasick,
        haystack: &str,
        text: &str,
        within: Range<usize>,
        small: bool,
        block: usize,
    ) -> LiteralHits {
        let mut out = LiteralHits::default();
        let mut found = |m: aho_corasick::Match| {
            for owner in &self.owners[m.pattern().as_usize()] {
                match owner {
                    Owner::Folded { term, prefix } => {
                        if let Some(r) = whole_word(text, m.start(), m.end(), *prefix) {
                            out.terms.push((term.0, r));
                        }
                    }
                    Owner::Exact {
                        term,
                        prefix,
                        text: lit,
                    } => {
                        if text.as_bytes()[m.range()] == *lit.as_bytes()
                            && let Some(r) = whole_word(text, m.start(), m.end(), *prefix)
                        {
                            out.terms.push((term.0, r));
                        }
                    }
                    Owner::Regex(i) => {
                        if small {
                            out.slots.push((*i as u32, m.start() as u32));
                        }
                    }
                }
            }
        };
        // A literal starting in a stretch is read to its end past it.
        let past = self.longest.saturating_sub(1);
        if !self.ascii {
            let end = (within.end + past).min(haystack.len());
            let input = aho_corasick::Input::new(haystack).span(within.start..end);
            ac.find_overlapping_iter(input)
                .filter(|m| m.start() < within.end)
                .for_each(&mut found);
            return out;
        }
        // ASCII literals: the text is lowercased a block at a time into one buffer, and the
        // automaton knows no upper-case letter (half the table of an ASCII-case-insensitive
        // one, which is built faster and stays in cache) without a lowercased copy of the
        // article.
        let mut lower = Vec::with_capacity(block.min(within.len()) + past);
        let mut at = within.start;
        while at < within.end {
            let to = (at + block).min(within.end);
            lower.clear();
            lower.extend_from_slice(&text.as_bytes()[at..(to + past).min(text.len())]);
            lower.make_ascii_lowercase();
            ac.find_overlapping_iter(&lower[..])
                .filter(|m| at + m.start() < to)
                .map(|m| aho_corasick::Match::new(m.pattern(), at + m.start()..at + m.end()))
                .for_each(&mut found);
            at = to;
        }
        out
    }
}

/// How much of an article is lowercased at a time for the literal pass.
const BLOCK: usize = 1 << 16;

/// The literal hits of an article by slot: only slots with hits take room.
struct SlotHits {
    /// Every hit's start, slot after slot, each slot's in order.
    starts: Vec<u32>,
    /// Each slot with hits, and where its hits are in `starts`; by slot.
    runs: Vec<(usize, Range<usize>)>,
}

impl SlotHits {
    /// From (slot, start) pairs sorted by slot, then start.
    fn new(pairs: &[(u32, u32)]) -> SlotHits {
        let mut runs: Vec<(usize, Range<usize>)> = Vec::new();
        for (i, &(slot, _)) in pairs.iter().enumerate() {
            match runs.last_mut() {
                Some((s, r)) if *s == slot as usize => r.end = i + 1,
                _ => runs.push((slot as usize, i..i + 1)),
            }
        }
        SlotHits {
            starts: pairs.iter().map(|&(_, p)| p).collect(),
            runs,
        }
    }

    fn of(&self, slot: usize) -> &[u32] {
        match self.runs.binary_search_by_key(&slot, |(s, _)| *s) {
            Ok(i) => &self.starts[self.runs[i].1.clone()],
            Err(_) => &[],
        }
    }

    fn with_hits(&self) -> impl Iterator<Item = usize> + '_ {
        self.runs.iter().map(|(s, _)| *s)
    }
}

/// What the literal pass found: (term, range) of each phrase hit, and (slot, start) of each
/// literal a regex needs, sorted.
#[derive(Debug, Default, PartialEq)]
struct LiteralHits {
    terms: Vec<(usize, Range<usize>)>,
    slots: Vec<(u32, u32)>,
}

/// Every non-empty match of a regex, as `regex::Regex::find_iter` gives them.
fn full_scan(re: &meta::Regex, text: &str) -> Vec<Range<usize>> {
    re.find_iter(text)
        .filter(|m| !m.is_empty())
        .map(|m| m.range())
        .collect()
}

/// The matches of a regex, found only around the hits of its required literals, exactly as
/// `find_iter` over the whole text finds them (non-overlapping, leftmost-first). `None` when
/// the windows grew past the budget (a few times the text): the caller then scans.
///
/// Why it is exact: every match contains a literal hit `p`, lies inside the run of
/// characters its regex allows around `p` and within `max_len` of it. Hits are taken in
/// order; the search around `p` starts at the first position not yet ruled out and accepts
/// its leftmost match only if that starts at or before `p`, so the match found is the one
/// `find_iter` finds next (a match starting later is found from a later hit, with its whole
/// window). Look-around (`\b`) sees the text outside the window ([`Input::span`]).
fn windowed(re: &meta::Regex, plan: &Plan, text: &str, hits: &[u32]) -> Option<Vec<Range<usize>>> {
    let mut out = Vec::new();
    let budget = 2 * text.len() + (1 << 16);
    let mut spent = 0;
    // Matches start at or after `at` (the end of the last match); no match starts in
    // `at..covered`.
    let mut at = 0;
    let mut covered = 0;
    let mut run: Option<Range<usize>> = None;
    for &p in hits {
        let p = p as usize;
        if p < covered.max(at) {
            continue;
        }
        let mut lo = at.max(covered);
        let mut hi = text.len();
        if let Some(l) = plan.max_len {
            lo = lo.max(floor_boundary(text, p.saturating_sub(l)));
            hi = hi.min(ceil_boundary(text, p + l));
        }
        if plan.alphabet.is_some() {
            let r = match &run {
                Some(r) if r.start <= p && p < r.end => r.clone(),
                _ => {
                    let r = allowed_run(plan, text, p, lo, hi);
                    if r.is_empty() {
                        continue;
                    }
                    // A run cut at `p + max_len` is not the whole run: only unbounded ones
                    // serve the next hits (their left cut only rises with `at`).
                    if plan.max_len.is_none() {
                        run = Some(r.clone());
                    }
                    r
                }
            };
            lo = lo.max(r.start);
            hi = hi.min(r.end);
        }
        if lo >= hi {
            continue;
        }
        spent += hi - lo;
        if spent > budget {
            return None;
        }
        match re.search(&Input::new(text).span(lo..hi)) {
            // Never empty: every match holds a literal of two bytes or more.
            Some(m) if m.start() <= p => {
                out.push(m.range());
                at = m.end();
                covered = at;
            }
            _ => covered = p + text[p..].chars().next().map_or(1, char::len_utf8),
        }
    }
    Some(out)
}

/// A character of a literal that ASCII case-insensitive matching compares as folding would:
/// ASCII, or a character no case mapping reaches (curly quotes, dashes, symbols).
fn ascii_fold_is_enough(c: char) -> bool {
    c.is_ascii() || (!c.is_alphabetic() && c.to_lowercase().eq([c]) && c.to_uppercase().eq([c]))
}

fn sorted(mut v: Vec<u32>) -> Vec<u32> {
    v.sort_unstable();
    v.dedup();
    v
}

impl Group {
    /// For each hit of the shared literal, which members can match within `max_len` of it:
    /// (member, hit) pairs. A member that matches around a hit matches somewhere in this
    /// window, so no hit inside one of its matches is dropped.
    fn check(&self, windowed: &[Windowed], text: &str, hits: &[u32]) -> Vec<(usize, u32)> {
        // No hit, no compile.
        if hits.is_empty() {
            return Vec::new();
        }
        let Some(re) = self
            .meta
            .get_or_init(|| {
                let patterns: Vec<&str> = self.members.iter().map(|&i| windowed[i].regex.as_str()).collect();
                meta::Regex::builder()
                    .syntax(terms::regex_syntax())
                    .configure(
                        meta::Config::new()
                            .match_kind(regex_automata::MatchKind::All)
                            // Unanchored searches only: no one-pass DFA (6 MB of 1,000 regexes).
                            .onepass(false)
                            .nfa_size_limit(Some(self.members.len() * terms::REGEX_SIZE_LIMIT)),
                    )
                    .build_many(&patterns)
                    .ok()
            })
            .as_ref()
        else {
            // Too big to build together: every member keeps every hit.
            return self
                .members
                .iter()
                .flat_map(|&m| hits.iter().map(move |&h| (m, h)))
                .collect();
        };
        let mut kept: Vec<(usize, u32)> = Vec::new();
        let mut set = regex_automata::PatternSet::new(re.pattern_len());
        for &p in hits {
            let at = p as usize;
            if let Some(before) = &self.before
                && !text[..at]
                    .chars()
                    .next_back()
                    .is_some_and(|c| literals::in_ranges(before, c))
            {
                continue;
            }
            let lo = floor_boundary(text, at.saturating_sub(self.max_len));
            let hi = ceil_boundary(text, at + self.max_len);
            set.clear();
            re.which_overlapping_matches(&Input::new(text).span(lo..hi), &mut set);
            kept.extend(set.iter().map(|id| (self.members[id.as_usize()], p)));
        }
        kept
    }
}

fn floor_boundary(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(text: &str, mut i: usize) -> usize {
    i = i.min(text.len());
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

/// The run of characters around `p` that the regex allows, inside `lo..hi`. A run that
/// would not fit is cut at the bounds: a match cannot go past them anyway.
fn allowed_run(plan: &Plan, text: &str, p: usize, lo: usize, hi: usize) -> Range<usize> {
    let mut end = p;
    for c in text[p..hi.max(p)].chars() {
        if !plan.allows(c) {
            break;
        }
        end += c.len_utf8();
    }
    if end == p {
        return p..p;
    }
    let mut start = p;
    for c in text[lo.min(p)..p].chars().rev() {
        if !plan.allows(c) {
            break;
        }
        start -= c.len_utf8();
    }
    start..end
}

fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
}

/// The hit as a whole-word match, or None. A prefix term (`countr*`) runs on to the end of
/// its word. Edges that are not word characters ("U.S.") need no boundary.
fn whole_word(text: &str, start: usize, end: usize, prefix: bool) -> Option<Range<usize>> {
    let first = text[start..end].chars().next()?;
    let last = text[start..end].chars().next_back()?;
    if is_word_char(first) && text[..start].chars().next_back().is_some_and(is_word_char) {
        return None;
    }
    let mut end = end;
    if prefix {
        end += text[end..].find(|c: char| !is_word_char(c)).unwrap_or(text.len() - end);
    } else if is_word_char(last) && text[end..].chars().next().is_some_and(is_word_char) {
        return None;
    }
    Some(start..end)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;
    use crate::terms::{Term, phrase_pattern};

    fn table(terms: &[&[&str]]) -> TermTable {
        let mut t = TermTable::default();
        for names in terms {
            t.add(Term {
                label: names[0].into(),
                patterns: names.iter().map(|n| phrase_pattern(n, false)).collect(),
            });
        }
        t
    }

    fn texts<'a>(a: &'a Article, hits: &Hits, id: usize) -> Vec<&'a str> {
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
    fn the_literal_pass_in_stretches_finds_what_one_pass_finds() {
        let mut source = String::new();
        while source.len() < 300_000 {
            source.push_str(crate::article::tests::SEED);
        }
        let a = Article::new("x.txt", source);
        let mut t = table(&[
            &["Macron", "Emmanuel Macron"],
            &["countries"],
            &["USA"],
            &["coalition of the willing"],
        ]);
        t.add(Term {
            label: "regex".into(),
            patterns: vec![Pattern::Regex(crate::terms::check_regex(r"\b\d+ countries\b").unwrap())],
        });
        let m = Matcher::new(&t);
        let one = m.literal_pass(&a, false);
        assert!((0..4).all(|t| one.terms.iter().any(|&(u, _)| u == t)) && !one.slots.is_empty());
        // Lowercased in blocks of any size (even shorter than a literal): the same hits.
        let ac = m.ac.as_ref().unwrap();
        for block in [1, 7, 4096] {
            let mut blocks = m.scan_in_blocks(ac, &a.text, &a.text, 0..a.text.len(), true, block);
            let mut terms = one.terms.clone();
            terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            blocks.terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            blocks.slots.sort_unstable();
            assert_eq!((&blocks.terms, &blocks.slots), (&terms, &one.slots), "block {block}");
        }
        // Whatever the number of threads: stretches cut inside literals too.
        for threads in [1, 3, 8] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            let mut part = pool.install(|| m.literal_pass(&a, true));
            // Stretches join in order of start; one pass reports in order of end.
            let mut one_sorted = one.terms.clone();
            one_sorted.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            part.terms.sort_unstable_by_key(|(t, r)| (*t, r.start, r.end));
            assert_eq!(
                (&part.terms, &part.slots),
                (&one_sorted, &one.slots),
                "{threads} threads"
            );
        }
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

    /// Property: on generated text, regexes found through their literals give exactly the
    /// matches of a full `find_iter` (windowed search must never change a result).
    #[test]
    fn windowed_regexes_match_a_full_scan() {
        const WORDS: &[&str] = &[
            "Paris",
            "paris",
            "PARIS",
            "countries",
            "country",
            "34",
            "1,200",
            "7",
            "Élysée",
            "élysée",
            "Elysee",
            "über",
            "NATO",
            "nato",
            "the",
            "The",
            "ß",
            "K",
            "ſ",
            "Kelvin",
            "isn't",
            "thousand",
            "men",
            "e\u{301}",
            "année",
            "34 men",
            "7 men",
            "tanks",
            "34 tanks",
            "7,200 tanks",
            "the tanks",
        ];
        const GLUE: &[&str] = &[
            " ",
            " ",
            " ",
            ", ",
            ". ",
            "\n\n",
            " \u{201C}",
            "\u{201D} ",
            "\"",
            "-",
            "'",
            " \u{2013} ",
        ];
        const REGEXES: &[&str] = &[
            r"\bparis\b",
            r"(?i)\bparis\b",
            r"\b\d+ countries\b",
            r"\b[0-9,]+ countr(?:y|ies)",
            r"Par(?:is|ís)",
            r"(?i)élysée",
            r"\w+ countries",
            r"[^.]{0,12} NATO",
            r"the (?:Paris|NATO)\b",
            r#""[^"]{1,20}""#,
            r"\bcountr\w*",
            r"is\b",
            r"\d{2}",
            r"Paris.*",
            r"(?:the|a)\s+\w+",
            r"(?i)kelvin|ss\b",
            r"\bthousand men\b",
            r"(?-u:\b)men(?-u:\b)",
            r"n't\b",
            r"(?i)\b(?:paris|nato) \w{2,}",
            r"[A-Z]\w+ [a-z]+",
            // Bounded regexes sharing a literal (" men"): checked as a group.
            r"\b3\d{1,2} men\b",
            r"\b7 men\b",
            r"(?i)\b\d men\b",
            r"\b[0-9,]{1,6} men\b",
            // A group whose members all say what precedes the literal (a digit, a comma).
            r"\b3\d tanks\b",
            r"\b[0-9,]{1,5} tanks\b",
            r"\b7,\d{3} tanks",
            // Fixed strings with word boundaries: found with no regex search.
            r"\bPARIS\b",
            r"\b(?:the|The) (?:NATO|Paris)\b",
            r"(?-u:\b)Élysée(?-u:\b)",
            r"\bannée\b",
            r"\be\u{301}",
            r"\bisn't",
            r"34 men\b",
            r"\b7 men",
        ];
        let mut rng = crate::testrng::TestRng(0x5EED);
        let mut next = |n: usize| rng.below(n);
        let mut table = TermTable::default();
        for r in REGEXES {
            table.add(Term {
                label: (*r).into(),
                patterns: vec![Pattern::Regex(crate::terms::check_regex(r).unwrap())],
            });
        }
        let matcher = Matcher::new(&table);
        assert!(!matcher.groups.is_empty(), "the shared-literal check is exercised");
        assert!(
            matcher.groups.iter().any(|g| g.before.is_some()),
            "hits filtered by what precedes them"
        );
        let fixed = matcher.windowed.iter().filter(|w| w.plan.words.is_some()).count();
        assert_eq!(
            fixed, 16,
            "fixed strings (`\\bparis\\b`, `is\\b`, ...) are checked in place"
        );
        let full_scan: Vec<regex::Regex> = REGEXES.iter().map(|r| regex::Regex::new(r).unwrap()).collect();
        for round in 0..300 {
            let mut text = String::new();
            for _ in 0..next(120) {
                text.push_str(WORDS[next(WORDS.len())]);
                text.push_str(GLUE[next(GLUE.len())]);
            }
            let a = Article::new("x.txt", text);
            let hits = matcher.find(&a);
            for (i, (r, re)) in REGEXES.iter().zip(&full_scan).enumerate() {
                let full: Vec<Range<usize>> = re
                    .find_iter(&a.text)
                    .filter(|m| !m.is_empty())
                    .map(|m| m.range())
                    .collect();
                assert_eq!(
                    hits.of(TermId(i)),
                    full.as_slice(),
                    "round {round}, /{r}/ on {:?}",
                    a.text
                );
            }
        }
    }
}
