import CLinux
import Foundation
import Synchronization

/// A fixed set of event loops, one thread each (default: one per core).
public final class EventLoopGroup: Sendable {
    /// The loops, in index order.
    public let loops: [EventLoop]
    private let cursor = Atomic<Int>(0)

    /// Starts `loopCount` loops (default: the number of active cores). Ignores SIGPIPE process-wide.
    public init(loopCount: Int = ProcessInfo.processInfo.activeProcessorCount) {
        gw_ignore_sigpipe()
        loops = (0..<max(1, loopCount)).map { EventLoop(index: $0) }
    }

    /// A process-wide group with one loop per core, started on first use.
    public static let shared = EventLoopGroup()

    /// The next loop, round-robin.
    public func next() -> EventLoop {
        let i = cursor.wrappingAdd(1, ordering: .relaxed).oldValue
        return loops[i % loops.count]
    }

    /// The loop whose thread is calling, if any.
    public var current: EventLoop? {
        for loop in loops where loop.inEventLoop { return loop }
        return nil
    }

    /// The calling thread's loop when it is one of ours, else the next one round-robin.
    public func preferred() -> EventLoop { current ?? next() }

    /// Stops every loop thread. Registered sockets must be closed first (servers shut down).
    public func shutdown() {
        for loop in loops { loop.stop() }
    }
}
