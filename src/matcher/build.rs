//! Building a [`Matcher`] from a term table, once per claim file: every phrase and every
//! required literal of a regex into one list (deduplicated, so each is searched once), each
//! regex planned as windowed or scanned, and the groups of bounded regexes that share a
//! literal. Kept apart from the search so that what is done once per file reads apart from
//! what is done once per article.

use aho_corasick::{AhoCorasick, AhoCorasickKind, MatchKind};
use rayon::prelude::*;
use std::collections::HashMap;
use std::sync::OnceLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::literals::Plan;
use super::scan::ascii_fold_is_enough;
use super::{Automaton, Group, Matcher, Owner, Scanned, Windowed};
use crate::terms::{Pattern, TermId, TermTable, UserRegex};

impl Matcher {
    pub fn new(table: &TermTable) -> Matcher {
        let mut lits = Literals::default();
        let mut plans = plans(table).into_iter();
        let mut windowed = Vec::new();
        let mut scanned = Vec::new();
        for (i, term) in table.terms.iter().enumerate() {
            let term_id = TermId(i);
            for p in &term.patterns {
                match p {
                    Pattern::Literal { text, exact, prefix } => lits.add_phrase(term_id, text, *exact, *prefix),
                    Pattern::Regex(r) => match plans.next().expect("a plan per regex") {
                        Some(plan) => windowed.push(lits.add_windowed(term_id, r, plan)),
                        None => scanned.push(Scanned {
                            term: term_id,
                            regex: r.clone(),
                            meta: OnceLock::new(),
                        }),
                    },
                }
            }
        }
        let Literals {
            lits, owners, slots, ..
        } = lits;
        let ascii = lits.iter().all(|l| l.chars().all(ascii_fold_is_enough));
        let by_slot = users_by_slot(&windowed, slots);
        let groups = groups(&windowed, &by_slot);
        let mut group_of = vec![None; slots];
        for (i, g) in groups.iter().enumerate() {
            group_of[g.slot] = Some(i);
        }
        Matcher {
            longest: lits.iter().map(String::len).max().unwrap_or(0),
            ascii,
            ac: automaton(lits),
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
}

/// The literals of the automaton as they are added: each once, with what it stands for.
#[derive(Default)]
struct Literals {
    lits: Vec<String>,
    owners: Vec<Vec<Owner>>,
    index: HashMap<String, usize>,
    /// Hit lists handed out so far.
    slots: usize,
}

impl Literals {
    /// Adds a literal for an owner; for a regex's literal, returns its hit list ("slot").
    fn add(&mut self, lit: String, owner: Owner) -> usize {
        let i = *self.index.entry(lit.clone()).or_insert_with(|| {
            self.lits.push(lit);
            self.owners.push(Vec::new());
            self.owners.len() - 1
        });
        // Regexes that share a literal share its hit list (one push per hit).
        if let Owner::Regex(_) = owner {
            if let Some(Owner::Regex(slot)) = self.owners[i].iter().find(|o| matches!(o, Owner::Regex(_))) {
                return *slot;
            }
            self.owners[i].push(Owner::Regex(self.slots));
            self.slots += 1;
            return self.slots - 1;
        }
        self.owners[i].push(owner);
        usize::MAX
    }

    /// A phrase: an exact one is searched folded and compared with its text at each hit.
    fn add_phrase(&mut self, term: TermId, text: &str, exact: bool, prefix: bool) {
        if exact {
            _ = self.add(
                crate::article::normalize::fold_case(text),
                Owner::Exact {
                    term,
                    prefix,
                    text: text.to_string(),
                },
            )
        } else {
            _ = self.add(text.to_string(), Owner::Folded { term, prefix })
        }
    }

    /// A regex found through its literals: each literal's hit list, once.
    fn add_windowed(&mut self, term: TermId, regex: &UserRegex, plan: Plan) -> Windowed {
        let mut slots: Vec<usize> = plan
            .literals
            .iter()
            .map(|lit| self.add(lit.clone(), Owner::Regex(0)))
            .collect();
        slots.sort_unstable();
        slots.dedup();
        Windowed {
            term,
            slots,
            regex: regex.clone(),
            plan,
            meta: OnceLock::new(),
        }
    }
}

/// The plan of every regex of the table, in order. A plan parses its regex: all of them at
/// once, on every core, unless they are few ([`crate::terms::PARALLEL_REGEXES`]).
fn plans(table: &TermTable) -> Vec<Option<Plan>> {
    let regexes: Vec<&UserRegex> = (table.terms.iter().flat_map(|t| &t.patterns))
        .filter_map(|p| match p {
            Pattern::Regex(r) => Some(r),
            Pattern::Literal { .. } => None,
        })
        .collect();
    if regexes.len() < crate::terms::PARALLEL_REGEXES {
        return regexes.iter().map(|r| Plan::of(r.as_str())).collect();
    }
    regexes.par_iter().map(|r| Plan::of(r.as_str())).collect()
}

/// One automaton for every literal, or `None` when there is none.
fn automaton(lits: Vec<String>) -> Option<Automaton> {
    if lits.is_empty() {
        return None;
    }
    // A DFA is the fastest scan; with very many literals its table grows too big and the
    // builder's own choice (a contiguous NFA) takes over from the start.
    let total: usize = lits.iter().map(String::len).sum();
    if total > 200_000 {
        return Some(Automaton {
            quick: built(&lits, None),
            lits: None,
            dfa: OnceLock::new(),
            scanned: AtomicUsize::new(0),
        });
    }
    Some(Automaton {
        quick: built(&lits, Some(AhoCorasickKind::ContiguousNFA)),
        lits: Some(lits),
        dfa: OnceLock::new(),
        scanned: AtomicUsize::new(0),
    })
}

/// The automaton of `lits` of a kind, else of the builder's choice.
fn built(lits: &[String], kind: Option<AhoCorasickKind>) -> AhoCorasick {
    let mut b = AhoCorasick::builder();
    b.match_kind(MatchKind::Standard).kind(kind);
    b.build(lits)
        .or_else(|_| AhoCorasick::builder().match_kind(MatchKind::Standard).build(lits))
        .expect("literal patterns always build")
}

/// The text a claim file's literals are searched in with the contiguous NFA before the DFA
/// is built: building the DFA costs more than the pass over a 5 KB article (a third of
/// checking 100 claims against one), and it pays for itself after about this much text.
const QUICK_BUDGET: usize = 256 << 10;

impl Automaton {
    /// The automaton to search `len` bytes with: the contiguous NFA while the text searched
    /// adds up to [`QUICK_BUDGET`], then the DFA. Both report the same hits.
    pub(super) fn for_text(&self, len: usize) -> &AhoCorasick {
        let Some(lits) = &self.lits else {
            return &self.quick;
        };
        if let Some(dfa) = self.dfa.get() {
            return dfa;
        }
        if len <= QUICK_BUDGET && self.scanned.fetch_add(len, Ordering::Relaxed) + len <= QUICK_BUDGET {
            return &self.quick;
        }
        self.dfa.get_or_init(|| built(lits, Some(AhoCorasickKind::DFA)))
    }
}

/// Per slot, the windowed regexes that read its hits.
fn users_by_slot(windowed: &[Windowed], slots: usize) -> Vec<Vec<usize>> {
    let mut by_slot: Vec<Vec<usize>> = vec![Vec::new(); slots];
    for (i, w) in windowed.iter().enumerate() {
        for &s in &w.slots {
            by_slot[s].push(i);
        }
    }
    by_slot
}

/// A literal shared by bounded regexes only is checked for all of them at once.
fn groups(windowed: &[Windowed], by_slot: &[Vec<usize>]) -> Vec<Group> {
    by_slot
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
            before: before_any(windowed, members),
            members: members.clone(),
            meta: OnceLock::new(),
        })
        .collect()
}

/// The characters that can precede the shared literal in a match of any member (sorted
/// ranges), when every member says.
fn before_any(windowed: &[Windowed], members: &[usize]) -> Option<Vec<(char, char)>> {
    members
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
        })
}
