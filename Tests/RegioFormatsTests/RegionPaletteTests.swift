import RegioDomain
@testable import RegioMap
import Testing

/// Region colours derive from the region ids (``RegionPalette``), so a region keeps its colour across
/// reloads, edits elsewhere and the two pages; neighbours still differ.
struct RegionPaletteTests {
    static let ids: [RegionID] = ["STO19001", "STO19002", "STO19003", "STO19004", "STO19005", "STO19006", "STO19007"]
    /// A ring of neighbours, 0–1–2–…–6–0, and nothing else.
    static let ring = ids.indices.map { i in [(i + ids.count - 1) % ids.count, (i + 1) % ids.count] }

    @Test func aRegionWithoutNeighboursTakesTheColourItsIdHashesTo() {
        let alone = [[Int]](repeating: [], count: Self.ids.count)
        let colours = RegionPalette.assign(ids: Self.ids, neighbours: alone)
        for id in Self.ids {
            #expect(colours[id] == RegionPalette.colours[Int(RegionPalette.hash(id.rawValue) % UInt64(RegionPalette.colours.count))])
        }
        // FNV-1a 64 of "a" (a published test vector): the hash is the same on every run and machine.
        #expect(RegionPalette.hash("a") == 0xaf63_dc4c_8601_ec8c)
    }

    @Test func theOrderOfTheRegionsDoesNotMatter() {
        let colours = RegionPalette.assign(ids: Self.ids, neighbours: Self.ring)
        // The same regions and neighbours, listed backwards (indices mapped accordingly).
        let n = Self.ids.count
        let reversedIds = Array(Self.ids.reversed())
        let reversedRing = reversedIds.indices.map { i in Self.ring[n - 1 - i].map { n - 1 - $0 } }
        #expect(RegionPalette.assign(ids: reversedIds, neighbours: reversedRing) == colours)
    }

    @Test func neighboursDifferAndAFarRegionChangesNothing() {
        let colours = RegionPalette.assign(ids: Self.ids, neighbours: Self.ring)
        for (i, list) in Self.ring.enumerated() {
            for j in list { #expect(colours[Self.ids[i]] != colours[Self.ids[j]], "\(Self.ids[i]) and \(Self.ids[j])") }
        }
        // A new region with no neighbours (a split far away) leaves every other colour as it was.
        let more = RegionPalette.assign(ids: Self.ids + ["STO19950"], neighbours: Self.ring + [[]])
        for id in Self.ids { #expect(more[id] == colours[id], "\(id)") }
    }
}
