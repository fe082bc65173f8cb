import Foundation

/// The in-memory `gateway.yaml` of the demo: every simulated upstream mounted at `/NAME` with
/// `specs/NAME.yaml`, and one client `demo` allowed everywhere.
public enum DemoConfiguration {
    /// The configuration for `upstreams` behind a gateway on loopback `port`.
    public static func make(upstreams: [DemoUpstream], port: Int, specsDirectory: String,
                            tokenSHA256: [UInt8]) throws(GatewayStartupError) -> GatewayConfiguration {
        var configs: [UpstreamConfiguration] = []
        for upstream in upstreams {
            guard case .success(let url) = UpstreamURL.parse(upstream.baseURL) else {
                throw GatewayStartupError(problems: ["\(upstream.name): bad simulator URL \(upstream.baseURL)"])
            }
            configs.append(UpstreamConfiguration(name: upstream.name, mount: "/\(upstream.name)",
                                                 specPath: specsDirectory + "/\(upstream.name).yaml",
                                                 baseURL: url, auth: upstream.auth, rateLimit: publishedLimits[upstream.name],
                                                 timeouts: UpstreamTimeouts(connect: .seconds(2), firstByte: .seconds(10), total: .seconds(30))))
        }
        let client = ClientConfiguration(name: "demo", tokenSHA256: tokenSHA256, upstreams: upstreams.map(\.name))
        return GatewayConfiguration(file: "(demo)", listen: ListenConfiguration(host: "127.0.0.1", port: port),
                                    publicBaseURL: nil, limits: ServerLimits(), audit: .standardOutput,
                                    clients: [client], upstreams: configs)
    }

    /// The vendors' published limits, as in the committed `gateway.yaml` (the simulators enforce them).
    public static let publishedLimits: [String: RateLimitConfiguration] = [
        "owlops": RateLimitConfiguration(rate: 60, period: .seconds(60), burst: 1, policy: .queue(maxWait: .seconds(1), maxQueue: 100)),
        "trackops": RateLimitConfiguration(rate: 1, period: .seconds(1), burst: 1, policy: .queue(maxWait: .seconds(1), maxQueue: 20)),
    ]

    /// `specs/` of the working directory, else of the source tree this binary was built from.
    public static func findSpecs() -> String {
        if FileManager.default.fileExists(atPath: "specs/owlops.yaml") { return "specs" }
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<4 { url.deleteLastPathComponent() }
        return url.appendingPathComponent("specs").path
    }
}
