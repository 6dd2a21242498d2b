//! The stated limits on what claimcheck reads: each input past one is refused with an error
//! that names the limit, its value and how to raise it, never a crash or a stall.
//!
//! One [`Limits`] per process: the command line sets it once, from `claimcheck.toml`'s
//! `[limits]` table then `--limits` ([`install`]), before anything is read; the claim
//! loader, the article reader, the regex compiler and the engine read it ([`current`]).
//! Process-wide because a limit is the run's configuration, not a property of one call:
//! every loader, reader and compile of a run obeys the same ones, and the functions that
//! take a claim file's text keep their signatures for every caller (the commands, `batch`,
//! the language server).

use std::sync::OnceLock;

use crate::error::did_you_mean;

/// Every stated limit. The defaults are far above any real claim file or article.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Limits {
    /// Bytes of an article, checked from the file's size before it is read.
    pub article_size: u64,
    /// Claims in one claim file.
    pub claims: usize,
    /// Terms of one claim (`all`, `any`, `absent`, `near`, and `any:` inside them).
    pub terms: usize,
    /// Bytes a user regex may compile to (the regex crate's `size_limit`).
    pub regex_size: usize,
    /// How deeply a user regex may nest (the regex crate's `nest_limit`).
    pub regex_nest: u32,
    /// How deeply a claim file's YAML may nest.
    pub yaml_depth: usize,
    /// YAML events replayed by alias expansion (`*anchor`) in one claim file.
    pub yaml_aliases: usize,
    /// YAML nodes (scalars, lists, mappings) in one claim file.
    pub yaml_nodes: usize,
    /// Characters of a claim's `quote:`.
    pub quote_length: usize,
    /// Evidence places kept per claim (the count stays exact).
    pub evidence: usize,
}

impl Default for Limits {
    fn default() -> Limits {
        Limits {
            article_size: 256 << 20,
            claims: 100_000,
            terms: 1_000,
            regex_size: 1 << 20,
            regex_nest: 64,
            yaml_depth: 64,
            yaml_aliases: 20_000,
            yaml_nodes: 2_000_000,
            quote_length: 5_000,
            evidence: 100_000,
        }
    }
}

/// One limit as `--limits` and `[limits]` name it.
#[derive(Debug, Clone, Copy)]
pub struct Key {
    /// Its name (`article-size`).
    pub name: &'static str,
    /// What it bounds, for the README's table and `--help`.
    pub what: &'static str,
    /// A size in bytes: written `256MiB`, `1GiB`, `64KiB` or a plain number.
    pub bytes: bool,
    get: fn(&Limits) -> u64,
    set: fn(&mut Limits, u64),
}

macro_rules! key {
    ($name:literal, $field:ident: $ty:ident, $bytes:literal, $what:literal) => {
        Key {
            name: $name,
            what: $what,
            bytes: $bytes,
            get: |l| l.$field as u64,
            set: |l, v| l.$field = v.try_into().unwrap_or($ty::MAX),
        }
    };
}

/// Every limit, in the order the README lists them.
pub const KEYS: [Key; 10] = [
    key!("article-size", article_size: u64, true, "bytes of an article"),
    key!("claims", claims: usize, false, "claims in a claim file"),
    key!("terms", terms: usize, false, "terms of a claim"),
    key!("regex-size", regex_size: usize, true, "bytes a user regex compiles to"),
    key!("regex-nest", regex_nest: u32, false, "nesting depth of a user regex"),
    key!("yaml-depth", yaml_depth: usize, false, "nesting depth of a claim file's YAML"),
    key!("yaml-aliases", yaml_aliases: usize, false, "YAML events replayed by aliases in a claim file"),
    key!("yaml-nodes", yaml_nodes: usize, false, "YAML nodes in a claim file"),
    key!("quote-length", quote_length: usize, false, "characters of a claim's quote"),
    key!("evidence", evidence: usize, false, "evidence places kept per claim"),
];

impl Limits {
    /// The value of a limit by name.
    pub fn get(&self, name: &str) -> Option<u64> {
        KEYS.iter().find(|k| k.name == name).map(|k| (k.get)(self))
    }

    /// Sets a limit from its name and value as written (`article-size`, `1GiB`).
    pub fn set(&mut self, name: &str, value: &str) -> Result<(), String> {
        let key = find_key(name)?;
        let n = parse_value(value, key.bytes).map_err(|e| format!("{name}: {e}"))?;
        (key.set)(self, n);
        Ok(())
    }

    /// Sets the limits of a `--limits` value: `key=value,key=value`.
    pub fn set_all(&mut self, list: &str) -> Result<(), String> {
        for pair in list.split(',').map(str::trim).filter(|p| !p.is_empty()) {
            let (name, value) = pair
                .split_once('=')
                .ok_or_else(|| format!("`{pair}` is not key=value (e.g. article-size=1GiB)"))?;
            self.set(name.trim(), value.trim())?;
        }
        Ok(())
    }
}

