//! `--format github`: GitHub Actions workflow commands, one per claim that did not pass.
//!
//! `::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message` (`::warning` for a
//! `severity: warning` claim). The runner turns each line into an annotation: on the article's
//! evidence when there is some, on the claim's own line in its claim file when the failure is
//! the claim's (nothing in the article bears on it). Passing claims print nothing.
//!
//! Spec: <https://docs.github.com/en/actions/reference/workflow-commands-for-github-actions>.
//! Escaping is the runner's own (actions/toolkit `packages/core/src/command.ts`): the message
//! escapes `%`, CR and LF; property values also `:` and `,`.

use std::io::{self, Write};

use super::{failing_first, primary};
use crate::article::source::Positions;
use crate::report::{Report, Role, Status};

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    for entry in failing_first(report) {
        let c = entry.claim;
        let command = match c.status() {
            Status::Fail => "error",
            Status::Warn => "warning",
            Status::Pass => continue,
        };
        let claim_at = format!("{}:{}:{}", entry.report.path, c.line, c.column);
        let mut props: Vec<(&str, String)> = Vec::new();
        let mut message = vec![format!("{}: {}", c.verdict.as_str(), c.claim)];
        message.push(format!("why: {}", c.explanation));
        message.push(format!("expected: {}", c.expected));
        match primary(c) {
            Some(e) => {
                props.push(("file", entry.report.article.clone()));
                // A Word document's paragraphs are no lines GitHub could show: the place
                // goes in the message.
                if entry.report.positions == Positions::Lines {
                    props.push(("line", e.span.line.to_string()));
                    props.push(("col", e.span.column.to_string()));
                    // Exclusive ends, as ruff's GitHub renderer passes them; the runner uses the
                    // columns only when the annotation starts and ends on one line.
                    props.push(("endLine", e.span.end_line.to_string()));
                    props.push(("endColumn", e.span.end_column.to_string()));
                } else {
                    message.push(format!(
                        "at {}",
                        entry.report.article_ref().at(e.span.line, e.span.column)
                    ));
                }
                let role = if e.role == Role::Refutes { "refutes" } else { "evidence" };
                message.push(format!("{role}: {}", e.sentence));
                if let Some(d) = &e.diff {
                    message.push(format!("- {}", d.expected));
                    message.push(format!("+ {}", d.found));
                }
                let more = c.evidence.len() - 1;
                if more > 0 {
                    message.push(format!(
                        "and {more} more place{} in the article",
                        if more == 1 { "" } else { "s" }
                    ));
                }
                message.push(format!("claim {}: {claim_at}", c.id));
            }
            None => {
                props.push(("file", entry.report.path.clone()));
                props.push(("line", c.line.to_string()));
                props.push(("col", c.column.to_string()));
                if let Some(n) = &c.nearest {
                    message.push(format!(
                        "nearest: {}: {}",
                        entry.report.article_ref().at(n.span.line, n.span.column),
                        n.sentence
                    ));
                }
                message.push(format!("article: {}", entry.report.article));
            }
        }
        message.extend(c.notes.iter().map(|n| format!("note: {n}")));
        props.push(("title", format!("claimcheck {}: {}", c.verdict.as_str(), c.id)));
        let props: Vec<String> = props
            .into_iter()
            .map(|(k, v)| format!("{k}={}", escape_property(&v)))
            .collect();
        writeln!(
            w,
            "::{command} {}::{}",
            props.join(","),
            escape_data(&message.join("\n"))
        )?;
    }
    Ok(())
}

/// A message: `%`, CR and LF (actions/toolkit `escapeData`).
fn escape_data(s: &str) -> String {
    s.replace('%', "%25").replace('\r', "%0D").replace('\n', "%0A")
}

/// A property value: the message escapes plus `:` and `,`, which would end the value
/// (actions/toolkit `escapeProperty`).
fn escape_property(s: &str) -> String {
    escape_data(s).replace(':', "%3A").replace(',', "%2C")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn percent_is_escaped_first_so_escapes_stay_unambiguous() {
        assert_eq!(escape_data("100%\nnew"), "100%25%0Anew");
        assert_eq!(escape_data("%0A"), "%250A");
    }

    #[test]
    fn properties_escape_colon_and_comma() {
        assert_eq!(escape_property("a:b,c%\r\n"), "a%3Ab%2Cc%25%0D%0A");
    }
}
