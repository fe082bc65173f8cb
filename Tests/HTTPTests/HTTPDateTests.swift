import Foundation
import Testing
@testable import HTTP

/// `HTTPDate` (RFC 9110 §5.6.7): IMF-fixdate formatting and parsing of all three HTTP-date forms,
/// and the `CivilCalendar` arithmetic under both.
@Suite struct HTTPDateTests {
    /// 2026-11-23T09:00:00Z, the "now" that resolves RFC 850 two-digit years here.
    static let now: Int64 = 1_795_424_400
    /// 1994-11-06T08:49:37Z, the RFC's example instant.
    static let rfcExample: Int64 = 784_111_777

    @Test func formatsIMFFixdate() {
        #expect(HTTPDate.format(unixSeconds: 784_111_777) == "Sun, 06 Nov 1994 08:49:37 GMT")
        #expect(HTTPDate.format(unixSeconds: 0) == "Thu, 01 Jan 1970 00:00:00 GMT")
        #expect(HTTPDate.format(unixSeconds: 951_782_400) == "Tue, 29 Feb 2000 00:00:00 GMT")
        #expect(HTTPDate.format(unixSeconds: 4_102_444_799) == "Thu, 31 Dec 2099 23:59:59 GMT")
    }

    @Test(arguments: [
        "Sun, 06 Nov 1994 08:49:37 GMT",      // IMF-fixdate
        "Sunday, 06-Nov-94 08:49:37 GMT",     // obsolete RFC 850
        "Sun Nov  6 08:49:37 1994",           // obsolete asctime, space-padded day
        "Sun Nov 06 08:49:37 1994",           // asctime with a two-digit day
    ])
    func parsesAllThreeForms(text: String) {
        #expect(HTTPDate.parse(text, now: Self.now) == Self.rfcExample)
    }

    @Test func parseReadsWhatFormatWrites() {
        // One instant a little over every 97 days from 1900 to 2100: leap days, centuries, pre-1970.
        var t = -2_208_988_800
        while t < 4_102_444_800 {
            let text = HTTPDate.format(unixSeconds: t)
            #expect(HTTPDate.parse(text, now: Self.now) == Int64(t), "\(text)")
            t += 8_400_001
        }
    }

    @Test func rfc850TwoDigitYearsMoreThan50YearsAheadMeanThePast() {
        // now is 2026: "76" → 2076 (50 years ahead, kept); "77" → 2077 is > 50 ahead → 1977.
        let y2076 = HTTPDate.parse("Monday, 01-Jan-76 00:00:00 GMT", now: Self.now)
        let y1977 = HTTPDate.parse("Monday, 01-Jan-77 00:00:00 GMT", now: Self.now)
        #expect(y2076 == Int64(CivilCalendar.days(year: 2076, month: 1, day: 1)) * 86_400)
        #expect(y1977 == Int64(CivilCalendar.days(year: 1977, month: 1, day: 1)) * 86_400)
        #expect(HTTPDate.parse("Thursday, 31-Dec-99 23:59:59 GMT", now: Self.now) == 946_684_799)
    }

    @Test func acceptsLeapDaysAndTheLeapSecond() {
        #expect(HTTPDate.parse("Thu, 29 Feb 2024 12:00:00 GMT", now: Self.now) == 1_709_208_000)
        #expect(HTTPDate.parse("Sat, 31 Dec 2016 23:59:60 GMT", now: Self.now) == 1_483_228_800)
    }

    @Test func civilCalendarAgreesWithFoundation() {
        var c = Calendar(identifier: .gregorian)
        c.timeZone = TimeZone(identifier: "UTC") ?? .current
        for (y, m, d) in [(1970, 1, 1), (1969, 12, 31), (2000, 2, 29), (1900, 3, 1), (2026, 11, 23), (2100, 12, 31)] {
            let date = c.date(from: DateComponents(year: y, month: m, day: d))
            let days = CivilCalendar.days(year: y, month: m, day: d)
            #expect(date.map { Int($0.timeIntervalSince1970) } == days * 86_400)
            #expect(CivilCalendar.date(days: days) == (y, m, d))
            #expect(CivilCalendar.days(unixSeconds: days * 86_400 + 86_399) == days)
        }
        #expect(CivilCalendar.days(unixSeconds: -1) == -1)
        #expect(CivilCalendar.daysIn(month: 2, year: 2000) == 29)
        #expect(CivilCalendar.daysIn(month: 2, year: 1900) == 28)
        #expect(CivilCalendar.daysIn(month: 2, year: 2024) == 29)
        #expect(CivilCalendar.daysIn(month: 4, year: 2023) == 30)
    }
}
