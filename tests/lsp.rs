//! The language server driven in process as an editor drives it (`Connection::memory()`):
//! diagnostics on the seed article at their evidence, hover, every quick fix applied until
//! its diagnostic goes, unsaved edits, claim files broken and fixed, positions in UTF-8 and
//! UTF-16, and input that must not stop the server. Over stdio: `stdio_*` run the binary.

use std::collections::HashMap;
use std::io::{BufRead, BufReader, Write};
use std::path::PathBuf;
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use claimcheck::lsp::workspace::path_uri;
use lsp_server::{Connection, Message, Notification, Request, RequestId, ResponseError};
use lsp_types::{CodeActionOrCommand, Diagnostic, DiagnosticSeverity, NumberOrString, Position, Range, WorkspaceEdit};
use serde_json::{Value, json};

use crate::common::root;

/// Long enough for a debug build on a busy 2-core machine; a passing test waits far less.
const WAIT: Duration = Duration::from_secs(120);
const ARTICLE: &str = "claims/paris-coalition-2025-03-11.txt";
const CLAIMS: &str = "claims/paris-coalition.yaml";

/// An editor: it keeps the texts it opened, applies edits, and remembers the last
/// diagnostics published for each document.
struct Client {
    conn: Connection,
    server: Option<std::thread::JoinHandle<Result<(), String>>>,
    next: i32,
    utf8: bool,
    texts: HashMap<String, (i32, String)>,
    published: HashMap<String, Vec<Diagnostic>>,
    /// The version of every publication, in order, per document.
    versions: HashMap<String, Vec<Option<i32>>>,
    shown: Vec<String>,
    dir: tempfile::TempDir,
}

impl Client {
    /// A server on a copy of the seed claim file, its entities and its article.
    fn seed(utf8: bool) -> Client {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir(dir.path().join("claims")).unwrap();
        for f in [ARTICLE, CLAIMS, "claims/entities.yaml"] {
            std::fs::copy(root().join(f), dir.path().join(f)).unwrap();
        }
        Client::start(dir, utf8, Value::Null)
    }

    fn start(dir: tempfile::TempDir, utf8: bool, options: Value) -> Client {
        let (client, server) = Connection::memory();
        let thread = std::thread::spawn(move || claimcheck::lsp::run(&server));
        let mut c = Client {
            conn: client,
            server: Some(thread),
            next: 0,
            utf8,
            texts: HashMap::new(),
            published: HashMap::new(),
            versions: HashMap::new(),
            shown: Vec::new(),
            dir,
        };
        let general = match utf8 {
            true => json!({"positionEncodings": ["utf-8", "utf-16"]}),
            false => json!({}),
        };
        let init = json!({
            "capabilities": {"general": general},
            "rootUri": path_uri(c.dir.path()),
            "initializationOptions": options,
        });
        let caps = c.request("initialize", init).unwrap();
        let want = if utf8 { "utf-8" } else { "utf-16" };
        assert_eq!(caps["capabilities"]["positionEncoding"], want);
        c.notify("initialized", json!({}));
        c
    }

    fn path(&self, rel: &str) -> PathBuf {
        self.dir.path().join(rel)
    }

    fn uri(&self, rel: &str) -> String {
        path_uri(&self.path(rel))
    }

    fn notify(&self, method: &str, params: Value) {
        self.conn
            .sender
            .send(Notification::new(method.into(), params).into())
            .unwrap();
    }

    fn send_request(&mut self, method: &str, params: Value) -> RequestId {
        self.next += 1;
        let id = RequestId::from(self.next);
        self.conn
            .sender
            .send(Request::new(id.clone(), method.into(), params).into())
            .unwrap();
        id
    }

    fn request(&mut self, method: &str, params: Value) -> Result<Value, ResponseError> {
        let id = self.send_request(method, params);
        self.response(&id)
    }

    fn response(&mut self, id: &RequestId) -> Result<Value, ResponseError> {
        let deadline = Instant::now() + WAIT;
        loop {
            if let Message::Response(r) = self.pump(deadline)
                && r.id == *id
            {
                return r.response_result;
            }
        }
    }

    /// The next message from the server, with notifications recorded.
    fn pump(&mut self, deadline: Instant) -> Message {
        let m = self
            .conn
            .receiver
            .recv_timeout(deadline.saturating_duration_since(Instant::now()))
            .expect("the server answers in time");
        if let Message::Notification(n) = &m {
            match n.method.as_str() {
                "textDocument/publishDiagnostics" => {
                    let uri = n.params["uri"].as_str().unwrap().to_string();
                    let d: Vec<Diagnostic> = serde_json::from_value(n.params["diagnostics"].clone()).unwrap();
                    let version = n.params["version"].as_i64().map(|v| v as i32);
                    self.versions.entry(uri.clone()).or_default().push(version);
                    self.published.insert(uri, d);
                }
                "window/showMessage" => self.shown.push(n.params["message"].as_str().unwrap().to_string()),
                _ => {}
            }
        }
        m
    }

