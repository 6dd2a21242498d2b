//! Any bytes as a claim file: it loads and compiles, or every error is located inside the
//! file (line and column of a real place) and says what is wrong.
#![no_main]

use claimcheck::compile;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // A claim file that is not UTF-8 is refused before parsing (`lint`'s "not UTF-8").
    let Ok(source) = std::str::from_utf8(data) else {
        return;
    };
    let Err(errors) = compile::parse("fuzz.yaml", source, None) else {
        return;
    };
    assert!(!errors.is_empty(), "refused without a reason");
    // Lines as YAML counts them: a lone carriage return ends one too.
    let lines: Vec<&str> = source
        .split('\n')
        .flat_map(|l| l.strip_suffix('\r').unwrap_or(l).split('\r'))
        .collect();
    for e in &errors {
        assert!(!e.message.trim().is_empty(), "an empty message");
        if e.line == 0 {
            continue;
        }
        assert!(
            e.line <= lines.len() + 1,
            "line {} past the end ({} lines): {e:?}",
            e.line,
            lines.len()
        );
        let width = lines.get(e.line - 1).map_or(0, |l| l.chars().count());
        assert!(
            e.column >= 1 && e.column <= width + 2,
            "column {} outside line {} ({width} chars): {e:?}",
            e.column,
            e.line
        );
    }
});
