/// One part of a `multipart/form-data` body.
struct MultipartPart: Sendable {
    /// The `name` from `Content-Disposition`.
    var name: String
    /// The `filename`, when the part is a file.
    var filename: String?
    /// The part's `Content-Type` (defaults to `text/plain`).
    var contentType: String?
    /// The part's bytes.
    var body: ArraySlice<UInt8>
}

/// Splits a `multipart/form-data` body (RFC 7578) into parts.
enum MultipartParser {
    /// The parts, or why the body is malformed.
    static func parse(_ body: [UInt8], boundary: String) -> Result<[MultipartPart], StyleError> {
        guard !boundary.isEmpty, boundary.utf8.count <= 70 else { return .failure("has an invalid multipart boundary") }
        let delimiter = Array(("--" + boundary).utf8)
        guard var pos = find(delimiter, in: body, from: 0) else { return .failure("has no multipart boundary line") }
        var parts: [MultipartPart] = []
        while true {
            pos += delimiter.count
            // "--" after the delimiter closes the body.
            if pos + 1 < body.count, body[pos] == UInt8(ascii: "-"), body[pos + 1] == UInt8(ascii: "-") { return .success(parts) }
            guard let lineEnd = find([13, 10], in: body, from: pos) else { return .failure("has a truncated multipart part") }
            pos = lineEnd + 2
            guard let headEnd = find([13, 10, 13, 10], in: body, from: pos - 2) else {
                return .failure("has a multipart part without a header end")
            }
            let head = headEnd >= pos ? String(decoding: body[pos..<headEnd], as: UTF8.self) : ""
            let contentStart = headEnd + 4
            guard let next = find([13, 10] + delimiter, in: body, from: contentStart - 2) else {
                return .failure("has a multipart part without a closing boundary")
            }
            let content = next >= contentStart ? body[contentStart..<next] : []
            var name: String?
            var filename: String?
            var contentType: String?
            for line in head.split(separator: "\r\n") {
                guard let colon = line.firstIndex(of: ":") else { continue }
                let field = line[..<colon].lowercased()
                let value = String(line[line.index(after: colon)...]).trimmingSpaces()
                if field == "content-disposition" {
                    let params = MediaRange.splitParameters(value).dropFirst()
                    for p in params {
                        // Bytes, not Characters, so the field name is the one the upstream reads.
                        guard let eq = p.utf8.firstIndex(of: UInt8(ascii: "=")) else { continue }
                        let key = Substring(p.utf8[..<eq]).trimmingSpaces().lowercased()
                        var v = Substring(p.utf8[p.utf8.index(after: eq)...]).trimmingSpaces()
                        let quote = UInt8(ascii: "\"")
                        if v.utf8.count >= 2, v.utf8.first == quote, v.utf8.last == quote {
                            v = String(Substring(v.utf8.dropFirst().dropLast()))
                        }
                        if key == "name" { name = v } else if key == "filename" { filename = v }
                    }
                } else if field == "content-type" {
                    contentType = value
                }
            }
            guard let name else { return .failure("has a multipart part without a name") }
            parts.append(MultipartPart(name: name, filename: filename, contentType: contentType, body: content))
            pos = next + 2
        }
    }

    /// Index of the first occurrence of `needle` at or after `from`.
    static func find(_ needle: [UInt8], in hay: [UInt8], from: Int) -> Int? {
        guard !needle.isEmpty, hay.count >= needle.count else { return nil }
        var i = max(0, from)
        let first = needle[0]
        let last = hay.count - needle.count
        while i <= last {
            if hay[i] == first {
                var k = 1
                while k < needle.count && hay[i + k] == needle[k] { k += 1 }
                if k == needle.count { return i }
            }
            i += 1
        }
        return nil
    }
}
