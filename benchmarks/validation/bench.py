#!/usr/bin/env python3
"""Validates the requests in requests.json against spec.yaml with openapi-core (unmarshal_request:
routing, parameter deserialization and casting, body parsing, schema validation, formats), the same
work our validator does. Prints TSV: `python-openapi-core <TAB> requests/s <TAB> per-request µs…`."""
import json, sys, time
from urllib.parse import parse_qsl, urlsplit
from openapi_core import OpenAPI
from openapi_core.testing import MockRequest
from werkzeug.datastructures import ImmutableMultiDict

spec, reqs_path, runs = sys.argv[1], sys.argv[2], int(sys.argv[3])
api = OpenAPI.from_file_path(spec)
items = json.load(open(reqs_path))

def make(item):
    # Raw target parsed inside the timed loop, as ours parses the raw query string.
    parts = urlsplit(item["target"])
    return MockRequest("https://api.example.com", item["method"].lower(), parts.path,
                       args=ImmutableMultiDict(parse_qsl(parts.query, keep_blank_values=True)),
                       data=item.get("body", "").encode() or None,
                       content_type=item.get("contentType", "application/json"))

def check(item):
    return not api.unmarshal_request(make(item)).errors

for i, item in enumerate(items):
    if check(item) != item["valid"]:
        sys.exit(f"request {i} ({item['name']}): openapi-core says valid={not item['valid']}")

def timed(subset, iterations):
    t0 = time.perf_counter()
    for _ in range(iterations):
        for item in subset:
            check(item)
    return time.perf_counter() - t0

iterations = 200
timed(items, 20)
best = min(timed(items, iterations) for _ in range(runs))
row = ["python-openapi-core", str(iterations * len(items) / best)]
for item in items:
    b = min(timed([item], iterations // 4) for _ in range(runs))
    row.append(str(b / (iterations // 4) * 1e6))
print("\t".join(row))
