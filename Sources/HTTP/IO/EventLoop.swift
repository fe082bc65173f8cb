import CLinux
import Foundation
import Synchronization

/// Something registered on an event loop; receives epoll readiness bits on the loop thread.
protocol EventLoopSelectable: AnyObject {
    /// Called on the loop thread with the `EPOLL*` bits that fired.
    func eventLoopReady(events: UInt32)
}

/// One epoll loop on its own thread: fd readiness, a task queue (it is also a Swift `TaskExecutor`,
/// so connection tasks run on this thread), timers, and eventfd wake-ups from other threads.
///
/// `@unchecked Sendable` is sound because state is split in two: `remote` (a `Mutex`) and the
/// atomics are the only things touched from other threads; every other stored `var` is confined to
/// the loop thread (all entry points that touch them are `assertInLoop()`-checked or only called
/// from `run()`).
public final class EventLoop: @unchecked Sendable, TaskExecutor {
    /// Work queued for the loop: a Swift job or a closure.
    enum Work: Sendable { case job(UnownedJob), closure(@Sendable () -> Void) }
    /// Cross-thread queue; closures from other threads must be `@Sendable`, which `execute` enforces.
    struct RemoteQueue: ~Copyable { var items: [Work] = []; var signalled = false }

    /// Index of this loop in its group (for logs and tests).
    public let index: Int
    let epfd: Int32
    private let wakeFD: Int32
    private let remote = Mutex(RemoteQueue())
    private let threadID = Atomic<UInt>(0)
    private let stopRequested = Atomic<Bool>(false)

    // Loop-confined state.
    private var local: [Work] = []
    private var running: [Work] = []
    private var registrations: [Registration?] = []
    private var nextGeneration: UInt32 = 1
    var timers = TimerHeap()
    /// Tasks that used up their turn (see `yieldUntilNextTurn`); resumed after the next poll.
    private var nextTurn: [UnsafeContinuation<Void, Never>] = []
    /// Longest a task may keep the loop busy with I/O that never waits before it lets the loop
    /// poll again (ns): a fast streamed body must not starve the loop's other sockets and timers.
    static let turnBudget: UInt64 = 2_000_000
    /// Stall report only: how long the last `drainQueues` ran (ns).
    private var lastDrainDuration: UInt64?
    /// Cached monotonic time of the current iteration (ns); refreshed every loop turn.
    private(set) var now: UInt64 = gw_monotonic_ns()

    /// One fd's registration: the handler plus the generation that tags its epoll events.
    struct Registration { let generation: UInt32; let handler: EventLoopSelectable }

    private static let wakeToken: UInt64 = .max

    /// Creates a loop and starts its thread; returns once the thread runs.
    init(index: Int) {
        self.index = index
        epfd = gw_epoll_create()
        wakeFD = gw_eventfd()
        precondition(epfd >= 0 && wakeFD >= 0, "epoll/eventfd creation failed: errno \(gw_errno())")
        _ = gw_epoll_add(epfd, wakeFD, GW_EPOLLIN, Self.wakeToken)
        let started = DispatchSemaphore(value: 0)
        let thread = Thread { [self] in
            threadID.store(UInt(bitPattern: Int(bitPattern: pthread_self())), ordering: .releasing)
            started.signal()
            run()
        }
        thread.name = "http-loop-\(index)"
        thread.start()
        started.wait()
    }

    /// True when called on this loop's thread.
    public var inEventLoop: Bool {
        UInt(bitPattern: Int(bitPattern: pthread_self())) == threadID.load(ordering: .acquiring)
    }

    /// True when the current task prefers this loop as its executor and runs on it now, so it will
    /// also resume here after every suspension. Being on the loop's thread is not enough: a task
    /// without that preference can run a stretch here (leaving an actor the loop was hosting, the
    /// runtime may continue it inline) and would resume on another thread after its next `await`.
    public var isCurrentTaskExecutor: Bool {
        guard inEventLoop else { return false }
        let mine = asUnownedTaskExecutor()
        return withUnsafeCurrentTask { task in task?.unownedTaskExecutor == mine }
    }

    /// Traps in debug builds unless the current task prefers this loop (async socket I/O: a task
    /// that is only passing through the thread would resume elsewhere after its next `await`).
    @inline(__always) func assertTaskOnLoop(_ file: StaticString = #fileID, _ line: UInt = #line) {
        assert(isCurrentTaskExecutor, "async I/O from a task that does not prefer event loop \(index)", file: file, line: line)
    }

    /// Traps in debug builds when called off the loop thread.
    @inline(__always) func assertInLoop(_ file: StaticString = #fileID, _ line: UInt = #line) {
        assert(inEventLoop, "must run on event loop \(index)", file: file, line: line)
    }

    /// Runs `work` on the loop thread (soon, never inline).
    public func execute(_ work: @escaping @Sendable () -> Void) {
        enqueueWork(.closure(work))
    }

    /// `TaskExecutor`: jobs of tasks that prefer this loop run on its thread.
    public func enqueue(_ job: consuming ExecutorJob) {
        enqueueWork(.job(UnownedJob(job)))
    }

    private func enqueueWork(_ work: Work) {
        if inEventLoop {
            local.append(work)
            return
        }
        let needsSignal = remote.withLock { q -> Bool in
            q.items.append(work)
            if q.signalled { return false }
            q.signalled = true
            return true
        }
        if needsSignal { _ = gw_eventfd_signal(wakeFD) }
    }

