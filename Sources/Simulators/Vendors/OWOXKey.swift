import Document
import Foundation

/// The copied OWOX API key value: `owox_key_` + base64url (no padding) of
/// `{"apiOrigin", "apiKeyId", "apiKeySecret"}`.
public enum OWOXKey {
    /// Makes a key value for an origin, key id and secret.
    public static func mint(apiOrigin: String, apiKeyId: String, apiKeySecret: String) -> String {
        let json = JSONWriter.write(.obj([("apiOrigin", .string(apiOrigin)), ("apiKeyId", .string(apiKeyId)),
                                          ("apiKeySecret", .string(apiKeySecret))]))
        return "owox_key_" + Base64URL.encode(json)
    }
}

/// base64url without padding (RFC 4648 §5).
enum Base64URL {
    static func encode(_ bytes: [UInt8]) -> String {
        Data(bytes).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_")
            .replacingOccurrences(of: "=", with: "")
    }

    /// Decodes padded or unpadded base64url; nil on any other character.
    static func decode(_ text: String) -> [UInt8]? {
        guard text.utf8.allSatisfy({ ($0 >= 65 && $0 <= 90) || ($0 >= 97 && $0 <= 122) || ($0 >= 48 && $0 <= 57) || $0 == 45 || $0 == 95 || $0 == 61 }) else { return nil }
        var s = text.replacingOccurrences(of: "-", with: "+").replacingOccurrences(of: "_", with: "/")
            .replacingOccurrences(of: "=", with: "")
        while s.count % 4 != 0 { s += "=" }
        return Data(base64Encoded: s).map { Array($0) }
    }
}
