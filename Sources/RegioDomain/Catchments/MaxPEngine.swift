import Dispatch

/// The working state of one ``MaxPRegionalization/solve(options:using:progress:)`` run: component linking, the
/// randomized construction phase with enclave assignment, and the tabu search. Arrays only (no dictionary
/// or set is iterated), so the run is deterministic for a given generator.
struct MaxPEngine {
    /// One construction of phase 1: its region count, and (when it could still win) its labels, regions
    /// and heterogeneity.
    struct Construction {
        let p: Int
        let labels: [Int]
        let regions: [[Int]]
        let heterogeneity: Double
    }

    let problem: MaxPRegionalization
    let n: Int
    /// Adjacency plus the links added for infeasible components.
    var graph: [[Int]]
    var componentLinks: [MaxPRegionalization.ComponentLink] = []

    init(problem: MaxPRegionalization) {
        self.problem = problem
        n = problem.unitCount
        graph = problem.neighbors
    }

    mutating func solve<G: RandomNumberGenerator>(options: MaxPRegionalization.Options, using generator: inout G,
                                                  progress: ((MaxPRegionalization.Progress) -> Void)?)
        -> MaxPRegionalization.Solution {
        guard n > 0 else {
            return .init(regionOfUnit: [], regions: [], meetsLowerBounds: [], heterogeneity: 0,
                         constructionHeterogeneity: 0, iterationsReachingP: 0, localSearchMoves: 0, componentLinks: [])
        }
        // Components that cannot reach the bounds join the nearest feasible one.
        let components = UnitAdjacency.components(of: graph, among: Array(0..<n))
        let feasible = components.map { problem.meets(sums(of: $0)) }
        guard feasible.contains(true) else {
            return finish(regions: components, constructionHeterogeneity: problem.heterogeneity(regions: components),
                          iterationsReachingP: 0, moves: 0, allMeet: false)
        }
        let feasibleUnits = zip(components, feasible).filter(\.1).flatMap(\.0).sorted()
        for (component, ok) in zip(components, feasible) where !ok {
            var best: (from: Int, to: Int, d: Double)?
            for u in component {
                for v in feasibleUnits {
                    let d = problem.distance(u, v)
                    if best == nil || d < best!.d { best = (u, v, d) }
                }
            }
            guard let best else { continue }
            graph[best.from].append(best.to)
            graph[best.to].append(best.from)
            componentLinks.append(.init(from: best.from, to: best.to, distanceMeters: best.d, units: component))
        }
        for u in 0..<n { graph[u].sort() }

        // Phase 1: construction. The seed orders are drawn from the generator first, in iteration order, so
        // the result does not depend on threads; the constructions run on `options.workers` threads (every construction
        // reads only the problem); the winner is then chosen in iteration order exactly as one loop would.
        let iterations = Swift.max(1, options.constructionIterations)
        var orders: [[Int]] = []
        orders.reserveCapacity(iterations)
        var order = Array(0..<n)
        for _ in 0..<iterations {
            generator.portableShuffle(&order)
            orders.append(order)
        }
        let workers = Swift.min(options.workers, iterations)
        var built = [Construction?](repeating: nil, count: iterations)
        let (engine, unitCount, seedOrders) = (self, n, orders)
        // Each worker writes only its own iterations' slots; progress is reported by worker 0 alone.
        let report = UncheckedSendable(value: progress)
        built.withUnsafeMutableBufferPointer { buffer in
            let results = UncheckedSendable(value: buffer)
            DispatchQueue.concurrentPerform(iterations: workers) { worker in
                var scratch = GrowthScratch(n: unitCount)
                // A construction with fewer regions than an earlier one of this worker cannot win (the
                // earlier one is also earlier in iteration order): its enclaves are not assigned.
                var localBest = -1
                for i in stride(from: worker, to: iterations, by: workers) {
                    var (labels, regions, sums) = engine.construct(order: seedOrders[i], scratch: &scratch)
                    let p = regions.count
                    if p >= localBest {
                        localBest = p
                        engine.assignEnclaves(labels: &labels, regions: &regions, sums: &sums, order: seedOrders[i])
                        results.value[i] = Construction(p: p, labels: labels, regions: regions,
                                                  heterogeneity: engine.problem.heterogeneity(regions: regions))
                    } else {
                        results.value[i] = Construction(p: p, labels: [], regions: [], heterogeneity: .infinity)
                    }
                    if worker == 0 {
                        report.value?(.init(phase: .construction, completed: Swift.min(iterations, i + workers), total: iterations, p: localBest))
                    }
                }
            }
        }
        var bestLabels: [Int] = []
        var bestRegions: [[Int]] = []
        var bestP = -1
        var bestH = Double.infinity
        var reaching = 0
        for case let candidate? in built {
            if candidate.p < bestP { continue }
            if candidate.p > bestP {
                bestP = candidate.p
                reaching = 1
                bestH = candidate.heterogeneity
                bestLabels = candidate.labels
                bestRegions = candidate.regions
            } else {
                reaching += 1
                if candidate.heterogeneity < bestH {
                    bestH = candidate.heterogeneity
                    bestLabels = candidate.labels
                    bestRegions = candidate.regions
                }
            }
        }

        // Phase 2: tabu search.
        var moves = 0
        var regions = bestRegions
        if options.localSearch, bestRegions.count > 1 {
            var search = TabuSearch(problem: problem, graph: graph, labels: bestLabels, regions: bestRegions,
                                    heterogeneity: bestH)
            moves = search.run(tabuLength: options.tabuLength, patience: options.maximumNonImprovingMoves) { step, limit in
                progress?(.init(phase: .localSearch, completed: step, total: limit, p: bestP))
            }
            regions = search.bestRegions()
        }
        return finish(regions: regions, constructionHeterogeneity: bestH, iterationsReachingP: reaching,
                      moves: moves, allMeet: true)
    }

