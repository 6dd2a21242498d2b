//! `claimcheck suggest ARTICLE`: a first draft of a claim file, for an editor to prune.
//!
//! Figures first (each number with a word that says what it counts), then quotations with
//! their speakers, then dates. Every claim is checked against the article before it is
//! written: only claims the article supports today go in. A figure the article states
//! inconsistently (34 countries here, 30 there) is kept as a `severity: warning` claim with a
//! comment saying so, never silently; the draft first tries `near` words that tell the two
//! apart.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::ops::Range;

use crate::article::Article;
use crate::article::dates::{Reading, Resolved, resolve_all};
use crate::article::numbers::{Bound, format_value};
use crate::checks::quote::speakers;
use crate::compile;
use crate::date::Date;
use crate::engine::{self, Policy};
use crate::report::Verdict;

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
    match (published, article.dateline) {
        (Some(d), _) => {
            let _ = writeln!(out, "published: {d}");
        }
        (None, Some(d)) => {
            let _ = writeln!(out, "# published: {d} (from the article's dateline)");
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

/// Why a draft has no date claims, said in the draft rather than left to guess.
fn no_dates_because(article: &Article, published: Option<Date>) -> String {
    let relative = article.dates().iter().any(|m| {
        use crate::article::dates::DateExpr as E;
        !matches!(m.expr, E::Full(_) | E::Numeric { .. } | E::MonthYear { .. })
    });
    match (article.dates().is_empty(), published.or(article.dateline), relative) {
        (true, _, _) => "the article has no date".to_string(),
        (false, None, true) => "the article has no `date YYYY-MM-DD` dateline, so its relative dates (\"on Tuesday\", \"tomorrow\") cannot be read: give `--published YYYY-MM-DD`".to_string(),
        _ => "no date could be paired with words that say what it is about".to_string(),
    }
}

/// The head of the draft that every trial claim is checked with: the names it will use as
/// `entities` (a speaker is drafted as one), and `published` when the command line gives it.
#[derive(Default)]
struct Header {
    /// Canonical name -> variants seen.
    names: BTreeMap<String, Vec<String>>,
    published: Option<Date>,
}

impl Header {
    /// Adds a speaker under its last word ("Sébastien Lecornu" -> Lecornu); returns the name
    /// to use with `by`.
    fn speaker(&mut self, full: &str) -> String {
        let last = full.split(' ').next_back().unwrap_or(full).to_string();
        let variants = self.names.entry(last.clone()).or_default();
        if full != last && !variants.iter().any(|v| v == full) {
            variants.push(full.to_string());
        }
        last
    }

    /// Names that recur (two mentions or more), with the variants seen: "Emmanuel Macron"
    /// under Macron, "Elysée" under Elisee (spellings at similarity 0.8 or more).
    fn add_recurring(&mut self, article: &Article) {
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

    fn yaml(&self) -> String {
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

fn number_drafts(article: &Article, entities: &Header) -> Vec<Draft> {
    let mut out = Vec::new();
    let mut covered: Vec<Range<usize>> = Vec::new();
    for n in article.numbers() {
        if out.len() >= MAX_NUMBERS || n.bound == Bound::Vague {
            continue;
        }
        let src = article.source_range(&n.range);
        if covered.iter().any(|c| c.start < src.end && src.start < c.end) || is_label(article, &n.range) {
            continue;
        }
        let value = claimed_value(n);
        let mut conflict: Option<(String, String)> = None;
        let mut drafted = false;
        for near in near_words(article, &n.range, true, crate::checks::NUMBER_WITHIN) {
            let claim = number_claim(article, n.range.clone(), &near);
            let body = format!(
                "claim: {}\nnumber: {value}\nnear: [{}]\n",
                yaml_str(&claim),
                yaml_str(&near)
            );
            match check(article, entities, &body) {
                Some((Verdict::Supported, spans)) => {
                    covered.extend(spans);
                    let comment = match (&conflict, reading(n)) {
                        (Some((word, _)), r) => Some(format!(
                            "the article gives other figures for \"{word}\" too: \"{near}\" tells this one apart{}",
                            r.map(|r| format!("\n{r}")).unwrap_or_default()
                        )),
                        (None, r) => r,
                    };
                    out.push(Draft {
                        id: format!("n-{}-{}", slug(&format_value(n.value)), slug(&near)),
                        body,
                        comment,
                    });
                    drafted = true;
                    break;
                }
                Some((Verdict::Conflicting, _)) if conflict.is_none() => conflict = Some((near, body)),
                _ => {}
            }
        }
        if let (false, Some((near, body))) = (drafted, conflict) {
            out.push(Draft {
                id: format!("n-{}-{}", slug(&format_value(n.value)), slug(&near)),
                body: format!("{body}severity: warning\n"),
                comment: Some(format!(
                    "inconsistent: the article pairs \"{near}\" with other figures too; check which is right\n(a warning, so this draft still passes)"
                )),
            });
            covered.push(src);
        }
    }
    out
}

/// The claim's `number:` for a figure: what its wording establishes, so a qualified figure
/// drafts a range ("more than 30" -> `{min: 30}`), never a value it does not establish.
fn claimed_value(n: &crate::article::numbers::NumberMention) -> String {
    let v = format_value(n.value);
    let tenth = |f: f64| format_value((n.value * f * 1e6).round() / 1e6);
    match n.bound {
        Bound::Above | Bound::AtLeast => format!("{{min: {v}}}"),
        Bound::Below | Bound::AtMost => format!("{{max: {v}}}"),
        Bound::About => format!("{{min: {}, max: {}}}", tenth(0.9), tenth(1.1)),
        Bound::Nearly => format!("{{min: {}, max: {v}}}", tenth(0.9)),
        Bound::Between => format!("{{min: {v}, max: {}}}", format_value(n.upper.unwrap_or(n.value))),
        Bound::Exact | Bound::Vague => v,
    }
}

/// A number that labels the word before it ("lockdown 4 will be…", "Phase 2 begins"): it
/// counts nothing, so it is no figure to draft.
fn is_label(article: &Article, number: &Range<usize>) -> bool {
    const VERBISH: &[&str] = &[
        "will", "would", "is", "are", "was", "were", "has", "have", "had", "can", "could", "may", "might", "shall",
        "should", "be", "been", "begins", "began", "starts", "started", "ends", "ended",
    ];
    let before = article.text[..number.start].trim_end();
    let prev = before.rsplit(' ').next().unwrap_or("");
    let after = article.text[number.end..].trim_start();
    let next = after.split([' ', ',', '.', ';', ':']).next().unwrap_or("");
    let prev_is_word = prev.chars().count() >= 2
        && prev.chars().all(char::is_alphabetic)
        && !STOP.contains(&prev.to_lowercase().as_str());
    prev_is_word && (next.is_empty() || VERBISH.contains(&next.to_lowercase().as_str()))
}

fn reading(n: &crate::article::numbers::NumberMention) -> Option<String> {
    n.reading().map(|r| format!("the article qualifies it: {r}"))
}

/// "34 leaders", "800 thousand men": the article's words from the number to its term.
fn number_claim(article: &Article, number: Range<usize>, near: &str) -> String {
    let Some(si) = article.sentence_at(number.start) else {
        return article.slice(&number).to_string();
    };
    let s = &article.sentences()[si].range;
    let sentence = &article.text[s.clone()];
    let after = &sentence[number.end - s.start..];
    match after.find(near) {
        Some(i) if after[..i].split_whitespace().count() <= 5 => {
            format!("{}{}", article.slice(&number), &after[..i + near.len()])
        }
        _ => format!("{} ({near})", article.slice(&number)),
    }
}

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

fn quote_drafts(article: &Article, entities: &mut Header) -> Vec<Draft> {
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

fn date_drafts(article: &Article, entities: &Header) -> Vec<Draft> {
    let mut out = Vec::new();
    let dateline_end = article
        .dateline
        .and(article.sentences().first().map(|s| s.range.end))
        .unwrap_or(0);
    let mut seen: Vec<(String, String)> = Vec::new();
    let reading = Reading {
        published: entities.published.or(article.dateline),
        ..Reading::default()
    };
    let read = resolve_all(article.dates(), reading, &article.text);
    for (m, r) in article.dates().iter().zip(read) {
        if out.len() >= MAX_DATES || m.range.start < dateline_end {
            continue;
        }
        let Resolved::Day(day) = r.value else {
            continue;
        };
        let written = article.slice(&m.range);
        // Dates pair across the whole sentence (no default `within`).
        for near in near_words(article, &m.range, false, usize::MAX) {
            if seen.contains(&(day.to_string(), near.to_lowercase())) {
                break;
            }
            let claim = format!(
                "{near}: {day}, a {} (the article says \"{written}\")",
                day.weekday_title()
            );
            let body = format!(
                "claim: {}\ndate: {day}\nnear: [{}]\n",
                yaml_str(&claim),
                yaml_str(&near)
            );
            if verdict_of(article, entities, &body) == Some(Verdict::Supported) {
                seen.push((day.to_string(), near.to_lowercase()));
                out.push(Draft {
                    id: format!("d-{day}-{}", slug(&near)),
                    body,
                    comment: None,
                });
                break;
            }
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

/// A lowercase ASCII slug for ids ("Sébastien" -> "sebastien").
fn slug(s: &str) -> String {
    let mut out = String::new();
    for c in s.chars() {
        let c = match c {
            'à' | 'á' | 'â' | 'ä' | 'ã' | 'å' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'í' | 'ì' | 'î' | 'ï' => 'i',
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' => 'o',
            'ú' | 'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            'ñ' => 'n',
            c => c,
        };
        if c.is_ascii_alphanumeric() {
            out.push(c.to_ascii_lowercase());
        } else if !out.is_empty() && !out.ends_with('-') {
            out.push('-');
        }
    }
    let out = out.trim_end_matches('-');
    out.chars()
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
        let file = crate::compile::parse("draft.yaml", &yaml, None).unwrap_or_else(|e| panic!("{e:?}\n{yaml}"));
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
    }
}
