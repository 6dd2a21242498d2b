#!/usr/bin/env python3
"""Compares the Spark job's per-claim summary with `claimcheck check --format json` on the
same articles: the verdict counts of every claim must be equal, exactly.

    python3 examples/spark/test_summary.py CHECK.json SUMMARY.jsonl

CHECK.json is the JSON report of `claimcheck check CLAIMS --articles DIR --format json`;
SUMMARY.jsonl is what `audit.py --summary-json` writes. Exits 1 with every difference
listed when they differ.
"""

import json
import sys
from collections import Counter

VERDICTS = ["supported", "refuted", "not_found", "conflicting"]


def from_check(path):
    """(claim file, claim id) -> Counter of verdicts, from a check JSON report."""
    with open(path, encoding="utf-8") as f:
        report = json.load(f)
    counts = {}
    for file in report["files"]:
        for claim in file["claims"]:
            counts.setdefault((file["path"], claim["id"]), Counter())[claim["verdict"]] += 1
    return counts


def from_summary(path):
    """The same from the Spark job's summary."""
    counts = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            row = json.loads(line)
            counts[(row["claim_file"], row["claim_id"])] = Counter({v: row[v] for v in VERDICTS if row[v]})
            if row["articles"] != sum(row[v] for v in VERDICTS):
                sys.exit(f"test_summary.py: {row['claim_file']}:{row['claim_id']}: articles is not the sum of its verdicts")
    return counts


def main():
    if len(sys.argv) != 3:
        sys.exit(__doc__)
    check, spark = from_check(sys.argv[1]), from_summary(sys.argv[2])
    problems = []
    for key in sorted(set(check) | set(spark)):
        want, got = check.get(key), spark.get(key)
        if want != got:
            show = lambda c: "missing" if c is None else ", ".join(f"{v} {c[v]}" for v in VERDICTS)
            problems.append(f"  {key[0]}:{key[1]}: check {show(want)}; spark {show(got)}")
    articles = {sum(c.values()) for c in check.values()}
    verdicts = sum(check.values(), Counter())
    if problems:
        print(f"test_summary.py: FAILED: {len(problems)} of {len(check)} claims differ:", file=sys.stderr)
        print("\n".join(problems), file=sys.stderr)
        sys.exit(1)
    if not check:
        sys.exit("test_summary.py: FAILED: the check report has no claims")
    print(
        f"test_summary.py: the Spark summary matches check exactly: {len(check)} claims, "
        f"{'/'.join(map(str, sorted(articles)))} articles each, "
        + ", ".join(f"{verdicts[v]} {v}" for v in VERDICTS)
    )


if __name__ == "__main__":
    main()
