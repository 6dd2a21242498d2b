//! Micro-benchmarks of the hot paths (`cargo bench`; CI runs `cargo bench --no-run` so they
//! keep compiling): indexing, the term pass, loading, the near-miss search, number, date and
//! quotation recognition, number, date and quote claims on a long article, and the diff of a
//! refuting place. Whole-program comparisons with ripgrep are `benches/compare.sh`.
//!
//! On a shared 2-core machine single timings are noisy: compare ratios within one run, or
//! count instructions (`valgrind --tool=callgrind` on the bench binary).

use std::ops::Range;

use claimcheck::article::Article;
use claimcheck::compile;
use claimcheck::internals::{find_dates, find_numbers, find_quotations, near_miss};

const SEED: &str = include_str!("../claims/paris-coalition-2025-03-11.txt");

fn main() {
    divan::main();
}

/// About `kb` KB of news text: the seed article repeated, each copy with its own names and
/// numbers so the copies are not identical.
fn text(kb: usize) -> String {
    let mut s = String::with_capacity(kb << 10);
    let mut i = 0;
    while s.len() < kb << 10 {
        s.push_str(
            &SEED
                .replace("Italy", &format!("Italy{i}"))
                .replace("34", &i.to_string()),
        );
        s.push_str("\n\n");
        i += 1;
    }
    s
}

/// A claim file of `n` `absent` claims with `\b` regexes and phrases, like an archive audit.
fn claim_file(n: usize) -> compile::CompiledFile {
    let mut yaml = String::from("claims:\n");
    for i in 0..n {
        let check = match i % 4 {
            0 => format!("absent: [{{regex: '\\bVelmar{i}\\b'}}]"),
            1 => format!("absent: [{{regex: '\\b{}\\d{{2}} countries\\b'}}]", i % 10),
            2 => format!("absent: [Kiev{i}, Elisee{i}]"),
            _ => format!("text: the chiefs of staff of {i} countries met"),
        };
        yaml.push_str(&format!("  - id: c{i}\n    claim: c\n    {check}\n"));
    }
    compile::parse("bench.yaml", &yaml, None).expect("the bench claims load")
}

/// Normalizing, segmenting and indexing an article.
#[divan::bench(args = [5, 1024])]
fn article_indexing(bencher: divan::Bencher, kb: usize) {
    let t = text(kb);
    bencher
        .counter(divan::counter::BytesCount::new(t.len()))
        .bench(|| Article::new("a.txt", divan::black_box(t.clone())));
}

/// The one term pass: every literal, regexes verified around their hits.
#[divan::bench(args = [200, 1000])]
fn term_pass(bencher: divan::Bencher, claims: usize) {
    let file = claim_file(claims);
    let article = Article::new("a.txt", text(1024));
    bencher
        .counter(divan::counter::BytesCount::new(article.text.len()))
        .bench(|| file.matcher.find(divan::black_box(&article)));
}

/// Loading a claim file: YAML, validation, regex compilation, the matcher.
#[divan::bench(args = [200, 1000])]
fn claim_loading(bencher: divan::Bencher, claims: usize) {
    bencher.bench(|| claim_file(divan::black_box(claims)));
}

/// The near-miss search for a phrase that does not occur, over every sentence.
#[divan::bench(args = [5, 1024])]
fn near_miss_search(bencher: divan::Bencher, kb: usize) {
    let article = Article::new("a.txt", text(kb));
    let units: Vec<std::ops::Range<usize>> = article.sentences().iter().map(|s| s.range.clone()).collect();
    article.words();
    bencher.bench(|| near_miss::closest(&article, divan::black_box("according to the Elysée palace"), &units));
}

/// The near-miss search for a phrase none of whose words occur (most claims of an archive
/// audit in most articles): it should cost the word-index look-ups, not the article.
#[divan::bench(args = [5, 1024])]
fn near_miss_search_no_shared_word(bencher: divan::Bencher, kb: usize) {
    let article = Article::new("a.txt", text(kb));
    let units: Vec<std::ops::Range<usize>> = article.sentences().iter().map(|s| s.range.clone()).collect();
    article.words();
    bencher.bench(|| near_miss::closest(&article, divan::black_box("Velmar Osquith pledged frigates"), &units));
}

