/// An outgoing body (server response or client request): bytes in memory, or a producer that streams chunks through an `HTTPBodyWriter`.
public struct HTTPBody: Sendable {
    enum Storage: Sendable {
        case bytes([UInt8])
        case stream(length: Int?, @Sendable (HTTPBodyWriter) async throws -> Void)
    }
    let storage: Storage

    /// True for a bytes body (it can be sent again when a request is retried).
    var isReplayable: Bool {
        if case .bytes = storage { return true }
        return false
    }

    /// No body.
    public static let empty = HTTPBody(storage: .bytes([]))

    /// A body held in memory (sent with `Content-Length`, head and body in one `writev`).
    public static func bytes(_ bytes: [UInt8]) -> HTTPBody { HTTPBody(storage: .bytes(bytes)) }

    /// A UTF-8 text body.
    public static func string(_ text: String) -> HTTPBody { .bytes(Array(text.utf8)) }

    /// A streamed body: `producer` writes chunks; each write waits while the client is slow.
    /// With `length`, exactly that many bytes must be written (`Content-Length`); without it the
    /// body is chunked (HTTP/1.1) or delimited by close (HTTP/1.0).
    public static func stream(length: Int? = nil,
                              _ producer: @escaping @Sendable (HTTPBodyWriter) async throws -> Void) -> HTTPBody {
        HTTPBody(storage: .stream(length: length, producer))
    }
}

/// Writes the chunks of a streamed body; each `write` returns once the bytes are handed to the socket.
public struct HTTPBodyWriter: Sendable {
    let sink: any HTTPBodySink

    /// Sends `bytes` (empty writes are ignored).
    /// Runs in the caller's isolation (`nonisolated(nonsending)`): no executor switch when the
    /// producer runs on the connection's loop; the sink hops there otherwise.
    public nonisolated(nonsending) func write(_ bytes: [UInt8]) async throws {
        if bytes.isEmpty { return }
        try await sink.writeChunk(bytes)
    }
}

/// Where a streamed body's chunks go (a server or client connection).
protocol HTTPBodySink: Sendable {
    /// Sends one chunk with the body's framing.
    nonisolated(nonsending) func writeChunk(_ bytes: [UInt8]) async throws
}

/// Why a streamed response or request body could not be written.
public enum HTTPWriteError: Error, Sendable, Equatable {
    /// The producer wrote more or fewer bytes than the declared length.
    case lengthMismatch(declared: Int, written: Int)
    /// The body was written after its message finished.
    case finished
}

/// True when the calling `nonisolated(nonsending)` code is not isolated to an actor: only then may
/// it run loop-confined code in place after checking `EventLoop.isCurrentTaskExecutor` (an actor's code must hop).
/// (Spelled with a typed local: `#isolation == nil` as one expression crashes the 6.3 compiler.)
nonisolated(nonsending) func callerIsNonisolated() async -> Bool {
    let isolation: (any Actor)? = #isolation
    return isolation == nil
}
