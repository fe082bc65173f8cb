/// A parsed media type or range (`application/json; charset=utf-8`, `application/*`, `*/*`).
///
/// Type, subtype and parameter names are lower-cased; parameter values keep their case.
public struct MediaRange: Sendable, Hashable, CustomStringConvertible {
    /// Lower-cased top-level type (`application`, `*`).
    public var type: String
    /// Lower-cased subtype (`json`, `vnd.api+json`, `*`).
    public var subtype: String
    /// Parameters by lower-cased name (`charset`, `boundary`).
    public var parameters: [String: String]

    public init(type: String, subtype: String, parameters: [String: String]) {
        self.type = type
        self.subtype = subtype
        self.parameters = parameters
    }

    /// Parses `type/subtype; name=value; …` (quoted values unquoted); nil when there is no `type/subtype`.
    public init?(_ text: String) {
        if let simple = MediaRange.parseSimple(text) {
            self = simple
            return
        }
        var pieces = MediaRange.splitParameters(text)
        guard !pieces.isEmpty else { return nil }
        let head = pieces.removeFirst().trimmingSpaces().lowercased()
        let slash = head.split(separator: "/", omittingEmptySubsequences: false)
        guard slash.count == 2, !slash[0].isEmpty, !slash[1].isEmpty,
              slash.allSatisfy({ $0.utf8.allSatisfy(MediaRange.isTokenByte) }) else { return nil }
        var params: [String: String] = [:]
        for piece in pieces {
            guard let eq = piece.firstIndex(of: "=") else { continue }
            let name = piece[..<eq].trimmingSpaces().lowercased()
            var value = piece[piece.index(after: eq)...].trimmingSpaces()
            if value.count >= 2, value.hasPrefix("\""), value.hasSuffix("\"") {
                value = String(value.dropFirst().dropLast()).replacingEscapes()
            }
            params[name] = value
        }
        self.init(type: String(slash[0]), subtype: String(slash[1]), parameters: params)
    }

    /// The common case on bytes: ASCII `type/subtype` with no parameters (no `;`), surrounding
    /// spaces or tabs allowed. Gives what the general parser gives for such text; nil sends every
    /// other text (parameters, non-ASCII, malformed) to the general parser.
    private static func parseSimple(_ text: String) -> MediaRange? {
        var text = text
        return text.withUTF8 { bytes -> MediaRange? in
            var start = 0, end = bytes.count
            while start < end, bytes[start] == 0x20 || bytes[start] == 0x09 { start += 1 }
            while end > start, bytes[end - 1] == 0x20 || bytes[end - 1] == 0x09 { end -= 1 }
            var slash = -1
            for k in start..<end {
                let b = bytes[k]
                if b == UInt8(ascii: "/") {
                    guard slash < 0 else { return nil }
                    slash = k
                } else if !isTokenByte(b) {
                    return nil  // `;`, inner spaces, non-ASCII, …: the general parser decides
                }
            }
            guard slash > start, slash < end - 1 else { return nil }
            func lowered(_ range: Range<Int>) -> String {
                let part = UnsafeBufferPointer(rebasing: bytes[range])
                if !part.contains(where: { $0 &- 65 < 26 }) { return String(decoding: part, as: UTF8.self) }
                return String(decoding: part.map { $0 &- 65 < 26 ? $0 | 0x20 : $0 }, as: UTF8.self)
            }
            return MediaRange(type: lowered(start..<slash), subtype: lowered((slash + 1)..<end), parameters: [:])
        }
    }

    /// `type/subtype` without parameters.
    public var essence: String { type + "/" + subtype }

    /// True for JSON media types: `application/json` and any `+json` suffix.
    public var isJSON: Bool {
        (type == "application" && subtype == "json") || subtype.hasSuffix("+json")
    }

    /// How specific this range is: 3 for a concrete type with parameters, 2 concrete, 1 `type/*`, 0 `*/*`.
    public var specificity: Int {
        if type == "*" { return 0 }
        if subtype == "*" { return 1 }
        return parameters.isEmpty ? 2 : 3
    }

    /// Whether `concrete` (a request's content type) falls in this range; parameters listed here must match.
    public func matches(_ concrete: MediaRange) -> Bool {
        if type != "*" && type != concrete.type { return false }
        if subtype != "*" && subtype != concrete.subtype { return false }
        for (name, value) in parameters where concrete.parameters[name]?.lowercased() != value.lowercased() {
            return false
        }
        return true
    }

    public var description: String {
        var s = essence
        for name in parameters.keys.sorted() { s += "; \(name)=\(parameters[name] ?? "")" }
        return s
    }

    /// An RFC 9110 `tchar` byte.
    static func isTokenByte(_ b: UInt8) -> Bool {
        guard b > 32, b < 127 else { return false }
        switch b {
        case UInt8(ascii: "("), UInt8(ascii: ")"), UInt8(ascii: "<"), UInt8(ascii: ">"), UInt8(ascii: "@"),
             UInt8(ascii: ","), UInt8(ascii: ";"), UInt8(ascii: ":"), UInt8(ascii: "\\"), UInt8(ascii: "\""),
             UInt8(ascii: "/"), UInt8(ascii: "["), UInt8(ascii: "]"), UInt8(ascii: "?"), UInt8(ascii: "="),
             UInt8(ascii: "{"), UInt8(ascii: "}"):
            return false
        default:
            return true
        }
    }

    /// Splits on `;` outside double quotes.
    static func splitParameters(_ text: String) -> [Substring] {
        // Bytes, not Characters: a combining mark after `"` or `;` must not hide it.
        let bytes = text.utf8
        if !bytes.contains(UInt8(ascii: ";")) { return [Substring(text)] }
        var out: [Substring] = []
        var start = bytes.startIndex
        var inQuotes = false
        var i = bytes.startIndex
        while i < bytes.endIndex {
            let c = bytes[i]
            if c == UInt8(ascii: "\"") { inQuotes.toggle() } else if c == UInt8(ascii: "\\") && inQuotes {
                i = bytes.index(after: i)
                if i == bytes.endIndex { break }
            } else if c == UInt8(ascii: ";") && !inQuotes {
                out.append(Substring(bytes[start..<i])); start = bytes.index(after: i)
            }
            i = bytes.index(after: i)
        }
        out.append(Substring(bytes[start...]))
        return out
    }
}

extension StringProtocol {
    /// The text without leading and trailing spaces and tabs.
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let f = s.first, f == " " || f == "\t" { s.removeFirst() }
        while let l = s.last, l == " " || l == "\t" { s.removeLast() }
        return String(s)
    }
}

extension String {
    /// Removes backslash escapes from a quoted-string body.
    fileprivate func replacingEscapes() -> String {
        var out = ""
        var escaped = false
        for c in self {
            if escaped { out.append(c); escaped = false } else if c == "\\" { escaped = true } else { out.append(c) }
        }
        return out
    }
}
