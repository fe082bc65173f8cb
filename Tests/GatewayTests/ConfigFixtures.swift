import Foundation
import Document
@testable import Gateway

/// Shared inputs for the configuration tests: a fake environment and a small valid file.
enum ConfigFixtures {
    /// Obviously fake secret values, keyed by variable name.
    static let variables: [String: String] = [
        "OWLOPS_API_KEY": "owlk_test_fake_0000000000000000000000000000",
        "UPKEEP_EMAIL": "gateway-test@example.invalid",
        "UPKEEP_PASSWORD": "upkeep_test_fake_password_000",
        "TRACKOPS_SUBDOMAIN": "acme-fake",
        "TRACKOPS_USERNAME": "apiuser/token",
        "TRACKOPS_API_TOKEN": "trackops_test_fake_token_000",
        "OWOX_API_KEY": owoxKey(origin: "https://app.owox.com"),
        "OPSDECK_HOST": "opsdeck.example.invalid",
        "OPSDECK_API_TOKEN": "opsdeck_test_fake_token_000",
    ]

    /// A well-formed fake OWOX key for `origin` (`owox_key_` + base64url JSON, unpadded).
    static func owoxKey(origin: String, id: String = "key-id-fake-0", secret: String = "owox_secret_test_fake_000") -> String {
        let json = #"{"apiOrigin":"\#(origin)","apiKeyId":"\#(id)","apiKeySecret":"\#(secret)"}"#
        let base64 = Data(json.utf8).base64EncodedString()
            .replacingOccurrences(of: "+", with: "-").replacingOccurrences(of: "/", with: "_").replacingOccurrences(of: "=", with: "")
        return "owox_key_" + base64
    }

    /// Directory the in-memory configuration pretends to live in.
    static let directory = "/etc/gw"

    /// An environment with `variables`, in-memory `files` (paths as asked for), and every
    /// `/etc/gw/specs/*.yaml` readable.
    static func environment(variables: [String: String] = variables, files: [String: String] = [:]) -> ConfigurationEnvironment {
        let bytes = files.mapValues { Array($0.utf8) }
        return ConfigurationEnvironment(
            variable: { variables[$0] },
            readFile: { path in bytes[path].map { .success($0) } ?? .failure(.init(reason: "no such file")) },
            isReadableFile: { path in bytes[path] != nil || (path.hasPrefix("/etc/gw/specs/") && path.hasSuffix(".yaml")) })
    }

    /// Real files (the process's file system), fake `variables`.
    static func realFiles(_ variables: [String: String]) -> ConfigurationEnvironment {
        ConfigurationEnvironment(variable: { variables[$0] }, readFile: ConfigurationEnvironment.process.readFile,
                                 isReadableFile: ConfigurationEnvironment.process.isReadableFile)
    }

    /// Parses YAML text as `gateway.yaml` in `/etc/gw` and loads it.
    static func load(_ yaml: String, variables: [String: String] = variables,
                     files: [String: String] = [:]) -> Result<GatewayConfiguration, ConfigurationError> {
        let document: LoadedDocument
        do {
            document = try YAMLReader.parseDocument(Array(yaml.utf8), file: "gateway.yaml")
        } catch {
            return .failure(ConfigurationError(diagnostics: [
                ConfigurationDiagnostic(file: "gateway.yaml", location: error.location, path: .root, message: error.message),
            ]))
        }
        do {
            return .success(try ConfigurationLoader.load(document: document, baseDirectory: directory,
                                                         environment: environment(variables: variables, files: files)))
        } catch {
            return .failure(error)
        }
    }

    /// The diagnostics' printed lines, or `["loaded"]` when the file loaded.
    static func problems(_ yaml: String, variables: [String: String] = variables, files: [String: String] = [:]) -> [String] {
        switch load(yaml, variables: variables, files: files) {
        case .success: ["loaded"]
        case .failure(let error): error.diagnostics.map(\.description)
        }
    }

    /// The smallest valid configuration: one upstream with an API key.
    static let minimal = """
    upstreams:
      - name: owlops
        mount: /owlops
        spec: specs/owlops.yaml
        baseURL: https://owlops.example.invalid
        auth:
          type: apiKey
          header: X-Api-Key
          secret: ${OWLOPS_API_KEY}
    """

    /// `minimal` with the auth block replaced (indented at the auth level).
    static func upstream(auth: String) -> String {
        """
        upstreams:
          - name: owlops
            mount: /owlops
            spec: specs/owlops.yaml
            baseURL: https://owlops.example.invalid
            auth:
        \(auth.split(separator: "\n").map { "      " + $0 }.joined(separator: "\n"))
        """
    }
}
