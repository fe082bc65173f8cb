import Foundation
import TestSupport
import Testing
@testable import HTTP

/// TLS termination on the server and https on the client, with a CA made at test time.
@Suite struct ServerTLSTests {
    static func tlsServerConfiguration(_ fixture: TLSFixture, rogue: Bool = false) -> HTTPServerConfiguration {
        var configuration = HTTPServerConfiguration()
        configuration.tls = .server(certificateChainFile: rogue ? fixture.rogueChain : fixture.serverChain,
                                    privateKeyFile: rogue ? fixture.rogueKey : fixture.serverKey)
        return configuration
    }

    static func client(_ fixture: TLSFixture) -> HTTPClient {
        var configuration = HTTPClientConfiguration()
        configuration.tls = .client(trustRoots: .caFile(fixture.caFile))
        return HTTPClient(configuration: configuration, group: testGroup)
    }

    @Test func httpsRoundTripsAndReusesTheTLSConnection() async throws {
        let fixture = try TLSFixture.shared.get()
        let echo: HTTPServerHandler = { request in
            HTTPServerResponse(status: .ok, body: .bytes(try await request.body.collect(upTo: 1 << 20)))
        }
        try await withServer(Self.tlsServerConfiguration(fixture), handler: echo) { server in
            let client = Self.client(fixture)
            let origin = HTTPOrigin(scheme: "https", host: "localhost", port: server.port)
            let payload = [UInt8](repeating: 0x41, count: 200_000)
            for _ in 0..<3 {
                let response = try await client.execute(HTTPClientRequest(method: .POST, origin: origin, body: .bytes(payload)))
                #expect(response.status == .ok)
                #expect(try await response.body.collect(upTo: 1 << 20) == payload)
            }
            #expect(client.openConnections(to: origin) == 1)
        }
    }

    /// A small request written right after the handshake often reaches the server in the same read
    /// as the client's Finished; it must be decrypted then, not left waiting for a socket event that
    /// never comes (the server's head timeout, shortened here, would end the connection instead).
    @Test func smallRequestRightAfterTheHandshakeIsAnswered() async throws {
        let fixture = try TLSFixture.shared.get()
        var configuration = Self.tlsServerConfiguration(fixture)
        configuration.headerTimeout = .seconds(10)  // without the fix the request waits for this; loaded machines need the margin
        let server = try await HTTPServer.start(configuration: configuration, group: .shared, handler: helloHandler)
        var failure: (any Error)?
        for _ in 0..<8 where failure == nil {
            // A fresh client each time, on the shared loops like the gateway's: a new handshake per request.
            var clientConfiguration = HTTPClientConfiguration()
            clientConfiguration.tls = .client(trustRoots: .caFile(fixture.caFile))
            let client = HTTPClient(configuration: clientConfiguration)
            let headers: HTTPHeaders = ["Authorization": "Bearer owlk_test_fake_000"]
            do {
                let request = try HTTPClientRequest(url: "https://127.0.0.1:\(server.port)/opsdeck/api/v1/users", headers: headers)
                let response = try await client.execute(request)
                #expect(response.status == .ok)
                #expect(try await response.body.collect(upTo: 1 << 10) == Array("hello".utf8))
            } catch {
                failure = error
            }
        }
        await server.shutdown(gracePeriod: .milliseconds(100))
        if let failure { throw failure }
    }

    @Test func untrustedCertificateIsATLSFailureNamingTheHost() async throws {
        let fixture = try TLSFixture.shared.get()
        try await withServer(Self.tlsServerConfiguration(fixture, rogue: true), handler: helloHandler) { server in
            let origin = HTTPOrigin(scheme: "https", host: "localhost", port: server.port)
            let error = await clientError { _ = try await Self.client(fixture).execute(HTTPClientRequest(origin: origin)) }
            guard case .tlsFailure(let host, let reason)? = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
            #expect(host == "localhost")
            #expect(reason.contains("certificateVerification"))
            #expect(error?.gatewayStatus == .badGateway)
        }
    }

    @Test func hostNameMismatchIsATLSFailure() async throws {
        let fixture = try TLSFixture.shared.get()
        var configuration = Self.tlsServerConfiguration(fixture)
        configuration.host = "127.0.0.2"  // still loopback, but not an address the certificate names
        try await withServer(configuration, handler: helloHandler) { server in
            // The certificate names localhost, api.test and 127.0.0.1 only.
            let origin = HTTPOrigin(scheme: "https", host: "127.0.0.2", port: server.port)
            let error = await clientError { _ = try await Self.client(fixture).execute(HTTPClientRequest(origin: origin)) }
            guard case .tlsFailure(let host, _)? = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
            #expect(host == "127.0.0.2")
        }
    }

    @Test func httpsToAPlainServerIsATLSFailure() async throws {
        let fixture = try TLSFixture.shared.get()
        try await withServer(handler: helloHandler) { server in
            var client = HTTPClientConfiguration(connectTimeout: .seconds(2))
            client.tls = .client(trustRoots: .caFile(fixture.caFile))
            let origin = HTTPOrigin(scheme: "https", host: "localhost", port: server.port)
            let error = await clientError {
                _ = try await HTTPClient(configuration: client, group: testGroup).execute(HTTPClientRequest(origin: origin))
            }
            guard case .tlsFailure? = error else {
                Issue.record("expected tlsFailure, got \(String(describing: error))")
                return
            }
        }
    }
}
