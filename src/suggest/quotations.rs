//! Quotations: the quoted words (cut where the speaker paused) with a speaker the article
//! names, or without `by` and a comment saying why.

use std::ops::Range;

use super::{Draft, Header, MAX_QUOTES, QUOTE_WORDS, slug, verdict_of, yaml_str};
use crate::article::Article;
use crate::checks::quote::speakers;
use crate::report::Verdict;

/// A name that can be a speaker: two words or more without "of", or a single word that ends
/// such a name elsewhere in the article ("Macron" after "Emmanuel Macron").
fn person_like(name: &str, all: &[String]) -> bool {
    let words: Vec<&str> = name.split(' ').collect();
    if name.contains('\'') {
        return false;
    }
    if words.len() >= 2 {
        return !words.iter().any(|w| w.chars().all(char::is_lowercase));
    }
    all.iter()
        .any(|n| n.len() > name.len() && n.ends_with(&format!(" {name}")) && person_like(n, &[]))
}

/// The quoted words the draft checks: the whole quotation when short, else its first clause
/// (or first twelve words).
fn quoted_words(inner: &str) -> String {
    let words: Vec<&str> = inner.split_whitespace().collect();
    if words.len() <= QUOTE_WORDS {
        return words
            .join(" ")
            .trim_end_matches(|c: char| !c.is_alphanumeric())
            .to_string();
    }
    // Cut only where the speaker paused (a clause or sentence end), never mid-phrase: the
    // first clause of five words or more, else the first sentence, else all of it.
    let upto = |ends: &[char], min: usize| {
        (min.saturating_sub(1)..words.len())
            .find(|&i| words[i].ends_with(ends))
            .map(|i| i + 1)
    };
    let take = upto(&[',', ';', ':', '.', '!', '?'], 5)
        .filter(|&n| n <= 2 * QUOTE_WORDS)
        .or_else(|| upto(&['.', '!', '?'], 1))
        .unwrap_or(words.len());
    words[..take]
        .join(" ")
        .trim_end_matches(|c: char| !c.is_alphanumeric())
        .to_string()
}

pub(super) fn quote_drafts(article: &Article, entities: &mut Header) -> Vec<Draft> {
    let all_names: Vec<String> = {
        let outside = |r: &Range<usize>| !article.inside_quotation(r);
        article
            .sentences()
            .iter()
            .flat_map(|s| crate::checks::quote::names_in(article, &s.range, &outside))
            .collect()
    };
    let mut out = Vec::new();
    for q in article.quotations() {
        if out.len() >= MAX_QUOTES {
            break;
        }
        let inner = article.slice(&q.inner).trim_matches(|c: char| !c.is_alphanumeric());
        if inner.is_empty() {
            continue;
        }
        let said = quoted_words(inner);
        let first: Vec<&str> = said.split_whitespace().take(3).collect();
        let named = speakers(article, q);
        let people: Vec<&String> = named.iter().filter(|n| person_like(n, &all_names)).collect();
        let mut drafted = false;
        for name in people.iter().take(3) {
            let mut trial = Header {
                names: entities.names.clone(),
                published: entities.published,
            };
            let by = trial.speaker(name);
            let body = format!(
                "claim: {}\nquote: {}\nby: {}\n",
                yaml_str(&format!("{name} said \"{said}\"")),
                yaml_str(&said),
                yaml_str(&by)
            );
            if verdict_of(article, &trial, &body) == Some(Verdict::Supported) {
                *entities = trial;
                let comment = (people.len() > 1).then(|| {
                    let others: Vec<&str> = people.iter().map(|p| p.as_str()).collect();
                    format!(
                        "several people are named around this quotation ({}): check the speaker",
                        others.join(", ")
                    )
                });
                out.push(Draft {
                    id: format!("q-{}-{}", slug(&by), slug(&first.join(" "))),
                    body,
                    comment,
                });
                drafted = true;
                break;
            }
        }
        if !drafted {
            let body = format!(
                "claim: {}\nquote: {}\n",
                yaml_str(&format!("Quoted: \"{said}\"")),
                yaml_str(&said)
            );
            if verdict_of(article, entities, &body) == Some(Verdict::Supported) {
                let comment = if named.is_empty() {
                    "no speaker is named in this quotation's sentence or the one before".to_string()
                } else {
                    format!(
                        "speaker unclear (named nearby: {}): add `by:` once you know",
                        named.join(", ")
                    )
                };
                out.push(Draft {
                    id: format!("q-{}", slug(&first.join(" "))),
                    body,
                    comment: Some(comment),
                });
            }
        }
    }
    out
}
