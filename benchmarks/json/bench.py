#!/usr/bin/env python3
"""Python json (C accelerated) on the same file: prints `python-json<TAB>parse_s<TAB>write_s` (best of N)."""
import json, json.decoder, sys, time
path, iterations = sys.argv[1], int(sys.argv[2])
assert json.decoder.scanstring is json.decoder.c_scanstring, "C accelerator not loaded"
data = open(path, "rb").read()
best_parse = best_write = float("inf")
for _ in range(iterations + 1):
    t0 = time.perf_counter(); obj = json.loads(data)
    t1 = time.perf_counter(); out = json.dumps(obj, ensure_ascii=False, separators=(",", ":")).encode()
    t2 = time.perf_counter()
    best_parse, best_write = min(best_parse, t1 - t0), min(best_write, t2 - t1)
print(f"python-json\t{best_parse:.6f}\t{best_write:.6f}\t{len(out)}")
