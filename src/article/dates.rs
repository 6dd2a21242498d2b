//! Date mentions as copy writes them (the claim format, "Numbers and dates the article may use").
//!
//! Mentions are found once per article; what a relative one means ("tomorrow", "on Saturday",
//! "12 March" without a year) depends on the published date, which may come from the claim
//! file, so [`DateMention::resolve`] is called by the check with that date.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

use crate::date::{Date, MONTHS, WEEKDAYS};

/// What a date mention says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateExpr {
    /// A day with its year (`2025-03-11`, `11 March 2025`, `March 11, 2025`).
    Full(Date),
    /// A day without a year (`12 March`, `11th March`).
    DayMonth { day: u8, month: u8 },
    /// `today` (0), `yesterday` (-1), `tomorrow` (1).
    Relative(i64),
    /// A weekday: `last` Saturday (-1), `next` Saturday (1), `on`/bare Saturday (0).
    Weekday { weekday: usize, which: i8 },
    /// A month, a week: a range, which never equals a day.
    Range(String),
}

/// A date mention: where it is, what it says, and the weekday written with it, if any.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    pub range: Range<usize>,
    pub expr: DateExpr,
    /// 0 = Monday, when written with the day ("Wednesday 12 March").
    pub weekday: Option<usize>,
}

/// What a mention means on a given published date.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Day(Date),
    /// A month, a week: never equal to a day.
    Range(String),
    /// Cannot be resolved: the reason ("no published date for \"tomorrow\"").
    Unknown(String),
}

const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAY_ALT: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";

static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let wd = format!(r"(?:(?P<wd>{WEEKDAY_ALT}),?\s+)?");
    let re = |s: String| Regex::new(&s).expect("date patterns compile");
    vec![
        (Kind::Iso, re(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".to_string())),
        (
            Kind::DayMonth,
            re(format!(
                r"\b{wd}(?:the\s+)?(?P<d>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m>{MONTH_ALT})\b\.?(?:,?\s+(?P<y>\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthDay,
            re(format!(
                r"\b{wd}(?P<m>{MONTH_ALT})\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?\b(?:,?\s+(?P<y>\d{{4}})\b)?"
            )),
        ),
        (
            Kind::MonthYear,
            re(format!(r"\b(?P<m>{MONTH_ALT})\.?\s+(?P<y>\d{{4}})\b")),
        ),
        (
            Kind::Relative,
            re(r"(?i)\b(?P<r>today|yesterday|tomorrow)\b".to_string()),
        ),
        (
            Kind::Week,
            re(r"(?i)\b(?P<which>last|next|this)\s+(?P<unit>week|month|year)\b".to_string()),
        ),
        (
            Kind::Weekday,
            re(format!(
                r"(?:\b(?i:(?P<which>last|next|this|on|for|by|until|since))\s+)?\b(?P<wd>{WEEKDAY_ALT})\b"
            )),
        ),
    ]
});

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    DayMonth,
    MonthDay,
    MonthYear,
    Relative,
    Week,
    Weekday,
}

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower[..3.min(lower.len())]) && m.starts_with(&lower))
        .map(|i| i as u8 + 1)
}

fn weekday_number(name: &str) -> Option<usize> {
    let lower = name.to_lowercase();
    WEEKDAYS.iter().position(|w| *w == lower)
}