    /// Waits for the diagnostics of `rel` to satisfy `ok`, and returns them.
    fn diagnostics(&mut self, rel: &str, ok: impl Fn(&[Diagnostic]) -> bool) -> Vec<Diagnostic> {
        let uri = self.uri(rel);
        let deadline = Instant::now() + WAIT;
        loop {
            if let Some(d) = self.published.get(&uri)
                && ok(d)
            {
                return d.clone();
            }
            self.pump(deadline);
        }
    }

    fn open(&mut self, rel: &str) {
        let text = std::fs::read_to_string(self.path(rel)).unwrap();
        self.open_text(rel, text);
    }

    fn open_text(&mut self, rel: &str, text: String) {
        let uri = self.uri(rel);
        self.published.remove(&uri);
        self.notify(
            "textDocument/didOpen",
            json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
        );
        self.texts.insert(uri, (1, text));
    }

    /// Replaces the first `old` in an open document, as an incremental change.
    fn edit(&mut self, rel: &str, old: &str, new: &str) {
        let uri = self.uri(rel);
        let (version, text) = self.texts.get(&uri).cloned().unwrap();
        let at = text.find(old).unwrap_or_else(|| panic!("{old:?} in {rel}"));
        let range = Range::new(self.position(&text, at), self.position(&text, at + old.len()));
        let mut changed = text.clone();
        changed.replace_range(at..at + old.len(), new);
        self.published.remove(&uri);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version + 1},
                   "contentChanges": [{"range": range, "text": new}]}),
        );
        self.texts.insert(uri, (version + 1, changed));
    }

    /// Sends the whole new text of an open document (full sync).
    fn replace_all(&mut self, rel: &str, text: String) {
        let uri = self.uri(rel);
        let version = self.texts[&uri].0 + 1;
        self.published.remove(&uri);
        self.notify(
            "textDocument/didChange",
            json!({"textDocument": {"uri": uri, "version": version}, "contentChanges": [{"text": text}]}),
        );
        self.texts.insert(uri, (version, text));
    }

    fn text(&self, rel: &str) -> &str {
        &self.texts[&self.uri(rel)].1
    }

    /// The client's own position arithmetic (not the server's): UTF-8 bytes or UTF-16 units.
    fn position(&self, text: &str, at: usize) -> Position {
        let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
        let prefix = &text[line_start..at];
        let character = if self.utf8 {
            prefix.len()
        } else {
            prefix.encode_utf16().count()
        };
        Position::new(text[..at].matches('\n').count() as u32, character as u32)
    }

    fn offset(&self, text: &str, p: Position) -> usize {
        let line_start: usize = text.split_inclusive('\n').take(p.line as usize).map(str::len).sum();
        let mut units = 0;
        for (i, c) in text[line_start..].char_indices() {
            if units >= p.character as usize || c == '\n' {
                return line_start + i;
            }
            units += if self.utf8 { c.len_utf8() } else { c.len_utf16() };
        }
        text.len()
    }

    /// The text of an open document that a range covers.
    fn covered(&self, rel: &str, r: Range) -> String {
        let text = self.text(rel);
        text[self.offset(text, r.start)..self.offset(text, r.end)].to_string()
    }

    fn code_actions(&mut self, rel: &str, range: Range) -> Vec<(String, WorkspaceEdit)> {
        let uri = self.uri(rel);
        let v = self
            .request(
                "textDocument/codeAction",
                json!({"textDocument": {"uri": uri}, "range": range, "context": {"diagnostics": []}}),
            )
            .unwrap();
        let actions: Vec<CodeActionOrCommand> = serde_json::from_value(v).unwrap();
        actions
            .into_iter()
            .map(|a| match a {
                CodeActionOrCommand::CodeAction(a) => (a.title, a.edit.expect("a plain edit, no command")),
                CodeActionOrCommand::Command(c) => panic!("a command only some clients know: {c:?}"),
            })
            .collect()
    }

    /// Applies an edit as an editor does: to the open buffer (didChange), or to the file.
    #[allow(clippy::mutable_key_type)]
    fn apply(&mut self, edit: WorkspaceEdit) {
        for (uri, mut edits) in edit.changes.unwrap() {
            let uri = uri.as_str().to_string();
            edits.sort_by_key(|e| std::cmp::Reverse((e.range.start.line, e.range.start.character)));
            let rel = self.rel(&uri);
            let mut text = match self.texts.get(&uri) {
                Some((_, t)) => t.clone(),
                None => std::fs::read_to_string(self.path(&rel)).unwrap(),
            };
            for e in edits {
                let r = self.offset(&text, e.range.start)..self.offset(&text, e.range.end);
                text.replace_range(r, &e.new_text);
            }
            match self.texts.contains_key(&uri) {
                true => self.replace_all(&rel, text),
                false => std::fs::write(self.path(&rel), text).unwrap(),
            }
        }
    }

    fn rel(&self, uri: &str) -> String {
        let prefix = format!("{}/", path_uri(self.dir.path()));
        uri.strip_prefix(&prefix).unwrap().to_string()
    }

    fn hover(&mut self, rel: &str, line: u32) -> String {
        let uri = self.uri(rel);
        let v = self
            .request(
                "textDocument/hover",
                json!({"textDocument": {"uri": uri}, "position": {"line": line, "character": 6}}),
            )
            .unwrap();
        v["contents"]["value"].as_str().unwrap_or_default().to_string()
    }
}

