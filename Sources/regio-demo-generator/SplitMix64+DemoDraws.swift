import RegioDomain

/// The draws the demo generator makes, all built on RegioDomain's ``SplitMix64`` and its portable helpers
/// (`RandomNumberGenerator+Portable.swift`), so that the demo and the catchment areas share one generator
/// and one integer algorithm (unifying them changed the demo files once, on 7 December 2026).
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

    /// A uniform integer in the closed range (`range` must not be empty), by the domain's
    /// `portableIndex(below:)` (Lemire's multiply-and-reject method).
    mutating func integer(in range: ClosedRange<Int>) -> Int {
        range.lowerBound + portableIndex(below: range.count)
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

    /// A shuffled copy of `array`, by the domain's `portableShuffle(_:)` (Fisher–Yates).
    mutating func shuffled<T>(_ array: [T]) -> [T] {
        var result = array
        portableShuffle(&result)
        return result
    }

    /// `count` distinct elements of `array`, in random order (fewer if the array is shorter).
    mutating func sample<T>(_ array: [T], count: Int) -> [T] {
        Array(shuffled(array).prefix(count))
    }
}
