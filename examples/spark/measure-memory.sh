#!/usr/bin/env bash
# Peak memory of `claimcheck batch` on a 2 GB JSON Lines input, streamed through it:
#
#   examples/spark/measure-memory.sh [GB]
#
# Writes the generated corpus (gen-corpus: 2,000 articles of about 5 KB, and one article of
# 50 MB), turns it into JSON Lines (make_archive.py), then streams GB (default 2) gigabytes of
# JSON Lines into `claimcheck batch` through a pipe: the 2,000 articles again and again under
# new ids, with the 50 MB article as one line in the middle. Nothing of the input is written
# to disk. GNU time gives the peak resident memory (%M) of claimcheck; the records are counted
# on the way out. For reference, the peak of `claimcheck batch` on the largest article alone.
# Not a test: a measurement, for the README.
set -euo pipefail
cd "$(dirname "$0")/../.."
ROOT=$PWD
GB=${1:-2}
W=$ROOT/target/spark-memory
# A standing list of names never to print: the archive audit's commonest shape, and cheap
# enough per article that 2 GB takes minutes, not an hour, on 2 cores.
CLAIMS=(absent-200.yaml)

command -v /usr/bin/time >/dev/null || (apt-get update && apt-get install -y time)
cargo build --release --quiet --bin claimcheck --example gen-corpus
rm -rf "$W"
mkdir -p "$W"
target/release/examples/gen-corpus "$W/corpus" --articles 2000 --big-mb 50 2>/dev/null
python3 examples/spark/make_archive.py "$W/corpus" "$W/corpus/archive"

# The input: archive.jsonl repeated under new ids until GB gigabytes, big.txt once.
generate() {
    python3 - "$W/corpus/archive.jsonl" "$W/corpus/big.txt" "$GB" <<'PY'
import json, sys
lines = open(sys.argv[1], encoding="utf-8").read().splitlines(keepends=True)
with open(sys.argv[2], encoding="utf-8", newline="") as f:
    big = json.dumps({"id": "big", "text": f.read()}, ensure_ascii=False) + "\n"
goal = float(sys.argv[3]) * (1 << 30)
out, written, copy, big_done = sys.stdout, 0, 0, False
while written < goal:
    for line in lines:
        # '{"id": "articles/...' -> '{"id": "r7/articles/...'
        line = line.replace('{"id": "', '{"id": "r%d/' % copy, 1)
        out.write(line)
        written += len(line.encode("utf-8"))
    copy += 1
    if not big_done and written >= goal / 2:
        out.write(big)
        written += len(big.encode("utf-8"))
        big_done = True
sys.stderr.write(f"{written} bytes, {copy * len(lines) + 1} articles\n")
PY
}
cd "$W/corpus"
set +e
generate 2>"$W/input.txt" | /usr/bin/time -f "%M %e" -o "$W/time.txt" \
    "$ROOT/target/release/claimcheck" batch "${CLAIMS[@]}" --input - | wc -l >"$W/records.txt"
status=("${PIPESTATUS[@]}")
set -e
# claimcheck exits 1 here (claims fail on some articles, as they should); 2 is a bad line.
if [ "${status[0]}" != 0 ] || [ "${status[1]}" -gt 1 ]; then
    echo "measure-memory.sh: the run failed (generator ${status[0]}, claimcheck ${status[1]})" >&2
    exit 1
fi
read -r bytes _ articles _ <"$W/input.txt"
# GNU time writes "Command exited with non-zero status 1" first when it did.
read -r peak_kb seconds < <(tail -n 1 "$W/time.txt")
python3 -c 'import json, sys; print(json.dumps({"id": "big", "text": open("big.txt", encoding="utf-8", newline="").read()}))' >"$W/big.jsonl"
/usr/bin/time -f "%M" -o "$W/alone.txt" "$ROOT/target/release/claimcheck" batch "${CLAIMS[@]}" --input "$W/big.jsonl" \
    >/dev/null || true
alone_kb=$(tail -n 1 "$W/alone.txt")
python3 - "$bytes" "$articles" "$peak_kb" "$seconds" "$(cat "$W/records.txt")" "$(nproc)" "$(stat -c %s big.txt)" "$alone_kb" <<'PY'
import sys
size, n, kb, s, records, cores, big, alone = int(sys.argv[1]), int(sys.argv[2]), int(sys.argv[3]), float(sys.argv[4]), int(sys.argv[5]), sys.argv[6], int(sys.argv[7]), int(sys.argv[8])
print(f"measure-memory.sh: {size / (1 << 30):.2f} GiB of JSON Lines ({n:,} articles, the largest {big / 1e6:.0f} MB), "
      f"{records:,} records, in {s:.0f} s ({n / s:,.0f} articles/s, {size / 1e6 / s:.1f} MB/s, {cores} cores): "
      f"peak memory {kb / 1024:.0f} MiB; the largest article alone: {alone / 1024:.0f} MiB")
PY
