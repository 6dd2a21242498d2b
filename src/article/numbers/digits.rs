//! Figures written in digits: the digits (with Indian, comma and spaced grouping), the
//! currency before and the scale, per cent or unit after, a dash pair (a range or a score),
//! and the candidates that are not numbers (clock times, model names, citation marks,
//! years). Apart from the number words because this is the regex-driven pass over every
//! figure of the article.

use regex::Regex;
use std::ops::Range;
use std::sync::LazyLock;

use super::qualifiers::{last_word, minus, qualify};
use super::{Bound, NotANumber, NotNumber, NumberMention, Read, scale_of};

/// The figure itself: Indian grouping first (`12,34,567`), then thousands, then plain digits;
/// a vulgar fraction may follow (`1½`).
const CORE: &str = r"\d{1,2}(?:,\d{2})+,\d{3}(?:\.\d+)?|\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?";

/// Spaced thousands right at a figure's start (see the docs of `numbers` for when they join).
const SPACED: &str = r"^\d{1,3}(?: \d{3})+\b";

/// The figure patterns for one text. A short text with no digit beyond ASCII ones (see
/// `dates::lean_reads_alike`) takes them with `[0-9]` for `\d`: the same matches there, for
/// a fifth of the compiling of the Unicode class, which costs more than finding the figures
/// of a 5 KB article.
#[derive(Clone, Copy)]
pub(super) struct Figures {
    /// [`CORE`].
    pub(super) core: &'static Regex,
    spaced: &'static Regex,
}

impl Figures {
    pub(super) fn for_text(text: &str) -> Figures {
        static FULL: LazyLock<[Regex; 2]> = LazyLock::new(|| compile(false));
        static LEAN: LazyLock<[Regex; 2]> = LazyLock::new(|| compile(true));
        let lean = text.len() <= LEAN_TEXT && crate::article::dates::lean_reads_alike(text);
        let [core, spaced] = if lean { &*LEAN } else { &*FULL };
        Figures { core, spaced }
    }

    /// The lean or the full patterns, newly compiled (leaked: for tests).
    #[cfg(test)]
    pub(super) fn compiled(lean: bool) -> Figures {
        let [core, spaced] = Box::leak(Box::new(compile(lean)));
        Figures { core, spaced }
    }
}

/// The longest text read with the lean figure patterns: beyond it, checking the text costs
/// more than the compiling it saves.
const LEAN_TEXT: usize = 512 << 10;

fn compile(lean: bool) -> [Regex; 2] {
    [CORE, SPACED].map(|p| {
        let p = if lean { p.replace(r"\d", "[0-9]") } else { p.to_string() };
        Regex::new(&p).expect("compiles")
    })
}

/// What may follow a figure: a scale, then a per cent.
static TAIL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?x)^
        (?P<scale>\ ?(?i:thousand|million|billion|trillion|lakh\ crore|lakh|crore)\b|(?i:bn|tn|m|k)\b)?
        (?P<pct>\ ?%|\ ?(?i:pct|pc)\b|\ (?i:per\ ?cent|percent|percentage\ points?)\b)?",
    )
    .expect("compiles")
});

/// A clock time after a figure: `8 PM`, `8 p.m.`, `8.30am`, `0800 GMT`.
static CLOCK: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"^(?: ?(?i:a\.m\.|p\.m\.|am\b|pm\b)| (?:GMT|UTC|BST|CET)\b|:\d{2}\b(?: ?(?i:a\.m\.|p\.m\.|am\b|pm\b))?)",
    )
    .expect("compiles")
});

/// Units written against the figure (`-5C`, `10km`): they do not change the number.
const UNITS: &[&str] = &[
    "C", "F", "km", "kg", "mph", "kmh", "cm", "mm", "ft", "lb", "lbs", "kW", "MW", "GW", "kWh", "MWh", "GWh", "ha",
    "sq", "mg", "ml",
];

/// Currency before a figure, longest first: part of the mention, so a qualifier before it
/// still applies ("more than £3.5m").
const CURRENCIES: &[&str] = &[
    "US$", "A$", "C$", "HK$", "NZ$", "Rs. ", "Rs.", "Rs ", "Rs", "$", "£", "€", "¥", "₹",
];

/// A score after a dash pair: "a 3-2 win".
const SCORE_WORDS: &[&str] = &[
    "win",
    "wins",
    "victory",
    "defeat",
    "draw",
    "loss",
    "lead",
    "scoreline",
    "result",
    "vote",
];

