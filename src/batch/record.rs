//! The records: an input line read into an article to check, or the reason it cannot be;
//! and the output records, a result per article and claim file, an error per bad line.

use serde::{Deserialize, Serialize};
use serde_json::Value;

use super::SCHEMA;
use crate::article::source::SourceFormat;
use crate::date::Date;
use crate::report::{ClaimResult, FileReport, Summary};

/// The formats an input line may name: the text formats (a Word document is not text).
const FORMATS: [SourceFormat; 3] = [SourceFormat::Text, SourceFormat::Markdown, SourceFormat::Html];

/// One input line, read.
#[derive(Debug)]
pub(crate) struct Input {
    pub id: String,
    pub text: String,
    /// `None`: not given (text, unless the text is plainly HTML).
    pub format: Option<SourceFormat>,
    pub published: Option<Date>,
    pub url: Option<String>,
}

/// Why a line gives no article: what is wrong, how to fix it, and its `id` when it has one.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Problem {
    pub id: Option<String>,
    pub message: String,
    pub help: String,
}

impl Problem {
    pub(crate) fn new(id: Option<&str>, message: impl Into<String>, help: impl Into<String>) -> Problem {
        Problem {
            id: id.map(str::to_string),
            message: message.into(),
            help: help.into(),
        }
    }
}

const SHAPE: &str = r#"each line is one JSON object: {"id": "...", "text": "...", "format": "text|markdown|html", "published": "YYYY-MM-DD", "url": "..."} (format, published and url optional)"#;

/// The fields the contract reads; any other field is left alone (an archive's own columns).
#[derive(Deserialize)]
struct Fields {
    id: Option<Value>,
    text: Option<Value>,
    format: Option<Value>,
    published: Option<Value>,
    url: Option<Value>,
}

/// Reads one line (its bytes without the line break).
pub(crate) fn parse(line: &[u8]) -> Result<Input, Problem> {
    let fields = fields(line)?;
    let id = match fields.id {
        Some(Value::String(s)) if !s.trim().is_empty() => s,
        // Archives often key articles by number: the number's digits are the id.
        Some(Value::Number(n)) if n.is_i64() || n.is_u64() => n.to_string(),
        Some(Value::String(_)) => return Err(Problem::new(None, "`id` is empty", SHAPE)),
        Some(v) => {
            return Err(Problem::new(
                None,
                format!("`id` is {}, not a string", kind(&v)),
                "give each article an id as a string (or a whole number)",
            ));
        }
        None => return Err(Problem::new(None, "the line has no `id`", SHAPE)),
    };
    let at = Some(id.as_str());
    let text = match fields.text {
        Some(Value::String(s)) => s,
        Some(v) => {
            return Err(Problem::new(
                at,
                format!("`text` is {}, not a string", kind(&v)),
                "`text` is the article as a string (a Word document cannot be given: convert it to text)",
            ));
        }
        None => return Err(Problem::new(at, "the line has no `text`", SHAPE)),
    };
    let format = match fields.format {
        None => None,
        Some(Value::String(s)) => Some(FORMATS.into_iter().find(|f| f.name() == s).ok_or_else(|| {
            Problem::new(
                at,
                format!("`format` is \"{s}\", which is no format of a text article"),
                "`format` is one of text, markdown, html (or leave it out: text)",
            )
        })?),
        Some(v) => {
            return Err(Problem::new(
                at,
                format!("`format` is {}, not a string", kind(&v)),
                "`format` is one of \"text\", \"markdown\", \"html\"",
            ));
        }
    };
    let published = match fields.published {
        None => None,
        Some(Value::String(s)) => Some(Date::parse_iso(&s).ok_or_else(|| {
            Problem::new(
                at,
                format!("`published` is \"{s}\", which is no day YYYY-MM-DD"),
                "write the day the article was published as YYYY-MM-DD, e.g. \"2025-03-11\"",
            )
        })?),
        Some(v) => {
            return Err(Problem::new(
                at,
                format!("`published` is {}, not a string", kind(&v)),
                "write the day the article was published as a string YYYY-MM-DD, e.g. \"2025-03-11\"",
            ));
        }
    };
    let url = match fields.url {
        None => None,
        Some(Value::String(s)) => Some(s),
        Some(v) => {
            return Err(Problem::new(
                at,
                format!("`url` is {}, not a string", kind(&v)),
                "`url` is the article's address as a string, or left out",
            ));
        }
    };
    Ok(Input {
        id,
        text,
        format,
        published,
        url,
    })
}

/// The line as JSON: an object, or why not.
fn fields(line: &[u8]) -> Result<Fields, Problem> {
    let first = line.iter().find(|b| !b.is_ascii_whitespace());
    if first.is_none() {
        return Err(Problem::new(None, "the line is empty", SHAPE));
    }
    if first == Some(&b'{') {
        return serde_json::from_slice(line).map_err(not_json);
    }
    // Valid JSON, but no object?
    match serde_json::from_slice::<Value>(line) {
        Ok(v) => Err(Problem::new(
            None,
            format!("the line is {}, not an object", kind(&v)),
            SHAPE,
        )),
        Err(e) => Err(not_json(e)),
    }
}

