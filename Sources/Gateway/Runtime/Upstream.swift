import HTTP
import OpenAPI

/// One upstream as the pipeline uses it: its configuration, compiled validator (whose router
/// maps paths below the mount to operations), credential strategy and pooled client.
public struct Upstream: Sendable {
    /// From `gateway.yaml`.
    public let configuration: UpstreamConfiguration
    /// The loaded OpenAPI document.
    public let document: OpenAPIDocument
    /// Routes and validates requests (paths relative to the mount).
    public let validator: RequestValidator
    /// Operations the gateway owns (login, key exchange): never forwarded, not published.
    public let gatewayOwned: [OperationSelector]
    /// How requests get the upstream's auth.
    public let credential: any UpstreamCredential
    /// The pooled client (the upstream's timeouts).
    public let client: HTTPClient
    /// Where requests go.
    public let origin: HTTPOrigin

    /// The name.
    public var name: String { configuration.name }

    /// Creates the runtime view of an upstream.
    public init(configuration: UpstreamConfiguration, document: OpenAPIDocument, validator: RequestValidator,
                gatewayOwned: [OperationSelector], credential: any UpstreamCredential, client: HTTPClient) {
        self.configuration = configuration
        self.document = document
        self.validator = validator
        self.gatewayOwned = gatewayOwned
        self.credential = credential
        self.client = client
        let url = configuration.baseURL
        origin = HTTPOrigin(scheme: url.scheme, host: url.host, port: url.port)
    }
}
