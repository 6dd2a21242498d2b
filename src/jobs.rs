//! A `check` run: its inputs (loaded and planned in `inputs`), then its articles, each read
//! once by the thread that checks it against every claim file that uses it, in order, a
//! batch of articles at a time on every core; the report is built whole or written as the
//! run goes.

use std::convert::Infallible;
use std::io::{self, Read, Write};
use std::path::Path;

use rayon::prelude::*;

use crate::article::source::SourceFormat;
use crate::article::{Article, ReadError};
use crate::claims;
use crate::compile::CompiledFile;
use crate::engine::{self, Limits, Policy};
use crate::error::Diagnostic;
use crate::render::{Format, Stream};
use crate::report::{FileReport, Report, Summary};

mod inputs;

pub use inputs::{
    Job, Plan, article_for, find_claim, load_all, load_only, plan, refuse_to_overwrite_inputs, unreadable_articles,
};

/// What every article of a run is checked with.
pub struct Run {
    pub(crate) policy: Policy,
    pub(crate) limits: Limits,
    /// List what no claim checks (`uncovered`), as `coverage` does (the JSON report).
    pub(crate) coverage: bool,
    /// Standard input, read once before the run when an article is `-`.
    pub(crate) stdin: Option<Result<Article, Diagnostic>>,
    /// `--article-format`: the format of every article, whatever its extension.
    pub(crate) article_format: Option<SourceFormat>,
}

impl Run {
    /// A run of `jobs` for a report in `format`, which says what the report needs
    /// ([`Format::needs`]); `max_evidence` is `--max-evidence`. Standard input, when an
    /// article is `-`, is read now: it can be read only once.
    pub fn new(
        policy: Policy,
        format: Format,
        max_evidence: Option<usize>,
        jobs: &[Job],
        article_format: Option<SourceFormat>,
    ) -> Run {
        let needs = format.needs();
        let stdin = jobs
            .iter()
            .any(|j| j.article == Path::new("-"))
            .then(|| read_article(Path::new("-"), article_format));
        let limits = Limits {
            max_evidence: max_evidence.or(needs.evidence),
            article_source: needs.article_source,
            passing_counted_only: needs.passing_counted_in_archive && jobs.len() > 1,
        };
        Run {
            policy,
            limits,
            coverage: needs.coverage,
            stdin,
            article_format,
        }
    }

