import Testing
import Foundation
@testable import Gateway

/// `Retry-After` values (RFC 9110 §10.2.3, §5.6.7) and the upstream pause hint.
@Suite struct RateLimitRetryAfterTests {
    /// 2026-11-23T09:00:00Z, the "now" of these tests.
    static let now: Int64 = 1_795_424_400
    /// 1994-11-06T08:49:37Z, the RFC's example instant.
    static let rfcExample: Int64 = 784_111_777

    @Test func nowIsWhatTheTestsSayItIs() {
        // Cross-check the constants with Foundation (tests only; the parser does not use it).
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? .current
        let d = c.date(from: DateComponents(year: 2026, month: 11, day: 23, hour: 9))
        #expect(d.map { Int64($0.timeIntervalSince1970) } == Self.now)
        let e = c.date(from: DateComponents(year: 1994, month: 11, day: 6, hour: 8, minute: 49, second: 37))
        #expect(e.map { Int64($0.timeIntervalSince1970) } == Self.rfcExample)
    }

    @Test(arguments: [("120", Int64(120)), ("0", 0), (" 5 ", 5), ("\t7", 7), ("0042", 42)])
    func parsesDelaySeconds(text: String, seconds: Int64) {
        #expect(RetryAfter.parse(text, now: Self.now) == .seconds(seconds))
    }

    @Test func hugeDelaySecondsSaturate() {
        #expect(RetryAfter.parse("99999999999999999999999999", now: Self.now) == .seconds(RetryAfter.maxSeconds))
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",      // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",     // obsolete RFC 850
        "Sun Nov  6 08:49:37 1994",           // obsolete asctime, space-padded day
        "Sun Nov 06 08:49:37 1994",           // asctime with a two-digit day
    ])
    func parsesAllThreeHTTPDateForms(text: String) {
        #expect(RetryAfter.parse(text, now: Self.now) == .date(Self.rfcExample))
    }

    @Test(arguments: [
        "", "   ", "-1", "1.5", "12s", "soon",
        "Sun, 06 Nov 1994 08:49:37 UTC",      // zone must be GMT
        "Sun, 6 Nov 1994 08:49:37 GMT",       // IMF day is two digits
        "sun, 06 nov 1994 08:49:37 GMT",      // names are case-sensitive
        "Sun, 06 Nov 1994 08:49 GMT",         // no seconds
        "Sun, 06 Nov 1994 24:00:00 GMT",      // hour 24
        "Sun, 06 Nov 1994 08:60:00 GMT",      // minute 60
        "Sun, 31 Nov 1994 08:49:37 GMT",      // 31 November
        "Tue, 29 Feb 2022 00:00:00 GMT",      // not a leap year
        "Sun, 06 Nov 1994 08:49:37 GMT x",    // trailing garbage
        "Sunday, 06-Nov-1994 08:49:37 GMT",   // RFC 850 with a four-digit year
        "Sun Nov  6 08:49:37 1994 GMT",       // asctime has no zone
        "Fun, 06 Nov 1994 08:49:37 GMT",      // no such day
    ])
    func rejectsGarbage(text: String) {
        #expect(RetryAfter.parse(text, now: Self.now) == nil)
    }

    @Test func delaysAreMeasuredFromTheWallClockAndNeverNegative() {
        let nowNs = Self.now * second + 250_000_000
        #expect(RetryAfter.seconds(3).delay(fromUnixNanoseconds: nowNs) == 3 * second)
        #expect(RetryAfter.date(Self.now + 10).delay(fromUnixNanoseconds: nowNs) == 9_750_000_000)
        #expect(RetryAfter.date(Self.rfcExample).delay(fromUnixNanoseconds: nowNs) == 0)
    }

    @Test func hintPrefersTheHeaderThenTheBodyThenTheFallback() {
        let wall = Self.now * second
        let header = UpstreamRetryHint.from(retryAfter: "7", body: Array(#"{"retryAfter": 3}"#.utf8),
                                            unixNanoseconds: wall, fallback: second)
        #expect(header == UpstreamRetryHint(delay: 7 * second, source: .retryAfterHeader))
        let body = UpstreamRetryHint.from(retryAfter: "garbage", body: Array(#"{"error": {"retry_after": 2.5}}"#.utf8),
                                          unixNanoseconds: wall, fallback: second)
        #expect(body == UpstreamRetryHint(delay: 2_500_000_000, source: .body))
        // OwlOps' documented 429 body carries no delay: the fallback applies.
        let owlops = UpstreamRetryHint.from(retryAfter: nil,
                                            body: Array(#"{"error": "Rate limit exceeded. Slow down and retry.", "statusCode": 429}"#.utf8),
                                            unixNanoseconds: wall, fallback: second)
        #expect(owlops == UpstreamRetryHint(delay: second, source: .fallback))
        let notJSON = UpstreamRetryHint.from(retryAfter: nil, body: Array("Too Many Requests".utf8), unixNanoseconds: wall, fallback: 2 * second)
        #expect(notJSON.source == .fallback)
        let capped = UpstreamRetryHint.from(retryAfter: "86400", body: nil, unixNanoseconds: wall, fallback: second)
        #expect(capped.delay == UpstreamRetryHint.defaultMaximum)
        let negative = UpstreamRetryHint.from(retryAfter: nil, body: Array(#"{"retryAfter": -5}"#.utf8), unixNanoseconds: wall, fallback: second)
        #expect(negative.source == .fallback)
        let tiny = UpstreamRetryHint.from(retryAfter: nil, body: Array(#"{"retryAfterSeconds": "1e-12"}"#.utf8), unixNanoseconds: wall, fallback: second)
        #expect(tiny == UpstreamRetryHint(delay: 1, source: .body))
    }
}
