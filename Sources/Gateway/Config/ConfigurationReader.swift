import Document

/// One mapping of the configuration being read, together with its key path.
struct ConfigObject {
    /// The mapping's members.
    let object: JSONObject
    /// Where the mapping is.
    let path: ConfigPath

    /// The member `key`, treating an explicit `null` (an empty YAML value) as absent.
    subscript(key: String) -> JSONValue? {
        guard let v = object[key], !v.isNull else { return nil }
        return v
    }
}

/// Reads typed values out of a loaded document and collects a diagnostic for every problem,
/// so one load reports everything wrong at once. Section decoders live in `ConfigurationReader+*.swift`.
struct ConfigurationReader {
    /// The parsed file, with source positions.
    let document: LoadedDocument
    /// Directory relative paths are resolved against (the configuration file's directory).
    let baseDirectory: String
    /// Environment variables and files for secret references.
    let environment: ConfigurationEnvironment
    /// Every problem found so far.
    private(set) var diagnostics: [ConfigurationDiagnostic] = []

    init(document: LoadedDocument, baseDirectory: String, environment: ConfigurationEnvironment) {
        self.document = document
        self.baseDirectory = baseDirectory
        self.environment = environment
    }

    /// Records a problem at the node (or, with `atKey`, at the key) of `path`.
    mutating func report(_ path: ConfigPath, _ message: String, atKey: Bool = false) {
        let location = atKey ? document.keyLocation(of: path.pointer) : document.location(of: path.pointer)
        diagnostics.append(ConfigurationDiagnostic(file: document.file, location: location, path: path, message: message))
    }

    /// Checks `value` is a mapping with no keys outside `allowed` and every key in `required`.
    /// With `extensions`, keys starting with `x-` are ignored (a place for YAML anchors).
    mutating func object(_ value: JSONValue, at path: ConfigPath, allowed: [String],
                         required: [String] = [], extensions: Bool = false) -> ConfigObject? {
        guard case .object(let o) = value else {
            report(path, "expected a mapping, found \(ConfigurationReader.kind(of: value))")
            return nil
        }
        for key in o.keys where !allowed.contains(key) && !(extensions && key.hasPrefix("x-")) {
            report(path.appending(key), "unknown key '\(key)'\(Suggestion.hint(for: key, in: allowed))", atKey: true)
        }
        let result = ConfigObject(object: o, path: path)
        for key in required where result[key] == nil {
            if o[key] == nil {
                report(path, "missing required key '\(key)'")
            } else {
                report(path.appending(key), "'\(key)' needs a value")
            }
        }
        return result
    }

    /// The optional nested mapping `key` of `o`.
    mutating func object(_ o: ConfigObject, _ key: String, allowed: [String], required: [String] = []) -> ConfigObject? {
        guard let v = o[key] else { return nil }
        return object(v, at: o.path.appending(key), allowed: allowed, required: required)
    }

    /// The elements of list `key` with their paths; nil when absent or not a list (reported).
    mutating func list(_ o: ConfigObject, _ key: String) -> [(path: ConfigPath, value: JSONValue)]? {
        guard let v = o[key] else { return nil }
        let path = o.path.appending(key)
        guard case .array(let a) = v else {
            report(path, "expected a list, found \(ConfigurationReader.kind(of: v))")
            return nil
        }
        return a.enumerated().map { (path.appending($0.offset), $0.element) }
    }

    /// String member `key`; nil when absent or of another type (reported).
    mutating func string(_ o: ConfigObject, _ key: String) -> String? {
        guard let v = o[key] else { return nil }
        guard case .string(let s) = v else {
            report(o.path.appending(key), "expected a string, found \(ConfigurationReader.kind(of: v))")
            return nil
        }
        return s
    }

    /// Integer member `key` within `range`.
    mutating func int(_ o: ConfigObject, _ key: String, in range: ClosedRange<Int>) -> Int? {
        guard let v = o[key] else { return nil }
        let path = o.path.appending(key)
        guard case .number(let n) = v, n.isInteger else {
            report(path, "expected an integer, found \(ConfigurationReader.kind(of: v))")
            return nil
        }
        guard let i = n.intValue, range.contains(i) else {
            report(path, "\(n) is out of range \(range.lowerBound)...\(range.upperBound)")
            return nil
        }
        return i
    }

    /// Boolean member `key` (`true`/`false` only).
    mutating func bool(_ o: ConfigObject, _ key: String) -> Bool? {
        guard let v = o[key] else { return nil }
        guard case .bool(let b) = v else {
            report(o.path.appending(key), "expected true or false, found \(ConfigurationReader.kind(of: v))")
            return nil
        }
        return b
    }

    /// Duration member `key` (`500ms`, `30s`, `1m`); zero is rejected unless `allowZero`.
    mutating func duration(_ o: ConfigObject, _ key: String, allowZero: Bool = false) -> Duration? {
        guard let text = string(o, key) else { return nil }
        switch DurationText.parse(text) {
        case .success(let d):
            if d == .zero && !allowZero {
                report(o.path.appending(key), "must be longer than 0")
                return nil
            }
            return d
        case .failure(let message):
            report(o.path.appending(key), message.message)
            return nil
        }
    }

    /// Size member `key` (`16KiB`, `10MiB`, or plain bytes), at least `minimum`.
    mutating func size(_ o: ConfigObject, _ key: String, minimum: Int = 1) -> Int? {
        guard let v = o[key] else { return nil }
        let text: String
        switch v {
        case .string(let s): text = s
        case .number(let n) where n.intValue != nil: text = n.text
        default:
            report(o.path.appending(key), "expected a size like '16KiB', found \(ConfigurationReader.kind(of: v))")
            return nil
        }
        switch ByteSizeText.parse(text) {
        case .success(let n):
            guard n >= minimum else {
                report(o.path.appending(key), "must be at least \(ByteSizeText.format(minimum))")
                return nil
            }
            return n
        case .failure(let message):
            report(o.path.appending(key), message.message)
            return nil
        }
    }

    /// List-of-strings member `key`.
    mutating func stringList(_ o: ConfigObject, _ key: String) -> [String]? {
        guard let items = list(o, key) else { return nil }
        var out: [String] = []
        for (path, v) in items {
            guard case .string(let s) = v else {
                report(path, "expected a string, found \(ConfigurationReader.kind(of: v))")
                continue
            }
            out.append(s)
        }
        return out
    }

    /// A file path member, resolved against the configuration file's directory.
    mutating func filePath(_ o: ConfigObject, _ key: String) -> String? {
        guard let s = string(o, key) else { return nil }
        guard !s.isEmpty else {
            report(o.path.appending(key), "must not be empty")
            return nil
        }
        return resolvePath(s)
    }

    /// `path` itself when absolute, else joined to the configuration file's directory.
    func resolvePath(_ path: String) -> String {
        if path.hasPrefix("/") || baseDirectory.isEmpty || baseDirectory == "." { return path }
        return baseDirectory.hasSuffix("/") ? baseDirectory + path : baseDirectory + "/" + path
    }

    /// How a value is named in "expected …, found …" messages (never its content).
    static func kind(of value: JSONValue) -> String {
        switch value {
        case .null: "nothing"
        case .bool: "a boolean"
        case .number(let n): n.isInteger ? "an integer" : "a number"
        case .string: "a string"
        case .array: "a list"
        case .object: "a mapping"
        }
    }
}
