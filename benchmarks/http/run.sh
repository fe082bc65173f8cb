#!/usr/bin/env bash
# HTTP benchmark: our server vs nginx on this machine, same wrk settings, one run.
#   hello: http-bench hello (1 loop)            vs nginx `return 200` (1 worker)
#   proxy: http-bench proxy (1 loop) -> origin  vs nginx proxy_pass + upstream keepalive (1 worker) -> origin
#   origin: nginx (1 worker) serving a 13-byte static file, shared by both proxies.
# Also: our servers with level-triggered epoll (GATEWAY_EPOLL_MODE=level) to back the edge-triggered
# choice, RSS of our servers after the runs (each serves well over 100k requests), and RSS of our
# proxy while it streams 1 GiB from http-bench origin (memory must stay flat).
# Usage: bash benchmarks/http/run.sh [seconds-per-run] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")"
DUR=${1:-8}; CONN=${2:-50}; ROUNDS=${3:-2}
OUT=../out/http; mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "need: apt-get install -y nginx wrk"; exit 1; }

rm -f .build/release.yaml  # re-plan: SwiftPM caches the file list of the path dependency
swift build -c release --product http-bench >/dev/null
BENCH=$(swift build -c release --show-bin-path)/http-bench

P_ORIGIN=18101; P_NGX_HELLO=18102; P_NGX_PROXY=18103; P_OUR_HELLO=18104; P_OUR_PROXY=18105; P_BIG=18106; P_BIG_PROXY=18107; P_LT_HELLO=18108; P_LT_PROXY=18109
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    for conf in origin peer; do
        [ -f "$OUT/$conf.pid" ] && kill "$(cat "$OUT/$conf.pid")" 2>/dev/null || true
    done
}
trap cleanup EXIT

