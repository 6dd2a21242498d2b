//! Renderers: one file per `--format` value, each reading only the [`Report`].
//!
//! No renderer searches, counts or decides: verdicts, positions and diffs come from the
//! result model, so every format agrees.

mod human;
mod json;

use std::io::{self, Write};

use crate::report::Report;

/// The `--format` values.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// For people at a terminal: one block per claim, evidence and diffs.
    Human,
    /// Versioned JSON (`"schema": "claimcheck/1"`), for tools.
    Json,
}

/// Evidence places the human report lists per claim unless `--max-evidence` says otherwise.
pub const DEFAULT_SHOWN: usize = 20;

/// How to render.
#[derive(Debug, Clone, Default)]
pub struct Options {
    /// ANSI colours (a terminal that wants them).
    pub color: bool,
    /// How many evidence places the human report lists per claim before "and N more".
    pub max_shown: Option<usize>,
}

pub fn render(report: &Report, format: Format, opts: &Options, w: &mut dyn Write) -> io::Result<()> {
    match format {
        Format::Human => human::Human::new(opts).render(report, w),
        Format::Json => json::render(report, w),
    }
}
