//! Runs a claim file against an article: one term pass, every check, one result model.
//!
//! This is where normalized ranges become source offsets and `line:column`, once, so every
//! renderer shows the same positions.

use std::borrow::Cow;
use std::ops::Range;

use rayon::prelude::*;

use crate::article::Article;
use crate::checks::{self, Found};
use crate::compile::CompiledFile;
use crate::matcher::Hits;
use crate::report::diff::DiffOf;
use crate::report::{ClaimResult, Counts, Evidence, FileReport, Role, Span, Uncovered, UncoveredItem, Verdict};

/// Which verdicts pass (the claim format: `supported`, unless the command line says otherwise).
#[derive(Debug, Clone)]
pub struct Policy {
    /// The verdicts that pass a claim (`--pass`); any other fails it.
    pub pass: Vec<Verdict>,
}

impl Default for Policy {
    fn default() -> Policy {
        Policy {
            pass: vec![Verdict::Supported],
        }
    }
}

/// How much evidence a report keeps.
#[derive(Debug, Clone, Copy, Default)]
pub struct Limits {
    /// Evidence places kept per claim (`--max-evidence`); the count stays exact. `None`
    /// keeps every place.
    pub max_evidence: Option<usize>,
    /// Keeps a copy of the article's text in the report, for renderers that show it whole
    /// (`--format html`). Off, an archive run holds no article past its check.
    pub article_source: bool,
    /// Counts the claims that pass instead of listing them ([`FileReport::omitted`]): a
    /// human archive report shows only what did not pass, and an archive of 2,000 articles
    /// against 1,000 claims would otherwise build two million results to count them.
    pub passing_counted_only: bool,
}

/// Checks every claim of a file against an article, keeping every piece of evidence.
pub fn evaluate(file: &CompiledFile, article: &Article, policy: &Policy) -> FileReport {
    let limits = Limits {
        max_evidence: None,
        article_source: true,
        passing_counted_only: false,
    };
    evaluate_with(file, article, policy, &limits)
}

/// Checks every claim of a file against an article. Only the evidence kept is located
/// (`line:column`, text as written): a claim with thousands of hits costs little more than
/// its count.
pub fn evaluate_with(file: &CompiledFile, article: &Article, policy: &Policy, limits: &Limits) -> FileReport {
    let hits = file.matcher.find(article);
    let memo = checks::Memo::default();
    // A long article's claims are checked on every core; results keep the file's order.
    // A claim that passes wherever its terms are absent, and is only counted when it passes,
    // is not checked where they are: an archive's cost then follows its hits, not its claims.
    let quiet = |i: usize| match &file.without_terms[i] {
        Some((v, terms)) if limits.passing_counted_only && policy.pass.contains(v) => {
            terms.iter().all(|&t| hits.of(t).is_empty()).then_some(*v)
        }
        _ => None,
    };
    let one = |i: usize| match quiet(i) {
        Some(v) => Outcome::Counted(v),
        None => result(file, i, article, &hits, &memo, policy, limits),
    };
    let mut omitted = Counts::default();
    let keep = |o: Outcome| match o {
        Outcome::Result(r) => Some(r),
        Outcome::Counted(v) => {
            omitted.add(v);
            None
        }
    };
    // Straight into the report: a vector of every result first was copied twice.
    let claims = if article.text.len() >= crate::matcher::PARALLEL_FROM {
        let all: Vec<Outcome> = (0..file.claims.len()).into_par_iter().map(one).collect();
        all.into_iter().filter_map(keep).collect()
    } else {
        (0..file.claims.len()).map(one).filter_map(keep).collect()
    };
    FileReport {
        path: file.path.clone(),
        article: article.path.clone(),
        claims,
        omitted,
        article_source: match limits.article_source {
            true => article.written_text().into(),
            false => "".into(),
        },
        positions: article.positions,
        notes: article.notes.clone(),
        uncovered: None,
    }
}