fn not_json(e: serde_json::Error) -> Problem {
    // serde_json counts columns in bytes, from 1, on the line it was given.
    let what = e.to_string();
    let what = what.split(" at line ").next().unwrap_or(&what);
    Problem::new(None, format!("not JSON: {what} at byte {}", e.column()), SHAPE)
}

/// `a number`, `an array`: what a JSON value is, for messages.
fn kind(v: &Value) -> &'static str {
    match v {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// A result record: one claim file against one article.
#[derive(Serialize)]
pub(crate) struct Checked<'a> {
    pub schema: &'static str,
    pub record: &'static str,
    pub line: u64,
    pub id: &'a str,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub url: Option<&'a str>,
    pub claim_file: &'a str,
    /// What reading the article decided (a text that is plainly HTML, read as HTML).
    #[serde(skip_serializing_if = "<[String]>::is_empty")]
    pub notes: &'a [String],
    pub claims: &'a [ClaimResult],
    pub summary: &'a Summary,
}

impl<'a> Checked<'a> {
    pub(crate) fn new(line: u64, input: &'a Input, report: &'a FileReport, summary: &'a Summary) -> Checked<'a> {
        Checked {
            schema: SCHEMA,
            record: "result",
            line,
            id: &input.id,
            url: input.url.as_deref(),
            claim_file: &report.path,
            notes: &report.notes,
            claims: &report.claims,
            summary,
        }
    }
}

/// An error record: a line that gives no article to check.
#[derive(Serialize)]
pub(crate) struct Refused<'a> {
    pub schema: &'static str,
    pub record: &'static str,
    pub line: u64,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<&'a str>,
    pub error: &'a str,
    pub help: &'a str,
}

impl<'a> Refused<'a> {
    pub(crate) fn new(line: u64, problem: &'a Problem) -> Refused<'a> {
        Refused {
            schema: SCHEMA,
            record: "error",
            line,
            id: problem.id.as_deref(),
            error: &problem.message,
            help: &problem.help,
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn problem(line: &str) -> String {
        parse(line.as_bytes()).unwrap_err().message
    }

    #[test]
    fn a_full_line_is_read_and_other_fields_are_left_alone() {
        let line = r#"{"id": "a-1", "text": "Italy \u201cwas\u201d there.\n", "format": "html", "published": "2025-03-11", "url": "https://example.org/a-1", "section": "world"}"#;
        let input = parse(line.as_bytes()).unwrap();
        assert_eq!(input.id, "a-1");
        assert_eq!(input.text, "Italy \u{201c}was\u{201d} there.\n");
        assert_eq!(input.format, Some(SourceFormat::Html));
        assert_eq!(input.published, Date::parse_iso("2025-03-11"));
        assert_eq!(input.url.as_deref(), Some("https://example.org/a-1"));
        let bare = parse(br#"{"id": 42, "text": "x"}"#).unwrap();
        assert_eq!((bare.id.as_str(), bare.format, bare.published), ("42", None, None));
    }

    #[test]
    fn each_bad_line_says_what_is_wrong() {
        assert_eq!(problem(""), "the line is empty");
        assert_eq!(problem("[1, 2]"), "the line is an array, not an object");
        assert!(problem(r#"{"id": "a", "text": "x""#).starts_with("not JSON: EOF while parsing an object at byte"));
        assert!(problem("id,text").starts_with("not JSON: expected value at byte 1"));
        assert_eq!(problem(r#"{"text": "x"}"#), "the line has no `id`");
        assert_eq!(problem(r#"{"id": "", "text": "x"}"#), "`id` is empty");
        assert_eq!(problem(r#"{"id": 1.5, "text": "x"}"#), "`id` is a number, not a string");
        assert_eq!(problem(r#"{"id": "a"}"#), "the line has no `text`");
        assert_eq!(
            problem(r#"{"id": "a", "text": ["x"]}"#),
            "`text` is an array, not a string"
        );
        assert_eq!(
            problem(r#"{"id": "a", "text": "x", "format": "pdf"}"#),
            "`format` is \"pdf\", which is no format of a text article"
        );
        assert_eq!(
            problem(r#"{"id": "a", "text": "x", "format": "docx"}"#),
            "`format` is \"docx\", which is no format of a text article"
        );
        assert_eq!(
            problem(r#"{"id": "a", "text": "x", "published": "2025-02-30"}"#),
            "`published` is \"2025-02-30\", which is no day YYYY-MM-DD"
        );
        assert!(problem(r#"{"id": "a", "id": "b", "text": "x"}"#).contains("duplicate field `id`"));
    }

    #[test]
    fn the_id_is_kept_for_the_problems_found_after_it() {
        let p = parse(br#"{"id": "a-7", "text": "x", "published": "yesterday"}"#).unwrap_err();
        assert_eq!(p.id.as_deref(), Some("a-7"));
        assert!(p.help.contains("YYYY-MM-DD"));
    }

    #[test]
    fn bytes_that_are_not_utf8_are_not_json() {
        let mut line = br#"{"id": "a", "text": "caf"#.to_vec();
        line.extend([0xE9, b'"', b'}']);
        assert!(
            parse(&line)
                .unwrap_err()
                .message
                .starts_with("not JSON: invalid unicode")
        );
    }
}
