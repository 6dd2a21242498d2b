//! Quotations: “…”, "…", «…», ‘…’, found from the marks as written (normalization folds
//! curly and straight quotes together, so `normalize.rs` records them).
//!
//! A single curly quote inside a word is an apostrophe (don’t, Russia’s). A quotation may
//! span sentences; one left open ends with its sentence, or where the next one opens, so a
//! stray mark never swallows a paragraph.

use std::ops::Range;

use super::Article;

/// A quotation: the quoted words, and the words with their marks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quotation {
    pub inner: Range<usize>,
    pub outer: Range<usize>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Open(Family),
    Close(Family),
    Either(Family),
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Family {
    Double,
    Single,
    Guillemet,
}

fn classify(c: char, before: Option<char>, after: Option<char>) -> Option<Mark> {
    let alnum = |c: Option<char>| c.is_some_and(char::is_alphanumeric);
    Some(match c {
        '“' | '„' | '‟' => Mark::Open(Family::Double),
        '”' => Mark::Close(Family::Double),
        '«' => Mark::Open(Family::Guillemet),
        '»' => Mark::Close(Family::Guillemet),
        '‹' => Mark::Open(Family::Single),
        '›' => Mark::Close(Family::Single),
        '"' => Mark::Either(Family::Double),
        '‘' | '‚' | '‛' if !alnum(before) => Mark::Open(Family::Single),
        // An apostrophe: inside a word (don’t) or ending one where no single quote is open.
        '’' | '\'' if alnum(before) && alnum(after) => return None,
        '’' | '\'' if alnum(before) || before.is_some_and(|b| ".,!?".contains(b)) => Mark::Close(Family::Single),
        '\'' if alnum(after) => Mark::Open(Family::Single),
        _ => return None,
    })
}

/// Finds the quotations of an article, sorted by start.
pub fn find(article: &Article) -> Vec<Quotation> {
    let text = &article.text;
    let mut out = Vec::new();
    let mut open: Vec<(Family, usize)> = Vec::new();
    let mut paragraph = None;
    for &(at, c) in &article.quote_marks {
        let p = article.paragraph_at(at);
        if p != paragraph {
            close_unclosed(article, &mut open, &mut out, None);
            paragraph = p;
        }
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().nth(1);
        let Some(mark) = classify(c, before, after) else {
            continue;
        };
        let mark = match mark {
            Mark::Either(f) if open.iter().any(|(of, _)| *of == f) => Mark::Close(f),
            Mark::Either(f) => Mark::Open(f),
            m => m,
        };
        match mark {
            Mark::Open(f) => {
                // A second opening of the same kind: the first was never closed.
                if f != Family::Single && open.iter().any(|(of, _)| *of == f) {
                    close_unclosed(article, &mut open, &mut out, Some(at));
                }
                open.push((f, at));
            }
            Mark::Close(f) => {
                if let Some(i) = open.iter().rposition(|(of, _)| *of == f) {
                    // Singles opened inside and never closed are dropped with it.
                    let (_, start) = open[i];
                    open.truncate(i);
                    let mark_len = text[at..].chars().next().map_or(1, char::len_utf8);
                    let inner_start = start + text[start..].chars().next().map_or(1, char::len_utf8);
                    out.push(Quotation {
                        inner: inner_start..at,
                        outer: start..at + mark_len,
                    });
                }
            }
            Mark::Either(_) => {}
        }
    }
    close_unclosed(article, &mut open, &mut out, None);
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

/// Ends quotations left open at the end of the sentence they opened in (or before `limit`).
fn close_unclosed(article: &Article, open: &mut Vec<(Family, usize)>, out: &mut Vec<Quotation>, limit: Option<usize>) {
    for (f, start) in open.drain(..) {
        if f == Family::Single {
            continue;
        }
        let sentence_end = article
            .sentence_at(start)
            .map_or(start + 1, |i| article.sentences()[i].range.end);
        let end = limit.map_or(sentence_end, |l| l.min(sentence_end));
        let inner_start = start + article.text[start..].chars().next().map_or(1, char::len_utf8);
        if inner_start < end {
            out.push(Quotation {
                inner: inner_start..end,
                outer: start..end,
            });
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::seed;

    fn quotes(a: &Article) -> Vec<&str> {
        find(a).into_iter().map(|q| &a.text[q.inner]).collect()
    }

    #[test]
    fn seed_quotations() {
        let a = seed();
        let q = quotes(&a);
        assert!(q.contains(&"a plan to define credible security guarantees"));
        assert!(q.contains(&"a first stone on these guarantees of security"));
        assert!(q.contains(&"should not be separated from NATO and its skills"));
        assert!(q.contains(&"important"));
        // A quotation over three sentences, closed by ”.
        assert!(
            q.iter()
                .any(|s| s.starts_with("With my counterpart Tony Radakin") && s.ends_with("the conflict,"))
        );
        // Apostrophes are not quotation marks.
        assert!(!q.iter().any(|s| s.contains("s Russia")));
    }

    #[test]
    fn apostrophes_inside_words_are_not_quotes() {
        let a = Article::new("x.txt", "He said ‘we don’t know’ about Russia’s plan.".into());
        assert_eq!(quotes(&a), vec!["we don't know"]);
    }

    #[test]
    fn straight_and_guillemet_quotes() {
        let a = Article::new("x.txt", "He said \"yes\" and «non» today.".into());
        assert_eq!(quotes(&a), vec!["yes", "non"]);
    }

    #[test]
    fn an_unclosed_quote_ends_with_its_sentence() {
        let a = Article::new("x.txt", "“said the presidency at the end. Then more text here.".into());
        assert_eq!(quotes(&a), vec!["said the presidency at the end."]);
    }
}
