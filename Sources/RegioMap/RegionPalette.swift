import RegioDomain
import RegioSpatial

/// Distinct colours for regions: a qualitative palette (Tableau 10 and its lighter companions, without
/// grey, which the map keeps for schools in no region), assigned by greedy graph colouring so that
/// regions whose territories lie within ``neighbourDistanceMeters`` of each other get different colours
/// (Welsh & Powell 1967: most-connected region first; among the free colours the least used so far, so
/// the palette is spread evenly).
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

    /// A colour per region id, given each region's neighbours (indices into `ids`). Ties follow `ids`'
    /// order, so the result is deterministic.
    static func assign(ids: [RegionID], neighbours: [[Int]]) -> [RegionID: String] {
        let order = ids.indices.sorted { (neighbours[$0].count, $1) > (neighbours[$1].count, $0) }
        var colourOf = [Int?](repeating: nil, count: ids.count)
        var uses = [Int](repeating: 0, count: colours.count)
        for i in order {
            let taken = Set(neighbours[i].compactMap { colourOf[$0] })
            let free = colours.indices.filter { !taken.contains($0) }
            // More neighbours than colours: fall back to the least used colour overall.
            let candidates = free.isEmpty ? Array(colours.indices) : free
            let choice = candidates.min { (uses[$0], $0) < (uses[$1], $1) }!
            colourOf[i] = choice
            uses[choice] += 1
        }
        var result: [RegionID: String] = [:]
        for (i, id) in ids.enumerated() { result[id] = colours[colourOf[i] ?? 0] }
        return result
    }
}
