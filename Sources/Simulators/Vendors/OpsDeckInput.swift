import Document

/// The released OpsDeck server's POST input rules (`ChangeInput`, `IncidentInput`,
/// `OnboardingInput` in `specs/opsdeck.yaml`): required fields, enums, lengths, defaults; unknown
/// fields are refused (422).
struct OpsDeckInput: Sendable {
    enum Kind: Sendable { case string(maxLength: Int?), nullableString(maxLength: Int?), oneOf([String]), date, nullableInt }

    let required: [String]
    let fields: [(String, Kind)]
    let defaults: [(String, String)]

    static let change = OpsDeckInput(
        required: ["title"],
        fields: [("title", .string(maxLength: 200)), ("description", .nullableString(maxLength: nil)),
                 ("change_type", .oneOf(["Standard", "Normal", "Emergency"])), ("priority", .oneOf(["Low", "Medium", "High", "Critical"])),
                 ("risk_impact", .oneOf(["Low", "Medium", "High"])), ("status", .string(maxLength: nil)),
                 ("implementation_plan", .nullableString(maxLength: nil)), ("rollback_plan", .nullableString(maxLength: nil)),
                 ("test_plan", .nullableString(maxLength: nil)), ("requester", .nullableString(maxLength: nil)),
                 ("assignee", .nullableString(maxLength: nil)), ("external_ref", .nullableString(maxLength: 255))],
        defaults: [("change_type", "Standard"), ("priority", "Medium"), ("risk_impact", "Low"), ("status", "Draft")])

    static let incident = OpsDeckInput(
        required: ["title"],
        fields: [("title", .string(maxLength: 255)), ("description", .string(maxLength: nil)),
                 ("severity", .oneOf(["SEV-0", "SEV-1", "SEV-2", "SEV-3"])), ("status", .string(maxLength: nil)),
                 ("impact", .oneOf(["Minor", "Moderate", "Significant", "Extensive"])), ("reported_by", .nullableString(maxLength: nil)),
                 ("owner", .nullableString(maxLength: nil)), ("assignee", .nullableString(maxLength: nil)),
                 ("external_ref", .nullableString(maxLength: 255))],
        defaults: [("severity", "SEV-3"), ("status", "Investigating"), ("impact", "Minor")])

    static let onboarding = OpsDeckInput(
        required: ["new_hire_name", "start_date"],
        fields: [("new_hire_name", .string(maxLength: 100)), ("start_date", .date), ("status", .string(maxLength: nil)),
                 ("manager", .nullableString(maxLength: nil)), ("buddy", .nullableString(maxLength: nil)), ("pack_id", .nullableInt),
                 ("target_email", .nullableString(maxLength: nil)), ("personal_email", .nullableString(maxLength: nil)),
                 ("external_ref", .nullableString(maxLength: 255))],
        defaults: [("status", "Provisioning")])

    /// Field errors in marshmallow's shape (`{"title": ["Missing data for required field."]}`), empty when valid.
    func errors(in body: JSONObject) -> JSONObject {
        var errors = JSONObject()
        for name in required where body[name] == nil { errors[name] = ["Missing data for required field."] }
        for (name, value) in body {
            guard let kind = fields.first(where: { $0.0 == name })?.1 else {
                errors[name] = ["Unknown field."]
                continue
            }
            if let message = Self.check(value, kind) { errors[name] = .array([.string(message)]) }
        }
        return errors
    }

    private static func check(_ value: JSONValue, _ kind: Kind) -> String? {
        switch kind {
        case .string(let max), .nullableString(let max):
            if value.isNull { if case .nullableString = kind { return nil } else { return "Field may not be null." } }
            guard let s = value.stringValue else { return "Not a valid string." }
            if case .string = kind, s.isEmpty { return "Shorter than minimum length 1." }
            if let max, s.count > max { return "Longer than maximum length \(max)." }
            return nil
        case .oneOf(let choices):
            guard let s = value.stringValue, choices.contains(s) else { return "Must be one of: \(choices.joined(separator: ", "))." }
            return nil
        case .date:
            guard let s = value.stringValue, s.count == 10, SimTime.parse(s) != nil else { return "Not a valid date." }
            return nil
        case .nullableInt:
            if value.isNull { return nil }
            guard value.numberValue?.intValue != nil else { return "Not a valid integer." }
            return nil
        }
    }
}
