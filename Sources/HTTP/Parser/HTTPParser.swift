#if canImport(Glibc)
import Glibc
#endif

/// One incremental HTTP/1.1 parser for requests (server) and responses (client), RFC 9112 framing.
///
/// Bytes in, events out, no I/O: `append` what the socket gave, call `next()` until it returns nil
/// (meaning "need more bytes"), and call `finish()` when the peer closed. Each message yields one head
/// event, zero or more `.body` pieces and one `.end`. Pipelined messages follow one another. After an
/// error the parser is dead: every later call throws the same error, and the connection must close.
/// The decisions behind each rule are in `Sources/HTTP/README.md`.
public struct HTTPParser: Sendable {
    /// Which side of the conversation is parsed.
    public enum Kind: Sendable, Hashable {
        /// Parse requests (a server).
        case request
        /// Parse responses (a client).
        case response
    }

    /// The named states of the machine.
    enum Phase: Sendable {
        case startLine, headerLines
        case fixedBody
        case chunkSize, chunkData, chunkDataEnd, trailerLines
        case untilCloseBody
        case endOfMessage
        case closed
    }

    /// Whether requests or responses are parsed.
    public let kind: Kind
    /// The size bounds in force; may be changed between messages.
    public var limits: HTTPParserLimits
    /// How the body of the message being read is delimited; nil until its head is complete and after its end.
    public internal(set) var framing: HTTPBodyFraming?

    var buffer: [UInt8] = []
    /// Index of the first unread byte in `buffer`.
    var readIndex = 0
    /// Bytes dropped from the front of `buffer` so far; `discarded + i` is the stream offset of `buffer[i]`.
    var discarded = 0
    /// Bytes after `readIndex` already searched for LF without success.
    var scanned = 0
    var phase: Phase = .startLine
    var eof = false
    var failure: HTTPParseError?

    /// Stream offset where the current message (or trailer section) began; limits are measured from it.
    var messageStart = 0
    var trailerStart = 0
    var startLine: StartLine?
    var headers = HTTPHeaders()
    /// The Host, Content-Length and Transfer-Encoding lines of `headers`, noted while parsing.
    var framingFields: [FramingField] = []
    var trailers = HTTPHeaders()
    /// Bytes left in the fixed-length body or in the current chunk.
    var remaining = 0
    var bodyReceived = 0
    /// Set after a 101 response: the connection stops being HTTP once that message ends.
    var upgraded = false
    /// Methods of requests sent whose responses have not been read yet (client side, in order).
    var pendingMethods: [HTTPMethod] = []
    var pendingMethodsHead = 0

    /// A parsed start line waiting for its field lines.
    enum StartLine: Sendable {
        case request(HTTPMethod, String, HTTPVersion)
        case status(HTTPStatus, String, HTTPVersion)
    }

    /// Creates a parser for requests or responses.
    public init(kind: Kind, limits: HTTPParserLimits = HTTPParserLimits()) {
        self.kind = kind
        self.limits = limits
    }

    /// Client side: records the method of a request sent on this connection, so that the response to a
    /// HEAD (or a 2xx to CONNECT) is read without a body. Call once per request, in sending order.
    public mutating func expectResponse(toRequestMethod method: HTTPMethod) {
        pendingMethods.append(method)
    }