impl Drop for Client {
    fn drop(&mut self) {
        if std::thread::panicking() {
            return;
        }
        let id = self.send_request("shutdown", Value::Null);
        self.response(&id).unwrap();
        self.notify("exit", Value::Null);
        let done = self
            .server
            .take()
            .unwrap()
            .join()
            .expect("the server thread does not panic");
        assert_eq!(done, Ok(()));
    }
}

fn code(d: &Diagnostic) -> &str {
    match &d.code {
        Some(NumberOrString::String(s)) => s,
        _ => "",
    }
}

fn find<'a>(ds: &'a [Diagnostic], id: &str) -> Option<&'a Diagnostic> {
    ds.iter().find(|d| code(d) == id)
}

fn has(id: &'static str) -> impl Fn(&[Diagnostic]) -> bool {
    move |ds| find(ds, id).is_some()
}

fn lacks(id: &'static str) -> impl Fn(&[Diagnostic]) -> bool {
    move |ds| !ds.is_empty() && find(ds, id).is_none()
}

/// The 0-based line of `- id: ID` in a claim file's text.
fn claim_line(text: &str, id: &str) -> u32 {
    let at = text.find(&format!("- id: {id}\n")).unwrap();
    text[..at].matches('\n').count() as u32
}

const FAILING: &[&str] = &[
    "fails-elysee-spelling",
    "fails-us-attended",
    "fails-kiev-spelling",
    "fails-countries-34",
    "fails-changed-figure",
    "fails-shifted-date",
    "fails-misquote",
    "fails-misattribution",
    "fails-china",
];

#[test]
fn the_seed_article_shows_its_failing_claims_at_their_evidence() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    let ds = c.diagnostics(ARTICLE, |d| !d.is_empty());
    let mut failing: Vec<&str> = ds
        .iter()
        .filter(|d| d.severity != Some(DiagnosticSeverity::HINT))
        .map(code)
        .collect();
    failing.sort_unstable();
    let mut want = FAILING.to_vec();
    want.sort_unstable();
    assert_eq!(failing, want, "passing claims are silent unless asked");

    let figure = find(&ds, "fails-changed-figure").unwrap();
    assert_eq!(c.covered(ARTICLE, figure.range), "800 thousand men");
    assert_eq!(figure.severity, Some(DiagnosticSeverity::ERROR));
    assert!(
        figure.message.starts_with(
            "The Ukrainian army has 900,000 men (a changed figure): refuted\nexpected: 900000\nfound:    800000"
        ),
        "{}",
        figure.message
    );
    let related = &figure.related_information.as_ref().unwrap()[0];
    assert_eq!(related.location.uri.as_str(), c.uri(CLAIMS));
    let claims = std::fs::read_to_string(c.path(CLAIMS)).unwrap();
    assert_eq!(
        related.location.range.start.line,
        claim_line(&claims, "fails-changed-figure")
    );

    let kiev = find(&ds, "fails-kiev-spelling").unwrap();
    assert_eq!(c.covered(ARTICLE, kiev.range), "Kiev");
    assert_eq!(
        kiev.severity,
        Some(DiagnosticSeverity::WARNING),
        "`severity: warning` in the claim file"
    );
    let elysee = find(&ds, "fails-elysee-spelling").unwrap();
    assert_eq!(c.covered(ARTICLE, elysee.range), "According to the Elisee");
    let china = find(&ds, "fails-china").unwrap();
    assert_eq!(china.severity, Some(DiagnosticSeverity::WARNING));
    assert_eq!(
        china.range,
        Range::default(),
        "not found, no near miss: the top of the article"
    );
    let date = find(&ds, "fails-shifted-date").unwrap();
    assert!(c.covered(ARTICLE, date.range).starts_with("Wednesday 12 March"));
    assert!(
        ds.iter()
            .any(|d| code(d) == "uncovered" && d.severity == Some(DiagnosticSeverity::HINT)),
        "facts no claim checks are hints"
    );
}

