//! Finds every term of a claim file in one pass over an article.
//!
//! Literals of all terms go into two Aho-Corasick automata (case-folded text and exact text),
//! so the cost is one scan of the article however many claims there are; regex terms run
//! once each. Hits are then filtered to whole words and grouped by term.

use aho_corasick::{AhoCorasick, AhoCorasickBuilder, MatchKind};
use std::ops::Range;

use crate::article::Article;
use crate::claims::terms::{Pattern, TermId, TermTable};

/// All terms of a claim file, compiled for searching.
#[derive(Debug)]
pub struct Matcher {
    folded: Option<AhoCorasick>,
    folded_owners: Vec<(TermId, bool)>,
    exact: Option<AhoCorasick>,
    exact_owners: Vec<(TermId, bool)>,
    regexes: Vec<(TermId, regex::Regex)>,
    terms: usize,
}

/// Where each term occurs: normalized byte ranges, sorted, no range inside another.
#[derive(Debug, Default, Clone)]
pub struct Hits {
    per_term: Vec<Vec<Range<usize>>>,
}

impl Hits {
    pub fn of(&self, id: TermId) -> &[Range<usize>] {
        self.per_term.get(id.0).map_or(&[], Vec::as_slice)
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
}

impl Matcher {
    pub fn new(table: &TermTable) -> Matcher {
        let mut folded = (Vec::new(), Vec::new());
        let mut exact = (Vec::new(), Vec::new());
        let mut regexes = Vec::new();
        for (i, term) in table.terms.iter().enumerate() {
            for p in &term.patterns {
                match p {
                    Pattern::Literal {
                        text,
                        exact: true,
                        prefix,
                    } => {
                        exact.0.push(text.clone());
                        exact.1.push((TermId(i), *prefix));
                    }
                    Pattern::Literal {
                        text,
                        exact: false,
                        prefix,
                    } => {
                        folded.0.push(text.clone());
                        folded.1.push((TermId(i), *prefix));
                    }
                    Pattern::Regex(r) => regexes.push((TermId(i), r.clone())),
                }
            }
        }
        let build = |pats: &[String]| {
            (!pats.is_empty()).then(|| {
                AhoCorasickBuilder::new()
                    .match_kind(MatchKind::Standard)
                    .build(pats)
                    .expect("literal patterns always build")
            })
        };
        Matcher {
            folded: build(&folded.0),
            folded_owners: folded.1,
            exact: build(&exact.0),
            exact_owners: exact.1,
            regexes,
            terms: table.terms.len(),
        }
    }

    /// Finds every term in the article.
    pub fn find(&self, article: &Article) -> Hits {
        let mut per_term: Vec<Vec<Range<usize>>> = vec![Vec::new(); self.terms];
        let text = &article.text;
        for (ac, owners, hay) in [
            (&self.folded, &self.folded_owners, &article.folded),
            (&self.exact, &self.exact_owners, &article.text),
        ] {
            let Some(ac) = ac else { continue };
            for m in ac.find_overlapping_iter(hay.as_str()) {
                let (term, prefix) = owners[m.pattern().as_usize()];
                if let Some(r) = whole_word(text, m.start(), m.end(), prefix) {
                    per_term[term.0].push(r);
                }
            }
        }
        for (term, re) in &self.regexes {
            per_term[term.0].extend(re.find_iter(text).filter(|m| !m.is_empty()).map(|m| m.range()));
        }
        for hits in &mut per_term {
            tidy(hits);
        }
        Hits { per_term }
    }
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

/// Sorts hits and drops those inside a longer one ("Emmanuel Macron" over "Macron").
fn tidy(hits: &mut Vec<Range<usize>>) {
    hits.sort_by(|a, b| a.start.cmp(&b.start).then(b.end.cmp(&a.end)));
    let mut out: Vec<Range<usize>> = Vec::with_capacity(hits.len());
    for h in hits.drain(..) {
        match out.last() {
            Some(last) if h.end <= last.end => {}
            _ => out.push(h),
        }
    }
    *hits = out;
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;
    use crate::claims::terms::{Term, phrase_pattern};

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
}
