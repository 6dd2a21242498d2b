//! Dates: each day the article states, with the words it is about; and why a draft has
//! none when it has none.

use super::{Draft, Header, MAX_DATES, near_words, slug, verdict_of, yaml_str};
use crate::article::Article;
use crate::article::dates::{Reading, Resolved, resolve_all};
use crate::date::Date;
use crate::report::Verdict;

/// Why a draft has no date claims, said in the draft rather than left to guess.
pub(super) fn no_dates_because(article: &Article, published: Option<Date>) -> String {
    let relative = article.dates().iter().any(|m| {
        use crate::article::dates::DateExpr as E;
        !matches!(m.expr, E::Full(_) | E::Numeric { .. } | E::MonthYear { .. })
    });
    match (article.dates().is_empty(), published.or(article.published()), relative) {
        (true, _, _) => "the article has no date".to_string(),
        (false, None, true) => "the article has no `date YYYY-MM-DD` dateline, so its relative dates (\"on Tuesday\", \"tomorrow\") cannot be read: give `--published YYYY-MM-DD`".to_string(),
        _ => "no date could be paired with words that say what it is about".to_string(),
    }
}

pub(super) fn date_drafts(article: &Article, entities: &Header) -> Vec<Draft> {
    let mut out = Vec::new();
    let dateline_end = article
        .dateline
        .and(article.sentences().first().map(|s| s.range.end))
        .unwrap_or(0);
    let mut seen: Vec<(String, String)> = Vec::new();
    let reading = Reading {
        published: entities.published.or(article.published()),
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
