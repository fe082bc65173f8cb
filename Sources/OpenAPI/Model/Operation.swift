import Document

/// One operation of a document: a method on a path template, with everything needed to validate a request.
public struct Operation: Sendable, Hashable {
    /// The HTTP method.
    public var method: HTTPMethod
    /// The path template as written under `paths` (`/data-marts/{dataMartId}.ndjson`).
    public var path: String
    /// The operationId, when given.
    public var operationId: String?
    /// Path-level and operation-level parameters merged; the operation's win on equal (name, in).
    public var parameters: [Parameter]
    /// The request body, when the operation takes one.
    public var requestBody: RequestBody?
    /// The resolved Responses Object as written (status code → Response Object).
    public var responses: JSONValue
    /// Security requirements: the operation's, else the document's; empty array means public.
    public var security: [[String: [String]]]
    /// Tags in document order.
    public var tags: [String]
    /// Marked deprecated.
    public var deprecated: Bool
    /// Where the Operation Object is (file URI and pointer).
    public var source: SchemaLocation

    public init(method: HTTPMethod, path: String, operationId: String? = nil, parameters: [Parameter] = [],
                requestBody: RequestBody? = nil, responses: JSONValue = .object(JSONObject()),
                security: [[String: [String]]] = [], tags: [String] = [], deprecated: Bool = false,
                source: SchemaLocation) {
        self.method = method
        self.path = path
        self.operationId = operationId
        self.parameters = parameters
        self.requestBody = requestBody
        self.responses = responses
        self.security = security
        self.tags = tags
        self.deprecated = deprecated
        self.source = source
    }

    /// A short name for messages: the operationId, else `METHOD path`.
    public var displayName: String { operationId ?? "\(method) \(path)" }
}
