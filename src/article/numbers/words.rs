//! Numbers written in words: `thirty-four`, `two hundred and fifty thousand`, `a dozen`,
//! fractions (`two-thirds`, `half a million`) and vague amounts (`hundreds`). Apart from
//! the digits because it reads words, not a regex match.

use std::borrow::Cow;
use std::ops::Range;

use super::qualifiers::{minus, qualify};
use super::{Bound, NotANumber, NotNumber, NumberMention, Numbers, scale_of};

/// A figure in digits or a number word (lower case).
pub(super) fn is_number_word(w: &str) -> bool {
    w.bytes().next().is_some_and(|b| b.is_ascii_digit()) || small(w).is_some() || scale_of(w).is_some()
}

const ONES: &[&str] = &[
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

/// Ordinal words, never numbers ("the fifth day"); `third`, `quarter`… after `a` or a
/// number word are fractions instead. `second` is left out: it is also a unit of time.
const ORDINALS: &[&str] = &[
    "first",
    "third",
    "fourth",
    "fifth",
    "sixth",
    "seventh",
    "eighth",
    "ninth",
    "tenth",
    "eleventh",
    "twelfth",
    "thirteenth",
    "fifteenth",
    "twentieth",
    "thirtieth",
    "fortieth",
    "fiftieth",
    "hundredth",
    "thousandth",
];

/// "one" to "ninety-nine" in words.
fn small(w: &str) -> Option<f64> {
    if let Some((t, u)) = w.split_once('-') {
        let t = TENS.iter().position(|x| *x == t).filter(|&t| t >= 2)?;
        let u = ONES.iter().position(|x| *x == u).filter(|u| (1..10).contains(u))?;
        return Some((t * 10 + u) as f64);
    }
    ONES.iter()
        .position(|x| *x == w)
        .or_else(|| TENS.iter().position(|x| *x == w && !x.is_empty()).map(|t| t * 10))
        .map(|v| v as f64)
}

/// The value of a fraction word: `half` 2, `third(s)` 3, `quarter(s)` 4, `fifth(s)` 5…
fn denominator(w: &str) -> Option<f64> {
    Some(match w {
        "half" | "halves" => 2.0,
        "third" | "thirds" => 3.0,
        "quarter" | "quarters" | "fourth" | "fourths" => 4.0,
        "fifth" | "fifths" => 5.0,
        "tenth" | "tenths" => 10.0,
        _ => return None,
    })
}

/// Vague amounts: "hundreds", "tens of thousands", "dozens of".
const VAGUE: &[&str] = &[
    "dozens",
    "hundreds",
    "thousands",
    "millions",
    "billions",
    "scores",
    "tens",
];

/// Number words, read over the article's words (lower-cased once).
pub(super) fn number_words(text: &str, in_date: &dyn Fn(&Range<usize>) -> bool, out: &mut Numbers) {
    let mut stretch = Stretch::new(text);
    let mut i = 0;
    loop {
        i = stretch.next(i);
        let words: Vec<&str> = stretch.lower.iter().map(|w| w.as_ref()).collect();
        let last = stretch.read == text.len();
        while i < words.len() {
            let found = word_number(&words[i..]);
            let used = match found {
                Some(Word::Vague(used) | Word::Value(_, used)) => used,
                Some(Word::Ordinal) | None => 1,
            };
            // `word_number` reads at most two words past those it uses: with fewer in the
            // stretch, the next one decides.
            if !last && i + used + 3 > words.len() {
                break;
            }
            number_word(text, &stretch.ranges[i..], &words[i..], found, in_date, out);
            i += used;
        }
        if last {
            return;
        }
    }
}

/// The words of a text a stretch at a time, lower-cased: listing every word of a 50 MB
/// article first was over half the peak memory of its check.
struct Stretch<'t> {
    text: &'t str,
    /// Bytes of `text` read.
    read: usize,
    ranges: Vec<Range<usize>>,
    lower: Vec<Cow<'t, str>>,
}

/// Bytes read at a time (then on to the next white space, which ends a word).
const STRETCH: usize = 64 << 10;

