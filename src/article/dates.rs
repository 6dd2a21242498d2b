//! Date mentions as copy writes them (the claim format, "Numbers and dates the article may
//! use" and "Dates in news copy").
//!
//! Mentions are found once per article with everything their wording says: the form
//! (`11 March 2025`, `Sept. 10`, `3/4/2025`, `on Tuesday`, `two days ago`, `last week`), the
//! bound before it (`before`, `by`, `after`, `since`, `between … and`), and for a weekday or a
//! day without a year the tense cue that governs it (`tense.rs`, set by [`govern`]). What a
//! mention means depends on the published date and the claim file's `date-order`, which
//! belong to the claim file: [`resolve_all`] reads every mention with them, and says how.
//!
//! A mention means one day or a span of days: `by 18 May` is every day up to it, `March 2025`
//! and `last week` their days. `before 18 May` is read like `by` (and `after` like `since`):
//! copy writes it loosely for a deadline, and the claim format has "will be made before May
//! 18" leave 18 May open (vaguer), not exclude it; a day beyond it is still excluded. Numeric
//! dates are found in both orders and read in the file's; one impossible in that order is not
//! a date. `two days later` counts from the date before it in its paragraph (the day the
//! story is at), else from the published date.

use regex::{Captures, Regex};
use std::ops::Range;
use std::sync::LazyLock;

use super::tense::{Governing, Tense};
use crate::date::{Date, DateOrder, MONTHS, WEEKDAYS, days_in_month, title};

/// Which occurrence a weekday or month names: `last`, `this`, `next`, or none written.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Which {
    Bare,
    Last,
    This,
    Next,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Week,
    Weekend,
    Month,
    Year,
}

/// `earlier this week`, `later this month`: the part before or after the published day.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Whole,
    Earlier,
    Later,
}

/// What a date mention says, before resolution.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DateExpr {
    /// A day with its year (`2025-03-11`, `11 March 2025`, `Monday, January 12th, 2025`).
    Full(Date),
    /// A day without a year (`12 March`, `Sept. 10`, `the 3rd of March`).
    DayMonth { day: u8, month: u8 },
    /// `3/4/2025`, `03.04.2025`: which field is the day, the claim file's order says.
    Numeric { first: u8, second: u8, year: i32 },
    /// Days from the published date: `today` 0, `the day before yesterday` -2, `a week ago`
    /// -7, `three days from now` 3.
    Relative(i64),
    /// Days from the date before it in its paragraph, else from the published date: `two
    /// days later` 2, `the next day` 1, `a day earlier` -1.
    Later(i64),
    /// A weekday (0 = Monday).
    Weekday { weekday: usize, which: Which },
    /// A month without a year (`in March`, `since May`).
    Month { month: u8, which: Which },
    /// `March 2025`.
    MonthYear { month: u8, year: i32 },
    /// `last week`, `this month`, `earlier this week`, `next year`.
    Period { unit: Unit, which: Which, part: Part },
    /// Both ends of a span: `between 3 and 5 March`, `3-5 March`, `from Monday to Friday`.
    Between(Box<DateExpr>, Box<DateExpr>),
}

impl DateExpr {
    /// Whether the wording's tense picks the day: a weekday, a day or month without a year.
    pub fn needs_tense(&self) -> bool {
        match self {
            DateExpr::DayMonth { .. } => true,
            DateExpr::Weekday { which, .. } | DateExpr::Month { which, .. } => {
                matches!(which, Which::Bare | Which::This)
            }
            DateExpr::Between(a, b) => a.needs_tense() || b.needs_tense(),
            _ => false,
        }
    }

    fn needs_year(&self) -> bool {
        match self {
            DateExpr::DayMonth { .. } | DateExpr::Month { .. } => true,
            DateExpr::Between(a, b) => a.needs_year() || b.needs_year(),
            _ => false,
        }
    }
}

/// The word before a date that makes it a span: `before 18 May`, `by Friday`, `since March`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// `before`: read like `by`, the named day left open (see the module docs).
    Before,
    /// `by`, `until`, `through`, `no later than`: up to and including the day.
    By,
    /// `after`: read like `since`, the named day left open.
    After,
    /// `since`, `from`: the day and after.
    Since,
}

