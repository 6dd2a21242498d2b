//! Word documents through the binary: the shipped claims on the seed article converted by
//! pandoc, a tracked change inside a number (LibreOffice's exporter), footnotes, broken
//! files. Positions are read back from the document by a walk of its XML of our own here,
//! not by the reader under test.

use std::collections::BTreeMap;
use std::io::{Cursor, Read, Write};

use crate::common::{claimcheck, folder, root};

fn fixture(name: &str) -> Vec<u8> {
    std::fs::read(root().join("tests/fixtures/articles").join(name)).unwrap()
}

/// The shipped claims without their own `article:`, so `--article` names the one to read.
fn shipped_claims() -> String {
    let yaml = std::fs::read_to_string(root().join("claims/paris-coalition.yaml")).unwrap();
    yaml.lines()
        .filter(|l| !l.starts_with("article:"))
        .map(|l| format!("{l}\n"))
        .collect()
}

/// `check` on `article` (a file in a folder with the shipped claims), as JSON.
fn check(claims: &str, article: (&str, &[u8])) -> serde_json::Value {
    let entities = std::fs::read(root().join("claims/entities.yaml")).unwrap();
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("entities.yaml", &entities), article]);
    let run = claimcheck(
        dir.path(),
        &["check", "c.yaml", "--article", article.0, "--format", "json"],
    );
    assert!(run.code == 0 || run.code == 1, "{}", run.stderr);
    serde_json::from_str(&run.stdout).unwrap()
}

fn verdicts(report: &serde_json::Value) -> BTreeMap<String, String> {
    report["files"][0]["claims"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| (c["id"].as_str().unwrap().into(), c["verdict"].as_str().unwrap().into()))
        .collect()
}

/// A part of the zip as text.
fn part(docx: &[u8], name: &str) -> Option<String> {
    let mut zip = zip::ZipArchive::new(Cursor::new(docx)).unwrap();
    let mut text = String::new();
    zip.by_name(name).ok()?.read_to_string(&mut text).unwrap();
    Some(text)
}

/// The paragraphs of a Word document as an editor sees them, in the numbering the README
/// gives: the body's paragraphs (empty ones too), then the notes' in the order the text
/// refers to them. Text is `w:t` outside deletions, `w:tab` a tab.
fn visible_paragraphs(docx: &[u8]) -> Vec<String> {
    let document = part(docx, "word/document.xml").unwrap();
    let doc = roxmltree::Document::parse(&document).unwrap();
    let mut out: Vec<String> = paragraphs(doc.root()).into_iter().map(|p| text(p)).collect();
    for (kind, note, file) in [
        ("footnoteReference", "footnote", "word/footnotes.xml"),
        ("endnoteReference", "endnote", "word/endnotes.xml"),
    ] {
        let refs: Vec<&str> = doc
            .descendants()
            .filter(|n| n.tag_name().name() == kind)
            .filter_map(|n| attr(n, "id"))
            .collect();
        let Some(notes) = part(docx, file) else { continue };
        let notes = roxmltree::Document::parse(&notes).unwrap();
        for id in refs {
            let n = notes
                .descendants()
                .find(|n| n.tag_name().name() == note && attr(*n, "id") == Some(id))
                .unwrap();
            out.extend(paragraphs(n).into_iter().map(|p| text(p)));
        }
    }
    out
}

fn attr<'a>(n: roxmltree::Node<'a, '_>, name: &str) -> Option<&'a str> {
    n.attributes().find(|a| a.name() == name).map(|a| a.value())
}

fn paragraphs<'a, 'i>(n: roxmltree::Node<'a, 'i>) -> Vec<roxmltree::Node<'a, 'i>> {
    n.descendants().filter(|n| n.tag_name().name() == "p").collect()
}

fn text(p: roxmltree::Node) -> String {
    let deleted = |n: roxmltree::Node| n.ancestors().any(|a| a.tag_name().name() == "del");
    p.descendants()
        .filter(|n| !deleted(*n))
        .filter_map(|n| match n.tag_name().name() {
            "t" => n.text().map(str::to_string),
            "tab" => Some("\t".into()),
            _ => None,
        })
        .collect()
}

/// The text between two `¶paragraph:character` places of the document.
fn at(paras: &[String], (line, column): (u64, u64), (end_line, end_column): (u64, u64)) -> String {
    let chars = |l: u64| paras[l as usize - 1].chars().collect::<Vec<char>>();
    let mut out = String::new();
    for l in line..=end_line {
        let c = chars(l);
        let from = if l == line { column as usize - 1 } else { 0 };
        let to = if l == end_line {
            end_column as usize - 1
        } else {
            c.len()
        };
        out.extend(&c[from..to]);
        out.push('\n');
    }
    out
}

/// White space runs as one space: how a span's `text` is written.
fn squash(s: &str) -> String {
    s.split_whitespace().collect::<Vec<_>>().join(" ")
}