/// Finds every date mention in normalized text. Earlier patterns win where they overlap
/// (so "Wednesday 12 March" is one mention, not a weekday and a day).
pub fn find(text: &str) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut taken = super::ranges::Disjoint::default();
    for (kind, re) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let m = c.get(0).expect("group 0");
            // A weekday pattern may start with its preposition; the mention is what follows it.
            let range = m.range();
            if taken.overlaps(&range) {
                continue;
            }
            let weekday = c.name("wd").and_then(|w| weekday_number(w.as_str()));
            let expr = match kind {
                Kind::Iso | Kind::DayMonth | Kind::MonthDay => {
                    let month = match c.name("m").map(|m| m.as_str()) {
                        Some(m) if *kind == Kind::Iso => m.parse().ok(),
                        Some(m) => month_number(m),
                        None => None,
                    };
                    let day: Option<u8> = c.name("d").and_then(|d| d.as_str().parse().ok());
                    let year: Option<i32> = c.name("y").and_then(|y| y.as_str().parse().ok());
                    let (Some(month), Some(day)) = (month, day) else {
                        continue;
                    };
                    match year {
                        Some(y) => match Date::new(y, month, day) {
                            Some(d) => DateExpr::Full(d),
                            None => continue,
                        },
                        None if day >= 1 && day <= crate::date::days_in_month(2024, month) => {
                            DateExpr::DayMonth { day, month }
                        }
                        None => continue,
                    }
                }
                Kind::MonthYear => DateExpr::Range(m.as_str().to_string()),
                Kind::Relative => match c["r"].to_lowercase().as_str() {
                    "today" => DateExpr::Relative(0),
                    "yesterday" => DateExpr::Relative(-1),
                    _ => DateExpr::Relative(1),
                },
                Kind::Week => DateExpr::Range(m.as_str().to_lowercase()),
                Kind::Weekday => {
                    let Some(wd) = weekday else { continue };
                    let which = match c.name("which").map(|w| w.as_str().to_lowercase()).as_deref() {
                        Some("last") | Some("since") => -1,
                        Some("next") => 1,
                        _ => 0,
                    };
                    DateExpr::Weekday { weekday: wd, which }
                }
            };
            let weekday = if matches!(kind, Kind::Weekday) { None } else { weekday };
            taken.insert(range.clone());
            // "for Saturday": the preposition only says which Saturday; the mention is the day.
            let range = match (kind, c.name("which"), c.name("wd")) {
                (Kind::Weekday, Some(w), Some(d))
                    if !matches!(w.as_str().to_lowercase().as_str(), "last" | "next" | "this") =>
                {
                    d.start()..range.end
                }
                _ => range,
            };
            out.push(DateMention { range, expr, weekday });
        }
    }
    out.sort_by_key(|d| d.range.start);
    out
}

/// Four-digit years written in the text (for "12 March" when nothing gives the year).
fn years(text: &str) -> Vec<(usize, i32)> {
    static YEAR: LazyLock<Regex> = LazyLock::new(|| Regex::new(r"\b(1[89]\d\d|20\d\d|21\d\d)\b").expect("compiles"));
    YEAR.find_iter(text)
        .filter_map(|m| m.as_str().parse().ok().map(|y| (m.start(), y)))
        .collect()
}

impl DateMention {
    /// What this mention means, given the published date and the article text (for the
    /// nearest year when a day has none and nothing is published).
    pub fn resolve(&self, published: Option<Date>, text: &str) -> Resolved {
        match &self.expr {
            DateExpr::Full(d) => Resolved::Day(*d),
            DateExpr::Range(s) => Resolved::Range(s.clone()),
            DateExpr::DayMonth { day, month } => {
                let year = published.map(|p| p.year).or_else(|| {
                    years(text)
                        .into_iter()
                        .min_by_key(|(at, _)| at.abs_diff(self.range.start))
                        .map(|(_, y)| y)
                });
                match year.and_then(|y| Date::new(y, *month, *day)) {
                    Some(d) => Resolved::Day(d),
                    None => Resolved::Unknown("no year: set `published` in the claim file".to_string()),
                }
            }
            DateExpr::Relative(n) => match published {
                Some(p) => Resolved::Day(p.add_days(*n)),
                None => Resolved::Unknown("a relative date needs `published` or a dateline".to_string()),
            },
            DateExpr::Weekday { weekday, which } => match published {
                Some(p) => {
                    let today = p.weekday() as i64;
                    let target = *weekday as i64;
                    let ahead = (target - today).rem_euclid(7);
                    // "last Saturday": the one before; "next Saturday": the one after; "on
                    // Saturday": the coming one (today, on a Saturday).
                    let offset = match which {
                        -1 => {
                            let back = (today - target).rem_euclid(7);
                            -(if back == 0 { 7 } else { back })
                        }
                        1 if ahead == 0 => 7,
                        _ => ahead,
                    };
                    Resolved::Day(p.add_days(offset))
                }
                None => Resolved::Unknown("a weekday needs `published` or a dateline".to_string()),
            },
        }
    }