/// The same evidence in both encodings: the curly quotes earlier on its line count 3 bytes
/// each in UTF-8 and one unit in UTF-16.
#[test]
fn positions_follow_the_negotiated_encoding() {
    let mut starts = Vec::new();
    for utf8 in [true, false] {
        let mut c = Client::seed(utf8);
        c.open(ARTICLE);
        let ds = c.diagnostics(ARTICLE, has("fails-elysee-spelling"));
        let d = find(&ds, "fails-elysee-spelling").unwrap();
        assert_eq!(c.covered(ARTICLE, d.range), "According to the Elisee", "utf8: {utf8}");
        starts.push(d.range.start);
    }
    let text = std::fs::read_to_string(root().join(ARTICLE)).unwrap();
    let at = text.find("According to the Elisee").unwrap();
    let line = &text[text[..at].rfind('\n').unwrap() + 1..at];
    assert!(
        line.matches(['“', '”']).count() >= 2,
        "the line has curly quotes before the evidence"
    );
    assert_eq!(starts[0].line, starts[1].line);
    assert_eq!(starts[0].character as usize, line.len());
    assert_eq!(starts[1].character as usize, line.encode_utf16().count());
    assert!(starts[0].character - starts[1].character >= 4);
}

#[test]
fn hover_on_a_claim_shows_its_verdict_explanation_and_evidence() {
    let mut c = Client::seed(true);
    c.open(CLAIMS);
    let line = claim_line(c.text(CLAIMS), "fails-changed-figure");
    let md = c.hover(CLAIMS, line + 2);
    assert!(md.contains("**`fails-changed-figure`**"), "{md}");
    assert!(
        md.contains("**refuted** in `claims/paris-coalition-2025-03-11.txt`"),
        "{md}"
    );
    assert!(
        md.contains("With its 800 thousand men, the Ukrainian army is the largest in Europe"),
        "{md}"
    );
    assert!(
        md.contains("4. Verdict: refuted"),
        "the explanation step by step:\n{md}"
    );
    let line = claim_line(c.text(CLAIMS), "italy-observer");
    assert!(c.hover(CLAIMS, line).contains("**supported**"));
    // On the article: the claims whose evidence is under the cursor.
    c.open(ARTICLE);
    let ds = c.diagnostics(ARTICLE, has("fails-changed-figure"));
    let at = find(&ds, "fails-changed-figure").unwrap().range.start;
    let uri = c.uri(ARTICLE);
    let v = c
        .request(
            "textDocument/hover",
            json!({"textDocument": {"uri": uri}, "position": at}),
        )
        .unwrap();
    let md = v["contents"]["value"].as_str().unwrap();
    assert!(md.contains("**refuted** `fails-changed-figure`"), "{md}");
    assert!(!md.contains("italy-observer"), "{md}");
}

/// Each quick fix, in a fresh copy of the seed: applied as an editor applies it, the
/// claim's diagnostic goes away. Nothing else starts failing, except where the article now
/// says something else than another claim (the seed claims both 800,000 and 900,000 men).
#[test]
fn every_quick_fix_makes_its_diagnostic_go_away() {
    const CLAIM: &str = "Make the claim say what the article says";
    const ARTICLE_WORDS: &str = "Use the claimed words";
    let cases: [(&str, &str, &[&str]); 8] = [
        ("fails-elysee-spelling", CLAIM, &[]),
        ("fails-elysee-spelling", ARTICLE_WORDS, &[]),
        ("fails-misquote", CLAIM, &[]),
        ("fails-misquote", ARTICLE_WORDS, &["lecornu-first-stone"]),
        ("fails-changed-figure", CLAIM, &[]),
        ("fails-changed-figure", ARTICLE_WORDS, &["army-800-thousand"]),
        ("fails-shifted-date", CLAIM, &[]),
        ("fails-shifted-date", ARTICLE_WORDS, &["e5-date"]),
    ];
    for (id, title, newly_failing) in cases {
        let mut c = Client::seed(false);
        c.open(ARTICLE);
        c.open(CLAIMS);
        let ds = c.diagnostics(ARTICLE, has(id));
        let before: Vec<String> = ds.iter().map(|d| code(d).to_string()).collect();
        let range = find(&ds, id).unwrap().range;
        let actions = c.code_actions(ARTICLE, range);
        let edit = actions
            .into_iter()
            .find(|(t, _)| t == title)
            .unwrap_or_else(|| panic!("{id}: no {title:?}"))
            .1;
        let edits_claims = edit
            .changes
            .as_ref()
            .unwrap()
            .keys()
            .any(|u| u.as_str() == c.uri(CLAIMS));
        assert_eq!(edits_claims, title == CLAIM, "{id}: {title} edits the right file");
        c.apply(edit);
        let after = c.diagnostics(ARTICLE, lacks(id));
        let new: Vec<&str> = after
            .iter()
            .filter(|d| d.severity != Some(DiagnosticSeverity::HINT))
            .map(code)
            .filter(|c| !before.iter().any(|b| b == c))
            .collect();
        assert_eq!(new, newly_failing, "{id}: {title}");
    }
}

