import Foundation
import Document

/// An OWOX Data Marts API key, decoded: `owox_key_` + base64url(JSON `{apiOrigin, apiKeyId, apiKeySecret}`).
///
/// Decoded at load so a key whose `apiOrigin` is not the configured upstream is refused before any
/// credential is sent anywhere.
public struct OWOXAPIKey: Sendable {
    /// Where the key must be exchanged (`https://app.owox.com`).
    public var apiOrigin: UpstreamURL
    /// Sent as `X-OWOX-Api-Key-Id`; an identifier, not a secret.
    public var apiKeyId: String
    /// Exchanged for access tokens.
    public var apiKeySecret: SecretValue

    /// The prefix every key starts with.
    public static let prefix = "owox_key_"

    /// Decodes a key; the failure message describes the expected shape and never repeats the key.
    public static func decode(_ key: SecretValue) -> Result<OWOXAPIKey, UnitTextProblem> {
        let shape: UnitTextProblem = "is not an OWOX API key (expected 'owox_key_' + base64url JSON with apiOrigin, apiKeyId, apiKeySecret)"
        let text = key.reveal()
        guard text.hasPrefix(prefix) else { return .failure(shape) }
        var base64 = String(text.dropFirst(prefix.count)).map { $0 == "-" ? "+" : $0 == "_" ? "/" : $0 }
        while base64.count % 4 != 0 { base64.append("=") }
        guard let data = Data(base64Encoded: String(base64)),
              let json = try? JSONReader.parse([UInt8](data)),
              let origin = json["apiOrigin"]?.stringValue,
              let id = json["apiKeyId"]?.stringValue, !id.isEmpty,
              let secret = json["apiKeySecret"]?.stringValue, !secret.isEmpty
        else { return .failure(shape) }
        guard case .success(let url) = UpstreamURL.parse(origin) else {
            return .failure("has an apiOrigin that is not an http(s) origin")
        }
        guard !ConfigurationReader.hasControlCharacters(id), !ConfigurationReader.hasControlCharacters(secret) else {
            return .failure("contains control characters")
        }
        return .success(OWOXAPIKey(apiOrigin: url, apiKeyId: id,
                                   apiKeySecret: SecretValue(secret, source: key.source + " (apiKeySecret)")))
    }
}
