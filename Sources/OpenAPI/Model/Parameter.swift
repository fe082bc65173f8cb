import Document

/// Where a parameter is carried.
public enum ParameterLocation: String, Sendable, Hashable, CaseIterable {
    case path, query, header, cookie
}

/// How a parameter value is serialized (OpenAPI `style`).
public enum ParameterStyle: String, Sendable, Hashable {
    case matrix, label, simple, form, spaceDelimited, pipeDelimited, deepObject

    /// The default style for a location: `simple` for path and header, `form` for query and cookie.
    public static func defaultStyle(for location: ParameterLocation) -> ParameterStyle {
        switch location {
        case .path, .header: .simple
        case .query, .cookie: .form
        }
    }

    /// Whether this style may be used in `location` (the specification's style table).
    public func isAllowed(in location: ParameterLocation) -> Bool {
        switch self {
        case .matrix, .label: location == .path
        case .simple: location == .path || location == .header
        case .form: location == .query || location == .cookie
        case .spaceDelimited, .pipeDelimited, .deepObject: location == .query
        }
    }
}

/// A resolved Parameter Object.
public struct Parameter: Sendable, Hashable {
    /// The name, compared exactly (`includes[]` is a literal name).
    public var name: String
    /// Where it is carried.
    public var location: ParameterLocation
    /// True when the request must carry it (always true for path parameters).
    public var required: Bool
    /// Marked deprecated in the document.
    public var deprecated: Bool
    /// Query only: whether `name=` with an empty value is accepted.
    public var allowEmptyValue: Bool
    /// Serialization style (defaulted per location).
    public var style: ParameterStyle
    /// Whether arrays and objects are exploded (defaults to true only for `form`).
    public var explode: Bool
    /// Query only: reserved characters allowed unencoded.
    public var allowReserved: Bool
    /// The schema the (coerced) value must match, when the parameter uses `schema`.
    public var schema: SchemaLocation?
    /// The media type and schema, when the parameter uses `content` instead of `schema`.
    public var content: MediaType?
    /// Where the Parameter Object was declared (after following references).
    public var source: SchemaLocation

    public init(name: String, location: ParameterLocation, required: Bool = false, deprecated: Bool = false,
                allowEmptyValue: Bool = false, style: ParameterStyle? = nil, explode: Bool? = nil,
                allowReserved: Bool = false, schema: SchemaLocation? = nil, content: MediaType? = nil,
                source: SchemaLocation) {
        self.name = name
        self.location = location
        self.required = location == .path ? true : required
        self.deprecated = deprecated
        self.allowEmptyValue = allowEmptyValue
        let style = style ?? ParameterStyle.defaultStyle(for: location)
        self.style = style
        self.explode = explode ?? (style == .form)
        self.allowReserved = allowReserved
        self.schema = schema
        self.content = content
        self.source = source
    }

    /// The identity OpenAPI uses when merging path-level and operation-level parameters.
    public var key: ParameterKey { ParameterKey(name: name, location: location) }
}

/// A parameter's identity: name plus location. Header names compare ASCII case-insensitively (HTTP
/// field names), byte for byte otherwise; other names compare by code points, not by Swift's
/// canonical equivalence (`"caf\u{E9}"` and `"cafe\u{301}"` are two query parameters).
public struct ParameterKey: Sendable, Hashable {
    /// The literal name.
    public var name: String
    /// Where it is carried.
    public var location: ParameterLocation

    /// Same location and the same name under that location's rule.
    public static func == (a: ParameterKey, b: ParameterKey) -> Bool {
        guard a.location == b.location else { return false }
        if a.location == .header { return ValidationRequest.equalIgnoringASCIICase(a.name, b.name) }
        return a.name.codePointsEqual(b.name)
    }

    /// Consistent with `==`: header names hash their ASCII-lowercased bytes.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(location)
        if location == .header {
            for b in name.utf8 { hasher.combine(b &- 65 < 26 ? b | 0x20 : b) }
            hasher.combine(name.utf8.count)
        } else {
            name.hashCodePoints(into: &hasher)
        }
    }
}
