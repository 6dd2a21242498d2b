//! Number mentions as copy writes them (the claim format, "Numbers"): `34`, `1,200`, `3.5`,
//! `-5`, `minus 5`, `800 thousand`, `1.2 million`, `£3.5m`, `$1.2bn`, `2tn`, `10k`, `13 lakh`,
//! `2.5 crore`, `12,34,567`, `1 234 567`, `thirty-four`, `two hundred and fifty thousand`,
//! `a dozen`, `two-thirds`, `half a million`, `1½`, `30-day`, `-5C`, `12%`, `12 per cent`,
//! `40pc`, `2 percentage points`, a range `10-15`, vague amounts (`hundreds`), and the
//! qualifiers before them ("more than 30", "nearly 800,000").
//!
//! A qualifier applies to the figure it stands right before ("one over three" is no `over 3`:
//! a qualifier after a number word is not one); a conversion in brackets is a figure of its own.
//!
//! ## Not numbers
//! Citation marks (`[1]`), model names (`F-35A`, `G7`, `E5`), the parts of a date (found first,
//! in `dates.rs`), and, kept with a reason so a claim whose only candidate was one can say so
//! ([`NotANumber`]): clock times (`8 PM`, `8 p.m.`, `20:00`, `8.30am`), ordinals (`fifth`,
//! `21st`), scores (`a 3-2 win`) and years standing alone.
//!
//! ## Readings decided here
//! - A year: a four-digit whole number from 1900 to 2100, written without separator, scale,
//!   per cent or unit, is a year ("in 2024", "the 2025 summit", "2024 was") unless a qualifier
//!   stands before it ("some 2000 troops") or it is followed by a plural word with no
//!   year word before it ("2000 troops"; not "the 2020 elections"). `2,000` and `1500` are
//!   always numbers.
//! - Spaced thousands: normalization makes every space plain, so the source decides. Groups of
//!   exactly three digits after a head of one to three join when every space between them was
//!   a thin or non-breaking space (`1 234 567`); with plain spaces only two groups or more join
//!   (`1 234 567`), since one ("5 000", "in 2024 150 people") may be two numbers.
//! - A fraction is its exact value (two-thirds is 2/3), so `{min: 0.66, max: 0.67}` holds it
//!   and `number: 0.667` does not.
//! - A dash between two numbers is a range when the first is smaller (`10-15 people`), else,
//!   or before `win`, `defeat`, `draw`…, a score.
//!
//! The module's jobs, one file each: `digits` (figures in digits, their scales and units, and
//! what looks like a number but is not), `words` (number words, fractions and vague
//! amounts), `qualifiers` (the words before a figure and a minus). The mention types and
//! [`find`], which runs them, are here.

mod digits;
mod qualifiers;
mod words;

use std::ops::Range;

use digits::{Figures, figure};
use words::number_words;

/// How the article qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// about, around, roughly, some, approximately, an estimated: within 10%.
    About,
    /// nearly, almost: up to 10% under, the figure itself excluded.
    Nearly,
    /// more than, over, above: open above.
    Above,
    /// at least: the figure or more.
    AtLeast,
    /// fewer than, less than, under, below: open below.
    Below,
    /// at most, up to, as many as: the figure or less.
    AtMost,
    /// `10-15`: from the value to [`NumberMention::upper`].
    Between,
    /// hundreds, dozens, thousands: never a figure.
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The number as written, qualifier and currency included ("more than £30m").
    pub range: Range<usize>,
    pub value: f64,
    /// The top of a range (`10-15`).
    pub upper: Option<f64>,
    pub bound: Bound,
    /// The qualifier as written, if any.
    pub qualifier: Option<String>,
    pub percent: bool,
}

/// The values a wording allows: from `lo` to `hi`, each end open or closed.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Interval {
    pub lo: f64,
    pub hi: f64,
    pub lo_open: bool,
    pub hi_open: bool,
}

impl Interval {
    fn closed(lo: f64, hi: f64) -> Interval {
        Interval {
            lo,
            hi,
            lo_open: false,
            hi_open: false,
        }
    }

    /// Every value it allows lies in the closed range `min..=max`: the wording establishes it.
    pub fn inside(&self, min: f64, max: f64) -> bool {
        self.lo >= min && self.hi <= max
    }

    /// No value it allows lies in `min..=max`: the wording excludes it.
    pub fn outside(&self, min: f64, max: f64) -> bool {
        self.hi < min || (self.hi == min && self.hi_open) || self.lo > max || (self.lo == max && self.lo_open)
    }

