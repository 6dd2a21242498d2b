//! The written forms of a date (`11 March 2025`, `Sept. 10`, `3/4/2025`, `on Tuesday`, `two
//! days ago`, `last week`) as regexes, each with what its words say ([`DateExpr`]). Apart
//! because a new form is added here and nowhere else.

use regex_automata::meta::{self, Regex};
use regex_automata::util::captures::Captures;
use std::ops::Range;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use super::{DateExpr, Part, Unit, Which};
use crate::date::{Date, DateOrder, MONTHS, WEEKDAYS};

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
pub(super) enum Kind {
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

/// The patterns, in the order they are tried, with what each says: earlier patterns win
/// where mentions overlap ("Wednesday 12 March" is one mention, "3-5 March" one span).
pub(super) type Patterns = [(Kind, Regex)];

/// The patterns for `text`. Compiling the full ones (Unicode classes, literal prefilters)
/// costs more than finding the dates of a 5 KB article, so a short text whose characters
/// the lean ones read alike takes those: ASCII classes and no prefilter, a third of the
/// compiling. Both find the same mentions there (see [`lean_reads_alike`]); once the texts
/// given to the lean ones add up to [`LEAN_BUDGET`], the prefilters pay off and the full
/// ones take over.
pub(super) fn patterns_for(text: &str) -> &'static Patterns {
    static FULL: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| compile(false));
    static LEAN: LazyLock<Vec<(Kind, Regex)>> = LazyLock::new(|| compile(true));
    static LEAN_BYTES: AtomicUsize = AtomicUsize::new(0);
    let lean = text.len() <= LEAN_BUDGET
        && lean_reads_alike(text)
        && LEAN_BYTES.fetch_add(text.len(), Ordering::Relaxed) + text.len() <= LEAN_BUDGET;
    if lean { &LEAN } else { &FULL }
}

/// The bytes of text searched with the lean patterns in one process before the full ones
/// take over: about where their faster search has paid for their compiling.
const LEAN_BUDGET: usize = 512 << 10;

/// Whether the lean patterns find in `text` what the full ones find: `\d`, `\s` and a
/// case-insensitive ASCII letter match nothing beyond ASCII there (no other digit or
/// space, no Kelvin sign or long s, the only letters that fold to ASCII ones). Word
/// boundaries are ASCII in both.
pub(crate) fn lean_reads_alike(text: &str) -> bool {
    text.is_ascii()
        || text
            .chars()
            .all(|c| c.is_ascii() || !(c.is_numeric() || c.is_whitespace() || c == '\u{212A}' || c == '\u{17F}'))
}

/// The patterns, full or lean (see [`patterns_for`]).
pub(super) fn compile(lean: bool) -> Vec<(Kind, Regex)> {
    let wd = format!(r"(?:(?P<wd>{WEEKDAY_ALT}),?\s+)?");
    let year = r"(?:,?\s+(?P<y>\d{4})\b)?";
    let sep = r"(?P<sep>\s*-\s*|\s+(?:to|and|until|through)\s+)";
    let number = NUMBER_WORDS.join("|");
    // ASCII word boundaries: a Unicode `\b` sends the regex engine to its slow path on every
    // paragraph with a curly quote or an accent (half of a mixed run on a 50 MB archive file).
    // Where the two differ, next to a non-ASCII letter, `find` drops the match.
    let re = |s: String| {
        let mut s = s.replace(r"\b", r"(?-u:\b)");
        if lean {
            s = s
                .replace(r"\d", "[0-9]")
                .replace(r"\s", r"[\t\n\x0B\x0C\r ]")
                .replace("(?i)", "(?i-u)")
                .replace("(?i:", "(?i-u:");
        }
        // As `regex::Regex` builds it, less the literal prefilters of the lean patterns.
        let config = meta::Config::new()
            .nfa_size_limit(Some(10 << 20))
            .hybrid_cache_capacity(2 << 20)
            .auto_prefilter(!lean);
        Regex::builder()
            .configure(config)
            .build(&s)
            .expect("date patterns compile")
    };
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
}

/// A match of a pattern, with the text it was found in.
pub(super) struct Found<'t> {
    text: &'t str,
    caps: Captures,
}

/// A group of a [`Found`] match.
#[derive(Clone, Copy)]
pub(super) struct Group<'t> {
    text: &'t str,
    start: usize,
    end: usize,
}

impl<'t> Group<'t> {
    pub(super) fn as_str(&self) -> &'t str {
        &self.text[self.start..self.end]
    }

    pub(super) fn start(&self) -> usize {
        self.start
    }

    pub(super) fn end(&self) -> usize {
        self.end
    }
}

impl<'t> Found<'t> {
    /// Every match of `re` in `text`, leftmost first, as `regex::Regex::captures_iter`.
    pub(super) fn all(re: &Regex, text: &'t str) -> impl Iterator<Item = Found<'t>> {
        re.captures_iter(text).map(move |caps| Found { text, caps })
    }

    /// The named group, when it took part in the match.
    pub(super) fn name(&self, name: &str) -> Option<Group<'t>> {
        (self.caps.get_group_by_name(name)).map(|s| Group {
            text: self.text,
            start: s.start,
            end: s.end,
        })
    }

    /// What the whole match covers.
    pub(super) fn whole(&self) -> Range<usize> {
        self.caps.get_match().expect("an iterated match").range()
    }
}

fn month_number(name: &str) -> Option<u8> {
    let lower = name.to_lowercase();
    MONTHS
        .iter()
        .position(|m| m.starts_with(&lower[..3.min(lower.len())]) && m.starts_with(&lower))
        .map(|i| i as u8 + 1)
}

pub(super) fn weekday_number(name: &str) -> Option<usize> {
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

fn num<T: std::str::FromStr>(c: &Found, name: &str) -> Option<T> {
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
fn day_range(c: &Found) -> Option<DateExpr> {
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
fn numeric(c: &Found) -> Option<DateExpr> {
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
fn counted(c: &Found) -> Option<DateExpr> {
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

fn period(c: &Found) -> Option<DateExpr> {
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
pub(super) fn expr_of(kind: Kind, c: &Found) -> Option<(DateExpr, Range<usize>)> {
    let mut whole = c.whole();
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
        Kind::NextDay => DateExpr::Later(if c.name("which")?.as_str().eq_ignore_ascii_case("previous") {
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
