//! The command line, thin over the library: clap types, dispatch, printing, exit codes; one
//! module per command.
//!
//! Exit codes: 0 every error-severity claim passed; 1 some did not, or more warnings than
//! `--max-warnings`, or a report differs from its snapshot (`--snapshot`); 2 the input was
//! invalid (usage, an unreadable file, a claim file that does not load) or the report could
//! not be written. Output goes through one buffered writer; a closed pipe
//! (`claimcheck … | head`) ends the run quietly.

mod batch;
mod check;
mod coverage;
mod explain;
mod lint;
mod lsp;
mod schema;
mod suggest;
mod test;

use std::ffi::OsString;
use std::io::{self, Write};

use clap::{Parser, Subcommand};

use claimcheck::error::Diagnostic;

/// `--article-format`, shared by the commands that read articles.
#[derive(Debug, Clone, clap::Args)]
pub struct ArticleFormat {
    /// The format of the articles: text, markdown, html or docx (by default, each article's
    /// extension says; needed for standard input, which is otherwise read as text, or as
    /// HTML or Word when its first bytes say so, with a note).
    #[arg(long = "article-format", value_name = "FORMAT", value_parser = article_format)]
    article_format: Option<claimcheck::article::source::SourceFormat>,
}

impl ArticleFormat {
    /// The format given, if any.
    pub fn get(&self) -> Option<claimcheck::article::source::SourceFormat> {
        self.article_format
    }
}

fn article_format(s: &str) -> Result<claimcheck::article::source::SourceFormat, String> {
    use claimcheck::article::source::SourceFormat;
    SourceFormat::from_name(s).ok_or_else(|| {
        let names: Vec<&str> = SourceFormat::ALL.iter().map(|f| f.name()).collect();
        format!("expected one of {}", names.join(", "))
    })
}

pub const EXIT_PASS: i32 = 0;
pub const EXIT_FAIL: i32 = 1;
pub const EXIT_INVALID: i32 = 2;
/// Interrupted (SIGINT, SIGTERM): 128 + SIGINT, as shells report it.
pub const EXIT_INTERRUPTED: i32 = 130;

#[derive(Debug, Parser)]
#[command(
    name = "claimcheck",
    version,
    about = "Check the facts of a news article against claims written in YAML."
)]
#[command(
    after_help = "Exit codes: 0 every claim passed, 1 a claim failed (or too many warnings, or a changed snapshot), 2 invalid input, 130 interrupted.\nClaim format: the README, \"Writing claims\"; examples in claims/."
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
    /// Raise the stated limits, e.g. `article-size=1GiB,claims=200000` (also a [limits]
    /// table in ./claimcheck.toml; the README, "Limits and hostile input", lists them).
    #[arg(long, global = true, value_name = "KEY=VALUE,...")]
    limits: Vec<String>,
}

#[derive(Debug, Subcommand)]
enum Command {
    /// Check claim files against their articles and print a report.
    Check(check::CheckArgs),
    /// Validate claim files without an article (exit 2 on any error).
    Lint(lint::LintArgs),
    /// Run the `examples:` of claim files: each text must get its verdict (exit 1 if not).
    Test(lint::LintArgs),
    /// Draft a claim file from an article: figures, quotations, dates it supports today.
    Suggest(suggest::SuggestArgs),
    /// List the sentences with figures, quotations or dates that no claim checks.
    Coverage(coverage::CoverageArgs),
    /// Explain one claim's verdict step by step.
    Explain(explain::ExplainArgs),
    /// Print the JSON Schema of the claim format (for YAML language servers).
    Schema(schema::SchemaArgs),
    /// Check claim files against articles given as JSON Lines; write JSON Lines records.
    Batch(batch::BatchArgs),
    /// Run the language server on standard input and output (for editors).
    Lsp,
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
    // ctrlc: the handler runs on a thread of its own, not in signal context, so it may
    // remove files; SIGTERM too (a cancelled CI job). A report or snapshot being written
    // is then absent, never half written.
    let _ = ctrlc::set_handler(|| {
        let _hold = claimcheck::atomic::remove_pending();
        let _ = writeln!(
            io::stderr(),
            "claimcheck: interrupted; the files it was writing are removed"
        );
        std::process::exit(EXIT_INTERRUPTED);
    });
    if let Err(code) = install_limits(&cli.limits) {
        return code;
    }
    // The server writes its own frames: standard output must not be held here.
    if let Command::Lsp = cli.command {
        return lsp::lsp();
    }
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(ClosedPipe::new(stdout.lock()));
    let result = match cli.command {
        Command::Check(a) => check::check(&a, &mut out),
        Command::Lint(a) => lint::lint(&a.paths, &mut out),
        Command::Test(a) => test::test(&a.paths, &mut out),
        Command::Suggest(a) => suggest::suggest(&a, &mut out),
        Command::Coverage(a) => coverage::coverage(&a, &mut out),
        Command::Explain(a) => explain::explain(&a, &mut out),
        Command::Schema(a) => schema::schema(&a, &mut out),
        Command::Batch(a) => batch::batch(&a, &mut out),
        Command::Lsp => unreachable!("answered above"),
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

/// The limits of this run: the defaults, raised by `./claimcheck.toml`'s `[limits]`, then by
/// `--limits`; a bad one is an error (exit 2) before anything is read.
fn install_limits(flags: &[String]) -> Result<(), i32> {
    let config = claimcheck::config::Config::load(std::path::Path::new(".")).map_err(|diags| {
        report_diagnostics(&diags, "nothing was checked");
        EXIT_INVALID
    })?;
    let mut limits = config.limits;
    for list in flags {
        if let Err(e) = limits.set_all(list) {
            let _ = writeln!(io::stderr(), "claimcheck: error: --limits {list}: {e}");
            return Err(EXIT_INVALID);
        }
    }
    claimcheck::limits::install(limits);
    Ok(())
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

/// Why a command stopped: all of it goes to standard error, and the exit code is 2.
pub enum Failure {
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

impl From<Vec<Diagnostic>> for Failure {
    fn from(diags: Vec<Diagnostic>) -> Failure {
        Failure::Invalid(diags)
    }
}

impl From<Diagnostic> for Failure {
    fn from(d: Diagnostic) -> Failure {
        Failure::Invalid(vec![d])
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
