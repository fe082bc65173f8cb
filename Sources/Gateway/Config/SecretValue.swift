/// A resolved secret (API key, password, token). Printing, interpolating, dumping or mirroring it
/// shows `<redacted>`; only `reveal()` gives the value, for the one strategy that sends it upstream.
public struct SecretValue: Sendable {
    private let value: String
    /// Where the value came from (`${OWLOPS_API_KEY}` or `file:secrets/x`): safe to print.
    public let source: String

    /// Wraps a resolved value together with its (printable) reference.
    public init(_ value: String, source: String) {
        self.value = value
        self.source = source
    }

    /// The secret itself. Call only where it is sent to its upstream; never log the result.
    public func reveal() -> String { value }

    /// Compares two secrets in time independent of where they first differ.
    public func isEqual(to other: SecretValue) -> Bool {
        let a = Array(value.utf8), b = Array(other.value.utf8)
        var diff = UInt8(a.count == b.count ? 0 : 1)
        for i in 0..<min(a.count, b.count) { diff |= a[i] ^ b[i] }
        return diff == 0
    }
}

extension SecretValue: CustomStringConvertible, CustomDebugStringConvertible, CustomReflectable {
    /// Always `<redacted>`.
    public var description: String { "<redacted>" }
    /// Always `<redacted>`.
    public var debugDescription: String { "<redacted>" }
    /// A mirror without children, so `dump` and `String(reflecting:)` cannot reach the value.
    public var customMirror: Mirror { Mirror(self, children: [], displayStyle: .struct) }
}
