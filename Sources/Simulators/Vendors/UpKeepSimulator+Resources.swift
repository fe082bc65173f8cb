import Document
import Foundation

extension UpKeepSimulator {
    /// One page of a collection, in the vendor's envelope, after its filters.
    func list(_ resource: UpKeepResource, _ request: SimRequest) -> SimResponse {
        let comparators = ["GreaterThan", "LessThan", "GreaterThanOrEqualTo", "LessThanOrEqualTo"]
        var rows = tables[resource.path] ?? []
        for (name, value) in request.query {
            switch name {
            case "offset", "limit", "orderBy", "includes", "includes[]": continue
            case _ where resource.filters.contains(name):
                rows = rows.filter { row in
                    if name == "isComplete" { return (row["status"]?.stringValue == "complete") == (value == "true") }
                    return row[name]?.filterText == value
                }
            case _ where resource.ignoredFilters.contains(where: { name == $0 || name.hasPrefix($0 + "[") }): continue
            default:
                guard let field = resource.dateFilters.first(where: { f in comparators.contains { name == f + $0 } }),
                      let ms = Double(value) else { return Self.error(400, "invalid filter key: \(name)") }
                let op = String(name.dropFirst(field.count)), bound = ms / 1000
                rows = rows.filter { row in
                    guard let t = row[field]?.stringValue.flatMap(SimTime.parse) else { return false }
                    switch op {
                    case "GreaterThan": return t > bound
                    case "LessThan": return t < bound
                    case "GreaterThanOrEqualTo": return t >= bound
                    default: return t <= bound
                    }
                }
            }
        }
        let order = (request.query("orderBy") ?? "createdAt DESC").split(separator: " ")
        guard let field = order.first.map(String.init), order.count <= 2,
              order.count == 1 || order[1] == "ASC" || order[1] == "DESC" else { return Self.error(400, "invalid orderBy") }
        let descending = order.count == 2 && order[1] == "DESC"
        rows.sort { a, b in
            let x = a[field]?.filterText ?? "", y = b[field]?.filterText ?? ""
            return descending ? x > y : x < y
        }
        let offset = request.query("offset").map { strictInt($0) ?? -1 } ?? 0
        let limit = request.query("limit").map { strictInt($0) ?? -1 } ?? 100
        guard offset >= 0, limit >= 0 else {
            return Self.error(400, "offset and limit must be integers ≥ 0")
        }
        let names: [String]
        switch includes(request, allowed: resource.listIncludes) {
        case .success(let n): names = n
        case .failure(let message): return Self.error(400, message.text)
        }
        let page = PageSlice(rows, offset: offset, limit: limit).items.map { expand($0, names) }
        return .json(200, .obj([("success", true), ("results", .array(page))]))
    }

    /// One record by id, or the vendor's 404.
    func detail(_ resource: UpKeepResource, id: String, _ request: SimRequest) -> SimResponse {
        guard let row = tables[resource.path]?.first(where: { $0["id"]?.stringValue == id }) else { return Self.error(404, "Not Found") }
        switch includes(request, allowed: resource.detailIncludes) {
        case .success(let names): return .json(200, .obj([("success", true), ("result", expand(row, names))]))
        case .failure(let message): return Self.error(400, message.text)
        }
    }

    /// `POST /api/v2/<resource>`: closed body, required fields, stored with new id and timestamps.
    func create(_ resource: UpKeepResource, _ request: SimRequest, userID: String) -> SimResponse {
        guard let body = writeBody(request) else { return Self.error(400, "body must be a JSON object") }
        if let unknown = body.keys.first(where: { !resource.createFields.contains($0) }) { return Self.error(400, "\(unknown) not in schema") }
        if let missing = resource.createRequired.first(where: { body[$0] == nil || body[$0] == .null }) {
            return Self.error(400, "\(missing) cannot be null")
        }
        created += 1
        let now = SimTime.iso(context.clock.now())
        var record = JSONObject([("id", .string("sim" + String(SHA256.hex("\(resource.path)/\(created)").prefix(7))))])
        for (key, value) in body where key != "password" { record[key] = stored(key, value) }
        if resource.path == "work-orders" {
            record["status"] = record["status"] ?? "open"
            record["workOrderNo"] = .string("\(5000 + created)")
        }
        if resource.path != "users" { record["createdByUser"] = record["createdByUser"] ?? .string(userID) }
        record["createdAt"] = .string(now)
        record["updatedAt"] = .string(now)
        tables[resource.path, default: []].append(.object(record))
        return .json(200, .obj([("success", true), ("result", .object(record))]))
    }