/// "Add a claim for this": the claim `suggest` drafts for an unchecked fact goes into the
/// claim file, passes, and the fact's hint goes.
#[test]
fn add_a_claim_for_an_unchecked_fact() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.open(CLAIMS);
    let ds = c.diagnostics(ARTICLE, has("uncovered"));
    let hints: Vec<Diagnostic> = ds.into_iter().filter(|d| code(d) == "uncovered").collect();
    let (hint, edit) = hints
        .iter()
        .find_map(|h| {
            let actions = c.code_actions(ARTICLE, h.range);
            actions
                .into_iter()
                .find(|(t, _)| t == "Add a claim for this")
                .map(|(_, e)| (h.clone(), e))
        })
        .expect("a drafted claim for some unchecked fact");
    c.apply(edit);
    let claims = c.text(CLAIMS).to_string();
    assert!(claims.len() > std::fs::read_to_string(c.path(CLAIMS)).unwrap().len());
    let after = c.diagnostics(ARTICLE, |ds| {
        !ds.is_empty() && !ds.iter().any(|d| code(d) == "uncovered" && d.range == hint.range)
    });
    let mut failing: Vec<&str> = after
        .iter()
        .filter(|d| d.severity != Some(DiagnosticSeverity::HINT))
        .map(code)
        .collect();
    failing.sort_unstable();
    let mut want = FAILING.to_vec();
    want.sort_unstable();
    assert_eq!(failing, want, "the drafted claim passes:\n{claims}");
    assert!(c.diagnostics(CLAIMS, |_| true).is_empty(), "the claim file still loads");
}

#[test]
fn an_unsaved_edit_changes_a_verdict() {
    let mut c = Client::seed(true);
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-changed-figure"));
    // Incremental: the article now says what the changed figure claims.
    c.edit(ARTICLE, "With its 800 thousand men", "With its 900 thousand men");
    let ds = c.diagnostics(ARTICLE, lacks("fails-changed-figure"));
    let army = find(&ds, "army-800-thousand").expect("the other figure claim now fails");
    assert_eq!(c.covered(ARTICLE, army.range), "900 thousand men");
    // Full sync: back as it was.
    let original = std::fs::read_to_string(c.path(ARTICLE)).unwrap();
    c.replace_all(ARTICLE, original.clone());
    c.diagnostics(ARTICLE, |ds| {
        find(ds, "fails-changed-figure").is_some() && find(ds, "army-800-thousand").is_none()
    });
    assert_eq!(
        std::fs::read_to_string(c.path(ARTICLE)).unwrap(),
        original,
        "nothing saved"
    );
}

#[test]
fn a_broken_claim_file_shows_its_error_and_clears_when_fixed() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.open(CLAIMS);
    c.diagnostics(ARTICLE, has("fails-changed-figure"));
    let line = claim_line(c.text(CLAIMS), "army-800-thousand") + 3;
    c.edit(
        CLAIMS,
        "    near: [men]\n\n  - id: generals-range",
        "    nera: [men]\n\n  - id: generals-range",
    );
    let ds = c.diagnostics(CLAIMS, |d| !d.is_empty());
    let e = ds.iter().find(|d| d.message.contains("nera")).unwrap();
    assert_eq!(e.range.start, Position::new(line, 4));
    assert_eq!(c.covered(CLAIMS, e.range), "nera");
    assert!(e.message.contains("did you mean `near`?"), "{}", e.message);
    let article = c.diagnostics(ARTICLE, |ds| ds.iter().any(|d| d.message.contains("does not load")));
    assert!(
        find(&article, "fails-changed-figure").is_none(),
        "no claim of a broken file is checked"
    );
    c.edit(CLAIMS, "    nera: [men]", "    near: [men]");
    assert!(c.diagnostics(CLAIMS, |d| d.is_empty()).is_empty());
    c.diagnostics(ARTICLE, has("fails-changed-figure"));
}

