import Foundation

/// Runs blocking or CPU-heavy test work on a dedicated thread instead of Swift's cooperative pool.
///
/// The pool has one thread per core (two in CI); a test that blocks one of them (a synchronous spec
/// load, a blocking socket read) delays every other test's tasks, timers and `Task.sleep` wake-ups.
public enum OffPool {
    /// The work a new thread runs (retained across `pthread_create`).
    private final class Job { let run: () -> Void; init(_ run: @escaping () -> Void) { self.run = run } }

    /// Runs `work` on a new POSIX thread and resumes with its result.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
            let job = Unmanaged.passRetained(Job { continuation.resume(returning: work()) }).toOpaque()
            var thread = pthread_t()
            let rc = pthread_create(&thread, nil, { argument in
                guard let argument else { return nil }
                Unmanaged<Job>.fromOpaque(argument).takeRetainedValue().run()
                return nil
            }, job)
            if rc == 0 {
                pthread_detach(thread)
            } else {  // no thread: run here rather than never resume
                Unmanaged<Job>.fromOpaque(job).takeRetainedValue().run()
            }
        }
    }

    /// Runs throwing `work` on a new thread and resumes with its result or error.
    public static func run<T: Sendable>(_ work: @escaping @Sendable () throws -> T) async throws -> T {
        try await run { () -> Result<T, any Error> in Result { try work() } }.get()
    }
}
