/// A small, seeded pseudo-random generator: SplitMix64 (Steele, Lea and Flood, "Fast splittable
/// pseudorandom number generators", OOPSLA 2014; constants as in Vigna's reference `splitmix64.c`).
///
/// The demo dataset must be byte-identical for one seed on every run, so nothing here uses the
/// system generator or the standard library's `random(in:using:)` / `shuffled(using:)`, whose
/// algorithms are not promised to stay the same between Swift releases: every draw is built from
/// `next()` with the arithmetic below.
struct SplitMix64 {
    private var state: UInt64

    /// The seed the generator uses when `--seed` is not given.
    static let defaultSeed: UInt64 = 20_181_001

    init(seed: UInt64) { state = seed }

    /// The next 64 random bits.
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// A uniform double in [0, 1), from the top 53 bits.
    mutating func unit() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// A uniform double in [`lower`, `upper`).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// A uniform double in [−`magnitude`, `magnitude`).
    mutating func jitter(_ magnitude: Double) -> Double {
        uniform(-magnitude, magnitude)
    }

    /// A uniform integer in the closed range (`range` must not be empty). Uses rejection to avoid
    /// modulo bias.
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        let span = UInt64(range.upperBound - range.lowerBound) + 1
        let limit = UInt64.max - UInt64.max % span
        var value = next()
        while value >= limit { value = next() }
        return range.lowerBound + Int(value % span)
    }

    /// True with probability `probability`.
    mutating func chance(_ probability: Double) -> Bool {
        unit() < probability
    }

    /// A uniformly chosen element; `nil` for an empty array.
    mutating func element<T>(of array: [T]) -> T? {
        guard !array.isEmpty else { return nil }
        return array[integer(in: 0...(array.count - 1))]
    }

    /// A Fisher–Yates shuffle of `array` (Durstenfeld's in-place variant).
    mutating func shuffled<T>(_ array: [T]) -> [T] {
        var result = array
        guard result.count > 1 else { return result }
        for i in stride(from: result.count - 1, to: 0, by: -1) {
            let j = integer(in: 0...i)
            result.swapAt(i, j)
        }
        return result
    }

    /// `count` distinct elements of `array`, in random order (fewer if the array is shorter).
    mutating func sample<T>(_ array: [T], count: Int) -> [T] {
        Array(shuffled(array).prefix(count))
    }
}