    /// The values in words: "900 to 1100", "above 30", "900 up to, not including, 1000".
    pub fn describe(&self) -> String {
        let (lo, hi) = (format_value(self.lo), format_value(self.hi));
        match (self.lo.is_finite(), self.hi.is_finite()) {
            (true, false) if self.lo_open => format!("above {lo}"),
            (true, false) => format!("{lo} or more"),
            (false, true) if self.hi_open => format!("under {hi}"),
            (false, true) => format!("{hi} or less"),
            _ if self.lo == self.hi => lo,
            _ if self.hi_open => format!("{lo} up to, not including, {hi}"),
            _ if self.lo_open => format!("above {lo} up to {hi}"),
            _ => format!("{lo} to {hi}"),
        }
    }
}

impl NumberMention {
    fn exact(range: Range<usize>, value: f64, percent: bool) -> NumberMention {
        NumberMention {
            range,
            value,
            upper: None,
            bound: Bound::Exact,
            qualifier: None,
            percent,
        }
    }

    /// The values the article allows; none for a vague amount.
    pub fn interval(&self) -> Option<Interval> {
        let v = self.value;
        // A tenth by division: `1000.0 * 0.9` is not 900.
        let tenth = v.abs() / 10.0;
        let open = |lo: f64, hi: f64, lo_open: bool, hi_open: bool| Interval {
            lo,
            hi,
            lo_open,
            hi_open,
        };
        Some(match self.bound {
            Bound::Exact => Interval::closed(v, v),
            Bound::About => Interval::closed(v - tenth, v + tenth),
            // "nearly" counts towards the figure: under it for a positive one.
            Bound::Nearly if v >= 0.0 => open(v - tenth, v, false, true),
            Bound::Nearly => open(v, v + tenth, true, false),
            Bound::Above => open(v, f64::INFINITY, true, false),
            Bound::AtLeast => open(v, f64::INFINITY, false, false),
            Bound::Below => open(f64::NEG_INFINITY, v, false, true),
            Bound::AtMost => open(f64::NEG_INFINITY, v, false, false),
            Bound::Between => Interval::closed(v, self.upper.unwrap_or(v)),
            Bound::Vague => return None,
        })
    }

    /// How a qualified number was read, for the report.
    pub fn reading(&self) -> Option<String> {
        let q = self.qualifier.as_deref().unwrap_or("");
        let iv = self.interval();
        match (self.bound, iv) {
            (Bound::Exact, _) => None,
            (Bound::Vague, _) | (_, None) => Some("a vague amount, never a figure".to_string()),
            (Bound::Between, Some(iv)) => Some(format!("read as a range: {}", iv.describe())),
            (_, Some(iv)) => Some(format!("`{q}` read as {}", iv.describe())),
        }
    }
}

/// A value as reports print it: no trailing ".0", no exponent, at most six decimals
/// (two-thirds prints as 0.666667).
pub(crate) fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else if v.is_finite() {
        let s = format!("{v:.6}");
        s.trim_end_matches('0').trim_end_matches('.').to_string()
    } else {
        format!("{v}")
    }
}

/// Why a candidate is not a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NotNumber {
    ClockTime,
    Ordinal,
    Year,
    Score,
    /// `1.` or `2)` opening a list item: the item's place, not an amount.
    ListMarker,
}

impl NotNumber {
    pub fn what(self) -> &'static str {
        match self {
            NotNumber::ClockTime => "a clock time",
            NotNumber::Ordinal => "an ordinal",
            NotNumber::Year => "a year",
            NotNumber::Score => "a score",
            NotNumber::ListMarker => "a list marker",
        }
    }
}

/// Something that looks like a number and is not one, with the reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NotANumber {
    pub range: Range<usize>,
    pub why: NotNumber,
}

/// What [`find`] finds: the numbers, and the candidates that were not, both sorted.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct Numbers {
    pub mentions: Vec<NumberMention>,
    pub rejected: Vec<NotANumber>,
}

fn scale_of(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" | "k" => Some(1e3),
        "lakh" => Some(1e5),
        "million" | "m" => Some(1e6),
        "crore" => Some(1e7),
        "billion" | "bn" => Some(1e9),
        "trillion" | "tn" => Some(1e12),
        "lakh crore" => Some(1e12),
        _ => None,
    }
}

/// Finds the numbers of normalized text, skipping the given date ranges (disjoint, as
/// [`super::dates::find`] finds them). Spaced thousands join only with two groups or more.
pub fn find(text: &str, dates: &[Range<usize>]) -> Numbers {
    find_in(text, dates, &|_| false)
}

