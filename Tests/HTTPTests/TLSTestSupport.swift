import Testing
@testable import HTTP

/// What a pumped connection ended with on each side.
struct PumpResult {
    var clientError: TLSError?
    var serverError: TLSError?
    var clientReceived: [UInt8] = []
    var serverReceived: [UInt8] = []
}

/// Moves ciphertext between two in-memory sessions until neither has anything to say (bounded rounds).
func pump(client: TLSSession, server: TLSSession, result: inout PumpResult, rounds: Int = 50) {
    do { try client.handshake() } catch { result.clientError = error; return }
    for _ in 0..<rounds {
        let toServer = client.takeCiphertext()
        let toClient = server.takeCiphertext()
        if toServer.isEmpty && toClient.isEmpty { return }
        if !toServer.isEmpty && result.serverError == nil {
            server.feedCiphertext(toServer)
            do { try server.readPlaintext(into: &result.serverReceived) } catch { result.serverError = error }
        }
        if !toClient.isEmpty && result.clientError == nil {
            client.feedCiphertext(toClient)
            do { try client.readPlaintext(into: &result.clientReceived) } catch { result.clientError = error }
        }
    }
}
