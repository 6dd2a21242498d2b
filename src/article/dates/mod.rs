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
//!
//! The module's jobs, one file each: `forms` (the written forms and what each says),
//! `bounds` (bound words, spans joined, anchors and years), `resolve` (what a mention means
//! on a reading, by tense). Mentions and their types, found by [`find`], are here.

mod bounds;
mod forms;
mod resolve;

pub(crate) use forms::lean_reads_alike;
pub(crate) use resolve::{Reading, Resolution, Resolved, resolve_all};

use std::ops::Range;

use super::tense::Governing;
use crate::date::Date;
use bounds::{anchor_and_years, bounds, merge_spans};
use forms::{Found, Kind, Patterns, expr_of, patterns_for, weekday_number};

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
    /// 0 = Monday, when written with the day ("Wednesday 12 March"). A byte, and `anchor`
    /// four: a 50 MB article has a quarter of a million mentions, all kept.
    pub weekday: Option<u8>,
    pub bound: Bound,
    /// Where the phrase a note quotes starts: with its `on` or `for` ("`on Tuesday`").
    pub phrase_start: usize,
    /// The cue that governs it, for a mention that [`DateExpr::needs_tense`] ([`govern`]).
    pub tense: Governing,
    /// For a day or month without a year: the year written nearest, used when nothing is
    /// published.
    pub nearest_year: Option<i32>,
    /// For [`DateExpr::Later`]: the mention it counts from.
    pub anchor: Option<u32>,
}

impl DateMention {
    /// The words a note quotes.
    pub fn phrase<'t>(&self, text: &'t str) -> &'t str {
        &text[self.phrase_start..self.range.end]
    }
}

/// Finds every date mention in normalized text, sorted, without tense (`govern` adds it).
pub fn find(text: &str) -> Vec<DateMention> {
    find_with(text, patterns_for(text))
}

fn find_with(text: &str, patterns: &Patterns) -> Vec<DateMention> {
    let mut out: Vec<DateMention> = Vec::new();
    let mut taken = super::ranges::Disjoint::default();
    for (kind, re) in patterns {
        for c in Found::all(re, text) {
            let Some((expr, range)) = expr_of(*kind, &c) else {
                continue;
            };
            // The patterns' boundaries are ASCII ones (see `forms.rs`): a Unicode letter
            // touching the match means it is part of a word ("12 Marché").
            let whole = c.whole();
            let letter = |ch: Option<char>| ch.is_some_and(|ch| !ch.is_ascii() && ch.is_alphanumeric());
            if letter(text[..whole.start].chars().next_back()) || letter(text[whole.end..].chars().next()) {
                continue;
            }
            if taken.overlaps(&range) {
                continue;
            }
            taken.insert(range.clone());
            let weekday = match kind {
                Kind::Weekday => None,
                _ => c.name("wd").and_then(|w| weekday_number(w.as_str())).map(|d| d as u8),
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

/// Sets the tense cue of every mention that needs one, given the sentence around an offset.
pub(crate) fn govern(mentions: &mut [DateMention], text: &str, sentence_of: impl Fn(usize) -> Option<Range<usize>>) {
    for m in mentions.iter_mut().filter(|m| m.expr.needs_tense()) {
        if let Some(s) = sentence_of(m.range.start) {
            m.tense = super::tense::governing(text, &s, &m.range);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::Article;
    use crate::date::DateOrder;

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
        let mut rng = crate::testrng::TestRng(0x2545_F491_4F6C_DD1D);
        for round in 0..200 {
            let text = rng.text(PIECES, 10 + round % 60);
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
                    // The note, made while reading, quotes the mention's own words.
                    if let Some(note) = &r.note {
                        assert!(note.starts_with(&format!("`{}` read as", m.phrase(&a.text))), "{note}");
                    }
                }
            }
            let ranges: Vec<_> = a.dates().iter().map(|m| m.range.clone()).collect();
            assert!(ranges.windows(2).all(|w| w[0].end <= w[1].start), "{:?}", a.text);
        }
    }

    #[test]
    fn lean_patterns_find_what_the_full_ones_find_where_they_read_alike() {
        #[rustfmt::skip]
        const PIECES: &[&str] = &[
            "before", "by", "no later than", "between", "and", "from", "to", "-", "3", "12", "1998", "2025-03-11",
            "3/4/2025", "03.04.2025", "March", "Sept.", "sept", "May", "Tuesday", "TUESDAY", "night", "two days",
            "Three weeks", "ago", "later", "the day before yesterday", "Last", "this", "next", "week", "on", "the",
            "of", "12th", "said", "Müller", "É", "日本", "“", "”", "’", "—", ",", ".", " ", "\n\n", "\t",
        ];
        let (lean, full) = (forms::compile(true), forms::compile(false));
        let mut rng = crate::testrng::TestRng(0x9E37_79B9_7F4A_7C15);
        let mut found = 0;
        for round in 0..300 {
            let text = rng.text(PIECES, 10 + round % 80);
            assert!(forms::lean_reads_alike(&text));
            let mentions = find_with(&text, &full);
            assert_eq!(find_with(&text, &lean), mentions, "{text:?}");
            found += mentions.len();
        }
        assert!(found > 300, "the generated text holds dates: {found}");
    }

    #[test]
    fn text_the_lean_patterns_read_otherwise_takes_the_full_ones() {
        // A no-break space, the Kelvin sign, an Arabic-Indic digit: `\s`, `(?i)k` and `\d`
        // match them, their ASCII forms do not.
        let (lean, full) = (forms::compile(true), forms::compile(false));
        for text in [
            "Talks end on 12\u{A0}March.",
            "They met two wee\u{212A}s ago.",
            "Talks end on \u{663} March.",
        ] {
            assert!(!forms::lean_reads_alike(text), "{text:?}");
            assert_eq!(find(text), find_with(text, &full), "{text:?}");
        }
        for text in ["Talks end on 12\u{A0}March.", "They met two wee\u{212A}s ago."] {
            assert_ne!(find_with(text, &lean), find_with(text, &full), "{text:?}");
        }
    }

    #[test]
    fn may_the_verb_is_not_a_month() {
        assert!(find("Prices may 5 times rise; they may rise").is_empty());
        // A month alone needs its full name after a preposition.
        assert!(find("A novel by Jan Kowalski; March on, said May.").is_empty());
    }
}
