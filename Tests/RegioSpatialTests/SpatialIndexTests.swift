import Testing
@testable import RegioSpatial

@Suite struct SpatialIndexTests {
    let context = GeometryContext()

    @Test func queriesReturnExactlyTheIntersectingEnvelopes() throws {
        // A 10 × 10 grid of unit squares at even coordinates.
        var envelopes: [Envelope?] = []
        for i in 0..<10 { for j in 0..<10 {
            envelopes.append(Envelope(minX: Double(2 * i), minY: Double(2 * j), maxX: Double(2 * i + 1), maxY: Double(2 * j + 1)))
        } }
        envelopes.append(nil)
        let index = try SpatialIndex(envelopes: envelopes, in: context)
        for _ in 0..<3 { // repeated queries give the same answer (the tree is never changed after a query)
            let hits = index.query(Envelope(minX: 0.5, minY: 0.5, maxX: 2.5, maxY: 2.5))
            #expect(hits == [0, 1, 10, 11])
        }
        let brute = envelopes.indices.filter { envelopes[$0]?.intersects(Envelope(minX: 7, minY: 3, maxX: 13, maxY: 9)) ?? false }
        #expect(index.query(Envelope(minX: 7, minY: 3, maxX: 13, maxY: 9)) == brute)
        #expect(index.query(Envelope(minX: 100, minY: 100, maxX: 101, maxY: 101)).isEmpty)
        #expect(index.count == 101)
    }
}
