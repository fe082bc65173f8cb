#!/usr/bin/env python3
"""Checks OpenAPI documents: structure with openapi-spec-validator, then every example against its schema.

Usage: python3 scripts/check-specs.py specs/*.yaml
       python3 scripts/check-specs.py --self-test   (proves the checks can fail)

For each document it
  1. validates the document with openapi-spec-validator (3.0 or 3.1, detected from `openapi`);
  2. validates every example against the schema it illustrates, with `$ref`s resolved inside the
     document and formats (date, date-time, ...) checked:
       - media types (`content`): `example` and each `examples` entry (Example objects and their
         `$ref`s), against the media type's `schema`; for `application/x-ndjson` media types with an
         `x-item-schema`, every line of a string example is parsed as JSON and checked against it;
       - parameters and headers: `example` / `examples` against their `schema` (or their `content`);
       - schemas anywhere (components, parameters, bodies, nested properties/items/...): the
         schema's own `examples` array (3.1) or `example` (3.0);
       - string examples whose schema has `contentEncoding` base64url/base64,
         `contentMediaType: application/json` and a `contentSchema` are decoded and checked
         against the `contentSchema` too;
  3. checks issue 6's per-operation rules: a camelCase `operationId`, at least one tag, a summary.
It prints one line per document and a last line `N passed, M failed`; it exits 1 if any failed.

YAML is read close to YAML 1.2's core schema (the project's own reader): only true/false are
booleans and dates stay strings, so `2026-01-01` in an example is a string as on the wire.
"""

from __future__ import annotations

import base64
import json
import re
import sys
from pathlib import Path
from typing import Any, Iterator

import yaml

try:
    from openapi_spec_validator import validate as validate_spec
    from openapi_schema_validator import OAS30Validator, OAS31Validator
    from referencing import Registry, Resource
    from referencing.jsonschema import DRAFT4, DRAFT202012
except ImportError as error:  # pragma: no cover - environment problem, reported plainly
    print(f"check-specs: missing dependency ({error}); run: pip install openapi-spec-validator", file=sys.stderr)
    sys.exit(2)


class CoreSchemaLoader(yaml.SafeLoader):
    """A SafeLoader without YAML 1.1's timestamp and yes/no/on/off booleans."""


CoreSchemaLoader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag not in ("tag:yaml.org,2002:timestamp", "tag:yaml.org,2002:bool")]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}
CoreSchemaLoader.add_implicit_resolver(
    "tag:yaml.org,2002:bool", re.compile(r"^(?:true|True|TRUE|false|False|FALSE)$"), list("tTfF")
)

SPEC_URI = "urn:check-specs:document"

# Keywords whose value is a schema, a list of schemas, or a map of name -> schema.
SCHEMA_KEYWORDS = ("items", "not", "additionalProperties", "if", "then", "else", "contains",
                   "propertyNames", "unevaluatedItems", "unevaluatedProperties", "contentSchema")
SCHEMA_LIST_KEYWORDS = ("allOf", "anyOf", "oneOf", "prefixItems")
SCHEMA_MAP_KEYWORDS = ("properties", "patternProperties", "$defs", "definitions", "dependentSchemas")


def escape(token: str) -> str:
    """Escapes one JSON Pointer token (RFC 6901)."""
    return token.replace("~", "~0").replace("/", "~1")


def resolve(document: Any, ref: str) -> Any:
    """Resolves a local `#/...` reference inside the document (None when it does not resolve)."""
    if not ref.startswith("#"):
        return None
    node = document
    for raw in ref[1:].split("/")[1:]:
        token = raw.replace("~1", "/").replace("~0", "~")
        if isinstance(node, dict) and token in node:
            node = node[token]
        elif isinstance(node, list) and token.isdigit() and int(token) < len(node):
            node = node[int(token)]
        else:
            return None
    return node


