//! Odd text never panics: every check kind over generated text full of multi-byte characters,
//! quotation marks, digits, brackets and line breaks in awkward places.

use claimcheck::article::Article;
use claimcheck::{compile, engine};

const PIECES: &[&str] = &[
    "Élysée",
    "“",
    "”",
    "‘",
    "’",
    "\"",
    "'",
    "«",
    "»",
    "34",
    "1,200",
    "3.5",
    "thirty-four",
    "per cent",
    "%",
    "[1]",
    "F-35A",
    "12 March",
    "Wednesday",
    "tomorrow",
    "last week",
    "2025-03-11",
    "—",
    "–",
    "\u{00A0}",
    "\u{00AD}",
    "e\u{0301}",
    "İ",
    "ẞ",
    "…",
    "...",
    ".",
    ",",
    ";",
    ":",
    "(",
    ")",
    "\n",
    "\n\n",
    "\r\n",
    " ",
    "  ",
    "US",
    "us",
    "not",
    "n’t",
    "leaders",
    "countries",
    "Macron",
    "said",
    "Mr.",
    "U.S.",
    "Dr",
    "- ",
    "1. ",
    "日本",
    "🙂",
    "[",
    "]",
];

const CLAIMS: &str = r#"published: 2025-03-11
entities:
  Macron: [Emmanuel Macron, Élysée]
claims:
  - id: t
    claim: c
    text: thirty-four leaders
  - id: r
    claim: c
    regex: '\b\d+\b'
  - id: q
    claim: c
    quote: Élysée said … leaders
    by: Macron
  - id: n
    claim: c
    number: {min: 3, max: 40}
    near: [leaders, countr*]
  - id: d
    claim: c
    date: 2025-03-12
    near: [Macron]
  - id: a
    claim: c
    all: [US, {any: [not, leaders]}]
    negated: true
  - id: y
    claim: c
    any: [{regex: 'é.'}, Macron]
    scope: paragraph
  - id: b
    claim: c
    absent: [Élysée, '日本']
"#;

#[test]
fn generated_text_never_panics_and_spans_land_on_char_boundaries() {
    let file = compile::parse("r.yaml", CLAIMS, None).expect("the claim file loads");
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    for round in 0..300 {
        let mut text = String::new();
        for _ in 0..(20 + round % 200) {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            text.push_str(PIECES[(seed % PIECES.len() as u64) as usize]);
            if seed.is_multiple_of(3) {
                text.push(' ');
            }
        }
        let article = Article::new("gen.txt", text.clone());
        let report = engine::evaluate(&file, &article, &engine::Policy::default());
        let mut with_coverage = report.clone();
        engine::add_coverage(&mut with_coverage, &article);
        for c in &report.claims {
            for e in c.evidence.iter().chain(c.nearest.as_deref()) {
                assert!(
                    text.is_char_boundary(e.span.start) && text.is_char_boundary(e.span.end),
                    "{text:?}"
                );
                assert!(e.span.start <= e.span.end && e.span.end <= text.len());
            }
        }
    }
}