    /// Adds received bytes. Bytes given after `finish()` are ignored.
    public mutating func append(_ bytes: UnsafeRawBufferPointer) {
        guard !eof else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// Adds received bytes. Bytes given after `finish()` are ignored.
    public mutating func append<C: Collection>(_ bytes: C) where C.Element == UInt8 {
        guard !eof else { return }
        compact()
        buffer.append(contentsOf: bytes)
    }

    /// The next event, or nil when more bytes are needed. Throws the first framing or limit violation.
    public mutating func next() throws(HTTPParseError) -> HTTPParserEvent? {
        if let failure { throw failure }
        do throws(HTTPParseError) {
            return try step()
        } catch {
            failure = error
            throw error
        }
    }

    /// Tells the parser the peer closed its side, then continues like `next()`: a body read until close
    /// ends, a clean close between messages gives nil, and a close inside a message throws `unexpectedEOF`.
    public mutating func finish() throws(HTTPParseError) -> HTTPParserEvent? {
        eof = true
        return try next()
    }

    /// Bytes received but not parsed yet (after a 101 response, the upgraded protocol's first bytes).
    public var unparsedBytes: ArraySlice<UInt8> { buffer[readIndex...] }

    /// True when no partial message is buffered (no head begun, no body pending), also after a clean close.
    public var isIdle: Bool { (phase == .startLine || phase == .closed) && readIndex == buffer.count }

    /// True once the parser reads nothing more: after a clean close, a body read until close, or a 101.
    public var isClosed: Bool { phase == .closed }

    /// Runs the state machine until it produces an event or needs more bytes.
    mutating func step() throws(HTTPParseError) -> HTTPParserEvent? {
        while true {
            switch phase {
            case .startLine, .headerLines:
                guard let line = try nextHeadLine() else {
                    if eof { try endOfInputInHead() }
                    return nil
                }
                if let event = try processHeadLine(line) { return event }
            case .fixedBody, .chunkData:
                return try bodyPiece()
            case .chunkDataEnd:
                guard try consumeChunkDataEnd() else { return nil }
            case .chunkSize:
                guard try consumeChunkSizeLine() else { return nil }
            case .trailerLines:
                guard try consumeTrailerLine() else { return nil }
            case .untilCloseBody:
                if readIndex < buffer.count { return try untilClosePiece() }
                guard eof else { return nil }
                phase = .endOfMessage
            case .endOfMessage:
                return endMessage()
            case .closed:
                return nil
            }
        }
    }

    /// Emits the buffered part of a fixed-length body or chunk.
    mutating func bodyPiece() throws(HTTPParseError) -> HTTPParserEvent? {
        let available = buffer.count - readIndex
        guard available > 0 else {
            if eof { throw truncated("the body") }
            return nil
        }
        let n = min(available, remaining)
        let piece = Array(buffer[readIndex..<readIndex + n])
        readIndex += n
        remaining -= n
        if remaining == 0 { phase = phase == .fixedBody ? .endOfMessage : .chunkDataEnd }
        return .body(piece)
    }

    /// Emits everything buffered of a body delimited by connection close, within `maxBodyBytes`.
    mutating func untilClosePiece() throws(HTTPParseError) -> HTTPParserEvent? {
        let allowed = min(buffer.count - readIndex, limits.maxBodyBytes - bodyReceived)
        guard allowed > 0 else {
            throw HTTPParseError(kind: .bodyTooLarge, status: .contentTooLarge,
                                 message: "body longer than \(limits.maxBodyBytes) bytes", offset: discarded + readIndex)
        }
        bodyReceived += allowed
        let piece = Array(buffer[readIndex..<(readIndex + allowed)])
        readIndex += allowed
        return .body(piece)
    }

    /// Ends the current message and prepares for the next one.
    mutating func endMessage() -> HTTPParserEvent {
        let event = HTTPParserEvent.end(trailers: trailers.isEmpty ? nil : trailers)
        let untilClose = framing == .untilClose
        framing = nil
        trailers = HTTPHeaders()
        bodyReceived = 0
        remaining = 0
        messageStart = discarded + readIndex
        phase = (upgraded || untilClose) ? .closed : .startLine
        return event
    }

    /// The error for a connection closed inside a message.
    func truncated(_ what: String) -> HTTPParseError {
        HTTPParseError(kind: .unexpectedEOF, status: .badRequest,
                       message: "connection closed in the middle of \(what)", offset: discarded + buffer.count)
    }

    /// Drops consumed bytes from the front of the buffer when that is cheap relative to what remains.
    mutating func compact() {
        if readIndex == buffer.count {
            discarded += readIndex
            buffer.removeAll(keepingCapacity: true)
            readIndex = 0
        } else if readIndex >= 4096 && readIndex >= buffer.count / 2 {
            discarded += readIndex
            buffer.removeSubrange(0..<readIndex)
            readIndex = 0
        }
    }
}
