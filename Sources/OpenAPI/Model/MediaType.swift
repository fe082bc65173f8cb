import Document

/// One entry of a `content` map: the media type key, its schema and per-property encodings.
public struct MediaType: Sendable, Hashable {
    /// The key as written (`application/json`, `application/*`, `text/plain; charset=utf-8`).
    public var key: String
    /// The parsed key.
    public var range: MediaRange
    /// The schema, when one is given.
    public var schema: SchemaLocation?
    /// `encoding` entries by property name (form and multipart bodies).
    public var encoding: [String: Encoding]

    public init(key: String, schema: SchemaLocation?, encoding: [String: Encoding] = [:]) {
        self.key = key
        self.range = MediaRange(key) ?? MediaRange(type: "*", subtype: "*", parameters: [:])
        self.schema = schema
        self.encoding = encoding
    }
}

/// An Encoding Object: how one property of a form or multipart body is serialized.
public struct Encoding: Sendable, Hashable {
    /// The property's content type (`application/json`, `image/png, image/jpeg`).
    public var contentType: String?
    /// Form bodies: the serialization style (default `form`).
    public var style: ParameterStyle?
    /// Form bodies: explode (default true for `form`).
    public var explode: Bool?

    public init(contentType: String? = nil, style: ParameterStyle? = nil, explode: Bool? = nil) {
        self.contentType = contentType
        self.style = style
        self.explode = explode
    }
}

/// A resolved Request Body Object.
public struct RequestBody: Sendable, Hashable {
    /// Whether a body must be sent.
    public var required: Bool
    /// Accepted media types in document order.
    public var content: [MediaType]

    public init(required: Bool, content: [MediaType]) {
        self.required = required
        self.content = content
    }
}
