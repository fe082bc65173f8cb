import Document
import Foundation

extension OWOXSimulator {
    /// One filter rule.
    struct Rule: Sendable { let column: String; let op: String; let value: JSONValue }

    /// Rows of a mart or report as NDJSON, streamed in pieces of about 16 KiB.
    func rows(_ mart: OWOXDataMart, _ request: SimRequest) -> SimResponse {
        /// A 400 in OWOX's error shape.
        func bad(_ message: String) -> SimResponse {
            .json(400, .obj([("statusCode", 400), ("message", .string(message)), ("code", "BAD_REQUEST"),
                             ("timestamp", .string(SimTime.iso(0)))]))
        }
        for name in ["offset", "pageToken"] where request.query(name) != nil { return bad("\(name) is not supported") }
        var limit = mart.rowCount
        if let text = request.query("limit") {
            guard let n = strictInt(text), n >= 1 else { return bad("limit must be an integer ≥ 1") }
            limit = n
        }
        let available = mart.columns + mart.joinedColumns
        var selected = mart.columns
        let single = request.queryAll("column")
        if let columns = request.query("columns") {
            if columns == "**" && !single.isEmpty { return bad("columns=** cannot be combined with column") }
            if columns == "**" { selected = available } else if columns != "*" {
                selected = columns.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
            }
        }
        if !single.isEmpty {
            var seen = Set<String>()
            selected = (request.query("columns") == nil ? [] : selected) + single
            selected = selected.filter { seen.insert($0).inserted }
        }
        if let unknown = selected.first(where: { !available.contains($0) }) { return bad("Unknown column: \(unknown)") }
        var rules: [Rule] = []
        if let text = request.query("filter") {
            guard let items = decode(text)?.arrayValue else { return bad("filter must be base64url-encoded JSON") }
            for item in items {
                guard let column = item["column"]?.stringValue, let op = item["operator"]?.stringValue else { return bad("filter rules need column and operator") }
                guard ["eq", "neq", "gt", "gte", "lt", "lte"].contains(op) else { return bad("Unknown filter operator: \(op)") }
                guard available.contains(column) else { return bad("Unknown column: \(column)") }
                rules.append(Rule(column: column, op: op, value: item["value"] ?? .null))
            }
        }
        var descending = false
        var sortColumn: String?
        if let text = request.query("sort") {
            guard let items = decode(text)?.arrayValue else { return bad("sort must be base64url-encoded JSON") }
            for item in items.prefix(1) {
                guard let column = item["column"]?.stringValue, let dir = item["direction"]?.stringValue,
                      dir == "asc" || dir == "desc" else { return bad("sort rules need column and direction asc|desc") }
                guard available.contains(column) else { return bad("Unknown column: \(column)") }
                sortColumn = column
                descending = dir == "desc"
            }
        }
        for name in ["aggregation", "dateTrunc"] {
            if let text = request.query(name), decode(text) == nil { return bad("\(name) must be base64url-encoded JSON") }
        }
        if let column = sortColumn, column != "date", mart.rowCount > 100_000 {
            return bad("sort on \(column) is not supported by the simulator for sources over 100000 rows")
        }
        runs += 1
        let runId = "00000000-sim0-run0-0000-" + String(String(runs).reversed()).padding(toLength: 12, withPad: "0", startingAt: 0)
        let order: [Int]? = sortColumn.flatMap { $0 == "date" ? nil : sortedIndices(mart, $0, descending) }
        let cols = selected, rowLimit = limit, reverse = descending, filters = rules
        let producer: @Sendable (_ emit: @Sendable ([UInt8]) async throws -> Void) async throws -> Void = { emit in
            var buffer: [UInt8] = []
            buffer.reserveCapacity(16_384 + 512)
            var sent = 0
            var k = 0
            while sent < rowLimit && k < mart.rowCount {
                let i = order?[k] ?? (reverse ? mart.rowCount - 1 - k : k)
                k += 1
                let row = mart.row(i)
                guard filters.allSatisfy({ Self.matches(row, $0) }) else { continue }
                buffer += JSONWriter.write(.object(JSONObject(cols.map { ($0, row[$0] ?? .null) })))
                buffer.append(0x0A)
                sent += 1
                if buffer.count >= 16_384 {
                    try await emit(buffer)
                    buffer.removeAll(keepingCapacity: true)
                }
            }
            try await emit(buffer)
        }
        return SimResponse(status: 200, headers: [("Content-Type", "application/x-ndjson"), ("X-OWOX-Run-Id", runId)],
                           body: .stream(producer))
    }

    /// base64url JSON query value, or nil.
    private func decode(_ text: String) -> JSONValue? {
        guard let bytes = Base64URL.decode(text) else { return nil }
        return try? JSONReader.parse(bytes)
    }

    /// Row order for a sort on a non-date column (only for sources of at most 100 000 rows).
    private func sortedIndices(_ mart: OWOXDataMart, _ column: String, _ descending: Bool) -> [Int] {
        let keys = (0..<mart.rowCount).map { mart.row($0)[column] ?? .null }
        return (0..<mart.rowCount).sorted { a, b in
            let less = Self.less(keys[a], keys[b]), greater = Self.less(keys[b], keys[a])
            if !less && !greater { return a < b }
            return descending ? greater : less
        }
    }

    /// Orders numbers with numbers and strings with strings; mixed values are unordered.
    static func less(_ a: JSONValue, _ b: JSONValue) -> Bool {
        switch (a, b) {
        case (.number(let x), .number(let y)): return x < y
        case (.string(let x), .string(let y)): return x < y
        default: return false
        }
    }

    /// Whether a record passes the request's filters.
    static func matches(_ row: JSONObject, _ rule: Rule) -> Bool {
        let v = row[rule.column] ?? .null
        switch rule.op {
        case "eq": return v == rule.value
        case "neq": return v != rule.value
        case "gt": return less(rule.value, v)
        case "gte": return !less(v, rule.value) && (v == rule.value || less(rule.value, v))
        case "lt": return less(v, rule.value)
        default: return !less(rule.value, v) && (v == rule.value || less(v, rule.value))
        }
    }
}
