//! Which claim files check an article: those whose `article:` names it, and those that a
//! mapping (`claimcheck.toml`'s `[[lsp.map]]`, or the client's settings) gives its folder.
//!
//! Claim files are loaded through a cache keyed by what they were loaded from (an open
//! buffer's revision, or a file's size and modification time), so a check after a keystroke
//! re-parses nothing that did not change, and a file that disappears drops out at the next
//! check.

use std::collections::HashMap;
use std::path::{Component, Path, PathBuf};
use std::sync::{Arc, Mutex};
use std::time::SystemTime;

use globset::{GlobBuilder, GlobMatcher};

use super::settings::{Mapping, Settings};
use crate::compile::CompiledFile;
use crate::error::Diagnostic;

/// Folders never searched for claim files: build output, dependencies, hidden folders.
const SKIPPED: &[&str] = &["target", "node_modules"];
/// A workspace with more YAML files than this is searched no further.
const MAX_YAML_FILES: usize = 5_000;
const MAX_DEPTH: usize = 8;
/// Folders read at most: an editor opened on a home folder must not wait for a walk of it.
const MAX_FOLDERS: usize = 20_000;

/// An open document's text and its revision (a counter the server bumps on every change).
#[derive(Debug, Clone)]
pub struct OpenText {
    /// Bumped by the server on every change: what the cache compares.
    pub revision: u64,
    /// The buffer as the client has it.
    pub text: Arc<String>,
}

/// Open documents by path: their text wins over the file on disk.
pub type Open = HashMap<PathBuf, OpenText>;

/// What a YAML file turned out to be.
#[derive(Debug)]
pub enum ClaimSource {
    /// A claim file that loads.
    Loaded(Arc<CompiledFile>),
    /// A claim file that does not load: every error, and the article it seems to name (read
    /// from its `article:` line) so that article can say its claims are not checked.
    Broken(Vec<Diagnostic>, Option<PathBuf>),
    /// Not a claim file (no top-level `claims:` or `article:`), or gone.
    Other,
}

/// What a cached load was made from.
#[derive(Debug, Clone, PartialEq, Eq)]
enum Stamp {
    Open(u64),
    Disk(u64, Option<SystemTime>),
}

/// Claim files that would check an article but do not load: path and error count.
pub type Broken = Vec<(PathBuf, usize)>;

type Cache = Mutex<HashMap<PathBuf, (Stamp, Arc<ClaimSource>)>>;

/// The workspace: its root, its YAML files, the mappings; rebuilt when files or settings
/// change, the cache carried over.
#[derive(Debug)]
pub struct Workspace {
    /// The folder the client opened, if any.
    pub root: Option<PathBuf>,
    yaml: Vec<PathBuf>,
    maps: Vec<(GlobMatcher, PathBuf)>,
    /// What is wrong with `claimcheck.toml` or the mappings.
    pub problems: Vec<Diagnostic>,
    cache: Arc<Cache>,
}

impl Workspace {
    /// Searches `root` for YAML files and reads `claimcheck.toml` there (`config_text`, when
    /// the file is open, instead of the disk's).
    pub fn scan(
        root: Option<PathBuf>,
        settings: &Settings,
        config_text: Option<&str>,
        previous: Option<&Workspace>,
    ) -> Workspace {
        let mut problems = Vec::new();
        let mut mappings = Vec::new();
        if let Some(root) = &root {
            let config = match config_text {
                Some(text) => crate::config::Config::parse(&shown(root, &root.join(crate::config::FILE)), text),
                None => crate::config::Config::load(root),
            };
            match config {
                Ok(c) => mappings.extend(c.lsp.map),
                Err(d) => problems.extend(d),
            }
        }
        mappings.extend(settings.map.iter().cloned());
        let base = root.clone().unwrap_or_default();
        let maps = mappings
            .iter()
            .filter_map(|m| match compile_map(m, &base) {
                Ok(m) => Some(m),
                Err(d) => {
                    problems.push(d);
                    None
                }
            })
            .collect();
        let mut yaml = Vec::new();
        if let Some(root) = &root {
            find_yaml(root, 0, &mut { MAX_FOLDERS }, &mut yaml);
        }
        Workspace {
            root,
            yaml,
            maps,
            problems,
            cache: previous.map_or_else(Arc::default, |p| p.cache.clone()),
        }
    }

