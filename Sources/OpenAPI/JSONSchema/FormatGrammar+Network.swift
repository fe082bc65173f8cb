extension FormatGrammar {
    static func alpha(_ b: UInt8) -> Bool { (b | 0x20) &- 97 < 26 }
    static func hex(_ b: UInt8) -> Bool { digit(b) || (b | 0x20) &- 97 < 6 }

    /// Dotted-quad IPv4 without leading zeros.
    static func isIPv4(_ s: ArraySlice<UInt8>) -> Bool {
        let parts = s.split(separator: UInt8(ascii: "."), omittingEmptySubsequences: false)
        guard parts.count == 4 else { return false }
        for p in parts {
            guard (1...3).contains(p.count), p.allSatisfy(digit) else { return false }
            if p.count > 1 && p.first == UInt8(ascii: "0") { return false }
            guard let v = Int(String(decoding: p, as: UTF8.self)), v <= 255 else { return false }
        }
        return true
    }

    /// RFC 4291 text form (with `::` compression and an optional trailing IPv4), no zone id.
    static func isIPv6(_ s: ArraySlice<UInt8>) -> Bool {
        guard !s.isEmpty else { return false }
        var groups = 0
        var sawDouble = false
        let text = Array(s)
        var parts = text.split(separator: UInt8(ascii: ":"), omittingEmptySubsequences: false).map { Array($0) }
        if text.starts(with: Array("::".utf8)) { parts.removeFirst() } else if text.first == UInt8(ascii: ":") { return false }
        if text.count >= 2 && text.suffix(2) == [58, 58] { parts.removeLast() } else if text.last == UInt8(ascii: ":") { return false }
        for (k, p) in parts.enumerated() {
            if p.isEmpty {
                guard !sawDouble else { return false }
                sawDouble = true
                continue
            }
            if k == parts.count - 1, p.contains(UInt8(ascii: ".")) {
                guard isIPv4(p[...]) else { return false }
                groups += 2
                continue
            }
            guard p.count <= 4, p.allSatisfy(hex) else { return false }
            groups += 1
        }
        return sawDouble ? groups < 8 : groups == 8
    }

    /// RFC 1123 host name syntax: dot-separated labels of letters, digits and inner hyphens, ≤ 253 octets
    /// (A-label contents are checked by `isIDNHostname`).
    static func isHostname<C: Collection>(_ s: C) -> Bool where C.Element == UInt8 {
        guard !s.isEmpty, s.count <= 253 else { return false }
        var length = 0
        var previous: UInt8 = UInt8(ascii: ".")
        for b in s {
            if b == UInt8(ascii: ".") {
                guard length > 0, previous != UInt8(ascii: "-") else { return false }
                length = 0
            } else {
                guard alpha(b) || digit(b) || b == UInt8(ascii: "-") else { return false }
                if length == 0 && b == UInt8(ascii: "-") { return false }
                length += 1
                if length > 63 { return false }
            }
            previous = b
        }
        return length > 0 && previous != UInt8(ascii: "-")
    }

    /// Fast path of `isEmail` on the UTF-8 bytes: the verdict for a plain ASCII `dot-atom@host`,
    /// nil for every other form (non-ASCII, quoted local part, address literal, no `@`).
    private static func plainEmail(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool? {
        guard bytes.allSatisfy({ $0 < 0x80 }), let at = bytes.lastIndex(of: UInt8(ascii: "@")),
              at > 0, bytes[0] != UInt8(ascii: "\""), bytes[(at + 1)...].first != UInt8(ascii: "[") else { return nil }
        return isDotAtom(bytes[..<at]) && isHostname(bytes[(at + 1)...])
    }

    /// An ASCII RFC 5322 dot-atom.
    private static func isDotAtom(_ s: Slice<UnsafeBufferPointer<UInt8>>) -> Bool {
        var previousDot = true
        for b in s {
            if b == UInt8(ascii: ".") {
                if previousDot { return false }
                previousDot = true
            } else {
                guard alpha(b) || digit(b) || atextSymbols[Int(b)] else { return false }
                previousDot = false
            }
        }
        return !previousDot
    }

    /// ASCII symbols allowed in an RFC 5322 atom, indexed by byte.
    private static let atextSymbols: [Bool] = (0..<128).map { "!#$%&'*+-/=?^_`{|}~".utf8.contains(UInt8($0)) }

    /// RFC 5321 mailbox: dot-atom or quoted local part; host name or address literal domain.
    static func isEmail(_ s: String, international: Bool) -> Bool {
        var text = s
        if let plain = text.withUTF8(plainEmail) { return plain }
        guard let at = s.lastIndex(of: "@") else { return false }
        let local = s[..<at], domain = s[s.index(after: at)...]
        guard !local.isEmpty, !domain.isEmpty else { return false }
        if local.hasPrefix("\"") {
            guard local.count >= 2, local.hasSuffix("\"") else { return false }
            if local.dropFirst().dropLast().unicodeScalars.contains(where: { $0 == "\"" || $0 == "\\" || $0.value < 0x20 }) { return false }
        } else {
            // Dot-atom: atext runs separated by single dots (RFC 5322 §3.2.3), checked on UTF-8 bytes.
            var previousDot = true
            for b in local.utf8 {
                if b == UInt8(ascii: ".") {
                    if previousDot { return false }
                    previousDot = true
                    continue
                }
                previousDot = false
                if b >= 0x80 { if international { continue } else { return false } }
                guard alpha(b) || digit(b) || atextSymbols[Int(b)] else { return false }
            }
            if previousDot { return false }
        }
        if domain.hasPrefix("[") {
            guard domain.hasSuffix("]") else { return false }
            let inner = domain.dropFirst().dropLast()
            if inner.hasPrefix("IPv6:") { return isIPv6(Array(inner.dropFirst(5).utf8)[...]) }
            return isIPv4(Array(inner.utf8)[...])
        }
        if international {
            return domain.split(separator: ".", omittingEmptySubsequences: false).allSatisfy { label in
                !label.isEmpty && label.unicodeScalars.allSatisfy {
                    $0.value >= 0x80 ? !$0.properties.isWhitespace && $0 != "＠" : ($0.properties.isAlphabetic || ("0"..."9").contains($0) || $0 == "-")
                }
            }
        }
        return isHostname(Array(domain.utf8))
    }

    /// RFC 3986 URI (scheme required) or URI-reference; IRIs also allow non-ASCII characters.
    static func isURI(_ s: String, requireScheme: Bool, international: Bool) -> Bool {
        let bytes = Array(s.utf8)
        let allowed = Set("-._~!$&'()*+,;=:@/?#[]%".utf8)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == UInt8(ascii: "%") {
                guard i + 2 < bytes.count, hex(bytes[i + 1]), hex(bytes[i + 2]) else { return false }
                i += 3
                continue
            }
            if b >= 0x80 {
                guard international else { return false }
            } else if !(alpha(b) || digit(b) || allowed.contains(b)) {
                return false
            }
            i += 1
        }
        if international, s.unicodeScalars.contains(where: { $0.properties.isWhitespace || ($0.value >= 0x7F && $0.value < 0xA0) }) { return false }
        let parts = SchemaURI(s)
        if parts.scheme == nil {
            if requireScheme { return false }
            // A relative reference's first segment must not contain ':'.
            if let first = parts.path.split(separator: "/", omittingEmptySubsequences: false).first,
               first.contains(":") { return false }
        } else if let c = s.firstIndex(of: ":"), s[..<c].isEmpty {
            return false
        }
        if let fragment = parts.fragment, fragment.contains("#") { return false }
        if (parts.path + (parts.query ?? "") + (parts.fragment ?? "")).contains(where: { $0 == "[" || $0 == "]" }) { return false }
        if let authority = parts.authority { return isAuthority(authority) }
        return true
    }

    /// `userinfo@host:port` with an IP-literal, IPv4 or reg-name host and a numeric port.
    private static func isAuthority(_ authority: String) -> Bool {
        var hostPort = Substring(authority)
        if let at = hostPort.firstIndex(of: "@") {
            if hostPort[..<at].contains("[") || hostPort[..<at].contains("]") { return false }
            if hostPort[hostPort.index(after: at)...].contains("@") { return false }
            hostPort = hostPort[hostPort.index(after: at)...]
        }
        if hostPort.hasPrefix("[") {
            guard let close = hostPort.firstIndex(of: "]") else { return false }
            let literal = hostPort[hostPort.index(after: hostPort.startIndex)..<close]
            let rest = hostPort[hostPort.index(after: close)...]
            if !(literal.hasPrefix("v") || literal.hasPrefix("V")) && !isIPv6(Array(literal.utf8)[...]) { return false }
            return rest.isEmpty || (rest.hasPrefix(":") && rest.dropFirst().allSatisfy { $0.isASCII && $0.isNumber })
        }
        if hostPort.contains("[") || hostPort.contains("]") { return false }
        if let colon = hostPort.lastIndex(of: ":") {
            let port = hostPort[hostPort.index(after: colon)...]
            if !port.allSatisfy({ $0.isASCII && $0.isNumber }) { return false }
            hostPort = hostPort[..<colon]
            if hostPort.contains(":") { return false }
        }
        return true
    }

    /// RFC 6570 URI template: balanced expressions with valid operators, names and modifiers.
    static func isURITemplate(_ s: String) -> Bool {
        var chars = Substring(s)
        while let open = chars.firstIndex(where: { $0 == "{" || $0 == "}" }) {
            if chars[open] == "}" { return false }
            guard let close = chars[open...].firstIndex(of: "}") else { return false }
            var expr = chars[chars.index(after: open)..<close]
            if let op = expr.first, "+#./;?&".contains(op) { expr = expr.dropFirst() }
            for spec in expr.split(separator: ",", omittingEmptySubsequences: false) {
                var name = spec
                if name.hasSuffix("*") { name = name.dropLast() } else if let colon = name.firstIndex(of: ":") {
                    let length = name[name.index(after: colon)...]
                    guard !length.isEmpty, length.count <= 4, length.first != "0", length.allSatisfy({ $0.isASCII && $0.isNumber }),
                          let n = Int(length), n < 10000 else { return false }
                    name = name[..<colon]
                }
                guard !name.isEmpty, !name.hasPrefix("."), !name.hasSuffix("."), !name.contains("..") else { return false }
                var i = name.utf8.startIndex
                let u = name.utf8
                while i < u.endIndex {
                    let b = u[i]
                    if b == UInt8(ascii: "%") {
                        let a = u.index(after: i)
                        guard a < u.endIndex, u.index(after: a) < u.endIndex, hex(u[a]), hex(u[u.index(after: a)]) else { return false }
                        i = u.index(i, offsetBy: 3)
                        continue
                    }
                    guard alpha(b) || digit(b) || b == UInt8(ascii: "_") || b == UInt8(ascii: ".") else { return false }
                    i = u.index(after: i)
                }
            }
            chars = chars[chars.index(after: close)...]
        }
        return !s.unicodeScalars.contains { $0 == " " || $0.value < 0x20 || $0.value == 0x7F || $0 == "\"" || $0 == "<" || $0 == ">" || $0 == "\\" || $0 == "^" || $0 == "`" || $0 == "|" }
    }

    /// 8-4-4-4-12 hexadecimal UUID.
    static func isUUID(_ s: UnsafeBufferPointer<UInt8>) -> Bool {
        guard s.count == 36 else { return false }
        for (i, b) in s.enumerated() {
            if i == 8 || i == 13 || i == 18 || i == 23 { if b != UInt8(ascii: "-") { return false } } else if !hex(b) { return false }
        }
        return true
    }

    /// RFC 6901 pointer: empty or `/`-prefixed tokens with only `~0`/`~1` escapes.
    static func isJSONPointer(_ s: ArraySlice<UInt8>) -> Bool {
        if s.isEmpty { return true }
        guard s.first == UInt8(ascii: "/") else { return false }
        var i = s.startIndex
        while i < s.endIndex {
            if s[i] == UInt8(ascii: "~") {
                guard i + 1 < s.endIndex, s[i + 1] == UInt8(ascii: "0") || s[i + 1] == UInt8(ascii: "1") else { return false }
                i += 1
            }
            i += 1
        }
        return true
    }

    /// Relative JSON pointer: a non-negative integer, then `#` or a JSON pointer.
    static func isRelativeJSONPointer(_ s: [UInt8]) -> Bool {
        var i = 0
        while i < s.count, digit(s[i]) { i += 1 }
        guard i > 0, !(i > 1 && s[0] == UInt8(ascii: "0")) else { return false }
        if i == s.count { return true }
        if s[i] == UInt8(ascii: "#") { return i + 1 == s.count }
        return isJSONPointer(s[i...])
    }

    /// RFC 4648 base64 with padding.
    static func isBase64(_ s: [UInt8]) -> Bool {
        guard s.count % 4 == 0 else { return false }
        var padding = 0
        for (i, b) in s.enumerated() {
            if b == UInt8(ascii: "=") {
                guard i >= s.count - 2 else { return false }
                padding += 1
            } else {
                guard padding == 0, alpha(b) || digit(b) || b == UInt8(ascii: "+") || b == UInt8(ascii: "/") else { return false }
            }
        }
        return true
    }

    /// ECMA-262 forbids identity escapes of ASCII letters that have no meaning (`\a`).
    static func hasNonECMAEscape(_ s: String) -> Bool {
        var escaped = false
        for c in s {
            if escaped {
                if c == "a" { return true }
                escaped = false
            } else if c == "\\" {
                escaped = true
            }
        }
        return false
    }
}
