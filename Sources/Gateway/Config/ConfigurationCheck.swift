/// The logic of `gateway check`: load the configuration, then print a summary or every problem.
/// Kept in the library (not the CLI) so tests run it in-process with a fake environment.
public enum ConfigurationCheck {
    /// What the command prints and returns.
    public struct Outcome: Sendable {
        /// 0 when the configuration is good, 1 when it has problems.
        public var exitCode: Int32
        /// Text for standard output (the summary).
        public var output: String
        /// Text for standard error (the problems).
        public var errors: String
    }

    /// Loads and checks the file at `configPath`.
    public static func run(configPath: String, environment: ConfigurationEnvironment = .process) -> Outcome {
        do {
            let configuration = try ConfigurationLoader.load(path: configPath, environment: environment)
            return Outcome(exitCode: 0, output: summary(configuration), errors: "")
        } catch {
            let count = error.diagnostics.count
            let text = error.description + "\n\(count) problem\(count == 1 ? "" : "s") in \(configPath)\n"
            return Outcome(exitCode: 1, output: "", errors: text)
        }
    }

    /// A short description: listen address, each upstream (mount, auth, rate limit), client count.
    /// Secrets appear only as their references (`${NAME}`, `file:path`).
    public static func summary(_ c: GatewayConfiguration) -> String {
        var lines = ["\(c.file): OK"]
        let scheme = c.listen.tls == nil ? "http" : "https"
        let host = c.listen.host.contains(":") && !c.listen.host.hasPrefix("[") ? "[\(c.listen.host)]" : c.listen.host
        lines.append("listen: \(scheme)://\(host):\(c.listen.port)" + (c.publicBaseURL.map { " (public \($0))" } ?? ""))
        lines.append("limits: head \(ByteSizeText.format(c.limits.maxHeadBytes)), body \(ByteSizeText.format(c.limits.maxBodyBytes)), "
                     + "\(c.limits.maxConnections) connections")
        switch c.audit {
        case .standardOutput: lines.append("audit: stdout")
        case .file(let path): lines.append("audit: \(path)")
        }
        lines.append("upstreams: \(c.upstreams.count)")
        let nameWidth = c.upstreams.map(\.name.count).max() ?? 0
        let mountWidth = c.upstreams.map(\.mount.count).max() ?? 0
        for u in c.upstreams {
            let limit = u.rateLimit.map { "rate \($0.summary)" } ?? "no rate limit"
            lines.append("  \(pad(u.name, nameWidth))  \(pad(u.mount, mountWidth))  → \(u.baseURL)")
            lines.append("  \(pad("", nameWidth))  \(pad("", mountWidth))    auth: \(u.auth.summary); \(limit)")
        }
        lines.append("clients: \(c.clients.count)")
        for client in c.clients where client.tokenSHA256.allSatisfy({ $0 == 0 }) {
            lines.append("  note: client '\(client.name)' has the all-zero placeholder hash; no token matches it "
                         + "(replace it with the hash from 'gateway token create --client \(client.name)')")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    static func pad(_ s: String, _ width: Int) -> String {
        s.count >= width ? s : s + String(repeating: " ", count: width - s.count)
    }
}
