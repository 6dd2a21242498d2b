//! Any bytes as an article in every format the tool reads (`Article::read`, the one entry
//! point): read, or refused with a reason; when read, every sentence and every date maps back
//! to a source range on character boundaries at its line and column, and a plain-text
//! sentence is the normalization of its source.
#![no_main]

use claimcheck::article::Article;
use claimcheck::article::source::SourceFormat;
use claimcheck::internals::normalize;
use claimcheck_fuzz::{check_article, check_source_range, position};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    for format in SourceFormat::ALL {
        let name = format!("a.{}", format.name());
        let Ok(article) = Article::read(name.as_str(), data.to_vec(), Some(format)) else {
            continue;
        };
        check_article(&article);
        for s in article.sentences() {
            let src = check_source_range(&article, &s.range);
            let at = article.position(src.start);
            assert_eq!(
                (at.line, at.column),
                position(&article.source, src.start),
                "{format:?}: position"
            );
            if format == SourceFormat::Text {
                // Trimmed: a sentence after a dateline can start with its space (noted in
                // fuzz/README.md, "What the fuzzers found").
                assert_eq!(
                    article.text[s.range.clone()].trim(),
                    normalize(&article.source[src.clone()]).trim(),
                    "a sentence is not its source normalized"
                );
            }
        }
        for d in article.dates() {
            check_source_range(&article, &d.range);
        }
        let again = Article::read(name.as_str(), data.to_vec(), Some(format)).expect("read once, read twice");
        assert_eq!(article.text, again.text, "{format:?}: not deterministic");
    }
});
