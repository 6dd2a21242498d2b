//! The words before a figure that make it a bound (`more than 30`, `nearly 800,000`) and a
//! written minus: shared by figures in digits and in words.

use std::ops::Range;

use super::words::is_number_word;
use super::{Bound, NumberMention};

/// The last word of `s` (letters and digits), or "".
pub(super) fn last_word(s: &str) -> &str {
    let s = s.trim_end();
    let start = s
        .rfind(|c: char| !c.is_alphanumeric())
        .map_or(0, |i| i + s[i..].chars().next().map_or(1, char::len_utf8));
    &s[start..]
}

/// "minus 5": a negative figure, the word counted in.
pub(super) fn minus(text: &str, mut n: NumberMention) -> NumberMention {
    let head = &text[..n.range.start];
    if n.qualifier.is_none()
        && let Some(h) = head.strip_suffix(' ')
        && last_word(h).eq_ignore_ascii_case("minus")
    {
        n.range.start -= "minus ".len();
        n.value = -n.value;
    }
    n
}

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
    ("close to", Bound::About),
    ("an estimated", Bound::About),
    ("estimated", Bound::About),
    ("some", Bound::About),
];

/// Attaches the qualifier written just before a number, if any. A qualifier after a number
/// ("one over three", "5 over 2") is not one: it stands between two figures.
pub(super) fn qualify(text: &str, range: Range<usize>, value: f64, percent: bool) -> NumberMention {
    let before = &text[..range.start];
    let mut from = before.len().saturating_sub(24);
    while !before.is_char_boundary(from) {
        from -= 1;
    }
    let lower_tail: String = before[from..].to_lowercase();
    for (q, bound) in QUALIFIERS {
        if let Some(head) = lower_tail.strip_suffix(' ').and_then(|t| t.strip_suffix(q))
            && head.chars().next_back().is_none_or(|c| !c.is_alphanumeric())
            && !is_number_word(last_word(head))
        {
            let start = range.start - q.len() - 1;
            return NumberMention {
                range: start..range.end,
                bound: *bound,
                qualifier: Some(text[start..range.start - 1].to_string()),
                ..NumberMention::exact(range, value, percent)
            };
        }
    }
    NumberMention::exact(range, value, percent)
}
