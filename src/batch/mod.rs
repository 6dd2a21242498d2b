//! Batch mode (`claimcheck batch`): claim files checked against a stream of articles given
//! as JSON Lines, one result record per article and claim file written as JSON Lines, in
//! input order. Made to be piped through, by a shell or by Spark's `RDD.pipe`.
//!
//! ## Wire format (schema `claimcheck-batch/1`)
//!
//! Input, one article per line: `{"id": "...", "text": "...", "format": "text|markdown|html",
//! "published": "YYYY-MM-DD", "url": "..."}`; `format` (default `text`, or HTML with a note
//! for a text that is plainly HTML), `published` and
//! `url` are optional, other fields are ignored. `published` is the article's publication
//! date: it resolves relative dates unless the claim file sets its own `published`, and
//! comes before the date the document gives itself (front matter, meta, dateline).
//!
//! Output, for each input line in order: a result record per claim file (in the order the
//! files were given), `{"schema": "claimcheck-batch/1", "record": "result", "line", "id",
//! "url"?, "claim_file", "notes"?, "claims": [ClaimResult], "summary": Summary}`, whose claims are those
//! of the JSON report (`claimcheck/1`, see [`crate::report`]) with evidence offsets into the
//! UTF-8 bytes of that line's `text`; or, for a line that gives no article, one error record
//! `{"schema", "record": "error", "line", "id"?, "error", "help"}`. A bad line never stops
//! the run. [`schema()`] is the records' JSON Schema. Within `claimcheck-batch/1` fields are
//! only ever added.
//!
//! The claim files are compiled once; lines are read as they come, a batch at a time,
//! checked on every core, and written in order, each record flushed as it is written: the
//! run holds a bounded batch of lines, so its memory follows the largest article, whatever
//! the size of the input.

mod lines;
mod record;
mod schema;

use std::io::{self, Read, Write};

use crate::article::source::{self, SourceFormat};
use crate::article::{Article, ReadError};
use crate::compile::CompiledFile;
use crate::engine::{self, Limits, Policy};
use crate::report::Summary;
use lines::{Body, Line, Lines};
use record::{Checked, Problem, Refused};

pub use schema::schema;

/// The schema name and version of the records.
pub const SCHEMA: &str = "claimcheck-batch/1";

/// The longest input line read by default (`--max-line-bytes`): 64 MiB, far past any news
/// article, and a bound on what one line can cost.
pub const DEFAULT_MAX_LINE: usize = 64 << 20;

/// Bytes of input lines held in one batch, past which a batch is cut short: with the batch
/// being written and the lines in flight, this bounds the memory a run takes beside its
/// largest article.
const BATCH_BYTES: usize = 16 << 20;

/// How a batch run checks and what it keeps.
#[derive(Debug, Clone)]
pub struct Options {
    /// Which verdicts pass a claim.
    pub policy: Policy,
    /// Evidence places kept per claim (the count stays exact); `None` keeps every one.
    pub max_evidence: Option<usize>,
    /// The longest line read, in bytes; a longer one is an error record.
    pub max_line: usize,
}

impl Default for Options {
    fn default() -> Options {
        Options {
            policy: Policy::default(),
            max_evidence: None,
            max_line: DEFAULT_MAX_LINE,
        }
    }
}

/// What a run found: the exit code is read from it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Outcome {
    /// Input lines read.
    pub lines: u64,
    /// Lines that gave an error record.
    pub bad_lines: u64,
    /// The first few of them (line numbers), for a message.
    pub first_bad: Vec<u64>,
    /// The totals of every result record.
    pub summary: Summary,
}

/// Bad line numbers an [`Outcome`] keeps.
const FIRST_BAD: usize = 10;

/// What checking one line gave: a record's bytes and what it counts.
type Record = io::Result<(Counted, Vec<u8>)>;

enum Counted {
    Result(Summary),
    Error(u64),
}