/// Words before a bare four-digit figure that make it a year.
const YEAR_WORDS: &[&str] = &[
    "in", "of", "since", "by", "the", "until", "till", "from", "during", "before", "after", "between", "and", "to",
    "early", "late", "mid", "fiscal", "spring", "summer", "autumn", "winter", "year", "for",
];

/// Words ending in `s` that are no plural: "2024 was", "2024 has".
const NOT_PLURAL: &[&str] = &[
    "was", "has", "is", "as", "this", "its", "his", "thus", "less", "plus", "across", "unless",
];

fn vulgar(c: char) -> Option<f64> {
    match c {
        '½' => Some(0.5),
        '¼' => Some(0.25),
        '¾' => Some(0.75),
        '⅓' => Some(1.0 / 3.0),
        '⅔' => Some(2.0 / 3.0),
        _ => None,
    }
}

/// Reads the figure whose digits are at `core`: `None` when it is part of something else
/// (a model name, a citation mark, the tail of a time).
pub(super) fn figure(
    text: &str,
    core: Range<usize>,
    hard_space: &dyn Fn(usize) -> bool,
    figures: Figures,
) -> Option<Read> {
    let start = currency_start(text, core.start);
    let before = text[..start].chars().next_back();
    let before2 = text[..start].chars().rev().nth(1);
    let negative = before == Some('-') && before2.is_none_or(|c| !c.is_alphanumeric() && c != '-');
    // Model names (G7, F-35A), decimals' and times' tails, "1,2", citation marks ([1]).
    if before.is_some_and(|b| b.is_alphanumeric() || matches!(b, '.' | ':' | ',' | '/'))
        || (before == Some('-') && !negative)
        || (before == Some('[') && text[core.end..].starts_with(']'))
    {
        return None;
    }
    let core = spaced(text, core, hard_space, figures);
    let digits = &text[core.clone()];
    // Blocks are joined by "\n\n": a list item opens its block.
    let opens_block = text[..start].is_empty() || text[..start].ends_with('\n');
    if opens_block && (text[core.end..].starts_with(". ") || text[core.end..].starts_with(") ")) {
        let why = NotANumber {
            range: start..core.end + 1,
            why: NotNumber::ListMarker,
        };
        return Some(Read::Not(why));
    }
    if let Some(c) = CLOCK.find(&text[core.end..]) {
        let why = NotANumber {
            range: start..core.end + c.end(),
            why: NotNumber::ClockTime,
        };
        return Some(Read::Not(why));
    }
    let mut value: f64 = digits.replace([',', ' '], "").parse().ok()?;
    let mut end = core.end;
    if let Some(f) = text[end..].chars().next().and_then(vulgar) {
        value += f;
        end += text[end..].chars().next().map_or(0, char::len_utf8);
    }
    // A dash and a figure: a range or a score, or nothing readable ("10-15x").
    if text[end..]
        .strip_prefix('-')
        .is_some_and(|r| r.starts_with(|c: char| c.is_ascii_digit()))
    {
        return dash_pair(text, start, end, value, figures);
    }
    let tail = TAIL.captures(&text[end..]).expect("the tail is optional");
    let scale = tail.name("scale").map(|s| s.as_str().trim().to_lowercase());
    value *= scale.as_deref().and_then(scale_of).unwrap_or(1.0);
    let percent = tail.name("pct").is_some();
    end += tail.get(0).map_or(0, |t| t.end());
    end = match after_word(text, end) {
        After::Clear => end,
        After::Unit(e) => e,
        After::Ordinal(e) => return Some(not(start..e, NotNumber::Ordinal)),
        After::Other => return None,
    };
    let plain = scale.is_none() && !percent && !negative && digits.len() == 4 && !digits.contains([',', ' ', '.']);
    let mut n = qualify(text, start..end, value, percent);
    if plain && is_year(text, &n) {
        return Some(not(start..end, NotNumber::Year));
    }
    if negative {
        n.value = -n.value;
        n.range.start = n.range.start.min(start - 1);
    }
    Some(Read::Number(minus(text, n)))
}

fn not(range: Range<usize>, why: NotNumber) -> Read {
    Read::Not(NotANumber { range, why })
}

