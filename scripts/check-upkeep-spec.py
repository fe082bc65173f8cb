#!/usr/bin/env python3
"""Checks an OpenAPI 3.1 spec's examples, and (for UpKeep) the operation count against the doc.

Usage: python3 scripts/check-upkeep-spec.py [SPEC] [--doc DOC]
  SPEC defaults to specs/upkeep.yaml. With --doc (default: ../shared/upstream-docs/upkeep.txt when SPEC is
  the UpKeep spec and that file exists) the doc's operations are counted and compared.

Checks:
 1. openapi-spec-validator accepts the document.
 2. Every example (request bodies, responses, parameters; `example` and `examples`, in paths and in
    components) validates against its schema with the OAS 3.1 schema validator, $refs resolved
    against the document, formats checked.
 3. operationIds are present and unique; every key of every example is a declared property.
 4. Every `includes` parameter accepts the three documented array forms.
 5. UpKeep only: the number of "HTTP Request" lines (+ curl-only sections) in the doc equals the
    number of operations (minus documented merges), and every deprecated operation is listed.
 6. UpKeep only: every row of the doc's query-parameter and request-body tables exists in the
    operation, and the spec adds no names beyond a short, explained list (TABLE_EXTRAS).
 7. UpKeep only: the committed spec equals scripts/gen-upkeep-spec.py's output.
Exit status 1 on any failure.

`--self-test` runs the checks on mutated copies of the spec (a wrong-typed example, a missing required
field, an unknown request field, a too-narrow includes pattern, a duplicate operationId, a lost
deprecated flag, a dropped documented query parameter, a dropped documented body field, an
undeclared key in a response example) and fails
unless each mutation is reported.
"""
import os
import re
import sys

import yaml
from openapi_schema_validator import OAS31Validator
from openapi_spec_validator import validate as validate_spec

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
METHODS = ('get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace')


def load(path):
    with open(path, encoding='utf-8') as fh:
        return yaml.safe_load(fh)


def deref(spec, node):
    while isinstance(node, dict) and '$ref' in node and node['$ref'].startswith('#/'):
        target = spec
        for part in node['$ref'][2:].split('/'):
            target = target[part.replace('~1', '/').replace('~0', '~')]
        node = target
    return node


def check_examples(spec, errors):
    """Validates every example against its schema; returns the number of examples checked."""
    count = 0
    root_extra = {'components': spec.get('components', {})}

    def validate(schema, value, where):
        nonlocal count
        count += 1
        full = dict(schema)
        full.update(root_extra)
        v = OAS31Validator(full, format_checker=OAS31Validator.FORMAT_CHECKER)
        errs = sorted(v.iter_errors(value), key=lambda e: list(e.absolute_path))
        for e in errs[:3]:
            errors.append('%s: %s at %s' % (where, e.message[:200], '/'.join(map(str, e.absolute_path))))

    def media_examples(media, where):
        schema = media.get('schema')
        if schema is None:
            return
        if 'example' in media:
            validate(schema, media['example'], where + '/example')
        for name, ex in (media.get('examples') or {}).items():
            ex = deref(spec, ex)
            if 'value' in ex:
                validate(schema, ex['value'], '%s/examples/%s' % (where, name))

    def param_examples(p, where):
        p = deref(spec, p)
        schema = p.get('schema')
        if schema is None:
            return
        if 'example' in p:
            validate(schema, p['example'], where + '/example')
        for name, ex in (p.get('examples') or {}).items():
            ex = deref(spec, ex)
            if 'value' in ex:
                validate(schema, ex['value'], '%s/examples/%s' % (where, name))

    for path, item in (spec.get('paths') or {}).items():
        for p in item.get('parameters', []):
            param_examples(p, '%s/parameters/%s' % (path, deref(spec, p).get('name')))
        for m in METHODS:
            o = item.get(m)
            if not o:
                continue
            where = '%s %s' % (m.upper(), path)
            for p in o.get('parameters', []):
                param_examples(p, '%s parameter %s' % (where, deref(spec, p).get('name')))
            rb = deref(spec, o.get('requestBody') or {})
            for mt, media in (rb.get('content') or {}).items():
                media_examples(media, '%s requestBody %s' % (where, mt))
            for code, r in (o.get('responses') or {}).items():
                if '$ref' in r:
                    continue  # component responses are checked below
                for mt, media in (r.get('content') or {}).items():
                    media_examples(media, '%s response %s %s' % (where, code, mt))
    comps = spec.get('components', {})
    for name, r in (comps.get('responses') or {}).items():
        for mt, media in (r.get('content') or {}).items():
            media_examples(media, 'components/responses/%s %s' % (name, mt))
    for name, p in (comps.get('parameters') or {}).items():
        param_examples(p, 'components/parameters/%s' % name)
    for name, rb in (comps.get('requestBodies') or {}).items():
        for mt, media in (rb.get('content') or {}).items():
            media_examples(media, 'components/requestBodies/%s %s' % (name, mt))
    return count


