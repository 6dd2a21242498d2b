//! The integration tests, one binary (see ripgrep's tests/tests.rs). One module per area.
//! Snapshot tests over every example claim file live in their own binary (`examples.rs`),
//! so a failing one is blamed on the right test.

mod common;

// The HTML report in headless chromium: highlights and claims linked both ways.
mod browser;
// claimcheck batch: JSON Lines in and out, the same verdicts as check, the records' schema.
mod batch;
// The command line: exit codes, paths, pipes, standard input.
mod cli;
// Every class of bad input: located message, exit 2, inputs untouched.
mod load_errors;
// What fails a run: --fail-on, warnings, --max-warnings; --output; every exit code.
mod policy;
// --snapshot: the report of each claim file as a reviewed text file, diffed on change.
mod snapshot_mode;
// Every output format read back by its consumer (grammar, XML parser, SARIF schema).
mod render;
// Verdicts and positions on the seed article, through the binary.
mod verdicts;
// Articles in Markdown, HTML and Word: same verdicts, every position in the source file.
mod formats;
// Word documents: the same verdicts as the text, ¶paragraph:character, broken files.
mod docx;
// suggest, coverage, explain, test (examples) and the schema.
mod editor;
// The README's claims, run as written.
mod docs;
// Generated odd text: no panic, spans on character boundaries.
mod robustness;
// The language server, in process and over stdio.
mod lsp;
// The edges of the machine: a full disk, read-only folders, FIFOs, signals, huge inputs.
mod edges;
// .pre-commit-hooks.yaml and action.yml: the keys their consumers require; their commands run.
mod integrations;