/// [`find`], told which spaces of `text` were thin or non-breaking in the source.
pub(crate) fn find_in(text: &str, dates: &[Range<usize>], hard_space: &dyn Fn(usize) -> bool) -> Numbers {
    find_with(text, dates, hard_space, Figures::for_text(text))
}

fn find_with(text: &str, dates: &[Range<usize>], hard_space: &dyn Fn(usize) -> bool, figures: Figures) -> Numbers {
    let dates: super::ranges::Disjoint = dates.iter().filter(|d| !d.is_empty()).cloned().collect();
    let in_date = |r: &Range<usize>| dates.overlaps(r);
    let mut out = Numbers::default();
    let mut at = 0;
    while let Some(m) = figures.core.find_at(text, at) {
        at = match figure(text, m.range(), hard_space, figures) {
            Some(Read::Number(n)) if !in_date(&n.range) => {
                let end = n.range.end;
                out.mentions.push(n);
                end
            }
            Some(Read::Not(r)) if !in_date(&r.range) => {
                let end = r.range.end;
                out.rejected.push(r);
                end
            }
            Some(Read::Number(NumberMention { range, .. }) | Read::Not(NotANumber { range, .. })) => range.end,
            None => m.end(),
        }
        .max(m.end());
    }
    number_words(text, &in_date, &mut out);
    out.mentions.sort_by_key(|a| a.range.start);
    out.rejected.sort_by_key(|r| r.range.start);
    // Kept with the article: not the doubling's spare room (a 50 MB article has some
    // 300,000 mentions of 72 bytes).
    out.mentions.shrink_to_fit();
    out.rejected.shrink_to_fit();
    out
}

/// A candidate read: a number, or why it is not one.
enum Read {
    Number(NumberMention),
    Not(NotANumber),
}

#[cfg(test)]
mod tests {
    use super::*;

    fn read(text: &str, hard: &[usize]) -> Numbers {
        let dates: Vec<Range<usize>> = super::super::dates::find(text).into_iter().map(|d| d.range).collect();
        find_in(text, &dates, &|at| hard.contains(&at))
    }

    fn values(text: &str) -> Vec<(String, f64, Bound)> {
        read(text, &[])
            .mentions
            .into_iter()
            .map(|n| (text[n.range.clone()].to_string(), n.value, n.bound))
            .collect()
    }

    #[test]
    fn list_markers_are_not_numbers() {
        let text = "The plan has three parts:\n\n1. Troops will stay.\n\n2) Aid will flow to 40 towns.";
        assert_eq!(
            rejected(text),
            vec![
                ("1.".to_string(), NotNumber::ListMarker),
                ("2)".to_string(), NotNumber::ListMarker)
            ]
        );
        let got: Vec<f64> = find(text, &[]).mentions.iter().map(|n| n.value).collect();
        assert_eq!(got, vec![3.0, 40.0]);
    }

    fn rejected(text: &str) -> Vec<(String, NotNumber)> {
        read(text, &[])
            .rejected
            .into_iter()
            .map(|n| (text[n.range.clone()].to_string(), n.why))
            .collect()
    }

    fn value_of(text: &str) -> f64 {
        let got = values(text);
        assert_eq!(got.len(), 1, "{text}: {got:?}");
        got[0].1
    }

    #[test]
    fn seed_numbers() {
        let text = "Macron met 34 leaders of Staff. There were generals of 30 EU and NATO countries. \
                    With its 800 thousand men, three years after the invasion. The E5 group met on Wednesday 12 March.";
        assert_eq!(
            values(text),
            vec![
                ("34".into(), 34.0, Bound::Exact),
                ("30".into(), 30.0, Bound::Exact),
                ("800 thousand".into(), 800_000.0, Bound::Exact),
                ("three".into(), 3.0, Bound::Exact),
            ]
        );
    }

    #[test]
    fn separators_decimals_scales_and_percentages() {
        let got = values("1,200 troops, 3.5 km, 1.2 million people, 2bn euros, 12% and 12 per cent");
        let v: Vec<f64> = got.iter().map(|g| g.1).collect();
        assert_eq!(v, vec![1200.0, 3.5, 1_200_000.0, 2e9, 12.0, 12.0]);
    }

    #[test]
    fn number_words_and_vague_amounts() {
        let got =
            values("thirty-four countries, a dozen ships, eight hundred thousand men, hundreds of drones, one of them");
        assert_eq!(
            got,
            vec![
                ("thirty-four".into(), 34.0, Bound::Exact),
                ("a dozen".into(), 12.0, Bound::Exact),
                ("eight hundred thousand".into(), 800_000.0, Bound::Exact),
                ("hundreds".into(), 0.0, Bound::Vague),
            ]
        );
    }

