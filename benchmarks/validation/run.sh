#!/usr/bin/env bash
# Validation benchmark: route + validate the same requests with our RequestValidator (release build)
# and with Python openapi-core, in one run. Usage: benchmarks/validation/run.sh [RUNS]
# Needs python3 with openapi-core (`python3 -m pip install openapi-core`).
set -euo pipefail
cd "$(dirname "$0")"
runs=${1:-5}
python3 -c "import openapi_core" 2>/dev/null || { echo "needs: python3 -m pip install openapi-core" >&2; exit 1; }
swift build -c release --product ValidationBench >&2
mkdir -p .build
{
  .build/release/ValidationBench spec.yaml requests.json "$runs"
  python3 bench.py spec.yaml requests.json "$runs"
} > .build/results.tsv
python3 - requests.json .build/results.tsv <<'PY'
import json, sys
names = [r["name"] for r in json.load(open(sys.argv[1]))]
rows = {l.split("\t")[0]: [float(x) for x in l.rstrip("\n").split("\t")[1:]] for l in open(sys.argv[2])}
ours, peer = rows["swift-openapi"], rows["python-openapi-core"]
print(f"{len(names)} requests (4 valid, 4 invalid), best of runs")
print("| implementation | requests/s (mix) | vs openapi-core |")
print("|---|---:|---:|")
for k, v in rows.items():
    print(f"| {k} | {v[0]:,.0f} | {v[0]/peer[0]:.1f}× |")
print()
print("| request | ours µs | openapi-core µs | ratio |")
print("|---|---:|---:|---:|")
for i, n in enumerate(names):
    print(f"| {n} | {ours[i+1]:.2f} | {peer[i+1]:.1f} | {peer[i+1]/ours[i+1]:.0f}× |")
PY
