/// HTTP-date (RFC 9110 §5.6.7) → Unix seconds, on bytes, without Foundation.
///
/// Accepts the three forms a recipient must accept: IMF-fixdate `Sun, 06 Nov 1994 08:49:37 GMT`,
/// obsolete RFC 850 `Sunday, 06-Nov-94 08:49:37 GMT` and asctime `Sun Nov  6 08:49:37 1994`.
/// Names are matched case-sensitively as the grammar says; the day name must be a valid one but is
/// not cross-checked against the date (it is redundant). Seconds may be 60 (leap second).
public enum HTTPDate {
    static let shortDays = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"]
    static let longDays = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
    static let months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]

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
        let nowYear = civilYear(unixSeconds: now)
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
        guard day >= 1, day <= daysIn(month: month, year: year) else { return nil }
        return daysFromCivil(year: Int64(year), month: Int64(month), day: Int64(day)) * 86_400 + Int64(time)
    }

    /// Days in `month` (1–12) of `year` (Gregorian).
    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Days from 1970-01-01 to a proleptic Gregorian date (H. Hinnant's `days_from_civil`).
    static func daysFromCivil(year: Int64, month: Int64, day: Int64) -> Int64 {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let doy = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    /// The Gregorian year of a Unix time.
    static func civilYear(unixSeconds: Int64) -> Int64 {
        let z = (unixSeconds >= 0 ? unixSeconds / 86_400 : (unixSeconds - 86_399) / 86_400) + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let month = mp < 10 ? mp + 3 : mp - 9
        return yoe + era * 400 + (month <= 2 ? 1 : 0)
    }
}