    /// Registers `fd` for edge-triggered readiness (see README: why edge-triggered).
    /// Returns false (with errno) when epoll refuses the fd.
    func register(fd: Int32, events: UInt32, handler: EventLoopSelectable) -> Bool {
        assertInLoop()
        let index = Int(fd)
        if registrations.count <= index {
            registrations.append(contentsOf: repeatElement(nil, count: index + 1 - registrations.count + 64))
        }
        let generation = nextGeneration
        nextGeneration &+= 1
        if nextGeneration == 0 { nextGeneration = 1 }
        registrations[index] = Registration(generation: generation, handler: handler)
        let data = UInt64(generation) << 32 | UInt64(UInt32(bitPattern: fd))
        if gw_epoll_add(epfd, fd, events, data) != 0 {
            registrations[index] = nil
            return false
        }
        return true
    }

    /// The generation tag of `fd`'s current registration (tests check stale-event filtering).
    func generation(of fd: Int32) -> UInt32? {
        assertInLoop()
        return Int(fd) < registrations.count ? registrations[Int(fd)]?.generation : nil
    }

    /// Changes the events `fd` is registered for (keeping its generation tag).
    func modify(fd: Int32, events: UInt32) {
        assertInLoop()
        guard Int(fd) < registrations.count, let registration = registrations[Int(fd)] else { return }
        let data = UInt64(registration.generation) << 32 | UInt64(UInt32(bitPattern: fd))
        _ = gw_epoll_mod(epfd, fd, events, data)
    }

    /// Removes `fd` from epoll and forgets its handler; call before closing the fd.
    func deregister(fd: Int32) {
        assertInLoop()
        _ = gw_epoll_del(epfd, fd)
        if Int(fd) < registrations.count { registrations[Int(fd)] = nil }
    }

    /// Asks the loop to exit after its current iteration (used by `EventLoopGroup.shutdown`).
    func stop() {
        stopRequested.store(true, ordering: .releasing)
        execute {}
    }

    /// The loop body: wait for events or the next timer, dispatch, run queued work.
    private func run() {
        var events = [gw_epoll_result](repeating: gw_epoll_result(), count: 256)
        while !stopRequested.load(ordering: .acquiring) {
            drainQueues()
            now = gw_monotonic_ns()
            let timeout: Int32 = local.isEmpty && nextTurn.isEmpty ? timers.timeoutMilliseconds(now: now) : 0
            let count = events.withUnsafeMutableBufferPointer { buffer in
                gw_epoll_wait(epfd, buffer.baseAddress, Int32(buffer.count), timeout)
            }
            now = gw_monotonic_ns()
            let turnStart = now
            if count > 0 {
                for i in 0..<Int(count) { dispatch(events[i]) }
            }
            if timers.count > 0 { for action in timers.popExpired(now: now) { action() } }
            resumeNextTurn()
            if StallReport.enabled { reportSlowTurn(since: turnStart, events: Int(count)) }
        }
        resumeNextTurn()
        drainQueues()
        close(wakeFD)
        close(epfd)
    }

    /// True when the loop last polled more than `turnBudget` ago (checked before socket I/O).
    var turnBudgetExceeded: Bool { gw_monotonic_ns() &- now > Self.turnBudget }

    /// Suspends the current task (which runs on this loop) until the loop has polled its sockets
    /// and run its timers once more; used by I/O that kept the loop busy past `turnBudget`.
    func yieldUntilNextTurn() async {
        assertInLoop()
        await withUnsafeContinuation { (continuation: UnsafeContinuation<Void, Never>) in nextTurn.append(continuation) }
    }

    /// Resumes the tasks that yielded their turn (they run in the next `drainQueues`).
    private func resumeNextTurn() {
        guard !nextTurn.isEmpty else { return }
        let waiting = nextTurn
        nextTurn.removeAll(keepingCapacity: true)
        for continuation in waiting { continuation.resume() }
    }

    /// Stall report: the previous turn's work plus this turn's dispatch took too long.
    private func reportSlowTurn(since start: UInt64, events: Int) {
        let end = gw_monotonic_ns()
        if end &- start > StallReport.slowTurn {
            StallReport.log("loop \(index): \((end &- start) / 1_000_000) ms dispatching \(events) events and timers")
        }
        if let drained = lastDrainDuration, drained > StallReport.slowTurn {
            StallReport.log("loop \(index): \(drained / 1_000_000) ms running queued jobs")
        }
    }

    /// Delivers one epoll event to its handler unless its generation is stale.
    func dispatch(_ event: gw_epoll_result) {
        if event.data == Self.wakeToken {
            _ = gw_eventfd_drain(wakeFD)
            return
        }
        let fd = Int(UInt32(truncatingIfNeeded: event.data))
        let generation = UInt32(truncatingIfNeeded: event.data >> 32)
        // A reused fd carries a new generation: events for the old connection are dropped here.
        guard fd < registrations.count, let registration = registrations[fd],
              registration.generation == generation else { return }
        registration.handler.eventLoopReady(events: event.events)
    }

    private func drainQueues() {
        let remoteItems = remote.withLock { q -> [Work] in
            q.signalled = false
            if q.items.isEmpty { return [] }
            let items = q.items
            q.items.removeAll(keepingCapacity: true)
            return items
        }
        if !remoteItems.isEmpty { local.append(contentsOf: remoteItems) }
        var rounds = 0
        let drainStart = StallReport.enabled ? gw_monotonic_ns() : 0
        defer { if StallReport.enabled { lastDrainDuration = gw_monotonic_ns() &- drainStart } }
        while !local.isEmpty && rounds < 64 {
            swap(&local, &running)
            for work in running {
                switch work {
                case .job(let job): job.runSynchronously(on: asUnownedTaskExecutor())
                case .closure(let body): body()
                }
            }
            running.removeAll(keepingCapacity: true)
            rounds += 1
        }
    }
}
