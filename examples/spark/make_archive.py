#!/usr/bin/env python3
"""Turns the generated corpus into a sample archive: one article per row, as JSON Lines and
as Parquet.

    cargo run --release --example gen-corpus -- target/spark-corpus --articles 2000
    python3 examples/spark/make_archive.py target/spark-corpus target/spark-corpus/archive

reads CORPUS/articles/**/*.txt (the generator's articles, in path order) and writes
OUT.jsonl, one {"id", "text", "url"} object per line: `id` is the article's path relative to
CORPUS (the name `claimcheck check --articles articles` gives it, run in CORPUS, so the two
reports can be compared), `text` the file exactly as written. With --parquet (needs pyspark)
it also writes OUT.parquet, a folder of Parquet files with the same rows.
"""

import argparse
import json
import os
import sys


def articles(corpus):
    """(id, text) for every article of the corpus, in path order."""
    root = os.path.join(corpus, "articles")
    if not os.path.isdir(root):
        sys.exit(f"make_archive.py: {root} is not a folder: run gen-corpus first (see --help)")
    paths = []
    for folder, _, names in os.walk(root):
        paths += [os.path.join(folder, n) for n in names if n.endswith(".txt") and not n.startswith(".")]
    for path in sorted(paths):
        rel = os.path.relpath(path, corpus).replace(os.sep, "/")
        # newline="": the text as written, line ends included (offsets count in it).
        with open(path, encoding="utf-8", newline="") as f:
            yield rel, f.read()


def write_jsonl(corpus, out):
    """Writes OUT.jsonl atomically (a temporary file renamed over it); returns the rows."""
    tmp = out + ".jsonl.tmp"
    rows = 0
    with open(tmp, "w", encoding="utf-8", newline="\n") as f:
        for rel, text in articles(corpus):
            url = "https://news.example/" + rel[: -len(".txt")]
            f.write(json.dumps({"id": rel, "text": text, "url": url}, ensure_ascii=False) + "\n")
            rows += 1
    os.replace(tmp, out + ".jsonl")
    return rows


def write_parquet(out):
    """OUT.parquet from OUT.jsonl, with Spark in local mode (no other Parquet library needed)."""
    from pyspark.sql import SparkSession

    spark = SparkSession.builder.master("local[2]").appName("make_archive").getOrCreate()
    spark.sparkContext.setLogLevel("ERROR")
    try:
        df = spark.read.schema("id string, text string, url string").json(out + ".jsonl")
        df.coalesce(2).write.mode("overwrite").parquet(out + ".parquet")
    finally:
        spark.stop()


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("corpus", help="the folder gen-corpus wrote")
    p.add_argument("out", help="OUT: writes OUT.jsonl (and OUT.parquet)")
    p.add_argument("--parquet", action="store_true", help="also write OUT.parquet (needs pyspark)")
    a = p.parse_args()
    rows = write_jsonl(a.corpus, a.out)
    if rows == 0:
        sys.exit(f"make_archive.py: no articles under {a.corpus}/articles")
    if a.parquet:
        write_parquet(a.out)
    print(f"make_archive.py: {rows} articles -> {a.out}.jsonl" + (f", {a.out}.parquet" if a.parquet else ""), file=sys.stderr)


if __name__ == "__main__":
    main()
