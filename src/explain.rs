//! `claimcheck explain ID`: one claim's verdict, step by step, for the editor who asks
//! "why did this fail?": the terms and where they matched, the sentences considered and why
//! each counted or not, the similarity of a near miss, and the rule that gave the verdict.

use std::io::{self, Write};

use crate::article::Article;
use crate::checks::near_miss;
use crate::compile::CompiledFile;
use crate::engine::{self, Policy};
use crate::matcher::Hits;
use crate::report::{Evidence, Role, Verdict};
use crate::terms::{Pattern, TermId};

/// Places listed per term before "and N more".
const SHOWN: usize = 10;

pub fn explain(file: &CompiledFile, index: usize, article: &Article, w: &mut dyn Write) -> io::Result<()> {
    let claim = &file.claims[index];
    let result = engine::evaluate_claim(file, index, article, &Policy::default());
    let hits = file.matcher.find(article);
    let check = claim.check.check();
    let terms = check.terms();
    writeln!(w, "{} ({}:{}:{})", claim.id, file.path, claim.line, claim.column)?;
    writeln!(w, "  claim:    {}", claim.claim)?;
    writeln!(w, "  check:    {} — {}", claim.check.key(), result.expected)?;
    writeln!(w, "  article:  {}", article.path)?;
    if check.reads() == "dates" || article.published().is_some() || file.published.is_some() {
        let published = file
            .published
            .or(article.published())
            .map_or("none".to_string(), |d| d.to_string());
        writeln!(w, "  published: {published} (relative dates resolve against it)")?;
    }
    writeln!(w)?;
    writeln!(w, "1. Terms")?;
    if terms.is_empty() {
        writeln!(
            w,
            "   (this claim has no terms: it reads the article's {} directly)",
            check.reads()
        )?;
    }
    for &t in &terms {
        term_lines(file, article, &hits, t, w)?;
    }
    writeln!(w)?;
    writeln!(w, "2. Sentences considered")?;
    considered(file, index, article, &hits, &result.evidence, w)?;
    writeln!(w)?;
    writeln!(w, "3. Evidence")?;
    if result.evidence.is_empty() {
        writeln!(w, "   none")?;
    }
    for e in &result.evidence {
        evidence_lines(e, article, w)?;
    }
    if let Some(n) = &result.nearest {
        writeln!(w, "   closest span (not evidence):")?;
        evidence_lines(n, article, w)?;
    }
    for note in &result.notes {
        writeln!(w, "   note: {note}")?;
    }
    writeln!(w)?;
    let supports = result.evidence.iter().filter(|e| e.role == Role::Supports).count();
    let refutes = result.evidence.iter().filter(|e| e.role == Role::Refutes).count();
    writeln!(w, "4. Verdict: {}", result.verdict.as_str())?;
    let rule = match result.verdict {
        Verdict::Conflicting => "evidence on both sides is `conflicting`",
        Verdict::Supported if result.evidence.is_empty() => "an `absent` claim with nothing found is `supported`",
        Verdict::Supported => "supporting evidence only is `supported`",
        Verdict::Refuted => "refuting evidence only is `refuted`",
        Verdict::NotFound => "no evidence is `not_found`: silence is never a pass",
    };
    writeln!(w, "   {supports} supporting, {refutes} refuting: {rule}.")?;
    writeln!(w, "   {}", result.explanation)?;
    let outcome = if result.passed { "passes" } else { "fails" };
    writeln!(w, "   The claim {outcome} (only `supported` passes).")
}

fn term_lines(file: &CompiledFile, article: &Article, hits: &Hits, t: TermId, w: &mut dyn Write) -> io::Result<()> {
    let term = &file.terms.terms[t.0];
    let how: Vec<String> = term
        .patterns
        .iter()
        .map(|p| match p {
            Pattern::Literal { text, exact, prefix } => {
                let star = if *prefix { "*" } else { "" };
                let case = if *exact { "exact case" } else { "any case" };
                format!("\"{text}{star}\" ({case})")
            }
            Pattern::Regex(r) => format!("/{}/", r.as_str()),
        })
        .collect();
    let found = hits.of(t);
    writeln!(
        w,
        "   {}: {} — {} place{}",
        term.label,
        how.join(" or "),
        found.len(),
        if found.len() == 1 { "" } else { "s" }
    )?;
    for h in found.iter().take(SHOWN) {
        let s = engine::span(article, h);
        writeln!(w, "     {}  \"{}\"", article.at(s.line, s.column), s.text)?;
    }
    if found.len() > SHOWN {
        writeln!(w, "     … and {} more", found.len() - SHOWN)?;
    }
    Ok(())
}

/// Sentences holding any term (or, for typed claims, any mention), and what became of each.
fn considered(
    file: &CompiledFile,
    index: usize,
    article: &Article,
    hits: &Hits,
    evidence: &[Evidence],
    w: &mut dyn Write,
) -> io::Result<()> {
    let claim = &file.claims[index];
    let check = claim.check.check();
    let terms = check.terms();
    let memo = crate::checks::Memo::default();
    let cx = file.context(article, hits, &memo);
    let mut sentences: Vec<usize> = terms
        .iter()
        .flat_map(|&t| hits.of(t).iter())
        .filter_map(|h| article.sentence_at(h.start))
        .collect();
    sentences.extend(
        check
            .mentions(article)
            .iter()
            .filter_map(|m| article.sentence_at(m.start)),
    );
    sentences.sort_unstable();
    sentences.dedup();
    if sentences.is_empty() {
        writeln!(w, "   none: no term occurs in the article")?;
        return Ok(());
    }
    for si in sentences.iter().copied().take(2 * SHOWN) {
        let r = article.sentences()[si].range.clone();
        let s = engine::span(article, &r);
        let src = s.start..s.end;
        let used: Vec<&Evidence> = evidence
            .iter()
            .filter(|e| e.span.start < src.end && src.start < e.span.end)
            .collect();
        let verdict = match used.first() {
            Some(e) if e.role != Role::Nearest => format!("accepted: {}", e.role.as_str()),
            _ => format!("rejected: {}", check.why_not(&cx, &r)),
        };
        writeln!(w, "   {}  {verdict}", article.at(s.line, s.column))?;
        writeln!(w, "     {}", s.text)?;
    }
    if sentences.len() > 2 * SHOWN {
        writeln!(w, "   … and {} more sentences", sentences.len() - 2 * SHOWN)?;
    }
    Ok(())
}

fn evidence_lines(e: &Evidence, article: &Article, w: &mut dyn Write) -> io::Result<()> {
    let role = e.role.as_str();
    writeln!(
        w,
        "   {role} {}  \"{}\"",
        article.at(e.span.line, e.span.column),
        e.span.text
    )?;
    if let Some(n) = &e.note {
        writeln!(w, "     why: {n}")?;
    }
    if let Some(d) = &e.diff {
        let sim = d
            .similarity
            .map(|s| format!(" (similarity {s:.2}, near miss at {:.2})", near_miss::THRESHOLD))
            .unwrap_or_default();
        writeln!(w, "     expected: {}{sim}", d.expected)?;
        writeln!(w, "     found:    {}", d.found)?;
    }
    Ok(())
}
