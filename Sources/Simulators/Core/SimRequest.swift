import Document
import Foundation
import HTTP

/// A request as a simulator sees it: method, decoded path and query, headers, and the whole body
/// (simulator request bodies are small; at most `SimRequest.maxBody` bytes are read).
struct SimRequest: Sendable {
    /// Largest request body a simulator reads.
    static let maxBody = 1 << 20

    let method: String
    /// The percent-decoded path (`/v1/tasks/12`).
    let path: String
    /// Query items in order, percent-decoded (`+` is a space).
    let query: [(name: String, value: String)]
    let headers: HTTPHeaders
    let body: [UInt8]

    init(method: String, target: String, headers: HTTPHeaders = HTTPHeaders(), body: [UInt8] = []) {
        self.method = method
        let q = target.firstIndex(of: "?")
        path = FormDecoding.percentDecode(q.map { String(target[..<$0]) } ?? target, plusIsSpace: false)
        query = q.map { FormDecoding.pairs(String(target[target.index(after: $0)...])) } ?? []
        self.headers = headers
        self.body = body
    }

    /// Reads a server request (its body up to `maxBody`).
    static func read(_ request: HTTPServerRequest) async throws -> SimRequest {
        let body = try await request.body.collect(upTo: maxBody)
        return SimRequest(method: request.head.method.rawValue, target: request.head.target,
                          headers: request.head.headers, body: body)
    }

    /// The first value of query parameter `name`.
    func query(_ name: String) -> String? { query.first { $0.name == name }?.value }

    /// Every value of query parameter `name`.
    func queryAll(_ name: String) -> [String] { query.filter { $0.name == name }.map(\.value) }

    /// The path split on `/`, without empty segments.
    var segments: [String] { path.split(separator: "/").map(String.init) }

    /// The body parsed as JSON, or nil when it is not JSON.
    var jsonBody: JSONValue? { try? JSONReader.parse(body) }

    /// The media type of the body (`application/json`), lower-cased, without parameters.
    var contentType: String {
        let value = headers["Content-Type"] ?? ""
        return String(value.split(separator: ";").first ?? "").trimmingCharacters(in: .whitespaces).lowercased()
    }
}

/// `application/x-www-form-urlencoded` and query-string decoding.
enum FormDecoding {
    /// `a=1&b=x%20y` → `[("a","1"), ("b","x y")]`.
    static func pairs(_ text: String) -> [(name: String, value: String)] {
        text.split(separator: "&", omittingEmptySubsequences: true).map { part in
            let kv = part.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let name = percentDecode(String(kv[0]), plusIsSpace: true)
            let value = kv.count > 1 ? percentDecode(String(kv[1]), plusIsSpace: true) : ""
            return (name, value)
        }
    }

    /// Decodes `%XX` escapes (invalid ones stay as they are).
    static func percentDecode(_ text: String, plusIsSpace: Bool) -> String {
        let bytes = Array(text.utf8)
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count)
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == 0x25, i + 2 < bytes.count, let h = hex(bytes[i + 1]), let l = hex(bytes[i + 2]) {
                out.append(h << 4 | l)
                i += 3
            } else {
                out.append(plusIsSpace && b == 0x2B ? 0x20 : b)
                i += 1
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func hex(_ b: UInt8) -> UInt8? {
        switch b {
        case 48...57: return b - 48
        case 65...70: return b - 55
        case 97...102: return b - 87
        default: return nil
        }
    }
}
