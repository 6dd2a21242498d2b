//! A claim file compiled once, for every article it is checked against: the matcher of all
//! its terms, each claim's expectation in words, and the archive shortcut.
//!
//! Its own stage so that loading ([`crate::claims`]) stays the claim format and nothing
//! more: a file is validated without building a matcher, and what is built from it is built
//! here, once, before the first article.

use std::ops::Deref;
use std::sync::Arc;

use crate::article::Article;
use crate::article::dates::Reading;
use crate::checks::{Context, Memo};
use crate::claims::ClaimFile;
use crate::error::Diagnostic;
use crate::matcher::{Hits, Matcher};
use crate::report::Verdict;
use crate::terms::TermId;

/// A loaded claim file and what its checks need, built once. It reads as its
/// [`ClaimFile`] (`file.claims`, `file.terms`, ...).
#[derive(Debug)]
pub struct CompiledFile {
    /// The claim file as loaded.
    pub file: ClaimFile,
    /// Every term of the file, found in one pass over an article.
    #[doc(hidden)]
    pub matcher: Matcher,
    /// Per claim: what it expects, in words (its check's `expected`).
    pub expected: Vec<Arc<str>>,
    /// Per claim: its verdict where none of its terms occurs, with those terms, when the
    /// check knows it without the article (`Check::without_terms`).
    #[doc(hidden)]
    pub without_terms: Vec<Option<(Verdict, Vec<TermId>)>>,
}

impl CompiledFile {
    /// Compiles a loaded claim file: its matcher, each claim's expectation, the shortcut.
    pub fn new(file: ClaimFile) -> CompiledFile {
        let checks = file.claims.iter().map(|c| c.check.check());
        let expected = checks.clone().map(|c| c.expected(&file.terms).into()).collect();
        let without_terms = checks.map(|c| c.without_terms().map(|v| (v, c.terms()))).collect();
        CompiledFile {
            matcher: Matcher::new(&file.terms),
            expected,
            without_terms,
            file,
        }
    }

    /// What every check of this file sees on `article`: its term hits, the file's terms, and
    /// the published date (the file's, else the article's metadata's or dateline's) with the date order.
    pub(crate) fn context<'a>(&'a self, article: &'a Article, hits: &'a Hits, memo: &'a Memo) -> Context<'a> {
        Context {
            memo,
            article,
            hits,
            terms: &self.terms,
            reading: Reading {
                published: self.published.or(article.published()),
                order: self.date_order,
            },
        }
    }
}

impl Deref for CompiledFile {
    type Target = ClaimFile;

    fn deref(&self) -> &ClaimFile {
        &self.file
    }
}

/// Parses a claim file's text ([`crate::claims::parse`]) and compiles it.
pub fn parse(path: &str, source: &str, dir: Option<&std::path::Path>) -> Result<CompiledFile, Vec<Diagnostic>> {
    crate::claims::parse(path, source, dir).map(CompiledFile::new)
}
