import Document

extension Violation {
    /// The entry of a problem+json `errors` array: `{"in", "name", "pointer", "schemaLocation", "message"}`
    /// (`name` and `schemaLocation` only when known).
    public var jsonValue: JSONValue {
        var o = JSONObject()
        o["in"] = .string(location.rawValue)
        if let name { o["name"] = .string(name) }
        o["pointer"] = .string(pointer.string)
        if let schemaLocation { o["schemaLocation"] = .string(schemaLocation) }
        o["message"] = .string(message)
        return .object(o)
    }
}

extension ValidationResult {
    /// A short title for the status (`Request validation failed`, `Unsupported Media Type`, …).
    public var title: String {
        switch status {
        case 404: "Not Found"
        case 405: "Method Not Allowed"
        case 413: "Content Too Large"
        case 415: "Unsupported Media Type"
        case nil: "OK"
        default: "Request validation failed"
        }
    }

    /// The violations as a problem+json `errors` array, in the order found.
    public var errorsJSON: JSONValue { .array(violations.map(\.jsonValue)) }
}
