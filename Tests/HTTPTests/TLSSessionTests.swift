import Foundation
import TestSupport
import Testing
@testable import HTTP

@Suite struct TLSSessionTests {
    func fixture() throws -> TLSFixture { try TLSFixture.shared.get() }

    func serverSession(chain: String, key: String, minimum: TLSConfiguration.MinimumVersion = .tls1_2) throws -> TLSSession {
        try TLSSession(context: TLSContext(.server(certificateChainFile: chain, privateKeyFile: key, minimumVersion: minimum)))
    }

    func clientSession(_ fixture: TLSFixture, name: String, configure: (inout TLSConfiguration) -> Void = { _ in }) throws -> TLSSession {
        var configuration = TLSConfiguration.client(trustRoots: .caFile(fixture.caFile))
        configure(&configuration)
        return try TLSSession(context: TLSContext(configuration), serverName: name)
    }

    @Test func handshakeSucceedsAndDataFlowsBothWays() throws {
        let f = try fixture()
        let server = try serverSession(chain: f.serverChain, key: f.serverKey)
        let client = try clientSession(f, name: "api.test")
        try client.writePlaintext(Array("GET / HTTP/1.1\r\n\r\n".utf8)) // queued until the handshake allows it
        #expect(client.pendingPlaintextCount > 0)
        var result = PumpResult()
        pump(client: client, server: server, result: &result)
        #expect(result.clientError == nil && result.serverError == nil, "\(result)")
        #expect(client.isHandshakeComplete && server.isHandshakeComplete)
        #expect(client.protocolVersion == "TLSv1.3")
        #expect(String(decoding: result.serverReceived, as: UTF8.self) == "GET / HTTP/1.1\r\n\r\n")
        try server.writePlaintext(Array("HTTP/1.1 200 OK\r\n\r\n".utf8))
        pump(client: client, server: server, result: &result)
        #expect(String(decoding: result.clientReceived, as: UTF8.self) == "HTTP/1.1 200 OK\r\n\r\n")
    }

    @Test func handshakeSurvivesOneByteFragments() throws {
        let f = try fixture()
        let server = try serverSession(chain: f.serverChain, key: f.serverKey)
        let client = try clientSession(f, name: "localhost")
        try client.writePlaintext(Array("hello".utf8))
        var received: [UInt8] = []
        var clientReceived: [UInt8] = []
        try client.handshake()
        for _ in 0..<20 {
            let toServer = client.takeCiphertext()
            let toClient = server.takeCiphertext()
            if toServer.isEmpty && toClient.isEmpty { break }
            for byte in toServer {
                server.feedCiphertext([byte])
                try server.readPlaintext(into: &received)
            }
            for byte in toClient {
                client.feedCiphertext([byte])
                try client.readPlaintext(into: &clientReceived)
            }
        }
        #expect(client.isHandshakeComplete && server.isHandshakeComplete)
        #expect(String(decoding: received, as: UTF8.self) == "hello")
    }

    @Test func largeTransfersArriveIntact() throws {
        let f = try fixture()
        let server = try serverSession(chain: f.serverChain, key: f.serverKey)
        let client = try clientSession(f, name: "localhost")
        let payload = (0..<1_000_000).map { UInt8(truncatingIfNeeded: $0 &* 31) }
        try client.writePlaintext(payload)
        try server.writePlaintext(payload.reversed())
        var result = PumpResult()
        pump(client: client, server: server, result: &result)
        #expect(result.serverReceived == payload)
        #expect(result.clientReceived == payload.reversed())
    }

    @Test func verifiesIPAddressLiterals() throws {
        let f = try fixture()
        var result = PumpResult()
        pump(client: try clientSession(f, name: "127.0.0.1"), server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &result)
        #expect(result.clientError == nil)
        var wrong = PumpResult()
        pump(client: try clientSession(f, name: "127.0.0.2"), server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &wrong)
        #expect(wrong.clientError?.kind == .certificateVerification)
    }

    @Test func wrongHostnameFailsWithClearError() throws {
        let f = try fixture()
        var result = PumpResult()
        pump(client: try clientSession(f, name: "wrong.test"), server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &result)
        let error = try #require(result.clientError)
        #expect(error.kind == .certificateVerification)
        #expect(error.host == "wrong.test")
        #expect(error.message.contains("hostname mismatch"), "\(error)")
        #expect(error.verifyCode == 62) // X509_V_ERR_HOSTNAME_MISMATCH
    }

