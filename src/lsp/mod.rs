//! `claimcheck lsp`: the language server, so verdicts appear in the editor while the copy is
//! written.
//!
//! On an article (any format [`crate::article::Article::read`] reads), each claim that
//! does not pass is a diagnostic at its evidence; on a claim file, load errors at their
//! `line:column`, hover with the verdict and its explanation, completion of keys and entity
//! names; quick fixes are plain edits. Which claim files check an article: those whose
//! `article:` names it, and those `claimcheck.toml` maps to its folder (see `workspace`).
//!
//! Built on `lsp-server` (rust-analyzer's): a synchronous loop over crossbeam channels, with
//! checks on rayon's pool, as the rest of the library runs. It writes only through the
//! [`lsp_server::Connection`] it is given (standard input and output in the binary, memory
//! in the tests); it never prints.

pub mod actions;
pub mod check;
pub mod completion;
pub mod diagnostics;
pub mod hover;
pub mod positions;
pub mod server;
pub mod settings;
pub mod workspace;

use lsp_server::{Connection, ErrorCode, Response};
use lsp_types::{
    CodeActionKind, CodeActionOptions, CodeActionProviderCapability, CompletionOptions, HoverProviderCapability,
    InitializeParams, SaveOptions, ServerCapabilities, TextDocumentSyncCapability, TextDocumentSyncKind,
    TextDocumentSyncOptions, TextDocumentSyncSaveOptions,
};

use positions::Encoding;
use settings::Settings;

/// Answers `initialize` on `conn`, then serves until `exit`. An error is a broken
/// connection or a client that did not start the protocol with `initialize`.
pub fn run(conn: &Connection) -> Result<(), String> {
    let (id, params) = conn.initialize_start().map_err(|e| e.to_string())?;
    let init: InitializeParams = match serde_json::from_value(params) {
        Ok(p) => p,
        Err(e) => {
            let message = format!("`initialize`: {e}");
            let _ = conn
                .sender
                .send(Response::new_err(id, ErrorCode::InvalidParams as i32, message.clone()).into());
            return Err(message);
        }
    };
    let offered = init
        .capabilities
        .general
        .as_ref()
        .and_then(|g| g.position_encodings.as_deref());
    let encoding = Encoding::negotiate(offered);
    let (settings, problem) = match init.initialization_options.as_ref().map(Settings::from_json) {
        None => (Settings::default(), None),
        Some(Ok(s)) => (s, None),
        Some(Err(e)) => (Settings::default(), Some(e)),
    };
    let result = serde_json::json!({
        "capabilities": capabilities(encoding),
        "serverInfo": {"name": "claimcheck", "version": env!("CARGO_PKG_VERSION")},
    });
    conn.initialize_finish(id, result).map_err(|e| e.to_string())?;
    let server = server::Server::new(conn.sender.clone(), encoding, root(&init), settings);
    if watches(&init) {
        server.watch_files();
    }
    if let Some(e) = problem {
        let params = lsp_types::ShowMessageParams {
            typ: lsp_types::MessageType::ERROR,
            message: e,
        };
        let _ = conn
            .sender
            .send(lsp_server::Notification::new("window/showMessage".into(), params).into());
    }
    server.serve(conn)
}

/// Whether the client lets the server ask it to watch files (claim files created, changed or
/// deleted outside the editor).
fn watches(init: &InitializeParams) -> bool {
    let workspace = init.capabilities.workspace.as_ref();
    let watched = workspace.and_then(|w| w.did_change_watched_files.as_ref());
    watched.and_then(|w| w.dynamic_registration).unwrap_or(false)
}

/// The workspace folder: the first of `workspaceFolders`, else the older `rootUri`.
#[allow(deprecated)] // `root_uri`: what older clients send
fn root(init: &InitializeParams) -> Option<std::path::PathBuf> {
    let folder = init.workspace_folders.as_ref().and_then(|f| f.first()).map(|f| &f.uri);
    folder
        .or(init.root_uri.as_ref())
        .and_then(|u| workspace::uri_path(u.as_str()))
}

fn capabilities(encoding: Encoding) -> ServerCapabilities {
    ServerCapabilities {
        position_encoding: Some(encoding.kind()),
        text_document_sync: Some(TextDocumentSyncCapability::Options(TextDocumentSyncOptions {
            open_close: Some(true),
            change: Some(TextDocumentSyncKind::INCREMENTAL),
            save: Some(TextDocumentSyncSaveOptions::SaveOptions(SaveOptions {
                include_text: Some(false),
            })),
            ..TextDocumentSyncOptions::default()
        })),
        hover_provider: Some(HoverProviderCapability::Simple(true)),
        completion_provider: Some(CompletionOptions {
            trigger_characters: Some(vec![" ".into(), "[".into(), ",".into()]),
            ..CompletionOptions::default()
        }),
        code_action_provider: Some(CodeActionProviderCapability::Options(CodeActionOptions {
            code_action_kinds: Some(vec![CodeActionKind::QUICKFIX]),
            ..CodeActionOptions::default()
        })),
        ..ServerCapabilities::default()
    }
}
