import HTTP

/// The header rules of forwarding: which caller fields never reach the upstream, which upstream
/// fields are not passed back, and the `X-Request-Id` / `Forwarded` / `Via` fields the gateway adds.
public enum ForwardHeaders {
    /// `Via` element the gateway appends (RFC 9110 §7.6.3).
    public static let via = "1.1 gateway"

    /// Hop-by-hop fields (RFC 9110 §7.6.1) plus the framing fields the HTTP engine writes itself.
    static let hopByHop: Set<String> = [
        "connection", "keep-alive", "proxy-connection", "te", "trailer", "transfer-encoding", "upgrade",
        "proxy-authorization", "proxy-authenticate", "content-length", "host", "expect",
    ]

    /// Caller fields that carry the caller's own credentials or state, never forwarded.
    static let callerCredentials: Set<String> = ["authorization", "cookie", "cookie2"]

    /// The fields sent upstream: the caller's minus hop-by-hop, credentials, the strategy's own
    /// header names and `X-Request-Id`; plus the request id, `Forwarded`, `Via` and the grant's fields.
    public static func upstreamRequest(from caller: HTTPHeaders, requestId: String, remoteAddress: String,
                                       host: String?, strategyHeaders: [String], grant: CredentialGrant) -> HTTPHeaders {
        var removed = hopByHop.union(callerCredentials)
        removed.insert("x-request-id")
        for name in strategyHeaders { removed.insert(name.lowercased()) }
        for name in connectionTokens(caller) { removed.insert(name) }
        var out = HTTPHeaders()
        out.reserveCapacity(caller.count + 4 + grant.headers.count)
        var forwarded: [String] = []
        var via: [String] = []
        for field in caller {
            let lower = field.name.lowercased()
            if removed.contains(lower) { continue }
            if lower == "forwarded" { forwarded.append(field.value); continue }
            if lower == "via" { via.append(field.value); continue }
            out.add(field)
        }
        out.add(name: "X-Request-Id", value: requestId)
        let address = remoteAddress.contains(":") ? "\"[\(remoteAddress)]\"" : remoteAddress
        var element = "for=\(address);proto=http"
        if let host, !host.isEmpty, host.utf8.allSatisfy({ $0 > 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x3B && $0 != 0x2C }) {
            element += ";host=\"\(host)\""
        }
        forwarded.append(element)
        out.add(name: "Forwarded", value: forwarded.joined(separator: ", "))
        via.append(Self.via)
        out.add(name: "Via", value: via.joined(separator: ", "))
        for (name, value) in grant.headers { out.add(name: name, value: value) }
        return out
    }

    /// The fields returned to the caller: the upstream's minus hop-by-hop, plus `Via`.
    public static func callerResponse(from upstream: HTTPHeaders) -> HTTPHeaders {
        var removed = hopByHop
        for name in connectionTokens(upstream) { removed.insert(name) }
        var out = HTTPHeaders()
        out.reserveCapacity(upstream.count + 1)
        var via: [String] = []
        for field in upstream {
            let lower = field.name.lowercased()
            if removed.contains(lower) { continue }
            if lower == "via" { via.append(field.value); continue }
            out.add(field)
        }
        via.append(Self.via)
        out.add(name: "Via", value: via.joined(separator: ", "))
        return out
    }

    /// Field names listed in `Connection` (lower-cased).
    static func connectionTokens(_ headers: HTTPHeaders) -> [String] {
        headers.values(for: "Connection").flatMap { $0.split(separator: ",") }
            .map { token in
                let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" }
                return String(token.drop(while: isSpace).reversed().drop(while: isSpace).reversed()).lowercased()
            }
            .filter { !$0.isEmpty }
    }
}