/// A date mention: where it is, what it says, and what the wording around it tells.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DateMention {
    /// What the report marks: the date with its bound word (`before 18 May`).
    pub range: Range<usize>,
    pub expr: DateExpr,
    /// 0 = Monday, when written with the day ("Wednesday 12 March").
    pub weekday: Option<usize>,
    pub bound: Bound,
    /// Where the phrase a note quotes starts: with its `on` or `for` ("`on Tuesday`").
    pub phrase_start: usize,
    /// The cue that governs it, for a mention that [`DateExpr::needs_tense`] ([`govern`]).
    pub tense: Governing,
    /// For a day or month without a year: the year written nearest, used when nothing is
    /// published.
    pub nearest_year: Option<i32>,
    /// For [`DateExpr::Later`]: the mention it counts from.
    pub anchor: Option<usize>,
}

impl DateMention {
    /// The words a note quotes.
    pub fn phrase<'t>(&self, text: &'t str) -> &'t str {
        &text[self.phrase_start..self.range.end]
    }
}

/// Full names only where a month stands alone: "by Jan Kowalski" is no January.
const MONTH_FULL: &str = "January|February|March|April|May|June|July|August|September|October|November|December";
const MONTH_ALT: &str = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
const WEEKDAY_ALT: &str = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
const ORD: &str = "(?:st|nd|rd|th)?";
#[rustfmt::skip]
const NUMBER_WORDS: &[&str] = &[
    "a", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
    "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen", "twenty",
];

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Iso,
    DayRange,
    MonthDayRange,
    Numeric,
    DayMonth,
    MonthDay,
    MonthYear,
    Relative,
    Counted,
    NextDay,
    Period,
    Month,
    Weekday,
}

/// Earlier patterns win where mentions overlap: "Wednesday 12 March" is one mention, "3-5
/// March" one span.
static PATTERNS: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| {
    let wd = format!(r"(?:(?P<wd>{WEEKDAY_ALT}),?\s+)?");
    let year = r"(?:,?\s+(?P<y>\d{4})\b)?";
    let sep = r"(?P<sep>\s*-\s*|\s+(?:to|and|until|through)\s+)";
    let number = NUMBER_WORDS.join("|");
    let re = |s: String| Regex::new(&s).expect("date patterns compile");
    vec![
        (Kind::Iso, re(r"\b(?P<y>\d{4})-(?P<m>\d{2})-(?P<d>\d{2})\b".into())),
        (
            Kind::DayRange,
            re(format!(
                r"\b(?P<between>(?i:between)\s+)?(?P<d1>\d{{1,2}}){ORD}{sep}(?P<d2>\d{{1,2}}){ORD}\s+(?:of\s+)?(?P<m>{MONTH_ALT})\b\.?{year}"
            )),
        ),
        (
            Kind::MonthDayRange,
            re(format!(
                r"\b(?P<between>(?i:between)\s+)?(?P<m>{MONTH_ALT})\.?\s+(?P<d1>\d{{1,2}}){ORD}{sep}(?P<d2>\d{{1,2}}){ORD}\b{year}"
            )),
        ),
        (
            Kind::Numeric,
            re(r"\b(?P<a>\d{1,2})(?P<s1>[/.])(?P<b>\d{1,2})(?P<s2>[/.])(?P<y>\d{4})\b".into()),
        ),
        (
            Kind::DayMonth,
            re(format!(
                r"\b{wd}(?:[Tt]he\s+)?(?P<d>\d{{1,2}}){ORD}(?:\s+of)?\s+(?P<m>{MONTH_ALT})\b\.?{year}"
            )),
        ),
        (
            Kind::MonthDay,
            re(format!(r"\b{wd}(?P<m>{MONTH_ALT})\.?\s+(?P<d>\d{{1,2}}){ORD}\b{year}")),
        ),
        (Kind::MonthYear, re(format!(r"\b(?P<m>{MONTH_ALT})\.?\s+(?P<y>\d{{4}})\b"))),
        (
            Kind::Relative,
            re(r"(?i)\b(?P<r>the\s+day\s+before\s+yesterday|the\s+day\s+after\s+tomorrow|today|yesterday|tomorrow|tonight|last\s+night|this\s+(?:morning|afternoon|evening))\b".into()),
        ),
        (
            Kind::Counted,
            re(format!(
                r"(?i)\b(?P<n>\d{{1,3}}|an|{number})\s+(?P<unit>days?|weeks?|fortnights?)\s+(?P<dir>ago|from\s+now|later|earlier|afterwards)\b"
            )),
        ),
        (
            Kind::NextDay,
            re(r"(?i)\bthe\s+(?P<which>next|following|previous)\s+day\b".into()),
        ),
        (
            Kind::Period,
            re(r"(?i)\b(?:(?P<part>earlier|later)\s+)?(?P<which>last|this|next)\s+(?P<unit>week|weekend|month|year)\b".into()),
        ),
        (
            Kind::Month,
            re(format!(
                r"(?:\b(?P<which>(?i:last|next|this))\s+|\b(?i:in|during|early|late|of|since|until|till|by|before|after|from|through)\s+|\b(?i:mid)-?)(?P<m>{MONTH_FULL})\b"
            )),
        ),
        (
            Kind::Weekday,
            re(format!(
                r"(?:\b(?P<which>(?i:last|next|this\s+coming|this|coming))\s+)?\b(?P<wd>{WEEKDAY_ALT})\b(?:\s+(?P<tod>morning|afternoon|evening|night))?"
            )),
        ),
    ]
});

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

