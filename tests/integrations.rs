//! Where CI users expect claimcheck: `.pre-commit-hooks.yaml` (the pre-commit framework) and
//! `action.yml` (a GitHub Action). Each is read back with the keys its consumer requires, and
//! its commands are run the way the consumer would run them, on the built binary.

use std::collections::BTreeMap;
use std::path::Path;
use std::process::Command;

use regex::Regex;
use serde_json::Value;

use crate::common::{claimcheck, root};

fn yaml(name: &str) -> Value {
    let text = std::fs::read_to_string(root().join(name)).unwrap_or_else(|e| panic!("{name}: {e}"));
    serde_saphyr::from_str(&text).unwrap_or_else(|e| panic!("{name} is not YAML: {e}"))
}

fn str_of<'a>(v: &'a Value, key: &str) -> &'a str {
    v[key]
        .as_str()
        .unwrap_or_else(|| panic!("`{key}` is not a string in {v}"))
}

/// Every key of a hook in pre-commit's manifest schema (pre_commit/clientlib.py,
/// MANIFEST_HOOK_DICT): anything else is a typo that pre-commit only warns about.
const HOOK_KEYS: [&str; 22] = [
    "id",
    "name",
    "entry",
    "language",
    "alias",
    "files",
    "exclude",
    "types",
    "types_or",
    "exclude_types",
    "additional_dependencies",
    "args",
    "always_run",
    "fail_fast",
    "pass_filenames",
    "description",
    "language_version",
    "log_file",
    "minimum_pre_commit_version",
    "require_serial",
    "stages",
    "verbose",
];

#[test]
fn pre_commit_hooks_have_what_pre_commit_requires_and_run() {
    let hooks = yaml(".pre-commit-hooks.yaml");
    let hooks = hooks.as_array().expect("a list of hooks");
    let ids: Vec<&str> = hooks.iter().map(|h| str_of(h, "id")).collect();
    assert_eq!(ids, ["claimcheck-lint", "claimcheck-check"]);
    // `language: rust` runs `cargo install --bins` here: the entry's program must be a binary.
    let manifest = std::fs::read_to_string(root().join("Cargo.toml")).unwrap();
    assert!(manifest.contains("[[bin]]\nname = \"claimcheck\""));
    for hook in hooks {
        for key in hook.as_object().unwrap().keys() {
            assert!(HOOK_KEYS.contains(&key.as_str()), "unknown hook key `{key}`");
        }
        for key in ["id", "name", "entry", "language"] {
            assert!(!str_of(hook, key).is_empty(), "`{key}` is required");
        }
        assert_eq!(hook["language"], "rust");
        assert_eq!(
            hook["pass_filenames"], false,
            "the whole folder: see the file's comment"
        );
        // pre-commit matches `files` with Python's re.search; this pattern means the same here.
        let files = Regex::new(str_of(hook, "files")).unwrap();
        for path in ["claims/paris-coalition.yaml", "claims/entities.yaml"] {
            assert!(files.is_match(path), "{path}");
        }
        assert!(!files.is_match(".github/workflows/ci.yml"));
        assert!(!files.is_match("notes/claims/x.yaml"), "anchored at the top");
        // The entry as pre-commit runs it here: no file names, in the repository's top folder.
        let entry: Vec<&str> = str_of(hook, "entry").split_whitespace().collect();
        assert_eq!(entry[0], "claimcheck");
        let run = claimcheck(&root(), &entry[1..]);
        match entry[1] {
            "lint" => assert_eq!(run.code, 0, "{}{}", run.stdout, run.stderr),
            // The shipped examples fail on purpose: a failure, not invalid input.
            "check" => assert_eq!(run.code, 1, "{}{}", run.stdout, run.stderr),
            other => panic!("unexpected subcommand {other}"),
        }
    }
}

/// `${{ inputs.NAME }}` in a value: the names.
fn input_refs(s: &str) -> Vec<String> {
    Regex::new(r"\$\{\{\s*inputs\.([A-Za-z0-9_-]+)\s*\}\}")
        .unwrap()
        .captures_iter(s)
        .map(|c| c[1].to_string())
        .collect()
}

/// Runs a `run:` step as GitHub's runner does for `shell: bash` (`bash --noprofile --norc -eo
/// pipefail`), with the step's `env:` (inputs put in), the built binary first on the PATH, in
/// `dir`.
fn run_step(step: &Value, inputs: &BTreeMap<&str, &str>, dir: &Path) -> (i32, String) {
    assert_eq!(step["shell"], "bash");
    let mut cmd = Command::new("bash");
    cmd.args(["--noprofile", "--norc", "-eo", "pipefail", "-c", str_of(step, "run")]);
    let bin = Path::new(env!("CARGO_BIN_EXE_claimcheck")).parent().unwrap();
    let path = std::env::join_paths(
        std::iter::once(bin.to_path_buf()).chain(std::env::split_paths(&std::env::var_os("PATH").unwrap())),
    )
    .unwrap();
    cmd.current_dir(dir).env("PATH", path).env("NO_COLOR", "1");
    for (k, v) in step["env"].as_object().into_iter().flatten() {
        let v = v.as_str().unwrap();
        let names = input_refs(v);
        assert_eq!(names.len(), 1, "an env value is one input: {v}");
        cmd.env(k, inputs[names[0].as_str()]);
    }
    let out = cmd.output().unwrap();
    let text = String::from_utf8_lossy(&out.stdout).into_owned() + &String::from_utf8_lossy(&out.stderr);
    (out.status.code().unwrap_or(-1), text)
}

