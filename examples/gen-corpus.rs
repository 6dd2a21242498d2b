//! Generates the benchmark corpus: news-like English with numbers, dates, quotations, names
//! and some non-ASCII text (é, ü, curly quotes, dashes), and claim files to check against it.
//!
//! ```sh
//! cargo run --release --example gen-corpus [-- OUT_DIR [--articles N] [--big-mb M] [--dense-mb D]]
//! ```
//!
//! Everything is a function of a fixed seed, so two runs write the same bytes. OUT_DIR
//! (default `target/bench-corpus`) receives:
//!
//! - `articles/NNNN/article-NNNNN.txt`: N articles (default 2,000) of about 5 KB, in folders
//!   of 100 (so `--articles` is exercised recursively);
//! - `one.txt`: one 5 KB article; `big.txt`: one file of M MB (default 50);
//! - `mixed-{10,100,200,1000}.yaml`: claims mixing every check key (see [`MIXED`]), and
//!   their terms, quoted words, exact numbers and days as regexes for ripgrep in `mixed-N.rg`;
//! - `absent-{200,1000}.yaml`: `absent` claims whose `{regex}` terms use `\b`, with the same
//!   regexes for ripgrep in `absent-N.rg` (as written) and `absent-N-ascii.rg` (`(?-u:\b)`);
//! - `dense.txt` (D MB, default 10) and `dense-200.yaml`: the hit-dense case, typeset news
//!   where most lines match one of 200 rules with alternations, character classes, counted
//!   repetitions and quotation spans (`“[^”]{0,300}…”`); `dense-200.rg`, `dense-200-ascii.rg`.
//!
//! Claim files name no article: the benchmark passes `--article` / `--articles`.

use std::fmt::Write as _;
use std::fs;
use std::path::{Path, PathBuf};

/// splitmix64: small, fast and the same everywhere.
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }
    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }
    fn pick<'a, T>(&mut self, xs: &'a [T]) -> &'a T {
        &xs[self.below(xs.len())]
    }
    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }
}

const SYLLABLES: &[&str] = &[
    "val", "dor", "ka", "mes", "tor", "bel", "qui", "san", "rho", "zen", "mar", "tel", "gu", "os", "ni", "ber", "lin",
    "sta", "vo", "ra", "che", "mu", "le", "ska", "dra", "po", "len", "tru", "fa", "gor",
];

/// A made-up proper name from syllables: index `i` always gives the same name.
fn name(i: usize) -> String {
    let mut n = i + 7;
    let mut s = String::new();
    let parts = 2 + (i % 2);
    for _ in 0..parts {
        s.push_str(SYLLABLES[n % SYLLABLES.len()]);
        n /= SYLLABLES.len();
        n = n.wrapping_mul(31).wrapping_add(i) % 100_003;
    }
    capitalize(&s)
}

/// Names the articles use; claims draw from a larger pool, so most regex claims find nothing.
const NAMES_IN_TEXT: usize = 400;
const NAMES_IN_CLAIMS: usize = 3000;

const COUNTRIES: &[&str] = &[
    "France",
    "Germany",
    "Italy",
    "Poland",
    "Turkiye",
    "Spain",
    "Sweden",
    "Norway",
    "Finland",
    "Denmark",
    "Estonia",
    "Latvia",
    "Lithuania",
    "Romania",
    "Portugal",
    "Belgium",
    "Austria",
    "Czechia",
    "Greece",
    "Ukraine",
];
const ORGS: &[&str] = &[
    "NATO",
    "United Nations",
    "European Commission",
    "Elysee",
    "Bundestag",
    "OSCE",
];
const NOUNS: &[&str] = &[
    "countries",
    "soldiers",
    "ministers",
    "tanks",
    "drones",
    "delegates",
    "observers",
    "envoys",
    "officers",
    "brigades",
    "engineers",
    "aircraft",
    "ships",
    "convoys",
    "trainers",
];
const ROLES: &[&str] = &[
    "defence minister",
    "chief of staff",
    "foreign minister",
    "spokeswoman",
    "envoy",
    "president",
];
const VERBS: &[&str] = &["said", "told reporters", "added", "insisted", "warned", "confirmed"];
const MONTHS: &[&str] = &[
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];
const NUMBER_WORDS: &[&str] = &["three", "twelve", "thirty-four", "forty", "two hundred"];
const QUOTES: &[&str] = &[
    "a first stone on these guarantees of security",
    "we will not be separated from our allies",
    "the coalition is ready to act",
    "nobody wants a frozen conflict",
    "this is a decisive moment for Europe",
    "the talks went better than expected",
];

