#if canImport(Glibc)
import Glibc
#endif
import Gateway
import Simulators

/// Parses the subcommand and hands over to the command that implements it.
enum CommandLineTool {
    /// Usage text printed by `help` and on unknown commands.
    static let usage = """
    usage: gateway <command> [options]

    commands:
      demo       start simulated upstreams and a gateway on loopback (not built yet)
      serve      run the gateway from gateway.yaml (not built yet)
      check      load and check gateway.yaml
      inspect    print a YAML or JSON file as canonical JSON
      simulate   run one simulated upstream (owlops, upkeep, trackops, owox, opsdeck)
      help       show this text
    """

    /// Runs one command and returns the process exit code.
    static func run(arguments: [String]) async -> Int32 {
        guard let command = arguments.first else {
            printError(usage)
            return 2
        }
        switch command {
        case "check": return CheckCommand.run(arguments: Array(arguments.dropFirst()))
        case "help", "--help", "-h":
            print(usage)
            return 0
        case "simulate": return await SimulateCommand.run(arguments: Array(arguments.dropFirst()))
        case "inspect":
            return InspectCommand.run(Array(arguments.dropFirst()))
        default:
            printError("gateway: unknown command '\(command)'\n\n\(usage)")
            return 2
        }
    }

    /// Writes a line to standard error.
    static func printError(_ text: String) {
        let line = Array((text + "\n").utf8)
        line.withUnsafeBytes { _ = write(2, $0.baseAddress, $0.count) }
    }
}
