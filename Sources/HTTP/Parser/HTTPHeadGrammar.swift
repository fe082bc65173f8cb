/// The RFC 9112 grammar of start lines and field lines, checked on raw bytes. Every function takes the
/// buffer, the line's content range and `base` (the stream offset of `p[0]`) to locate errors.
enum HTTPHeadGrammar {
    typealias Bytes = UnsafeBufferPointer<UInt8>

    /// An error for an unexpected byte; NUL and CR get their own kinds because they are smuggling tools.
    static func unexpected(_ byte: UInt8, at offset: Int, kind: HTTPParseError.Kind, _ message: String,
                           status: HTTPStatus = .badRequest) -> HTTPParseError {
        switch byte {
        case 0: HTTPParseError(kind: .nulByte, status: .badRequest, message: "NUL byte", offset: offset)
        case HTTPBytes.cr: HTTPParseError(kind: .bareCR, status: .badRequest, message: "CR not followed by LF", offset: offset)
        default: HTTPParseError(kind: kind, status: status, message: message, offset: offset)
        }
    }

    /// Makes a String from bytes (UTF-8; obs-text that is not UTF-8 becomes U+FFFD).
    @inline(__always)
    static func string(_ p: Bytes, _ range: Range<Int>) -> String {
        String(decoding: UnsafeBufferPointer(rebasing: p[range]), as: UTF8.self)
    }

    /// `method SP request-target SP HTTP-version` (RFC 9112 §3), with single spaces only.
    static func requestLine(_ p: Bytes, _ r: Range<Int>, base: Int) throws(HTTPParseError) -> HTTPParser.StartLine {
        let classes = HTTPBytes.classes
        var i = r.lowerBound
        while i < r.upperBound, classes[Int(p[i])] & HTTPBytes.token != 0 { i += 1 }
        guard i < r.upperBound, i > r.lowerBound, p[i] == HTTPBytes.sp else {
            let byte = i < r.upperBound ? p[i] : HTTPBytes.sp
            throw unexpected(byte, at: base + i, kind: .invalidMethod, "method is not a token followed by one space")
        }
        let method = methodFor(p, r.lowerBound..<i)
        i += 1
        let targetStart = i
        while i < r.upperBound, classes[Int(p[i])] & HTTPBytes.target != 0 { i += 1 }
        guard i < r.upperBound, i > targetStart, p[i] == HTTPBytes.sp else {
            let byte = i < r.upperBound ? p[i] : HTTPBytes.sp
            throw unexpected(byte, at: base + i, kind: .invalidTarget, "request-target has a forbidden byte or is not followed by one space")
        }
        try checkTargetForm(p, targetStart..<i, method: method, base: base)
        let target = string(p, targetStart..<i)
        let version = try version(p, (i + 1)..<r.upperBound, base: base, isRequest: true)
        return .request(method, target, version)
    }

    /// Interns the common methods; any other token becomes a new `HTTPMethod`.
    static func methodFor(_ p: Bytes, _ r: Range<Int>) -> HTTPMethod {
        let bytes = UnsafeBufferPointer(rebasing: p[r])
        switch r.count {
        case 3 where bytes.elementsEqual("GET".utf8): return .GET
        case 3 where bytes.elementsEqual("PUT".utf8): return .PUT
        case 4 where bytes.elementsEqual("POST".utf8): return .POST
        case 4 where bytes.elementsEqual("HEAD".utf8): return .HEAD
        case 5 where bytes.elementsEqual("PATCH".utf8): return .PATCH
        case 6 where bytes.elementsEqual("DELETE".utf8): return .DELETE
        case 7 where bytes.elementsEqual("OPTIONS".utf8): return .OPTIONS
        default: return HTTPMethod(string(p, r))
        }
    }