    @Test func untrustedCAFails() throws {
        let f = try fixture()
        var result = PumpResult()
        pump(client: try clientSession(f, name: "localhost"), server: try serverSession(chain: f.rogueChain, key: f.rogueKey), result: &result)
        let error = try #require(result.clientError)
        #expect(error.kind == .certificateVerification)
        #expect(error.message.contains("unable to get local issuer certificate"), "\(error)")
        #expect(result.serverReceived.isEmpty)
    }

    @Test func systemTrustStoreDoesNotTrustTestCA() throws {
        let f = try fixture()
        let client = try TLSSession(context: TLSContext(.client()), serverName: "localhost")
        var result = PumpResult()
        pump(client: client, server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &result)
        #expect(result.clientError?.kind == .certificateVerification)
    }

    @Test func tls11ClientIsRefused() throws {
        let f = try fixture()
        let client = try clientSession(f, name: "localhost") { configuration in
            configuration.testMaximumProtocol = 0x0302 // TLS1_1_VERSION
            configuration.testCipherList = "DEFAULT:@SECLEVEL=0"
        }
        var result = PumpResult()
        pump(client: client, server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &result)
        let error = try #require(result.serverError, "the server must see and refuse the TLS 1.1 hello: \(result)")
        #expect(error.kind == .handshake)
        #expect(error.message.contains("unsupported protocol"), "\(error)")
        #expect(result.clientError != nil)
    }

    @Test func tls12ClientIsAccepted() throws {
        let f = try fixture()
        let client = try clientSession(f, name: "localhost") { $0.testMaximumProtocol = 0x0303 } // TLS1_2_VERSION
        var result = PumpResult()
        pump(client: client, server: try serverSession(chain: f.serverChain, key: f.serverKey), result: &result)
        #expect(result.clientError == nil && result.serverError == nil)
        #expect(client.protocolVersion == "TLSv1.2")
    }

    @Test func tls13OnlyServerRefusesTLS12() throws {
        let f = try fixture()
        let client = try clientSession(f, name: "localhost") { $0.testMaximumProtocol = 0x0303 } // TLS1_2_VERSION
        var result = PumpResult()
        pump(client: client, server: try serverSession(chain: f.serverChain, key: f.serverKey, minimum: .tls1_3), result: &result)
        #expect(result.serverError?.kind == .handshake)
    }

    @Test func closeNotifyReachesPeer() throws {
        let f = try fixture()
        let server = try serverSession(chain: f.serverChain, key: f.serverKey)
        let client = try clientSession(f, name: "localhost")
        var result = PumpResult()
        pump(client: client, server: server, result: &result)
        client.close()
        server.feedCiphertext(client.takeCiphertext())
        var ignored: [UInt8] = []
        #expect(try server.readPlaintext(into: &ignored) == .closedByPeer)
    }

    @Test func corruptedRecordIsAProtocolError() throws {
        let f = try fixture()
        let server = try serverSession(chain: f.serverChain, key: f.serverKey)
        let client = try clientSession(f, name: "localhost")
        var result = PumpResult()
        pump(client: client, server: server, result: &result)
        try client.writePlaintext(Array("secret".utf8))
        var record = client.takeCiphertext()
        record[record.count - 1] ^= 0xFF
        server.feedCiphertext(record)
        var ignored: [UInt8] = []
        #expect(throws: TLSError.self) { try server.readPlaintext(into: &ignored) }
        #expect(throws: TLSError.self) { try server.writePlaintext(Array("x".utf8)) } // the failure is sticky
    }

    @Test func configurationErrorsNameTheFile() throws {
        let f = try fixture()
        #expect {
            try TLSContext(.server(certificateChainFile: f.directory + "/missing.pem", privateKeyFile: f.serverKey))
        } throws: { error in
            let tls = error as? TLSError
            return tls?.kind == .configuration && tls?.message.contains("missing.pem") == true
        }
        #expect(throws: TLSError.self) { try TLSContext(.server(certificateChainFile: f.serverChain, privateKeyFile: f.rogueKey)) }
        #expect(throws: TLSError.self) { try TLSContext(.client(trustRoots: .caFile(f.directory + "/none.pem"))) }
        #expect(throws: TLSError.self) { try TLSSession(context: TLSContext(.client(trustRoots: .caFile(f.caFile)))) }
    }

    @Test func recognisesIPAddressLiterals() {
        #expect(TLSSession.isIPAddress("127.0.0.1"))
        #expect(TLSSession.isIPAddress("::1"))
        #expect(!TLSSession.isIPAddress("api.test"))
        #expect(!TLSSession.isIPAddress("1.2.3"))
    }
}
