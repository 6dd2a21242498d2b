//! Any article against a valid claim file generated from the input (every check kind):
//! evidence is the source at its range, on character boundaries, at its line and column;
//! one thread and four give the same report.
#![no_main]

use arbitrary::Unstructured;
use claimcheck::compile;
use claimcheck_fuzz::{Case, check_in_pool, check_report};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    let Ok(case) = Case::new(Unstructured::new(data)) else {
        return;
    };
    let file = match compile::parse("gen.yaml", &case.yaml, None) {
        Ok(file) => file,
        Err(e) => panic!("a generated claim file does not load: {e:?}\n{}", case.yaml),
    };
    let one = check_in_pool(&file, "a.txt", &case.article, 1);
    check_report(&case.article, &one);
    let four = check_in_pool(&file, "a.txt", &case.article, 4);
    assert_eq!(one, four, "one thread and four disagree");
});
