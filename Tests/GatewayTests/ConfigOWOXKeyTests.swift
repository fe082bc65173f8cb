import Testing
@testable import Gateway

/// OWOX keys are decoded at load, and refused when they would send the credential to another host.
@Suite struct ConfigOWOXKeyTests {
    static func owox(baseURL: String) -> String {
        """
        upstreams:
          - name: owox
            mount: /owox
            spec: specs/owox.yaml
            baseURL: \(baseURL)
            auth: {type: keyExchange, key: "${OWOX_API_KEY}"}
        """
    }

    @Test func keyForAnotherOriginIsRefused() {
        var variables = ConfigFixtures.variables
        variables["OWOX_API_KEY"] = ConfigFixtures.owoxKey(origin: "https://owox.attacker.invalid")
        let problems = ConfigFixtures.problems(Self.owox(baseURL: "https://app.owox.com"), variables: variables)
        #expect(problems == [
            "gateway.yaml:6:36: upstreams[0].auth.key: the key's apiOrigin https://owox.attacker.invalid is not this upstream's origin https://app.owox.com; the key is refused",
        ])
        #expect(!problems.joined().contains("owox_secret_test_fake"))
    }

    @Test func originComparisonIgnoresCaseTrailingSlashAndDefaultPort() throws {
        var variables = ConfigFixtures.variables
        variables["OWOX_API_KEY"] = ConfigFixtures.owoxKey(origin: "https://App.OWOX.com:443/")
        let config = try ConfigFixtures.load(Self.owox(baseURL: "https://app.owox.com/"), variables: variables).get()
        #expect(config.upstreams[0].auth.typeName == "keyExchange")
    }

    @Test(arguments: ["owox_key_test_fake_000", "owlk_test_fake_000", "owox_key_e30"])  // e30 = base64url("{}")
    func malformedKeyIsRejectedWithoutEchoingIt(key: String) {
        var variables = ConfigFixtures.variables
        variables["OWOX_API_KEY"] = key
        let problems = ConfigFixtures.problems(Self.owox(baseURL: "https://app.owox.com"), variables: variables)
        #expect(problems == [
            "gateway.yaml:6:36: upstreams[0].auth.key: ${OWOX_API_KEY} is not an OWOX API key (expected 'owox_key_' + base64url JSON with apiOrigin, apiKeyId, apiKeySecret)",
        ])
    }

    @Test func decodedSecretStaysRedacted() throws {
        let key = SecretValue(ConfigFixtures.owoxKey(origin: "https://app.owox.com"), source: "${OWOX_API_KEY}")
        let decoded = try OWOXAPIKey.decode(key).get()
        #expect("\(decoded)".contains("<redacted>"))
        #expect(!"\(decoded)".contains("owox_secret_test_fake"))
        #expect(decoded.apiKeySecret.source == "${OWOX_API_KEY} (apiKeySecret)")
    }
}
