/// Writes a body in the chunked transfer coding (RFC 9112 §7.1).
///
/// For zero-copy writes, send `chunkHeader(count:)`, the data and `chunkSuffix` with one `writev`;
/// `writeChunk` does the same into one buffer.
public enum HTTPChunkedEncoder {
    /// The CRLF that follows each chunk's data.
    public static let chunkSuffix: [UInt8] = [HTTPBytes.cr, HTTPBytes.lf]

    /// `HEX\r\n` for a chunk of `count` bytes (`count` must be positive: size 0 ends the body).
    public static func writeChunkHeader(count: Int, into buffer: inout [UInt8]) {
        precondition(count > 0, "a zero-size chunk would end the body; use writeEnd")
        let hex = Array("0123456789abcdef".utf8)
        var shift = (Int.bitWidth - count.leadingZeroBitCount - 1) / 4 * 4
        while shift >= 0 {
            buffer.append(hex[(count >> shift) & 0xF])
            shift -= 4
        }
        buffer.append(contentsOf: chunkSuffix)
    }

    /// The chunk header alone, as a new array.
    public static func chunkHeader(count: Int) -> [UInt8] {
        var header: [UInt8] = []
        writeChunkHeader(count: count, into: &header)
        return header
    }

    /// Appends one chunk (header, data, CRLF); empty data writes nothing, since a zero-size chunk ends the body.
    public static func writeChunk<C: Collection>(_ data: C, into buffer: inout [UInt8]) where C.Element == UInt8 {
        guard !data.isEmpty else { return }
        writeChunkHeader(count: data.count, into: &buffer)
        buffer.append(contentsOf: data)
        buffer.append(contentsOf: chunkSuffix)
    }

    /// Appends the last chunk `0\r\n`, the trailer fields (framing fields are never written) and the final CRLF.
    public static func writeEnd(trailers: HTTPHeaders? = nil, into buffer: inout [UInt8]) {
        buffer.append(UInt8(ascii: "0"))
        buffer.append(contentsOf: chunkSuffix)
        if let trailers { HTTPHeadSerializer.writeFields(trailers, into: &buffer) }
        buffer.append(contentsOf: chunkSuffix)
    }
}
