import Document

/// OwlOps Public API (alpha): `X-Api-Key` auth, 60 requests/minute per key, `{data, pagination}`
/// lists with `page`/`pageSize` and label filters, `{error, statusCode[, traceId]}` errors.
actor OwlOpsSimulator: VendorSimulator {
    private let context: SimulatorContext
    private let data: OwlOpsData
    private var limiter: SlidingWindowLimiter?
    private var traceCounter = 0

    init(context: SimulatorContext) {
        self.context = context
        data = OwlOpsData(seed: context.seed)
        limiter = context.rateLimit.map(SlidingWindowLimiter.init)
    }

    nonisolated var credentials: DemoCredentials { .apiKey(DemoValues.owlopsKey) }
    nonisolated var secretHeaders: [String] { ["X-Api-Key"] }

    nonisolated func faultResponse(status: Int, retryAfter: Int?) -> SimResponse {
        if status == 429 {
            return .json(429, Self.error(429, "Rate limit exceeded. Slow down and retry."),
                         headers: retryAfter.map { [("Retry-After", String($0))] } ?? [])
        }
        if status >= 500 {
            return .json(status, .obj([("error", .string("An unexpected error occurred. If the problem persists, contact support with the traceId.")),
                                       ("statusCode", .int(status)), ("traceId", .string("sim-fault-\(status)"))]))
        }
        return .json(status, Self.error(status, "Request failed."))
    }

    /// The vendor's error body.
    static func error(_ status: Int, _ message: String) -> JSONValue {
        .obj([("error", .string(message)), ("statusCode", .int(status))])
    }

    func handle(_ request: SimRequest) async -> SimReply {
        guard let key = request.headers["X-Api-Key"],
              key == DemoValues.owlopsKey || key == DemoValues.owlopsSecondKey else {
            return SimReply(.json(401, Self.error(401, "Missing or invalid API key.")), rejection: "missing or invalid API key")
        }
        if var l = limiter {
            let wait = l.acquire(key: key, now: context.clock.now())
            limiter = l
            if wait != nil {
                return SimReply(.json(429, Self.error(429, "Rate limit exceeded. Slow down and retry.")),
                                credential: key, rejection: "rate limit")
            }
        }
        let response = route(request)
        return SimReply(response, credential: key, rejection: response.status >= 400 ? "status \(response.status)" : nil)
    }

    /// Dispatches a request to its endpoint (unknown paths get the vendor's 404).
    private func route(_ request: SimRequest) -> SimResponse {
        guard request.method == "GET" || request.method == "HEAD" else {
            return .json(405, Self.error(405, "Method not allowed."))
        }
        let s = request.segments
        guard s.count >= 2, s[0] == "v1" else { return notFound }
        switch (s.count, s[1]) {
        case (2, "tasks"): return tasks(request)
        case (3, "tasks"): return detail(data.tasks, s[2])
        case (4, "tasks") where s[3] == "log":
            guard let id = strictInt(s[2]), data.tasks.contains(where: { $0["id"] == .int(id) }) else { return notFound }
            return list(request, data.taskLog.filter { $0["taskId"] == .int(id) }, maxSize: 100)
        case (2, "tasklog"): return taskLog(request)
        case (2, "assets"):
            return list(request, data.assets.filter { matches($0, request, ["assetType", "status"]) })
        case (3, "assets"): return detail(data.assets, s[2])
        case (2, "invoices"): return invoices(request)
        case (3, "invoices"): return detail(data.invoices, s[2])
        case (2, "inventory"): return list(request, data.inventory)
        case (3, "inventory"): return detail(data.inventory, s[2])
        default: return notFound
        }
    }

    private var notFound: SimResponse { .json(404, Self.error(404, "Resource not found.")) }

    /// One record by id, or the vendor's 404.
    private func detail(_ records: [JSONValue], _ id: String) -> SimResponse {
        guard let n = strictInt(id), let record = records.first(where: { $0["id"] == .int(n) }) else { return notFound }
        return .json(200, record)
    }

    /// `GET /v1/tasks` with its filters.
    private func tasks(_ request: SimRequest) -> SimResponse {
        if let assetId = request.query("assetId"), strictInt(assetId) == nil {
            return .json(400, Self.error(400, "assetId must be an integer."))
        }
        guard let range = dateRange(request) else { return .json(400, Self.error(400, "from/to must be ISO 8601 dates.")) }
        let rows = data.tasks.filter { task in
            matches(task, request, ["status", "priority", "assetId"])
                && inRange(task["createdDate"]?.stringValue, range)
        }
        return list(request, rows)
    }

    /// `GET /v1/invoices` with its filters (line items only on the detail).
    private func invoices(_ request: SimRequest) -> SimResponse {
        guard let range = dateRange(request) else { return .json(400, Self.error(400, "from/to must be ISO 8601 dates.")) }
        let rows = data.invoices.filter { invoice in
            matches(invoice, request, ["status"]) && inRange(invoice["invoiceDate"]?.stringValue, range)
        }.map { invoice -> JSONValue in
            guard var o = invoice.objectValue else { return invoice }
            o["lineItems"] = nil  // line items only on the detail endpoint
            return .object(o)
        }
        return list(request, rows)
    }

    /// `GET /v1/tasklog`: `from` and `to` required, at most 90 days apart.
    private func taskLog(_ request: SimRequest) -> SimResponse {
        guard let fromText = request.query("from"), let toText = request.query("to") else {
            return .json(400, Self.error(400, "Both from and to are required."))
        }
        guard let from = SimTime.parse(fromText), let to = SimTime.parse(toText), from <= to else {
            return .json(400, Self.error(400, "from/to must be ISO 8601 dates with from before to."))
        }
        guard to - from <= 90 * 86_400 else { return .json(400, Self.error(400, "The date range may not exceed 90 days.")) }
        let rows = data.taskLog.filter { matches($0, request, ["logType"]) && inRange($0["date"]?.stringValue, (from, to)) }
        return list(request, rows, maxSize: 100)
    }

    /// Exact label match on each present filter.
    private func matches(_ record: JSONValue, _ request: SimRequest, _ names: [String]) -> Bool {
        names.allSatisfy { name in request.query(name).map { record[name]?.filterText == $0 } ?? true }
    }

    /// `from`/`to` as Unix seconds (nil bounds when absent); nil when present but unreadable.
    private func dateRange(_ request: SimRequest) -> (Double?, Double?)? {
        let from = request.query("from"), to = request.query("to")
        let f = from.flatMap(SimTime.parse), t = to.flatMap(SimTime.parse)
        if (from != nil && f == nil) || (to != nil && t == nil) { return nil }
        return (f, t)
    }

    /// Whether a timestamp lies within optional bounds.
    private func inRange(_ text: String?, _ range: (Double?, Double?)) -> Bool {
        guard let text, let t = SimTime.parse(text) else { return range.0 == nil && range.1 == nil }
        if let from = range.0, t < from { return false }
        if let to = range.1, t > to { return false }
        return true
    }

    /// The `{data, pagination}` envelope for one page.
    private func list(_ request: SimRequest, _ rows: [JSONValue], maxSize: Int = 250) -> SimResponse {
        let pageText = request.query("page"), sizeText = request.query("pageSize")
        let page = pageText.map { strictInt($0) ?? 0 } ?? 1
        let size = sizeText.map { strictInt($0) ?? 0 } ?? 25
        guard page >= 1 else { return .json(400, Self.error(400, "page must be an integer ≥ 1.")) }
        guard (1...maxSize).contains(size) else { return .json(400, Self.error(400, "pageSize must be between 1 and \(maxSize).")) }
        let slice = PageSlice(rows, page: page, size: size)
        return .json(200, .obj([
            ("data", .array(slice.items)),
            ("pagination", .obj([("page", .int(page)), ("pageSize", .int(size)), ("totalCount", .int(slice.total)),
                                 ("totalPages", .int(slice.totalPages)), ("hasNextPage", .bool(page < slice.totalPages))])),
        ]))
    }
}