    /// Number words are read a stretch of text at a time: a figure across the end of a
    /// stretch, or one whose next words decide it there ("three quarters of"), reads as it
    /// does in a short text, wherever the stretch ends.
    #[test]
    fn number_words_across_stretches_read_as_in_one_piece() {
        let phrase = "about two hundred and fifty thousand troops, three quarters of them, a dozen ships";
        let alone = values(phrase);
        assert_eq!(alone.len(), 3, "{alone:?}");
        // The stretch is 64 KiB: the phrase starts a few bytes either side of its end.
        for shift in 0..phrase.len() {
            let filler = "x ".repeat(((64 << 10) - shift) / 2);
            let text = format!("{filler}{phrase}");
            let got: Vec<_> = values(&text).into_iter().filter(|(w, ..)| w != "x").collect();
            assert_eq!(got, alone, "phrase at {}", filler.len());
        }
    }

    #[test]
    fn qualifiers_are_kept() {
        let got = values("more than 30 countries and nearly 800,000 men, at least 5 ships");
        assert_eq!(
            got,
            vec![
                ("more than 30".into(), 30.0, Bound::Above),
                ("nearly 800,000".into(), 800_000.0, Bound::Nearly),
                ("at least 5".into(), 5.0, Bound::AtLeast),
            ]
        );
    }

    #[test]
    fn model_names_citations_dates_and_times_are_not_numbers() {
        let got = values("F-35A jets, the G7 and E5, 31 countries[1][2], on 11 March 2025 at 10:30, the 11th hour");
        assert_eq!(got, vec![("31".into(), 31.0, Bound::Exact)]);
    }

    #[test]
    fn hyphenated_compounds_count() {
        assert_eq!(values("a 30-day ceasefire"), vec![("30".into(), 30.0, Bound::Exact)]);
    }

    #[test]
    fn intervals_follow_the_wording() {
        let iv = |s: &str| read(s, &[]).mentions[0].interval().unwrap();
        assert_eq!(iv("about 1,000"), Interval::closed(900.0, 1100.0));
        let nearly = iv("nearly 1,000");
        assert_eq!((nearly.lo, nearly.hi, nearly.hi_open), (900.0, 1000.0, true));
        assert!(nearly.outside(1000.0, 1000.0));
        assert!(iv("more than 30").inside(30.0, f64::INFINITY));
        assert!(iv("more than 30").outside(f64::NEG_INFINITY, 30.0));
        assert!(!iv("at least 30").outside(f64::NEG_INFINITY, 30.0));
        assert_eq!(iv("some 40 people").describe(), "36 to 44");
    }

    #[test]
    fn negative_amounts_and_dash_pairs() {
        assert_eq!(value_of("fell to -5C overnight"), -5.0);
        assert_eq!(value_of("minus 5 degrees"), -5.0);
        assert_eq!(value_of("dropped to minus five"), -5.0);
        let got = read("10-15 people", &[]).mentions;
        assert_eq!(
            (got[0].value, got[0].upper, got[0].bound),
            (10.0, Some(15.0), Bound::Between)
        );
        assert_eq!(rejected("a 3-2 win"), vec![("3-2".into(), NotNumber::Score)]);
        let got = read("10-15 million people and 20-30% of them", &[]).mentions;
        assert_eq!((got[0].value, got[0].upper), (1e7, Some(1.5e7)));
        assert!(got[1].percent && got[1].upper == Some(30.0));
        assert!(values("a 10-15x zoom").is_empty());
        assert!(values("a 3-2 win").is_empty());
    }

    #[test]
    fn fractions_and_halves() {
        assert_eq!(value_of("Two-thirds of voters"), 2.0 / 3.0);
        assert_eq!(value_of("a third of the budget"), 1.0 / 3.0);
        assert_eq!(value_of("three quarters of staff"), 0.75);
        assert_eq!(value_of("half of them"), 0.5);
        assert_eq!(value_of("one and a half hours"), 1.5);
        assert_eq!(value_of("half a million people"), 500_000.0);
        assert_eq!(value_of("1½ hours"), 1.5);
        assert!(values("the third day").is_empty());
    }

    #[test]
    fn scales_glued_or_spaced_in_any_case() {
        assert_eq!(value_of("raised £3.5m"), 3_500_000.0);
        assert_eq!(value_of("a $1.2bn deal"), 1_200_000_000.0);
        assert_eq!(value_of("€4 billion"), 4e9);
        assert_eq!(value_of("2tn yen"), 2e12);
        assert_eq!(value_of("10k runners"), 10_000.0);
        assert_eq!(value_of("75K fans"), 75_000.0);
        assert_eq!(value_of("13 lakh jobs"), 1_300_000.0);
        assert_eq!(value_of("2.5 crore people"), 25_000_000.0);
        assert_eq!(value_of("Rs 20 lakh crore"), 2e13);
        assert_eq!(value_of("12,34,567 voters"), 1_234_567.0);
        assert_eq!(value_of("two hundred and fifty thousand"), 250_000.0);
        assert_eq!(value_of("a million"), 1e6);
    }

