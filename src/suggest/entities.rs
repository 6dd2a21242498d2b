//! The `entities` of the draft: speakers as the quotations name them, and the names that
//! recur in the article with their variants. Every trial claim is checked with them, so a
//! draft's `by` and `near` read as they will in the file.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use super::{MAX_ENTITIES, yaml_str};
use crate::article::Article;
use crate::date::Date;

/// The head of the draft that every trial claim is checked with: the names it will use as
/// `entities` (a speaker is drafted as one), and `published` when the command line gives it.
#[derive(Default)]
pub(super) struct Header {
    /// Canonical name -> variants seen.
    pub(super) names: BTreeMap<String, Vec<String>>,
    pub(super) published: Option<Date>,
}

impl Header {
    /// Adds a speaker under its last word ("Sébastien Lecornu" -> Lecornu); returns the name
    /// to use with `by`.
    pub(super) fn speaker(&mut self, full: &str) -> String {
        let last = full.split(' ').next_back().unwrap_or(full).to_string();
        let variants = self.names.entry(last.clone()).or_default();
        if full != last && !variants.iter().any(|v| v == full) {
            variants.push(full.to_string());
        }
        last
    }

    /// Names that recur (two mentions or more), with the variants seen: "Emmanuel Macron"
    /// under Macron, "Elysée" under Elisee (one word with the same two opening letters at
    /// similarity 0.6 or more).
    pub(super) fn add_recurring(&mut self, article: &Article) {
        let outside = |r: &Range<usize>| !article.inside_quotation(r);
        let mut counts: BTreeMap<String, usize> = BTreeMap::new();
        for s in article.sentences() {
            for n in crate::checks::quote::names_in(article, &s.range, &outside) {
                // Demonyms ("French leader", "Ukrainian army") are not entities.
                let demonym = !n.contains(' ') && ["ian", "ean", "ish", "ese", "ch"].iter().any(|s| n.ends_with(s));
                if !n.contains(" of ") && !n.contains('\'') && !demonym {
                    *counts.entry(n).or_default() += 1;
                }
            }
        }
        let mut groups: Vec<(String, Vec<String>, usize)> = Vec::new();
        let mut names: Vec<(&String, &usize)> = counts.iter().collect();
        // Single words first, so a multi-word name joins the group of its last word.
        names.sort_by_key(|(n, c)| (n.split(' ').count(), std::cmp::Reverse(**c)));
        for (name, &count) in names {
            let last = name.split(' ').next_back().unwrap_or(name);
            let folded = crate::article::normalize::fold_case(last);
            let home = groups.iter_mut().find(|(canon, _, _)| {
                let c = crate::article::normalize::fold_case(canon);
                // Spelling variants of one word: same opening, similar letters (Elysée, Elisee).
                c == folded
                    || (name.split(' ').count() == 1
                        && c.chars().take(2).eq(folded.chars().take(2))
                        && crate::report::diff::similarity(&c, &folded) >= 0.6)
            });
            match home {
                Some((canon, variants, total)) => {
                    if name != canon {
                        variants.push(name.clone());
                    }
                    *total += count;
                }
                None => groups.push((name.clone(), Vec::new(), count)),
            }
        }
        // "Minister: [Prime Minister]" names nobody: a title alone is no entity.
        groups.retain(|(canon, variants, total)| {
            (*total >= 2 || !variants.is_empty()) && !canon.split(' ').all(crate::checks::speaker::is_title)
        });
        groups.sort_by_key(|(_, _, total)| std::cmp::Reverse(*total));
        for (canon, variants, _) in groups.into_iter().take(MAX_ENTITIES) {
            let entry = self.names.entry(canon).or_default();
            for v in variants {
                if !entry.contains(&v) {
                    entry.push(v);
                }
            }
        }
    }

    pub(super) fn yaml(&self) -> String {
        if self.names.is_empty() {
            return String::new();
        }
        let mut out = String::from("entities:\n");
        for (name, variants) in &self.names {
            let list: Vec<String> = variants.iter().map(|v| yaml_str(v)).collect();
            let _ = writeln!(out, "  {}: [{}]", yaml_str(name), list.join(", "));
        }
        out
    }
}
