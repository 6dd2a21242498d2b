//! The command line, thin over the library.
//!
//! Exit codes: 0 every error-severity claim passed; 1 some did not, or more warnings than
//! `--max-warnings`, or a report differs from its snapshot (`--snapshot`); 2 the input was
//! invalid (usage, an unreadable file, a claim file that does not load) or the report could
//! not be written. Output goes through one buffered writer; a closed pipe
//! (`claimcheck … | head`) ends the run quietly.

use std::collections::BTreeMap;
use std::ffi::OsString;
use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, Parser, Subcommand, ValueEnum};

use crate::claims::{self, Loaded};
use crate::commands;
use crate::compile::CompiledFile;
use crate::engine::{self, Policy};
use crate::error::Diagnostic;
use crate::jobs;
use crate::render::{self, Format};
use crate::report::counted;
use crate::report::{Report, Summary, Verdict};
use crate::snapshot;

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
    after_help = "Exit codes: 0 every claim passed, 1 a claim failed (or too many warnings, or a changed snapshot), 2 invalid input.\nClaim format: the README, \"Writing claims\"; examples in claims/."
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
    /// Run the `examples:` of claim files: each text must get its verdict (exit 1 if not).
    Test(LintArgs),
    /// Draft a claim file from an article: figures, quotations, dates it supports today.
    Suggest(commands::SuggestArgs),
    /// List the sentences with figures, quotations or dates that no claim checks.
    Coverage(commands::CoverageArgs),
    /// Explain one claim's verdict step by step.
    Explain(commands::ExplainArgs),
    /// Print the JSON Schema of the claim format (for YAML language servers).
    Schema,
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
    /// Human report: `status` puts a summary and the failing claims first; `file` keeps
    /// claim-file order with every claim in full (the layout of snapshots).
    #[arg(long, value_enum, default_value_t = render::Sort::Status)]
    sort: render::Sort,
    /// Human report: passing claims in full, not one line each.
    #[arg(long, short = 'v')]
    verbose: bool,
    /// Colours: auto (a terminal or CLICOLOR_FORCE, unless NO_COLOR is set), always or never.
    #[arg(long, value_enum, default_value_t = Color::Auto)]
    color: Color,
    /// Evidence places listed per claim (human report: 20 by default; JSON: all by default).
    #[arg(long, value_name = "N")]
    max_evidence: Option<usize>,
    /// Write the report to FILE instead of standard output (atomically: a temporary file in
    /// the same folder, renamed over FILE).
    #[arg(long, short = 'o', value_name = "FILE")]
    output: Option<PathBuf>,
    /// Verdicts that fail a claim (comma-separated); the others pass it.
    #[arg(
        long,
        value_name = "VERDICTS",
        value_delimiter = ',',
        default_value = "refuted,not_found,conflicting",
        value_parser = verdict_parser()
    )]
    fail_on: Vec<Verdict>,
    /// Fail the run (exit 1) when more than N `severity: warning` claims did not pass.
    #[arg(long, value_name = "N")]
    max_warnings: Option<usize>,
    /// Compare each claim file's report with its snapshot in DIR (default `snapshots`) and fail
    /// on any change; a missing snapshot is written (with CI set: fails).
    #[arg(long, value_name = "DIR", num_args = 0..=1, default_missing_value = "snapshots")]
    snapshot: Option<PathBuf>,
    /// Accept the new reports: write every changed snapshot (in `--snapshot DIR` or
    /// `snapshots`). With CI set nothing is written.
    #[arg(long)]
    snapshot_update: bool,
}

/// The contract's verdict words, for `--fail-on`.
fn verdict_parser() -> impl clap::builder::TypedValueParser<Value = Verdict> {
    use clap::builder::TypedValueParser;
    clap::builder::PossibleValuesParser::new(Verdict::ALL.map(Verdict::as_str)).map(|s| {
        Verdict::ALL
            .into_iter()
            .find(|v| v.as_str() == s)
            .unwrap_or(Verdict::Refuted)
    })
}

