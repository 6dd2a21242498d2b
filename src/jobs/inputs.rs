//! What a run reads before it checks anything: its claim files (loaded, their examples run),
//! the articles each one is checked against, the claim a command names, where a report may
//! go. Problems come back as [`Diagnostic`]s and warnings as values: the library never
//! prints, the command line does.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::read_article;
use crate::article::Article;
use crate::article::source::SourceFormat;
use crate::claims::{self, Loaded};
use crate::compile::CompiledFile;
use crate::error::{Diagnostic, did_you_mean};

/// Loads every claim file under the paths; all problems of all files are reported together,
/// failed `examples:` included (a claim that misjudges its own examples is a broken claim).
pub fn load_all(paths: &[PathBuf]) -> Result<Vec<CompiledFile>, Vec<Diagnostic>> {
    let files = load_only(paths)?;
    let mut diags = Vec::new();
    for f in &files {
        let source = std::fs::read_to_string(&f.path).ok();
        diags.extend(crate::selftest::failures(f, source.as_deref()));
    }
    if !diags.is_empty() {
        return Err(diags);
    }
    Ok(files)
}

/// Loads claim files without running their examples.
pub fn load_only(paths: &[PathBuf]) -> Result<Vec<CompiledFile>, Vec<Diagnostic>> {
    let files = claims::expand(paths).map_err(|d| vec![d])?;
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
        return Err(diags);
    }
    if loaded.is_empty() {
        let shown: Vec<String> = files.iter().map(|f| claims::display_path(f)).collect();
        return Err(vec![Diagnostic::file(
            &shown.join(", "),
            "no claim files here (only entities files)",
        )]);
    }
    Ok(loaded)
}

/// The articles that claim files name with `article:` and that cannot be read, each located
/// at its `article:` (`lint`: a claim file is not "ok" when `check` would stop there).
pub fn unreadable_articles(files: &[CompiledFile]) -> Vec<Diagnostic> {
    files
        .iter()
        .filter_map(|f| {
            let path = f.article.as_ref()?;
            let d = read_article(path, None).err()?;
            let (line, column) = f.article_at;
            let message = format!("{}: {}", claims::display_path(path), d.message);
            Some(
                Diagnostic::new(&f.path, line, column, message).help(
                    d.help
                        .unwrap_or_else(|| "`article:` is relative to the claim file".to_string()),
                ),
            )
        })
        .collect()
}

/// One article of a run and the claim files checked against it, in claim file order (`true`:
/// the claim file names it with `article:`).
#[derive(Debug)]
pub struct Job<'a> {
    /// The article as given (`-` is standard input).
    pub article: PathBuf,
    /// The claim files checked against it.
    pub users: Vec<(&'a CompiledFile, bool)>,
}

/// The jobs of a `check` run, one per article in path order, and what was found on the way.
#[derive(Debug, Default)]
pub struct Plan<'a> {
    /// What to check.
    pub jobs: Vec<Job<'a>>,
    /// Said, not silently ignored: claim files whose own article wins over the command line's.
    pub warnings: Vec<String>,
    /// Nothing is to be checked when there is one: a folder of articles that is none, a
    /// claim file with no article.
    pub problems: Vec<Diagnostic>,
}

/// Which articles each claim file is checked against: its own `article:`, else every article
/// given (`article`: files, `-` for standard input; `articles`: folders). Each article is
/// then read once, by the thread that checks it with every claim file that uses it: memory
/// follows the largest article, not the corpus.
pub fn plan<'a>(files: &'a [CompiledFile], article: &[PathBuf], articles: &[PathBuf]) -> Plan<'a> {
    let mut plan = Plan::default();
    let mut given = article.to_vec();
    for dir in articles {
        match articles_under(dir) {
            Ok(found) => given.extend(found),
            Err(d) => plan.problems.push(d),
        }
    }
    let mut by_article: BTreeMap<PathBuf, Vec<(&CompiledFile, bool)>> = BTreeMap::new();
    for f in files {
        match (&f.article, given.is_empty()) {
            (Some(p), given_too) => {
                if !given_too {
                    plan.warnings.push(format!(
                        "{} names its own article ({}); --article/--articles are not used for it",
                        f.path,
                        claims::display_path(p)
                    ));
                }
                by_article.entry(p.clone()).or_default().push((f, true))
            }
            (None, false) => {
                for p in &given {
                    by_article.entry(p.clone()).or_default().push((f, false));
                }
            }
            (None, true) => plan.problems.push(names_no_article(f)),
        }
    }
    plan.jobs = by_article
        .into_iter()
        .map(|(article, users)| Job { article, users })
        .collect();
    plan
}

