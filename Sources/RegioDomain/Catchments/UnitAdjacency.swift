import Foundation
import RegioSpatial

/// The contiguity graph of a layer of polygons ("units": municipalities, 4-digit postcode areas), in
/// EPSG:28992 (RD New, metres), with the length of every shared border and explicit links for islands.
///
/// **Neighbours.** Two units are neighbours when their boundaries run together for at least
/// ``Options/minimumSharedLengthMeters`` (rook-like contiguity: units meeting only at a corner are not
/// neighbours), where "together" means within ``Options/toleranceMeters`` of each other (see
/// `SharedBorderMeasurement`), or when their interiors overlap (their boundaries properly cross, or one lies
/// inside the other). On a cleanly noded layer (tolerance 0, the default) the shared border is exactly the
/// common boundary; a layer that is not cleanly noded (neighbours overlapping by slivers or separated by
/// hairline gaps, like the CBS PC4 layer) needs a tolerance of about a metre. Only boundary segments
/// within 45° of parallel count, so units meeting at a corner stay apart, except where a wedge narrower
/// than the tolerance divided by the minimum length (in radians, roughly) separates them.
///
/// **Islands.** When ``Options/linkIslands`` is on, every connected component other than the largest is
/// linked to its nearest unit of the largest component, the mainland (by polygon distance, GEOS), so the
/// graph becomes connected. Linking to the mainland rather than to a nearer island keeps an island's
/// catchment on the coast its ferry goes to (Ameland to Friesland, not to Terschelling and on via Vlieland
/// and Texel). Each link is an ``IslandLink`` with a note for reports, and it appears in
/// ``neighbors`` with a shared border of 0. Units without geometry (an empty polygon) have no neighbours
/// and are never linked; ``unitsWithoutGeometry`` lists them.
///
/// Candidate pairs come from one ``SpatialIndex`` over the units' envelopes, built once and only queried.
public struct UnitAdjacency: Sendable, Hashable {
    /// How neighbours are decided.
    public struct Options: Sendable, Hashable {
        /// Two units whose boundaries run together for less than this (metres) are not neighbours (unless
        /// their interiors overlap).
        public var minimumSharedLengthMeters: Double
        /// Boundaries closer than this (metres) count as shared. 0 for cleanly noded layers, where shared
        /// vertices coincide (a numerical 1 mm is used then); about 1 m for layers that are not.
        public var toleranceMeters: Double
        /// Link every component other than the largest to its nearest unit in the largest.
        public var linkIslands: Bool

        public init(minimumSharedLengthMeters: Double = 1, toleranceMeters: Double = 0, linkIslands: Bool = true) {
            self.minimumSharedLengthMeters = minimumSharedLengthMeters
            self.toleranceMeters = toleranceMeters
            self.linkIslands = linkIslands
        }

        /// For cleanly noded layers (CBS municipality maps): shared border ≥ 1 m, no tolerance.
        public static let cleanlyNoded = Options()
        /// For layers that are not cleanly noded (CBS PC4): shared border ≥ 1 m within 1 m tolerance.
        public static let notCleanlyNoded = Options(minimumSharedLengthMeters: 1, toleranceMeters: 1)

        /// The band half-width actually used, metres.
        var bandMeters: Double { Swift.max(toleranceMeters, 0.001) }
    }

    /// A link added between two components that share no border.
    public struct IslandLink: Sendable, Hashable {
        /// The unit of the island (component) that lies nearest to the mainland.
        public let from: Int
        /// The nearest unit of the mainland (the largest component).
        public let to: Int
        /// Polygon distance between the two units, metres.
        public let distanceMeters: Double
        /// The units of the component that was joined by this link (`from` among them), ascending.
        public let joinedUnits: [Int]
        /// "GM0088 Schiermonnikoog joined to GM1970 Noardeast-Fryslân across 8.2 km without a shared border
        /// (water or a gap in the map)", and in Dutch.
        public let note: LocalizedText
    }

    /// Unit codes, in input order; every other array is indexed like this one.
    public let codes: [String]
    /// Unit names ("" when not given).
    public let names: [String]
    /// The neighbours of each unit, ascending, island links included.
    public let neighbors: [[Int]]
    /// The shared border length (metres) with each neighbour, parallel to ``neighbors``; 0 for an island
    /// link; for a unit lying inside another, the inner unit's perimeter.
    public let sharedBorderMeters: [[Double]]
    /// The links added between components, in the order they were added.
    public let islandLinks: [IslandLink]
    /// Units with an empty geometry (no neighbours, never linked).
    public let unitsWithoutGeometry: [Int]
    /// Each unit's centroid in RD metres (GEOS; may lie outside a concave unit); NaN for an empty geometry.
    public let centroids: [Point]
    /// The options the graph was built with.
    public let options: Options
    private let positionByCode: [String: Int]

