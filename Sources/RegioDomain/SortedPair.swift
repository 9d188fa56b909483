/// Two different things of one kind, kept in order (``first`` < ``second``), so that a pair is the same
/// key whichever side it is named from: the regions whose territories overlap, the schools of a close-by pair.
public struct SortedPair<Element: Hashable & Comparable & Sendable>: Hashable, Sendable {
    /// The smaller of the two.
    public let first: Element
    /// The larger of the two.
    public let second: Element

    /// The pair of `a` and `b`, in either order.
    public init(_ a: Element, _ b: Element) {
        (first, second) = a < b ? (a, b) : (b, a)
    }

    /// Whether `element` is one of the two.
    public func contains(_ element: Element) -> Bool { element == first || element == second }

    /// The other one of the pair than `element` (which must be one of the two).
    public func partner(of element: Element) -> Element { element == first ? second : first }
}

/// Two regions, in order: the key of an `overlapping-regions` finding.
public typealias RegionPair = SortedPair<RegionID>

/// Two school locations, in order: the key of a `split-close-schools` finding.
public typealias SchoolPair = SortedPair<SchoolCode>
