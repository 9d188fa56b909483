import Testing
import RegioSpatial

/// Convex clipping against GEOS: the overlap area of two buffered hulls, as the audit measures territories.
@Suite struct ConvexPolygonTests {
    let context = GeometryContext()

    /// A buffered convex hull of `count` points around `center`, as GEOS makes it.
    func territory(_ center: Point, _ sequence: inout GoldenSequence, count: Int = 6) throws -> Geometry {
        let points = try (0..<count).map { _ throws(SpatialError) in
            try context.point(Point(x: center.x + sequence.next(in: -8_000...8_000),
                                    y: center.y + sequence.next(in: -8_000...8_000) * sequence.next()))
        }
        return try context.collection(.multiPoint, of: points).convexHull().buffer(2_500, segments: 6)
    }

    @Test func intersectionAreasAgreeWithGEOS() throws {
        var sequence = GoldenSequence()
        var overlapping = 0
        for _ in 0..<300 {
            let a = try territory(Point(x: 150_000, y: 450_000), &sequence)
            let b = try territory(Point(x: 150_000 + sequence.next(in: -15_000...15_000),
                                        y: 450_000 + sequence.next(in: -15_000...15_000)), &sequence)
            let p = try #require(ConvexPolygon(ring: a.polygonRings[0]))
            let q = try #require(ConvexPolygon(ring: b.polygonRings[0]))
            let expected = try a.intersection(b).area
            #expect(abs(p.intersectionArea(with: q) - expected) <= 1e-6 * Swift.max(1, p.area))
            #expect(abs(q.intersectionArea(with: p) - expected) <= 1e-6 * Swift.max(1, p.area))
            #expect(abs(p.area - a.area) <= 1e-9 * a.area)
            if expected > 0 { overlapping += 1 }
        }
        #expect(overlapping > 50, "the cases must include overlaps")
    }

    @Test func nonConvexAndDegenerateRingsAreRefused() {
        let square = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10), Point(x: 0, y: 0)]
        #expect(ConvexPolygon(ring: square)?.area == 100)
        #expect(ConvexPolygon(ring: square.reversed())?.area == 100)  // clockwise is turned around
        let notch = [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 5, y: 2), Point(x: 10, y: 10), Point(x: 0, y: 10)]
        #expect(ConvexPolygon(ring: notch) == nil)
        #expect(ConvexPolygon(ring: [Point(x: 0, y: 0), Point(x: 1, y: 1), Point(x: 2, y: 2)]) == nil)  // no area
        let far = ConvexPolygon(ring: square.map { Point(x: $0.x + 100, y: $0.y) })!
        #expect(ConvexPolygon(ring: square)!.intersectionArea(with: far) == 0)
    }

    @Test func polygonsThatOnlyTouchHaveNoIntersection() throws {
        let square = try #require(ConvexPolygon(ring: [Point(x: 0, y: 0), Point(x: 10, y: 0), Point(x: 10, y: 10), Point(x: 0, y: 10)]))
        let alongEdge = try #require(ConvexPolygon(ring: square.vertices.map { Point(x: $0.x + 10, y: $0.y) }))
        let atCorner = try #require(ConvexPolygon(ring: square.vertices.map { Point(x: $0.x + 10, y: $0.y + 10) }))
        #expect(square.intersection(with: alongEdge) == nil && alongEdge.intersection(with: square) == nil)
        #expect(square.intersection(with: atCorner) == nil && atCorner.intersection(with: square) == nil)
        let shifted = try #require(ConvexPolygon(ring: square.vertices.map { Point(x: $0.x + 5, y: $0.y) }))
        let half = try #require(square.intersection(with: shifted))
        #expect(half.area == 50 && half.envelope == Envelope(minX: 5, minY: 0, maxX: 10, maxY: 10))
    }
}

/// A deterministic low-discrepancy sequence in [0, 1): the fractional parts of multiples of the golden ratio.
struct GoldenSequence {
    private var x = 0.0
    mutating func next() -> Double {
        x = (x + 0.618_033_988_749_894_9).truncatingRemainder(dividingBy: 1)
        return x
    }
    /// The next value scaled to `range`.
    mutating func next(in range: ClosedRange<Double>) -> Double { range.lowerBound + next() * (range.upperBound - range.lowerBound) }
}