#[test]
fn a_mapping_sends_a_folder_of_articles_to_a_claims_folder() {
    let dir = tempfile::tempdir().unwrap();
    for d in ["articles/2025", "house", "desk"] {
        std::fs::create_dir_all(dir.path().join(d)).unwrap();
    }
    let article = std::fs::read_to_string(root().join(ARTICLE)).unwrap();
    std::fs::write(dir.path().join("articles/2025/paris.txt"), &article).unwrap();
    std::fs::write(
        dir.path().join("house/style.yaml"),
        "claims:\n  - id: kyiv-spelling\n    claim: Kyiv, never Kiev\n    absent: Kiev\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("desk/figures.yaml"),
        "claims:\n  - id: army\n    claim: 900,000 men\n    number: 900000\n    near: [men]\n",
    )
    .unwrap();
    std::fs::write(
        dir.path().join("claimcheck.toml"),
        "[[lsp.map]]\narticles = \"articles/**/*.txt\"\nclaims = \"house/\"\n",
    )
    .unwrap();
    // A second mapping from the client's settings.
    let options = json!({"map": [{"articles": "articles/**", "claims": "desk/figures.yaml"}]});
    let mut c = Client::start(dir, false, options);
    c.open("articles/2025/paris.txt");
    let ds = c.diagnostics("articles/2025/paris.txt", |d| has("kyiv-spelling")(d) && has("army")(d));
    let kiev = find(&ds, "kyiv-spelling").unwrap();
    assert_eq!(c.covered("articles/2025/paris.txt", kiev.range), "Kiev");
    let related = &kiev.related_information.as_ref().unwrap()[0];
    assert_eq!(related.location.uri.as_str(), c.uri("house/style.yaml"));
}

#[test]
fn passing_claims_are_hints_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::create_dir(dir.path().join("claims")).unwrap();
    for f in [ARTICLE, CLAIMS, "claims/entities.yaml"] {
        std::fs::copy(root().join(f), dir.path().join(f)).unwrap();
    }
    let mut c = Client::start(
        dir,
        false,
        json!({"claimcheck": {"showPassing": true, "showUncovered": false}}),
    );
    c.open(ARTICLE);
    let ds = c.diagnostics(ARTICLE, has("italy-observer"));
    let italy = find(&ds, "italy-observer").unwrap();
    assert_eq!(italy.severity, Some(DiagnosticSeverity::HINT));
    assert!(italy.message.contains("supported"));
    assert!(!ds.iter().any(|d| code(d) == "uncovered"));
}

/// The labels the server offers at byte `at` of the claim file `text`.
fn completion_labels(c: &mut Client, text: &str, at: usize) -> Vec<String> {
    let (uri, pos) = (c.uri(CLAIMS), c.position(text, at));
    let v = c
        .request(
            "textDocument/completion",
            json!({"textDocument": {"uri": uri}, "position": pos}),
        )
        .unwrap();
    (v.as_array().unwrap().iter())
        .map(|i| i["label"].as_str().unwrap().to_string())
        .collect()
}

#[test]
fn completion_offers_keys_values_and_entity_names() {
    let mut c = Client::seed(false);
    c.open(CLAIMS);
    let text = c.text(CLAIMS).to_string();
    let at = text.find("    by: Macron").unwrap() + "    by: ".len();
    let labels = completion_labels(&mut c, &text, at);
    let entities = std::fs::read_to_string(c.path("claims/entities.yaml")).unwrap();
    assert!(!labels.is_empty());
    for l in &labels {
        assert!(
            entities.contains(&format!("{l}:")),
            "{l} is an entity of claims/entities.yaml"
        );
    }
    let at = text.find("    negated: true").unwrap() + "    ne".len();
    let labels = completion_labels(&mut c, &text, at);
    assert!(
        labels.iter().any(|l| l == "negated") && labels.iter().any(|l| l == "near"),
        "{labels:?}"
    );
}

#[test]
fn the_schema_is_served_and_offered_for_yaml_servers() {
    let mut c = Client::seed(false);
    let schema = c.request("claimcheck/schema", Value::Null).unwrap();
    assert_eq!(schema, claimcheck::schema::schema());
    std::fs::create_dir(c.path("schema")).unwrap();
    std::fs::copy(
        root().join("schema/claimcheck.schema.json"),
        c.path("schema/claimcheck.schema.json"),
    )
    .unwrap();
    let text = std::fs::read_to_string(c.path(CLAIMS)).unwrap();
    let without: String = text.lines().skip(1).map(|l| format!("{l}\n")).collect();
    c.open_text(CLAIMS, without);
    let actions = c.code_actions(CLAIMS, Range::default());
    let (_, edit) = actions.into_iter().find(|(t, _)| t.contains("JSON Schema")).unwrap();
    c.apply(edit);
    assert!(
        c.text(CLAIMS)
            .starts_with("# yaml-language-server: $schema=../schema/claimcheck.schema.json\n")
    );
}

/// Twenty quick edits: older checks are dropped, never published after a newer one, and
/// the last publication is of the last text.
#[test]
fn stale_checks_are_never_published() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-changed-figure"));
    for i in 0..20 {
        let (old, new) = if i % 2 == 0 {
            ("800 thousand", "900 thousand")
        } else {
            ("900 thousand", "800 thousand")
        };
        c.edit(ARTICLE, old, new);
    }
    // Twenty edits end where they began: the figure claim fails again, at version 21.
    let uri = c.uri(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-changed-figure"));
    let deadline = Instant::now() + WAIT;
    while c.versions[&uri].last() != Some(&Some(21)) {
        c.pump(deadline);
    }
    let versions: Vec<i32> = c.versions[&uri].iter().map(|v| v.unwrap()).collect();
    assert!(versions.windows(2).all(|w| w[0] <= w[1]), "in order: {versions:?}");
    assert!(versions.len() < 21, "bursts coalesced: {versions:?}");
}

