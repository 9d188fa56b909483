/// Phase 2 of max-p (Duque, Anselin & Rey 2012, local improvement): tabu search over boundary moves.
///
/// A move takes a unit from its region A to a neighbouring region B. It is *feasible* when A keeps at least
/// one other unit, still reaches every lower bound without the unit, and stays connected (the unit is not an
/// articulation point of A's induced subgraph; Tarjan's algorithm, as in Wei, Rey & Knaap 2020). B stays
/// connected because the unit borders it. Each step makes the best feasible move that is not tabu (a
/// move back to the region a unit just left is tabu for `tabuLength` steps) unless it would beat the best
/// solution so far (aspiration), even when it worsens the heterogeneity; the search stops after `patience`
/// steps without a new best and returns the best solution seen.
///
/// The change of H for moving unit u from A to B is `w_u · (Σ_{j∈B} w_j d(u,j) − Σ_{j∈A, j≠u} w_j d(u,j))`.
/// The sum over the unit's own region is kept per unit and the sum over B per unit and neighbouring region;
/// a move updates them by one term each, and only the moved unit and its neighbours, whose neighbouring
/// regions may change, are recomputed in full.
struct TabuSearch {
    let problem: MaxPRegionalization
    let graph: [[Int]]
    var labels: [Int]
    var members: [[Int]]
    /// Position of each unit in `members[labels[u]]`.
    var position: [Int]
    var sums: [[Double]]
    /// Σ_{j in own region, j ≠ u} w_j d(u, j).
    var ownSum: [Double]
    /// Whether the unit is an articulation point of its region.
    var isCut: [Bool]
    /// The regions next to each unit (other than its own) with Σ_{j in region} w_j d(u, j).
    var candidates: [[(region: Int, sum: Double)]]
    /// Whether the unit may leave its region (the region keeps another unit, its bounds and contiguity).
    var movable: [Bool]
    var tabuRegion: [Int]
    var tabuUntil: [Int]
    var heterogeneity: Double
    var bestHeterogeneity: Double
    var bestLabels: [Int]

    // Tarjan scratch.
    private var visit: [Int]
    private var visitStamp: [Int]
    private var low: [Int]
    private var parent: [Int]
    private var stampCounter = 0
    private var touchStamp: [Int]
    private var touchCounter = 0

    init(problem: MaxPRegionalization, graph: [[Int]], labels: [Int], regions: [[Int]], heterogeneity: Double) {
        let n = labels.count
        self.problem = problem
        self.graph = graph
        self.labels = labels
        members = regions
        position = [Int](repeating: 0, count: n)
        sums = []
        ownSum = [Double](repeating: 0, count: n)
        isCut = [Bool](repeating: false, count: n)
        candidates = Array(repeating: [], count: n)
        movable = [Bool](repeating: false, count: n)
        tabuRegion = [Int](repeating: -1, count: n)
        tabuUntil = [Int](repeating: 0, count: n)
        self.heterogeneity = heterogeneity
        bestHeterogeneity = heterogeneity
        bestLabels = labels
        visit = [Int](repeating: 0, count: n)
        visitStamp = [Int](repeating: 0, count: n)
        low = [Int](repeating: 0, count: n)
        parent = [Int](repeating: -1, count: n)
        touchStamp = [Int](repeating: 0, count: n)
        for region in regions {
            var total = [Double](repeating: 0, count: problem.lowerBounds.count)
            for (p, u) in region.enumerated() {
                position[u] = p
                for k in total.indices { total[k] += problem.attributes[u][k] }
            }
            sums.append(total)
        }
        for u in 0..<n {
            ownSum[u] = sumOfDistances(u, to: labels[u])
            refreshCandidates(u)
        }
        for r in members.indices { markCuts(region: r) }
        for u in 0..<n { refreshMovable(u) }
    }

    /// Σ_{j ∈ region, j ≠ u} w_j d(u, j).
    private func sumOfDistances(_ u: Int, to region: Int) -> Double {
        var total = 0.0
        for j in members[region] where j != u { total += problem.weight(j) * problem.distance(u, j) }
        return total
    }

    /// Recomputes the regions next to `u` and its distance sums to them.
    private mutating func refreshCandidates(_ u: Int) {
        candidates[u].removeAll(keepingCapacity: true)
        let a = labels[u]
        for v in graph[u] {
            let b = labels[v]
            guard b != a, !candidates[u].contains(where: { $0.region == b }) else { continue }
            candidates[u].append((b, sumOfDistances(u, to: b)))
        }
    }

    /// Whether `u` can leave its region: the region keeps another unit and its bounds, and stays connected.
    private mutating func refreshMovable(_ u: Int) {
        let a = labels[u]
        movable[u] = false
        guard members[a].count > 1, !isCut[u] else { return }
        for k in problem.lowerBounds.indices where sums[a][k] - problem.attributes[u][k] < problem.lowerBounds[k] {
            return
        }
        movable[u] = true
    }