class ExampleChecker:
    """Collects every (example, schema) pair of one document and validates them."""

    def __init__(self, document: dict, is31: bool) -> None:
        self.document = document
        self.is31 = is31
        specification = DRAFT202012 if is31 else DRAFT4
        resource = Resource.from_contents(document, default_specification=specification)
        self.registry = Registry().with_resource(SPEC_URI, resource)
        self.validator_class = OAS31Validator if is31 else OAS30Validator
        self.format_checker = self.validator_class.FORMAT_CHECKER
        self.errors: list[str] = []
        self.count = 0

    # -- validation ---------------------------------------------------------------------------

    def check(self, value: Any, schema_pointer: str, where: str) -> None:
        """Validates one example value against the schema found at `schema_pointer`."""
        self.count += 1
        schema = {"$ref": f"{SPEC_URI}#{schema_pointer}"}
        if self.is31:
            schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
        validator = self.validator_class(schema, registry=self.registry, format_checker=self.format_checker)
        for error in sorted(validator.iter_errors(value), key=lambda e: list(e.absolute_path)):
            location = "/".join(str(part) for part in error.absolute_path)
            self.errors.append(f"{where}: example at '/{location}': {error.message}")

    def check_encoded(self, value: Any, schema_pointer: str, where: str) -> None:
        """For a string schema with `contentEncoding` base64url/base64, `contentMediaType` JSON and a
        `contentSchema`, decodes the example and validates the decoded JSON against `contentSchema`."""
        schema = resolve(self.document, "#" + schema_pointer)
        while isinstance(schema, dict) and isinstance(schema.get("$ref"), str) and schema["$ref"].startswith("#"):
            schema_pointer = schema["$ref"][1:]
            schema = resolve(self.document, schema["$ref"])
        if not (isinstance(schema, dict) and "contentSchema" in schema and isinstance(value, str)
                and schema.get("contentEncoding") in ("base64url", "base64")
                and str(schema.get("contentMediaType", "")).split(";")[0].strip() == "application/json"):
            return
        text = value + "=" * (-len(value) % 4)
        try:
            raw = (base64.urlsafe_b64decode(text) if schema["contentEncoding"] == "base64url"
                   else base64.b64decode(text, validate=True))
            decoded = json.loads(raw.decode("utf-8"))
        except (ValueError, UnicodeDecodeError) as error:
            self.errors.append(f"{where}: example is not {schema['contentEncoding']}-encoded JSON: {error}")
            return
        self.check(decoded, f"{schema_pointer}/contentSchema", f"{where} (decoded)")

    def check_examples_map(self, examples: Any, schema_pointer: str | None, where: str,
                           ndjson_item: str | None = None) -> None:
        """Checks an `examples` map of Example objects (following `$ref`s)."""
        if not isinstance(examples, dict):
            return
        for name, example in examples.items():
            target = example
            if isinstance(example, dict) and "$ref" in example:
                target = resolve(self.document, example["$ref"])
                if target is None:
                    self.errors.append(f"{where}/examples/{name}: unresolved $ref {example['$ref']}")
                    continue
            if isinstance(target, dict) and "value" in target:
                self.check_value(target["value"], schema_pointer, f"{where}/examples/{escape(name)}", ndjson_item)

    def check_value(self, value: Any, schema_pointer: str | None, where: str, ndjson_item: str | None) -> None:
        """Checks one example value against the schema and, for NDJSON, each line against the item schema."""
        if schema_pointer is not None:
            self.check(value, schema_pointer, where)
            self.check_encoded(value, schema_pointer, where)
        if ndjson_item is not None and isinstance(value, str):
            for number, line in enumerate(value.splitlines(), start=1):
                if not line.strip():
                    continue
                try:
                    row = json.loads(line)
                except json.JSONDecodeError as error:
                    self.errors.append(f"{where}: NDJSON line {number} is not JSON: {error}")
                    continue
                self.check(row, ndjson_item, f"{where} (NDJSON line {number})")

    # -- walking ------------------------------------------------------------------------------

    def walk_schema(self, schema: Any, pointer: str) -> None:
        """Checks a schema's own `examples` / `example`, then recurses into its subschemas."""
        if not isinstance(schema, dict):
            return
        if isinstance(schema.get("examples"), list):
            for index, value in enumerate(schema["examples"]):
                self.check(value, pointer, f"{pointer}/examples/{index}")
                self.check_encoded(value, pointer, f"{pointer}/examples/{index}")
        if "example" in schema:
            self.check(schema["example"], pointer, f"{pointer}/example")
        for keyword in SCHEMA_KEYWORDS:
            if isinstance(schema.get(keyword), dict):
                self.walk_schema(schema[keyword], f"{pointer}/{escape(keyword)}")
        for keyword in SCHEMA_LIST_KEYWORDS:
            if isinstance(schema.get(keyword), list):
                for index, sub in enumerate(schema[keyword]):
                    self.walk_schema(sub, f"{pointer}/{keyword}/{index}")
        for keyword in SCHEMA_MAP_KEYWORDS:
            if isinstance(schema.get(keyword), dict):
                for name, sub in schema[keyword].items():
                    self.walk_schema(sub, f"{pointer}/{escape(keyword)}/{escape(name)}")

    def walk_content(self, content: Any, pointer: str) -> None:
        """Checks every media type of a `content` map."""
        if not isinstance(content, dict):
            return
        for media_name, media in content.items():
            if not isinstance(media, dict):
                continue
            media_pointer = f"{pointer}/{escape(media_name)}"
            schema_pointer = f"{media_pointer}/schema" if "schema" in media else None
            ndjson_item = f"{media_pointer}/x-item-schema" if "x-item-schema" in media else None
            if schema_pointer:
                self.walk_schema(media["schema"], schema_pointer)
            if ndjson_item:
                self.walk_schema(media["x-item-schema"], ndjson_item)
            if "example" in media:
                self.check_value(media["example"], schema_pointer, f"{media_pointer}/example", ndjson_item)
            if schema_pointer or ndjson_item:
                self.check_examples_map(media.get("examples"), schema_pointer, media_pointer, ndjson_item)

    def walk_parameter(self, parameter: Any, pointer: str) -> None:
        """Checks a Parameter or Header object."""
        if not isinstance(parameter, dict) or "$ref" in parameter:
            return
        if "schema" in parameter:
            schema_pointer = f"{pointer}/schema"
            self.walk_schema(parameter["schema"], schema_pointer)
            if "example" in parameter:
                self.check_value(parameter["example"], schema_pointer, f"{pointer}/example", None)
            self.check_examples_map(parameter.get("examples"), schema_pointer, pointer)
        if "content" in parameter:
            self.walk_content(parameter["content"], f"{pointer}/content")

    def walk_response(self, response: Any, pointer: str) -> None:
        """Checks a Response object's headers and content."""
        if not isinstance(response, dict) or "$ref" in response:
            return
        for name, header in (response.get("headers") or {}).items():
            self.walk_parameter(header, f"{pointer}/headers/{escape(name)}")
        self.walk_content(response.get("content"), f"{pointer}/content")

    def walk_operation(self, operation: Any, pointer: str) -> None:
        """Checks an Operation: parameters, request body, responses, callbacks."""
        if not isinstance(operation, dict):
            return
        for index, parameter in enumerate(operation.get("parameters") or []):
            self.walk_parameter(parameter, f"{pointer}/parameters/{index}")
        body = operation.get("requestBody")
        if isinstance(body, dict) and "$ref" not in body:
            self.walk_content(body.get("content"), f"{pointer}/requestBody/content")
        for status, response in (operation.get("responses") or {}).items():
            self.walk_response(response, f"{pointer}/responses/{escape(str(status))}")
        for name, callback in (operation.get("callbacks") or {}).items():
            self.walk_path_items(callback, f"{pointer}/callbacks/{escape(name)}")

    def walk_path_items(self, items: Any, pointer: str) -> None:
        """Checks a map of path templates (or callback expressions) to Path Item objects."""
        if not isinstance(items, dict):
            return
        for path, item in items.items():
            if not isinstance(item, dict) or "$ref" in item:
                continue
            item_pointer = f"{pointer}/{escape(path)}"
            for index, parameter in enumerate(item.get("parameters") or []):
                self.walk_parameter(parameter, f"{item_pointer}/parameters/{index}")
            for method in ("get", "put", "post", "delete", "options", "head", "patch", "trace"):
                if method in item:
                    self.walk_operation(item[method], f"{item_pointer}/{method}")

    def run(self) -> None:
        """Walks paths, webhooks and components."""
        self.walk_path_items(self.document.get("paths"), "/paths")
        self.walk_path_items(self.document.get("webhooks"), "/webhooks")
        components = self.document.get("components") or {}
        for name, schema in (components.get("schemas") or {}).items():
            self.walk_schema(schema, f"/components/schemas/{escape(name)}")
        for section in ("parameters", "headers"):
            for name, parameter in (components.get(section) or {}).items():
                self.walk_parameter(parameter, f"/components/{section}/{escape(name)}")
        for name, response in (components.get("responses") or {}).items():
            self.walk_response(response, f"/components/responses/{escape(name)}")
        for name, body in (components.get("requestBodies") or {}).items():
            if isinstance(body, dict):
                self.walk_content(body.get("content"), f"/components/requestBodies/{escape(name)}/content")
        self.walk_path_items(components.get("pathItems"), "/components/pathItems")


