//! claimcheck checks the facts an editor writes as YAML claims against a news article.
//!
//! The pipeline, one stage after the other:
//!
//! 1. [`claims`]: load and validate claim files (every error located, all of them at once);
//!    each claim's check is built by its kind; nothing is compiled there.
//! 2. [`compile`]: a loaded file compiled once: every term of it into one matcher, each
//!    claim's expectation, the archive shortcut. [`compile::parse`] does both steps.
//! 3. [`article`]: read the article once (plain text, Markdown, HTML or Word, each reader
//!    extracting its words with a map back to their bytes): normalized text with offsets
//!    back to the source, paragraphs, headings, sentences, `line:column`.
//! 4. The matcher finds every term of the file in one pass over the article; one check per
//!    claim turns what it found into a verdict, by one rule for every kind of check.
//! 5. [`engine`] builds the [`report`]: verdicts, located evidence, diffs.
//! 6. [`render`]: one renderer per output format.
//!
//! Each stage imports only the ones below it: terms (and the term table) are used by
//! claims, checks and the matcher; checks know no claim file and no YAML (a kind reads its
//! claim through a small trait that `claims` implements), so the arrows go
//! `claims -> checks -> terms` and `compile -> {claims, matcher}`, never back.
//!
//! That is the library's API: [`error::Diagnostic`] says what is wrong with an input and
//! [`date::Date`] is a day of the calendar; [`batch`] runs claim files over a stream of
//! articles in JSON Lines (an archive audit, piped through by Spark). Around it, the command line (the binary,
//! `src/main.rs`, thin over the library, which never prints) has commands for people
//! writing claims: `test` (a claim's `examples:`), `suggest` (draft claims from an
//! article), `explain` (one verdict step by step), `schema` (the claim format as a JSON
//! Schema), `lsp` (a language server: verdicts in the editor as the copy is written), and
//! `check` runs many articles and compares reports with snapshots. The
//! modules behind those are public only for the binary, and hidden.
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

#![warn(missing_docs)]
#![warn(clippy::print_stdout, clippy::print_stderr)]

pub mod article;
pub mod batch;
pub mod claims;
pub mod compile;
pub mod config;
pub mod date;
pub mod engine;
pub mod error;
pub mod limits;
pub mod render;
pub mod report;

// Not API: the binary (`src/main.rs`, `src/cli/`) is a separate crate and can reach only what
// is `pub`; these serve its commands, hidden from the library's documentation.
#[doc(hidden)]
pub mod atomic;
#[doc(hidden)]
pub mod explain;
#[doc(hidden)]
pub mod jobs;
#[doc(hidden)]
pub mod lsp;
#[doc(hidden)]
pub mod schema;
#[doc(hidden)]
pub mod selftest;
#[doc(hidden)]
pub mod snapshot;
#[doc(hidden)]
pub mod suggest;

// Internal stages: public types reach them only through hidden fields.
pub(crate) mod checks;
pub(crate) mod matcher;
pub(crate) mod terms;

/// Not API: what the benches (`benches/hot_paths.rs`), the corpus generator
/// (`examples/gen-corpus.rs`) and the fuzz targets (`fuzz/`) reach into: the hot paths, the
/// compiled terms, the normalization.
#[doc(hidden)]
pub mod internals {
    pub use crate::article::dates::find as find_dates;
    pub use crate::article::normalize::normalize_str as normalize;
    pub use crate::article::numbers::find as find_numbers;
    pub use crate::article::quotes::find as find_quotations;
    pub use crate::checks::{CheckKind, near_miss};
    pub use crate::terms::Pattern;
}
#[cfg(test)]
mod testrng;
