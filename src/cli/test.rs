//! `claimcheck test`: every `examples:` text with the verdict it got; 0 when all hold, 1
//! when one does not.

use std::io::Write;
use std::path::PathBuf;

use claimcheck::{jobs, selftest};

use super::{EXIT_FAIL, EXIT_PASS, Failure};

pub fn test(paths: &[PathBuf], out: &mut dyn Write) -> Result<i32, Failure> {
    let files = jobs::load_only(paths)?;
    let (mut passed, mut failed, mut claims_with) = (0, 0, 0);
    for f in &files {
        let outcomes = selftest::run(f);
        claims_with += f.claims.iter().filter(|c| !c.examples.is_empty()).count();
        for o in &outcomes {
            let status = if o.passed() { "ok  " } else { "FAIL" };
            writeln!(
                out,
                "{status} {}:{}:{} {} is {} (expected {}): \"{}\"",
                f.path,
                o.example.line,
                o.example.column,
                o.claim.id,
                o.got.as_str(),
                o.example.expect.as_str(),
                o.example.text
            )?;
            if o.passed() {
                passed += 1;
            } else {
                writeln!(out, "     the claim says: {}", o.explanation)?;
                failed += 1;
            }
        }
    }
    writeln!(
        out,
        "{passed} examples held, {failed} did not ({claims_with} claims with examples)"
    )?;
    Ok(if failed == 0 { EXIT_PASS } else { EXIT_FAIL })
}
