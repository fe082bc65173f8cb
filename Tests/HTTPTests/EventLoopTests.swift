import Testing
import Glibc
import Synchronization
import CLinux
@testable import HTTP

@Suite struct EventLoopTests {
    static let group = EventLoopGroup(loopCount: 2)

    @Test func executeRunsOnTheLoopThread() async {
        let loop = Self.group.loops[0]
        let onLoop = await withCheckedContinuation { continuation in
            loop.execute { continuation.resume(returning: loop.inEventLoop) }
        }
        #expect(onLoop)
        #expect(!loop.inEventLoop)
    }

    @Test func tasksPreferringTheLoopRunOnIt() async {
        let loop = Self.group.loops[1]
        let results = await withTaskExecutorPreference(loop) { () async -> [Bool] in
            var seen: [Bool] = []
            for _ in 0..<3 {
                seen.append(loop.inEventLoop)
                await Task.yield()
            }
            return seen
        }
        #expect(results == [true, true, true])
        #expect(Self.group.loops.filter { $0.inEventLoop }.isEmpty)
    }

    @Test func timersFireInDeadlineOrderAndCancelledOnesDoNot() async {
        let loop = Self.group.loops[0]
        let order = await withCheckedContinuation { (continuation: CheckedContinuation<[Int], Never>) in
            loop.execute {
                var fired: [Int] = []
                let cancelled = loop.schedule(afterNanoseconds: 20_000_000) { fired.append(99) }
                _ = loop.schedule(afterNanoseconds: 60_000_000) {
                    fired.append(2)
                    continuation.resume(returning: fired)
                }
                _ = loop.schedule(afterNanoseconds: 30_000_000) { fired.append(1) }
                loop.cancel(cancelled)
            }
        }
        #expect(order == [1, 2])
    }

    @Test func timerHeapRemovesFromTheMiddle() {
        var heap = TimerHeap()
        let timers = (0..<50).map { LoopTimer(deadline: UInt64(($0 * 37) % 50), action: {}) }
        for timer in timers { heap.insert(timer) }
        for timer in timers where timer.deadline % 3 == 0 { heap.remove(timer) }
        let remaining = heap.count
        #expect(remaining == timers.filter { $0.deadline % 3 != 0 }.count)
        #expect(heap.timeoutMilliseconds(now: 0) == 1)  // deadline 1 ns rounds up to 1 ms
        #expect(heap.popExpired(now: 100).count == remaining)
        #expect(heap.count == 0)
    }

    @Test func socketChannelEchoesOverLoopback() async throws {
        let loop = Self.group.loops[1]
        let listener = try Listener(host: "127.0.0.1", port: 0, reusePort: false, loop: loop)
        loop.execute {
            try? listener.start { fd in
                guard let channel = try? SocketChannel.adopt(fd: fd, loop: loop) else { return }
                Task(executorPreference: loop) {
                    while let bytes = try await channel.read(deadline: nil, { Array($0) }) {
                        try await channel.write(bytes, deadline: nil)
                    }
                    channel.close()
                }
            }
        }
        let client = try TestSocket(port: listener.port)
        client.send("ping")
        #expect(await client.receive(count: 1, of: "ping") == "ping")
        client.send("pong")
        #expect(await client.receive(count: 1, of: "pong") == "pong")
        client.shutdownWrite()
        #expect(await client.peerClosed())
        loop.execute { listener.close() }
    }

    @Test func readTimesOutAtTheDeadline() async throws {
        let loop = Self.group.loops[0]
        let listener = try Listener(host: "127.0.0.1", port: 0, reusePort: false, loop: loop)
        let outcome = Locked<SocketError?>(nil)
        loop.execute {
            try? listener.start { fd in
                guard let channel = try? SocketChannel.adopt(fd: fd, loop: loop) else { return }
                Task(executorPreference: loop) {
                    do {
                        _ = try await channel.read(deadline: loop.now + 100_000_000) { $0.count }
                    } catch {
                        outcome.set(error as? SocketError)
                    }
                    channel.close()
                }
            }
        }
        let client = try TestSocket(port: listener.port)
        #expect(await client.peerClosed())  // closed by the server after its 100 ms read deadline
        #expect(outcome.value == .timedOut)
        loop.execute { listener.close() }
    }
}

