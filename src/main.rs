//! The `claimcheck` binary: parse arguments, call the library, print, choose the exit code.
//! Everything that reaches standard output or standard error is written here and in
//! [`cli`]: the library returns reports, diagnostics and warnings as values.

mod cli;

/// mimalloc: faster than glibc's malloc on the many small allocations of a check on every
/// core (Cargo.toml says why).
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Options of mimalloc.h's `mi_option_e` (the same places in its v2 and v3 enums; the Rust
/// binding names no constant for them).
const MI_OPTION_ARENA_EAGER_COMMIT: libmimalloc_sys::mi_option_t = 4;
const MI_OPTION_PURGE_DELAY: libmimalloc_sys::mi_option_t = 15;

fn main() {
    // Freed memory goes back to the system after 2 ms, not mimalloc's 1 s: the big buffers of
    // a 50 MB article (text, folded copy, offset maps) then do not add up to the peak. Not at
    // once either: a block freed and allocated again within a burst would be faulted in anew
    // each time (200 mixed claims on the 50 MB file took 11.4 s so, 7.7 s with 2 ms, at the
    // same peak). Memory is committed as it is used, not a whole arena up front: a 5 KB
    // article's run is short.
    // SAFETY: sets process-wide options before any thread is started.
    unsafe {
        libmimalloc_sys::mi_option_set(MI_OPTION_PURGE_DELAY, 2);
        libmimalloc_sys::mi_option_set(MI_OPTION_ARENA_EAGER_COMMIT, 0);
    }
    std::process::exit(cli::run(std::env::args_os()));
}
