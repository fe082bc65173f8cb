/// `gateway spec [--config FILE]`: prints the merged OpenAPI document that `/openapi.json` serves.
public enum SpecCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway spec [--config FILE]"

    /// Runs the command with the arguments after `spec`.
    public static func run(_ arguments: [String], io: CommandIO = .standard,
                           environment: ConfigurationEnvironment = .process) -> Int32 {
        guard let path = configPath(arguments, command: "spec", usage: usage, io: io) else { return 2 }
        guard let runtime = ConfiguredRuntime.load(path: path, io: io, environment: environment, audit: .memory()) else { return 1 }
        io.out(String(decoding: runtime.pipeline.admin.openAPIDocument, as: UTF8.self) + "\n")
        return 0
    }

    /// The `--config` value (default `gateway.yaml`), or nil after printing a usage error.
    static func configPath(_ arguments: [String], command: String, usage: String, io: CommandIO) -> String? {
        switch CommandArguments.parse(arguments, valued: ["--config"], aliases: ["-c": "--config"]) {
        case .success(let parsed) where parsed.positional.isEmpty:
            return parsed.options["--config"] ?? "gateway.yaml"
        case .success(let parsed):
            io.err("gateway \(command): unexpected argument '\(parsed.positional[0])'\n\(usage)\n")
        case .failure(let error):
            io.err("gateway \(command): \(error.message)\n\(usage)\n")
        }
        return nil
    }
}
