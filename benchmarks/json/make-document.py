#!/usr/bin/env python3
"""Writes a deterministic OpenAPI-shaped JSON document of at least TARGET bytes.

Descriptions are real text lines from ../../../shared/upstream-docs (when present), so strings
carry the same mix of ASCII, punctuation, Unicode and escapes as the vendor specs we load.
Usage: make-document.py OUT.json [TARGET_BYTES]
"""
import glob, json, os, random, sys

out = sys.argv[1]
target = int(sys.argv[2]) if len(sys.argv) > 2 else 6 * 1024 * 1024
rng = random.Random(8259)
here = os.path.dirname(os.path.abspath(__file__))
lines = []
for path in sorted(glob.glob(os.path.join(here, "../../../shared/upstream-docs/*.txt"))):
    with open(path, encoding="utf-8", errors="replace") as f:
        lines += [l.strip() for l in f if len(l.strip()) > 20]
if not lines:
    lines = ["Returns the owl with the given id — including “quoted” text, tabs\tand ünïcode ✓."]

def text():
    return " ".join(rng.choice(lines) for _ in range(rng.randint(1, 3)))

def schema(depth=0):
    props = {}
    for k in range(rng.randint(3, 9)):
        name = rng.choice(["id", "name", "status", "createdAt", "owner", "tags", "amount", "priority", "site"]) + str(k)
        kind = rng.choice(["string", "integer", "number", "boolean", "array", "object"] if depth < 2 else ["string", "integer"])
        p = {"type": kind, "description": text()}
        if kind == "integer": p.update({"minimum": 0, "maximum": rng.randint(10, 10**12), "example": rng.randint(0, 10**9)})
        if kind == "number": p.update({"multipleOf": 0.01, "example": round(rng.uniform(-1e6, 1e6), 2)})
        if kind == "string": p.update({"maxLength": rng.randint(8, 512), "example": text()[:40]})
        if kind == "array": p["items"] = schema(depth + 1)
        if kind == "object": p.update(schema(depth + 1))
        props[name] = p
    return {"type": "object", "required": sorted(props)[:2], "properties": props}

doc = {"openapi": "3.0.3", "info": {"title": "Benchmark API", "version": "1.0.0", "description": text()},
       "servers": [{"url": "https://api.example.invalid/v1"}], "paths": {}, "components": {"schemas": {}}}
n = 0
while len(json.dumps(doc, ensure_ascii=False, indent=2).encode()) < target:
    for _ in range(50):
        res = f"resource{n}"
        doc["components"]["schemas"][res.capitalize()] = schema()
        ref = {"$ref": f"#/components/schemas/{res.capitalize()}"}
        doc["paths"][f"/{res}/{{id}}"] = {
            m: {"operationId": f"{m}{res}", "summary": text()[:80], "description": text(),
                "parameters": [{"name": "id", "in": "path", "required": True, "schema": {"type": "integer", "minimum": 1}},
                               {"name": "limit", "in": "query", "schema": {"type": "integer", "default": 50, "maximum": 500}}],
                "responses": {"200": {"description": "OK", "content": {"application/json": {"schema": ref}}},
                              "404": {"description": "Not found"}, "429": {"description": "Too many requests"}}}
            for m in ("get", "put", "delete")}
        n += 1
with open(out, "w", encoding="utf-8") as f:
    json.dump(doc, f, ensure_ascii=False, indent=2)
print(f"{out}: {os.path.getsize(out)} bytes, {n} resources")