fn number(r: &mut Rng) -> String {
    match r.below(7) {
        0 => format!("{}", 2 + r.below(60)),
        1 => format!("{},{:03}", 1 + r.below(9), r.below(1000)),
        2 => format!("{}.{}", 1 + r.below(9), r.below(10)),
        3 => format!("{} thousand", 100 * (1 + r.below(9))),
        4 => format!("{}.{} million", 1 + r.below(4), r.below(10)),
        5 => r.pick(NUMBER_WORDS).to_string(),
        _ => format!("{}%", 1 + r.below(99)),
    }
}

fn date(r: &mut Rng) -> String {
    let (d, m, y) = (1 + r.below(28), r.below(12), 2023 + r.below(3));
    match r.below(3) {
        0 => format!("{d} {} {y}", MONTHS[m]),
        1 => format!("{} {d}, {y}", MONTHS[m]),
        _ => format!("{y}-{:02}-{d:02}", m + 1),
    }
}

fn place(r: &mut Rng) -> String {
    if r.chance(50) {
        r.pick(COUNTRIES).to_string()
    } else {
        name(r.below(NAMES_IN_TEXT))
    }
}

fn person(r: &mut Rng) -> String {
    format!(
        "{} {}",
        name(r.below(NAMES_IN_TEXT)),
        name(NAMES_IN_TEXT + r.below(NAMES_IN_TEXT))
    )
}

fn sentence(r: &mut Rng) -> String {
    match r.below(9) {
        0 => format!(
            "{} {} on {} that {} {} would be sent to {}.",
            person(r),
            r.pick(VERBS),
            date(r),
            number(r),
            r.pick(NOUNS),
            place(r)
        ),
        1 => format!(
            "\"{},\" {} {}, the {} of {}.",
            capitalize(QUOTES[r.below(QUOTES.len())]),
            r.pick(VERBS),
            person(r),
            r.pick(ROLES),
            place(r)
        ),
        2 => format!(
            "The {} did not confirm the figure of {} {}, but officials in {} spoke of progress.",
            r.pick(ORGS),
            number(r),
            r.pick(NOUNS),
            place(r)
        ),
        3 => format!(
            "According to the {} ministry, {} of the {} were ready - a record since {}.",
            place(r),
            number(r),
            r.pick(NOUNS),
            date(r)
        ),
        4 => format!(
            "Army chiefs of {} {} met in {} behind closed doors, without {}.",
            number(r),
            r.pick(NOUNS),
            place(r),
            place(r)
        ),
        5 => format!(
            "{}'s {} arrived on {} with {} {}; the delegation of {} was absent.",
            place(r),
            r.pick(ROLES),
            date(r),
            number(r),
            r.pick(NOUNS),
            place(r)
        ),
        6 => format!(
            "Mr. {} of the {} -- who chairs the talks in Zurich -- expects {} {} by {}.",
            name(r.below(NAMES_IN_TEXT)),
            r.pick(ORGS),
            number(r),
            r.pick(NOUNS),
            date(r)
        ),
        7 => format!(
            "The {} of {} and {} discussed the guarantees of security for {} hours.",
            r.pick(ROLES),
            place(r),
            place(r),
            number(r)
        ),
        _ => format!(
            "Italy was there only as an observer, while {} sent {} {} and {} declined.",
            place(r),
            number(r),
            r.pick(NOUNS),
            place(r)
        ),
    }
}