def check_declared_keys(spec, errors):
    """Every key of every example object must be a declared property (responses are open schemas).

    Validates the examples again against a copy whose object schemas are closed: `additionalProperties:
    false`, or `unevaluatedProperties: false` where the schema composes others with allOf (schemas used
    as allOf parts stay open so their composers can add properties). Returns the examples checked.
    """
    import copy
    closed = copy.deepcopy(spec)
    schemas_ = closed.get('components', {}).get('schemas', {})
    allof_targets = set()

    def find_allof(n):
        if isinstance(n, dict):
            for sub in n.get('allOf', []):
                if isinstance(sub, dict) and '$ref' in sub:
                    allof_targets.add(sub['$ref'].rsplit('/', 1)[-1])
            for v in n.values():
                find_allof(v)
        elif isinstance(n, list):
            for v in n:
                find_allof(v)

    def close(n, name=None, branch=False):
        """branch: n is an allOf part; its composer is closed instead (unevaluatedProperties)."""
        if isinstance(n, dict):
            objectish = 'properties' in n or 'allOf' in n or n.get('type') == 'object' or (
                isinstance(n.get('type'), list) and 'object' in n['type'])
            if objectish and not branch and 'additionalProperties' not in n \
                    and 'unevaluatedProperties' not in n and name not in allof_targets:
                n['unevaluatedProperties' if 'allOf' in n else 'additionalProperties'] = False
            for k, v in n.items():
                if k in ('examples', 'example'):
                    continue
                if k == 'properties':
                    for pv in v.values():
                        close(pv)
                elif k == 'allOf':
                    for part in v:
                        close(part, branch=True)
                else:
                    close(v)
        elif isinstance(n, list):
            for v in n:
                close(v)

    find_allof(schemas_)
    for name, sch in schemas_.items():
        close(sch, name)
    errs = []
    n = check_examples(closed, errs)
    errors.extend('undeclared key: ' + e for e in errs)
    return n


def operations(spec):
    for path, item in (spec.get('paths') or {}).items():
        for m in METHODS:
            if m in item:
                yield path, m, item[m]


def check_operation_ids(spec, errors):
    seen = {}
    for path, m, o in operations(spec):
        oid = o.get('operationId')
        if not oid:
            errors.append('%s %s: no operationId' % (m.upper(), path))
        elif oid in seen:
            errors.append('duplicate operationId %s (%s and %s %s)' % (oid, seen[oid], m.upper(), path))
        else:
            seen[oid] = '%s %s' % (m.upper(), path)


