//! The command line, thin over the library.
//!
//! Exit codes: 0 every error-severity claim passed; 1 some did not; 2 the input was invalid
//! (usage, an unreadable file, a claim file that does not load). Output goes through one
//! buffered writer; a closed pipe (`claimcheck … | head`) ends the run quietly.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};
use rayon::prelude::*;

use crate::article::{Article, ReadError};
use crate::claims::{self, ClaimFile, Loaded};
use crate::engine::{self, Policy};
use crate::error::Diagnostic;
use crate::render::{self, Format};
use crate::report::{FileReport, Report};

pub const EXIT_PASS: i32 = 0;
pub const EXIT_FAIL: i32 = 1;
pub const EXIT_INVALID: i32 = 2;

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Check the facts of a news article against claims written in YAML."
)]
#[command(
    after_help = "Exit codes: 0 every claim passed, 1 a claim failed, 2 invalid input.\nClaim format: shared/claim-format.md; examples in claims/."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check claim files against their articles and print a report.
    Check(CheckArgs),
    /// Validate claim files without an article (exit 2 on any error).
    Lint(LintArgs),
}

#[derive(Debug, Args)]
struct CheckArgs {
    /// Claim files or folders of them (every *.yaml / *.yml, sorted).
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
    /// The article for claim files that name none (`-` reads standard input); repeat it to
    /// check them against several articles.
    #[arg(long, value_name = "FILE")]
    article: Vec<PathBuf>,
    /// Every article under a folder (recursive: *.txt), for claim files that name none.
    #[arg(long, value_name = "DIR")]
    articles: Vec<PathBuf>,
    /// Output format.
    #[arg(long, value_enum, default_value_t = Format::Human)]
    format: Format,
    /// Colours: auto (a terminal, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Evidence places listed per claim (human report: 20 by default; JSON: all by default).
    #[arg(long, value_name = "N")]
    max_evidence: Option<usize>,
}

#[derive(Debug, Args)]
struct LintArgs {
    /// Claim files or folders of them.
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// Runs the command line and returns the exit code.
pub fn run(args: impl IntoIterator<Item = OsString>) -> i32 {
    let cli = match Cli::try_parse_from(args) {
        Ok(c) => c,
        Err(e) => {
            let code = if e.use_stderr() { EXIT_INVALID } else { EXIT_PASS };
            let _ = e.print();
            return code;
        }
    };
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let result = match cli.command {
        Command::Check(a) => check(&a, &mut out),
        Command::Lint(a) => lint(&a.paths, &mut out),
    };
    let code = match result {
        Ok(code) => code,
        Err(Failure::Invalid(diags)) => {
            let _ = out.flush();
            report_diagnostics(&diags);
            return EXIT_INVALID;
        }
        Err(Failure::Io(e)) if e.kind() == io::ErrorKind::BrokenPipe => return EXIT_PASS,
        Err(Failure::Io(e)) => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            return EXIT_INVALID;
        }
    };
    match out.flush() {
        Err(e) if e.kind() != io::ErrorKind::BrokenPipe => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            EXIT_INVALID
        }
        _ => code,
    }
}