fn capitalize(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_uppercase().collect::<String>() + c.as_str(),
        None => String::new(),
    }
}

/// The typography of a minority of articles: curly quotes, dashes, accents. Non-ASCII text
/// is what makes Unicode `\b` slow for regex engines, so the corpus has some, not everywhere.
fn fancy(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + s.len() / 50);
    let mut open = true;
    for c in s.chars() {
        if c == '"' {
            out.push(if open { '\u{201C}' } else { '\u{201D}' });
            open = !open;
        } else {
            out.push(c);
        }
    }
    out.replace("'s", "\u{2019}s")
        .replace(" -- ", " \u{2014} ")
        .replace(" - ", " \u{2013} ")
        .replace("Zurich", "Z\u{fc}rich")
        .replace("Elysee", "\u{c9}lys\u{e9}e")
        .replace("Turkiye", "T\u{fc}rkiye")
        .replace("che", "ch\u{e9}")
}

/// One article of about `target` bytes: a dateline, a headline, paragraphs and headings.
fn article(r: &mut Rng, target: usize, dateline: bool) -> String {
    // One article in 25 is typeset with non-ASCII punctuation and accents.
    let typeset = r.chance(4);
    let mut s = String::new();
    if dateline {
        let _ = writeln!(s, "   date 2025-{:02}-{:02}\n", 1 + r.below(12), 1 + r.below(28));
    }
    let _ = writeln!(s, "The talks in {} and the future of {}\n", place(r), place(r));
    while s.len() < target {
        if r.chance(15) {
            let _ = writeln!(s, "The question of {}\n", place(r));
        }
        let n = 2 + r.below(4);
        let mut line_len = 0;
        for i in 0..n {
            let sent = sentence(r);
            // Some paragraphs wrap their lines, as copy pasted from a CMS does.
            if i > 0 {
                if line_len > 120 && r.chance(40) {
                    s.push('\n');
                    line_len = 0;
                } else {
                    s.push(' ');
                }
            }
            line_len += sent.len();
            s.push_str(&sent);
        }
        s.push_str("\n\n");
    }
    if typeset { fancy(&s) } else { s }
}