/// Number, date and quote claims checked against a long article, its numbers, dates and
/// quotations already found: what a mixed claim file costs past the term pass.
#[divan::bench(args = [5, 1024])]
fn mixed_claims(bencher: divan::Bencher, kb: usize) {
    let yaml = "claims:
  - {id: n1, claim: c, number: 34, near: [leaders of Staff]}
  - {id: n2, claim: c, number: {min: 100}, near: [Velmar]}
  - {id: d1, claim: c, date: 2025-03-12}
  - {id: d2, claim: c, date: 2025-03-12, near: [Defense Ministers]}
  - {id: q1, claim: c, quote: a first stone on these guarantees}
  - {id: q2, claim: c, quote: we will not be separated, by: Velmar}
  - {id: t1, claim: c, text: according to the Elysee palace}
";
    let file = compile::parse("bench.yaml", yaml, None).expect("the bench claims load");
    let article = Article::new("a.txt", text(kb));
    let policy = claimcheck::engine::Policy::default();
    let limits = claimcheck::engine::Limits {
        max_evidence: Some(20),
        ..Default::default()
    };
    // Once first, so the article's numbers, dates, quotations and word index are built.
    claimcheck::engine::evaluate_with(&file, &article, &policy, &limits);
    bencher
        .counter(divan::counter::BytesCount::new(article.text.len()))
        .bench(|| claimcheck::engine::evaluate_with(&file, divan::black_box(&article), &policy, &limits));
}

// `Article` builds its dates, numbers and quotations once, behind a `OnceLock`: these call the
// `find` functions behind it, so every iteration does the work instead of reading the cache.

/// Date recognition: every date mention of the text (what `Article::dates` builds). The seed
/// has about 4 dates per 5 KB, the generated corpus about 20, and both finders slow down as
/// dates pile up: on this text that shows less.
#[divan::bench(args = [5, 1024])]
fn date_recognition(bencher: divan::Bencher, kb: usize) {
    let article = Article::new("a.txt", text(kb));
    bencher
        .counter(divan::counter::BytesCount::new(article.text.len()))
        .bench(|| find_dates(divan::black_box(&article.text)));
}

/// Number recognition, the dates already found (`Article::numbers` skips their parts).
#[divan::bench(args = [5, 1024])]
fn number_recognition(bencher: divan::Bencher, kb: usize) {
    let article = Article::new("a.txt", text(kb));
    let taken: Vec<Range<usize>> = article.dates().iter().map(|d| d.range.clone()).collect();
    bencher
        .counter(divan::counter::BytesCount::new(article.text.len()))
        .bench(|| find_numbers(divan::black_box(&article.text), divan::black_box(&taken)));
}

/// Quotation finding from the quotation marks recorded while normalizing.
#[divan::bench(args = [5, 1024])]
fn quotation_finding(bencher: divan::Bencher, kb: usize) {
    let article = Article::new("a.txt", text(kb));
    bencher
        .counter(divan::counter::BytesCount::new(article.text.len()))
        .bench(|| find_quotations(divan::black_box(&article)));
}

/// The diff a report shows for a refuting place, without the per-thread memo: a date
/// against the article's day, a near miss one word off, and a value. Most sides have one
/// longest common subsequence and skip `similar`; a reordered date does not (the fallback).
#[divan::bench(args = ["date", "reordered date", "near-miss phrase", "value"])]
fn diff(bencher: divan::Bencher, which: &str) {
    let (expected, found, similarity) = match which {
        "date" => ("2023-07-07", "2025-10-04", None),
        "reordered date" => ("2023-07-10", "2023-10-07", None),
        "near-miss phrase" => (
            "a first stone on those guarantees of security",
            "A first stone on these guarantees of security",
            Some(0.95),
        ),
        _ => ("34", "30", None),
    };
    bencher.bench(|| claimcheck::report::Diff::new(divan::black_box(expected), divan::black_box(found), similarity));
}
