#!/usr/bin/env bash
# Verdicts and reports of this tree against those of BASE_REV (the build before a speed
# change), byte for byte, on the benchmark corpus, with one thread and with eight:
#
#   benches/same-output.sh BASE_REV [--quick]
#
# Builds BASE_REV in a temporary git worktree (its target in target/same-output-base, kept
# between runs), builds this tree, writes the corpus with this tree's generator into
# target/same-output-corpus (its own: a compare.sh run may be reading target/bench-corpus)
# and runs both binaries on each case below in the human and JSON
# formats, comparing standard output and exit code. --quick leaves out the 50 MB file.
# Prints one line per case and exits 1 on any difference.
set -euo pipefail
cd "$(dirname "$0")/.."
BASE=${1:?usage: benches/same-output.sh BASE_REV [--quick]}
QUICK=${2:-}
ROOT=$PWD
BASE_TARGET=$ROOT/target/same-output-base
WT=$(mktemp -d)
OUT=$(mktemp -d)
cleanup() {
    git -C "$ROOT" worktree remove --force "$WT" >/dev/null 2>&1 || rm -rf "$WT"
    rm -rf "$OUT"
}
trap cleanup EXIT

echo "building $BASE and this tree (release) ..." >&2
git worktree add --detach "$WT" "$BASE" >/dev/null 2>&1
(cd "$WT" && CARGO_TARGET_DIR=$BASE_TARGET cargo build --release --quiet --bin claimcheck)
cargo build --release --quiet --bin claimcheck --example gen-corpus
OLD=$BASE_TARGET/release/claimcheck
NEW=$ROOT/target/release/claimcheck
C=target/same-output-corpus
target/release/examples/gen-corpus "$C" 2>/dev/null
cd "$C"

# Every claim file on the 2,000 articles and the one article; the mixed and dense files on
# the long files (read and checked on every core). JSON keeps 50 places a claim there: all
# of them is gigabytes.
cases=()
for f in mixed-10 mixed-100 mixed-200 mixed-1000 absent-200 absent-1000 dense-200; do
    cases+=("$f.yaml --articles articles" "$f.yaml --article one.txt")
done
cases+=("dense-200.yaml --article dense.txt" "mixed-200.yaml --article dense.txt")
[ "$QUICK" = --quick ] || cases+=("mixed-200.yaml --article big.txt" "mixed-1000.yaml --article big.txt")

# run BINARY THREADS ARGS...: "exit code, sha256 of standard output"
run() {
    local bin=$1 threads=$2
    shift 2
    local rc=0
    RAYON_NUM_THREADS=$threads "$bin" check --color never "$@" >"$OUT/report" 2>"$OUT/err" || rc=$?
    echo "$rc $(sha256sum <"$OUT/report" | cut -c1-16)"
}
differ=0
for c in "${cases[@]}"; do
    for format in "human" "json --max-evidence 50"; do
        # shellcheck disable=SC2086 # the case and format are lists of arguments
        old=$(run "$OLD" 1 $c --format $format)
        for threads in 1 8; do
            # shellcheck disable=SC2086
            new=$(run "$NEW" $threads $c --format $format)
            if [ "$old" = "$new" ]; then
                echo "same       $c --format $format, $threads thread(s): $new"
            else
                echo "DIFFERENT  $c --format $format, $threads thread(s): $BASE $old, now $new"
                differ=1
            fi
        done
    done
done
exit $differ
