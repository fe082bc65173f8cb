import Foundation
import RateLimitCore

// Usage: RateLimitBench [ITERATIONS_PER_RUN] [RUNS]
// Every figure is ns per decision (per thread), best of RUNS; ratios compare to our limiter.
let iterations = CommandLine.arguments.count > 1 ? Int(CommandLine.arguments[1]) ?? 2_000_000 : 2_000_000
let runs = CommandLine.arguments.count > 2 ? Int(CommandLine.arguments[2]) ?? 5 : 5

/// A limit that always admits (rate 10^6 per ns): measures the admitted fast path.
let open = RateLimitConfiguration(rate: 1_000_000, period: .nanoseconds(1), burst: 1_000_000, policy: .reject)
/// A limit that is spent after the first request: measures the rejection path.
let closed = RateLimitConfiguration(rate: 1, period: .seconds(3600), burst: 1, policy: .reject)
let clock = ContinuousRateLimitClock()

func makeLimiter(_ c: RateLimitConfiguration) -> RateLimiter {
    RateLimiter(scope: RateLimitScope(.upstream, "bench"), configuration: c, clock: clock)
}

/// Runs `body` `iterations` times on `threads` threads at once; returns thread-CPU ns per call of the
/// slower thread (best of runs).
func measure(threads: Int, _ makeBody: (Int) -> @Sendable () -> Bool) -> Measured {
    var best = Double.infinity
    var bestOverlap = 1.0
    let bodies = (0..<threads).map(makeBody)
    for _ in 0..<runs {
        let start = DispatchSemaphore(value: 0)
        let group = DispatchGroup()
        let times = TimesBox(threads)
        for t in 0..<threads {
            let body = bodies[t]
            group.enter()
            let thread = Thread {
                start.wait()
                var kept = 0
                let wall0 = ContinuousClock.now
                let t0 = threadCPUNanoseconds()
                for _ in 0..<iterations where body() { kept &+= 1 }
                let elapsed = Duration.nanoseconds(threadCPUNanoseconds() - t0)
                times.set(t, elapsed, kept, wall0, ContinuousClock.now)
                group.leave()
            }
            thread.start()
        }
        for _ in 0..<threads { start.signal() }
        group.wait()
        let ns = times.worstNanosecondsPerCall(iterations)
        if ns < best { best = ns; bestOverlap = times.overlap() }
    }
    return Measured(ns: best, overlap: threads > 1 ? bestOverlap : nil)
}

/// One measurement: thread-CPU ns per call, and for several threads how much of the reported run
/// they actually ran at the same time (wall clock).
struct Measured {
    var ns: Double
    var overlap: Double?
}

/// CPU time of the calling thread: time-sharing with other processes on a loaded machine does
/// not count, cache-line contention between our threads does (it burns our cycles).
func threadCPUNanoseconds() -> Int64 {
    var ts = timespec()
    clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
    return Int64(ts.tv_sec) * 1_000_000_000 + Int64(ts.tv_nsec)
}

/// Per-thread results of one run.
final class TimesBox: @unchecked Sendable {
    // Safety: each thread writes only its own index under `lock`; read after `group.wait()`.
    let lock = NSLock()
    var times: [Duration]
    var kept: [Int]
    var spans: [(ContinuousClock.Instant, ContinuousClock.Instant)]
    init(_ n: Int) {
        times = Array(repeating: .zero, count: n)
        kept = Array(repeating: 0, count: n)
        spans = Array(repeating: (ContinuousClock.now, ContinuousClock.now), count: n)
    }
    func set(_ i: Int, _ d: Duration, _ k: Int, _ start: ContinuousClock.Instant, _ end: ContinuousClock.Instant) {
        lock.lock(); times[i] = d; kept[i] = k; spans[i] = (start, end); lock.unlock()
    }
    /// Fraction of the longest thread's wall time during which all threads were running.
    func overlap() -> Double {
        guard let start = spans.map(\.0).max(), let end = spans.map(\.1).min(),
              let longest = spans.map({ $0.0.duration(to: $0.1) }).max(), longest > .zero else { return 0 }
        return max(0, (end - start) / longest)
    }
    func worstNanosecondsPerCall(_ n: Int) -> Double {
        let worst = times.max() ?? .zero
        let (s, atto) = worst.components
        return (Double(s) * 1e9 + Double(atto) * 1e-9) / Double(n)
    }
}

func row(_ name: String, _ m: Measured, _ ours: Measured) {
    let overlap = m.overlap.map { String(format: "%.0f%%", $0 * 100) } ?? "—"
    print("| \(name) | \(String(format: "%.1f", m.ns)) | \(String(format: "%.2f×", m.ns / ours.ns)) | \(overlap) |")
}

