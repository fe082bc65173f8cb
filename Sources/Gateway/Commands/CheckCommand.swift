/// `gateway check [--config FILE]`: loads and checks the configuration; prints a summary (exit 0)
/// or every problem (exit 1). Usage errors exit 2.
public enum CheckCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway check [--config FILE]   (default: gateway.yaml)"

    /// Runs the command with the arguments after `check`.
    public static func run(_ arguments: [String], io: CommandIO = .standard,
                           environment: ConfigurationEnvironment = .process) -> Int32 {
        let parsed: CommandArguments
        switch CommandArguments.parse(arguments, valued: ["--config"], flagNames: ["--help"],
                                      aliases: ["-c": "--config", "-h": "--help"]) {
        case .success(let p): parsed = p
        case .failure(let error):
            io.err("gateway check: \(error.message)\n\(usage)\n")
            return 2
        }
        if parsed.flags.contains("--help") {
            io.out(usage + "\n")
            return 0
        }
        if let extra = parsed.positional.first {
            io.err("gateway check: unexpected argument '\(extra)'\n\(usage)\n")
            return 2
        }
        let outcome = ConfigurationCheck.run(configPath: parsed.options["--config"] ?? "gateway.yaml", environment: environment)
        if !outcome.output.isEmpty { io.out(outcome.output) }
        if !outcome.errors.isEmpty { io.err(outcome.errors) }
        return outcome.exitCode
    }
}
