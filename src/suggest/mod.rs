//! `claimcheck suggest ARTICLE`: a first draft of a claim file, for an editor to prune.
//!
//! Figures first (each number with a word that says what it counts), then quotations with
//! their speakers, then dates. Every claim is checked against the article before it is
//! written: only claims the article supports today go in. A figure the article states
//! inconsistently (34 countries here, 30 there) is kept as a `severity: warning` claim with a
//! comment saying so, never silently; the draft first tries `near` words that tell the two
//! apart.
//!
//! One file per kind of draft: `figures`, `quotations`, `dates`, and `entities` (the names
//! every trial claim is checked with). What they share is here: the trial check, the `near`
//! words, and how a draft writes YAML and ids.

mod dates;
mod entities;
mod figures;
mod quotations;

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::article::Article;
use crate::compile;
use crate::date::Date;
use crate::engine::{self, Policy};
use crate::report::Verdict;
use dates::{date_drafts, no_dates_because};
use entities::Header;
use figures::number_drafts;
use quotations::quote_drafts;

/// How many claims of each kind the draft keeps: short enough to read.
const MAX_NUMBERS: usize = 20;
const MAX_QUOTES: usize = 15;
const MAX_DATES: usize = 10;
const MAX_ENTITIES: usize = 15;
/// Longest quotation kept whole; longer ones keep their opening words.
const QUOTE_WORDS: usize = 16;

/// Words that say nothing about what a number counts.
const STOP: &[&str] = &[
    "the",
    "a",
    "an",
    "of",
    "and",
    "or",
    "in",
    "on",
    "at",
    "to",
    "for",
    "with",
    "by",
    "from",
    "as",
    "its",
    "his",
    "her",
    "their",
    "our",
    "that",
    "this",
    "these",
    "those",
    "there",
    "were",
    "was",
    "is",
    "are",
    "be",
    "been",
    "has",
    "have",
    "had",
    "met",
    "also",
    "but",
    "than",
    "more",
    "after",
    "before",
    "about",
    "over",
    "some",
    "per",
    "cent",
    "percent",
    "thousand",
    "million",
    "billion",
    "which",
    "who",
    "will",
    "would",
    "it",
    "he",
    "she",
    "they",
    "we",
    "not",
    "no",
    "only",
    "such",
    "into",
    "under",
    "up",
    "so",
    "then",
    "when",
    "since",
    "until",
    "tomorrow",
    "today",
    "yesterday",
    "next",
    "last",
    "said",
    "says",
];

/// A drafted claim: its YAML lines (without the list dash), and a comment above it.
struct Draft {
    id: String,
    body: String,
    comment: Option<String>,
}

/// Drafts a claim file for the article. `article_ref` is how the file names the article;
/// `published` (else the article's dateline) resolves relative dates.
pub fn suggest(article: &Article, article_ref: &str, published: Option<Date>) -> String {
    let mut entities = Header {
        published,
        ..Header::default()
    };
    let quotes = quote_drafts(article, &mut entities);
    entities.add_recurring(article);
    let numbers = number_drafts(article, &entities);
    let dates = date_drafts(article, &entities);
    let mut out = String::new();
    let _ = writeln!(out, "# Drafted by `claimcheck suggest` from {article_ref}.");
    let _ = writeln!(
        out,
        "# Every claim below is supported by the article as it stands (warnings excepted: read"
    );
    let _ = writeln!(
        out,
        "# their comments). Prune what is not worth checking, then run `claimcheck check`."
    );
    let _ = writeln!(out, "article: {}", yaml_str(article_ref));
    match (published, article.published()) {
        (Some(d), _) => {
            let _ = writeln!(out, "published: {d}");
        }
        (None, Some(d)) => {
            let from = match article.dateline == Some(d) {
                true => "the article's dateline",
                false => "the article's metadata",
            };
            let _ = writeln!(out, "# published: {d} (from {from})");
        }
        (None, None) => {}
    }
    out.push_str(&entities.yaml());
    out.push_str("claims:\n");
    let mut ids: BTreeMap<String, usize> = BTreeMap::new();
    let no_dates = dates.is_empty().then(|| no_dates_because(article, published));
    for (title, drafts) in [("Figures", numbers), ("Quotations", quotes), ("Dates", dates)] {
        if drafts.is_empty() {
            if let (true, Some(why)) = (title == "Dates", &no_dates) {
                let _ = writeln!(out, "\n  # Dates: none drafted: {why}");
            }
            continue;
        }
        let _ = writeln!(out, "\n  # {title}");
        for d in drafts {
            let n = ids.entry(d.id.clone()).or_insert(0);
            *n += 1;
            let id = if *n == 1 { d.id } else { format!("{}-{n}", d.id) };
            if let Some(c) = d.comment {
                for line in c.lines() {
                    let _ = writeln!(out, "  # {line}");
                }
            }
            let _ = writeln!(out, "  - id: {id}");
            for line in d.body.lines() {
                let _ = writeln!(out, "    {line}");
            }
        }
    }
    out
}

