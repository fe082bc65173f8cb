import Document

/// URI helpers for `$ref` resolution; only `file:` URIs are ever produced.
enum ReferenceURI {
    /// `file://` plus an absolute, normalized path.
    static func fileURI(forAbsolutePath path: String) -> String { "file://" + normalize(path) }

    /// The absolute path inside a `file://` URI.
    static func path(of uri: String) -> String {
        uri.hasPrefix("file://") ? String(uri.dropFirst(7)) : uri
    }

    /// Removes `.` and `..` segments and duplicate slashes from an absolute path.
    static func normalize(_ path: String) -> String {
        var out: [Substring] = []
        for seg in path.split(separator: "/", omittingEmptySubsequences: true) {
            if seg == "." { continue }
            if seg == ".." { _ = out.popLast(); continue }
            out.append(seg)
        }
        return "/" + out.joined(separator: "/")
    }

    /// The scheme of a URI reference (`https` in `https://x`), nil for a relative reference.
    static func scheme(of reference: String) -> String? {
        guard let colon = reference.firstIndex(of: ":") else { return nil }
        let s = reference[..<colon]
        guard let first = s.first, first.isLetter,
              s.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber || $0 == "+" || $0 == "-" || $0 == ".") })
        else { return nil }
        return s.lowercased()
    }

    /// Resolves a relative file reference (`../common.yaml`) against the URI of the referring document.
    static func resolve(_ relative: String, against base: String) -> String {
        let decoded = PercentDecoding.decode(relative) ?? relative
        if decoded.hasPrefix("/") { return fileURI(forAbsolutePath: decoded) }
        let basePath = path(of: base)
        let dir = basePath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        return fileURI(forAbsolutePath: dir + "/" + decoded)
    }
}
