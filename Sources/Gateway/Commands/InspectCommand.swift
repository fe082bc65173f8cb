import Document

/// `gateway inspect FILE [--pointer /json/pointer] [--sorted]`: prints a YAML or JSON file (or the
/// node at a JSON Pointer) as canonical compact JSON on one line: numbers in `JSONNumber.canonicalText`
/// form, keys in stored order or (with `--sorted`) code point order. With `--sorted`, two documents
/// print the same text exactly when their values are equal.
public enum InspectCommand {
    /// Usage of this command.
    public static let usage = "usage: gateway inspect FILE [--pointer /json/pointer] [--sorted]"

    /// Runs the command with the arguments after `inspect`; returns the exit code
    /// (0 success, 1 document or pointer error printed as `FILE:line:col: message`, 2 usage error).
    public static func run(_ arguments: [String], io: CommandIO = .standard) -> Int32 {
        let parsed: CommandArguments
        switch CommandArguments.parse(arguments, valued: ["--pointer"], flagNames: ["--sorted", "--help"], aliases: ["-h": "--help"]) {
        case .success(let p): parsed = p
        case .failure(let error): return usageError(error.message, io)
        }
        if parsed.flags.contains("--help") {
            io.out(usage + "\n")
            return 0
        }
        guard let file = parsed.positional.first else { return usageError("missing FILE", io) }
        guard parsed.positional.count == 1 else { return usageError("only one FILE may be given", io) }
        var pointer = JSONPointer.root
        if let text = parsed.options["--pointer"] {
            guard let p = JSONPointer(text) ?? JSONPointer(uriFragment: text) else {
                return usageError("'\(text)' is not a JSON Pointer (expected '' or '/a/b', or '#/a/b')", io)
            }
            pointer = p
        }
        let node: JSONValue
        do {
            node = try DocumentLoader.load(path: file).node(at: pointer)
        } catch {
            io.err(error.description + "\n")
            return 1
        }
        let sorted = parsed.flags.contains("--sorted")
        io.out(JSONWriter.string(node, options: .init(pretty: false, sortedKeys: sorted, canonicalNumbers: true)) + "\n")
        return 0
    }

    private static func usageError(_ message: String, _ io: CommandIO) -> Int32 {
        io.err("gateway inspect: \(message)\n\(usage)\n")
        return 2
    }
}
