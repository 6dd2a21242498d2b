//! Runs a claim file against an article: one term pass, every check, one result model.
//!
//! This is where normalized ranges become source offsets and `line:column`, once, so every
//! renderer shows the same positions.

use std::ops::Range;

use crate::article::Article;
use crate::checks::{self, Context, Found};
use crate::claims::ClaimFile;
use crate::matcher::Hits;
use crate::report::{ClaimResult, Evidence, FileReport, Role, Span, Uncovered, UncoveredItem, Verdict};

/// Which verdicts pass (claim-format.md: `supported`, unless the command line says otherwise).
#[derive(Debug, Clone)]
pub struct Policy {
    pub pass: Vec<Verdict>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            pass: vec![Verdict::Supported],
        }
    }
}

/// Checks every claim of a file against an article.
pub fn evaluate(file: &ClaimFile, article: &Article, policy: &Policy) -> FileReport {
    let hits = file.matcher.find(article);
    let claims = (0..file.claims.len())
        .map(|i| result(file, i, article, &hits, policy))
        .collect();
    FileReport {
        path: file.path.clone(),
        article: article.path.clone(),
        claims,
        article_source: article.source.as_str().into(),
        uncovered: None,
    }
}

/// Fills `uncovered`: sentences with a number, date or quotation that no claim's evidence
/// (supporting, refuting or nearest) touches. The dateline is metadata, not a fact to check.
pub fn add_coverage(report: &mut FileReport, article: &Article) {
    let marks: Vec<Range<usize>> = report
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter().chain(c.nearest.as_ref()))
        .flat_map(|e| e.marks.iter().map(|m| m.start..m.end))
        .collect();
    let touched = |src: &Range<usize>| marks.iter().any(|m| m.start < src.end && src.start < m.end);
    let mut items: Vec<(usize, UncoveredItem)> = Vec::new();
    let mut push = |kind: &'static str, r: &Range<usize>| {
        let s = span(article, r);
        if !touched(&(s.start..s.end))
            && let Some(si) = article.sentence_at(r.start)
        {
            items.push((si, UncoveredItem { kind, span: s }));
        }
    };
    let dateline = article
        .dateline
        .map(|_| 0..article.sentences.first().map_or(0, |s| s.range.end));
    for d in article.dates() {
        if dateline.as_ref().is_none_or(|dl| d.range.start >= dl.end) {
            push("date", &d.range);
        }
    }
    for n in article.numbers() {
        push("number", &n.range);
    }
    for q in article.quotations() {
        push("quote", &q.inner);
    }
    items.sort_by_key(|(si, item)| (*si, item.span.start));
    let mut out: Vec<Uncovered> = Vec::new();
    let mut last = None;
    for (si, item) in items {
        if last != Some(si) {
            let s = span(article, &article.sentences[si].range);
            out.push(Uncovered {
                line: s.line,
                column: s.column,
                sentence: s.text,
                items: Vec::new(),
            });
            last = Some(si);
        }
        out.last_mut().expect("pushed above").items.push(item);
    }
    report.uncovered = Some(out);
}

/// Checks one claim of a file (its examples, `explain`).
pub fn evaluate_claim(file: &ClaimFile, index: usize, article: &Article, policy: &Policy) -> ClaimResult {
    let hits = file.matcher.find(article);
    result(file, index, article, &hits, policy)
}

fn result(file: &ClaimFile, index: usize, article: &Article, hits: &Hits, policy: &Policy) -> ClaimResult {
    let claim = &file.claims[index];
    let cx = Context {
        article,
        hits,
        terms: &file.terms,
        published: file.published.or(article.dateline),
    };
    let check = claim.check.check();
    let finding = check.evaluate(&cx);
    let verdict = checks::verdict(&finding);
    let evidence: Vec<Evidence> = finding.evidence.iter().map(|f| located(article, f)).collect();
    let diff = evidence
        .iter()
        .find(|e| e.role == Role::Refutes)
        .and_then(|e| e.diff.clone());
    let expected = check.expected(&file.terms);
    let explanation = finding
        .explanation
        .clone()
        .unwrap_or_else(|| explain(verdict, &evidence, &expected));
    ClaimResult {
        id: claim.id.clone(),
        claim: claim.claim.clone(),
        kind: claim.check.key(),
        expected,
        verdict,
        passed: policy.pass.contains(&verdict),
        severity: claim.severity,
        line: claim.line,
        column: claim.column,
        evidence,
        nearest: finding.nearest.as_ref().map(|f| located(article, f)),
        diff,
        explanation,
        notes: finding.notes,
    }
}

fn explain(verdict: Verdict, evidence: &[Evidence], expected: &str) -> String {
    let count = |role| evidence.iter().filter(|e| e.role == role).count();
    let places = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 place {one}")
        } else {
            format!("{n} places {many}")
        }
    };
    match verdict {
        Verdict::Supported if evidence.is_empty() => format!("as claimed: {expected}"),
        Verdict::Supported => format!("{} the claim", places(count(Role::Supports), "supports", "support")),
        Verdict::Refuted => format!("{} the claim", places(count(Role::Refutes), "refutes", "refute")),
        Verdict::NotFound => "nothing in the article matches what the claim expects".to_string(),
        Verdict::Conflicting => format!(
            "the article disagrees with itself: {}, {}",
            places(count(Role::Supports), "supports", "support"),
            places(count(Role::Refutes), "refutes", "refute")
        ),
    }
}

/// A normalized range as a located span of the source.
pub fn span(article: &Article, r: &Range<usize>) -> Span {
    let src = article.source_range(r);
    let start = article.position(src.start);
    let end = article.position(src.end);
    Span {
        start: src.start,
        end: src.end,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        text: as_written(&article.source[src.clone()], &[]).0,
    }
}

fn located(article: &Article, f: &Found) -> Evidence {
    let first = f.marks.first().map_or(f.context.start, |m| m.start);
    let last = f.marks.iter().map(|m| m.end).max().unwrap_or(f.context.end);
    let ctx = article.source_range(&(f.context.start.min(first)..f.context.end.max(last)));
    let marks: Vec<Range<usize>> = f
        .marks
        .iter()
        .map(|m| article.source_range(m))
        .map(|m| m.start - ctx.start..m.end - ctx.start)
        .collect();
    let (sentence, sentence_marks) = as_written(&article.source[ctx], &marks);
    Evidence {
        role: f.role,
        span: span(article, &(first..last)),
        sentence,
        marks: f.marks.iter().map(|m| span(article, m)).collect(),
        value: f.value.clone(),
        date: f.date.clone(),
        diff: f.diff.clone(),
        note: f.note.clone(),
        sentence_marks,
    }
}

/// Source text as the article writes it (curly quotes, accents), on one line: runs of white
/// space become one space and soft hyphens go. Marks (byte ranges of `s`) follow along.
fn as_written(s: &str, marks: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let mut out = String::with_capacity(s.len());
    let mut map = vec![0; s.len() + 1];
    let mut in_space = false;
    for (i, c) in s.char_indices() {
        for slot in &mut map[i..i + c.len_utf8()] {
            *slot = out.len();
        }
        if c == '\u{00AD}' || c == '\u{FEFF}' {
            continue;
        }
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    map[s.len()] = out.len();
    let marks = marks
        .iter()
        .map(|m| map[m.start.min(s.len())]..map[m.end.min(s.len())])
        .collect();
    (out, marks)
}
