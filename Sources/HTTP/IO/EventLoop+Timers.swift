extension EventLoop {
    /// Schedules `action` on the loop thread after `nanoseconds`; cancel with `cancel(_:)`.
    func schedule(afterNanoseconds nanoseconds: UInt64, _ action: @escaping () -> Void) -> LoopTimer {
        assertInLoop()
        let timer = LoopTimer(deadline: gw_monotonic_now() &+ nanoseconds, action: action)
        timers.insert(timer)
        return timer
    }

    /// Schedules `action` at a monotonic deadline (ns).
    func schedule(atDeadline deadline: UInt64, _ action: @escaping () -> Void) -> LoopTimer {
        assertInLoop()
        let timer = LoopTimer(deadline: deadline, action: action)
        timers.insert(timer)
        return timer
    }

    /// Schedules a reusable timer (see `LoopTimer.reusable`) at a monotonic deadline (ns);
    /// it must not be scheduled already.
    func arm(_ timer: LoopTimer, atDeadline deadline: UInt64) {
        assertInLoop()
        timer.setDeadline(deadline)
        timers.insert(timer)
    }

    /// Cancels a timer; safe when it already fired.
    func cancel(_ timer: LoopTimer) {
        assertInLoop()
        timers.remove(timer)
    }
}

import CLinux

/// Monotonic clock in nanoseconds.
@inline(__always) func gw_monotonic_now() -> UInt64 { gw_monotonic_ns() }
