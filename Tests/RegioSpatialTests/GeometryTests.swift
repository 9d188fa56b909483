import Testing
@testable import RegioSpatial

@Suite struct GeometryTests {
    let context = GeometryContext()

    func square(_ x: Double, _ y: Double, _ size: Double) throws -> Geometry {
        try context.polygon(exterior: [Point(x: x, y: y), Point(x: x + size, y: y), Point(x: x + size, y: y + size),
                                       Point(x: x, y: y + size)])
    }

    @Test func areaLengthAndEnvelopeOfASquare() throws {
        let s = try square(0, 0, 1000)
        #expect(s.area == 1_000_000)
        #expect(s.length == 4000)
        #expect(s.envelope == Envelope(minX: 0, minY: 0, maxX: 1000, maxY: 1000))
        #expect(s.kind == .polygon)
        #expect(s.polygonRings.first?.count == 5)
    }

    @Test func setOperationsAndSharedBoundary() throws {
        let a = try square(0, 0, 10), b = try square(10, 0, 10), c = try square(5, 5, 10)
        #expect(try a.touches(b))
        #expect(try a.sharedBoundary(with: b).length == 10)
        #expect(try a.intersection(c).area == 25)
        #expect(try a.union(b).area == 200)
        #expect(try a.difference(c).area == 75)
        let collection = try context.collection(.multiPolygon, of: [a, b])
        #expect(collection.partCount == 2)
        #expect(try collection.unaryUnion().kind == .polygon)
    }

    @Test func invalidBowTieIsRepairedByMakeValid() throws {
        let bowTie = try context.polygon(exterior: [Point(x: 0, y: 0), Point(x: 10, y: 10), Point(x: 10, y: 0), Point(x: 0, y: 10)])
        #expect(!bowTie.isValid)
        #expect(bowTie.validityReason.contains("Self-intersection"))
        let repaired = try bowTie.makeValid()
        #expect(repaired.isValid)
        #expect(abs(repaired.area - 50) < 1e-9)
    }

    @Test func ringWithTooFewPointsIsAnErrorCarryingGEOSsMessage() {
        do {
            _ = try context.polygon(exterior: [Point(x: 0, y: 0), Point(x: 1, y: 1)])
            Issue.record("expected an error")
        } catch {
            #expect(error.kind == .geometry)
            #expect(error.description.contains("ring"))
        }
    }

    @Test func wkbAndWktRoundTrip() throws {
        let s = try square(1, 2, 3)
        let back = try context.geometry(wkb: try s.wkb())
        #expect(back.area == 9)
        #expect(try context.geometry(wkt: "POINT (1 2)").coordinates == [Point(x: 1, y: 2)])
        #expect(throws: SpatialError.self) { try context.geometry(wkt: "POLYGON ((nonsense")}
        #expect(throws: SpatialError.self) { try context.geometry(wkb: [1, 2, 3]) }
    }

    @Test func geoJSONOrientationIsCounterClockwiseExterior() throws {
        // Clockwise input.
        let cw = try context.polygon(exterior: [Point(x: 0, y: 0), Point(x: 0, y: 1), Point(x: 1, y: 1), Point(x: 1, y: 0)])
        let ring = try cw.orientedForGeoJSON().polygonRings[0]
        var signedArea = 0.0
        for i in 0..<(ring.count - 1) { signedArea += ring[i].x * ring[i + 1].y - ring[i + 1].x * ring[i].y }
        #expect(signedArea > 0)
    }

    @Test func preparedGeometryCoversPointsInsideAndOnTheBorder() throws {
        let prepared = try PreparedGeometry(try square(0, 0, 10))
        #expect(prepared.covers(Point(x: 5, y: 5)))
        #expect(prepared.covers(Point(x: 10, y: 5)))
        #expect(!prepared.covers(Point(x: 10.001, y: 5)))
        #expect(try prepared.distance(to: context.point(Point(x: 13, y: 14))) == 5)
    }

    @Test func emptyGeometryHasNoEnvelopeAndZeroArea() throws {
        let empty = try context.emptyPolygon()
        #expect(empty.isEmpty)
        #expect(empty.envelope == nil)
        #expect(empty.area == 0)
    }
}
