import Dispatch
import Glibc
import Synchronization

/// Waits for the signals that ask a server to stop (SIGTERM from a supervisor, SIGINT from Ctrl-C).
public enum TerminationSignal {
    /// Suspends until one of `signals` arrives and returns it. While waiting, the signals' default
    /// action (terminate) is disabled so the caller can shut down gracefully.
    public static func wait(for signals: [Int32] = [SIGTERM, SIGINT]) async -> Int32 {
        await withCheckedContinuation { (continuation: CheckedContinuation<Int32, Never>) in
            let state = SignalWaitState(continuation: continuation)
            for number in signals {
                signal(number, SIG_IGN)
                let source = DispatchSource.makeSignalSource(signal: number, queue: .global())
                source.setEventHandler { state.fire(number) }
                state.retain(source)
                source.resume()
            }
        }
    }
}

/// Resumes the waiter once and cancels every signal source; the sources live until then.
private final class SignalWaitState: Sendable {
    private struct Inner {
        var continuation: CheckedContinuation<Int32, Never>?
        var sources: [SignalSourceBox] = []
    }
    private let inner: Mutex<Inner>

    init(continuation: CheckedContinuation<Int32, Never>) {
        inner = Mutex(Inner(continuation: continuation))
    }

    func retain(_ source: any DispatchSourceSignal) {
        let box = SignalSourceBox(source: source)
        inner.withLock { $0.sources.append(box) }
    }

    func fire(_ number: Int32) {
        let (continuation, sources) = inner.withLock { s in
            let taken = (s.continuation, s.sources)
            s.continuation = nil
            s.sources = []
            return taken
        }
        for box in sources { box.source.cancel() }
        continuation?.resume(returning: number)
    }
}

extension HTTPServer {
    /// Serves until SIGTERM or SIGINT, then shuts down gracefully (see `shutdown(gracePeriod:)`).
    /// Returns the signal that stopped the server. This is what the CLI's `serve` command calls.
    @discardableResult
    public func runUntilTerminationSignal(gracePeriod: Duration = .seconds(10)) async -> Int32 {
        let number = await TerminationSignal.wait()
        await shutdown(gracePeriod: gracePeriod)
        return number
    }
}

/// A dispatch signal source carried across threads. `@unchecked Sendable` is sound: dispatch
/// sources are thread-safe objects (`cancel` may be called from any thread), and the box is immutable.
private struct SignalSourceBox: @unchecked Sendable {
    let source: any DispatchSourceSignal
}
