//! What a mention means on a reading (the published date and the claim file's date order):
//! one day or a span of days, and how it was read, for the note. A weekday or a day without
//! a year is read by the tense that governs it. Apart from finding because it depends on
//! the claim file, and runs once per file per article.

use super::{Bound, DateExpr, DateMention, Part, Unit, Which};
use crate::article::tense::Tense;
use crate::date::{Date, DateOrder, MONTHS, WEEKDAYS, days_in_month, title};

/// What the claim file says about reading dates.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Reading {
    /// `published`, else the article's dateline.
    pub published: Option<Date>,
    pub order: DateOrder,
}

/// What a mention means on a given reading.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Resolved {
    Day(Date),
    /// Every day from `first` through `last`; an open end is `None` (`before 18 May`).
    Days {
        first: Option<Date>,
        last: Option<Date>,
    },
    /// A numeric date impossible in the file's order: the reason.
    NotADate(String),
    /// Cannot be read: the reason ("a relative date needs `published` or a dateline").
    Unknown(String),
}

impl Resolved {
    fn span(first: Option<Date>, last: Option<Date>) -> Resolved {
        match (first, last) {
            (Some(f), Some(l)) if f == l => Resolved::Day(f),
            _ => Resolved::Days { first, last },
        }
    }

    /// Whether `day` is one the wording allows.
    pub fn allows(&self, day: Date) -> bool {
        match self {
            Resolved::Day(d) => *d == day,
            Resolved::Days { first, last } => first.is_none_or(|f| f <= day) && last.is_none_or(|l| day <= l),
            _ => false,
        }
    }

    /// "2025-03-11", "any day up to 2020-05-17", "2025-03-01 to 2025-03-31".
    pub fn describe(&self) -> String {
        match self {
            Resolved::Day(d) => d.to_string(),
            Resolved::Days {
                first: Some(f),
                last: Some(l),
            } => format!("{f} to {l}"),
            Resolved::Days {
                first: None,
                last: Some(l),
            } => format!("any day up to {l}"),
            Resolved::Days {
                first: Some(f),
                last: None,
            } => format!("any day from {f} on"),
            Resolved::Days { .. } => "any day".to_string(),
            Resolved::NotADate(why) | Resolved::Unknown(why) => why.clone(),
        }
    }
}

/// A mention's meaning and how it was read, for the note.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Resolution {
    pub value: Resolved,
    /// Appended to "`phrase` read as …": " (past: `said`)", ", the nearest Tuesday; …".
    pub how: String,
    /// `value` described, and the note on the mention's phrase ([`Resolution::note`]): made
    /// once per article, since every date claim of a file shows the same ones.
    pub described: String,
    pub note: Option<String>,
}

impl Resolution {
    fn new(value: Resolved, how: String, phrase: &str) -> Resolution {
        let described = value.describe();
        let note = Resolution::note(&value, &described, &how, phrase);
        Resolution {
            value,
            how,
            described,
            note,
        }
    }

    /// "`on Tuesday` read as 2025-03-11 (past: `said`)"; none for a day written as itself.
    fn note(value: &Resolved, described: &str, how: &str, phrase: &str) -> Option<String> {
        match value {
            Resolved::Day(d) if phrase == d.to_string() => None,
            Resolved::Day(_) | Resolved::Days { .. } => Some(format!("`{phrase}` read as {described}{how}")),
            Resolved::NotADate(_) | Resolved::Unknown(_) => None,
        }
    }
}

/// A day or span and how it was read, before the bound applies.
type Span = (Date, Date, String);

/// Reads every mention (in order: `two days later` reads the mention before it).
pub(crate) fn resolve_all(mentions: &[DateMention], reading: Reading, text: &str) -> Vec<Resolution> {
    let mut out: Vec<Resolution> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let anchor = m.anchor.map(|a| (&mentions[a as usize], &out[a as usize]));
        let r = match span_of(&m.expr, m, reading, anchor, text) {
            Ok((first, last, how)) => {
                let value = match m.bound {
                    Bound::Exact => Resolved::span(Some(first), Some(last)),
                    // The named day stays open: see the docs of `dates`.
                    Bound::Before => Resolved::span(None, Some(first)),
                    Bound::By => Resolved::span(None, Some(last)),
                    Bound::After => Resolved::span(Some(last), None),
                    Bound::Since => Resolved::span(Some(first), None),
                };
                Resolution::new(value, how, m.phrase(text))
            }
            Err(failed) => Resolution::new(failed, String::new(), m.phrase(text)),
        };
        out.push(r);
    }
    out
}

fn need_published(reading: Reading, what: &str) -> Result<Date, Resolved> {
    reading
        .published
        .ok_or_else(|| Resolved::Unknown(format!("{what} needs `published` or a dateline")))
}

