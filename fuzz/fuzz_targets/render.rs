//! Every format rendered from the report of a fuzzed check: JSON parses and round-trips
//! (the model serialized is the JSON read back), SARIF has its required structure, JUnit
//! is well-formed XML, GitHub output is one workflow command per line, all of it UTF-8 and
//! the same bytes twice.
#![no_main]

use arbitrary::Unstructured;
use claimcheck::compile;
use claimcheck::render::{self, Format, Options};
use claimcheck::report::Report;
use claimcheck_fuzz::{Case, check_in_pool};
use libfuzzer_sys::fuzz_target;
use serde_json::Value;

const FORMATS: [Format; 7] = [
    Format::Human,
    Format::Json,
    Format::Github,
    Format::Junit,
    Format::Sarif,
    Format::Markdown,
    Format::Html,
];

fuzz_target!(|data: &[u8]| {
    let Ok(case) = Case::new(Unstructured::new(data)) else {
        return;
    };
    let Ok(file) = compile::parse("gen.yaml", &case.yaml, None) else {
        return;
    };
    let report = Report::new(vec![check_in_pool(&file, "a.txt", &case.article, 1)]);
    let opts = Options {
        verbose: data.first().is_some_and(|b| b & 1 == 1),
        color: data.first().is_some_and(|b| b & 2 == 2),
        ..Options::default()
    };
    for format in FORMATS {
        let out = rendered(&report, format, &opts);
        assert_eq!(out, rendered(&report, format, &opts), "{format:?}: not deterministic");
        match format {
            Format::Json => json(&report, &out),
            Format::Sarif => sarif(&out),
            Format::Junit => {
                roxmltree::Document::parse(&out).unwrap_or_else(|e| panic!("JUnit: {e}\n{out}"));
            }
            Format::Github => github(&out),
            _ => {}
        }
    }
});

fn rendered(report: &Report, format: Format, opts: &Options) -> String {
    let mut out = Vec::new();
    render::render(report, format, opts, &mut out).expect("writing to memory");
    String::from_utf8(out).unwrap_or_else(|_| panic!("{format:?}: not UTF-8"))
}

fn json(report: &Report, out: &str) {
    let read: Value = serde_json::from_str(out).expect("JSON report parses");
    let again: Value = serde_json::from_str(&serde_json::to_string(&read).unwrap()).unwrap();
    assert_eq!(read, again, "JSON does not round-trip");
    let model = serde_json::to_value(report).expect("the model serializes");
    assert_eq!(read["files"], model["files"], "JSON report is not the model");
    assert_eq!(read["summary"], model["summary"], "JSON summary is not the model's");
}

/// The structure SARIF 2.1.0 requires of what claimcheck writes (the full schema and
/// Microsoft's validator run in tests/render.rs).
fn sarif(out: &str) {
    let v: Value = serde_json::from_str(out).expect("SARIF parses");
    assert_eq!(v["version"], "2.1.0");
    let runs = v["runs"].as_array().expect("runs");
    for run in runs {
        let driver = &run["tool"]["driver"];
        assert!(driver["name"].is_string(), "tool.driver.name");
        let rules: Vec<&str> = driver["rules"]
            .as_array()
            .map(|r| r.iter().filter_map(|r| r["id"].as_str()).collect())
            .unwrap_or_default();
        for result in run["results"].as_array().expect("results") {
            assert!(result["message"]["text"].is_string(), "result.message.text");
            if let Some(id) = result["ruleId"].as_str() {
                assert!(rules.contains(&id), "ruleId {id} names no rule");
            }
            for loc in result["locations"].as_array().into_iter().flatten() {
                let phys = &loc["physicalLocation"];
                assert!(phys["artifactLocation"]["uri"].is_string(), "artifactLocation.uri");
                let region = &phys["region"];
                for key in ["startLine", "startColumn", "endLine", "endColumn"] {
                    if let Some(n) = region.get(key) {
                        assert!(n.as_u64().is_some_and(|n| n >= 1), "region.{key} is {n}");
                    }
                }
            }
        }
    }
}

/// Every line is a workflow command: a message with a raw line break would end it early.
fn github(out: &str) {
    for line in out.lines() {
        assert!(line.starts_with("::"), "not a workflow command: {line:?}");
    }
}