/// Claim templates for the mixed files: one function per line, `id` given. The terms and
/// values come from what [`sentence`] writes, so across the corpus every kind is supported
/// somewhere, refuted elsewhere and not found in between. The first eight use one check key
/// each, so even `mixed-10` has every key; the rest add the modifiers.
type Template = fn(&mut Rng) -> String;
const MIXED: &[Template] = &[
    |r| format!("text: behind closed doors, without {}", place(r)),
    |r| format!("regex: '\\b\\d+ {}\\b'", r.pick(NOUNS)),
    |r| format!("quote: {}", r.pick(QUOTES)),
    // Nearly every sentence pairs a noun with a number, rarely this one: mostly refuted.
    |r| format!("number: {}\n    near: [{}]", 2 + r.below(60), r.pick(NOUNS)),
    // Without `near` every date counts: supported only where that day is written.
    |r| format!("date: {}", day(r)),
    |r| format!("all: [{}, {}]", place(r), r.pick(NOUNS)),
    |r| {
        format!(
            "any: [{}, {}]",
            name(r.below(NAMES_IN_CLAIMS)),
            name(r.below(NAMES_IN_CLAIMS))
        )
    },
    |r| format!("absent: [{}]", name(NAMES_IN_TEXT + r.below(NAMES_IN_CLAIMS))),
    |r| {
        format!(
            "text: the guarantees of security for {}",
            name(NAMES_IN_TEXT + r.below(NAMES_IN_CLAIMS))
        )
    },
    |r| format!("text: according to the {} ministery", place(r)),
    |r| format!("regex: '\\b{}\\b'", name(r.below(NAMES_IN_CLAIMS))),
    |r| format!("all: [{}, absent]\n    negated: true", place(r)),
    |r| format!("all: [Italy, observer, {}]\n    scope: paragraph", place(r)),
    |r| format!("absent: [{{regex: '{}'}}]", absent_regex(r)),
    |r| format!("text: {}", r.pick(QUOTES)),
    // Quotes are said by "PERSON, the ROLE of PLACE": another role leaves PERSON (refuted).
    |r| format!("quote: {}\n    by: {}", r.pick(QUOTES), r.pick(ROLES)),
    // One word off: a near miss inside a quotation (refuted, diffed).
    |r| format!("quote: {}", r.pick(QUOTE_MISSES)),
    // Also written outside quotation marks ("discussed the guarantees of security").
    |_| "quote: guarantees of security".to_string(),
    |r| {
        let words: Vec<&str> = r.pick(QUOTES).split(' ').collect();
        format!(
            "quote: {} \u{2026} {}\n    by: {}",
            words[..2].join(" "),
            words[words.len() - 2..].join(" "),
            name(r.below(NAMES_IN_TEXT))
        )
    },
    |r| {
        let min = 2 + r.below(40);
        format!(
            "number: {{min: {min}, max: {}}}\n    near: [Army chiefs]\n    within: 3",
            min + 5 + r.below(20)
        )
    },
    // "800 thousand", "1,200": values as copy writes them, read against a range.
    |r| {
        format!(
            "number: {{min: {}}}\n    near: [{} ministry]",
            1000 * (1 + r.below(500)),
            place(r)
        )
    },
    |r| {
        format!(
            "number: {{max: {}}}\n    near: [{{any: [hours, {}*]}}]\n    within: 2",
            5 + r.below(50),
            &r.pick(NOUNS)[..4]
        )
    },
    |r| format!("date: {}\n    near: [record since]\n    within: 2", day(r)),
    |r| {
        format!(
            "date: {}\n    near: [{}]\n    within: 8",
            day(r),
            name(r.below(NAMES_IN_TEXT))
        )
    },
    // Exact case, and typeset articles accent "Elysee": a near miss there.
    |r| format!("text: {} did not confirm the figure\n    case: sensitive", r.pick(ORGS)),
    |r| {
        format!(
            "any: [{{regex: '\\bMr\\. {}\\b'}}, {{any: [{}, {}]}}]\n    scope: sentence\n    severity: warning",
            name(r.below(NAMES_IN_CLAIMS)),
            place(r),
            place(r)
        )
    },
    |r| {
        format!(
            "all: [{}, {}]\n    scope: article\n    case: sensitive",
            r.pick(ORGS),
            r.pick(NOUNS)
        )
    },
    |r| format!("regex: '\\b{} were ready\\b'\n    scope: sentence", r.pick(NOUNS)),
    |r| format!("absent: {}\n    scope: sentence", place(r)),
    // A standing audit file is mostly figures, dates and quotes about someone or something
    // named: most of its claims find their terms in few articles (names from the claims'
    // larger pool), the rest in many. Without these the file held 14% numbers, 10% dates.
    |r| format!("number: {}\n    near: [{}]", 2 + r.below(60), someone(r)),
    |r| {
        format!(
            "number: {}\n    near: [{}, {}]\n    within: 8",
            2 + r.below(60),
            someone(r),
            r.pick(NOUNS)
        )
    },
    |r| {
        let min = 100 * (1 + r.below(9));
        format!("number: {{min: {min}, max: {}}}\n    near: [{}]", min * 2, someone(r))
    },
    |r| format!("number: {}\n    near: [{}]", 2 + r.below(60), r.pick(NOUNS)),
    |r| format!("number: {}\n    near: [{} ministry]", 1 + r.below(99), place(r)),
    |r| {
        format!(
            "number: {{max: {}}}\n    near: [{}]\n    within: 4",
            5 + r.below(50),
            someone(r)
        )
    },
    |r| format!("date: {}\n    near: [{}]", day(r), someone(r)),
    |r| format!("date: {}\n    near: [{}]\n    within: 10", day(r), r.pick(ORGS)),
    |r| format!("date: {}\n    near: [{}, arrived]", day(r), someone(r)),
    |r| format!("date: {}\n    near: [{}]", day(r), place(r)),
    |r| format!("date: {}", day(r)),
    |r| format!("date: {}\n    near: [{}]\n    within: 6", day(r), someone(r)),
    |r| format!("quote: {}\n    by: {}", r.pick(QUOTES), someone(r)),
    |r| format!("quote: {}\n    by: {}", r.pick(QUOTE_MISSES), someone(r)),
    |r| format!("quote: {} {}", r.pick(QUOTES), r.pick(VERBS)),
    |r| format!("quote: {}\n    by: {}", r.pick(QUOTES), r.pick(ROLES)),
];

