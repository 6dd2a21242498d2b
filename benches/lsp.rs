//! The language server's live loop (`cargo bench --bench lsp`): from a keystroke's
//! `didChange` to the diagnostics published for it, on a 5,000-word article checked against
//! 200 claims, in process (`Connection::memory()`), so what is timed is the server: the
//! debounce, re-reading the article, every check, the diagnostics.
//!
//! The target: within 50 ms of a change. With the default debounce (25 ms) and without it.

use std::time::Duration;

use claimcheck::lsp::workspace::path_uri;
use lsp_server::{Connection, Message, Notification, Request, RequestId};
use serde_json::json;

const SEED: &str = include_str!("../claims/paris-coalition-2025-03-11.txt");
const CLAIMS: &str = include_str!("../claims/paris-coalition.yaml");
const ENTITIES: &str = include_str!("../claims/entities.yaml");

fn main() {
    divan::main();
}

/// About `words` words of news text: copies of the seed, each with its own names and
/// figures so no two are the same.
fn article(words: usize) -> String {
    let mut s = String::new();
    let mut i = 0;
    while s.split_whitespace().count() < words {
        s.push_str(
            &SEED
                .replace("Italy", &format!("Italy{i}"))
                .replace("34", &(34 + i).to_string()),
        );
        s.push_str("\n\n");
        i += 1;
    }
    s
}

/// `n` claims: the seed's 25 (every kind, passing and failing), over and over with new ids.
fn claims(n: usize) -> String {
    let (head, list) = CLAIMS.split_once("claims:\n").expect("the seed has a claims list");
    let items: Vec<&str> = list.split("\n  - id: ").collect();
    let mut out = format!("{head}claims:\n");
    for i in 0..n {
        let item = items[i % items.len()].trim_start_matches("  - id: ").trim_end();
        out.push_str(&format!("  - id: c{i}-{item}\n\n"));
    }
    out
}

struct Session {
    conn: Connection,
    _server: std::thread::JoinHandle<Result<(), String>>,
    _dir: tempfile::TempDir,
    uri: String,
    version: i32,
}

impl Session {
    fn start(debounce_ms: u64) -> Session {
        let dir = tempfile::tempdir().expect("a temporary folder");
        std::fs::write(dir.path().join("story.txt"), article(5_000)).expect("written");
        std::fs::write(dir.path().join("entities.yaml"), ENTITIES).expect("written");
        let yaml = claims(200).replace("article: paris-coalition-2025-03-11.txt", "article: story.txt");
        std::fs::write(dir.path().join("claims.yaml"), yaml).expect("written");
        let (client, server) = Connection::memory();
        let thread = std::thread::spawn(move || claimcheck::lsp::run(&server));
        let init = json!({"capabilities": {}, "rootUri": path_uri(dir.path()),
            "initializationOptions": {"debounceMs": debounce_ms}});
        let send = |m: Message| client.sender.send(m).expect("the server listens");
        send(Request::new(RequestId::from(1), "initialize".into(), init).into());
        let _ = client.receiver.recv();
        send(Notification::new("initialized".into(), json!({})).into());
        let uri = path_uri(&dir.path().join("story.txt"));
        let text = std::fs::read_to_string(dir.path().join("story.txt")).expect("read");
        send(
            Notification::new(
                "textDocument/didOpen".into(),
                json!({"textDocument": {"uri": uri, "languageId": "plaintext", "version": 1, "text": text}}),
            )
            .into(),
        );
        let s = Session {
            conn: client,
            _server: thread,
            _dir: dir,
            uri,
            version: 1,
        };
        let failing = s.published();
        assert!(failing > 0, "the seed's failing claims are there");
        s
    }

    /// Waits for the next diagnostics of the article: how many there are.
    fn published(&self) -> usize {
        loop {
            match self
                .conn
                .receiver
                .recv_timeout(Duration::from_secs(60))
                .expect("diagnostics")
            {
                Message::Notification(n) if n.method == "textDocument/publishDiagnostics" => {
                    return n.params["diagnostics"].as_array().map_or(0, Vec::len);
                }
                _ => {}
            }
        }
    }

    /// One keystroke: a letter typed at the start of the article, or taken away again.
    fn keystroke(&mut self) {
        self.version += 1;
        let (end, text) = match self.version % 2 {
            0 => (0, "X"),
            _ => (1, ""),
        };
        let change = json!({"range": {"start": {"line": 0, "character": 0}, "end": {"line": 0, "character": end}}, "text": text});
        let params = json!({"textDocument": {"uri": self.uri, "version": self.version}, "contentChanges": [change]});
        let note = Notification::new("textDocument/didChange".into(), params);
        self.conn.sender.send(note.into()).expect("the server listens");
    }
}

/// The parts of one check, without the server: reading the article, checking the 200
/// claims, and the coverage that finds the facts no claim checks.
#[divan::bench(args = ["read", "claims", "coverage"])]
fn check_parts(bencher: divan::Bencher, part: &str) {
    use claimcheck::{article::Article, compile, engine};
    let dir = tempfile::tempdir().expect("a temporary folder");
    std::fs::write(dir.path().join("entities.yaml"), ENTITIES).expect("written");
    let file = compile::parse("c.yaml", &claims(200), Some(dir.path())).expect("the claims load");
    let text = article(5_000);
    let article = Article::new("a.txt", text.clone());
    let limits = engine::Limits::default();
    let report = engine::evaluate_with(&file, &article, &engine::Policy::default(), &limits);
    match part {
        "read" => bencher.bench(|| Article::new("a.txt", divan::black_box(text.clone()))),
        "claims" => bencher.bench(|| {
            let fresh = Article::new("a.txt", text.clone());
            engine::evaluate_with(&file, &fresh, &engine::Policy::default(), &limits)
        }),
        _ => bencher.bench(|| {
            let mut r = report.clone();
            engine::add_coverage(&mut r, &article);
            r
        }),
    }
}

/// From `didChange` to `publishDiagnostics`, with the debounce given (25 ms is the default).
#[divan::bench(args = [0, 25], sample_count = 30, sample_size = 1)]
fn change_to_diagnostics(bencher: divan::Bencher, debounce_ms: u64) {
    let mut s = Session::start(debounce_ms);
    bencher.bench_local(|| {
        s.keystroke();
        s.published()
    });
}
