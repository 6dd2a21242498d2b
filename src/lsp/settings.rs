//! What the server is told: settings from the client (`initializationOptions`, or the
//! `claimcheck` section of `workspace/didChangeConfiguration`) and the `[lsp]` table of
//! `claimcheck.toml`, which maps folders of articles to the claim files that check them.

use serde::Deserialize;

/// One mapping: the articles a glob matches are checked against a claim file or every claim
/// file (`*.yaml`, `*.yml`) of a folder. Both paths are relative to the workspace root
/// (where `claimcheck.toml` is).
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Mapping {
    /// A glob of article paths: `articles/**/*.md`.
    pub articles: String,
    /// A claim file, or a folder of them: `claims/`.
    pub claims: String,
}

/// The `[lsp]` table of `claimcheck.toml`:
///
/// ```toml
/// [[lsp.map]]
/// articles = "articles/**/*.md"
/// claims = "claims/"
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct LspTable {
    /// Articles to claim files, in order.
    #[serde(default)]
    pub map: Vec<Mapping>,
}

/// The client's settings, every one optional.
#[derive(Debug, Clone, PartialEq, Eq, Deserialize)]
#[serde(rename_all = "camelCase", default, deny_unknown_fields)]
pub struct Settings {
    /// Passing claims as hints at their evidence (off: a passing claim is silent).
    pub show_passing: bool,
    /// Sentences with a figure, date or quotation that no claim checks, as hints (each with
    /// "Add a claim for this").
    pub show_uncovered: bool,
    /// The debounce window, in milliseconds: a change after a pause is checked at once,
    /// and a burst of changes starts at most one check per window (with the last text).
    pub debounce_ms: u64,
    /// Articles longer than this (bytes) are not checked live: `claimcheck check` is the
    /// tool for an archive.
    pub max_article_bytes: usize,
    /// Mappings added to those of `claimcheck.toml`.
    pub map: Vec<Mapping>,
}

impl Default for Settings {
    fn default() -> Settings {
        Settings {
            show_passing: false,
            show_uncovered: true,
            debounce_ms: 25,
            max_article_bytes: 10 << 20,
            map: Vec::new(),
        }
    }
}

impl Settings {
    /// Settings from the client's JSON: `{"claimcheck": {...}}` or the object itself; `null`
    /// is the defaults. An error says which setting is wrong.
    pub fn from_json(value: &serde_json::Value) -> Result<Settings, String> {
        let inner = value.get("claimcheck").unwrap_or(value);
        if inner.is_null() {
            return Ok(Settings::default());
        }
        Settings::deserialize(inner).map_err(|e| format!("claimcheck settings: {e}"))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::json;

    #[test]
    fn settings_read_nested_or_flat_and_name_a_wrong_key() {
        let s = Settings::from_json(&json!({"claimcheck": {"showPassing": true}})).unwrap();
        assert!(s.show_passing && s.show_uncovered);
        let s = Settings::from_json(&json!({"map": [{"articles": "a/*.md", "claims": "c/"}]})).unwrap();
        assert_eq!(s.map[0].claims, "c/");
        assert_eq!(
            Settings::from_json(&serde_json::Value::Null).unwrap(),
            Settings::default()
        );
        let e = Settings::from_json(&json!({"showPasing": true})).unwrap_err();
        assert!(e.contains("showPasing") && e.contains("showPassing"), "{e}");
    }
}
