#!/usr/bin/env bash
# Deterministic cost per request, to guide work on a noisy shared machine (run.sh measures throughput):
#   syscalls per request (strace -f -c attached to the server while wrk runs) and CPU time per
#   request (user/system) — for our hello/proxy and nginx's. With PROBES=1 (root, perf): also
#   Swift runtime calls per request of our servers (malloc, swift_retain/release, swift_task_switch,
#   the task-status lock, task-frame allocations) counted exactly with uprobes.
# Usage: bash benchmarks/http/syscalls.sh [connections=10] [seconds=3]   (needs nginx wrk strace)
set -euo pipefail
cd "$(dirname "$0")"
CONN=${1:-10}; DUR=${2:-3}
OUT=../out/http-syscalls; mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
for tool in nginx wrk strace; do command -v $tool >/dev/null || { echo "need: apt-get install -y nginx wrk strace"; exit 1; }; done
rm -f .build/release.yaml
swift build -c release --product http-bench >/dev/null
BENCH=$(swift build -c release --show-bin-path)/http-bench
P_ORIGIN=18201; P_NGX_HELLO=18202; P_NGX_PROXY=18203; P_OUR_HELLO=18204; P_OUR_PROXY=18205
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for conf in origin peer; do [ -f "$OUT/$conf.pid" ] && kill "$(cat "$OUT/$conf.pid")" 2>/dev/null || true; done
}
trap cleanup EXIT
printf 'Hello, world!' > "$OUT/hello.txt"
. ./nginx.sh  # nginx_conf
nginx_conf origin "server { listen 127.0.0.1:$P_ORIGIN; location / { root $OUT; try_files /hello.txt =404; } }"
nginx_conf peer "
    upstream origin { server 127.0.0.1:$P_ORIGIN; keepalive 64; }
    server { listen 127.0.0.1:$P_NGX_HELLO; location / { return 200 'Hello, world!'; } }
    server { listen 127.0.0.1:$P_NGX_PROXY; location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"
wait_port() { for _ in $(seq 600); do curl -s -o /dev/null "http://127.0.0.1:$1/" && return; sleep 0.1; done; }
requests() { wrk -t1 -c"$CONN" -d"${DUR}s" "http://127.0.0.1:$1/" | awk '/requests in/ { print $1 }'; }
worker() { pgrep -P "$(cat "$OUT/peer.pid")" | head -1; }

# strace: "name calls" per syscall, divided by the requests wrk completed.
strace_run() {  # label pid port
    wrk -t1 -c"$CONN" -d1s "http://127.0.0.1:$3/" >/dev/null  # warm-up: pools filled
    strace -f -c -o "$OUT/$1.strace" -p "$2" 2>/dev/null & local tracer=$!
    sleep 0.5
    local n; n=$(requests "$3")
    kill -INT $tracer; wait $tracer 2>/dev/null || true
    awk -v n="$n" -v label="$1" '
        $1 ~ /^[0-9.]+$/ && NF >= 5 && $NF != "total" { total += $4; per[$NF] = $4 }
        END { printf "%-12s %7d requests  %5.2f syscalls/request:", label, n, total / n
              for (s in per) if (per[s] / n >= 0.01) printf " %s %.2f", s, per[s] / n; printf "\n" }' "$OUT/$1.strace"
}
"$BENCH" hello $P_OUR_HELLO 1 > "$OUT/hello.log" 2>&1 & PIDS+=($!); HELLO=$!
"$BENCH" proxy $P_OUR_PROXY $P_ORIGIN 1 > "$OUT/proxy.log" 2>&1 & PIDS+=($!); PROXY=$!
for p in $P_ORIGIN $P_NGX_HELLO $P_NGX_PROXY $P_OUR_HELLO $P_OUR_PROXY; do wait_port $p; done
strace_run ours-hello $HELLO $P_OUR_HELLO
strace_run nginx-hello "$(worker)" $P_NGX_HELLO
strace_run ours-proxy $PROXY $P_OUR_PROXY
strace_run nginx-proxy "$(worker)" $P_NGX_PROXY

# CPU time per request (user / system, from /proc/PID/stat over one wrk run). valgrind cannot run
# the Swift binaries here (it crashes in libdispatch's signal thread), so this stands in for an
# instruction count: less noisy than throughput, but still moved by cache and core contention.
cpu_run() {  # label pid port
    wrk -t1 -c"$CONN" -d1s "http://127.0.0.1:$3/" >/dev/null
    local hz; hz=$(getconf CLK_TCK)
    local before; before=$(awk '{ print $14, $15 }' "/proc/$2/stat")
    local n; n=$(requests "$3")
    local after; after=$(awk '{ print $14, $15 }' "/proc/$2/stat")
    awk -v l="$1" -v n="$n" -v hz="$hz" -v b="$before" -v a="$after" 'BEGIN {
        split(b, x, " "); split(a, y, " ")
        printf "%-12s %7d requests  CPU %5.2f µs/request (user %5.2f, system %5.2f)\n", l, n,
            (y[1] + y[2] - x[1] - x[2]) / hz * 1e6 / n, (y[1] - x[1]) / hz * 1e6 / n, (y[2] - x[2]) / hz * 1e6 / n }'
}
cpu_run ours-hello $HELLO $P_OUR_HELLO
cpu_run nginx-hello "$(worker)" $P_NGX_HELLO
cpu_run ours-proxy $PROXY $P_OUR_PROXY
cpu_run nginx-proxy "$(worker)" $P_NGX_PROXY

if [ "${PROBES:-0}" = 1 ]; then
    LIBC=$(ldd "$BENCH" | awk '$1 == "libc.so.6" { print $3 }')
    RT=$(dirname "$(ldd "$BENCH" | awk '$1 == "libswiftCore.so" { print $3 }')")
    perf probe -q -x "$LIBC" --add 'malloc=__libc_malloc'
    perf probe -q -x "$RT/libswiftCore.so" --add swift_retain --add swift_release
    perf probe -q -x "$RT/libswift_Concurrency.so" --add swift_task_switch --add withStatusRecordLock --add swift_task_alloc
    EVENTS=probe_libc:malloc,probe_libswiftCore:swift_retain,probe_libswiftCore:swift_release,probe_libswift_Concurrency:swift_task_switch,probe_libswift_Concurrency:withStatusRecordLock,probe_libswift_Concurrency:swift_task_alloc
    probe_run() {  # label pid port
        wrk -t1 -c"$CONN" -d1s "http://127.0.0.1:$3/" >/dev/null
        perf stat -x, -e "$EVENTS" -p "$2" -o "$OUT/$1.probes" & local stat=$!
        sleep 0.3
        local n; n=$(requests "$3")
        sleep 0.2; kill -INT $stat; wait $stat 2>/dev/null || true
        awk -F, -v n="$n" -v l="$1" 'BEGIN { printf "%-12s %7d requests  per request:", l, n }
            $3 ~ /probe/ { split($3, a, ":"); printf " %s %.1f", a[2], $1 / n } END { print "" }' "$OUT/$1.probes"
    }
    probe_run ours-hello $HELLO $P_OUR_HELLO
    probe_run ours-proxy $PROXY $P_OUR_PROXY
    perf probe -q -d 'probe_libc:malloc' -d 'probe_libswiftCore:*' -d 'probe_libswift_Concurrency:*' || true
fi
