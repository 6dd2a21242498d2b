//! The message loop: documents, debounced checks on worker threads, publishing.
//!
//! The loop never checks anything itself: a change bumps the document's generation and sets
//! a deadline; at the deadline a rayon task checks a snapshot of the open documents and
//! sends its diagnostics back, which are published only if no change came in the meantime
//! (a stale task also stops between claim files). The deadline debounces on the leading
//! edge: a change after a pause is checked at once (the latency of a keystroke is the
//! check's), and a burst of changes starts at most one check per `debounceMs` window, with
//! the last text. Requests that read claim
//! files or articles (hover, completion, code actions) are answered from worker tasks too,
//! through the connection's sender, so a long check never delays a keystroke's answer.

use std::collections::HashMap;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};
use std::time::{Duration, Instant};

use crossbeam_channel::{Receiver, Sender, after, never, select, unbounded};
use lsp_server::{Connection, ErrorCode, Message, Notification, Request, RequestId, Response};
use lsp_types::notification::{self as note, Notification as _};
use lsp_types::request::{self as req, Request as _};
use lsp_types::{
    CodeActionParams, CompletionParams, CompletionResponse, Diagnostic, DidChangeConfigurationParams,
    DidChangeTextDocumentParams, DidChangeWatchedFilesRegistrationOptions, DidCloseTextDocumentParams,
    DidOpenTextDocumentParams, FileSystemWatcher, GlobPattern, HoverParams, MessageType, PublishDiagnosticsParams,
    Registration, RegistrationParams, ShowMessageParams, Uri,
};

use super::check::{Checked, check_article};
use super::positions::{Encoding, apply_change};
use super::settings::Settings;
use super::workspace::{ClaimSource, Open, OpenText, Workspace, uri_path};
use super::{actions, completion, diagnostics, hover};

/// The custom request that answers with the claim format's JSON Schema.
pub const SCHEMA_REQUEST: &str = "claimcheck/schema";

/// What an open document is to the server.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Article,
    ClaimFile,
    Config,
}

#[derive(Debug)]
struct Document {
    path: PathBuf,
    kind: Kind,
    version: i32,
    text: OpenText,
    /// Bumped on every change: a check started before it is stale.
    generation: Arc<AtomicU64>,
    /// When its last check started: the debounce window runs from there.
    last_start: Option<Instant>,
}

/// What a worker sends back to the loop.
enum Done {
    /// Diagnostics for a document, computed at `generation`; an article's check with them.
    Diagnostics {
        uri: String,
        generation: u64,
        diagnostics: Vec<Diagnostic>,
        checked: Option<Arc<Checked>>,
    },
    /// A fresh scan of the workspace.
    Workspace(Arc<Workspace>),
}

/// What every worker needs: the documents as they are now, and the settings.
#[derive(Clone)]
struct Snapshot {
    workspace: Arc<Workspace>,
    open: Arc<Open>,
    settings: Arc<Settings>,
    encoding: Encoding,
}

/// The server's state, owned by the loop.
pub struct Server {
    sender: Sender<Message>,
    encoding: Encoding,
    root: Option<PathBuf>,
    settings: Arc<Settings>,
    workspace: Arc<Workspace>,
    docs: HashMap<String, Document>,
    /// Checks waiting for their deadline.
    pending: HashMap<String, Instant>,
    /// The last check of each open article.
    checked: HashMap<String, Arc<Checked>>,
    done_tx: Sender<Done>,
    done_rx: Receiver<Done>,
    revision: u64,
}

impl Server {
    /// A server that talks through `sender`, for a workspace at `root`.
    pub fn new(sender: Sender<Message>, encoding: Encoding, root: Option<PathBuf>, settings: Settings) -> Server {
        let (done_tx, done_rx) = unbounded();
        let workspace = Arc::new(Workspace::scan(root.clone(), &settings, None, None));
        Server {
            sender,
            encoding,
            root,
            settings: Arc::new(settings),
            workspace,
            docs: HashMap::new(),
            pending: HashMap::new(),
            checked: HashMap::new(),
            done_tx,
            done_rx,
            revision: 0,
        }
    }

