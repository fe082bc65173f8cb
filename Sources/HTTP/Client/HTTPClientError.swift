/// Why an upstream request failed, typed so a gateway can answer 502, 503 or 504.
public enum HTTPClientError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Which wait ran out.
    public enum TimeoutStage: String, Sendable, Equatable {
        /// Establishing the TCP (and TLS) connection.
        case connect
        /// Sending the request and receiving the response head.
        case firstByte
        /// Waiting for the next piece of the response body.
        case body
        /// The whole exchange's budget.
        case total
        /// Waiting for a free pooled connection (the origin's connection limit is reached).
        case pool
    }

    /// The origin refused the connection (nothing listens there).
    case refused(origin: String)
    /// The origin reset or closed the connection before a complete response head.
    case reset(origin: String)
    /// The TLS handshake or certificate check failed.
    case tlsFailure(host: String, reason: String)
    /// A configured timeout passed.
    case timeout(stage: TimeoutStage, origin: String)
    /// The response is not valid HTTP/1.1 (the parser's reason).
    case malformedResponse(origin: String, reason: String)
    /// The connection ended before the response body was complete.
    case bodyCutShort(origin: String)
    /// The host name did not resolve.
    case unresolvable(host: String)
    /// The URL is not `http(s)://host[:port]/path`.
    case invalidURL(String)
    /// The request body producer failed or wrote a different length than declared.
    case requestBodyFailed(reason: String)
    /// The calling task was cancelled.
    case cancelled

    /// The status a gateway answers with: 504 for timeouts, 503 when the origin refuses
    /// connections, 502 for everything else the origin did wrong, 500 for local mistakes.
    public var gatewayStatus: HTTPStatus {
        switch self {
        case .timeout: return .gatewayTimeout
        case .refused: return .serviceUnavailable
        case .reset, .tlsFailure, .malformedResponse, .bodyCutShort, .unresolvable: return .badGateway
        case .invalidURL, .requestBodyFailed, .cancelled: return .internalServerError
        }
    }

    public var description: String {
        switch self {
        case .refused(let origin): return "\(origin): connection refused"
        case .reset(let origin): return "\(origin): connection reset before a complete response"
        case .tlsFailure(let host, let reason): return "\(host): TLS failure: \(reason)"
        case .timeout(let stage, let origin): return "\(origin): \(stage.rawValue) timeout"
        case .malformedResponse(let origin, let reason): return "\(origin): malformed response: \(reason)"
        case .bodyCutShort(let origin): return "\(origin): response body cut short"
        case .unresolvable(let host): return "\(host): host name does not resolve"
        case .invalidURL(let url): return "invalid URL: \(url)"
        case .requestBodyFailed(let reason): return "request body failed: \(reason)"
        case .cancelled: return "cancelled"
        }
    }
}
