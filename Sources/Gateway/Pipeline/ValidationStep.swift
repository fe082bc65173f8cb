import HTTP
import OpenAPI

/// Pipeline step 5: reads the request body (bounded) and validates the whole request against its
/// operation; every violation goes into the 400/413/415 problem, and nothing is forwarded.
public struct ValidationStep: Sendable {
    /// Largest request body accepted (413 beyond).
    public let maxBodyBytes: Int

    /// Creates the step.
    public init(maxBodyBytes: Int) { self.maxBodyBytes = maxBodyBytes }

    /// Reads the body; 413 when it exceeds the limit, 400 when it is cut short or times out.
    public func readBody(_ request: HTTPServerRequest) async throws(Problem) -> [UInt8] {
        do {
            return try await request.body.collect(upTo: maxBodyBytes)
        } catch HTTPBodyError.tooLarge {
            throw Problem(status: 413, slug: "content-too-large", title: "Content Too Large",
                          detail: "the request body is larger than \(maxBodyBytes) bytes")
        } catch {
            throw Problem(status: 400, slug: "invalid-request", title: "Invalid Request",
                          detail: "the request body could not be read: \(error)")
        }
    }

    /// Validates against `routed.upstream`'s document; throws the problem listing every violation.
    public func validate(_ head: HTTPRequestHead, routed: RoutedRequest, body: [UInt8]) throws(Problem) {
        let query = head.query.map(String.init)
        let headers = head.headers.map { (name: $0.name, value: $0.value) }
        let request = ValidationRequest(method: OpenAPI.HTTPMethod(head.method.rawValue), path: routed.upstreamPath,
                                        query: query, headers: headers, body: body)
        let result = routed.upstream.validator.validate(request)
        guard let status = result.status else { return }
        let items = result.violations.map {
            Problem.Item(location: $0.location.rawValue, name: $0.name, pointer: $0.pointer.string, message: $0.message)
        }
        let (slug, title): (String, String) = switch status {
        case 413: ("content-too-large", "Content Too Large")
        case 415: ("unsupported-media-type", "Unsupported Media Type")
        case 404: ("not-found", "Not Found")
        case 405: ("method-not-allowed", "Method Not Allowed")
        default: ("invalid-request", "Invalid Request")
        }
        let count = items.count
        throw Problem(status: status, slug: slug, title: title,
                      detail: "the request does not match \(routed.upstream.name) \(routed.operation.displayName): "
                          + "\(count) violation\(count == 1 ? "" : "s")",
                      errors: items)
    }
}