#[test]
fn claimcheck_toml_errors_are_diagnostics_and_settings_can_change() {
    let mut c = Client::seed(false);
    c.open_text(
        "claimcheck.toml",
        "[[lsp.map]]\narticles = \"a/**\"\nclaim = \"claims/\"\n".into(),
    );
    let ds = c.diagnostics("claimcheck.toml", |d| !d.is_empty());
    assert_eq!(ds[0].range.start, Position::new(2, 0), "{ds:?}");
    assert!(ds[0].message.contains("claim"), "{}", ds[0].message);
    c.edit("claimcheck.toml", "claim =", "claims =");
    c.diagnostics("claimcheck.toml", |d| d.is_empty());
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, lacks("italy-observer"));
    c.notify(
        "workspace/didChangeConfiguration",
        json!({"settings": {"claimcheck": {"showPassing": true}}}),
    );
    c.diagnostics(ARTICLE, has("italy-observer"));
}

/// A client that lets servers register file watchers is asked to watch claim files and
/// claimcheck.toml.
#[test]
fn claim_files_are_watched_when_the_client_allows_it() {
    let (client, server) = Connection::memory();
    let dir = tempfile::tempdir().unwrap();
    let root = dir.path().to_path_buf();
    let thread = std::thread::spawn(move || claimcheck::lsp::run(&server));
    let init = json!({"capabilities": {"workspace": {"didChangeWatchedFiles": {"dynamicRegistration": true}}},
        "rootUri": path_uri(&root)});
    client
        .sender
        .send(Request::new(RequestId::from(1), "initialize".into(), init).into())
        .unwrap();
    let mut registered = None;
    while registered.is_none() {
        match client.receiver.recv_timeout(WAIT).unwrap() {
            Message::Request(r) if r.method == "client/registerCapability" => registered = Some(r),
            Message::Response(_) => {
                let initialized = Notification::new("initialized".into(), json!({}));
                client.sender.send(initialized.into()).unwrap();
            }
            _ => {}
        }
    }
    let r = registered.unwrap();
    let globs: Vec<&str> = r.params["registrations"][0]["registerOptions"]["watchers"]
        .as_array()
        .unwrap()
        .iter()
        .map(|w| w["globPattern"].as_str().unwrap())
        .collect();
    assert_eq!(globs, ["**/*.yaml", "**/*.yml", "**/claimcheck.toml"]);
    drop(client);
    assert_eq!(
        thread.join().unwrap(),
        Ok(()),
        "a closed connection ends the server quietly"
    );
}

/// A claim file created on disk (reported by the client's watcher) checks the open article.
#[test]
fn a_claim_file_created_on_disk_is_found() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-china"));
    let extra = "article: paris-coalition-2025-03-11.txt\nclaims:\n  - id: extra-japan-absent\n    claim: Japan was not there\n    absent: Japan\n";
    std::fs::write(c.path("claims/extra.yaml"), extra).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": c.uri("claims/extra.yaml"), "type": 1}]}),
    );
    let ds = c.diagnostics(ARTICLE, has("extra-japan-absent"));
    let japan = find(&ds, "extra-japan-absent").unwrap();
    assert_eq!(c.covered(ARTICLE, japan.range), "Japan");
}

// ---- robustness: an error or a diagnostic, and the server keeps serving ----

#[test]
fn unknown_methods_and_bad_params_are_errors_and_the_server_goes_on() {
    let mut c = Client::seed(false);
    let e = c.request("textDocument/frobnicate", json!({})).unwrap_err();
    assert_eq!(e.code, lsp_server::ErrorCode::MethodNotFound as i32);
    let e = c.request("textDocument/hover", json!({"textDocument": 7})).unwrap_err();
    assert_eq!(e.code, lsp_server::ErrorCode::InvalidParams as i32);
    c.notify("textDocument/didOpen", json!({"textDocument": "nope"}));
    c.notify("$/unknownNotification", json!({}));
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-china"));
    assert!(c.shown.iter().any(|m| m.contains("didOpen")), "{:?}", c.shown);
}

#[test]
fn a_claim_file_that_disappears_drops_out() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.diagnostics(ARTICLE, has("fails-china"));
    std::fs::remove_file(c.path(CLAIMS)).unwrap();
    c.notify(
        "workspace/didChangeWatchedFiles",
        json!({"changes": [{"uri": c.uri(CLAIMS), "type": 3}]}),
    );
    c.diagnostics(ARTICLE, |ds| ds.is_empty());
    // An article that disappears (closed in the editor, gone from the disk) under an open
    // claim file: hover says so.
    c.notify(
        "textDocument/didClose",
        json!({"textDocument": {"uri": c.uri(ARTICLE)}}),
    );
    std::fs::copy(root().join(CLAIMS), c.path(CLAIMS)).unwrap();
    c.open(CLAIMS);
    std::fs::remove_file(c.path(ARTICLE)).unwrap();
    let line = claim_line(c.text(CLAIMS), "italy-observer");
    let md = c.hover(CLAIMS, line);
    assert!(md.contains("cannot read"), "{md}");
}

