//! Front matter: the YAML (`---`) or TOML (`+++`) block a static site puts at the top of a
//! Markdown article. Only its title (the headline) and publication date are read; the other
//! fields are not article text.

use std::ops::Range;

use super::SourceFormat;
use crate::article::ReadError;
use crate::claims::yaml;
use crate::date::Date;

/// The keys that give the publication date, the first present winning: Hugo's
/// `publishDate` says when the page went out, `date` is often when it was drafted.
const DATE_KEYS: [&str; 3] = ["publishDate", "published", "date"];

/// What the front matter gives.
#[derive(Debug, Default)]
pub(super) struct FrontMatter {
    /// Where the Markdown after it starts.
    pub body: usize,
    /// The title as written, and its bytes in the source: `copied` when the bytes are the
    /// title itself (a plain or quoted scalar without escapes).
    pub title: Option<Title>,
    pub published: Option<Date>,
}

/// The title and where it is written.
#[derive(Debug)]
pub(super) struct Title {
    pub text: String,
    pub src: Range<usize>,
    pub copied: bool,
}

/// The front matter opening the source at `start` (after a BOM), if any.
pub(super) fn read(source: &str, start: usize) -> Result<Option<FrontMatter>, ReadError> {
    let first = line_at(source, start);
    let fence = match source[first.clone()].trim_end() {
        "---" => "---",
        "+++" => "+++",
        _ => return Ok(None),
    };
    let content_start = first.end + 1;
    let mut at = content_start.min(source.len());
    let close = loop {
        if at >= source.len() {
            return Err(malformed(
                1,
                format!("the front matter opened with `{fence}` on line 1 is never closed"),
                format!("end it with a line `{fence}` before the article's text"),
            ));
        }
        let line = line_at(source, at);
        let t = source[line.clone()].trim_end();
        if t == fence || (fence == "---" && t == "...") {
            break line;
        }
        at = line.end + 1;
    };
    let content = &source[content_start.min(close.start)..close.start];
    let mut fm = match fence {
        "---" => yaml_fields(source, content_start, content)?,
        _ => toml_fields(source, content_start, content)?,
    };
    fm.body = (close.end + 1).min(source.len());
    Ok(Some(fm))
}

/// The line holding byte `at`, without its line break.
fn line_at(source: &str, at: usize) -> Range<usize> {
    let end = source[at..].find('\n').map_or(source.len(), |i| at + i);
    at..end
}

/// 1-based line of a byte offset.
fn line_of(source: &str, at: usize) -> usize {
    source[..at].matches('\n').count() + 1
}

fn malformed(line: usize, message: String, help: String) -> ReadError {
    ReadError::Malformed {
        format: SourceFormat::Markdown,
        line: Some(line),
        message,
        help,
    }
}

fn yaml_fields(source: &str, base: usize, content: &str) -> Result<FrontMatter, ReadError> {
    let fence_lines = line_of(source, base) - 1;
    let root = yaml::parse(content).map_err(|e| {
        malformed(
            fence_lines + e.line.max(1),
            format!("the front matter is not valid YAML: {}", e.message),
            "fix the YAML between the `---` lines, or remove it".into(),
        )
    })?;
    let mut fm = FrontMatter::default();
    if matches!(root.value, yaml::Value::Null) {
        return Ok(fm);
    }
    // The byte offset of a node, from its line and column in `content`.
    let offset = |n: &yaml::Node| {
        let line_start = content
            .split_inclusive('\n')
            .take(n.line.saturating_sub(1))
            .map(str::len)
            .sum::<usize>();
        let col = content[line_start..]
            .char_indices()
            .nth(n.column.saturating_sub(1))
            .map_or(0, |(i, _)| i);
        base + line_start + col
    };
    for key in DATE_KEYS {
        if let Some(n) = root.get(key) {
            let text = n.scalar_text().unwrap_or_default();
            fm.published = Some(day(&text).ok_or_else(|| {
                malformed(
                    fence_lines + n.line,
                    format!("the front matter's `{key}` is not a date: {text:?}"),
                    "write it as YYYY-MM-DD (a time after it is allowed)".into(),
                )
            })?);
            break;
        }
    }
    if let Some(n) = root.get("title")
        && let Some(text) = n.scalar_text()
    {
        fm.title = Some(locate(source, offset(n), text));
    }
    Ok(fm)
}