/// Fills `uncovered`: sentences with a number, date or quotation that no claim's evidence
/// (supporting, refuting or nearest) touches. The dateline is metadata, not a fact to check.
pub fn add_coverage(report: &mut FileReport, article: &Article) {
    let marks: Vec<Range<usize>> = report
        .claims
        .iter()
        .flat_map(|c| c.evidence.iter().chain(c.nearest.as_deref()))
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
        .map(|_| 0..article.sentences().first().map_or(0, |s| s.range.end));
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
            let s = span(article, &article.sentences()[si].range);
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
pub fn evaluate_claim(file: &CompiledFile, index: usize, article: &Article, policy: &Policy) -> ClaimResult {
    let hits = file.matcher.find(article);
    let memo = checks::Memo::default();
    match result(file, index, article, &hits, &memo, policy, &Limits::default()) {
        Outcome::Result(r) => r,
        Outcome::Counted(_) => unreachable!("the default limits count no claim"),
    }
}

/// What checking one claim gives: its result, or only its verdict for a claim that passed
/// where passing claims are only counted ([`Limits::passing_counted_only`]).
enum Outcome {
    Result(ClaimResult),
    Counted(Verdict),
}

fn result(
    file: &CompiledFile,
    index: usize,
    article: &Article,
    hits: &Hits,
    memo: &checks::Memo,
    policy: &Policy,
    limits: &Limits,
) -> Outcome {
    let claim = &file.claims[index];
    let cx = file.context(article, hits, memo);
    let check = claim.check.check();
    let mut finding = check.evaluate(&cx);
    let verdict = checks::verdict(&finding);
    let passed = policy.pass.contains(&verdict);
    if passed && limits.passing_counted_only {
        return Outcome::Counted(verdict);
    }
    // The stated limit bounds what is located and kept (text, positions, sentence) per
    // claim: `any: [the]` on a long article has millions of places. The count stays exact.
    let cap = crate::limits::current().evidence;
    let keep = limits.max_evidence.unwrap_or(usize::MAX).min(cap);
    if finding.evidence.len() > keep && keep == cap {
        finding.notes.push(format!(
            "{} evidence places, the first {cap} kept: {}; {}",
            finding.evidence.len(),
            crate::limits::over("evidence"),
            crate::limits::how_to_raise("evidence")
        ));
    }
    let evidence: Vec<Evidence> = finding
        .evidence
        .iter()
        .take(keep)
        .map(|f| located(article, f))
        .collect();
    // The first refuting place's diff: the one already made when the report keeps it.
    let diff = finding
        .evidence
        .iter()
        .position(|e| e.role == Role::Refutes)
        .and_then(|i| match evidence.get(i) {
            Some(kept) => kept.diff.clone(),
            None => finding.evidence[i].diff.as_deref().map(DiffOf::diff),
        });
    let count = |role| finding.evidence.iter().filter(|e| e.role == role).count();
    let explanation = finding.explanation.take().unwrap_or_else(|| {
        explain(
            verdict,
            count(Role::Supports),
            count(Role::Refutes),
            &file.expected[index],
        )
    });
    Outcome::Result(ClaimResult {
        id: claim.id.clone(),
        claim: claim.claim.clone(),
        kind: claim.check.key(),
        expected: file.expected[index].clone(),
        verdict,
        passed,
        severity: claim.severity,
        line: claim.line,
        column: claim.column,
        evidence,
        evidence_count: finding.evidence.len(),
        nearest: finding.nearest.as_ref().map(|f| Box::new(located(article, f))),
        diff,
        explanation,
        notes: finding.notes,
    })
}

fn explain(verdict: Verdict, supports: usize, refutes: usize, expected: &str) -> Cow<'static, str> {
    let places = |n: usize, one: &str, many: &str| {
        if n == 1 {
            format!("1 place {one}")
        } else {
            format!("{n} places {many}")
        }
    };
    match verdict {
        // The usual archive finding, worded without allocating.
        Verdict::Refuted if refutes == 1 => "1 place refutes the claim".into(),
        Verdict::Supported if supports + refutes == 0 => format!("as claimed: {expected}").into(),
        Verdict::Supported => format!("{} the claim", places(supports, "supports", "support")).into(),
        Verdict::Refuted => format!("{} the claim", places(refutes, "refutes", "refute")).into(),
        Verdict::NotFound => "nothing in the article matches what the claim expects".into(),
        Verdict::Conflicting => format!(
            "the article disagrees with itself: {}, {}",
            places(supports, "supports", "support"),
            places(refutes, "refutes", "refute")
        )
        .into(),
    }
}