/// Checks one claim (with the draft's entities) against the article: its verdict and the
/// source ranges of its supporting evidence.
fn check(article: &Article, entities: &Header, body: &str) -> Option<(Verdict, Vec<Range<usize>>)> {
    let mut yaml = entities.yaml();
    if let Some(p) = entities.published {
        yaml.insert_str(0, &format!("published: {p}\n"));
    }
    yaml.push_str("claims:\n  - id: draft\n");
    for line in body.lines() {
        let _ = writeln!(yaml, "    {line}");
    }
    let file = compile::parse("draft.yaml", &yaml, None).ok()?;
    let result = engine::evaluate(&file, article, &Policy::default()).claims.remove(0);
    let spans = result
        .evidence
        .iter()
        .filter(|e| e.role == crate::report::Role::Supports)
        .flat_map(|e| e.marks.iter().map(|m| m.start..m.end))
        .collect();
    Some((result.verdict, spans))
}

fn verdict_of(article: &Article, entities: &Header, body: &str) -> Option<Verdict> {
    check(article, entities, body).map(|(v, _)| v)
}

/// Candidate `near` terms for a mention, best first: for a number the word it counts (the
/// first content word after it), then pairs of adjacent content words ("Defense Ministers",
/// "virtual meeting"), then single content words, closest first (after the mention first on a
/// tie: "34 leaders").
fn near_words(article: &Article, mention: &Range<usize>, counted_first: bool, reach: usize) -> Vec<String> {
    let Some(si) = article.sentence_at(mention.start) else {
        return Vec::new();
    };
    let s = article.sentences()[si].range.clone();
    let words: Vec<Range<usize>> = crate::article::words::words(&article.text[s.clone()], &['\''])
        .into_iter()
        .map(|w| s.start + w.start..s.start + w.end)
        .collect();
    let useful = |r: &Range<usize>| {
        let w = &article.text[r.clone()];
        let lower = w.to_lowercase();
        w.chars().count() >= 3
            && w.chars().all(char::is_alphabetic)
            && !STOP.contains(&lower.as_str())
            && !crate::date::MONTHS.contains(&lower.as_str())
            && !crate::date::WEEKDAYS.contains(&lower.as_str())
    };
    let after: Vec<usize> = (0..words.len())
        .filter(|&i| words[i].start >= mention.end)
        .take(reach)
        .collect();
    let before: Vec<usize> = (0..words.len())
        .rev()
        .filter(|&i| words[i].end <= mention.start)
        .take(reach)
        .collect();
    let mut order: Vec<(usize, bool, usize)> = Vec::new();
    order.extend(after.iter().enumerate().map(|(d, &i)| (d, false, i)));
    order.extend(before.iter().enumerate().map(|(d, &i)| (d, true, i)));
    order.sort_unstable();
    let mut out: Vec<String> = Vec::new();
    let mut push = |w: String| {
        if !out.contains(&w) {
            out.push(w);
        }
    };
    if counted_first
        && let Some(&i) = after
            .iter()
            .find(|&&i| useful(&words[i]) && article.text[words[i].clone()].chars().all(char::is_lowercase))
    {
        push(article.text[words[i].clone()].to_string());
        if i > 0 && useful(&words[i - 1]) && article.text[words[i - 1].end..words[i].start].trim().is_empty() {
            push(article.text[words[i - 1].start..words[i].end].to_string());
        }
    }
    for &(_, _, i) in &order {
        let adjacent = i + 1 < words.len() && article.text[words[i].end..words[i + 1].start] == *" ";
        if adjacent
            && useful(&words[i])
            && useful(&words[i + 1])
            && !(words[i].start < mention.end && mention.start < words[i + 1].end)
        {
            push(article.text[words[i].start..words[i + 1].end].to_string());
        }
    }
    for &(_, _, i) in &order {
        if useful(&words[i]) {
            push(article.text[words[i].clone()].to_string());
        }
    }
    out
}

