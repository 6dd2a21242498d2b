//! `claimcheck coverage`: per claim file, the sentences with facts (numbers, dates,
//! quotations) that no claim checks.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use claimcheck::{engine, jobs};

use super::{EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Claim files or folders of them.
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
    /// The article, for claim files that name none.
    #[arg(long, value_name = "FILE")]
    article: Option<PathBuf>,
    #[command(flatten)]
    article_format: super::ArticleFormat,
}

pub fn coverage(a: &CoverageArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = jobs::load_all(&a.paths)?;
    for f in &files {
        let article = jobs::article_for(f, a.article.as_deref(), a.article_format.get())?;
        let mut report = engine::evaluate(f, &article, &engine::Policy::default());
        engine::add_coverage(&mut report, &article);
        let uncovered = report.uncovered.unwrap_or_default();
        let items: usize = uncovered.iter().map(|u| u.items.len()).sum();
        writeln!(
            out,
            "{} (claims: {}): {} sentence{} with {items} fact{} no claim checks",
            article.path,
            f.path,
            uncovered.len(),
            if uncovered.len() == 1 { "" } else { "s" },
            if items == 1 { "" } else { "s" }
        )?;
        for u in &uncovered {
            writeln!(out)?;
            let what: Vec<String> = u
                .items
                .iter()
                .map(|i| format!("{} \"{}\"", i.kind, i.span.text))
                .collect();
            writeln!(out, "  {}  {}", article.at(u.line, u.column), what.join(", "))?;
            writeln!(out, "    {}", u.sentence)?;
        }
        writeln!(out)?;
    }
    Ok(EXIT_PASS)
}
