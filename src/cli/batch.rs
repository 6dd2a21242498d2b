//! `claimcheck batch`: claim files against a stream of articles in JSON Lines (the library's
//! [`claimcheck::batch`]), records to standard output or `--output`, the exit code.

use std::io::{self, Read, Write};
use std::path::{Path, PathBuf};

use clap::Args;

use claimcheck::batch::{self, Outcome};
use claimcheck::error::Diagnostic;
use claimcheck::jobs::{self, Job};
use claimcheck::report::counted;
use claimcheck::{atomic, claims};

use super::{EXIT_FAIL, EXIT_INVALID, EXIT_PASS, Failure};

#[derive(Debug, Args)]
pub struct BatchArgs {
    /// Claim files or folders of them (every *.yaml / *.yml, sorted), compiled once.
    #[arg(required = true, value_name = "CLAIMS")]
    paths: Vec<PathBuf>,
    /// The articles, JSON Lines: one {"id", "text", "format"?, "published"?, "url"?} object
    /// per line (`-`: standard input).
    #[arg(long, value_name = "FILE", default_value = "-")]
    input: PathBuf,
    /// Where the records go (`-`: standard output); a file is written atomically.
    #[arg(long, short = 'o', value_name = "FILE", default_value = "-")]
    output: PathBuf,
    /// Evidence places kept per claim (all by default); `evidence_count` stays exact.
    #[arg(long, value_name = "N")]
    max_evidence: Option<usize>,
    /// The longest input line read, in bytes; a longer line gets an error record.
    #[arg(long, value_name = "BYTES", default_value_t = batch::DEFAULT_MAX_LINE)]
    max_line_bytes: usize,
}

/// `claimcheck batch`: exit 2 when a line gave no article (its error record is in the
/// output), else 1 when an error-severity claim did not pass on some article, else 0.
pub fn batch(a: &BatchArgs, out: &mut dyn Write) -> Result<i32, Failure> {
    let files = jobs::load_all(&a.paths)?;
    for f in files.iter().filter(|f| f.article.is_some()) {
        let _ = writeln!(
            io::stderr(),
            "claimcheck: warning: {} names its own article; batch checks it against the input's articles instead",
            f.path
        );
    }
    let stdin = a.input == Path::new("-");
    let output = (a.output != Path::new("-")).then_some(a.output.as_path());
    if let Some(path) = output {
        let input = Job {
            article: a.input.clone(),
            users: Vec::new(),
        };
        jobs::refuse_to_overwrite_inputs(path, &files, &[input])?;
    }
    let options = batch::Options {
        max_evidence: a.max_evidence,
        max_line: a.max_line_bytes,
        ..batch::Options::default()
    };
    let input: Box<dyn Read> = match stdin {
        true => Box::new(io::stdin().lock()),
        false => Box::new(open_input(&a.input)?),
    };
    let outcome = match output {
        None => batch::run(&files, &options, input, out)?,
        Some(path) => {
            let mut done = None;
            atomic::write_with(path, |w| {
                done = Some(batch::run(&files, &options, input, w)?);
                Ok(())
            })
            .map_err(|e| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display())))?;
            done.unwrap_or_default()
        }
    };
    Ok(exit_code(&outcome, out))
}

/// The input file, or why it cannot be read (exit 2, nothing checked).
fn open_input(path: &Path) -> Result<std::fs::File, Failure> {
    let shown = claims::display_path(path);
    if path.is_dir() {
        return Err(Diagnostic::file(&shown, "--input is a folder, not a JSON Lines file")
            .help("give the file of articles, one JSON object per line")
            .into());
    }
    std::fs::File::open(path).map_err(|e| {
        let what = match e.kind() {
            io::ErrorKind::NotFound => "input not found".to_string(),
            _ => format!("cannot read the input: {e}"),
        };
        Diagnostic::file(&shown, what)
            .help("--input names a JSON Lines file of articles, or `-` for standard input")
            .into()
    })
}

fn exit_code(outcome: &Outcome, out: &mut dyn Write) -> i32 {
    if outcome.bad_lines > 0 {
        let _ = out.flush();
        let shown: Vec<String> = outcome.first_bad.iter().map(u64::to_string).collect();
        let more = if outcome.bad_lines > shown.len() as u64 {
            ", ..."
        } else {
            ""
        };
        let _ = writeln!(
            io::stderr(),
            "claimcheck: {} of {} gave no article (line {}{more}); their error records say why",
            counted(outcome.bad_lines as usize, "line"),
            outcome.lines,
            shown.join(", ")
        );
        return EXIT_INVALID;
    }
    if outcome.summary.failed > 0 {
        EXIT_FAIL
    } else {
        EXIT_PASS
    }
}