/// Checks every article of `input` (JSON Lines, read as it comes: no need to buffer it)
/// against `files` and writes the records to `output`, in input order. An error reading the
/// input ends the run with that error, after the records of the lines read before it.
pub fn run(files: &[CompiledFile], options: &Options, input: impl Read, output: &mut dyn Write) -> io::Result<Outcome> {
    let mut lines = Lines::new(input, options.max_line);
    let count = rayon::current_num_threads() * 32;
    let batches = std::iter::from_fn(|| Some(lines.batch(count, BATCH_BYTES)).filter(|(b, _)| !b.is_empty()));
    let mut outcome = Outcome::default();
    let check = |line: &Line| Ok::<_, Vec<_>>(check_line(files, options, line));
    crate::jobs::pipelined(batches, &check, |record: Record| {
        let (counted, bytes) = record?;
        match counted {
            Counted::Result(s) => outcome.summary.merge(&s),
            Counted::Error(line) => {
                outcome.bad_lines += 1;
                if outcome.first_bad.len() < FIRST_BAD {
                    outcome.first_bad.push(line);
                }
            }
        }
        output.write_all(&bytes)?;
        // A consumer (a pipe to Spark) gets each record as soon as it is whole.
        output.flush()
    })?;
    if let Some(e) = lines.error.take() {
        return Err(io::Error::new(e.kind(), format!("cannot read the input: {e}")));
    }
    outcome.lines = lines.read();
    Ok(outcome)
}

/// The records of one line: one per claim file, or one error record.
fn check_line(files: &[CompiledFile], options: &Options, line: &Line) -> Vec<Record> {
    let input = match &line.body {
        Body::Kept(bytes) => record::parse(bytes),
        Body::TooLong { len } => Err(Problem::new(
            None,
            format!(
                "the line is {len} bytes long, over the limit of {} bytes",
                options.max_line
            ),
            "raise the limit with --max-line-bytes, or split the article",
        )),
    };
    let mut input = match input {
        Ok(i) => i,
        Err(p) => return vec![refused(line.number, &p)],
    };
    // The article takes the text (no copy of a long article); the records need the rest.
    let text = std::mem::take(&mut input.text).into_bytes();
    let read = read_article(&input, text);
    let mut article = match read {
        Ok(a) => a,
        Err(e) => {
            let d = crate::jobs::read_error(&input.id, e);
            let message = match d.line {
                0 => d.message,
                n => format!("line {n} of `text`: {}", d.message),
            };
            let p = Problem::new(Some(&input.id), message, d.help.unwrap_or_default());
            return vec![refused(line.number, &p)];
        }
    };
    // The archive's date for the article comes before what the document says of itself.
    if let Some(day) = input.published {
        article.metadata_date = Some(day);
    }
    let limits = Limits {
        max_evidence: options.max_evidence,
        article_source: false,
        passing_counted_only: false,
    };
    files
        .iter()
        .map(|f| {
            let report = engine::evaluate_with(f, &article, &options.policy, &limits);
            let summary = report.summary();
            let record = Checked::new(line.number, &input, &report, &summary);
            Ok((Counted::Result(summary.clone()), json_line(&record)?))
        })
        .collect()
}

/// Reads a line's article in its `format`; without one, as text, unless it is plainly HTML
/// (`<!DOCTYPE`, `<html`): then as HTML, with a note, never silently as text. The id is no
/// file name: its extension chooses nothing.
fn read_article(input: &record::Input, text: Vec<u8>) -> Result<Article, ReadError> {
    let (format, note) = match input.format {
        Some(f) => (f, None),
        None => match source::guess(std::path::Path::new(""), &text)? {
            (SourceFormat::Text, _) => (SourceFormat::Text, None),
            (f, _) => (
                f,
                Some(format!(
                    "read as {}, not plain text: it starts with {} (give \"format\": \"text\" to read it as text)",
                    f.label(),
                    match f {
                        SourceFormat::Docx => "the bytes of a zip file",
                        _ => "an HTML tag",
                    }
                )),
            ),
        },
    };
    let mut article = Article::read(input.id.as_str(), text, Some(format))?;
    article.notes.extend(note);
    Ok(article)
}

fn refused(line: u64, problem: &Problem) -> Record {
    Ok((Counted::Error(line), json_line(&Refused::new(line, problem))?))
}