#[derive(Debug, Args)]
pub(crate) struct LintArgs {
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
    let mut out = io::BufWriter::new(ClosedPipe::new(stdout.lock()));
    let result = match cli.command {
        Command::Check(a) => check(&a, &mut out),
        Command::Lint(a) => lint(&a.paths, &mut out),
        Command::Test(a) => commands::test(&a.paths, &mut out),
        Command::Suggest(a) => commands::suggest(&a, &mut out),
        Command::Coverage(a) => commands::coverage(&a, &mut out),
        Command::Explain(a) => commands::explain(&a, &mut out),
        Command::Schema => commands::schema(&mut out),
    };
    let code = match result {
        Ok(code) => code,
        Err(Failure::Invalid(diags)) => {
            let _ = out.flush();
            report_diagnostics(&diags, "nothing was checked");
            return EXIT_INVALID;
        }
        Err(Failure::Unread(diags, outcome)) => {
            let _ = out.flush();
            report_diagnostics(&diags, outcome);
            return EXIT_INVALID;
        }
        Err(Failure::Io(e)) => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            return EXIT_INVALID;
        }
    };
    match out.flush() {
        Err(e) => {
            let _ = writeln!(io::stderr(), "claimcheck: error: {e}");
            EXIT_INVALID
        }
        Ok(()) => code,
    }
}

/// Standard output that a reader may close (`claimcheck check | head -3`): once the pipe is
/// closed the rest of the report is dropped, but the run goes on to its verdicts, so the exit
/// code says what the claims say, never "passed" because nobody read to the end.
struct ClosedPipe<W> {
    inner: W,
    closed: bool,
}

impl<W: Write> ClosedPipe<W> {
    fn new(inner: W) -> ClosedPipe<W> {
        ClosedPipe { inner, closed: false }
    }
}

impl<W: Write> Write for ClosedPipe<W> {
    fn write(&mut self, buf: &[u8]) -> io::Result<usize> {
        if self.closed {
            return Ok(buf.len());
        }
        match self.inner.write(buf) {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(buf.len())
            }
            other => other,
        }
    }

    fn flush(&mut self) -> io::Result<()> {
        match self.inner.flush() {
            Err(e) if e.kind() == io::ErrorKind::BrokenPipe => {
                self.closed = true;
                Ok(())
            }
            _ if self.closed => Ok(()),
            other => other,
        }
    }
}

