/// A small, seeded pseudo-random generator: SplitMix64 (Steele, Lea & Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; constants as in Vigna's reference `splitmix64.c`).
///
/// Catchment areas must come out the same for the same seed on every machine and every Swift release,
/// so randomized algorithms take this generator as an injected `inout` value (there is no global seed)
/// and draw through the portable helpers in `RandomNumberGenerator+Portable.swift`, never through the
/// standard library's `random(in:using:)` or `shuffle(using:)`, whose algorithms may change between releases.
public struct SplitMix64: RandomNumberGenerator, Sendable, Hashable {
    /// The internal state: the seed advanced by the golden-ratio increment once per draw.
    public private(set) var state: UInt64

    /// A generator whose sequence is fully determined by `seed` (any value, 0 included).
    public init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