#[test]
fn action_is_a_composite_action_whose_steps_work() {
    let action = yaml("action.yml");
    assert!(!str_of(&action, "name").is_empty() && !str_of(&action, "description").is_empty());
    let inputs = action["inputs"].as_object().expect("inputs");
    let names: Vec<&str> = inputs.keys().map(String::as_str).collect();
    assert_eq!(names, ["args", "paths", "sarif"]);
    for (name, input) in inputs {
        assert!(!str_of(input, "description").is_empty(), "{name}");
        assert!(
            input["default"].is_string(),
            "{name}: a default, so every input is optional"
        );
    }
    assert_eq!(action["runs"]["using"], "composite");
    let steps = action["runs"]["steps"].as_array().expect("steps");
    let mut by_name = BTreeMap::new();
    for step in steps {
        let has_run = step.get("run").is_some();
        assert!(
            has_run != step.get("uses").is_some(),
            "a step runs a script or uses an action: {step}"
        );
        // A composite action's run steps must name their shell.
        assert!(!has_run || step["shell"].is_string(), "{step}");
        let text = serde_json::to_string(step).unwrap();
        for name in input_refs(&text) {
            assert!(inputs.contains_key(&name), "inputs.{name} is not declared");
        }
        if has_run {
            // Inputs reach scripts through the environment, never pasted into the script.
            assert!(!str_of(step, "run").contains("${{"), "{step}");
        }
        by_name.insert(str_of(step, "name").to_string(), step);
    }
    let install = str_of(by_name["Install claimcheck"], "run");
    assert!(install.contains(r#"cargo install --locked --quiet --path "$GITHUB_ACTION_PATH""#));
    let upload = by_name["Upload the SARIF report"];
    assert_eq!(upload["uses"], "github/codeql-action/upload-sarif@v4");
    assert_eq!(upload["with"]["sarif_file"], "${{ inputs.sarif }}");
    assert_eq!(upload["if"], "inputs.sarif != ''");
    // The SARIF report is written and uploaded before the step that fails the job.
    let order: Vec<&str> = steps.iter().map(|s| str_of(s, "name")).collect();
    assert_eq!(
        order,
        [
            "Install claimcheck",
            "Write the SARIF report",
            "Upload the SARIF report",
            "Check the claims"
        ]
    );

    // The two scripts, on the render fixture (two paths: the list is split) and a bad path.
    let out = tempfile::tempdir().unwrap();
    let sarif = out.path().join("claims.sarif");
    let given = BTreeMap::from([
        (
            "paths",
            "tests/fixtures/render/paris-coalition.yaml\n  claims/paris-coalition.yaml",
        ),
        ("args", "--fail-on refuted"),
        ("sarif", sarif.to_str().unwrap()),
    ]);
    let (code, text) = run_step(by_name["Write the SARIF report"], &given, &root());
    assert_eq!(code, 0, "claims that fail do not fail this step: {text}");
    let log: Value = serde_json::from_str(&std::fs::read_to_string(&sarif).unwrap()).unwrap();
    assert_eq!(log["version"], "2.1.0");
    let ids: Vec<&str> = log["runs"][0]["results"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| r["properties"]["claimId"].as_str().unwrap())
        .collect();
    // Both claim files (the list was split), and `--fail-on refuted` applied: not_found passes.
    assert_eq!(
        ids.iter().filter(|&&i| i == "fails-elysee-spelling").count(),
        2,
        "{ids:?}"
    );
    assert!(!ids.contains(&"fails-china"), "{ids:?}");
    let (code, text) = run_step(by_name["Check the claims"], &given, &root());
    assert_eq!(code, 1, "{text}");
    assert!(
        text.lines()
            .any(|l| l.starts_with("::error file=claims/paris-coalition-2025-03-11.txt,")),
        "{text}"
    );
    // Invalid input fails the SARIF step itself.
    let bad = BTreeMap::from([
        ("paths", "no/such/claims"),
        ("args", ""),
        ("sarif", sarif.to_str().unwrap()),
    ]);
    let (code, text) = run_step(by_name["Write the SARIF report"], &bad, &root());
    assert_eq!(code, 2, "{text}");
}
