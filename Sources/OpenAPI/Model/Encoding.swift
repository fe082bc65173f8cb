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
