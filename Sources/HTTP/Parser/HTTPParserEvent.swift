/// One step of a parsed message: a head, zero or more body pieces, then `end`.
public enum HTTPParserEvent: Hashable, Sendable {
    /// A complete request head (server side).
    case requestHead(HTTPRequestHead)
    /// A complete final response head (client side; 101 included). Body pieces and `end` follow.
    case responseHead(HTTPResponseHead)
    /// A 1xx interim response other than 101 (e.g. 100 Continue); no body or `end` follows it,
    /// the final response head comes next.
    case interimResponse(HTTPResponseHead)
    /// Body bytes, in order; their split into pieces depends on how the bytes arrived.
    case body([UInt8])
    /// The message is complete; trailers are non-nil only when a chunked body carried some.
    case end(trailers: HTTPHeaders?)
}

/// How the body of the current message is delimited (RFC 9112 §6.3).
public enum HTTPBodyFraming: Hashable, Sendable {
    /// No body at all (requests without framing headers, 204/304/HEAD responses, 1xx).
    case none
    /// Exactly this many bytes.
    case contentLength(Int)
    /// `Transfer-Encoding: chunked`.
    case chunked
    /// A response without framing: the body runs until the server closes; the connection cannot be reused.
    case untilClose
}