    /// The claim files that check the article at `path`, in a stable order (path order),
    /// and the broken ones that would: `(loaded, broken)`.
    pub fn claims_for(&self, path: &Path, open: &Open) -> (Vec<(PathBuf, Arc<CompiledFile>)>, Broken) {
        let mut candidates: Vec<(PathBuf, bool)> = self.yaml.iter().map(|p| (p.clone(), false)).collect();
        candidates.extend(
            open.keys()
                .filter(|p| is_yaml(p) && !self.yaml.contains(p))
                .map(|p| (p.clone(), false)),
        );
        let relative = self.root.as_ref().and_then(|r| path.strip_prefix(r).ok());
        for (glob, claims) in &self.maps {
            if relative.is_some_and(|r| glob.is_match(r)) {
                candidates.extend(expand(claims).into_iter().map(|p| (p, true)));
            }
        }
        candidates.sort();
        candidates.dedup_by(|b, a| {
            // A file both named and mapped is mapped.
            a.1 |= a.0 == b.0 && b.1;
            a.0 == b.0
        });
        let mut loaded = Vec::new();
        let mut broken = Vec::new();
        for (file, mapped) in candidates {
            match &*self.load(&file, open) {
                ClaimSource::Loaded(f) => {
                    let names = f.article.as_deref().map(clean);
                    if names.as_deref() == Some(path) || (mapped && names.is_none()) {
                        loaded.push((file, f.clone()));
                    }
                }
                ClaimSource::Broken(errors, names) if names.as_deref() == Some(path) || mapped => {
                    broken.push((file, errors.len()));
                }
                _ => {}
            }
        }
        (loaded, broken)
    }

    /// Every open article a claim file checks, by its `article:` or a mapping.
    pub fn checks_article(&self, claim_file: &Path, article: &Path, open: &Open) -> bool {
        self.claims_for(article, open).0.iter().any(|(p, _)| p == claim_file)
    }

    /// The claim file at `path`, loaded from its open buffer or the disk, through the cache.
    pub fn load(&self, path: &Path, open: &Open) -> Arc<ClaimSource> {
        let stamp = match open.get(path) {
            Some(o) => Stamp::Open(o.revision),
            None => match std::fs::metadata(path) {
                Ok(m) => Stamp::Disk(m.len(), m.modified().ok()),
                Err(_) => return Arc::new(ClaimSource::Other),
            },
        };
        if let Some((s, loaded)) = self.cache.lock().expect("cache lock").get(path)
            && *s == stamp
        {
            return loaded.clone();
        }
        let text = match open.get(path) {
            Some(o) => Some(o.text.as_str().to_string()),
            None => std::fs::read(path)
                .ok()
                .map(|b| String::from_utf8_lossy(&b).into_owned()),
        };
        let loaded = Arc::new(match text {
            Some(text) => self.parse(path, &text),
            None => ClaimSource::Other,
        });
        self.cache
            .lock()
            .expect("cache lock")
            .insert(path.to_path_buf(), (stamp, loaded.clone()));
        loaded
    }

    fn parse(&self, path: &Path, text: &str) -> ClaimSource {
        if !looks_like_claims(text) {
            return ClaimSource::Other;
        }
        let shown = self.shown(path);
        match crate::compile::parse(&shown, text, path.parent()) {
            Ok(f) => ClaimSource::Loaded(Arc::new(f)),
            Err(errors) => {
                let named = article_line(text).map(|a| clean(&path.parent().unwrap_or(Path::new("")).join(a)));
                ClaimSource::Broken(errors, named)
            }
        }
    }

