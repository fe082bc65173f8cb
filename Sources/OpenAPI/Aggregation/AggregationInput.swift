import Document

/// Picks an operation of an upstream document: by method and path template, or by operationId.
public enum OperationSelector: Sendable, Hashable {
    /// `POST /api/v2/auth` as written in the upstream document (template, not public path).
    case route(HTTPMethod, String)
    /// The upstream's operationId.
    case operationId(String)

    /// Whether `operation` is the one selected.
    public func matches(_ operation: Operation) -> Bool {
        switch self {
        case .route(let m, let p): operation.method == m && operation.path == p
        case .operationId(let id): operation.operationId == id
        }
    }
}

/// One upstream to merge: its document, where it is mounted, and what the gateway answers itself.
public struct AggregatedUpstream: Sendable {
    /// The namespace for operationIds and component names (`owox` → `owox_DataMart`).
    public var name: String
    /// The name shown in tag groups (`OWOX Data Marts`).
    public var displayName: String
    /// The public path prefix (`/owox`); every upstream path is published under it.
    public var mountPrefix: String
    /// The upstream's loaded document.
    public var document: OpenAPIDocument
    /// Operations the gateway owns (login, key exchange), left out of the merged document.
    public var excluded: [OperationSelector]

    public init(name: String, displayName: String? = nil, mountPrefix: String, document: OpenAPIDocument,
                excluded: [OperationSelector] = []) {
        self.name = name
        self.displayName = displayName ?? name
        var prefix = mountPrefix
        while prefix.hasSuffix("/") { prefix.removeLast() }
        self.mountPrefix = prefix
        self.document = document
        self.excluded = excluded
    }

    /// The upstream's operations the merged document publishes.
    public var publishedOperations: [Operation] {
        document.operations.filter { op in !excluded.contains { $0.matches(op) } }
    }
}

/// How the gateway presents itself in the merged document.
public struct GatewayDocumentInfo: Sendable {
    /// `info.title`.
    public var title: String
    /// `info.version`.
    public var version: String
    /// The gateway's public URL: the only entry of `servers`.
    public var publicURL: String
    /// Name of the single bearer security scheme.
    public var securitySchemeName: String

    public init(title: String = "Gateway", version: String = "1.0.0", publicURL: String,
                securitySchemeName: String = "gatewayBearer") {
        self.title = title
        self.version = version
        self.publicURL = publicURL
        self.securitySchemeName = securitySchemeName
    }
}

/// One published route, for `gateway routes`.
public struct AggregatedRoute: Sendable, Hashable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// Mount prefix plus the upstream's path template.
    public var publicPath: String
    /// The upstream's name.
    public var upstream: String
    /// The upstream's own operationId (not namespaced), when it has one.
    public var operationId: String?
}