/// Someone a standing claim names: a name the articles use one time in five, else one from
/// the claims' pool, which most articles never mention.
fn someone(r: &mut Rng) -> String {
    match r.chance(20) {
        true => name(r.below(NAMES_IN_TEXT)),
        false => name(NAMES_IN_TEXT + r.below(NAMES_IN_CLAIMS)),
    }
}

/// [`QUOTES`] with one word changed: near misses of the quotations the articles hold.
const QUOTE_MISSES: &[&str] = &[
    "a first stone on those guarantees of security",
    "we will never be separated from our allies",
    "the coalition is ready to react",
    "nobody wants a frozen conflicts",
    "this is a decisive moment in Europe",
    "the talks went better than we expected",
];

/// A day as the claim format writes it, from the same range as [`date`].
fn day(r: &mut Rng) -> String {
    format!("{}-{:02}-{:02}", 2023 + r.below(3), 1 + r.below(12), 1 + r.below(28))
}

fn mixed(n: usize, seed: u64) -> String {
    let mut r = Rng(seed);
    let mut s = String::from("# Generated by examples/gen-corpus.rs: claims mixing every check key.\nclaims:\n");
    for i in 0..n {
        let body = MIXED[i % MIXED.len()](&mut r);
        let _ = writeln!(s, "  - id: c{i:04}\n    claim: generated claim {i}\n    {body}\n");
    }
    s
}

/// An existence regex that uses `\b`: names, organisations, "N countries", quoted phrases.
fn absent_regex(r: &mut Rng) -> String {
    match r.below(5) {
        0 | 1 => format!("\\b{}\\b", name(r.below(NAMES_IN_CLAIMS))),
        2 => format!(
            "\\b(?:{}|{}) (?:Institute|Council|Agency)\\b",
            name(r.below(NAMES_IN_CLAIMS)),
            name(r.below(NAMES_IN_CLAIMS))
        ),
        3 => format!("\\b{}\\d{{2}} {}\\b", 1 + r.below(9), r.pick(NOUNS)),
        _ => format!(
            "[\"\u{201C}]{} {}\\b",
            capitalize(QUOTES[r.below(QUOTES.len())]),
            name(r.below(NAMES_IN_CLAIMS)).to_lowercase()
        ),
    }
}

