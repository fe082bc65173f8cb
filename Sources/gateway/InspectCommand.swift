#if canImport(Glibc)
import Glibc
#endif
import Document

/// `gateway inspect FILE [--pointer /json/pointer] [--sorted]`: prints a YAML or JSON file (or the
/// node at a JSON Pointer) as canonical compact JSON on one line: numbers in `JSONNumber.canonicalText`
/// form, keys in stored order or (with `--sorted`) code point order. With `--sorted`, two documents
/// print the same text exactly when their values are equal.
enum InspectCommand {
    static let usage = "usage: gateway inspect FILE [--pointer /json/pointer] [--sorted]"

    /// Runs the command with the arguments after `inspect`; returns the exit code
    /// (0 success, 1 document or pointer error printed as `FILE:line:col: message`, 2 usage error).
    static func run(_ arguments: [String]) -> Int32 {
        var file: String?
        var pointerText: String?
        var sorted = false
        var k = 0
        while k < arguments.count {
            let a = arguments[k]
            switch a {
            case "--sorted":
                sorted = true
            case "--pointer":
                guard k + 1 < arguments.count else { return usageError("--pointer needs a value") }
                pointerText = arguments[k + 1]
                k += 1
            case "-h", "--help":
                writeAll(1, usage + "\n")
                return 0
            default:
                if a.hasPrefix("--pointer=") {
                    pointerText = String(a.dropFirst("--pointer=".count))
                } else if a.hasPrefix("-") && a != "-" {
                    return usageError("unknown option '\(a)'")
                } else if file == nil {
                    file = a
                } else {
                    return usageError("only one FILE may be given")
                }
            }
            k += 1
        }
        guard let file else { return usageError("missing FILE") }
        var pointer = JSONPointer.root
        if let pointerText {
            guard let p = JSONPointer(pointerText) ?? JSONPointer(uriFragment: pointerText) else {
                return usageError("'\(pointerText)' is not a JSON Pointer (expected '' or '/a/b', or '#/a/b')")
            }
            pointer = p
        }
        let node: JSONValue
        do {
            node = try DocumentLoader.load(path: file).node(at: pointer)
        } catch {
            writeAll(2, error.description + "\n")
            return 1
        }
        var out = JSONWriter.write(node, options: .init(pretty: false, sortedKeys: sorted, canonicalNumbers: true))
        out.append(0x0A)
        writeAll(1, out)
        return 0
    }

    private static func usageError(_ message: String) -> Int32 {
        writeAll(2, "gateway inspect: \(message)\n\(usage)\n")
        return 2
    }

    private static func writeAll(_ fd: Int32, _ text: String) { writeAll(fd, Array(text.utf8)) }

    /// Writes every byte (retrying short writes and EINTR).
    private static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var done = 0
            while done < raw.count {
                let n = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                if n < 0 { if errno == EINTR { continue } else { return } }
                done += n
            }
        }
    }
}