fn span_of(
    expr: &DateExpr,
    m: &DateMention,
    reading: Reading,
    anchor: Option<(&DateMention, &Resolution)>,
    text: &str,
) -> Result<Span, Resolved> {
    let day = |d: Date, how: String| Ok((d, d, how));
    match expr {
        DateExpr::Full(d) => day(*d, format!(", a {}", d.weekday_title())),
        DateExpr::Numeric { first, second, year } => {
            let (d, mo) = reading.order.day_month(*first, *second);
            let how = match reading.order {
                DateOrder::Dmy => " (day-month)".to_string(),
                DateOrder::Mdy => " (month-day: `date-order: mdy`)".to_string(),
            };
            let not = || Resolved::NotADate(format!("not a date read {}", reading.order.describe()));
            Date::new(*year, mo, d).map_or_else(|| Err(not()), |date| day(date, how))
        }
        DateExpr::Relative(n) => {
            let p = need_published(reading, "a relative date")?;
            day(p.add_days(*n), counted_how(*n, &format!("{p} (published)")))
        }
        DateExpr::Later(n) => later(*n, reading, anchor, text),
        DateExpr::Weekday { weekday, which } => {
            let p = need_published(reading, "a weekday")?;
            let cands: Vec<(Date, Date)> = (-7..=7)
                .map(|k| p.add_days(k))
                .filter(|d| d.weekday() == *weekday)
                .map(|d| (d, d))
                .collect();
            chosen(&cands, p, *which, m, text, &title(WEEKDAYS[*weekday]))
        }
        DateExpr::DayMonth { day: d, month } => day_month(*d, *month, m, reading, text),
        DateExpr::Month { month, which } => {
            let label = title(MONTHS[*month as usize - 1]);
            let Some(p) = reading.published else {
                let y = m.nearest_year.ok_or_else(no_year)?;
                let first = Date::new(y, *month, 1).ok_or_else(no_year)?;
                return Ok((first, first.month_end(), nearest_year_how(y)));
            };
            let cands: Vec<(Date, Date)> = (p.year - 1..=p.year + 1)
                .filter_map(|y| Date::new(y, *month, 1))
                .map(|f| (f, f.month_end()))
                .collect();
            chosen(&cands, p, *which, m, text, &label)
        }
        DateExpr::MonthYear { month, year } => {
            let first = Date::new(*year, *month, 1).ok_or_else(no_year)?;
            Ok((first, first.month_end(), String::new()))
        }
        DateExpr::Period { unit, which, part } => {
            let p = need_published(reading, "a relative date")?;
            let (f, l) = period_days(p, *unit, *which, *part);
            Ok((f, l, format!(" (published {p})")))
        }
        DateExpr::Between(a, b) => {
            let (first, _, how) = span_of(a, m, reading, anchor, text)?;
            let (_, last, _) = span_of(b, m, reading, anchor, text)?;
            Ok((first.min(last), first.max(last), how))
        }
    }
}

fn no_year() -> Resolved {
    Resolved::Unknown("no year: set `published` in the claim file".to_string())
}

fn nearest_year_how(y: i32) -> String {
    format!(" (no published date: the year written nearest, {y})")
}

/// ", 2 days after 2025-03-11 (published)".
fn counted_how(n: i64, from: &str) -> String {
    let days = if n.abs() == 1 { "day" } else { "days" };
    match n {
        0 => format!(", the day of {from}"),
        n if n < 0 => format!(", {} {days} before {from}", -n),
        n => format!(", {n} {days} after {from}"),
    }
}

/// `two days later`: from the date before it in the paragraph, else from published.
fn later(n: i64, reading: Reading, anchor: Option<(&DateMention, &Resolution)>, text: &str) -> Result<Span, Resolved> {
    let Some((am, ar)) = anchor else {
        let p = need_published(reading, "a relative date")?;
        return Ok((
            p.add_days(n),
            p.add_days(n),
            counted_how(n, &format!("{p} (published)")),
        ));
    };
    match &ar.value {
        Resolved::Day(d) => {
            let from = format!("`{}` ({d})", am.phrase(text));
            Ok((d.add_days(n), d.add_days(n), counted_how(n, &from)))
        }
        _ => Err(Resolved::Unknown(format!(
            "it counts from `{}`, which is not one day",
            am.phrase(text)
        ))),
    }
}

/// A day and month without a year: the weekday written with it picks the year when it fits
/// one year only, else the tense does.
fn day_month(day: u8, month: u8, m: &DateMention, reading: Reading, text: &str) -> Result<Span, Resolved> {
    let label = format!("{day} {}", title(MONTHS[month as usize - 1]));
    let Some(p) = reading.published else {
        let y = m.nearest_year.ok_or_else(no_year)?;
        let d = Date::new(y, month, day).ok_or_else(no_year)?;
        return Ok((d, d, nearest_year_how(y)));
    };
    if let Some(wd) = m.weekday.map(usize::from) {
        let fits: Vec<Date> = (p.year - 1..=p.year + 1)
            .filter_map(|y| Date::new(y, month, day))
            .filter(|d| d.weekday() == wd)
            .collect();
        if let [d] = fits[..] {
            return Ok((d, d, format!(", the {label} that is a {}", title(WEEKDAYS[wd]))));
        }
    }
    // Four years either way: 29 February has one.
    let cands: Vec<(Date, Date)> = (p.year - 4..=p.year + 4)
        .filter_map(|y| Date::new(y, month, day))
        .map(|d| (d, d))
        .collect();
    chosen(&cands, p, Which::Bare, m, text, &label)
}