    /// Asks the client to report claim files and `claimcheck.toml` created, changed or
    /// deleted outside the editor (`workspace/didChangeWatchedFiles`); its answer is not
    /// waited for.
    pub fn watch_files(&self) {
        let watchers = ["**/*.yaml", "**/*.yml", "**/claimcheck.toml"].map(|glob| FileSystemWatcher {
            glob_pattern: GlobPattern::String(glob.into()),
            kind: None,
        });
        let options = DidChangeWatchedFilesRegistrationOptions {
            watchers: watchers.into(),
        };
        let registration = Registration {
            id: "claimcheck-watch".into(),
            method: note::DidChangeWatchedFiles::METHOD.into(),
            register_options: serde_json::to_value(options).ok(),
        };
        let params = RegistrationParams {
            registrations: vec![registration],
        };
        self.send(Request::new(
            RequestId::from("claimcheck-watch".to_string()),
            req::RegisterCapability::METHOD.into(),
            params,
        ));
    }

    /// Serves until the client says `exit` or the connection closes.
    pub fn serve(mut self, conn: &Connection) -> Result<(), String> {
        self.workspace_problems();
        loop {
            let timer = match self.pending.values().min() {
                Some(&at) => after(at.saturating_duration_since(Instant::now())),
                None => never(),
            };
            select! {
                recv(conn.receiver) -> msg => match msg {
                    Err(_) => return Ok(()),
                    Ok(Message::Request(r)) => {
                        if conn.handle_shutdown(&r).map_err(|e| e.to_string())? {
                            return Ok(());
                        }
                        self.on_request(r);
                    }
                    Ok(Message::Notification(n)) if n.method == note::Exit::METHOD => return Ok(()),
                    Ok(Message::Notification(n)) => self.on_notification(n),
                    Ok(Message::Response(_)) => {}
                },
                recv(self.done_rx) -> done => {
                    if let Ok(done) = done {
                        self.on_done(done);
                    }
                }
                recv(timer) -> _ => self.start_due(),
            }
        }
    }

    fn send(&self, m: impl Into<Message>) {
        // The client is gone when this fails; the loop ends on the next receive.
        let _ = self.sender.send(m.into());
    }

    fn notify<N: note::Notification>(&self, params: N::Params) {
        self.send(Notification::new(N::METHOD.to_string(), params));
    }

    fn show(&self, typ: MessageType, message: String) {
        self.notify::<note::ShowMessage>(ShowMessageParams { typ, message });
    }

    fn snapshot(&self) -> Snapshot {
        let open = self.docs.values().map(|d| (d.path.clone(), d.text.clone())).collect();
        Snapshot {
            workspace: self.workspace.clone(),
            open: Arc::new(open),
            settings: self.settings.clone(),
            encoding: self.encoding,
        }
    }

    // ---- notifications ----

    fn on_notification(&mut self, n: Notification) {
        let method = n.method.clone();
        let result = match method.as_str() {
            note::DidOpenTextDocument::METHOD => n.extract(&method).map(|p| self.did_open(p)),
            note::DidChangeTextDocument::METHOD => n.extract(&method).map(|p| self.did_change(p)),
            note::DidCloseTextDocument::METHOD => n.extract(&method).map(|p| self.did_close(p)),
            note::DidSaveTextDocument::METHOD | note::DidChangeWatchedFiles::METHOD => {
                self.rescan();
                Ok(())
            }
            note::DidChangeConfiguration::METHOD => n.extract(&method).map(|p| self.did_change_configuration(p)),
            // Unknown notifications are ignored, as the protocol says.
            _ => Ok(()),
        };
        if let Err(e) = result {
            self.show(MessageType::ERROR, format!("claimcheck: {method}: {e}"));
        }
    }

    fn did_open(&mut self, p: DidOpenTextDocumentParams) {
        let uri = p.text_document.uri.as_str().to_string();
        let Some(path) = uri_path(&uri) else {
            return;
        };
        let kind = match path.extension().and_then(|x| x.to_str()) {
            Some("yaml" | "yml") => Kind::ClaimFile,
            _ if path.file_name().is_some_and(|n| n == crate::config::FILE) => Kind::Config,
            _ => Kind::Article,
        };
        self.revision += 1;
        let doc = Document {
            path,
            kind,
            version: p.text_document.version,
            text: OpenText {
                revision: self.revision,
                text: Arc::new(p.text_document.text),
            },
            generation: Arc::default(),
            last_start: None,
        };
        self.docs.insert(uri.clone(), doc);
        self.changed(&uri);
    }