fn toml_fields(source: &str, base: usize, content: &str) -> Result<FrontMatter, ReadError> {
    let table: toml::Table = content.parse().map_err(|e: toml::de::Error| {
        let line = e.span().map_or(0, |s| line_of(content, s.start));
        malformed(
            line_of(source, base) - 1 + line.max(1),
            format!("the front matter is not valid TOML: {}", e.message().trim()),
            "fix the TOML between the `+++` lines, or remove it".into(),
        )
    })?;
    let mut fm = FrontMatter::default();
    let key_line = |key: &str| {
        content
            .split_inclusive('\n')
            .scan(0, |at, l| {
                let here = *at;
                *at += l.len();
                Some((here, l))
            })
            .find(|(_, l)| {
                l.trim_start()
                    .strip_prefix(key)
                    .is_some_and(|r| r.trim_start().starts_with('='))
            })
            .map(|(at, l)| (base + at, l))
    };
    for key in DATE_KEYS {
        if let Some(v) = table.get(key) {
            let text = match v {
                toml::Value::String(s) => s.clone(),
                toml::Value::Datetime(d) => d.to_string(),
                other => format!("{other:?}"),
            };
            let line = key_line(key).map_or(1, |(at, _)| line_of(source, at));
            fm.published = Some(day(&text).ok_or_else(|| {
                malformed(
                    line,
                    format!("the front matter's `{key}` is not a date: {text:?}"),
                    "write it as YYYY-MM-DD (a time after it is allowed)".into(),
                )
            })?);
            break;
        }
    }
    if let Some(toml::Value::String(title)) = table.get("title")
        && let Some((at, line)) = key_line("title")
    {
        let value = at + line.find('=').map_or(0, |i| i + 1);
        let value = value + (source[value..].len() - source[value..].trim_start().len());
        fm.title = Some(locate(source, value, title.clone()));
    }
    Ok(fm)
}

/// Where a title's words are, given where its value starts: right there (plain), after a
/// quote, or, when escapes make the bytes differ, the value's line as a whole.
fn locate(source: &str, at: usize, text: String) -> Title {
    let rest = &source[at..];
    let quoted = rest.starts_with(['"', '\'']) as usize;
    if rest[quoted..].starts_with(&text) {
        let start = at + quoted;
        return Title {
            src: start..start + text.len(),
            text,
            copied: true,
        };
    }
    let end = rest.find('\n').map_or(source.len(), |i| at + i);
    Title {
        text,
        src: at..end,
        copied: false,
    }
}

/// `YYYY-MM-DD`, with anything after it from a `T` or a space (a time).
fn day(text: &str) -> Option<Date> {
    let t = text.trim();
    let after = t.get(10..).unwrap_or("");
    (after.is_empty() || after.starts_with(['T', ' ', 't'])).then(|| Date::parse_iso(t.get(..10)?))?
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn yaml_title_and_date_and_where_the_body_starts() {
        let src = "---\ntitle: \"Coalition: chiefs meet\"\ntags: [a, b]\ndate: 2025-03-11T09:00:00+01:00\n---\nBody.\n";
        let fm = read(src, 0).unwrap().unwrap();
        assert_eq!(&src[fm.body..], "Body.\n");
        assert_eq!(fm.published, Date::parse_iso("2025-03-11"));
        let t = fm.title.unwrap();
        assert_eq!(t.text, "Coalition: chiefs meet");
        assert!(t.copied);
        assert_eq!(&src[t.src], "Coalition: chiefs meet");
    }

    #[test]
    fn toml_title_and_date() {
        let src = "+++\ntitle = 'Chiefs meet'\npublishDate = 2025-03-12\ndate = \"2025-03-01\"\n+++\n\nText.";
        let fm = read(src, 0).unwrap().unwrap();
        assert_eq!(
            fm.published,
            Date::parse_iso("2025-03-12"),
            "publishDate wins over date"
        );
        let t = fm.title.unwrap();
        assert_eq!(&src[t.src], "Chiefs meet");
    }

    #[test]
    fn a_front_matter_that_does_not_parse_names_its_line() {
        let src = "---\ntitle: ok\ntags: [unclosed\nother: x\n---\nText.";
        match read(src, 0).unwrap_err() {
            ReadError::Malformed { line, message, .. } => {
                assert!(line.is_some_and(|l| (3..=5).contains(&l)), "{line:?} {message}");
                assert!(message.contains("YAML"), "{message}");
            }
            e => panic!("{e:?}"),
        }
        let err = read("---\ndate: next week\n---\n", 0).unwrap_err();
        assert!(matches!(err, ReadError::Malformed { line: Some(2), .. }), "{err:?}");
        let err = read("+++\ntitle = \n+++\n", 0).unwrap_err();
        assert!(matches!(err, ReadError::Malformed { line: Some(2), .. }), "{err:?}");
        let err = read("---\ntitle: never closed\n\nText.", 0).unwrap_err();
        assert!(matches!(err, ReadError::Malformed { line: Some(1), .. }), "{err:?}");
    }

    #[test]
    fn no_front_matter_unless_the_first_line_is_a_fence() {
        assert!(read("Text\n---\ntitle: x\n---\n", 0).unwrap().is_none());
        assert!(read("", 0).unwrap().is_none());
    }
}
