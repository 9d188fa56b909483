import RegioDomain

/// The draws the demo generator makes, all built on RegioDomain's ``SplitMix64`` and its portable helpers
/// (`RandomNumberGenerator+Portable.swift`), so that the demo and the catchment areas share one generator
/// and one integer algorithm.
///
/// The demo dataset must be byte-identical for one seed on every run, so nothing here uses the system
/// generator or the standard library's `random(in:using:)` / `shuffled(using:)`, whose algorithms are not
/// promised to stay the same between Swift releases.
extension SplitMix64 {
    /// A uniform double in [0, 1), from the top 53 bits of one draw.
    mutating func unit() -> Double {
        portableUnitInterval()
    }

    /// A uniform double in [`lower`, `upper`).
    mutating func uniform(_ lower: Double, _ upper: Double) -> Double {
        lower + (upper - lower) * unit()
    }

    /// A uniform double in [−`magnitude`, `magnitude`).
    mutating func jitter(_ magnitude: Double) -> Double {
        uniform(-magnitude, magnitude)
    }

    /// A uniform integer in the closed range (`range` must not be empty).
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

    /// A shuffled copy of `array` (Fisher–Yates).
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
