#!/usr/bin/env bash
# Runs the full test binary RUNS times in PARALLEL loops (extra load makes races likelier) with the
# HTTP stall report on, stops a loop at the first hang (150 s) or crash, and prints for each failed
# run the failing tests, the tests that never finished, and any crash backtrace header.
# Usage: scripts/stress-tests.sh [RUNS-PER-LOOP] [PARALLEL-LOOPS]      (builds the debug tests first)
set -uo pipefail
cd "$(dirname "$0")/.."
runs=${1:-20}; loops=${2:-2}
swift build --build-tests >/dev/null || { echo "build failed: run swift build --build-tests"; exit 1; }
bin=$(swift build --show-bin-path)/GatewayPackageTests.xctest
out=$(mktemp -d /tmp/gateway-stress.XXXXXX)
cp "$bin" "$out/tests.xctest"
echo "logs in $out"
for l in $(seq "$loops"); do
    (
        for i in $(seq "$runs"); do
            log="$out/loop$l-run$i.log"
            GATEWAY_HTTP_STALL_REPORT=1 timeout 150 "$out/tests.xctest" --testing-library swift-testing >"$log" 2>&1
            rc=$?
            echo "loop $l run $i: exit $rc"
            if [ $rc -ne 0 ]; then
                grep "✘ Test.*recorded" "$log" | cut -c1-200 | head -5
                python3 - "$log" <<'PY'
import re, sys
started, done = set(), set()
for line in open(sys.argv[1], errors="replace"):
    m = re.search(r"Test (\w+)\(.*\) started", line)
    if m: started.add(m.group(1))
    m = re.search(r"Test (\w+)\(.*\) (passed|failed|skipped)", line)
    if m: done.add(m.group(1))
if started - done: print("  never finished:", ", ".join(sorted(started - done)))
PY
                grep -A2 "Program crashed" "$log" | head -3
                if [ $rc -eq 124 ] || [ $rc -ge 128 ]; then break; fi
            fi
        done
    ) &
done
wait
