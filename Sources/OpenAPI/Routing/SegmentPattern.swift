/// A templated segment (`{id}`, `{id}.ndjson`, `v{major}-{minor}`) and its matcher.
struct SegmentPattern: Sendable, Hashable {
    let parts: [PathTemplate.Part]

    /// Literal characters in the segment: more means more specific.
    var literalLength: Int {
        parts.reduce(0) { if case .literal(let l) = $1 { $0 + l.utf8.count } else { $0 } }
    }

    /// Matches the raw segment; returns each parameter's raw text, or nil. Parameters match one or more bytes.
    func match(_ segment: Substring) -> [(String, Substring)]? {
        var out: [(String, Substring)] = []
        return matchFrom(0, segment.utf8.startIndex, in: segment, into: &out) ? out : nil
    }

    private func matchFrom(_ k: Int, _ i: String.Index, in s: Substring, into out: inout [(String, Substring)]) -> Bool {
        if k == parts.count { return i == s.endIndex }
        switch parts[k] {
        case .literal(let lit):
            guard s[i...].utf8.starts(with: lit.utf8) else { return false }
            return matchFrom(k + 1, s.utf8.index(i, offsetBy: lit.utf8.count), in: s, into: &out)
        case .parameter(let name):
            // Try the shortest value first when a literal follows; the last parameter takes the rest.
            if k == parts.count - 1 {
                guard i < s.endIndex else { return false }
                out.append((name, s[i...]))
                return true
            }
            var end = s.utf8.index(after: i)
            while end <= s.endIndex {
                out.append((name, s[i..<end]))
                if matchFrom(k + 1, end, in: s, into: &out) { return true }
                out.removeLast()
                if end == s.endIndex { break }
                end = s.utf8.index(after: end)
            }
            return false
        }
    }
}
