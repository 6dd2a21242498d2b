"""`claimcheck lsp` over stdio, driven by pytest-lsp (pygls's client) as an editor drives it.

The binary is target/debug/claimcheck (build it with `cargo build`), or the one CLAIMCHECK
names. The workspace is the repository itself, read only: the seed article and its claims.
"""

import asyncio
import os
import pathlib

import pytest_lsp
from lsprotocol import types
from pytest_lsp import ClientServerConfig, LanguageClient

ROOT = pathlib.Path(__file__).resolve().parents[2]
BINARY = os.environ.get("CLAIMCHECK", str(ROOT / "target" / "debug" / "claimcheck"))
ARTICLE = ROOT / "claims" / "paris-coalition-2025-03-11.txt"
CLAIMS = ROOT / "claims" / "paris-coalition.yaml"
FAILING = {
    "fails-elysee-spelling",
    "fails-us-attended",
    "fails-kiev-spelling",
    "fails-countries-34",
    "fails-changed-figure",
    "fails-shifted-date",
    "fails-misquote",
    "fails-misattribution",
    "fails-china",
}


@pytest_lsp.fixture(config=ClientServerConfig(server_command=[BINARY, "lsp"]))
async def client(lsp_client: LanguageClient):
    result = await lsp_client.initialize_session(
        types.InitializeParams(
            capabilities=types.ClientCapabilities(),
            root_uri=ROOT.as_uri(),
        )
    )
    # No `positionEncodings` offered: the protocol's UTF-16.
    assert result.capabilities.position_encoding == "utf-16"
    yield
    await lsp_client.shutdown_session()


async def diagnostics(client: LanguageClient, uri: str, ok) -> list:
    """Waits until the diagnostics published for `uri` satisfy `ok`."""

    async def wait():
        while not ok(client.diagnostics.get(uri)):
            await client.wait_for_notification(types.TEXT_DOCUMENT_PUBLISH_DIAGNOSTICS)
        return client.diagnostics[uri]

    return await asyncio.wait_for(wait(), timeout=60)


def failing(ds) -> set:
    return {d.code for d in ds or [] if d.severity != types.DiagnosticSeverity.Hint}


def covered(text: str, r: types.Range) -> str:
    """The text a UTF-16 range covers."""

    def offset(p: types.Position) -> int:
        line = text.split("\n")[p.line]
        start = sum(len(l) + 1 for l in text.split("\n")[: p.line])
        units = line.encode("utf-16-le")[: 2 * p.character].decode("utf-16-le")
        return start + len(units)

    return text[offset(r.start) : offset(r.end)]


def open_article(client: LanguageClient) -> tuple[str, str]:
    uri, text = ARTICLE.as_uri(), ARTICLE.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=uri, language_id="plaintext", version=1, text=text)
        )
    )
    return uri, text


async def test_failing_claims_are_diagnostics_at_their_evidence(client: LanguageClient):
    uri, text = open_article(client)
    ds = await diagnostics(client, uri, lambda d: FAILING <= failing(d))
    figure = next(d for d in ds if d.code == "fails-changed-figure")
    assert covered(text, figure.range) == "800 thousand men"
    assert figure.severity == types.DiagnosticSeverity.Error
    assert "expected: 900000" in figure.message
    assert figure.related_information[0].location.uri == CLAIMS.as_uri()
    elysee = next(d for d in ds if d.code == "fails-elysee-spelling")
    assert covered(text, elysee.range) == "According to the Elisee"


async def test_an_unsaved_edit_changes_the_verdict(client: LanguageClient):
    uri, text = open_article(client)
    ds = await diagnostics(client, uri, lambda d: "fails-changed-figure" in failing(d))
    figure = next(d for d in ds if d.code == "fails-changed-figure")
    client.text_document_did_change(
        types.DidChangeTextDocumentParams(
            text_document=types.VersionedTextDocumentIdentifier(uri=uri, version=2),
            content_changes=[types.TextDocumentContentChangePartial(range=figure.range, text="900 thousand men")],
        )
    )
    ds = await diagnostics(client, uri, lambda d: d is not None and "army-800-thousand" in failing(d))
    assert "fails-changed-figure" not in failing(ds)
    assert ARTICLE.read_text(encoding="utf-8") == text, "nothing written to disk"


async def test_quick_fixes_are_plain_edits(client: LanguageClient):
    uri, _ = open_article(client)
    ds = await diagnostics(client, uri, lambda d: "fails-changed-figure" in failing(d))
    figure = next(d for d in ds if d.code == "fails-changed-figure")
    actions = await client.text_document_code_action_async(
        types.CodeActionParams(
            text_document=types.TextDocumentIdentifier(uri=uri),
            range=figure.range,
            context=types.CodeActionContext(diagnostics=[figure]),
        )
    )
    by_title = {a.title: a for a in actions}
    claim_fix = by_title["Make the claim say what the article says"]
    assert claim_fix.command is None
    [edit] = claim_fix.edit.changes[CLAIMS.as_uri()]
    assert edit.new_text == "800000"
    [edit] = by_title["Use the claimed words"].edit.changes[uri]
    assert edit.new_text == "900 thousand"


async def test_hover_on_a_claim(client: LanguageClient):
    text = CLAIMS.read_text(encoding="utf-8")
    client.text_document_did_open(
        types.DidOpenTextDocumentParams(
            text_document=types.TextDocumentItem(uri=CLAIMS.as_uri(), language_id="yaml", version=1, text=text)
        )
    )
    line = text[: text.index("- id: fails-changed-figure")].count("\n")
    hover = await client.text_document_hover_async(
        types.HoverParams(
            text_document=types.TextDocumentIdentifier(uri=CLAIMS.as_uri()),
            position=types.Position(line=line + 1, character=6),
        )
    )
    assert "**refuted**" in hover.contents.value
    assert "With its 800 thousand men" in hover.contents.value


async def test_an_unknown_method_is_an_error_and_the_server_goes_on(client: LanguageClient):
    try:
        await client.protocol.send_request_async("claimcheck/frobnicate", {})
        raise AssertionError("an unknown method has no answer")
    except Exception as e:  # pygls raises its JsonRpcMethodNotFound
        assert "frobnicate" in str(e) or "MethodNotFound" in type(e).__name__, repr(e)
    uri, _ = open_article(client)
    await diagnostics(client, uri, lambda d: "fails-china" in failing(d))
