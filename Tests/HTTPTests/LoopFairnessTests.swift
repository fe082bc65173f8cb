import Glibc
import Synchronization
import Testing
import CLinux
@testable import HTTP

/// A task whose I/O never has to wait (a fast streamed body) must not keep its loop from polling
/// other sockets and firing timers: past `EventLoop.turnBudget` it yields until the next turn.
@Suite struct LoopFairnessTests {
    /// Spins the CPU for about `nanoseconds` (stands in for a producer's per-chunk work).
    static func spin(_ nanoseconds: UInt64) {
        let end = gw_monotonic_ns() &+ nanoseconds
        while gw_monotonic_ns() < end {}
    }

    @Test func aBusyTaskThatYieldsLetsTheLoopFireItsTimers() async {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let loop = group.loops[0]
        let timerFiredWhileBusy = await withTaskExecutorPreference(loop) { () async -> Bool in
            var busy = true
            var firedWhileBusy = false
            _ = loop.schedule(afterNanoseconds: 20_000_000) { firedWhileBusy = busy }
            let end = gw_monotonic_ns() &+ 300_000_000
            while gw_monotonic_ns() < end {
                Self.spin(100_000)
                if loop.turnBudgetExceeded { await loop.yieldUntilNextTurn() }
            }
            busy = false
            return firedWhileBusy
        }
        #expect(timerFiredWhileBusy)
    }

    @Test func aRequestIsServedWhileAnotherConnectionStreamsWithoutEverWaiting() async throws {
        let group = EventLoopGroup(loopCount: 1)
        defer { group.shutdown() }
        let streamDone = Atomic<Bool>(false)
        let smallHandled = Atomic<Bool>(false)
        let smallServedDuringStream = Atomic<Bool>(false)
        let streaming = TestLatch()
        let chunk = [UInt8](repeating: 0x61, count: 4 << 10)
        let handler: HTTPServerHandler = { request in
            if request.head.target == "/small" {
                smallServedDuringStream.store(!streamDone.load(ordering: .acquiring), ordering: .releasing)
                smallHandled.store(true, ordering: .releasing)
                return HTTPServerResponse(status: .ok, body: .string("small"))
            }
            // Streams until the small request was handled (or 20 s, however loaded the machine is):
            // without fairness the small request could only run after the stream ended.
            return HTTPServerResponse(status: .ok, body: .stream { writer in
                let deadline = gw_monotonic_ns() &+ 20_000_000_000
                var first = true
                while !smallHandled.load(ordering: .acquiring) && gw_monotonic_ns() < deadline {
                    Self.spin(1_000_000)  // ~1 ms of work per 4 KiB chunk: the reader keeps up, writes never wait
                    try await writer.write(chunk)
                    if first { streaming.fire(); first = false }
                }
                streamDone.store(true, ordering: .releasing)
            })
        }
        let server = try await HTTPServer.start(configuration: HTTPServerConfiguration(), group: group, handler: handler)
        let big = try TestSocket(port: server.port, timeoutMilliseconds: 60_000)
        big.send("GET /stream HTTP/1.1\r\nHost: x\r\n\r\n")
        async let bigResponse = big.readResponse()
        #expect(await streaming.wait(timeout: .seconds(30)))
        let small = try TestSocket(port: server.port, timeoutMilliseconds: 60_000)
        small.send("GET /small HTTP/1.1\r\nHost: x\r\n\r\n")
        #expect(await small.readResponse()?.text == "small")
        let bigBody = await bigResponse?.body.count ?? 0
        #expect(bigBody > 0 && bigBody % chunk.count == 0)
        let servedDuringStream = smallServedDuringStream.load(ordering: .acquiring)
        #expect(servedDuringStream, "the small request waited for the whole stream")
        _ = await server.shutdown(gracePeriod: .seconds(1))
    }
}
