import OpenAPI

/// `gateway routes [--config FILE]`: one line per published route: METHOD, public path, upstream,
/// operationId (gateway-owned operations such as logins are not routes).
public enum RoutesCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway routes [--config FILE]"

    /// Runs the command with the arguments after `routes`.
    public static func run(_ arguments: [String], io: CommandIO = .standard,
                           environment: ConfigurationEnvironment = .process) -> Int32 {
        guard let path = SpecCommand.configPath(arguments, command: "routes", usage: usage, io: io) else { return 2 }
        guard let runtime = ConfiguredRuntime.load(path: path, io: io, environment: environment, audit: .memory()) else { return 1 }
        io.out(format(SpecAggregator.routes(GatewayRuntime.aggregation(runtime.upstreams)).map {
            (method: $0.method.name, path: $0.publicPath, upstream: $0.upstream, operationId: $0.operationId ?? "-")
        }))
        return 0
    }

    /// Aligned columns, one route per line.
    public static func format(_ routes: [(method: String, path: String, upstream: String, operationId: String)]) -> String {
        let methodWidth = routes.map(\.method.count).max() ?? 0
        let pathWidth = routes.map(\.path.count).max() ?? 0
        let upstreamWidth = routes.map(\.upstream.count).max() ?? 0
        func pad(_ s: String, _ w: Int) -> String { s + String(repeating: " ", count: max(0, w - s.count)) }
        return routes.map {
            "\(pad($0.method, methodWidth))  \(pad($0.path, pathWidth))  \(pad($0.upstream, upstreamWidth))  \($0.operationId)\n"
        }.joined()
    }
}
