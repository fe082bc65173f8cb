import Document
import HTTP

/// Sends a login or key-exchange request and reads its JSON answer; every failure becomes a
/// `CredentialFailure` that names the stage and a status or transport error, never the body.
struct CredentialRequest: Sendable {
    let client: HTTPClient
    let origin: HTTPOrigin
    let upstream: String
    let stage: String

    /// Largest login/exchange answer read.
    static let maxResponseBytes = 64 << 10

    /// Sends `method target` with `headers` and a JSON `body`; returns the parsed 2xx answer.
    func send(_ method: HTTPMethod, target: String, headers: [(String, String)], body: JSONValue?) async throws(CredentialFailure) -> JSONValue {
        var fields = HTTPHeaders()
        fields.add(name: "Accept", value: "application/json")
        if body != nil { fields.add(name: "Content-Type", value: "application/json") }
        for (name, value) in headers { fields.add(name: name, value: value) }
        let request = HTTPClientRequest(method: method, origin: origin, target: target, headers: fields,
                                        body: body.map { .bytes(JSONWriter.write($0)) } ?? .empty)
        let response: HTTPClientResponse
        do {
            response = try await client.execute(request)
        } catch {
            throw failure(error.description)
        }
        let bytes: [UInt8]
        do {
            bytes = try await response.body.collect(upTo: Self.maxResponseBytes)
        } catch {
            throw failure("the answer could not be read")
        }
        guard (200..<300).contains(response.status.code) else {
            throw failure("the upstream answered \(response.status.code)")
        }
        if bytes.isEmpty { return .null }
        do {
            return try JSONReader.parse(bytes)
        } catch {
            throw failure("the answer is not JSON")
        }
    }

    /// A failure of this stage.
    func failure(_ reason: String) -> CredentialFailure {
        CredentialFailure(upstream: upstream, stage: stage, reason: reason)
    }
}
