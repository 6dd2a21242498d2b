//! Writing a file so that a reader sees the old content or the new, never half of either.
//!
//! `--output FILE` and snapshot files are written to a temporary file in the same folder (so
//! the rename stays on one file system), flushed to disk, then renamed over the target.
//! The temporary files being written are listed, so that a run interrupted (Ctrl-C, a CI
//! job cancelled) removes them ([`remove_pending`]) and leaves nothing half written behind.

use std::fs::{self, OpenOptions};
use std::io::{self, Write};
use std::path::{Path, PathBuf};
use std::sync::{Mutex, MutexGuard};

/// The temporary files being written now.
static PENDING: Mutex<Vec<PathBuf>> = Mutex::new(Vec::new());

fn pending() -> MutexGuard<'static, Vec<PathBuf>> {
    PENDING.lock().unwrap_or_else(|e| e.into_inner())
}

/// Removes every temporary file being written, and holds the list until the process ends,
/// so no new one is created: for a handler of SIGINT or SIGTERM that exits right after.
/// A target renamed over before this is complete; one not renamed yet never appears.
pub fn remove_pending() -> impl Drop {
    let mut list = pending();
    for tmp in list.drain(..) {
        let _ = fs::remove_file(tmp);
    }
    list
}

/// Writes `bytes` to `path` atomically. The folder must exist.
pub fn write(path: &Path, bytes: &[u8]) -> io::Result<()> {
    write_with(path, |w| w.write_all(bytes))
}

/// Writes what `fill` writes to `path` atomically; when `fill` fails, `path` is left as it
/// was. The folder must exist.
pub fn write_with(path: &Path, fill: impl FnOnce(&mut dyn Write) -> io::Result<()>) -> io::Result<()> {
    let dir = match path.parent() {
        Some(p) if !p.as_os_str().is_empty() => p,
        _ => Path::new("."),
    };
    let name = path
        .file_name()
        .ok_or_else(|| io::Error::new(io::ErrorKind::InvalidInput, "the path names no file"))?
        .to_string_lossy();
    let mut attempt = 0;
    loop {
        let tmp = dir.join(format!(".{name}.{}-{attempt}.tmp", std::process::id()));
        // Created and listed under the lock: an interrupt removes it or comes before it.
        let mut list = pending();
        let created = OpenOptions::new().write(true).create_new(true).open(&tmp);
        if created.is_ok() {
            list.push(tmp.clone());
        }
        drop(list);
        match created {
            Ok(f) => {
                let mut w = io::BufWriter::new(f);
                let done = fill(&mut w)
                    .and_then(|()| w.into_inner().map_err(io::IntoInnerError::into_error))
                    .and_then(|f| f.sync_all());
                let done = done.and_then(|()| fs::rename(&tmp, path));
                if done.is_err() {
                    let _ = fs::remove_file(&tmp);
                }
                pending().retain(|p| *p != tmp);
                return done;
            }
            // A leftover of a run that was killed, or a concurrent run: take the next name.
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists && attempt < 100 => attempt += 1,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn replaces_the_file_and_leaves_no_temporary_behind() {
        let dir = tempfile::tempdir().unwrap();
        let p = dir.path().join("out.txt");
        fs::write(&p, "old").unwrap();
        write(&p, b"new").unwrap();
        assert_eq!(fs::read_to_string(&p).unwrap(), "new");
        let names: Vec<_> = fs::read_dir(dir.path())
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        assert_eq!(names, vec![std::ffi::OsString::from("out.txt")]);
    }

    #[test]
    fn a_missing_folder_is_an_error_not_a_panic() {
        let dir = tempfile::tempdir().unwrap();
        assert!(write(&dir.path().join("no/such/out.txt"), b"x").is_err());
    }
}
