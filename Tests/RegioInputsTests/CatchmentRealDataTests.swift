import Foundation
import RegioDomain
import RegioInputs
import RegioSpatial
import RegioTestSupport
import Testing

/// Catchment areas on the real 2020 municipalities (355) and the CBS PC4 layer (4,068 postcode areas) in
/// `../shared/geodata`. Skipped, with a message, where that folder does not exist.
///
/// Timings are printed; they mean something only in a release build:
/// `swift test -c release -Xswiftc -enable-testing --filter CatchmentRealDataTests`.
@Suite struct CatchmentRealDataTests {
    /// `<package root>/../shared/geodata`.
    static let geodata: String = Fixtures.sharedGeodata?.path ?? "../shared/geodata"
    static let available = FileManager.default.fileExists(atPath: geodata + "/gemeenten_2020_rd.geojson")

    /// The loaded inputs of one test (each test has its own GEOS context: tests run in parallel).
    struct Inputs {
        let context: GeometryContext
        let map: MunicipalityMap
        let schools: [School]
        let counts: [SchoolCode: StudentCounts]
        let placement: SchoolPlacement
    }

    static func load() throws -> Inputs {
        let context = GeometryContext()
        let layer = try PolygonLayerReader.read(path: geodata + "/gemeenten_2020_rd.geojson", crs: nil, in: context)
        let map = try MunicipalityMap(layer.municipalities, in: context)
        let register = try SchoolRegisterReader.read(geodata + "/duo_vestigingen_vo_2020-12_geocoded.csv")
        let students = try StudentCountsReader.read(geodata + "/duo_leerlingen_vo_per_vestiging_naar_onderwijstype_2019.csv")
        let placement = SchoolPlacement(register.schools, on: map)
        return Inputs(context: context, map: map, schools: register.schools, counts: students.counts, placement: placement)
    }

    /// An independent breadth-first search: do `units` form one connected piece of `neighbors`?
    static func isConnected(_ units: [Int], _ neighbors: [[Int]]) -> Bool {
        guard let first = units.first else { return false }
        let wanted = Set(units)
        var seen: Set<Int> = [first]
        var queue = [first], head = 0
        while head < queue.count {
            let u = queue[head]; head += 1
            for v in neighbors[u] where wanted.contains(v) && !seen.contains(v) {
                seen.insert(v)
                queue.append(v)
            }
        }
        return seen.count == wanted.count
    }

    static func milliseconds(_ d: Duration) -> Double {
        Double(d.components.seconds) * 1_000 + Double(d.components.attoseconds) / 1e15
    }

    @Test(.enabled(if: available, "real data not found at ../shared/geodata (see that folder's README)"))
    func municipalityAdjacencyIsConnectedWithIslandsLinked() throws {
        let inputs = try Self.load()
        let clock = ContinuousClock()
        var adjacency: UnitAdjacency?
        let elapsed = try clock.measure {
            adjacency = try UnitAdjacency(map: inputs.map)
        }
        let graph = try #require(adjacency)
        #expect(graph.count == 355)
        #expect(graph.components.count == 1)
        #expect(graph.unitsWithoutGeometry.isEmpty)
        // Amsterdam and Amstelveen share a long border; Amsterdam and Utrecht do not touch.
        let amsterdam = try #require(graph.position(of: "GM0363"))
        let amstelveen = try #require(graph.position(of: "GM0362"))
        let utrecht = try #require(graph.position(of: "GM0344"))
        #expect(graph.areNeighbors(amsterdam, amstelveen))
        #expect(graph.sharedBorderMeters(between: amsterdam, and: amstelveen) > 1_000)
        #expect(!graph.areNeighbors(amsterdam, utrecht))
        // Symmetric lengths.
        for u in 0..<graph.count {
            for (k, v) in graph.neighbors[u].enumerated() {
                #expect(abs(graph.sharedBorderMeters[u][k] - graph.sharedBorderMeters(between: v, and: u)) < 1e-6)
            }
        }
        // The Wadden islands are linked, each with a note.
        let linked = Set(graph.islandLinks.flatMap(\.joinedUnits).map { graph.codes[$0] })
        for island in ["GM0088", "GM0060", "GM0093", "GM0096", "GM0448"] {  // Schiermonnikoog, Ameland, Terschelling, Vlieland, Texel
            #expect(linked.contains(island), "\(island) should be reached by an island link")
        }
        let geometricIslands = (0..<graph.count).filter { u in
            graph.neighbors[u].allSatisfy { graph.sharedBorderMeters(between: u, and: $0) == 0 }
        }
        print("municipality adjacency: \(graph.neighbors.map(\.count).reduce(0, +) / 2) neighbour pairs, "
              + "\(graph.islandLinks.count) island links, units without a shared border: "
              + geometricIslands.map(graph.label).joined(separator: ", ")
              + String(format: "; built in %.1f ms", Self.milliseconds(elapsed)))
        for note in graph.notes { print("  note: \(note.en)") }
    }

