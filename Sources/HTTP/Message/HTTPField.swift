/// One header (or trailer) field line: a name in its original case and a value without surrounding whitespace.
public struct HTTPField: Hashable, Sendable {
    /// The field name as received or set (compared case-insensitively by `HTTPHeaders` lookups).
    public var name: String
    /// The field value, with leading and trailing spaces/tabs removed.
    public var value: String

    /// Creates a field line.
    public init(name: String, value: String) {
        self.name = name
        self.value = value
    }
}
