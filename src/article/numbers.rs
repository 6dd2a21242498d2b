//! Number mentions as copy writes them: `34`, `1,200`, `3.5`, `800 thousand`, `1.2 million`,
//! `2bn`, `thirty-four`, `a dozen`, `hundreds` (vague), `30-day`, `12%`, `12 per cent`, and
//! the qualifiers before them ("more than 30", "nearly 800,000").
//!
//! Not numbers (claim-format.md): citation marks (`[1]`), model names (`F-35A`, `G7`, `E5`),
//! the parts of a date (found first, in `dates.rs`), ordinals and times.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

/// How the article qualifies a number.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Bound {
    Exact,
    /// about, around, roughly, some: within 10%.
    About,
    /// nearly, almost: up to 10% under.
    Nearly,
    /// more than, over, above.
    Above,
    /// at least.
    AtLeast,
    /// fewer than, less than, under, below.
    Below,
    /// at most, up to, as many as.
    AtMost,
    /// hundreds, dozens, thousands: never equal to a value.
    Vague,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NumberMention {
    /// The number as written, qualifier included ("more than 30").
    pub range: Range<usize>,
    pub value: f64,
    pub bound: Bound,
    /// The qualifier as written, if any.
    pub qualifier: Option<String>,
    pub percent: bool,
}

impl NumberMention {
    /// The values the article allows, as an interval (inclusive bounds).
    pub fn interval(&self) -> Option<(f64, f64)> {
        let v = self.value;
        let eps = 1e-9 * v.abs().max(1.0);
        Some(match self.bound {
            Bound::Exact => (v, v),
            Bound::About => (v * 0.9, v * 1.1),
            Bound::Nearly => (v * 0.9, v),
            Bound::Above => (v + eps, f64::INFINITY),
            Bound::AtLeast => (v, f64::INFINITY),
            Bound::Below => (f64::NEG_INFINITY, v - eps),
            Bound::AtMost => (f64::NEG_INFINITY, v),
            Bound::Vague => return None,
        })
    }

    /// How a qualified number was read, for the report.
    pub fn reading(&self) -> Option<String> {
        let q = self.qualifier.as_deref().unwrap_or("");
        let v = format_value(self.value);
        Some(match self.bound {
            Bound::Exact => return None,
            Bound::About => format!("\"{q}\" read as {v} ± 10%"),
            Bound::Nearly => format!("\"{q}\" read as up to 10% under {v}"),
            Bound::Above => format!("\"{q}\" read as a lower bound: above {v}"),
            Bound::AtLeast => format!("\"{q}\" read as a lower bound: {v} or more"),
            Bound::Below => format!("\"{q}\" read as an upper bound: under {v}"),
            Bound::AtMost => format!("\"{q}\" read as an upper bound: {v} or less"),
            Bound::Vague => "a vague amount, never equal to a value".to_string(),
        })
    }
}

/// A value as reports print it: no trailing ".0", no exponent.
pub fn format_value(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 {
        format!("{}", v as i64)
    } else {
        format!("{v}")
    }
}

static DIGITS: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)
        (?P<num>\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?)
        (?P<scale>\s?(?i:thousand|million|billion|trillion)\b|(?i:bn|m|k)\b)?
        (?P<pct>\s?%|\s(?i:per\s?cent|percent)\b)?",
    )
    .expect("compiles")
});

const QUALIFIERS: &[(&str, Bound)] = &[
    ("more than", Bound::Above),
    ("just over", Bound::Above),
    ("upwards of", Bound::Above),
    ("over", Bound::Above),
    ("above", Bound::Above),
    ("at least", Bound::AtLeast),
    ("no fewer than", Bound::AtLeast),
    ("no less than", Bound::AtLeast),
    ("fewer than", Bound::Below),
    ("less than", Bound::Below),
    ("just under", Bound::Below),
    ("under", Bound::Below),
    ("below", Bound::Below),
    ("at most", Bound::AtMost),
    ("up to", Bound::AtMost),
    ("as many as", Bound::AtMost),
    ("no more than", Bound::AtMost),
    ("nearly", Bound::Nearly),
    ("almost", Bound::Nearly),
    ("about", Bound::About),
    ("around", Bound::About),
    ("roughly", Bound::About),
    ("approximately", Bound::About),
    ("some", Bound::About),
    ("close to", Bound::About),
    ("an estimated", Bound::About),
    ("some", Bound::About),
];

const UNITS: &[&str] = &[
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
];
const TENS: &[&str] = &[
    "", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety",
];

fn scale_of(word: &str) -> Option<f64> {
    match word {
        "hundred" => Some(1e2),
        "thousand" => Some(1e3),
        "million" | "m" => Some(1e6),
        "billion" | "bn" => Some(1e9),
        "trillion" => Some(1e12),
        "k" => Some(1e3),
        _ => None,
    }
}

