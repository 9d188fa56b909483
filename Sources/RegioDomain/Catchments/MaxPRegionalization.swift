import Foundation
import RegioSpatial

/// The max-p-regions problem: group contiguous units into as many regions as possible such that every
/// region reaches a lower bound on each of several spatially extensive attributes (here: schools with a
/// technical profile, technical students), and, among such groupings, keep the regions compact.
///
/// Sources:
/// - Duque, J. C., Anselin, L. & Rey, S. J. (2012). "The max-p-regions problem". *Journal of Regional
///   Science* 52(3), 397–419: the problem, the two-phase heuristic (construction of many feasible
///   solutions, keep the largest p; then local improvement by tabu search over boundary moves).
/// - Wei, R., Rey, S. J. & Knaap, E. (2020). "Efficient regionalization for spatially explicit neighborhood
///   delineation". *International Journal of Geographical Information Science* 35(1), 135–151: the
///   efficient construction (region growing from randomly ordered seeds, failed growths become enclaves,
///   enclaves assigned to the neighbouring region that adds least heterogeneity) and the use of
///   articulation points (Tarjan) to find the units that can leave a region without splitting it; this is
///   what PySAL spopt's `MaxPHeuristic` implements.
///
/// Differences from spopt, on purpose: several lower bounds instead of one (like pygeoda); a region grows
/// by adding, nearest to its seed first, the frontier units that carry an attribute still short of its
/// bound (then the others) instead of breadth-first in weight order; the local search is Duque et al.'s tabu search (best admissible move each step) rather than
/// spopt's simulated annealing; an injected seeded generator instead of NumPy's global seed.
///
/// **Inputs** are plain (spopt style): a unit count, adjacency lists, per-unit attribute vectors with their
/// lower bounds, and the dissimilarity as unit coordinates (RD metres) with optional weights.
/// Adjacency is made symmetric (an edge given one way counts both ways).
///
/// **Heterogeneity** (the objective of phase 2 and the tie-breaker of phase 1), precisely:
///
///     H = Σ_regions R  Σ_{i < j, i ∈ R, j ∈ R}  w_i · w_j · d(c_i, c_j)
///
/// over unordered pairs of distinct units of the same region, each pair once, where `c_i` is unit i's
/// coordinate in metres, `d` the Euclidean distance (or Manhattan, with ``Metric/manhattan``) and `w_i` the
/// unit's weight (1 for every unit when no weights are given). Unweighted, this is exactly spopt's
/// `calculate_within_region_distance(regionList, squareform(pdist(coords, metric)))` (the sum of each
/// region's distance submatrix divided by 2). pygeoda reports the within-region sum of squares instead; see
/// ``withinRegionSumOfSquares(regions:)`` to compare with it.
///
/// **Components.** A connected component whose attribute totals cannot reach the bounds is linked, like
/// spopt's `policy="single"`, to the nearest unit (by `d`) of a component that can, and its units then
/// join the regions there (the link is reported in ``Solution/componentLinks``). When no component can
/// reach the bounds, each component becomes one region that does not meet them.
///
/// **Determinism.** The only randomness is the order of seeds in each construction iteration, drawn from
/// the injected generator with portable algorithms; equal ties are broken by unit and region index. The
/// same inputs and seed give the same solution on every machine.
public struct MaxPRegionalization: Sendable {
    /// How the distance between two unit coordinates is measured.
    public enum Metric: String, Sendable, Hashable {
        /// Straight-line distance, metres.
        case euclidean
        /// |dx| + |dy|, metres (spopt's `metric="cityblock"`).
        case manhattan
    }

    /// Tuning of the heuristic.
    public struct Options: Sendable, Hashable {
        /// Phase 1: how many randomized constructions to try (spopt's `max_iterations_construction`).
        public var constructionIterations: Int
        /// Phase 2: run the tabu search at all.
        public var localSearch: Bool
        /// Phase 2: a unit that moved may not move back to its old region for this many steps.
        public var tabuLength: Int
        /// Phase 2: stop after this many consecutive steps that do not improve the best heterogeneity.
        public var maximumNonImprovingMoves: Int
        /// Phase 1: how many constructions run at once (threads); the result does not depend on it. By
        /// default the machine's active cores.
        public var workers: Int

