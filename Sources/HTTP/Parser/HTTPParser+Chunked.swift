extension HTTPParser {
    /// Reads one `chunk-size [chunk-ext] CRLF` line (RFC 9112 §7.1). Returns false when more bytes are needed.
    mutating func consumeChunkSizeLine() throws(HTTPParseError) -> Bool {
        let max = limits.maxChunkLineBytes
        let lineLimit = discarded + readIndex + max
        guard let line = try nextLine(limit: lineLimit, tooLong: { offset in
            HTTPParseError(kind: .chunkLineTooLong, status: .badRequest,
                           message: "chunk-size line longer than \(max) bytes", offset: offset)
        }) else {
            if eof { throw truncated("a chunked body") }
            return false
        }
        let base = discarded
        let size = try withBytes { p throws(HTTPParseError) in try Self.chunkSize(p, line, base: base) }
        if size == 0 {
            trailerStart = discarded + readIndex
            phase = .trailerLines
            return true
        }
        if size > limits.maxBodyBytes - bodyReceived {
            throw HTTPParseError(kind: .bodyTooLarge, status: .contentTooLarge,
                                 message: "chunked body longer than \(limits.maxBodyBytes) bytes", offset: base + line.lowerBound)
        }
        bodyReceived += size
        remaining = size
        phase = .chunkData
        return true
    }

    /// Parses `1*HEXDIG *( BWS ";" ... )`; extensions are checked for forbidden bytes and otherwise ignored.
    static func chunkSize(_ p: UnsafeBufferPointer<UInt8>, _ r: Range<Int>, base: Int) throws(HTTPParseError) -> Int {
        let classes = HTTPBytes.classes
        var i = r.lowerBound
        var size = 0
        while i < r.upperBound, classes[Int(p[i])] & HTTPBytes.hex != 0 {
            if size > (Int.max - 15) / 16 {
                throw HTTPParseError(kind: .chunkSizeOverflow, status: .badRequest, message: "chunk size overflows", offset: base + i)
            }
            size = size * 16 + HTTPBytes.hexValue(p[i])
            i += 1
        }
        guard i > r.lowerBound else {
            let byte = i < r.upperBound ? p[i] : HTTPBytes.sp
            throw HTTPHeadGrammar.unexpected(byte, at: base + i, kind: .invalidChunk, "chunk size is not hexadecimal")
        }
        while i < r.upperBound, p[i] == HTTPBytes.sp || p[i] == HTTPBytes.htab { i += 1 }
        guard i < r.upperBound else {
            if i > r.lowerBound && (p[i - 1] == HTTPBytes.sp || p[i - 1] == HTTPBytes.htab) {
                throw HTTPParseError(kind: .invalidChunk, status: .badRequest, message: "whitespace after chunk size", offset: base + i - 1)
            }
            return size
        }
        guard p[i] == UInt8(ascii: ";") else {
            throw HTTPHeadGrammar.unexpected(p[i], at: base + i, kind: .invalidChunk, "chunk size followed by something other than an extension")
        }
        for j in i..<r.upperBound where classes[Int(p[j])] & HTTPBytes.fieldValue == 0 {
            throw HTTPHeadGrammar.unexpected(p[j], at: base + j, kind: .invalidChunk, "chunk extension has a control byte")
        }
        return size
    }

    /// Consumes the CRLF after a chunk's data. Returns false when more bytes are needed.
    mutating func consumeChunkDataEnd() throws(HTTPParseError) -> Bool {
        let available = buffer.count - readIndex
        if available >= 1 && buffer[readIndex] != HTTPBytes.cr {
            let isLF = buffer[readIndex] == HTTPBytes.lf
            throw HTTPParseError(kind: isLF ? .bareLF : .invalidChunk, status: .badRequest,
                                 message: isLF ? "chunk data ended by LF without CR" : "chunk data longer than its size",
                                 offset: discarded + readIndex)
        }
        if available >= 2 && buffer[readIndex + 1] != HTTPBytes.lf {
            throw HTTPParseError(kind: .bareCR, status: .badRequest, message: "CR not followed by LF", offset: discarded + readIndex + 1)
        }
        guard available >= 2 else {
            if eof { throw truncated("a chunked body") }
            return false
        }
        readIndex += 2
        phase = .chunkSize
        return true
    }

    /// Reads one trailer field line, or the empty line ending the trailer section.
    mutating func consumeTrailerLine() throws(HTTPParseError) -> Bool {
        let max = limits.maxTrailerBytes
        guard let line = try nextLine(limit: trailerStart + max, tooLong: { offset in
            HTTPParseError(kind: .trailersTooLarge, status: .requestHeaderFieldsTooLarge,
                           message: "trailer section longer than \(max) bytes", offset: offset)
        }) else {
            if eof { throw truncated("a chunked body's trailers") }
            return false
        }
        if line.isEmpty {
            phase = .endOfMessage
            return true
        }
        let base = discarded
        let (field, _) = try withBytes { p throws(HTTPParseError) in try HTTPHeadGrammar.fieldLine(p, line, base: base) }
        if trailers.count >= limits.maxHeaderCount {
            throw HTTPParseError(kind: .trailersTooLarge, status: .requestHeaderFieldsTooLarge,
                                 message: "more than \(limits.maxHeaderCount) trailer fields", offset: base + line.lowerBound)
        }
        trailers.add(field)
        return true
    }
}
