#!/usr/bin/env bash
# `check --articles` over 2,000 HTML pages against the same run over their text (issue 14):
# the HTML run should stay within 2x. Medians by hyperfine, in this one run.
#
#   benches/formats.sh
#
# Builds the release binary, writes the corpus the generator writes (`cargo run --release
# --example gen-corpus`, to target/bench-corpus, git-ignored), then turns each of its 2,000
# articles into the page a CMS would serve (a <head> with article:published_time and
# JSON-LD, a site header with <nav>, scripts, an <aside> and a footer around the <article>,
# every non-ASCII character a numeric reference) in target/bench-formats/html, next to a
# copy of the text in target/bench-formats/text. Timings on a shared 2-core machine are
# noisy: read the ratio, which compares two runs measured side by side.
set -euo pipefail
cd "$(dirname "$0")/.."

. benches/install.sh
have hyperfine || apt_install hyperfine || cargo install hyperfine
have python3 || apt_install python3

echo "building (release) and writing the corpus ..." >&2
cargo build --release --quiet --bin claimcheck --example gen-corpus
target/release/examples/gen-corpus target/bench-corpus 2>/dev/null
F=target/bench-formats
rm -rf "$F"
mkdir -p "$F"
python3 - target/bench-corpus/articles "$F" <<'PY'
import html, os, re, sys

src, out = sys.argv[1], sys.argv[2]

def ascii_refs(s):
    # As `pandoc --ascii` and many CMSes write a page: every non-ASCII character a reference.
    return "".join(c if ord(c) < 128 else f"&#x{ord(c):X};" for c in html.escape(s, quote=False))

def page(text):
    date = re.match(r"\s*date (\d{4}-\d\d-\d\d)\s*\n", text)
    if date:
        text = text[date.end():]
    blocks = [b.strip() for b in re.split(r"\n\s*\n", text) if b.strip()]
    title, body = blocks[0], blocks[1:]
    day = date.group(1) if date else ""
    parts = []
    for b in body:
        heading = "\n" not in b and len(b.split()) <= 12 and not b.endswith((".", "\u201d", '"', ":", "?", "!"))
        parts.append(f"<h2>{ascii_refs(b)}</h2>" if heading else f"<p>{ascii_refs(b)}</p>")
    meta = f'<meta property="article:published_time" content="{day}T09:00:00Z">' if day else ""
    return f"""<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>{ascii_refs(title)} | The Daily Courier</title>
{meta}
<script type="application/ld+json">{{"@type": "NewsArticle", "headline": "{ascii_refs(title)}"}}</script>
<script>window.dataLayer = window.dataLayer || [];</script></head>
<body><header class="site"><nav><a href="/">Home</a> <a href="/world/">World</a></nav></header>
<main><article><header><h1>{ascii_refs(title)}</h1></header>
{chr(10).join(parts)}
<aside><h2>Read more</h2><ul><li><a href="/x">Other news</a></li></ul></aside>
</article></main>
<footer><p>&copy; The Daily Courier</p></footer></body></html>
"""

n = 0
for root, _, files in os.walk(src):
    for name in files:
        if not name.endswith(".txt"):
            continue
        rel = os.path.relpath(os.path.join(root, name), src)
        text = open(os.path.join(root, name), encoding="utf-8").read()
        for kind, content, ext in (("text", text, ".txt"), ("html", page(text), ".html")):
            path = os.path.join(out, kind, rel[:-4] + ext)
            os.makedirs(os.path.dirname(path), exist_ok=True)
            open(path, "w", encoding="utf-8").write(content)
        n += 1
print(f"{n} articles as text and as HTML", file=sys.stderr)
PY
CC=$PWD/target/release/claimcheck
C=target/bench-corpus
OUT=$(mktemp -d)
trap 'rm -rf "$OUT"' EXIT
echo "timing (hyperfine, medians) ..." >&2
for claims in absent-200 mixed-200; do
    hyperfine -N -i --style none --warmup 1 --runs 5 --export-json "$OUT/$claims.json" \
        --command-name text "$CC check $C/$claims.yaml --articles $F/text" \
        --command-name html "$CC check $C/$claims.yaml --articles $F/html" >/dev/null 2>&1
done
python3 - "$OUT" <<'PY'
import json, os, sys
out = sys.argv[1]
print(f"\n{'2,000 articles':<30} {'text':>9} {'HTML':>9} {'ratio':>7}")
worst = 0
for claims in ("absent-200", "mixed-200"):
    r = {x["command"]: x["median"] for x in json.load(open(os.path.join(out, claims + ".json")))["results"]}
    ratio = r["html"] / r["text"]
    worst = max(worst, ratio)
    print(f"{claims + '.yaml':<30} {r['text']:>8.2f}s {r['html']:>8.2f}s {ratio:>6.2f}x")
print(f"\nHTML within 2x of text: {'ok' if worst <= 2 else 'MISSED'} (worst {worst:.2f}x)")
PY