/// The articles `--articles DIR` checks: plain-text files (`*.txt`), recursively, sorted.
/// Hidden files and folders are skipped.
fn is_article(p: &Path) -> bool {
    SourceFormat::from_path(p).is_some()
}

fn articles_under(dir: &Path) -> Result<Vec<PathBuf>, Diagnostic> {
    let shown = claims::display_path(dir);
    if !dir.is_dir() {
        return Err(
            Diagnostic::file(&shown, "--articles needs a folder").help("pass a single file with --article FILE")
        );
    }
    let mut out = Vec::new();
    let mut todo = vec![dir.to_path_buf()];
    // Folders by their real path: a symbolic link back up the tree (a loop) is entered once.
    let mut seen = std::collections::HashSet::new();
    while let Some(d) = todo.pop() {
        if !seen.insert(d.canonicalize().unwrap_or_else(|_| d.clone())) {
            continue;
        }
        let entries = std::fs::read_dir(&d)
            .map_err(|e| Diagnostic::file(&claims::display_path(&d), format!("cannot read folder: {e}")))?;
        for e in entries.flatten() {
            let p = e.path();
            if e.file_name().to_string_lossy().starts_with('.') {
                continue;
            }
            if p.is_dir() {
                todo.push(p);
            } else if is_article(&p) {
                out.push(p);
            }
        }
    }
    if out.is_empty() {
        return Err(Diagnostic::file(
            &shown,
            "no articles (*.txt, *.md, *.markdown, *.html, *.htm, *.docx) under this folder",
        ));
    }
    out.sort();
    Ok(out)
}

/// `--output` must never replace a claim file or an article.
pub fn refuse_to_overwrite_inputs(output: &Path, files: &[CompiledFile], jobs: &[Job]) -> Result<(), Diagnostic> {
    let Ok(target) = output.canonicalize() else {
        return Ok(()); // It does not exist yet, so it is no input.
    };
    let articles = jobs.iter().map(|j| j.article.clone());
    let inputs = files.iter().map(|f| PathBuf::from(&f.path)).chain(articles);
    for input in inputs {
        if input.canonicalize().is_ok_and(|p| p == target) {
            return Err(
                Diagnostic::file(&claims::display_path(output), "--output names an input of this run")
                    .help("write the report to another file; claimcheck never modifies its inputs"),
            );
        }
    }
    Ok(())
}

/// The article of a claim file for `coverage` and `explain`: its own `article:`, else the
/// command line's; in `format` when one is given.
pub fn article_for(
    f: &CompiledFile,
    given: Option<&Path>,
    format: Option<SourceFormat>,
) -> Result<Article, Diagnostic> {
    let path = f.article.as_deref().or(given).ok_or_else(|| names_no_article(f))?;
    read_article(path, format)
}

/// The claim with this id (its file and its index there), or an error that suggests the
/// nearest id.
pub fn find_claim<'a>(files: &'a [CompiledFile], id: &str) -> Result<(&'a CompiledFile, usize), Diagnostic> {
    let found = files
        .iter()
        .find_map(|f| f.claims.iter().position(|c| *c.id == *id).map(|i| (f, i)));
    found.ok_or_else(|| {
        let ids = files.iter().flat_map(|f| f.claims.iter().map(|c| &*c.id));
        let help = did_you_mean(id, ids).map(|s| format!("did you mean `{s}`?"));
        let shown: Vec<&str> = files.iter().map(|f| f.path.as_str()).collect();
        Diagnostic::file(&shown.join(", "), format!("no claim with id `{id}`")).help_opt(help)
    })
}

/// A claim file without `article:` in a run that gives none: said one way by every command.
fn names_no_article(f: &CompiledFile) -> Diagnostic {
    Diagnostic::file(&f.path, "this claim file names no article")
        .help("add `article: FILE` (relative to the claim file) or pass --article FILE")
}
