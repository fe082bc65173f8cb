import Glibc
import Synchronization

/// Where a command writes: standard output and standard error, or buffers in tests.
public struct CommandIO: Sendable {
    /// Writes text to the command's output.
    public var out: @Sendable (String) -> Void
    /// Writes text to the command's error stream.
    public var err: @Sendable (String) -> Void

    /// Creates an IO from two writers.
    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    /// The process's standard output and standard error.
    public static let standard = CommandIO(out: { writeAll(1, $0) }, err: { writeAll(2, $0) })

    /// An IO that keeps everything written, and the buffer to read it from.
    public static func capture() -> (CommandIO, CapturedOutput) {
        let captured = CapturedOutput()
        return (CommandIO(out: { captured.append(out: $0) }, err: { captured.append(err: $0) }), captured)
    }

    /// Writes every byte of `text` to `fd` (retrying short writes and EINTR).
    static func writeAll(_ fd: Int32, _ text: String) {
        Array(text.utf8).withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                if n < 0 { if errno == EINTR { continue } else { return } }
                done += n
            }
        }
    }
}

/// What a command wrote through a captured `CommandIO`.
public final class CapturedOutput: Sendable {
    private let buffers = Mutex<(out: String, err: String)>(("", ""))

    /// Everything written to the output.
    public var out: String { buffers.withLock { $0.out } }
    /// Everything written to the error stream.
    public var err: String { buffers.withLock { $0.err } }

    func append(out text: String) { buffers.withLock { $0.out += text } }
    func append(err text: String) { buffers.withLock { $0.err += text } }
}

/// Parses `--name VALUE` / `--name=VALUE` options and flags of one command.
struct CommandArguments {
    private(set) var options: [String: String] = [:]
    private(set) var flags: Set<String> = []
    private(set) var positional: [String] = []

    /// Splits `arguments`; `valued` options take a value, `flagNames` do not. Returns an error text for anything else.
    static func parse(_ arguments: [String], valued: Set<String>, flagNames: Set<String> = [],
                      aliases: [String: String] = [:]) -> Result<CommandArguments, CommandUsageError> {
        var parsed = CommandArguments()
        var rest = arguments[...]
        while let raw = rest.popFirst() {
            var argument = aliases[raw] ?? raw
            var inlineValue: String?
            if argument.hasPrefix("--"), let eq = argument.firstIndex(of: "=") {
                inlineValue = String(argument[argument.index(after: eq)...])
                argument = String(argument[..<eq])
            }
            if valued.contains(argument) {
                guard let value = inlineValue ?? rest.popFirst() else {
                    return .failure(CommandUsageError(message: "\(argument) needs a value"))
                }
                parsed.options[argument] = value
            } else if flagNames.contains(argument), inlineValue == nil {
                parsed.flags.insert(argument)
            } else if argument.hasPrefix("-") && argument != "-" {
                return .failure(CommandUsageError(message: "unknown option '\(raw)'"))
            } else {
                parsed.positional.append(argument)
            }
        }
        return .success(parsed)
    }
}

/// A command line that does not parse (exit code 2).
struct CommandUsageError: Error {
    let message: String
}
