import Testing
import RegioDomain
import RegioSpatial

@Suite struct UnitAdjacencyTests {
    typealias F = CatchmentFixtures

    @Test func gridIsRookContiguousWithExactSharedBorders() throws {
        let context = GeometryContext()
        let (codes, geometries) = try F.grid(context, columns: 3, rows: 3)
        let graph = try UnitAdjacency(codes: codes, geometries: geometries)
        let centre = try #require(graph.position(of: "R1C1"))
        #expect(graph.neighbors[centre].map { graph.codes[$0] } == ["R0C1", "R1C0", "R1C2", "R2C1"])
        #expect(graph.neighbors[0].count == 2)
        // Corner contact only: not neighbours.
        #expect(!graph.areNeighbors(0, centre))
        #expect(graph.sharedBorderMeters(between: 0, and: centre) == 0)
        for u in 0..<graph.count {
            for (k, v) in graph.neighbors[u].enumerated() {
                #expect(abs(graph.sharedBorderMeters[u][k] - 1_000) < 1e-6, "\(graph.codes[u])–\(graph.codes[v])")
            }
        }
        #expect(graph.components.count == 1)
        #expect(graph.islandLinks.isEmpty)
        #expect(graph.notes.isEmpty)
        #expect(abs(graph.centroids[centre].x - 101_500) < 1e-6 && abs(graph.centroids[centre].y - 401_500) < 1e-6)
    }

    @Test func collinearBordersWithDifferentVerticesAreMeasured() throws {
        // Two squares on top of one long rectangle whose top edge has no vertex at x = 1000 (a T-junction).
        let context = GeometryContext()
        let geometries = [
            try F.square(context, x: 0, y: 0, width: 1_000),
            try F.square(context, x: 1_000, y: 0, width: 1_000),
            try F.square(context, x: 0, y: -500, width: 2_000, height: 500),
        ]
        let graph = try UnitAdjacency(codes: ["A", "B", "C"], geometries: geometries)
        #expect(abs(graph.sharedBorderMeters(between: 0, and: 2) - 1_000) < 1e-6)
        #expect(abs(graph.sharedBorderMeters(between: 1, and: 2) - 1_000) < 1e-6)
        #expect(abs(graph.sharedBorderMeters(between: 0, and: 1) - 1_000) < 1e-6)
    }

    @Test func shortSharedBorderIsBelowTheMinimum() throws {
        // B touches A along 0.5 m only.
        let context = GeometryContext()
        let geometries = [try F.square(context, x: 0, y: 0, width: 1_000),
                          try F.square(context, x: 1_000, y: 999.5, width: 1_000)]
        let strict = try UnitAdjacency(codes: ["A", "B"], geometries: geometries,
                                       options: .init(minimumSharedLengthMeters: 1, linkIslands: false))
        #expect(!strict.areNeighbors(0, 1))
        let lenient = try UnitAdjacency(codes: ["A", "B"], geometries: geometries,
                                        options: .init(minimumSharedLengthMeters: 0.1, linkIslands: false))
        #expect(lenient.areNeighbors(0, 1))
        #expect(abs(lenient.sharedBorderMeters(between: 0, and: 1) - 0.5) < 1e-6)
    }

    @Test func hairlineGapNeedsTheTolerance() throws {
        let context = GeometryContext()
        let geometries = [try F.square(context, x: 0, y: 0, width: 1_000),
                          try F.square(context, x: 1_000.4, y: 0, width: 1_000)]
        let clean = try UnitAdjacency(codes: ["A", "B"], geometries: geometries, options: .init(linkIslands: false))
        #expect(!clean.areNeighbors(0, 1))
        #expect(clean.components.count == 2)
        let fuzzy = try UnitAdjacency(codes: ["A", "B"], geometries: geometries, options: .notCleanlyNoded)
        #expect(fuzzy.areNeighbors(0, 1))
        #expect(abs(fuzzy.sharedBorderMeters(between: 0, and: 1) - 1_000) < 1e-6)
        #expect(fuzzy.islandLinks.isEmpty)
    }

