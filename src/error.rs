//! Input errors: where (file, line, column), what is wrong, how to fix it.
//!
//! Loading collects every problem of a file before giving up, so an editor fixes them in one
//! round; the CLI prints them all and exits 2.

use std::fmt;

/// One problem with an input file.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Diagnostic {
    /// The file, as the command line named it.
    pub path: String,
    /// 1-based; 0 when the problem is the whole file (unreadable, empty).
    pub line: usize,
    /// 1-based, in characters.
    pub column: usize,
    /// What is wrong.
    pub message: String,
    /// How to fix it, with a did-you-mean where one fits.
    pub help: Option<String>,
    /// The source line, to show under the message.
    pub snippet: Option<String>,
}

impl Diagnostic {
    /// A problem at `line:column` of `path` (1-based; 0 for the whole file).
    pub fn new(path: &str, line: usize, column: usize, message: impl Into<String>) -> Diagnostic {
        Diagnostic {
            path: path.to_string(),
            line,
            column,
            message: message.into(),
            help: None,
            snippet: None,
        }
    }

    /// A problem with the whole file.
    pub fn file(path: &str, message: impl Into<String>) -> Diagnostic {
        Diagnostic::new(path, 0, 0, message)
    }

    /// Adds how to fix it.
    pub fn help(mut self, help: impl Into<String>) -> Diagnostic {
        self.help = Some(help.into());
        self
    }

    /// Adds how to fix it, when there is a way.
    pub(crate) fn help_opt(mut self, help: Option<String>) -> Diagnostic {
        self.help = help;
        self
    }

    /// Attaches the source line the position points at.
    pub(crate) fn with_source(mut self, source: &str) -> Diagnostic {
        if self.line > 0 {
            self.snippet = yaml_lines(source).nth(self.line - 1).map(|l| l.trim_end().to_string());
        }
        self
    }
}

impl fmt::Display for Diagnostic {
    /// `path:line:column: error: message`, then the source line with a caret, then help.
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        if self.line == 0 {
            writeln!(f, "{}: error: {}", self.path, self.message)?;
        } else {
            writeln!(
                f,
                "{}:{}:{}: error: {}",
                self.path, self.line, self.column, self.message
            )?;
        }
        if let Some(snippet) = &self.snippet {
            let gutter = self.line.to_string();
            let pad = " ".repeat(gutter.len());
            writeln!(f, "{pad} |")?;
            writeln!(f, "{gutter} | {snippet}")?;
            let indent: String = snippet
                .chars()
                .take(self.column.saturating_sub(1))
                .map(|c| if c == '\t' { '\t' } else { ' ' })
                .collect();
            writeln!(f, "{pad} | {indent}^")?;
        }
        if let Some(help) = &self.help {
            writeln!(f, "  = help: {help}")?;
        }
        Ok(())
    }
}

/// The closest candidate to a misspelt word, if one is close enough to suggest.
/// Lines as YAML (and editors) count them: a lone carriage return ends a line too, so the
/// line shown is the one the parser's position points at (found by fuzzing `fuzz/`: a lone
/// CR put the position past the last `\n`-line and the snippet went missing).
fn yaml_lines(source: &str) -> impl Iterator<Item = &str> {
    source
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
}

pub(crate) fn did_you_mean<'a>(word: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = word.to_lowercase();
    candidates
        .into_iter()
        .map(|c| (levenshtein(&lower, &c.to_lowercase()), c))
        .filter(|&(d, c)| d <= (c.chars().count().max(word.chars().count()).div_ceil(3)).max(1))
        .min_by_key(|&(d, c)| (d, c))
        .map(|(_, c)| c)
}

/// Edit distance where swapping two neighbours is one edit ("nera" -> "near").
fn levenshtein(a: &str, b: &str) -> usize {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    let mut d = vec![vec![0usize; b.len() + 1]; a.len() + 1];
    for (i, row) in d.iter_mut().enumerate() {
        row[0] = i;
    }
    for (j, cell) in d[0].iter_mut().enumerate() {
        *cell = j;
    }
    for i in 1..=a.len() {
        for j in 1..=b.len() {
            let cost = usize::from(a[i - 1] != b[j - 1]);
            d[i][j] = (d[i - 1][j - 1] + cost).min(d[i - 1][j] + 1).min(d[i][j - 1] + 1);
            if i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1] {
                d[i][j] = d[i][j].min(d[i - 2][j - 2] + 1);
            }
        }
    }
    d[a.len()][b.len()]
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Found by fuzzing: with a lone carriage return in a claim file the parser's line was
    /// past the last `\n`-line, and the error had no snippet (or the wrong one).
    #[test]
    fn a_lone_carriage_return_ends_a_line_as_yaml_counts_them() {
        let d = Diagnostic::new("c.yaml", 3, 1, "x").with_source("a: 1\rb: 2\r\nc: 3\n");
        assert_eq!(d.snippet.as_deref(), Some("c: 3"));
        let source = "claims:\r  - id: a\r    claim: x\r    txt: y\r";
        let errors = crate::claims::parse("c.yaml", source, None).unwrap_err();
        let e = errors
            .iter()
            .find(|e| e.message.contains("txt"))
            .expect("the unknown key");
        assert_eq!((e.line, e.snippet.as_deref()), (4, Some("    txt: y")), "{e:?}");
    }

    #[test]
    fn suggests_the_nearest_key() {
        let keys = ["near", "number", "negated", "within"];
        assert_eq!(did_you_mean("nera", keys), Some("near"));
        assert_eq!(did_you_mean("withn", keys), Some("within"));
        assert_eq!(did_you_mean("colour", keys), None);
    }

    #[test]
    fn renders_location_snippet_and_help() {
        let d = Diagnostic::new("claims/a.yaml", 2, 5, "unknown key `nera`")
            .help("did you mean `near`?")
            .with_source("claims:\n    nera: [x]\n");
        assert_eq!(
            d.to_string(),
            "claims/a.yaml:2:5: error: unknown key `nera`\n  |\n2 |     nera: [x]\n  |     ^\n  = help: did you mean `near`?\n"
        );
    }
}
