import Document
import HTTP

/// An error the gateway answers itself, as `application/problem+json` (RFC 9457): type, title,
/// status, detail, instance (the request id), and for validation every violation in `errors`.
public struct Problem: Error, Sendable {
    /// One entry of `errors`: where in the request, which parameter, where inside it, what is wrong.
    public struct Item: Sendable, Hashable {
        /// `path`, `query`, `header`, `cookie`, `body` or `request`.
        public var location: String
        /// The parameter or property name, when there is one.
        public var name: String?
        /// JSON Pointer into the parameter's or body's value.
        public var pointer: String
        /// A sentence for a person.
        public var message: String

        /// Creates an item.
        public init(location: String, name: String? = nil, pointer: String = "", message: String) {
            self.location = location
            self.name = name
            self.pointer = pointer
            self.message = message
        }
    }

    /// The status code.
    public var status: Int
    /// The short slug that names the problem type (`invalid-request`, `unauthorized`, …).
    public var slug: String
    /// A short summary that does not change between occurrences.
    public var title: String
    /// What happened this time (never a secret).
    public var detail: String
    /// Every violation, for validation problems.
    public var errors: [Item]
    /// Extra response headers (`WWW-Authenticate`, `Allow`, `Retry-After`).
    public var headers: [(String, String)]
    /// Why the request was refused, for the audit log (`unauthorized`, `validation`, …).
    public var reason: String { slug }

    /// Creates a problem.
    public init(status: Int, slug: String, title: String, detail: String, errors: [Item] = [],
                headers: [(String, String)] = []) {
        self.status = status
        self.slug = slug
        self.title = title
        self.detail = detail
        self.errors = errors
        self.headers = headers
    }

    /// The problem type URI.
    public var type: String { "https://gateway.invalid/problems/\(slug)" }

    /// The JSON body.
    public func body(instance: String) -> JSONValue {
        var object: JSONObject = [
            "type": .string(type), "title": .string(title), "status": .number(JSONNumber(status)),
            "detail": .string(detail), "instance": .string(instance),
        ]
        if !errors.isEmpty {
            let items: [JSONValue] = errors.map { item in
                var o: JSONObject = ["in": .string(item.location)]
                if let name = item.name { _ = o.insertNew("name", .string(name)) }
                _ = o.insertNew("pointer", .string(item.pointer))
                _ = o.insertNew("message", .string(item.message))
                return .object(o)
            }
            _ = object.insertNew("errors", .array(items))
        }
        return .object(object)
    }

    /// The response: the JSON body with `Content-Type: application/problem+json` and `headers`.
    public func response(requestId: String) -> HTTPServerResponse {
        var fields = HTTPHeaders()
        fields.add(name: "Content-Type", value: "application/problem+json")
        fields.add(name: "X-Request-Id", value: requestId)
        for (name, value) in headers { fields.add(name: name, value: value) }
        return HTTPServerResponse(status: HTTPStatus(code: status), headers: fields,
                                  body: .bytes(JSONWriter.write(body(instance: requestId))))
    }
}

extension Problem {
    /// 404: nothing is mounted at or routed for this path.
    static func notFound(_ detail: String) -> Problem {
        Problem(status: 404, slug: "not-found", title: "Not Found", detail: detail)
    }

    /// 401 with `WWW-Authenticate: Bearer` (RFC 6750; `error="invalid_token"` when a token was sent).
    static func unauthorized(_ detail: String, tokenSent: Bool) -> Problem {
        let challenge = tokenSent ? #"Bearer realm="gateway", error="invalid_token""# : #"Bearer realm="gateway""#
        return Problem(status: 401, slug: "unauthorized", title: "Unauthorized", detail: detail,
                       headers: [("WWW-Authenticate", challenge)])
    }

    /// 403: a known caller that may not use this upstream or operation.
    static func forbidden(_ detail: String) -> Problem {
        Problem(status: 403, slug: "forbidden", title: "Forbidden", detail: detail)
    }
}
