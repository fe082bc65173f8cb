import Gateway

/// `gateway check [--config FILE]`: loads and checks the configuration; prints a summary (exit 0)
/// or every problem (exit 1). Usage errors exit 2.
enum CheckCommand {
    /// Usage of this command.
    static let usage = "usage: gateway check [--config FILE]   (default: gateway.yaml)"

    /// Parses the arguments after `check` and runs it.
    static func run(arguments: [String]) -> Int32 {
        var configPath = "gateway.yaml"
        var rest = arguments[...]
        while let argument = rest.popFirst() {
            if argument == "--config" || argument == "-c", let value = rest.popFirst() {
                configPath = value
            } else if argument.hasPrefix("--config=") {
                configPath = String(argument.dropFirst("--config=".count))
            } else if argument == "--help" || argument == "-h" {
                print(usage)
                return 0
            } else {
                CommandLineTool.printError("gateway check: unexpected argument '\(argument)'\n\(usage)")
                return 2
            }
        }
        let outcome = ConfigurationCheck.run(configPath: configPath)
        if !outcome.output.isEmpty { print(outcome.output, terminator: "") }
        if !outcome.errors.isEmpty { CommandLineTool.printError(String(outcome.errors.dropLast())) }
        return outcome.exitCode
    }
}
