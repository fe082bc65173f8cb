import Document

/// The Trackops collections: path, accepted query parameters (from `specs/trackops.yaml`; anything
/// else is a 400, as at Trackops), record fields, and the field the `from`/`to` aliases filter on.
struct TrackopsCollection: Sendable {
    let path: String
    let filters: [String]
    let fields: [String]
    let count: Int
    let fromToField: String?

    static let common = ["page", "per_page", "dir", "mode"]
    static let dateFields: Set<String> = ["created", "updated", "due", "closed", "activity", "validated", "date",
                                          "complete", "alert", "alert_sent", "start", "end"]
    static let referenceFields: Set<String> = ["client", "location", "parent", "salesperson", "client_location", "case",
                                               "subject", "user", "contact", "created_by", "calendar", "primary_contact",
                                               "primary_investigator", "primary_manager", "primary_salesperson",
                                               "primary_subject", "thread", "access_group", "tracking_category"]

    static let all: [TrackopsCollection] = [
        .init(path: "clients", filters: [], fields: ["name", "created", "updated"], count: 40, fromToField: nil),
        .init(path: "client/locations", filters: ["id", "name", "parent", "salesperson", "created_from", "created_to", "updated_from", "updated_to"],
              fields: ["name", "parent", "salesperson", "created", "updated"], count: 60, fromToField: nil),
        .init(path: "client/contacts", filters: ["id", "last_name", "first_name", "email", "client", "client_location", "role", "salesperson",
                                                 "created_from", "created_to", "updated_from", "updated_to", "expand_field_values"],
              fields: ["last_name", "first_name", "email", "client", "client_location", "role", "salesperson", "created", "updated"], count: 80, fromToField: nil),
        .init(path: "cases", filters: ["id", "client", "location", "case_region", "case_status", "created_from", "created_to", "from", "to",
                                       "created_from_system", "created_to_system", "due_from", "due_to", "updated_from", "updated_to", "is_request",
                                       "primary_contact", "primary_investigator", "primary_manager", "primary_salesperson", "primary_subject",
                                       "reference_value_1", "reference_value_2"],
              fields: ["case_number", "client", "location", "case_region", "case_status", "created", "due", "updated", "is_request",
                       "primary_contact", "primary_investigator", "primary_manager", "primary_salesperson", "primary_subject",
                       "reference_value_1", "reference_value_2"], count: 150, fromToField: "created"),
        .init(path: "subjects", filters: ["id", "case", "is_primary", "name", "subject_type", "created_from", "created_to", "updated_from", "updated_to"],
              fields: ["case", "is_primary", "name", "subject_type", "created", "updated"], count: 120, fromToField: nil),
        .init(path: "case/updates", filters: ["id", "case", "access_group", "created_by", "is_valid", "subject", "thread", "activity_from", "activity_to",
                                              "from", "to", "created_from", "created_to", "updated_from", "updated_to", "validated_from", "validated_to"],
              fields: ["case", "access_group", "created_by", "is_valid", "subject", "thread", "activity", "created", "updated", "validated"],
              count: 200, fromToField: "activity"),
        .init(path: "staff", filters: ["id", "last_name", "first_name", "email", "role", "is_vendor", "created_from", "created_to", "updated_from",
                                       "updated_to", "expand_field_values"],
              fields: ["last_name", "first_name", "email", "role", "is_vendor", "created", "updated"], count: 30, fromToField: nil),
        .init(path: "staff/employees", filters: [], fields: ["username", "last_name", "first_name", "access_level", "created"], count: 25, fromToField: nil),
        .init(path: "invoices", filters: ["id", "client", "location", "contact", "status", "salesperson", "case", "tracking_category", "invoice_number",
                                          "reference_number", "created_from", "created_to", "from", "to", "due_from", "due_to", "closed_from",
                                          "closed_to", "created_from_system", "created_to_system", "updated_from", "updated_to"],
              fields: ["client", "location", "contact", "status", "salesperson", "case", "tracking_category", "invoice_number",
                       "reference_number", "created", "due", "closed", "updated"], count: 80, fromToField: "created"),
        .init(path: "expense/entries", filters: ["id", "user", "status", "case", "tracking_category", "entry_number", "date_from", "date_to", "from",
                                                 "to", "created_from", "created_to", "updated_from", "updated_to"],
              fields: ["user", "status", "case", "tracking_category", "entry_number", "date", "created", "updated"], count: 120, fromToField: "date"),
        .init(path: "tasks", filters: ["id", "title", "calendar", "case", "subject", "user", "status", "due_from", "due_to", "from", "to",
                                       "complete_from", "complete_to", "alert_from", "alert_to", "alert_sent_from", "alert_sent_to",
                                       "created_from", "created_to", "updated_from", "updated_to"],
              fields: ["title", "calendar", "case", "subject", "user", "status", "due", "complete", "alert", "alert_sent", "created", "updated"],
              count: 100, fromToField: "due"),
        .init(path: "events", filters: ["id", "title", "calendar", "case", "subject", "is_allday", "start_from", "start_to", "from", "to",
                                        "end_from", "end_to", "alert_from", "alert_to", "alert_sent_from", "alert_sent_to",
                                        "created_from", "created_to", "updated_from", "updated_to"],
              fields: ["title", "calendar", "case", "subject", "is_allday", "start", "end", "alert", "alert_sent", "created", "updated"],
              count: 100, fromToField: "start"),
    ]

    /// Generates this collection's records (ids ascending, creation dates ascending with the ids).
    func generate(seed: UInt64) -> [JSONValue] {
        var rng = SeededGenerator.derived(seed: seed, label: "trackops/" + path)
        let base = 1_735_689_600.0  // 2025-01-01
        return (0..<count).map { i in
            let created = base + Double(i) * 86_400 * 2 + Double(rng.int(0...80_000))
            var o = JSONObject([("id", .int(1000 + i))])
            for field in fields {
                o[field] = value(for: field, index: i, created: created, rng: &rng)
            }
            return .object(o)
        }
    }

    /// A plausible value for a field, by its name.
    private func value(for field: String, index i: Int, created: Double, rng: inout SeededGenerator) -> JSONValue {
        if Self.dateFields.contains(field) {
            let t = field == "created" ? created : created + Double(rng.int(0...(60 * 86_400)))
            return .string(Self.timestamp(t))
        }
        if Self.referenceFields.contains(field) { return .int(1000 + rng.int(0...39)) }
        if field.hasPrefix("is_") { return .int(rng.int(0...1)) }
        switch field {
        case "name": return .string("\(rng.pick(["Acme", "Globex", "Initech", "Umbrella", "Hooli"])) \(i + 1)")
        case "first_name": return .string(rng.pick(["Sam", "Ada", "Lee", "Kim", "Ray", "Jo"]))
        case "last_name": return .string(rng.pick(["Spade", "Marlowe", "Archer", "Hammer", "Drew"]))
        case "email": return .string("person\(i + 1)@example.com")
        case "username": return .string("user\(i + 1)")
        case "status", "case_status": return .string(rng.pick(["open", "closed", "pending"]))
        case "access_level": return .string(i % 5 == 0 ? "limited" : "full")
        case "case_number", "invoice_number", "entry_number": return .string("\(String(path.prefix(2)).uppercased())-\(20_000 + i)")
        default: return .string("\(field)-\(rng.int(1...999))")
        }
    }

    /// `YYYY-MM-DD HH:MM:SS` (UTC), the Trackops timestamp form.
    static func timestamp(_ t: Double) -> String {
        let iso = SimTime.iso(t)
        return String(iso.prefix(10)) + " " + String(iso.dropFirst(11).prefix(8))
    }
}
