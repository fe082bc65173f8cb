import Document

/// Merges upstream documents into one OpenAPI 3.1 document for the gateway.
///
/// - paths are published under each upstream's mount prefix;
/// - operationIds and component names get the upstream's namespace (`owox_…`) and every `$ref` is
///   rewritten; components reached in other files are imported under the namespace too;
/// - 3.0 schemas are converted to 3.1 (`nullable` → type lists, boolean `exclusive*` → numbers,
///   `example` → `examples`, `$ref` siblings dropped as 3.0 ignores them);
/// - tags are prefixed with the namespace (`owox: Data Marts`) and grouped per upstream in `x-tagGroups`;
/// - upstream security schemes and requirements are replaced by the gateway's one bearer scheme;
/// - excluded operations (the gateway's own login/key exchange) are left out; `servers` is the public URL.
///
/// Output order follows the inputs (upstreams in the order given, then document order), so the
/// same inputs always give the same bytes.
public enum SpecAggregator {
    /// The merged document.
    public static func merge(_ upstreams: [AggregatedUpstream], gateway: GatewayDocumentInfo) -> JSONValue {
        var paths = JSONObject()
        var components: [String: JSONObject] = [:]
        var tags: [JSONValue] = []
        var groups: [JSONValue] = []
        for up in upstreams {
            var merger = UpstreamMerger(upstream: up)
            let out = merger.run()
            for (k, v) in out.paths { paths[k] = v }
            for kind in UpstreamMerger.componentKinds {
                for (name, value) in out.components[kind] ?? JSONObject() { components[kind, default: JSONObject()][name] = value }
            }
            tags.append(contentsOf: out.tags.map { .object($0) })
            groups.append(["name": .string(up.displayName), "tags": .array(out.tags.compactMap { $0["name"] })])
        }
        var comps = JSONObject()
        for kind in UpstreamMerger.componentKinds {
            if let c = components[kind], !c.isEmpty { comps[kind] = .object(c) }
        }
        comps["securitySchemes"] = .object([gateway.securitySchemeName: [
            "type": "http", "scheme": "bearer",
            "description": "The gateway's bearer token; the gateway signs in to each upstream itself."]])
        var doc = JSONObject()
        doc["openapi"] = "3.1.0"
        doc["info"] = ["title": .string(gateway.title), "version": .string(gateway.version)]
        doc["servers"] = [["url": .string(gateway.publicURL)]]
        doc["security"] = [.object([gateway.securitySchemeName: []])]
        doc["tags"] = .array(tags)
        doc["x-tagGroups"] = .array(groups)
        doc["paths"] = .object(paths)
        doc["components"] = .object(comps)
        return .object(doc)
    }

    /// The merged document as pretty JSON bytes (insertion order, deterministic).
    public static func mergedJSON(_ upstreams: [AggregatedUpstream], gateway: GatewayDocumentInfo) -> [UInt8] {
        var options = JSONWriter.Options()
        options.pretty = true
        return JSONWriter.write(merge(upstreams, gateway: gateway), options: options)
    }

    /// Every published route, upstreams in order, then document order.
    public static func routes(_ upstreams: [AggregatedUpstream]) -> [AggregatedRoute] {
        upstreams.flatMap { up in
            up.publishedOperations.map {
                AggregatedRoute(method: $0.method, publicPath: up.mountPrefix + $0.path, upstream: up.name, operationId: $0.operationId)
            }
        }
    }
}
