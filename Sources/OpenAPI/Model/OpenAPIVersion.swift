/// The OpenAPI major.minor line a document is written in; the two differ in schema dialect and `$ref` rules.
public enum OpenAPIVersion: Sendable, Hashable, CustomStringConvertible {
    /// 3.0.x: schemas are the OpenAPI 3.0 dialect; `$ref` siblings are ignored everywhere.
    case v3_0
    /// 3.1.x: schemas are JSON Schema 2020-12; `$ref` siblings apply in schemas, and a Reference
    /// Object may override only `summary` and `description`.
    case v3_1

    /// Parses the `openapi` field (`3.0.3`, `3.1.0`); nil for anything else.
    public init?(field: String) {
        let parts = field.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 3, parts.allSatisfy({ !$0.isEmpty && $0.allSatisfy(\.isNumber) }),
              parts[0] == "3" else { return nil }
        switch parts[1] {
        case "0": self = .v3_0
        case "1": self = .v3_1
        default: return nil
        }
    }

    public var description: String { self == .v3_0 ? "3.0" : "3.1" }
}
