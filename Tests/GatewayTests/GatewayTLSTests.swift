import Document
import Foundation
import HTTP
import TestSupport
import Testing
@testable import Gateway

/// `https://` upstreams: verified against the upstream's `caFile` (host name included), refused otherwise.
@Suite(.serialized) struct GatewayTLSTests {
    @Test func reachesAnHTTPSUpstreamVerifiedAgainstItsCAFile() async throws {
        let pki = try await OffPool.run { try TLSFixture.shared.get() }  // first use runs `openssl`: not on the pool
        let origin = try await HTTPServer.start(configuration: HTTPServerConfiguration(
            tls: .server(certificateChainFile: pki.serverChain, privateKeyFile: pki.serverKey))) { request in
            guard request.head.headers["Authorization"] == "Bearer \(FakeSecrets.opsdeckToken)" else {
                return jsonResponse(401, ["error": "Token is missing"])
            }
            return jsonResponse(200, [["id": 1, "name": "over TLS"]])
        }
        // Generous connect timeout (it covers the TLS handshake): this test checks verification, and a
        // loaded CI machine once took over the default 2 s to finish a handshake.
        var upstream = TestGateway.upstream("opsdeck", url: "https://localhost:\(origin.port)",
                                            auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)),
                                            timeouts: UpstreamTimeouts(connect: .seconds(15), firstByte: .seconds(15), total: .seconds(30)))
        upstream.caFile = pki.caFile
        let gateway = try await TestGateway.start([upstream])
        let reply = try await gateway.send(.GET, "/opsdeck/api/v1/users", token: gateway.token())
        #expect(reply.status == 200)
        #expect(reply.json == [["id": 1, "name": "over TLS"]])
        await gateway.stop()
        await origin.shutdown(gracePeriod: .seconds(1))
    }

    @Test func refusesAnUpstreamWhoseCertificateItCannotVerify() async throws {
        let pki = try await OffPool.run { try TLSFixture.shared.get() }  // first use runs `openssl`: not on the pool
        let origin = try await HTTPServer.start(configuration: HTTPServerConfiguration(
            tls: .server(certificateChainFile: pki.serverChain, privateKeyFile: pki.serverKey))) { _ in
            jsonResponse(200, [])
        }
        // No caFile: the system store does not know the test CA, so the handshake must fail → 502.
        let upstream = TestGateway.upstream("opsdeck", url: "https://localhost:\(origin.port)",
                                            auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)))
        let gateway = try await TestGateway.start([upstream])
        let reply = try await gateway.send(.GET, "/opsdeck/api/v1/users", token: gateway.token())
        #expect(reply.status == 502)
        #expect(reply.headers["Content-Type"] == "application/problem+json")
        #expect(!reply.text.contains(FakeSecrets.opsdeckToken))
        await gateway.stop()
        await origin.shutdown(gracePeriod: .seconds(1))
    }

    /// `listen.tls`: callers reach the gateway over https (small request right after the handshake,
    /// a fresh connection each time), and a plain-HTTP request to the TLS listener gets no answer.
    @Test func terminatesTLSForCallers() async throws {
        let pki = try await OffPool.run { try TLSFixture.shared.get() }  // first use runs `openssl`: not on the pool
        let origin = try await FakeOrigin.start { request in
            request.headers["Authorization"] == "Bearer \(FakeSecrets.opsdeckToken)"
                ? jsonResponse(200, [["id": 1, "name": "behind TLS"]]) : jsonResponse(401, ["error": "Token is missing"])
        }
        let upstream = TestGateway.upstream("opsdeck", url: origin.url,
                                            auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)))
        let (token, _) = try #require(ClientToken.create())
        let listen = ListenConfiguration(host: "127.0.0.1", port: 0,
                                         tls: TLSFiles(certificateFile: pki.serverChain, privateKeyFile: pki.serverKey))
        let configuration = GatewayConfiguration(
            file: "(test)", listen: listen, publicBaseURL: "https://gateway.test", limits: ServerLimits(),
            audit: .standardOutput,
            clients: [ClientConfiguration(name: "team-a", tokenSHA256: ClientToken.hash(token), upstreams: ["opsdeck"])],
            upstreams: [upstream])
        let runtime = try GatewayRuntime(configuration: configuration, audit: AuditLog.memory(),
                                         specs: await SpecCache.loader(for: [upstream]))
        let gateway = try await GatewayServer.start(runtime)
        let headers: HTTPHeaders = ["Authorization": "Bearer \(token)"]
        let url = "/opsdeck/api/v1/users"

        for _ in 0..<3 {
            let https = HTTPClient(configuration: HTTPClientConfiguration(tls: .client(trustRoots: .caFile(pki.caFile))))
            let response = try await https.execute(try HTTPClientRequest(url: "https://127.0.0.1:\(gateway.port)\(url)", headers: headers))
            let body = try await response.body.collect(upTo: 1 << 20)
            #expect(response.status == .ok)
            #expect(try JSONReader.parse(body) == [["id": 1, "name": "behind TLS"]])
        }

        let plain = HTTPClient(configuration: HTTPClientConfiguration(connectTimeout: .seconds(2), firstByteTimeout: .seconds(2)))
        await #expect(throws: (any Error).self) {
            _ = try await plain.execute(try HTTPClientRequest(url: "http://127.0.0.1:\(gateway.port)\(url)", headers: headers))
        }
        _ = await gateway.shutdown(gracePeriod: .seconds(1))
        await origin.stop()
    }
}
