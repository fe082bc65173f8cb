#!/usr/bin/env bash
# Gateway benchmark: the gateway (routing + token check + OpenAPI validation + upstream auth + audit
# to a file) vs nginx `proxy_pass` (1 worker, upstream keepalive), both in front of the same OpsDeck
# simulator, same wrk settings, alternating rounds in one run. Reports requests/s and the ratio.
# Usage: bash benchmarks/gateway/run.sh [seconds-per-run] [connections] [rounds]
set -euo pipefail
cd "$(dirname "$0")/../.."
DUR=${1:-8}; CONN=${2:-32}; ROUNDS=${3:-2}
OUT=benchmarks/out/gateway; mkdir -p "$OUT"; OUT=$(cd "$OUT" && pwd)
command -v nginx >/dev/null && command -v wrk >/dev/null || { echo "need: apt-get install -y nginx wrk"; exit 1; }

swift build -c release --product gateway >/dev/null
GW=$(swift build -c release --show-bin-path)/gateway
P_SIM=18201; P_NGX=18202; P_GW=18203
TARGET="/api/v1/users?limit=5&offset=0"
PIDS=()
cleanup() {
    for pid in "${PIDS[@]}"; do kill "$pid" 2>/dev/null || true; done
    [ -f "$OUT/nginx.pid" ] && kill "$(cat "$OUT/nginx.pid")" 2>/dev/null || true
}
trap cleanup EXIT

"$GW" simulate opsdeck --port $P_SIM >"$OUT/sim.log" 2>&1 & PIDS+=($!)
SIM_TOKEN=opsdeck_demo_token_00000000000000000000   # the simulator's fixed demo value

mkdir -p "$OUT/tmp"
cat > "$OUT/nginx.conf" <<CONF
worker_processes 1;
daemon on;
pid $OUT/nginx.pid;
error_log $OUT/nginx.error.log warn;
events { worker_connections 4096; }
http {
    access_log off;
    client_body_temp_path $OUT/tmp; proxy_temp_path $OUT/tmp; fastcgi_temp_path $OUT/tmp;
    uwsgi_temp_path $OUT/tmp; scgi_temp_path $OUT/tmp;
    upstream sim { server 127.0.0.1:$P_SIM; keepalive 64; }
    server {
        listen 127.0.0.1:$P_NGX;
        location /opsdeck/ {
            proxy_pass http://sim/;
            proxy_http_version 1.1;
            proxy_set_header Connection "";
            proxy_set_header Authorization "Bearer $SIM_TOKEN";
        }
    }
}
CONF
nginx -c "$OUT/nginx.conf"

TOKEN_OUT=$("$GW" token create --client bench)
TOKEN=$(grep -o 'gw_[A-Za-z0-9_-]\{43\}' <<<"$TOKEN_OUT" | head -1)
HASH=$(printf '%s' "$TOKEN" | sha256sum | cut -d' ' -f1)
cat > "$OUT/gateway.yaml" <<YAML
listen: {host: 127.0.0.1, port: $P_GW}
audit: {path: $OUT/audit.log}
clients:
  - {name: bench, tokenSHA256: "$HASH", upstreams: [opsdeck]}
upstreams:
  - name: opsdeck
    mount: /opsdeck
    spec: $(pwd)/specs/opsdeck.yaml
    baseURL: http://127.0.0.1:$P_SIM
    auth: {type: bearer, token: "\${BENCH_OPSDECK_TOKEN}"}
YAML
: > "$OUT/audit.log"
BENCH_OPSDECK_TOKEN=$SIM_TOKEN "$GW" serve --config "$OUT/gateway.yaml" >"$OUT/gateway.log" 2>&1 & PIDS+=($!)

for i in $(seq 50); do
    curl -sf -o /dev/null "http://127.0.0.1:$P_GW/healthz" && curl -sf -o /dev/null "http://127.0.0.1:$P_NGX/opsdeck$TARGET" && break
    sleep 0.1
done
check() { curl -s -o /dev/null -w '%{http_code}' -H "Authorization: Bearer $TOKEN" "$1"; }
[ "$(check "http://127.0.0.1:$P_GW/opsdeck$TARGET")" = 200 ] || { echo "gateway did not answer 200"; exit 1; }
[ "$(check "http://127.0.0.1:$P_NGX/opsdeck$TARGET")" = 200 ] || { echo "nginx did not answer 200"; exit 1; }

rps() { wrk -t1 -c"$CONN" -d"${DUR}s" -H "Authorization: Bearer $TOKEN" "$1" | awk '/Requests\/sec/ {print $2}'; }
echo "wrk -t1 -c$CONN -d${DUR}s GET /opsdeck$TARGET, $ROUNDS rounds (alternating)"
best_gw=0; best_ngx=0
for r in $(seq "$ROUNDS"); do
    g=$(rps "http://127.0.0.1:$P_GW/opsdeck$TARGET"); n=$(rps "http://127.0.0.1:$P_NGX/opsdeck$TARGET")
    echo "round $r: gateway $g req/s, nginx proxy_pass $n req/s"
    best_gw=$(awk -v a="$best_gw" -v b="$g" 'BEGIN{print (b>a)?b:a}'); best_ngx=$(awk -v a="$best_ngx" -v b="$n" 'BEGIN{print (b>a)?b:a}')
done
echo "best: gateway $best_gw req/s, nginx $best_ngx req/s, ratio gateway/nginx $(awk -v a="$best_gw" -v b="$best_ngx" 'BEGIN{printf "%.2f", a/b}')"
echo "audit lines written: $(wc -l < "$OUT/audit.log")"