    private func sums(of units: [Int]) -> [Double] {
        var total = [Double](repeating: 0, count: problem.lowerBounds.count)
        for u in units { for k in total.indices { total[k] += problem.attributes[u][k] } }
        return total
    }

    /// Renumbers regions by their lowest unit and computes the final measures.
    private func finish(regions unsorted: [[Int]], constructionHeterogeneity: Double, iterationsReachingP: Int,
                        moves: Int, allMeet: Bool) -> MaxPRegionalization.Solution {
        let regions = unsorted.map { $0.sorted() }.filter { !$0.isEmpty }.sorted { $0[0] < $1[0] }
        var regionOfUnit = [Int](repeating: -1, count: n)
        for (r, region) in regions.enumerated() { for u in region { regionOfUnit[u] = r } }
        let meets = regions.map { allMeet || problem.meets(sums(of: $0)) }
        return .init(regionOfUnit: regionOfUnit, regions: regions, meetsLowerBounds: meets,
                     heterogeneity: problem.heterogeneity(regions: regions),
                     constructionHeterogeneity: constructionHeterogeneity, iterationsReachingP: iterationsReachingP,
                     localSearchMoves: moves, componentLinks: componentLinks)
    }

    // MARK: construction

    /// Buffers reused by every construction.
    struct GrowthScratch {
        var stamp: [Int]
        var generation = 0
        var heap = UnitHeap()
        init(n: Int) { stamp = [Int](repeating: -1, count: n) }
    }

    /// One randomized construction: seeds in `order`; each grows until it reaches every bound, adding the
    /// frontier unit nearest to its seed among those that carry an attribute still short of its bound, or,
    /// when none does, the nearest frontier unit. (Seeking the missing schools first gave 1–2 more regions on
    /// the Dutch municipalities than growing purely by distance or breadth-first, at the same cost.) A growth that runs out of reachable unassigned units leaves them as
    /// enclaves (label -1). Returns labels, region members and region sums.
    private func construct(order: [Int], scratch: inout GrowthScratch) -> ([Int], [[Int]], [[Double]]) {
        var labels = [Int](repeating: -1, count: n)
        var enclave = [Bool](repeating: false, count: n)
        var regions: [[Int]] = []
        var regionSums: [[Double]] = []
        let k = problem.lowerBounds.count
        for seed in order where labels[seed] == -1 && !enclave[seed] {
            scratch.generation += 1
            let generation = scratch.generation
            let r = regions.count
            var members = [seed]
            labels[seed] = r
            scratch.stamp[seed] = generation
            var total = problem.attributes[seed]
            scratch.heap.removeAll()
            func pushNeighbors(of u: Int, scratch: inout GrowthScratch) {
                for v in graph[u] where labels[v] == -1 && !enclave[v] && scratch.stamp[v] != generation {
                    scratch.stamp[v] = generation
                    scratch.heap.push(key: problem.distance(seed, v), unit: v, helps: helps(v))
                }
            }
            // Whether unit v carries some of an attribute that is still short of its bound.
            func helps(_ v: Int) -> Bool {
                for j in 0..<k where total[j] < problem.lowerBounds[j] && problem.attributes[v][j] > 0 { return true }
                return false
            }
            var reached = problem.meets(total)
            if !reached { pushNeighbors(of: seed, scratch: &scratch) }
            while !reached, let u = scratch.heap.pop(stillHelps: helps) {
                labels[u] = r
                members.append(u)
                for j in 0..<k { total[j] += problem.attributes[u][j] }
                reached = problem.meets(total)
                if !reached { pushNeighbors(of: u, scratch: &scratch) }
            }
            if reached {
                regions.append(members)
                regionSums.append(total)
            } else {
                for u in members {
                    labels[u] = -1
                    enclave[u] = true
                }
            }
        }
        return (labels, regions, regionSums)
    }

