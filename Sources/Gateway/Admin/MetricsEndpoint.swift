import HTTP

/// `GET /metrics` for Prometheus (`wantsText`): the rate limiters' counters (`RateLimitMetrics`) in
/// the text exposition format 0.0.4, one series per limiter labelled `scope` (`upstream`/`client`)
/// and `name`. Other callers get the JSON form (`RateLimitMetrics.json`).
///
/// Only configuration names, limit summaries and numbers are written: never a secret, a token or a
/// token hash (clients are named by their `gateway.yaml` name).
public struct MetricsEndpoint: Sendable {
    /// Where the counters come from (nil: no limiter is configured, the output has only comments).
    let limiters: RateLimiterSet?

    /// Metrics of `limiters`.
    public init(limiters: RateLimiterSet?) { self.limiters = limiters }

    /// Metrics of the pipeline's rate-limit step (none unless it runs `RateLimiterSet` limiters).
    public init(rateLimit: any RateLimitStep) {
        self.init(limiters: (rateLimit as? LimiterRateLimitStep)?.limiters)
    }

    /// `Content-Type` of the exposition format.
    public static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    /// One metric family: name, type, help, and how to read it from a limiter's counters.
    struct Family {
        let name: String
        let type: String
        let help: String
        let value: @Sendable (RateLimitMetrics) -> String
    }

    /// Every family written, in order.
    static let families: [Family] = [
        Family(name: "gateway_ratelimit_admitted_total", type: "counter",
               help: "Requests admitted by the limit (fast path, from the queue, and upstream-429 retries).") { String($0.admitted) },
        Family(name: "gateway_ratelimit_refunded_total", type: "counter",
               help: "Admissions given back because the request was not sent.") { String($0.refunded) },
        Family(name: "gateway_ratelimit_queued_total", type: "counter",
               help: "Callers that waited in the queue.") { String($0.queued) },
        Family(name: "gateway_ratelimit_rejected_total", type: "counter",
               help: "Requests refused with 429 (at once or after waiting).") { String($0.rejected) },
        Family(name: "gateway_ratelimit_cancelled_total", type: "counter",
               help: "Queued callers that went away.") { String($0.cancelled) },
        Family(name: "gateway_ratelimit_upstream_pauses_total", type: "counter",
               help: "Upstream 429 responses that paused the limit.") { String($0.upstreamPauses) },
        Family(name: "gateway_ratelimit_retries_total", type: "counter",
               help: "Callers that re-entered the queue after an upstream 429.") { String($0.retries) },
        Family(name: "gateway_ratelimit_queue_wait_seconds_total", type: "counter",
               help: "Sum of the queue waits of callers admitted from the queue.") { seconds($0.totalQueueWait) },
        Family(name: "gateway_ratelimit_queue_wait_seconds_max", type: "gauge",
               help: "Longest queue wait of a caller admitted from the queue.") { seconds($0.maxQueueWait) },
        Family(name: "gateway_ratelimit_queue_depth", type: "gauge",
               help: "Callers waiting right now.") { String($0.queueDepth) },
        Family(name: "gateway_ratelimit_pause_remaining_seconds", type: "gauge",
               help: "How long the upstream pause after a 429 still lasts.") { seconds($0.pauseRemaining) },
    ]

    /// The exposition text for `metrics` (upstreams, then clients).
    public static func render(_ metrics: [RateLimitMetrics]) -> String {
        var out = "# HELP gateway_ratelimit_limit_info The configured limit (summary label); always 1.\n"
        out += "# TYPE gateway_ratelimit_limit_info gauge\n"
        for m in metrics {
            out += "gateway_ratelimit_limit_info{\(labels(m)),limit=\"\(escape(m.summary))\"} 1\n"
        }
        for family in families {
            out += "# HELP \(family.name) \(family.help)\n# TYPE \(family.name) \(family.type)\n"
            for m in metrics { out += "\(family.name){\(labels(m))} \(family.value(m))\n" }
        }
        return out
    }

    /// The `/metrics` response (GET; HEAD gets the same head without the body from the server).
    public func respond() -> HTTPServerResponse {
        var headers = HTTPHeaders()
        headers.add(name: "Content-Type", value: Self.contentType)
        headers.add(name: "Cache-Control", value: "no-store")
        let text = Self.render(limiters?.metrics() ?? [])
        return HTTPServerResponse(status: .ok, headers: headers, body: .bytes(Array(text.utf8)))
    }

    /// True when the request asks for the text format: `Accept` names `text/plain` or
    /// `application/openmetrics-text` (as Prometheus scrapers send) and not `application/json`, or
    /// the query has `format=prometheus`. Otherwise `/metrics` answers JSON.
    public static func wantsText(_ head: HTTPRequestHead) -> Bool {
        if let query = head.target.split(separator: "?", maxSplits: 1).dropFirst().first,
           query.split(separator: "&").contains("format=prometheus") { return true }
        var text = false
        for value in head.headers.values(for: "Accept") {
            for item in value.split(separator: ",") {
                let type = item.split(separator: ";", maxSplits: 1).first.map { $0.filter { $0 != " " && $0 != "\t" }.lowercased() } ?? ""
                if type == "application/json" { return false }
                if type == "text/plain" || type == "application/openmetrics-text" { text = true }
            }
        }
        return text
    }

    /// `scope="upstream",name="owlops"`.
    static func labels(_ m: RateLimitMetrics) -> String {
        "scope=\"\(m.scope.kind.rawValue)\",name=\"\(escape(m.scope.name))\""
    }

    /// A label value with `\`, `"` and line feeds escaped (exposition format 0.0.4).
    static func escape(_ value: String) -> String {
        var out = ""
        for c in value {
            switch c {
            case "\\": out += "\\\\"
            case "\"": out += "\\\""
            case "\n": out += "\\n"
            default: out.append(c)
            }
        }
        return out
    }

    /// Nanoseconds as decimal seconds, exact (`1.5`, `0.000000001`, `0`).
    static func seconds(_ ns: Int64) -> String {
        let whole = ns / 1_000_000_000
        var fraction = ns % 1_000_000_000
        if fraction == 0 { return String(whole) }
        var digits = 9
        while fraction % 10 == 0 { fraction /= 10; digits -= 1 }
        let text = String(fraction)
        return "\(whole)." + String(repeating: "0", count: digits - text.count) + text
    }
}