/// A record as one line of JSON (JSON strings hold no raw line break).
fn json_line(record: &impl serde::Serialize) -> io::Result<Vec<u8>> {
    let mut bytes = serde_json::to_vec(record)?;
    bytes.push(b'\n');
    Ok(bytes)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::compile;

    fn claims() -> CompiledFile {
        compile::parse(
            "c.yaml",
            "claims:\n  - id: chiefs\n    claim: 34 countries attended\n    number: 34\n    near: [countries]\n",
            None,
        )
        .unwrap()
    }

    fn run_on(input: &str, threads: usize) -> (String, Outcome) {
        let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
        let mut out = Vec::new();
        let outcome = pool
            .install(|| run(&[claims()], &Options::default(), input.as_bytes(), &mut out))
            .unwrap();
        (String::from_utf8(out).unwrap(), outcome)
    }

    #[test]
    fn records_keep_input_order_whatever_the_threads() {
        let input: String = (0..500)
            .map(|i| {
                let n = if i % 3 == 0 { 34 } else { 30 + i % 3 };
                format!("{{\"id\": \"a-{i}\", \"text\": \"Army chiefs of {n} countries met in Paris.\"}}\n")
            })
            .collect();
        let (one, outcome) = run_on(&input, 1);
        let (many, _) = run_on(&input, 8);
        assert_eq!(one, many);
        let ids: Vec<String> = one
            .lines()
            .map(|l| {
                serde_json::from_str::<Value>(l).unwrap()["id"]
                    .as_str()
                    .unwrap()
                    .to_string()
            })
            .collect();
        assert_eq!(ids, (0..500).map(|i| format!("a-{i}")).collect::<Vec<_>>());
        assert_eq!((outcome.lines, outcome.bad_lines), (500, 0));
        assert_eq!(outcome.summary.verdicts.supported, 167);
        assert_eq!(outcome.summary.verdicts.refuted, 333);
    }

    use serde_json::Value;

    #[test]
    fn a_bad_line_is_an_error_record_and_the_run_goes_on() {
        let input = "{\"id\": \"a\", \"text\": \"Army chiefs of 34 countries met.\"}\nnot json\n{\"id\": \"c\"}\n";
        let (out, outcome) = run_on(input, 2);
        let records: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
        assert_eq!(records.len(), 3);
        assert_eq!(records[0]["record"], "result");
        assert_eq!(records[0]["claims"][0]["verdict"], "supported");
        assert_eq!(
            (&records[1]["record"], &records[1]["line"]),
            (&"error".into(), &2.into())
        );
        assert_eq!(records[2]["id"], "c");
        assert_eq!(records[2]["error"], "the line has no `text`");
        assert_eq!((outcome.bad_lines, outcome.first_bad.clone()), (2, vec![2, 3]));
    }

    #[test]
    fn published_resolves_relative_dates_as_a_dateline_does() {
        let file = compile::parse(
            "d.yaml",
            "claims:\n  - id: day\n    claim: The talks are on 12 March 2025\n    date: 2025-03-12\n    near: [talks]\n",
            None,
        )
        .unwrap();
        let verdict = |line: &str| {
            let mut out = Vec::new();
            run(
                std::slice::from_ref(&file),
                &Options::default(),
                line.as_bytes(),
                &mut out,
            )
            .unwrap();
            let v: Value = serde_json::from_slice(&out).unwrap();
            v["claims"][0]["verdict"].as_str().unwrap().to_string()
        };
        let text = "The talks will resume tomorrow in Paris.";
        assert_eq!(
            verdict(&format!(
                "{{\"id\": \"a\", \"text\": \"{text}\", \"published\": \"2025-03-11\"}}"
            )),
            "supported"
        );
        assert_eq!(
            verdict(&format!(
                "{{\"id\": \"a\", \"text\": \"{text}\", \"published\": \"2025-03-12\"}}"
            )),
            "refuted"
        );
        let dateline = format!("date 2025-03-11\\n\\n{text}");
        assert_eq!(
            verdict(&format!("{{\"id\": \"a\", \"text\": \"{dateline}\"}}")),
            "supported"
        );
    }
}