/// The key named so, or what is wrong with the name: every key, and the nearest one.
pub fn find_key(name: &str) -> Result<&'static Key, String> {
    KEYS.iter().find(|k| k.name == name).ok_or_else(|| {
        let names = KEYS.iter().map(|k| k.name);
        let hint = did_you_mean(name, names.clone()).map_or(String::new(), |k| format!("did you mean `{k}`? "));
        format!(
            "unknown limit `{name}`; {hint}the limits are {}",
            names.collect::<Vec<_>>().join(", ")
        )
    })
}

/// A value: a whole number (`_` between digits allowed), for byte sizes with an optional
/// `KiB`, `MiB` or `GiB`.
pub fn parse_value(value: &str, bytes: bool) -> Result<u64, String> {
    let v = value.trim();
    let units: [(&str, u64); 4] = [("GiB", 1 << 30), ("MiB", 1 << 20), ("KiB", 1 << 10), ("B", 1)];
    let (digits, scale) = match units.iter().find(|(u, _)| bytes && v.ends_with(u)) {
        Some((u, s)) => (v[..v.len() - u.len()].trim_end(), *s),
        None => (v, 1),
    };
    let clean = digits.replace('_', "");
    let bad = || match bytes {
        true => format!("`{value}` is not a size (a whole number of bytes, or with KiB, MiB, GiB: 512MiB)"),
        false => format!("`{value}` is not a whole number"),
    };
    if clean.is_empty() || !clean.bytes().all(|b| b.is_ascii_digit()) {
        return Err(bad());
    }
    let n: u64 = clean.parse().map_err(|_| bad())?;
    let n = n.checked_mul(scale).ok_or_else(bad)?;
    if n == 0 {
        return Err(format!("`{value}`: a limit of 0 would refuse everything"));
    }
    Ok(n)
}

/// A limit's value as written in a message: sizes in the largest unit that divides them.
pub fn shown(name: &str, value: u64) -> String {
    let bytes = KEYS.iter().any(|k| k.name == name && k.bytes);
    match bytes {
        true => [(1u64 << 30, "GiB"), (1 << 20, "MiB"), (1 << 10, "KiB")]
            .iter()
            .find(|(s, _)| value >= *s && value.is_multiple_of(*s))
            .map_or(format!("{value} bytes"), |(s, u)| format!("{} {u}", value / s)),
        false => value.to_string(),
    }
}

/// How to raise a limit, for the help line of the error that names it.
pub fn how_to_raise(name: &str) -> String {
    format!("raise it with `--limits {name}=N` or `{name} = N` in the [limits] table of claimcheck.toml")
}

/// "over the claims limit (100000)": what every limit error says.
pub fn over(name: &str) -> String {
    over_in(name, current())
}

/// [`over`], for limits other than the process's.
pub fn over_in(name: &str, limits: &Limits) -> String {
    format!("over the {name} limit ({})", shown(name, limits.get(name).unwrap_or(0)))
}

static CURRENT: OnceLock<Limits> = OnceLock::new();

/// Sets the limits of this process, once, before anything is read; `false` if they were
/// set (or read) already.
pub fn install(limits: Limits) -> bool {
    CURRENT.set(limits).is_ok()
}

/// The limits of this process: those [`install`]ed, else the defaults.
pub fn current() -> &'static Limits {
    CURRENT.get_or_init(Limits::default)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn limits_are_set_by_name_with_sizes_in_units() {
        let mut l = Limits::default();
        l.set_all("article-size=1GiB, claims=200_000,terms=5").unwrap();
        assert_eq!(l.article_size, 1 << 30);
        assert_eq!(l.claims, 200_000);
        assert_eq!(l.terms, 5);
        assert_eq!(l.get("regex-size"), Some(1 << 20));
        assert_eq!(shown("article-size", 256 << 20), "256 MiB");
        assert_eq!(shown("article-size", 1000), "1000 bytes");
        assert_eq!(shown("claims", 100_000), "100000");
    }

    #[test]
    fn a_bad_limit_says_what_is_wrong() {
        let mut l = Limits::default();
        let e = l.set_all("artcle-size=1GiB").unwrap_err();
        assert!(
            e.contains("unknown limit `artcle-size`; did you mean `article-size`?"),
            "{e}"
        );
        let e = l.set_all("claims=1GiB").unwrap_err();
        assert_eq!(e, "claims: `1GiB` is not a whole number");
        let e = l.set_all("claims").unwrap_err();
        assert!(e.contains("not key=value"), "{e}");
        let e = l.set_all("evidence=0").unwrap_err();
        assert!(e.contains("refuse everything"), "{e}");
        assert!(l.set_all("article-size=99999999999GiB").is_err(), "overflow");
        assert_eq!(l, Limits::default(), "nothing set by a bad list");
    }
}
