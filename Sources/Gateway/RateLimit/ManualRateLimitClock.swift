import Synchronization

/// A clock that only moves when told to: for deterministic tests (no real sleeps).
///
/// `sleep(until:)` suspends until `advance` reaches the deadline (or returns at once if it has
/// passed); a cancelled sleeper throws `CancellationError` and is forgotten.
public final class ManualRateLimitClock: RateLimitClock {
    /// One suspended `sleep(until:)`.
    struct Sleeper {
        let id: UInt64
        let deadline: Int64
        var continuation: CheckedContinuation<Void, any Error>?
    }

    /// Current time and the sleepers waiting for a later one.
    struct State {
        var now: Int64
        var nextID: UInt64 = 0
        var sleepers: [Sleeper] = []
    }

    let state: Mutex<State>

    /// A clock reading `start` nanoseconds.
    public init(start: Int64 = 0) { state = Mutex(State(now: start)) }

    public var now: Int64 { state.withLock { $0.now } }

    /// Number of tasks currently suspended in `sleep(until:)`.
    public var sleeperCount: Int { state.withLock { $0.sleepers.count } }

    /// Moves time forward by `ns` nanoseconds.
    public func advance(by ns: Int64) { advance(to: now &+ ns) }

    /// Moves time forward by `d`.
    public func advance(by d: Duration) { advance(by: Nanoseconds.of(d)) }

    /// Moves time to `instant` (never backwards) and wakes every sleeper whose deadline has come.
    public func advance(to instant: Int64) {
        let due: [CheckedContinuation<Void, any Error>] = state.withLock { s in
            s.now = max(s.now, instant)
            var due: [CheckedContinuation<Void, any Error>] = []
            s.sleepers.removeAll { sleeper in
                guard sleeper.deadline <= s.now else { return false }
                if let c = sleeper.continuation { due.append(c) }
                return true
            }
            return due
        }
        for c in due { c.resume() }
    }

    public func sleep(until deadline: Int64) async throws {
        let id: UInt64? = state.withLock { s in
            guard deadline > s.now else { return nil }
            s.nextID += 1
            s.sleepers.append(Sleeper(id: s.nextID, deadline: deadline, continuation: nil))
            return s.nextID
        }
        guard let id else { return }
        try await withTaskCancellationHandler {
            try await withCheckedThrowingContinuation { (c: CheckedContinuation<Void, any Error>) in
                // The sleeper may already be gone: woken by `advance` or cancelled before we got here.
                let installed = state.withLock { s in
                    guard let i = s.sleepers.firstIndex(where: { $0.id == id }) else { return false }
                    s.sleepers[i].continuation = c
                    return true
                }
                if !installed {
                    if Task.isCancelled { c.resume(throwing: CancellationError()) } else { c.resume() }
                }
            }
        } onCancel: {
            let c: CheckedContinuation<Void, any Error>?? = state.withLock { s in
                guard let i = s.sleepers.firstIndex(where: { $0.id == id }) else { return nil }
                return s.sleepers.remove(at: i).continuation
            }
            if case .some(.some(let c)) = c { c.resume(throwing: CancellationError()) }
        }
    }
}
