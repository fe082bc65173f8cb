/// A cursor over ASCII bytes for the small fixed grammars here.
struct ByteScanner {
    let bytes: [UInt8]
    var position = 0

    init(_ bytes: [UInt8]) { self.bytes = bytes }

    /// True when every byte has been consumed.
    var atEnd: Bool { position == bytes.count }

    /// Consumes `text` if it comes next.
    mutating func literal(_ text: StaticString) -> Bool {
        let n = text.utf8CodeUnitCount
        guard bytes.count - position >= n else { return false }
        let p = text.utf8Start
        for i in 0..<n where bytes[position + i] != p[i] { return false }
        position += n
        return true
    }

    /// Consumes exactly `count` ASCII digits and returns their value.
    mutating func digits(_ count: Int) -> Int? {
        guard bytes.count - position >= count else { return nil }
        var v = 0
        for i in 0..<count {
            let d = bytes[position + i] &- 48
            guard d < 10 else { return nil }
            v = v * 10 + Int(d)
        }
        position += count
        return v
    }

    /// Consumes the longest of `words` that comes next; returns its index.
    mutating func word(in words: [String]) -> Int? {
        var best: (index: Int, length: Int)?
        for (i, w) in words.enumerated() {
            let u = Array(w.utf8)
            guard bytes.count - position >= u.count, bytes[position..<position + u.count].elementsEqual(u) else { continue }
            if u.count > (best?.length ?? 0) { best = (i, u.count) }
        }
        guard let best else { return nil }
        position += best.length
        return best.index
    }
}