    /// Reads one article and checks it against the claim files that use it (`true`: the claim
    /// file names it with `article:`), reports in claim file order. An article that cannot be
    /// read is one diagnostic per claim file, naming where a claim file named it.
    pub(crate) fn check(
        &self,
        path: &Path,
        users: &[(&CompiledFile, bool)],
    ) -> Result<Vec<FileReport>, Vec<Diagnostic>> {
        let owned;
        let article = match (path == Path::new("-"), &self.stdin) {
            (true, Some(read)) => read.as_ref().map_err(Clone::clone),
            _ => {
                owned = read_article(path, self.article_format);
                owned.as_ref().map_err(Clone::clone)
            }
        };
        match article {
            Ok(art) => {
                let mut reports: Vec<FileReport> = users
                    .iter()
                    .map(|(f, _)| {
                        let mut r = engine::evaluate_with(f, art, &self.policy, &self.limits);
                        if self.coverage {
                            engine::add_coverage(&mut r, art);
                        }
                        r
                    })
                    .collect();
                reports.sort_by(|x, y| x.path.cmp(&y.path));
                Ok(reports)
            }
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
    }

    /// Checks every job and returns the whole report, or the articles that could not be read.
    pub fn report(&self, jobs: &[Job]) -> Result<Report, Vec<Diagnostic>> {
        let mut reports = Vec::new();
        let check = |job: &Job| self.check(&job.article, &job.users);
        let Ok(diags) = in_batches(jobs, &check, |f| {
            reports.push(f);
            Ok::<(), Infallible>(())
        });
        if !diags.is_empty() {
            return Err(diags);
        }
        reports.sort_by(|x, y| (&x.path, &x.article).cmp(&(&y.path, &y.article)));
        Ok(Report::new(reports))
    }

    /// Checks every job and writes the report as it goes, for an archive run (one claim file,
    /// many articles) whose report's order (claim file, then article) is the order of the
    /// jobs: the run holds a batch of results, not all of them. Returns the summary and the
    /// articles that could not be read, which the report written leaves out.
    pub fn stream(
        &self,
        jobs: &[Job],
        mut stream: Stream,
        w: &mut dyn Write,
    ) -> io::Result<(Summary, Vec<Diagnostic>)> {
        let mut summary = Summary::default();
        stream.begin(w)?;
        // Each report is rendered (and freed) by the thread that checked it, from a copy of
        // the stream: this thread keeps the original to write the parts in order.
        let renderer = stream.clone();
        let check_and_render = |job: &Job| {
            self.check(&job.article, &job.users).map(|reports| {
                let render =
                    |f: FileReport| -> io::Result<(Summary, Vec<u8>)> { Ok((f.summary(), renderer.body(&f)?)) };
                reports.into_iter().map(render).collect::<Vec<_>>()
            })
        };
        let diags = in_batches(jobs, &check_and_render, |rendered| {
            let (counts, body) = rendered?;
            summary.merge(&counts);
            stream.rendered(&body, w)
        })?;
        stream.end(&summary, w)?;
        Ok((summary, diags))
    }
}

/// Runs the jobs in order, a batch at a time on every core, and hands each result (a
/// report, or a report already rendered) to `emit` in job order. Diagnostics (unreadable
/// articles) are collected, deduplicated.
pub(crate) fn in_batches<J: Sync, T: Send, E, F>(
    jobs: &[J],
    check: &F,
    emit: impl FnMut(T) -> Result<(), E>,
) -> Result<Vec<Diagnostic>, E>
where
    F: Fn(&J) -> Result<Vec<T>, Vec<Diagnostic>> + Sync,
{
    // Enough jobs per batch to keep every core busy, few enough that a batch's results are
    // small next to an article. (Asking the pool its size starts it: not for one job.)
    let batch = if jobs.len() > 1 {
        rayon::current_num_threads() * 32
    } else {
        1
    };
    pipelined(jobs.chunks(batch).map(|c| (c, false)), check, emit)
}

/// [`in_batches`] over batches that come as the run goes (`batch` reads its input while it
/// runs): each batch is checked on every core while this thread emits the one before. A
/// batch marked `true` (its input has nothing more waiting: the next one may be long in
/// coming) is emitted as soon as it is checked.
pub(crate) fn pipelined<C, J, T, E, F>(
    batches: impl IntoIterator<Item = (C, bool)>,
    check: &F,
    mut emit: impl FnMut(T) -> Result<(), E>,
) -> Result<Vec<Diagnostic>, E>
where
    C: AsRef<[J]> + Sync,
    J: Sync,
    T: Send,
    F: Fn(&J) -> Result<Vec<T>, Vec<Diagnostic>> + Sync,
{
    type Batch<T> = Vec<Result<Vec<T>, Vec<Diagnostic>>>;
    let mut diags = Vec::new();
    let mut emit_all = |results: Batch<T>| -> Result<(), E> {
        for r in results {
            match r {
                Ok(found) => found.into_iter().try_for_each(&mut emit)?,
                Err(d) => diags.extend(d),
            }
        }
        Ok(())
    };
    // This thread writes one batch while the thread pool checks the next.
    let mut done: Batch<T> = Vec::new();
    for (chunk, now) in batches {
        let next = if done.is_empty() && chunk.as_ref().len() == 1 {
            // Nothing to write meanwhile and one job (one article): checked on this thread,
            // which spares a thread and, for a short article, starting the pool (what a long
            // article does on every core still goes to the pool).
            chunk.as_ref().iter().map(check).collect()
        } else {
            std::thread::scope(|s| {
                let next = s.spawn(|| chunk.as_ref().par_iter().map(check).collect::<Batch<T>>());
                emit_all(std::mem::take(&mut done))?;
                Ok::<_, E>(next.join().unwrap_or_else(|e| std::panic::resume_unwind(e)))
            })?
        };
        done = next;
        if now {
            emit_all(std::mem::take(&mut done))?;
        }
    }
    emit_all(done)?;
    diags.dedup();
    Ok(diags)
}

/// Reads an article (`-`: standard input) in `format`, else the one its extension names;
/// a file that cannot be read is a diagnostic.
pub fn read_article(path: &Path, format: Option<SourceFormat>) -> Result<Article, Diagnostic> {
    let limit = crate::limits::current().article_size;
    if path == Path::new("-") {
        let mut bytes = Vec::new();
        // One byte past the limit tells a stream over it, without reading the rest.
        io::stdin()
            .take(limit.saturating_add(1))
            .read_to_end(&mut bytes)
            .map_err(|e| Diagnostic::file("<stdin>", format!("cannot read standard input: {e}")))?;
        if bytes.len() as u64 > limit {
            return Err(too_big("<stdin>", "standard input is longer than that"));
        }
        return Article::read("<stdin>", bytes, format).map_err(|e| read_error("<stdin>", e));
    }
    let shown = claims::display_path(path);
    let bytes = read_file(path, limit).map_err(|e| match e {
        Unread::TooBig(len) => too_big(
            &shown,
            &format!("the article is {}", crate::limits::shown("article-size", len)),
        ),
        Unread::NotAFile(what) => Diagnostic::file(&shown, format!("cannot read article: {what}, not a file"))
            .help("name a text file; --articles reads the *.txt files under a folder"),
        Unread::Io(e) if e.kind() == io::ErrorKind::NotFound => Diagnostic::file(&shown, "article not found")
            .help("article paths in a claim file are relative to the claim file"),
        Unread::Io(e) => Diagnostic::file(&shown, format!("cannot read article: {e}"))
            .help("article paths in a claim file are relative to the claim file"),
    })?;
    Article::read(shown.clone(), bytes, format).map_err(|e| read_error(&shown, e))
}

/// An article over the `article-size` limit.
fn too_big(shown: &str, what: &str) -> Diagnostic {
    Diagnostic::file(shown, format!("{what}: {}", crate::limits::over("article-size")))
        .help(crate::limits::how_to_raise("article-size"))
}

/// Why a file was not read.
enum Unread {
    /// Longer than the limit (its length): refused from its size, before reading.
    TooBig(u64),
    /// A folder, a FIFO, a socket or a device: opening a FIFO would wait for a writer forever.
    NotAFile(&'static str),
    Io(io::Error),
}

impl From<io::Error> for Unread {
    fn from(e: io::Error) -> Unread {
        Unread::Io(e)
    }
}

/// What a path that is no regular file is, in words.
fn not_a_file(meta: &std::fs::Metadata) -> Option<&'static str> {
    let t = meta.file_type();
    if t.is_file() {
        return None;
    }
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileTypeExt;
        if t.is_fifo() {
            return Some("a FIFO (named pipe)");
        }
        if t.is_socket() {
            return Some("a socket");
        }
        if t.is_block_device() || t.is_char_device() {
            return Some("a device");
        }
    }
    Some(if t.is_dir() { "a folder" } else { "a special file" })
}

