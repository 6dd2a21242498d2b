//! The cost of reading an article in Markdown, HTML or Word against the same article as text
//! (`cargo bench --bench formats`): reading, extraction, indexing and the shipped claims'
//! check, per format. The target: Markdown and HTML at most 1.5x the text; a Word document
//! (unzipping and XML) should cost little next to the check.
//!
//! On a shared 2-core machine single timings are noisy: compare the ratios within one run.

use std::path::Path;

use claimcheck::article::Article;
use claimcheck::article::source::SourceFormat;
use claimcheck::{compile, engine};

const TEXT: &[u8] = include_bytes!("../tests/fixtures/articles/seed.txt");
const MARKDOWN: &[u8] = include_bytes!("../tests/fixtures/articles/seed.md");
const HTML: &[u8] = include_bytes!("../tests/fixtures/articles/seed.html");
const DOCX: &[u8] = include_bytes!("../tests/fixtures/articles/seed.docx");
const CLAIMS: &str = include_str!("../claims/paris-coalition.yaml");

fn main() {
    divan::main();
}

fn source(format: &str) -> (SourceFormat, &'static [u8]) {
    match format {
        "text" => (SourceFormat::Text, TEXT),
        "markdown" => (SourceFormat::Markdown, MARKDOWN),
        "docx" => (SourceFormat::Docx, DOCX),
        _ => (SourceFormat::Html, HTML),
    }
}

/// Reading the file's bytes into an indexed article.
#[divan::bench(args = ["text", "markdown", "html", "docx"])]
fn read(bencher: divan::Bencher, format: &str) {
    let (f, bytes) = source(format);
    bencher.bench(|| Article::read("seed", divan::black_box(bytes.to_vec()), Some(f)).expect("the seed reads"));
}

/// Reading and checking the shipped claims, as `claimcheck check` does per article.
#[divan::bench(args = ["text", "markdown", "html", "docx"])]
fn read_and_check(bencher: divan::Bencher, format: &str) {
    let (f, bytes) = source(format);
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("claims");
    let file = compile::parse("paris-coalition.yaml", CLAIMS, Some(&dir)).expect("the shipped claims load");
    let policy = engine::Policy::default();
    bencher.bench(|| {
        let article = Article::read("seed", divan::black_box(bytes.to_vec()), Some(f)).expect("the seed reads");
        engine::evaluate(&file, &article, &policy)
    });
}
