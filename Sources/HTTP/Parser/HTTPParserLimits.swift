/// Size bounds the parser enforces; each violation maps to its status (414, 431, 413 or 400).
public struct HTTPParserLimits: Hashable, Sendable {
    /// Longest request line, CRLF included (414 when exceeded).
    public var maxRequestLineBytes: Int
    /// Longest head: start line, field lines and the empty line (431 when exceeded).
    public var maxHeadBytes: Int
    /// Most field lines in a head, and separately in a trailer section (431 when exceeded).
    public var maxHeaderCount: Int
    /// Largest body, declared or received (413 when exceeded).
    public var maxBodyBytes: Int
    /// Longest chunk-size line including chunk extensions and CRLF (400 when exceeded).
    public var maxChunkLineBytes: Int
    /// Largest trailer section including its final empty line (431 when exceeded).
    public var maxTrailerBytes: Int

    /// Defaults sized for an API gateway: 8 KiB request line, 32 KiB head, 100 fields, 16 MiB body,
    /// 1 KiB chunk line, 8 KiB trailers. A client reading large downloads raises `maxBodyBytes`.
    public init(maxRequestLineBytes: Int = 8 << 10, maxHeadBytes: Int = 32 << 10, maxHeaderCount: Int = 100,
                maxBodyBytes: Int = 16 << 20, maxChunkLineBytes: Int = 1 << 10, maxTrailerBytes: Int = 8 << 10) {
        self.maxRequestLineBytes = maxRequestLineBytes
        self.maxHeadBytes = maxHeadBytes
        self.maxHeaderCount = maxHeaderCount
        self.maxBodyBytes = maxBodyBytes
        self.maxChunkLineBytes = maxChunkLineBytes
        self.maxTrailerBytes = maxTrailerBytes
    }
}
