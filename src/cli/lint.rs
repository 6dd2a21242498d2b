//! `claimcheck lint`: claim files validated, examples run and named articles read, without
//! checking anything; each file "ok" with its hints.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use claimcheck::jobs;
use claimcheck::report::counted;

use super::{EXIT_PASS, Failure};

/// The arguments of `lint` and `test`.
#[derive(Debug, Args)]
pub struct LintArgs {
    /// Claim files or folders of them.
    #[arg(default_value = "claims")]
    pub paths: Vec<PathBuf>,
}

pub fn lint(paths: &[PathBuf], out: &mut dyn Write) -> Result<i32, Failure> {
    let files = jobs::load_all(paths)?;
    let claims: usize = files.iter().map(|f| f.claims.len()).sum();
    // A claim file is not "ok" when the article it names cannot be read: `check` would stop there.
    let unread = jobs::unreadable_articles(&files);
    if !unread.is_empty() {
        return Err(Failure::Invalid(unread));
    }
    for f in &files {
        writeln!(out, "ok   {} ({})", f.path, counted(f.claims.len(), "claim"))?;
        for h in &f.hints {
            let help = h.help.as_deref().map(|x| format!(": {x}")).unwrap_or_default();
            writeln!(out, "hint {}:{}:{}: {}{help}", h.path, h.line, h.column, h.message)?;
        }
    }
    writeln!(
        out,
        "{}, {}: no errors",
        counted(files.len(), "claim file"),
        counted(claims, "claim")
    )?;
    Ok(EXIT_PASS)
}
