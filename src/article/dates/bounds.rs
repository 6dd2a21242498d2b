//! What the words around a mention add: the bound word before it (`before`, `by`, `since`),
//! the spans written as two mentions (`from Monday to Friday`, `between 3 and 5 March`), the
//! date a `two days later` counts from, and the year written nearest a day without one.
//! Run once per article, after the forms are found.

use regex::Regex;
use std::sync::LazyLock;

use super::{Bound, DateExpr, DateMention};

/// The lower-case words just before `at` (up to 20 bytes), for the bound and lead words.
fn tail(text: &str, at: usize) -> String {
    let mut from = at.saturating_sub(20);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    format!(" {}", text[from..at].to_lowercase().trim_end())
}

/// Sets each mention's bound from the word before it (widening its range over the word) and
/// its phrase start over a leading `on`/`for`. Returns which mentions follow `between`.
pub(super) fn bounds(text: &str, mentions: &mut [DateMention]) -> Vec<bool> {
    const BOUNDS: &[(&str, Bound)] = &[
        (" no later than", Bound::By),
        (" not later than", Bound::By),
        (" before", Bound::Before),
        (" by", Bound::By),
        (" until", Bound::By),
        (" till", Bound::By),
        (" through", Bound::By),
        (" after", Bound::After),
        (" since", Bound::Since),
        (" from", Bound::Since),
    ];
    let mut between = vec![false; mentions.len()];
    let mut prev_end = 0;
    for (i, m) in mentions.iter_mut().enumerate() {
        let last_end = std::mem::replace(&mut prev_end, m.range.end);
        if matches!(m.expr, DateExpr::Between(..)) {
            continue;
        }
        let before = tail(text, m.range.start);
        // "before Tuesday's vote": the bound is the vote's; the day is Tuesday.
        let possessive = text[m.range.end..].starts_with("'s");
        let gap = text[..m.range.start].len() - text[..m.range.start].trim_end().len();
        // A bound word inside the mention before it is that mention's.
        let free = |w: &str| m.range.start - gap - (w.len() - 1) >= last_end;
        if before.ends_with(" between") {
            between[i] = true;
        } else if let Some((word, bound)) = BOUNDS
            .iter()
            .find(|(w, _)| before.ends_with(w) && free(w))
            .filter(|_| !possessive)
        {
            m.bound = *bound;
            m.range.start -= word.len() - 1 + gap;
            m.phrase_start = m.range.start;
        } else if m.expr.needs_tense() && [" on", " for"].iter().any(|w| before.ends_with(w)) {
            m.phrase_start = m.range.start - gap - if before.ends_with(" on") { 2 } else { 3 };
        }
    }
    between
}

/// Joins `from Monday to Friday` and `between 3 March and 5 April` into one span each.
pub(super) fn merge_spans(text: &str, mentions: Vec<DateMention>, between: &[bool]) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::with_capacity(mentions.len());
    let mut joined_prev = false;
    for (i, m) in mentions.into_iter().enumerate() {
        let joins = !joined_prev
            && out.last().is_some_and(|prev: &DateMention| {
                let gap = text[prev.range.end..m.range.start].trim().to_lowercase();
                let from = prev.bound == Bound::Since && text[prev.range.clone()].to_lowercase().starts_with("from");
                m.bound == Bound::Exact
                    && ((from && ["to", "until", "till", "through", "-"].contains(&gap.as_str()))
                        || (i > 0 && between[i - 1] && gap == "and"))
            });
        joined_prev = joins;
        if joins {
            let prev = out.pop().expect("joins only after a mention");
            out.push(DateMention {
                range: prev.range.start..m.range.end,
                expr: DateExpr::Between(Box::new(prev.expr), Box::new(m.expr)),
                bound: Bound::Exact,
                weekday: None,
                ..prev
            });
        } else {
            out.push(m);
        }
    }
    out
}

/// Links `two days later` to the date before it in its paragraph, and gives each day or
/// month without a year the year written nearest it.
pub(super) fn anchor_and_years(text: &str, mentions: &mut [DateMention]) {
    let years = if mentions.iter().any(|m| m.expr.needs_year()) {
        years(text)
    } else {
        Vec::new()
    };
    for i in 0..mentions.len() {
        if matches!(mentions[i].expr, DateExpr::Later(_)) && i > 0 {
            let (prev, m) = (&mentions[i - 1], &mentions[i]);
            if !text[prev.range.end..m.range.start].contains("\n\n") {
                mentions[i].anchor = u32::try_from(i - 1).ok();
            }
        }
        if mentions[i].expr.needs_year() {
            let at = mentions[i].range.start;
            mentions[i].nearest_year = years.iter().min_by_key(|(y_at, _)| y_at.abs_diff(at)).map(|(_, y)| *y);
        }
    }
}

/// Four-digit years written in the text (for "12 March" when nothing gives the year).
fn years(text: &str) -> Vec<(usize, i32)> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d|21\d\d)\b").expect("compiles"));
    YEAR.find_iter(text)
        .filter_map(|m| m.as_str().parse().ok().map(|y| (m.start(), y)))
        .collect()
}