fn place(span: &serde_json::Value) -> ((u64, u64), (u64, u64)) {
    let n = |k: &str| span[k].as_u64().unwrap();
    ((n("line"), n("column")), (n("end_line"), n("end_column")))
}

/// Every evidence and mark of a report, read back from the document at its position.
fn assert_positions_hold_the_words(report: &serde_json::Value, docx: &[u8]) -> usize {
    let paras = visible_paragraphs(docx);
    let mut checked = 0;
    for claim in report["files"][0]["claims"].as_array().unwrap() {
        for e in claim["evidence"].as_array().unwrap() {
            for span in std::iter::once(e).chain(e["marks"].as_array().unwrap()) {
                let (from, to) = place(span);
                let found = squash(&at(&paras, from, to));
                assert_eq!(
                    found,
                    squash(span["text"].as_str().unwrap()),
                    "{} at {from:?}",
                    claim["id"]
                );
                checked += 1;
            }
        }
    }
    checked
}

#[test]
fn the_shipped_claims_give_the_same_verdicts_on_the_word_version() {
    let claims = shipped_claims();
    let text = check(&claims, ("seed.txt", &crate::common::seed()));
    let docx = fixture("seed.docx");
    let word = check(&claims, ("seed.docx", &docx));
    assert_eq!(verdicts(&word), verdicts(&text));
    assert!(verdicts(&word).len() > 20);
    let checked = assert_positions_hold_the_words(&word, &docx);
    assert!(checked > 40, "{checked} spans checked");
}

#[test]
fn positions_are_paragraph_and_character() {
    let claims = "claims:\n  - id: italy\n    claim: Italy attended only as an observer\n    all: [Italy, observer]\n";
    let docx = fixture("seed.docx");
    let report = check(claims, ("seed.docx", &docx));
    let e = &report["files"][0]["claims"][0]["evidence"][0];
    // The title, pandoc's date line, two paragraphs, a heading: the sixth paragraph.
    assert_eq!(place(e).0, (6, 176));
    assert_eq!(report["files"][0]["positions"], "paragraphs");
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("story.docx", &docx)]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "story.docx", "--verbose"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("story.docx \u{b6}6:176"), "{}", run.stdout);
}

#[test]
fn a_tracked_change_inside_a_number_reads_as_accepted() {
    let docx = fixture("tracked.docx");
    let claims = concat!(
        "published: 2025-03-11\n",
        "claims:\n",
        "  - id: thirty-four\n    claim: Generals of 34 countries took part\n    number: 34\n    near: [countries]\n",
        "  - id: thirty\n    claim: Generals of 30 countries took part\n    number: 30\n    near: [countries]\n",
        "  - id: only-observer\n    claim: Italy was only an observer\n    text: present only as an observer\n",
    );
    let report = check(claims, ("tracked.docx", &docx));
    let v = verdicts(&report);
    assert_eq!(v["thirty-four"], "supported");
    assert_eq!(v["thirty"], "refuted", "the deleted digit is not read");
    assert_eq!(v["only-observer"], "supported", "the inserted word is read");
    let e = &report["files"][0]["claims"][1]["evidence"][0];
    assert_eq!(e["marks"][0]["text"], "34");
    assert_positions_hold_the_words(&report, &docx);
}

#[test]
fn footnotes_are_blocks_at_the_end() {
    let docx = fixture("tracked.docx");
    let claims = concat!(
        "claims:\n",
        "  - id: confirmed\n    claim: The ministry confirmed the list\n    text: confirmed by the French armed forces ministry\n",
        "  - id: correction\n    claim: A correction is appended\n    text: misstated how many countries took part\n",
    );
    let report = check(claims, ("tracked.docx", &docx));
    let v = verdicts(&report);
    assert_eq!(
        (v["confirmed"].as_str(), v["correction"].as_str()),
        ("supported", "supported")
    );
    let paras = visible_paragraphs(&docx);
    let line = |i: usize| place(&report["files"][0]["claims"][i]["evidence"][0]).0.0 as usize;
    // Six body paragraphs (one empty), then the footnote, then the endnote.
    assert_eq!((line(0), line(1), paras.len()), (7, 8, 8));
    assert_positions_hold_the_words(&report, &docx);
}

#[test]
fn a_word_file_named_txt_is_read_as_word() {
    let claims = "claims:\n  - id: italy\n    claim: Italy attended only as an observer\n    all: [Italy, observer]\n";
    let dir = folder(&[("c.yaml", claims.as_bytes()), ("story.txt", &fixture("seed.docx"))]);
    let run = claimcheck(dir.path(), &["check", "c.yaml", "--article", "story.txt", "--verbose"]);
    assert_eq!(run.code, 0, "{}", run.stderr);
    assert!(run.stdout.contains("story.txt \u{b6}6:176"), "{}", run.stdout);
}