    /// Assigns every unassigned unit, spreading out from the regions, to the neighbouring region whose
    /// members it is least far from in total (the least added heterogeneity); ties to the lower region.
    private func assignEnclaves(labels: inout [Int], regions: inout [[Int]], sums: inout [[Double]], order: [Int]) {
        var queue: [Int] = []
        for u in order where labels[u] == -1 && graph[u].contains(where: { labels[$0] >= 0 }) { queue.append(u) }
        var head = 0
        var candidates: [Int] = []
        while head < queue.count {
            let u = queue[head]
            head += 1
            guard labels[u] == -1 else { continue }
            candidates.removeAll(keepingCapacity: true)
            for v in graph[u] where labels[v] >= 0 && !candidates.contains(labels[v]) { candidates.append(labels[v]) }
            var best = -1
            var bestCost = Double.infinity
            for r in candidates {
                var cost = 0.0
                for j in regions[r] { cost += problem.weight(j) * problem.distance(u, j) }
                if cost < bestCost || (cost == bestCost && r < best) { best = r; bestCost = cost }
            }
            guard best >= 0 else { continue }
            labels[u] = best
            regions[best].append(u)
            for j in sums[best].indices { sums[best][j] += problem.attributes[u][j] }
            for v in graph[u] where labels[v] == -1 { queue.append(v) }
        }
        // Every feasible component holds a region, so nothing is left; guard anyway: nearest region member.
        for u in 0..<n where labels[u] == -1 {
            var best = 0, bestD = Double.infinity
            for (r, region) in regions.enumerated() {
                for j in region where problem.distance(u, j) < bestD { bestD = problem.distance(u, j); best = r }
            }
            labels[u] = best
            regions[best].append(u)
        }
    }
}

/// A binary min-heap of frontier units: first those that help (carry an attribute still short of its
/// bound), then the others; within each tier by distance to the seed, then by unit.
struct UnitHeap {
    private var tiers: [UInt8] = []
    private var keys: [Double] = []
    private var units: [Int] = []

    mutating func removeAll() {
        tiers.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        units.removeAll(keepingCapacity: true)
    }

    @inline(__always)
    private func less(_ a: Int, _ b: Int) -> Bool {
        if tiers[a] != tiers[b] { return tiers[a] < tiers[b] }
        return keys[a] < keys[b] || (keys[a] == keys[b] && units[a] < units[b])
    }

    private mutating func swapEntries(_ a: Int, _ b: Int) {
        tiers.swapAt(a, b)
        keys.swapAt(a, b)
        units.swapAt(a, b)
    }

    mutating func push(key: Double, unit: Int, helps: Bool) {
        tiers.append(helps ? 0 : 1)
        keys.append(key)
        units.append(unit)
        var child = keys.count - 1
        while child > 0 {
            let parent = (child - 1) / 2
            guard less(child, parent) else { break }
            swapEntries(child, parent)
            child = parent
        }
    }

    /// The first unit in order. A unit pushed as helping that no longer helps (the bound it helped with
    /// has been reached since; the reverse cannot happen, as sums only grow) goes back in the second tier.
    mutating func pop(stillHelps: (Int) -> Bool) -> Int? {
        while let (tier, key, unit) = popTop() {
            if tier == 0, !stillHelps(unit) {
                push(key: key, unit: unit, helps: false)
                continue
            }
            return unit
        }
        return nil
    }

    private mutating func popTop() -> (UInt8, Double, Int)? {
        guard !units.isEmpty else { return nil }
        let top = (tiers[0], keys[0], units[0])
        let last = keys.count - 1
        swapEntries(0, last)
        tiers.removeLast()
        keys.removeLast()
        units.removeLast()
        var parent = 0
        while true {
            let left = 2 * parent + 1, right = left + 1
            var smallest = parent
            if left < keys.count, less(left, smallest) { smallest = left }
            if right < keys.count, less(right, smallest) { smallest = right }
            guard smallest != parent else { break }
            swapEntries(parent, smallest)
            parent = smallest
        }
        return top
    }
}

/// A value handed to concurrently running work that is known to use it safely (each worker its own
/// slots of a buffer; a callback only one worker calls).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
}
