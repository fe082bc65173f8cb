#!/usr/bin/env bash
# JSON benchmark: parse + re-serialize a ≥5 MB OpenAPI-shaped document with Document (ours),
# Foundation JSONSerialization and Python json (C accelerated), in one run, release builds.
# Usage: benchmarks/json/run.sh [ITERATIONS] [TARGET_BYTES]
set -euo pipefail
cd "$(dirname "$0")"
iterations=${1:-5}
target=${2:-6291456}
doc=.build/bench-document.json
mkdir -p .build
[ -f "$doc" ] && [ "$(stat -c %s "$doc")" -ge "$target" ] || python3 make-document.py "$doc" "$target" >&2
swift build -c release --product JSONBench >&2
{
  .build/release/JSONBench "$doc" "$iterations"
  python3 bench.py "$doc" "$iterations"
} > .build/results.tsv
python3 - "$doc" .build/results.tsv <<'PY'
import os, sys
size = os.path.getsize(sys.argv[1]); mb = size / 1e6
rows = [l.rstrip("\n").split("\t") for l in open(sys.argv[2])]
res = {r[0]: (float(r[1]), float(r[2])) for r in rows}
base = res["foundation-jsonserialization"]
print(f"input: {size} bytes ({mb:.2f} MB), best of runs; MB = 10^6 bytes of input")
print("| implementation | parse MB/s | write MB/s | parse+write MB/s | parse+write vs JSONSerialization |")
print("|---|---:|---:|---:|---:|")
for name, (p, w) in res.items():
    print(f"| {name} | {mb/p:.1f} | {mb/w:.1f} | {mb/(p+w):.1f} | {(base[0]+base[1])/(p+w):.2f}× |")
PY
