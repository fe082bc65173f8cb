import Document

/// One entry of a `content` map: the media type key, its schema and per-property encodings.
public struct MediaType: Sendable, Hashable {
    /// The key as written (`application/json`, `application/*`, `text/plain; charset=utf-8`).
    public var key: String
    /// The parsed key.
    public var range: MediaRange
    /// The schema, when one is given.
    public var schema: SchemaLocation?
    /// `encoding` entries by property name (form and multipart bodies), matched by code points like
    /// the schema's property names.
    public var encoding: [CodePointKey: Encoding]

    public init(key: String, schema: SchemaLocation?, encoding: [CodePointKey: Encoding] = [:]) {
        self.key = key
        self.range = MediaRange(key) ?? MediaRange(type: "*", subtype: "*", parameters: [:])
        self.schema = schema
        self.encoding = encoding
    }
}
