//! Words: runs of letters and digits, the one tokenizer the checks share.

use std::ops::Range;

/// Byte ranges of the words of `s`. A `joiner` may stand inside a word (an apostrophe in
/// "didn't", a hyphen in "thirty-four"), never at its end.
pub(crate) fn words(s: &str, joiners: &[char]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut start = None;
    let push = |st: usize, end: usize, out: &mut Vec<Range<usize>>| {
        let w = &s[st..end];
        let trimmed = w.trim_end_matches(joiners);
        out.push(st..st + trimmed.len());
    };
    for (i, c) in s.char_indices() {
        if c.is_alphanumeric() || (joiners.contains(&c) && start.is_some()) {
            start.get_or_insert(i);
        } else if let Some(st) = start.take() {
            push(st, i, &mut out);
        }
    }
    if let Some(st) = start {
        push(st, s.len(), &mut out);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn joiners_stay_inside_words() {
        let s = "Washington didn't send thirty-four jets- 'now'";
        let got: Vec<&str> = words(s, &['\'']).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            vec!["Washington", "didn't", "send", "thirty", "four", "jets", "now"]
        );
        let got: Vec<&str> = words(s, &['-']).into_iter().map(|r| &s[r]).collect();
        assert_eq!(
            got,
            vec!["Washington", "didn", "t", "send", "thirty-four", "jets", "now"]
        );
    }
}
