import Document

extension RateLimitMetrics {
    /// The counters as one JSON object for `/metrics` (durations in milliseconds).
    public var json: JSONValue {
        func n(_ value: Int) -> JSONValue { .number(JSONNumber(value)) }
        func ms(_ nanoseconds: Int64) -> JSONValue { .number(JSONNumber(Int(nanoseconds / 1_000_000))) }
        return .object([
            "scope": .string(scope.kind.rawValue), "name": .string(scope.name), "limit": .string(summary),
            "admitted": n(admitted), "queued": n(queued), "rejected": n(rejected), "refunded": n(refunded),
            "cancelled": n(cancelled), "upstreamPauses": n(upstreamPauses), "retries": n(retries),
            "queueWaitTotalMs": ms(totalQueueWait), "queueWaitMaxMs": ms(maxQueueWait),
            "queueDepth": n(queueDepth), "pauseRemainingMs": ms(pauseRemaining),
        ])
    }
}
