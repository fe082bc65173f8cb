import Document

/// `upstreams[i]`: name, mount, spec, base URL, auth, rate limit, timeouts, CA file.
extension ConfigurationReader {
    /// Keys allowed in an upstream.
    static let upstreamKeys = ["name", "mount", "spec", "baseURL", "auth", "rateLimit", "timeouts", "caFile",
                               "allowUndeclaredQueryParameters"]
    /// First path segments the gateway answers itself; no mount may start with them.
    static let reservedSegments = ["openapi.json", "healthz", "readyz", "metrics", "docs"]

    /// Reads one upstream; nil when anything in it was reported.
    mutating func readUpstream(_ value: JSONValue, at path: ConfigPath) -> UpstreamConfiguration? {
        guard let o = object(value, at: path, allowed: ConfigurationReader.upstreamKeys,
                             required: ["name", "mount", "spec", "baseURL", "auth"]) else { return nil }
        let before = diagnostics.count
        let name = string(o, "name")
        if let name, !ConfigurationReader.isUpstreamName(name) {
            report(o.path.appending("name"), "'\(name)' is not a valid upstream name (lowercase letters, digits, '-'; starts with a letter; at most 32)")
        }
        let mount = string(o, "mount")
        if let mount, let problem = ConfigurationReader.mountProblem(mount) {
            report(o.path.appending("mount"), problem)
        }
        let spec = filePath(o, "spec")
        let baseURL = string(o, "baseURL").flatMap { readURL($0, at: o.path.appending("baseURL")) }
        let auth = readAuth(o)
        if case .keyExchange(let exchange)? = auth, let baseURL, exchange.decoded.apiOrigin.origin != baseURL.origin {
            // Never send a credential to a host the operator did not name.
            report(o.path.appending("auth").appending("key"),
                   "the key's apiOrigin \(exchange.decoded.apiOrigin.origin) is not this upstream's origin \(baseURL.origin); the key is refused")
        }
        let rateLimit = readRateLimit(o, defaultPolicy: .queue(maxWait: ConfigurationReader.defaultMaxWait,
                                                               maxQueue: ConfigurationReader.defaultMaxQueue))
        let timeouts = readTimeouts(o)
        let caFile = filePath(o, "caFile")
        let allowUndeclared = bool(o, "allowUndeclaredQueryParameters") ?? false
        guard diagnostics.count == before, let name, let mount, let spec, let baseURL, let auth, let timeouts
        else { return nil }
        return UpstreamConfiguration(name: name, mount: mount, specPath: spec, baseURL: baseURL, auth: auth,
                                     rateLimit: rateLimit, timeouts: timeouts, caFile: caFile,
                                     allowUndeclaredQueryParameters: allowUndeclared)
    }

    /// `timeouts: {connect, firstByte, total}`, each defaulted.
    mutating func readTimeouts(_ o: ConfigObject) -> UpstreamTimeouts? {
        guard o["timeouts"] != nil else { return UpstreamTimeouts() }
        guard let t = object(o, "timeouts", allowed: ["connect", "firstByte", "total"]) else { return nil }
        var result = UpstreamTimeouts()
        if let v = duration(t, "connect") { result.connect = v }
        if let v = duration(t, "firstByte") { result.firstByte = v }
        if let v = duration(t, "total") { result.total = v }
        if result.total < result.connect || result.total < result.firstByte {
            report(t.path.appending("total"), "must be at least as long as connect and firstByte")
            return nil
        }
        return result
    }

    /// Lowercase letters, digits and `-`, starting with a letter, at most 32 characters.
    static func isUpstreamName(_ s: String) -> Bool {
        guard let first = s.unicodeScalars.first, ("a"..."z").contains(first), s.utf8.count <= 32 else { return false }
        return s.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }

    /// Why `mount` is not a usable prefix (`/owlops`, `/teams/ops`), or nil when it is.
    static func mountProblem(_ mount: String) -> String? {
        guard mount.hasPrefix("/"), mount.count > 1 else { return "must start with '/' and name a path, like '/owlops'" }
        if mount.hasSuffix("/") { return "must not end with '/'" }
        let segments = mount.dropFirst().split(separator: "/", omittingEmptySubsequences: false)
        for segment in segments {
            if segment.isEmpty { return "must not contain '//'" }
            if segment == "." || segment == ".." { return "must not contain '.' or '..' segments" }
            let ok = segment.unicodeScalars.allSatisfy {
                ("a"..."z").contains($0) || ("A"..."Z").contains($0) || ("0"..."9").contains($0)
                    || $0 == "-" || $0 == "." || $0 == "_" || $0 == "~"
            }
            if !ok { return "may only use letters, digits, '-', '.', '_', '~' between slashes" }
        }
        if let first = segments.first, reservedSegments.contains(String(first)) {
            return "'/\(first)' is reserved for the gateway's own endpoints"
        }
        return nil
    }

    /// True when one mount is the other or a path-segment prefix of it (`/a` and `/a/b`, not `/a` and `/ab`).
    static func mountsOverlap(_ a: String, _ b: String) -> Bool {
        a == b || a.hasPrefix(b + "/") || b.hasPrefix(a + "/")
    }

    /// Duplicate upstream names/mounts, overlapping mounts, duplicate client names and token hashes.
    mutating func checkUniqueness(upstreams: [(path: ConfigPath, value: UpstreamConfiguration)],
                                  clients: [(path: ConfigPath, value: ClientConfiguration)]) {
        for (i, (path, upstream)) in upstreams.enumerated() {
            for (otherPath, other) in upstreams[..<i] {
                if other.name == upstream.name {
                    report(path.appending("name"), "duplicate upstream name '\(upstream.name)' (first used at \(otherPath))")
                }
                if other.mount == upstream.mount {
                    report(path.appending("mount"), "duplicate mount '\(upstream.mount)' (also used by \(otherPath))")
                } else if ConfigurationReader.mountsOverlap(other.mount, upstream.mount) {
                    report(path.appending("mount"),
                           "mount '\(upstream.mount)' overlaps '\(other.mount)' of \(otherPath); mounts must not nest")
                }
            }
        }
        for (i, (path, client)) in clients.enumerated() {
            for (otherPath, other) in clients[..<i] {
                if other.name == client.name {
                    report(path.appending("name"), "duplicate client name '\(client.name)' (first used at \(otherPath))")
                }
                if other.tokenSHA256 == client.tokenSHA256 {
                    report(path.appending("tokenSHA256"), "same token hash as \(otherPath); every client needs its own token")
                }
            }
        }
    }
}