printf 'Hello, world!' > "$OUT/hello.txt"
. ./nginx.sh  # nginx_conf
nginx_conf origin "server { listen 127.0.0.1:$P_ORIGIN; location / { root $OUT; try_files /hello.txt =404; } }"
nginx_conf peer "
    upstream origin { server 127.0.0.1:$P_ORIGIN; keepalive 64; }
    server { listen 127.0.0.1:$P_NGX_HELLO; location / { return 200 'Hello, world!'; } }
    server { listen 127.0.0.1:$P_NGX_PROXY; location / { proxy_pass http://origin; proxy_http_version 1.1; proxy_set_header Connection \"\"; } }"

"$BENCH" hello "$P_OUR_HELLO" 1 > "$OUT/hello.log" 2>&1 & PIDS+=($!); HELLO_PID=$!
"$BENCH" proxy "$P_OUR_PROXY" "$P_ORIGIN" 1 > "$OUT/proxy.log" 2>&1 & PIDS+=($!); PROXY_PID=$!
GATEWAY_EPOLL_MODE=level "$BENCH" hello "$P_LT_HELLO" 1 > "$OUT/hello-lt.log" 2>&1 & PIDS+=($!)
GATEWAY_EPOLL_MODE=level "$BENCH" proxy "$P_LT_PROXY" "$P_ORIGIN" 1 > "$OUT/proxy-lt.log" 2>&1 & PIDS+=($!)
"$BENCH" origin "$P_BIG" 1 > "$OUT/origin.log" 2>&1 & PIDS+=($!)
"$BENCH" proxy "$P_BIG_PROXY" "$P_BIG" 1 > "$OUT/bigproxy.log" 2>&1 & PIDS+=($!); BIGPROXY_PID=$!
for port in $P_ORIGIN $P_NGX_HELLO $P_NGX_PROXY $P_OUR_HELLO $P_OUR_PROXY $P_BIG $P_BIG_PROXY $P_LT_HELLO $P_LT_PROXY; do
    for _ in $(seq 50); do curl -s -o /dev/null "http://127.0.0.1:$port/" && break; sleep 0.1; done
done

size() { curl -si "http://127.0.0.1:$1/" | wc -c; }
echo "response bytes (head+body): ours hello $(size $P_OUR_HELLO), nginx hello $(size $P_NGX_HELLO), ours proxy $(size $P_OUR_PROXY), nginx proxy $(size $P_NGX_PROXY)"

# wrk → "rps p50_ms p99_ms requests"
run_wrk() {
    wrk -t1 -c"$CONN" -d1s "http://127.0.0.1:$1/" >/dev/null 2>&1  # warm-up
    wrk -t1 -c"$CONN" -d"${DUR}s" --latency "http://127.0.0.1:$1/" | awk '
        function ms(v) { if (v ~ /us$/) return v/1000; if (v ~ /ms$/) return v+0; if (v ~ /s$/) return v*1000; return v }
        /^ +50%/ { p50 = ms($2) } /^ +99%/ { p99 = ms($2) }
        /requests in/ { n = $1 } /^Requests\/sec/ { rps = $2 }
        END { printf "%.0f %.2f %.2f %d\n", rps, p50, p99, n }'
}
rss_kb() { awk '/VmRSS/ { print $2 }' "/proc/$1/status"; }

echo
printf '%-6s %-5s %-13s %9s %8s %8s\n' round test server rps p50_ms p99_ms
declare -A SUM
for round in $(seq "$ROUNDS"); do
    for test in hello proxy; do
        if [ "$test" = hello ]; then ours=$P_OUR_HELLO; theirs=$P_NGX_HELLO; lt=$P_LT_HELLO
        else ours=$P_OUR_PROXY; theirs=$P_NGX_PROXY; lt=$P_LT_PROXY; fi
        read -r r1 a1 b1 n1 < <(run_wrk "$ours")
        read -r r2 a2 b2 n2 < <(run_wrk "$theirs")
        read -r r3 a3 b3 n3 < <(run_wrk "$lt")
        printf '%-6s %-5s %-13s %9s %8s %8s\n' "$round" "$test" ours "$r1" "$a1" "$b1"
        printf '%-6s %-5s %-13s %9s %8s %8s\n' "$round" "$test" nginx "$r2" "$a2" "$b2"
        printf '%-6s %-5s %-13s %9s %8s %8s\n' "$round" "$test" ours-level "$r3" "$a3" "$b3"
        SUM[$test.ours]=$(( ${SUM[$test.ours]:-0} + r1 )); SUM[$test.nginx]=$(( ${SUM[$test.nginx]:-0} + r2 ))
        SUM[$test.lt]=$(( ${SUM[$test.lt]:-0} + r3 ))
    done
done
echo
for test in hello proxy; do
    awk -v t="$test" -v a="${SUM[$test.ours]}" -v b="${SUM[$test.nginx]}" -v r="$ROUNDS" \
        'BEGIN { printf "%s: ours %.0f rps, nginx %.0f rps, ratio %.2f\n", t, a/r, b/r, a/b }'
    awk -v t="$test" -v a="${SUM[$test.ours]}" -v b="${SUM[$test.lt]}" -v r="$ROUNDS" \
        'BEGIN { printf "%s: edge-triggered %.0f rps, level-triggered %.0f rps, ratio %.2f\n", t, a/r, b/r, a/b }'
done
echo "RSS after the runs (>100k requests each): hello $(rss_kb $HELLO_PID) KiB, proxy $(rss_kb $PROXY_PID) KiB"

# 1 GiB through our proxy: sample its RSS while streaming.
before=$(rss_kb $BIGPROXY_PID); peak=$before
curl -s -o /dev/null "http://127.0.0.1:$P_BIG_PROXY/big" & CURL_PID=$!
start=$(date +%s.%N)
while kill -0 $CURL_PID 2>/dev/null; do
    now=$(rss_kb $BIGPROXY_PID); [ "$now" -gt "$peak" ] && peak=$now; sleep 0.2
done
wait $CURL_PID
elapsed=$(awk -v s="$start" -v e="$(date +%s.%N)" 'BEGIN { printf "%.1f", e - s }')
echo "1 GiB streamed through our proxy in ${elapsed}s: proxy RSS before ${before} KiB, peak during ${peak} KiB"
