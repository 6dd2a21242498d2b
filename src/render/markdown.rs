//! `--format markdown`: a report to paste into a pull request or send to an editor.
//!
//! A summary table (one row per claim file), then the claims that fail the run, then
//! warnings, each with where the claim is written, what it expects, why it did not pass, the
//! evidence sentence (matched words in bold) and the diff as a fenced `diff` block; then a table
//! of the passing claims. GitHub Flavored Markdown: <https://github.github.com/gfm/>. Text
//! from claims and articles is escaped, so an editor's `*` or `|` never turns into markup,
//! `<script>` stays text, and the report can be posted as a pull-request comment: an article's
//! `@nytimes` pings nobody and its `#42` links to no issue (see [`escape`]). Code spans and the
//! fenced `diff` blocks are literal already: GitHub links no mention or issue inside them.

use std::fmt::Write as _;
use std::io::{self, Write};
use std::ops::Range;

use super::{Entry, failing_first, summary_line};
use crate::report::{ArticleRef, Diff, Evidence, Report, Status};

pub(super) fn render(report: &Report, w: &mut dyn Write) -> io::Result<()> {
    let mut out = String::from("# claimcheck report\n\n");
    let _ = writeln!(out, "**{}**\n", escape(&summary_line(&report.summary)));
    out.push_str(
        "| claim file | article | claims | passed | failed | warnings | supported | refuted | not found | conflicting |\n",
    );
    out.push_str("|---|---|--:|--:|--:|--:|--:|--:|--:|--:|\n");
    for f in &report.files {
        let s = f.summary();
        let v = &s.verdicts;
        let _ = writeln!(
            out,
            "| {} | {} | {} | {} | {} | {} | {} | {} | {} | {} |",
            cell(&code(&f.path)),
            cell(&code(&f.article)),
            s.claims,
            s.passed,
            s.failed,
            s.warnings,
            v.supported,
            v.refuted,
            v.not_found,
            v.conflicting
        );
    }
    // How an article was read, when its reader had to decide (a `.txt` that is HTML).
    for f in report.files.iter().filter(|f| !f.notes.is_empty()) {
        for n in &f.notes {
            let _ = write!(out, "\n**note** on {}: {}\n", code(&f.article), escape(n));
        }
    }
    let entries = failing_first(report);
    for (status, heading) in [(Status::Fail, "Failing claims"), (Status::Warn, "Warnings")] {
        let group: Vec<&Entry<'_>> = entries.iter().filter(|e| e.claim.status() == status).collect();
        if group.is_empty() {
            continue;
        }
        let _ = writeln!(out, "\n## {heading} ({})", group.len());
        for e in group {
            claim(&mut out, e);
        }
    }
    let passing: Vec<&Entry<'_>> = entries.iter().filter(|e| e.claim.status() == Status::Pass).collect();
    if !passing.is_empty() {
        let _ = writeln!(out, "\n## Passing claims ({})\n", passing.len());
        out.push_str("| claim | verdict | written at | evidence |\n|---|---|---|---|\n");
        for e in passing {
            let c = e.claim;
            let evidence: Vec<String> = c
                .evidence
                .iter()
                .map(|ev| code(&e.report.article_ref().at(ev.span.line, ev.span.column)))
                .collect();
            let _ = writeln!(
                out,
                "| {} {} | {} | {} | {} |",
                cell(&code(&c.id)),
                cell(&escape(&c.claim)),
                c.verdict.as_str(),
                cell(&code(&format!("{}:{}:{}", e.report.path, c.line, c.column))),
                cell(&if evidence.is_empty() {
                    "none".to_string()
                } else {
                    evidence.join(", ")
                })
            );
        }
    }
    w.write_all(out.as_bytes())
}

fn claim(out: &mut String, e: &Entry<'_>) {
    let c = e.claim;
    let _ = writeln!(
        out,
        "\n### {} {}: {}\n",
        c.status().label(),
        code(&c.id),
        c.verdict.as_str()
    );
    let _ = writeln!(out, "**claim:** {}  ", escape(&c.claim));
    let _ = writeln!(
        out,
        "**written at:** {}  ",
        code(&format!("{}:{}:{}", e.report.path, c.line, c.column))
    );
    let _ = writeln!(out, "**expected:** {}  ", escape(&c.expected));
    let _ = writeln!(out, "**why:** {}", escape(&c.explanation));
    for n in &c.notes {
        let _ = writeln!(out, "\n**note:** {}", escape(n));
    }
    for ev in c.evidence.iter().chain(c.nearest.as_deref()) {
        evidence(out, e.report.article_ref(), ev);
    }
}

fn evidence(out: &mut String, article: ArticleRef<'_>, e: &Evidence) {
    let note = e
        .note
        .as_deref()
        .map(|n| format!(" ({})", escape(n)))
        .unwrap_or_default();
    let _ = writeln!(
        out,
        "\n**{}** {}{note}\n",
        e.role.as_str(),
        code(&article.at(e.span.line, e.span.column))
    );
    let _ = writeln!(out, "> {}", bold_marks(&e.sentence, &e.sentence_marks));
    if let Some(d) = &e.diff {
        diff(out, d);
    }
}