    fn did_change(&mut self, p: DidChangeTextDocumentParams) {
        let uri = p.text_document.uri.as_str().to_string();
        self.revision += 1;
        let Some(doc) = self.docs.get_mut(&uri) else {
            return;
        };
        let text = Arc::make_mut(&mut doc.text.text);
        for change in p.content_changes {
            apply_change(text, change.range, &change.text, self.encoding);
        }
        doc.text.revision = self.revision;
        doc.version = p.text_document.version;
        self.changed(&uri);
    }

    fn did_close(&mut self, p: DidCloseTextDocumentParams) {
        let uri = p.text_document.uri.as_str().to_string();
        if let Some(doc) = self.docs.remove(&uri) {
            doc.generation.fetch_add(1, Ordering::SeqCst);
            self.pending.remove(&uri);
            self.checked.remove(&uri);
            self.publish(&uri, Vec::new(), None);
            // The file on disk takes over from the buffer.
            if doc.kind != Kind::Article {
                self.rescan();
            }
        }
    }

    fn did_change_configuration(&mut self, p: DidChangeConfigurationParams) {
        match Settings::from_json(&p.settings) {
            Ok(s) => {
                self.settings = Arc::new(s);
                self.rescan();
            }
            Err(e) => self.show(MessageType::ERROR, e),
        }
    }

    /// A document changed: it is checked again at once, or at the end of the debounce window
    /// of its last check; a claim file or the configuration changes what every open article
    /// is checked with.
    fn changed(&mut self, uri: &str) {
        let Some(doc) = self.docs.get(uri) else {
            return;
        };
        doc.generation.fetch_add(1, Ordering::SeqCst);
        let kind = doc.kind;
        let window = Duration::from_millis(self.settings.debounce_ms);
        let at = doc
            .last_start
            .map_or(Instant::now(), |t| (t + window).max(Instant::now()));
        self.pending.insert(uri.to_string(), at);
        match kind {
            Kind::Article => {}
            Kind::ClaimFile => self.schedule_all(Kind::Article, at),
            Kind::Config => self.rescan(),
        }
    }

    fn schedule_all(&mut self, kind: Kind, at: Instant) {
        for (uri, doc) in &self.docs {
            if doc.kind == kind {
                doc.generation.fetch_add(1, Ordering::SeqCst);
                self.pending.insert(uri.clone(), at);
            }
        }
    }

    /// Scans the workspace again on a worker (files came or went, settings changed), then
    /// checks every open document.
    fn rescan(&mut self) {
        let root = self.root.clone();
        let settings = self.settings.clone();
        let config = self
            .docs
            .values()
            .find(|d| d.kind == Kind::Config && Some(d.path.parent()) == Some(root.as_deref()))
            .map(|d| d.text.text.clone());
        let previous = self.workspace.clone();
        let done = self.done_tx.clone();
        rayon::spawn(move || {
            let ws = Workspace::scan(root, &settings, config.as_deref().map(String::as_str), Some(&previous));
            let _ = done.send(Done::Workspace(Arc::new(ws)));
        });
    }

    // ---- checks ----

    /// Starts the checks whose debounce has passed.
    fn start_due(&mut self) {
        let now = Instant::now();
        let due: Vec<String> = self
            .pending
            .iter()
            .filter(|(_, at)| **at <= now)
            .map(|(u, _)| u.clone())
            .collect();
        if due.is_empty() {
            return;
        }
        let snap = self.snapshot();
        for uri in due {
            self.pending.remove(&uri);
            if let Some(doc) = self.docs.get_mut(&uri) {
                doc.last_start = Some(now);
            }
            if let Some(doc) = self.docs.get(&uri) {
                self.start(uri, doc, snap.clone());
            }
        }
    }

