import Document

extension RequestCheck {
    /// Header parameters the specification says to ignore (they are handled by HTTP itself).
    static let ignoredHeaders = ["accept", "content-type", "authorization"]
    /// Deepest `a[b][c]…` key accepted (bounds the work a single query string can cause).
    static let maxDeepObjectDepth = 16

    /// Extracts, coerces and checks every declared parameter; reports missing, malformed and undeclared ones.
    mutating func checkParameters(pathValues: [String: String]) {
        let (items, malformed) = FormDecoder.parse(Substring(request.query ?? ""))
        for raw in malformed {
            violations.append(Violation(.query, name: raw, message: "query parameter '\(raw)' has an invalid percent-encoding"))
        }
        var consumed = [Bool](repeating: false, count: items.count)
        let cookies = operation.parameters.contains { $0.parameter.location == .cookie } ? parseCookies() : []
        for cp in operation.parameters {
            let p = cp.parameter
            if p.location == .header,
               RequestCheck.ignoredHeaders.contains(where: { ValidationRequest.equalIgnoringASCIICase($0, p.name) }) { continue }
            let serialized: Result<SerializedValue, StyleError>?
            switch p.location {
            case .path: serialized = pathValues[p.name].map { extractPath($0, cp) }
            case .query: serialized = extractQuery(items, &consumed, cp)
            case .header: serialized = extractHeader(cp)
            case .cookie: serialized = extractCookie(cookies, cp)
            }
            let where_ = ViolationLocation(rawValue: p.location.rawValue) ?? .request
            guard let serialized else {
                if p.required {
                    violations.append(Violation(where_, name: p.name, message: "required \(p.location.rawValue) parameter '\(p.name)' is missing"))
                }
                continue
            }
            switch serialized {
            case .failure(let e):
                violations.append(Violation(where_, name: p.name, message: "\(p.location.rawValue) parameter '\(p.name)' \(e.message)"))
            case .success(let s):
                if p.content != nil {
                    checkContentParameter(s, cp, where_)
                } else if case .scalar("") = s, p.allowEmptyValue, !cp.shape.types.contains(.string), !cp.shape.types.isEmpty {
                    // Present without a value, as allowEmptyValue permits: nothing to check.
                    values[p.location, default: [:]][CodePointKey(p.name)] = .string("")
                } else {
                    let v = checkValue(s, shape: cp.shape, check: cp.check, location: where_, name: p.name)
                    values[p.location, default: [:]][CodePointKey(p.name)] = v
                }
            }
        }
        if !options.allowUndeclaredQueryParameters {
            var seen: Set<CodePointKey> = []
            for (i, item) in items.enumerated() where !consumed[i] && seen.insert(CodePointKey(item.name)).inserted {
                violations.append(Violation(.query, name: item.name,
                                            message: "query parameter '\(item.name)' is not declared by \(operation.operation.displayName)"))
            }
        }
    }

    private func extractPath(_ raw: String, _ cp: CompiledParameter) -> Result<SerializedValue, StyleError> {
        if cp.parameter.content != nil {
            return PercentDecoding.decode(raw).map { .success(.scalar($0)) } ?? .failure("has an invalid percent-encoding")
        }
        return StyleDecoder.path(raw, name: cp.parameter.name, style: cp.parameter.style,
                                 explode: cp.parameter.explode, kind: cp.shape.kind)
    }