fn which_of(word: Option<&str>) -> Which {
    match word.map(|w| w.to_lowercase()).as_deref() {
        Some("last") => Which::Last,
        Some("next") => Which::Next,
        // "this coming Friday" can only be ahead.
        Some(w) if w.contains("coming") => Which::Next,
        Some("this") => Which::This,
        _ => Which::Bare,
    }
}

fn num<T: std::str::FromStr>(c: &Captures, name: &str) -> Option<T> {
    c.name(name).and_then(|m| m.as_str().parse().ok())
}

/// A day of a month, with its year when written; an impossible day (`30 February`) is none.
fn day_in(day: u8, month: u8, year: Option<i32>) -> Option<DateExpr> {
    match year {
        Some(y) => Date::new(y, month, day).map(DateExpr::Full),
        // Leap years have every day a month can have.
        None => Date::new(2024, month, day).map(|_| DateExpr::DayMonth { day, month }),
    }
}

/// `between 3 and 5 March`, `March 3-5`: both ends in one month; `and` only after `between`.
fn day_range(c: &Captures) -> Option<DateExpr> {
    let sep = c.name("sep")?.as_str().trim();
    if sep == "and" && c.name("between").is_none() {
        return None;
    }
    let month = month_number(c.name("m")?.as_str())?;
    let year = num(c, "y");
    let (first, last) = (day_in(num(c, "d1")?, month, year)?, day_in(num(c, "d2")?, month, year)?);
    Some(DateExpr::Between(Box::new(first), Box::new(last)))
}

/// `3/4/2025`: a date in at least one order, with one separator.
fn numeric(c: &Captures) -> Option<DateExpr> {
    if c.name("s1")?.as_str() != c.name("s2")?.as_str() {
        return None;
    }
    let (first, second, year): (u8, u8, i32) = (num(c, "a")?, num(c, "b")?, num(c, "y")?);
    let possible = |o: DateOrder| {
        let (d, m) = o.day_month(first, second);
        Date::new(year, m, d).is_some()
    };
    (possible(DateOrder::Dmy) || possible(DateOrder::Mdy)).then_some(DateExpr::Numeric { first, second, year })
}

/// `two days ago`, `a week later`, `three days from now`.
fn counted(c: &Captures) -> Option<DateExpr> {
    let n = c.name("n")?.as_str().to_lowercase();
    let count = match NUMBER_WORDS.iter().position(|w| *w == n) {
        Some(0) => 1,
        Some(i) => i as i64,
        None if n == "an" => 1,
        None => n.parse().ok()?,
    };
    let unit = c.name("unit")?.as_str().to_lowercase();
    let days = count
        * match unit.trim_end_matches('s') {
            "week" => 7,
            "fortnight" => 14,
            _ => 1,
        };
    let dir = c.name("dir")?.as_str().to_lowercase();
    Some(match dir.as_str() {
        "ago" => DateExpr::Relative(-days),
        "later" | "afterwards" => DateExpr::Later(days),
        "earlier" => DateExpr::Later(-days),
        _ => DateExpr::Relative(days),
    })
}

fn relative(word: &str) -> DateExpr {
    let w = word.to_lowercase();
    DateExpr::Relative(if w.contains("before yesterday") {
        -2
    } else if w.contains("after tomorrow") {
        2
    } else if w == "yesterday" || w.starts_with("last") {
        -1
    } else if w == "tomorrow" {
        1
    } else {
        0
    })
}

fn period(c: &Captures) -> Option<DateExpr> {
    let unit = match c.name("unit")?.as_str().to_lowercase().as_str() {
        "week" => Unit::Week,
        "weekend" => Unit::Weekend,
        "month" => Unit::Month,
        _ => Unit::Year,
    };
    let part = match c.name("part").map(|p| p.as_str().to_lowercase()).as_deref() {
        Some("earlier") => Part::Earlier,
        Some("later") => Part::Later,
        _ => Part::Whole,
    };
    Some(DateExpr::Period {
        unit,
        which: which_of(c.name("which").map(|w| w.as_str())),
        part,
    })
}