OPERATION_ID = re.compile(r"^[a-z][A-Za-z0-9]*$")
METHODS = ("get", "put", "post", "delete", "options", "head", "patch", "trace")


def lint_operations(document: dict) -> list[str]:
    """Issue 6's per-operation rules: a camelCase operationId, at least one tag, and a summary."""
    problems = []
    for path, item in (document.get("paths") or {}).items():
        if not isinstance(item, dict):
            continue
        for method in METHODS:
            operation = item.get(method)
            if not isinstance(operation, dict):
                continue
            where = f"/paths/{escape(path)}/{method}"
            operation_id = operation.get("operationId")
            if not isinstance(operation_id, str) or not OPERATION_ID.match(operation_id):
                problems.append(f"{where}: operationId {operation_id!r} is missing or not camelCase")
            tags = operation.get("tags")
            if not isinstance(tags, list) or not tags:
                problems.append(f"{where}: no tags")
            summary = operation.get("summary")
            if not isinstance(summary, str) or not summary.strip():
                problems.append(f"{where}: no summary")
    return problems


def count_operations(document: dict) -> int:
    """Counts operations (method entries) under `paths`."""
    methods = {"get", "put", "post", "delete", "options", "head", "patch", "trace"}
    return sum(1 for item in (document.get("paths") or {}).values() if isinstance(item, dict)
               for key in item if key in methods)