    /// The number of units.
    public var count: Int { codes.count }

    /// The position of the unit with `code`.
    public func position(of code: String) -> Int? { positionByCode[code] }

    /// Whether `a` and `b` are neighbours (island links included).
    public func areNeighbors(_ a: Int, _ b: Int) -> Bool {
        neighbors[a].withUnsafeBufferPointer { list in binarySearch(list, b) != nil }
    }

    /// The shared border between `a` and `b` in metres; 0 when they are not neighbours or only island-linked.
    public func sharedBorderMeters(between a: Int, and b: Int) -> Double {
        guard let k = neighbors[a].withUnsafeBufferPointer({ binarySearch($0, b) }) else { return 0 }
        return sharedBorderMeters[a][k]
    }

    /// "GM0088 Schiermonnikoog" (code and name, or the code alone).
    public func label(_ unit: Int) -> String {
        names[unit].isEmpty || names[unit] == codes[unit] ? codes[unit] : "\(codes[unit]) \(names[unit])"
    }

    /// One line per island link and per unit without geometry, for reports.
    public var notes: [LocalizedText] {
        islandLinks.map(\.note) + unitsWithoutGeometry.map {
            LocalizedText(en: "\(label($0)) has no geometry: it has no neighbours and was not linked to any unit",
                          nl: "\(label($0)) heeft geen geometrie: het heeft geen buren en is aan geen enkele eenheid gekoppeld")
        }
    }

    /// The connected components of the graph (island links included), each ascending, ordered by their
    /// first unit.
    public var components: [[Int]] { Self.components(of: neighbors, among: Array(0..<count)) }

    /// Whether `units` form one connected piece of the graph (an empty set is not contiguous).
    public func isContiguous(_ units: [Int]) -> Bool {
        guard let first = units.first else { return false }
        var inSet = Set(units)
        var stack = [first]
        inSet.remove(first)
        while let u = stack.popLast() {
            for v in neighbors[u] where inSet.remove(v) != nil { stack.append(v) }
        }
        return inSet.isEmpty
    }

    // MARK: building

    /// The adjacency of the municipalities of `map` (codes and names from the map).
    public init(map: MunicipalityMap, options: Options = .cleanlyNoded) throws(CatchmentError) {
        try self.init(codes: map.municipalities.map(\.code), names: map.municipalities.map(\.name),
                      geometries: map.municipalities.map(\.geometry), options: options)
    }

    /// The adjacency of polygons `geometries` (polygon or multi-polygon, RD metres, all in one context),
    /// identified by `codes` (and, for notes, `names`).
    /// - Throws: ``CatchmentError`` of kind `badInput` when the arrays differ in length or a code repeats,
    ///   of kind `geometry` when GEOS fails (with the unit concerned).
    public init(codes: [String], names: [String]? = nil, geometries: [Geometry],
                options: Options = .cleanlyNoded) throws(CatchmentError) {
        let n = codes.count
        guard geometries.count == n else {
            throw CatchmentError(.badInput, "\(geometries.count) geometries for \(n) unit codes: give one geometry per unit")
        }
        if let names, names.count != n {
            throw CatchmentError(.badInput, "\(names.count) names for \(n) unit codes: give one name per unit, or none")
        }
        guard options.minimumSharedLengthMeters >= 0, options.toleranceMeters >= 0 else {
            throw CatchmentError(.badInput, "minimum shared length \(options.minimumSharedLengthMeters) m and tolerance \(options.toleranceMeters) m must not be negative")
        }
        var positions: [String: Int] = [:]
        for (i, code) in codes.enumerated() {
            if let earlier = positions[code] {
                throw CatchmentError(.badInput, "unit code \(code) appears twice (units \(earlier) and \(i)): codes must be unique")
            }
            positions[code] = i
        }
        self.codes = codes
        self.names = names ?? Array(repeating: "", count: n)
        self.options = options
        positionByCode = positions

        var builder = Builder(codes: codes, geometries: geometries, options: options)
        try builder.run()
        var neighbors = builder.neighbors
        var shared = builder.shared
        var links: [IslandLink] = []
        if options.linkIslands {
            let labels = (0..<n).map { names?[$0] ?? "" }
            links = try builder.linkIslands { unit in
                labels[unit].isEmpty || labels[unit] == codes[unit] ? codes[unit] : "\(codes[unit]) \(labels[unit])"
            }
            for link in links {
                neighbors[link.from].append(link.to); shared[link.from].append(0)
                neighbors[link.to].append(link.from); shared[link.to].append(0)
            }
        }
        // Sort every list ascending, carrying the lengths along.
        for u in 0..<n where neighbors[u].count > 1 {
            let order = neighbors[u].indices.sorted { neighbors[u][$0] < neighbors[u][$1] }
            neighbors[u] = order.map { neighbors[u][$0] }
            shared[u] = order.map { shared[u][$0] }
        }
        self.neighbors = neighbors
        self.sharedBorderMeters = shared
        self.islandLinks = links
        self.unitsWithoutGeometry = builder.empty
        self.centroids = builder.centroids
    }