    /// A path as messages show it: relative to the root when inside it.
    pub fn shown(&self, path: &Path) -> String {
        match &self.root {
            Some(root) => shown(root, path),
            None => crate::claims::display_path(path),
        }
    }
}

fn shown(root: &Path, path: &Path) -> String {
    let rel = path.strip_prefix(root).unwrap_or(path);
    rel.to_string_lossy().replace('\\', "/")
}

/// A claim file has a top-level `claims:` or `article:` key; any other YAML (a CI workflow,
/// an entities file) is not checked as one.
pub fn looks_like_claims(text: &str) -> bool {
    text.lines()
        .any(|l| l.starts_with("claims:") || l.starts_with("article:"))
}

/// The value of a top-level `article:` line, for a file that does not load.
fn article_line(text: &str) -> Option<&str> {
    let line = text.lines().find(|l| l.starts_with("article:"))?;
    let value = line["article:".len()..].trim().trim_matches(['"', '\'']);
    (!value.is_empty()).then_some(value)
}

fn compile_map(m: &Mapping, root: &Path) -> Result<(GlobMatcher, PathBuf), Diagnostic> {
    // `*` stays inside one folder, as the README says; `**` crosses folders.
    let glob = GlobBuilder::new(&m.articles)
        .literal_separator(true)
        .build()
        .map_err(|e| {
            Diagnostic::file(
                crate::config::FILE,
                format!("`articles = \"{}\"` is not a glob: {e}", m.articles),
            )
            .help("write a path with `*` (one folder level) or `**` (any depth), e.g. \"articles/**/*.md\"")
        })?;
    Ok((glob.compile_matcher(), clean(&root.join(&m.claims))))
}

/// A claim file, or the claim files (`*.yaml`, `*.yml`, not recursive) of a folder.
fn expand(path: &Path) -> Vec<PathBuf> {
    if !path.is_dir() {
        return vec![path.to_path_buf()];
    }
    let mut found: Vec<PathBuf> = std::fs::read_dir(path)
        .map(|d| {
            d.filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| is_yaml(p))
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found
}

fn is_yaml(p: &Path) -> bool {
    p.extension().is_some_and(|x| x == "yaml" || x == "yml")
}

fn find_yaml(dir: &Path, depth: usize, folders: &mut usize, out: &mut Vec<PathBuf>) {
    if *folders == 0 {
        return;
    }
    *folders -= 1;
    let Ok(entries) = std::fs::read_dir(dir) else {
        return;
    };
    let mut entries: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    entries.sort();
    for p in entries {
        if out.len() >= MAX_YAML_FILES {
            return;
        }
        let name = p
            .file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default();
        if p.is_dir() {
            if depth < MAX_DEPTH && !name.starts_with('.') && !SKIPPED.contains(&name.as_str()) {
                find_yaml(&p, depth + 1, folders, out);
            }
        } else if is_yaml(&p) {
            out.push(p);
        }
    }
}

/// A path with `.` and `..` folded away, so `claims/../a.txt` names `a.txt`.
pub fn clean(path: &Path) -> PathBuf {
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::CurDir => {}
            Component::ParentDir if out.file_name().is_some() => {
                out.pop();
            }
            other => out.push(other),
        }
    }
    out
}

/// The file path of a `file:` URI (percent-decoded); `None` for any other scheme.
pub fn uri_path(uri: &str) -> Option<PathBuf> {
    let rest = uri.strip_prefix("file://")?;
    // `file:///a` (empty authority) or `file://localhost/a`.
    let path = rest.strip_prefix("localhost").unwrap_or(rest);
    let path = path.split(['?', '#']).next().unwrap_or(path);
    let bytes = path.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        let hex = |b: u8| (b as char).to_digit(16);
        match (
            bytes[i],
            bytes.get(i + 1).and_then(|&b| hex(b)),
            bytes.get(i + 2).and_then(|&b| hex(b)),
        ) {
            (b'%', Some(h), Some(l)) => {
                out.push((h * 16 + l) as u8);
                i += 3;
            }
            (b, _, _) => {
                out.push(b);
                i += 1;
            }
        }
    }
    Some(clean(Path::new(&String::from_utf8(out).ok()?)))
}

