//! What the fuzz targets share: a valid claim file built from the fuzzer's bytes, and the
//! invariants every report must keep, each checked against its own definition here (not
//! the library's code that it tests).

use std::ops::Range;
use std::sync::OnceLock;

use arbitrary::{Arbitrary, Unstructured};
use claimcheck::article::Article;
use claimcheck::compile::CompiledFile;
use claimcheck::engine::{self, Limits, Policy};
use claimcheck::report::{Evidence, FileReport, Span};

/// Words the generated claims pick from when the article has too few of its own: news words
/// the checks treat specially (negation cues, speech verbs, numbers, dates).
const WORDS: &[&str] = &[
    "Italy",
    "observer",
    "United States",
    "declined",
    "not",
    "said",
    "Macron",
    "34",
    "countries",
    "million",
    "Tuesday",
    "12 March 2025",
    "troops",
    "per cent",
    "half",
    "Élysée",
    "lakh",
    "ago",
    "meeting",
    "US",
    "E5",
    "no",
    "Sept. 10",
];

/// One generated claim: its check kind and what it is made of, all indices into the words.
#[derive(Debug, Arbitrary)]
pub struct ClaimSpec {
    kind: u8,
    terms: Vec<u16>,
    negated: bool,
    scope: u8,
    case_sensitive: bool,
    warning: bool,
    min: Option<i32>,
    max: Option<i32>,
    day: (u8, u8, u8),
    by: Option<u16>,
    within: Option<u8>,
}

/// A claim file and an article, both from the fuzzer's bytes.
#[derive(Debug)]
pub struct Case {
    /// A valid claim file (YAML).
    pub yaml: String,
    /// The article's text.
    pub article: String,
}

/// The article's words (at most 64 of them) and the fixed ones: what terms are made of.
fn vocabulary(article: &str) -> Vec<String> {
    let mut words: Vec<String> = article
        .split(|c: char| c.is_whitespace() || matches!(c, ',' | '.' | ';' | ':' | '(' | ')'))
        .filter(|w| !w.is_empty() && w.chars().any(char::is_alphanumeric))
        .take(64)
        .map(str::to_string)
        .collect();
    words.extend(WORDS.iter().map(|w| w.to_string()));
    words
}

/// A YAML double-quoted scalar: JSON's escaping is valid YAML.
fn quoted(s: &str) -> String {
    let json = serde_json::to_string(s).expect("a string serializes");
    // JSON escapes only what is under U+0020; YAML also refuses DEL, the C1 controls but
    // NEL, and U+FFFE/U+FFFF written as they are.
    let printable = |c: char| !matches!(c, '\u{7f}'..='\u{84}' | '\u{86}'..='\u{9f}' | '\u{fffe}' | '\u{ffff}');
    json.chars()
        .map(|c| match printable(c) {
            true => c.to_string(),
            false => format!("\\u{:04x}", c as u32),
        })
        .collect()
}

impl Case {
    /// Builds a case: the article is the rest of the bytes after the claims' specs.
    pub fn new(mut u: Unstructured) -> arbitrary::Result<Case> {
        let specs: Vec<ClaimSpec> = (0..u.int_in_range(1..=6)?)
            .map(|_| ClaimSpec::arbitrary(&mut u))
            .collect::<arbitrary::Result<_>>()?;
        let published: Option<(u8, u8)> = Arbitrary::arbitrary(&mut u)?;
        let mdy: bool = Arbitrary::arbitrary(&mut u)?;
        let article = String::from_utf8_lossy(u.take_rest()).into_owned();
        let words = vocabulary(&article);
        let mut yaml = String::new();
        if let Some((m, d)) = published {
            yaml += &format!("published: 2025-{:02}-{:02}\n", m % 12 + 1, d % 28 + 1);
        }
        if mdy {
            yaml += "date-order: mdy\n";
        }
        yaml += "claims:\n";
        for (i, s) in specs.iter().enumerate() {
            yaml += &s.yaml(i, &words);
        }
        Ok(Case { yaml, article })
    }
}