/// Which occurrence the wording points to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Rule {
    OnOrBefore,
    Before,
    OnOrAfter,
    After,
    Nearest,
}

/// Picks among occurrences (days or months, as first and last day) by the rule of "Dates in
/// news copy", and says how.
fn chosen(
    cands: &[(Date, Date)],
    p: Date,
    which: Which,
    m: &DateMention,
    text: &str,
    label: &str,
) -> Result<Span, Resolved> {
    let cue = m.tense.cue.as_ref();
    let (rule, how) = match (which, cue) {
        (Which::Last, _) => (Rule::Before, " (past: `last`)".to_string()),
        (Which::Next, _) => (Rule::After, " (future: `next`)".to_string()),
        (_, Some(c)) => {
            let rule = if c.tense == Tense::Past {
                Rule::OnOrBefore
            } else {
                Rule::OnOrAfter
            };
            (rule, format!(" ({}: `{}`)", c.tense.name(), &text[c.range.clone()]))
        }
        (_, None) if m.bound == Bound::Since => (Rule::OnOrBefore, " (past: `since`)".to_string()),
        (Which::This, None) => (Rule::OnOrAfter, " (future: `this`)".to_string()),
        (Which::Bare, None) => {
            let why = if m.tense.sentence_has_tense {
                "no verb in its clause tells the tense"
            } else {
                "the sentence has no tense"
            };
            (Rule::Nearest, format!(", the nearest {label}; {why}"))
        }
    };
    let picked = pick(cands, p, rule).or_else(|| pick(cands, p, Rule::Nearest));
    picked
        .map(|(f, l)| (f, l, how))
        .ok_or_else(|| Resolved::Unknown(format!("no {label} near {p}")))
}

fn pick(cands: &[(Date, Date)], p: Date, rule: Rule) -> Option<(Date, Date)> {
    let it = cands.iter().copied();
    match rule {
        Rule::OnOrBefore => it.filter(|(f, _)| *f <= p).max_by_key(|(f, _)| *f),
        Rule::Before => it.filter(|(_, l)| *l < p).max_by_key(|(f, _)| *f),
        Rule::OnOrAfter => it.filter(|(_, l)| *l >= p).min_by_key(|(f, _)| *f),
        Rule::After => it.filter(|(f, _)| *f > p).min_by_key(|(f, _)| *f),
        Rule::Nearest => it.min_by_key(|&(f, l)| {
            let away = if f <= p && p <= l {
                0
            } else {
                p.days_to(f).abs().min(p.days_to(l).abs())
            };
            (away, f)
        }),
    }
}

/// The days of `last week`, `this month`, `earlier this week` (weeks run Monday to Sunday).
fn period_days(p: Date, unit: Unit, which: Which, part: Part) -> (Date, Date) {
    let step = match which {
        Which::Last => -1,
        Which::Next => 1,
        _ => 0,
    };
    let (first, last) = match unit {
        Unit::Week => {
            let monday = p.monday().add_days(7 * step);
            (monday, monday.add_days(6))
        }
        Unit::Weekend => {
            let saturday = p.monday().add_days(5 + 7 * step);
            (saturday, saturday.add_days(1))
        }
        Unit::Month => {
            let (y, m) = match (step, p.month) {
                (-1, 1) => (p.year - 1, 12),
                (1, 12) => (p.year + 1, 1),
                (s, m) => (p.year, (i64::from(m) + s) as u8),
            };
            (
                Date {
                    year: y,
                    month: m,
                    day: 1,
                },
                Date {
                    year: y,
                    month: m,
                    day: days_in_month(y, m),
                },
            )
        }
        Unit::Year => {
            let y = p.year + step as i32;
            (
                Date {
                    year: y,
                    month: 1,
                    day: 1,
                },
                Date {
                    year: y,
                    month: 12,
                    day: 31,
                },
            )
        }
    };
    match part {
        Part::Whole => (first, last),
        Part::Earlier => (first, p.add_days(-1).max(first)),
        Part::Later => (p.add_days(1).min(last), last),
    }
}

impl DateMention {
    /// A note when the weekday written with the date is not that date's weekday.
    pub fn weekday_conflict(&self, resolved: &Resolved, text: &str) -> Option<String> {
        let (Some(wd), Resolved::Day(d)) = (self.weekday.map(usize::from), resolved) else {
            return None;
        };
        (d.weekday() != wd).then(|| {
            format!(
                "\"{}\": {} is a {}, not a {}",
                &text[self.range.clone()],
                d,
                d.weekday_title(),
                title(WEEKDAYS[wd])
            )
        })
    }
}