    @Test func cornerContactIsNoBorderEvenWithinTheTolerance() throws {
        // Four squares meeting at one point, the NE one nudged 0.5 m apart: with a 1 m tolerance the
        // diagonal pairs still share nothing, and the borders keep their true length.
        let context = GeometryContext()
        let geometries = [try F.square(context, x: 0, y: 0, width: 1_000), try F.square(context, x: 1_000, y: 0, width: 1_000),
                          try F.square(context, x: 0, y: 1_000, width: 1_000),
                          try F.square(context, x: 1_000.5, y: 1_000.5, width: 1_000)]
        let graph = try UnitAdjacency(codes: ["SW", "SE", "NW", "NE"], geometries: geometries, options: .notCleanlyNoded)
        #expect(!graph.areNeighbors(0, 3))
        #expect(!graph.areNeighbors(1, 2))
        #expect(graph.sharedBorderMeters(between: 0, and: 3) == 0)
        #expect(abs(graph.sharedBorderMeters(between: 0, and: 1) - 1_000) < 1e-6)
        #expect(abs(graph.sharedBorderMeters(between: 1, and: 3) - 999.5) < 1e-6)
    }

    @Test func overlappingSliverMakesNeighboursEvenWithoutCommonBoundary() throws {
        // B overlaps A by a 3 m sliver and is shifted north, so the boundaries cross but never run together.
        let context = GeometryContext()
        let geometries = [try F.square(context, x: 0, y: 0, width: 1_000),
                          try F.square(context, x: 997, y: 10, width: 1_000)]
        let graph = try UnitAdjacency(codes: ["A", "B"], geometries: geometries, options: .init(linkIslands: false))
        #expect(graph.areNeighbors(0, 1))
        #expect(graph.sharedBorderMeters(between: 0, and: 1) < 1)
    }

    @Test func unitInsideAnotherIsItsNeighbour() throws {
        let context = GeometryContext()
        // Cleanly noded: the outer unit has a hole exactly where the inner one lies.
        let outerWithHole = try context.polygon(
            exterior: [Point(x: 0, y: 0), Point(x: 3_000, y: 0), Point(x: 3_000, y: 3_000), Point(x: 0, y: 3_000)],
            holes: [[Point(x: 1_000, y: 1_000), Point(x: 1_000, y: 2_000), Point(x: 2_000, y: 2_000), Point(x: 2_000, y: 1_000)]])
        let inner = try F.square(context, x: 1_000, y: 1_000, width: 1_000)
        let noded = try UnitAdjacency(codes: ["O", "I"], geometries: [outerWithHole, inner])
        #expect(noded.areNeighbors(0, 1))
        #expect(abs(noded.sharedBorderMeters(between: 0, and: 1) - 4_000) < 1e-6)
        // Not noded: the inner unit simply overlaps the outer one, no common boundary at all.
        let outer = try F.square(context, x: 0, y: 0, width: 3_000)
        let overlapping = try UnitAdjacency(codes: ["O", "I"], geometries: [outer, inner], options: .init(linkIslands: false))
        #expect(overlapping.areNeighbors(0, 1))
        #expect(abs(overlapping.sharedBorderMeters(between: 0, and: 1) - 4_000) < 1e-6)
        // A unit floating inside a larger hole touches nothing.
        let small = try F.square(context, x: 1_400, y: 1_400, width: 200)
        let floating = try UnitAdjacency(codes: ["O", "S"], geometries: [outerWithHole, small], options: .init(linkIslands: false))
        #expect(!floating.areNeighbors(0, 1))
    }

