import Document

/// The state of one load: documents read so far and problems found. Used by one loader call only.
final class LoadContext {
    let source: any DocumentSource
    let rootURI: String
    /// File name shown for the root (as the caller gave it).
    let rootDisplayName: String
    var version: OpenAPIVersion = .v3_1
    private(set) var documents: [String: LoadedDocument] = [:]
    private var unreadable: Set<String> = []
    private(set) var diagnostics: [LoadDiagnostic] = []
    /// The same node can be reached twice (operation reading, then the reference walk): report once.
    private var reported: Set<LoadDiagnostic> = []

    init(source: any DocumentSource, rootURI: String, rootDisplayName: String) {
        self.source = source
        self.rootURI = rootURI
        self.rootDisplayName = rootDisplayName
    }

    /// A referenced file's name as people see it: relative like the root's name when it sits beside it.
    func displayName(forURI uri: String) -> String {
        let path = ReferenceURI.path(of: uri)
        let rootPath = ReferenceURI.path(of: rootURI)
        let rootDir = rootPath.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        let displayDir = rootDisplayName.split(separator: "/", omittingEmptySubsequences: false).dropLast().joined(separator: "/")
        guard path.hasPrefix(rootDir + "/") else { return path }
        let rest = path.dropFirst(rootDir.count + 1)
        return displayDir.isEmpty ? String(rest) : displayDir + "/" + rest
    }

    /// Records a problem at `pointer` in the document `uri`.
    func report(_ message: String, at pointer: JSONPointer, in uri: String, key: Bool = false) {
        let doc = documents[uri]
        let file = doc?.file ?? ReferenceURI.path(of: uri)
        let location = key ? doc?.keyLocation(of: pointer) : doc?.location(of: pointer)
        let d = LoadDiagnostic(file: file, location: location, pointer: pointer, message: message)
        if reported.insert(d).inserted { diagnostics.append(d) }
    }

    /// The document at `uri`, read on first use; nil (with a diagnostic at the referring site) when unreadable.
    func document(_ uri: String, referredFrom site: (uri: String, pointer: JSONPointer)?) -> LoadedDocument? {
        if let d = documents[uri] { return d }
        if unreadable.contains(uri) { return nil }
        do {
            var d = try source.document(atPath: ReferenceURI.path(of: uri))
            if uri == rootURI { d.file = rootDisplayName } else { d.file = displayName(forURI: uri) }
            documents[uri] = d
            return d
        } catch {
            unreadable.insert(uri)
            if let site {
                report("cannot read referenced file: \(error.description)", at: site.pointer, in: site.uri)
            } else {
                diagnostics.append(LoadDiagnostic(file: error.file.isEmpty ? rootDisplayName : error.file,
                                                  location: error.location, pointer: .root, message: error.message))
            }
            return nil
        }
    }

    /// Turns a `$ref` string written at `pointer` in `uri` into an absolute location; reports why not.
    func target(of ref: String, at pointer: JSONPointer, in uri: String) -> SchemaLocation? {
        let hash = ref.firstIndex(of: "#")
        let resource = hash.map { String(ref[..<$0]) } ?? ref
        let fragment = hash.map { String(ref[$0...]) } ?? "#"
        let targetURI: String
        if resource.isEmpty {
            targetURI = uri
        } else if let scheme = ReferenceURI.scheme(of: resource) {
            if scheme == "http" || scheme == "https" {
                report("network reference '\(ref)' refused: only references within the document or to relative files are allowed",
                       at: pointer, in: uri)
            } else if scheme == "file" {
                report("absolute file reference '\(ref)' refused: use a path relative to the referring file",
                       at: pointer, in: uri)
            } else {
                report("reference '\(ref)' uses unsupported scheme '\(scheme):'", at: pointer, in: uri)
            }
            return nil
        } else {
            targetURI = ReferenceURI.resolve(resource, against: uri)
        }
        guard let jp = JSONPointer(uriFragment: fragment) else {
            report("reference '\(ref)' has a fragment that is not a JSON Pointer", at: pointer, in: uri)
            return nil
        }
        return SchemaLocation(documentURI: targetURI, pointer: jp)
    }

    /// The value at a location, reading its file if needed; reports a missing target at the referring site.
    func lookup(_ target: SchemaLocation, ref: String, site: (uri: String, pointer: JSONPointer)) -> JSONValue? {
        guard let doc = document(target.documentURI, referredFrom: site) else { return nil }
        guard let v = target.pointer.resolve(in: doc.value) else {
            report("reference '\(ref)' does not resolve: nothing at \(target.pointer.string.isEmpty ? "the root" : target.pointer.string) in \(doc.file)",
                   at: site.pointer, in: site.uri)
            return nil
        }
        return v
    }

    /// Follows Reference Objects (non-schema `$ref`) from the node at `pointer` until a real object.
    ///
    /// 3.0: siblings of `$ref` are ignored. 3.1: `summary` and `description` beside `$ref` override the
    /// target's. Reports missing targets and cycles; returns nil after reporting.
    func resolveObject(_ value: JSONValue, at pointer: JSONPointer, in uri: String,
                       what: String) -> (value: JSONObject, location: SchemaLocation)? {
        var current = value
        var here = SchemaLocation(documentURI: uri, pointer: pointer)
        var overrides = JSONObject()
        var seen: Set<SchemaLocation> = []
        while true {
            guard case .object(let obj) = current else {
                report("\(what) must be an object, found \(current.typeName)", at: here.pointer, in: here.documentURI)
                return nil
            }
            guard let refValue = obj["$ref"] else {
                var result = obj
                for (k, v) in overrides where result.contains(k) || k == "description" || k == "summary" {
                    result[k] = v
                }
                return (result, here)
            }
            guard case .string(let ref) = refValue else {
                report("$ref must be a string, found \(refValue.typeName)", at: here.pointer.appending("$ref"), in: here.documentURI)
                return nil
            }
            if version == .v3_1 {
                for key in ["summary", "description"] where overrides[key] == nil {
                    if let v = obj[key] { overrides[key] = v }
                }
            }
            guard !seen.contains(here) else {
                report("reference cycle: '\(ref)' leads back to itself", at: here.pointer, in: here.documentURI)
                return nil
            }
            seen.insert(here)
            let site = (uri: here.documentURI, pointer: here.pointer.appending("$ref"))
            guard let t = target(of: ref, at: site.pointer, in: site.uri),
                  let next = lookup(t, ref: ref, site: site) else { return nil }
            current = next
            here = t
        }
    }

    /// All documents read so far, with their URIs (for checking references in files read later).
    var documentURIs: [String] { Array(documents.keys).sorted() }
}
