import Gateway
import Simulators

/// Parses the subcommand and hands over to the command that implements it. Command logic lives in
/// the library modules (`Gateway/Commands`, `Simulators`); this file only dispatches.
enum CommandLineTool {
    /// Usage text printed by `help` and on unknown commands.
    static let usage = """
    usage: gateway <command> [options]

    commands:
      demo       start simulated upstreams and a gateway in front of them on loopback; prints curl lines
      serve      run the gateway from gateway.yaml (--config FILE)
      check      load and check gateway.yaml (--config FILE)
      routes     list every route: METHOD, public path, upstream, operationId (--config FILE)
      spec       print the merged OpenAPI document (--config FILE)
      token      token create --client NAME: mint a caller token and print its hash for gateway.yaml
      inspect    print a YAML or JSON file as canonical JSON
      simulate   run one simulated upstream (owlops, upkeep, trackops, owox, opsdeck)
      help       show this text
    """

    /// Runs one command and returns the process exit code.
    static func run(arguments: [String]) async -> Int32 {
        let io = CommandIO.standard
        guard let command = arguments.first else {
            io.err(usage + "\n")
            return 2
        }
        let rest = Array(arguments.dropFirst())
        switch command {
        case "check": return CheckCommand.run(rest, io: io)
        case "inspect": return InspectCommand.run(rest, io: io)
        case "token": return TokenCommand.run(rest, io: io)
        case "routes": return RoutesCommand.run(rest, io: io)
        case "spec": return SpecCommand.run(rest, io: io)
        case "serve": return await ServeCommand.run(rest, io: io)
        case "demo": return await DemoCommand.run(rest, io: io, startFleet: DemoFleetLauncher.start)
        case "help", "--help", "-h":
            io.out(usage + "\n")
            return 0
        case "simulate": return await SimulateCommand.run(arguments: Array(arguments.dropFirst()))
        default:
            io.err("gateway: unknown command '\(command)'\n\n\(usage)\n")
            return 2
        }
    }

    /// Writes a line to standard error (used by `SimulateCommand`).
    static func printError(_ text: String) {
        CommandIO.standard.err(text + "\n")
    }
}
