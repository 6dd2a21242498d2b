//! `claimcheck suggest ARTICLE [--output FILE [--force]]`: a draft claim file, on standard
//! output or written (atomically) where it names its article relative to itself.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use claimcheck::date::Date;
use claimcheck::error::Diagnostic;
use claimcheck::{atomic, claims, jobs};

use super::{EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article to draft claims from.
    article: PathBuf,
    #[command(flatten)]
    article_format: super::ArticleFormat,
    /// Write the draft here (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite --output if it exists.
    #[arg(long)]
    force: bool,
    /// The publication date, YYYY-MM-DD, for an article without a `date YYYY-MM-DD` dateline:
    /// it resolves "on Tuesday", "tomorrow" and "12 March", and goes into the draft.
    #[arg(long, value_name = "DATE", value_parser = published_date)]
    published: Option<Date>,
}

fn published_date(s: &str) -> Result<Date, String> {
    Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a day as YYYY-MM-DD (e.g. 2025-03-11)"))
}

pub fn suggest(a: &SuggestArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let article = jobs::read_article(&a.article, a.article_format.get())?;
    let Some(target) = &a.output else {
        let draft = claimcheck::suggest::suggest(&article, &claims::display_path(&a.article), a.published);
        out.write_all(draft.as_bytes())?;
        return Ok(EXIT_PASS);
    };
    let shown = claims::display_path(target);
    if target.exists() && !a.force {
        return Err(Failure::Invalid(vec![
            Diagnostic::file(&shown, "already exists: not overwritten").help("pass --force to replace it"),
        ]));
    }
    // The draft names the article relative to where the draft is written.
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    let draft = claimcheck::suggest::suggest(&article, &relative(dir, &a.article), a.published);
    atomic::write(target, draft.as_bytes())
        .map_err(|e| Failure::Invalid(vec![Diagnostic::file(&shown, format!("cannot write: {e}"))]))?;
    writeln!(out, "wrote {shown}")?;
    Ok(EXIT_PASS)
}

/// `to` as a path relative to the folder `from` (both relative to the working folder).
fn relative(from: &Path, to: &Path) -> String {
    let abs = |p: &Path| {
        std::env::current_dir()
            .map(|c| c.join(p))
            .unwrap_or_else(|_| p.to_path_buf())
    };
    let (from, to) = (claims::display_path(&abs(from)), claims::display_path(&abs(to)));
    let (fa, ta): (Vec<&str>, Vec<&str>) = (
        from.split('/').filter(|s| !s.is_empty()).collect(),
        to.split('/').filter(|s| !s.is_empty()).collect(),
    );
    let common = fa.iter().zip(&ta).take_while(|(a, b)| a == b).count();
    let mut parts: Vec<&str> = vec![".."; fa.len() - common];
    parts.extend(&ta[common..]);
    parts.join("/")
}