/// A YAML double-quoted string when the text needs it, else the text.
fn yaml_str(s: &str) -> String {
    let plain = !s.is_empty()
        && s.chars().all(|c| c.is_alphanumeric() || " -_.,'()/".contains(c))
        && !s.starts_with(['-', ' ', '\''])
        && !s.ends_with(' ')
        && !matches!(
            s.to_lowercase().as_str(),
            "true" | "false" | "null" | "yes" | "no" | "on" | "off" | "~"
        )
        && s.parse::<f64>().is_err();
    if plain {
        return s.to_string();
    }
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// A lowercase ASCII slug for ids ("Sébastien" -> "sebastien"), at most 40 characters.
fn slug(s: &str) -> String {
    crate::claims::slug::id_slug(s, true)
        .chars()
        .take(40)
        .collect::<String>()
        .trim_end_matches('-')
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;

    #[test]
    fn the_seed_draft_loads_and_passes() {
        let a = seed();
        let yaml = suggest(&a, "paris-coalition-2025-03-11.txt", None);
        let file = compile::parse("draft.yaml", &yaml, None).unwrap_or_else(|e| panic!("{e:?}\n{yaml}"));
        let report = engine::evaluate(&file, &a, &Policy::default());
        let failing: Vec<&str> = report.claims.iter().filter(|c| c.fails_run()).map(|c| &*c.id).collect();
        assert!(failing.is_empty(), "{failing:?}\n{yaml}");
    }

    #[test]
    fn the_seed_draft_covers_the_key_facts() {
        let yaml = suggest(&seed(), "paris-coalition-2025-03-11.txt", None);
        for needle in [
            "number: 34\n    near: [leaders]",
            "number: 30\n",
            "number: 800000\n    near: [men]",
            "quote: a first stone on these guarantees of security\n    by: Lecornu",
            "date: 2025-03-12",
            "date: 2025-03-15",
        ] {
            assert!(yaml.contains(needle), "missing {needle:?} in\n{yaml}");
        }
    }

    /// From a real report's shapes: a label number ("lockdown 4"), a title that recurs alone
    /// ("the Prime Minister"), a qualified figure, and a quotation longer than a draft keeps.
    #[test]
    fn drafts_no_junk_from_labels_titles_qualifiers_or_cut_quotations() {
        let text = "Prime Minister Narendra Modi said lockdown 4 will be different. \
                    More than 30 countries have sent aid, the Prime Minister said.\n\n\
                    “It is our responsibility to make sure that no worker in any part of this vast country goes hungry again,” Modi said. \
                    The Prime Minister spoke for 33 minutes.";
        let yaml = suggest(&Article::new("a.txt", text.into()), "a.txt", None);
        assert!(!yaml.contains("number: 4\n"), "a label is no figure:\n{yaml}");
        assert!(!yaml.contains("  Minister:"), "a title alone is no entity:\n{yaml}");
        assert!(yaml.contains("number: {min: 30}\n    near: [countries]"), "{yaml}");
        assert!(
            yaml.contains("quote: It is our responsibility to make sure that no worker in any part of this vast country goes hungry again\n"),
            "the whole clause, not twelve words of it:\n{yaml}"
        );
        let draft = crate::compile::parse("d.yaml", &yaml.replace("article: a.txt\n", ""), None).unwrap();
        let report = engine::evaluate(&draft, &Article::new("a.txt", text.into()), &Policy::default());
        assert!(report.claims.iter().all(|c| c.passed), "the draft passes as it stands");
    }

    #[test]
    fn yaml_strings_are_quoted_when_needed() {
        assert_eq!(yaml_str("leaders"), "leaders");
        assert_eq!(yaml_str("said \"x\": y"), "\"said \\\"x\\\": y\"");
        assert_eq!(yaml_str("NO"), "\"NO\"");
        assert_eq!(slug("Sébastien Lecornu"), "sebastien-lecornu");
        assert_eq!(
            slug(&format!("{}-b", "a".repeat(39))),
            "a".repeat(39),
            "40 characters at most"
        );
    }
}