/// Where a figure starts once a currency written before it is counted in.
fn currency_start(text: &str, digits: usize) -> usize {
    let head = &text[..digits];
    CURRENCIES
        .iter()
        .find(|c| head.ends_with(*c))
        .map_or(digits, |c| digits - c.len())
}

/// Widens a figure over spaced thousands when they join (see the docs of `numbers`).
fn spaced(text: &str, core: Range<usize>, hard_space: &dyn Fn(usize) -> bool, figures: Figures) -> Range<usize> {
    if core.len() > 3 || text[core.clone()].contains(['.', ',']) {
        return core;
    }
    let Some(m) = figures.spaced.find(&text[core.start..]) else {
        return core;
    };
    let run = core.start..core.start + m.end();
    let spaces: Vec<usize> = text[run.clone()]
        .match_indices(' ')
        .map(|(i, _)| run.start + i)
        .collect();
    if spaces.iter().all(|&s| hard_space(s)) || spaces.len() >= 2 {
        run
    } else {
        core
    }
}

/// A dash right after a figure and another figure: a range (`10-15`, `10-15 million`,
/// `10-15%`) or a score (`3-2`); `None` when letters follow it (`10-15x`).
fn dash_pair(text: &str, start: usize, end: usize, value: f64, figures: Figures) -> Option<Read> {
    let rest = text[end..].strip_prefix('-')?;
    let m = figures.core.find(rest).filter(|m| m.start() == 0)?;
    let mut stop = end + 1 + m.end();
    let second: f64 = m.as_str().replace(',', "").parse().ok()?;
    let tail = TAIL.captures(&text[stop..]).expect("the tail is optional");
    let scale = tail.name("scale").map(|s| s.as_str().trim().to_lowercase());
    let scale = scale.as_deref().and_then(scale_of).unwrap_or(1.0);
    let percent = tail.name("pct").is_some();
    stop += tail.get(0).map_or(0, |t| t.end());
    match after_word(text, stop) {
        After::Clear => {}
        After::Unit(e) => stop = e,
        After::Ordinal(_) | After::Other => return None,
    }
    let word = text[stop..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    // "2014-2016", "the 2014-15 season".
    let year = |v: f64| (1900.0..=2100.0).contains(&v) && v.fract() == 0.0;
    if year(value) && (year(second) || second < 100.0) && scale == 1.0 && !percent {
        return Some(not(start..stop, NotNumber::Year));
    }
    if second <= value || SCORE_WORDS.contains(&word.to_lowercase().as_str()) {
        return Some(not(start..stop, NotNumber::Score));
    }
    Some(Read::Number(NumberMention {
        upper: Some(second * scale),
        bound: Bound::Between,
        ..NumberMention::exact(start..stop, value * scale, percent)
    }))
}

/// What stands right after a figure.
enum After {
    /// Nothing that is part of it.
    Clear,
    /// A unit (`-5C`, `10km`), ending there.
    Unit(usize),
    /// An ordinal suffix (`21st`), ending there.
    Ordinal(usize),
    /// Letters that make it part of a name (`5G`, `35A`).
    Other,
}

fn after_word(text: &str, end: usize) -> After {
    let rest = &text[end..];
    let len = rest.find(|c: char| !c.is_alphanumeric()).unwrap_or(rest.len());
    if len == 0 {
        return match rest.chars().next() {
            Some(':' | '_') => After::Other,
            _ => After::Clear,
        };
    }
    let word = &rest[..len];
    if UNITS.contains(&word) {
        After::Unit(end + len)
    } else if matches!(word, "st" | "nd" | "rd" | "th") {
        After::Ordinal(end + len)
    } else {
        After::Other
    }
}

/// A bare four-digit figure from 1900 to 2100 is a year, unless qualified or followed by a
/// plural with no year word before it (the docs of `numbers`).
fn is_year(text: &str, n: &NumberMention) -> bool {
    if !(1900.0..=2100.0).contains(&n.value) || n.bound != Bound::Exact {
        return false;
    }
    let before = last_word(&text[..n.range.start]).to_lowercase();
    let after = text[n.range.end..]
        .trim_start()
        .split(|c: char| !c.is_alphanumeric())
        .next()
        .unwrap_or("");
    let plural = after.len() > 2
        && after.ends_with('s')
        && after.chars().all(|c| c.is_lowercase())
        && !NOT_PLURAL.contains(&after);
    YEAR_WORDS.contains(&before.as_str()) || !plural
}