def check_includes(spec, errors):
    """Every includes item schema accepts one name and a comma list; includes[] mirrors includes."""
    n = 0
    for path, m, o in operations(spec):
        params = {deref(spec, p)['name']: deref(spec, p) for p in o.get('parameters', [])}
        if 'includes' not in params:
            continue
        n += 1
        p = params['includes']
        names = p.get('x-expandable') or []
        if not names:
            errors.append('%s %s: includes without x-expandable' % (m.upper(), path))
            continue
        if p.get('style', 'form') != 'form' or p.get('explode', True) is not True:
            errors.append('%s %s: includes must be style=form explode=true' % (m.upper(), path))
        if 'includes[]' not in params:
            errors.append('%s %s: includes without includes[]' % (m.upper(), path))
        for pname in ('includes', 'includes[]'):
            schema = params.get(pname, {}).get('schema', {})
            v = OAS31Validator(schema)
            repeated = names[:2]                      # includes=a&includes=b -> ["a", "b"]
            comma = [','.join(names[:3])]             # includes=a,b,c -> ["a,b,c"]
            for value in (repeated, comma, [names[-1]]):
                if not v.is_valid(value):
                    errors.append('%s %s: %s rejects %r' % (m.upper(), path, pname, value))
            if v.is_valid(['notAnExpandableName']):
                errors.append('%s %s: %s accepts an undocumented name' % (m.upper(), path, pname))
    return n


def count_doc(doc):
    """Counts the doc's operations mechanically: HTTP Request lines, and curl commands."""
    with open(doc, encoding='utf-8') as fh:
        lines = fh.read().split('\n')
    http = 0
    for i, l in enumerate(lines):
        if l.strip() == 'HTTP Request':
            nxt = next(x for x in lines[i + 1:] if x.strip())
            if re.match(r'^\s*(GET|POST|PUT|PATCH|DELETE) https://api\.onupkeep\.com/', nxt):
                http += 1
    curls = sum(1 for l in lines if l.startswith('    curl '))
    marked = [l.strip() for l in lines if re.search(r'\((DEPRECATED|SUNSET)\)\s*$', l)]
    return http, curls, marked


TABLE_TYPES = {'String', 'Number', 'Boolean', 'Array', 'Object', 'Float', 'Integer', 'File', 'string', 'object'}
# Spec names that the doc's tables do not list, each explained by an x-doc-note or the doc's prose.
TABLE_EXTRAS = {
    'includes[]',                                   # bracket form of includes (doc: Expanding Responses)
    'customFieldsLocations',                        # spelling of the doc's example URL
    'partName', 'priority',                         # sent by the doc's own create examples
    'name', 'value', 'unit', 'id', 'quantity',      # "Its child attributes are name, value, and unit" / "id and quantity"
    'type', 'meter', 'options',                     # form item keys described in the formItems row
    'statusAction', 'partsReceived',                # the merged partial-fulfill entry's table
}


def check_doc_tables(spec, doc, errors):
    """Compares each operation's query parameters and body fields with the doc's tables.

    A doc table row is `name Type ...`; date filter rows are bare names. Every doc row must exist in
    the spec; spec names missing from the doc must be in TABLE_EXTRAS. Returns the rows compared.
    """
    sys.path.insert(0, HERE)
    import upkeep_doc
    by_line = {o.get('x-doc-line'): (m, p, o) for p, m, o in operations(spec)}
    rows = 0
    for b in upkeep_doc.blocks(doc):
        lines = b['lines']
        start, end = b['body_lines']
        start = b['http_line'] or start
        body, query, mode = set(), set(), None
        for line in lines[start:end]:
            t = line.strip()
            if t in ('Request Body', 'Request body') or t.startswith(('Below are the properties', 'The usefulLife',
                                                                       'Each custom field object', 'The fieldValue',
                                                                       'Additional cost object')):
                mode = 'body'
                continue
            if t == 'Query Parameters':
                mode = 'query'
                continue
            if t == 'URL Parameters' or t == 'Note' or t.startswith(('Events After', 'Each filter object')):
                mode = None
                continue
            if not mode or not t or t.startswith(('Parameter ', 'Property ')):
                continue
            toks = t.split()
            if not re.fullmatch(r'[a-z][A-Za-z0-9]*', toks[0]):
                continue
            if mode == 'query' and (len(toks) == 1 or toks[1] in TABLE_TYPES or toks[1] == 'undefined'):
                query.add(toks[0])
            elif mode == 'body' and len(toks) >= 2 and toks[1] in TABLE_TYPES:
                body.add(toks[0])
        target = by_line.get(b['curl_line'])
        merged = target is None
        if merged:  # the merged partial-fulfill entry: its fields must be in the merged body
            target = next(((m, p, o) for p, m, o in operations(spec)
                           if 'two entries on the same method and path' in o.get('x-doc-note', '')), None)
            query = set()
        if target is None:
            errors.append('doc table check: no operation for doc block %r' % b['title'])
            continue
        m, p, o = target
        qnames = {deref(spec, x)['name'] for x in o.get('parameters', []) if deref(spec, x)['in'] == 'query'}
        bprops = set()
        for media in (o.get('requestBody') or {}).get('content', {}).values():
            _collect_props(spec, media.get('schema'), bprops)
        rows += len(query) + len(body)
        where = '%s %s' % (m.upper(), p)
        for n in sorted(query - qnames):
            errors.append('%s: doc query parameter %s missing' % (where, n))
        for n in sorted(body - bprops):
            errors.append('%s: doc body field %s missing' % (where, n))
        if b['http_line'] and not merged:
            for n in sorted((qnames - query) - TABLE_EXTRAS):
                errors.append('%s: query parameter %s is not in the doc\'s table' % (where, n))
            for n in sorted((bprops - body) - TABLE_EXTRAS):
                errors.append('%s: body field %s is not in the doc\'s table' % (where, n))
    return rows


