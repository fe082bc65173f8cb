import Document
import HTTP

/// A simulator's answer before faults are applied: status, headers and a body in memory or streamed.
struct SimResponse: Sendable {
    /// How the body is produced.
    enum Body: Sendable {
        case bytes([UInt8])
        /// Calls `emit` once per piece (each piece is sent as it is produced).
        case stream(@Sendable (_ emit: @Sendable ([UInt8]) async throws -> Void) async throws -> Void)
    }

    var status: Int
    var headers: [(String, String)]
    var body: Body

    init(status: Int, headers: [(String, String)] = [], body: Body = .bytes([])) {
        self.status = status
        self.headers = headers
        self.body = body
    }

    /// A JSON response (`application/json; charset=utf-8`).
    static func json(_ status: Int, _ value: JSONValue, headers: [(String, String)] = []) -> SimResponse {
        SimResponse(status: status, headers: [("Content-Type", "application/json; charset=utf-8")] + headers,
                    body: .bytes(JSONWriter.write(value)))
    }

    /// The first value of header `name`.
    func header(_ name: String) -> String? { headers.first { HTTPHeaders.namesEqual($0.0, name) }?.1 }
}

/// What a vendor simulator reports with its response, for the stats.
struct SimReply: Sendable {
    var response: SimResponse
    /// The raw credential the call used (fingerprinted before it is stored), when one was accepted.
    var credential: String?
    /// Why the call was refused (401, 403, 429, 400 …), for the rejected-calls list.
    var rejection: String?
    /// A login (UpKeep) or key exchange (OWOX) that succeeded.
    var event: SimEvent?

    init(_ response: SimResponse, credential: String? = nil, rejection: String? = nil, event: SimEvent? = nil) {
        self.response = response
        self.credential = credential
        self.rejection = rejection
        self.event = event
    }
}

/// Credential events counted in the stats.
enum SimEvent: Sendable { case login, logout, keyExchange }

/// Why a fault-injected stream stopped on purpose.
struct InjectedFault: Error {}
