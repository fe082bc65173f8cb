extension HTTPRequestHead {
    /// The path of the request-target: for origin-form `/a/b?q` it is `/a/b`; for absolute-form
    /// `http://h/a?q` it is `/a` (`/` when the URI has no path); for `*` and authority-form it is the target.
    public var path: Substring {
        let utf8 = target.utf8
        var start = utf8.startIndex
        if utf8.first != UInt8(ascii: "/"), let authority = Self.authorityStart(utf8) {
            guard let end = utf8[authority...].firstIndex(where: { $0 == UInt8(ascii: "/") || $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }),
                  utf8[end] == UInt8(ascii: "/") else { return "/" }
            start = end
        }
        let rest = utf8[start...]
        let end = rest.firstIndex(where: { $0 == UInt8(ascii: "?") || $0 == UInt8(ascii: "#") }) ?? rest.endIndex
        return target[start..<end]
    }

    /// The query of the request-target without `?` (nil when there is none); a fragment is not included.
    public var query: Substring? {
        let utf8 = target.utf8
        guard let mark = utf8.firstIndex(of: UInt8(ascii: "?")) else { return nil }
        let start = utf8.index(after: mark)
        let end = utf8[start...].firstIndex(of: UInt8(ascii: "#")) ?? utf8.endIndex
        return target[start..<end]
    }

    /// The index just after `scheme://` in an absolute-form target, or nil.
    static func authorityStart(_ utf8: String.UTF8View) -> String.Index? {
        guard let colon = utf8.firstIndex(of: UInt8(ascii: ":")) else { return nil }
        let afterColon = utf8[utf8.index(after: colon)...]
        guard afterColon.starts(with: "//".utf8) else { return nil }
        return utf8.index(colon, offsetBy: 3)
    }
}