/// A zip holding the given parts, stored.
fn zip_of(parts: &[(&str, &str)]) -> Vec<u8> {
    let mut w = zip::ZipWriter::new(Cursor::new(Vec::new()));
    for (name, text) in parts {
        w.start_file(*name, zip::write::SimpleFileOptions::default()).unwrap();
        w.write_all(text.as_bytes()).unwrap();
    }
    w.finish().unwrap().into_inner()
}

#[test]
fn broken_word_files_exit_2_with_what_is_wrong() {
    let seed = fixture("seed.docx");
    let document = part(&seed, "word/document.xml").unwrap();
    let cut = &document[..document.find("The meeting without the USA").unwrap()];
    let cases: [(&str, Vec<u8>, &str); 5] = [
        (
            "bomb.docx",
            fixture("bomb.docx"),
            "unpacks to more than 64 MiB (at word/document.xml): not read, it may be a zip bomb",
        ),
        (
            "plain.docx",
            b"The coalition of the willing met in Paris.".to_vec(),
            "a .docx is a zip archive and this is not one",
        ),
        (
            "sheet.docx",
            zip_of(&[("xl/workbook.xml", "<workbook/>")]),
            "the zip has no word/document.xml",
        ),
        (
            "cut.docx",
            zip_of(&[("word/document.xml", cut)]),
            "word/document.xml is not well-formed XML at line",
        ),
        ("half.docx", seed[..seed.len() / 2].to_vec(), "not a Word document"),
    ];
    let claims = "claims:\n  - id: italy\n    claim: Italy attended\n    all: [Italy]\n";
    for (name, bytes, message) in cases {
        let dir = folder(&[("c.yaml", claims.as_bytes()), (name, &bytes)]);
        let run = claimcheck(
            dir.path(),
            &["check", "c.yaml", "--article", name, "--output", "out.json"],
        );
        assert_eq!(run.code, 2, "{name}: {}", run.stderr);
        assert!(
            run.stderr.contains(name) && run.stderr.contains(message),
            "{name}: {}",
            run.stderr
        );
        assert!(!dir.path().join("out.json").exists(), "{name}: nothing written");
    }
}

/// A document of the given paragraphs whose core properties say it was created on `created`.
fn dated_docx(paragraphs: &[&str], created: &str) -> Vec<u8> {
    let body: String = paragraphs
        .iter()
        .map(|p| format!("<w:p><w:r><w:t>{p}</w:t></w:r></w:p>"))
        .collect();
    let document = format!(r#"<w:document xmlns:w="urn:w"><w:body>{body}</w:body></w:document>"#);
    let core = format!(
        r#"<cp:coreProperties xmlns:cp="urn:cp" xmlns:dcterms="urn:d"><dcterms:created>{created}T09:00:00Z</dcterms:created></cp:coreProperties>"#
    );
    zip_of(&[("word/document.xml", &document), ("docProps/core.xml", &core)])
}

fn read_docx(bytes: Vec<u8>) -> claimcheck::article::Article {
    claimcheck::article::Article::read("a.docx", bytes, None).unwrap()
}

#[test]
fn the_core_properties_date_the_article_only_when_the_text_does_not() {
    let body = ["Macron met the army chiefs. The ministers meet on Wednesday."];
    let undated = read_docx(dated_docx(&body, "2025-03-11"));
    assert_eq!(
        undated.published().map(|d| d.to_string()).as_deref(),
        Some("2025-03-11")
    );
    // A dateline in the text dates the story; the file may be older (a template, a copy).
    let datelined = read_docx(dated_docx(&["date 2025-03-11", body[0]], "2024-11-02"));
    assert_eq!(
        datelined.published().map(|d| d.to_string()).as_deref(),
        Some("2025-03-11")
    );
    // Through the binary: "on Wednesday" is 12 March from the document's own date.
    let claims = "claims:\n  - {id: e5, claim: c, date: 2025-03-12, near: [ministers]}\n";
    let report = check(claims, ("a.docx", &dated_docx(&body, "2025-03-11")));
    assert_eq!(verdicts(&report)["e5"], "supported");
    let report = check(
        &format!("published: 2025-03-04\n{claims}"),
        ("a.docx", &dated_docx(&body, "2025-03-11")),
    );
    assert_eq!(verdicts(&report)["e5"], "refuted", "the claim file's date comes first");
}

#[test]
fn the_title_is_the_headline() {
    let claims = concat!(
        "claims:\n",
        "  - {id: headline, claim: c, text: 34 countries, scope: headline}\n",
        "  - {id: body, claim: c, text: generals of 34 EU and NATO countries, scope: body}\n",
        "  - {id: not-in-headline, claim: c, text: Macron, scope: headline}\n",
    );
    let report = check(claims, ("tracked.docx", &fixture("tracked.docx")));
    let v = verdicts(&report);
    assert_eq!(
        (
            v["headline"].as_str(),
            v["body"].as_str(),
            v["not-in-headline"].as_str()
        ),
        ("supported", "supported", "not_found")
    );
}
