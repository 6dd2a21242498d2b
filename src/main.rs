//! The `claimcheck` binary: parse arguments, call the library, choose the exit code.

fn main() {
    std::process::exit(claimcheck::cli::run(std::env::args_os()));
}
