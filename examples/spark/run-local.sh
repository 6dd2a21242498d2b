#!/usr/bin/env bash
# The Spark example end to end in local mode, checked against `claimcheck check`:
#
#   examples/spark/run-local.sh
#
# Installs what it needs when missing (Java 17 from Debian; pyspark, pinned, in a virtual
# environment under target/), builds claimcheck, writes ARTICLES (default 2,000) generated
# articles (gen-corpus) and their archive as JSON Lines and Parquet (make_archive.py), then:
#
# 1. times `claimcheck batch` alone over the JSON Lines archive (articles/s, MB/s);
# 2. runs audit.py with spark-submit --master local[2], claimcheck and the claim files
#    shipped with --files, and times it;
# 3. runs `claimcheck check --articles` on the same files, and compares the per-claim verdict
#    counts with the Spark job's summary exactly (test_summary.py): exit 1 on any difference.
#
# Everything is written under target/spark-local (git-ignored).
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
PYSPARK_VERSION=4.0.5
ARTICLES=${ARTICLES:-2000}
# Every check key (mixed) and a standing list of names never to print (absent).
CLAIMS=(mixed-10.yaml absent-200.yaml)
W=$ROOT/target/spark-local
VENV=$ROOT/target/spark-venv

if ! java -version 2>&1 | grep -Eq 'version "(1[7-9]|[2-9][0-9])'; then
    echo "run-local.sh: installing Java 17 (Spark 4 needs it)" >&2
    apt-get update && apt-get install -y openjdk-17-jre-headless
fi
if ! "$VENV/bin/python" -c "import pyspark, sys; sys.exit(pyspark.__version__ != '$PYSPARK_VERSION')" 2>/dev/null; then
    echo "run-local.sh: installing pyspark $PYSPARK_VERSION in $VENV" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark==$PYSPARK_VERSION"
fi
export PYSPARK_PYTHON=$VENV/bin/python PYSPARK_DRIVER_PYTHON=$VENV/bin/python

cargo build --release --quiet --bin claimcheck --example gen-corpus
CC=$ROOT/target/release/claimcheck
rm -rf "$W"
mkdir -p "$W"
target/release/examples/gen-corpus "$W/corpus" --articles "$ARTICLES" --big-mb 1 2>/dev/null
"$VENV/bin/python" examples/spark/make_archive.py "$W/corpus" "$W/corpus/archive" --parquet
cd "$W/corpus"

now() { date +%s.%N; }
# `claimcheck batch` and `check` exit 1 here: some claims fail on some articles, as they should.
ok_or_failed_claims() { [ "$1" -le 1 ] || { echo "run-local.sh: $2 exited $1" >&2; exit 1; }; }

bytes=$(stat -c %s archive.jsonl)
t0=$(now)
code=0
"$CC" batch "${CLAIMS[@]}" --input archive.jsonl >"$W/batch.jsonl" || code=$?
t1=$(now)
ok_or_failed_claims $code "claimcheck batch"

files=$(IFS=,; echo "$CC,${CLAIMS[*]/#/$W/corpus/}")
t2=$(now)
"$VENV/bin/spark-submit" --master 'local[2]' --files "$files" "$ROOT/examples/spark/audit.py" \
    --input archive.parquet --claims "${CLAIMS[@]}" --output "$W/audit" --summary-json "$W/summary.jsonl" \
    2> >(grep -v -E '^(WARNING|Using Spark|Setting default log level|To adjust logging level)| INFO ' >&2)
t3=$(now)

code=0
t4=$(now)
"$CC" check "${CLAIMS[@]}" --articles articles --format json --max-evidence 0 >"$W/check.json" || code=$?
t5=$(now)
ok_or_failed_claims $code "claimcheck check"
"$VENV/bin/python" "$ROOT/examples/spark/test_summary.py" "$W/check.json" "$W/summary.jsonl"

python3 - "$ARTICLES" "$bytes" "$t0" "$t1" "$t2" "$t3" "$t4" "$t5" "$(nproc)" <<'PY'
import sys
n, size, t0, t1, t2, t3, t4, t5, cores = int(sys.argv[1]), int(sys.argv[2]), *map(float, sys.argv[3:9]), sys.argv[9]
mb = size / 1e6
print(f"run-local.sh: claimcheck check --articles --format json (for comparison): {t5 - t4:.2f} s")
for name, s in [("claimcheck batch", t1 - t0), ("spark local[2]", t3 - t2)]:
    print(f"run-local.sh: {name}: {n} articles, {mb:.1f} MB of JSON Lines in {s:.2f} s: "
          f"{n / s:,.0f} articles/s, {mb / s:.2f} MB/s ({cores} cores)")
PY