/// A normalized range as a located span of the source. Its text is the words as written
/// (markup gone, entities decoded); its offsets and positions are the source file's.
pub(crate) fn span(article: &Article, r: &Range<usize>) -> Span {
    let src = article.source_range(r);
    let start = article.position(src.start);
    let in_source = &article.source[src.clone()];
    // Most spans sit on one line: the end column follows from the start's (a byte order
    // mark is not counted in a column).
    let end = match in_source.contains(['\n', '\u{FEFF}']) {
        false => crate::article::Position {
            line: start.line,
            column: start.column + in_source.chars().count(),
        },
        true => article.position(src.end),
    };
    let written = article.written_range(r);
    Span {
        start: src.start,
        end: src.end,
        line: start.line,
        column: start.column,
        end_line: end.line,
        end_column: end.column,
        text: as_written(&article.written_text()[written.clone()], &[]).0,
        in_text: written,
    }
}

fn located(article: &Article, f: &Found) -> Evidence {
    let context = f.context_in(article);
    let first = f.marks.first().map_or(context.start, |m| m.start);
    let last = f.marks.iter().map(|m| m.end).max().unwrap_or(context.end);
    // The sentence is quoted from the words as written, never from markup.
    let ctx = article.written_range(&(context.start.min(first)..context.end.max(last)));
    let marks: Vec<Range<usize>> = f
        .marks
        .iter()
        .map(|m| article.written_range(m))
        .map(|m| m.start - ctx.start..m.end - ctx.start)
        .collect();
    let (sentence, sentence_marks) = as_written(&article.written_text()[ctx], &marks);
    let whole = span(article, &(first..last));
    // One mark is the whole evidence (a term's place): its span is the same.
    let marks = match f.marks.as_slice() {
        [one] if *one == (first..last) => vec![whole.clone()],
        all => all.iter().map(|m| span(article, m)).collect(),
    };
    Evidence {
        role: f.role,
        span: whole,
        sentence,
        marks,
        value: f.value.clone(),
        date: f.date.clone(),
        diff: f.diff.as_deref().map(DiffOf::diff),
        note: f.note.clone(),
        sentence_marks,
        reading_place: article.paragraph_and_sentence(first),
    }
}

