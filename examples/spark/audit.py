#!/usr/bin/env python3
"""An archive audit on Spark: every article of an archive checked against standing claim
files by `claimcheck batch`, one partition at a time (`RDD.pipe`).

    spark-submit --master local[2] \\
        --files target/release/claimcheck,claims.yaml \\
        examples/spark/audit.py --input archive.parquet --claims claims.yaml --output audit/

The archive is Parquet or JSON Lines (by its name: `.parquet`, else JSON Lines, or
--input-format), one article per row with the columns `id` and `text`, and optionally
`format` (text, markdown, html), `published` (a date, or a string YYYY-MM-DD) and `url`;
other columns are not read. The claimcheck binary (built for the executors' machines) and
the claim files (and the entities files they name) are shipped with `--files`.

Writes, under --output:

- `results/`: Parquet, one row per article and claim: article_id, url, claim_file, claim_id,
  verdict, passed, severity, evidence_count, evidence (role, start, end, line, column, text,
  sentence, note; offsets are bytes into the article's UTF-8 text);
- `errors/`: Parquet, one row per article that gave no result (no text, a bad format or
  date, ...): article_id (when it has one), error, help;
- `summary/`: Parquet, one row per claim: claim_file, claim_id, articles, and how many
  articles support, refute, say nothing on (not_found) or both support and refute
  (conflicting) it; printed too, and with --summary-json also written to a local file.

The job fails loudly when a partition's records do not add up to its articles (claimcheck
could not run, or a claim file did not load: see the executors' stderr).
"""

import argparse
import json
import os
import shlex
import sys

from pyspark import SparkFiles
from pyspark.sql import SparkSession
from pyspark.sql import functions as F

VERDICTS = ["supported", "refuted", "not_found", "conflicting"]

# The part of a claimcheck-batch/1 record this job keeps (`claimcheck schema --batch` has
# all of it); `_corrupt` holds a line that is not a record, which should never happen.
EVIDENCE = (
    "array<struct<role: string, start: long, end: long, line: long, column: long,"
    " end_line: long, end_column: long, text: string, sentence: string, note: string>>"
)
RECORD = (
    "schema string, record string, line long, id string, url string, claim_file string,"
    " error string, help string, _corrupt string,"
    " claims array<struct<id: string, verdict: string, passed: boolean, severity: string,"
    f" evidence_count: long, evidence: {EVIDENCE}, notes: array<string>>>"
)


def read_archive(spark, path, fmt):
    """The archive as a DataFrame, one article per row."""
    fmt = fmt or ("parquet" if path.rstrip("/").endswith(".parquet") else "json")
    return spark.read.parquet(path) if fmt == "parquet" else spark.read.json(path)


def as_json_lines(df):
    """Each row as one claimcheck-batch input line: {"id", "text", "format"?, "published"?, "url"?}."""
    missing = [c for c in ("id", "text") if c not in df.columns]
    if missing:
        sys.exit(f"audit.py: the archive has no column {', '.join(missing)} (columns: {', '.join(df.columns)})")
    cols = [F.col("id").cast("string").alias("id"), F.col("text")]
    types = dict(df.dtypes)
    for c in ("format", "url"):
        if c in df.columns:
            cols.append(F.col(c).cast("string").alias(c))
    if "published" in df.columns:
        # A date column is written as YYYY-MM-DD; a string is passed as it is, for claimcheck
        # to refuse with an error record if it is no day.
        p = F.col("published")
        cols.append((p if types["published"] == "string" else F.date_format(p, "yyyy-MM-dd")).alias("published"))
    # to_json leaves null fields out: an optional field that is null is not given.
    return df.select(F.to_json(F.struct(*cols)).alias("line")).rdd.map(lambda r: r.line)


def batch_command(sc, binary, claims, max_evidence):
    """The command each partition is piped through. Files shipped with --files are in the
    driver's temporary folder in local mode, in each executor's working folder on a cluster;
    claimcheck runs there, so the records name the claim files as given."""
    where = SparkFiles.getRootDirectory() if sc.master.startswith("local") else "."
    args = ["batch", *claims] + (["--max-evidence", str(max_evidence)] if max_evidence is not None else [])
    script = 'cd "$1" && shift && chmod u+x "./$1" 2>/dev/null; exec "./$@"'
    return shlex.join(["sh", "-c", script, "sh", where, binary, *args])


