import Document

/// The top level of `gateway.yaml` and its server sections: `listen`, `publicBaseURL`, `limits`, `audit`.
extension ConfigurationReader {
    /// Keys allowed at the top level.
    static let rootKeys = ["listen", "publicBaseURL", "limits", "audit", "clients", "upstreams"]

    /// Reads the whole document; nil when anything was reported.
    mutating func readConfiguration() -> GatewayConfiguration? {
        guard let root = object(document.value, at: .root, allowed: ConfigurationReader.rootKeys,
                                required: ["upstreams"], extensions: true) else { return nil }
        let listen = readListen(root)
        var publicBaseURL: String?
        if let text = string(root, "publicBaseURL") {
            publicBaseURL = readURL(text, at: root.path.appending("publicBaseURL"))?.description
        }
        let limits = readLimits(root)
        let audit = readAudit(root)

        var upstreams: [(path: ConfigPath, value: UpstreamConfiguration)] = []
        var declaredUpstreams: [String] = []
        for (path, value) in list(root, "upstreams") ?? [] {
            if let name = value["name"]?.stringValue { declaredUpstreams.append(name) }
            if let upstream = readUpstream(value, at: path) { upstreams.append((path, upstream)) }
        }
        if let items = root["upstreams"]?.arrayValue, items.isEmpty {
            report(root.path.appending("upstreams"), "needs at least one upstream")
        }
        var clients: [(path: ConfigPath, value: ClientConfiguration)] = []
        for (path, value) in list(root, "clients") ?? [] {
            if let client = readClient(value, at: path, knownUpstreams: declaredUpstreams) {
                clients.append((path, client))
            }
        }
        checkUniqueness(upstreams: upstreams, clients: clients)

        guard diagnostics.isEmpty, let listen, let limits, let audit else { return nil }
        return GatewayConfiguration(file: document.file, listen: listen, publicBaseURL: publicBaseURL,
                                    limits: limits, audit: audit, clients: clients.map(\.value),
                                    upstreams: upstreams.map(\.value))
    }

    /// `listen: {host, port, tls: {certificateFile, privateKeyFile}}`; defaults 127.0.0.1:8080.
    mutating func readListen(_ root: ConfigObject) -> ListenConfiguration? {
        guard root["listen"] != nil else { return ListenConfiguration() }
        guard let o = object(root, "listen", allowed: ["host", "port", "tls"]) else { return nil }
        var result = ListenConfiguration()
        if let host = string(o, "host") {
            if host.isEmpty || !host.unicodeScalars.allSatisfy(UpstreamURL.isHostScalar) {
                report(o.path.appending("host"), "'\(host)' is not a host name or IP address")
            } else {
                result.host = host
            }
        }
        if let port = int(o, "port", in: 0...65535) { result.port = port }
        if let tls = object(o, "tls", allowed: ["certificateFile", "privateKeyFile"],
                            required: ["certificateFile", "privateKeyFile"]) {
            let cert = filePath(tls, "certificateFile")
            let key = filePath(tls, "privateKeyFile")
            if let cert, let key {
                result.tls = TLSFiles(certificateFile: cert, privateKeyFile: key)
            }
        }
        return result
    }

    /// `limits: {maxHeadBytes, maxBodyBytes, headerTimeout, bodyTimeout, idleTimeout, maxConnections}`.
    mutating func readLimits(_ root: ConfigObject) -> ServerLimits? {
        guard root["limits"] != nil else { return ServerLimits() }
        let keys = ["maxHeadBytes", "maxBodyBytes", "headerTimeout", "bodyTimeout", "idleTimeout", "maxConnections"]
        guard let o = object(root, "limits", allowed: keys) else { return nil }
        var limits = ServerLimits()
        if let v = size(o, "maxHeadBytes", minimum: 1 << 10) { limits.maxHeadBytes = v }
        if let v = size(o, "maxBodyBytes", minimum: 0) { limits.maxBodyBytes = v }
        if let v = duration(o, "headerTimeout") { limits.headerTimeout = v }
        if let v = duration(o, "bodyTimeout") { limits.bodyTimeout = v }
        if let v = duration(o, "idleTimeout") { limits.idleTimeout = v }
        if let v = int(o, "maxConnections", in: 1...1_000_000) { limits.maxConnections = v }
        return limits
    }

    /// `audit: {path: stdout | FILE}`; default stdout.
    mutating func readAudit(_ root: ConfigObject) -> AuditDestination? {
        guard root["audit"] != nil else { return .standardOutput }
        guard let o = object(root, "audit", allowed: ["path"], required: ["path"]),
              let path = string(o, "path") else { return nil }
        if path == "stdout" || path == "-" { return .standardOutput }
        guard !path.isEmpty else {
            report(o.path.appending("path"), "must be 'stdout' or a file path")
            return nil
        }
        return .file(resolvePath(path))
    }

    /// A URL field after `${NAME}` interpolation, checked by `UpstreamURL.parse`.
    mutating func readURL(_ text: String, at path: ConfigPath) -> UpstreamURL? {
        guard let expanded = interpolate(text, at: path) else { return nil }
        switch UpstreamURL.parse(expanded) {
        case .success(let url): return url
        case .failure(let problem):
            report(path, "\(problem)")
            return nil
        }
    }
}
