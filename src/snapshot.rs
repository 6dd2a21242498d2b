//! Snapshot mode: claimcheck as snapshot tests in any CI (`--snapshot [DIR]`,
//! `--snapshot-update`), what insta gives Rust code.
//!
//! Each claim file's report (verdicts, evidence positions and sentences, diffs, notes: the
//! human report without colours and with every piece of evidence) is kept as a reviewable text
//! file, `DIR/<claim file path>.snap`. A later run compares: a report that changed fails the
//! run with a unified diff, even if every claim still passes (moved evidence, a changed
//! quotation, a new near miss). Locally a missing snapshot is written; `--snapshot-update`
//! accepts changed ones. With `CI` set nothing is ever written and a missing snapshot fails,
//! as in insta. Files are written atomically. This is not a `--format`: the report on standard
//! output is whatever `--format` says.

use std::collections::BTreeMap;
use std::path::{Component, Path, PathBuf};
use std::{fs, io};

use similar::TextDiff;

use crate::atomic;
use crate::render::{self, Format, Options};
use crate::report::{FileReport, Report};

/// What to do with the snapshots.
#[derive(Debug, Clone)]
pub struct Settings {
    /// Where snapshots live (`snapshots` by default, relative to the working folder).
    pub dir: PathBuf,
    /// `--snapshot-update`: write changed snapshots.
    pub update: bool,
    /// `CI` is set: write nothing, and a missing snapshot fails.
    pub ci: bool,
}

/// How one claim file's report compared with its snapshot.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum State {
    /// Same as the snapshot.
    Matches,
    /// No snapshot yet; written now.
    Recorded,
    /// Changed and accepted (`--snapshot-update`): the diff of what was accepted.
    Updated {
        /// Unified diff, snapshot to report.
        diff: String,
    },
    /// Changed: the diff from the snapshot to this run. Fails the run.
    Changed {
        /// Unified diff, snapshot to report.
        diff: String,
    },
    /// No snapshot, and `CI` is set so none was written. Fails the run.
    Missing,
}

/// One claim file's snapshot check.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Checked {
    /// The claim file, as the report shows it.
    pub claim_file: String,
    /// Its snapshot file.
    pub snapshot: PathBuf,
    /// How the report compared.
    pub state: State,
}

impl Checked {
    /// Fails the run: the report changed, or CI has no snapshot for it.
    pub fn fails(&self) -> bool {
        matches!(self.state, State::Changed { .. } | State::Missing)
    }
}

/// True when the environment says this is CI (`CI` set to anything but empty, `0` or
/// `false`), as insta reads it.
pub fn is_ci() -> bool {
    std::env::var("CI").is_ok_and(|v| !v.is_empty() && v != "0" && !v.eq_ignore_ascii_case("false"))
}

/// Where the snapshot of a claim file goes: its path mirrored under `dir`, plus `.snap`.
/// `..` becomes `__` and a root is dropped, so every snapshot stays inside `dir`.
pub(crate) fn path_for(dir: &Path, claim_file: &str) -> PathBuf {
    let mut out = dir.to_path_buf();
    for c in Path::new(claim_file).components() {
        match c {
            Component::Normal(s) => out.push(s),
            Component::ParentDir => out.push("__"),
            Component::RootDir | Component::Prefix(_) | Component::CurDir => {}
        }
    }
    let mut name = out.file_name().unwrap_or_default().to_os_string();
    name.push(".snap");
    out.set_file_name(name);
    out
}

/// The snapshot text of one claim file's reports (one per article it was checked against).
pub(crate) fn text(claim_file: &str, reports: Vec<FileReport>) -> String {
    let mut out = format!(
        "# claimcheck snapshot of {claim_file}\n\
         # `claimcheck check --snapshot` fails when the report below changes; `--snapshot-update` accepts it.\n\n"
    );
    // The layout snapshots were first written in: a snapshot stays valid across versions.
    let opts = Options {
        color: false,
        max_shown: Some(usize::MAX),
        sort: render::Sort::File,
        verbose: true,
    };
    let mut bytes = Vec::new();
    // Writing to a Vec cannot fail.
    let _ = render::render(&Report::new(reports), Format::Human, &opts, &mut bytes);
    out.push_str(&String::from_utf8_lossy(&bytes));
    out
}

/// Compares (and, as the settings say, writes) the snapshot of every claim file in the report.
pub fn check(report: &Report, settings: &Settings) -> io::Result<Vec<Checked>> {
    let mut by_file: BTreeMap<&str, Vec<FileReport>> = BTreeMap::new();
    for f in &report.files {
        by_file.entry(f.path.as_str()).or_default().push(f.clone());
    }
    let mut out = Vec::new();
    for (claim_file, reports) in by_file {
        let snapshot = path_for(&settings.dir, claim_file);
        let new = text(claim_file, reports);
        let old = match fs::read_to_string(&snapshot) {
            // A checkout with CRLF line endings holds the same snapshot.
            Ok(s) => Some(s.replace("\r\n", "\n")),
            Err(e) if e.kind() == io::ErrorKind::NotFound => None,
            Err(e) => return Err(io::Error::new(e.kind(), format!("{}: {e}", snapshot.display()))),
        };
        let state = match old {
            Some(old) if old == new => State::Matches,
            Some(old) => {
                let diff = diff(&old, &new, &snapshot, claim_file);
                if settings.update && !settings.ci {
                    write(&snapshot, &new)?;
                    State::Updated { diff }
                } else {
                    State::Changed { diff }
                }
            }
            None if settings.ci => State::Missing,
            None => {
                write(&snapshot, &new)?;
                State::Recorded
            }
        };
        out.push(Checked {
            claim_file: claim_file.to_string(),
            snapshot,
            state,
        });
    }
    Ok(out)
}

fn write(path: &Path, text: &str) -> io::Result<()> {
    let with_path = |e: io::Error| io::Error::new(e.kind(), format!("cannot write {}: {e}", path.display()));
    if let Some(parent) = path.parent() {
        fs::create_dir_all(parent).map_err(with_path)?;
    }
    atomic::write(path, text.as_bytes()).map_err(with_path)
}

/// A unified diff, snapshot first, three lines of context.
fn diff(old: &str, new: &str, snapshot: &Path, claim_file: &str) -> String {
    TextDiff::from_lines(old, new)
        .unified_diff()
        .context_radius(3)
        .header(
            &format!("{} (snapshot)", snapshot.display()),
            &format!("{claim_file} (this run)"),
        )
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snapshot_paths_mirror_the_claim_file_and_stay_inside_the_folder() {
        let d = Path::new("snapshots");
        assert_eq!(
            path_for(d, "claims/paris-coalition.yaml"),
            Path::new("snapshots/claims/paris-coalition.yaml.snap")
        );
        assert_eq!(path_for(d, "../x/c.yaml"), Path::new("snapshots/__/x/c.yaml.snap"));
        assert_eq!(path_for(d, "/abs/c.yaml"), Path::new("snapshots/abs/c.yaml.snap"));
    }

    #[test]
    fn the_diff_names_both_sides() {
        let d = diff("a\nb\n", "a\nc\n", Path::new("s/c.yaml.snap"), "c.yaml");
        assert!(
            d.starts_with("--- s/c.yaml.snap (snapshot)\n+++ c.yaml (this run)\n"),
            "{d}"
        );
        assert!(d.contains("-b\n+c\n"), "{d}");
    }
}
