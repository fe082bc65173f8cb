import Glibc
import HTTP
import Simulators
import TestSupport
import Testing
@testable import Gateway

/// A queued caller that disconnects leaves the queue (issue 9), in real time through the gateway.
@Suite(.serialized, .enabled(if: RealTimeTests.enabled, RealTimeTests.reason)) struct RateLimitDisconnectTests {
    @Test func aQueuedCallerThatDisconnectsLeavesTheQueueAndTheNextCallerGetsItsSlot() async throws {
        let setup = try await OwlOpsBehindGateway.start(
            simulatorLimit: nil, upstreamLimit: nil,
            clientLimit: RateLimitConfiguration(rate: 1, period: .seconds(3), policy: .queue(maxWait: .seconds(8), maxQueue: 10)))
        let limiter = try #require(setup.limiters?.limiter(client: "team-a"))
        let start = ContinuousClock.now
        #expect(try await setup.send(RateLimitEndToEndTests.tasks).status == 200)   // slot 0; the next is 3 s later
        let leaver = try #require(RawConnection(port: setup.gateway.server.port))
        leaver.send("GET \(RateLimitEndToEndTests.tasks) HTTP/1.1\r\nHost: gateway.test\r\nAuthorization: Bearer \(setup.gateway.token())\r\n\r\n")
        await limiter.untilQueueDepth(atLeast: 1)
        leaver.close()
        // This caller waits for the slot 3 s after the first; the leaver never takes a slot (admitted
        // stays 2; had it kept its place it would have been admitted and sent at 3 s, this caller at 6 s).
        let reply = try await setup.send(RateLimitEndToEndTests.tasks)
        let elapsed = ContinuousClock.now - start
        #expect(reply.status == 200)
        #expect(elapsed >= .seconds(3), "\(elapsed)")
        let metrics = limiter.metrics()
        #expect(metrics.cancelled == 1)
        #expect(metrics.admitted == 2)
        #expect(metrics.rejected == 0)
        #expect(metrics.queueDepth == 0)
        #expect(await setup.simulator.stats().requests == 2, "the leaver's request was never sent")
        await setup.stop()
    }
}

/// A plain TCP connection to a loopback port: write bytes, then close without reading.
final class RawConnection: Sendable {
    let fd: Int32

    /// Connects to 127.0.0.1:`port` (nil when it cannot).
    init?(port: Int) {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        guard fd >= 0 else { return nil }
        guard LoopbackSocket.connect(fd, port: port) == 0 else { Glibc.close(fd); return nil }
        self.fd = fd
    }

    /// Writes all of `text`.
    func send(_ text: String) { LoopbackSocket.sendAll(fd, Array(text.utf8)) }

    /// Closes the socket.
    func close() { Glibc.close(fd) }
}
