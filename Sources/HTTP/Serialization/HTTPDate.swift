/// HTTP-date (RFC 9110 §5.6.7) ↔ Unix seconds, without Foundation: `format` writes IMF-fixdate
/// (the `Date` header); `parse` reads any of the three forms (`Retry-After`, `Date` of an upstream).
///
/// `parse` accepts the three forms a recipient must accept: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
/// obsolete RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
/// Names are matched case-sensitively as the grammar says; the day name must be a valid one but is
/// not cross-checked against the date (it is redundant). Seconds may be 60 (leap second).
public enum HTTPDate {
    static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    /// Day names in `Date` order (day 0 of the Unix epoch is index 4, a Thursday).
    static let weekdays = ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]

    /// `Sun, 06 Nov 1994 08:49:37 GMT` for a Unix time (IMF-fixdate, always GMT).
    public static func format(unixSeconds: Int) -> String {
        let days = CivilCalendar.days(unixSeconds: unixSeconds)
        let secondsOfDay = unixSeconds - days * 86_400
        let weekday = ((days % 7) + 11) % 7 // 1970-01-01 was a Thursday (index 4 with Sunday = 0)
        let (year, month, day) = CivilCalendar.date(days: days)
        func two(_ n: Int) -> String { n < 10 ? "0\(n)" : "\(n)" }
        let year4 = year < 1000 ? String(repeating: "0", count: 4 - String(year).count) + String(year) : String(year)
        return "\(weekdays[weekday]), \(two(day)) \(months[month - 1]) \(year4) \(two(secondsOfDay / 3600)):\(two(secondsOfDay % 3600 / 60)):\(two(secondsOfDay % 60)) GMT"
    }

    /// Seconds since 1970-01-01T00:00:00Z, or nil when `text` is none of the three forms.
    /// `now` (Unix seconds) resolves RFC 850's two-digit year: a year more than 50 years ahead
    /// of `now` means the most recent past year with those digits.
    public static func parse(_ text: String, now: Int64) -> Int64? {
        var s = ByteScanner(Array(text.utf8))
        return imfFixdate(&s) ?? rfc850(&s, now: now) ?? asctime(&s)
    }

    /// `day-name "," SP date1 SP time-of-day SP GMT`, date1 = `2DIGIT SP month SP 4DIGIT`.
    static func imfFixdate(_ s: inout ByteScanner) -> Int64? {
        s.position = 0
        guard s.word(in: shortDays) != nil, s.literal(", "),
              let day = s.digits(2), s.literal(" "), let month = s.word(in: months), s.literal(" "),
              let year = s.digits(4), s.literal(" "), let time = timeOfDay(&s), s.literal(" GMT"), s.atEnd
        else { return nil }
        return timestamp(year: year, month: month + 1, day: day, time: time)
    }

    /// `day-name-l "," SP date2 SP time-of-day SP GMT`, date2 = `2DIGIT "-" month "-" 2DIGIT`.
    static func rfc850(_ s: inout ByteScanner, now: Int64) -> Int64? {
        s.position = 0
        guard s.word(in: longDays) != nil, s.literal(", "),
              let day = s.digits(2), s.literal("-"), let month = s.word(in: months), s.literal("-"),
              let yy = s.digits(2), s.literal(" "), let time = timeOfDay(&s), s.literal(" GMT"), s.atEnd
        else { return nil }
        let nowYear = Int64(CivilCalendar.date(days: CivilCalendar.days(unixSeconds: Int(now))).year)
        var year = nowYear - nowYear % 100 + Int64(yy)
        if year > nowYear + 50 { year -= 100 }
        return timestamp(year: Int(year), month: month + 1, day: day, time: time)
    }

    /// `day-name SP date3 SP time-of-day SP year`, date3 = `month SP (2DIGIT / (SP DIGIT))`.
    static func asctime(_ s: inout ByteScanner) -> Int64? {
        s.position = 0
        guard s.word(in: shortDays) != nil, s.literal(" "), let month = s.word(in: months), s.literal(" ")
        else { return nil }
        let day: Int
        if s.literal(" ") {
            guard let d = s.digits(1) else { return nil }
            day = d
        } else {
            guard let d = s.digits(2) else { return nil }
            day = d
        }
        guard s.literal(" "), let time = timeOfDay(&s), s.literal(" "), let year = s.digits(4), s.atEnd
        else { return nil }
        return timestamp(year: year, month: month + 1, day: day, time: time)
    }

    /// `hour ":" minute ":" second` as seconds of the day (00:00:00–23:59:60).
    static func timeOfDay(_ s: inout ByteScanner) -> Int? {
        guard let h = s.digits(2), s.literal(":"), let m = s.digits(2), s.literal(":"), let sec = s.digits(2),
              h < 24, m < 60, sec <= 60
        else { return nil }
        return h * 3600 + m * 60 + sec
    }

    /// Unix seconds of a validated civil date and time of day.
    static func timestamp(year: Int, month: Int, day: Int, time: Int) -> Int64? {
        guard day >= 1, day <= CivilCalendar.daysIn(month: month, year: year) else { return nil }
        return Int64(CivilCalendar.days(year: year, month: month, day: day)) * 86_400 + Int64(time)
    }
}
