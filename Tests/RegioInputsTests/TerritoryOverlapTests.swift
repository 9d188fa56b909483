import Foundation
import RegioDomain
import RegioSpatial
import RegioTestSupport
import Testing

/// The auditor measures the overlap of two territories of one group each as the land within the intersection
/// of their buffered hulls. On the real data (where most hulls reach the sea or the border) that must equal
/// the GEOS overlay of the two territories themselves.
@Suite(.enabled(if: Fixtures.sharedGeodata != nil, "needs ../shared/geodata"))
struct TerritoryOverlapTests {
    @Test func landWithinSharedBuffersEqualsTheOverlayOfTheTerritories() throws {
        let dataset = try Fixtures.realDataset()
        let builder = try TerritoryBuilder(map: dataset.map, settings: dataset.settings)
        let territories = try dataset.registration!.regions.map { region in
            let points = region.schools.compactMap { dataset.schoolsByCode[$0]?.location }
            return try builder.territory(points: points, groups: [Array(points.indices)])
        }.filter { $0.buffer != nil }
        #expect(territories.count >= 40)
        #expect(territories.filter(\.isClipped).count >= 10, "the real data has coastal and border territories")

        var (compared, clippedOverlaps) = (0, 0)
        for (i, a) in territories.enumerated() {
            // An uncut territory is its buffer.
            if !a.isClipped { #expect(abs(a.geometry.area - a.buffer!.area) <= 1e-6 * a.buffer!.area) }
            for b in territories[(i + 1)...] {
                let expected = try a.geometry.intersection(b.geometry).area
                let measured = try a.buffer!.intersection(with: b.buffer!).map { try builder.landArea(within: $0) } ?? 0
                #expect(abs(measured - expected) <= 1 + 1e-6 * expected, "overlap \(measured) m², GEOS \(expected) m²")
                if expected > 1_000_000 {
                    compared += 1
                    if a.isClipped || b.isClipped { clippedOverlaps += 1 }
                }
            }
        }
        #expect(compared >= 10)
        #expect(clippedOverlaps >= 5, "overlaps of territories cut by the sea or the border are compared")
    }
}