    private mutating func extractQuery(_ items: [FormItem], _ consumed: inout [Bool],
                                       _ cp: CompiledParameter) -> Result<SerializedValue, StyleError>? {
        let p = cp.parameter
        let kind = p.content != nil ? .scalar : cp.shape.kind
        if p.style == .deepObject {
            var members: [(path: [String], value: String)] = []
            for (i, item) in items.enumerated() {
                guard let brackets = RequestCheck.brackets(of: item.name, after: p.name) else { continue }
                consumed[i] = true
                guard let path = RequestCheck.bracketPath(brackets) else {
                    return .failure("has a malformed deepObject key '\(item.name)'")
                }
                guard path.count <= RequestCheck.maxDeepObjectDepth else {
                    return .failure("nests deeper than \(RequestCheck.maxDeepObjectDepth) levels")
                }
                members.append((path, item.value))
            }
            return members.isEmpty ? nil : .success(RequestCheck.nest(members))
        }
        if kind == .object && p.explode && p.style == .form {
            // Properties travel as top-level query parameters of their own.
            var members: [(String, SerializedValue)] = []
            for (i, item) in items.enumerated() where !consumed[i] {
                let key = CodePointKey(item.name)
                guard !operation.queryNames.contains(key), cp.shape.properties[key] != nil || cp.shape.isOpen else { continue }
                consumed[i] = true
                members.append((item.name, .scalar(item.value)))
            }
            return members.isEmpty ? nil : .success(.map(members))
        }
        var found: [String] = []
        for (i, item) in items.enumerated() where item.name.codePointsEqual(p.name) {
            consumed[i] = true
            found.append(item.value)
        }
        guard !found.isEmpty else { return nil }
        if !p.allowEmptyValue && found.contains("") && !(kind == .array && found.count > 1) {
            return .failure("has an empty value (allowEmptyValue is not set)")
        }
        let delimiter = UInt8(ascii: p.style == .spaceDelimited ? " " : p.style == .pipeDelimited ? "|" : ",")
        switch kind {
        case .scalar:
            guard found.count == 1 else { return .failure("is given \(found.count) times but is not an array") }
            return .success(.scalar(found[0]))
        case .array:
            if p.explode { return .success(.list(found)) }
            return .success(.list(found.flatMap { $0.isEmpty ? [] : Substring($0).splitBytes(delimiter).map(String.init) }))
        case .object:
            guard found.count == 1 else { return .failure("is given \(found.count) times but is not an array") }
            return StyleDecoder.split(found[0], kind: .object, delimiter: delimiter, explode: false, decode: { String($0) })
        }
    }

    private func extractHeader(_ cp: CompiledParameter) -> Result<SerializedValue, StyleError>? {
        let values = request.headerValues(cp.parameter.name)
        guard !values.isEmpty else { return nil }
        let joined = values.map { $0.trimmingSpaces() }.joined(separator: ",")
        if cp.parameter.content != nil { return .success(.scalar(joined)) }
        let kind = cp.shape.kind
        if kind == .array {
            return .success(.list(Substring(joined).splitBytes(UInt8(ascii: ",")).map { $0.trimmingSpaces() }))
        }
        return StyleDecoder.split(joined, kind: kind, delimiter: UInt8(ascii: ","), explode: cp.parameter.explode, decode: { String($0) })
    }

    /// Cookie values are taken as sent: RFC 6265 defines no percent-decoding.
    private func extractCookie(_ cookies: [(String, String)], _ cp: CompiledParameter) -> Result<SerializedValue, StyleError>? {
        let p = cp.parameter
        let found = cookies.filter { $0.0.codePointsEqual(p.name) }.map(\.1)
        guard !found.isEmpty else { return nil }
        let kind = p.content != nil ? .scalar : cp.shape.kind
        switch kind {
        case .scalar:
            guard found.count == 1 else { return .failure("is given \(found.count) times but is not an array") }
            return .success(.scalar(found[0]))
        case .array:
            if p.explode && found.count > 1 { return .success(.list(found)) }
            return .success(.list(found.flatMap { Substring($0).splitBytes(UInt8(ascii: ",")).map(String.init) }))
        case .object:
            return StyleDecoder.split(found[0], kind: .object, delimiter: UInt8(ascii: ","), explode: false, decode: { String($0) })
        }
    }

