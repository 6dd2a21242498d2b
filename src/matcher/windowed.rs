//! Verifying the regexes the literal pass points at: each windowed regex runs only around
//! the hits of its required literals (or, for fixed strings, not at all), a group of bounded
//! regexes sharing a literal is checked at once, and regexes with no literal are found by
//! one multi-pattern pass. Apart from the literal pass because this is where exactness has
//! to be argued (see [`windowed`]) and where a property test holds it to a full scan.

use rayon::prelude::*;
use regex_automata::{Input, meta};
use std::ops::Range;

use super::literals::{self, Plan};
use super::scan::SlotHits;
use super::{Group, Matcher, Windowed, compile};
use crate::terms;

impl Matcher {
    /// The windowed regexes to verify: those reading a slot with hits, and those a group
    /// check keeps, with the (member, hit) pairs it keeps for them, sorted. Past 4 GiB
    /// (`!small`) every regex, to be scanned in full.
    pub(super) fn to_verify(
        &self,
        text: &str,
        slots: &SlotHits,
        small: bool,
        parallel: bool,
    ) -> (Vec<usize>, Vec<(usize, u32)>) {
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
        (todo, extra)
    }

    /// The matches of windowed regex `i`, as (term, range) pairs, from the hits of its own
    /// literals and those its groups kept for it (`extra`).
    pub(super) fn verify(
        &self,
        i: usize,
        text: &str,
        small: bool,
        slots: &SlotHits,
        extra: &[(usize, u32)],
    ) -> Vec<(usize, Range<usize>)> {
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
    }

    /// The matches of the regexes with no usable literal, added to `terms`: the set says
    /// which match at all, and only those are searched.
    pub(super) fn scan_unliteral(&self, text: &str, terms: &mut Vec<(usize, Range<usize>)>) {
        let matching: Vec<usize> = match self.scan_set() {
            Some(set) => set.matches(text).into_iter().collect(),
            None => (0..self.scanned.len()).collect(),
        };
        for i in matching {
            let s = &self.scanned[i];
            let found = full_scan(s.meta.get_or_init(|| compile(&s.regex)), text);
            terms.extend(found.into_iter().map(|r| (s.term.0, r)));
        }
    }

    /// Without a set (one pattern, or a set too big to build) each is scanned alone.
    fn scan_set(&self) -> Option<&regex::RegexSet> {
        self.scan_set
            .get_or_init(|| {
                (self.scanned.len() > 1)
                    .then(|| {
                        regex::RegexSetBuilder::new(self.scanned.iter().map(|s| s.regex.as_str()))
                            .size_limit(self.scanned.len() * terms::regex_size_limit())
                            .nest_limit(terms::regex_nest_limit())
                            .build()
                            .ok()
                    })
                    .flatten()
            })
            .as_ref()
    }
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
                            .nfa_size_limit(Some(self.members.len() * terms::regex_size_limit())),
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

#[cfg(test)]
mod tests {
    use crate::article::Article;
    use crate::terms::{Pattern, Term, TermId, TermTable};

    use super::*;

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
