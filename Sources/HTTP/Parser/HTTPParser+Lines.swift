#if canImport(Glibc)
import Glibc
#endif

extension HTTPParser {
    /// Finds the next CRLF-terminated line and consumes it, returning the line's content range in `buffer`
    /// (valid until the next `append`). Returns nil when no LF is buffered yet.
    ///
    /// `limit` is the stream offset the line's LF must lie before; crossing it throws `tooLong`, located at
    /// `limit` so that the outcome does not depend on how the bytes were split. A LF without CR throws `bareLF`.
    mutating func nextLine(limit: Int, tooLong: (Int) -> HTTPParseError) throws(HTTPParseError) -> Range<Int>? {
        let start = readIndex
        let searchFrom = start + scanned
        let count = buffer.count
        let found: Int? = buffer.withUnsafeBufferPointer { p -> Int? in
            guard searchFrom < count, let base = p.baseAddress,
                  let hit = memchr(base + searchFrom, Int32(HTTPBytes.lf), count - searchFrom) else { return nil }
            return UnsafeRawPointer(hit) - UnsafeRawPointer(base)
        }
        guard let lf = found else {
            scanned = count - start
            if discarded + count > limit { throw tooLong(limit) }
            return nil
        }
        if discarded + lf + 1 > limit { throw tooLong(limit) }
        guard lf > start, buffer[lf - 1] == HTTPBytes.cr else {
            throw HTTPParseError(kind: .bareLF, status: .badRequest,
                                 message: "line ended by LF without CR", offset: discarded + lf)
        }
        scanned = 0
        readIndex = lf + 1
        return start..<(lf - 1)
    }

    /// The next line of a head (start line or field line), bounded by the request-line and head limits.
    mutating func nextHeadLine() throws(HTTPParseError) -> Range<Int>? {
        let headLimit = messageStart + limits.maxHeadBytes
        if kind == .request && phase == .startLine {
            let lineLimit = discarded + readIndex + limits.maxRequestLineBytes
            if lineLimit < headLimit {
                let max = limits.maxRequestLineBytes
                return try nextLine(limit: lineLimit) { offset in
                    HTTPParseError(kind: .requestLineTooLong, status: .uriTooLong,
                                   message: "request line longer than \(max) bytes", offset: offset)
                }
            }
        }
        let max = limits.maxHeadBytes
        return try nextLine(limit: headLimit) { offset in
            HTTPParseError(kind: .headTooLarge, status: .requestHeaderFieldsTooLarge,
                           message: "head longer than \(max) bytes", offset: offset)
        }
    }

    /// At end of input while reading a head: fine between messages, an error inside one.
    mutating func endOfInputInHead() throws(HTTPParseError) {
        if phase == .startLine && readIndex == buffer.count {
            phase = .closed
            return
        }
        throw truncated("a message head")
    }

    /// Runs `body` over the buffer's bytes without copying them.
    func withBytes<R>(_ body: (UnsafeBufferPointer<UInt8>) throws(HTTPParseError) -> R) throws(HTTPParseError) -> R {
        let result: Result<R, HTTPParseError> = buffer.withUnsafeBufferPointer { p in
            do throws(HTTPParseError) { return .success(try body(p)) } catch { return .failure(error) }
        }
        return try result.get()
    }
}
