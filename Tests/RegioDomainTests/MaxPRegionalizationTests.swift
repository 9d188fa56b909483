import Testing
import RegioDomain
import RegioSpatial

@Suite struct MaxPRegionalizationTests {
    typealias F = CatchmentFixtures

    /// A 10 × 8 lattice: schools in a fixed scattered pattern, students per school.
    static func scatteredProblem(bounds: [Double] = [2, 0], weights: [Double]? = nil) throws -> MaxPRegionalization {
        let (neighbors, coordinates) = F.lattice(columns: 10, rows: 8)
        let attributes = (0..<80).map { u -> [Double] in
            let schools = Double((u * 7 + u / 10) % 5 == 0 ? 1 + u % 2 : 0)
            return [schools, schools * Double(40 + (u * 13) % 50)]
        }
        return try MaxPRegionalization(unitCount: 80, neighbors: neighbors, attributes: attributes, lowerBounds: bounds,
                                       coordinates: coordinates, weights: weights)
    }

    static func checkValid(_ problem: MaxPRegionalization, _ s: MaxPRegionalization.Solution) {
        // Every unit in exactly one region, and regionOfUnit agrees.
        #expect(s.regions.flatMap { $0 }.sorted() == Array(0..<problem.unitCount))
        for (r, region) in s.regions.enumerated() {
            for u in region { #expect(s.regionOfUnit[u] == r) }
            #expect(F.isConnected(region, problem.neighbors), "region \(r) \(region) is not contiguous")
            for k in problem.lowerBounds.indices {
                let total = region.reduce(0) { $0 + problem.attributes[$1][k] }
                #expect(total >= problem.lowerBounds[k], "region \(r) has \(total) of attribute \(k)")
            }
            #expect(s.meetsLowerBounds[r])
        }
        // Regions ordered by their lowest unit.
        #expect(s.regions.map { $0[0] } == s.regions.map { $0[0] }.sorted())
        #expect(abs(s.heterogeneity - problem.heterogeneity(regions: s.regions)) < 1e-6 * Swift.max(1, s.heterogeneity))
    }

    @Test func everyUnitInOneContiguousRegionThatMeetsAllBounds() throws {
        let problem = try Self.scatteredProblem(bounds: [2, 120])
        var generator = SplitMix64(seed: 7)
        let solution = problem.solve(using: &generator)
        Self.checkValid(problem, solution)
        #expect(solution.p >= 3)
        #expect(solution.iterationsReachingP >= 1)
    }

    @Test func sameSeedSameResultDifferentSeedsStillValid() throws {
        let problem = try Self.scatteredProblem()
        var a = SplitMix64(seed: 42), b = SplitMix64(seed: 42)
        let first = problem.solve(using: &a)
        let second = problem.solve(using: &b)
        #expect(first == second)
        // Other seeds may give other regions (allowed), but always valid ones.
        for seed: UInt64 in [1, 2, 3, 99] {
            var g = SplitMix64(seed: seed)
            Self.checkValid(problem, problem.solve(options: .init(constructionIterations: 20), using: &g))
        }
    }

    /// The constructions run on `workers` threads; the winner is chosen in iteration order, so any number of
    /// threads gives the one-thread result.
    @Test func theResultDoesNotDependOnTheNumberOfThreads() throws {
        let problem = try Self.scatteredProblem(bounds: [2, 120])
        let solutions = [1, 2, 3, 8].map { workers -> MaxPRegionalization.Solution in
            var g = SplitMix64(seed: 11)
            return problem.solve(options: .init(constructionIterations: 30, workers: workers), using: &g)
        }
        for s in solutions.dropFirst() { #expect(s == solutions[0]) }
    }

    @Test func localSearchNeverWorsensTheConstruction() throws {
        let problem = try Self.scatteredProblem()
        var g = SplitMix64(seed: 3)
        let improved = problem.solve(options: .init(constructionIterations: 10), using: &g)
        #expect(improved.heterogeneity <= improved.constructionHeterogeneity + 1e-6)
        var h = SplitMix64(seed: 3)
        let plain = problem.solve(options: .init(constructionIterations: 10, localSearch: false), using: &h)
        #expect(plain.localSearchMoves == 0)
        #expect(abs(plain.heterogeneity - plain.constructionHeterogeneity) < 1e-6)
        #expect(plain.p == improved.p)
        Self.checkValid(problem, plain)
    }

    @Test func heterogeneityIsTheWeightedSumOfPairwiseDistances() throws {
        let coordinates = [Point(x: 0, y: 0), Point(x: 3, y: 4), Point(x: 6, y: 8), Point(x: 100, y: 0)]
        let unweighted = try MaxPRegionalization(unitCount: 4, neighbors: [[1], [0, 2], [1], []],
                                                 attributes: Array(repeating: [1], count: 4), lowerBounds: [1],
                                                 coordinates: coordinates)
        // {0,1,2}: 5 + 10 + 5 = 20 (each pair once); {3}: 0. spopt: submatrix sum / 2 = 40 / 2.
        #expect(unweighted.heterogeneity(regions: [[0, 1, 2], [3]]) == 20)
        let weighted = try MaxPRegionalization(unitCount: 4, neighbors: [[1], [0, 2], [1], []],
                                               attributes: Array(repeating: [1], count: 4), lowerBounds: [1],
                                               coordinates: coordinates, weights: [1, 2, 3, 4])
        // 1·2·5 + 1·3·10 + 2·3·5 = 70.
        #expect(weighted.heterogeneity(regions: [[0, 1, 2], [3]]) == 70)
        let manhattan = try MaxPRegionalization(unitCount: 4, neighbors: [[1], [0, 2], [1], []],
                                                attributes: Array(repeating: [1], count: 4), lowerBounds: [1],
                                                coordinates: coordinates, metric: .manhattan)
        #expect(manhattan.heterogeneity(regions: [[0, 1, 2], [3]]) == 7 + 14 + 7)
        // Within-region sum of squares: mean (3, 4); 25 + 0 + 25.
        #expect(unweighted.withinRegionSumOfSquares(regions: [[0, 1, 2], [3]]) == 50)
    }

    @Test func findsTheMaximumPOnSmallCases() throws {
        // A path of 6 units with one school each and a bound of 2: at most 3 regions.
        let path = try MaxPRegionalization(unitCount: 6, neighbors: (0..<6).map { u in [u - 1, u + 1].filter { (0..<6).contains($0) } },
                                           attributes: Array(repeating: [1], count: 6), lowerBounds: [2],
                                           coordinates: (0..<6).map { Point(x: Double($0) * 1_000, y: 0) })
        var g = SplitMix64(seed: 1)
        let s = path.solve(using: &g)
        #expect(s.p == 3)
        #expect(s.regions == [[0, 1], [2, 3], [4, 5]])
        // Every unit reaches the bound alone: every unit is a region.
        let (neighbors, coordinates) = F.lattice(columns: 4, rows: 4)
        let singles = try MaxPRegionalization(unitCount: 16, neighbors: neighbors, attributes: Array(repeating: [1, 5], count: 16),
                                              lowerBounds: [1, 5], coordinates: coordinates)
        var h = SplitMix64(seed: 1)
        #expect(singles.solve(using: &h).p == 16)
    }

    @Test func everyBoundIsEnforced() throws {
        // Schools everywhere but students in one column only: the student bound decides p.
        let (neighbors, coordinates) = F.lattice(columns: 4, rows: 4)
        let attributes = (0..<16).map { u -> [Double] in [1, u % 4 == 0 ? 100 : 0] }
        let problem = try MaxPRegionalization(unitCount: 16, neighbors: neighbors, attributes: attributes,
                                              lowerBounds: [2, 100], coordinates: coordinates)
        var g = SplitMix64(seed: 5)
        let s = problem.solve(using: &g)
        Self.checkValid(problem, s)
        #expect(s.p <= 4)
    }

    @Test func componentThatCannotReachTheBoundsJoinsTheNearestFeasibleOne() throws {
        // A 3 × 3 lattice with schools, and a separate pair of units (no schools) 5 km east of its east side.
        let (grid, gridCoordinates) = F.lattice(columns: 3, rows: 3)
        let neighbors = grid + [[10], [9]]
        let coordinates = gridCoordinates + [Point(x: 7_500, y: 1_500), Point(x: 8_500, y: 1_500)]
        let attributes = (0..<11).map { u -> [Double] in [u < 9 && u % 2 == 0 ? 1 : 0] }
        let problem = try MaxPRegionalization(unitCount: 11, neighbors: neighbors, attributes: attributes, lowerBounds: [2],
                                              coordinates: coordinates)
        var g = SplitMix64(seed: 1)
        let s = problem.solve(using: &g)
        let link = try #require(s.componentLinks.first)
        #expect(s.componentLinks.count == 1)
        #expect(link.units == [9, 10])
        #expect(link.from == 9 && link.to == 5)  // (7.5, 1.5) km is nearest to the centre of the east middle cell
        #expect(link.distanceMeters == 5_000)
        #expect(s.regionOfUnit[9] == s.regionOfUnit[5])
        #expect(s.regionOfUnit[10] == s.regionOfUnit[9])
        #expect(s.regions.flatMap { $0 }.sorted() == Array(0..<11))
        #expect(s.meetsLowerBounds.allSatisfy { $0 })
    }

    @Test func boundsThatNothingReachesGiveOneUnmetRegionPerComponent() throws {
        let (neighbors, coordinates) = F.lattice(columns: 3, rows: 2)
        let problem = try MaxPRegionalization(unitCount: 6, neighbors: neighbors, attributes: Array(repeating: [1], count: 6),
                                              lowerBounds: [10], coordinates: coordinates)
        var g = SplitMix64(seed: 1)
        let s = problem.solve(using: &g)
        #expect(s.regions == [Array(0..<6)])
        #expect(s.meetsLowerBounds == [false])
    }

    @Test func adjacencyGivenOneWayCountsBothWays() throws {
        let problem = try MaxPRegionalization(unitCount: 3, neighbors: [[1, 1], [2], []], attributes: Array(repeating: [1], count: 3),
                                              lowerBounds: [1], coordinates: (0..<3).map { Point(x: Double($0), y: 0) })
        #expect(problem.neighbors == [[1], [0, 2], [1]])
    }

    @Test func badInputsNameTheNumbers() throws {
        let (neighbors, coordinates) = F.lattice(columns: 2, rows: 1)
        #expect(throws: CatchmentError(.badInput, "the attribute table has 1 rows, expected one per unit (2)")) {
            try MaxPRegionalization(unitCount: 2, neighbors: neighbors, attributes: [[1]], lowerBounds: [1], coordinates: coordinates)
        }
        #expect(throws: CatchmentError(.badInput, "attribute 0 of unit 1 is -1.0, expected a finite number ≥ 0")) {
            try MaxPRegionalization(unitCount: 2, neighbors: neighbors, attributes: [[1], [-1]], lowerBounds: [1], coordinates: coordinates)
        }
        #expect(throws: CatchmentError(.badInput, "unit 0 lists neighbour 5, outside 0..<2")) {
            try MaxPRegionalization(unitCount: 2, neighbors: [[5], []], attributes: [[1], [1]], lowerBounds: [1], coordinates: coordinates)
        }
        #expect(throws: CatchmentError.self) {
            try MaxPRegionalization(unitCount: 2, neighbors: neighbors, attributes: [[1], [1]], lowerBounds: [1],
                                    coordinates: [Point(x: .nan, y: 0), Point(x: 0, y: 0)])
        }
        #expect(throws: CatchmentError(.badInput, "no lower bounds given: give at least one attribute with its bound")) {
            try MaxPRegionalization(unitCount: 2, neighbors: neighbors, attributes: [[], []], lowerBounds: [], coordinates: coordinates)
        }
    }
}