/// What one pattern's match says, and the range it covers.
fn expr_of(kind: Kind, c: &Captures) -> Option<(DateExpr, Range<usize>)> {
    let mut whole = c.get(0)?.range();
    // The point after a month is an abbreviation's ("Sept."), not a full name's ("in March.").
    if let Some(m) = c
        .name("m")
        .filter(|m| m.end() + 1 == whole.end && MONTHS.contains(&m.as_str().to_lowercase().as_str()))
    {
        whole.end = m.end();
    }
    let month = || c.name("m").and_then(|m| month_number(m.as_str()));
    let expr = match kind {
        Kind::Iso => Date::new(num(c, "y")?, num(c, "m")?, num(c, "d")?).map(DateExpr::Full)?,
        Kind::DayRange | Kind::MonthDayRange => day_range(c)?,
        Kind::Numeric => numeric(c)?,
        Kind::DayMonth | Kind::MonthDay => day_in(num(c, "d")?, month()?, num(c, "y"))?,
        Kind::MonthYear => DateExpr::MonthYear {
            month: month()?,
            year: num(c, "y")?,
        },
        Kind::Relative => relative(c.name("r")?.as_str()),
        Kind::Counted => counted(c)?,
        Kind::NextDay => DateExpr::Later(if c["which"].eq_ignore_ascii_case("previous") {
            -1
        } else {
            1
        }),
        Kind::Period => period(c)?,
        Kind::Month => {
            let which = c.name("which");
            // "in March": the mention is the month; "last March" keeps its `last`.
            let start = which.map_or(c.name("m")?.start(), |w| w.start());
            return Some((
                DateExpr::Month {
                    month: month()?,
                    which: which_of(which.map(|w| w.as_str())),
                },
                start..whole.end,
            ));
        }
        Kind::Weekday => DateExpr::Weekday {
            weekday: weekday_number(c.name("wd")?.as_str())?,
            which: which_of(c.name("which").map(|w| w.as_str())),
        },
    };
    Some((expr, whole))
}