        public init(constructionIterations: Int = 100, localSearch: Bool = true, tabuLength: Int = 10,
                    maximumNonImprovingMoves: Int = 100, workers: Int = ProcessInfo.processInfo.activeProcessorCount) {
            self.constructionIterations = constructionIterations
            self.localSearch = localSearch
            self.tabuLength = tabuLength
            self.maximumNonImprovingMoves = maximumNonImprovingMoves
            self.workers = Swift.max(1, workers)
        }
    }

    /// How far a ``solve(options:using:progress:)`` run has come, for a progress display.
    public struct Progress: Sendable, Hashable {
        public enum Phase: String, Sendable, Hashable {
            /// Phase 1: `completed` of `total` randomized constructions done.
            case construction
            /// Phase 2: `completed` tabu steps made; `total` is the most it may make.
            case localSearch
        }
        public let phase: Phase
        public let completed: Int
        public let total: Int
        /// The largest p among the constructions reported so far (those of one worker while they run).
        public let p: Int
    }

    /// A link added from a component that cannot reach the bounds to the nearest unit of one that can.
    public struct ComponentLink: Sendable, Hashable {
        /// The unit of the infeasible component nearest to the feasible part.
        public let from: Int
        /// The nearest unit of a feasible component.
        public let to: Int
        /// `d(c_from, c_to)`, metres.
        public let distanceMeters: Double
        /// The units of the infeasible component, ascending.
        public let units: [Int]
    }

    /// The result.
    public struct Solution: Sendable, Hashable {
        /// The region (index into ``regions``) of every unit.
        public let regionOfUnit: [Int]
        /// The units of every region, ascending; regions ordered by their lowest unit.
        public let regions: [[Int]]
        /// Whether each region reaches every lower bound (false only when no component can).
        public let meetsLowerBounds: [Bool]
        /// ``MaxPRegionalization`` heterogeneity H of the final solution (metres, times weights²).
        public let heterogeneity: Double
        /// H of the best construction, before the local search.
        public let constructionHeterogeneity: Double
        /// How many construction iterations reached the final p.
        public let iterationsReachingP: Int
        /// Moves made by the local search.
        public let localSearchMoves: Int
        /// Links added for components that cannot reach the bounds on their own.
        public let componentLinks: [ComponentLink]

        /// The number of regions.
        public var p: Int { regions.count }
    }

    public let unitCount: Int
    /// The adjacency as given (made symmetric, deduplicated, ascending).
    public let neighbors: [[Int]]
    /// `attributes[unit][k]`: the k-th spatially extensive attribute of a unit (non-negative).
    public let attributes: [[Double]]
    /// `lowerBounds[k]`: every region's sum of attribute k must reach it.
    public let lowerBounds: [Double]
    /// Unit coordinates, RD metres (typically centroids).
    public let coordinates: [Point]
    /// Unit weights in the heterogeneity (e.g. pupils); `nil` for 1 each.
    public let weights: [Double]?
    public let metric: Metric