    /// Connected components of `graph` restricted to `units`, each ascending, ordered by first unit.
    static func components(of graph: [[Int]], among units: [Int]) -> [[Int]] {
        var member = [Bool](repeating: false, count: graph.count)
        for u in units { member[u] = true }
        var seen = [Bool](repeating: false, count: graph.count)
        var result: [[Int]] = []
        for start in units.sorted() where !seen[start] {
            seen[start] = true
            var component = [start]
            var stack = [start]
            while let u = stack.popLast() {
                for v in graph[u] where member[v] && !seen[v] {
                    seen[v] = true
                    component.append(v)
                    stack.append(v)
                }
            }
            result.append(component.sorted())
        }
        return result
    }
}

private func binarySearch(_ list: UnsafeBufferPointer<Int>, _ value: Int) -> Int? {
    var lo = 0, hi = list.count
    while lo < hi {
        let mid = (lo + hi) / 2
        if list[mid] < value { lo = mid + 1 } else { hi = mid }
    }
    return lo < list.count && list[lo] == value ? lo : nil
}

extension UnitAdjacency {
    /// The GEOS-side work of building the graph: envelopes, the index, segment extraction, pair
    /// measurement, containment tests and island links. Lives in one task (GEOS handles are not Sendable).
    fileprivate struct Builder {
        let codes: [String]
        let geometries: [Geometry]
        let options: Options
        var neighbors: [[Int]]
        var shared: [[Double]]
        var empty: [Int] = []
        var centroids: [Point]
        private var envelopes: [Envelope?] = []
        private var index: SpatialIndex?
        private var prepared: [Int: PreparedGeometry] = [:]

        init(codes: [String], geometries: [Geometry], options: Options) {
            self.codes = codes
            self.geometries = geometries
            self.options = options
            neighbors = Array(repeating: [], count: codes.count)
            shared = Array(repeating: [], count: codes.count)
            centroids = Array(repeating: Point(x: .nan, y: .nan), count: codes.count)
        }

        private func failure(_ error: SpatialError, _ unit: Int, _ doing: String) -> CatchmentError {
            CatchmentError(.geometry, "\(doing) unit \(codes[unit]): \(error)")
        }

        private mutating func preparedGeometry(_ unit: Int) throws(CatchmentError) -> PreparedGeometry {
            if let p = prepared[unit] { return p }
            do {
                let p = try PreparedGeometry(geometries[unit])
                prepared[unit] = p
                return p
            } catch { throw failure(error, unit, "preparing") }
        }

        mutating func run() throws(CatchmentError) {
            let n = codes.count
            guard n > 0 else { return }
            let band = options.bandMeters
            envelopes = geometries.map(\.envelope)
            for u in 0..<n where envelopes[u] == nil { empty.append(u) }
            do {
                index = try SpatialIndex(envelopes: envelopes, in: geometries[0].context)
            } catch { throw CatchmentError(.geometry, "indexing \(n) units: \(error)") }
            guard let index else { return }

            // Boundary segments of every unit, in one flat array.
            var segments: [SharedBorderMeasurement.Segment] = []
            var ranges: [Range<Int>] = []
            ranges.reserveCapacity(n)
            var perimeters = [Double](repeating: 0, count: n)
            for u in 0..<n {
                let start = segments.count
                if envelopes[u] != nil {
                    for polygon in geometries[u].polygons {
                        for ring in polygon {
                            guard ring.count > 1 else { continue }
                            for k in 1..<ring.count where ring[k] != ring[k - 1] {
                                let s = SharedBorderMeasurement.Segment(ax: ring[k - 1].x, ay: ring[k - 1].y,
                                                                        bx: ring[k].x, by: ring[k].y)
                                perimeters[u] += s.length
                                segments.append(s)
                            }
                        }
                    }
                    do { centroids[u] = try geometries[u].centroid() } catch { throw failure(error, u, "computing the centroid of") }
                }
                ranges.append(start..<segments.count)
            }

            var measurement = SharedBorderMeasurement(toleranceMeters: band)
            for i in 0..<n {
                guard let ei = envelopes[i] else { continue }
                let grown = ei.expanded(by: band)
                for j in index.query(grown) where j > i {
                    guard let ej = envelopes[j] else { continue }
                    let window = (minX: Swift.max(ei.minX, ej.minX), minY: Swift.max(ei.minY, ej.minY),
                                  maxX: Swift.min(ei.maxX, ej.maxX), maxY: Swift.min(ei.maxY, ej.maxY))
                    let result = measurement.measure(segments[ranges[i]], segments[ranges[j]], window: window)
                    var length = result.sharedMeters
                    var isNeighbor = result.crosses || length >= options.minimumSharedLengthMeters
                    if !isNeighbor {
                        // One inside the other without touching much: only possible when envelopes nest.
                        if Self.encloses(ei, ej), try preparedContains(i, j) {
                            isNeighbor = true
                            length = Swift.max(length, perimeters[j])
                        } else if Self.encloses(ej, ei), try preparedContains(j, i) {
                            isNeighbor = true
                            length = Swift.max(length, perimeters[i])
                        }
                    }
                    guard isNeighbor else { continue }
                    neighbors[i].append(j); shared[i].append(length)
                    neighbors[j].append(i); shared[j].append(length)
                }
            }
        }

        private static func encloses(_ outer: Envelope, _ inner: Envelope) -> Bool {
            inner.minX >= outer.minX && inner.maxX <= outer.maxX && inner.minY >= outer.minY && inner.maxY <= outer.maxY
        }

        private mutating func preparedContains(_ outer: Int, _ inner: Int) throws(CatchmentError) -> Bool {
            let p = try preparedGeometry(outer)
            do { return try p.contains(geometries[inner]) } catch { throw failure(error, outer, "testing containment in") }
        }

        /// Links every component other than the largest to the nearest unit of the largest (the mainland).
        mutating func linkIslands(label: (Int) -> String) throws(CatchmentError) -> [IslandLink] {
            let withGeometry = (0..<codes.count).filter { envelopes[$0] != nil }
            let components = UnitAdjacency.components(of: neighbors, among: withGeometry)
            guard components.count > 1 else { return [] }
            // The largest component (ties: the one with the lowest first unit).
            var largest = 0
            for (c, component) in components.enumerated() where component.count > components[largest].count { largest = c }
            var inLargest = [Bool](repeating: false, count: codes.count)
            for u in components[largest] { inLargest[u] = true }
            var links: [IslandLink] = []
            for (c, component) in components.enumerated() where c != largest {
                guard let (from, to, distance) = try nearest(from: component, to: inLargest) else { continue }
                let others = component.count > 1
                    ? " and \(component.count - 1) unit\(component.count > 2 ? "s" : "") connected to it" : ""
                let andOthers = component.count > 1
                    ? " en " + Language.nl.count(component.count - 1, "daarmee verbonden eenheid", "daarmee verbonden eenheden") : ""
                let note = LocalizedText(
                    en: "\(label(from))\(others) joined to \(label(to)) across \(Language.en.kilometres(distance)) without a shared border (water or a gap in the map)",
                    nl: "\(label(from))\(andOthers) gekoppeld aan \(label(to)) over \(Language.nl.kilometres(distance)) zonder gedeelde grens (water of een gat in de kaart)")
                links.append(IslandLink(from: from, to: to, distanceMeters: distance, joinedUnits: component, note: note))
            }
            return links
        }

        /// The closest pair (u in `component`, v with `target[v]`) by polygon distance, searched in growing
        /// windows of the index.
        private mutating func nearest(from component: [Int], to target: [Bool]) throws(CatchmentError) -> (Int, Int, Double)? {
            guard let index else { return nil }
            var radius = 2_000.0
            while radius < 1e8 {
                var best: (Int, Int, Double)?
                for u in component {
                    guard let eu = envelopes[u] else { continue }
                    let candidates = index.query(eu.expanded(by: radius)).filter { target[$0] }
                    guard !candidates.isEmpty else { continue }
                    let p = try preparedGeometry(u)
                    for v in candidates {
                        let d: Double
                        do { d = try p.distance(to: geometries[v]) } catch { throw failure(error, u, "measuring the distance from") }
                        if best == nil || d < best!.2 || (d == best!.2 && (u, v) < (best!.0, best!.1)) { best = (u, v, d) }
                    }
                }
                // Anything nearer than the window radius has its envelope inside the window.
                if let best, best.2 <= radius { return best }
                radius *= 4
            }
            return nil
        }
    }
}
