//! Format 1.1 on real news copy: one module per rule family, each test a news sentence and the
//! verdict a careful reader gives (harper-style names: `supports_…`, `refutes_…`, `vaguer_…`,
//! `not_found_…`, `conflicting_…`).
//!
//! These call the library, not the binary: a rule family is a few hundred claims, and the
//! binary's own paths are tested in `main`.

#![allow(dead_code)]

// Figures: qualifiers, entailment, every number form of format 1.1.
mod numbers;
// Dates: tense, relative days, numeric dates, intervals.
mod dates;
// Quotations and who said them.
mod speakers;
// Sentence boundaries as a careful reader draws them.
mod sentences;
// Negation cues and term matching (possessives, slashes).
mod negation;

use claimcheck::article::Article;
use claimcheck::claims;
use claimcheck::engine;
use claimcheck::report::{ClaimResult, Verdict};

/// Checks one claim (YAML of one list item, without the leading `- `) against `text`,
/// published on `published` (`YYYY-MM-DD`) when given.
pub fn check(text: &str, published: Option<&str>, claim: &str) -> ClaimResult {
    let mut yaml = String::new();
    if let Some(p) = published {
        yaml.push_str(&format!("published: {p}\n"));
    }
    yaml.push_str("claims:\n");
    for (i, line) in claim.trim().lines().enumerate() {
        yaml.push_str(if i == 0 { "  - " } else { "    " });
        yaml.push_str(line.trim());
        yaml.push('\n');
    }
    let file = claimcheck::compile::parse("claims.yaml", &yaml, None).unwrap_or_else(|e| panic!("{yaml}\n{e:?}"));
    let article = Article::new("article.txt", text.to_string());
    let mut report = engine::evaluate(&file, &article, &engine::Policy::default());
    report.claims.remove(0)
}

/// The verdict alone.
pub fn verdict(text: &str, published: Option<&str>, claim: &str) -> Verdict {
    check(text, published, claim).verdict
}

/// Every note of a result: the claim's and each evidence's (and the nearest span's).
pub fn notes(r: &ClaimResult) -> String {
    let mut all: Vec<String> = r.notes.clone();
    all.extend(r.evidence.iter().filter_map(|e| e.note.as_deref().map(str::to_string)));
    if let Some(n) = r.nearest.as_ref().and_then(|n| n.note.as_deref()) {
        all.push(n.to_string());
    }
    all.push(r.explanation.to_string());
    all.join("\n")
}