    fn start(&self, uri: String, doc: &Document, snap: Snapshot) {
        let generation = doc.generation.clone();
        let at = generation.load(Ordering::SeqCst);
        let (path, kind, text) = (doc.path.clone(), doc.kind, doc.text.text.clone());
        let done = self.done_tx.clone();
        rayon::spawn(move || {
            let live = || generation.load(Ordering::SeqCst) == at;
            let work = || -> Option<(Vec<Diagnostic>, Option<Arc<Checked>>)> {
                Some(match kind {
                    Kind::Article => {
                        let c = check_article(&snap.workspace, &snap.open, &path, text, &snap.settings, &live)?;
                        let s = &snap.settings;
                        let d = diagnostics::for_article(&c, s.show_passing, s.show_uncovered, snap.encoding);
                        (d, Some(Arc::new(c)))
                    }
                    Kind::ClaimFile => (claim_file_diagnostics(&snap, &path, &text), None),
                    Kind::Config => (config_diagnostics(&snap, &text), None),
                })
            };
            // A bug on some input must cost this document its check, not the editor its server.
            let (diagnostics, checked) = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(work)) {
                Ok(Some(found)) => found,
                Ok(None) => return,
                Err(panic) => (vec![diagnostics::failed(&panic_message(&*panic))], None),
            };
            let _ = done.send(Done::Diagnostics {
                uri,
                generation: at,
                diagnostics,
                checked,
            });
        });
    }

    fn on_done(&mut self, done: Done) {
        match done {
            Done::Diagnostics {
                uri,
                generation,
                diagnostics,
                checked,
            } => {
                let Some(doc) = self.docs.get(&uri) else {
                    return;
                };
                if doc.generation.load(Ordering::SeqCst) != generation {
                    return;
                }
                let version = doc.version;
                if let Some(c) = checked {
                    self.checked.insert(uri.clone(), c);
                }
                self.publish(&uri, diagnostics, Some(version));
            }
            Done::Workspace(ws) => {
                self.workspace = ws;
                self.workspace_problems();
                let at = Instant::now();
                let uris: Vec<String> = self.docs.keys().cloned().collect();
                for uri in uris {
                    if let Some(doc) = self.docs.get(&uri) {
                        doc.generation.fetch_add(1, Ordering::SeqCst);
                    }
                    self.pending.insert(uri, at);
                }
            }
        }
    }

    /// What is wrong with `claimcheck.toml` when it is not open: said once per scan.
    fn workspace_problems(&self) {
        let config_open = self.docs.values().any(|d| d.kind == Kind::Config);
        for p in &self.workspace.problems {
            if !config_open {
                self.show(MessageType::ERROR, format!("claimcheck: {}", p.to_string().trim_end()));
            }
        }
    }

    fn publish(&self, uri: &str, diagnostics: Vec<Diagnostic>, version: Option<i32>) {
        let Ok(uri) = uri.parse::<Uri>() else {
            return;
        };
        self.notify::<note::PublishDiagnostics>(PublishDiagnosticsParams {
            uri,
            diagnostics,
            version,
        });
    }

    // ---- requests ----

    fn on_request(&mut self, r: Request) {
        let id = r.id.clone();
        let method = r.method.clone();
        let answer = match method.as_str() {
            req::HoverRequest::METHOD => r
                .extract::<HoverParams>(&method)
                .map(|(_, p)| self.hover(id.clone(), p)),
            req::Completion::METHOD => r
                .extract::<CompletionParams>(&method)
                .map(|(_, p)| self.completion(id.clone(), p)),
            req::CodeActionRequest::METHOD => r
                .extract::<CodeActionParams>(&method)
                .map(|(_, p)| self.code_action(id.clone(), p)),
            SCHEMA_REQUEST => {
                self.send(Response::new_ok(id.clone(), crate::schema::schema()));
                Ok(())
            }
            _ => {
                self.send(Response::new_err(
                    id,
                    ErrorCode::MethodNotFound as i32,
                    format!("claimcheck does not answer `{method}`"),
                ));
                return;
            }
        };
        if let Err(e) = answer {
            self.send(Response::new_err(
                id,
                ErrorCode::InvalidParams as i32,
                format!("`{method}`: {e}"),
            ));
        }
    }

    /// Runs `answer` on a worker and sends what it returns as the response to `id`.
    fn answer<R: serde::Serialize>(&self, id: RequestId, answer: impl FnOnce(Snapshot) -> R + Send + 'static) {
        let snap = self.snapshot();
        let sender = self.sender.clone();
        rayon::spawn(move || {
            let response = match std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| answer(snap))) {
                Ok(r) => Response::new_ok(id, r),
                Err(panic) => Response::new_err(id, ErrorCode::InternalError as i32, panic_message(&*panic)),
            };
            let _ = sender.send(response.into());
        });
    }

    fn hover(&self, id: RequestId, p: HoverParams) {
        let uri = p.text_document_position_params.text_document.uri.as_str().to_string();
        let pos = p.text_document_position_params.position;
        let Some(doc) = self.docs.get(&uri) else {
            return self.send(Response::new_ok(id, serde_json::Value::Null));
        };
        let path = doc.path.clone();
        match doc.kind {
            Kind::ClaimFile => {
                let checked: Vec<Arc<Checked>> = self.checked.values().cloned().collect();
                self.answer(id, move |s| {
                    hover::on_claim_file(&s.workspace, &s.open, &path, pos, &checked)
                });
            }
            Kind::Article => {
                let checked = self.checked.get(&uri).cloned();
                let enc = self.encoding;
                self.answer(id, move |_| checked.and_then(|c| hover::on_article(&c, pos, enc)));
            }
            Kind::Config => self.send(Response::new_ok(id, serde_json::Value::Null)),
        }
    }

    fn completion(&self, id: RequestId, p: CompletionParams) {
        let uri = p.text_document_position.text_document.uri.as_str().to_string();
        let pos = p.text_document_position.position;
        let Some(doc) = self.docs.get(&uri).filter(|d| d.kind == Kind::ClaimFile) else {
            return self.send(Response::new_ok(id, serde_json::Value::Null));
        };
        let (path, text, enc) = (doc.path.clone(), doc.text.text.clone(), self.encoding);
        self.answer(id, move |s| {
            let index = super::positions::LineIndex::new(&text);
            let at = index.offset(&text, pos, enc);
            let line_start = text[..at].rfind('\n').map_or(0, |i| i + 1);
            let entities = match &*s.workspace.load(&path, &s.open) {
                ClaimSource::Loaded(f) => f.entity_names.clone(),
                _ => completion::entities_in(&text),
            };
            CompletionResponse::Array(completion::complete(&text[line_start..at], &entities))
        });
    }

    fn code_action(&self, id: RequestId, p: CodeActionParams) {
        let uri = p.text_document.uri.as_str().to_string();
        let Some(doc) = self.docs.get(&uri) else {
            return self.send(Response::new_ok(id, serde_json::Value::Null));
        };
        let (path, enc, root) = (doc.path.clone(), self.encoding, self.root.clone());
        match doc.kind {
            Kind::Article => {
                let checked = self.checked.get(&uri).cloned();
                self.answer(id, move |s| {
                    let Some(c) = checked else {
                        return Vec::new();
                    };
                    let r = c.index.range_offsets(&c.text, p.range, enc);
                    actions::for_article(&c, r, &s.open, enc)
                });
            }
            Kind::ClaimFile => self.answer(id, move |s| {
                actions::for_claim_file(&path, root.as_deref(), &s.open, enc)
            }),
            Kind::Config => self.send(Response::new_ok(id, serde_json::Value::Null)),
        }
    }
}

