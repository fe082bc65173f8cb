import Document

/// An OWOX data mart or report whose rows are computed from (seed, id, row index) on demand, so a
/// pull of millions of rows never holds them in memory. Rows come in ascending `date` order.
struct OWOXDataMart: Sendable {
    let id: String
    let rowCount: Int
    let columns: [String]
    /// Extra columns `columns=**` adds (joined/blended fields).
    let joinedColumns: [String]
    let seed: UInt64

    static func catalog(seed: UInt64) -> (marts: [OWOXDataMart], reports: [OWOXDataMart]) {
        let web = ["date", "source", "medium", "sessions", "conversions"]
        return ([OWOXDataMart(id: "web-sessions-0001", rowCount: 5_000, columns: web, joinedColumns: ["channel_group"], seed: seed),
                 OWOXDataMart(id: "events-large-0001", rowCount: 2_000_000, columns: ["date", "event", "count", "user_id"],
                              joinedColumns: ["user_country"], seed: seed)],
                [OWOXDataMart(id: "weekly-report-0001", rowCount: 520, columns: web, joinedColumns: ["channel_group"], seed: seed)])
    }

    /// Row `i` with all columns (joined ones included).
    func row(_ i: Int) -> JSONObject {
        var rng = SeededGenerator.derived(seed: seed ^ UInt64(truncatingIfNeeded: i &* 0x9E37_79B9), label: id)
        let day = 1_735_689_600.0 + Double(i / max(1, rowCount / 730 + 1)) * 86_400  // spread over ~2 years
        var o = JSONObject([("date", .string(SimTime.date(day)))])
        for column in columns.dropFirst() + joinedColumns {
            switch column {
            case "source": o[column] = .string(rng.pick(["google", "bing", "newsletter", "direct", "partner"]))
            case "medium": o[column] = .string(rng.pick(["cpc", "organic", "email", "referral"]))
            case "sessions", "count": o[column] = .int(rng.int(1...500))
            case "conversions": o[column] = .int(rng.int(0...25))
            case "event": o[column] = .string(rng.pick(["page_view", "click", "purchase", "signup"]))
            case "user_id": o[column] = .string("u\(rng.int(1...99_999))")
            case "channel_group": o[column] = .string(rng.pick(["Paid", "Organic", "Owned"]))
            default: o[column] = .string(rng.pick(["US", "DE", "IN", "BR"]))
            }
        }
        return o
    }
}
