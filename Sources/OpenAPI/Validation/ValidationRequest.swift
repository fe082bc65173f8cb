/// The parts of an HTTP request the validator looks at, as they came off the wire.
public struct ValidationRequest: Sendable {
    /// The request method.
    public var method: HTTPMethod
    /// The raw path (percent-encoded, without the query string).
    public var path: String
    /// The raw query string after `?` (nil when there was no `?`).
    public var query: String?
    /// Header fields in arrival order; names compare case-insensitively.
    public var headers: [(name: String, value: String)]
    /// The body bytes (empty when there is none).
    public var body: [UInt8]

    public init(method: HTTPMethod, path: String, query: String? = nil,
                headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        self.method = method
        self.path = path
        self.query = query
        self.headers = headers
        self.body = body
    }

    /// Splits a request target (`/a/b?x=1`) into path and query.
    public init(method: HTTPMethod, target: String, headers: [(name: String, value: String)] = [], body: [UInt8] = []) {
        if let q = target.firstIndex(of: "?") {
            self.init(method: method, path: String(target[..<q]), query: String(target[target.index(after: q)...]),
                      headers: headers, body: body)
        } else {
            self.init(method: method, path: target, headers: headers, body: body)
        }
    }

    /// Every value of a header (case-insensitive name), in order.
    public func headerValues(_ name: String) -> [String] {
        var out: [String] = []
        for h in headers where ValidationRequest.equalIgnoringASCIICase(h.name, name) { out.append(h.value) }
        return out
    }

    /// ASCII case-insensitive comparison without allocating (header names are ASCII tokens).
    static func equalIgnoringASCIICase(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        for (x, y) in zip(a.utf8, b.utf8) where x != y {
            let lx = x &- 65 < 26 ? x | 0x20 : x
            let ly = y &- 65 < 26 ? y | 0x20 : y
            if lx != ly { return false }
        }
        return true
    }

    /// The `Content-Type` header (the first one), when present.
    public var contentType: String? {
        headers.first { ValidationRequest.equalIgnoringASCIICase($0.name, "content-type") }?.value
    }
}
