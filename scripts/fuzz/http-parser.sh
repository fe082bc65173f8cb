#!/usr/bin/env bash
# Builds and runs a libFuzzer binary for HTTPParser (address sanitizer on).
# Usage: scripts/fuzz/http-parser.sh [libFuzzer flags, e.g. -max_total_time=60]
set -euo pipefail
cd "$(dirname "$0")/../.."
out=.build/fuzz
mkdir -p "$out/corpus"
printf 'GET / HTTP/1.1\r\nHost: h\r\n\r\n' > "$out/corpus/get"
printf 'POST /x HTTP/1.1\r\nHost: h\r\nTransfer-Encoding: chunked\r\n\r\n3;e=1\r\nabc\r\n0\r\nT: v\r\n\r\n' > "$out/corpus/chunked"
printf 'HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\nok' > "$out/corpus/response"
swiftc -O -sanitize=fuzzer,address -parse-as-library -module-name HTTPFuzz \
    Sources/HTTP/Message/*.swift Sources/HTTP/Parser/*.swift scripts/fuzz/HTTPParserFuzzEntry.swift \
    -o "$out/http-parser-fuzzer"
exec "$out/http-parser-fuzzer" "$out/corpus" "$@"
