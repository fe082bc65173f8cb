import Document

/// UpKeep records generated from a seed (users, locations, assets, parts, work orders), with
/// Parse-style 10-character ids and references stored as ids.
enum UpKeepData {
    /// The seeded records.
    static func generate(seed: UInt64) -> [String: [JSONValue]] {
        var rng = SeededGenerator.derived(seed: seed, label: "upkeep")
        let idAlphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789"
        let base = 1_735_689_600.0
        /// Deterministic creation time of the i-th record.
        func stamp(_ i: Int) -> String { SimTime.iso(base + Double(i) * 3_600 * 7) }
        var t: [String: [JSONValue]] = [:]
        var users: [String] = []
        t["users"] = (0..<12).map { i in
            let id = rng.string(10, alphabet: idAlphabet)
            users.append(id)
            let email = i == 0 ? DemoValues.upkeepEmail : "user\(i)@upkeep.example"
            return .obj([("id", .string(id)), ("accountType", .string(i == 0 ? "ADMIN" : rng.pick(["TECH", "LIMITED_TECH", "REQUESTER"]))),
                         ("email", .string(email)), ("firstName", .string(rng.pick(["Ana", "Ben", "Cleo", "Dev", "Eli"]))),
                         ("lastName", .string(rng.pick(["Ortiz", "Ng", "Brown", "Khan"]))), ("phoneNumber", .null),
                         ("userStatus", "active"), ("jobTitle", .optional(rng.pick(["Technician", "Manager", nil]))),
                         ("isLocationBased", false), ("createdAt", .string(stamp(i))), ("updatedAt", .string(stamp(i + 1)))])
        }
        var locations: [String] = []
        t["locations"] = (0..<20).map { i in
            let id = rng.string(10, alphabet: idAlphabet)
            let parent: JSONValue = i >= 5 && !locations.isEmpty ? .string(locations[rng.int(0...4)]) : .null
            locations.append(id)
            return .obj([("id", .string(id)), ("name", .string("\(rng.pick(["Plant", "Warehouse", "Office", "Depot"])) \(i + 1)")),
                         ("address", .string("\(100 + i) Main St")), ("longitude", .null), ("latitude", .null),
                         ("parentLocation", parent), ("createdByUser", .string(rng.pick(users))),
                         ("createdAt", .string(stamp(20 + i))), ("updatedAt", .string(stamp(21 + i)))])
        }
        var assets: [String] = []
        t["assets"] = (0..<40).map { i in
            let id = rng.string(10, alphabet: idAlphabet)
            assets.append(id)
            return .obj([("id", .string(id)), ("name", .string("\(rng.pick(["Compressor", "HVAC Unit", "Conveyor", "Pump"])) \(i + 1)")),
                         ("serial", .string("SER-\(rng.string(6, alphabet: "0123456789"))")), ("model", .string(rng.pick(["X100", "K2", "Z9"]))),
                         ("status", .string(rng.pick(["active", "inactive"]))), ("category", .string(rng.pick(["Mechanical", "Electrical"]))),
                         ("location", .string(rng.pick(locations))), ("assignedToUser", rng.int(0...2) == 0 ? .null : .string(rng.pick(users))),
                         ("createdByUser", .string(users[0])), ("downtimeStatus", "operational"),
                         ("createdAt", .string(stamp(50 + i))), ("updatedAt", .string(stamp(51 + i)))])
        }
        t["parts"] = (0..<50).map { i in
            .obj([("id", .string(rng.string(10, alphabet: idAlphabet))), ("name", .string("\(rng.pick(["Filter", "Belt", "Bearing", "Fuse"])) \(i + 1)")),
                  ("partName", .string("Part \(i + 1)")), ("description", .null), ("cost", .string("\(rng.int(1...300)).00")),
                  ("quantity", .string("\(rng.int(0...80))")), ("minimumQuantity", .string("5")), ("category", .string(rng.pick(["Spare", "Consumable"]))),
                  ("partNumber", .string("PN-\(4000 + i)")), ("location", .string(rng.pick(locations))), ("createdByUser", .string(users[0])),
                  ("createdAt", .string(stamp(100 + i))), ("updatedAt", .string(stamp(101 + i)))])
        }
        t["work-orders"] = (0..<120).map { i in
            let status = rng.pick(["open", "onHold", "inProgress", "complete"])
            return .obj([("id", .string(rng.string(10, alphabet: idAlphabet))), ("workOrderNo", .string("\(1000 + i)")),
                         ("title", .string("\(rng.pick(["Fix", "Inspect", "Lubricate", "Replace"])) \(rng.pick(["pump", "belt", "filter", "lights"])) #\(i + 1)")),
                         ("description", .null), ("status", .string(status)), ("priority", .int(rng.int(0...3))),
                         ("category", .string(rng.pick(["Damage", "Preventive", "Safety"]))),
                         ("dueDate", .string(stamp(200 + i * 2))), ("dateCompleted", status == "complete" ? .string(stamp(201 + i * 2)) : .null),
                         ("asset", .string(rng.pick(assets))), ("location", .string(rng.pick(locations))),
                         ("assignedToUser", .string(rng.pick(users))), ("assignedByUser", .string(users[0])),
                         ("requestedByUser", .null), ("completedByUser", status == "complete" ? .string(rng.pick(users)) : .null),
                         ("team", .null), ("archivedStatus", "active"), ("createdAt", .string(stamp(150 + i))), ("updatedAt", .string(stamp(151 + i)))])
        }
        return t
    }
}
