//! `claimcheck.toml`, the project's settings file at the workspace root: one struct per
//! table, each table's type in the module it configures.

use std::path::Path;

use serde::Deserialize;

use crate::error::Diagnostic;

/// The file's name, at the root of a project.
pub const FILE: &str = "claimcheck.toml";

/// The tables of `claimcheck.toml`, each optional. Tables this version does not know are
/// left alone (a newer file still loads).
#[derive(Debug, Clone, Default, Deserialize)]
pub struct Config {
    /// `[lsp]`: which claim files check which articles in the editor.
    #[serde(default)]
    pub lsp: crate::lsp::settings::LspTable,
}

/// Parses the text of a `claimcheck.toml`; an error names `path`, its `line:column` and the
/// table or key at fault.
pub fn parse(path: &str, text: &str) -> Result<Config, Diagnostic> {
    toml::from_str(text).map_err(|e| {
        let at = e.span().map_or(0, |s| s.start).min(text.len());
        let before = &text[..at];
        let line = before.matches('\n').count() + 1;
        let column = before.rsplit('\n').next().unwrap_or("").chars().count() + 1;
        Diagnostic::new(path, line, column, e.message().trim_end().to_string())
            .help("see the README, \"In your editor\", for the tables and keys")
            .with_source(text)
    })
}

/// Reads `claimcheck.toml` in `dir`: `None` when there is none.
pub fn load(dir: &Path) -> Result<Option<Config>, Diagnostic> {
    let path = dir.join(FILE);
    let shown = crate::claims::display_path(&path);
    match std::fs::read_to_string(&path) {
        Ok(text) => parse(&shown, &text).map(Some),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(None),
        Err(e) => Err(Diagnostic::file(&shown, format!("cannot read: {e}"))),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_the_lsp_map_and_locates_an_unknown_key() {
        let c = parse(
            "claimcheck.toml",
            "[[lsp.map]]\narticles = \"articles/**/*.md\"\nclaims = \"claims/\"\n",
        )
        .unwrap();
        assert_eq!(c.lsp.map[0].articles, "articles/**/*.md");
        let e = parse("claimcheck.toml", "[[lsp.map]]\narticles = \"a\"\nclaim = \"c\"\n").unwrap_err();
        assert_eq!((e.line, e.column), (3, 1), "{e}");
        assert!(e.message.contains("claim"), "{e}");
    }
}
