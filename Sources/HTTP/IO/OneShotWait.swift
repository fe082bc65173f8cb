import Synchronization

/// One task's wait for a yes/no outcome (woken, timed out, cancelled) that ends exactly once, with
/// the outcome kept when it comes before the task suspends. Replaces "a task group racing a waiter
/// child against a sleep child", which loses the wake-up when the sleep ends before the waiter
/// child has registered its continuation.
final class OneShotWait: Sendable {
    private enum State { case pending, suspended(CheckedContinuation<Bool, Never>), finished(Bool) }
    private let state = Mutex(State.pending)

    init() {}

    /// Suspends until `finish`, returning its result (at once when it already happened).
    func wait() async -> Bool {
        await withCheckedContinuation { (continuation: CheckedContinuation<Bool, Never>) in
            let early: Bool? = state.withLock { s in
                if case .finished(let result) = s { return result }
                s = .suspended(continuation)
                return nil
            }
            if let early { continuation.resume(returning: early) }
        }
    }

    /// Waits for `finish`, or until `timeout` passes or the task is cancelled (both: false).
    func wait(timeout: Duration) async -> Bool {
        let timer = Task { [self] in
            try? await Task.sleep(for: timeout)
            finish(false)
        }
        defer { timer.cancel() }
        return await withTaskCancellationHandler { await wait() } onCancel: { finish(false) }
    }

    /// Ends the wait with `result`; false when it had already ended (the first call wins).
    @discardableResult
    func finish(_ result: Bool) -> Bool {
        let (continuation, won) = state.withLock { s -> (CheckedContinuation<Bool, Never>?, Bool) in
            switch s {
            case .pending: s = .finished(result); return (nil, true)
            case .suspended(let continuation): s = .finished(result); return (continuation, true)
            case .finished: return (nil, false)
            }
        }
        continuation?.resume(returning: result)
        return won
    }
}