impl ClaimSpec {
    fn term(&self, words: &[String], i: usize) -> String {
        let pick = self.terms.get(i).copied().unwrap_or(i as u16) as usize;
        words[pick % words.len()].clone()
    }

    fn terms(&self, words: &[String]) -> String {
        let n = self.terms.len().clamp(1, 4);
        let all: Vec<String> = (0..n).map(|i| quoted(&self.term(words, i))).collect();
        format!("[{}]", all.join(", "))
    }

    /// The claim as YAML: every check kind, with the modifiers that apply to it.
    fn yaml(&self, i: usize, words: &[String]) -> String {
        let mut out = format!("  - id: c{i}\n    claim: generated claim {i}\n");
        let range = || match (self.min, self.max) {
            (Some(a), Some(b)) => format!("{{min: {}, max: {}}}", a.min(b), a.max(b)),
            (Some(a), None) => format!("{{min: {a}}}"),
            (None, Some(b)) => format!("{{max: {b}}}"),
            (None, None) => "34".to_string(),
        };
        let (y, m, d) = self.day;
        let day = format!("{}-{:02}-{:02}", 2020 + u16::from(y % 10), m % 12 + 1, d % 28 + 1);
        let kind = self.kind % 8;
        out += &match kind {
            0 => format!("    text: {}\n", quoted(&self.term(words, 0))),
            1 => format!("    regex: {}\n", quoted(&regex_of(&self.term(words, 0)))),
            2 => format!("    quote: {}\n", quoted(&self.term(words, 0))),
            3 => format!("    number: {}\n    near: {}\n", range(), self.terms(words)),
            4 => format!("    date: {day}\n    near: {}\n", self.terms(words)),
            5 => format!("    all: {}\n", self.terms(words)),
            6 => format!("    any: {}\n", self.terms(words)),
            _ => format!("    absent: {}\n", self.terms(words)),
        };
        if let (2, Some(by)) = (kind, self.by) {
            out += &format!("    by: {}\n", quoted(&words[by as usize % words.len()]));
        }
        if let (3 | 4, Some(w)) = (kind, self.within) {
            out += &format!("    within: {}\n", w % 20 + 1);
        }
        if matches!(kind, 5 | 6) {
            out += &format!("    negated: {}\n", self.negated);
            let scope = ["sentence", "paragraph", "article"][self.scope as usize % 3];
            out += &format!("    scope: {scope}\n");
        }
        if self.case_sensitive && matches!(kind, 0 | 5 | 6 | 7) {
            out += "    case: sensitive\n";
        }
        if self.warning {
            out += "    severity: warning\n";
        }
        out
    }
}