/// Reads a whole file of at most `limit` bytes, refused from its metadata before a byte is
/// read. A long one is read in parts on every core: on one, copying 50 MB from the page
/// cache was a tenth of a run.
fn read_file(path: &Path, limit: u64) -> Result<Vec<u8>, Unread> {
    // Asked of the path before opening it: opening a FIFO blocks until someone writes.
    let meta = std::fs::metadata(path)?;
    if let Some(what) = not_a_file(&meta) {
        return Err(Unread::NotAFile(what));
    }
    if meta.len() > limit {
        return Err(Unread::TooBig(meta.len()));
    }
    let mut file = std::fs::File::open(path)?;
    let len = usize::try_from(file.metadata()?.len()).unwrap_or(0);
    #[cfg(unix)]
    {
        use std::os::unix::fs::FileExt;
        if len >= crate::matcher::PARALLEL_FROM {
            let mut bytes = vec![0u8; len];
            let part = len.div_ceil(rayon::current_num_threads() * 2);
            let read = bytes
                .par_chunks_mut(part)
                .enumerate()
                .try_for_each(|(i, chunk)| file.read_exact_at(chunk, (i * part) as u64));
            // Past the length read first, the file may have grown: read the rest as usual.
            let mut rest = Vec::new();
            let whole = read.and_then(|()| {
                use std::io::Seek;
                let mut f = &file;
                f.seek(io::SeekFrom::Start(len as u64))?;
                f.read_to_end(&mut rest)
            });
            // A file that shrank meanwhile: read it again in one piece.
            if whole.is_ok() && bytes.len() as u64 <= limit {
                bytes.extend(rest);
                return Ok(bytes);
            }
            file = std::fs::File::open(path)?;
        }
    }
    let mut bytes = Vec::with_capacity(len);
    // A file that grew past the limit since its size was read is still refused.
    file.take(limit.saturating_add(1)).read_to_end(&mut bytes)?;
    if bytes.len() as u64 > limit {
        return Err(Unread::TooBig(bytes.len() as u64));
    }
    Ok(bytes)
}