def audit(spark, args):
    sc = spark.sparkContext
    archive = read_archive(spark, args.input, args.input_format)
    if args.partitions:
        archive = archive.repartition(args.partitions)
    lines = as_json_lines(archive).cache()
    articles = lines.count()
    # One claimcheck per partition; each uses the cores of its task, Spark the rest.
    env = {"PATH": "/usr/local/bin:/usr/bin:/bin", "RAYON_NUM_THREADS": sc.getConf().get("spark.task.cpus", "1")}
    out = lines.pipe(batch_command(sc, args.binary, args.claims, args.max_evidence), env=env)
    records = (
        spark.read.schema(RECORD).option("mode", "PERMISSIVE").option("columnNameOfCorruptRecord", "_corrupt").json(out)
    ).cache()

    counts = {r["record"]: r["count"] for r in records.groupBy("record").count().collect()}
    results, errors, broken = counts.get("result", 0), counts.get("error", 0), counts.get(None, 0)
    expected = (articles - errors) * len(args.claims)
    if broken or results != expected:
        raise RuntimeError(
            f"claimcheck batch gave {results} result records and {errors} error records for {articles} articles "
            f"and {len(args.claims)} claim files (expected {expected} results), and {broken} lines that are no "
            "record: a partition's claimcheck failed (a claim file that does not load, a binary for another "
            "machine); see the executors' stderr"
        )

    found = records.where(F.col("record") == "result").select(
        F.col("id").alias("article_id"), "url", "claim_file", F.explode("claims").alias("c")
    )
    found = found.select(
        "article_id",
        "url",
        "claim_file",
        F.col("c.id").alias("claim_id"),
        F.col("c.verdict").alias("verdict"),
        F.col("c.passed").alias("passed"),
        F.col("c.severity").alias("severity"),
        F.col("c.evidence_count").alias("evidence_count"),
        F.col("c.evidence").alias("evidence"),
    )
    found.write.mode("overwrite").parquet(os.path.join(args.output, "results"))
    records.where(F.col("record") == "error").select(F.col("id").alias("article_id"), "error", "help").write.mode(
        "overwrite"
    ).parquet(os.path.join(args.output, "errors"))

    summary = (
        spark.read.parquet(os.path.join(args.output, "results"))
        .groupBy("claim_file", "claim_id")
        .pivot("verdict", VERDICTS)
        .count()
        .na.fill(0, VERDICTS)
        .withColumn("articles", sum(F.col(v) for v in VERDICTS))
        .select("claim_file", "claim_id", "articles", *VERDICTS)
        .orderBy("claim_file", "claim_id")
    )
    summary.write.mode("overwrite").parquet(os.path.join(args.output, "summary"))
    rows = [r.asDict() for r in summary.collect()]
    return articles, errors, rows


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--input", required=True, help="the archive: Parquet, or JSON Lines")
    p.add_argument("--input-format", choices=["parquet", "json"], help="default: parquet when --input ends in .parquet")
    p.add_argument("--claims", nargs="+", required=True, help="claim file names, as shipped with --files")
    p.add_argument("--binary", default="claimcheck", help="the claimcheck binary's name, as shipped with --files")
    p.add_argument("--output", required=True, help="a folder (any Hadoop file system): results/, errors/, summary/")
    p.add_argument("--max-evidence", type=int, help="evidence places kept per claim (all by default)")
    p.add_argument("--partitions", type=int, help="repartition the archive into N partitions first")
    p.add_argument("--summary-json", help="also write the summary to this local file, one JSON object per claim")
    args = p.parse_args()

    spark = SparkSession.builder.appName("claimcheck-audit").getOrCreate()
    spark.sparkContext.setLogLevel("WARN")
    try:
        articles, errors, rows = audit(spark, args)
    finally:
        spark.stop()
    print(f"audit.py: {articles} articles, {errors} gave no result (see errors/), {len(rows)} claims:")
    print(f"{'claim':<40} {'supported':>10} {'refuted':>10} {'not_found':>10} {'conflicting':>12}")
    for r in rows:
        name = f"{r['claim_file']}:{r['claim_id']}"
        print(f"{name:<40} {r['supported']:>10} {r['refuted']:>10} {r['not_found']:>10} {r['conflicting']:>12}")
    if args.summary_json:
        with open(args.summary_json + ".tmp", "w", encoding="utf-8") as f:
            f.writelines(json.dumps(r, sort_keys=True) + "\n" for r in rows)
        os.replace(args.summary_json + ".tmp", args.summary_json)


if __name__ == "__main__":
    main()
