import Document

/// OwlOps records generated from a seed: tasks, task log entries, assets, invoices (with line
/// items) and the undocumented inventory.
struct OwlOpsData: Sendable {
    var tasks: [JSONValue] = []
    var taskLog: [JSONValue] = []
    var assets: [JSONValue] = []
    var invoices: [JSONValue] = []
    var inventory: [JSONValue] = []

    static let taskStatuses = ["Open", "In Progress", "On Hold", "Completed"]
    static let priorities = ["Low", "Medium", "High", "Urgent"]
    static let assetTypes = ["Capital", "Non-Capital", "Vehicle", "Tool"]
    static let assetStatuses = ["Active", "Inactive", "Retired"]
    static let invoiceStatuses = ["Draft", "Sent", "Paid", "Void"]
    static let logTypes = ["Update", "Hours", "Part", "Note"]
    /// 2026-01-01T00:00:00Z: the generated dates fall in the 120 days after it.
    static let epoch = 1_767_225_600.0

    init(seed: UInt64) {
        var rng = SeededGenerator.derived(seed: seed, label: "owlops")
        for i in 0..<60 {
            assets.append(.obj([
                ("id", .int(300 + i)), ("name", .string("\(rng.pick(["Pump", "Boiler", "Chiller", "Forklift", "Generator"])) \(i + 1)")),
                ("assetType", .string(rng.pick(Self.assetTypes))), ("status", .string(rng.pick(Self.assetStatuses))),
                ("serialNumber", .string("SN-\(rng.string(8, alphabet: "0123456789ABCDEF"))")),
            ]))
        }
        for i in 0..<150 {
            let created = Self.epoch + Double(rng.int(0...(120 * 86_400)))
            let asset: JSONValue = rng.int(0...4) == 0 ? .null : .int(300 + rng.int(0...59))
            tasks.append(.obj([
                ("id", .int(4000 + i)), ("title", .string("\(rng.pick(["Inspect", "Repair", "Replace", "Clean", "Calibrate"])) \(rng.pick(["valve", "filter", "belt", "sensor", "panel"])) #\(i + 1)")),
                ("status", .string(rng.pick(Self.taskStatuses))), ("priority", .string(rng.pick(Self.priorities))),
                ("assetId", asset), ("createdDate", .string(SimTime.iso(created))),
                ("dueDate", .string(SimTime.date(created + Double(rng.int(1...30)) * 86_400))),
            ]))
        }
        for i in 0..<400 {
            let task = rng.int(0...149)
            let date = Self.epoch + Double(rng.int(0...(120 * 86_400)))
            let type = rng.pick(Self.logTypes)
            taskLog.append(.obj([
                ("id", .int(90_000 + i)), ("taskId", .int(4000 + task)), ("logType", .string(type)),
                ("date", .string(SimTime.iso(date))),
                ("note", type == "Note" ? .string("Checked on site (\(i))") : .null),
                ("hours", type == "Hours" ? .money(rng.int(25...800)) : .null),
            ]))
        }
        taskLog.sort { ($0["date"]?.stringValue ?? "") < ($1["date"]?.stringValue ?? "") }
        for i in 0..<45 {
            let date = Self.epoch + Double(rng.int(0...(120 * 86_400)))
            var total = 0
            var lines: [JSONValue] = []
            for l in 0..<rng.int(1...4) {
                let qty = rng.int(1...5), price = rng.int(500...25_000)
                total += qty * price
                lines.append(.obj([("description", .string("Line \(l + 1)")), ("quantity", .int(qty)),
                                   ("unitPrice", .money(price)), ("amount", .money(qty * price))]))
            }
            invoices.append(.obj([
                ("id", .int(12_300 + i)), ("invoiceNumber", .string("INV-2026-\(1000 + i)")),
                ("status", .string(rng.pick(Self.invoiceStatuses))), ("invoiceDate", .string(SimTime.date(date))),
                ("total", .money(total)), ("lineItems", .array(lines)),
            ]))
        }
        for i in 0..<30 {
            inventory.append(.obj([("id", .int(700 + i)), ("name", .string("Spare part \(i + 1)")), ("quantity", .int(rng.int(0...40)))]))
        }
    }
}