/// A rule of the hit-dense benchmark: the shapes a standing house-style file uses, with
/// alternations, character classes, counted repetitions and quotation spans, built from what
/// [`sentence`] writes so that most lines of `dense.txt` match one.
fn dense_regex(r: &mut Rng) -> String {
    let names = |r: &mut Rng| {
        let v: Vec<String> = (0..3).map(|_| name(r.below(NAMES_IN_TEXT))).collect();
        v.join("|")
    };
    let word = |r: &mut Rng| {
        let words: Vec<&str> = r.pick(QUOTES).split(' ').filter(|w| w.len() > 4).collect();
        words[r.below(words.len())].to_string()
    };
    match r.below(10) {
        0 => format!(
            "\u{201C}[^\u{201D}]{{0,300}}\\b{}\\b[^\u{201D}]{{0,300}}\u{201D}",
            word(r)
        ),
        1 => format!("\\b(?:{}) (?:said|added|warned|insisted|confirmed)\\b", names(r)),
        2 => format!("\\b\\d{{1,3}}(?:,\\d{{3}})+ (?:{}|{})\\b", r.pick(NOUNS), r.pick(NOUNS)),
        3 => format!(
            "\\b(?:{}|{}) \\d{{1,2}}, 20[0-9]{{2}}\\b",
            r.pick(MONTHS),
            r.pick(MONTHS)
        ),
        4 => format!("\\b[A-Z][a-z]+ [A-Z][a-z]+, the {} of\\b", r.pick(ROLES)),
        5 => format!("\\b[0-9]{{1,2}}(?:\\.[0-9])? (?:million|thousand) {}\\b", r.pick(NOUNS)),
        6 => format!("\\bThe (?:{}|{}) did not confirm\\b", r.pick(ORGS), r.pick(ORGS)),
        7 => format!(
            "\\b(?:{}|{}) sent [0-9a-z,. -]{{1,20}} {}\\b",
            r.pick(COUNTRIES),
            r.pick(COUNTRIES),
            r.pick(NOUNS)
        ),
        8 => {
            let opening: Vec<&str> = r.pick(QUOTES).split(' ').take(2).collect();
            format!(
                "[\u{201C}\"]{}[^\u{201D}\"]{{0,80}}[\u{201D}\"]",
                capitalize(&opening.join(" "))
            )
        }
        _ => format!(
            "\\b(?:{}) (?:of|in) (?:the )?(?:{}|{})\\b",
            r.pick(ROLES),
            names(r),
            r.pick(COUNTRIES)
        ),
    }
}

/// `absent` claims of `n` regexes made by `rule`, and the regexes for ripgrep.
fn absent_of(n: usize, seed: u64, what: &str, rule: fn(&mut Rng) -> String) -> (String, Vec<String>) {
    let mut r = Rng(seed);
    let mut s = format!("# Generated by examples/gen-corpus.rs: {what}.\nclaims:\n");
    let mut regexes = Vec::new();
    for i in 0..n {
        let re = rule(&mut r);
        let _ = writeln!(
            s,
            "  - id: a{i:04}\n    claim: never print pattern {i}\n    absent: [{{regex: '{re}'}}]\n"
        );
        regexes.push(re);
    }
    (s, regexes)
}

fn absent(n: usize, seed: u64) -> (String, Vec<String>) {
    absent_of(n, seed, "`absent` claims with \\b regexes", absent_regex)
}

/// `NAME.yaml`, and its regexes for ripgrep: `NAME.rg` as written, `NAME-ascii.rg` with
/// ASCII word boundaries (`(?-u:\b)`, ripgrep's fast path).
fn write_rules(out: &Path, name: &str, yaml: &str, regexes: &[String]) {
    write(&out.join(format!("{name}.yaml")), yaml);
    write(&out.join(format!("{name}.rg")), &(regexes.join("\n") + "\n"));
    let ascii: Vec<String> = regexes.iter().map(|x| x.replace("\\b", "(?-u:\\b)")).collect();
    write(&out.join(format!("{name}-ascii.rg")), &(ascii.join("\n") + "\n"));
}

