import Glibc

/// Opt-in diagnostics for stalls (`GATEWAY_HTTP_STALL_REPORT=1`, read once): one stderr line when a
/// loop turn runs longer than 250 ms (the loop starved its other sockets) and when a socket wait
/// lasts over 2 s (a peer that went quiet, or a wake-up that never came). Lines carry fds, event
/// bits and durations only — never bytes of a message.
enum StallReport {
    /// Whether reporting is on for this process.
    static let enabled: Bool = getenv("GATEWAY_HTTP_STALL_REPORT").map { String(cString: $0) == "1" } ?? false
    /// A loop turn longer than this is reported (ns).
    static let slowTurn: UInt64 = 250_000_000
    /// A socket wait longer than this is reported (ns).
    static let longWait: UInt64 = 2_000_000_000

    /// Writes one line to stderr.
    static func log(_ line: String) {
        let text = "[http-stall] " + line + "\n"
        _ = text.withCString { Glibc.write(2, $0, strlen($0)) }
    }
}
