//! Claim files: the claim format as types, and loading them.
//!
//! `yaml.rs` parses (the only file that knows the YAML library), `validate/` checks every
//! rule of the format and collects all problems of a file (each check kind builds its check
//! through `checks::Spec`); terms are in `terms.rs`. A file loads whole or not
//! at all: a claim file with one bad claim is rejected, never half-run. Nothing is compiled
//! here: [`crate::compile`] builds the matcher from a loaded file.

pub(crate) mod keys;
pub(crate) mod slug;
mod validate;
// Public for the schema test only (YAML to JSON through the one wrapper of the YAML crate).
#[doc(hidden)]
pub mod yaml;

use std::path::{Component, Path, PathBuf};
use std::sync::Arc;

use crate::checks::CheckKind;
use crate::date::Date;
use crate::error::Diagnostic;
use crate::report::Severity;
use crate::terms::TermTable;

/// A loaded, valid claim file; [`crate::compile`] builds what checking it needs.
#[derive(Debug)]
pub struct ClaimFile {
    /// The path as the report shows it.
    pub path: String,
    /// `article:`, resolved against the claim file's folder.
    pub article: Option<PathBuf>,
    /// Where `article:` is written (line, column), for errors about it.
    pub article_at: (usize, usize),
    /// `published:`.
    pub published: Option<Date>,
    /// `date-order:`: how numeric dates read.
    pub date_order: crate::date::DateOrder,
    /// The claims, in file order.
    pub claims: Vec<Claim>,
    /// Every term of the file, each once: what the matcher looks for.
    #[doc(hidden)]
    pub terms: TermTable,
    /// The canonical names of `entities:`, sorted (the language server completes them).
    #[doc(hidden)]
    pub entity_names: Vec<String>,
    /// Remarks that do not refuse the file, for `lint` (a `by` close to an entity's name).
    pub hints: Vec<Diagnostic>,
}

/// One claim of a file.
#[derive(Debug)]
pub struct Claim {
    // Shared with every result of the claim: an archive run builds one per article.
    /// `id:`, unique in the file.
    pub id: Arc<str>,
    /// `claim:`, the sentence the report shows.
    pub claim: Arc<str>,
    /// `severity:`: a warning never fails the run.
    pub severity: Severity,
    /// Where the claim starts in its file: line (1-based).
    pub line: usize,
    /// Where the claim starts in its file: column (1-based, in characters).
    pub column: usize,
    /// The check its key builds (one kind per claim).
    #[doc(hidden)]
    pub check: CheckKind,
    /// `examples:`: short texts and the verdict the claim must give each (see `selftest.rs`).
    pub examples: Vec<Example>,
}

/// A text a claim must judge a given way (`examples: {supported: [...], ...}`).
#[derive(Debug, Clone)]
pub struct Example {
    /// The text, checked as an article of its own.
    pub text: String,
    /// The verdict the claim must give it.
    pub expect: crate::report::Verdict,
    /// Where the text is written: line (1-based).
    pub line: usize,
    /// Where the text is written: column (1-based, in characters).
    pub column: usize,
}

/// What a YAML file in a claims folder turned out to be.
#[derive(Debug)]
pub enum Loaded {
    /// A claim file.
    Claims(Box<ClaimFile>),
    /// A shared entities mapping (`name: [aliases]`): recognised, not a claim file.
    Entities,
}

/// Parses a claim file's text. `dir` is the folder that relative paths in it start from;
/// without one, an `entities:` path cannot be read.
pub fn parse(path: &str, source: &str, dir: Option<&Path>) -> Result<ClaimFile, Vec<Diagnostic>> {
    match validate::parse(path, source, dir)? {
        Loaded::Claims(f) => Ok(*f),
        Loaded::Entities => Err(vec![
            Diagnostic::file(path, "this is an entities file (names and aliases), not a claim file")
                .help("a claim file needs a `claims:` list; point a claim file's `entities:` at this one"),
        ]),
    }
}

/// Reads and parses one YAML file.
pub fn load(path: &Path) -> Result<Loaded, Vec<Diagnostic>> {
    let shown = display_path(path);
    let bytes = std::fs::read(path).map_err(|e| vec![Diagnostic::file(&shown, format!("cannot read: {e}"))])?;
    let source = String::from_utf8(bytes).map_err(|e| {
        let at = e.utf8_error().valid_up_to();
        let bytes = e.as_bytes();
        let valid = String::from_utf8_lossy(&bytes[..at]);
        let line = valid.matches('\n').count() + 1;
        let column = valid.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        vec![
            Diagnostic::new(
                &shown,
                line,
                column,
                format!("not UTF-8: invalid byte 0x{:02X} at offset {at}", bytes[at]),
            )
            .help("save the file as UTF-8"),
        ]
    })?;
    validate::parse(&shown, &source, path.parent())
}

/// Expands folders to the `*.yaml`/`*.yml` files in them (sorted, not recursive) and keeps
/// files as they are. A path that does not exist is an error.
pub fn expand(paths: &[PathBuf]) -> Result<Vec<PathBuf>, Diagnostic> {
    let mut out = Vec::new();
    for p in paths {
        if p.is_dir() {
            let mut found: Vec<PathBuf> = std::fs::read_dir(p)
                .map_err(|e| Diagnostic::file(&display_path(p), format!("cannot read folder: {e}")))?
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|f| f.is_file() && f.extension().is_some_and(|x| x == "yaml" || x == "yml"))
                .collect();
            found.sort();
            if found.is_empty() {
                return Err(Diagnostic::file(
                    &display_path(p),
                    "no claim files (*.yaml, *.yml) in this folder",
                ));
            }
            out.extend(found);
        } else if p.is_file() {
            out.push(p.clone());
        } else {
            return Err(Diagnostic::file(&display_path(p), "no such file or folder"));
        }
    }
    Ok(out)
}

/// A path as reports show it: relative to the working folder when it is inside it, with
/// `.` and `..` folded away, `/` separators.
pub fn display_path(path: &Path) -> String {
    let rel = match std::env::current_dir() {
        Ok(cwd) if path.is_absolute() => path
            .strip_prefix(&cwd)
            .map(Path::to_path_buf)
            .unwrap_or(path.to_path_buf()),
        _ => path.to_path_buf(),
    };
    let mut parts: Vec<String> = Vec::new();
    let mut absolute = false;
    for c in rel.components() {
        match c {
            Component::RootDir => absolute = true,
            Component::CurDir => {}
            Component::ParentDir if parts.last().is_some_and(|p| p != "..") => {
                parts.pop();
            }
            other => parts.push(other.as_os_str().to_string_lossy().into_owned()),
        }
    }
    let joined = parts.join("/");
    if absolute { format!("/{joined}") } else { joined }
}