def _collect_props(spec, schema, acc):
    schema = deref(spec, schema)
    if not isinstance(schema, dict):
        return
    for k in ('oneOf', 'anyOf', 'allOf'):
        for sub in schema.get(k, []):
            _collect_props(spec, sub, acc)
    for k, v in schema.get('properties', {}).items():
        acc.add(k)
        _collect_props(spec, v, acc)
    if isinstance(schema.get('items'), dict):
        _collect_props(spec, schema['items'], acc)


def run_checks(spec, doc, errors, quiet=False):
    """Runs every check on a loaded spec, appending to errors."""
    say = (lambda *a: None) if quiet else print
    try:
        validate_spec(spec)
        say('openapi-spec-validator: OK')
    except Exception as e:  # noqa: BLE001 - report any validator failure
        errors.append('openapi-spec-validator: %s' % str(e)[:500])
    n_examples = check_examples(spec, errors)
    say('examples validated: %d' % n_examples)
    say('examples with only declared keys: %d' % check_declared_keys(spec, errors))
    check_operation_ids(spec, errors)
    n_inc = check_includes(spec, errors)
    say('operations with includes checked: %d' % n_inc)
    ops = list(operations(spec))
    deprecated = ['%s %s' % (m.upper(), p) for p, m, o in ops if o.get('deprecated')]
    say('operations in spec: %d (deprecated: %d)' % (len(ops), len(deprecated)))
    for d in deprecated:
        say('  deprecated: ' + d)
    if doc:
        http, curls, marked = count_doc(doc)
        merged = sum(1 for _, _, o in ops if 'two entries on the same method and path' in o.get('x-doc-note', ''))
        curl_only = sum(1 for _, _, o in ops if str(o.get('x-doc-path', '')).startswith('none'))
        say('doc: %d "HTTP Request" lines, %d curl examples, %d headings marked DEPRECATED/SUNSET'
            % (http, curls, len(marked)))
        say('spec: %d operations = %d HTTP Request lines - %d merged (same method+path) + %d curl-only'
            % (len(ops), http, merged, curl_only))
        if len(ops) != http - merged + curl_only:
            errors.append('operation count mismatch: spec %d, doc %d - %d + %d' % (len(ops), http, merged, curl_only))
        if curls != http + curl_only:
            errors.append('doc curl count %d != HTTP lines %d + curl-only %d' % (curls, http, curl_only))
        if len(deprecated) != len(marked):
            errors.append('doc marks %d headings DEPRECATED/SUNSET, spec has %d deprecated operations'
                          % (len(marked), len(deprecated)))
        say('doc table rows (query parameters, body fields) matched: %d' % check_doc_tables(spec, doc, errors))


