import Document
import Foundation
import HTTP
import Testing
@testable import Gateway

/// `https://` upstreams: verified against the upstream's `caFile` (host name included), refused otherwise.
@Suite(.serialized) struct GatewayTLSTests {
    @Test func reachesAnHTTPSUpstreamVerifiedAgainstItsCAFile() async throws {
        let pki = try GatewayTestPKI.make()
        let origin = try await HTTPServer.start(configuration: HTTPServerConfiguration(
            tls: .server(certificateChainFile: pki.serverChain, privateKeyFile: pki.serverKey))) { request in
            guard request.head.headers["Authorization"] == "Bearer \(FakeSecrets.opsdeckToken)" else {
                return jsonResponse(401, ["error": "Token is missing"])
            }
            return jsonResponse(200, [["id": 1, "name": "over TLS"]])
        }
        var upstream = TestGateway.upstream("opsdeck", url: "https://localhost:\(origin.port)",
                                            auth: .bearer(token: FakeSecrets.secret(FakeSecrets.opsdeckToken)))
        upstream.caFile = pki.caFile
        let gateway = try await TestGateway.start([upstream])
        let reply = try await gateway.send(.GET, "/opsdeck/api/v1/users", token: gateway.token())
        #expect(reply.status == 200)
        #expect(reply.json == [["id": 1, "name": "over TLS"]])
        await gateway.stop()
        await origin.shutdown(gracePeriod: .seconds(1))
    }

    @Test func refusesAnUpstreamWhoseCertificateItCannotVerify() async throws {
        let pki = try GatewayTestPKI.make()
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
}

/// A throwaway CA and a server certificate for `localhost`/`127.0.0.1`, made with the `openssl` CLI.
struct GatewayTestPKI: Sendable {
    let directory: String
    var caFile: String { directory + "/ca.pem" }
    var serverChain: String { directory + "/server.pem" }
    var serverKey: String { directory + "/server.key" }

    /// Why the certificates could not be made.
    struct Failure: Error, CustomStringConvertible { var description: String }

    static func make() throws -> GatewayTestPKI {
        let dir = NSTemporaryDirectory() + "gateway-tls-\(getpid())-\(UInt32.random(in: 0...UInt32.max))"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let ext = dir + "/server.ext"
        try "subjectAltName=DNS:localhost,IP:127.0.0.1\nbasicConstraints=CA:FALSE\nextendedKeyUsage=serverAuth\n"
            .write(toFile: ext, atomically: true, encoding: .utf8)
        let ec = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:P-256", "-nodes"]
        try openssl(["req", "-x509"] + ec + ["-keyout", dir + "/ca.key", "-out", dir + "/ca.pem", "-days", "1",
                     "-subj", "/CN=Gateway TLS test CA", "-addext", "basicConstraints=critical,CA:TRUE",
                     "-addext", "keyUsage=critical,keyCertSign,cRLSign"])
        try openssl(["req"] + ec + ["-keyout", dir + "/server.key", "-out", dir + "/server.csr", "-subj", "/CN=localhost"])
        try openssl(["x509", "-req", "-in", dir + "/server.csr", "-CA", dir + "/ca.pem", "-CAkey", dir + "/ca.key",
                     "-CAcreateserial", "-out", dir + "/server.pem", "-days", "1", "-extfile", ext])
        return GatewayTestPKI(directory: dir)
    }

    private static func openssl(_ arguments: [String]) throws {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["openssl"] + arguments
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw Failure(description: "openssl \(arguments.first ?? "") exited with \(process.terminationStatus)")
        }
    }
}
