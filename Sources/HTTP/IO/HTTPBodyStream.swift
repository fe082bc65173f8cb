/// Why reading an incoming body failed.
public enum HTTPBodyError: Error, Sendable, Equatable, CustomStringConvertible {
    /// No body bytes arrived within the body timeout.
    case timedOut
    /// The peer closed or reset before the body was complete.
    case cutShort
    /// The body is larger than allowed.
    case tooLarge(limit: Int)
    /// The body's framing is invalid (the connection will be closed).
    case invalid(HTTPParseError)
    /// The body was read after the handler returned, or twice.
    case unavailable

    public var description: String {
        switch self {
        case .timedOut: return "request body timed out"
        case .cutShort: return "request body cut short"
        case .tooLarge(let limit): return "request body larger than \(limit) bytes"
        case .invalid(let error): return "invalid request body: \(error)"
        case .unavailable: return "request body no longer available"
        }
    }
}

/// An incoming body (server request or client response) as an async sequence of byte chunks,
/// pulled from the socket as it is iterated:
/// nothing is read ahead beyond one socket read, so a slow consumer slows the sender (back-pressure).
public struct HTTPBodyStream: AsyncSequence, Sendable {
    /// The chunk type.
    public typealias Element = [UInt8]
    /// Source of the chunks; nil for an empty body.
    let source: (any HTTPBodySource)?

    /// An empty body.
    public static let empty = HTTPBodyStream(source: nil)

    /// A body that yields the given chunks (for tests of handlers and for in-memory requests).
    public static func chunks(_ chunks: [[UInt8]]) -> HTTPBodyStream {
        HTTPBodyStream(source: BufferedBodySource(chunks: chunks))
    }

    init(source: (any HTTPBodySource)?) { self.source = source }

    /// Iterates the chunks.
    public struct AsyncIterator: AsyncIteratorProtocol {
        /// Any error of the source (`HTTPBodyError`, `HTTPClientError`, cancellation).
        public typealias Failure = any Error
        let source: (any HTTPBodySource)?

        /// The next chunk, or nil at the end of the body.
        public mutating func next() async throws -> [UInt8]? {
            guard let source else { return nil }
            return try await source.nextChunk()
        }

        /// What `for try await` calls: runs in the caller's isolation, so a loop that iterates
        /// on the body's own event loop reads without an executor switch per chunk.
        public mutating func next(isolation actor: isolated (any Actor)?) async throws -> [UInt8]? {
            guard let source else { return nil }
            return try await source.nextChunk()
        }
    }

    public func makeAsyncIterator() -> AsyncIterator { AsyncIterator(source: source) }

    /// Reads the whole body into memory, failing with `tooLarge` beyond `maxBytes`.
    public func collect(upTo maxBytes: Int) async throws -> [UInt8] {
        var result: [UInt8] = []
        for try await chunk in self {
            if result.count + chunk.count > maxBytes { throw HTTPBodyError.tooLarge(limit: maxBytes) }
            result.append(contentsOf: chunk)
        }
        return result
    }
}

/// Where a body's chunks come from (a server connection, a client connection, or memory).
protocol HTTPBodySource: Sendable {
    /// The next chunk, nil at the end.
    nonisolated(nonsending) func nextChunk() async throws -> [UInt8]?
}

/// Chunks held in memory.
final class BufferedBodySource: HTTPBodySource {
    private let chunks: [[UInt8]]
    private let cursor = AtomicCursor()

    init(chunks: [[UInt8]]) { self.chunks = chunks }

    nonisolated(nonsending) func nextChunk() async throws -> [UInt8]? {
        let i = cursor.next()
        return i < chunks.count ? chunks[i] : nil
    }
}

import Synchronization

/// A thread-safe counter for `BufferedBodySource`.
final class AtomicCursor: Sendable {
    private let value = Atomic<Int>(0)
    /// Returns the current index and advances.
    func next() -> Int { value.wrappingAdd(1, ordering: .relaxed).oldValue }
}
