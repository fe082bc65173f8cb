/// An RFC 6901 JSON Pointer: a path of reference tokens into a `JSONValue`.
public struct JSONPointer: Sendable, Hashable {
    /// The unescaped reference tokens, root first.
    public var tokens: [String]

    /// The root pointer (empty string).
    public static let root = JSONPointer(tokens: [])

    /// A pointer from unescaped tokens.
    public init(tokens: [String]) { self.tokens = tokens }

    /// Parses the string form (`""` or `/a/b~1c`); nil when it does not start with `/` or has a bad `~` escape.
    public init?(_ text: String) {
        if text.isEmpty { self.tokens = []; return }
        guard text.hasPrefix("/") else { return nil }
        var out: [String] = []
        for raw in text.dropFirst().split(separator: "/", omittingEmptySubsequences: false) {
            guard let token = JSONPointer.unescape(raw) else { return nil }
            out.append(token)
        }
        self.tokens = out
    }

    /// Parses the URI-fragment form (`#/a/b%20c`), percent-decoding first.
    public init?(uriFragment: String) {
        guard uriFragment.hasPrefix("#"),
              let decoded = JSONPointer.percentDecode(String(uriFragment.dropFirst())) else { return nil }
        self.init(decoded)
    }

    /// This pointer with one more token.
    public func appending(_ token: String) -> JSONPointer { JSONPointer(tokens: tokens + [token]) }
    /// This pointer with one more array index.
    public func appending(_ index: Int) -> JSONPointer { appending(String(index)) }

    /// The pointer one level up (root stays root).
    public var parent: JSONPointer { JSONPointer(tokens: Array(tokens.dropLast())) }

    /// The string form, with `~` as `~0` and `/` as `~1`.
    public var string: String {
        var s = ""
        for t in tokens { s += "/" + JSONPointer.escape(t) }
        return s
    }

    /// The URI-fragment form: `#` plus the string form, percent-encoding bytes outside RFC 3986 fragment chars.
    public var uriFragment: String {
        var out = "#"
        for b in string.utf8 {
            if JSONPointer.isFragmentSafe(b) { out.unicodeScalars.append(Unicode.Scalar(b)) }
            else { out += "%" + String(b, radix: 16, uppercase: true).leftPadded(2) }
        }
        return out
    }

    /// Escapes one token (`~` → `~0`, `/` → `~1`).
    public static func escape(_ token: String) -> String {
        guard token.utf8.contains(where: { $0 == UInt8(ascii: "~") || $0 == UInt8(ascii: "/") }) else { return token }
        return token.replacingAll("~", with: "~0").replacingAll("/", with: "~1")
    }

    /// Unescapes one token; nil for `~` not followed by `0` or `1`.
    public static func unescape<S: StringProtocol>(_ token: S) -> String? {
        guard token.contains("~") else { return String(token) }
        var out = ""
        var it = token.makeIterator()
        while let c = it.next() {
            if c == "~" {
                switch it.next() {
                case "0": out.append("~")
                case "1": out.append("/")
                default: return nil
                }
            } else {
                out.append(c)
            }
        }
        return out
    }

    /// Resolves the pointer against `value`; nil when a token does not match.
    public func resolve(in value: JSONValue) -> JSONValue? {
        var current = value
        for token in tokens {
            switch current {
            case .object(let o):
                guard let next = o[token] else { return nil }
                current = next
            case .array(let a):
                guard let i = JSONPointer.arrayIndex(token), i < a.count else { return nil }
                current = a[i]
            default:
                return nil
            }
        }
        return current
    }

    /// An RFC 6901 array index: `0` or digits without a leading zero.
    static func arrayIndex(_ token: String) -> Int? {
        let u = Array(token.utf8)
        guard !u.isEmpty, u.count < 19, u.allSatisfy({ $0 &- 48 < 10 }) else { return nil }
        if u.count > 1, u[0] == UInt8(ascii: "0") { return nil }
        return Int(token)
    }

    static func isFragmentSafe(_ b: UInt8) -> Bool {
        switch b {
        case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"),
             UInt8(ascii: "0")...UInt8(ascii: "9"):
            return true
        default:
            return Array("-._~!$&'()*+,;=:@/?".utf8).contains(b)
        }
    }

    static func percentDecode(_ s: String) -> String? {
        var bytes: [UInt8] = []
        var u = s.utf8.makeIterator()
        while let b = u.next() {
            if b == UInt8(ascii: "%") {
                guard let h = u.next(), let l = u.next(),
                      let v = UInt8(String(decoding: [h, l], as: UTF8.self), radix: 16) else { return nil }
                bytes.append(v)
            } else {
                bytes.append(b)
            }
        }
        return String(validating: bytes, as: UTF8.self)
    }
}

extension JSONPointer: CustomStringConvertible {
    public var description: String { string }
}

extension String {
    fileprivate func leftPadded(_ width: Int) -> String {
        count >= width ? self : String(repeating: "0", count: width - count) + self
    }

    fileprivate func replacingAll(_ target: Character, with replacement: String) -> String {
        var out = ""
        for c in self { if c == target { out += replacement } else { out.append(c) } }
        return out
    }
}
