/// A one-shot timer on an event loop; loop-confined (created, fired and cancelled on the loop).
final class LoopTimer {
    /// Monotonic deadline in nanoseconds.
    fileprivate(set) var deadline: UInt64
    fileprivate var action: (() -> Void)?
    /// Position in the heap, or -1 when not scheduled.
    fileprivate var heapIndex = -1
    /// A reusable timer keeps its action when it fires or is cancelled (re-armed with
    /// `EventLoop.arm`): a socket's read timer then costs no allocation per wait.
    let reusable: Bool

    init(deadline: UInt64, action: @escaping () -> Void) {
        self.deadline = deadline
        self.action = action
        reusable = false
    }

    /// A reusable timer, not scheduled yet.
    init(reusable action: @escaping () -> Void) {
        deadline = 0
        self.action = action
        reusable = true
    }

    /// Sets the deadline of a timer that is not scheduled (before `TimerHeap.insert`).
    func setDeadline(_ deadline: UInt64) {
        assert(heapIndex < 0, "re-arming a scheduled timer")
        self.deadline = deadline
    }

    /// True while the timer waits to fire.
    var isScheduled: Bool { heapIndex >= 0 }
}

/// A binary min-heap of timers with O(log n) removal, so a cancelled timer leaves no garbage
/// (a read wait schedules and cancels one timer per request on a keep-alive connection).
struct TimerHeap {
    private var heap: [LoopTimer] = []

    /// Number of scheduled timers.
    var count: Int { heap.count }

    /// Adds a timer.
    mutating func insert(_ timer: LoopTimer) {
        timer.heapIndex = heap.count
        heap.append(timer)
        siftUp(heap.count - 1)
    }

    /// Removes a scheduled timer; no effect when it already fired or was removed.
    mutating func remove(_ timer: LoopTimer) {
        let i = timer.heapIndex
        guard i >= 0, i < heap.count, heap[i] === timer else { return }
        let last = heap.count - 1
        if i != last {
            heap.swapAt(i, last)
            heap[i].heapIndex = i
        }
        heap.removeLast()
        timer.heapIndex = -1
        if !timer.reusable { timer.action = nil }
        if i < heap.count {
            siftDown(i)
            siftUp(i)
        }
    }

    /// Milliseconds until the earliest deadline (rounded up), or -1 (wait forever) when empty.
    func timeoutMilliseconds(now: UInt64) -> Int32 {
        guard let first = heap.first else { return -1 }
        if first.deadline <= now { return 0 }
        let ms = (first.deadline - now + 999_999) / 1_000_000
        return Int32(clamping: ms)
    }

    /// Pops expired timers and returns their actions (run by the caller, which may reschedule).
    mutating func popExpired(now: UInt64) -> [() -> Void] {
        var actions: [() -> Void] = []
        while let first = heap.first, first.deadline <= now {
            let action = first.action
            remove(first)
            if let action { actions.append(action) }
        }
        return actions
    }

    private mutating func siftUp(_ start: Int) {
        var i = start
        while i > 0 {
            let parent = (i - 1) / 2
            guard heap[i].deadline < heap[parent].deadline else { return }
            heap.swapAt(i, parent)
            heap[i].heapIndex = i
            heap[parent].heapIndex = parent
            i = parent
        }
    }

    private mutating func siftDown(_ start: Int) {
        var i = start
        while true {
            let left = 2 * i + 1, right = left + 1
            var smallest = i
            if left < heap.count && heap[left].deadline < heap[smallest].deadline { smallest = left }
            if right < heap.count && heap[right].deadline < heap[smallest].deadline { smallest = right }
            if smallest == i { return }
            heap.swapAt(i, smallest)
            heap[i].heapIndex = i
            heap[smallest].heapIndex = smallest
            i = smallest
        }
    }
}