/// Source text as the article writes it (curly quotes, accents), on one line: runs of white
/// space become one space and soft hyphens go. Marks (byte ranges of `s`) follow along.
///
/// Most of a sentence is copied as it is, in stretches: this runs for every piece of
/// evidence a report keeps, and a character at a time it was a tenth of an archive run.
fn as_written(s: &str, marks: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
    let bytes = s.as_bytes();
    let mut out = String::with_capacity(s.len());
    // Each mark end, in order of position (on a character boundary), and where it lands.
    let floor = |mut at: usize| {
        at = at.min(s.len());
        while !s.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    // On the stack for the usual few marks: this runs for every piece of evidence kept.
    let (mut bounds_here, mut moved_here, mut bounds_heap, mut moved_heap);
    let (bounds, moved): (&mut [(usize, usize)], &mut [usize]) = if marks.len() <= 4 {
        bounds_here = [(0, 0); 8];
        moved_here = [0; 8];
        (&mut bounds_here[..2 * marks.len()], &mut moved_here[..2 * marks.len()])
    } else {
        bounds_heap = vec![(0, 0); 2 * marks.len()];
        moved_heap = vec![0; 2 * marks.len()];
        (&mut bounds_heap[..], &mut moved_heap[..])
    };
    let ends = marks.iter().flat_map(|m| [floor(m.start), floor(m.end)]);
    for (slot, (bound, at)) in bounds.iter_mut().zip(ends).enumerate() {
        *bound = (at, slot);
    }
    bounds.sort_unstable();
    let mut next = 0;
    // `s[..copied]` is written; `s[copied..i]` is to be copied as it is.
    let mut copied = 0;
    let mut i = 0;
    let mut in_space = false;
    while i < s.len() {
        // Eight bytes at a time while they are printable ASCII or single spaces: words and
        // the spaces between them, nearly all of a sentence.
        while let Some(chunk) = bytes.get(i..i + 8) {
            let w = u64::from_le_bytes(chunk.try_into().expect("eight bytes"));
            let spaces = zero_bytes(w ^ SPACES);
            let kept = printable_or_space(w) && spaces & (spaces << 8 | u64::from(in_space) << 7) == 0;
            if !kept {
                break;
            }
            in_space = spaces >> 63 == 1;
            i += 8;
        }
        let Some(&b) = bytes.get(i) else { break };
        // Printable ASCII first: nearly every byte of a sentence.
        let plain = match b {
            0x21..=0x7e => true,
            b' ' => !in_space,
            // ASCII white space (U+0009 to U+000D), and the rest to read as characters.
            0x09..=0x0d | 0x80.. => false,
            _ => true,
        };
        if plain {
            in_space = b == b' ';
            i += 1;
            continue;
        }
        let c = s[i..].chars().next().expect("i is on a character boundary");
        let len = c.len_utf8();
        let space = c.is_whitespace();
        if !space && c != '\u{00AD}' && c != '\u{FEFF}' {
            in_space = false;
            i += len;
            continue;
        }
        // A character to change: what comes before it is copied, its bounds land where it does.
        while next < bounds.len() && bounds[next].0 < i {
            moved[bounds[next].1] = out.len() + bounds[next].0 - copied;
            next += 1;
        }
        out.push_str(&s[copied..i]);
        while next < bounds.len() && bounds[next].0 < i + len {
            moved[bounds[next].1] = out.len();
            next += 1;
        }
        if space && !in_space {
            out.push(' ');
        }
        in_space |= space;
        i += len;
        copied = i;
    }
    for &(at, slot) in &bounds[next..] {
        moved[slot] = out.len() + at - copied;
    }
    out.push_str(&s[copied..]);
    let marks = moved.chunks(2).map(|m| m[0]..m[1]).collect();
    (out, marks)
}

/// Eight spaces, one a byte.
const SPACES: u64 = u64::from_le_bytes([b' '; 8]);
const LOW_BITS: u64 = u64::from_le_bytes([0x7f; 8]);

/// The high bit of each zero byte of `w`, exactly (no borrow between bytes).
fn zero_bytes(w: u64) -> u64 {
    !(((w & LOW_BITS) + LOW_BITS) | w | LOW_BITS)
}

/// Whether every byte of `w` is a space or printable ASCII (0x20 to 0x7e).
fn printable_or_space(w: u64) -> bool {
    let ones = u64::from_le_bytes([1; 8]);
    // A byte below 0x20 borrows into its high bit; adding 1 to one above 0x7e (0x7f, or
    // non-ASCII) sets it. Only a flagged byte borrows or carries into the next.
    let below = w.wrapping_sub(ones * 0x20) & !w;
    let above = w.wrapping_add(ones) | w;
    (below | above) & !LOW_BITS == 0
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::article::tests::SEED;

    /// A human archive report counts passing claims; claims whose terms do not occur are
    /// counted without being checked. The counts and the claims kept are those of a full check.
    #[test]
    fn counting_passing_claims_agrees_with_checking_every_claim() {
        let yaml = "claims:
  - {id: kiev, claim: c, absent: [Kiev]}
  - {id: pentagon, claim: c, absent: [Pentagon, {regex: '\\bBiden\\b'}]}
  - {id: said, claim: c, absent: [{regex: '\\bsa\\w+'}], severity: warning}
  - {id: italy, claim: c, all: [Italy, observer]}
  - {id: spain, claim: c, text: Spain}
";
        let file = crate::compile::parse("a.yaml", yaml, None).unwrap();
        let article = Article::new("seed.txt", SEED.to_string());
        let policy = Policy::default();
        let full = evaluate(&file, &article, &policy);
        let limits = Limits {
            passing_counted_only: true,
            ..Limits::default()
        };
        let counted = evaluate_with(&file, &article, &policy, &limits);
        let verdicts: Vec<(&str, Verdict)> = full.claims.iter().map(|c| (&*c.id, c.verdict)).collect();
        assert_eq!(
            verdicts,
            [
                ("kiev", Verdict::Refuted),
                ("pentagon", Verdict::Supported),
                ("said", Verdict::Refuted),
                ("italy", Verdict::Supported),
                ("spain", Verdict::NotFound),
            ]
        );
        let kept: Vec<&str> = counted.claims.iter().map(|c| &*c.id).collect();
        assert_eq!(kept, ["kiev", "said", "spain"]);
        assert_eq!(counted.omitted.supported, 2);
        assert_eq!(counted.summary(), full.summary());
        // Where the terms of an `absent` claim do occur, it is checked and kept.
        assert_eq!(counted.claims[0], full.claims[0]);
    }

    /// The definition of [`as_written`], a character at a time, with a byte map.
    fn as_written_by_character(s: &str, marks: &[Range<usize>]) -> (String, Vec<Range<usize>>) {
        let mut out = String::new();
        let mut map = vec![0; s.len() + 1];
        let mut in_space = false;
        for (i, c) in s.char_indices() {
            map[i..i + c.len_utf8()].fill(out.len());
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

    /// Property: copying in stretches gives the text and marks of the definition.
    #[test]
    fn text_as_written_in_stretches_is_the_definition() {
        const PIECES: &[&str] = &[
            "Paris", " ", "  ", "\n", "\t", "\r\n", "\u{0b}", "\u{0c}", "\u{a0}", "\u{2009}", "\u{3000}", "\u{ad}",
            "\u{feff}", "é", "“", "”", "—", "x", "34", ".", "\u{85}", "\u{1c}", "e\u{301}",
        ];
        let mut rng = crate::testrng::TestRng(0xA5);
        for round in 0..2000 {
            let s: String = (0..rng.below(24)).map(|_| PIECES[rng.below(PIECES.len())]).collect();
            let mut cuts: Vec<usize> = (0..=s.len()).filter(|&i| s.is_char_boundary(i)).collect();
            // Up to 4 marks on the stack, more on the heap.
            let marks: Vec<Range<usize>> = (0..rng.below(7))
                .map(|_| {
                    let a = cuts[rng.below(cuts.len())];
                    let b = cuts[rng.below(cuts.len())];
                    a.min(b)..a.max(b)
                })
                .collect();
            cuts.clear();
            assert_eq!(
                as_written(&s, &marks),
                as_written_by_character(&s, &marks),
                "round {round}: {s:?} {marks:?}"
            );
        }
    }

    /// The eight-byte tests of [`as_written`] answer as a byte at a time would, for every
    /// byte value at every place among neighbours that borrow or carry.
    #[test]
    fn eight_byte_tests_agree_with_a_byte_at_a_time() {
        for background in [b'a', b' ', 0x7e, 0x7f, 0x1f, 0x20, 0x21, 0x80, 0xff, 0x00] {
            for at in 0..8 {
                for b in 0..=255u8 {
                    let mut bytes = [background; 8];
                    bytes[at] = b;
                    let w = u64::from_le_bytes(bytes);
                    let printable = bytes.iter().all(|c| (0x20..=0x7e).contains(c));
                    assert_eq!(printable_or_space(w), printable, "{bytes:?}");
                    let spaces = bytes
                        .iter()
                        .enumerate()
                        .filter(|(_, c)| **c == b' ')
                        .fold(0, |m, (k, _)| m | 0x80 << (8 * k));
                    assert_eq!(zero_bytes(w ^ SPACES), spaces, "{bytes:?}");
                }
            }
        }
    }

    #[test]
    fn text_as_written_keeps_its_marks_on_the_same_words() {
        let s = "Le  \u{00AD}Élysée\n\tsaid “no”\u{00A0} twice";
        let at = |w: &str| s.find(w).unwrap()..s.find(w).unwrap() + w.len();
        let (out, marks) = as_written(s, &[at("“no”"), at("Élysée"), at("twice")]);
        assert_eq!(out, "Le Élysée said “no” twice");
        let shown: Vec<&str> = marks.iter().map(|m| &out[m.clone()]).collect();
        assert_eq!(shown, ["“no”", "Élysée", "twice"]);
        // A mark that starts on removed characters starts where the next kept one does.
        let from_spaces = 2..s.len();
        let (_, marks) = as_written(s, std::slice::from_ref(&from_spaces));
        assert_eq!(&out[marks[0].clone()], " Élysée said “no” twice");
    }
}
