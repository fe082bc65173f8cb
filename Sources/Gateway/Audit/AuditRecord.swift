import Document
import Glibc

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

    /// RFC 3339 UTC with milliseconds (`gmtime_r`; a formatter object per line cost ~tens of µs).
    static func timestamp(_ secondsSince1970: Double) -> String {
        let whole = secondsSince1970.rounded(.down)
        var seconds = time_t(whole)
        var millis = Int((secondsSince1970 - whole) * 1000)
        if millis > 999 { millis = 999 }
        var parts = tm()
        gmtime_r(&seconds, &parts)
        func pad(_ n: Int32, _ width: Int) -> String {
            let text = String(n)
            return String(repeating: "0", count: max(0, width - text.count)) + text
        }
        return "\(pad(parts.tm_year + 1900, 4))-\(pad(parts.tm_mon + 1, 2))-\(pad(parts.tm_mday, 2))T"
            + "\(pad(parts.tm_hour, 2)):\(pad(parts.tm_min, 2)):\(pad(parts.tm_sec, 2)).\(pad(Int32(millis), 3))Z"
    }
}