@Suite struct SplitMix64Tests {
    @Test func matchesTheReferenceSequence() {
        // Vigna's splitmix64.c with x = 0.
        var g = SplitMix64(seed: 0)
        #expect([g.next(), g.next(), g.next(), g.next()] == [0xE220_A839_7B1D_CDAF, 0x6E78_9E6A_A1B9_65F4,
                                                             0x06C4_5D18_8009_454F, 0xF88B_B8A8_724C_81EC])
    }

    @Test func portableDrawsStayInRangeAndRepeat() {
        var g = SplitMix64(seed: 11)
        var counts = [Int](repeating: 0, count: 7)
        for _ in 0..<7_000 { counts[g.portableIndex(below: 7)] += 1 }
        #expect(counts.allSatisfy { $0 > 850 && $0 < 1_150 })
        for _ in 0..<1_000 {
            let x = g.portableUnitInterval()
            #expect(x >= 0 && x < 1)
        }
        var a = Array(0..<20), b = Array(0..<20)
        var ga = SplitMix64(seed: 5), gb = SplitMix64(seed: 5)
        ga.portableShuffle(&a)
        gb.portableShuffle(&b)
        #expect(a == b)
        #expect(a.sorted() == Array(0..<20))
        #expect(a != Array(0..<20))
    }
}