fn diff(out: &mut String, d: &Diff) {
    // Every line starts with `-` or `+`, so no text of ours can close the fence.
    let _ = writeln!(
        out,
        "\n```diff\n- {}\n+ {}\n```",
        d.expected.replace(['\n', '\r'], " "),
        d.found.replace(['\n', '\r'], " ")
    );
}

/// The sentence with its marked ranges in bold, each piece escaped.
fn bold_marks(text: &str, marks: &[Range<usize>]) -> String {
    let mut out = String::new();
    let mut at = 0;
    for m in marks {
        if m.start < at || m.end > text.len() || m.start >= m.end {
            continue;
        }
        if !text.is_char_boundary(m.start) || !text.is_char_boundary(m.end) {
            continue;
        }
        out.push_str(&escape(&text[at..m.start]));
        let _ = write!(out, "**{}**", escape(&text[m.clone()]));
        at = m.end;
    }
    out.push_str(&escape(&text[at..]));
    out
}

/// Inline text with Markdown's punctuation backslash-escaped, on one line; a leading list or
/// heading marker is escaped too.
///
/// GitHub finds `@handle` mentions and `#123` issue references in the rendered text, after
/// backslash escapes are gone, so `\@` would still ping. A zero-width space after the `@` or
/// `#` breaks the pattern and shows nothing (Renovate and Dependabot do the same); it is
/// written as the reference `&#8203;`, visible in the Markdown source, plain ASCII.
fn escape(s: &str) -> String {
    const ZWSP: &str = "&#8203;";
    let mut out = String::with_capacity(s.len());
    let mut prev: Option<char> = None;
    let mut chars = s.chars().peekable();
    while let Some(c) = chars.next() {
        let after_word = prev.is_some_and(|p| p.is_alphanumeric() || p == '_');
        let next = chars.peek().copied();
        match c {
            // A mention: `@` after no word character (an e-mail address is left alone).
            '@' if !after_word && next.is_some_and(|n| n.is_ascii_alphanumeric()) => {
                out.push('@');
                out.push_str(ZWSP);
            }
            '#' if !after_word && next.is_some_and(|n| n.is_ascii_digit()) => {
                out.push_str("\\#");
                out.push_str(ZWSP);
            }
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '&' | '~' | '#' | '!' => {
                out.push('\\');
                out.push(c);
            }
            '-' | '+' | '=' if prev.is_none() => {
                out.push('\\');
                out.push(c);
            }
            '\n' | '\r' => out.push(' '),
            c => out.push(c),
        }
        prev = Some(c);
    }
    // "1. text" at the start of a line would be a list item.
    if let Some(dot) = out.find(['.', ')'])
        && dot > 0
        && out[..dot].bytes().all(|b| b.is_ascii_digit())
        && out[dot + 1..].chars().next().is_none_or(char::is_whitespace)
    {
        out.insert(dot, '\\');
    }
    out
}

/// A code span that holds any text: a fence longer than the longest run of backticks in it.
fn code(s: &str) -> String {
    let s = s.replace(['\n', '\r'], " ");
    let mut longest = 0;
    let mut run = 0;
    for c in s.chars() {
        run = if c == '`' { run + 1 } else { 0 };
        longest = longest.max(run);
    }
    let fence = "`".repeat(longest + 1);
    if longest > 0 {
        format!("{fence} {s} {fence}")
    } else {
        format!("{fence}{s}{fence}")
    }
}

/// A table cell: GFM splits cells at `|` even inside code spans unless it is escaped.
fn cell(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut escaped = false;
    for c in s.chars() {
        if c == '|' && !escaped {
            out.push('\\');
        }
        escaped = c == '\\' && !escaped;
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn escape_keeps_markup_characters_literal() {
        assert_eq!(escape("a *b* <c> & d|e"), r"a \*b\* \<c\> \& d\|e");
        assert_eq!(escape("- item"), r"\- item");
        assert_eq!(escape("34. countries"), r"34\. countries");
        assert_eq!(escape("3.5 million"), "3.5 million");
    }

    #[test]
    fn escape_breaks_mentions_and_issue_references_only() {
        assert_eq!(escape("@nytimes (#42)"), r"@&#8203;nytimes (\#&#8203;42)");
        assert_eq!(escape("@org/team, cc:@a"), "@&#8203;org/team, cc:@&#8203;a");
        // Not mentions or references: an address, a word's `#`, a lone sign.
        assert_eq!(escape("desk@example.com"), "desk@example.com");
        assert_eq!(escape("C#9, # 4, @ noon"), r"C\#9, \# 4, @ noon");
    }

    #[test]
    fn code_spans_hold_backticks() {
        assert_eq!(code("a"), "`a`");
        assert_eq!(code("a`b"), "`` a`b ``");
    }

    #[test]
    fn cells_escape_pipes_once() {
        assert_eq!(cell("`a|b`"), r"`a\|b`");
        assert_eq!(cell(r"a\|b"), r"a\|b");
    }
}
