/// Loads `gateway.yaml` and assembles the gateway, printing every problem on failure (shared by
/// `serve`, `routes` and `spec`).
enum ConfiguredRuntime {
    /// The runtime for `path`, or nil after writing the configuration or startup problems to `io.err`.
    static func load(path: String, io: CommandIO, environment: ConfigurationEnvironment,
                     audit: AuditLog? = nil) -> GatewayRuntime? {
        let configuration: GatewayConfiguration
        do {
            configuration = try ConfigurationLoader.load(path: path, environment: environment)
        } catch {
            io.err(error.description + "\n")
            return nil
        }
        do {
            return try GatewayRuntime(configuration: configuration, audit: audit)
        } catch {
            io.err(error.description + "\n")
            return nil
        }
    }
}
