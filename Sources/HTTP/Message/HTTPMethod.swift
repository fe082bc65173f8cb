/// An HTTP request method (RFC 9110 §9). Methods are case-sensitive tokens; the common ones are constants.
public struct HTTPMethod: Hashable, Sendable, CustomStringConvertible {
    /// The method token exactly as sent on the wire, e.g. `GET`.
    public let rawValue: String

    /// Wraps a method token. The caller is responsible for it being a valid token (the parser checks).
    public init(_ rawValue: String) { self.rawValue = rawValue }

    /// The method token.
    public var description: String { rawValue }

    /// GET (RFC 9110 §9.3.1).
    public static let GET = HTTPMethod("GET")
    /// HEAD (RFC 9110 §9.3.2); responses to it never carry a body.
    public static let HEAD = HTTPMethod("HEAD")
    /// POST (RFC 9110 §9.3.3).
    public static let POST = HTTPMethod("POST")
    /// PUT (RFC 9110 §9.3.4).
    public static let PUT = HTTPMethod("PUT")
    /// DELETE (RFC 9110 §9.3.5).
    public static let DELETE = HTTPMethod("DELETE")
    /// CONNECT (RFC 9110 §9.3.6); its request-target is authority-form.
    public static let CONNECT = HTTPMethod("CONNECT")
    /// OPTIONS (RFC 9110 §9.3.7); the only method allowed with target `*`.
    public static let OPTIONS = HTTPMethod("OPTIONS")
    /// TRACE (RFC 9110 §9.3.8).
    public static let TRACE = HTTPMethod("TRACE")
    /// PATCH (RFC 5789).
    public static let PATCH = HTTPMethod("PATCH")

    /// Whether the method is idempotent (RFC 9110 §9.2.2), which decides if a client may retry it.
    public var isIdempotent: Bool {
        switch rawValue {
        case "GET", "HEAD", "PUT", "DELETE", "OPTIONS", "TRACE": return true
        default: return false
        }
    }
}
