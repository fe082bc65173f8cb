import HTTP

/// Picks the request id: the caller's `X-Request-Id` when it is a sane token, else a fresh random one.
public enum RequestIdentifier {
    /// Longest caller-supplied id that is kept.
    public static let maxLength = 128

    /// The id for a request with these headers.
    public static func id(for headers: HTTPHeaders) -> String {
        let values = headers.values(for: "X-Request-Id")
        if values.count == 1, let value = values.first, isValid(value) { return value }
        return generate()
    }

    /// True for 1–128 characters of `A–Z a–z 0–9 - _ . : /`.
    public static func isValid(_ value: String) -> Bool {
        guard !value.isEmpty, value.utf8.count <= maxLength else { return false }
        return value.utf8.allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x5F || b == 0x2E || b == 0x3A || b == 0x2F
        }
    }

    /// 16 random bytes as 32 hex digits (an id, not a secret: the system generator is enough).
    public static func generate() -> String {
        var generator = SystemRandomNumberGenerator()
        let (a, b) = (generator.next(), generator.next())
        return Crypto.hex((0..<8).map { UInt8(truncatingIfNeeded: a >> ($0 * 8)) } + (0..<8).map { UInt8(truncatingIfNeeded: b >> ($0 * 8)) })
    }
}
