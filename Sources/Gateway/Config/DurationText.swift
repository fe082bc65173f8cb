/// Durations as written in `gateway.yaml`: integers with a unit, `500ms`, `30s`, `1m`, `2h`, or
/// compound `1m30s`. A bare number is an error (the unit is never guessed).
public enum DurationText {
    /// Units in the order a compound duration must use them, with their length in milliseconds.
    static let units: [(String, Int64)] = [("h", 3_600_000), ("m", 60_000), ("s", 1000), ("ms", 1)]

    /// Parses a duration; the failure is a message for the operator.
    public static func parse(_ text: String) -> Result<Duration, UnitTextProblem> {
        let bytes = Array(text.utf8)
        guard !bytes.isEmpty else { return .failure("empty duration; write e.g. '500ms', '30s' or '1m'") }
        if bytes.contains(UInt8(ascii: " ")) { return .failure(invalid(text)) }
        if bytes.allSatisfy({ $0 &- 48 < 10 }) {
            return .failure("'\(text)' has no unit; write e.g. '\(text)s' or '\(text)ms'")
        }
        var i = 0
        var total: Int64 = 0
        var lastUnit = -1
        while i < bytes.count {
            var n: Int64 = 0
            let start = i
            while i < bytes.count, bytes[i] &- 48 < 10 {
                guard n < 1_000_000_000 else { return .failure("'\(text)' is too large") }
                n = n * 10 + Int64(bytes[i] &- 48)
                i += 1
            }
            guard i > start else { return .failure(invalid(text)) }
            let unitStart = i
            while i < bytes.count, bytes[i] &- 48 >= 10 { i += 1 }
            let unit = String(decoding: bytes[unitStart..<i], as: UTF8.self)
            guard let u = units.firstIndex(where: { $0.0 == unit }) else {
                return .failure(unit.isEmpty ? invalid(text) : "'\(text)': unknown unit '\(unit)' (use ms, s, m or h)")
            }
            guard u > lastUnit else { return .failure("'\(text)': write larger units first, each once (e.g. '1m30s')") }
            lastUnit = u
            total += n * units[u].1
        }
        return .success(Duration.milliseconds(total))
    }

    static func invalid(_ text: String) -> UnitTextProblem { "'\(text)' is not a duration; write e.g. '500ms', '30s' or '1m'" }

    /// Formats a duration in the same notation (`1m30s`, `500ms`, `0s`).
    public static func format(_ d: Duration) -> String {
        let (seconds, attoseconds) = d.components
        var ms = seconds * 1000 + attoseconds / 1_000_000_000_000_000
        if ms == 0 { return "0s" }
        var out = ""
        for (unit, length) in units where ms >= length {
            out += "\(ms / length)\(unit)"
            ms %= length
        }
        return out
    }
}

/// Sizes as written in `gateway.yaml`: `512B`, `16KiB`, `10MiB`, `1GiB`, or a plain integer (bytes).
public enum ByteSizeText {
    static let units: [(String, Int)] = [("B", 1), ("KiB", 1 << 10), ("MiB", 1 << 20), ("GiB", 1 << 30)]

    /// Parses a size; the failure is a message for the operator.
    public static func parse(_ text: String) -> Result<Int, UnitTextProblem> {
        let digits = text.prefix { $0.isASCII && $0.isNumber }
        let unit = text.dropFirst(digits.count).trimmingSpaces()
        guard !digits.isEmpty, digits.count <= 12, let n = Int(digits) else {
            return .failure("'\(text)' is not a size; write e.g. '16KiB' or '10MiB'")
        }
        if unit.isEmpty { return .success(n) }
        guard let u = units.first(where: { $0.0 == unit }) else {
            let hint = Suggestion.closest(to: unit, in: ["KiB", "MiB", "GiB", "B"], maxDistance: 1).map { " (did you mean '\($0)'?)" } ?? ""
            return .failure("'\(text)': unknown unit '\(unit)'\(hint); use B, KiB, MiB or GiB")
        }
        return .success(n * u.1)
    }

    /// Formats a size with the largest exact unit (`16KiB`, `1000B`).
    public static func format(_ n: Int) -> String {
        for (unit, size) in units.reversed() where n >= size && n % size == 0 { return "\(n / size)\(unit)" }
        return "\(n)B"
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        String(drop { $0 == " " })
    }
}

/// Why a duration or size could not be read; `message` is shown to the operator.
public struct UnitTextProblem: Error, Sendable, Hashable, CustomStringConvertible, ExpressibleByStringInterpolation {
    /// What is wrong and how to write it instead.
    public var message: String
    public init(stringLiteral value: String) { message = value }
    public init(stringInterpolation: DefaultStringInterpolation) { message = String(stringInterpolation: stringInterpolation) }
    public var description: String { message }
}