/// A regex that matches the word as written (its metacharacters escaped), so regex claims
/// find something.
fn regex_of(word: &str) -> String {
    let mut out = String::new();
    for c in word.chars() {
        if "\\.+*?()|[]{}^$#&-~".contains(c) {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// The definition of evidence text: the source as written, white-space runs one space,
/// soft hyphens and byte order marks dropped.
pub fn as_written(s: &str) -> String {
    let mut out = String::new();
    let mut in_space = false;
    for c in s.chars() {
        if c == '\u{00AD}' || c == '\u{FEFF}' {
            continue;
        }
        if c.is_whitespace() {
            if !in_space {
                out.push(' ');
            }
            in_space = true;
        } else {
            out.push(c);
            in_space = false;
        }
    }
    out
}

/// Line and column (from 1, columns in characters, leading byte order marks not counted)
/// of a source offset, by definition.
pub fn position(source: &str, at: usize) -> (usize, usize) {
    let before = &source[..at];
    let line_start = before.rfind('\n').map_or(0, |i| i + 1);
    let mut prefix = &before[line_start..];
    if line_start == 0 {
        prefix = prefix.trim_start_matches('\u{FEFF}');
    }
    (before.matches('\n').count() + 1, prefix.chars().count() + 1)
}

/// A span is inside the source, on character boundaries, its text is the source's at its
/// range as written, and its line and column are those of its offsets.
pub fn check_span(source: &str, s: &Span, what: &str) {
    assert!(
        s.start <= s.end && s.end <= source.len(),
        "{what}: {}..{} out of the source",
        s.start,
        s.end
    );
    assert!(
        source.is_char_boundary(s.start) && source.is_char_boundary(s.end),
        "{what}: {}..{} not on character boundaries",
        s.start,
        s.end
    );
    assert_eq!(
        s.text,
        as_written(&source[s.start..s.end]),
        "{what}: text is not the source's at its range"
    );
    assert_eq!((s.line, s.column), position(source, s.start), "{what}: start position");
    assert_eq!(
        (s.end_line, s.end_column),
        position(source, s.end),
        "{what}: end position"
    );
}

fn check_evidence(source: &str, e: &Evidence, what: &str) {
    check_span(source, &e.span, what);
    for m in &e.marks {
        check_span(source, m, what);
        assert!(
            e.span.start <= m.start && m.end <= e.span.end,
            "{what}: a mark outside its evidence"
        );
    }
    for m in &e.sentence_marks {
        assert!(
            m.start <= m.end && m.end <= e.sentence.len(),
            "{what}: a sentence mark outside the sentence"
        );
        assert!(
            e.sentence.is_char_boundary(m.start) && e.sentence.is_char_boundary(m.end),
            "{what}: a sentence mark not on character boundaries"
        );
    }
}

/// Every piece of evidence (kept and nearest) keeps the span invariants.
pub fn check_report(source: &str, report: &FileReport) {
    for c in &report.claims {
        for e in &c.evidence {
            check_evidence(source, e, &c.id);
        }
        if let Some(e) = &c.nearest {
            check_evidence(source, e, &c.id);
        }
        assert!(
            c.evidence.len() <= c.evidence_count,
            "{}: more evidence kept than counted",
            c.id
        );
    }
}

/// Checks an article with a claim file in a rayon pool of `threads` threads. The fuzz
/// build (`cfg(fuzzing)`) indexes and searches every article in parallel parts, so one
/// thread and four cut it differently.
pub fn check_in_pool(file: &CompiledFile, path: &str, article: &str, threads: usize) -> FileReport {
    // One pool of each size for the whole run: a pool per input spawned threads per input
    // (a thread's exit leaves thread-local allocations LeakSanitizer reports).
    static POOLS: OnceLock<[rayon::ThreadPool; 2]> = OnceLock::new();
    let pools = POOLS.get_or_init(|| {
        [1, 4].map(|n| {
            rayon::ThreadPoolBuilder::new()
                .num_threads(n)
                .build()
                .expect("a thread pool")
        })
    });
    let pool = &pools[usize::from(threads > 1)];
    pool.install(|| {
        let article = Article::new(path, article.to_string());
        let limits = Limits {
            article_source: true,
            ..Limits::default()
        };
        let report = engine::evaluate_with(file, &article, &Policy::default(), &limits);
        check_article(&article);
        report
    })
}

/// The article's index: sentences and paragraphs in the normalized text, each mapped back
/// to a source range on character boundaries, in order.
pub fn check_article(article: &Article) {
    let text = &article.text;
    let mut last = 0;
    for s in article.sentences() {
        let r = &s.range;
        assert!(
            r.start <= r.end && r.end <= text.len(),
            "sentence {r:?} outside the text"
        );
        assert!(
            text.is_char_boundary(r.start) && text.is_char_boundary(r.end),
            "sentence {r:?} off boundaries"
        );
        assert!(r.start >= last, "sentences out of order");
        last = r.end;
        check_source_range(article, r);
    }
}

/// A normalized range maps to a source range inside the source, on character boundaries.
pub fn check_source_range(article: &Article, r: &Range<usize>) -> Range<usize> {
    let src = article.source_range(r);
    let source = &article.source;
    assert!(
        src.start <= src.end && src.end <= source.len(),
        "{r:?} maps to {src:?}, outside the source"
    );
    assert!(
        source.is_char_boundary(src.start) && source.is_char_boundary(src.end),
        "{r:?} maps to {src:?}, off character boundaries"
    );
    src
}