def check_file(path: str) -> tuple[bool, str, list[str]]:
    """Checks one document; returns (passed, summary line, error lines)."""
    try:
        text = Path(path).read_text(encoding="utf-8")
        document = yaml.load(text, Loader=CoreSchemaLoader)  # noqa: S506 - a SafeLoader subclass
    except (OSError, UnicodeDecodeError, yaml.YAMLError) as error:
        return False, f"FAIL {path}: cannot read: {error}", []
    if not isinstance(document, dict):
        return False, f"FAIL {path}: not a mapping at the top level", []
    version = str(document.get("openapi", ""))
    try:
        validate_spec(document, base_uri=Path(path).resolve().as_uri())
    except Exception as error:  # the validator raises several exception types
        first = str(error).splitlines()[0] if str(error) else type(error).__name__
        return False, f"FAIL {path}: openapi-spec-validator: {first}", str(error).splitlines()[:40]
    checker = ExampleChecker(document, is31=version.startswith("3.1"))
    checker.run()
    operations = count_operations(document)
    lint = lint_operations(document)
    if checker.errors or lint:
        return False, (f"FAIL {path}: {len(checker.errors)} example error(s), {len(lint)} operation problem(s) "
                       f"(openapi {version}, {operations} operations, {checker.count} examples)"), lint + checker.errors
    return True, f"PASS {path} (openapi {version}, {operations} operations, {checker.count} examples)", []


FIXTURES = Path(__file__).resolve().parent / "check-specs-fixtures"


def self_test() -> int:
    """Proves the checker finds each kind of problem in scripts/check-specs-fixtures (exit 0 when it does)."""
    expected_31 = [
        "/parameters/0/example",               # integer parameter with a string example
        "/parameters/1/examples/bad",          # format: date violated
        "/examples/bad",                       # body example below minimum
        "unresolved $ref",                     # Example $ref that does not resolve
        "/headers/X-Count/example",            # header example of the wrong type
        "NDJSON line 2)",                      # NDJSON row against x-item-schema
        "NDJSON line 3 is not JSON",           # NDJSON line that is not JSON
        "/properties/count/examples/1",        # schema-level examples
        "/parameters/2/example (decoded)",     # base64url JSON against contentSchema
        "/Encoded/examples/1 (decoded)",       # the same for a schema's own examples
    ]
    failures: list[str] = []

    def run(name: str) -> tuple[bool, str, list[str]]:
        return check_file(str(FIXTURES / name))

    ok, line, errors = run("bad-examples-31.yaml")
    if ok:
        failures.append("3.1 document with bad examples passed")
    for needle in expected_31:
        if not any(needle in error for error in errors):
            failures.append(f"3.1: no error mentioning {needle!r}")
    if len(errors) != len(expected_31):
        failures.append(f"3.1: expected {len(expected_31)} errors, got {len(errors)}: {errors}")
    ok, line, errors = run("bad-example-30.yaml")
    if ok or len(errors) != 1 or "/properties/name/example" not in errors[0]:
        failures.append(f"3.0: expected exactly the `name` example to fail (nullable honoured): {errors}")
    ok, line, errors = run("broken-structure.yaml")
    if ok or "openapi-spec-validator" not in line:
        failures.append(f"duplicate operationId not reported by openapi-spec-validator: {line}")
    ok, line, errors = run("bad-operation-rules.yaml")
    needles = ["not camelCase", "no tags", "no summary"]
    if ok or len(errors) != 3 or any(not any(n in e for e in errors) for n in needles):
        failures.append(f"operation rules (operationId/tags/summary) not reported exactly: {errors}")
    ok, line, errors = run("good-30.yaml")
    if not ok:
        failures.append(f"valid 3.0 document failed: {line} {errors}")
    for failure in failures:
        print(f"self-test: {failure}", file=sys.stderr)
    print("check-specs self-test: " + ("ok" if not failures else f"{len(failures)} problem(s)"))
    return 1 if failures else 0


def main(arguments: list[str]) -> int:
    """Checks every path given; prints one line each and the totals."""
    if arguments == ["--self-test"]:
        return self_test()
    if not arguments:
        print("usage: check-specs.py SPEC.yaml... | --self-test", file=sys.stderr)
        return 2
    passed = failed = 0
    for path in arguments:
        ok, line, details = check_file(path)
        print(line, flush=True)
        for detail in details:
            print(f"    {detail}", file=sys.stderr, flush=True)
        if ok:
            passed += 1
        else:
            failed += 1
    print(f"{passed} passed, {failed} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
