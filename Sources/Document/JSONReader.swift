/// The strict RFC 8259 JSON reader.
///
/// Rejects everything RFC 8259 does not allow (trailing commas, leading zeros, `NaN`/`Infinity`,
/// comments, raw control characters in strings, invalid UTF-8, unpaired surrogate escapes, a byte
/// order mark, trailing garbage) plus duplicate object keys, and enforces depth and size limits.
/// The parser is iterative, so nesting depth never consumes native stack.
public enum JSONReader {
    /// Resource limits applied while reading.
    public struct Limits: Sendable {
        /// Deepest allowed nesting of arrays and objects (the root container is depth 1).
        /// Parsing never recurses, but Swift destroys and compares nested values recursively,
        /// so keep this in the hundreds or low thousands.
        public var maxDepth = 512
        /// Largest accepted input, in bytes.
        public var maxBytes = 64 << 20

        /// Limits with the given values (defaults: depth 512, 64 MiB).
        public init(maxDepth: Int = 512, maxBytes: Int = 64 << 20) {
            self.maxDepth = maxDepth
            self.maxBytes = maxBytes
        }
    }

    /// Parses a complete JSON text (fast path: no location bookkeeping; errors are still located).
    public static func parse(_ bytes: [UInt8], file: String = "", limits: Limits = .init())
        throws(DocumentError) -> JSONValue {
        try bytes.withUnsafeBufferPointer { (buf) throws(DocumentError) -> JSONValue in
            var parser = JSONParser(buf, file: file, limits: limits, tracking: false)
            return try parser.parseText()
        }
    }

    /// Parses a complete JSON text and records the location of every node and member key.
    public static func parseDocument(_ bytes: [UInt8], file: String = "", limits: Limits = .init())
        throws(DocumentError) -> LoadedDocument {
        try bytes.withUnsafeBufferPointer { (buf) throws(DocumentError) -> LoadedDocument in
            var parser = JSONParser(buf, file: file, limits: limits, tracking: true)
            let value = try parser.parseText()
            return LoadedDocument(file: file, value: value, locations: parser.locations,
                                  keyLocations: parser.keyLocations)
        }
    }
}
