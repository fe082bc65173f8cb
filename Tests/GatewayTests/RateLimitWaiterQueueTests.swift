import Testing
@testable import Gateway

/// The waiter FIFO: order survives compaction, front insertion, removal by id and filtering.
@Suite struct RateLimitWaiterQueueTests {
    static func waiter(_ id: UInt64, deadline: Int64 = 0) -> Waiter {
        Waiter(id: id, enqueuedAt: 0, deadline: deadline, continuation: nil)
    }

    static func drain(_ q: inout WaiterQueue) -> [UInt64] {
        var ids: [UInt64] = []
        while !q.isEmpty { ids.append(q.removeFirst().id) }
        return ids
    }

    @Test func keepsFIFOOrderAcrossCompaction() {
        var q = WaiterQueue()
        for i in 1...300 { q.append(Self.waiter(UInt64(i))) }
        var taken: [UInt64] = []
        for _ in 0..<200 { taken.append(q.removeFirst().id) }   // passes the compaction threshold
        #expect(taken == Array(1...200))
        #expect(q.count == 100 && q.first?.id == 201)
        for i in 301...310 { q.append(Self.waiter(UInt64(i))) }
        #expect(Self.drain(&q) == Array(201...310))
        #expect(q.isEmpty && q.first == nil)
    }

    @Test func prependRemoveAndFilter() {
        var q = WaiterQueue()
        for i in 1...5 { q.append(Self.waiter(UInt64(i), deadline: Int64(i))) }
        _ = q.removeFirst()                                     // head moves: prepend reuses the slot
        q.prepend(Self.waiter(99, deadline: 99))
        q.prepend(Self.waiter(98, deadline: 98))               // no free slot in front: inserts
        #expect(q.remove(id: 3)?.id == 3)
        #expect(q.remove(id: 3) == nil)
        var removed: [UInt64] = []
        q.removeAll(where: { $0.deadline == 4 }, { removed.append($0.id) })
        #expect(removed == [4])
        #expect(Self.drain(&q) == [98, 99, 2, 5])
    }
}