#[test]
fn a_bad_regex_is_a_diagnostic_in_the_claim_file_and_a_note_on_the_article() {
    let mut c = Client::seed(false);
    c.open(ARTICLE);
    c.open(CLAIMS);
    c.diagnostics(ARTICLE, has("fails-china"));
    c.edit(
        CLAIMS,
        "regex: '\\b\\d+ thousand men\\b'",
        "regex: '(\\d+ thousand men'",
    );
    let ds = c.diagnostics(CLAIMS, |d| !d.is_empty());
    let line = claim_line(c.text(CLAIMS), "army-size") + 2;
    assert!(
        ds.iter()
            .any(|d| d.range.start.line == line && d.message.contains("regex")),
        "{ds:?}"
    );
    c.diagnostics(ARTICLE, |ds| ds.iter().any(|d| d.message.contains("does not load")));
    assert!(
        c.hover(CLAIMS, line).is_empty(),
        "no verdict while the file does not load"
    );
}

#[test]
fn a_50_mb_article_is_refused_with_a_diagnostic_and_the_server_keeps_serving() {
    let mut c = Client::seed(false);
    let seed = std::fs::read_to_string(root().join(ARTICLE)).unwrap();
    let big = seed.repeat((50 << 20) / seed.len() + 1);
    c.open_text(ARTICLE, big);
    let ds = c.diagnostics(ARTICLE, |d| !d.is_empty());
    assert!(ds[0].message.contains("not checked live"), "{}", ds[0].message);
    c.edit(ARTICLE, "Kiev", "Kyiv");
    c.diagnostics(ARTICLE, |d| !d.is_empty());
    c.open(CLAIMS);
    let line = claim_line(c.text(CLAIMS), "italy-observer");
    assert!(c.hover(CLAIMS, line).contains("**supported**"), "still serving");
}

// ---- over stdio, the binary ----

fn frame(body: &str) -> Vec<u8> {
    format!("Content-Length: {}\r\n\r\n{body}", body.len()).into_bytes()
}

fn read_frame(out: &mut impl BufRead) -> Value {
    let mut length = 0;
    loop {
        let mut line = String::new();
        out.read_line(&mut line).unwrap();
        if line == "\r\n" {
            break;
        }
        if let Some(v) = line.strip_prefix("Content-Length: ") {
            length = v.trim().parse().unwrap();
        }
    }
    let mut body = vec![0; length];
    out.read_exact(&mut body).unwrap();
    serde_json::from_slice(&body).unwrap()
}

#[test]
fn stdio_a_malformed_message_is_answered_and_the_server_goes_on() {
    let mut child = Command::new(env!("CARGO_BIN_EXE_claimcheck"))
        .arg("lsp")
        .current_dir(root())
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut input = child.stdin.take().unwrap();
    let mut output = BufReader::new(child.stdout.take().unwrap());
    input.write_all(&frame("{this is not json")).unwrap();
    input.flush().unwrap();
    let e = read_frame(&mut output);
    assert_eq!(e["error"]["code"], -32700);
    assert_eq!(e["id"], Value::Null);
    input
        .write_all(&frame(r#"{"jsonrpc":"2.0","id":5,"params":{}}"#))
        .unwrap();
    input.flush().unwrap();
    let e = read_frame(&mut output);
    assert_eq!((e["id"].clone(), e["error"]["code"].clone()), (json!(5), json!(-32600)));
    let init = json!({"jsonrpc": "2.0", "id": 1, "method": "initialize",
        "params": {"capabilities": {}, "rootUri": path_uri(&root())}});
    input.write_all(&frame(&init.to_string())).unwrap();
    input.flush().unwrap();
    let r = read_frame(&mut output);
    assert_eq!(r["id"], 1);
    assert_eq!(r["result"]["serverInfo"]["name"], "claimcheck");
    for m in [
        json!({"jsonrpc": "2.0", "method": "initialized", "params": {}}),
        json!({"jsonrpc": "2.0", "id": 2, "method": "shutdown"}),
    ] {
        input.write_all(&frame(&m.to_string())).unwrap();
    }
    input.flush().unwrap();
    assert_eq!(read_frame(&mut output)["id"], 2);
    input.write_all(&frame(r#"{"jsonrpc":"2.0","method":"exit"}"#)).unwrap();
    drop(input);
    assert!(child.wait().unwrap().success());
}