    /// `PATCH /api/v2/<resource>/{ID}`: only the updatable fields.
    func update(_ resource: UpKeepResource, id: String, _ request: SimRequest) -> SimResponse {
        guard var rows = tables[resource.path], let index = rows.firstIndex(where: { $0["id"]?.stringValue == id }),
              var record = rows[index].objectValue else { return Self.error(404, "Not Found") }
        guard let body = writeBody(request) else { return Self.error(400, "body must be a JSON object") }
        if let bad = body.keys.first(where: { !resource.updateFields.contains($0) }) { return Self.error(400, "\(bad) is not allowed to be set!") }
        for (key, value) in body { record[key] = stored(key, value) }
        record["updatedAt"] = .string(SimTime.iso(context.clock.now()))
        rows[index] = .object(record)
        tables[resource.path] = rows
        return .json(200, .obj([("success", true), ("result", .object(record))]))
    }

    /// `DELETE /api/v2/<resource>/{ID}`.
    func delete(_ resource: UpKeepResource, id: String) -> SimResponse {
        guard let index = tables[resource.path]?.firstIndex(where: { $0["id"]?.stringValue == id }) else { return Self.error(404, "Not Found") }
        tables[resource.path]?.remove(at: index)
        return .json(200, .obj([("success", true), ("message", "deleted")]))
    }

    /// A JSON object body, or a form body as strings.
    private func writeBody(_ request: SimRequest) -> JSONObject? {
        if request.contentType == "application/x-www-form-urlencoded" {
            return JSONObject(FormDecoding.pairs(String(decoding: request.body, as: UTF8.self)).map { ($0.name, .string($0.value)) })
        }
        return request.jsonBody?.objectValue
    }

    /// Dates sent as Unix milliseconds are stored as ISO 8601 text.
    private func stored(_ key: String, _ value: JSONValue) -> JSONValue {
        if UpKeepResource.dateFields.contains(key), let n = value.numberValue { return .string(SimTime.iso(n.doubleValue / 1000)) }
        return value
    }

    /// Why `includes` was refused.
    struct IncludesError: Error { let text: String }

    /// The expansion names from `includes=a&includes=b`, `includes=a,b` and `includes[]=a`.
    func includes(_ request: SimRequest, allowed: [String]) -> Result<[String], IncludesError> {
        let names = (request.queryAll("includes") + request.queryAll("includes[]"))
            .flatMap { $0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) } }
        if let bad = names.first(where: { !allowed.contains($0) }) { return .failure(IncludesError(text: "invalid includes: \(bad)")) }
        return .success(names)
    }

    /// Replaces referenced ids by the records they name.
    func expand(_ row: JSONValue, _ names: [String]) -> JSONValue {
        guard !names.isEmpty, var o = row.objectValue else { return row }
        for name in names {
            guard let table = UpKeepResource.referenceTargets[name], let value = o[name] else { continue }
            /// The record an id names, or the id when unknown.
            func lookup(_ id: JSONValue) -> JSONValue {
                guard let text = id.stringValue else { return id }
                return tables[table]?.first { $0["id"]?.stringValue == text } ?? id
            }
            if let items = value.arrayValue { o[name] = .array(items.map(lookup)) } else { o[name] = lookup(value) }
        }
        return .object(o)
    }
}