impl<'t> Stretch<'t> {
    fn new(text: &'t str) -> Stretch<'t> {
        Stretch {
            text,
            read: 0,
            ranges: Vec::new(),
            lower: Vec::new(),
        }
    }

    /// Drops the words before the `i`th and reads the next stretch; `i`'s new index.
    fn next(&mut self, i: usize) -> usize {
        self.ranges.drain(..i);
        self.lower.drain(..i);
        let bytes = self.text.as_bytes();
        let mut end = (self.read + STRETCH).min(bytes.len());
        while end < bytes.len() && !bytes[end].is_ascii_whitespace() {
            end += 1;
        }
        let from = self.read;
        for r in crate::article::words::words(&self.text[from..end], &['-']) {
            let r = from + r.start..from + r.end;
            let w = &self.text[r.clone()];
            // Most words of news copy are lower-case ASCII already: borrowed, not copied.
            let lower = if w
                .bytes()
                .all(|b| b.is_ascii_lowercase() || b == b'-' || b.is_ascii_digit())
            {
                Cow::Borrowed(w)
            } else {
                Cow::Owned(w.to_lowercase())
            };
            self.ranges.push(r);
            self.lower.push(lower);
        }
        self.read = end;
        0
    }
}

/// Records what [`word_number`] found at the first of `words` (their places: `ranges`).
fn number_word(
    text: &str,
    ranges: &[Range<usize>],
    words: &[&str],
    found: Option<Word>,
    in_date: &dyn Fn(&Range<usize>) -> bool,
    out: &mut Numbers,
) {
    match found {
        Some(Word::Vague(used)) => {
            let range = ranges[0].start..ranges[used - 1].end;
            if !in_date(&range) {
                out.mentions.push(NumberMention {
                    bound: Bound::Vague,
                    ..NumberMention::exact(range, 0.0, false)
                });
            }
        }
        Some(Word::Value(value, used)) => {
            let range = ranges[0].start..ranges[used - 1].end;
            let lone_one = used == 1 && words[0] == "one";
            if !lone_one && !in_date(&range) {
                let n = minus(text, qualify(text, range, value, per_cent(text, ranges[used - 1].end)));
                out.mentions.push(n);
            }
        }
        Some(Word::Ordinal) if !in_date(&ranges[0]) => {
            out.rejected.push(NotANumber {
                range: ranges[0].clone(),
                why: NotNumber::Ordinal,
            });
        }
        Some(Word::Ordinal) | None => {}
    }
}

/// " per cent" or " percent" after a number in words.
fn per_cent(text: &str, end: usize) -> bool {
    let rest = text.as_bytes().get(end..(end + 9).min(text.len())).unwrap_or_default();
    rest.eq_ignore_ascii_case(b" per cent") || rest.get(..8).is_some_and(|r| r.eq_ignore_ascii_case(b" percent"))
}

/// What the words at the start of a slice say.
enum Word {
    /// A value and how many words it took.
    Value(f64, usize),
    /// A vague amount over that many words.
    Vague(usize),
    Ordinal,
}

fn word_number(words: &[&str]) -> Option<Word> {
    let w = words[0];
    if VAGUE.contains(&w) {
        // "tens of thousands", "hundreds of millions": one vague amount.
        let of = words.len() > 2 && words[1] == "of" && VAGUE.contains(&words[2]);
        return (w != "tens" || of).then_some(Word::Vague(if of { 3 } else { 1 }));
    }
    match (w, words.get(1).copied(), words.get(2).copied()) {
        ("a" | "an", Some("dozen"), _) => return Some(Word::Value(12.0, 2)),
        ("dozen", _, _) => return Some(Word::Value(12.0, 1)),
        // "half a million", "half of voters", "half the seats".
        ("half", Some("a" | "an"), Some(s)) if scale_of(s).is_some() => {
            return Some(Word::Value(0.5 * scale_of(s)?, 3));
        }
        ("half", Some("of" | "the"), _) => return Some(Word::Value(0.5, 1)),
        // "a third of", "a quarter of": not "a fifth straight day".
        ("a", Some(f), Some("of")) if f != "half" && denominator(f).is_some() => {
            return Some(Word::Value(1.0 / denominator(f)?, 2));
        }
        _ => {}
    }
    if let Some((v, used)) = parse_words(words) {
        return Some(Word::Value(v, used));
    }
    (ORDINALS.contains(&w) || ordinal_compound(w)).then_some(Word::Ordinal)
}

/// "twenty-first", "thirty-fifth".
fn ordinal_compound(w: &str) -> bool {
    w.split_once('-')
        .is_some_and(|(t, o)| TENS.contains(&t) && (ORDINALS.contains(&o) || o == "second") && !t.is_empty())
}

/// Parses number words from the start of `words`: the value and how many words it used.
/// Runs as far as the words do: "two hundred and fifty thousand", "one and a half million",
/// "two-thirds", "three quarters", "2.5" never (digits are read elsewhere).
fn parse_words(words: &[&str]) -> Option<(f64, usize)> {
    let (mut total, mut current, mut used) = (0.0, 0.0, 0);
    let is_scale = |w: &&str| w.len() > 2 && scale_of(w).is_some();
    // "a thousand", "a million": one of the scale.
    if matches!(words.first(), Some(&("a" | "an"))) && words.get(1).is_some_and(is_scale) {
        (current, used) = (1.0, 1);
    }
    let mut last_scale = false;
    while used < words.len() {
        let w = words[used];
        // "twenty three", "hundred and twenty", never "three four".
        let joins = |v: f64| current % 100.0 == 0.0 || (current % 10.0 == 0.0 && v < 10.0);
        if let Some(v) = small(w).filter(|&v| joins(v)) {
            current += v;
            last_scale = false;
        } else if let Some(f) = fraction(w).filter(|_| used == 0) {
            return Some((f, 1));
        } else if let (true, Some(s)) = (used > 0 && is_scale(&w), scale_of(w)) {
            if s == 100.0 {
                current = current.max(1.0) * s;
            } else {
                total += current.max(1.0) * s;
                current = 0.0;
            }
            last_scale = true;
        } else if let (true, Some(d)) = (used == 1 && words.get(2) == Some(&"of"), denominator(w)) {
            // "three quarters of", "two thirds of": a fraction (not "three quarters to June").
            return (current <= 10.0).then_some((current / d, 2));
        } else if w == "and" && used > 0 && words.get(used + 1).is_some_and(|n| small(n).is_some()) && last_scale {
            // "one hundred and twenty": only after a scale word.
        } else if w == "and" && used > 0 && words.get(used + 1) == Some(&"a") && words.get(used + 2) == Some(&"half") {
            current += 0.5;
            used += 3;
            last_scale = false;
            continue;
        } else {
            break;
        }
        used += 1;
    }
    (used > 0).then_some((total + current, used))
}

/// A hyphenated fraction: "two-thirds", "three-quarters", "one-half".
fn fraction(w: &str) -> Option<f64> {
    let (n, d) = w.split_once('-')?;
    let n = small(n).filter(|&n| (1.0..=10.0).contains(&n))?;
    Some(n / denominator(d)?)
}
