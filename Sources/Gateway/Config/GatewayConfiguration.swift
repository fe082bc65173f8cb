/// The whole of `gateway.yaml`, loaded, validated and with every secret resolved.
///
/// Build one with `ConfigurationLoader.load(path:environment:)`. File paths inside are already
/// resolved against the configuration file's directory.
public struct GatewayConfiguration: Sendable {
    /// The configuration file as the caller named it.
    public var file: String
    /// Where the gateway listens.
    public var listen: ListenConfiguration
    /// The URL callers use to reach the gateway (for `/openapi.json` servers); nil: derived from `listen`.
    public var publicBaseURL: String?
    /// Limits of the HTTP server.
    public var limits: ServerLimits
    /// Where the audit log goes.
    public var audit: AuditDestination
    /// Callers and what each may use.
    public var clients: [ClientConfiguration]
    /// The APIs behind the gateway, in file order.
    public var upstreams: [UpstreamConfiguration]

    public init(file: String, listen: ListenConfiguration, publicBaseURL: String?, limits: ServerLimits,
                audit: AuditDestination, clients: [ClientConfiguration], upstreams: [UpstreamConfiguration]) {
        self.file = file
        self.listen = listen
        self.publicBaseURL = publicBaseURL
        self.limits = limits
        self.audit = audit
        self.clients = clients
        self.upstreams = upstreams
    }

    /// The upstream with this name.
    public func upstream(named name: String) -> UpstreamConfiguration? { upstreams.first { $0.name == name } }
    /// The client with this name.
    public func client(named name: String) -> ClientConfiguration? { clients.first { $0.name == name } }
}