    #[test]
    fn per_cent_in_every_spelling() {
        for s in [
            "40pc",
            "40 pct",
            "40%",
            "40 per cent",
            "40 percent",
            "40 percentage points",
        ] {
            let n = &read(s, &[]).mentions[0];
            assert!(n.percent && n.value == 40.0, "{s}");
        }
        for s in ["forty per cent", "forty percent", "forty Per Cent"] {
            assert!(read(s, &[]).mentions[0].percent, "{s}");
        }
        assert!(!read("forty perched birds", &[]).mentions[0].percent);
    }

    #[test]
    fn spaced_thousands_join_on_thin_spaces_or_two_groups() {
        assert_eq!(value_of("1 234 567 visitors"), 1_234_567.0);
        assert_eq!(values("5 000 troops").len(), 2);
        let n = read("5 000 troops", &[1]).mentions;
        assert_eq!(n.len(), 1);
        assert_eq!(n[0].value, 5000.0);
        assert_eq!(values("in 2024 150 people"), vec![("150".into(), 150.0, Bound::Exact)]);
    }

    #[test]
    fn clock_times_ordinals_and_years_are_kept_aside() {
        for (s, what) in [
            ("at 8 PM", "8 PM"),
            ("at 8 p.m. local", "8 p.m."),
            ("at 20:00", "20:00"),
            ("by 8.30am", "8.30am"),
        ] {
            assert!(values(s).is_empty(), "{s}");
            assert_eq!(rejected(s), vec![(what.to_string(), NotNumber::ClockTime)], "{s}");
        }
        assert_eq!(rejected("the 21st century"), vec![("21st".into(), NotNumber::Ordinal)]);
        assert_eq!(rejected("the fifth day"), vec![("fifth".into(), NotNumber::Ordinal)]);
        assert_eq!(rejected("in 2024"), vec![("2024".into(), NotNumber::Year)]);
        assert_eq!(rejected("the 2025 summit"), vec![("2025".into(), NotNumber::Year)]);
        assert_eq!(value_of("2000 troops"), 2000.0);
        assert_eq!(value_of("2,000 troops"), 2000.0);
        assert_eq!(value_of("1500 troops"), 1500.0);
        assert_eq!(value_of("some 2000 troops"), 2000.0);
    }

    #[test]
    fn a_qualifier_stands_before_its_figure() {
        assert_eq!(values("one over three"), vec![("three".into(), 3.0, Bound::Exact)]);
        let got = values("more than 1,000 miles (1,600 km)");
        assert_eq!(got[1], ("1,600".into(), 1600.0, Bound::Exact));
        assert_eq!(values("more than £3.5m")[0].2, Bound::Above);
    }

    #[test]
    fn ascii_digit_patterns_read_what_the_unicode_ones_read() {
        let text = "Some 1,200 troops and 12,34,567 rupees, up 3.5% to £2.4bn; a 3-2 win, 10-15 \
                    million, 8 p.m., in 2024, 1 000 000 people, 15 000 more, -5C, G7, [1], “40 per \
                    cent”, Müller’s 2 000 men — 1.5 hours.\n\n1. A list item";
        assert!(crate::article::dates::lean_reads_alike(text));
        let dates: Vec<Range<usize>> = super::super::dates::find(text).into_iter().map(|d| d.range).collect();
        let thin = text.find("15 000").unwrap() + 2;
        let hard = |at: usize| at == thin;
        let lean = find_with(text, &dates, &hard, Figures::compiled(true));
        assert_eq!(lean, find_with(text, &dates, &hard, Figures::compiled(false)));
        assert!(lean.mentions.len() >= 12, "{:?}", lean.mentions);
        // An Arabic-Indic figure is a `\d` match, not a `[0-9]` one: such a text takes the
        // Unicode patterns.
        assert!(!crate::article::dates::lean_reads_alike("Some \u{661}\u{662} troops"));
    }

    #[test]
    fn names_are_not_numbers() {
        assert!(values("One Direction played. May was there.").is_empty());
        let got: Vec<f64> = values("three and four, three four").iter().map(|v| v.1).collect();
        assert_eq!(got, vec![3.0, 4.0, 3.0, 4.0]);
    }
}
