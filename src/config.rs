//! `claimcheck.toml`: the settings of the folder claimcheck runs in, one TOML table per
//! concern (`[limits]`, `[lsp]`), each read into its own struct by its own function. A bad
//! table, key or value is a located error (`claimcheck.toml:3:1`) with a did-you-mean, as a
//! claim file's are.

use std::ops::Range;
use std::path::Path;

use toml::de::{DeTable, DeValue};

use crate::error::{Diagnostic, did_you_mean};
use crate::limits::{self, Limits};

/// The file's name, looked for in the current directory.
pub const FILE: &str = "claimcheck.toml";

/// Every table the file may have, with what reads it.
const TABLES: &[&str] = &["limits", "lsp"];

/// The settings of a `claimcheck.toml`; a table it does not have keeps its defaults.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Config {
    /// `[limits]`: the stated limits ([`crate::limits`]).
    pub limits: Limits,
    /// `[lsp]`: which claim files check which articles in the editor ([`crate::lsp`]).
    pub lsp: crate::lsp::settings::LspTable,
}

impl Config {
    /// Reads `claimcheck.toml` from `dir`: the defaults when there is none.
    pub fn load(dir: &Path) -> Result<Config, Vec<Diagnostic>> {
        let path = dir.join(FILE);
        match std::fs::read_to_string(&path) {
            Ok(source) => Config::parse(FILE, &source),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Config::default()),
            Err(e) => Err(vec![Diagnostic::file(FILE, format!("cannot read it: {e}"))]),
        }
    }

    /// Parses a configuration file's text; every problem of it at once.
    pub fn parse(path: &str, source: &str) -> Result<Config, Vec<Diagnostic>> {
        let at = |span: Range<usize>, message: String| {
            let (line, column) = line_column(source, span.start);
            Diagnostic::new(path, line, column, message).with_source(source)
        };
        let doc = DeTable::parse(source).map_err(|e| {
            let span = e.span().unwrap_or(0..0);
            vec![at(span, format!("not valid TOML: {}", e.message().trim()))]
        })?;
        let mut config = Config::default();
        let mut errors = Vec::new();
        for (name, value) in doc.get_ref() {
            let table = value.get_ref().as_table();
            match (name.get_ref().as_ref(), table) {
                ("limits", Some(t)) => read_limits(t, &mut config.limits, &mut |s, m| errors.push(at(s, m))),
                ("lsp", Some(_)) => match read_lsp(source) {
                    Ok(t) => config.lsp = t,
                    Err((s, m)) => errors.push(at(s, m).help("see the README, \"In your editor\", for its keys")),
                },
                (known, None) if TABLES.contains(&known) => {
                    errors.push(at(name.span(), format!("`{known}` must be a table (`[{known}]`)")))
                }
                (unknown, _) => {
                    let hint = did_you_mean(unknown, TABLES.iter().copied());
                    let d = at(name.span(), format!("unknown table `{unknown}`"));
                    errors.push(d.help(match hint {
                        Some(t) => format!("did you mean `[{t}]`?"),
                        None => format!("the tables are {}", TABLES.join(", ")),
                    }));
                }
            }
        }
        errors.sort_by_key(|d| (d.line, d.column));
        match errors.is_empty() {
            true => Ok(config),
            false => Err(errors),
        }
    }
}

/// `[lsp]`, read by serde (its shape is nested: `[[lsp.map]]` entries); an unknown key is
/// an error at that key.
fn read_lsp(source: &str) -> Result<crate::lsp::settings::LspTable, (Range<usize>, String)> {
    #[derive(serde::Deserialize)]
    struct LspOnly {
        #[serde(default)]
        lsp: crate::lsp::settings::LspTable,
    }
    toml::from_str::<LspOnly>(source)
        .map(|t| t.lsp)
        .map_err(|e| (e.span().unwrap_or(0..0), e.message().trim_end().to_string()))
}

