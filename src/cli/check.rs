//! `claimcheck check`: the run's arguments to the library's [`jobs`], the report to standard
//! output or `--output`, then `--max-warnings` and snapshot mode on standard error.

use std::io::{self, IsTerminal, Write};
use std::path::{Path, PathBuf};

use clap::{Args, ValueEnum};

use claimcheck::engine::Policy;
use claimcheck::error::Diagnostic;
use claimcheck::jobs::{self, Job};
use claimcheck::render::{self, Format};
use claimcheck::report::{Report, Summary, Verdict};
use claimcheck::{atomic, claims, snapshot};

use super::{EXIT_FAIL, EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct CheckArgs {
    /// Claim files or folders of them (every *.yaml / *.yml, sorted).
    #[arg(default_value = "claims")]
    paths: Vec<PathBuf>,
    /// The article for claim files that name none (`-` reads standard input); repeat it to
    /// check them against several articles.
    #[arg(long, value_name = "FILE")]
    article: Vec<PathBuf>,
    /// Every article under a folder (recursive: *.txt, *.md, *.markdown, *.html, *.htm,
    /// *.docx), for claim files that name none.
    #[arg(long, value_name = "DIR")]
    articles: Vec<PathBuf>,
    #[command(flatten)]
    article_format: super::ArticleFormat,
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

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
enum Color {
    Auto,
    Always,
    Never,
}

/// `claimcheck check`: the report on standard output (or `--output`), the exit code.
pub fn check(a: &CheckArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    if let Some(dir) = a.snapshot.as_ref().filter(|d| d.is_file()) {
        // `check --snapshot claims.yaml`: clap gives the claim file to --snapshot.
        let shown = claims::display_path(dir);
        return Err(Failure::Invalid(vec![
            Diagnostic::file(&shown, "`--snapshot` takes a folder of snapshots, and this is a file").help(format!(
                "put the claim file first: `claimcheck check {shown} --snapshot` (snapshots go to `snapshots/`)"
            )),
        ]));
    }
    let files = jobs::load_all(&a.paths)?;
    let plan = jobs::plan(&files, &a.article, &a.articles);
    for w in &plan.warnings {
        let _ = writeln!(io::stderr(), "claimcheck: warning: {w}");
    }
    if !plan.problems.is_empty() {
        return Err(Failure::Invalid(plan.problems));
    }
    let policy = Policy {
        pass: Verdict::ALL.into_iter().filter(|v| !a.fail_on.contains(v)).collect(),
    };
    let run = jobs::Run::new(policy, a.format, a.max_evidence, &plan.jobs, a.article_format.get());
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
        jobs::refuse_to_overwrite_inputs(path, &files, &plan.jobs)?;
    }
    // An archive run (one claim file, many articles) is written as the articles are
    // checked, by the formats that can be (`render::Stream`). An unreadable article then
    // comes after the report of the others; with one article, invalid input prints no report.
    let snapshots = a.snapshot.is_some() || a.snapshot_update;
    let stream = (files.len() == 1 && plan.jobs.len() > 1 && !snapshots)
        .then(|| render::Stream::new(a.format, &opts, true))
        .flatten();
    let (summary, report) = match stream {
        Some(stream) => (streamed(a, &run, &plan.jobs, stream, out)?, None),
        None => {
            let report = run.report(&plan.jobs)?;
            write_output(a.output.as_deref(), out, |w| {
                render::render(&report, a.format, &opts, w)
            })?;
            (report.summary.clone(), Some(report))
        }
    };
    exit_code(a, &summary, report.filter(|_| snapshots), out)
}

/// 1 when a claim failed, when more warning claims did not pass than `--max-warnings`, or
/// when a report differs from its snapshot (`report`: given in snapshot mode); else 0.
fn exit_code(a: &CheckArgs, summary: &Summary, report: Option<Report>, out: &mut dyn Write) -> Result<i32, Failure> {
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
    if let Some(report) = report {
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

/// Writes the report as the articles are checked and returns its summary. Articles that
/// cannot be read fail the run after it: on standard output the report of the others is
/// written already; with `--output` no report file is written, as without streaming.
fn streamed(
    a: &CheckArgs,
    run: &jobs::Run,
    jobs: &[Job],
    stream: render::Stream,
    out: &mut dyn Write,
) -> Result<Summary, Failure> {
    let mut done = None;
    let written = write_output(a.output.as_deref(), out, |w| {
        let (summary, unread) = run.stream(jobs, stream, w)?;
        let failed = !unread.is_empty();
        done = Some((summary, unread));
        match failed {
            false => Ok(()),
            true => Err(io::Error::other("an article could not be read")),
        }
    });
    match (written, done) {
        (_, Some((_, unread))) if !unread.is_empty() => {
            out.flush()?;
            let outcome = match a.output {
                None => "the report above leaves these articles out",
                Some(_) => "the other articles were checked, no report was written",
            };
            Err(Failure::Unread(unread, outcome))
        }
        (Ok(()), Some((summary, _))) => Ok(summary),
        (Err(e), _) => Err(e),
        (Ok(()), None) => unreachable!("a report written is a report checked"),
    }
}

/// Writes the report to standard output, or to `--output FILE` atomically: when `fill` fails
/// FILE is left as it was.
fn write_output(
    output: Option<&Path>,
    out: &mut dyn Write,
    fill: impl FnOnce(&mut dyn Write) -> io::Result<()>,
) -> Result<(), Failure> {
    match output {
        None => Ok(fill(out)?),
        Some(path) => atomic::write_with(path, fill).map_err(|e| {
            Failure::Io(io::Error::new(
                e.kind(),
                format!("cannot write {}: {e}", path.display()),
            ))
        }),
    }
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

/// <https://no-color.org> and <https://bixense.com/clicolors/>: NO_COLOR wins, then
/// CLICOLOR_FORCE, then whether standard output is a terminal.
fn auto_color() -> bool {
    let set = |name: &str| std::env::var_os(name).is_some_and(|v| !v.is_empty() && v != "0");
    if std::env::var_os("NO_COLOR").is_some_and(|v| !v.is_empty()) {
        return false;
    }
    set("CLICOLOR_FORCE") || io::stdout().is_terminal()
}