    /// Marks the articulation points of region `r` (iterative Tarjan over the region's induced subgraph).
    private mutating func markCuts(region r: Int) {
        let units = members[r]
        for u in units { isCut[u] = false }
        guard units.count > 2, let root = units.first else { return }
        stampCounter += 1
        let stamp = stampCounter
        var time = 0
        visitStamp[root] = stamp
        visit[root] = time; low[root] = time; time += 1
        parent[root] = -1
        var rootChildren = 0
        var stack: [(unit: Int, next: Int)] = [(root, 0)]
        while !stack.isEmpty {
            let top = stack.count - 1
            let u = stack[top].unit
            let i = stack[top].next
            if i < graph[u].count {
                stack[top].next += 1
                let v = graph[u][i]
                guard labels[v] == r else { continue }
                if visitStamp[v] != stamp {
                    visitStamp[v] = stamp
                    visit[v] = time; low[v] = time; time += 1
                    parent[v] = u
                    if u == root { rootChildren += 1 }
                    stack.append((v, 0))
                } else if v != parent[u] {
                    low[u] = Swift.min(low[u], visit[v])
                }
            } else {
                stack.removeLast()
                let p = parent[u]
                if p >= 0 {
                    low[p] = Swift.min(low[p], low[u])
                    if p != root, low[u] >= visit[p] { isCut[p] = true }
                }
            }
        }
        if rootChildren > 1 { isCut[root] = true }
    }

    /// Runs the search; returns the number of moves made. `progress(step, limit)` is called every 100 steps.
    mutating func run(tabuLength: Int, patience: Int, progress: (Int, Int) -> Void = { _, _ in }) -> Int {
        let n = labels.count
        var step = 0
        var sinceBest = 0
        let limit = 20 * n + 1_000
        while sinceBest < patience, step < limit {
            // The best admissible move; ties to the lower unit, then the lower region.
            var chosen: (unit: Int, region: Int, delta: Double)?
            let aspiration = bestHeterogeneity - heterogeneity - Swift.max(1e-9 * abs(bestHeterogeneity), 1e-9)
            for u in 0..<n where movable[u] {
                let wu = problem.weight(u), own = ownSum[u]
                for candidate in candidates[u] {
                    let delta = wu * (candidate.sum - own)
                    if let c = chosen, delta >= c.delta { continue }
                    let tabu = tabuRegion[u] == candidate.region && tabuUntil[u] > step
                    if tabu && delta >= aspiration { continue }
                    chosen = (u, candidate.region, delta)
                }
            }
            guard let move = chosen else { break }
            apply(unit: move.unit, to: move.region, delta: move.delta, step: step, tabuLength: tabuLength)
            step += 1
            if step % 100 == 0 { progress(step, limit) }
            if heterogeneity < bestHeterogeneity - Swift.max(1e-9 * abs(bestHeterogeneity), 1e-9) {
                bestHeterogeneity = heterogeneity
                bestLabels = labels
                sinceBest = 0
            } else {
                sinceBest += 1
            }
        }
        // The running heterogeneity comes from the incremental sums: check it against a full recount.
        assert(abs(problem.heterogeneity(regions: bestRegions()) - bestHeterogeneity)
               <= 1e-6 * Swift.max(1, bestHeterogeneity), "tabu search lost track of the heterogeneity")
        return step
    }

    private mutating func apply(unit u: Int, to b: Int, delta: Double, step: Int, tabuLength: Int) {
        let a = labels[u]
        let wu = problem.weight(u)
        // Leave A.
        let p = position[u]
        let last = members[a].removeLast()
        if last != u {
            members[a][p] = last
            position[last] = p
        }
        touchCounter += 1
        let stamp = touchCounter
        touchStamp[u] = stamp
        // The units of A lose u from their own sum and gain it in their sum to B; those of B the reverse.
        for j in members[a] {
            touchStamp[j] = stamp
            let d = wu * problem.distance(u, j)
            ownSum[j] -= d
            if let k = candidates[j].firstIndex(where: { $0.region == b }) { candidates[j][k].sum += d }
        }
        for j in members[b] {
            touchStamp[j] = stamp
            let d = wu * problem.distance(u, j)
            ownSum[j] += d
            if let k = candidates[j].firstIndex(where: { $0.region == a }) { candidates[j][k].sum -= d }
        }
        // Units of other regions next to A or B: their sums to A and B change by one term.
        for list in [members[a], members[b], [u]] {
            for j in list {
                for v in graph[j] where touchStamp[v] != stamp {
                    touchStamp[v] = stamp
                    let d = wu * problem.distance(u, v)
                    for k in candidates[v].indices {
                        if candidates[v][k].region == a { candidates[v][k].sum -= d }
                        else if candidates[v][k].region == b { candidates[v][k].sum += d }
                    }
                }
            }
        }
        // Join B.
        ownSum[u] = sumOfDistances(u, to: b)
        position[u] = members[b].count
        members[b].append(u)
        labels[u] = b
        for k in sums[a].indices {
            sums[a][k] -= problem.attributes[u][k]
            sums[b][k] += problem.attributes[u][k]
        }
        heterogeneity += delta
        tabuRegion[u] = a
        tabuUntil[u] = step + 1 + tabuLength
        // The neighbouring regions change only for u and its neighbours.
        refreshCandidates(u)
        for v in graph[u] { refreshCandidates(v) }
        markCuts(region: a)
        markCuts(region: b)
        for j in members[a] { refreshMovable(j) }
        for j in members[b] { refreshMovable(j) }
    }

    /// The regions of the best solution seen.
    func bestRegions() -> [[Int]] {
        var regions = [[Int]](repeating: [], count: members.count)
        for (u, r) in bestLabels.enumerated() { regions[r].append(u) }
        return regions
    }
}
