//! Figures: each number with the word that says what it counts, checked; a figure the
//! article states inconsistently is kept as a warning with a comment.

use std::ops::Range;

use super::{Draft, Header, MAX_NUMBERS, STOP, check, near_words, slug, yaml_str};
use crate::article::Article;
use crate::article::numbers::{Bound, format_value};
use crate::report::Verdict;

pub(super) fn number_drafts(article: &Article, entities: &Header) -> Vec<Draft> {
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