    @Test func islandIsLinkedToTheNearestMainlandUnitWithANote() throws {
        let context = GeometryContext()
        var (codes, geometries) = try F.grid(context, columns: 3, rows: 3)
        // 8.2 km east of the grid's east edge (x = 103,000), level with the middle of its middle row.
        codes.append("GM0088")
        geometries.append(try F.square(context, x: 111_200, y: 401_200, width: 1_000, height: 600))
        let graph = try UnitAdjacency(codes: codes, names: codes.map { $0 == "GM0088" ? "Schiermonnikoog" : "" },
                                      geometries: geometries)
        #expect(graph.components.count == 1)
        let link = try #require(graph.islandLinks.first)
        #expect(graph.islandLinks.count == 1)
        #expect(graph.codes[link.from] == "GM0088")
        #expect(graph.codes[link.to] == "R1C2")
        #expect(abs(link.distanceMeters - 8_200) < 1e-6)
        #expect(link.joinedUnits == [9])
        #expect(link.note.en == "GM0088 Schiermonnikoog joined to R1C2 across 8.2 km without a shared border (water or a gap in the map)")
        #expect(link.note.nl == "GM0088 Schiermonnikoog gekoppeld aan R1C2 over 8,2 km zonder gedeelde grens (water of een gat in de kaart)")
        #expect(graph.notes == [link.note])
        #expect(graph.areNeighbors(link.from, link.to))
        #expect(graph.sharedBorderMeters(between: link.from, and: link.to) == 0)
    }

    @Test func islandGroupIsLinkedOnceToTheMainlandNotToANearerIsland() throws {
        let context = GeometryContext()
        var (codes, geometries) = try F.grid(context, columns: 3, rows: 3)
        // Two adjacent island squares 5 km north of the grid, and a third lone island 2 km beyond them.
        codes += ["I1", "I2", "I3"]
        geometries += [try F.square(context, x: 100_000, y: 408_000, width: 1_000),
                       try F.square(context, x: 101_000, y: 408_000, width: 1_000),
                       try F.square(context, x: 100_000, y: 411_000, width: 1_000)]
        let graph = try UnitAdjacency(codes: codes, geometries: geometries)
        #expect(graph.components.count == 1)
        #expect(graph.islandLinks.count == 2)
        let group = try #require(graph.islandLinks.first { $0.joinedUnits.count == 2 })
        #expect(group.joinedUnits == [9, 10])
        #expect(abs(group.distanceMeters - 5_000) < 1e-6)
        #expect(group.note.en.contains("and 1 unit connected to it"))
        #expect(group.note.nl.contains("en 1 daarmee verbonden eenheid"))
        let lone = try #require(graph.islandLinks.first { $0.joinedUnits == [11] })
        // Linked to the mainland (8 km away), not to the nearer island (2 km away).
        #expect(graph.codes[lone.to].hasPrefix("R2"))
        #expect(abs(lone.distanceMeters - 8_000) < 1e-6)
    }

    @Test func emptyGeometryHasNoNeighboursAndIsNoted() throws {
        let context = GeometryContext()
        var (codes, geometries) = try F.grid(context, columns: 2, rows: 1)
        codes.append("5028")
        geometries.append(try context.emptyPolygon())
        let graph = try UnitAdjacency(codes: codes, geometries: geometries, options: .notCleanlyNoded)
        #expect(graph.unitsWithoutGeometry == [2])
        #expect(graph.neighbors[2].isEmpty)
        #expect(graph.islandLinks.isEmpty)
        #expect(graph.centroids[2].x.isNaN)
        #expect(graph.notes.map(\.en) == ["5028 has no geometry: it has no neighbours and was not linked to any unit"])
        #expect(graph.notes.map(\.nl) == ["5028 heeft geen geometrie: het heeft geen buren en is aan geen enkele eenheid gekoppeld"])
    }

    @Test func contiguityCheck() throws {
        let context = GeometryContext()
        let (codes, geometries) = try F.grid(context, columns: 3, rows: 1)
        let graph = try UnitAdjacency(codes: codes, geometries: geometries)
        #expect(graph.isContiguous([0, 1, 2]))
        #expect(!graph.isContiguous([0, 2]))
        #expect(!graph.isContiguous([]))
    }

    @Test func badInputsSayWhatToChange() throws {
        let context = GeometryContext()
        let (_, geometries) = try F.grid(context, columns: 2, rows: 1)
        #expect(throws: CatchmentError(.badInput, "unit code A appears twice (units 0 and 1): codes must be unique")) {
            try UnitAdjacency(codes: ["A", "A"], geometries: geometries)
        }
        #expect(throws: CatchmentError(.badInput, "2 geometries for 3 unit codes: give one geometry per unit")) {
            try UnitAdjacency(codes: ["A", "B", "C"], geometries: geometries)
        }
    }
}