// Warm-up.
_ = measure(threads: 1) { _ in let l = makeLimiter(open); return { l.tryAcquire().isAdmitted } }

let oursSingle = measure(threads: 1) { _ in let l = makeLimiter(open); return { l.tryAcquire().isAdmitted } }
let oursReject = measure(threads: 1) { _ in let l = makeLimiter(closed); return { l.tryAcquire().isAdmitted } }
let oursTwoSeparate = measure(threads: 2) { _ in let l = makeLimiter(open); return { l.tryAcquire().isAdmitted } }
let shared = makeLimiter(open)
let oursTwoShared = measure(threads: 2) { _ in { shared.tryAcquire().isAdmitted } }
let clockOnly = measure(threads: 1) { _ in { clock.now > 0 } }
let clockOnlyTwo = measure(threads: 2) { _ in { clock.now > 0 } }
// The decision alone: each thread passes its own increasing instant (the limit admits 10^6 per ns,
// so every call is admitted), as the pipeline does when it reads the clock once per request.
let decisionSingle = measure(threads: 1) { _ in let l = makeLimiter(open); let t = Ticker(); return { l.tryAcquire(at: t.next()).isAdmitted } }
let decisionTwoSeparate = measure(threads: 2) { _ in let l = makeLimiter(open); let t = Ticker(); return { l.tryAcquire(at: t.next()).isAdmitted } }
let sharedForDecision = makeLimiter(open)
let decisionTwoShared = measure(threads: 2) { _ in let t = Ticker(); return { sharedForDecision.tryAcquire(at: t.next()).isAdmitted } }

let mutexSingle = measure(threads: 1) { _ in let m = MutexCounter(); return { m.tick() } }
let mutexTwoSeparate = measure(threads: 2) { _ in let m = MutexCounter(); return { m.tick() } }
let sharedCounter = MutexCounter()
let mutexTwoShared = measure(threads: 2) { _ in { sharedCounter.tick() } }

let bucketSingle = measure(threads: 1) { _ in let b = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9); return { b.take() } }
let bucketTwoSeparate = measure(threads: 2) { _ in let b = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9); return { b.take() } }
let sharedBucket = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9)
let bucketTwoShared = measure(threads: 2) { _ in { sharedBucket.take() } }

print("iterations per run: \(iterations), best of \(runs); thread-CPU ns per decision (slower thread); ratio = peer / ours (same scenario)")
print("| scenario | ns/decision | vs ours | threads overlapped |")
print("|---|---:|---:|---:|")
row("ours: admitted, 1 thread", oursSingle, oursSingle)
row("ours: rejected (builds the 429 decision), 1 thread", oursReject, oursSingle)
row("ours: admitted, 2 threads, separate limiters", oursTwoSeparate, oursTwoSeparate)
row("ours: admitted, 2 threads, one shared limiter", oursTwoShared, oursTwoShared)
row("clock read alone (CLOCK_BOOTTIME → ns), 1 thread", clockOnly, oursSingle)
row("clock read alone, 2 threads", clockOnlyTwo, oursTwoSeparate)
row("ours: decision without clock read, 1 thread", decisionSingle, oursSingle)
row("ours: decision without clock read, 2 threads, separate limiters", decisionTwoSeparate, oursTwoSeparate)
row("ours: decision without clock read, 2 threads, shared limiter", decisionTwoShared, oursTwoShared)
row("Mutex<Int> increment, 1 thread", mutexSingle, oursSingle)
row("Mutex<Int> increment, 2 threads, separate", mutexTwoSeparate, oursTwoSeparate)
row("Mutex<Int> increment, 2 threads, shared", mutexTwoShared, oursTwoShared)
row("NSLock + Double token bucket, 1 thread", bucketSingle, oursSingle)
row("NSLock + Double token bucket, 2 threads, separate", bucketTwoSeparate, oursTwoSeparate)
row("NSLock + Double token bucket, 2 threads, shared", bucketTwoShared, oursTwoShared)
print("2 threads vs 1 on separate limiters/counters (1.00× = no contention): ours \(String(format: "%.2f×", oursTwoSeparate.ns / oursSingle.ns)), ours without clock \(String(format: "%.2f×", decisionTwoSeparate.ns / decisionSingle.ns)), clock alone \(String(format: "%.2f×", clockOnlyTwo.ns / clockOnly.ns)), Mutex<Int> \(String(format: "%.2f×", mutexTwoSeparate.ns / mutexSingle.ns))")

/// A per-thread instant counter starting at the clock's current reading.
final class Ticker: @unchecked Sendable {
    // Safety: each Ticker is created for, and only used by, one benchmark thread.
    var t = clock.now
    @inline(__always) func next() -> Int64 { t &+= 1; return t }
}

extension RateLimitOutcome {
    var isAdmitted: Bool { if case .admitted = self { true } else { false } }
}