/// What a panic said, for the one diagnostic or error that replaces the work it stopped.
fn panic_message(panic: &(dyn std::any::Any + Send)) -> String {
    let said = panic
        .downcast_ref::<&str>()
        .map(|s| s.to_string())
        .or_else(|| panic.downcast_ref::<String>().cloned())
        .unwrap_or_default();
    format!("claimcheck stopped on an internal error ({said}); the server goes on, please report it")
}

/// A claim file's load errors (or its hints, when it loads).
fn claim_file_diagnostics(snap: &Snapshot, path: &Path, text: &str) -> Vec<Diagnostic> {
    match &*snap.workspace.load(path, &snap.open) {
        ClaimSource::Broken(errors, _) => diagnostics::for_load_errors(errors, text, snap.encoding),
        ClaimSource::Loaded(f) => {
            let mut d = diagnostics::for_load_errors(&f.hints, text, snap.encoding);
            for h in &mut d {
                h.severity = Some(lsp_types::DiagnosticSeverity::WARNING);
            }
            d
        }
        ClaimSource::Other => Vec::new(),
    }
}

/// `claimcheck.toml`'s errors, from the scan that read this text.
fn config_diagnostics(snap: &Snapshot, text: &str) -> Vec<Diagnostic> {
    diagnostics::for_load_errors(&snap.workspace.problems, text, snap.encoding)
}
