import Document
import Foundation

/// The audit line of one request.
public struct AuditRecord: Sendable {
    /// What the pipeline learned.
    public var context: RequestContext
    /// The status the caller got.
    public var status: Int
    /// Response body bytes sent to the caller.
    public var bytesOut: Int
    /// Total time from the head's arrival to the last response byte.
    public var duration: Duration

    /// Creates a record.
    public init(context: RequestContext, status: Int, bytesOut: Int, duration: Duration) {
        self.context = context
        self.status = status
        self.bytesOut = bytesOut
        self.duration = duration
    }

    /// The JSON object written (keys in a fixed order; absent facts are `null`).
    public var json: JSONValue {
        let c = context
        func optional(_ s: String?) -> JSONValue { s.map { .string($0) } ?? .null }
        func optional(_ n: Int?) -> JSONValue { n.map { .number(JSONNumber($0)) } ?? .null }
        return .object([
            "time": .string(Self.timestamp(c.receivedAt)),
            "requestId": .string(c.requestId),
            "client": optional(c.client),
            "upstream": optional(c.upstream),
            "operationId": optional(c.operationId),
            "method": .string(c.method),
            "path": .string(c.path),
            "upstreamStatus": optional(c.upstreamStatus),
            "status": .number(JSONNumber(status)),
            "durationMs": .number(JSONNumber(Self.milliseconds(duration))),
            "upstreamMs": optional(c.upstreamDuration.map(Self.milliseconds)),
            "bytesIn": .number(JSONNumber(c.bytesIn)),
            "bytesOut": .number(JSONNumber(bytesOut)),
            "rejection": optional(c.rejection),
            "remoteAddress": .string(c.remoteAddress),
        ])
    }

    /// Whole milliseconds, rounded up so sub-millisecond requests show 1 rather than 0.
    static func milliseconds(_ d: Duration) -> Int {
        let (seconds, attoseconds) = d.components
        return Int(seconds) * 1000 + Int((attoseconds + 999_999_999_999_999) / 1_000_000_000_000_000)
    }

    /// RFC 3339 UTC with milliseconds.
    static func timestamp(_ secondsSince1970: Double) -> String {
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withInternetDateTime, .withFractionalSeconds]
        return formatter.string(from: Date(timeIntervalSince1970: secondsSince1970))
    }
}
