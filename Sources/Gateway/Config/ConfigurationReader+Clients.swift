import Document

/// `clients[i]`: a caller's name, token hash, allowed upstreams/operations and own rate limit.
extension ConfigurationReader {
    /// Keys allowed in a client.
    static let clientKeys = ["name", "tokenSHA256", "upstreams", "operationIds", "rateLimit"]

    /// Reads one client; `knownUpstreams` are the names declared under `upstreams`.
    mutating func readClient(_ value: JSONValue, at path: ConfigPath, knownUpstreams: [String]) -> ClientConfiguration? {
        guard let o = object(value, at: path, allowed: ConfigurationReader.clientKeys,
                             required: ["name", "tokenSHA256", "upstreams"]) else { return nil }
        var ok = true
        let name = string(o, "name")
        if let name, !ConfigurationReader.isClientName(name) {
            report(o.path.appending("name"), "'\(name)' is not a valid client name (letters, digits, '.', '_', '-'; at most 64)")
            ok = false
        }
        var hash: [UInt8]?
        if case .number? = o["tokenSHA256"] {
            report(o.path.appending("tokenSHA256"), "YAML read this as a number; put the hash in quotes")
            ok = false
        } else if let hex = string(o, "tokenSHA256") {
            hash = ConfigurationReader.decodeHex(hex)
            if hash?.count != 32 {
                report(o.path.appending("tokenSHA256"),
                       "must be 64 hexadecimal characters (the SHA-256 printed by 'gateway token create')")
                ok = false
            }
        }
        let upstreams = stringList(o, "upstreams")
        for (i, upstream) in (upstreams ?? []).enumerated() where !knownUpstreams.contains(upstream) {
            report(o.path.appending("upstreams").appending(i),
                   "unknown upstream '\(upstream)'\(Suggestion.hint(for: upstream, in: knownUpstreams))")
            ok = false
        }
        if let upstreams, upstreams.isEmpty {
            report(o.path.appending("upstreams"), "needs at least one upstream")
            ok = false
        }
        var operationIds: [String: Set<String>] = [:]
        if let ops = o["operationIds"] {
            let opsPath = o.path.appending("operationIds")
            if case .object(let map) = ops {
                for upstream in map.keys {
                    let itemPath = opsPath.appending(upstream)
                    if !(upstreams ?? []).contains(upstream) {
                        let hint = (upstreams ?? []).isEmpty ? "" : " (this client's upstreams: \((upstreams ?? []).joined(separator: ", ")))"
                        report(itemPath, "'\(upstream)' is not in this client's upstreams\(hint)", atKey: true)
                        ok = false
                    }
                    let names = stringList(ConfigObject(object: map, path: opsPath), upstream) ?? []
                    if names.isEmpty {
                        report(itemPath, "list at least one operationId (or remove the entry to allow all)")
                        ok = false
                    }
                    operationIds[upstream] = Set(names)
                }
            } else {
                report(opsPath, "expected a mapping of upstream name to a list of operationIds, found \(ConfigurationReader.kind(of: ops))")
                ok = false
            }
        }
        let rateLimit = readRateLimit(o, defaultPolicy: .reject)
        guard ok, let name, let hash, hash.count == 32, let upstreams else { return nil }
        return ClientConfiguration(name: name, tokenSHA256: hash, upstreams: upstreams,
                                   operationIds: operationIds, rateLimit: rateLimit)
    }

    /// Letters, digits, `.`, `_`, `-`; 1 to 64 characters.
    static func isClientName(_ s: String) -> Bool {
        !s.isEmpty && s.utf8.count <= 64 && s.unicodeScalars.allSatisfy {
            ("a"..."z").contains($0) || ("A"..."Z").contains($0)
                || ("0"..."9").contains($0) || $0 == "." || $0 == "_" || $0 == "-"
        }
    }

    /// Bytes of a hexadecimal string (either case); nil for odd length or a non-hex character.
    static func decodeHex(_ s: String) -> [UInt8]? {
        let u = Array(s.utf8)
        guard u.count % 2 == 0 else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(u.count / 2)
        var i = 0
        while i < u.count {
            guard let hi = hexDigit(u[i]), let lo = hexDigit(u[i + 1]) else { return nil }
            out.append(hi << 4 | lo)
            i += 2
        }
        return out
    }

    static func hexDigit(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: b - 48
        case 97...102: b - 87
        case 65...70: b - 55
        default: nil
        }
    }
}
