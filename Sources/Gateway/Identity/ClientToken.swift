import HTTP

/// The callers' bearer tokens: `gw_` + 32 random bytes (OpenSSL `RAND_bytes`) in base64url without
/// padding. Only the SHA-256 of the token text is stored (`clients[].tokenSHA256`).
public enum ClientToken {
    /// Every token starts with this.
    public static let prefix = "gw_"
    /// Random bytes per token.
    public static let randomByteCount = 32
    /// Characters after the prefix (32 bytes in unpadded base64url).
    public static let encodedLength = 43

    /// A new token and its SHA-256 hash (hex); nil only when the random generator failed.
    public static func create() -> (token: String, sha256Hex: String)? {
        guard let bytes = Crypto.randomBytes(count: randomByteCount) else { return nil }
        let token = prefix + Crypto.base64url(bytes)
        return (token, Crypto.hex(hash(token)))
    }

    /// SHA-256 of the token's UTF-8 text.
    public static func hash(_ token: String) -> [UInt8] { Crypto.sha256(Array(token.utf8)) }

    /// True when `token` has the shape of a gateway token (prefix + 43 base64url characters).
    public static func isWellFormed(_ token: String) -> Bool {
        let utf8 = Array(token.utf8)
        guard utf8.count == prefix.utf8.count + encodedLength, token.hasPrefix(prefix) else { return false }
        return utf8.dropFirst(prefix.utf8.count).allSatisfy { b in
            (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A) || b == 0x2D || b == 0x5F
        }
    }
}
