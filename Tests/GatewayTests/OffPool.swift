import Foundation

/// Runs blocking or CPU-heavy test work on a dedicated thread instead of Swift's cooperative pool.
///
/// The pool has one thread per core (two in CI); a test that blocks one of them (a synchronous spec
/// load, a blocking socket read) delays every other test's tasks, timers and `Task.sleep` wake-ups.
enum OffPool {
    /// Runs `work` on a new thread and resumes with its result.
    static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let thread = Thread { continuation.resume(returning: work()) }
            thread.stackSize = 8 << 20
            thread.start()
        }
    }

    /// Runs throwing `work` on a new thread and resumes with its result or error.
    static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await run { () -> Result<T, any Error> in Result { try work() } }.get()
    }
}
