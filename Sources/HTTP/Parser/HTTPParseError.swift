/// Why a byte stream is not a valid HTTP/1.1 message: the rule broken, the status a server answers
/// with, a human-readable message and the byte offset (from the start of the connection) where it was found.
public struct HTTPParseError: Error, Hashable, Sendable, CustomStringConvertible {
    /// The rule that was broken.
    public enum Kind: String, Hashable, Sendable {
        /// A CR not followed by LF.
        case bareCR
        /// A line ended by LF without CR.
        case bareLF
        /// A NUL byte in the head, chunk framing or trailers.
        case nulByte
        /// The request line or status line does not match the grammar.
        case invalidStartLine
        /// A method that is not a token.
        case invalidMethod
        /// A request-target with forbidden bytes or in a form the method does not allow.
        case invalidTarget
        /// A version that is not `HTTP/d.d`.
        case invalidVersion
        /// A well-formed version other than 1.0 or 1.1.
        case unsupportedVersion
        /// A status code that is not three digits in 100...599.
        case invalidStatus
        /// A field name that is empty or not a token.
        case invalidFieldName
        /// Whitespace between a field name and its colon.
        case whitespaceBeforeColon
        /// A field line without a colon.
        case missingColon
        /// A field value with a control byte (other than HTAB) or DEL.
        case invalidFieldValue
        /// A line folded onto the previous one (obs-fold, RFC 9112 §5.2).
        case obsoleteLineFolding
        /// An HTTP/1.1 request without `Host`.
        case missingHost
        /// More than one `Host` field line.
        case repeatedHost
        /// A `Host` value that is not a valid authority.
        case invalidHost
        /// `Content-Length` and `Transfer-Encoding` together.
        case contentLengthWithTransferEncoding
        /// A `Content-Length` that is not digits, or a list with differing values.
        case invalidContentLength
        /// `chunked` missing as the final coding, or present twice.
        case chunkedNotFinal
        /// A transfer coding other than `chunked`.
        case unsupportedTransferCoding
        /// `Transfer-Encoding` in an HTTP/1.0 message (RFC 9112 §6.1: framing is faulty).
        case transferEncodingInHTTP10
        /// A chunk-size line that is not `HEXDIG [ext]`, or a chunk not followed by CRLF.
        case invalidChunk
        /// A chunk size beyond what an `Int` holds.
        case chunkSizeOverflow
        /// A request line longer than `maxRequestLineBytes`.
        case requestLineTooLong
        /// A head longer than `maxHeadBytes`.
        case headTooLarge
        /// More field lines than `maxHeaderCount`.
        case tooManyHeaders
        /// A body longer than `maxBodyBytes`.
        case bodyTooLarge
        /// A chunk-size line (with extensions) longer than `maxChunkLineBytes`.
        case chunkLineTooLong
        /// Trailers longer than `maxTrailerBytes` or more than `maxHeaderCount` trailer lines.
        case trailersTooLarge
        /// The peer closed the connection in the middle of a message.
        case unexpectedEOF
    }

    /// The rule that was broken.
    public var kind: Kind
    /// The status code a server should answer with (400, 413, 414, 431, 501 or 505).
    public var status: HTTPStatus
    /// What was wrong, for logs.
    public var message: String
    /// Offset of the offending byte counted from the first byte given to the parser.
    public var offset: Int

    /// Creates an error.
    public init(kind: Kind, status: HTTPStatus, message: String, offset: Int) {
        self.kind = kind
        self.status = status
        self.message = message
        self.offset = offset
    }

    /// `byte N: message (status)`.
    public var description: String { "HTTP parse error at byte \(offset): \(message) (\(status.code), \(kind.rawValue))" }
}
