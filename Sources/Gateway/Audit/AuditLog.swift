import Document
import Glibc
import Synchronization

/// Pipeline step 9: one JSON line per request, to stdout, a file (appended) or memory (tests).
/// Lines carry names, statuses, sizes and durations only: never a token, key, password, session,
/// access token, query string, or `Authorization`/`Cookie`/`Set-Cookie` value.
public final class AuditLog: Sendable {
    private enum Sink {
        case descriptor(Int32)
        case memory([String])
    }

    private let sink: Mutex<Sink>

    private init(sink: Sink) { self.sink = Mutex(sink) }

    /// Writes to standard output.
    public static func standardOutput() -> AuditLog { AuditLog(sink: .descriptor(1)) }

    /// Keeps lines in memory (`lines`), for tests.
    public static func memory() -> AuditLog { AuditLog(sink: .memory([])) }

    /// Appends to `path` (created with mode 0600 if missing); nil when it cannot be opened.
    public static func file(_ path: String) -> AuditLog? {
        let fd = Glibc.open(path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        return fd < 0 ? nil : AuditLog(sink: .descriptor(fd))
    }

    /// The log for a configured destination; nil when the file cannot be opened.
    public static func open(_ destination: AuditDestination) -> AuditLog? {
        switch destination {
        case .standardOutput: standardOutput()
        case .file(let path): file(path)
        }
    }

    /// The lines written so far (memory logs only; empty otherwise).
    public var lines: [String] {
        sink.withLock { sink in
            if case .memory(let lines) = sink { return lines }
            return []
        }
    }

    /// Writes one record as one line (a single `write`, so lines from concurrent requests never interleave).
    public func record(_ record: AuditRecord) {
        let line = JSONWriter.string(record.json)
        sink.withLock { sink in
            switch sink {
            case .descriptor(let fd):
                let bytes = Array((line + "\n").utf8)
                bytes.withUnsafeBytes { raw in
                    var done = 0
                    while done < raw.count {
                        let n = write(fd, raw.baseAddress.map { $0 + done }, raw.count - done)
                        if n < 0 { if errno == EINTR { continue } else { return } }
                        done += n
                    }
                }
            case .memory(var lines):
                lines.append(line)
                sink = .memory(lines)
            }
        }
    }
}