    /// `name=value` pairs of every Cookie header, split on bytes (see `splitBytes`) so names are the
    /// upstream's and compare by code points.
    private func parseCookies() -> [(String, String)] {
        var out: [(String, String)] = []
        let quote = UInt8(ascii: "\"")
        for header in request.headerValues("cookie") {
            for pair in Substring(header).splitBytes(UInt8(ascii: ";"), omittingEmpty: true) {
                let t = pair.trimmingSpaces().utf8
                guard let eq = t.firstIndex(of: UInt8(ascii: "=")) else { continue }
                var v = t[t.index(after: eq)...]
                if v.count >= 2, v.first == quote, v.last == quote { v = v.dropFirst().dropLast() }
                out.append((String(Substring(t[..<eq])), String(Substring(v))))
            }
        }
        return out
    }

    /// A `content` parameter: JSON media types are parsed as JSON, others kept as the string.
    private mutating func checkContentParameter(_ s: SerializedValue, _ cp: CompiledParameter, _ where_: ViolationLocation) {
        guard case .scalar(let text) = s else { return }
        let p = cp.parameter
        var value = JSONValue.string(text)
        if cp.contentIsJSON {
            do { value = try JSONReader.parse(Array(text.utf8)) } catch {
                violations.append(Violation(where_, name: p.name,
                                            message: "\(p.location.rawValue) parameter '\(p.name)' is not valid JSON: \(error.message) at \(error.location)"))
                return
            }
        }
        report(value, coercionFailures: [], check: cp.check, location: where_, name: p.name)
        values[p.location, default: [:]][CodePointKey(p.name)] = value
    }

    /// The `[…]` rest of `key` when `key` is `name` followed by `[`, comparing bytes (so names match by
    /// code points: `cafe\u{301}[a]` is not under `caf\u{E9}`); nil otherwise.
    static func brackets(of key: String, after name: String) -> Substring? {
        let k = key.utf8, n = name.utf8
        guard k.count > n.count, k.starts(with: n) else { return nil }
        let open = k.index(k.startIndex, offsetBy: n.count)
        guard k[open] == UInt8(ascii: "[") else { return nil }
        return Substring(k[open...])
    }

    /// `[a][b]` → ["a", "b"]; `[]` gives an empty token (array append); nil when brackets are unbalanced.
    /// Works on bytes, so tokens keep their exact code points and a combining mark cannot join a bracket.
    static func bracketPath(_ s: Substring) -> [String]? {
        var out: [String] = []
        let bytes = s.utf8
        var i = bytes.startIndex
        while i < bytes.endIndex {
            guard bytes[i] == UInt8(ascii: "["), let close = bytes[i...].firstIndex(of: UInt8(ascii: "]")) else { return nil }
            out.append(String(Substring(bytes[bytes.index(after: i)..<close])))
            i = bytes.index(after: close)
        }
        return out.isEmpty ? nil : out
    }

    /// Builds nested maps from bracket paths; a trailing empty token collects values into a list.
    /// Member names are grouped by code points.
    static func nest(_ members: [(path: [String], value: String)]) -> SerializedValue {
        var order: [CodePointKey] = []
        var groups: [CodePointKey: [(path: [String], value: String)]] = [:]
        var lists: [CodePointKey: [String]] = [:]
        var scalars: [CodePointKey: [String]] = [:]
        for m in members {
            let head = CodePointKey(m.path[0])
            if groups[head] == nil && lists[head] == nil && scalars[head] == nil { order.append(head) }
            let rest = Array(m.path.dropFirst())
            if rest == [""] { lists[head, default: []].append(m.value) }
            else if rest.isEmpty { scalars[head, default: []].append(m.value) }
            else { groups[head, default: []].append((rest, m.value)) }
        }
        var out: [(String, SerializedValue)] = []
        for k in order {
            if let g = groups[k] { out.append((k.string, nest(g))) }
            if let l = lists[k] { out.append((k.string, .list(l))) }
            for v in scalars[k] ?? [] { out.append((k.string, .scalar(v))) }
        }
        return .map(out)
    }
}
