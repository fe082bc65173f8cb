"""Reads the UpKeep vendor doc (upstream-docs/upkeep.txt) into per-operation blocks.

Each documented operation in the doc is one `curl` command, followed by the JSON it
returns, followed (except for one operation) by an `HTTP Request` line
`METHOD https://api.onupkeep.com/...`. This module splits the doc on `curl` lines and
returns, per block: the curl method/URL/body, the repaired response JSON, the
HTTP Request line (if any) and the repairs that were needed to parse the doc's JSON.
"""
import json
import re

HTTP_LINE = re.compile(r'^\s*(GET|POST|PUT|PATCH|DELETE) (https://api\.onupkeep\.com\S*)\s*$')


def repair_json(text):
    """Parses the doc's almost-JSON; returns (value, [repairs]). Raises ValueError."""
    repairs = []
    try:
        return json.loads(text), repairs
    except ValueError:
        pass
    lines = text.split('\n')
    out = []
    for line in lines:
        s = line.strip()
        # `{...}` placeholders: whole elements or `"key": {...},` members.
        if re.fullmatch(r'\{\.\.\.\},?', s):
            repairs.append('removed a `{...}` placeholder element')
            continue
        if re.fullmatch(r'"[^"]+"\s*:\s*\{\.\.\.\},?', s):
            repairs.append('removed `%s` placeholder member' % s.rstrip(','))
            continue
        # `"GlqCpO2pn5", ...` -> drop the ellipsis.
        if re.search(r',\s*\.\.\.\s*$', s):
            line = re.sub(r',\s*\.\.\.\s*$', '', line)
            repairs.append('removed a `...` ellipsis inside an array')
        # key="value" (shell style inside a JSON body)
        m = re.fullmatch(r'(\s*)([A-Za-z_][A-Za-z0-9_]*)="(.*)"(,?)', line)
        if m:
            line = '%s"%s": "%s"%s' % (m.group(1), m.group(2), m.group(3), m.group(4))
            repairs.append('rewrote shell-style `%s=` as a JSON member' % m.group(2))
        # unquoted keys
        m = re.fullmatch(r'(\s*)([A-Za-z_][A-Za-z0-9_]*)(\s*:.*)', line)
        if m:
            line = '%s"%s"%s' % m.groups()
            repairs.append('quoted the bare key `%s`' % m.group(2))
        # "key" "value" (missing colon)
        m = re.fullmatch(r'(\s*"[^"]+")\s+("[^"]*",?)', line)
        if m:
            line = '%s: %s' % m.groups()
            repairs.append('added a missing colon after %s' % m.group(1).strip())
        out.append(line)
    # Missing commas between members: a line ending in a value followed by a line
    # starting a new member/element.
    fixed = []
    for i, line in enumerate(out):
        s = line.rstrip()
        nxt = next((l.strip() for l in out[i + 1:] if l.strip()), '')
        ends_value = re.search(r'("|\d|true|false|null|\}|\])$', s) is not None
        starts_member = nxt.startswith('"') or nxt.startswith('{') or nxt.startswith('[')
        if ends_value and starts_member and not s.endswith(',') and not s.endswith('[') and not s.endswith('{'):
            s += ','
            repairs.append('added a missing comma after `%s`' % line.strip())
        fixed.append(s)
    text2 = '\n'.join(fixed)
    # Trailing commas.
    text3 = re.sub(r',(\s*[}\]])', r'\1', text2)
    if text3 != text2:
        repairs.append('removed trailing comma(s)')
    # Several members on one line separated by `,"` are fine JSON already.
    value = json.loads(text3, object_pairs_hook=_dup_check(repairs))
    return value, repairs


def _dup_check(repairs):
    def hook(pairs):
        obj = {}
        for k, v in pairs:
            if k in obj:
                repairs.append('duplicate key `%s`: the last occurrence wins' % k)
            obj[k] = v
        return obj
    return hook


def _json_block(lines, start):
    """Returns (text, end_index) of the JSON value starting at or after lines[start]."""
    i = start
    while i < len(lines) and not lines[i].strip().startswith(('{', '[')):
        i += 1
    depth = 0
    buf = []
    for j in range(i, len(lines)):
        line = lines[j]
        buf.append(line)
        # crude depth tracking ignoring brackets inside strings
        stripped = re.sub(r'"(?:\\.|[^"\\])*"', '""', line)
        depth += stripped.count('{') + stripped.count('[') - stripped.count('}') - stripped.count(']')
        if depth <= 0:
            return '\n'.join(buf), j + 1
    raise ValueError('unterminated JSON at line %d' % (start + 1))


def parse_curl(curl_lines):
    """Returns dict(method, url, json_body or None, form list or None, multipart list)."""
    text = '\n'.join(curl_lines)
    url = re.search(r"curl ['\"]([^'\"]+)['\"]", text).group(1)
    m = re.search(r'-X (GET|POST|PUT|PATCH|DELETE)', text)
    method = m.group(1) if m else 'GET'
    body = None
    m = re.search(r"(?:-d|--data-raw) '(\s*[\[{].*?)'\s*$", text, re.S | re.M)
    if m:
        body = m.group(1)
    form = re.findall(r'^\s*-d ([A-Za-z_][A-Za-z0-9_]*)=(.*)$', text, re.M)
    multipart = re.findall(r"^\s*-F '([^=]+)=(.*)'$", text, re.M)
    return {'method': method, 'url': url, 'json_text': body,
            'form': [(k, v.strip()) for k, v in form] or None, 'multipart': multipart or None}


def blocks(path):
    """Splits the doc into operation blocks (one per curl command)."""
    with open(path, encoding='utf-8') as f:
        lines = f.read().split('\n')
    curl_idx = [i for i, l in enumerate(lines) if l.startswith('    curl ')]
    result = []
    for n, ci in enumerate(curl_idx):
        end = curl_idx[n + 1] if n + 1 < len(curl_idx) else len(lines)
        # curl command: until the first blank line
        j = ci
        curl_lines = []
        while j < end and lines[j].strip():
            curl_lines.append(lines[j])
            j += 1
        # json body inside -d '...' may contain blank lines? (not in this doc)
        curl = parse_curl(curl_lines)
        k = j
        while k < end and 'The above command returns JSON' not in lines[k]:
            k += 1
        resp_text, after = _json_block(lines, k + 1)
        http = None
        http_line = None
        for t in range(after, end):
            m = HTTP_LINE.match(lines[t])
            if m:
                http = (m.group(1), m.group(2))
                http_line = t + 1
                break
        # title: nearest non-empty line above the curl
        t = ci - 1
        while not lines[t].strip():
            t -= 1
        result.append({'title': lines[t].strip(), 'curl_line': ci + 1, 'curl': curl,
                       'response_text': resp_text, 'http': http, 'http_line': http_line,
                       'body_lines': (after, end), 'lines': lines})
    return result


def extra_json_blocks(lines, start, end):
    """JSON blocks in lines[start:end] that are not the main response (error examples)."""
    out = []
    i = start
    while i < end:
        if lines[i].strip() == '{':
            text, j = _json_block(lines, i)
            out.append(text)
            i = j
        else:
            i += 1
    return out
