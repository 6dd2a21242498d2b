//! `claimcheck explain ID`: one claim's verdict step by step; exit 1 when an error-severity
//! claim is not supported.

use std::io::Write;
use std::path::PathBuf;

use clap::Args;

use claimcheck::report::{Severity, Verdict};
use claimcheck::{engine, jobs};

use super::{EXIT_FAIL, EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct ExplainArgs {
    /// The id of the claim to explain.
    id: String,
    /// Claim files or folders of them.
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
    /// The article, for claim files that name none.
    #[arg(long, value_name = "FILE")]
    article: Option<PathBuf>,
    #[command(flatten)]
    article_format: super::ArticleFormat,
}

pub fn explain(a: &ExplainArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = jobs::load_only(&a.paths)?;
    let (f, i) = jobs::find_claim(&files, &a.id)?;
    let article = jobs::article_for(f, a.article.as_deref(), a.article_format.get())?;
    claimcheck::explain::explain(f, i, &article, out)?;
    let passed = engine::evaluate_claim(f, i, &article, &engine::Policy::default()).verdict == Verdict::Supported;
    Ok(if passed || f.claims[i].severity == Severity::Warning {
        EXIT_PASS
    } else {
        EXIT_FAIL
    })
}
