//! The editor's helper commands: `test`, `suggest`, `coverage`, `explain`, `schema`.
//! Like `check`, each is a thin layer over the library; exit codes as in `cli.rs`.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::Args;

use crate::article::Article;
use crate::claims::{self, ClaimFile};
use crate::cli::{EXIT_FAIL, EXIT_PASS, Failure, load_all, load_only};
use crate::error::{Diagnostic, did_you_mean};
use crate::jobs::read_article;
use crate::report::Verdict;
use crate::{engine, explain as explainer, schema as json_schema, selftest, suggest as drafter};

#[derive(Debug, Args)]
pub struct SuggestArgs {
    /// The article to draft claims from.
    article: PathBuf,
    /// Write the draft here (atomically) instead of standard output.
    #[arg(long, short, value_name = "FILE")]
    output: Option<PathBuf>,
    /// Overwrite --output if it exists.
    #[arg(long)]
    force: bool,
    /// The publication date, YYYY-MM-DD, for an article without a `date YYYY-MM-DD` dateline:
    /// it resolves "on Tuesday", "tomorrow" and "12 March", and goes into the draft.
    #[arg(long, value_name = "DATE", value_parser = published_date)]
    published: Option<crate::date::Date>,
}

fn published_date(s: &str) -> Result<crate::date::Date, String> {
    crate::date::Date::parse_iso(s).ok_or_else(|| format!("`{s}` is not a day as YYYY-MM-DD (e.g. 2025-03-11)"))
}

#[derive(Debug, Args)]
pub struct CoverageArgs {
    /// Claim files or folders of them.
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
    /// The article, for claim files that name none.
    #[arg(long, value_name = "FILE")]
    article: Option<PathBuf>,
}

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
}

/// `claimcheck test`: runs every example; 0 when all hold, 1 when one does not.
pub fn test(paths: &[PathBuf], out: &mut dyn Write) -> Result<i32, Failure> {
    let files = load_only(paths)?;
    let (mut passed, mut failed, mut claims_with) = (0, 0, 0);
    for f in &files {
        let outcomes = selftest::run(f);
        claims_with += f.claims.iter().filter(|c| !c.examples.is_empty()).count();
        for o in &outcomes {
            let status = if o.passed() { "ok  " } else { "FAIL" };
            writeln!(
                out,
                "{status} {}:{}:{} {} is {} (expected {}): \"{}\"",
                f.path,
                o.example.line,
                o.example.column,
                o.claim.id,
                o.got.as_str(),
                o.example.expect.as_str(),
                o.example.text
            )?;
            if o.passed() {
                passed += 1;
            } else {
                writeln!(out, "     the claim says: {}", o.explanation)?;
                failed += 1;
            }
        }
    }
    writeln!(
        out,
        "{passed} examples held, {failed} did not ({claims_with} claims with examples)"
    )?;
    Ok(if failed == 0 { EXIT_PASS } else { EXIT_FAIL })
}

/// `claimcheck schema`.
pub fn schema(out: &mut dyn Write) -> Result<i32, Failure> {
    let text = serde_json::to_string_pretty(&json_schema::schema()).map_err(std::io::Error::other)?;
    writeln!(out, "{text}")?;
    Ok(EXIT_PASS)
}

/// `claimcheck suggest ARTICLE [--output FILE [--force]]`.
pub fn suggest(a: &SuggestArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let article = read_article(&a.article).map_err(|d| Failure::Invalid(vec![d]))?;
    let Some(target) = &a.output else {
        out.write_all(drafter::suggest(&article, &claims::display_path(&a.article), a.published).as_bytes())?;
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
    let draft = drafter::suggest(&article, &relative(dir, &a.article), a.published);
    crate::atomic::write(target, draft.as_bytes())
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

/// The article of a claim file: its own `article:`, else the command line's.
fn article_for(f: &ClaimFile, cli: Option<&PathBuf>) -> Result<Article, Failure> {
    let path = f.article.as_ref().or(cli).ok_or_else(|| {
        Failure::Invalid(vec![
            Diagnostic::file(&f.path, "this claim file names no article")
                .help("add `article: FILE` or pass --article FILE"),
        ])
    })?;
    read_article(path).map_err(|d| Failure::Invalid(vec![d]))
}

/// `claimcheck coverage`: sentences with facts no claim checks, per claim file.
pub fn coverage(a: &CoverageArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = load_all(&a.paths)?;
    for f in &files {
        let article = article_for(f, a.article.as_ref())?;
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
            writeln!(out, "  {}:{}:{}  {}", article.path, u.line, u.column, what.join(", "))?;
            writeln!(out, "    {}", u.sentence)?;
        }
        writeln!(out)?;
    }
    Ok(EXIT_PASS)
}

/// `claimcheck explain ID`.
pub fn explain(a: &ExplainArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = load_only(&a.paths)?;
    let found = files
        .iter()
        .find_map(|f| f.claims.iter().position(|c| *c.id == *a.id).map(|i| (f, i)));
    let Some((f, i)) = found else {
        let ids = files.iter().flat_map(|f| f.claims.iter().map(|c| &*c.id));
        let help = did_you_mean(&a.id, ids).map(|s| format!("did you mean `{s}`?"));
        let shown: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        return Err(Failure::Invalid(vec![
            Diagnostic::file(&shown.join(", "), format!("no claim with id `{}`", a.id)).help_opt(help),
        ]));
    };
    let article = article_for(f, a.article.as_ref())?;
    explainer::explain(f, i, &article, out)?;
    let passed = engine::evaluate_claim(f, i, &article, &engine::Policy::default()).verdict == Verdict::Supported;
    Ok(if passed || f.claims[i].severity == crate::report::Severity::Warning {
        EXIT_PASS
    } else {
        EXIT_FAIL
    })
}
