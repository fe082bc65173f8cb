#if canImport(Glibc)
import Glibc
#endif
import Simulators

/// `gateway simulate NAME [--port N] [--seed S]`: runs one vendor simulator until SIGINT/SIGTERM.
enum SimulateCommand {
    static let usage = "usage: gateway simulate owlops|upkeep|trackops|owox|opsdeck [--port N] [--seed S] [--host ADDR]"

    /// Parses the arguments, starts the simulator, prints its URL and demo credentials, waits for a signal.
    static func run(arguments: [String]) async -> Int32 {
        guard let name = arguments.first, let vendor = SimulatorVendor(rawValue: name.lowercased()) else {
            CommandLineTool.printError(usage)
            return 2
        }
        var options = SimulatorOptions()
        var rest = arguments.dropFirst()
        while let flag = rest.popFirst() {
            guard let value = rest.popFirst() else {
                CommandLineTool.printError("gateway simulate: \(flag) needs a value\n\(usage)")
                return 2
            }
            switch flag {
            case "--port":
                guard let port = Int(value), (0...65_535).contains(port) else {
                    CommandLineTool.printError("gateway simulate: --port must be 0...65535")
                    return 2
                }
                options.port = port
            case "--seed":
                guard let seed = UInt64(value) else {
                    CommandLineTool.printError("gateway simulate: --seed must be a non-negative integer")
                    return 2
                }
                options.seed = seed
            case "--host": options.host = value
            default:
                CommandLineTool.printError("gateway simulate: unknown option \(flag)\n\(usage)")
                return 2
            }
        }
        let simulator: Simulator
        do {
            simulator = try await Simulator.start(vendor, options: options)
        } catch {
            CommandLineTool.printError("gateway simulate: cannot start \(vendor.rawValue): \(error)")
            return 1
        }
        print("\(vendor.rawValue) simulator listening on \(simulator.baseURL)")
        print("demo credentials (fake values):")
        for (name, value) in simulator.credentials.lines { print("  \(name): \(value)") }
        print("stats: \(simulator.baseURL)/__sim/stats   faults: POST/DELETE \(simulator.baseURL)/__sim/faults")
        fflush(nil)
        await simulator.runUntilTerminationSignal()
        return 0
    }
}
