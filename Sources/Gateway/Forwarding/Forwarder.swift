import HTTP

/// Pipeline steps 7 and 8: gets the upstream's credentials, sends the request over the pooled
/// client, and retries once with fresh credentials when the upstream answers 401 to a cached token.
public struct Forwarder: Sendable {
    /// Largest upstream 401 body read before retrying (a larger one closes that connection).
    static let maxDiscardBytes = 64 << 10

    /// Where an upstream 429 pauses the upstream and buys this caller one retry.
    public let rateLimit: any RateLimitStep

    /// Creates the step.
    public init(rateLimit: any RateLimitStep = UnlimitedRateLimitStep()) { self.rateLimit = rateLimit }

    /// Forwards `head` with the buffered `body` to `routed.upstream`; returns the upstream's response
    /// (body not yet read). A 401 to a cached token refreshes it and retries once; a 429 pauses the
    /// upstream and retries once when the rate limit allows. Throws 502/503/504 problems for
    /// credential and transport failures (refunding the rate budget when nothing was sent).
    public func forward(_ head: HTTPRequestHead, body: [UInt8], routed: RoutedRequest, requestId: String,
                        remoteAddress: String, ticket: RateLimitTicket) async throws(Problem) -> HTTPClientResponse {
        let upstream = routed.upstream
        let credential = upstream.credential
        var ticket = ticket
        var retried = false
        var retriedAfter429 = false
        while true {
            let grant: CredentialGrant
            do {
                grant = try await credential.grant()
            } catch {
                rateLimit.notSent(ticket)
                throw error.problem
            }
            let headers = ForwardHeaders.upstreamRequest(from: head.headers, requestId: requestId,
                                                         remoteAddress: remoteAddress, host: head.headers["Host"],
                                                         strategyHeaders: credential.headerNames, grant: grant)
            let target = Self.target(base: upstream.configuration.baseURL.path, path: routed.upstreamPath,
                                     query: head.query, extra: grant.queryItems)
            let request = HTTPClientRequest(method: head.method, origin: upstream.origin, target: target,
                                            headers: headers, body: body.isEmpty ? .empty : .bytes(body))
            let response: HTTPClientResponse
            do {
                response = try await upstream.client.execute(request)
            } catch {
                if case .refused = error { rateLimit.notSent(ticket) }
                throw Self.problem(for: error, upstream: upstream.name)
            }
            if response.status.code == 401, !retried, await credential.rejected(grant) {
                retried = true
                _ = try? await response.body.collect(upTo: Self.maxDiscardBytes)
                continue
            }
            if response.status.code == 429, !retriedAfter429 {
                retriedAfter429 = true
                var buffered = response
                let bytes = (try? await response.body.collect(upTo: Self.maxDiscardBytes)) ?? []
                buffered.body = .chunks(bytes.isEmpty ? [] : [bytes])
                if let next = await rateLimit.upstreamRejected(ticket, retryAfter: response.head.headers["Retry-After"], body: bytes) {
                    ticket = next
                    continue
                }
                return buffered
            }
            return response
        }
    }

    /// `base + path [? query [& extra]]`, with `extra` percent-encoded.
    static func target(base: String, path: String, query: Substring?, extra: [(String, String)]) -> String {
        var target = base + path
        var parts: [String] = []
        if let query, !query.isEmpty { parts.append(String(query)) }
        for (name, value) in extra { parts.append(percentEncode(name) + "=" + percentEncode(value)) }
        if !parts.isEmpty { target += "?" + parts.joined(separator: "&") }
        return target
    }

    /// Percent-encodes everything but RFC 3986 unreserved characters.
    static func percentEncode(_ text: String) -> String {
        let hex = Array("0123456789ABCDEF".utf8)
        var out: [UInt8] = []
        for b in text.utf8 {
            let unreserved = (b >= 0x30 && b <= 0x39) || (b >= 0x41 && b <= 0x5A) || (b >= 0x61 && b <= 0x7A)
                || b == 0x2D || b == 0x2E || b == 0x5F || b == 0x7E
            if unreserved { out.append(b) } else { out += [0x25, hex[Int(b >> 4)], hex[Int(b & 15)]] }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// Connect failures → 502, timeouts → 504, no free connection (overload) → 503.
    static func problem(for error: HTTPClientError, upstream: String) -> Problem {
        switch error {
        case .timeout(.pool, _):
            return Problem(status: 503, slug: "upstream-overloaded", title: "Service Unavailable",
                           detail: "'\(upstream)' has no free connection (too many requests in flight)",
                           headers: [("Retry-After", "1")])
        case .timeout(let stage, _):
            return Problem(status: 504, slug: "upstream-timeout", title: "Gateway Timeout",
                           detail: "'\(upstream)' did not answer in time (\(stage.rawValue) timeout)")
        case .refused, .unresolvable, .tlsFailure:
            return Problem(status: 502, slug: "upstream-unreachable", title: "Bad Gateway",
                           detail: "'\(upstream)' could not be reached: \(error)")
        default:
            return Problem(status: 502, slug: "upstream-failure", title: "Bad Gateway",
                           detail: "'\(upstream)' failed: \(error)")
        }
    }
}
