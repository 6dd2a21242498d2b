//! One article checked against every claim file that applies to it: what a worker computes
//! after a change, and what hover and the quick fixes read afterwards.

use std::path::{Path, PathBuf};
use std::sync::Arc;

use super::positions::LineIndex;
use super::settings::Settings;
use super::workspace::{Open, Workspace};
use crate::article::{Article, ReadError};
use crate::compile::CompiledFile;
use crate::engine::{self, Limits, Policy};
use crate::report::{FileReport, Uncovered};

/// A claim file that checks the article.
#[derive(Debug)]
pub struct ClaimFileRef {
    /// Its absolute path.
    pub path: PathBuf,
    /// Its path as messages show it.
    pub shown: String,
    /// The file as loaded when the article was checked.
    pub file: Arc<CompiledFile>,
}

/// An article's text as checked, and what the check found.
#[derive(Debug)]
pub struct Checked {
    /// The article's absolute path.
    pub path: PathBuf,
    /// The text checked (the open buffer's, unsaved edits included).
    pub text: Arc<String>,
    /// Its line starts, for positions.
    pub index: LineIndex,
    /// The article as read, when there was a claim file to check it with.
    pub article: Option<Arc<Article>>,
    /// The claim files that apply, in path order, with their reports.
    pub files: Vec<ClaimFileRef>,
    /// One report per file of `files`.
    pub reports: Vec<FileReport>,
    /// Sentences with a figure, date or quotation that no claim's evidence touches.
    pub uncovered: Vec<Uncovered>,
    /// What stops part of the check (a claim file that does not load, a format not read).
    pub notes: Vec<String>,
}

/// Checks the article at `path` with the text `text`. `live` says whether the result is
/// still wanted: a newer change makes it stale, and the check stops between claim files.
pub fn check_article(
    ws: &Workspace,
    open: &Open,
    path: &Path,
    text: Arc<String>,
    settings: &Settings,
    live: &dyn Fn() -> bool,
) -> Option<Checked> {
    let mut checked = Checked {
        path: path.to_path_buf(),
        index: LineIndex::new(&text),
        text: text.clone(),
        article: None,
        files: Vec::new(),
        reports: Vec::new(),
        uncovered: Vec::new(),
        notes: Vec::new(),
    };
    if text.len() > settings.max_article_bytes {
        checked.notes.push(format!(
            "not checked live: {} MB is more than the {} MB of the `maxArticleBytes` setting; run `claimcheck check` on it",
            text.len() >> 20,
            settings.max_article_bytes >> 20
        ));
        return Some(checked);
    }
    let (loaded, broken) = ws.claims_for(path, open);
    for (file, errors) in broken {
        let s = if errors == 1 { "" } else { "s" };
        checked.notes.push(format!(
            "{} does not load ({errors} error{s}): its claims are not checked; open it to see where",
            ws.shown(&file)
        ));
    }
    if loaded.is_empty() || !live() {
        return live().then_some(checked);
    }
    let shown = ws.shown(path);
    let article = match Article::read(shown.clone(), text.as_bytes().to_vec(), None) {
        Ok(a) => Arc::new(a),
        Err(e) => {
            checked.notes.push(unread(&shown, e));
            return Some(checked);
        }
    };
    let limits = Limits {
        max_evidence: None,
        article_source: false,
        passing_counted_only: false,
    };
    for (p, file) in loaded {
        if !live() {
            return None;
        }
        checked
            .reports
            .push(engine::evaluate_with(&file, &article, &Policy::default(), &limits));
        checked.files.push(ClaimFileRef {
            shown: ws.shown(&p),
            path: p,
            file,
        });
    }
    if settings.show_uncovered {
        checked.uncovered = uncovered(&mut checked.reports, &article);
    }
    checked.article = Some(article);
    Some(checked)
}

/// The facts no claim of any file checks: coverage over every file's evidence at once, in
/// the first report with every file's results moved into it and back (not copied: this
/// runs on every keystroke).
fn uncovered(reports: &mut [FileReport], article: &Article) -> Vec<Uncovered> {
    let lengths: Vec<usize> = reports.iter().map(|r| r.claims.len()).collect();
    let all: Vec<_> = reports.iter_mut().flat_map(|r| std::mem::take(&mut r.claims)).collect();
    let Some(first) = reports.first_mut() else {
        return Vec::new();
    };
    first.claims = all;
    engine::add_coverage(first, article);
    let found = first.uncovered.take().unwrap_or_default();
    let mut claims = std::mem::take(&mut first.claims).into_iter();
    for (r, n) in reports.iter_mut().zip(lengths) {
        r.claims = claims.by_ref().take(n).collect();
    }
    found
}

/// The reason the commands give, said on the article.
fn unread(shown: &str, e: ReadError) -> String {
    let d = crate::jobs::read_error(shown, e);
    match d.help {
        Some(help) => format!("not checked: {} ({help})", d.message),
        None => format!("not checked: {}", d.message),
    }
}