    /// Checks and stores the inputs.
    /// - Throws: ``CatchmentError`` of kind `badInput` naming the array, the unit and the value at fault.
    public init(unitCount: Int, neighbors: [[Int]], attributes: [[Double]], lowerBounds: [Double],
                coordinates: [Point], weights: [Double]? = nil, metric: Metric = .euclidean) throws(CatchmentError) {
        guard unitCount >= 0 else { throw CatchmentError(.badInput, "unit count \(unitCount) is negative") }
        func check(_ count: Int, _ what: String) throws(CatchmentError) {
            guard count == unitCount else {
                throw CatchmentError(.badInput, "\(what) has \(count) rows, expected one per unit (\(unitCount))")
            }
        }
        try check(neighbors.count, "the adjacency")
        try check(attributes.count, "the attribute table")
        try check(coordinates.count, "the coordinate list")
        if let weights { try check(weights.count, "the weight list") }
        guard !lowerBounds.isEmpty else {
            throw CatchmentError(.badInput, "no lower bounds given: give at least one attribute with its bound")
        }
        for (k, bound) in lowerBounds.enumerated() where !bound.isFinite {
            throw CatchmentError(.badInput, "lower bound \(k) is \(bound), expected a finite number")
        }
        var symmetric = [[Int]](repeating: [], count: unitCount)
        for u in 0..<unitCount {
            guard attributes[u].count == lowerBounds.count else {
                throw CatchmentError(.badInput, "unit \(u) has \(attributes[u].count) attributes, expected \(lowerBounds.count) (one per lower bound)")
            }
            for (k, value) in attributes[u].enumerated() where !(value.isFinite && value >= 0) {
                throw CatchmentError(.badInput, "attribute \(k) of unit \(u) is \(value), expected a finite number ≥ 0")
            }
            guard coordinates[u].x.isFinite, coordinates[u].y.isFinite else {
                throw CatchmentError(.badInput, "unit \(u) has coordinate \(coordinates[u]), expected finite RD metres (an empty geometry has no centroid)")
            }
            if let weights, !(weights[u].isFinite && weights[u] >= 0) {
                throw CatchmentError(.badInput, "unit \(u) has weight \(weights[u]), expected a finite number ≥ 0")
            }
            for v in neighbors[u] {
                guard v >= 0, v < unitCount else {
                    throw CatchmentError(.badInput, "unit \(u) lists neighbour \(v), outside 0..<\(unitCount)")
                }
                guard v != u else { continue }
                symmetric[u].append(v)
                symmetric[v].append(u)
            }
        }
        self.unitCount = unitCount
        self.neighbors = symmetric.map { Array(Set($0)).sorted() }
        self.attributes = attributes
        self.lowerBounds = lowerBounds
        self.coordinates = coordinates
        self.weights = weights
        self.metric = metric
    }

    // MARK: measures

    /// `d(c_i, c_j)` in metres.
    @inline(__always)
    func distance(_ i: Int, _ j: Int) -> Double {
        let dx = coordinates[i].x - coordinates[j].x, dy = coordinates[i].y - coordinates[j].y
        switch metric {
        case .euclidean: return (dx * dx + dy * dy).squareRoot()
        case .manhattan: return abs(dx) + abs(dy)
        }
    }

    @inline(__always)
    func weight(_ i: Int) -> Double { weights?[i] ?? 1 }

    /// The heterogeneity H of a grouping (see the type's documentation).
    public func heterogeneity(regions: [[Int]]) -> Double {
        var total = 0.0
        for region in regions {
            for a in region.indices {
                let i = region[a], wi = weight(i)
                for b in (a + 1)..<region.count {
                    total += wi * weight(region[b]) * distance(i, region[b])
                }
            }
        }
        return total
    }

    /// pygeoda's measure: Σ over regions of Σ over units of the squared Euclidean distance (m²) between the
    /// unit's coordinate and the region's mean coordinate (unweighted), i.e. the within-region sum of
    /// squares of the coordinates.
    public func withinRegionSumOfSquares(regions: [[Int]]) -> Double {
        var total = 0.0
        for region in regions where !region.isEmpty {
            var mx = 0.0, my = 0.0
            for u in region { mx += coordinates[u].x; my += coordinates[u].y }
            mx /= Double(region.count); my /= Double(region.count)
            for u in region {
                let dx = coordinates[u].x - mx, dy = coordinates[u].y - my
                total += dx * dx + dy * dy
            }
        }
        return total
    }

    /// Whether the sums `sums` reach every lower bound.
    @inline(__always)
    func meets(_ sums: [Double]) -> Bool {
        for k in lowerBounds.indices where sums[k] < lowerBounds[k] { return false }
        return true
    }

    // MARK: solving

    /// Solves the problem: `options.constructionIterations` randomized constructions (largest p wins, ties
    /// by lowest H), then tabu search on the winner. Draws only from `generator`; `progress`, when given, is
    /// called as the constructions go (by one of the two threads that run them, so from a background thread)
    /// and every 100 tabu steps; it does not change the result.
    public func solve<G: RandomNumberGenerator>(options: Options = Options(), using generator: inout G,
                                                progress: ((Progress) -> Void)? = nil) -> Solution {
        var engine = MaxPEngine(problem: self)
        return engine.solve(options: options, using: &generator, progress: progress)
    }
}