/// A value shared between a test and the tasks it starts.
final class Locked<Value: Sendable>: Sendable {
    private let mutex: Mutex<Value>
    init(_ value: Value) { mutex = Mutex(value) }
    /// The current value.
    var value: Value { mutex.withLock { $0 } }
    /// Replaces the value.
    func set(_ value: Value) { mutex.withLock { $0 = value } }
    /// Mutates the value in place.
    func update(_ body: (inout Value) -> Void) { mutex.withLock { body(&$0) } }
}

/// Counts the events it receives (loop-confined in the test).
final class CountingHandler: EventLoopSelectable {
    var events = 0
    func eventLoopReady(events: UInt32) { self.events += 1 }
}

@Suite struct EventLoopGenerationTests {
    @Test func eventsForAReusedFdWithAnOldGenerationAreDropped() async {
        let loop = EventLoopTests.group.loops[0]
        let outcome = await withCheckedContinuation { (continuation: CheckedContinuation<[Int], Never>) in
            loop.execute {
                var fds: [Int32] = [0, 0]
                pipe(&fds)
                let old = CountingHandler(), new = CountingHandler()
                _ = loop.register(fd: fds[0], events: GW_EPOLLIN | GW_EPOLLET, handler: old)
                let oldGeneration = loop.generation(of: fds[0]) ?? 0
                loop.deregister(fd: fds[0])
                _ = loop.register(fd: fds[0], events: GW_EPOLLIN | GW_EPOLLET, handler: new)
                let newGeneration = loop.generation(of: fds[0]) ?? 0
                let fd = UInt64(UInt32(bitPattern: fds[0]))
                loop.dispatch(gw_epoll_result(events: GW_EPOLLIN, data: UInt64(oldGeneration) << 32 | fd))
                let afterStale = [old.events, new.events]
                loop.dispatch(gw_epoll_result(events: GW_EPOLLIN, data: UInt64(newGeneration) << 32 | fd))
                loop.deregister(fd: fds[0])
                close(fds[0]); close(fds[1])
                continuation.resume(returning: afterStale + [old.events, new.events, oldGeneration == newGeneration ? 1 : 0])
            }
        }
        #expect(outcome == [0, 0, 0, 1, 0])
    }
}

/// Being on a loop's thread is not the same as running in a task that prefers the loop: only the
/// latter resumes on the loop after an `await`, which socket I/O relies on.
@Suite struct LoopExecutorPreferenceTests {
    static let group = EventLoopGroup(loopCount: 1)

    @Test func onlyATaskThatPrefersTheLoopCountsAsItsExecutor() async {
        let loop = Self.group.loops[0]
        let inClosure = await withCheckedContinuation { (continuation: CheckedContinuation<(Bool, Bool), Never>) in
            loop.execute { continuation.resume(returning: (loop.inEventLoop, loop.isCurrentTaskExecutor)) }
        }
        #expect(inClosure == (true, false))  // on the thread, but no task prefers the loop here
        #expect(!loop.isCurrentTaskExecutor)  // a test task on the global pool
        let preferred = await withTaskExecutorPreference(loop) { () async -> [Bool] in
            var seen = [loop.isCurrentTaskExecutor]
            await Task.yield()
            seen.append(loop.isCurrentTaskExecutor)
            return seen
        }
        #expect(preferred == [true, true])
        let other = EventLoopGroup.shared.loops[0]
        let elsewhere = await withTaskExecutorPreference(other) { loop.isCurrentTaskExecutor }
        #expect(!elsewhere)
    }
}
