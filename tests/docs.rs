//! The README teaches the claim format: every claim it shows is run here, so the docs cannot
//! drift from the tool.

use crate::common::{claimcheck, folder, root};

/// The README's fenced YAML blocks that hold claims, with the line each starts on.
fn claim_blocks() -> Vec<(usize, String)> {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let mut blocks = Vec::new();
    let mut current: Option<(usize, String)> = None;
    for (i, line) in readme.lines().enumerate() {
        match (&mut current, line.trim_end()) {
            (None, "```yaml") => current = Some((i + 2, String::new())),
            (Some(_), "```") => blocks.push(current.take().unwrap()),
            (Some((_, text)), _) => {
                text.push_str(line);
                text.push('\n');
            }
            _ => {}
        }
    }
    // Claim files and claim lists; not the CI configurations, whose `- id:` name hooks.
    blocks.retain(|(_, b)| b.contains("claims:\n") || b.contains("\n    claim: "));
    blocks
}

/// Every claim file and claim list the README shows loads (examples included) and gives, on
/// the seed article, the verdict its id promises: `fails-…` fails, the others pass.
#[test]
fn every_claim_in_the_readme_loads_and_holds_on_the_seed_article() {
    let blocks = claim_blocks();
    assert!(blocks.len() >= 3, "the README shows claims");
    let seed = std::fs::read(root().join("claims/paris-coalition-2025-03-11.txt")).unwrap();
    let entities = std::fs::read(root().join("claims/entities.yaml")).unwrap();
    for (line, block) in blocks {
        let yaml = match block.contains("claims:") {
            true => block,
            false => format!("article: paris-coalition-2025-03-11.txt\nentities: entities.yaml\nclaims:\n{block}"),
        };
        let dir = folder(&[
            ("c.yaml", yaml.as_bytes()),
            ("paris-coalition-2025-03-11.txt", &seed),
            ("entities.yaml", &entities),
        ]);
        let run = claimcheck(dir.path(), &["check", "c.yaml", "--format", "json"]);
        assert!(run.code < 2, "README.md:{line}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        for c in json["files"][0]["claims"].as_array().unwrap() {
            let id = c["id"].as_str().unwrap();
            assert_eq!(
                c["passed"].as_bool().unwrap(),
                !id.starts_with("fails-"),
                "README.md:{line}: {id} is {}",
                c["verdict"]
            );
        }
    }
}

/// The table of "What a claim means": each row's sentence, claim and verdict, run as written.
#[test]
fn the_vaguer_than_the_claim_examples_give_their_verdicts() {
    let readme = std::fs::read_to_string(root().join("README.md")).unwrap();
    let section = readme
        .split("### What a claim means")
        .nth(1)
        .expect("the section is in the README");
    let rows: Vec<&str> = section
        .lines()
        .skip_while(|l| !l.starts_with("|---"))
        .skip(1)
        .take_while(|l| l.starts_with('|'))
        .collect();
    assert_eq!(rows.len(), 3, "three examples");
    for row in rows {
        let cells: Vec<&str> = row.split('|').map(str::trim).collect();
        let text = cells[1].trim_matches('"');
        let ticked = |cell: &str| -> Vec<String> { cell.split('`').skip(1).step_by(2).map(String::from).collect() };
        let claim = ticked(cells[2]).join("\n    ");
        let verdict = &ticked(cells[3])[0];
        let yaml = format!("published: 2020-05-12\nclaims:\n  - id: x\n    claim: x\n    {claim}\n");
        let dir = folder(&[("c.yaml", yaml.as_bytes()), ("a.txt", text.as_bytes())]);
        let run = claimcheck(
            dir.path(),
            &["check", "c.yaml", "--article", "a.txt", "--format", "json"],
        );
        assert!(run.code < 2, "{row}: {}", run.stderr);
        let json: serde_json::Value = serde_json::from_str(&run.stdout).unwrap();
        assert_eq!(json["files"][0]["claims"][0]["verdict"], verdict.as_str(), "{row}");
    }
}
