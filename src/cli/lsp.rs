//! `claimcheck lsp`: the language server over standard input and output (the server is
//! `claimcheck::lsp`; this is its transport).
//!
//! Messages are framed here rather than by `lsp-server`'s stdio threads, which stop at the
//! first payload that is not JSON: a frame whose body does not parse is answered with a
//! JSON-RPC error (parse error, or invalid request with its id) and the server goes on.

use std::io::{self, BufRead, Write};
use std::thread;

use crossbeam_channel::{Receiver, Sender, unbounded};
use lsp_server::{Connection, Message};

use super::{EXIT_INVALID, EXIT_PASS};

pub fn lsp() -> i32 {
    let (to_server, from_client) = unbounded::<Message>();
    let (to_client, from_server) = unbounded::<Message>();
    thread::spawn(move || write_all(from_server));
    let errors = to_client.clone();
    thread::spawn(move || read_all(to_server, errors));
    let conn = Connection {
        sender: to_client,
        receiver: from_client,
    };
    match claimcheck::lsp::run(&conn) {
        Ok(()) => EXIT_PASS,
        Err(e) => {
            let _ = writeln!(io::stderr(), "claimcheck lsp: {e}");
            EXIT_INVALID
        }
    }
}

/// Writes each message as a frame; one frame at a time holds standard output, so an error
/// answered by the reader never lands inside another frame.
fn write_all(from_server: Receiver<Message>) {
    for m in from_server {
        if m.write(&mut io::stdout().lock()).is_err() {
            return;
        }
    }
}

/// Reads frames until standard input ends or the framing itself is broken (no way to find
/// the next message then).
fn read_all(to_server: Sender<Message>, errors: Sender<Message>) {
    let mut input = io::stdin().lock();
    loop {
        let body = match frame(&mut input) {
            Ok(Some(body)) => body,
            Ok(None) => return,
            Err(e) => {
                let _ = writeln!(io::stderr(), "claimcheck lsp: {e}; stopping");
                return;
            }
        };
        match serde_json::from_slice::<Message>(&body) {
            Ok(m) => {
                let exit = matches!(&m, Message::Notification(n) if n.method == "exit");
                if to_server.send(m).is_err() || exit {
                    return;
                }
            }
            Err(e) => answer_malformed(&body, &e, &errors),
        }
    }
}

/// JSON-RPC's answer to a body that is not a message: "invalid request" to a request whose
/// id can be read, else "parse error" with a null id (written directly: `lsp-server` ids
/// cannot be null).
fn answer_malformed(body: &[u8], e: &serde_json::Error, errors: &Sender<Message>) {
    let id = serde_json::from_slice::<serde_json::Value>(body)
        .ok()
        .and_then(|v| serde_json::from_value::<lsp_server::RequestId>(v.get("id")?.clone()).ok());
    match id {
        Some(id) => {
            let r = lsp_server::Response::new_err(
                id,
                lsp_server::ErrorCode::InvalidRequest as i32,
                format!("not a valid message: {e}"),
            );
            let _ = errors.send(r.into());
        }
        None => {
            let error = serde_json::json!({
                "jsonrpc": "2.0",
                "id": null,
                "error": {"code": lsp_server::ErrorCode::ParseError as i32, "message": format!("not JSON-RPC: {e}")},
            })
            .to_string();
            let mut out = io::stdout().lock();
            let _ = write!(out, "Content-Length: {}\r\n\r\n{error}", error.len());
            let _ = out.flush();
        }
    }
}

/// One frame's body: headers up to a blank line, then `Content-Length` bytes.
fn frame(input: &mut impl BufRead) -> io::Result<Option<Vec<u8>>> {
    let mut length = None;
    let mut line = String::new();
    loop {
        line.clear();
        if input.read_line(&mut line)? == 0 {
            return Ok(None);
        }
        let header = line.trim_end_matches(['\r', '\n']);
        if header.is_empty() {
            break;
        }
        if let Some((name, value)) = header.split_once(':')
            && name.trim().eq_ignore_ascii_case("content-length")
        {
            length = value.trim().parse::<usize>().ok();
        }
    }
    let length =
        length.ok_or_else(|| io::Error::new(io::ErrorKind::InvalidData, "a message without Content-Length"))?;
    let mut body = vec![0; length];
    input.read_exact(&mut body)?;
    Ok(Some(body))
}
