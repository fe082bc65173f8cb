import Document
import HTTP
import OpenAPI

/// Why the gateway could not be assembled from its configuration (a spec that does not load or
/// compile, an audit file that cannot be opened); each names the file and the cause.
public struct GatewayStartupError: Error, Sendable, CustomStringConvertible {
    /// One line per problem.
    public var problems: [String]
    public var description: String { problems.joined(separator: "\n") }
}

/// How many connections the gateway opens to one upstream, and how long a request waits for a free
/// one before the caller gets 503.
public struct ConnectionPoolSettings: Sendable {
    /// Most open connections per upstream origin.
    public var maxConnectionsPerUpstream: Int
    /// Longest wait for a free connection (then 503).
    public var waitForConnection: Duration

    /// Defaults: 64 connections, 5 s wait.
    public init(maxConnectionsPerUpstream: Int = 64, waitForConnection: Duration = .seconds(5)) {
        self.maxConnectionsPerUpstream = maxConnectionsPerUpstream
        self.waitForConnection = waitForConnection
    }
}

/// Everything `serve` needs, built from a `GatewayConfiguration`: the loaded specs, one
/// `Upstream` each, the merged `/openapi.json`, and the pipeline.
public struct GatewayRuntime: Sendable {
    /// The configuration it was built from.
    public let configuration: GatewayConfiguration
    /// The upstreams, in configuration order.
    public let upstreams: [Upstream]
    /// The request pipeline.
    public let pipeline: Pipeline

    /// Loads every spec, compiles validators, builds credentials, clients and the merged document.
    /// `rateLimit` defaults to the configured limiters (`RateLimiterSet`); `audit` to the configured destination.
    public init(configuration: GatewayConfiguration, rateLimit: (any RateLimitStep)? = nil,
                audit: AuditLog? = nil, publicURL: String? = nil,
                specs: SpecLoader = GatewayRuntime.loadSpec,
                pool: ConnectionPoolSettings = ConnectionPoolSettings()) throws(GatewayStartupError) {
        var problems: [String] = []
        var upstreams: [Upstream] = []
        for config in configuration.upstreams {
            let options = ValidatorOptions(allowUndeclaredQueryParameters: config.allowUndeclaredQueryParameters,
                                           maxBodyBytes: configuration.limits.maxBodyBytes)
            let document: OpenAPIDocument
            let validator: RequestValidator
            switch specs(config.specPath, options) {
            case .success(let loaded): (document, validator) = loaded
            case .failure(let error):
                problems.append("\(config.specPath): \(config.name): \(error.message)")
                continue
            }
            let client = HTTPClient(configuration: HTTPClientConfiguration(
                maxConnectionsPerOrigin: pool.maxConnectionsPerUpstream,
                connectTimeout: config.timeouts.connect, firstByteTimeout: config.timeouts.firstByte,
                totalTimeout: config.timeouts.total, poolTimeout: pool.waitForConnection,
                tls: .client(trustRoots: config.caFile.map { .caFile($0) } ?? .system)))
            upstreams.append(Upstream(configuration: config, document: document, validator: validator,
                                      gatewayOwned: CredentialFactory.gatewayOwnedOperations(of: config.auth),
                                      credential: CredentialFactory.make(for: config, client: client), client: client))
        }
        let auditLog = audit ?? AuditLog.open(configuration.audit)
        if auditLog == nil, case .file(let path) = configuration.audit {
            problems.append("\(path): the audit log cannot be opened for appending")
        }
        guard problems.isEmpty, let auditLog else { throw GatewayStartupError(problems: problems) }
        let url = publicURL ?? configuration.publicBaseURL ?? Self.derivedURL(configuration.listen)
        let merged = SpecAggregator.mergedJSON(Self.aggregation(upstreams), gateway: GatewayDocumentInfo(publicURL: url))
        self.configuration = configuration
        self.upstreams = upstreams
        let step = rateLimit ?? LimiterRateLimitStep(limiters: RateLimiterSet(configuration: configuration))
        let limiters = (step as? LimiterRateLimitStep)?.limiters
        pipeline = Pipeline(
            admin: AdminEndpoints(openAPIDocument: merged, upstreams: upstreams, metrics: {
                ["rateLimits": .array(limiters?.metrics().map(\.json) ?? [])]
            }),
            route: RouteStep(upstreams: upstreams),
            identify: CallerIdentifier(clients: configuration.clients),
            validate: ValidationStep(maxBodyBytes: configuration.limits.maxBodyBytes),
            rateLimit: step,
            audit: auditLog)
    }

    /// Loads a spec and compiles its validator (injectable so tests load each spec once per process).
    public typealias SpecLoader = @Sendable (String, ValidatorOptions) -> Result<(OpenAPIDocument, RequestValidator), SpecLoadFailure>

    /// Why a spec could not be used.
    public struct SpecLoadFailure: Error, Sendable {
        /// What went wrong, with locations.
        public var message: String
    }

    /// Reads `path` with the OpenAPI loader and compiles a validator for paths below the mount.
    public static let loadSpec: SpecLoader = { path, options in
        let document: OpenAPIDocument
        do {
            document = try OpenAPILoader.load(path: path)
        } catch {
            return .failure(SpecLoadFailure(message: "the spec does not load:\n\(error)"))
        }
        do {
            return .success((document, try RequestValidator(document: document, basePath: "", options: options)))
        } catch {
            return .failure(SpecLoadFailure(message: "a schema does not compile: \(error)"))
        }
    }

    /// What the aggregator merges: each upstream under its mount, without gateway-owned operations.
    static func aggregation(_ upstreams: [Upstream]) -> [AggregatedUpstream] {
        upstreams.map {
            AggregatedUpstream(name: $0.name, displayName: $0.document.title, mountPrefix: $0.configuration.mount,
                               document: $0.document, excluded: $0.gatewayOwned)
        }
    }

    /// `http://host:port` from the listen address (`localhost` for the wildcard addresses); `/` (relative
    /// to wherever the document is served) when the port is chosen by the OS and so not known yet.
    static func derivedURL(_ listen: ListenConfiguration) -> String {
        if listen.port == 0 { return "/" }
        var host = listen.host
        if host == "0.0.0.0" || host == "::" { host = "localhost" }
        if host.contains(":") { host = "[\(host)]" }
        return "\(listen.tls == nil ? "http" : "https")://\(host):\(listen.port)"
    }

    /// Logs out sessions and releases what the credential strategies hold.
    public func shutdownCredentials() async {
        for upstream in upstreams { await upstream.credential.shutdown() }
    }
}
