import Testing
@testable import RegioSpatial

/// The WKB walk that guards GEOS's reader: well-formed blobs pass with their length, hostile ones are refused
/// with the cause, before GEOS sees them.
@Suite struct WKBStructureTests {
    let context = GeometryContext()

    /// `depth` GeometryCollections, each holding the next, around an empty one.
    func nested(_ depth: Int) -> [UInt8] {
        Array([[UInt8]](repeating: [1, 7, 0, 0, 0, 1, 0, 0, 0], count: depth).joined()) + [1, 7, 0, 0, 0, 0, 0, 0, 0]
    }

    func failure(_ bytes: [UInt8]) -> String? {
        do { _ = try WKBStructure.check(bytes); return nil } catch { return error.message }
    }

    @Test func geometriesGEOSWritesPassWithTheirLength() throws {
        let square = try context.polygon(exterior: [Point(x: 0, y: 0), Point(x: 1, y: 0), Point(x: 1, y: 1), Point(x: 0, y: 1)])
        let multi = try context.collection(.multiPolygon, of: [square, try square.buffer(1)])
        for geometry in [square, multi, try context.point(Point(x: 1, y: 2))] {
            let wkb = try geometry.wkb()
            #expect(try WKBStructure.check(wkb) == wkb.count)
            #expect(try context.geometry(wkb: wkb).kind == geometry.kind)
        }
        // Big-endian, ISO Z (1001) and EWKB with an SRID (0x20000001) points.
        let bigEndianPoint: [UInt8] = [0, 0, 0, 0, 1] + [UInt8](repeating: 0, count: 16)
        #expect(try WKBStructure.check(bigEndianPoint) == 21)
        #expect(try WKBStructure.check([1, 0xE9, 0x03, 0, 0] + [UInt8](repeating: 0, count: 24)) == 29)
        #expect(try WKBStructure.check([1, 1, 0, 0, 0x20, 0x40, 0x71, 0, 0] + [UInt8](repeating: 0, count: 16)) == 25)
    }

    @Test func nestingIsBoundedAtTheLimitAndNotBefore() throws {
        #expect(failure(nested(WKBStructure.maximumDepth)) == nil)
        #expect(failure(nested(WKBStructure.maximumDepth + 1))?.contains("more than 32 deep") == true)
        #expect(failure(nested(200_000))?.contains("more than 32 deep") == true)
        #expect(throws: SpatialError.self) { try context.geometry(wkb: nested(200_000)) }
    }

    @Test func countsMustFitTheBytesLeft() {
        #expect(failure([1, 3, 0, 0, 0, 0, 0, 0, 0x80])?.contains("2147483648 rings") == true)
        #expect(failure([1, 2, 0, 0, 0, 3, 0, 0, 0] + [UInt8](repeating: 0, count: 47))?.contains("3 points") == true)
        #expect(failure([1, 6, 0, 0, 0, 0xFF, 0xFF, 0xFF, 0xFF])?.contains("member geometries") == true)
        #expect(failure([1, 1, 0, 0, 0, 0, 0])?.contains("ends at byte 7") == true)
        #expect(failure([2, 1, 0, 0, 0])?.contains("byte-order mark") == true)
        #expect(failure([1, 8, 0, 0, 0])?.contains("geometry type 8") == true)
    }
}
