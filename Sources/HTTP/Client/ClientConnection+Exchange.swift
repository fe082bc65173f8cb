/// How a streamed request body is framed, and how far it got.
struct RequestStreamState {
    var chunked = false
    var declared: Int?
    var written = 0
    var id = 0
    var open = false
}

extension ClientConnection {
    private static let lastChunk = Array("0\r\n\r\n".utf8)

    /// Writes the head and body; bytes bodies go out with the head in one `writev`.
    nonisolated(nonsending) func writeRequest(_ request: HTTPClientRequest) async throws(ExchangeFailure) {
        var head = request.head
        if !head.headers.contains(name: "Host") { head.headers.add(name: "Host", value: pool.hostHeader) }
        parser.expectResponse(toRequestMethod: head.method)
        let (deadline, stage) = self.deadline(pool.core.firstByteTimeout, stage: .firstByte)
        var bytes: [UInt8] = []
        switch request.body.storage {
        case .bytes(let body):
            let method = head.method
            let needsLength = !body.isEmpty || method == .POST || method == .PUT || method == .PATCH
            HTTPHeadSerializer.write(head, framing: needsLength ? .contentLength(body.count) : .none, into: &bytes)
            // While the body is still going out, an early response (typically 413 or 401 with
            // `Connection: close`) stops the upload and is read (RFC 9112 §9.5), instead of the write
            // blocking until a timeout or failing on the origin's reset.
            channel.yieldsBlockedWriteToIncomingData = true
            defer { channel.yieldsBlockedWriteToIncomingData = false }
            do {
                try await transport.write(bytes, body, deadline: deadline)
            } catch .peerRespondedEarly {
                markNotReusable()
            } catch {
                fail()
                throw ExchangeFailure(error: Self.map(error, stage: stage, origin: origin),
                                      retryable: error == .connectionReset || error == .closed)
            }
        case .stream(let length, let producer):
            HTTPHeadSerializer.write(head, framing: length.map { .contentLength($0) } ?? .chunked, into: &bytes)
            do {
                try await transport.write(bytes, deadline: deadline)
            } catch {
                fail()
                throw ExchangeFailure(error: Self.map(error, stage: stage, origin: origin), retryable: false)
            }
            requestStream = RequestStreamState(chunked: length == nil, declared: length, written: 0, id: exchangeID, open: true)
            do {
                try await producer(HTTPBodyWriter(sink: ClientBodySink(connection: self, id: exchangeID)))
                requestStream.open = false
                if let length, requestStream.written != length {
                    throw HTTPWriteError.lengthMismatch(declared: length, written: requestStream.written)
                }
                if length == nil {
                    try await transport.write(Self.lastChunk, deadline: self.deadline(pool.core.firstByteTimeout, stage: .firstByte).0)
                }
            } catch let error as SocketError {
                requestStream.open = false
                fail()
                throw ExchangeFailure(error: Self.map(error, stage: stage, origin: origin), retryable: false)
            } catch {
                requestStream.open = false
                fail()
                throw ExchangeFailure(error: .requestBodyFailed(reason: "\(error)"), retryable: false)
            }
        }
    }

    /// Sends one chunk of a streamed request body.
    nonisolated(nonsending) func writeRequestChunk(_ bytes: [UInt8], id: Int) async throws {
        guard requestStream.open, requestStream.id == id else { throw HTTPWriteError.finished }
        if let declared = requestStream.declared, requestStream.written + bytes.count > declared {
            throw HTTPWriteError.lengthMismatch(declared: declared, written: requestStream.written + bytes.count)
        }
        requestStream.written += bytes.count
        let deadline = self.deadline(pool.core.firstByteTimeout, stage: .firstByte).0
        if requestStream.chunked {
            var prefix: [UInt8] = []
            HTTPChunkedEncoder.writeChunkHeader(count: bytes.count, into: &prefix)
            try await transport.write(prefix, bytes, HTTPChunkedEncoder.chunkSuffix, deadline: deadline)
        } else {
            try await transport.write(bytes, deadline: deadline)
        }
    }

    /// The next response body piece; nil at the end (the connection then returns to the pool).
    nonisolated(nonsending) func readBodyChunk(id: Int) async throws(HTTPClientError) -> [UInt8]? {
        guard id == exchangeID, !bodyDone else { return nil }
        while true {
            do {
                switch try parser.next() {
                case .body(let bytes)?: return bytes
                case .end?:
                    finishExchange()
                    return nil
                case nil: break
                case _?: continue
                }
            } catch {
                fail()
                throw .malformedResponse(origin: origin.description, reason: error.message)
            }
            let (deadline, stage) = self.deadline(pool.core.bodyTimeout, stage: .body)
            let got: Bool?
            do {
                got = try await transport.read(deadline: deadline) { parser.append($0); return true }
            } catch .timedOut {
                fail()
                throw .timeout(stage: stage, origin: origin.description)
            } catch .cancelled {
                fail()
                throw .cancelled
            } catch {
                fail()
                throw .bodyCutShort(origin: origin.description)
            }
            if got == nil {
                do {
                    if case .end? = try parser.finish(), transport.eofWasClean {  // a body delimited by close ends here
                        finishExchange()
                        return nil
                    }
                    if case .body(let bytes)? = try parser.next() { return bytes }
                } catch {}
                fail()
                throw .bodyCutShort(origin: origin.description)
            }
        }
    }
}

/// A response body read from a pooled connection. Dropping it unread closes the connection.
final class ClientBodySource: HTTPBodySource {
    let connection: ClientConnection
    let id: Int

    init(connection: ClientConnection, id: Int) {
        self.connection = connection
        self.id = id
    }

    nonisolated(nonsending) func nextChunk() async throws -> [UInt8]? {
        // On the loop and not actor-isolated: read in place (no executor switch). Else hop.
        guard await callerIsNonisolated(), connection.loop.isCurrentTaskExecutor else { return try await nextChunkFromElsewhere() }
        return try await connection.readBodyChunk(id: id)
    }

    /// `nextChunk` for a caller off the loop (or isolated to an actor): runs it on the loop.
    private func nextChunkFromElsewhere() async throws -> [UInt8]? {
        try await withTaskExecutorPreference(connection.loop) {
            connection.loop.assertInLoop()
            return try await connection.readBodyChunk(id: id)
        }
    }

    deinit {
        let connection = connection, id = id
        if connection.loop.inEventLoop {
            connection.abandon(id: id)
        } else {
            connection.loop.execute { connection.abandon(id: id) }
        }
    }
}

/// A streamed request body's destination.
struct ClientBodySink: HTTPBodySink {
    let connection: ClientConnection
    let id: Int

    nonisolated(nonsending) func writeChunk(_ bytes: [UInt8]) async throws {
        guard await callerIsNonisolated(), connection.loop.isCurrentTaskExecutor else { return try await writeChunkFromElsewhere(bytes) }
        try await connection.writeRequestChunk(bytes, id: id)
    }

    /// `writeChunk` for a caller off the loop (or isolated to an actor): runs it on the loop.
    private func writeChunkFromElsewhere(_ bytes: [UInt8]) async throws {
        try await withTaskExecutorPreference(connection.loop) {
            connection.loop.assertInLoop()
            try await connection.writeRequestChunk(bytes, id: id)
        }
    }
}
