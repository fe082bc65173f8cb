extension ServerConnection {
    /// How writing a response ended.
    enum WriteResult { case written, failedBeforeHead, failedAfterHead }

    private static let crlf: [UInt8] = [0x0D, 0x0A]
    private static let lastChunk = Array("0\r\n\r\n".utf8)

    /// Writes `response` to the request `request`: framing headers, `Date`, `Connection`; HEAD and
    /// 1xx/204/304 get no body. Bytes bodies go out with the head in one `writev`; streamed bodies
    /// are written as the producer supplies them, each write waiting for the socket (back-pressure).
    nonisolated(nonsending) func writeResponse(_ response: HTTPServerResponse, for request: HTTPRequestHead, keepAlive: inout Bool) async -> WriteResult {
        let isHead = request.method == .HEAD
        let forbidsBody = response.status.forbidsBody
        var headers = response.headers
        headers.remove(name: "Connection")
        var framing = HTTPBodyFraming.none
        var mode = ResponseStreamState.Mode.none
        var payload: [UInt8] = []
        var producer: (@Sendable (HTTPBodyWriter) async throws -> Void)?
        switch response.body.storage {
        case .bytes(let bytes):
            if !forbidsBody {
                framing = .contentLength(bytes.count)
                if !isHead { payload = bytes }
            }
        case .stream(let length, let body):
            if forbidsBody {
                break
            } else if let length {
                framing = .contentLength(length)
                if !isHead { mode = .fixed(length); producer = body }
            } else if isHead {
                break
            } else if request.version == .http1_1 {
                framing = .chunked
                mode = .chunked
                producer = body
            } else {
                mode = .untilClose
                producer = body
                keepAlive = false
            }
        }
        if !keepAlive {
            headers.add(name: "Connection", value: "close")
        } else if request.version == .http1_0 {
            headers.add(name: "Connection", value: "keep-alive")
        }
        var head: [UInt8] = []
        HTTPHeadSerializer.write(HTTPResponseHead(status: response.status, headers: headers), framing: framing,
                                 date: context.dates.current(), into: &head)
        guard let producer else {
            do {
                try await transport.write(head, payload, deadline: loop.now &+ core.writeTimeout)
                return .written
            } catch {
                return .failedAfterHead
            }
        }
        stream = ResponseStreamState(mode: mode, pendingHead: head, written: 0, id: requestID, open: true)
        do {
            try await producer(HTTPBodyWriter(sink: ServerBodySink(connection: self, id: requestID)))
            try await finishStream()
            stream.open = false
            return .written
        } catch {
            stream.open = false
            return stream.pendingHead == nil ? .failedAfterHead : .failedBeforeHead
        }
    }

    /// Sends one chunk of the streamed body with its framing (and the head, the first time).
    nonisolated(nonsending) func writeStreamChunk(_ bytes: [UInt8], id: Int) async throws {
        guard stream.open, stream.id == id else { throw HTTPWriteError.finished }
        var prefix = stream.pendingHead ?? []
        var suffix: [UInt8] = []
        switch stream.mode {
        case .fixed(let length):
            guard stream.written + bytes.count <= length else {
                throw HTTPWriteError.lengthMismatch(declared: length, written: stream.written + bytes.count)
            }
        case .chunked:
            HTTPChunkedEncoder.writeChunkHeader(count: bytes.count, into: &prefix)
            suffix = Self.crlf
        case .untilClose, .none:
            break
        }
        stream.pendingHead = nil
        stream.written += bytes.count
        try await transport.write(prefix, bytes, suffix, deadline: loop.now &+ core.writeTimeout)
    }

    /// Ends the streamed body: the last chunk, or a check that the declared length was met.
    nonisolated(nonsending) private func finishStream() async throws {
        let head = stream.pendingHead ?? []
        stream.pendingHead = nil
        switch stream.mode {
        case .fixed(let length):
            guard stream.written == length else {
                throw HTTPWriteError.lengthMismatch(declared: length, written: stream.written)
            }
            if !head.isEmpty { try await transport.write(head, deadline: loop.now &+ core.writeTimeout) }
        case .chunked:
            try await transport.write(head, Self.lastChunk, deadline: loop.now &+ core.writeTimeout)
        case .untilClose, .none:
            if !head.isEmpty { try await transport.write(head, deadline: loop.now &+ core.writeTimeout) }
        }
    }
}