/// `[limits]`: each key a limit, its value a number or (sizes) a string with a unit.
fn read_limits(table: &DeTable, limits: &mut Limits, error: &mut dyn FnMut(Range<usize>, String)) {
    for (name, value) in table {
        let key = match limits::find_key(name.get_ref()) {
            Ok(k) => k,
            Err(e) => {
                error(name.span(), e);
                continue;
            }
        };
        let written = match value.get_ref() {
            DeValue::Integer(i) if i.radix() == 10 => i.as_str().to_string(),
            DeValue::String(s) => s.to_string(),
            other => {
                let want = if key.bytes {
                    "a number or a size (\"512MiB\")"
                } else {
                    "a number"
                };
                error(
                    value.span(),
                    format!("{}: expected {want}, found {}", key.name, other.type_str()),
                );
                continue;
            }
        };
        if let Err(e) = limits.set(key.name, &written) {
            error(value.span(), e);
        }
    }
}

/// 1-based line and column (in characters) of a byte offset.
fn line_column(source: &str, at: usize) -> (usize, usize) {
    let mut at = at.min(source.len());
    while !source.is_char_boundary(at) {
        at -= 1;
    }
    let before = &source[..at];
    let start = before.rfind('\n').map_or(0, |i| i + 1);
    (before.matches('\n').count() + 1, before[start..].chars().count() + 1)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_table_raises_limits() {
        let c = Config::parse(FILE, "[limits]\narticle-size = \"1GiB\"\nclaims = 200_000\n").unwrap();
        assert_eq!(c.limits.article_size, 1 << 30);
        assert_eq!(c.limits.claims, 200_000);
        assert_eq!(c.limits.terms, Limits::default().terms);
    }

    #[test]
    fn a_bad_key_or_value_is_located_with_a_hint() {
        let src = "[limits]\nclaims = 10\nartcle-size = 5\nterms = \"many\"\n\n[limit]\n";
        let errors = Config::parse(FILE, src).unwrap_err();
        let shown: Vec<String> = errors
            .iter()
            .map(|d| format!("{}:{} {}", d.line, d.column, d.message))
            .collect();
        assert_eq!(shown.len(), 3, "{shown:?}");
        assert!(
            shown[0].starts_with("3:1 unknown limit `artcle-size`; did you mean `article-size`?"),
            "{shown:?}"
        );
        assert!(
            shown[1].starts_with("4:9 terms: `many` is not a whole number"),
            "{shown:?}"
        );
        assert!(shown[2].starts_with("6:2 unknown table `limit`"), "{shown:?}");
        assert_eq!(errors[2].help.as_deref(), Some("did you mean `[limits]`?"));
    }

    #[test]
    fn broken_toml_is_located() {
        let errors = Config::parse(FILE, "[limits]\nclaims = = 3\n").unwrap_err();
        assert_eq!((errors[0].line, errors[0].path.as_str()), (2, FILE));
        assert!(errors[0].message.starts_with("not valid TOML"), "{}", errors[0].message);
    }

    #[test]
    fn reads_the_lsp_map_and_locates_an_unknown_key() {
        let c = Config::parse(
            "claimcheck.toml",
            "[[lsp.map]]\narticles = \"articles/**/*.md\"\nclaims = \"claims/\"\n",
        )
        .unwrap();
        assert_eq!(c.lsp.map[0].articles, "articles/**/*.md");
        let e = Config::parse("claimcheck.toml", "[[lsp.map]]\narticles = \"a\"\nclaim = \"c\"\n").unwrap_err();
        assert_eq!((e[0].line, e[0].column), (3, 1), "{}", e[0]);
        assert!(e[0].message.contains("claim"), "{}", e[0]);
    }

    #[test]
    fn no_file_is_the_defaults() {
        let dir = std::env::temp_dir().join("claimcheck-config-none");
        let _ = std::fs::create_dir_all(&dir);
        assert_eq!(Config::load(&dir).unwrap(), Config::default());
    }
}
