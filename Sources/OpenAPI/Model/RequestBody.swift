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
