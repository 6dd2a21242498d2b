//! Quotations: “…”, "…", «…», ‘…’, found from the marks as written (normalization folds
//! curly and straight quotes together, so `normalize.rs` records them).
//!
//! A single curly quote inside a word is an apostrophe (don’t, Russia’s, we’re). A quotation
//! may span sentences (an ellipsis inside never ends it); one left open runs to the end of its
//! paragraph. When another of its kind opens later in the paragraph, the first mark was a
//! stray one: it ends with its sentence (or where the next opens), so it never swallows the
//! words around. A paragraph that ends inside a quotation and a next paragraph that opens with a
//! quotation mark of the same kind are one quotation, as news style writes a quote that goes
//! on (the claim format, "Quotations").

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
    let mut paragraph: Option<usize> = None;
    for &(at, c) in &article.quote_marks {
        let before = text[..at].chars().next_back();
        let after = text[at..].chars().nth(1);
        let mark = classify(c, before, after);
        let p = article.paragraph_at(at);
        if p != paragraph {
            let opens_paragraph = p.is_some_and(|p| article.paragraphs[p].range.start == at);
            if opens_paragraph && continues(&open, mark) {
                // News style: a quotation that goes on in the next paragraph reopens it.
                paragraph = p;
                continue;
            }
            let end = paragraph.map_or(at, |p| article.paragraphs[p].range.end);
            close_unclosed(article, &mut open, &mut out, end);
            paragraph = p;
        }
        let Some(mark) = mark else {
            continue;
        };
        let mark = match mark {
            Mark::Either(f) if open.iter().any(|(of, _)| *of == f) => Mark::Close(f),
            Mark::Either(f) => Mark::Open(f),
            m => m,
        };
        match mark {
            Mark::Open(f) => {
                // A second opening of the same kind: the first was a stray mark, never meant
                // to run on (news copy never nests a quote in the same marks); it ends with its
                // sentence, or here.
                if f != Family::Single && open.iter().any(|(of, _)| *of == f) {
                    let stray = open.iter().map(|(_, start)| *start).min().unwrap_or(at);
                    let sentence_end = article.sentence_around(stray).map_or(at, |s| s.end);
                    close_unclosed(article, &mut open, &mut out, at.min(sentence_end));
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
    let end = paragraph.map_or(text.len(), |p| article.paragraphs[p].range.end);
    close_unclosed(article, &mut open, &mut out, end);
    out.sort_by_key(|q| (q.outer.start, std::cmp::Reverse(q.outer.end)));
    out
}

/// Whether an opening mark at the start of a paragraph goes on with a quotation the
/// paragraph before left open (a double quote or guillemet of the same kind).
fn continues(open: &[(Family, usize)], mark: Option<Mark>) -> bool {
    match mark {
        Some(Mark::Open(f) | Mark::Either(f)) => f != Family::Single && open.iter().any(|(of, _)| *of == f),
        _ => false,
    }
}

/// Ends quotations left open at `end`: the end of their paragraph, or, for a stray mark,
/// of its sentence.
fn close_unclosed(article: &Article, open: &mut Vec<(Family, usize)>, out: &mut Vec<Quotation>, end: usize) {
    for (f, start) in open.drain(..) {
        if f == Family::Single {
            continue;
        }
        let inner_start = start + article.text[start..].chars().next().map_or(1, char::len_utf8);
        if inner_start >= end {
            continue;
        }
        let end = inner_start + article.text[inner_start..end].trim_end().len();
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
    fn an_unclosed_quote_runs_to_the_end_of_its_paragraph() {
        let a = Article::new(
            "x.txt",
            "“said the presidency at the end. Then more text here.\n\nA new paragraph.".into(),
        );
        assert_eq!(quotes(&a), vec!["said the presidency at the end. Then more text here."]);
    }

    #[test]
    fn a_stray_mark_before_another_quotation_ends_with_its_sentence() {
        let a = Article::new(
            "x.txt",
            "“said the presidency at the end. According to the Elysee, they agreed “to act”.".into(),
        );
        assert_eq!(quotes(&a), vec!["said the presidency at the end.", "to act"]);
    }

    #[test]
    fn a_quotation_that_goes_on_in_the_next_paragraph_is_one() {
        let a = Article::new(
            "x.txt",
            "“We will not stop,” he said. “The war must end.\n\n“We want peace… and we will get it.”\n\nOther news."
                .into(),
        );
        let q = quotes(&a);
        assert_eq!(q.len(), 2, "{q:?}");
        assert_eq!(q[1], "The war must end.\n\n\"We want peace… and we will get it.");
    }

    #[test]
    fn a_closed_paragraph_then_a_new_quotation_are_two() {
        let a = Article::new("x.txt", "“We will not stop.”\n\n“The war must end.”".into());
        assert_eq!(quotes(&a), vec!["We will not stop.", "The war must end."]);
    }

    #[test]
    fn apostrophes_in_contractions_and_possessives_never_open_or_close() {
        let a = Article::new(
            "x.txt",
            "‘The Government’s plan is clear,’ she said. ‘We’re ready and we’ll act.’".into(),
        );
        assert_eq!(
            quotes(&a),
            vec!["The Government's plan is clear,", "We're ready and we'll act."]
        );
    }
}
