//! The number and date recognisers on any text: every mention inside the text, on
//! character boundaries, sorted and disjoint; values finite; a range's top above its value.
#![no_main]

use std::ops::Range;

use claimcheck::internals::{find_dates, find_numbers};
use libfuzzer_sys::fuzz_target;

fn in_text(text: &str, r: &Range<usize>, what: &str) {
    assert!(r.start < r.end && r.end <= text.len(), "{what} {r:?} outside the text");
    assert!(
        text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
        "{what} {r:?} off boundaries"
    );
}

fn disjoint_sorted(ranges: &[Range<usize>], what: &str) {
    for w in ranges.windows(2) {
        assert!(
            w[0].end <= w[1].start,
            "{what}s overlap or are out of order: {:?} {:?}",
            w[0],
            w[1]
        );
    }
}

fuzz_target!(|data: &[u8]| {
    let text = String::from_utf8_lossy(data);
    let dates = find_dates(&text);
    for d in &dates {
        in_text(&text, &d.range, "date");
        assert!(d.phrase_start <= d.range.start, "a date's phrase starts after it");
        assert!(text.is_char_boundary(d.phrase_start));
    }
    let date_ranges: Vec<Range<usize>> = dates.iter().map(|d| d.range.clone()).collect();
    disjoint_sorted(&date_ranges, "date");
    let numbers = find_numbers(&text, &date_ranges);
    let mut ranges = Vec::new();
    for n in &numbers.mentions {
        in_text(&text, &n.range, "number");
        assert!(n.value.is_finite(), "{} is not finite", n.value);
        if let Some(up) = n.upper {
            assert!(up.is_finite(), "a range's top {up} is not finite");
        }
        assert!(
            !date_ranges
                .iter()
                .any(|d| d.start < n.range.end && n.range.start < d.end),
            "number {:?} inside a date",
            n.range
        );
        ranges.push(n.range.clone());
    }
    disjoint_sorted(&ranges, "number");
    for r in &numbers.rejected {
        in_text(&text, &r.range, "rejected number");
    }
});