pub(crate) enum Failure {
    Invalid(Vec<Diagnostic>),
    /// Articles that could not be read in an archive run whose report went on without them:
    /// what the closing line says instead of "nothing was checked".
    Unread(Vec<Diagnostic>, &'static str),
    Io(io::Error),
}

impl From<io::Error> for Failure {
    fn from(e: io::Error) -> Failure {
        Failure::Io(e)
    }
}

fn report_diagnostics(diags: &[Diagnostic], outcome: &str) {
    let mut err = io::stderr().lock();
    for d in diags {
        let _ = writeln!(err, "{d}");
    }
    let files: std::collections::BTreeSet<&str> = diags.iter().map(|d| d.path.as_str()).collect();
    let _ = writeln!(
        err,
        "claimcheck: {} error{} in {} file{}; {outcome}",
        diags.len(),
        if diags.len() == 1 { "" } else { "s" },
        files.len(),
        if files.len() == 1 { "" } else { "s" }
    );
}

/// Loads every claim file under the paths; all problems of all files are reported together,
/// failed `examples:` included (a claim that misjudges its own examples is a broken claim).
pub(crate) fn load_all(paths: &[PathBuf]) -> Result<Vec<CompiledFile>, Failure> {
    let files = load_only(paths)?;
    let mut diags = Vec::new();
    for f in &files {
        let source = std::fs::read_to_string(&f.path).ok();
        diags.extend(crate::selftest::failures(f, source.as_deref()));
    }
    if !diags.is_empty() {
        return Err(Failure::Invalid(diags));
    }
    Ok(files)
}

/// Loads claim files without running their examples.
pub(crate) fn load_only(paths: &[PathBuf]) -> Result<Vec<CompiledFile>, Failure> {
    let files = claims::expand(paths).map_err(|d| Failure::Invalid(vec![d]))?;
    let mut loaded = Vec::new();
    let mut diags = Vec::new();
    for f in &files {
        match claims::load(f) {
            Ok(Loaded::Claims(c)) => loaded.push(CompiledFile::new(*c)),
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
    // A claim file is not "ok" when the article it names cannot be read: `check` would stop there.
    let unread: Vec<Diagnostic> = files
        .iter()
        .filter_map(|f| {
            let path = f.article.as_ref()?;
            let d = jobs::read_article(path).err()?;
            let (line, column) = f.article_at;
            let message = format!("{}: {}", claims::display_path(path), d.message);
            Some(
                Diagnostic::new(&f.path, line, column, message).help(
                    d.help
                        .unwrap_or_else(|| "`article:` is relative to the claim file".to_string()),
                ),
            )
        })
        .collect();
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

fn check(a: &CheckArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    if let Some(dir) = a.snapshot.as_ref().filter(|d| d.is_file()) {
        // `check --snapshot claims.yaml`: clap gives the claim file to --snapshot.
        let shown = claims::display_path(dir);
        return Err(Failure::Invalid(vec![
            Diagnostic::file(&shown, "`--snapshot` takes a folder of snapshots, and this is a file").help(format!(
                "put the claim file first: `claimcheck check {shown} --snapshot` (snapshots go to `snapshots/`)"
            )),
        ]));
    }
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
    let mut by_article: BTreeMap<PathBuf, Vec<(&CompiledFile, bool)>> = BTreeMap::new();
    for f in &files {
        match (&f.article, given.is_empty()) {
            (Some(p), given_too) => {
                if !given_too {
                    // Said, not silently ignored: the claim file's own article wins.
                    let _ = writeln!(
                        io::stderr(),
                        "claimcheck: warning: {} names its own article ({}); --article/--articles are not used for it",
                        f.path,
                        claims::display_path(p)
                    );
                }
                by_article.entry(p.clone()).or_default().push((f, true))
            }
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
        true => Some(jobs::read_article(Path::new("-"))),
        false => None,
    };
    let policy = Policy {
        pass: Verdict::ALL.into_iter().filter(|v| !a.fail_on.contains(v)).collect(),
    };
    let limits = engine::Limits {
        max_evidence: match a.format {
            Format::Human => Some(a.max_evidence.unwrap_or(render::DEFAULT_SHOWN)),
            _ => a.max_evidence,
        },
        article_source: a.format == Format::Html,
        // The human report of many articles (and its snapshot) lists only the claims that
        // did not pass.
        passing_counted_only: a.format == Format::Human && by_article.len() > 1,
    };
    let jobs: Vec<(&PathBuf, &Vec<(&CompiledFile, bool)>)> = by_article.iter().collect();
    let run = jobs::Run {
        policy: &policy,
        limits: &limits,
        coverage: a.format == Format::Json,
        stdin: stdin.as_ref(),
    };
    let check_one = |job: &(&PathBuf, &Vec<(&CompiledFile, bool)>)| run.check(job.0, job.1);
    let color = match a.color {
        Color::Always => true,
        Color::Never => false,
        Color::Auto => auto_color(),
    };
    let opts = render::Options {
        color,
        max_shown: a.max_evidence,
        sort: a.sort,
        verbose: a.verbose,
    };
    if let Some(path) = &a.output {
        refuse_to_overwrite_inputs(path, &files, by_article.keys())?;
    }
    // An archive run (one claim file, many articles): the report's order (claim file, then
    // article) is the order of the jobs, so it is written as the articles are checked and
    // the run holds a batch of results, not all of them. An unreadable article then comes
    // after the report of the others; with one article, invalid input prints no report.
    let snapshots = a.snapshot.is_some() || a.snapshot_update;
    let stream = (files.len() == 1 && jobs.len() > 1)
        .then(|| render::Stream::new(a.format, &opts, true))
        .flatten()
        .filter(|_| !snapshots);
    let (summary, report) = match stream {
        Some(mut stream) => {
            let mut summary = Summary::default();
            let mut write = |w: &mut dyn Write| -> io::Result<Vec<Diagnostic>> {
                stream.begin(w)?;
                // Each report is rendered (and freed) by the thread that checked it, from a
                // copy of the stream: this thread keeps the original to write the parts in order.
                let renderer = stream.clone();
                let shared = &renderer;
                let check_and_render = |job: &(&PathBuf, &Vec<(&CompiledFile, bool)>)| {
                    check_one(job).map(|reports| {
                        let render = |f: crate::report::FileReport| -> io::Result<(Summary, Vec<u8>)> {
                            Ok((f.summary(), shared.body(&f)?))
                        };
                        reports.into_iter().map(render).collect::<Vec<_>>()
                    })
                };
                let diags = jobs::in_batches(&jobs, &check_and_render, |rendered| {
                    let (counts, body) = rendered?;
                    summary.merge(&counts);
                    stream.rendered(&body, w)
                })?;
                stream.end(&summary, w)?;
                Ok(diags)
            };
            let diags = match &a.output {
                None => write(out)?,
                Some(path) => {
                    let mut diags = Vec::new();
                    let done = crate::atomic::write_with(path, |w| {
                        diags = write(w)?;
                        // An unreadable article: no report file, as without streaming.
                        match diags.is_empty() {
                            true => Ok(()),
                            false => Err(io::Error::other("an article could not be read")),
                        }
                    });
                    if diags.is_empty() {
                        done.map_err(|e| cannot_write(path, e))?;
                    }
                    diags
                }
            };
            if !diags.is_empty() {
                // On standard output the report of the readable articles is written already.
                out.flush()?;
                let outcome = match a.output {
                    None => "the report above leaves these articles out",
                    Some(_) => "the other articles were checked, no report was written",
                };
                return Err(Failure::Unread(diags, outcome));
            }
            (summary, None)
        }
        None => {
            let mut reports = Vec::new();
            let diags = jobs::in_batches(&jobs, &check_one, |f| {
                reports.push(f);
                Ok(())
            })?;
            if !diags.is_empty() {
                return Err(Failure::Invalid(diags));
            }
            reports.sort_by(|x, y| (&x.path, &x.article).cmp(&(&y.path, &y.article)));
            let report = Report::new(reports);
            match &a.output {
                Some(path) => crate::atomic::write_with(path, |w| render::render(&report, a.format, &opts, w))
                    .map_err(|e| cannot_write(path, e))?,
                None => render::render(&report, a.format, &opts, out)?,
            }
            (report.summary.clone(), Some(report))
        }
    };
    let mut code = if summary.failed == 0 { EXIT_PASS } else { EXIT_FAIL };
    let warnings = summary.warnings;
    if let Some(max) = a.max_warnings.filter(|&max| warnings > max) {
        out.flush()?;
        let _ = writeln!(
            io::stderr(),
            "claimcheck: {warnings} warning claim{} did not pass, more than --max-warnings {max}",
            if warnings == 1 { "" } else { "s" }
        );
        code = EXIT_FAIL;
    }
    if let Some(report) = report.filter(|_| snapshots) {
        out.flush()?;
        let settings = snapshot::Settings {
            dir: a.snapshot.clone().unwrap_or_else(|| PathBuf::from("snapshots")),
            update: a.snapshot_update,
            ci: snapshot::is_ci(),
        };
        if !report_snapshots(&report, &settings)? {
            code = EXIT_FAIL;
        }
    }
    Ok(code)
}

fn cannot_write(path: &Path, e: io::Error) -> io::Error {
    io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()))
}

/// `--output` must never replace a claim file or an article.
fn refuse_to_overwrite_inputs<'a>(
    output: &Path,
    files: &[CompiledFile],
    articles: impl Iterator<Item = &'a PathBuf>,
) -> Result<(), Failure> {
    let Ok(target) = output.canonicalize() else {
        return Ok(()); // It does not exist yet, so it is no input.
    };
    let inputs = files.iter().map(|f| PathBuf::from(&f.path)).chain(articles.cloned());
    for input in inputs {
        if input.canonicalize().is_ok_and(|p| p == target) {
            return Err(Failure::Invalid(vec![
                Diagnostic::file(&claims::display_path(output), "--output names an input of this run")
                    .help("write the report to another file; claimcheck never modifies its inputs"),
            ]));
        }
    }
    Ok(())
}

/// Runs snapshot mode and tells on standard error how each claim file compared. Returns
/// whether every snapshot matched (or was written).
fn report_snapshots(report: &Report, settings: &snapshot::Settings) -> Result<bool, Failure> {
    let checked = snapshot::check(report, settings)?;
    let mut err = io::stderr().lock();
    if settings.update && settings.ci {
        writeln!(
            err,
            "claimcheck: CI is set: --snapshot-update writes nothing, it only compares"
        )?;
    }
    for c in &checked {
        let (file, snap) = (&c.claim_file, c.snapshot.display());
        match &c.state {
            snapshot::State::Matches => writeln!(err, "snapshot {file}: matches {snap}")?,
            snapshot::State::Recorded => writeln!(err, "snapshot {file}: new, written to {snap}")?,
            snapshot::State::Updated { diff } => {
                writeln!(err, "snapshot {file}: changed, accepted into {snap}\n{diff}")?
            }
            snapshot::State::Changed { diff } => writeln!(
                err,
                "snapshot {file}: CHANGED, the report differs from {snap}\n{diff}\
                 review the diff; if the new report is right, accept it with --snapshot-update"
            )?,
            snapshot::State::Missing => writeln!(
                err,
                "snapshot {file}: MISSING {snap} (CI is set, so nothing is written); \
                 run with --snapshot locally and commit the snapshot"
            )?,
        }
    }
    let failing = checked.iter().filter(|c| c.fails()).count();
    if failing > 0 {
        writeln!(
            err,
            "claimcheck: {failing} of {} snapshot{} changed or missing: the run fails",
            checked.len(),
            if checked.len() == 1 { "" } else { "s" }
        )?;
    }
    Ok(failing == 0)
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

/// <https://no-color.org> and <https://bixense.com/clicolors/>: NO_COLOR wins, then
/// CLICOLOR_FORCE, then whether standard output is a terminal.
fn auto_color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    set("CLICOLOR_FORCE") || io::stdout().is_terminal()
}
