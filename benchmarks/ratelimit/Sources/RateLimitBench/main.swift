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

/// Runs `body` `iterations` times on `threads` threads at once; returns ns per call per thread (best of runs).
func measure(threads: Int, _ makeBody: (Int) -> @Sendable () -> Bool) -> Double {
    var best = Double.infinity
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
                let t0 = ContinuousClock.now
                for _ in 0..<iterations where body() { kept &+= 1 }
                let elapsed = t0.duration(to: ContinuousClock.now)
                times.set(t, elapsed, kept)
                group.leave()
            }
            thread.start()
        }
        for _ in 0..<threads { start.signal() }
        group.wait()
        best = min(best, times.worstNanosecondsPerCall(iterations))
    }
    return best
}

/// Per-thread results of one run.
final class TimesBox: @unchecked Sendable {
    // Safety: each thread writes only its own index under `lock`; read after `group.wait()`.
    let lock = NSLock()
    var times: [Duration]
    var kept: [Int]
    init(_ n: Int) { times = Array(repeating: .zero, count: n); kept = Array(repeating: 0, count: n) }
    func set(_ i: Int, _ d: Duration, _ k: Int) { lock.lock(); times[i] = d; kept[i] = k; lock.unlock() }
    func worstNanosecondsPerCall(_ n: Int) -> Double {
        let worst = times.max() ?? .zero
        let (s, atto) = worst.components
        return (Double(s) * 1e9 + Double(atto) * 1e-9) / Double(n)
    }
}

func row(_ name: String, _ ns: Double, _ ours: Double) {
    print("| \(name) | \(String(format: "%.1f", ns)) | \(String(format: "%.2f×", ns / ours)) |")
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
// The decision alone, at a fixed instant (the limit admits 10^6 per ns, so it keeps admitting).
let decisionSingle = measure(threads: 1) { _ in let l = makeLimiter(open); return { l.tryAcquire(at: 1).isAdmitted } }
let decisionTwoSeparate = measure(threads: 2) { _ in let l = makeLimiter(open); return { l.tryAcquire(at: 1).isAdmitted } }
let sharedForDecision = makeLimiter(open)
let decisionTwoShared = measure(threads: 2) { _ in { sharedForDecision.tryAcquire(at: 1).isAdmitted } }

let mutexSingle = measure(threads: 1) { _ in let m = MutexCounter(); return { m.tick() } }
let mutexTwoSeparate = measure(threads: 2) { _ in let m = MutexCounter(); return { m.tick() } }
let sharedCounter = MutexCounter()
let mutexTwoShared = measure(threads: 2) { _ in { sharedCounter.tick() } }

let bucketSingle = measure(threads: 1) { _ in let b = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9); return { b.take() } }
let bucketTwoSeparate = measure(threads: 2) { _ in let b = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9); return { b.take() } }
let sharedBucket = NSLockTokenBucket(ratePerSecond: 1e15, capacity: 1e9)
let bucketTwoShared = measure(threads: 2) { _ in { sharedBucket.take() } }

print("iterations per run: \(iterations), best of \(runs); ns per decision per thread; ratio = peer / ours (same scenario)")
print("| scenario | ns/decision | vs ours |")
print("|---|---:|---:|")
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
print("2 threads vs 1 on separate limiters/counters (1.00× = no contention): ours \(String(format: "%.2f×", oursTwoSeparate / oursSingle)), ours without clock \(String(format: "%.2f×", decisionTwoSeparate / decisionSingle)), clock alone \(String(format: "%.2f×", clockOnlyTwo / clockOnly)), Mutex<Int> \(String(format: "%.2f×", mutexTwoSeparate / mutexSingle))")

extension RateLimitOutcome {
    var isAdmitted: Bool { if case .admitted = self { true } else { false } }
}
