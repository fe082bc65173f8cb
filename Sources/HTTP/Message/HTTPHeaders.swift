/// An ordered list of header fields. Names keep their original case; every lookup is ASCII case-insensitive.
/// Repeated fields stay separate entries in arrival order (so `Set-Cookie` survives a round trip).
public struct HTTPHeaders: Sendable, Hashable, Sequence, ExpressibleByDictionaryLiteral {
    /// The fields in order.
    public private(set) var fields: [HTTPField]

    /// An empty header list.
    public init() { fields = [] }

    /// A header list from `(name, value)` pairs, in order.
    public init(_ pairs: [(String, String)]) {
        fields = pairs.map { HTTPField(name: $0.0, value: $0.1) }
    }

    /// A header list from a literal, in the literal's order.
    public init(dictionaryLiteral elements: (String, String)...) {
        self.init(elements)
    }

    /// The number of field lines.
    public var count: Int { fields.count }

    /// Whether there are no fields.
    public var isEmpty: Bool { fields.isEmpty }

    /// Iterates the fields in order.
    public func makeIterator() -> IndexingIterator<[HTTPField]> { fields.makeIterator() }

    /// Reserves room for `count` field lines.
    public mutating func reserveCapacity(_ count: Int) {
        fields.reserveCapacity(count)
    }

    /// Appends a field line (does not replace existing ones).
    public mutating func add(name: String, value: String) {
        fields.append(HTTPField(name: name, value: value))
    }

    /// Appends a field line.
    public mutating func add(_ field: HTTPField) {
        fields.append(field)
    }

    /// Removes every field with this name, then appends one with the value.
    public mutating func replaceOrAdd(name: String, value: String) {
        remove(name: name)
        add(name: name, value: value)
    }

    /// Removes every field with this name (case-insensitive).
    public mutating func remove(name: String) {
        fields.removeAll { Self.namesEqual($0.name, name) }
    }

    /// The first value of the named field, or nil.
    public subscript(name: String) -> String? {
        for field in fields where Self.namesEqual(field.name, name) { return field.value }
        return nil
    }

    /// Every value of the named field, in order.
    public func values(for name: String) -> [String] {
        fields.filter { Self.namesEqual($0.name, name) }.map(\.value)
    }

    /// Whether a field with this name is present.
    public func contains(name: String) -> Bool {
        fields.contains { Self.namesEqual($0.name, name) }
    }

    /// Whether a comma-separated list field (e.g. `Connection`) contains `token`, compared case-insensitively.
    public func containsToken(_ token: String, in name: String) -> Bool {
        for field in fields where Self.namesEqual(field.name, name) {
            let value = field.value.utf8
            var start = value.startIndex
            while start < value.endIndex {
                let end = value[start...].firstIndex(of: UInt8(ascii: ",")) ?? value.endIndex
                if Self.bytesEqualIgnoringCase(HTTPBytes.trimmingOWS(value[start..<end]), token.utf8) { return true }
                start = end < value.endIndex ? value.index(after: end) : end
            }
        }
        return false
    }

    /// ASCII case-insensitive comparison of two field names.
    public static func namesEqual(_ a: String, _ b: String) -> Bool {
        guard a.utf8.count == b.utf8.count else { return false }
        // Contiguous bytes compare much faster than two generic `UTF8View` iterators.
        let fast = a.utf8.withContiguousStorageIfAvailable { x in
            b.utf8.withContiguousStorageIfAvailable { y in bytesEqualIgnoringCase(x, y) }
        }
        return (fast ?? nil) ?? bytesEqualIgnoringCase(a.utf8, b.utf8)
    }

    /// ASCII case-insensitive comparison of two byte sequences.
    static func bytesEqualIgnoringCase<A: Collection, B: Collection>(_ a: A, _ b: B) -> Bool
    where A.Element == UInt8, B.Element == UInt8 {
        guard a.count == b.count else { return false }
        var ia = a.makeIterator()
        var ib = b.makeIterator()
        while let x = ia.next(), let y = ib.next() {
            if x != y && ((x | 0x20) != (y | 0x20) || (x | 0x20) < 0x61 || (x | 0x20) > 0x7A) { return false }
        }
        return true
    }
}
