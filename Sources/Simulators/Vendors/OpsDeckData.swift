import Document

/// OpsDeck records generated from a seed, one table per entity.
enum OpsDeckData {
    /// The seeded records.
    static func generate(seed: UInt64) -> [String: [JSONValue]] {
        var rng = SeededGenerator.derived(seed: seed, label: "opsdeck")
        var t: [String: [JSONValue]] = [:]
        let first = ["Jane", "Alex", "Sam", "Priya", "Chen", "Omar", "Lena", "Marco"]
        let last = ["Doe", "Smith", "Ng", "Patel", "Garcia", "Kowalski", "Okafor", "Rossi"]
        t["users"] = (0..<40).map { i in
            let f = rng.pick(first), l = rng.pick(last)
            return .obj([("id", .int(i + 1)), ("name", .string("\(f) \(l)")), ("email", .string("\(f.lowercased()).\(l.lowercased())\(i)@example.com")),
                         ("department", .optional(rng.pick(["IT", "Finance", "HR", "Security", nil]))),
                         ("job_title", .optional(rng.pick(["Engineer", "Analyst", "Manager", nil]))), ("personal_email", .null),
                         ("role", .string(i == 0 ? "admin" : "user")), ("custom_properties", .obj([]))])
        }
        /// A table of `count` records with ids from 1.
        func simple(_ name: String, _ count: Int, _ make: (Int, inout SeededGenerator) -> [(String, JSONValue)]) {
            t[name] = (0..<count).map { i in .obj([("id", .int(i + 1))] + make(i, &rng)) }
        }
        simple("assets", 80) { i, r in [("name", .string("LAPTOP-\(1000 + i)")), ("brand", .string(r.pick(["Dell", "Lenovo", "Apple"]))),
                                        ("status", .string(r.pick(["In Use", "In Stock", "Retired"]))), ("serial_number", .string(r.string(10, alphabet: "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789")))] }
        simple("peripherals", 50) { i, r in [("name", .string("\(r.pick(["Monitor", "Dock", "Keyboard"])) \(i + 1)")), ("status", .string(r.pick(["In Use", "In Stock"])))] }
        simple("licenses", 30) { i, r in [("name", .string("\(r.pick(["Office", "IDE", "VPN"])) licence \(i + 1)")), ("seats", .int(r.int(5...200)))] }
        simple("subscriptions", 25) { i, r in [("name", .string("SaaS \(i + 1)")), ("cost", .money(r.int(1_000...500_000))), ("renewal_date", .string(SimTime.date(1_767_225_600 + Double(r.int(0...365)) * 86_400)))] }
        simple("services", 15) { i, r in [("name", .string("Service \(i + 1)")), ("criticality", .string(r.pick(["Low", "Medium", "High"])))] }
        simple("changes", 30) { i, r in [("title", .string("Change \(i + 1)")), ("description", .null), ("change_type", .string(r.pick(["Standard", "Normal", "Emergency"]))),
                                         ("priority", .string(r.pick(["Low", "Medium", "High", "Critical"]))), ("risk_impact", .string(r.pick(["Low", "Medium", "High"]))),
                                         ("status", .string(r.pick(["Draft", "Planned", "Done"]))), ("requester_id", .int(r.int(1...40))),
                                         ("assignee_id", .null), ("external_ref", i % 3 == 0 ? .string("CHG-SIM-\(i)") : .null)] }
        simple("incidents", 20) { i, r in [("title", .string("Incident \(i + 1)")), ("description", .string("Seeded incident")),
                                           ("severity", .string(r.pick(["SEV-0", "SEV-1", "SEV-2", "SEV-3"]))), ("status", .string(r.pick(["Investigating", "Resolved"]))),
                                           ("impact", .string(r.pick(["Minor", "Moderate", "Significant", "Extensive"]))), ("reported_by_id", .int(r.int(1...40))),
                                           ("owner_id", .null), ("assignee_id", .null), ("external_ref", .null)] }
        simple("onboarding", 15) { i, r in [("new_hire_name", .string("New Hire \(i + 1)")), ("start_date", .string(SimTime.date(1_767_225_600 + Double(r.int(0...200)) * 86_400))),
                                            ("status", .string(r.pick(["Provisioning", "Complete"]))), ("assigned_manager_id", .int(r.int(1...40))),
                                            ("assigned_buddy_id", .null), ("pack_id", .null), ("target_email", .null), ("personal_email", .null), ("external_ref", .null)] }
        return t
    }
}
