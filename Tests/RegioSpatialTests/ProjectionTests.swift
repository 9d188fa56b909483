import Testing
@testable import RegioSpatial

/// Reference values from `../shared/docs/c-libraries.md` (agree with cs2cs to the millimetre).
@Suite struct ProjectionTests {
    @Test func amsterdamDamAndUtrechtDomMatchReferenceWithinOneCentimetre() throws {
        let projection = try Projection(from: .wgs84, to: .rdNew)
        var points = [Point(x: 4.8926, y: 52.3731), Point(x: 5.1214, y: 52.0907)]
        try projection.transform(&points)
        #expect(abs(points[0].x - 121317.754) < 0.01)
        #expect(abs(points[0].y - 487362.091) < 0.01)
        #expect(abs(points[1].x - 136783.726) < 0.01)
        #expect(abs(points[1].y - 455860.139) < 0.01)
    }

    @Test func roundTripReturnsTheStartingPoint() throws {
        let forward = try Projection(from: .wgs84, to: .rdNew)
        let back = try Projection(from: .rdNew, to: .wgs84)
        let start = Point(x: 6.5517, y: 53.0087)
        let again = try back.transform(try forward.transform(start))
        #expect(abs(again.x - start.x) < 1e-8)
        #expect(abs(again.y - start.y) < 1e-8)
    }

    @Test func unknownCRSIsAnErrorWithPROJsMessage() {
        #expect(throws: SpatialError.self) { try Projection(from: CoordinateReferenceSystem(epsg: 999_999), to: .rdNew) }
        do {
            _ = try Projection(from: CoordinateReferenceSystem(epsg: 999_999), to: .rdNew)
        } catch {
            #expect(error.kind == .unknownCRS)
            #expect(error.description.contains("EPSG:999999"))
            #expect(error.libraryMessage != nil)
        }
        #expect(!Projection.isKnown(CoordinateReferenceSystem(epsg: 999_999)))
        #expect(Projection.isKnown(.rdNew))
    }

    @Test(arguments: [
        ("EPSG:28992", 28992), ("urn:ogc:def:crs:EPSG::28992", 28992), ("4326", 4326),
        ("urn:ogc:def:crs:OGC:1.3:CRS84", 4326), ("http://www.opengis.net/def/crs/EPSG/0/4326", 4326), ("RD", 28992),
    ])
    func crsNamesAreRecognised(name: String, epsg: Int) {
        #expect(CoordinateReferenceSystem(name: name)?.epsg == epsg)
    }

    @Test func nonsenseCRSNameIsRejected() {
        #expect(CoordinateReferenceSystem(name: "mercator-ish") == nil)
        #expect(CoordinateReferenceSystem(name: "EPSG:") == nil)
    }
}
