//! Claims that test themselves: each `examples:` text must get its verdict from its claim.
//!
//! Like prh's specs: a claim that cannot tell its own examples apart is wrong before it
//! meets an article, so `check` refuses the file and `claimcheck test` lists every result.

use crate::article::Article;
use crate::claims::{Claim, Example};
use crate::compile::CompiledFile;
use crate::engine;
use crate::error::Diagnostic;
use crate::report::Verdict;

/// One example's outcome.
#[derive(Debug, Clone)]
pub struct Outcome<'a> {
    /// The claim the example belongs to.
    pub claim: &'a Claim,
    /// The example: its text and the verdict it expects.
    pub example: &'a Example,
    /// The verdict the claim gave the example's text.
    pub got: Verdict,
    /// Why, as a report explains it.
    pub explanation: String,
}

impl Outcome<'_> {
    /// The claim gave the verdict the example expects.
    pub fn passed(&self) -> bool {
        self.got == self.example.expect
    }

    /// A failed example as a located error in the claim file.
    pub(crate) fn diagnostic(&self, path: &str) -> Diagnostic {
        Diagnostic::new(
            path,
            self.example.line,
            self.example.column,
            format!(
                "example of `{}` should be {} but is {}: \"{}\"",
                self.claim.id,
                self.example.expect.as_str(),
                self.got.as_str(),
                self.example.text
            ),
        )
        .help(format!(
            "the claim says: {}; fix the claim or the example",
            self.explanation
        ))
    }
}

/// Runs every example of every claim of a file.
pub fn run(file: &CompiledFile) -> Vec<Outcome<'_>> {
    let mut out = Vec::new();
    for (i, claim) in file.claims.iter().enumerate() {
        for example in &claim.examples {
            let article = Article::new("example", example.text.clone());
            let result = engine::evaluate_claim(file, i, &article, &engine::Policy::default());
            out.push(Outcome {
                claim,
                example,
                got: result.verdict,
                explanation: result.explanation.into_owned(),
            });
        }
    }
    out
}

/// The failed examples of a file, as errors with their positions.
pub(crate) fn failures(file: &CompiledFile, source: Option<&str>) -> Vec<Diagnostic> {
    run(file)
        .iter()
        .filter(|o| !o.passed())
        .map(|o| {
            let d = o.diagnostic(&file.path);
            match source {
                Some(s) => d.with_source(s),
                None => d,
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    const FILE: &str = "claims:
  - id: chiefs
    claim: 34 chiefs met
    number: 34
    near: [leaders]
    examples:
      supported: [Macron met 34 leaders of Staff.]
      refuted: [Macron met 35 leaders of Staff.]
      not_found: [Macron met the leaders.]
";

    #[test]
    fn examples_that_hold_pass() {
        let f = crate::compile::parse("c.yaml", FILE, None).unwrap();
        let outcomes = run(&f);
        assert_eq!(outcomes.len(), 3);
        assert!(outcomes.iter().all(Outcome::passed), "{outcomes:#?}");
    }

    #[test]
    fn a_wrong_example_is_named_with_what_it_got() {
        let yaml = FILE
            .replace("refuted: [Macron met 35", "supported: [Macron met 35")
            .replace("      supported: [Macron met 34 leaders of Staff.]\n", "");
        let f = crate::compile::parse("c.yaml", &yaml, None).unwrap();
        let d = failures(&f, None);
        assert_eq!(d.len(), 1);
        assert_eq!(
            d[0].message,
            "example of `chiefs` should be supported but is refuted: \"Macron met 35 leaders of Staff.\""
        );
        assert_eq!((d[0].line, d[0].column), (7, 19));
    }
}
