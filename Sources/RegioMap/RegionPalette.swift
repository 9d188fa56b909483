import RegioDomain
import RegioSpatial

/// Distinct colours for regions: a qualitative palette (Tableau 10 and its lighter companions, without
/// grey, which the map keeps for schools in no region). A region's colour derives from its id, not from its
/// place in the list: the same region has the same colour after a reload, after an edit elsewhere, in
/// `regio map` and in `regio serve`. Regions whose territories lie within ``neighbourDistanceMeters`` of each
/// other still get different colours (``assign(ids:neighbours:)``).
struct RegionPalette {
    static let colours = [
        "#4e79a7", "#f28e2b", "#59a14f", "#b07aa1", "#76b7b2", "#edc948", "#ff9da7", "#9c755f",
        "#a0cbe8", "#8cd17d", "#d4a6c8", "#ffbe7d", "#499894", "#e15759", "#86bcb6", "#b6992d",
    ]

    /// Territories at most this many metres apart (RD New) are neighbours.
    static let neighbourDistanceMeters = 5_000.0

    /// Which territories are neighbours: envelopes grown by ``neighbourDistanceMeters`` meet, then the
    /// exact distance between the (simplified) geometries decides. Indices follow `territories`.
    static func neighbours(_ territories: [Geometry?]) throws(SpatialError) -> [[Int]] {
        let grown = territories.map { $0?.envelope?.expanded(by: neighbourDistanceMeters) }
        var neighbours = [[Int]](repeating: [], count: territories.count)
        for i in territories.indices {
            guard let a = grown[i], let ga = territories[i] else { continue }
            for j in territories.indices where j > i {
                guard let b = grown[j], let gb = territories[j], a.intersects(b),
                      try ga.distance(to: gb) <= neighbourDistanceMeters else { continue }
                neighbours[i].append(j)
                neighbours[j].append(i)
            }
        }
        return neighbours
    }

    /// A colour per region id, given each region's neighbours (indices into `ids`). Each region's first
    /// choice is the palette entry its id hashes to (``hash(_:)``); the regions take their colours in id
    /// order (greedy colouring, Welsh & Powell 1967, in an order that follows the ids rather than the list),
    /// each the first entry from its first choice on (cyclically) that no neighbour coloured before it holds;
    /// with every entry taken, its first choice. So a region's colour depends on its id and on the ids and
    /// colours of its neighbours only: the order of `ids` does not matter, and an edit changes the colour of
    /// a region only where it gives the region a new neighbour of the same colour.
    static func assign(ids: [RegionID], neighbours: [[Int]]) -> [RegionID: String] {
        let order = ids.indices.sorted { ids[$0] < ids[$1] }
        var colourOf = [Int?](repeating: nil, count: ids.count)
        for i in order {
            let taken = Set(neighbours[i].compactMap { colourOf[$0] })
            let first = Int(hash(ids[i].rawValue) % UInt64(colours.count))
            let free = (0..<colours.count).lazy.map { (first + $0) % colours.count }.first { !taken.contains($0) }
            colourOf[i] = free ?? first
        }
        var result: [RegionID: String] = [:]
        for (i, id) in ids.enumerated() { result[id] = colours[colourOf[i] ?? 0] }
        return result
    }

    /// FNV-1a (64 bit) of the id's UTF-8 bytes: the same on every run and machine (Swift's `Hasher` is
    /// seeded anew for every process).
    static func hash(_ id: String) -> UInt64 {
        var h: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in id.utf8 {
            h ^= UInt64(byte)
            h = h &* 0x0000_0100_0000_01b3
        }
        return h
    }
}
