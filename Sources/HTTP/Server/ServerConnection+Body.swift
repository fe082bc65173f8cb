/// The request body of one request on a server connection (the id guards against use after it).
struct ServerBodySource: HTTPBodySource {
    let connection: ServerConnection
    let id: Int

    nonisolated(nonsending) func nextChunk() async throws -> [UInt8]? {
        // On the loop and not actor-isolated: read in place (no executor switch). Else hop.
        guard await callerIsNonisolated(), connection.loop.isCurrentTaskExecutor else { return try await nextChunkFromElsewhere() }
        guard connection.requestID == id, connection.bodyOpen else { throw HTTPBodyError.unavailable }
        return try await connection.readBodyChunk()
    }

    /// `nextChunk` for a caller off the loop (or isolated to an actor): runs it on the loop.
    private func nextChunkFromElsewhere() async throws -> [UInt8]? {
        try await withTaskExecutorPreference(connection.loop) {
            connection.loop.assertInLoop()
            guard connection.requestID == id, connection.bodyOpen else { throw HTTPBodyError.unavailable }
            return try await connection.readBodyChunk()
        }
    }
}

extension ServerConnection {
    private static let continueBytes = Array("HTTP/1.1 100 Continue\r\n\r\n".utf8)

    /// The next piece of the current request body (nil at its end). Sends `100 Continue` first
    /// when the client is waiting for it. Reads the socket only when the parser has nothing buffered.
    nonisolated(nonsending) func readBodyChunk() async throws -> [UInt8]? {
        if bodyFinished { return nil }
        if let bodyFailure { throw bodyFailure }
        if continuePending {
            continuePending = false
            do {
                try await transport.write(Self.continueBytes, deadline: loop.now &+ core.writeTimeout)
            } catch {
                throw fail(error == .cancelled ? nil : .cutShort)
            }
        }
        while true {
            do {
                switch try parser.next() {
                case .body(let bytes)?: return bytes
                case .end?:
                    bodyFinished = true
                    return nil
                case nil: break
                case _?:
                    bodyFinished = true
                    return nil
                }
            } catch {
                throw fail(error.kind == .bodyTooLarge ? .tooLarge(limit: parser.limits.maxBodyBytes) : .invalid(error))
            }
            let got: Bool?
            do {
                got = try await transport.read(deadline: loop.now &+ core.bodyTimeout) { parser.append($0); return true }
            } catch .timedOut {
                throw fail(.timedOut)
            } catch .cancelled {
                throw CancellationError()
            } catch {
                throw fail(.cutShort)
            }
            if got == nil { throw fail(.cutShort) }
        }
    }

    /// Records a body failure (the connection will close) and returns the error to throw.
    private func fail(_ error: HTTPBodyError?) -> Error {
        guard let error else { return CancellationError() }
        bodyFailure = error
        return error
    }

    /// Reads and drops the rest of a body the handler left unread, up to `maxDiscardBytes`;
    /// true when the body ended within that budget (the connection can be reused).
    nonisolated(nonsending) func discardBody() async -> Bool {
        var discarded = 0
        while !bodyFinished {
            guard let chunk = try? await readBodyChunk() else { return bodyFinished }
            discarded += chunk.count
            if discarded > core.configuration.maxDiscardBytes { return false }
        }
        return true
    }
}

/// How the body of the response being streamed is framed, and how far it got.
struct ResponseStreamState {
    /// Body framing on the wire.
    enum Mode { case none, fixed(Int), chunked, untilClose }
    var mode: Mode = .none
    /// Head bytes not yet sent (coalesced with the first chunk into one `writev`).
    var pendingHead: [UInt8]?
    var written = 0
    var id = 0
    var open = false
}

/// Where a streamed response body goes: the connection's socket, with its framing.
struct ServerBodySink: HTTPBodySink {
    let connection: ServerConnection
    let id: Int

    nonisolated(nonsending) func writeChunk(_ bytes: [UInt8]) async throws {
        guard await callerIsNonisolated(), connection.loop.isCurrentTaskExecutor else { return try await writeChunkFromElsewhere(bytes) }
        try await connection.writeStreamChunk(bytes, id: id)
    }

    /// `writeChunk` for a caller off the loop (or isolated to an actor): runs it on the loop.
    private func writeChunkFromElsewhere(_ bytes: [UInt8]) async throws {
        try await withTaskExecutorPreference(connection.loop) {
            connection.loop.assertInLoop()
            try await connection.writeStreamChunk(bytes, id: id)
        }
    }
}
