//! claimcheck checks the facts an editor writes as YAML claims against a news article.
//!
//! The pipeline, one module per stage:
//!
//! 1. [`claims`]: load and validate claim files (every error located, all of them at once);
//!    each claim's check is built by its kind ([`checks::KINDS`]), nothing is compiled.
//! 2. [`compile`]: a loaded file compiled once: every term of it into one
//!    [`matcher::Matcher`], each claim's expectation, the archive shortcut.
//! 3. [`article`]: read the article once: normalized text with offsets back to the source,
//!    paragraphs, headings, sentences, `line:column`.
//! 4. [`matcher`]: find every term of the file in one pass over the article.
//! 5. [`checks`]: one file per check key behind one trait; findings become verdicts by one rule.
//! 6. [`engine`] builds the [`report`]: verdicts, located evidence, diffs.
//! 7. [`render`]: one renderer per output format; [`snapshot`] compares reports over time.
//!
//! Each stage imports only the ones below it: [`terms`] (terms and the term table) is used by
//! `claims`, `checks` and `matcher`; `checks` knows no claim file and no YAML (a kind reads
//! its claim through [`checks::Spec`], which `claims` implements), so the arrows go
//! `claims -> checks -> terms` and `compile -> {claims, matcher}`, never back.
//!
//! Around it, for people writing claims: [`selftest`] (a claim's `examples:`), [`suggest`]
//! (draft claims from an article), [`explain`] (one verdict step by step), [`schema`] (the
//! claim format as a JSON Schema); [`jobs`] runs a `check` over many articles. The command
//! line is the binary (`src/main.rs`), thin over all of it: the library never prints.
//!
//! ```
//! use claimcheck::{article::Article, compile, engine, report::Verdict};
//!
//! let file = compile::parse("example.yaml", "
//! claims:
//!   - id: italy-observer
//!     claim: Italy attended only as an observer
//!     all: [Italy, observer]
//! ", None).unwrap();
//! let article = Article::new("a.txt", "For Italy, the chief was present (but only as an observer).".into());
//! let report = engine::evaluate(&file, &article, &engine::Policy::default());
//! assert_eq!(report.claims[0].verdict, Verdict::Supported);
//! ```

#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod atomic;
pub mod checks;
pub mod claims;
pub mod compile;
pub mod date;
pub mod engine;
pub mod error;
pub mod explain;
pub mod jobs;
pub mod matcher;
pub mod render;
pub mod report;
pub mod schema;
pub mod selftest;
pub mod snapshot;
pub mod suggest;
pub mod terms;
#[cfg(test)]
mod testrng;
