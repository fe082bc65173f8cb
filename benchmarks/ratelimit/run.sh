#!/usr/bin/env bash
# Rate limiter microbenchmark (release build). Usage: benchmarks/ratelimit/run.sh [ITERATIONS] [RUNS]
set -euo pipefail
cd "$(dirname "$0")"
swift build -c release --product RateLimitBench >&2
.build/release/RateLimitBench "${1:-10000000}" "${2:-5}"