    /// A note when the weekday written with the date is not that date's weekday.
    pub fn weekday_conflict(&self, resolved: &Resolved, text: &str) -> Option<String> {
        let (Some(wd), Resolved::Day(d)) = (self.weekday, resolved) else {
            return None;
        };
        (d.weekday() != wd).then(|| {
            format!(
                "\"{}\": {} is a {}, not a {}",
                &text[self.range.clone()],
                d,
                d.weekday_title(),
                crate::date::title(WEEKDAYS[wd])
            )
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn resolved(text: &str, published: &str) -> Vec<(String, Resolved)> {
        let p = Date::parse_iso(published);
        find(text)
            .into_iter()
            .map(|m| (text[m.range.clone()].to_string(), m.resolve(p, text)))
            .collect()
    }

    fn day(s: &str) -> Resolved {
        Resolved::Day(Date::parse_iso(s).unwrap())
    }

    #[test]
    fn seed_dates_resolve_against_the_dateline() {
        let text =
            "Tomorrow (Wednesday 12 March) there is a meeting. Starmer is organizing a virtual meeting for Saturday.";
        assert_eq!(
            resolved(text, "2025-03-11"),
            vec![
                ("Tomorrow".to_string(), day("2025-03-12")),
                ("Wednesday 12 March".to_string(), day("2025-03-12")),
                ("Saturday".to_string(), day("2025-03-15")),
            ]
        );
    }

    #[test]
    fn written_forms_of_one_day() {
        for s in [
            "2025-03-11",
            "11 March 2025",
            "March 11, 2025",
            "11th March",
            "Tuesday, 11 March 2025",
            "Mar. 11",
        ] {
            let r = resolved(s, "2025-01-02");
            assert_eq!(r, vec![(s.to_string(), day("2025-03-11"))], "{s}");
        }
    }

    #[test]
    fn last_and_next_weekdays_and_relative_days() {
        let text = "last Saturday, yesterday, next Tuesday, on Tuesday";
        let got: Vec<Resolved> = resolved(text, "2025-03-11").into_iter().map(|r| r.1).collect();
        assert_eq!(
            got,
            vec![
                day("2025-03-08"),
                day("2025-03-10"),
                day("2025-03-18"),
                day("2025-03-11")
            ]
        );
    }

    #[test]
    fn months_weeks_and_years_are_not_days() {
        let r = resolved("Last week, in March 2025, the 2025 summit", "2025-03-11");
        assert_eq!(
            r,
            vec![
                ("Last week".to_string(), Resolved::Range("last week".to_string())),
                ("March 2025".to_string(), Resolved::Range("March 2025".to_string())),
            ]
        );
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_is_noted() {
        let text = "Tuesday 12 March 2025";
        let m = &find(text)[0];
        let r = m.resolve(None, text);
        assert_eq!(
            m.weekday_conflict(&r, text).as_deref(),
            Some("\"Tuesday 12 March 2025\": 2025-03-12 is a Wednesday, not a Tuesday")
        );
    }

    #[test]
    fn day_without_year_takes_the_nearest_year_when_nothing_is_published() {
        let text = "The 2024 talks began on 4 May.";
        assert_eq!(resolved(text, "none").last().unwrap().1, day("2024-05-04"));
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find("Prices may 5 times rise; they may rise").is_empty());
    }
}