    @Test(.enabled(if: available, "real data not found at ../shared/geodata (see that folder's README)"))
    func municipalityCatchmentsMeetTheThresholds() throws {
        let inputs = try Self.load()
        let settings = AuditSettings()  // ≥ 2 schools with a technical profile, no minimum of students
        let clock = ContinuousClock()
        var first: CatchmentPartition?
        let elapsed = try clock.measure {
            first = try CatchmentBuilder.partition(map: inputs.map, schools: inputs.schools, counts: inputs.counts,
                                                   placement: inputs.placement, settings: settings)
        }
        let partition = try #require(first)
        let graph = partition.adjacency
        #expect(graph.count == 355)

        // Every unit in exactly one area.
        var seen: [String: Int] = [:]
        for area in partition.areas { for unit in area.units { seen[unit, default: 0] += 1 } }
        #expect(seen.count == 355)
        #expect(seen.values.allSatisfy { $0 == 1 })
        #expect(Set(partition.areaOfUnit.keys) == Set(inputs.map.municipalities.map(\.code)))

        for (index, area) in partition.areas.enumerated() {
            // Thresholds.
            #expect(area.meetsThresholds)
            #expect(area.technicalSchools.count >= settings.minimumTechnicalSchools, "\(area.id) has \(area.technicalSchools.count) schools with a technical profile")
            // Contiguity by an independent BFS over the adjacency.
            let units = area.units.compactMap(graph.position(of:))
            #expect(units.count == area.units.count)
            #expect(Self.isConnected(units, graph.neighbors), "\(area.id) is not contiguous")
            for unit in area.units { #expect(partition.areaOfUnit[unit] == index) }
            for school in area.schools { #expect(partition.areaOfSchool[school] == index) }
            // The counts add up from the inputs.
            let students = area.technicalSchools.reduce(0) { $0 + (inputs.counts[$1]?.technicalStudents() ?? 0) }
            #expect(students == area.technicalStudents)
        }
        let technicalPlaced = inputs.schools.filter {
            (inputs.counts[$0.code]?.technicalStudents() ?? 0) > 0 && inputs.placement.municipalityOf[$0.code] != nil
        }
        #expect(partition.areas.reduce(0) { $0 + $1.technicalSchools.count } >= technicalPlaced.count)

        // Same inputs, same seed: the same areas.
        let again = try CatchmentBuilder.partition(map: inputs.map, schools: inputs.schools, counts: inputs.counts,
                                                   placement: inputs.placement, settings: settings)
        #expect(again == partition)

        print("municipality catchments: p = \(partition.count), \(technicalPlaced.count) placed schools with a technical profile, "
              + String(format: "heterogeneity %.0f km, built in %.1f ms (adjacency included)",
                       partition.heterogeneityMeters / 1_000, Self.milliseconds(elapsed)))
        print("  method: \(partition.method.en)")
        for note in partition.notes { print("  note: \(note.en)") }
    }

    /// The regionalization alone on the 355 municipalities, timed apart from the adjacency.
    @Test(.enabled(if: available, "real data not found at ../shared/geodata (see that folder's README)"))
    func municipalityRegionalizationTiming() throws {
        let inputs = try Self.load()
        let graph = try UnitAdjacency(map: inputs.map)
        let (attributes, _) = Self.attributes(inputs, graph)
        let problem = try MaxPRegionalization(unitCount: graph.count, neighbors: graph.neighbors, attributes: attributes,
                                              lowerBounds: [2, 0], coordinates: graph.centroids)
        let clock = ContinuousClock()
        var solution: MaxPRegionalization.Solution?
        let elapsed = clock.measure {
            var generator = SplitMix64(seed: 1)
            solution = problem.solve(using: &generator)
        }
        let s = try #require(solution)
        #expect(s.regions.allSatisfy { Self.isConnected($0, graph.neighbors) })
        #expect(s.heterogeneity <= s.constructionHeterogeneity + 1e-6)
        print("municipality max-p (≥ 2 technical schools): p = \(s.p), "
              + String(format: "H %.0f km (construction %.0f km), %d tabu moves, %d of 100 constructions reached p; %.1f ms",
                       s.heterogeneity / 1_000, s.constructionHeterogeneity / 1_000, s.localSearchMoves,
                       s.iterationsReachingP, Self.milliseconds(elapsed)))
    }

    /// For comparison with pygeoda's reported p = 52 on the 347 mainland municipalities with a bound of
    /// 305 technical students (one threshold).
    @Test(.enabled(if: available, "real data not found at ../shared/geodata (see that folder's README)"))
    func mainlandWithStudentBoundForComparisonWithPygeoda() throws {
        let inputs = try Self.load()
        let full = try UnitAdjacency(map: inputs.map, options: .init(linkIslands: false))
        let largest = try #require(full.components.max { $0.count < $1.count })
        let (allAttributes, _) = Self.attributes(inputs, full)
        // Renumber the mainland units 0..<m.
        var local = [Int](repeating: -1, count: full.count)
        for (i, u) in largest.enumerated() { local[u] = i }
        let neighbors = largest.map { u in full.neighbors[u].compactMap { local[$0] >= 0 ? local[$0] : nil } }
        let problem = try MaxPRegionalization(unitCount: largest.count, neighbors: neighbors,
                                              attributes: largest.map { [allAttributes[$0][1]] }, lowerBounds: [305],
                                              coordinates: largest.map { full.centroids[$0] })
        let clock = ContinuousClock()
        var solution: MaxPRegionalization.Solution?
        let elapsed = clock.measure {
            var generator = SplitMix64(seed: 1)
            solution = problem.solve(using: &generator)
        }
        let s = try #require(solution)
        for region in s.regions {
            #expect(region.reduce(0) { $0 + problem.attributes[$1][0] } >= 305)
            #expect(Self.isConnected(region, neighbors))
        }
        print("mainland (\(largest.count) municipalities), ≥ 305 technical students: p = \(s.p) (pygeoda reportedly 52), "
              + String(format: "H %.0f km, within-region SS %.4g m², %.1f ms", s.heterogeneity / 1_000,
                       problem.withinRegionSumOfSquares(regions: s.regions), Self.milliseconds(elapsed)))
    }

    /// Per municipality: [schools with a technical profile, technical students], and the placed schools.
    static func attributes(_ inputs: Inputs, _ graph: UnitAdjacency) -> ([[Double]], Int) {
        var attributes = [[Double]](repeating: [0, 0], count: graph.count)
        var placed = 0
        for school in inputs.schools {
            let students = inputs.counts[school.code]?.technicalStudents() ?? 0
            guard students > 0, let code = inputs.placement.municipalityOf[school.code],
                  let u = graph.position(of: code) else { continue }
            attributes[u][0] += 1
            attributes[u][1] += Double(students)
            placed += 1
        }
        return (attributes, placed)
    }

    // MARK: postcode areas

    /// Reads the PC4 layer (not a municipality file: codes in `pc4`, one empty geometry) into geometries.
    static func readPostcodeAreas(in context: GeometryContext) throws -> (codes: [String], geometries: [Geometry]) {
        let data = try Data(contentsOf: URL(fileURLWithPath: geodata + "/pc4_2020_rd.geojson"))
        let root = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let features = try #require(root["features"] as? [[String: Any]])
        var codes: [String] = []
        var geometries: [Geometry] = []
        func ring(_ value: Any) throws -> [RegioSpatial.Point] {
            try #require(value as? [[Double]]).map { RegioSpatial.Point(x: $0[0], y: $0[1]) }
        }
        func polygon(_ value: Any) throws -> Geometry {
            let rings = try #require(value as? [Any]).map(ring)
            return try context.polygon(exterior: rings[0], holes: Array(rings.dropFirst()))
        }
        for feature in features {
            let properties = try #require(feature["properties"] as? [String: Any])
            codes.append(try #require(properties["pc4"] as? String))
            let geometry = try #require(feature["geometry"] as? [String: Any])
            let coordinates = try #require(geometry["coordinates"] as? [Any])
            if coordinates.isEmpty {
                geometries.append(try context.emptyPolygon())
            } else if geometry["type"] as? String == "MultiPolygon" {
                geometries.append(try context.collection(.multiPolygon, of: coordinates.map(polygon)))
            } else {
                geometries.append(try polygon(coordinates))
            }
        }
        return (codes, geometries)
    }

    @Test(.enabled(if: available, "real data not found at ../shared/geodata (see that folder's README)"))
    func postcodeAreaAdjacencyAndCatchments() throws {
        let inputs = try Self.load()
        let context = inputs.context
        let (codes, geometries) = try Self.readPostcodeAreas(in: context)
        #expect(codes.count == 4_068)
        let clock = ContinuousClock()
        var adjacency: UnitAdjacency?
        let adjacencyTime = try clock.measure {
            adjacency = try UnitAdjacency(codes: codes, geometries: geometries, options: .notCleanlyNoded)
        }
        let graph = try #require(adjacency)
        #expect(graph.unitsWithoutGeometry.map { graph.codes[$0] } == ["5028"])
        #expect(graph.components.count == 2)  // everything, and the empty 5028 on its own
        let amsterdamCentre = try #require(graph.position(of: "1011"))
        let neighbour = try #require(graph.position(of: "1012"))
        #expect(graph.areNeighbors(amsterdamCentre, neighbour))

        // Catchments over postcode areas: place the schools in them, drop the empty one.
        let kept = (0..<codes.count).filter { !geometries[$0].isEmpty }
        let areas = kept.map { Municipality(code: codes[$0], name: "", geometry: geometries[$0]) }
        let map = try MunicipalityMap(areas, in: context)
        let placement = SchoolPlacement(inputs.schools, on: map)
        var graphKept: UnitAdjacency?
        let keptTime = try clock.measure {
            graphKept = try UnitAdjacency(codes: kept.map { codes[$0] }, geometries: kept.map { geometries[$0] },
                                          options: .notCleanlyNoded)
        }
        let keptGraph = try #require(graphKept)
        // Debug builds are some 40 times slower: fewer constructions there, the defaults in release.
        #if DEBUG
        let options = MaxPRegionalization.Options(constructionIterations: 5)
        #else
        let options = MaxPRegionalization.Options()
        #endif
        var partition: CatchmentPartition?
        let partitionTime = try clock.measure {
            partition = try CatchmentBuilder.partition(adjacency: keptGraph, schools: inputs.schools, counts: inputs.counts,
                                                       placement: placement, settings: AuditSettings(), options: options)
        }
        let result = try #require(partition)
        #expect(result.areaOfUnit.count == kept.count)
        for area in result.areas {
            #expect(area.technicalSchools.count >= 2)
            #expect(Self.isConnected(area.units.compactMap(keptGraph.position(of:)), keptGraph.neighbors))
        }
        print("pc4 adjacency: \(graph.neighbors.map(\.count).reduce(0, +) / 2) neighbour pairs, "
              + "\(graph.islandLinks.count) island links; "
              + String(format: "built in %.0f ms (%.0f ms without 5028); max-p (%d constructions) p = %d in %.0f ms",
                       Self.milliseconds(adjacencyTime), Self.milliseconds(keptTime), options.constructionIterations,
                       result.count, Self.milliseconds(partitionTime)))
        for note in graph.islandLinks.prefix(5).map(\.note.en) { print("  note: \(note)") }
    }
}
