import Foundation
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
