import Document

/// Property name → value for compiled object keywords (`properties`, `additionalProperties`'s known
/// names, `dependentRequired`, `dependentSchemas`), compared by Unicode code points like JSON object
/// keys: `"\u{E9}"` and `"e\u{301}"` are different names, although Swift's `String ==` calls them equal.
///
/// Small maps (the usual schema) are scanned, comparing byte lengths first; larger ones are hashed.
struct PropertyMap<Value: Sendable>: Sendable {
    /// Names in schema order.
    let names: [String]
    /// Values parallel to `names`.
    let values: [Value]
    /// Name → position, only above `scanLimit` names.
    private let index: [CodePointKey: Int]?

    /// Largest map looked up by scanning.
    static var scanLimit: Int { 8 }

    /// A map from pairs; for a repeated name (not possible from a parsed JSON object) the first wins.
    init(_ pairs: [(String, Value)]) {
        var names: [String] = []
        var values: [Value] = []
        var index: [CodePointKey: Int] = [:]
        for (name, value) in pairs where index[CodePointKey(name)] == nil {
            index[CodePointKey(name)] = names.count
            names.append(name)
            values.append(value)
        }
        self.names = names
        self.values = values
        self.index = names.count > PropertyMap.scanLimit ? index : nil
    }

    /// An empty map.
    init() { self.init([]) }

    /// Number of names.
    var count: Int { names.count }
    /// True when there are no names.
    var isEmpty: Bool { names.isEmpty }

    /// Position of `name`, by code points. A scan starts at `hint` and wraps around: callers that
    /// walk an instance pass the position after their previous hit, so members written in schema
    /// order are found at the first comparison.
    @inline(__always)
    func position(of name: String, hint: Int = 0) -> Int? {
        if let index { return index[CodePointKey(name)] }
        let count = names.count
        guard count > 0 else { return nil }
        let n = name.utf8.count
        var i = hint < count ? hint : 0
        for _ in 0..<count {
            if names[i].utf8.count == n && names[i].codePointsEqual(name) { return i }
            i = i + 1 == count ? 0 : i + 1
        }
        return nil
    }

    /// The value for `name`, by code points.
    subscript(name: String) -> Value? { position(of: name).map { values[$0] } }

    /// True when `name` is in the map (by code points).
    func contains(_ name: String) -> Bool { position(of: name) != nil }

    /// Pairs in schema order.
    var entries: Zip2Sequence<[String], [Value]> { zip(names, values) }
}