/// Finds the numbers of normalized text, skipping the given date ranges (disjoint, as
/// [`super::dates::find`] finds them).
pub fn find(text: &str, dates: &[Range<usize>]) -> Vec<NumberMention> {
    let dates: super::ranges::Disjoint = dates.iter().filter(|d| !d.is_empty()).cloned().collect();
    let in_date = |r: &Range<usize>| dates.overlaps(r);
    let mut out = Vec::new();
    for c in DIGITS.captures_iter(text) {
        let m = c.get(0).expect("group 0");
        let num = c.name("num").expect("num");
        let before = text[..num.start()].chars().next_back();
        let before2 = text[..num.start()].chars().rev().nth(1);
        let after = text[m.end()..].chars().next();
        // Model names (G7, F-35A, E5), citation marks ([1]), times (10:30), ordinals (11th).
        if before.is_some_and(|b| b.is_alphanumeric() || b == '.' || b == ':' || b == ',')
            || (before == Some('-') && before2.is_some_and(char::is_alphanumeric))
            || after.is_some_and(|a| a.is_alphanumeric() || a == ':' || a == '_')
            || (before == Some('[') && after == Some(']'))
            || in_date(&m.range())
        {
            continue;
        }
        let Ok(mut value) = num.as_str().replace(',', "").parse::<f64>() else {
            continue;
        };
        if let Some(s) = c.name("scale") {
            value *= scale_of(&s.as_str().trim().to_lowercase()).unwrap_or(1.0);
        }
        out.push(qualify(text, m.start()..m.end(), value, c.name("pct").is_some()));
    }
    out.extend(number_words(text, &in_date));
    out.sort_by_key(|n| n.range.start);
    out
}

/// Attaches the qualifier written just before a number, if any.
fn qualify(text: &str, range: Range<usize>, value: f64, percent: bool) -> NumberMention {
    let before = &text[..range.start];
    let mut from = before.len().saturating_sub(24);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let lower_tail: String = before[from..].to_lowercase();
    for (q, bound) in QUALIFIERS {
        if let Some(head) = lower_tail.strip_suffix(' ').and_then(|t| t.strip_suffix(q))
            && head.chars().next_back().is_none_or(|c| !c.is_alphanumeric())
        {
            let start = range.start - q.len() - 1;
            return NumberMention {
                range: start..range.end,
                value,
                bound: *bound,
                qualifier: Some(text[start..range.start - 1].to_string()),
                percent,
            };
        }
    }
    NumberMention {
        range,
        value,
        bound: Bound::Exact,
        qualifier: None,
        percent,
    }
}

/// Number words: "thirty-four", "three", "eight hundred thousand", "a dozen", and vague
/// amounts ("hundreds", "dozens"). A lone "one" is not counted ("one of the…").
fn number_words(text: &str, in_date: &dyn Fn(&Range<usize>) -> bool) -> Vec<NumberMention> {
    let words: Vec<(Range<usize>, &str)> = super::words::words(text, &['-'])
        .into_iter()
        .map(|r| (r.clone(), &text[r]))
        .collect();
    let mut out = Vec::new();
    let mut i = 0;
    while i < words.len() {
        let (r, w) = &words[i];
        let lw = w.to_lowercase();
        if matches!(
            lw.as_str(),
            "dozens" | "hundreds" | "thousands" | "millions" | "billions" | "scores"
        ) {
            out.push(NumberMention {
                range: r.clone(),
                value: 0.0,
                bound: Bound::Vague,
                qualifier: None,
                percent: false,
            });
            i += 1;
            continue;
        }
        if lw == "dozen" {
            let start = match i.checked_sub(1).map(|j| (&words[j].0, words[j].1.to_lowercase())) {
                Some((pr, a)) if a == "a" => pr.start,
                _ => r.start,
            };
            out.push(qualify(text, start..r.end, 12.0, false));
            i += 1;
            continue;
        }
        let Some((value, used)) = parse_words(&words[i..]) else {
            i += 1;
            continue;
        };
        let range = r.start..words[i + used - 1].0.end;
        let lone_one = used == 1 && lw == "one";
        if !lone_one && !in_date(&range) {
            out.push(qualify(text, range, value, false));
        }
        i += used;
    }
    out
}

/// Parses number words from the start of `words`: the value and how many words it used.
fn parse_words(words: &[(Range<usize>, &str)]) -> Option<(f64, usize)> {
    let mut total = 0.0;
    let mut current = 0.0;
    let mut used = 0;
    let mut any = false;
    for (_, w) in words {
        let lw = w.to_lowercase();
        let parts: Vec<&str> = lw.split('-').collect();
        let small = match parts.as_slice() {
            [t, u] => match (TENS.iter().position(|x| x == t), UNITS.iter().position(|x| x == u)) {
                (Some(t), Some(u)) if t >= 2 && (1..10).contains(&u) => Some((t * 10 + u) as f64),
                _ => None,
            },
            [one] => UNITS.iter().position(|x| x == one).map(|u| u as f64).or_else(|| {
                TENS.iter()
                    .position(|x| x == one && !x.is_empty())
                    .map(|t| (t * 10) as f64)
            }),
            _ => None,
        };
        if let Some(v) = small {
            current += v;
            any = true;
        } else if let (true, Some(s)) = (any, scale_of(&lw).filter(|_| lw.len() > 2)) {
            if s == 100.0 {
                current *= s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
        } else if lw == "and" && any && used + 1 < words.len() {
            // "one hundred and twenty": only when a number word follows.
            let next = words[used + 1].1.to_lowercase();
            if UNITS.contains(&next.as_str()) || TENS.contains(&next.as_str()) || next.contains('-') {
                used += 1;
                continue;
            }
            break;
        } else {
            break;
        }
        used += 1;
    }
    (any && used > 0).then_some((total + current, used))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn values(text: &str) -> Vec<(String, f64, Bound)> {
        let dates: Vec<Range<usize>> = super::super::dates::find(text).into_iter().map(|d| d.range).collect();
        find(text, &dates)
            .into_iter()
            .map(|n| (text[n.range.clone()].to_string(), n.value, n.bound))
            .collect()
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
}
