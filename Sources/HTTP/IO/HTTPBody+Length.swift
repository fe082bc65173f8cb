extension HTTPBody {
    /// The number of bytes when the body is held in memory or has a declared length; nil for a
    /// chunked stream (used by logs that report bytes sent).
    public var knownLength: Int? {
        switch storage {
        case .bytes(let bytes): bytes.count
        case .stream(let length, _): length
        }
    }
}