/// The `file:` URI of an absolute path, percent-encoded where a URI needs it.
pub fn path_uri(path: &Path) -> String {
    let mut out = String::from("file://");
    for b in path.to_string_lossy().replace('\\', "/").bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' | b'/' => out.push(b as char),
            b => out.push_str(&format!("%{b:02X}")),
        }
    }
    if !out.starts_with("file:///") {
        out.insert(7, '/');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn file_uris_round_trip_with_spaces_and_accents() {
        let p = Path::new("/tmp/Élysée notes/a b.txt");
        let uri = path_uri(p);
        assert_eq!(uri, "file:///tmp/%C3%89lys%C3%A9e%20notes/a%20b.txt");
        assert_eq!(uri_path(&uri).unwrap(), p);
        assert_eq!(uri_path("file:///a/./b/../c.txt").unwrap(), Path::new("/a/c.txt"));
        assert_eq!(uri_path("untitled:Untitled-1"), None);
    }

    #[test]
    fn only_yaml_with_claims_or_article_at_the_top_is_a_claim_file() {
        assert!(looks_like_claims("# c\narticle: a.txt\n"));
        assert!(looks_like_claims("claims:\n  - id: x\n"));
        assert!(!looks_like_claims("on: push\njobs:\n  claims: x\n"));
        assert_eq!(article_line("article: 'a b.txt'\n"), Some("a b.txt"));
    }

    /// The mapping sends every Markdown article under articles/ to every claim file of
    /// claims/ that names no article of its own; a file naming an article checks only it.
    #[test]
    fn mapped_and_named_claim_files_apply() {
        let dir = tempfile::tempdir().unwrap();
        let root = dir.path().to_path_buf();
        std::fs::create_dir_all(root.join("articles/2025")).unwrap();
        std::fs::create_dir_all(root.join("claims")).unwrap();
        std::fs::create_dir_all(root.join("desk")).unwrap();
        let claims = "claims:\n  - id: italy\n    claim: Italy attended\n    all: [Italy]\n";
        std::fs::write(root.join("claims/house.yaml"), claims).unwrap();
        std::fs::write(root.join("claims/entities.yaml"), "Italy: [Rome]\n").unwrap();
        std::fs::write(
            root.join("desk/one.yaml"),
            format!("article: ../articles/2025/one.md\n{claims}"),
        )
        .unwrap();
        std::fs::write(
            root.join("claimcheck.toml"),
            "[[lsp.map]]\narticles = \"articles/**/*.md\"\nclaims = \"claims/\"\n",
        )
        .unwrap();
        let ws = Workspace::scan(Some(root.clone()), &Settings::default(), None, None);
        assert!(ws.problems.is_empty(), "{:?}", ws.problems);
        let names = |article: &str| -> Vec<String> {
            let (loaded, _) = ws.claims_for(&root.join(article), &Open::new());
            loaded.iter().map(|(p, _)| ws.shown(p)).collect()
        };
        assert_eq!(names("articles/2025/one.md"), ["claims/house.yaml", "desk/one.yaml"]);
        assert_eq!(names("articles/2025/two.md"), ["claims/house.yaml"]);
        assert!(names("articles/2025/two.txt").is_empty(), "the glob says *.md");
        let ws = Workspace::scan(
            Some(root.clone()),
            &Settings {
                map: vec![Mapping {
                    articles: "articles/*.md".into(),
                    claims: "claims".into(),
                }],
                ..Settings::default()
            },
            Some(""),
            None,
        );
        let (loaded, _) = ws.claims_for(&root.join("articles/2025/two.md"), &Open::new());
        assert!(loaded.is_empty(), "`*` stays in one folder");
        let (loaded, _) = ws.claims_for(&root.join("articles/three.md"), &Open::new());
        assert_eq!(loaded.len(), 1);
        assert!(names("drafts/one.md").is_empty());
    }
}
