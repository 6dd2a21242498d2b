//! The `claimcheck` binary: parse arguments, call the library, print, choose the exit code.
//! Everything that reaches standard output or standard error is written here and in
//! [`cli`]: the library returns reports, diagnostics and warnings as values.

mod cli;

fn main() {
    std::process::exit(cli::run(std::env::args_os()));
}
