/// Message framing rules of RFC 9112 §6 applied to a complete head: Host, Content-Length and
/// Transfer-Encoding. Never guesses: anything ambiguous is an error.
enum HTTPFraming {
    /// HTTP/1.1 requests need exactly one Host; no request may carry two (RFC 9112 §3.2).
    static func checkHost(_ headers: HTTPHeaders, _ special: [FramingField], version: HTTPVersion, endOffset: Int) throws(HTTPParseError) {
        var found: Int?
        let classes = HTTPBytes.classes
        for ref in special where ref.name == .host {
            if found != nil {
                throw HTTPParseError(kind: .repeatedHost, status: .badRequest, message: "more than one Host field", offset: ref.offset)
            }
            found = ref.index
            for b in headers.fields[ref.index].value.utf8 where classes[Int(b)] & HTTPBytes.host == 0 {
                throw HTTPParseError(kind: .invalidHost, status: .badRequest,
                                     message: "Host value is not an authority", offset: ref.offset)
            }
        }
        if found == nil && version == .http1_1 {
            throw HTTPParseError(kind: .missingHost, status: .badRequest, message: "HTTP/1.1 request without Host", offset: endOffset)
        }
    }

    /// How the body is delimited. Requests without framing headers have no body; responses without
    /// them are read until close. Content-Length lists are accepted only when every value is equal.
    static func framing(of headers: HTTPHeaders, _ special: [FramingField], version: HTTPVersion, isRequest: Bool,
                        limits: HTTPParserLimits) throws(HTTPParseError) -> HTTPBodyFraming {
        var contentLength: Int?
        var contentLengthOffset: Int?
        var transferEncodingOffset: Int?
        var codings: [(name: Substring.UTF8View, offset: Int)] = []
        for ref in special where ref.name != .host {
            let field = headers.fields[ref.index]
            let offset = ref.offset
            if ref.name == .contentLength {
                contentLengthOffset = contentLengthOffset ?? offset
                // One value (the usual case) is parsed in place; only a list is split (allocates).
                let whole = HTTPBytes.trimmingOWS(field.value[...].utf8)
                if !whole.contains(UInt8(ascii: ",")) {
                    if !whole.isEmpty { contentLength = try sameLength(try parseLength(whole, offset: offset), as: contentLength, offset: offset) }
                } else {
                    for element in listElements(field.value) {
                        contentLength = try sameLength(try parseLength(element, offset: offset), as: contentLength, offset: offset)
                    }
                }
                if contentLength == nil {
                    throw HTTPParseError(kind: .invalidContentLength, status: .badRequest, message: "empty Content-Length", offset: offset)
                }
            } else {
                transferEncodingOffset = transferEncodingOffset ?? offset
                for element in listElements(field.value) { codings.append((element, offset)) }
            }
        }
        if let teOffset = transferEncodingOffset {
            if contentLengthOffset != nil {
                throw HTTPParseError(kind: .contentLengthWithTransferEncoding, status: .badRequest,
                                     message: "both Content-Length and Transfer-Encoding", offset: max(teOffset, contentLengthOffset ?? 0))
            }
            if version == .http1_0 {
                throw HTTPParseError(kind: .transferEncodingInHTTP10, status: .badRequest,
                                     message: "Transfer-Encoding in an HTTP/1.0 message", offset: teOffset)
            }
            try checkCodings(codings, fallbackOffset: teOffset)
            return .chunked
        }
        if let length = contentLength, let offset = contentLengthOffset {
            if length > limits.maxBodyBytes {
                throw HTTPParseError(kind: .bodyTooLarge, status: .contentTooLarge,
                                     message: "Content-Length \(length) exceeds \(limits.maxBodyBytes)", offset: offset)
            }
            return .contentLength(length)
        }
        return isRequest ? .none : .untilClose
    }

    /// `value`, unless an earlier Content-Length value differs (400).
    private static func sameLength(_ value: Int, as previous: Int?, offset: Int) throws(HTTPParseError) -> Int {
        if let previous, previous != value {
            throw HTTPParseError(kind: .invalidContentLength, status: .badRequest,
                                 message: "differing Content-Length values", offset: offset)
        }
        return value
    }

    /// The coding list must end in exactly one `chunked` (else 400); any other coding is 501.
    static func checkCodings(_ codings: [(name: Substring.UTF8View, offset: Int)], fallbackOffset: Int) throws(HTTPParseError) {
        guard let last = codings.last, isChunked(last.name) else {
            throw HTTPParseError(kind: .chunkedNotFinal, status: .badRequest,
                                 message: "Transfer-Encoding does not end with chunked", offset: codings.last?.offset ?? fallbackOffset)
        }
        for coding in codings.dropLast() {
            if isChunked(coding.name) {
                throw HTTPParseError(kind: .chunkedNotFinal, status: .badRequest,
                                     message: "chunked applied more than once", offset: coding.offset)
            }
            throw HTTPParseError(kind: .unsupportedTransferCoding, status: .notImplemented,
                                 message: "unsupported transfer coding \(String(decoding: coding.name, as: UTF8.self))", offset: coding.offset)
        }
    }

    /// Whether a list element is the bare `chunked` coding (case-insensitive, no parameters).
    static func isChunked(_ name: Substring.UTF8View) -> Bool {
        HTTPHeaders.bytesEqualIgnoringCase(name, "chunked".utf8)
    }

    /// Non-empty, OWS-trimmed elements of a comma-separated field value (RFC 9110 §5.6.1).
    static func listElements(_ value: String) -> [Substring.UTF8View] {
        value.utf8.split(separator: UInt8(ascii: ","), omittingEmptySubsequences: true).compactMap { element in
            let trimmed = HTTPBytes.trimmingOWS(element)
            return trimmed.isEmpty ? nil : trimmed
        }
    }

    /// `1*DIGIT`; values beyond `Int` are 413 (they exceed any limit), anything else 400.
    static func parseLength(_ digits: Substring.UTF8View, offset: Int) throws(HTTPParseError) -> Int {
        var value = 0
        for b in digits {
            guard HTTPHeadGrammar.isDigit(b) else {
                throw HTTPParseError(kind: .invalidContentLength, status: .badRequest,
                                     message: "Content-Length is not a decimal number", offset: offset)
            }
            let (times10, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(b - 0x30))
            if o1 || o2 {
                throw HTTPParseError(kind: .bodyTooLarge, status: .contentTooLarge,
                                     message: "Content-Length beyond \(Int.max)", offset: offset)
            }
            value = sum
        }
        return value
    }
}

/// A Host, Content-Length or Transfer-Encoding line of a head: which one, its index in the headers and
/// its stream offset. Recognised once from the raw name bytes, so framing never compares names again.
struct FramingField: Sendable {
    /// The three field names framing and Host rules need.
    enum Name: Sendable {
        case host, contentLength, transferEncoding
    }

    let name: Name
    let index: Int
    let offset: Int

    /// The framing field a raw name denotes, compared ASCII case-insensitively, or nil.
    static func classify(_ name: UnsafeBufferPointer<UInt8>) -> Name? {
        switch name.count {
        case 4: return HTTPHeaders.bytesEqualIgnoringCase(name, "host".utf8) ? .host : nil
        case 14: return HTTPHeaders.bytesEqualIgnoringCase(name, "content-length".utf8) ? .contentLength : nil
        case 17: return HTTPHeaders.bytesEqualIgnoringCase(name, "transfer-encoding".utf8) ? .transferEncoding : nil
        default: return nil
        }
    }
}
