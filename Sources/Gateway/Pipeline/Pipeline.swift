import Foundation
import HTTP

/// The gateway's request pipeline: the steps of DESIGN.md's "One request, in order", each a small
/// type with one job, run top to bottom. Anything a step refuses becomes a problem+json answer;
/// every request, refused or forwarded, gets one audit line.
public struct Pipeline: Sendable {
    /// 2. `/openapi.json`, `/healthz`, `/readyz`.
    public let admin: AdminEndpoints
    /// 3. Mount prefix → upstream → operation.
    public let route: RouteStep
    /// 4. Bearer token → client; may it call this?
    public let identify: CallerIdentifier
    /// 5. Body and parameters against the operation.
    public let validate: ValidationStep
    /// 6. The caller's and the upstream's rate limits.
    public let rateLimit: any RateLimitStep
    /// 7–8. Upstream credentials and forwarding (sharing `rateLimit` for upstream 429 pauses).
    public let forward: Forwarder
    /// 9. One JSON line per request.
    public let audit: AuditLog

    /// Assembles the pipeline.
    public init(admin: AdminEndpoints, route: RouteStep, identify: CallerIdentifier, validate: ValidationStep,
                rateLimit: any RateLimitStep, audit: AuditLog) {
        self.admin = admin.with(prometheus: MetricsEndpoint(rateLimit: rateLimit))
        self.route = route
        self.identify = identify
        self.validate = validate
        self.rateLimit = rateLimit
        self.forward = Forwarder(rateLimit: rateLimit)
        self.audit = audit
    }

    /// Handles one request (the `HTTPServer` handler).
    public func handle(_ request: HTTPServerRequest) async -> HTTPServerResponse {
        let head = request.head
        var context = RequestContext(request: request, requestId: RequestIdentifier.id(for: head.headers),
                                     receivedAt: Date().timeIntervalSince1970)
        if admin.handles(head.path) {
            return finish(await admin.respond(to: head, requestId: context.requestId), context: context)
        }
        do throws(Problem) {
            let routed = try route.route(head)
            context.upstream = routed.upstream.name
            context.operationId = routed.operation.operationId
            let client = try identify.identify(head.headers)
            context.client = client.name
            try identify.authorize(client, upstream: routed.upstream.name, operationId: routed.operation.operationId)
            let body = try await validate.readBody(request)
            context.bytesIn = body.count
            try validate.validate(head, routed: routed, body: body)
            let ticket = try await rateLimit.admit(client: client.name, upstream: routed.upstream.name)
            let sent = ContinuousClock.now
            let response = try await forward.forward(head, body: body, routed: routed, requestId: context.requestId,
                                                     remoteAddress: request.remoteAddress, ticket: ticket)
            context.upstreamStatus = response.status.code
            return await relay(response, method: head.method, context: context, sent: sent)
        } catch {
            context.rejection = error.reason
            return finish(error.response(requestId: context.requestId), context: context)
        }
    }

    /// Audits an answer the gateway made itself and returns it.
    func finish(_ response: HTTPServerResponse, context: RequestContext) -> HTTPServerResponse {
        audit.record(AuditRecord(context: context, status: response.status.code, bytesOut: response.body.knownLength ?? 0,
                                 duration: .now - context.start))
        return response
    }

    /// Responses up to this size (declared by `Content-Length`) are read whole and sent with the
    /// head in one write; larger or unframed ones stream.
    static let bufferedResponseLimit = 64 << 10

    /// Streams the upstream's response back (headers as they are, minus hop-by-hop, plus `Via`)
    /// and writes the audit line when the last byte was handed on.
    func relay(_ upstream: HTTPClientResponse, method: HTTPMethod, context: RequestContext,
               sent: ContinuousClock.Instant) async -> HTTPServerResponse {
        let headers = ForwardHeaders.callerResponse(from: upstream.head.headers)
        let status = upstream.status
        let audit = self.audit
        if method == .HEAD || status.forbidsBody {
            var done = context
            done.upstreamDuration = .now - sent
            audit.record(AuditRecord(context: done, status: status.code, bytesOut: 0, duration: .now - context.start))
            return HTTPServerResponse(status: status, headers: headers, body: .empty)
        }
        let length = upstream.head.headers.values(for: "Content-Length").first.flatMap { Int($0) }
        if let length, length <= Self.bufferedResponseLimit {
            var done = context
            do {
                let bytes = try await upstream.body.collect(upTo: Self.bufferedResponseLimit)
                done.upstreamDuration = .now - sent
                audit.record(AuditRecord(context: done, status: status.code, bytesOut: bytes.count, duration: .now - context.start))
                return HTTPServerResponse(status: status, headers: headers, body: .bytes(bytes))
            } catch {
                let problem = Problem(status: 502, slug: "upstream-failure", title: "Bad Gateway",
                                      detail: "'\(context.upstream ?? "upstream")' sent an incomplete response body")
                done.rejection = problem.reason
                return finish(problem.response(requestId: context.requestId), context: done)
            }
        }
        let body = HTTPBody.stream(length: length) { writer in
            var sentBytes = 0
            var done = context
            defer {
                done.upstreamDuration = .now - sent
                audit.record(AuditRecord(context: done, status: status.code, bytesOut: sentBytes,
                                         duration: .now - context.start))
            }
            do {
                for try await chunk in upstream.body {
                    try await writer.write(chunk)
                    sentBytes += chunk.count
                }
            } catch {
                done.rejection = "response-interrupted"
                throw error
            }
        }
        return HTTPServerResponse(status: status, headers: headers, body: body)
    }
}