    /// Origin-form for most methods, absolute-form for proxies, `*` only for OPTIONS,
    /// authority-form (`host:port`) only and always for CONNECT (RFC 9112 §3.2).
    static func checkTargetForm(_ p: Bytes, _ r: Range<Int>, method: HTTPMethod, base: Int) throws(HTTPParseError) {
        func fail(_ message: String) -> HTTPParseError {
            HTTPParseError(kind: .invalidTarget, status: .badRequest, message: message, offset: base + r.lowerBound)
        }
        let first = p[r.lowerBound]
        if method == .CONNECT {
            guard isAuthorityForm(p, r) else { throw fail("CONNECT needs an authority-form target host:port") }
            return
        }
        if first == UInt8(ascii: "/") { return }
        if r.count == 1 && first == UInt8(ascii: "*") {
            guard method == .OPTIONS else { throw fail("target * is only allowed for OPTIONS") }
            return
        }
        guard isAbsoluteForm(p, r) else { throw fail("request-target is not origin-form, absolute-form or *") }
    }

    /// `scheme "://" authority ...` with scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." ); requiring the
    /// `//` keeps `host:port` (authority-form) from passing as a URI with scheme `host`.
    static func isAbsoluteForm(_ p: Bytes, _ r: Range<Int>) -> Bool {
        guard isAlpha(p[r.lowerBound]) else { return false }
        var i = r.lowerBound + 1
        while i < r.upperBound {
            let b = p[i]
            if b == HTTPBytes.colon {
                return i + 3 < r.upperBound && p[i + 1] == UInt8(ascii: "/") && p[i + 2] == UInt8(ascii: "/")
            }
            guard isAlpha(b) || isDigit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "-") || b == UInt8(ascii: ".") else { return false }
            i += 1
        }
        return false
    }

    /// `host ":" port` without path, query, fragment or userinfo.
    static func isAuthorityForm(_ p: Bytes, _ r: Range<Int>) -> Bool {
        var lastColon: Int?
        for i in r {
            switch p[i] {
            case UInt8(ascii: "/"), UInt8(ascii: "?"), UInt8(ascii: "#"), UInt8(ascii: "@"): return false
            case HTTPBytes.colon: lastColon = i
            default: break
            }
        }
        guard let colon = lastColon, colon > r.lowerBound, colon + 1 < r.upperBound else { return false }
        return ((colon + 1)..<r.upperBound).allSatisfy { isDigit(p[$0]) }
    }

    /// `HTTP/DIGIT.DIGIT`; well-formed versions other than 1.0 and 1.1 are 505.
    static func version(_ p: Bytes, _ r: Range<Int>, base: Int, isRequest: Bool) throws(HTTPParseError) -> HTTPVersion {
        let prefix = "HTTP/".utf8
        var ok = r.count == 8
        if ok { ok = UnsafeBufferPointer(rebasing: p[r.lowerBound..<(r.lowerBound + 5)]).elementsEqual(prefix) }
        if ok {
            let major = p[r.lowerBound + 5], dot = p[r.lowerBound + 6], minor = p[r.lowerBound + 7]
            if isDigit(major) && dot == UInt8(ascii: ".") && isDigit(minor) {
                let version = HTTPVersion(major: Int(major - 0x30), minor: Int(minor - 0x30))
                guard version == .http1_1 || version == .http1_0 else {
                    throw HTTPParseError(kind: .unsupportedVersion, status: .httpVersionNotSupported,
                                         message: "unsupported HTTP version \(version)", offset: base + r.lowerBound)
                }
                return version
            }
        }
        for i in r where p[i] == 0 || p[i] == HTTPBytes.cr {
            throw unexpected(p[i], at: base + i, kind: .invalidVersion, "")
        }
        throw HTTPParseError(kind: .invalidVersion, status: .badRequest,
                             message: "version is not HTTP/DIGIT.DIGIT", offset: base + r.lowerBound)
    }

    /// `HTTP-version SP 3DIGIT [SP reason-phrase]` (RFC 9112 §4); a missing SP after the code is tolerated.
    static func statusLine(_ p: Bytes, _ r: Range<Int>, base: Int) throws(HTTPParseError) -> HTTPParser.StartLine {
        let versionEnd = min(r.lowerBound + 8, r.upperBound)
        let version = try version(p, r.lowerBound..<versionEnd, base: base, isRequest: false)
        let codeStart = versionEnd + 1
        guard versionEnd < r.upperBound, p[versionEnd] == HTTPBytes.sp, codeStart + 3 <= r.upperBound,
              isDigit(p[codeStart]), isDigit(p[codeStart + 1]), isDigit(p[codeStart + 2]) else {
            throw HTTPParseError(kind: .invalidStatus, status: .badRequest,
                                 message: "status line is not HTTP-version SP 3DIGIT", offset: base + versionEnd)
        }
        let code = Int(p[codeStart] - 0x30) * 100 + Int(p[codeStart + 1] - 0x30) * 10 + Int(p[codeStart + 2] - 0x30)
        guard (100...599).contains(code) else {
            throw HTTPParseError(kind: .invalidStatus, status: .badRequest,
                                 message: "status code \(code) outside 100...599", offset: base + codeStart)
        }
        var reasonStart = codeStart + 3
        if reasonStart < r.upperBound {
            guard p[reasonStart] == HTTPBytes.sp else {
                throw unexpected(p[reasonStart], at: base + reasonStart, kind: .invalidStatus, "status code not followed by a space")
            }
            reasonStart += 1
        }
        let classes = HTTPBytes.classes
        for i in reasonStart..<r.upperBound where classes[Int(p[i])] & HTTPBytes.fieldValue == 0 {
            throw unexpected(p[i], at: base + i, kind: .invalidStatus, "reason phrase has a control byte")
        }
        return .status(HTTPStatus(code: code), string(p, reasonStart..<r.upperBound), version)
    }

    /// `field-name ":" OWS field-value OWS` (RFC 9112 §5), rejecting obs-fold and space before the colon.
    static func fieldLine(_ p: Bytes, _ r: Range<Int>, base: Int) throws(HTTPParseError) -> (HTTPField, FramingField.Name?) {
        let classes = HTTPBytes.classes
        let first = p[r.lowerBound]
        if first == HTTPBytes.sp || first == HTTPBytes.htab {
            throw HTTPParseError(kind: .obsoleteLineFolding, status: .badRequest,
                                 message: "field line starts with whitespace (obs-fold)", offset: base + r.lowerBound)
        }
        var i = r.lowerBound
        while i < r.upperBound, classes[Int(p[i])] & HTTPBytes.token != 0 { i += 1 }
        guard i < r.upperBound else {
            throw HTTPParseError(kind: .missingColon, status: .badRequest, message: "field line has no colon", offset: base + i)
        }
        switch p[i] {
        case HTTPBytes.colon where i > r.lowerBound:
            break
        case HTTPBytes.colon:
            throw HTTPParseError(kind: .invalidFieldName, status: .badRequest, message: "empty field name", offset: base + i)
        case HTTPBytes.sp, HTTPBytes.htab:
            throw HTTPParseError(kind: .whitespaceBeforeColon, status: .badRequest,
                                 message: "whitespace between field name and colon", offset: base + i)
        default:
            throw unexpected(p[i], at: base + i, kind: .invalidFieldName, "field name has a byte that is not a token character")
        }
        let nameEnd = i
        var valueStart = i + 1
        var valueEnd = r.upperBound
        while valueStart < valueEnd, p[valueStart] == HTTPBytes.sp || p[valueStart] == HTTPBytes.htab { valueStart += 1 }
        while valueEnd > valueStart, p[valueEnd - 1] == HTTPBytes.sp || p[valueEnd - 1] == HTTPBytes.htab { valueEnd -= 1 }
        for j in valueStart..<valueEnd where classes[Int(p[j])] & HTTPBytes.fieldValue == 0 {
            throw unexpected(p[j], at: base + j, kind: .invalidFieldValue, "field value has a control byte")
        }
        let field = HTTPField(name: string(p, r.lowerBound..<nameEnd), value: string(p, valueStart..<valueEnd))
        return (field, FramingField.classify(UnsafeBufferPointer(rebasing: p[r.lowerBound..<nameEnd])))
    }

    @inline(__always) static func isAlpha(_ b: UInt8) -> Bool { (b | 0x20) >= 0x61 && (b | 0x20) <= 0x7A }
    @inline(__always) static func isDigit(_ b: UInt8) -> Bool { b >= 0x30 && b <= 0x39 }
}