/// Why an article could not be read, as every command and the language server say it.
pub(crate) fn read_error(shown: &str, e: ReadError) -> Diagnostic {
    match e {
        ReadError::NotUtf8 { offset } => Diagnostic::file(
            shown,
            format!("the article is not UTF-8: invalid byte at offset {offset}"),
        )
        .help("convert it to UTF-8 (for example `iconv -f latin1 -t utf-8`)"),
        ReadError::Utf16 { big_endian } => Diagnostic::file(
            shown,
            format!(
                "the article is UTF-16 ({}, by its byte order mark), not UTF-8",
                if big_endian { "big-endian" } else { "little-endian" }
            ),
        )
        .help("convert it to UTF-8 (for example `iconv -f utf-16 -t utf-8`); positions are byte offsets of the file, so it is not decoded on the fly"),
        ReadError::Nul { offset } => Diagnostic::file(
            shown,
            format!("the article has a NUL byte at offset {offset}: a binary file, or UTF-16 without a byte order mark"),
        )
        .help("give the article as UTF-8 text"),
        ReadError::Unsupported { format } => {
            Diagnostic::file(shown, format!("{} articles are not read yet", format.name()))
        }
        ReadError::UnknownExtension { extension } => {
            let names: Vec<String> = SourceFormat::ALL
                .iter()
                .flat_map(|f| f.extensions())
                .map(|e| format!(".{e}"))
                .collect();
            let formats: Vec<&str> = SourceFormat::ALL.iter().map(|f| f.name()).collect();
            let mut d = Diagnostic::file(
                shown,
                format!("cannot tell the article's format from its extension `.{extension}`"),
            );
            let hint = match crate::error::did_you_mean(&extension, names.iter().map(|n| &n[1..])) {
                Some(near) => format!("did you mean `.{near}`? "),
                None => String::new(),
            };
            d = d.help(format!(
                "{hint}articles are read from {}; give `--article-format {}` to read it anyway",
                names.join(", "),
                formats.join("|")
            ));
            d
        }
        ReadError::Malformed {
            format,
            line,
            message,
            help,
        } => {
            let d = match line {
                Some(line) => Diagnostic::new(shown, line, 1, message),
                None => Diagnostic::file(shown, message),
            };
            d.help(format!("{help} (read as {})", format.label()))
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_long_file_read_in_parts_is_the_file() {
        let dir = tempfile::tempdir().unwrap();
        let path = dir.path().join("long.txt");
        // Over the parallel threshold, and a length no part size divides.
        let bytes: Vec<u8> = (0..crate::matcher::PARALLEL_FROM * 2 + 7777)
            .map(|i| b'a' + (i * 7 % 26) as u8)
            .collect();
        std::fs::write(&path, &bytes).unwrap();
        for threads in [1, 3] {
            let pool = rayon::ThreadPoolBuilder::new().num_threads(threads).build().unwrap();
            assert!(
                pool.install(|| read_file(&path, u64::MAX)).ok() == Some(bytes.clone()),
                "{threads} threads"
            );
        }
        let short = dir.path().join("short.txt");
        std::fs::write(&short, "Paris").unwrap();
        assert_eq!(read_file(&short, u64::MAX).ok().as_deref(), Some(&b"Paris"[..]));
    }
}