enum Failure {
    Invalid(Vec<Diagnostic>),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn report_diagnostics(diags: &[Diagnostic]) {
    let mut err = io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
    let files: std::collections::BTreeSet<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    let _ = writeln!(
        err,
        "claimcheck: {} error{} in {} file{}; nothing was checked",
        diags.len(),
        if diags.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
}

/// Loads every claim file under the paths; all problems of all files are reported together.
fn load_all(paths: &[PathBuf]) -> Result<Vec<ClaimFile>, Failure> {
    let files = claims::expand(paths).map_err(|d| Failure::Invalid(vec![d]))?;
    let mut loaded = Vec::new();
    let mut diags = Vec::new();
    for f in &files {
        match claims::load(f) {
            Ok(Loaded::Claims(c)) => loaded.push(*c),
            Ok(Loaded::Entities) => {}
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        return Err(Failure::Invalid(diags));
    }
    if loaded.is_empty() {
        let shown: Vec<String> = files.iter().map(|f| claims::display_path(f)).collect();
        return Err(Failure::Invalid(vec![Diagnostic::file(
            &shown.join(", "),
            "no claim files here (only entities files)",
        )]));
    }
    Ok(loaded)
}

fn lint(paths: &[PathBuf], out: &mut dyn Write) -> Result<i32, Failure> {
    let files = load_all(paths)?;
    let claims: usize = files.iter().map(|f| f.claims.len()).sum();
    for f in &files {
        writeln!(out, "ok   {} ({} claims)", f.path, f.claims.len())?;
    }
    writeln!(out, "{} claim files, {claims} claims: no errors", files.len())?;
    Ok(EXIT_PASS)
}

fn check(a: &CheckArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = load_all(&a.paths)?;
    let mut diags = Vec::new();
    let mut given = a.article.clone();
    for dir in &a.articles {
        match articles_under(dir) {
            Ok(found) => given.extend(found),
            Err(d) => diags.push(d),
        }
    }
    // Each article is read once, by the thread that checks it, with every claim file that
    // uses it: memory follows the largest article, not the corpus.
    let mut by_article: BTreeMap<PathBuf, Vec<(&ClaimFile, bool)>> = BTreeMap::new();
    for f in &files {
        match (&f.article, given.is_empty()) {
            (Some(p), _) => by_article.entry(p.clone()).or_default().push((f, true)),
            (None, false) => {
                for p in &given {
                    by_article.entry(p.clone()).or_default().push((f, false));
                }
            }
            (None, true) => diags.push(
                Diagnostic::file(&f.path, "this claim file names no article")
                    .help("add `article: FILE` (relative to the claim file) or pass --article FILE"),
            ),
        }
    }
    if !diags.is_empty() {
        return Err(Failure::Invalid(diags));
    }
    // Standard input can be read only once, and only here.
    let stdin = match by_article.contains_key(Path::new("-")) {
        true => Some(read_article(Path::new("-"))),
        false => None,
    };
    let policy = Policy::default();
    let limits = engine::Limits {
        max_evidence: match a.format {
            Format::Human => Some(a.max_evidence.unwrap_or(render::DEFAULT_SHOWN)),
            _ => a.max_evidence,
        },
    };
    let jobs: Vec<(&PathBuf, &Vec<(&ClaimFile, bool)>)> = by_article.iter().collect();
    let results: Vec<Result<Vec<FileReport>, Vec<Diagnostic>>> = jobs
        .par_iter()
        .map(|(path, users)| {
            let owned;
            let article = match (path.as_path() == Path::new("-"), &stdin) {
                (true, Some(read)) => read.as_ref().map_err(Clone::clone),
                _ => {
                    owned = read_article(path);
                    owned.as_ref().map_err(Clone::clone)
                }
            };
            match article {
                Ok(art) => Ok(users
                    .iter()
                    .map(|(f, _)| engine::evaluate_with(f, art, &policy, &limits))
                    .collect()),
                Err(d) => Err(users
                    .iter()
                    .map(|(f, from_file)| {
                        let mut d = d.clone();
                        if *from_file {
                            let (line, column) = f.article_at;
                            d.message = format!("{} (named by {}:{line}:{column})", d.message, f.path);
                        }
                        d
                    })
                    .collect()),
            }
        })
        .collect();
    let mut reports = Vec::new();
    for r in results {
        match r {
            Ok(found) => reports.extend(found),
            Err(d) => diags.extend(d),
        }
    }
    if !diags.is_empty() {
        diags.dedup();
        return Err(Failure::Invalid(diags));
    }
    reports.sort_by(|x, y| (&x.path, &x.article).cmp(&(&y.path, &y.article)));
    let report = Report::new(reports);
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty()),
    };
    let opts = render::Options {
        color,
        max_shown: a.max_evidence,
    };
    render::render(&report, a.format, &opts, out)?;
    Ok(if report.passed() { EXIT_PASS } else { EXIT_FAIL })
}

/// The articles `--articles DIR` checks: plain-text files (`*.txt`), recursively, sorted.
/// Hidden files and folders are skipped.
const ARTICLE_EXTENSIONS: &[&str] = &["txt"];

fn articles_under(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = claims::display_path(dir);
    if !dir.is_dir() {
        return Err(
            Diagnostic::file(&shown, "--articles needs a folder").help("pass a single file with --article FILE")
        );
    }
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    while let Some(d) = todo.pop() {
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Diagnostic::file(&claims::display_path(&d), format!("cannot read folder: {e}")))?;
        for e in entries.flatten() {
            let p = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else if p
                .extension()
                .is_some_and(|x| ARTICLE_EXTENSIONS.iter().any(|a| x == *a))
            {
                out.push(p);
            }
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::file(&shown, "no articles (*.txt) under this folder"));
    }
    out.sort();
    Ok(out)
}

fn read_article(path: &Path) -> Result<Article, Diagnostic> {
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        io::stdin()
            .read_to_end(&mut bytes)
            .map_err(|e| Diagnostic::file("<stdin>", format!("cannot read standard input: {e}")))?;
        return Article::from_bytes("<stdin>", bytes).map_err(|e| read_error("<stdin>", e));
    }
    let shown = claims::display_path(path);
    let bytes = std::fs::read(path).map_err(|e| {
        let what = if e.kind() == io::ErrorKind::NotFound {
            "article not found".to_string()
        } else {
            format!("cannot read article: {e}")
        };
        Diagnostic::file(&shown, what).help("article paths in a claim file are relative to the claim file")
    })?;
    Article::from_bytes(shown.clone(), bytes).map_err(|e| read_error(&shown, e))
}

fn read_error(shown: &str, e: ReadError) -> Diagnostic {
    match e {
        ReadError::NotUtf8 { offset } => Diagnostic::file(
            shown,
            format!("the article is not UTF-8: invalid byte at offset {offset}"),
        )
        .help("convert it to UTF-8 (for example `iconv -f latin1 -t utf-8`)"),
    }
}
