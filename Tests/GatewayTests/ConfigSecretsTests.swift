import Testing
import Foundation
@testable import Gateway

/// Secret references: never literal, resolved at load, named (never shown) when missing.
@Suite struct ConfigSecretsTests {
    @Test func literalSecretIsRejectedWithoutEchoingIt() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: opsdeck_literal_fake_value_123")
        let problems = ConfigFixtures.problems(yaml)
        #expect(problems == ["gateway.yaml:8:14: upstreams[0].auth.token: secrets must be a ${ENV} or file: reference"])
        #expect(!problems.joined().contains("opsdeck_literal_fake_value_123"))
    }

    @Test(arguments: ["$OWLOPS_API_KEY", "${OWLOPS API KEY}", "${}", "file:", "{OWLOPS_API_KEY}", "${1ABC}"])
    func malformedReferencesAreRejected(text: String) {
        #expect(SecretReference(parsing: text) == nil)
    }

    @Test func parsesBothReferenceForms() {
        #expect(SecretReference(parsing: "${OWLOPS_API_KEY}") == .environment("OWLOPS_API_KEY"))
        #expect(SecretReference(parsing: "file:secrets/owlops") == .file("secrets/owlops"))
        #expect(SecretReference(parsing: "file:/run/secrets/x")?.description == "file:/run/secrets/x")
    }

    @Test func missingEnvironmentVariableIsNamed() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: ${OPSDECK_API_TOKEN}")
        #expect(ConfigFixtures.problems(yaml, variables: [:]) == [
            "gateway.yaml:8:14: upstreams[0].auth.token: environment variable OPSDECK_API_TOKEN is not set",
        ])
    }

    @Test func unreadableSecretFileIsNamed() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: file:secrets/opsdeck")
        #expect(ConfigFixtures.problems(yaml) == [
            "gateway.yaml:8:14: upstreams[0].auth.token: cannot read secret file '/etc/gw/secrets/opsdeck': no such file",
        ])
    }

    @Test func secretFileIsResolvedRelativeToTheConfigurationAndLosesItsTrailingNewline() throws {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: file:secrets/opsdeck")
        let config = try ConfigFixtures.load(yaml, files: ["/etc/gw/secrets/opsdeck": "opsdeck_test_fake_000\r\n"]).get()
        guard case .bearer(let token) = config.upstreams[0].auth else { Issue.record("expected bearer"); return }
        #expect(token.reveal() == "opsdeck_test_fake_000")
        #expect(token.source == "file:secrets/opsdeck")
    }

    @Test func secretWithALineBreakInsideIsRejected() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: ${OPSDECK_API_TOKEN}")
        var variables = ConfigFixtures.variables
        variables["OPSDECK_API_TOKEN"] = "fake_token\r\nX-Injected: 1"
        let problems = ConfigFixtures.problems(yaml, variables: variables)
        #expect(problems == [
            "gateway.yaml:8:14: upstreams[0].auth.token: environment variable OPSDECK_API_TOKEN contains control characters (line breaks inside a secret are not allowed)",
        ])
        #expect(!problems.joined().contains("fake_token"))
    }

    @Test func emptySecretIsRejected() {
        let yaml = ConfigFixtures.upstream(auth: "type: bearer\ntoken: file:empty")
        #expect(ConfigFixtures.problems(yaml, files: ["/etc/gw/empty": "\n"]) == [
            "gateway.yaml:8:14: upstreams[0].auth.token: secret file '/etc/gw/empty' is empty",
        ])
    }

    @Test func secretValueNeverPrints() throws {
        let secret = SecretValue("owlk_test_fake_never_print", source: "${OWLOPS_API_KEY}")
        #expect(secret.description == "<redacted>")
        #expect(secret.debugDescription == "<redacted>")
        #expect("\(secret)" == "<redacted>")
        #expect(String(reflecting: secret) == "<redacted>")
        var dumped = ""
        dump(secret, to: &dumped)
        #expect(!dumped.contains("owlk_test_fake_never_print"))
        #expect(Mirror(reflecting: secret).children.isEmpty)

        // Printing a whole loaded configuration goes through the same redaction.
        let config = try ConfigFixtures.load(ConfigFixtures.minimal).get()
        var all = "\(config) \(String(reflecting: config))"
        dump(config, to: &all)
        #expect(!all.contains("owlk_test_fake_0000000000000000000000000000"))
        #expect(all.contains("<redacted>"))
    }

    @Test func secretsCompareByValue() {
        let a = SecretValue("fake_a", source: "x"), b = SecretValue("fake_a", source: "y"), c = SecretValue("fake_b", source: "x")
        #expect(a.isEqual(to: b))
        #expect(!a.isEqual(to: c))
        #expect(!a.isEqual(to: SecretValue("fake_a_longer", source: "x")))
    }

    @Test func identityFieldsMayBeLiteralOrReferences() throws {
        let literal = ConfigFixtures.upstream(auth: "type: basic\nusername: apiuser/token\npassword: ${TRACKOPS_API_TOKEN}")
        guard case .basic(let b) = try ConfigFixtures.load(literal).get().upstreams[0].auth else {
            Issue.record("expected basic"); return
        }
        #expect(b.username == "apiuser/token")
        let colon = ConfigFixtures.upstream(auth: "type: basic\nusername: a:b\npassword: ${TRACKOPS_API_TOKEN}")
        #expect(ConfigFixtures.problems(colon) == [
            "gateway.yaml:8:17: upstreams[0].auth.username: must not contain ':' (HTTP Basic separates user and password with it)",
        ])
    }

    @Test func fixedEnvironmentServesOnlyWhatItWasGiven() throws {
        let env = ConfigurationEnvironment.fixed(variables: ["A": "fake_a"], files: ["/s/x": Array("fake_x".utf8)])
        #expect(env.variable("A") == "fake_a" && env.variable("B") == nil)
        #expect(try env.readFile("/s/x").get() == Array("fake_x".utf8))
        #expect(env.isReadableFile("/s/x") && !env.isReadableFile("/s/y"))
        #expect(throws: ConfigurationEnvironment.ReadFailure(reason: "no such file")) { try env.readFile("/s/y").get() }
    }

    @Test func processEnvironmentReadsRealVariablesAndFiles() throws {
        let dir = try ConfigTempDirectory()
        try dir.write("secret", "fake_value\n")
        let env = ConfigurationEnvironment.process
        #expect(env.variable("PATH") != nil)
        #expect(env.variable("GATEWAY_TEST_SURELY_UNSET_VARIABLE_0") == nil)
        #expect(try env.readFile(dir.path + "/secret").get() == Array("fake_value\n".utf8))
        #expect(env.isReadableFile(dir.path + "/secret"))
        #expect(!env.isReadableFile(dir.path))
        #expect(throws: ConfigurationEnvironment.ReadFailure(reason: "no such file")) { try env.readFile(dir.path + "/none").get() }
        #expect(throws: ConfigurationEnvironment.ReadFailure(reason: "is a directory")) { try env.readFile(dir.path).get() }
    }
}
