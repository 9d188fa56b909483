/// Draws whose algorithm is fixed here, so that a seeded generator gives the same sequence of choices on
/// every platform and Swift release (the standard library does not promise that for `random(in:using:)`
/// and `shuffle(using:)`).
extension RandomNumberGenerator {
    /// A uniform integer in `0..<upperBound` (`upperBound` > 0), by Lemire's multiply-and-reject method
    /// ("Fast random integer generation in an interval", ACM TOMACS 29(1), 2019).
    public mutating func portableIndex(below upperBound: Int) -> Int {
        precondition(upperBound > 0, "portableIndex(below:) needs a positive bound, got \(upperBound)")
        let bound = UInt64(upperBound)
        var product = next().multipliedFullWidth(by: bound)
        if product.low < bound {
            // 2^64 mod bound, computed without overflow as (0 - bound) mod bound.
            let threshold = (0 &- bound) % bound
            while product.low < threshold { product = next().multipliedFullWidth(by: bound) }
        }
        return Int(product.high)
    }

    /// A uniform double in [0, 1), from the top 53 bits of one draw.
    public mutating func portableUnitInterval() -> Double {
        Double(next() >> 11) * 0x1.0p-53
    }

    /// Shuffles `elements` in place with the Fisher–Yates (Durstenfeld) algorithm, drawing from the back.
    public mutating func portableShuffle<T>(_ elements: inout [T]) {
        guard elements.count > 1 else { return }
        for i in stride(from: elements.count - 1, to: 0, by: -1) {
            let j = portableIndex(below: i + 1)
            if i != j { elements.swapAt(i, j) }
        }
    }
}
