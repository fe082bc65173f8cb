/// An HTTP method as OpenAPI names operations (`get`, `put`, …), compared case-insensitively.
public struct HTTPMethod: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// Upper-case method name (`GET`).
    public let name: String

    /// A method from any casing (`get`, `GET`).
    public init(_ name: String) { self.name = name.uppercased() }

    /// The eight operation keys a Path Item may have, in the order the specification lists them.
    public static let operationKeys = ["get", "put", "post", "delete", "options", "head", "patch", "trace"]

    /// The methods OpenAPI names, as constants.
    public static let get = HTTPMethod("GET")
    public static let put = HTTPMethod("PUT")
    public static let post = HTTPMethod("POST")
    public static let delete = HTTPMethod("DELETE")
    public static let options = HTTPMethod("OPTIONS")
    public static let head = HTTPMethod("HEAD")
    public static let patch = HTTPMethod("PATCH")
    public static let trace = HTTPMethod("TRACE")

    /// The lower-case key used in a Path Item (`get`).
    public var key: String { name.lowercased() }

    public var description: String { name }

    /// Orders methods as the specification lists them, unknown methods last by name.
    public static func < (a: HTTPMethod, b: HTTPMethod) -> Bool {
        let ia = operationKeys.firstIndex(of: a.key) ?? operationKeys.count
        let ib = operationKeys.firstIndex(of: b.key) ?? operationKeys.count
        return ia != ib ? ia < ib : a.name < b.name
    }
}
