import Testing
@testable import Gateway

/// The `servers` URL of `/openapi.json` when `publicBaseURL` is not configured.
@Suite struct PublicURLTests {
    @Test func derivedFromTheListenAddress() {
        #expect(GatewayRuntime.derivedURL(ListenConfiguration(host: "127.0.0.1", port: 8080)) == "http://127.0.0.1:8080")
        #expect(GatewayRuntime.derivedURL(ListenConfiguration(host: "0.0.0.0", port: 8080)) == "http://localhost:8080")
        #expect(GatewayRuntime.derivedURL(ListenConfiguration(host: "::1", port: 9000)) == "http://[::1]:9000")
    }

    @Test func anOSChosenPortGivesARelativeServerURL() {
        // Port 0 is not where anyone can reach the gateway; "/" resolves against the document's own URL.
        #expect(GatewayRuntime.derivedURL(ListenConfiguration(host: "127.0.0.1", port: 0)) == "/")
    }
}
