/// Secret references (`${ENV}`, `file:path`) and `${ENV}` interpolation in plain strings.
///
/// Every message here names the variable or file, never a value, and never echoes a literal
/// written in a secret field (it might be a real key pasted by mistake).
extension ConfigurationReader {
    /// Largest secret file accepted.
    static let maxSecretFileBytes = 64 << 10

    /// Secret member `key`: must be a reference; resolved through the environment.
    mutating func secret(_ o: ConfigObject, _ key: String) -> SecretValue? {
        guard let v = o[key] else { return nil }
        let path = o.path.appending(key)
        guard case .string(let text) = v, let reference = SecretReference(parsing: text) else {
            report(path, "secrets must be a ${ENV} or file: reference")
            return nil
        }
        guard let value = resolve(reference, at: path) else { return nil }
        return SecretValue(value, source: reference.description)
    }

    /// A non-secret identity (user name, email): a literal, or a `${ENV}`/`file:` reference.
    mutating func identity(_ o: ConfigObject, _ key: String) -> String? {
        guard let text = string(o, key) else { return nil }
        let path = o.path.appending(key)
        if let reference = SecretReference(parsing: text) { return resolve(reference, at: path) }
        guard !text.isEmpty else {
            report(path, "must not be empty")
            return nil
        }
        guard !ConfigurationReader.hasControlCharacters(text) else {
            report(path, "must not contain control characters")
            return nil
        }
        return text
    }

    /// Resolves a reference to its value, reporting a missing variable or unreadable file by name.
    mutating func resolve(_ reference: SecretReference, at path: ConfigPath) -> String? {
        let what: String
        var value: String
        switch reference {
        case .environment(let name):
            what = "environment variable \(name)"
            guard let v = environment.variable(name) else {
                report(path, "\(what) is not set")
                return nil
            }
            value = v
        case .file(let file):
            let resolved = resolvePath(file)
            what = "secret file '\(resolved)'"
            switch environment.readFile(resolved) {
            case .failure(let failure):
                report(path, "cannot read \(what): \(failure.reason)")
                return nil
            case .success(let bytes):
                guard bytes.count <= ConfigurationReader.maxSecretFileBytes else {
                    report(path, "\(what) is larger than \(ByteSizeText.format(ConfigurationReader.maxSecretFileBytes))")
                    return nil
                }
                guard let text = String(validating: bytes, as: UTF8.self) else {
                    report(path, "\(what) is not UTF-8 text")
                    return nil
                }
                value = text
            }
        }
        // One trailing line break (as editors and `echo` write) is not part of the secret.
        while let last = value.unicodeScalars.last, last == "\n" || last == "\r" {
            value.unicodeScalars.removeLast()
        }
        guard !value.isEmpty else {
            report(path, "\(what) is empty")
            return nil
        }
        // A line break inside a value sent in a header would allow header injection upstream.
        guard !ConfigurationReader.hasControlCharacters(value) else {
            report(path, "\(what) contains control characters (line breaks inside a secret are not allowed)")
            return nil
        }
        return value
    }

    /// Replaces each `${NAME}` in a plain (non-secret) string such as a base URL; nil when one is unset.
    mutating func interpolate(_ text: String, at path: ConfigPath) -> String? {
        guard text.contains("${") else { return text }
        var out = ""
        var rest = Substring(text)
        var ok = true
        while let open = rest.range(of: "${") {
            out += rest[..<open.lowerBound]
            guard let close = rest[open.upperBound...].firstIndex(of: "}") else {
                report(path, "unterminated '${' (write ${NAME})")
                return nil
            }
            let name = String(rest[open.upperBound..<close])
            rest = rest[rest.index(after: close)...]
            guard SecretReference.isVariableName(name) else {
                report(path, "'${\(name)}' is not a valid variable reference (letters, digits, '_')")
                ok = false
                continue
            }
            guard let value = environment.variable(name), !value.isEmpty else {
                report(path, "environment variable \(name) is not set")
                ok = false
                continue
            }
            // A value may fill in a host or part of one, never add a path, query, user or line break.
            if value.unicodeScalars.contains(where: { "/?#@\\ ".unicodeScalars.contains($0) })
                || ConfigurationReader.hasControlCharacters(value) {
                report(path, "environment variable \(name) must be a host name or part of one (no '/', '?', '#', '@', spaces)")
                ok = false
                continue
            }
            out += value
        }
        out += rest
        return ok ? out : nil
    }

    /// True when any scalar is a C0 control, DEL, or a Unicode line/paragraph separator.
    static func hasControlCharacters(_ s: String) -> Bool {
        s.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F || $0 == "\u{2028}" || $0 == "\u{2029}" }
    }
}