/// Every term of a claim file as a regex, for ripgrep to look for the same things: phrases
/// as whole words (case-insensitive unless exact), regexes as written; quoted words as a
/// phrase (ripgrep cannot tell inside quotation marks from outside), exact whole numbers as
/// digits, days in the three ways the articles write them. Number ranges have no pattern.
fn patterns_of(yaml: &str) -> Vec<String> {
    use claimcheck::internals::CheckKind;
    use claimcheck::internals::Pattern;
    let file = claimcheck::compile::parse("gen.yaml", yaml, None).expect("generated claims load");
    let mut out = Vec::new();
    for term in &file.terms.terms {
        for p in &term.patterns {
            out.push(match p {
                Pattern::Literal { text, exact, prefix } => format!(
                    "{}\\b{}{}",
                    if *exact { "" } else { "(?i)" },
                    regex::escape(text),
                    if *prefix { "\\w*" } else { "\\b" }
                ),
                Pattern::Regex(r) => r.as_str().to_string(),
            });
        }
    }
    for claim in &file.claims {
        match &claim.check {
            CheckKind::Quote(q) => {
                let parts: Vec<String> = q.words.split('\u{2026}').map(|p| regex::escape(p.trim())).collect();
                out.push(format!("(?i)\\b{}\\b", parts.join(".*")));
            }
            CheckKind::Number(n) if n.min == n.max && n.min.is_some_and(|v| v.fract() == 0.0) => {
                out.push(format!("\\b{}\\b", n.min.unwrap_or_default()));
            }
            CheckKind::Date(d) => {
                let (y, m, day) = (d.date.year, d.date.month, d.date.day);
                let month = MONTHS[usize::from(m) - 1];
                out.push(format!(
                    "\\b(?:{day} {month} {y}|{month} {day}, {y}|{y}-{m:02}-{day:02})\\b"
                ));
            }
            _ => {}
        }
    }
    out.sort();
    out.dedup();
    out
}

fn write(path: &Path, content: &str) {
    if let Some(dir) = path.parent() {
        fs::create_dir_all(dir).expect("create folder");
    }
    fs::write(path, content).unwrap_or_else(|e| panic!("{}: {e}", path.display()));
}

fn main() {
    let mut out = PathBuf::from("target/bench-corpus");
    let mut articles = 2000;
    let mut big_mb = 50;
    let mut dense_mb = 10;
    let mut args = std::env::args().skip(1);
    while let Some(a) = args.next() {
        match a.as_str() {
            "--articles" => articles = args.next().and_then(|v| v.parse().ok()).expect("--articles N"),
            "--big-mb" => big_mb = args.next().and_then(|v| v.parse().ok()).expect("--big-mb M"),
            "--dense-mb" => dense_mb = args.next().and_then(|v| v.parse().ok()).expect("--dense-mb D"),
            _ => out = PathBuf::from(a),
        }
    }
    let mut r = Rng(0x00C1_A1CC);
    for i in 0..articles {
        let text = article(&mut r, 5000, true);
        write(&out.join(format!("articles/{:04}/article-{i:05}.txt", i / 100)), &text);
    }
    write(&out.join("one.txt"), &fancy(&article(&mut r, 5000, true)));
    let mut big = String::with_capacity(big_mb << 20);
    while big.len() < big_mb << 20 {
        big.push_str(&article(&mut r, 5000, false));
    }
    write(&out.join("big.txt"), &big);
    for n in [10, 100, 200, 1000] {
        let yaml = mixed(n, 1000 + n as u64);
        write(&out.join(format!("mixed-{n}.yaml")), &yaml);
        write(
            &out.join(format!("mixed-{n}.rg")),
            &(patterns_of(&yaml).join("\n") + "\n"),
        );
    }
    for n in [200, 1000] {
        let (yaml, regexes) = absent(n, 2000 + n as u64);
        write_rules(&out, &format!("absent-{n}"), &yaml, &regexes);
    }
    // The hit-dense case: typeset news where most lines match a rule, and its rules. Its own
    // seed, so the files above keep their bytes.
    let mut r = Rng(0x00DE_45E0);
    let mut dense = String::with_capacity(dense_mb << 20);
    while dense.len() < dense_mb << 20 {
        dense.push_str(&fancy(&article(&mut r, 5000, false)));
    }
    write(&out.join("dense.txt"), &dense);
    let what = "hit-dense rules: alternations, classes, counted repetitions, quotation spans";
    let (yaml, regexes) = absent_of(200, 0xDE45, what, dense_regex);
    write_rules(&out, "dense-200", &yaml, &regexes);
    eprintln!(
        "gen-corpus: {articles} articles, big.txt {} MB, claim files in {}",
        big.len() >> 20,
        out.display()
    );
}
