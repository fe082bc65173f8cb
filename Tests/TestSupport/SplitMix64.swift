/// Deterministic pseudo-random numbers (SplitMix64) so randomized tests replay exactly from a seed.
///
/// Every test that used a private copy of this generator used this same algorithm (add the golden
/// gamma, then the two xor-shift-multiply rounds of the SplitMix64 finalizer), starting with the seed
/// as the state; the same seed therefore still gives a test the same inputs.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    private var state: UInt64

    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }

    /// The next 64 pseudo-random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// `next()` reduced modulo `n` (`n` > 0); slightly biased, which a mutation test does not mind.
    public mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
}
