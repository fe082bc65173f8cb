import Document

/// Loads `gateway.yaml`: parse, read every section, resolve secrets, and report all problems at once.
public enum ConfigurationLoader {
    /// What to check beyond the file itself.
    public struct Options: Sendable {
        /// Also require that spec, CA and TLS files named in the configuration exist and are readable.
        public var checkReferencedFiles = true
        public init(checkReferencedFiles: Bool = true) { self.checkReferencedFiles = checkReferencedFiles }
    }

    /// Reads and checks the configuration file at `path` (named as given in every message).
    public static func load(path: String, environment: ConfigurationEnvironment = .process,
                            options: Options = Options()) throws(ConfigurationError) -> GatewayConfiguration {
        let bytes: [UInt8]
        switch environment.readFile(path) {
        case .success(let b): bytes = b
        case .failure(let failure):
            throw ConfigurationError(diagnostics: [
                ConfigurationDiagnostic(file: path, location: nil, path: .root, message: "cannot read configuration: \(failure.reason)"),
            ])
        }
        let document: LoadedDocument
        do {
            document = try parse(bytes, file: path)
        } catch {
            throw ConfigurationError(diagnostics: [
                ConfigurationDiagnostic(file: path, location: error.location, path: .root, message: error.message),
            ])
        }
        return try load(document: document, baseDirectory: directory(of: path), environment: environment, options: options)
    }

    /// Checks an already parsed document; relative paths in it are resolved against `baseDirectory`.
    public static func load(document: LoadedDocument, baseDirectory: String,
                            environment: ConfigurationEnvironment = .process,
                            options: Options = Options()) throws(ConfigurationError) -> GatewayConfiguration {
        var reader = ConfigurationReader(document: document, baseDirectory: baseDirectory, environment: environment)
        let configuration = reader.readConfiguration()
        if options.checkReferencedFiles, let configuration {
            reader.checkReferencedFiles(configuration)
        }
        guard reader.diagnostics.isEmpty, let configuration else {
            throw ConfigurationError(diagnostics: reader.diagnostics)
        }
        return configuration
    }

    /// Parses `.json` files strictly as JSON and everything else as YAML.
    static func parse(_ bytes: [UInt8], file: String) throws(DocumentError) -> LoadedDocument {
        file.hasSuffix(".json") ? try JSONReader.parseDocument(bytes, file: file)
                                : try YAMLReader.parseDocument(bytes, file: file)
    }

    /// The directory part of a path (`"."` for a bare file name).
    static func directory(of path: String) -> String {
        guard let slash = path.lastIndex(of: "/") else { return "." }
        return slash == path.startIndex ? "/" : String(path[..<slash])
    }
}

extension ConfigurationReader {
    /// Reports every spec, CA and TLS file that cannot be read, at the key that names it.
    mutating func checkReferencedFiles(_ configuration: GatewayConfiguration) {
        var files: [(ConfigPath, String)] = []
        if let tls = configuration.listen.tls {
            let base = ConfigPath.root.appending("listen").appending("tls")
            files.append((base.appending("certificateFile"), tls.certificateFile))
            files.append((base.appending("privateKeyFile"), tls.privateKeyFile))
        }
        for (i, upstream) in configuration.upstreams.enumerated() {
            let base = upstreamPath(named: upstream.name) ?? ConfigPath.root.appending("upstreams").appending(i)
            files.append((base.appending("spec"), upstream.specPath))
            if let ca = upstream.caFile { files.append((base.appending("caFile"), ca)) }
        }
        for (path, file) in files where !environment.isReadableFile(file) {
            report(path, "cannot read '\(file)'")
        }
    }

    /// The path of the upstream entry with this name in the document.
    func upstreamPath(named name: String) -> ConfigPath? {
        guard let list = document.value["upstreams"]?.arrayValue,
              let i = list.firstIndex(where: { $0["name"]?.stringValue == name }) else { return nil }
        return ConfigPath.root.appending("upstreams").appending(i)
    }
}