def check_generated(spec_path, doc, errors):
    """The committed spec must equal the generator's output (no hand edits that regeneration would lose)."""
    import subprocess
    import tempfile
    gen = os.path.join(HERE, 'gen-upkeep-spec.py')
    with tempfile.TemporaryDirectory() as tmp:
        out = os.path.join(tmp, 'upkeep.yaml')
        r = subprocess.run([sys.executable, gen, doc, out], capture_output=True, text=True)
        if r.returncode != 0:
            errors.append('generator failed: %s' % (r.stderr or r.stdout)[-300:])
            return
        with open(out, encoding='utf-8') as a, open(spec_path, encoding='utf-8') as b:
            if a.read() != b.read():
                errors.append('%s differs from the output of scripts/gen-upkeep-spec.py; regenerate it' % spec_path)


def self_test(spec, doc):
    """Each mutation must produce at least one error."""
    import copy

    def first_op_with(pred):
        for p, m, o in operations(spec):
            if pred(o):
                return p, m
        raise SystemExit('self-test: no operation for a mutation')

    def resp_example(o):
        return o['responses']['200']['content']['application/json']['examples']['doc']['value']

    def mut_type(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'getUser')
        resp_example(s['paths'][p][m])['result']['isLocationBased'] = 'yes'

    def mut_required(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'getWorkOrder')
        del resp_example(s['paths'][p][m])['result']['id']

    def mut_unknown_field(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'createWorkOrder')
        s['paths'][p][m]['requestBody']['content']['application/json']['examples']['doc']['value']['bogus'] = 1

    def mut_includes(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'listParts')
        for prm in s['paths'][p][m]['parameters']:
            if prm.get('name') == 'includes':
                prm['schema']['items']['pattern'] = '^(location)$'

    def mut_dup_id(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'listParts')
        s['paths'][p][m]['operationId'] = 'getPart'

    def mut_deprecated(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'listWorkOrderSchedule')
        del s['paths'][p][m]['deprecated']

    def mut_undeclared_key(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'getMeter')
        resp_example(s['paths'][p][m])['result']['undocumentedKey'] = 'x'

    def mut_missing_param(s):
        p, m = first_op_with(lambda o: o.get('operationId') == 'listWorkOrders')
        s['paths'][p][m]['parameters'] = [x for x in s['paths'][p][m]['parameters'] if x.get('name') != 'isComplete']

    def mut_missing_field(s):
        del s['components']['schemas']['MeterCreate']['properties']['frequency']

    failures = 0
    with_doc = (mut_deprecated, mut_missing_param, mut_missing_field)
    for mut in (mut_type, mut_required, mut_unknown_field, mut_includes, mut_dup_id, mut_deprecated,
                mut_missing_param, mut_missing_field, mut_undeclared_key):
        s = copy.deepcopy(spec)
        mut(s)
        errs = []
        run_checks(s, doc if mut in with_doc else None, errs, quiet=True)
        print('%s %s: %s' % ('ok  ' if errs else 'MISS', mut.__name__, errs[0][:120] if errs else 'no error reported'))
        failures += 0 if errs else 1
    print('self-test FAIL' if failures else 'self-test PASS')
    return 1 if failures else 0


def main(argv):
    args = [a for a in argv[1:] if not a.startswith('--')]
    spec_path = args[0] if args else os.path.join(ROOT, 'specs', 'upkeep.yaml')
    doc = None
    if '--doc' in argv:
        doc = argv[argv.index('--doc') + 1]
        args = [a for a in args if a != doc]
        spec_path = args[0] if args else spec_path
    elif os.path.basename(spec_path) == 'upkeep.yaml':
        cand = os.path.join(ROOT, '..', 'shared', 'upstream-docs', 'upkeep.txt')
        doc = cand if os.path.exists(cand) else None
    spec = load(spec_path)
    if '--self-test' in argv:
        return self_test(spec, doc)
    errors = []
    run_checks(spec, doc, errors)
    if doc and os.path.basename(spec_path) == 'upkeep.yaml':
        check_generated(spec_path, doc, errors)
        print('generated from the doc: %s' % ('yes' if not any('regenerate' in e for e in errors) else 'NO'))
    for e in errors:
        print('ERROR: ' + e)
    print('FAIL (%d errors)' % len(errors) if errors else 'PASS')
    return 1 if errors else 0


if __name__ == '__main__':
    sys.exit(main(sys.argv))
