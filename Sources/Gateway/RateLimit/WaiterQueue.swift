/// One caller waiting in a `queue`-policy limiter.
struct Waiter {
    /// Ticket number, unique per limiter.
    let id: UInt64
    /// When it joined the queue (ns).
    let enqueuedAt: Int64
    /// The latest instant it may still be admitted (`enqueuedAt + maxWait`).
    let deadline: Int64
    /// Set once the caller is suspended in `wait`; nil before that.
    var continuation: CheckedContinuation<RateLimitOutcome, Never>?
}

/// FIFO of waiters: O(1) at both ends, O(n) removal by id (n ≤ maxQueue + in-flight retries).
struct WaiterQueue {
    private var items: [Waiter] = []
    private var head = 0

    /// Callers waiting.
    var count: Int { items.count - head }
    /// True when nobody waits.
    var isEmpty: Bool { head == items.count }
    /// The next caller to admit.
    var first: Waiter? { isEmpty ? nil : items[head] }

    /// Adds a caller at the back.
    mutating func append(_ w: Waiter) { items.append(w) }

    /// Adds a caller at the front (an upstream-429 retry goes first).
    mutating func prepend(_ w: Waiter) {
        if head > 0 {
            head -= 1
            items[head] = w
        } else {
            items.insert(w, at: 0)
        }
    }

    /// Removes and returns the front caller (the queue must not be empty).
    mutating func removeFirst() -> Waiter {
        let w = items[head]
        head += 1
        if head == items.count {
            items.removeAll(keepingCapacity: true)
            head = 0
        } else if head >= 64, head * 2 >= items.count {
            items.removeFirst(head)
            head = 0
        }
        return w
    }

    /// Removes the caller with ticket `id`, if it is still waiting.
    mutating func remove(id: UInt64) -> Waiter? {
        guard let i = items[head...].firstIndex(where: { $0.id == id }) else { return nil }
        return items.remove(at: i)
    }

    /// Stores the continuation of waiting caller `id`; false if it is no longer queued.
    mutating func setContinuation(id: UInt64, _ c: CheckedContinuation<RateLimitOutcome, Never>) -> Bool {
        guard let i = items[head...].firstIndex(where: { $0.id == id }) else { return false }
        items[i].continuation = c
        return true
    }

    /// Removes every caller matching `predicate`, in order, handing each to `removed`.
    mutating func removeAll(where predicate: (Waiter) -> Bool, _ removed: (Waiter) -> Void) {
        guard !isEmpty else { return }
        var kept: [Waiter] = []
        kept.reserveCapacity(count)
        for w in items[head...] {
            if predicate(w) { removed(w) } else { kept.append(w) }
        }
        items = kept
        head = 0
    }
}
