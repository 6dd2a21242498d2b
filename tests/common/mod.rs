//! Shared by the integration tests: run the binary in a folder, and insta settings that put
//! every snapshot in the top-level `snapshots/` folder.

#![allow(dead_code)]

use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};

/// What one run of the binary did.
pub struct Run {
    pub code: i32,
    pub stdout: String,
    pub stderr: String,
}

/// The project root (where `claims/` is).
pub fn root() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
}

/// Runs `claimcheck` in `dir` with `args`, without colours whatever the environment says.
pub fn claimcheck(dir: &Path, args: &[&str]) -> Run {
    claimcheck_stdin(dir, args, None)
}

pub fn claimcheck_stdin(dir: &Path, args: &[&str], stdin: Option<&[u8]>) -> Run {
    claimcheck_env(dir, args, stdin, &[])
}

/// Runs `claimcheck` with environment variables set (`Some`) or removed (`None`), e.g. `CI`.
pub fn claimcheck_env(dir: &Path, args: &[&str], stdin: Option<&[u8]>, env: &[(&str, Option<&str>)]) -> Run {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_claimcheck"));
    // No colours unless a test asks for them: the given variables come last.
    cmd.current_dir(dir)
        .args(args)
        .env("NO_COLOR", "1")
        .env_remove("CLICOLOR_FORCE");
    for (k, v) in env {
        match v {
            Some(v) => cmd.env(k, v),
            None => cmd.env_remove(k),
        };
    }
    cmd.stdin(if stdin.is_some() { Stdio::piped() } else { Stdio::null() });
    cmd.stdout(Stdio::piped()).stderr(Stdio::piped());
    let mut child = cmd.spawn().expect("the binary runs");
    if let Some(input) = stdin {
        use std::io::Write;
        child.stdin.take().unwrap().write_all(input).unwrap();
    }
    let out = child.wait_with_output().unwrap();
    Run {
        code: out.status.code().unwrap_or(-1),
        stdout: String::from_utf8_lossy(&out.stdout).into_owned(),
        stderr: String::from_utf8_lossy(&out.stderr).into_owned(),
    }
}

/// A temporary folder holding the given files (path, content).
pub fn folder(files: &[(&str, &[u8])]) -> tempfile::TempDir {
    let dir = tempfile::tempdir().unwrap();
    for (name, content) in files {
        let p = dir.path().join(name);
        std::fs::create_dir_all(p.parent().unwrap()).unwrap();
        std::fs::write(p, content).unwrap();
    }
    dir
}

/// The seed article, as shipped with the example claims.
pub fn seed() -> Vec<u8> {
    std::fs::read(root().join("claims/paris-coalition-2025-03-11.txt")).unwrap()
}

/// insta settings: snapshots in `snapshots/` at the top, named without the module.
pub fn settings() -> insta::Settings {
    let mut s = insta::Settings::clone_current();
    s.set_snapshot_path(root().join("snapshots"));
    s.set_prepend_module_to_snapshot(false);
    s
}

/// The `article` of each file of a JSON report, in report order.
pub fn articles_in(json: &str) -> Vec<String> {
    let v: serde_json::Value = serde_json::from_str(json).expect("a JSON report");
    v["files"]
        .as_array()
        .expect("files")
        .iter()
        .map(|f| f["article"].as_str().expect("article").to_string())
        .collect()
}