/// Finds every date mention in normalized text, sorted, without tense ([`govern`] adds it).
pub fn find(text: &str) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut taken = super::ranges::Disjoint::default();
    for (kind, re) in PATTERNS.iter() {
        for c in re.captures_iter(text) {
            let Some((expr, range)) = expr_of(*kind, &c) else {
                continue;
            };
            if taken.overlaps(&range) {
                continue;
            }
            taken.insert(range.clone());
            let weekday = match kind {
                Kind::Weekday => None,
                _ => c.name("wd").and_then(|w| weekday_number(w.as_str())),
            };
            out.push(DateMention {
                phrase_start: range.start,
                range,
                expr,
                weekday,
                bound: Bound::Exact,
                tense: Governing::default(),
                nearest_year: None,
                anchor: None,
            });
        }
    }
    out.sort_by_key(|d| d.range.start);
    let between = bounds(text, &mut out);
    let mut out = merge_spans(text, out, &between);
    anchor_and_years(text, &mut out);
    out
}

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
fn bounds(text: &str, mentions: &mut [DateMention]) -> Vec<bool> {
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
fn merge_spans(text: &str, mentions: Vec<DateMention>, between: &[bool]) -> Vec<DateMention> {
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
fn anchor_and_years(text: &str, mentions: &mut [DateMention]) {
    let years = if mentions.iter().any(|m| m.expr.needs_year()) {
        years(text)
    } else {
        Vec::new()
    };
    for i in 0..mentions.len() {
        if matches!(mentions[i].expr, DateExpr::Later(_)) && i > 0 {
            let (prev, m) = (&mentions[i - 1], &mentions[i]);
            if !text[prev.range.end..m.range.start].contains("\n\n") {
                mentions[i].anchor = Some(i - 1);
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

/// Sets the tense cue of every mention that needs one, given the sentence around an offset.
pub fn govern(mentions: &mut [DateMention], text: &str, sentence_of: impl Fn(usize) -> Option<Range<usize>>) {
    for m in mentions.iter_mut().filter(|m| m.expr.needs_tense()) {
        if let Some(s) = sentence_of(m.range.start) {
            m.tense = super::tense::governing(text, &s, &m.range);
        }
    }
}

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
pub struct Resolution {
    pub value: Resolved,
    /// Appended to "`phrase` read as …": " (past: `said`)", ", the nearest Tuesday; …".
    pub how: String,
}

impl Resolution {
    /// "`on Tuesday` read as 2025-03-11 (past: `said`)"; none for a day written as itself.
    pub fn note(&self, phrase: &str) -> Option<String> {
        match &self.value {
            Resolved::Day(d) if phrase == d.to_string() => None,
            Resolved::Day(_) | Resolved::Days { .. } => {
                Some(format!("`{phrase}` read as {}{}", self.value.describe(), self.how))
            }
            Resolved::NotADate(_) | Resolved::Unknown(_) => None,
        }
    }

    fn fail(value: Resolved) -> Resolution {
        Resolution {
            value,
            how: String::new(),
        }
    }
}

/// A day or span and how it was read, before the bound applies.
type Span = (Date, Date, String);

/// Reads every mention (in order: `two days later` reads the mention before it).
pub fn resolve_all(mentions: &[DateMention], reading: Reading, text: &str) -> Vec<Resolution> {
    let mut out: Vec<Resolution> = Vec::with_capacity(mentions.len());
    for m in mentions {
        let anchor = m.anchor.map(|a| (&mentions[a], &out[a]));
        let r = match span_of(&m.expr, m, reading, anchor, text) {
            Ok((first, last, how)) => {
                let value = match m.bound {
                    Bound::Exact => Resolved::span(Some(first), Some(last)),
                    // The named day stays open: see the module docs.
                    Bound::Before => Resolved::span(None, Some(first)),
                    Bound::By => Resolved::span(None, Some(last)),
                    Bound::After => Resolved::span(Some(last), None),
                    Bound::Since => Resolved::span(Some(first), None),
                };
                Resolution { value, how }
            }
            Err(failed) => Resolution::fail(failed),
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
    if let Some(wd) = m.weekday {
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
        let (Some(wd), Resolved::Day(d)) = (self.weekday, resolved) else {
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;

    /// Each mention as written and as read on `published`, with tense from the article.
    fn read(text: &str, published: &str, order: DateOrder) -> Vec<(String, Resolved)> {
        let a = Article::new("a.txt", text.to_string());
        let reading = Reading {
            published: Date::parse_iso(published),
            order,
        };
        let mentions = a.dates();
        mentions
            .iter()
            .zip(resolve_all(mentions, reading, &a.text))
            .map(|(m, r)| (a.text[m.range.clone()].to_string(), r.value))
            .collect()
    }

    fn resolved(text: &str, published: &str) -> Vec<(String, Resolved)> {
        read(text, published, DateOrder::Dmy)
    }

    fn day(s: &str) -> Resolved {
        Resolved::Day(Date::parse_iso(s).unwrap())
    }

    fn days(first: &str, last: &str) -> Resolved {
        Resolved::Days {
            first: Date::parse_iso(first),
            last: Date::parse_iso(last),
        }
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
            "Mar 11",
            "the 11th of March",
            "Tuesday, March 11th, 2025",
            "11/3/2025",
            "11.03.2025",
        ] {
            let r = resolved(s, "2025-01-02");
            assert_eq!(r, vec![(s.to_string(), day("2025-03-11"))], "{s}");
        }
    }

    #[test]
    fn last_and_next_weekdays_and_relative_days() {
        let text = "last Saturday, yesterday, next Tuesday, the day before yesterday, the day after tomorrow, \
                    two days ago, a week ago, three days from now, last night";
        let got: Vec<Resolved> = resolved(text, "2025-03-11").into_iter().map(|r| r.1).collect();
        let want = [
            "2025-03-08",
            "2025-03-10",
            "2025-03-18",
            "2025-03-09",
            "2025-03-13",
            "2025-03-09",
            "2025-03-04",
            "2025-03-14",
            "2025-03-10",
        ];
        assert_eq!(got, want.map(day));
    }

    #[test]
    fn months_weeks_and_years_are_spans_of_days() {
        let r = resolved(
            "Last week, in March 2025, the 2025 summit, earlier this week",
            "2025-03-13",
        );
        assert_eq!(
            r,
            vec![
                ("Last week".to_string(), days("2025-03-03", "2025-03-09")),
                ("March 2025".to_string(), days("2025-03-01", "2025-03-31")),
                ("earlier this week".to_string(), days("2025-03-10", "2025-03-12")),
            ]
        );
    }

    #[test]
    fn bounds_and_ranges_are_spans() {
        let text = "The results will be made public before May 18. Talks ran between 3 and 5 March and \
                    from 10 to 12 March; 20-22 April; the deal stands by Friday.";
        let r = resolved(text, "2020-05-12");
        assert_eq!(r[0], ("before May 18".to_string(), days("", "2020-05-18")));
        assert_eq!(
            r[1],
            ("between 3 and 5 March".to_string(), days("2020-03-03", "2020-03-05"))
        );
        assert_eq!(r[2].1, days("2020-03-10", "2020-03-12"));
        assert_eq!(r[3].1, days("2020-04-20", "2020-04-22"));
        assert_eq!(r[4].0, "by Friday");
    }

    #[test]
    fn numeric_dates_read_in_the_files_order() {
        let text = "Signed on 3/4/2025 and 02/22/2016.";
        let dmy = read(text, "2025-05-01", DateOrder::Dmy);
        assert_eq!(dmy[0].1, day("2025-04-03"));
        assert!(matches!(dmy[1].1, Resolved::NotADate(_)));
        let mdy = read(text, "2025-05-01", DateOrder::Mdy);
        assert_eq!(mdy[0].1, day("2025-03-04"));
        assert_eq!(mdy[1].1, day("2016-02-22"));
        assert_eq!(
            read("On 3/3/2025.", "2025-05-01", DateOrder::Dmy)[0].1,
            day("2025-03-03")
        );
        assert!(find("On 30 February, 31/31/2025 or 12/13/14").is_empty());
    }

    #[test]
    fn later_counts_from_the_date_before_it_in_its_paragraph() {
        let text = "Protesters gathered on 4 March 2025. Two days later, police cleared the square.\n\nA week later, it rained.";
        let r = resolved(text, "2025-03-20");
        assert_eq!(r[1].1, day("2025-03-06"));
        assert_eq!(r[2].1, day("2025-03-27"));
    }

    #[test]
    fn a_weekday_that_contradicts_its_date_is_noted() {
        let text = "Tuesday 12 March 2025";
        let m = &find(text)[0];
        let r = resolve_all(std::slice::from_ref(m), Reading::default(), text);
        assert_eq!(
            m.weekday_conflict(&r[0].value, text).as_deref(),
            Some("\"Tuesday 12 March 2025\": 2025-03-12 is a Wednesday, not a Tuesday")
        );
    }

    #[test]
    fn day_without_year_takes_the_nearest_year_when_nothing_is_published() {
        let text = "The 2024 talks began on 4 May.";
        assert_eq!(resolved(text, "none").last().unwrap().1, day("2024-05-04"));
    }

    #[test]
    fn generated_text_never_panics_and_ranges_land_on_char_boundaries() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "before", "by", "no later than", "between", "and", "from", "to", "-", "3", "12", "3/4/2025",
            "03.04.2025", "March", "Sept.", "May", "Tuesday", "Tuesday's", "night", "two days", "ago", "later",
            "the day before yesterday", "last", "this", "next", "week", "on", "for", "said", "will", "was held",
            "É", "日本", "İ", "«", "»", "\"", ",", ".", "(", ")", " ", " ", "\n\n", "—",
        ];
        let mut seed: u64 = 0x2545_F491_4F6C_DD1D;
        for round in 0..200 {
            let mut text = String::new();
            for _ in 0..(10 + round % 60) {
                seed ^= seed << 13;
                seed ^= seed >> 7;
                seed ^= seed << 17;
                text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
                if !seed.is_multiple_of(3) {
                    text.push(' ');
                }
            }
            let a = Article::new("gen.txt", text);
            for order in [DateOrder::Dmy, DateOrder::Mdy] {
                let reading = Reading {
                    published: Date::parse_iso("2025-03-12"),
                    order,
                };
                let read = resolve_all(a.dates(), reading, &a.text);
                for (m, r) in a.dates().iter().zip(&read) {
                    assert!(a.text.is_char_boundary(m.range.start) && a.text.is_char_boundary(m.range.end));
                    assert!(m.phrase_start <= m.range.start, "{:?}", a.text);
                    let _ = r.note(m.phrase(&a.text));
                }
            }
            let ranges: Vec<_> = a.dates().iter().map(|m| m.range.clone()).collect();
            assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start), "{:?}", a.text);
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find("Prices may 5 times rise; they may rise").is_empty());
        // A month alone needs its full name after a preposition.
        assert!(find("A novel by Jan Kowalski; March on, said May.").is_empty());
    }
}
