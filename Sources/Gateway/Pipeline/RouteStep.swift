import HTTP
import OpenAPI

/// Where a request goes: the upstream, the path below its mount, and the matched operation.
public struct RoutedRequest: Sendable {
    /// The upstream whose mount prefix matched.
    public let upstream: Upstream
    /// The path below the mount (`/v1/tasks`), as sent (still percent-encoded).
    public let upstreamPath: String
    /// The operation the upstream's router matched.
    public let operation: Operation
}

/// Pipeline step 3: mount prefix → upstream; the upstream's router → operation (404/405 problems).
public struct RouteStep: Sendable {
    private let upstreams: [Upstream]

    /// Routes among these upstreams.
    public init(upstreams: [Upstream]) { self.upstreams = upstreams }

    /// The upstream mounted at a prefix of `path` (whole segments only) and the rest of the path.
    public func mount(for path: Substring) -> (Upstream, String)? {
        for upstream in upstreams {
            let mount = upstream.configuration.mount
            guard path.hasPrefix(mount) else { continue }
            let rest = path.dropFirst(mount.count)
            if rest.isEmpty { return (upstream, "/") }
            if rest.hasPrefix("/") { return (upstream, String(rest)) }
        }
        return nil
    }

    /// Routes `head`; throws 404 (no mount, no operation, or a gateway-owned one), 405 with `Allow`, 400 for a bad path.
    public func route(_ head: HTTPRequestHead) throws(Problem) -> RoutedRequest {
        let path = head.path
        guard let (upstream, rest) = mount(for: path) else {
            throw .notFound("no upstream is mounted at '\(path)'")
        }
        let method = OpenAPI.HTTPMethod(head.method.rawValue)
        switch upstream.validator.router.route(method: method, path: rest) {
        case .matched(let match):
            let operation = upstream.validator.router.operations[match.operationIndex]
            if upstream.gatewayOwned.contains(where: { $0.matches(operation) }) {
                throw .notFound("\(method) \(path) is handled by the gateway itself and is not available to callers")
            }
            return RoutedRequest(upstream: upstream, upstreamPath: rest, operation: operation)
        case .notFound:
            throw .notFound("'\(upstream.name)' has no operation at '\(rest)'")
        case .methodNotAllowed(let allowed):
            let names = allowed.map(\.name).joined(separator: ", ")
            throw Problem(status: 405, slug: "method-not-allowed", title: "Method Not Allowed",
                          detail: "\(method) is not allowed on '\(path)'; allowed: \(names)",
                          headers: [("Allow", names)])
        case .badPath(let reason):
            throw Problem(status: 400, slug: "invalid-request", title: "Invalid Request", detail: reason,
                          errors: [Problem.Item(location: "path", message: reason)])
        }
    }
}
